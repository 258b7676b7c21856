// The parameters of the paper, kept as the decimal strings the user typed: they are converted to Real
// at the working precision of each evaluation (a rerun at higher precision re-reads the same decimals),
// never through a double.
#pragma once

#include "estimates/real.hpp"

#include <stdexcept>
#include <string>

namespace kwe {

struct Parameters {
  std::string beta = "0.5";  // derivative loss, in [0, 1]
  std::string M = "12";      // decay of the datum <omega>^(-M/2), > 0
  std::string A = "1";       // amplitude of n01 in n0 = A n01 + n02 (Section 5), > 0
  std::string N = "1";       // frequency of n02 = cos(N omega) <omega>^(-M/2), a positive integer

  // The ranges kwe-verify accepts (README, "The command-line program"): beta in [0, 1]; M in (0, 1000]
  // (beyond, <w>^(-M/2) underflows the data to values no quadrature resolves); A in (0, 10^6]; N an
  // integer in [1, 10^6] (the Filon rules integrate e^(iNw) exactly, but N w1 must keep its digits).
  // Throws std::invalid_argument naming the offending parameter, its value and its range.
  void validate() const {
    const Real b = parse_real(beta, "beta");
    if (b < 0 || b > 1) throw std::invalid_argument("beta: " + beta + " is outside [0, 1]");
    const Real m = parse_real(M, "M");
    if (m <= 0 || m > 1000) throw std::invalid_argument("M: " + M + " is outside (0, 1000]");
    const Real a = parse_real(A, "A");
    if (a <= 0 || a > 1000000) throw std::invalid_argument("A: " + A + " is outside (0, 1e6]");
    const Real n = parse_real(N, "N");
    if (n < 1 || n > 1000000 || n != floor(n)) throw std::invalid_argument("N: " + N + " is not an integer in [1, 1e6]");
  }
};

// The parameters at the working precision, with the exponents the weights use.
template <class Real>
struct Model {
  Real beta, M, A, N;
  Real minus_quarter_M;  // <w>^(-M/2) = (1 + w^2)^(-M/4)
  Real beta_plus_half;
  // M/2 when it is an integer up to 64 (M = 12: 6), else -1: <w>^(-M/2) is then formed by an integer
  // power and at most one square root (data.hpp, n01), each step rounded once, instead of a general pow.
  int half_M = -1;

  explicit Model(const Parameters& p)
      : beta(parse_real(p.beta, "beta")),
        M(parse_real(p.M, "M")),
        A(parse_real(p.A, "A")),
        N(parse_real(p.N, "N")),
        minus_quarter_M(-M / 4),
        beta_plus_half(beta + Real(1) / 2) {
    const Real h = M / 2;
    if (h == floor(h) && h >= 1 && h <= 64) half_M = static_cast<int>(h);
  }
};

}  // namespace kwe
