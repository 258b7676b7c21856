// Refinement driver: evaluate the level-L rule for L = first, first+1, ... until the error estimate
// meets the relative tolerance, or the level cap or the rounding floor is reached (then `met` is false
// and the caller must not trust the value to the tolerance).
//
// The error estimate of I_L is |I_L - I_(L-1)|: two independent rules, of which the estimate measures
// the coarser. Both rule kinds converge geometrically or faster in the node count, so I_L is more
// accurate than its estimate says: safe, at the price of one level (a factor 2 in 2-D, levels growing
// the node count by sqrt 2). To it is added the rounding bound 2^(4-bits) * L1: no sum carried at
// `bits` bits is better than that. The driver (drive_levels) is shared with the oscillatory routes,
// whose values are complex or several at once (estimates/oscillating.hpp, oscillating_operator.hpp).
#pragma once

#include "quadrature/estimate.hpp"
#include "quadrature/result.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

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

// The rounding floor: no sum carried at `bits` bits is better than 2^(4-bits) times its L1 norm. The one
// place this bound is written; every error estimate adds it.
template <class Real>
Real rounding_floor(const Real& l1, unsigned bits) {
  using std::ldexp;
  return ldexp(l1, 4 - static_cast<int>(bits));
}

// What one level tells the driver, once it has a previous level to compare with.
template <class Real>
struct LevelCheck {
  bool met = false;       // the error estimate meets the target: stop, this level is the answer
  bool bounded = false;   // what is left is bounds no finer level can lower (a cut tail, an unsampled piece)
  Real progress = 0;      // the error measure that finer levels should lower (the stall test compares it)
};

// The one refinement driver: level(L) evaluates level L (the caller keeps what it needs of level L-1) and
// returns, for every level after the first, its LevelCheck. The levels go on until one is met, or the
// rest is bounded, or the level cap, or the rounding floor: past it (the progress measure stops falling,
// two levels after the first estimate) a finer level only costs time. Returns the last level evaluated.
template <class Real, class Level>
unsigned drive_levels(const RefinePolicy& policy, Level&& level) {
  Real previous = -1;
  unsigned last = policy.first_level;
  for (unsigned L = policy.first_level; L <= policy.max_level; ++L) {
    last = L;
    const std::optional<LevelCheck<Real>> check = level(L);
    if (!check) continue;
    if (check->met || check->bounded) break;
    if (previous >= 0 && check->progress >= previous && L > policy.first_level + 2) break;
    previous = check->progress;
  }
  return last;
}

// Met when error <= max(tolerance * |value|, absolute): an absolute floor serves integrals whose
// value is wanted only to a fixed absolute accuracy (an outer sum of many of them, say).
template <class Real, class LevelEstimate>
Result<Real> refine(LevelEstimate&& estimate_at, const Real& tolerance, unsigned bits, const RefinePolicy& policy,
                    const Real& absolute = Real(0)) {
  using std::abs;
  Result<Real> result;
  Real previous_value = 0;
  drive_levels<Real>(policy, [&](unsigned level) -> std::optional<LevelCheck<Real>> {
    const Estimate<Real> e = estimate_at(level);
    result.calls += e.calls;
    result.level = level;
    result.l1 = e.l1;
    std::optional<LevelCheck<Real>> check;
    if (level > policy.first_level) {
      result.error = abs(e.value - previous_value) + rounding_floor(e.l1, bits);
      result.met = result.error <= tolerance * abs(e.value) || result.error <= absolute;
      check = LevelCheck<Real>{result.met, false, result.error};
    }
    result.value = e.value;
    previous_value = e.value;
    return check;
  });
  return result;
}

}  // namespace kwe::quadrature
