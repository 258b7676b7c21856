// A check reads like the paper's sentence: a quantity, a relation, a predicted exponent of w1 and the
// hypotheses under which the paper states it. The numerics (sweep, fit, verdict) sit below it.
#pragma once

#include "checks/exponent.hpp"

#include <string>
#include <vector>

namespace kwe::checks {

enum class Relation { upper /* ≲ */, lower /* ≳ */, both /* ≈ */ };

std::string symbol(Relation relation);  // ≲ ≳ ≈
std::string word(Relation relation);    // "upper bound", ...

// The "<=" rows of the catalogue: lhs <= rhs at every sweep point (quantity names).
struct Comparison {
  std::string lhs, rhs;
};

struct Hypotheses {
  double beta_min = 0, beta_max = 1;
  bool beta_min_open = false;  // beta > beta_min (Section 5: beta in (1/4, 1])
  double M_min = 0;            // M > M_min (Section 4: 6, Section 5: 10)
  std::string text;            // as the paper states them
};

struct Check {
  std::string id;         // the paper's equation number, e.g. "4.3"
  std::string statement;  // as printed in the paper
  std::string quantity;   // the quantity whose exponent is measured, e.g. "C234_21"
  std::string data = "n01,n01,n01";
  Relation relation = Relation::upper;
  Exponent predicted;
  Hypotheses hypotheses;
  std::vector<Comparison> comparisons;
  std::vector<std::string> follows_from;  // ids whose stated exponents the paper combines into this one
  std::string section;                    // where in the paper
};

}  // namespace kwe::checks
