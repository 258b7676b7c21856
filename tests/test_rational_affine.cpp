// Exact rationals and affine exponents a + b beta + c M (checks/rational.hpp, checks/affine.hpp): the
// paper's spelling both ways, decimals read exactly, overflow refused rather than wrapped.
#include "checks/affine.hpp"
#include "checks/exponent.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>

using namespace kwe::checks;

namespace {
Rational q(long long n, long long d = 1) { return Rational(RationalInteger(n), RationalInteger(d)); }
}  // namespace

TEST_CASE("rationals are reduced, signed in the numerator, and compare with integers", "[rational]") {
  CHECK(to_string(q(6, -4)) == "-3/2");
  CHECK(q(6, -4).denominator() == 2);
  CHECK(to_string(q(0, -7)) == "0");
  CHECK(q(1, 3) + q(1, 6) == q(1, 2));
  CHECK(q(1, 3) - q(1, 2) == q(-1, 6));
  CHECK(q(2, 3) * q(-9, 4) == q(-3, 2));
  CHECK(q(2, 3) / q(-4, 9) == q(-3, 2));
  CHECK(q(-1, 3) < q(-1, 4));
  CHECK(q(7, 8) > q(6, 7));
  // Mixed comparisons with an int both ways: under C++20 boost::rational 1.74 recursed forever here.
  CHECK(q(0) == 0);
  CHECK(0 == q(0));
  CHECK(q(1, 2) < 1);
  CHECK(1 > q(1, 2));
  CHECK(q(-1, 2) != 0);
  CHECK(abs(q(-5, 3)) == q(5, 3));
  CHECK(to_double(q(3, 8)) == 0.375);
  CHECK_THROWS_AS(q(1, 0), std::domain_error);
  CHECK_THROWS_AS(q(1) / q(0), std::domain_error);
}

TEST_CASE("rationals read the paper's numbers, decimals exactly", "[rational]") {
  CHECK(parse_rational("3/2") == q(3, 2));
  CHECK(parse_rational(" -6 / 4 ") == q(-3, 2));
  CHECK(parse_rational("2") == 2);
  CHECK(parse_rational("0.75") == q(3, 4));
  CHECK(parse_rational(".5") == q(1, 2));
  CHECK(parse_rational("2.") == 2);
  CHECK(parse_rational("+0.1") * 10 == 1);  // exact: 0.1 is 1/10, not the double nearest to it
  CHECK(parse_rational("0.50000000000000000000000000") == q(1, 2));  // trailing zeros do not overflow
  for (const char* bad : {"", "-", "1/", "/2", "1/0", "1.2.3", "1..2", "a", "1 2", "3/-2", "1.5/2", "1e3"})
    CHECK_THROWS_AS(parse_rational(bad), std::invalid_argument);
  for (const char* text : {"3/2", "-1/2", "2", "0", "-7", "1/8"}) CHECK(to_string(parse_rational(text)) == text);
}

TEST_CASE("a double enters as its shortest decimal", "[rational]") {
  CHECK(decimal_rational(0.3) == q(3, 10));
  CHECK(decimal_rational(0.25) == q(1, 4));
  CHECK(decimal_rational(10) == 10);
  CHECK(decimal_rational(-0.75) == q(-3, 4));
  CHECK(decimal_rational(1e-7) == q(1, 10000000));
  for (const double x : {0.3, 0.1, 12.5, 1.0 / 3.0, 1e-9}) CHECK(to_double(decimal_rational(x)) == x);
  CHECK_THROWS_AS(decimal_rational(std::numeric_limits<double>::infinity()), std::invalid_argument);
  CHECK_THROWS_AS(decimal_rational(1e30), std::overflow_error);
}

TEST_CASE("overflow throws instead of wrapping", "[rational]") {
  const long long big = std::numeric_limits<long long>::max();  // 2^63 - 1, the largest magnitude
  CHECK(to_string(parse_rational("9223372036854775807")) == "9223372036854775807");
  CHECK_THROWS_AS(parse_rational("9223372036854775808"), std::overflow_error);
  CHECK_THROWS_AS(parse_rational("1/9223372036854775808"), std::overflow_error);
  CHECK_THROWS_AS(Rational(std::numeric_limits<long long>::min()), std::overflow_error);  // would be 0
  CHECK_THROWS_AS(Rational(std::numeric_limits<std::uint64_t>::max()), std::overflow_error);
  CHECK_THROWS_AS(q(big) + 1, std::overflow_error);
  CHECK_THROWS_AS(q(big) * 2, std::overflow_error);
  CHECK_THROWS_AS(q(1, big) * q(1, 2), std::overflow_error);
  CHECK_THROWS_AS(q(1, big) - q(1, big - 1), std::overflow_error);
  // Intermediates wider than 63 bits that reduce back are exact, not refused.
  const Rational x = q(big, big - 1);
  CHECK(x * q(big - 1, big) == 1);
  CHECK(x - x == 0);
  CHECK(q(big) * q(1, 2) / q(big) == q(1, 2));
  CHECK_FALSE(q(big - 1, big) < q(big - 2, big - 1));
  CHECK(q(big - 2, big - 1) < q(big - 1, big));
}

