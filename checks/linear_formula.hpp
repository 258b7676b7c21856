// The notation of the paper's exponents, "2beta - 1/2 - M/2", "3beta/2 + 1", "-M", "0.75*beta", read once for
// both number types that consume it: doubles (checks/exponent.hpp, what the numerics use) and exact
// rationals (checks/affine.hpp, the range arithmetic).
//
//   formula  := [sign] term (sign term)*            sign := '+' | '-'
//   term     := number ['/' number] ['*'] [variable ['/' number]]  |  variable ['/' number]
//   variable := beta | b | β | M
//
// Spaces are allowed between tokens; a divisor is never 0. An error is std::invalid_argument
// "<what> '<text>': <why> at position <n>" (1-based, where the bad token starts).
#pragma once

#include <cctype>
#include <cstddef>
#include <stdexcept>
#include <string>

namespace kwe::checks {

template <class Number>
struct LinearTerms {
  Number constant = 0, beta = 0, M = 0;
};

template <class Number>
class LinearFormulaParser {
 public:
  // `read` turns the digits and points of one number into a Number, throwing std::invalid_argument
  // when they are malformed. The text read is text[begin, end).
  using Reader = Number (*)(const std::string& digits);
  LinearFormulaParser(const std::string& text, std::size_t begin, std::size_t end, const char* what, Reader read)
      : text_(text), pos_(begin), end_(end), what_(what), read_(read) {}

  LinearTerms<Number> parse() {
    LinearTerms<Number> f;
    skip();
    if (at_end()) fail("empty");
    bool first = true;
    while (!at_end()) {
      Number sign = 1;
      if (peek() == '+' || peek() == '-') {
        sign = take() == '-' ? -1 : 1;
        skip();
      } else if (!first) {
        fail("expected + or -");
      }
      term(sign, f);
      first = false;
      skip();
    }
    return f;
  }

  [[noreturn]] void fail(const std::string& why, std::size_t at = npos) const {
    throw std::invalid_argument(std::string(what_) + " '" + text_ + "': " + why + " at position " +
                                std::to_string((at == npos ? pos_ : at) + 1));
  }

 private:
  void term(const Number& sign, LinearTerms<Number>& f) {
    Number coefficient = 1;
    bool has_number = false;
    if (std::isdigit(static_cast<unsigned char>(peek())) || peek() == '.') {
      coefficient = number();
      skip();
      if (peek() == '/') {
        take();
        skip();
        coefficient /= divisor();
        skip();
      }
      has_number = true;
      if (peek() == '*') {
        take();
        skip();
      }
    }
    const std::size_t variable_start = pos_;
    const std::string variable = name();
    if (variable.empty()) {
      if (!has_number) fail("expected a number or beta or M");
      f.constant += sign * coefficient;
      return;
    }
    skip();
    if (peek() == '/') {
      take();
      skip();
      coefficient /= divisor();
    }
    if (variable == "beta" || variable == "b" || variable == "\u03b2")
      f.beta += sign * coefficient;
    else if (variable == "M")
      f.M += sign * coefficient;
    else
      fail("unknown variable '" + variable + "'", variable_start);
  }

  // The number after '/': never 0 (1/0 would make the exponent infinite, 0/0 NaN).
  Number divisor() {
    const std::size_t start = pos_;
    const Number value = number();
    if (value == 0) fail("division by zero", start);
    return value;
  }

  Number number() {
    const std::size_t start = pos_;
    while (!at_end() && (std::isdigit(static_cast<unsigned char>(peek())) || peek() == '.')) ++pos_;
    if (start == pos_) fail("expected a number");
    const std::string digits = text_.substr(start, pos_ - start);
    try {
      return read_(digits);
    } catch (const std::invalid_argument&) {
      fail("malformed number '" + digits + "'", start);
    }
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
  bool at_end() const { return pos_ >= end_; }
  char peek() const { return at_end() ? '\0' : text_[pos_]; }
  char take() { return text_[pos_++]; }
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  const std::string& text_;
  std::size_t pos_, end_;
  const char* what_;
  Reader read_;
};

}  // namespace kwe::checks
