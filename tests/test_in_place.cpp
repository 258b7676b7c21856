// quadrature/in_place.hpp: the in-place operations on MPFR values against Boost's operators at the same
// precision (the MPFR forms round the same operations the same way: equal to the last bit), signs of
// every kind, and the generic forms on long double; and n01_into / pow_into against n01 / pow.
#include "estimates/data.hpp"
#include "estimates/real.hpp"
#include "quadrature/elementary.hpp"
#include "quadrature/in_place.hpp"

#include <catch2/catch.hpp>

#include <vector>

using kwe::Real;
namespace q = kwe::quadrature;

TEST_CASE("in-place products and sums equal Boost's operators to the last bit", "[in_place]") {
  kwe::set_working_precision(30);
  const std::vector<Real> values{Real("1.25"), Real("-3.7"), Real("1e-30"), Real("-2.5e20"), Real(0), Real("0.1")};
  for (const Real& a : values)
    for (const Real& b : values) {
      Real scratch;
      Real out;
      q::mul_into(out, a, b);
      CHECK(out == Real(a * b));
      Real acc("7.3");
      q::add_product(acc, a, b, scratch);
      Real expected("7.3");
      expected += Real(a * b);
      CHECK(acc == expected);
      acc = Real("-7.3");
      q::sub_product(acc, a, b, scratch);
      expected = Real("-7.3");
      expected -= Real(a * b);
      CHECK(acc == expected);
      acc = b;
      q::add_abs(acc, a);
      CHECK(acc == Real(b + abs(a)));
      acc = b;
      q::add_to(acc, a);
      CHECK(acc == Real(b + a));
      acc = b;
      q::sub_from(acc, a);
      CHECK(acc == Real(b - a));
      q::half_into(out, a);
      CHECK(out == Real(a / 2));
      if (a != 0) {
        q::reciprocal_into(out, a);
        CHECK(out == Real(1 / a));
      }
    }
}

TEST_CASE("in-place forms write into their first argument even when it is an operand", "[in_place]") {
  kwe::set_working_precision(30);
  Real x("1.5"), scratch;
  q::mul_into(x, x, x);
  CHECK(x == Real("2.25"));
  q::add_product(x, x, x, scratch);  // 2.25 + 2.25^2
  CHECK(x == Real("7.3125"));
  q::reciprocal_into(x, x);
  CHECK(x == Real(1 / Real("7.3125")));
}

TEST_CASE("generic in-place forms on a built-in type", "[in_place]") {
  long double acc = 1, scratch = 0;
  q::add_product(acc, 2.0L, 3.0L, scratch);
  CHECK(acc == 7.0L);
  q::sub_product(acc, 2.0L, 3.0L, scratch);
  CHECK(acc == 1.0L);
  q::add_abs(acc, -2.0L);
  CHECK(acc == 3.0L);
}

TEST_CASE("n01_into and pow_into equal n01 and pow", "[in_place]") {
  kwe::set_working_precision(30);
  for (const char* M : {"12", "14", "7.5"}) {  // M/2 even, odd (a square root), not an integer (a pow)
    kwe::Parameters p;
    p.M = M;
    const kwe::Model<Real> model(p);
    for (const char* w : {"0", "0.5", "3", "1e4", "1e12"}) {
      Real out("123"), square;
      kwe::n01_into(model, Real(w), out, square);
      CHECK(out == kwe::n01(model, Real(w)));
      const Real base = Real(w) + 1;
      Real power("5");
      kwe::elementary::pow_into(power, base, model.beta_plus_half);
      CHECK(power == kwe::elementary::pow(base, model.beta_plus_half));
    }
  }
}
