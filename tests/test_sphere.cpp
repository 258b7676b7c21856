// The sphere rule of estimates/sphere.hpp against closed forms and an independent 1-D rule.
//  F, F1: with P = (k1+k2)/2, p = |P|, R = |k1-k2|/2, t = cos(sigma, P), |k1*|^2 = p^2 + R^2 + 2pRt, so
//    F = 2 pi \int_{-1}^{1} (1 + p^2 + R^2 + 2pRt)^(-3/2) dt
//      = (2 pi / (pR)) [(1 + (p - R)^2)^(-1/2) - (1 + (p + R)^2)^(-1/2)]   (4 pi (1 + p^2 + R^2)^(-3/2) at pR = 0),
//  and F1 = F (sigma -> -sigma). This oracle lives here only, never in the implementation.
//  I: 2 pi \int_{-1}^{1} (a + bt)^beta (1 + a - bt)^(beta - M/2) dt, a = (|k1|^2 + |k2|^2)/2,
//  b = |k1 - k2||k1 + k2|/2, by Boost's tanh_sinh (its own nodes and error control).
#include "estimates/sphere.hpp"
#include "mp_compare.hpp"

#include <boost/math/quadrature/tanh_sinh.hpp>
#include <catch2/catch.hpp>

using kwe::Real;
using kwe::Vec3;
using kwe::testing::agrees;
using kwe::testing::digits_of_agreement;
namespace q = kwe::quadrature;

namespace {

Real two_pi() { return boost::math::constants::two_pi<Real>(); }

Real F_closed_form(const Vec3<Real>& k1, const Vec3<Real>& k2) {
  const Real p = kwe::norm(Real(0.5) * (k1 + k2)), R = kwe::norm(k1 - k2) / 2;
  if (p * R == 0) return 2 * two_pi() * pow(Real(1 + p * p + R * R), Real(-1.5));
  const auto inverse_bracket = [](const Real& x) { return 1 / sqrt(Real(1 + x * x)); };
  return two_pi() / (p * R) * (inverse_bracket(Real(p - R)) - inverse_bracket(Real(p + R)));
}

// Boost passes the distance to the nearer end as a second argument (negative next to -1): with it and
// a - b = (k1.k2)^2 / (a + b), a + bt and 1 + a - bt keep their digits at the ends, where a + bt
// vanishes when k1 is orthogonal to k2.
Real I_one_dimensional(const Vec3<Real>& k1, const Vec3<Real>& k2, const Real& beta, const Real& M, unsigned digits) {
  const Real a = (dot(k1, k1) + dot(k2, k2)) / 2, b = kwe::norm(k1 - k2) * kwe::norm(k1 + k2) / 2;
  const Real a_minus_b = pow(dot(k1, k2), 2) / (a + b);
  // Boost's default min_complement comes from numeric_limits, which a variable-precision mpfr_float does
  // not fill in: it must be given.
  boost::math::quadrature::tanh_sinh<Real> rule(20, pow(Real(10), -4 * static_cast<int>(digits)));
  const Real exponent = beta - M / 2;
  const auto f = [&](const Real& t, const Real& to_end) {
    const Real one_plus_t = t < 0 ? Real(-to_end) : Real(1 + t), one_minus_t = t < 0 ? Real(1 - t) : Real(to_end);
    return pow(Real(a_minus_b + b * one_plus_t), beta) * pow(Real(1 + a_minus_b + b * one_minus_t), exponent);
  };
  return two_pi() * rule.integrate(f, Real(-1), Real(1), pow(Real(10), -static_cast<int>(digits) - 5));
}

struct Configuration {
  const char* name;
  const char *k1, *k2;
};

// Generic, k1 = k2 (R = 0), k1 = -k2 (p = 0), |k1 - k2| large with p = R (k1* can vanish: the peak of
// <k1*>^-3 has polar width 2e-4), nearly orthogonal (p - R = -2.5: a peak of width 1e-3 on a floor).
const Configuration configurations[] = {
    {"generic", "0.3,-1.2,0.7", "1.1,0.4,-0.5"},
    {"k1 = k2", "2.5,-1,3", "2.5,-1,3"},
    {"k1 = -k2", "4,1,-2", "-4,-1,2"},
    {"peaked, p = R", "1e4,0,0", "0,-2e3,3e3"},
    {"peaked, nearly orthogonal", "1e3,3,0", "-5,2e3,1"},
};

q::Engine<Real> engine_for(unsigned digits) {
  kwe::set_working_precision(digits);
  return q::Engine<Real>(digits, kwe::working_bits());
}

}  // namespace

