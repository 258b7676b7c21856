#include "checks/beta_line.hpp"

#include <algorithm>
#include <cmath>

namespace kwe::checks {

bool BetaLine::linear() const { return ok && residual <= std::max(1e-5, 3 * widest); }

BetaLine fit_beta_line(const std::vector<BetaPoint>& points) {
  BetaLine line;
  double sb = 0, sp = 0, sbb = 0, sbp = 0;
  for (const BetaPoint& q : points) sb += q.beta, sp += q.exponent, sbb += q.beta * q.beta, sbp += q.beta * q.exponent;
  const double n = static_cast<double>(points.size());
  line.count = points.size();
  if (points.size() < 2 || n * sbb == sb * sb) return line;
  line.slope = (n * sbp - sb * sp) / (n * sbb - sb * sb);
  line.intercept = (sp - line.slope * sb) / n;
  for (const BetaPoint& q : points) {
    line.residual = std::max(line.residual, std::fabs(line.at(q.beta) - q.exponent));
    line.widest = std::max(line.widest, q.uncertainty);
  }
  line.ok = std::isfinite(line.slope) && std::isfinite(line.intercept);
  return line;
}

}  // namespace kwe::checks
