#include "checks/log_factor.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace kwe::checks {

namespace {

// Least squares s ~ p + c x over the tail; the rms residual and the standard error factor of c
// (sqrt of (X^T X)^-1_cc) for unit noise.
struct Line {
  double p = 0, c = 0, rms = 0, c_error_factor = 0;
  bool ok = false;
};

Line fit_line(const std::vector<double>& x, const std::vector<double>& s) {
  Line line;
  const std::size_t n = x.size();
  double mx = 0, ms = 0;
  for (std::size_t k = 0; k < n; ++k) {
    mx += x[k];
    ms += s[k];
  }
  mx /= static_cast<double>(n);
  ms /= static_cast<double>(n);
  double sxx = 0, sxs = 0;
  for (std::size_t k = 0; k < n; ++k) {
    sxx += (x[k] - mx) * (x[k] - mx);
    sxs += (x[k] - mx) * (s[k] - ms);
  }
  if (!(sxx > 0)) return line;
  line.c = sxs / sxx;
  line.p = ms - line.c * mx;
  double r2 = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const double r = s[k] - line.p - line.c * x[k];
    r2 += r * r;
  }
  line.rms = std::sqrt(r2 / static_cast<double>(n));
  line.c_error_factor = 1 / std::sqrt(sxx);
  line.ok = std::isfinite(line.rms);
  return line;
}

// The power model at rate delta: basis e^(-delta (L - L_end)), at most 1 on the tail.
double power_rms(const std::vector<double>& L, const std::vector<double>& s, double delta) {
  std::vector<double> x(L.size());
  for (std::size_t k = 0; k < L.size(); ++k) x[k] = std::exp(-delta * (L[k] - L.back()));
  const Line line = fit_line(x, s);
  return line.ok ? line.rms : std::numeric_limits<double>::infinity();
}

// min over delta > 0 of the power model's rms: a log-spaced scan, then golden section around the best.
std::pair<double, double> best_power(const std::vector<double>& L, const std::vector<double>& s) {
  constexpr int steps = 240;
  const double lo = std::log(1e-4), hi = std::log(30.0);
  std::vector<double> rms(steps + 1);
  int best = 0;
  for (int i = 0; i <= steps; ++i) {
    rms[i] = power_rms(L, s, std::exp(lo + (hi - lo) * i / steps));
    if (rms[i] < rms[best]) best = i;
  }
  double a = lo + (hi - lo) * std::max(best - 1, 0) / steps, b = lo + (hi - lo) * std::min(best + 1, steps) / steps;
  const double golden = (std::sqrt(5.0) - 1) / 2;
  double x1 = b - golden * (b - a), x2 = a + golden * (b - a);
  double f1 = power_rms(L, s, std::exp(x1)), f2 = power_rms(L, s, std::exp(x2));
  for (int i = 0; i < 60; ++i) {
    if (f1 < f2) {
      b = x2;
      x2 = x1;
      f2 = f1;
      x1 = b - golden * (b - a);
      f1 = power_rms(L, s, std::exp(x1));
    } else {
      a = x1;
      x1 = x2;
      f1 = f2;
      x2 = a + golden * (b - a);
      f2 = power_rms(L, s, std::exp(x2));
    }
  }
  double best_delta = std::exp(lo + (hi - lo) * best / steps), best_rms = rms[best];
  if (std::min(f1, f2) < best_rms) {
    best_rms = std::min(f1, f2);
    best_delta = std::exp(f1 < f2 ? x1 : x2);
  }
  return {best_delta, best_rms};
}

// "0.5", "1.0", "-2.0", "0.25": two decimals, trailing zeros dropped down to one.
std::string short_number(double x) {
  std::string text = fmt::format("{:.2f}", x);
  while (text.size() > 2 && text.back() == '0' && text[text.size() - 2] != '.') text.pop_back();
  if (text == "-0.0") text = "0.0";
  return text;
}

