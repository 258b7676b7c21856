// The engine against closed forms: endpoint singularities, a triangle (Beta function), a half-infinite
// range, each at two precisions. Reference values: Boost.Math's beta() in MPFR at the working precision.
#include "mp_compare.hpp"
#include "quadrature/engine.hpp"
#include "quadrature/level_sum.hpp"

#include <boost/math/special_functions/beta.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <catch2/catch.hpp>

using kwe::Real;
using kwe::testing::agrees;
using kwe::testing::digits_of_agreement;
namespace q = kwe::quadrature;

namespace {

Real infinity() { return std::numeric_limits<Real>::infinity(); }

template <class F>
q::Result<Real> integrate_1d(const q::Engine<Real>& engine, const Real& a, const Real& b, F f) {
  const auto panels = q::graded(a, b, {}, Real(1), engine.grading);
  return q::refine<Real>([&](unsigned level) { return q::level_sum(panels, engine.rules, level, f); },
                         engine.tolerance(), engine.bits, engine.policy);
}

}  // namespace

TEST_CASE("x^a on [0, 1] with an endpoint singularity, a in (-1, 0)", "[quadrature]") {
  for (unsigned digits : {25u, 50u}) {
    kwe::set_working_precision(digits);
    const q::Engine<Real> engine(digits, kwe::working_bits());
    for (const char* a_text : {"-0.5", "-0.9", "-0.25", "-0.99"}) {
      const Real a(a_text);
      const auto r = integrate_1d(engine, Real(0), Real(1), [&](const Real& x) -> Real { return pow(x, a); });
      const Real exact = 1 / (a + 1);
      INFO("a = " << a_text << ", digits " << digits << ": agreement " << digits_of_agreement(r.value, exact));
      CHECK(r.met);
      CHECK(agrees(r.value, exact, digits));
      CHECK(r.error < pow(Real(10), -static_cast<int>(digits)) * abs(exact));
    }
  }
}

TEST_CASE("a triangle: iint_{x+y<=1} x^a y^b = B(a+1, b+1) / (a+b+2)", "[quadrature]") {
  for (unsigned digits : {25u, 40u}) {
    kwe::set_working_precision(digits);
    const q::Engine<Real> engine(digits, kwe::working_bits());
    const Real a("-0.3"), b("0.5");
    const auto r = q::refine<Real>(
        [&](unsigned level) {
          const auto outer = q::graded(Real(0), Real(1), {}, Real(1), engine.grading);
          return q::level_sum(outer, engine.rules, level, [&](const Real& x) -> q::Estimate<Real> {
            const auto inner = q::graded(Real(0), Real(1 - x), {}, Real(1), engine.grading);
            const Real xa = pow(x, a);
            return q::level_sum(inner, engine.rules, level, [&](const Real& y) -> Real { return xa * pow(y, b); });
          });
        },
        engine.tolerance(), engine.bits, engine.policy);
    const Real exact = boost::math::beta(Real(a + 1), Real(b + 1)) / (a + b + 2);
    INFO("digits " << digits << ": agreement " << digits_of_agreement(r.value, exact) << ", calls " << r.calls);
    CHECK(r.met);
    CHECK(agrees(r.value, exact, digits));
  }
}

TEST_CASE("a half-infinite range: int_0^inf x^a / (1+x)^c = B(a+1, c-a-1)", "[quadrature]") {
  for (unsigned digits : {25u, 40u}) {
    kwe::set_working_precision(digits);
    const q::Engine<Real> engine(digits, kwe::working_bits());
    const Real a("0.3"), c("6.5");
    const auto r = integrate_1d(engine, Real(0), infinity(),
                                [&](const Real& x) -> Real { return pow(x, a) / pow(Real(1 + x), c); });
    const Real exact = boost::math::beta(Real(a + 1), Real(c - a - 1));
    INFO("digits " << digits << ": agreement " << digits_of_agreement(r.value, exact));
    CHECK(r.met);
    CHECK(agrees(r.value, exact, digits));
  }
}