TEST_CASE("sphere: F and F1 by the sphere rule match the closed form to 30 and 50 digits", "[sphere]") {
  for (unsigned digits : {30u, 50u}) {
    const auto engine = engine_for(digits);
    for (const Configuration& c : configurations) {
      const Vec3<Real> k1 = kwe::parse_vec3(c.k1, "k1"), k2 = kwe::parse_vec3(c.k2, "k2");
      const Real exact = F_closed_form(k1, k2);
      const auto F = kwe::sphere_F(engine, k1, k2);
      const auto F1 = kwe::sphere_F1(engine, k1, k2);
      INFO(c.name << " at " << digits << " digits: F agrees to " << digits_of_agreement(F.value, exact) << " ("
                  << F.calls << " calls), F1 to " << digits_of_agreement(F1.value, exact) << " (" << F1.calls
                  << " calls)");
      CHECK(F.met);
      CHECK(F1.met);
      CHECK(agrees(F.value, exact, digits));
      CHECK(agrees(F1.value, exact, digits));
      CHECK(abs(Real(F.value - exact)) <= F.error);
    }
  }
}

TEST_CASE("sphere: in a tilted frame the integrand depends on both angles, and the rule still matches", "[sphere]") {
  const auto engine = engine_for(30);
  const Vec3<Real> k1 = kwe::parse_vec3("0.3,-1.2,0.7", "k1"), k2 = kwe::parse_vec3("1.1,0.4,-0.5", "k2");
  const kwe::Collision<Real> c(k1, k2);
  const Real none = 4;  // no grading: nothing is peaked at the poles of this frame
  const auto frame = kwe::frame_about(Vec3<Real>{Real(0), Real(0), Real(1)});
  const auto framed = kwe::in_frame(c, frame);
  const auto r = kwe::integrate_sphere(engine, frame, kwe::PoleScales<Real>{none, none}, [&](const kwe::SpherePoint<Real>& s) {
    return kwe::inverse_bracket_cubed(framed.k1_star(s));
  });
  const auto aligned = kwe::sphere_F(engine, k1, k2);
  INFO("tilted: " << digits_of_agreement(r.value, F_closed_form(k1, k2)) << " digits, " << r.calls
                  << " calls; aligned: " << aligned.calls << " calls");
  CHECK(r.met);
  CHECK(agrees(r.value, F_closed_form(k1, k2), 30));
  CHECK(r.calls > 2 * aligned.calls);  // the azimuth needed more than its 8 nodes
}

TEST_CASE("sphere: I by the sphere rule matches the 1-D reduction (with its 2 pi) to 30 digits", "[sphere]") {
  const auto engine = engine_for(30);
  const Real M = 12;
  for (const char* beta_text : {"0.3", "1"}) {
    const Real beta(beta_text);
    for (const char* k2_text : {"2,0,0", "1.2,1.2,0.5", "0,1.5,0", "-1,0.2,0"}) {
      const Vec3<Real> k1 = kwe::parse_vec3("40,0,0", "k1"), k2 = kwe::parse_vec3(k2_text, "k2");
      const auto r = kwe::sphere_I(engine, k1, k2, beta, M);
      const Real oracle = I_one_dimensional(k1, k2, beta, M, 30);
      INFO("beta = " << beta_text << ", k2 = " << k2_text << ": agreement " << digits_of_agreement(r.value, oracle)
                     << ", " << r.calls << " calls");
      CHECK(r.met);
      CHECK(agrees(r.value, oracle, 30));
    }
  }
}

TEST_CASE("sphere: malformed vectors are refused with a message naming them", "[sphere]") {
  kwe::set_working_precision(20);
  for (const char* bad : {"1,2", "1,2,3,4", "1,,3", "nan,0,0", "1,inf,0", "a,b,c", ""})
    CHECK_THROWS_AS(kwe::parse_vec3(bad, "k1"), std::invalid_argument);
  const Vec3<Real> v = kwe::parse_vec3("0.1,-2e3,3", "k1");
  CHECK(v.x == Real("0.1"));
  CHECK(v.y == -2000);
}
