// Everything an evaluation at one precision shares: the requested digits, the working precision, the
// rules, the grading of the partitions and the refinement policy. One per thread (the rule family
// builds its node sets on first use).
#pragma once

#include "quadrature/partition.hpp"
#include "quadrature/refine.hpp"
#include "quadrature/rule_family.hpp"

namespace kwe::quadrature {

template <class Real>
struct Engine {
  unsigned digits;  // requested significant digits: the relative tolerance is 10^-digits
  unsigned bits;    // working precision
  RefinePolicy policy;
  Grading<Real> grading;
  RuleFamily<Real> rules;
  Real absolute_tolerance = 0;  // optional floor: see refine.hpp
  bool graded_levels = true;     // panels at levels graded by their share of the value (level_plan.hpp)

  Engine(unsigned digits_, unsigned bits_, Grading<Real> grading_ = {})
      : digits(digits_), bits(bits_), policy(RefinePolicy::for_digits(digits_)), grading(grading_), rules(bits_) {}

  Real tolerance() const {
    using std::pow;
    return pow(Real(10), -static_cast<int>(digits));
  }
};

}  // namespace kwe::quadrature
