// The measured exponents of one quantity across beta, as a least-squares line p(beta) = slope beta +
// intercept: the stated exponents are linear in beta, so the line is how a measured exponent is compared
// with the paper's formula, and where it crosses 0 is a threshold (Theorem 4.2, Remark 1.4). Used by the
// audit's findings (findings.cpp) and by the threshold scan (scan.cpp).
#pragma once

#include <vector>

namespace kwe::checks {

struct BetaPoint {
  double beta = 0, exponent = 0, uncertainty = 0;
};

struct BetaLine {
  bool ok = false;  // at least two distinct betas
  double slope = 0, intercept = 0;
  double residual = 0;  // the largest |line - exponent| over the points
  double widest = 0;    // the largest uncertainty of the points
  std::size_t count = 0;

  double at(double beta) const { return slope * beta + intercept; }
  // The exponents are a line when the residual is within max(1e-5, 3 x the widest uncertainty).
  bool linear() const;
};

BetaLine fit_beta_line(const std::vector<BetaPoint>& points);

}  // namespace kwe::checks
