// The sweep: a geometric grid of w1 and the values of every quantity the selected checks need on it,
// computed once (4.2 and 4.3 share C^234_21) and in parallel. C^j is the sum of its four cached pieces
// (3.5), with the sum of their error estimates.
#pragma once

#include "estimates/evaluation.hpp"

#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace kwe::checks {

struct Grid {
  std::string omega_min = "2";
  std::string omega_max = "1e4";
  unsigned per_decade = 4;

  // w1_k = omega_min * 10^(k / per_decade) <= omega_max, as decimal strings of 30 digits (the value
  // evaluated is exactly the decimal written in the report). Throws on a malformed or empty grid.
  std::vector<std::string> omegas() const;
};

struct PointKey {
  std::string quantity, data, beta, M, omega;
  bool operator<(const PointKey& o) const {
    return std::tie(quantity, data, beta, M, omega) < std::tie(o.quantity, o.data, o.beta, o.M, o.omega);
  }
};

class ValueTable {
 public:
  // Computes every key not yet in the table at `digits`, on `jobs` threads.
  void compute(const std::vector<PointKey>& keys, unsigned digits, unsigned jobs);
  const Evaluation& at(const PointKey& key) const;

 private:
  std::map<PointKey, Evaluation> values_;
};

}  // namespace kwe::checks