TEST_CASE("the two precisions agree, and the estimate bounds the difference", "[quadrature]") {
  const auto value_at = [](unsigned digits) {
    kwe::set_working_precision(digits);
    const q::Engine<Real> engine(digits, kwe::working_bits());
    const Real a("0.75");
    return integrate_1d(engine, Real(0), infinity(),
                        [&](const Real& x) -> Real { return pow(x, a) * pow(Real(1 + x * x), Real(-3)); });
  };
  const auto coarse = value_at(20);
  const auto fine = value_at(45);
  INFO("agreement " << digits_of_agreement(coarse.value, fine.value));
  CHECK(abs(Real(coarse.value - fine.value)) <= coarse.error);
  CHECK(agrees(coarse.value, fine.value, 20));
}

TEST_CASE("a tolerance the rules cannot reach is reported as not met", "[quadrature]") {
  kwe::set_working_precision(30);
  q::Engine<Real> engine(30, kwe::working_bits());
  engine.policy.first_level = 2;
  engine.policy.max_level = 4;  // far too coarse for 30 digits
  const auto r = integrate_1d(engine, Real(0), Real(1), [](const Real& x) -> Real { return pow(x, Real("-0.9")); });
  CHECK_FALSE(r.met);
}

TEST_CASE("partitions are graded from the data's scale and end at every break", "[quadrature]") {
  kwe::set_working_precision(20);
  const q::Grading<Real> g;
  const auto panels = q::graded(Real(0), Real(100), {Real(50)}, Real(1), g);
  REQUIRE(panels.size() == 5);  // [0,1] [1,8] [8,50] [50,64] [64,100]
  CHECK(panels[0].rule == q::PanelRule::tanh_sinh);
  CHECK(panels[2].b == 50);
  CHECK(panels[4].b == 100);
  const auto infinite = q::graded(Real(0), infinity(), {}, Real(10), g);
  CHECK(infinite.back().map == q::PanelMap::to_infinity);
  CHECK(infinite.back().a >= 80);
}

TEST_CASE("Gauss-Jacobi: s^alpha times polynomials exactly, s^alpha e^s to the working precision", "[quadrature]") {
  // int_0^1 s^(alpha + k) ds = 1 / (alpha + k + 1) for k <= 2n - 1; int_0^1 s^alpha e^(-s) ds = gamma_lower(alpha + 1, 1).
  kwe::set_working_precision(40);
  const unsigned bits = kwe::working_bits();
  for (const char* alpha_text : {"0", "0.8", "2.1", "3.5", "-0.5"}) {
    const Real alpha(alpha_text);
    for (unsigned n : {5u, 32u}) {
      const q::NodeSet<Real> nodes = q::gauss_jacobi_nodes<Real>(n, alpha, bits);
      REQUIRE(nodes.size() == n);
      for (unsigned k : {0u, 1u, 2 * n - 1}) {
        Real sum = 0;
        for (const auto& node : nodes) sum += node.weight * pow(node.s, Real(alpha + k));
        INFO("alpha = " << alpha_text << ", n = " << n << ", k = " << k);
        CHECK(agrees(sum, Real(1 / (alpha + k + 1)), 38));
      }
    }
    const q::NodeSet<Real> nodes = q::gauss_jacobi_nodes<Real>(32, alpha, bits);
    Real sum = 0;
    for (const auto& node : nodes) sum += node.weight * pow(node.s, alpha) * exp(Real(-node.s));
    INFO("alpha = " << alpha_text << ": agreement " << digits_of_agreement(sum, Real(boost::math::tgamma_lower(Real(alpha + 1), Real(1)))));
    CHECK(agrees(sum, Real(boost::math::tgamma_lower(Real(alpha + 1), Real(1))), 38));
  }
}
