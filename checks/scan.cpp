#include "checks/scan.hpp"

#include <chrono>
#include <cmath>
#include <stdexcept>

namespace kwe::checks {

std::vector<std::string> ScanOptions::betas() const {
  set_working_precision(30);
  const Real low = parse_real(beta_min, "beta-min"), high = parse_real(beta_max, "beta-max"),
             step = parse_real(beta_step, "beta-step");
  if (low < 0 || high > 1 || !(high > low)) throw std::invalid_argument("beta range: need 0 <= beta-min < beta-max <= 1");
  if (!(step > 0) || (high - low) / step > 400) throw std::invalid_argument("beta-step: " + beta_step + " must be > 0 and give at most 400 values");
  std::vector<std::string> values;
  for (unsigned k = 0;; ++k) {
    const Real b = low + k * step;
    if (b > high * (1 + pow(Real(10), -20))) break;
    values.push_back(to_decimal(b, 20));
  }
  return values;
}

namespace {

// The weighted series <w1>^(M/2) Q(w1).
std::vector<SweepPoint> weighted(const ValueTable& table, const std::string& quantity, const std::string& beta,
                                 const std::string& M, const std::vector<std::string>& omegas, bool& met) {
  std::vector<SweepPoint> points;
  const Real quarter_M = parse_real(M, "M") / 4;
  for (const std::string& w : omegas) {
    const Evaluation& e = table.at({quantity, "n01,n01,n01", beta, M, w});
    const Real w1 = parse_real(w, "omega");
    const Real weight = pow(Real(1 + w1 * w1), quarter_M);
    points.push_back({w1, Real(weight * e.value), Real(weight * e.error)});
    met = met && e.met;
  }
  return points;
}

Threshold crossing(const std::string& name, double predicted, const std::vector<ScanRow>& rows, Fit ScanRow::*fit) {
  Threshold t{name, predicted};
  for (std::size_t i = 0; i + 1 < rows.size(); ++i) {
    const Fit& a = rows[i].*fit;
    const Fit& b = rows[i + 1].*fit;
    if (!a.ok || !b.ok || (a.exponent > 0) == (b.exponent > 0) || a.exponent == 0) continue;
    const double ba = std::stod(rows[i].beta), bb = std::stod(rows[i + 1].beta);
    const double slope = (b.exponent - a.exponent) / (bb - ba);
    t.found = true;
    t.beta = ba - a.exponent / slope;
    t.uncertainty = std::max(a.uncertainty, b.uncertainty) / std::fabs(slope);
    return t;
  }
  // No crossing in range: where the least-squares line through the exponents would cross.
  double sb = 0, sp = 0, sbb = 0, sbp = 0, n = 0;
  for (const ScanRow& r : rows)
    if ((r.*fit).ok) {
      const double b = std::stod(r.beta), p = (r.*fit).exponent;
      sb += b, sp += p, sbb += b * b, sbp += b * p, n += 1;
    }
  if (n >= 2 && n * sbb != sb * sb) {
    const double slope = (n * sbp - sb * sp) / (n * sbb - sb * sb), intercept = (sp - slope * sb) / n;
    if (slope != 0) t.extrapolated = -intercept / slope;
  }
  return t;
}

}  // namespace

Scan run_scan(const ScanOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  Scan scan;
  scan.options = options;
  const std::vector<std::string> betas = options.betas();
  {
    Parameters p;
    p.M = options.M;
    p.validate();
  }
  const std::vector<std::string> omegas = options.grid.omegas();
  std::vector<PointKey> keys;
  for (const std::string& beta : betas)
    for (const std::string& w : omegas) {
      keys.push_back({"C234", "n01,n01,n01", beta, options.M, w});
      keys.push_back({"C", "n01,n01,n01", beta, options.M, w});
    }
  ValueTable table;
  table.compute(keys, options.digits, options.jobs);
  set_working_precision(options.digits);
  for (const std::string& beta : betas) {
    ScanRow row;
    row.beta = beta;
    row.gain = fit_exponent(weighted(table, "C234", beta, options.M, omegas, row.met));
    row.full = fit_exponent(weighted(table, "C", beta, options.M, omegas, row.met));
    scan.rows.push_back(row);
  }
  scan.thresholds.push_back(crossing("gain: <w1>^(M/2) C^234[n01] grows (Theorem 4.2)", 0.25, scan.rows, &ScanRow::gain));
  scan.thresholds.push_back(crossing("full: <w1>^(M/2) C[n01] unbounded (Remark 1.4)", 0.75, scan.rows, &ScanRow::full));
  scan.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return scan;
}

}  // namespace kwe::checks
