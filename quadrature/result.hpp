// The answer of an integration: the value, an error estimate obtained honestly, and what it cost.
#pragma once

#include <cstddef>

namespace kwe::quadrature {

template <class Real>
struct Result {
  Real value;
  Real error;        // |I_L - I_(L-1)| plus the rounding bound: conservative (see refine.hpp)
  Real l1;           // integral of |f|: error/l1 is what cancellation leaves attainable
  std::size_t calls = 0;  // integrand calls of all levels tried
  unsigned level = 0;
  bool met = false;  // error <= tolerance * |value| (or <= the absolute floor, when one is given)
};

}  // namespace kwe::quadrature