TEST_CASE("affine exponents round-trip in the paper's spelling", "[affine]") {
  const Affine p = parse_affine("2beta - 1/2 - M/2");
  CHECK(p.beta == 2);
  CHECK(p.constant == q(-1, 2));
  CHECK(p.M == q(-1, 2));
  CHECK(p.at(Point{q(1, 2), 12}) == q(-11, 2));
  for (const char* text : {"2beta - 1/2 - M/2", "3beta/2 + 1", "-M", "0", "beta/2 - 7/8 + 3M/4", "4beta + 2 - M",
                           "-beta", "5/2", "-3beta + 1/2 - M"}) {
    CAPTURE(text);
    CHECK(format(parse_affine(text)) == text);
    CHECK(parse_affine(format(parse_affine(text))) == parse_affine(text));
  }
  // Other spellings of the same exponent.
  CHECK(parse_affine("-1/2 + 2*b - 0.5M") == p);
  CHECK(parse_affine("2\u03b2 - M/2 - 1/2") == p);
  CHECK(parse_affine("beta + beta - 1/4 - 1/4 - M/4 - M/4") == p);
  CHECK(parse_affine("3/2 beta") == Affine{0, q(3, 2), 0});
  CHECK(parse_affine("1/2beta") == Affine{0, q(1, 2), 0});
  CHECK(parse_affine("0.75beta - 0.1") == Affine{q(-1, 10), q(3, 4), 0});
}

TEST_CASE("affine exponents agree with the double parser", "[affine]") {
  for (const char* text : {"2beta - 1/2 - M/2", "3beta/2 + 1 - M", "beta/2 - 7/8 + 3M/4", "-0.25 + 4b", "M/8"}) {
    CAPTURE(text);
    const Affine f = parse_affine(text);
    const Exponent e = parse_exponent(text), g = to_exponent(f);
    for (const auto& [beta, M] : {std::pair{0.3, 12.0}, {1.0, 10.5}, {0.25, 7.0}}) {
      CHECK(f.at(beta, M) == Approx(e.at(beta, M)).margin(1e-15));
      CHECK(g.at(beta, M) == Approx(e.at(beta, M)).margin(1e-15));
    }
  }
}

TEST_CASE("malformed affine exponents are refused like parse_exponent refuses them", "[affine]") {
  for (const char* bad : {"", "2x", "beta beta", "1/", "M/", "2 + ", "nan", "1..2", "+", "1/0", "M/0", "2beta/0.0"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(parse_affine(bad), std::invalid_argument);
    CHECK_THROWS_AS(parse_exponent(bad), std::invalid_argument);
  }
  CHECK_THROWS_AS(parse_affine("99999999999999999999beta"), std::overflow_error);
}

TEST_CASE("max and min of affine pieces", "[affine]") {
  const PiecewiseAffine f = parse_piecewise("max(2beta - 1/2 - M/2, 4beta + 2 - M)");
  REQUIRE(f.pieces.size() == 2);
  CHECK(f.envelope == Envelope::max);
  CHECK(format(f) == "max(2beta - 1/2 - M/2, 4beta + 2 - M)");
  // M = 4beta + 5 is the crossover: the second piece wins below it.
  CHECK(f.at(Point{1, 8}) == f.pieces[1].at(Point{1, 8}));
  CHECK(f.at(Point{1, 10}) == f.pieces[0].at(Point{1, 10}));
  CHECK(f.at(Point{1, 9}) == f.pieces[0].at(Point{1, 9}));
  CHECK(f.at(Point{1, 9}) == f.pieces[1].at(Point{1, 9}));
  CHECK(f.at(1.0, 8.0) == 4 + 2 - 8);
  const PiecewiseAffine g = parse_piecewise(" min(beta, 1 - beta) ");
  CHECK(g.envelope == Envelope::min);
  CHECK(g.at(Point{q(3, 4), 0}) == q(1, 4));
  CHECK(format(parse_piecewise("3beta + 1 - M")) == "3beta + 1 - M");
  for (const char* bad : {"max()", "max(1,)", "max(1", "max(1, 2) + 1", "max(max(1, 2), 3)", "mix(1, 2)"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(parse_piecewise(bad), std::invalid_argument);
  }
  CHECK_THROWS_AS(PiecewiseAffine{}.at(Point{0, 0}), std::invalid_argument);
}

TEST_CASE("lines are solved for M when they involve M", "[affine]") {
  const PiecewiseAffine f = parse_piecewise("max(2beta - 1/2 - M/2, 4beta + 2 - M)");
  CHECK(format_line(f.pieces[0] - f.pieces[1]) == "M = 4beta + 5");
  CHECK(format_line(f.pieces[1] - f.pieces[0]) == "M = 4beta + 5");
  CHECK(format_line(parse_affine("2beta - 1/2")) == "beta = 1/4");
  CHECK(format_line(parse_affine("10 - M")) == "M = 10");
  CHECK(format_line(parse_affine("0")) == "0 = 0");
  CHECK(format_line(parse_affine("1/2")) == "1/2 = 0");
  // The solved form is the line: its points satisfy f = 0.
  const Affine d = parse_affine("3beta/4 - 2/3 + 5M/7");
  const Affine solved = parse_affine(format_line(d).substr(4));  // "M = ..."
  for (const Rational& beta : {q(0), q(1, 3), q(2)}) CHECK(d.at(Point{beta, solved.at(Point{beta, 0})}) == 0);
}
