// The working real type of kwe-verify and the two rules every number obeys:
//  1. inputs are parsed from their decimal strings straight into MPFR (never through a double:
//     "0.3" as a double is 0.29999999999999998890, a different beta beyond 16 digits);
//  2. the working precision is chosen at run time from the requested significant digits.
#pragma once

#include <boost/multiprecision/mpfr.hpp>

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <stdexcept>
#include <string>

namespace kwe {

using Real = boost::multiprecision::mpfr_float;

// Bits of working precision for `digits` requested significant digits. Ten guard digits cover the
// rounding of some 10^5 positive terms and the loss in the gain-loss combination; the count is then
// kept under 128 bits when it can be, since MPFR's fast path stops at 128 bits and 113-127 bits run
// several times faster than 128+.
// Test only: KWE_TEST_PRECISION_DIGITS=d caps the working precision at d decimal digits, far below what
// the tolerance needs, so that every value misses its error target: no verdict may then be PASS and no
// value verified (tests/cli_forced_imprecision.cmake).
inline unsigned test_precision_cap() {
  static const unsigned cap = [] {
    const char* text = std::getenv("KWE_TEST_PRECISION_DIGITS");
    if (text == nullptr) return 0u;
    const long d = std::strtol(text, nullptr, 10);
    return d >= 2 && d <= 100 ? static_cast<unsigned>(d) : 0u;
  }();
  return cap;
}

inline unsigned working_digits10(unsigned digits) {
  const unsigned wanted = digits + 10;
  const unsigned chosen = (wanted >= 38 && digits <= 30) ? 37 : wanted;  // 37 digits10 = 124 bits
  const unsigned cap = test_precision_cap();
  return cap != 0 && cap < chosen ? cap : chosen;
}

// Bits of working precision behind `digits` requested digits (Boost's conversion of digits10).
inline unsigned bits_for_digits(unsigned digits) {
  return static_cast<unsigned>(boost::multiprecision::detail::digits10_2_2(working_digits10(digits)));
}

// Sets MPFR's default precision for every Real created afterwards (Boost keeps one global default:
// a run works at one precision at a time).
inline void set_working_precision(unsigned digits) {
  Real::default_precision(working_digits10(digits));
}

// Bits of a Real created now (Boost's default, not MPFR's own mpfr_get_default_prec()).
inline unsigned working_bits() { return static_cast<unsigned>(mpfr_get_prec(Real(0).backend().data())); }

// Parses a decimal (or scientific) literal at the current precision; throws std::invalid_argument
// with a message naming `what` on anything that is not a finite number.
inline Real parse_real(const std::string& text, const std::string& what) {
  const auto bad = [&] { return std::invalid_argument(what + ": '" + text + "' is not a finite decimal number"); };
  if (text.empty()) throw bad();
  std::size_t i = 0;
  if (text[i] == '+' || text[i] == '-') ++i;
  bool digit = false, dot = false;
  for (; i < text.size() && text[i] != 'e' && text[i] != 'E'; ++i) {
    if (text[i] == '.' && !dot) dot = true;
    else if (std::isdigit(static_cast<unsigned char>(text[i]))) digit = true;
    else throw bad();
  }
  if (!digit) throw bad();
  if (i < text.size()) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    if (i == text.size()) throw bad();
    for (; i < text.size(); ++i)
      if (!std::isdigit(static_cast<unsigned char>(text[i]))) throw bad();
  }
  Real value;
  if (mpfr_set_str(value.backend().data(), text.c_str(), 10, MPFR_RNDN) != 0) throw bad();
  if (!boost::multiprecision::isfinite(value)) throw bad();
  return value;
}

// Decimal string with `digits` significant digits (scientific notation: the stream precision counts
// the digits after the point, one fewer).
inline std::string to_decimal(const Real& x, unsigned digits) {
  return x.str(static_cast<std::streamsize>(digits > 1 ? digits - 1 : 0), std::ios_base::scientific);
}

}  // namespace kwe
