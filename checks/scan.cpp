#include "checks/scan.hpp"

#include "checks/beta_line.hpp"
#include "checks/parallel.hpp"

#include <boost/math/constants/constants.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <mutex>
#include <sstream>
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

bool ScanOptions::scans_oscillating(const std::string& beta) const {
  set_working_precision(30);
  const Real step = parse_real(oscillating_step, "oscillating-step");
  if (!(step > 0)) throw std::invalid_argument("oscillating-step: " + oscillating_step + " must be > 0");
  const Real ratio = parse_real(beta, "beta") / step;
  return abs(Real(ratio - round(ratio))) < pow(Real(10), -9);
}

namespace {

// w1 = 2 pi B, B = round(10^3 10^(k/5) / (2 pi)), k = 0..5 (the fit needs six points): where cos(N w1) = 1
// for N = 1.
std::vector<std::string> oscillating_omegas() {
  set_working_precision(30);
  const Real two_pi = 2 * boost::math::constants::pi<Real>();
  std::vector<std::string> omegas;
  for (int k = 0; k <= 5; ++k) {
    const Real B = round(Real(1000 * pow(Real(10), Real(k) / 5) / two_pi));
    omegas.push_back(to_decimal(Real(two_pi * B), 30));
  }
  return omegas;
}

// One point of the weighted series <w1>^(M/2) Q(w1).
SweepPoint weighted_point(const Evaluation& e, const std::string& w, const std::string& M) {
  const Real w1 = parse_real(w, "omega");
  const Real weight = pow(Real(1 + w1 * w1), Real(parse_real(M, "M") / 4));
  return {w1, Real(weight * e.value), Real(weight * e.error)};
}

std::vector<SweepPoint> weighted(const ValueTable& table, const std::string& quantity, const std::string& beta,
                                 const std::string& M, const std::vector<std::string>& omegas, bool& met) {
  std::vector<SweepPoint> points;
  for (const std::string& w : omegas) {
    const Evaluation& e = table.at({quantity, "n01,n01,n01", beta, M, w});
    points.push_back(weighted_point(e, w, M));
    met = met && e.met;
  }
  return points;
}

// Between consecutive rows that have the fit.
Threshold crossing(const std::string& name, double predicted, const std::vector<ScanRow>& all, Fit ScanRow::*fit) {
  Threshold t{name, predicted};
  std::vector<ScanRow> rows;
  for (const ScanRow& r : all)
    if ((r.*fit).ok) rows.push_back(r);
  for (std::size_t i = 0; i + 1 < rows.size(); ++i) {
    const Fit& a = rows[i].*fit;
    const Fit& b = rows[i + 1].*fit;
    if ((a.exponent > 0) == (b.exponent > 0) || a.exponent == 0) continue;
    const double ba = std::stod(rows[i].beta), bb = std::stod(rows[i + 1].beta);
    const double slope = (b.exponent - a.exponent) / (bb - ba);
    t.found = true;
    t.beta = ba - a.exponent / slope;
    t.uncertainty = std::max(a.uncertainty, b.uncertainty) / std::fabs(slope);
    return t;
  }
  // No crossing in range: where the least-squares line through the exponents would cross.
  std::vector<BetaPoint> points;
  for (const ScanRow& r : rows) points.push_back({std::stod(r.beta), (r.*fit).exponent, (r.*fit).uncertainty});
  const BetaLine line = fit_beta_line(points);
  if (line.ok && line.slope != 0) t.extrapolated = -line.intercept / line.slope;
  return t;
}

}  // namespace

Scan run_scan(const ScanOptions& options, const ProgressSink& progress) {
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
  // The oscillating term: C[n0] with A = N = 1 (not in the table, whose keys carry no A, N).
  std::vector<std::string> oscillating_betas;
  for (const std::string& beta : betas)
    if (options.scans_oscillating(beta)) oscillating_betas.push_back(beta);
  const std::vector<std::string> oscillating_points = oscillating_omegas();
  const std::size_t P = oscillating_points.size();
  const std::size_t total = 2 * betas.size() * omegas.size() + oscillating_betas.size() * P;
  std::size_t done = 0;
  const auto shown = [](const std::string& beta) {  // "0.3", not "3.0000000000000000000e-01"
    std::ostringstream out;
    out << std::stod(beta);
    return out.str();
  };
  // The gain and full terms one beta at a time, for the progress display (each value is computed
  // alone, so the grouping does not change it).
  ValueTable table;
  for (const std::string& beta : betas) {
    if (progress) progress({done, total, "gain C^234[n01], full C[n01]", shown(beta), options.M, false});
    std::vector<PointKey> keys;
    for (const std::string& w : omegas) {
      keys.push_back({"C234", "n01,n01,n01", beta, options.M, w});
      keys.push_back({"C", "n01,n01,n01", beta, options.M, w});
    }
    table.compute(keys, options.digits, options.jobs);
    done += keys.size();
  }
  std::vector<Evaluation> oscillating(oscillating_betas.size() * P);
  std::mutex progress_mutex;
  parallel_for(oscillating.size(), options.digits, options.jobs, [&](const quadrature::Engine<Real>& engine, std::size_t i) {
    Parameters p;
    p.beta = oscillating_betas[i / P];
    p.M = options.M;
    if (progress) {
      const std::lock_guard<std::mutex> lock(progress_mutex);
      progress({done, total, "oscillating |C[n0]|", shown(p.beta), options.M, false});
    }
    oscillating[i] = evaluate_point("C", "n0,n0,n0", p, oscillating_points[i % P], engine);
    const std::lock_guard<std::mutex> lock(progress_mutex);
    ++done;
  });
  if (progress) progress({done, total, "", "", "", true});
  set_working_precision(options.digits);
  for (const std::string& beta : betas) {
    ScanRow row;
    row.beta = beta;
    row.gain = fit_exponent(weighted(table, "C234", beta, options.M, omegas, row.met));
    row.full = fit_exponent(weighted(table, "C", beta, options.M, omegas, row.met));
    const auto at = std::find(oscillating_betas.begin(), oscillating_betas.end(), beta);
    if (at != oscillating_betas.end()) {
      const std::size_t b = static_cast<std::size_t>(at - oscillating_betas.begin());
      std::vector<SweepPoint> points;
      for (std::size_t k = 0; k < P; ++k) {
        const Evaluation& e = oscillating[b * P + k];
        points.push_back(weighted_point(e, oscillating_points[k], options.M));  // the fit takes |value|
        row.met = row.met && e.met;
      }
      row.oscillating = fit_exponent(points);
    }
    scan.rows.push_back(row);
  }
  scan.thresholds.push_back(crossing("gain: <w1>^(M/2) C^234[n01] grows (Theorem 4.2)", 0.25, scan.rows, &ScanRow::gain));
  scan.thresholds.push_back(crossing("full: <w1>^(M/2) C[n01] unbounded (Remark 1.4)", 0.75, scan.rows, &ScanRow::full));
  scan.thresholds.push_back(crossing("full oscillating: <w1>^(M/2) |C[n0]| grows along w1 = 2 pi B (Theorem 5.1)", 0.25, scan.rows,
                                     &ScanRow::oscillating));
  scan.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return scan;
}

}  // namespace kwe::checks
