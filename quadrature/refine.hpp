// Refinement driver: evaluate the level-L rule for L = first, first+1, ... until the error estimate
// meets the relative tolerance, or the level cap or the rounding floor is reached (then `met` is false
// and the caller must not trust the value to the tolerance).
//
// The error estimate of I_L is |I_L - I_(L-1)|: two independent rules, of which the estimate measures
// the coarser. Both rule kinds converge geometrically or faster in the node count, so I_L is more
// accurate than its estimate says: safe, at the price of one level (a factor 2 in 2-D, levels growing
// the node count by sqrt 2). To it is added the rounding bound 2^(4-bits) * L1: no sum carried at
// `bits` bits is better than that.
#pragma once

#include "quadrature/estimate.hpp"
#include "quadrature/result.hpp"

#include <algorithm>
#include <cmath>

namespace kwe::quadrature {

struct RefinePolicy {
  unsigned first_level = 4;
  unsigned max_level = 18;

  // The first level worth computing for `digits`: the rules gain digits like 1.5 * 2^(L/2) (measured
  // on C^234_21: 6, 14, 31 digits at L = 4, 6, 8), and the estimate needs level L-1 to reach them.
  static RefinePolicy for_digits(unsigned digits) {
    RefinePolicy policy;
    const int guess = static_cast<int>(std::lround(2 * std::log2(digits / 1.5))) - 1;
    policy.first_level = static_cast<unsigned>(std::max(3, guess));
    policy.max_level = policy.first_level + 8;
    return policy;
  }
};

// Met when error <= max(tolerance * |value|, absolute): an absolute floor serves integrals whose
// value is wanted only to a fixed absolute accuracy (an outer sum of many of them, say).
template <class Real, class LevelEstimate>
Result<Real> refine(LevelEstimate&& estimate_at, const Real& tolerance, unsigned bits, const RefinePolicy& policy,
                    const Real& absolute = Real(0)) {
  using std::abs;
  using std::ldexp;
  Result<Real> result;
  Real previous_value = 0, previous_error = -1;
  for (unsigned level = policy.first_level; level <= policy.max_level; ++level) {
    const Estimate<Real> e = estimate_at(level);
    result.calls += e.calls;
    result.level = level;
    result.l1 = e.l1;
    const Real rounding = ldexp(e.l1, 4 - static_cast<int>(bits));
    if (level > policy.first_level) {
      result.error = abs(e.value - previous_value) + rounding;
      result.met = result.error <= tolerance * abs(e.value) || result.error <= absolute;
    }
    result.value = e.value;
    if (result.met) break;
    // Past the rounding floor a finer level only costs time.
    if (previous_error >= 0 && result.error >= previous_error && level > policy.first_level + 2) break;
    if (level > policy.first_level) previous_error = result.error;
    previous_value = e.value;
  }
  return result;
}

}  // namespace kwe::quadrature
