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
      coefficient /= number();
    }
    if (variable == "beta" || variable == "b" || variable == "\u03b2")
      e.beta_coefficient += sign * coefficient;
    else if (variable == "M")
      e.M_coefficient += sign * coefficient;
    else
      fail("unknown variable '" + variable + "'");
  }

  double fraction() {
    double value = number();
    skip();
    if (peek() == '/') {
      take();
      skip();
      value /= number();
    }
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
      fail("malformed number '" + digits + "'");
    }
    if (used != digits.size() || !std::isfinite(value)) fail("malformed number '" + digits + "'");
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
  [[noreturn]] void fail(const std::string& why) const {
    throw std::invalid_argument("exponent '" + text_ + "': " + why + " at position " + std::to_string(pos_ + 1));
  }

  const std::string& text_;
  std::size_t pos_ = 0;
};

}  // namespace

Exponent parse_exponent(const std::string& formula) { return Parser(formula).parse(); }

}  // namespace kwe::checks
