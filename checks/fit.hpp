// The asymptotic exponent of a sweep, Q(w1) ~ C w1^p as w1 -> infinity.
//
// Local log-log slopes s_k = (ln Q_(k+1) - ln Q_k) / (ln w_(k+1) - ln w_k) tend to p with corrections
// in powers of 1/w1 (expanding <w4>^(-M/2) around w1, or the tails of the inner integrals cut at w1/2):
// on a geometric grid such corrections are geometric sequences in k, which Aitken's delta-squared
// process removes whatever their power. The estimate is the last Aitken extrapolant; its uncertainty is
// twice the spread of the last three extrapolants (how far they still move), plus the rounding of the
// values propagated through the extrapolation. Slow corrections (a logarithm, a tie between two powers)
// leave the extrapolants moving, and the uncertainty says so.
#pragma once

#include "estimates/real.hpp"

#include <vector>

namespace kwe::checks {

struct SweepPoint {
  Real omega;
  Real value;
  Real error;
};

struct Fit {
  bool ok = false;                    // enough points for an extrapolation
  double exponent = 0;                // p-hat
  double uncertainty = 0;
  double last_slope = 0;              // the raw local slope at the top of the sweep
  std::vector<double> local_slopes;   // at the geometric midpoints
  std::vector<double> extrapolants;   // Aitken, aligned with local_slopes[k + 2]
};

Fit fit_exponent(const std::vector<SweepPoint>& points);

// sup (or inf, when `lowest`) over the sweep of Q / w1^p: the implied constant of an upper (lower) bound.
Real implied_constant(const std::vector<SweepPoint>& points, double p, bool lowest);

}  // namespace kwe::checks
