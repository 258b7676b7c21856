#include "checks/fit.hpp"

#include <algorithm>
#include <cmath>

namespace kwe::checks {

Fit fit_exponent(const std::vector<SweepPoint>& points) {
  Fit fit;
  const std::size_t n = points.size();
  if (n < 5) return fit;
  // Slopes in MPFR (the values may be 10^-300 and below), then long double for the extrapolation.
  std::vector<long double> slopes, noise;
  for (std::size_t k = 0; k + 1 < n; ++k) {
    const Real a = abs(points[k].value), b = abs(points[k + 1].value);
    const Real step = log(points[k + 1].omega / points[k].omega);
    slopes.push_back(static_cast<long double>(Real(log(b / a) / step)));
    noise.push_back(static_cast<long double>(Real((points[k].error / a + points[k + 1].error / b) / step)));
  }
  for (long double s : slopes) fit.local_slopes.push_back(static_cast<double>(s));
  fit.last_slope = static_cast<double>(slopes.back());

  std::vector<long double> aitken, aitken_noise;
  for (std::size_t k = 0; k + 2 < slopes.size(); ++k) {
    const long double d1 = slopes[k + 1] - slopes[k], d2 = slopes[k + 2] - slopes[k + 1];
    const long double curvature = d2 - d1;
    const long double sigma = std::max({noise[k], noise[k + 1], noise[k + 2]});
    // Corrections already below the values' own noise: nothing left to extrapolate.
    if (std::fabs(curvature) <= 4 * sigma || std::fabs(d2) <= 4 * sigma) {
      aitken.push_back(slopes[k + 2]);
      aitken_noise.push_back(sigma);
      continue;
    }
    const long double ratio = d2 / curvature;
    aitken.push_back(slopes[k + 2] - d2 * ratio);
    aitken_noise.push_back(sigma * (1 + 4 * std::fabs(ratio) + 4 * ratio * ratio));
  }
  for (long double a : aitken) fit.extrapolants.push_back(static_cast<double>(a));
  const std::size_t m = aitken.size();
  if (m < 3) return fit;
  const long double spread = std::max(std::fabs(aitken[m - 1] - aitken[m - 2]), std::fabs(aitken[m - 2] - aitken[m - 3]));
  fit.exponent = static_cast<double>(aitken[m - 1]);
  fit.uncertainty = static_cast<double>(2 * spread + aitken_noise[m - 1]);
  fit.ok = std::isfinite(fit.exponent) && std::isfinite(fit.uncertainty);
  return fit;
}

Real implied_constant(const std::vector<SweepPoint>& points, double p, bool lowest) {
  Real best = -1;
  const Real exponent = Real(p);
  for (const SweepPoint& point : points) {
    const Real ratio = abs(point.value) / pow(point.omega, exponent);
    if (best < 0 || (lowest ? ratio < best : ratio > best)) best = ratio;
  }
  return best;
}

}  // namespace kwe::checks
