// The fit and the verdict on synthetic data whose exponent is known: exact powers, powers with 1/w and
// 1/sqrt(w) corrections, oscillating data, noisy values; and the negative controls.
#include "checks/fit.hpp"
#include "checks/verdict.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <functional>

using namespace kwe::checks;
using kwe::Real;

namespace {

std::vector<SweepPoint> sweep(const std::function<Real(const Real&)>& q, Real relative_error = Real("1e-20")) {
  kwe::set_working_precision(20);
  std::vector<SweepPoint> points;
  const Real step = pow(Real(10), Real("0.25"));
  for (Real w = 2; w < Real("1e6"); w *= step) points.push_back({w, q(w), Real(abs(q(w)) * relative_error)});
  return points;
}

}  // namespace

TEST_CASE("an exact power is measured to the noise", "[fit]") {
  const auto fit = fit_exponent(sweep([](const Real& w) -> Real { return 3 * pow(w, Real("-5.5")); }));
  REQUIRE(fit.ok);
  CHECK(std::fabs(fit.exponent + 5.5) < 1e-12);
  CHECK(fit.uncertainty < 1e-10);
}

TEST_CASE("1/w and 1/sqrt(w) corrections are extrapolated away", "[fit]") {
  const auto fit = fit_exponent(
      sweep([](const Real& w) -> Real { return pow(w, Real("-4.4")) * (1 + 3 / w + 2 / (w * w)); }));
  REQUIRE(fit.ok);
  CHECK(std::fabs(fit.exponent + 4.4) < 1e-7);
  CHECK(std::fabs(fit.exponent + 4.4) <= fit.uncertainty + 1e-12);
  const auto slow = fit_exponent(sweep([](const Real& w) -> Real { return pow(w, Real("-2")) * (1 + 5 / sqrt(w)); }));
  REQUIRE(slow.ok);
  CHECK(std::fabs(slow.exponent + 2) <= std::max(slow.uncertainty, 1e-9));
  CHECK(std::fabs(slow.last_slope + 2) > 1e-3);  // the raw slope alone would be off
}

TEST_CASE("a logarithm is not mistaken for a sharp power", "[fit]") {
  const auto fit = fit_exponent(sweep([](const Real& w) -> Real { return pow(w, Real(-3)) * log(w); }));
  // The slope tends to -3 like 1/ln w: the extrapolants keep moving and the uncertainty says so.
  const Verdict v = judge(Relation::upper, -3, fit, true, Tolerances{});
  CHECK(v.outcome != Outcome::pass);
}

TEST_CASE("oscillating data: the uncertainty is large, the verdict inconclusive", "[fit]") {
  const auto fit = fit_exponent(sweep([](const Real& w) -> Real { return pow(w, Real(-3)) * (2 + sin(w)); }));
  const Verdict v = judge(Relation::upper, -3, fit, true, Tolerances{});
  CHECK(v.outcome == Outcome::inconclusive);
}

TEST_CASE("verdicts for each relation", "[verdict]") {
  Fit fit;
  fit.ok = true;
  fit.exponent = -5.5;
  fit.uncertainty = 1e-8;
  const Tolerances t;
  CHECK(judge(Relation::upper, -5.5, fit, true, t).outcome == Outcome::pass);
  CHECK(judge(Relation::upper, -5.5, fit, true, t).sharp);
  CHECK(judge(Relation::upper, -4.5, fit, true, t).outcome == Outcome::pass);
  CHECK_FALSE(judge(Relation::upper, -4.5, fit, true, t).sharp);
  CHECK(judge(Relation::upper, -4.5, fit, true, t).slack == Approx(1.0));
  CHECK(judge(Relation::upper, -6, fit, true, t).outcome == Outcome::fail);
  CHECK(judge(Relation::lower, -6, fit, true, t).outcome == Outcome::pass);
  CHECK(judge(Relation::lower, -5, fit, true, t).outcome == Outcome::fail);
  CHECK(judge(Relation::both, -5.5, fit, true, t).outcome == Outcome::pass);
  CHECK(judge(Relation::both, -5.4, fit, true, t).outcome == Outcome::fail);
  CHECK(judge(Relation::both, -5.6, fit, true, t).outcome == Outcome::fail);
}

TEST_CASE("a missed error target or a wide fit is never a PASS", "[verdict]") {
  Fit fit;
  fit.ok = true;
  fit.exponent = -5.5;
  fit.uncertainty = 1e-8;
  CHECK(judge(Relation::upper, -5.5, fit, false, Tolerances{}).outcome == Outcome::inconclusive);
  fit.uncertainty = 0.1;
  CHECK(judge(Relation::upper, 0, fit, true, Tolerances{}).outcome == Outcome::inconclusive);
  fit.ok = false;
  CHECK(judge(Relation::upper, 0, fit, true, Tolerances{}).outcome == Outcome::inconclusive);
}

TEST_CASE("negative controls fail for every relation", "[verdict]") {
  const auto fit = fit_exponent(sweep([](const Real& w) -> Real { return pow(w, Real("-5.5")) * (1 + 1 / w); }));
  for (Relation r : {Relation::upper, Relation::lower, Relation::both}) {
    const Control c = negative_control(r, fit, true, Tolerances{});
    CHECK(c.outcome == Outcome::fail);
    CHECK_FALSE(c.broken);
  }
}
