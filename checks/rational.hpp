// Exact rationals for the range arithmetic (checks/affine.hpp, checks/polygon.hpp, checks/implication.hpp).
//
//   q = n / d,   gcd(n, d) = 1,   d > 0,   |n|, d < 2^63
//
// n and d are checked 63-bit integers of Boost.Multiprecision. Every operation is computed with
// 128-bit intermediates, exactly, then reduced by the gcd and narrowed back:
//
//   a/b + c/d = (a d + c b) / (b d),   (a/b)(c/d) = (a c) / (b d),   a/b < c/d  <=>  a d < c b   (b, d > 0)
//
// products of two 63-bit magnitudes are below 2^126 and their sums below 2^127, so nothing wraps; a
// reduced result that does not fit in 63 bits throws std::overflow_error: a decision is then refused
// rather than wrong. The paper's coefficients have denominators up to 8 and the vertices of its
// polygons stay far from that bound.
//
// Not boost::rational: in Boost 1.74 under C++20, comparing a rational with an int (q == 0) recurses
// forever through the reversed candidate of its own mixed operator== (boostorg/rational#43, fixed in
// 1.75); and constructing the checked integer from INT64_MIN silently gives 0. Both are avoided here.
#pragma once

#include <boost/multiprecision/cpp_int.hpp>

#include <compare>
#include <concepts>
#include <limits>
#include <string>

namespace kwe::checks {

using RationalInteger =
    boost::multiprecision::number<boost::multiprecision::cpp_int_backend<63, 63, boost::multiprecision::signed_magnitude,
                                                                         boost::multiprecision::checked, void>,
                                  boost::multiprecision::et_off>;

class Rational {
 public:
  Rational() = default;
  // Implicit from any built-in integer (0, 1, -1 in formulas); throws std::overflow_error outside
  // (-2^63, 2^63).
  template <std::integral T>
  Rational(T n) : numerator_(checked_integer(n)) {}
  Rational(const RationalInteger& n) : numerator_(n) {}
  // n / d reduced; throws std::domain_error for d = 0.
  Rational(const RationalInteger& n, const RationalInteger& d);

  const RationalInteger& numerator() const { return numerator_; }
  const RationalInteger& denominator() const { return denominator_; }

  Rational operator-() const;
  Rational& operator+=(const Rational& r) { return *this = *this + r; }
  Rational& operator-=(const Rational& r) { return *this = *this - r; }
  Rational& operator*=(const Rational& r) { return *this = *this * r; }
  Rational& operator/=(const Rational& r) { return *this = *this / r; }

  friend Rational operator+(const Rational& a, const Rational& b);
  friend Rational operator-(const Rational& a, const Rational& b);
  friend Rational operator*(const Rational& a, const Rational& b);
  friend Rational operator/(const Rational& a, const Rational& b);  // std::domain_error for b = 0
  // Reduced form is unique, so equality is equality of the parts.
  friend bool operator==(const Rational& a, const Rational& b) = default;
  friend std::strong_ordering operator<=>(const Rational& a, const Rational& b);

 private:
  template <std::integral T>
  static RationalInteger checked_integer(T n) {
    if constexpr (std::signed_integral<T> && std::numeric_limits<T>::digits >= 63)
      if (n == std::numeric_limits<T>::min()) throw_overflow();  // -2^63 would become 0
    if constexpr (std::unsigned_integral<T> && std::numeric_limits<T>::digits >= 64)
      if (n > static_cast<T>(std::numeric_limits<long long>::max())) throw_overflow();
    return RationalInteger(n);
  }
  [[noreturn]] static void throw_overflow();

  RationalInteger numerator_ = 0;
  RationalInteger denominator_ = 1;
};

Rational abs(const Rational& q);

// "3/2", "-1/2", "2", "0".
std::string to_string(const Rational& q);

// An optional sign, then an integer ("2"), a decimal ("0.75", ".5", "2.") or a fraction of integers
// ("3/2", "-6/4" = -3/2); spaces around the parts are allowed. Decimals are exact: 0.1 is 1/10.
// Throws std::invalid_argument on anything else (and on a zero denominator), std::overflow_error when
// the value does not fit.
Rational parse_rational(const std::string& text);

// The shortest decimal that reads back as x, exactly: 0.3 -> 3/10, 10 -> 10, 0.25 -> 1/4. How a double
// of the numerics (a grid value, a hypothesis bound) enters the exact arithmetic. Throws
// std::invalid_argument for a non-finite x, std::overflow_error when the decimal does not fit.
Rational decimal_rational(double x);

double to_double(const Rational& q);

}  // namespace kwe::checks
