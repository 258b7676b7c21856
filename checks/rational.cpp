#include "checks/rational.hpp"

#include <charconv>
#include <cctype>
#include <cmath>
#include <stdexcept>

namespace kwe::checks {

namespace {

// Products of two 63-bit magnitudes and sums of two such products.
using WideInteger =
    boost::multiprecision::number<boost::multiprecision::cpp_int_backend<128, 128, boost::multiprecision::signed_magnitude,
                                                                         boost::multiprecision::checked, void>,
                                  boost::multiprecision::et_off>;

const WideInteger& narrow_limit() {
  static const WideInteger limit = WideInteger(std::numeric_limits<RationalInteger>::max());
  return limit;
}

RationalInteger narrow(const WideInteger& w) {
  if (abs(w) > narrow_limit())
    throw std::overflow_error("rational arithmetic: " + w.str() + " does not fit in 63 bits");
  return static_cast<RationalInteger>(w);
}

// n / d with d != 0, reduced, the sign in the numerator.
Rational reduced(WideInteger n, WideInteger d) {
  if (d == 0) throw std::domain_error("rational: division by zero");
  if (d < 0) {
    n = -n;
    d = -d;
  }
  const WideInteger g = gcd(n, d);  // gcd(0, d) = d
  return Rational(narrow(n / g), narrow(d / g));
}

WideInteger wide(const RationalInteger& n) { return WideInteger(n); }

}  // namespace

void Rational::throw_overflow() { throw std::overflow_error("rational: an integer outside (-2^63, 2^63)"); }

Rational::Rational(const RationalInteger& n, const RationalInteger& d) {
  if (d == 0) throw std::domain_error("rational: zero denominator");
  RationalInteger g = gcd(n, d);
  numerator_ = n / g;
  denominator_ = d / g;
  if (denominator_ < 0) {
    numerator_ = -numerator_;
    denominator_ = -denominator_;
  }
}

Rational Rational::operator-() const {
  Rational q = *this;
  q.numerator_ = -q.numerator_;
  return q;
}

Rational operator+(const Rational& a, const Rational& b) {
  return reduced(wide(a.numerator_) * wide(b.denominator_) + wide(b.numerator_) * wide(a.denominator_),
                 wide(a.denominator_) * wide(b.denominator_));
}

Rational operator-(const Rational& a, const Rational& b) { return a + (-b); }

Rational operator*(const Rational& a, const Rational& b) {
  return reduced(wide(a.numerator_) * wide(b.numerator_), wide(a.denominator_) * wide(b.denominator_));
}

Rational operator/(const Rational& a, const Rational& b) {
  return reduced(wide(a.numerator_) * wide(b.denominator_), wide(a.denominator_) * wide(b.numerator_));
}

std::strong_ordering operator<=>(const Rational& a, const Rational& b) {
  const WideInteger left = wide(a.numerator_) * wide(b.denominator_), right = wide(b.numerator_) * wide(a.denominator_);
  return left < right ? std::strong_ordering::less : left > right ? std::strong_ordering::greater : std::strong_ordering::equal;
}

Rational abs(const Rational& q) { return q < 0 ? -q : q; }

std::string to_string(const Rational& q) {
  if (q.denominator() == 1) return q.numerator().str();
  return q.numerator().str() + "/" + q.denominator().str();
}

double to_double(const Rational& q) {
  return static_cast<double>(q.numerator()) / static_cast<double>(q.denominator());
}

namespace {

[[noreturn]] void malformed(const std::string& text, const std::string& why) {
  throw std::invalid_argument("rational '" + text + "': " + why);
}

// Digits only; the value is built digit by digit so that an overflow throws rather than wraps.
RationalInteger digits_value(const std::string& text, const std::string& digits) {
  RationalInteger value = 0;
  for (const char c : digits) {
    if (!std::isdigit(static_cast<unsigned char>(c))) malformed(text, "not a number");
    value = value * 10 + (c - '0');
  }
  return value;
}

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

// An unsigned integer or decimal, exactly: "0.75" is 75/100 = 3/4. Trailing zeros of the fraction are
// dropped first ("0.50000000000000000000" is 1/2, not an overflow of 10^20).
Rational unsigned_decimal(const std::string& text, const std::string& part) {
  const auto dot = part.find('.');
  const std::string whole = part.substr(0, dot);
  std::string fraction = dot == std::string::npos ? "" : part.substr(dot + 1);
  if (whole.empty() && fraction.empty()) malformed(text, "expected digits");
  for (const char c : fraction)
    if (!std::isdigit(static_cast<unsigned char>(c))) malformed(text, "not a number");
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  RationalInteger scale = 1;
  for (std::size_t i = 0; i < fraction.size(); ++i) scale *= 10;
  return Rational(digits_value(text, whole) * scale + digits_value(text, fraction), scale);
}

}  // namespace

Rational parse_rational(const std::string& text) {
  std::string s = trimmed(text);
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s = trimmed(s.substr(1));
  }
  if (s.empty()) malformed(text, "empty");
  Rational value;
  if (const auto slash = s.find('/'); slash != std::string::npos) {
    const std::string top = trimmed(s.substr(0, slash)), bottom = trimmed(s.substr(slash + 1));
    if (top.empty() || bottom.empty()) malformed(text, "expected integers around '/'");
    const RationalInteger d = digits_value(text, bottom);
    if (d == 0) malformed(text, "zero denominator");
    value = Rational(digits_value(text, top), d);
  } else {
    value = unsigned_decimal(text, s);
  }
  return negative ? -value : value;
}

Rational decimal_rational(double x) {
  if (!std::isfinite(x)) throw std::invalid_argument("decimal_rational: " + std::to_string(x) + " is not finite");
  char buffer[400];
  // Fixed notation, the fewest digits that read back as x (no exponent for parse_rational to refuse).
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, x, std::chars_format::fixed);
  if (error != std::errc()) throw std::overflow_error("decimal_rational: cannot write " + std::to_string(x));
  return parse_rational(std::string(buffer, end));
}

}  // namespace kwe::checks
