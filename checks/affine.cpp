#include "checks/affine.hpp"

#include "checks/linear_formula.hpp"

#include <cctype>
#include <stdexcept>

namespace kwe::checks {

Affine operator+(const Affine& f, const Affine& g) { return {f.constant + g.constant, f.beta + g.beta, f.M + g.M}; }
Affine operator-(const Affine& f, const Affine& g) { return {f.constant - g.constant, f.beta - g.beta, f.M - g.M}; }
Affine operator-(const Affine& f) { return {-f.constant, -f.beta, -f.M}; }
Affine operator*(const Rational& s, const Affine& f) { return {s * f.constant, s * f.beta, s * f.M}; }

namespace {

// |q| times the variable, as the paper writes it: "beta", "2beta", "3beta/2", "M/2"; a constant is "3/2".
std::string magnitude_term(const Rational& q, const std::string& variable) {
  const Rational a = abs(q);
  if (variable.empty()) return to_string(a);
  std::string text;
  if (a.numerator() != 1) text += a.numerator().str();
  text += variable;
  if (a.denominator() != 1) {
    text += '/';
    text += a.denominator().str();
  }
  return text;
}

}  // namespace

std::string format(const Affine& f) {
  std::string text;
  const std::pair<const Rational*, const char*> terms[] = {{&f.beta, "beta"}, {&f.constant, ""}, {&f.M, "M"}};
  for (const auto& [q, variable] : terms) {
    if (*q == 0) continue;
    if (text.empty())
      text += *q < 0 ? "-" : "";
    else
      text += *q < 0 ? " - " : " + ";
    text += magnitude_term(*q, variable);
  }
  return text.empty() ? "0" : text;
}

Exponent to_exponent(const Affine& f) { return parse_exponent(format(f)); }

std::string format_line(const Affine& f) {
  if (f.M != 0) return "M = " + format(Rational(-1) / f.M * Affine{f.constant, f.beta, 0});
  if (f.beta != 0) return "beta = " + to_string(-f.constant / f.beta);
  return format(f) + " = 0";
}

namespace {

// The grammar of checks/linear_formula.hpp in rationals, over text[begin, end) (one piece of a max/min).
Affine affine_between(const std::string& text, std::size_t begin, std::size_t end) {
  const LinearTerms<Rational> t = LinearFormulaParser<Rational>(text, begin, end, "formula", parse_rational).parse();
  return {t.constant, t.beta, t.M};
}

}  // namespace

Affine parse_affine(const std::string& formula) { return affine_between(formula, 0, formula.size()); }

Rational PiecewiseAffine::at(const Point& x) const {
  if (pieces.empty()) throw std::invalid_argument("a max or min of no pieces");
  Rational best = pieces.front().at(x);
  for (const Affine& f : pieces) {
    const Rational v = f.at(x);
    if (envelope == Envelope::max ? v > best : v < best) best = v;
  }
  return best;
}

double PiecewiseAffine::at(double beta, double M) const {
  if (pieces.empty()) throw std::invalid_argument("a max or min of no pieces");
  double best = pieces.front().at(beta, M);
  for (const Affine& f : pieces) {
    const double v = f.at(beta, M);
    if (envelope == Envelope::max ? v > best : v < best) best = v;
  }
  return best;
}

std::string format(const PiecewiseAffine& f) {
  if (f.pieces.size() == 1) return format(f.pieces.front());
  std::string text = f.envelope == Envelope::max ? "max(" : "min(";
  for (std::size_t i = 0; i < f.pieces.size(); ++i) text += (i ? ", " : "") + format(f.pieces[i]);
  return text + ")";
}

PiecewiseAffine parse_piecewise(const std::string& formula) {
  const auto first = formula.find_first_not_of(" \t");
  const auto last = formula.find_last_not_of(" \t");
  PiecewiseAffine f;
  if (first != std::string::npos && formula.size() - first > 4 &&
      (formula.compare(first, 4, "max(") == 0 || formula.compare(first, 4, "min(") == 0)) {
    if (formula[last] != ')') throw std::invalid_argument("formula '" + formula + "': expected ')' at the end");
    f.envelope = formula.compare(first, 4, "max(") == 0 ? Envelope::max : Envelope::min;
    std::size_t begin = first + 4;
    while (true) {
      const auto comma = formula.find(',', begin);
      const std::size_t end = comma == std::string::npos || comma > last ? last : comma;
      f.pieces.push_back(affine_between(formula, begin, end));
      if (end == last) break;
      begin = end + 1;
    }
    return f;
  }
  f.pieces.push_back(parse_affine(formula));
  return f;
}

}  // namespace kwe::checks
