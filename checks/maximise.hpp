// The maximum of a function of two variables over a box [lo, hi]: a scan of a grid that includes the
// box's edges, then coordinate-wise refinement from the best point found so far, one coordinate at a
// time, for rounds until one improves the value by no more than `value_tolerance` relative:
//  - at an edge of the box, one probe a distance delta = step 2^-bits inside: no better there, and the
//    maximum along that coordinate is at the edge to within delta (stationary or not), so nothing
//    more is spent on it (this is where the k-space sups and infs sit: k2 = 0, k2 parallel to k1, |k2| = 2);
//  - elsewhere Brent's method (boost::math::tools::brent_find_minima, on the real type: parabolic
//    steps where the function is smooth, golden-section steps where not) within one grid step either side.
// `bits` are those of the location; at a smooth interior maximum the value errs by the square of the
// location's error, so half the value's bits suffice. A Brent search that runs out of iterations away
// from an edge leaves `converged` false.
// What comes back is the best point evaluated and the value there (a value the caller computed at that
// point, never an interpolant). Not a global optimiser: the scan must resolve the basins, as it does for
// functions unimodal on the scale of one grid step.
#pragma once

#include <boost/math/tools/minima.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace kwe::checks {

template <class Real>
struct BoxMaximum {
  std::array<Real, 2> at;
  Real value;
  std::size_t evaluations = 0;
  bool converged = true;
};

template <class Real, class F>
BoxMaximum<Real> maximise_on_box(F&& f, const std::array<Real, 2>& lo, const std::array<Real, 2>& hi,
                                 const std::array<unsigned, 2>& scan, int bits, const Real& value_tolerance,
                                 unsigned max_rounds = 3) {
  using std::abs;
  using std::ldexp;
  BoxMaximum<Real> best;
  const auto evaluate = [&](const std::array<Real, 2>& x) -> Real {
    Real v = f(x);
    if (best.evaluations++ == 0 || v > best.value) {
      best.at = x;
      best.value = v;
    }
    return v;
  };
  std::array<Real, 2> step;
  for (int d = 0; d < 2; ++d) step[d] = (hi[d] - lo[d]) / std::max(1u, scan[d] - 1);
  for (unsigned i = 0; i < scan[0]; ++i)
    for (unsigned j = 0; j < scan[1]; ++j)
      evaluate({i + 1 == scan[0] ? hi[0] : Real(lo[0] + i * step[0]), j + 1 == scan[1] ? hi[1] : Real(lo[1] + j * step[1])});

  constexpr std::uintmax_t max_iterations = 60;
  for (unsigned round = 0; round < max_rounds; ++round) {
    const Real before = best.value;
    for (int d = 0; d < 2; ++d) {
      const std::array<Real, 2> centre = best.at;
      const bool at_low = centre[d] == lo[d], at_high = centre[d] == hi[d];
      if (at_low || at_high) {
        std::array<Real, 2> inside = centre;
        const Real delta = ldexp(step[d], -bits);
        inside[d] = at_low ? Real(centre[d] + delta) : Real(centre[d] - delta);
        // evaluate() updates best.value: compare against the value at the edge, taken before the probe.
        const Real at_edge = best.value;
        if (evaluate(inside) <= at_edge) continue;
      }
      const Real a = std::max(lo[d], Real(centre[d] - step[d])), b = std::min(hi[d], Real(centre[d] + step[d]));
      if (!(a < b)) continue;
      std::uintmax_t iterations = max_iterations;
      boost::math::tools::brent_find_minima(
          [&](const Real& t) {
            std::array<Real, 2> x = centre;
            x[d] = t;
            return Real(-evaluate(x));
          },
          a, b, bits, iterations);
      if (iterations >= max_iterations && best.at[d] != lo[d] && best.at[d] != hi[d]) best.converged = false;
    }
    if (best.value - before <= value_tolerance * abs(best.value)) break;
  }
  return best;
}

}  // namespace kwe::checks
