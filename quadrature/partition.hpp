// Graded partitions. The data live on a scale of their own (<omega>^(-M/2) on scale 1, a factor
// <w1 + x>^(-M/2) on scale w1) while the domains reach w1 ~ 10^8 and beyond. A range [0, b] whose
// integrand varies on scale u near 0 is cut into
//   [0, u]                        linear (holds the endpoint singularity x^alpha),
//   [u r^k, u r^(k+1)], k >= 0     geometric, i.e. equal steps of ln x, so every scale costs the same,
// and, when b = inf, a last panel [T, inf) mapped by x = T/s.
// The data's complex singularities (x = +-i u) then sit off the ends of panels, where the
// double-exponential map tolerates them best: measured on C^234_21 (beta = 1/2, M = 12, w1 = 10^4),
// panels centred on them instead lose 5 of 31 digits at the same cost; ratio 8 beat 4, 16, 64 and no
// grading at all.
// Interior breakpoints (kinks of min{...}, ends of the domains) are always panel ends.
// When the integrand's behaviour at 0 is known to be x^alpha times an analytic function, the panel [0, u]
// goes to Gauss-Jacobi with that alpha instead of tanh-sinh (gauss_jacobi.hpp: a quarter of the nodes).
#pragma once

#include "quadrature/panel.hpp"

#include <algorithm>
#include <optional>
#include <vector>

namespace kwe::quadrature {

template <class Real>
struct Grading {
  Real ratio = 8;      // of consecutive geometric panels
  bool gauss = true;   // Gauss-Legendre on panels away from 0 and infinity; false: tanh-sinh on all,
                       // for integrands whose panel ends may be singular (see whole_domain.hpp)
};

// Panels covering [a, b], 0 <= a < b <= +infinity, for an integrand varying on scale `unit`. A half-
// infinite range gets its tail panel at the first rung past ratio * max(a, unit, largest break).
template <class Real>
std::vector<Panel<Real>> graded(const Real& a, const Real& b, const std::vector<Real>& breaks, const Real& unit,
                                const Grading<Real>& g, const std::optional<Real>& exponent_at_zero = std::nullopt) {
  using boost::multiprecision::isinf;
  std::vector<Real> points{a};
  Real top = std::max(a, unit);
  for (const Real& x : breaks)
    if (x > a && x < b) {
      points.push_back(x);
      top = std::max(top, x);
    }
  const bool infinite = isinf(b);
  Real rung = unit;
  for (; rung < b && !(infinite && rung > top * g.ratio); rung *= g.ratio)
    if (rung > a) points.push_back(rung);
  const Real end = infinite ? rung : b;
  points.push_back(end);
  std::sort(points.begin(), points.end());
  points.erase(std::unique(points.begin(), points.end()), points.end());

  std::vector<Panel<Real>> panels;
  for (std::size_t i = 0; i + 1 < points.size(); ++i) {
    if (points[i] > 0) {
      panels.push_back({PanelMap::geometric, g.gauss ? PanelRule::gauss_legendre : PanelRule::tanh_sinh, points[i],
                        points[i + 1]});
      panels.back().log_ratio = elementary::log(Real(points[i + 1] / points[i]));  // one log a panel, not a node
    }
    else if (exponent_at_zero && g.gauss)
      panels.push_back({PanelMap::linear, PanelRule::gauss_jacobi, points[i], points[i + 1], *exponent_at_zero});
    else
      panels.push_back({PanelMap::linear, PanelRule::tanh_sinh, points[i], points[i + 1]});
  }
  if (infinite) panels.push_back({PanelMap::to_infinity, PanelRule::tanh_sinh, end, b});
  return panels;
}

}  // namespace kwe::quadrature
