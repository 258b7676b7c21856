// The exponent formulas of the registry and of --assume, read in the paper's notation.
#include "checks/exponent.hpp"
#include "checks/registry.hpp"

#include <catch2/catch.hpp>

using kwe::checks::parse_exponent;

TEST_CASE("exponents in the paper's notation", "[exponent]") {
  const auto p = parse_exponent("2beta - 1/2 - M/2");
  CHECK(p.beta_coefficient == 2);
  CHECK(p.constant == -0.5);
  CHECK(p.M_coefficient == -0.5);
  CHECK(p.at(0.5, 12) == -5.5);
  CHECK(parse_exponent("3β + 1 - M").at(1, 12) == -8);
  CHECK(parse_exponent("4*b+2-M").at(0.25, 10) == -7);
  CHECK(parse_exponent("-7.25").at(0.3, 12) == -7.25);
  CHECK(parse_exponent(" 3/2 beta ").beta_coefficient == 1.5);
}

TEST_CASE("malformed exponents are refused", "[exponent]") {
  for (const char* bad : {"", "2x", "beta beta", "1/", "M/", "2 + ", "nan", "1..2", "+"})
    CHECK_THROWS_AS(parse_exponent(bad), std::invalid_argument);
}

TEST_CASE("non-finite or unbounded exponents are refused", "[exponent]") {
  // 1/0 once gave an infinite predicted exponent (and PASS), 0/0 a NaN (and FAIL).
  for (const char* bad : {"1/0", "0/0", "M/0", "2beta/0.0", "1/0 - 1/0", "3/0beta", "2000000", "1000000beta + 1000000beta",
                          "99999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999"
                          "99999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999"
                          "99999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999"
                          "999999999999999999999999999999999999999999999999999999"})
    CHECK_THROWS_AS(parse_exponent(bad), std::invalid_argument);
  CHECK(parse_exponent("1000000").constant == 1e6);
}

namespace {
std::string message_of(const std::string& formula) {
  try {
    parse_exponent(formula);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST_CASE("exponent errors point at the bad token", "[exponent]") {
  CHECK(message_of("2gamma") == "exponent '2gamma': unknown variable 'gamma' at position 2");
  CHECK(message_of("1 - 1.2.3") == "exponent '1 - 1.2.3': malformed number '1.2.3' at position 5");
  CHECK(message_of("M/0") == "exponent 'M/0': division by zero at position 3");
  CHECK(message_of("2beta M") == "exponent '2beta M': expected + or - at position 7");
}

TEST_CASE("the registry's exponents are the catalogue's", "[exponent]") {
  // CHECKS.md section 2, at beta = 1/2, M = 12.
  const std::pair<const char*, double> expected[] = {{"4.2", -5.5}, {"4.3", -5.5}, {"4.4", -10}, {"4.5", -4.5},
                                                     {"4.6", -9.5}, {"4.7", -5.5}};
  for (const auto& [id, p] : expected) CHECK(kwe::checks::find_check(id).predicted.at(0.5, 12) == p);
  CHECK_THROWS_AS(kwe::checks::find_check("4.8"), std::invalid_argument);
}
