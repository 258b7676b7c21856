#include "checks/exponent.hpp"

#include <cctype>
#include <cmath>
#include <stdexcept>

namespace kwe::checks {

namespace {

class Parser {
 public:
  explicit Parser(const std::string& text) : text_(text) {}

  Exponent parse() {
    Exponent e;
    e.formula = text_;
    skip();
    if (at_end()) fail("empty");
    bool first = true;
    while (!at_end()) {
      double sign = 1;
      if (peek() == '+' || peek() == '-') {
        sign = take() == '-' ? -1 : 1;
        skip();
      } else if (!first) {
        fail("expected + or -");
      }
      term(sign, e);
      first = false;
      skip();
    }
    // Finite and bounded, so that p(beta, M) is finite for every beta in [0, 1] and M in (0, 1000].
    for (const double c : {e.beta_coefficient, e.M_coefficient, e.constant})
      if (!std::isfinite(c) || std::fabs(c) > max_coefficient)
        throw std::invalid_argument("exponent '" + text_ + "': a coefficient is " + std::to_string(c) +
                                    ", outside [-1e6, 1e6]");
    return e;
  }

 private:
  void term(double sign, Exponent& e) {
    double coefficient = 1;
    bool has_number = false;
    if (std::isdigit(static_cast<unsigned char>(peek())) || peek() == '.') {
      coefficient = fraction();
      has_number = true;
      skip();
      if (peek() == '*') {
        take();
        skip();
      }
    }
    const std::size_t variable_start = pos_;
    const std::string variable = name();
    if (variable.empty()) {
      if (!has_number) fail("expected a number or beta or M");
      e.constant += sign * coefficient;
      return;
    }
    skip();
    if (peek() == '/') {
      take();
      skip();
      coefficient /= divisor();
    }
    if (variable == "beta" || variable == "b" || variable == "\u03b2")
      e.beta_coefficient += sign * coefficient;
    else if (variable == "M")
      e.M_coefficient += sign * coefficient;
    else
      fail("unknown variable '" + variable + "'", variable_start);
  }

  double fraction() {
    double value = number();
    skip();
    if (peek() == '/') {
      take();
      skip();
      value /= divisor();
    }
    return value;
  }

  // The number after '/': never 0 (1/0 would make the exponent infinite, 0/0 NaN).
  double divisor() {
    const std::size_t start = pos_;
    const double value = number();
    if (value == 0) fail("division by zero", start);
    return value;
  }

  double number() {
    const std::size_t start = pos_;
    while (!at_end() && (std::isdigit(static_cast<unsigned char>(peek())) || peek() == '.')) ++pos_;
    if (start == pos_) fail("expected a number");
    const std::string digits = text_.substr(start, pos_ - start);
    std::size_t used = 0;
    double value = 0;
    try {
      value = std::stod(digits, &used);
    } catch (const std::exception&) {
      fail("malformed number '" + digits + "'", start);
    }
    if (used != digits.size() || !std::isfinite(value)) fail("malformed number '" + digits + "'", start);
    return value;
  }

  std::string name() {
    const std::size_t start = pos_;
    while (!at_end() && (std::isalpha(static_cast<unsigned char>(peek())) || static_cast<unsigned char>(peek()) >= 0x80))
      ++pos_;
    return text_.substr(start, pos_ - start);
  }

  void skip() {
    while (!at_end() && std::isspace(static_cast<unsigned char>(peek()))) ++pos_;
  }
  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[pos_]; }
  char take() { return text_[pos_++]; }
  // `at`: where the bad token starts (0-based); by default the current position.
  [[noreturn]] void fail(const std::string& why, std::size_t at = npos) const {
    throw std::invalid_argument("exponent '" + text_ + "': " + why + " at position " +
                                std::to_string((at == npos ? pos_ : at) + 1));
  }
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  static constexpr double max_coefficient = 1e6;

  const std::string& text_;
  std::size_t pos_ = 0;
};

}  // namespace

Exponent parse_exponent(const std::string& formula) { return Parser(formula).parse(); }

}  // namespace kwe::checks