// The decision on the tail, intervals [lo_k, hi_k] in L = ln w.
LogFactor decide(const std::vector<double>& lo, const std::vector<double>& hi, const std::vector<double>& slopes,
                 double slope_uncertainty) {
  LogFactor factor;
  const std::size_t n = slopes.size();
  const std::size_t tail = std::max<std::size_t>(5, n / 2);
  if (n < 5) return factor;
  factor.tail = tail;
  std::vector<double> L, g, s;
  for (std::size_t k = n - tail; k < n; ++k) {
    const double mid = (lo[k] + hi[k]) / 2;
    L.push_back(mid);
    g.push_back(hi[k] > lo[k] ? (std::log(hi[k]) - std::log(lo[k])) / (hi[k] - lo[k]) : 1 / mid);
    s.push_back(slopes[k]);
  }
  const Line log_model = fit_line(g, s);
  if (!log_model.ok) return factor;
  factor.p = log_model.p;
  factor.q = log_model.c;
  factor.residual_log = log_model.rms;
  const double sigma = std::max(slope_uncertainty, log_model.rms);
  factor.q_uncertainty = sigma * log_model.c_error_factor;
  const auto [delta, rms] = best_power(L, s);
  factor.delta = delta;
  factor.residual_power = rms;
  const bool power_misfits = rms > 10 * std::max(slope_uncertainty, log_model.rms);
  const bool q_significant = std::fabs(factor.q) > 5 * factor.q_uncertainty && std::fabs(factor.q) >= 0.01;
  factor.detected = power_misfits && q_significant;
  if (factor.detected) factor.summary = "w1^" + short_number(factor.p) + " (log w1)^" + short_number(factor.q);
  return factor;
}

}  // namespace

LogFactor detect_log_factor(const std::vector<double>& log_midpoints, const std::vector<double>& local_slopes,
                            double slope_uncertainty) {
  const std::size_t n = log_midpoints.size();
  if (local_slopes.size() != n)
    throw std::invalid_argument("detect_log_factor: " + std::to_string(n) + " midpoints but " +
                                std::to_string(local_slopes.size()) + " slopes");
  // Each slope's interval from the midpoints: m_(k+1) - m_k is the mean of the two steps, so the
  // centred difference is the step (exactly on a uniform grid in ln w).
  std::vector<double> lo(n), hi(n);
  for (std::size_t k = 0; k < n; ++k) {
    const double m = log_midpoints[k];
    if (!(m > 0)) throw std::invalid_argument("detect_log_factor: a midpoint ln w = " + std::to_string(m) + " <= 0");
    double h = 0;
    if (n > 1) {
      const std::size_t a = k == 0 ? 0 : k - 1, b = k + 1 == n ? n - 1 : k + 1;
      h = (log_midpoints[b] - log_midpoints[a]) / static_cast<double>(b - a);
    }
    h = std::clamp(h, 0.0, 2 * m * 0.999);  // the interval stays in ln w > 0
    lo[k] = m - h / 2;
    hi[k] = m + h / 2;
  }
  return decide(lo, hi, local_slopes, slope_uncertainty);
}

LogFactor detect_log_factor(const Fit& fit, const std::vector<double>& omegas, double slope_uncertainty) {
  const std::size_t n = fit.local_slopes.size();
  if (omegas.size() != n + 1)
    throw std::invalid_argument("detect_log_factor: " + std::to_string(n) + " slopes need " + std::to_string(n + 1) +
                                " omegas, not " + std::to_string(omegas.size()));
  std::vector<double> lo(n), hi(n);
  for (std::size_t k = 0; k < n; ++k) {
    lo[k] = std::log(omegas[k]);
    hi[k] = std::log(omegas[k + 1]);
    if (!(lo[k] > 0) || !(hi[k] > lo[k]))
      throw std::invalid_argument("detect_log_factor: omegas must increase from above 1");
  }
  return decide(lo, hi, fit.local_slopes, slope_uncertainty);
}

std::string describe(const LogFactor& factor) {
  if (factor.tail == 0) return "log factor: too few slopes to tell";
  const std::string residuals = fmt::format("rms {:.2g} for p + q/ln w against {:.2g} for p + c w^-{:.2g}",
                                            factor.residual_log, factor.residual_power, factor.delta);
  if (factor.detected)
    return fmt::format("log factor {} (q = {:.3g} +- {:.2g}; {} on the last {} slopes)", factor.summary, factor.q,
                       factor.q_uncertainty, residuals, factor.tail);
  return fmt::format("no log factor (q = {:.3g} +- {:.2g}; {} on the last {} slopes)", factor.q, factor.q_uncertainty,
                     residuals, factor.tail);
}

}  // namespace kwe::checks
