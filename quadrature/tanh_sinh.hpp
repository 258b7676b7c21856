// The tanh-sinh (double-exponential) rule on [0, 1] with step h, for panels that touch a singular end:
// the end at 0 of a range (factors w^beta, w^(beta+1/2)) or the mapped end at infinity (a tail x^-p
// becomes s^(p-2)). Double-exponential rules converge there at the same rate as on smooth functions,
// where Gauss-Legendre (and Boost's gauss_kronrod) stall.
//
// Substitution (Takahasi & Mori 1974; Mori 1985; Bailey, Jeyabalan & Li 2005), with x in [-1, 1]:
//   x(t) = tanh(pi/2 sinh t),  w(t) = (pi/2) cosh t / cosh^2(pi/2 sinh t) = (pi/2) cosh t (1 - x^2),
//   1 - x(t) = 2 / (1 + exp(pi sinh t))  (computed directly: no cancellation next to the end).
// The sum runs over t = k h, truncated where w(t) < 2^-(bits + 16): past it no node can change a sum
// carried at `bits` bits, even next to an integrable endpoint singularity.
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
  const Real tiny = ldexp(Real(1), -static_cast<int>(bits) - 16);
  NodeSet<Real> nodes;
  // x in [-1, 1] maps to s = (1 + x)/2, so ds = dx/2 and the distance to the nearer end is (1 - x)/2.
  nodes.push_back({Real(1) / 2, Real(1) / 2, Real(half_pi * h / 2)});
  for (long k = 1;; ++k) {
    const Real t = h * k;
    const Real c = 2 / (1 + exp(2 * half_pi * sinh(t)));
    const Real w = half_pi * cosh(t) * c * (2 - c) * h / 2;
    if (w < tiny || c == 0) break;
    const Real near = c / 2;
    const Real far = 1 - near;
    nodes.push_back({near, far, w});
    nodes.push_back({far, near, w});
  }
  return nodes;
}

}  // namespace kwe::quadrature
