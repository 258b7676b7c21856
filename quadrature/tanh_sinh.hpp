// The tanh-sinh (double-exponential) rule on [0, 1] with step h, for panels that touch a singular end:
// the end at 0 of a range (factors w^beta, w^(beta+1/2), or x^a with a > -1 in the tests) or the mapped
// end at infinity (a tail x^-p becomes s^(p-2)). Double-exponential rules converge there at the same
// rate as on smooth functions, where Gauss-Legendre (and Boost's gauss_kronrod) stall.
//
// Substitution (Takahasi & Mori 1974; Mori 1985; Bailey, Jeyabalan & Li 2005), with x in [-1, 1]:
//   x(t) = tanh(pi/2 sinh t),  w(t) = (pi/2) cosh t / cosh^2(pi/2 sinh t) = (pi/2) cosh t (1 - x^2),
//   1 - x(t) = 2 / (1 + exp(pi sinh t))  (computed directly: no cancellation next to the end).
// The table runs out to 1 - x = 2^-(100 bits), far past where a bounded integrand stops mattering,
// because an unbounded one does not: x^-0.99 needs nodes down to x ~ 10^-2500 for 25 digits. The sum
// itself stops on each side once its terms have become negligible (level_sum.hpp), so a bounded
// integrand pays nothing for the depth of the table.
// Order: the centre node first, then the pairs (near 0, near 1) by increasing t.
#pragma once

#include "quadrature/node.hpp"

#include <boost/math/constants/constants.hpp>

namespace kwe::quadrature {

template <class Real>
NodeSet<Real> tanh_sinh_nodes(const Real& h, unsigned bits) {
  using std::cosh;
  using std::exp;
  using std::ldexp;
  using std::sinh;
  const Real half_pi = boost::math::constants::half_pi<Real>();
  const Real deepest = ldexp(Real(1), -100 * static_cast<int>(bits));
  NodeSet<Real> nodes;
  // x in [-1, 1] maps to s = (1 + x)/2, so ds = dx/2 and the distance to the nearer end is (1 - x)/2.
  nodes.push_back({Real(1) / 2, Real(1) / 2, Real(half_pi * h / 2)});
  for (long k = 1;; ++k) {
    const Real t = h * k;
    const Real c = 2 / (1 + exp(2 * half_pi * sinh(t)));
    if (c < deepest) break;
    const Real w = half_pi * cosh(t) * c * (2 - c) * h / 2;
    const Real near = c / 2;
    const Real far = 1 - near;
    nodes.push_back({near, far, w});
    nodes.push_back({far, near, w});
  }
  return nodes;
}

}  // namespace kwe::quadrature
