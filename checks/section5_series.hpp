// The series of the Section 5 checks that are more than one quantity swept in w1:
//   - the terms I_k of (5.2), divided by the factor in A, N the statement puts in front, with the sup
//     (or inf) over A in {1, 10, 100}, N in {1, 10, 100, 1000} taken at every w1: "the implicit constants
//     are independent of N, A" holds exactly when that sup is bounded by C w1^p;
//   - (5.6): the envelope of I2 over the phase, N / A^2 times it, and its slope in N;
//   - (5.21): the mechanism of Theorem 5.1 with the constants measured by the other series.
#pragma once

#include "checks/check.hpp"
#include "estimates/real.hpp"

#include <functional>
#include <string>
#include <vector>

namespace kwe::checks {

// The factor the statement puts in front of w1^p, at (A, N, w1).
using StatedFactor = std::function<Real(const Real& A, const Real& N, const Real& w1)>;

struct ParameterSweep {
  std::vector<std::string> As{"1", "10", "100"};
  std::vector<std::string> Ns{"1", "10", "100", "1000"};
};

// I_k (k = 1, 3, 4, 5, 6) / stated(A, N, w1), sup over the parameter sweep (inf when `lowest`).
SeriesSource normalized_term(const std::string& term, StatedFactor stated, ParameterSweep sweep, bool lowest);

// (5.6): sup over N of N (|Z^234_21| + |Z^234_3|), the envelope of I2 N / A^2 (A cancels exactly), on the
// audit grid up to 10^5 at two points per decade, with the slope in N between the two largest N at every
// w1 (the statement needs it <= -1). Values at min(digits, 12) digits: enough for slopes to 10^-8.
Series envelope_of_I2(const SeriesRequest& request);

// (5.21) along w1 = 2 pi B / N, with A, N, B chosen as Section 5.6 does from the measured constants.
Series mechanism_of_theorem_5_1(const SeriesRequest& request);

}  // namespace kwe::checks
