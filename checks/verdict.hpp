// From a fit to a verdict on "Q ≲ / ≳ / ≈ w1^p".
//   ≲ holds unless p-hat - u > p;  ≳ holds unless p-hat + u < p;  ≈ holds when |p-hat - p| <= u.
// INCONCLUSIVE, never PASS, when the fit could not be made, its uncertainty exceeds the tolerance, or any
// value of the sweep missed its error target. The slack p - p-hat says how far from sharp the stated
// exponent is (positive: room to spare for ≲); the bound is sharp when |slack| <= u.
// Every verdict comes with a negative control: the same fit judged against an exponent wrong by
// `control_margin` on the side the relation forbids (p-hat - margin for ≲, p-hat + margin for ≳ and ≈)
// must FAIL; if it does not, the check cannot see a wrong exponent and is reported broken.
#pragma once

#include "checks/check.hpp"
#include "checks/fit.hpp"

#include <string>

namespace kwe::checks {

enum class Outcome { pass, fail, inconclusive };

std::string to_string(Outcome outcome);

struct Verdict {
  Outcome outcome = Outcome::inconclusive;
  std::string reason;
  double slack = 0;
  bool sharp = false;
};

struct Tolerances {
  double max_uncertainty = 0.02;  // above it the fit cannot decide
  double min_uncertainty = 1e-9;  // exponents are not claimed closer than this
  double control_margin = 0.25;
};

Verdict judge(Relation relation, double predicted, const Fit& fit, bool values_met, const Tolerances& tolerances);

struct Control {
  double exponent = 0;
  Outcome outcome = Outcome::inconclusive;
  bool broken = false;  // the control did not FAIL although the check itself was decided
};

Control negative_control(Relation relation, const Fit& fit, bool values_met, const Tolerances& tolerances);

}  // namespace kwe::checks
