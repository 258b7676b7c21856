#include "checks/exponent.hpp"

#include "checks/linear_formula.hpp"

#include <cmath>
#include <stdexcept>

namespace kwe::checks {

namespace {

// A decimal in doubles, as written (std::stod on exactly its characters); anything else is malformed.
double read_double(const std::string& digits) {
  std::size_t used = 0;
  double value = 0;
  try {
    value = std::stod(digits, &used);
  } catch (const std::exception&) {
    throw std::invalid_argument("malformed");
  }
  if (used != digits.size() || !std::isfinite(value)) throw std::invalid_argument("malformed");
  return value;
}

constexpr double max_coefficient = 1e6;

}  // namespace

Exponent parse_exponent(const std::string& formula) {
  LinearFormulaParser<double> parser(formula, 0, formula.size(), "exponent", read_double);
  const LinearTerms<double> t = parser.parse();
  Exponent e;
  e.formula = formula;
  e.beta_coefficient = t.beta;
  e.M_coefficient = t.M;
  e.constant = t.constant;
  // Finite and bounded, so that p(beta, M) is finite for every beta in [0, 1] and M in (0, 1000].
  for (const double c : {e.beta_coefficient, e.M_coefficient, e.constant})
    if (!std::isfinite(c) || std::fabs(c) > max_coefficient)
      throw std::invalid_argument("exponent '" + formula + "': a coefficient is " + std::to_string(c) + ", outside [-1e6, 1e6]");
  return e;
}

}  // namespace kwe::checks
