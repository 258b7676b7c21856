// Comparisons in MPFR: Catch2's Approx works in double (and its default tolerance is 1.2e-5), which
// cannot see the digits these tests are about.
#pragma once

#include "estimates/real.hpp"

#include <string>

namespace kwe::testing {

inline Real relative_error(const Real& computed, const Real& expected) {
  return abs(Real(computed - expected)) / abs(expected);
}

// log10 of the relative error, for messages.
inline std::string digits_of_agreement(const Real& computed, const Real& expected) {
  const Real e = relative_error(computed, expected);
  return e == 0 ? std::string("all") : to_decimal(Real(-log10(e)), 4);
}

inline bool agrees(const Real& computed, const Real& expected, unsigned digits) {
  return relative_error(computed, expected) < pow(Real(10), -static_cast<int>(digits));
}

}  // namespace kwe::testing
