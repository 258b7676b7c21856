// What one pass of a rule hands back: the value, the L1 norm (the integral of |f|, which says when
// cancellation makes a relative error meaningless) and the number of integrand calls behind them.
#pragma once

#include <cstddef>

namespace kwe::quadrature {

template <class Real>
struct Estimate {
  Real value;
  Real l1;
  std::size_t calls = 0;
};

// A leaf integrand returns a plain value.
template <class Real>
Estimate<Real> as_estimate(const Real& value) {
  using std::abs;
  return {value, abs(value), 1};
}

template <class Real>
const Estimate<Real>& as_estimate(const Estimate<Real>& estimate) {
  return estimate;
}

}  // namespace kwe::quadrature
