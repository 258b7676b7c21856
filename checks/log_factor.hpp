// A logarithmic factor in a sweep, Q(w1) ~ C w1^p (ln w1)^q, told apart from a pure power with
// corrections, Q ~ C w1^p (1 + c w1^(-delta) + ...), by how the local log-log slopes approach p.
//
// With L = ln w the local slope of a log factor is
//
//   s(L) = d ln Q / d ln w = p + q / L + O(1 / L^2),
//
// a drift like 1/L that never settles on a geometric grid, whereas a power correction gives
//
//   s(L) = p - c delta e^(-delta L) + ...,   i.e. s_k = p + c' r^k,  r = e^(-delta h) in (0, 1)
//
// on a grid of step h in L: a geometric sequence, which checks/fit.hpp's Aitken extrapolation removes.
// Read as a power law, a log factor gives a wrong p that creeps with the sweep's end (p + q / ln w1).
//
// Both models are fitted by least squares on the tail (the last half of the slopes, at least 5):
//
//   log model    s_k = p + q g_k,       g_k = (ln L_(k+1) - ln L_k) / (L_(k+1) - L_k)
//   power model  s_k = p + c e^(-delta (L_k - L_end)),   delta > 0 scanned (log-spaced, then golden
//                section), p and c linear for each delta
//
// g_k is the secant of ln L over the slope's interval -- the exact slope of (ln w)^q between two grid
// points -- so w^p (ln w)^q is fitted exactly rather than up to the interval's curvature (1/L_mid would
// be off by about q h^2 / (12 L^3)); the interval is recovered from the midpoints, exactly on a uniform
// grid in L (a geometric grid in w), to second order otherwise. As delta -> 0 the power model tends to
// a straight line in L, so it also stands for a slow linear drift.
//
// Decision: detected when
//   - the power model misfits: residual_power > 10 max(slope_uncertainty, residual_log), i.e. the
//     log model fits within the slopes' noise or at least ten times better (small O(1/L^2) terms of a
//     real log factor are tolerated), while no geometric correction does;
//   - q is significant: |q| > 5 q_uncertainty and |q| >= 0.01, q_uncertainty being the least-squares
//     standard error with sigma = max(slope_uncertainty, residual_log).
//
// Reliable regime: the best power model misses a pure 1/L drift by an rms of about 1.6e-4 |q| on a
// tail ln w in [7, 14] (w1 from 10^3 to 10^6, 4 points per decade), 1.8e-4 |q| on [4, 7] and 1.2e-4 |q|
// on [10, 21]: a log factor is told apart when the slopes are accurate to ~1e-5 |q| or better (exact
// and MPFR slopes are; slopes stated to 1e-5 hide q = 1/2 but not q = 1). With noisier
// slopes, or a log factor with a strong subleading term (ln w)^q (1 + a / ln w), a >~ 1, whose slopes
// the 1/L model misfits by more than a slow power does, the answer is "not detected": the safe side
// only in that the caller keeps the power-law fit, whose Aitken extrapolants then keep moving and whose
// uncertainty (checks/fit.hpp) says so. A pure power with corrections is fitted by the power model to
// its second-order terms: none was reported among those tried (1/w, w^-1/2, w^-1/2 + w^-1/4, 5 w^-1/10,
// tails ending at 10^3 to 10^9, slope noise 1e-9 and 1e-5), nor an exact power (q = 0).
#pragma once

#include "checks/fit.hpp"

#include <string>
#include <vector>

namespace kwe::checks {

struct LogFactor {
  bool detected = false;
  double p = 0, q = 0;              // s = p + q / ln w fitted on the tail (g_k above)
  double q_uncertainty = 0;
  double residual_log = 0, residual_power = 0;  // rms of the two models on the tail
  double delta = 0;                 // the power model's best rate (per unit of ln w)
  std::size_t tail = 0;             // slopes in the tail (0: too few slopes, nothing fitted)
  std::string summary;              // "w1^0.5 (log w1)^1.0" when detected, else ""
};

// log_midpoints[k] = (ln w_k + ln w_(k+1)) / 2, local_slopes[k] the slope between w_k and w_(k+1)
// (Fit::local_slopes), slope_uncertainty the slopes' noise. Throws std::invalid_argument when the two
// vectors differ in length or a midpoint is not > 0 (w <= 1).
LogFactor detect_log_factor(const std::vector<double>& log_midpoints, const std::vector<double>& local_slopes,
                            double slope_uncertainty);

// The same from a fit and its grid's omegas (the sweep's w1, as doubles).
LogFactor detect_log_factor(const Fit& fit, const std::vector<double>& omegas, double slope_uncertainty);

// One line for reports: the summary and the two residuals, or why not detected.
std::string describe(const LogFactor& factor);

}  // namespace kwe::checks
