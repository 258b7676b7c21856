// quadrature/elementary.hpp against MPFR: x^y, e^x, log x, sin x, cos x through Arb are within one ulp
// of the exact value (MPFR's correctly rounded result 64 bits further), at 64 ... 400 bits, on arguments
// spread over the ranges the integrands meet (omegas from 1e-30 to 1e30, phases N omega to 1e8 rad and
// near multiples of pi, results near 0), and the MPFR fallback takes the cases Arb's ball cannot
// (x <= 0, overflow, non-finite input) with MPFR's own answer. Also data.hpp's n01, whose integer-power
// shortcut replaces the general power when M/2 is an integer.
#include "quadrature/elementary.hpp"

#include "estimates/data.hpp"
#include "estimates/real.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

using kwe::Real;
namespace el = kwe::elementary;

namespace {

// MPFR's value at the given precision, in a raw mpfr_t (the reference, 64 bits above the tested one).
struct Exact {
  mpfr_t v;
  explicit Exact(mpfr_prec_t bits) { mpfr_init2(v, bits); }
  ~Exact() { mpfr_clear(v); }
};

// |computed - exact| <= ulp(computed) at computed's precision; exact at a higher precision.
bool within_one_ulp(const Real& computed, mpfr_srcptr exact) {
  mpfr_srcptr c = computed.backend().data();
  if (!mpfr_number_p(c) || !mpfr_number_p(exact)) return mpfr_equal_p(c, exact) || (mpfr_nan_p(c) && mpfr_nan_p(exact));
  if (mpfr_zero_p(exact)) return mpfr_zero_p(c);
  Exact diff(mpfr_get_prec(exact) + 8);
  mpfr_sub(diff.v, exact, c, MPFR_RNDN);
  mpfr_abs(diff.v, diff.v, MPFR_RNDN);
  Exact ulp(8);
  mpfr_set_ui_2exp(ulp.v, 1, mpfr_get_exp(c) - static_cast<mpfr_exp_t>(mpfr_get_prec(c)), MPFR_RNDN);
  return mpfr_lessequal_p(diff.v, ulp.v);
}

// A deterministic spread of values: 10^e * (1 + j/7) for e in [lo, hi] by `step`.
std::vector<std::string> spread(int lo, int hi, int step) {
  std::vector<std::string> out;
  for (int e = lo; e <= hi; e += step)
    for (int j = 0; j < 7; ++j) out.push_back(std::to_string(1.0 + j / 7.0).substr(0, 8) + "e" + std::to_string(e));
  return out;
}

const std::vector<unsigned> digits10_tested{19, 34, 37, 45, 60, 120};

}  // namespace

TEST_CASE("elementary: x^y within one ulp of MPFR's exact value", "[elementary]") {
  for (unsigned d : digits10_tested) {
    Real::default_precision(d);
    const mpfr_prec_t bits = mpfr_get_prec(Real(0).backend().data());
    std::size_t checked = 0;
    for (const char* y_text : {"0.3", "0.8", "1.3", "1.75", "-3", "-6.25", "1e-5", "2"}) {
      const Real y(y_text);
      for (const std::string& x_text : spread(-30, 30, 3)) {
        const Real x(x_text);
        const Real fast = el::pow(x, y);
        Exact exact(bits + 64);
        mpfr_pow(exact.v, x.backend().data(), y.backend().data(), MPFR_RNDN);
        INFO("bits " << bits << ", x = " << x_text << ", y = " << y_text);
        REQUIRE(within_one_ulp(fast, exact.v));
        ++checked;
      }
    }
    CHECK(checked > 500);
  }
}

TEST_CASE("elementary: e^x and log x within one ulp", "[elementary]") {
  for (unsigned d : digits10_tested) {
    Real::default_precision(d);
    const mpfr_prec_t bits = mpfr_get_prec(Real(0).backend().data());
    std::vector<std::string> args = spread(-20, 2, 2);
    for (const char* extra : {"-700.5", "-1e-30", "0.693147180559945309417232121458176568", "1e-300", "123.456"})
      args.emplace_back(extra);
    for (const std::string& text : args) {
      const Real x(text);
      for (const Real& arg : {x, Real(-x)}) {
        Exact exact(bits + 64);
        mpfr_exp(exact.v, arg.backend().data(), MPFR_RNDN);
        INFO("exp, bits " << bits << ", x = " << arg);
        REQUIRE(within_one_ulp(el::exp(arg), exact.v));
      }
    }
    // log: near 1 (a result near 0, where a ball's relative accuracy is tested) and far from it.
    std::vector<std::string> log_args = spread(-300, 300, 25);
    for (const char* extra : {"1.0000000000000000000000000000001", "0.99999999999999999999", "2.718281828459045"})
      log_args.emplace_back(extra);
    for (const std::string& text : log_args) {
      const Real x(text);
      Exact exact(bits + 64);
      mpfr_log(exact.v, x.backend().data(), MPFR_RNDN);
      INFO("log, bits " << bits << ", x = " << text);
      REQUIRE(within_one_ulp(el::log(x), exact.v));
    }
  }
}

