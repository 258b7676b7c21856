// One panel of a partition: the map from s in [0, 1] to the integration variable x, chosen so that the
// variable, its Jacobian and its distance to the singular end stay accurate at every node.
//   linear    [a, b]:      x = a + (b - a) s                (near b: x = b - (b - a)(1 - s))
//   geometric [a, b], a>0: x = a (b/a)^s, dx = x ln(b/a) ds (the logarithmic variable: a factor such as
//                          <x>^(-M/2) is analytic in a strip of fixed width in ln x, whatever the scale)
//   to_infinity [a, inf):  x = a / s, dx = a / s^2 ds       (an algebraic tail x^-p becomes s^(p-2))
#pragma once

#include "quadrature/elementary.hpp"

#include <stdexcept>

namespace kwe::quadrature {

enum class PanelMap { linear, geometric, to_infinity };

// Which rule integrates the panel: tanh-sinh where an end may be singular, Gauss-Jacobi where the
// singularity at the panel's start is a known power s^alpha (gauss_jacobi.hpp), Gauss-Legendre elsewhere.
enum class PanelRule { tanh_sinh, gauss_legendre, gauss_jacobi };

template <class Real>
struct MappedPoint {
  Real x;
  Real jacobian;
};

template <class Real>
struct Panel {
  PanelMap map;
  PanelRule rule;
  Real a, b;  // b is ignored for to_infinity
  Real alpha = 0;  // gauss_jacobi: the integrand is s^alpha times an analytic function near s = 0
  Real log_ratio = 0;  // geometric: ln(b/a), formed once where the panel is made (partition.hpp); 0: here

  // s is the position in [0, 1] and s_complement = 1 - s, both exact at the node.
  MappedPoint<Real> at(const Real& s, const Real& s_complement) const {
    switch (map) {
      case PanelMap::linear: {
        const Real length = b - a;
        Real x = s <= s_complement ? Real(a + length * s) : Real(b - length * s_complement);
        return {std::move(x), length};
      }
      case PanelMap::geometric: {
        Real formed;
        const Real& ln_ratio = log_ratio != 0 ? log_ratio : (formed = elementary::log(Real(b / a)));
        Real x = s <= s_complement ? Real(a * elementary::exp(Real(s * ln_ratio)))
                                     : Real(b * elementary::exp(Real(-s_complement * ln_ratio)));
        Real jacobian = x * ln_ratio;
        return {std::move(x), std::move(jacobian)};
      }
      case PanelMap::to_infinity: {
        Real x = a / s;
        Real jacobian = x / s;
        return {std::move(x), std::move(jacobian)};
      }
    }
    throw std::logic_error("unknown panel map");
  }
};

}  // namespace kwe::quadrature
