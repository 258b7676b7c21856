// A predicted exponent, p(beta, M) = b * beta + m * M + c, written the way the paper writes it
// ("2beta - 1/2 - M/2"). The same parser reads the registry and the reviewer's --assume, so a
// conjecture is stated in the paper's own notation. Terms: an optional sign, a coefficient (integer,
// decimal or fraction, e.g. 3/2 or 0.75), an optional variable (beta, b or M) and an optional divisor
// after it (M/2).
#pragma once

#include <string>

namespace kwe::checks {

struct Exponent {
  std::string formula;  // as written
  double beta_coefficient = 0;
  double M_coefficient = 0;
  double constant = 0;

  double at(double beta, double M) const { return beta_coefficient * beta + M_coefficient * M + constant; }
};

// Throws std::invalid_argument on anything that is not such a sum of terms.
Exponent parse_exponent(const std::string& formula);

}  // namespace kwe::checks