TEST_CASE("elementary: log(1 + x) and e^x - 1 within one ulp, tiny arguments included", "[elementary]") {
  for (unsigned d : digits10_tested) {
    Real::default_precision(d);
    const mpfr_prec_t bits = mpfr_get_prec(Real(0).backend().data());
    std::vector<std::string> args = spread(-40, 3, 3);
    for (const char* extra : {"0.5", "-0.999999", "1e-300", "700.25"}) args.emplace_back(extra);
    for (const std::string& text : args) {
      const Real x(text);
      for (const Real& arg : {x, Real(-x)}) {
        Exact exact(bits + 64);
        mpfr_expm1(exact.v, arg.backend().data(), MPFR_RNDN);
        INFO("expm1, bits " << bits << ", x = " << arg);
        REQUIRE(within_one_ulp(el::expm1(arg), exact.v));
        if (arg > -1) {
          mpfr_log1p(exact.v, arg.backend().data(), MPFR_RNDN);
          INFO("log1p, bits " << bits << ", x = " << arg);
          REQUIRE(within_one_ulp(el::log1p(arg), exact.v));
        }
      }
    }
  }
  // Outside log1p's domain and at the edge: MPFR's answers.
  CHECK(isnan(el::log1p(Real(-2))));
  CHECK(el::log1p(Real(-1)) == -std::numeric_limits<Real>::infinity());
}

TEST_CASE("elementary: sin and cos within one ulp, large phases and near multiples of pi", "[elementary]") {
  for (unsigned d : digits10_tested) {
    Real::default_precision(d);
    const mpfr_prec_t bits = mpfr_get_prec(Real(0).backend().data());
    std::vector<Real> args;
    for (const std::string& text : spread(-10, 8, 1)) {
      args.emplace_back(text);
      args.emplace_back(Real(-Real(text)));
    }
    // Near k pi: the results are tiny and a ball's relative accuracy is small there.
    const Real pi = boost::math::constants::pi<Real>();
    for (const int k : {1, 2, 355, 100000, 19099999})
      for (const char* shift : {"0", "1e-20", "-1e-12"}) args.emplace_back(Real(k * pi + Real(shift)));
    for (const Real& x : args) {
      Real s, c;
      el::sin_cos(x, s, c);
      Exact es(bits + 64), ec(bits + 64);
      mpfr_sin_cos(es.v, ec.v, x.backend().data(), MPFR_RNDN);
      INFO("bits " << bits << ", x = " << x);
      REQUIRE(within_one_ulp(s, es.v));
      REQUIRE(within_one_ulp(c, ec.v));
      REQUIRE(within_one_ulp(el::cos(x), ec.v));
    }
  }
}

TEST_CASE("elementary: what Arb's ball cannot give is MPFR's answer", "[elementary]") {
  Real::default_precision(37);
  const Real inf = std::numeric_limits<Real>::infinity();
  CHECK(isnan(el::pow(Real(-2), Real("0.5"))));
  CHECK(el::pow(Real(-2), Real(3)) == -8);
  CHECK(el::pow(Real(0), Real("0.3")) == 0);
  CHECK(el::log(Real(0)) == -inf);
  CHECK(isnan(el::log(Real(-1))));
  CHECK(el::exp(Real("1e30")) == inf);
  CHECK(el::exp(Real("-1e30")) == 0);
  CHECK(el::exp(inf) == inf);
  Real s, c;
  el::sin_cos(Real(0), s, c);
  CHECK(s == 0);
  CHECK(c == 1);
  // The generic path (another real type) is the standard library's.
  CHECK(el::pow(2.0, 0.5) == std::pow(2.0, 0.5));
}

// data.hpp's n01 = <w>^(-M/2) by integer powers (M/2 an integer, with a square root when M/2 is odd)
// against the general pow, and the general path itself for other M: a few ulps at 124 bits.
TEST_CASE("n01 by integer powers agrees with the general power", "[elementary]") {
  kwe::set_working_precision(30);
  const Real ulp = ldexp(Real(1), -static_cast<int>(kwe::working_bits()) + 1);
  for (const char* M : {"2", "6", "7", "12", "13.5", "14", "24", "128", "130"}) {
    kwe::Parameters p;
    p.M = M;
    const kwe::Model<Real> m(p);
    for (const char* w : {"0", "1e-20", "0.5", "3", "1e4", "1e12", "1e100"}) {
      const Real x(w);
      const Real general = el::pow(Real(1 + x * x), m.minus_quarter_M);
      INFO("M = " << M << " (M/2 as an integer: " << m.half_M << "), w = " << w);
      CHECK(abs(Real(kwe::n01(m, x) - general)) <= 8 * ulp * general);
    }
  }
  CHECK(kwe::Model<Real>(kwe::Parameters{"0.5", "12", "1", "1"}).half_M == 6);
  CHECK(kwe::Model<Real>(kwe::Parameters{"0.5", "13.5", "1", "1"}).half_M == -1);
}
