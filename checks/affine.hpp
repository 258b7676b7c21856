// Exponents with exact coefficients, p(beta, M) = a + b beta + c M, and their max or min: the form of
// every exponent the paper writes ("2beta - 1/2 - M/2"), of a sum of bounds (the largest exponent wins,
// as in (4.7)) and of an exponent that changes formula across a crossover line. Written the way
// checks/exponent.hpp reads it, so parse_exponent(format(p)) is p in doubles.
#pragma once

#include "checks/exponent.hpp"
#include "checks/rational.hpp"

#include <string>
#include <vector>

namespace kwe::checks {

struct Point {
  Rational beta;
  Rational M;
  friend bool operator==(const Point&, const Point&) = default;
};

struct Affine {
  Rational constant;
  Rational beta;  // coefficient of beta
  Rational M;     // coefficient of M

  Rational at(const Point& x) const { return constant + beta * x.beta + M * x.M; }
  double at(double b, double m) const { return to_double(constant) + to_double(beta) * b + to_double(M) * m; }
  bool is_constant() const { return beta == 0 && M == 0; }
  friend bool operator==(const Affine&, const Affine&) = default;
};

Affine operator+(const Affine& f, const Affine& g);
Affine operator-(const Affine& f, const Affine& g);
Affine operator-(const Affine& f);
Affine operator*(const Rational& s, const Affine& f);

// In the paper's order and spelling: the beta term, the constant, the M term ("2beta - 1/2 - M/2",
// "3beta/2 + 1", "-M", "0").
std::string format(const Affine& f);
// The same formula in doubles, through parse_exponent: what the numerical checks consume.
Exponent to_exponent(const Affine& f);
// Exact reading of the notation parse_exponent reads (coefficients integer, decimal or fraction, variables
// beta, b, β or M, a divisor after the variable as in M/2); decimals are exact, 0.1 is 1/10.
// Throws std::invalid_argument like parse_exponent, std::overflow_error when a number or a coefficient
// does not fit (checks/rational.hpp).
Affine parse_affine(const std::string& formula);

enum class Envelope { max, min };

// max (or min) of the pieces; one piece is a plain affine exponent.
struct PiecewiseAffine {
  std::vector<Affine> pieces;
  Envelope envelope = Envelope::max;

  Rational at(const Point& x) const;
  double at(double beta, double M) const;
};

// "2beta - 1/2" for one piece, "max(2beta - 1/2, -M/2)" for several.
std::string format(const PiecewiseAffine& f);
// The inverse: an affine formula, or max(...) / min(...) of comma-separated affine formulas.
PiecewiseAffine parse_piecewise(const std::string& formula);

// The line f = 0 solved for M when f involves M ("M = 4beta + 5"), otherwise for beta ("beta = 1/4");
// "0 = 0" (everywhere) or "1/2 = 0" (nowhere) for a constant f. Crossover lines between pieces are
// written this way, and so are the relations of checks/polygon.hpp ("M < 4beta + 2"): the paper states
// its thresholds on M given beta (M > 6, M > 10, M > 4beta + 7).
std::string format_line(const Affine& f);

}  // namespace kwe::checks
