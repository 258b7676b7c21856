// A logarithmic factor told apart from a power with corrections (checks/log_factor.hpp): slopes of
// w^p (ln w)^q are reported as a log factor with the right p, never as a wrong power; slopes of powers
// with 1/w or 1/sqrt(w) corrections, or of an exact power, are not.
#include "checks/log_factor.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <functional>

using namespace kwe::checks;
using kwe::Real;

namespace {

// w = 2, 2 10^(1/4), ... below 10^6: 4 points per decade, as the sweeps of checks/sweep.hpp.
std::vector<double> grid_logs() {
  std::vector<double> L;
  for (double l = std::log(2.0); l < std::log(1e6); l += std::log(10.0) / 4) L.push_back(l);
  return L;
}

struct Slopes {
  std::vector<double> midpoints, slopes;
};

// Local slopes between consecutive grid points from ln Q as a function of L = ln w, computed exactly
// (no rounding through Q itself), at the geometric midpoints.
Slopes slopes_of(const std::function<double(double)>& log_q) {
  const std::vector<double> L = grid_logs();
  Slopes s;
  for (std::size_t k = 0; k + 1 < L.size(); ++k) {
    s.midpoints.push_back((L[k] + L[k + 1]) / 2);
    s.slopes.push_back((log_q(L[k + 1]) - log_q(L[k])) / (L[k + 1] - L[k]));
  }
  return s;
}

LogFactor detect(const std::function<double(double)>& log_q, double uncertainty = 1e-9) {
  const Slopes s = slopes_of(log_q);
  const LogFactor f = detect_log_factor(s.midpoints, s.slopes, uncertainty);
  INFO(describe(f));
  return f;
}

}  // namespace

TEST_CASE("w^0.5 ln w up to 10^6 is a log factor, with p = 1/2, not a drifting power", "[log_factor]") {
  const LogFactor f = detect([](double L) { return 0.5 * L + std::log(L); });
  CAPTURE(describe(f));
  CHECK(f.detected);
  CHECK(f.p == Approx(0.5).margin(0.05));
  CHECK(f.q == Approx(1).margin(0.2));
  CHECK(f.tail >= 5);
  CHECK(f.summary == "w1^0.5 (log w1)^1.0");
  CHECK(f.residual_power > 10 * f.residual_log);
  // The last raw slope alone reads p + 1/ln w1 = 0.57.
  const Slopes s = slopes_of([](double L) { return 0.5 * L + std::log(L); });
  CHECK(s.slopes.back() > 0.56);
}

TEST_CASE("w^-2 (ln w)^-1 is a log factor with q = -1", "[log_factor]") {
  const LogFactor f = detect([](double L) { return -2 * L - std::log(L); });
  CAPTURE(describe(f));
  CHECK(f.detected);
  CHECK(f.p == Approx(-2).margin(0.05));
  CHECK(f.q == Approx(-1).margin(0.2));
  CHECK(f.summary == "w1^-2.0 (log w1)^-1.0");
}

TEST_CASE("powers with 1/w and 1/sqrt(w) corrections are not log factors", "[log_factor]") {
  const LogFactor a = detect([](double L) { return 0.5 * L + std::log1p(3 * std::exp(-L)); });
  CAPTURE(describe(a));
  CHECK_FALSE(a.detected);
  CHECK(a.summary.empty());
  CHECK(a.residual_power < a.residual_log);
  const LogFactor b = detect([](double L) { return 0.5 * L + std::log1p(std::exp(-L / 2)); });
  CAPTURE(describe(b));
  CHECK_FALSE(b.detected);
  CHECK(b.residual_power < b.residual_log);
  const LogFactor c = detect([](double L) { return -1.5 * L; });
  CAPTURE(describe(c));
  CHECK_FALSE(c.detected);
  CHECK(std::fabs(c.q) < 1e-6);
  CHECK(c.p == Approx(-1.5).margin(1e-9));
  // Exact slopes with no stated noise at all: still not a log factor.
  CHECK_FALSE(detect([](double L) { return -1.5 * L; }, 0).detected);
  CHECK_FALSE(detect([](double L) { return 0.5 * L + std::log1p(3 * std::exp(-L)); }, 0).detected);
}

TEST_CASE("noise on the slopes: a log factor survives 1e-7, a power is not made one, a drowned drift not claimed",
          "[log_factor]") {
  // Deterministic +-1e-7 alternation on the slopes.
  auto noisy = [](const std::function<double(double)>& log_q, double amplitude) {
    Slopes s = slopes_of(log_q);
    for (std::size_t k = 0; k < s.slopes.size(); ++k) s.slopes[k] += (k % 2 ? amplitude : -amplitude);
    return detect_log_factor(s.midpoints, s.slopes, amplitude);
  };
  const LogFactor log_factor = noisy([](double L) { return 0.5 * L + std::log(L); }, 1e-7);
  CAPTURE(describe(log_factor));
  CHECK(log_factor.detected);
  const LogFactor power = noisy([](double L) { return 0.5 * L + std::log1p(std::exp(-L / 2)); }, 1e-7);
  CAPTURE(describe(power));
  CHECK_FALSE(power.detected);
  // Noise as large as the drift itself: nothing can be told, nothing is claimed.
  const LogFactor drowned = noisy([](double L) { return 0.5 * L + std::log(L); }, 0.05);
  CAPTURE(describe(drowned));
  CHECK_FALSE(drowned.detected);
}

TEST_CASE("from a fit and its omegas: the Aitken exponent is off, the log factor is not", "[log_factor]") {
  kwe::set_working_precision(30);
  std::vector<SweepPoint> points;
  std::vector<double> omegas;
  const Real step = pow(Real(10), Real("0.25"));
  for (Real w = 2; w < Real("1e6"); w *= step) {
    const Real q = sqrt(w) * log(w);
    points.push_back({w, q, Real(q * Real("1e-25"))});
    omegas.push_back(static_cast<double>(w));
  }
  const Fit fit = fit_exponent(points);
  REQUIRE(fit.local_slopes.size() + 1 == omegas.size());
  const LogFactor f = detect_log_factor(fit, omegas, 1e-12);
  CAPTURE(describe(f));
  CHECK(f.detected);
  CHECK(f.p == Approx(0.5).margin(1e-3));
  CHECK(f.q == Approx(1).margin(1e-3));
  CHECK(std::fabs(fit.last_slope - 0.5) > 0.05);
}

TEST_CASE("bad input is refused, short input is not a log factor", "[log_factor]") {
  using V = std::vector<double>;
  CHECK_THROWS_AS(detect_log_factor(V{1, 2, 3}, V{1, 2}, 0), std::invalid_argument);
  CHECK_THROWS_AS(detect_log_factor(V{-1, 2, 3, 4, 5}, V{1, 1, 1, 1, 1}, 0), std::invalid_argument);
  const LogFactor f = detect_log_factor(V{1, 2, 3, 4}, V{1.5, 1.4, 1.3, 1.2}, 0);
  CHECK_FALSE(f.detected);
  CHECK(f.tail == 0);
  Fit fit;
  fit.local_slopes = {1, 1, 1};
  CHECK_THROWS_AS(detect_log_factor(fit, V{2, 3, 4}, 0), std::invalid_argument);
}
