// Exact implication over a hypothesis region (checks/implication.hpp), on the paper's own claims:
// Section 5 assumes 1/4 < beta <= 1 and M > 10.
#include "checks/check.hpp"
#include "checks/implication.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace kwe::checks;

namespace {

Rational q(long long n, long long d = 1) { return Rational(RationalInteger(n), RationalInteger(d)); }

const char* const section5 = "1/4 < beta <= 1, M > 10";

bool in_some_failure(const Implication& result, const Point& x) {
  return std::any_of(result.failures.begin(), result.failures.end(), [&](const Failure& f) { return f.where.contains(x); });
}

// The decision against the claim evaluated point by point on a grid of [0, 5/4] x [4, 20] that includes
// the regions' boundary lines (beta = 1/4, beta = 1, M = 6, M = 10, M = 4beta + 7 at beta = 1, ...): a
// point of the region fails exactly when it lies in a reported failure piece.
void check_pointwise(const Polygon& region, const Claim& claim, const Implication& result) {
  std::size_t inside = 0;
  for (int i = 0; i <= 40; ++i)
    for (int j = 0; j <= 64; ++j) {
      const Point x{q(i, 32), 4 + q(j, 4)};
      if (!region.contains(x)) continue;
      ++inside;
      CAPTURE(format(x));
      CHECK(holds_at(claim, x) == !in_some_failure(result, x));
    }
  CHECK(inside > 100);
  for (const Failure& f : result.failures) {
    CAPTURE(f.summary);
    CHECK(region.contains(f.witness));
    CHECK(f.where.contains(f.witness));
    CHECK_FALSE(holds_at(claim, f.witness));
  }
  CHECK(result.holds == result.failures.empty());
}

Implication decided(const char* region, const char* claim) {
  const Polygon r = parse_polygon(region);
  const Claim c = parse_claim(claim);
  const Implication result = decide(r, c);
  check_pointwise(r, c, result);
  return result;
}

}  // namespace

TEST_CASE("claims are read in the paper's notation", "[implication]") {
  const Claim c = parse_claim("max(4beta + 2 - M, 3beta + 1 - M) < 2beta - 1/2 - M/2");
  CHECK(c.lhs.pieces.size() == 2);
  CHECK(c.order == Order::less);
  CHECK(format(c) == "max(4beta + 2 - M, 3beta + 1 - M) < 2beta - 1/2 - M/2");
  CHECK(parse_claim("2beta - 1/2 \u2265 0").order == Order::greater_equal);
  CHECK(format(parse_claim(" M>=4beta+7 ")) == "M >= 4beta + 7");
  for (const char* bad : {"2beta", "1 < 2 < 3", "max(1, 2) <", "< M", "M = 10", "max(1 < 2)"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(parse_claim(bad), std::invalid_argument);
  }
}

TEST_CASE("Section 5: the lower-order exponents stay below the main one", "[implication]") {
  // (5.17), (5.5)'s 3beta + 1 - M and (5.7) against 2beta - 1/2 - M/2 ((5.20) rests on it).
  const char* claim = "max(4beta + 2 - M, 3beta + 1 - M, 2beta - 3/2 - M/2) < 2beta - 1/2 - M/2";
  const Implication result = decided(section5, claim);
  CHECK(result.holds);
  CHECK(result.failures.empty());
  CHECK(result.summary == "holds on the whole range");
  // By 2beta + 5/2 - M/2 < -1/2, approached at the corner (1, 10) that M > 10 leaves out.
  REQUIRE(result.gap);
  REQUIRE(result.gap->value);
  CHECK(*result.gap->value == q(-1, 2));
  CHECK(result.gap->where == Point{1, 10});
  CHECK_FALSE(parse_polygon(section5).contains(result.gap->where));
  // The threshold of Theorem 5.1: the weighted iterate grows, 2beta - 1/2 > 0, on all of Section 5.
  CHECK(decided(section5, "2beta - 1/2 > 0").holds);
}

TEST_CASE("(5.21): 2beta + 5/2 - M/2 < -1 fails near M = 10 for beta > 3/4", "[implication]") {
  // The paper: "since M > 10 and beta in [0, 1] we have 2beta + 5/2 - M/2 < -1". It needs M > 4beta + 7.
  const Implication result = decided(section5, "2beta + 5/2 - M/2 < -1");
  CHECK_FALSE(result.holds);
  REQUIRE(result.failures.size() == 1);
  const Failure& f = result.failures.front();
  CHECK(result.summary == "fails for M <= 4beta + 7");
  CHECK(f.summary == "M <= 4beta + 7");
  REQUIRE(f.beyond.size() == 1);
  CHECK(f.beyond.front().g == parse_affine("M/2 - 2beta - 7/2"));
  CHECK_FALSE(f.beyond.front().strict);
  // The witness refutes it: M in (10, 4beta + 7] forces beta > 3/4.
  CHECK(f.witness.beta > q(3, 4));
  CHECK(f.witness.beta <= 1);
  CHECK(f.witness.M > 10);
  CHECK(f.witness.M <= 4 * f.witness.beta + 7);
  CHECK(f.shape.bounded());
  // Its vertices: (3/4, 10), (1, 10), (1, 11).
  CHECK(f.shape.points.size() == 3);
  for (const Point& v : {Point{q(3, 4), 10}, Point{1, 10}, Point{1, 11}})
    CHECK(std::count(f.shape.points.begin(), f.shape.points.end(), v) == 1);
  // By up to 1/2 (at beta = 1, M -> 10): 2 + 5/2 - 5 = -1/2 against -1.
  REQUIRE(result.gap);
  CHECK(*result.gap->value == q(1, 2));
  // The same hypothesis through the check's Hypotheses struct.
  Hypotheses h;
  h.beta_min = 0.25;
  h.beta_max = 1;
  h.beta_min_open = true;
  h.M_min = 10;
  CHECK(decide(region_of(h), parse_claim("2beta + 5/2 - M/2 < -1")).summary == result.summary);
  // With M > 11 it holds.
  CHECK(decided("1/4 < beta <= 1, M > 11", "2beta + 5/2 - M/2 < -1").holds);
}

TEST_CASE("strict and non-strict relations at the boundary", "[implication]") {
  // On M = 4beta + 7 the strict claim fails and the non-strict one holds.
  const Implication strict = decided(section5, "2beta + 5/2 - M/2 < -1");
  const Implication loose = decided(section5, "2beta + 5/2 - M/2 <= -1");
  CHECK(loose.summary == "fails for M < 4beta + 7");
  const Point on_line{1, 11};
  CHECK(in_some_failure(strict, on_line));
  CHECK_FALSE(in_some_failure(loose, on_line));
  // The open side beta > 1/4 of the hypotheses: 2beta - 1/2 > 0 holds there, not on the closed strip.
  CHECK(decided(section5, "2beta - 1/2 > 0").holds);
  const Implication closed = decided("1/4 <= beta <= 1, M > 10", "2beta - 1/2 > 0");
  CHECK(closed.summary == "fails for beta <= 1/4");
  REQUIRE(closed.failures.size() == 1);
  CHECK(closed.failures.front().witness.beta == q(1, 4));
  CHECK_FALSE(closed.failures.front().shape.bounded());
  // The closed side beta <= 1: beta < 1 fails on the line beta = 1 only, beta <= 1 holds.
  const Implication at_one = decided(section5, "beta < 1");
  CHECK(at_one.summary == "fails for beta >= 1");
  CHECK(at_one.failures.front().witness.beta == 1);
  CHECK(decided(section5, "beta <= 1").holds);
  // On a line of slope 4 inside the strip: both sides closed, the line itself.
  CHECK(decided(section5, "max(M - 4beta - 8, 4beta + 8 - M) > 0").summary == "fails for M = 4beta + 8");
  // A gap of exactly 0 that is not attained: the strict claim holds.
  const Implication touching = decided(section5, "M > 10");
  CHECK(touching.holds);
  CHECK(*touching.gap->value == 0);
}

TEST_CASE("(4.7) from (4.2)-(4.6): the stated C_3 exponent is above the main one everywhere", "[implication]") {
  // max of the exponents of (4.3)-(4.6) <= (4.7)'s, on Section 4's 0 <= beta <= 1, M > 6.
  const Implication result =
      decided("0 <= beta <= 1, M > 6", "max(2beta - 1/2 - M/2, 3beta + 1/2 - M, 2beta + 1/2 - M/2, 3beta + 1 - M) <= 2beta - 1/2 - M/2");
  CHECK_FALSE(result.holds);
  CHECK(result.summary == "fails on the whole range");
  REQUIRE(result.failures.size() == 1);
  CHECK(result.failures.front().beyond.empty());
  CHECK(*result.gap->value == 1);  // 2beta + 1/2 - M/2 exceeds it by 1 at every point
  // Without (4.5)'s piece it holds.
  CHECK(decided("0 <= beta <= 1, M > 6", "max(2beta - 1/2 - M/2, 3beta + 1/2 - M, 3beta + 1 - M) <= 2beta - 1/2 - M/2")
            .holds);
}

TEST_CASE("max on the right: one failure polygon, implied sides dropped", "[implication]") {
  // Fails where 2beta - 1/2 - M/2 is above both pieces: M > 4beta + 5 and M > 2beta + 2; the second
  // follows from the first for beta >= 0.
  const Implication result = decided("0 <= beta <= 1, M > 6", "2beta - 1/2 - M/2 <= max(4beta + 2 - M, 3beta + 1/2 - M)");
  CHECK(result.summary == "fails for M > 4beta + 5");
  REQUIRE(result.failures.size() == 1);
  CHECK_FALSE(result.failures.front().shape.bounded());
  CHECK_FALSE(result.gap);  // a max on the large side: no single sup
  // Its converse holds exactly below the crossover.
  CHECK(decided("0 <= beta <= 1, 6 < M <= 4beta + 5", "2beta - 1/2 - M/2 <= max(4beta + 2 - M, 3beta + 1/2 - M)").holds);
}

TEST_CASE("min on the left and a union of failure pieces", "[implication]") {
  // min(beta, 2 - beta) <= 1 everywhere; < 1 fails on beta = 1 only.
  CHECK(decided("M > 10", "min(beta, 2 - beta) <= 1").holds);
  const Implication line = decided("M > 10", "min(beta, 2 - beta) < 1");
  CHECK(line.summary == "fails for beta = 1");
  CHECK(line.failures.front().beyond.size() == 2);
  CHECK(line.failures.front().witness.beta == 1);
  // max on the left fails piece by piece: two pieces, neither inside the other.
  const Implication two = decided(section5, "max(4beta - 3, 12 - M) < 0");
  CHECK_FALSE(two.holds);
  CHECK(two.failures.size() == 2);
  CHECK(two.summary == "fails for beta >= 3/4 or for M <= 12");
  // A piece inside another is not reported twice.
  const Implication nested = decided(section5, "max(beta - 1/2, 2beta - 1) < 0");
  CHECK(nested.failures.size() == 1);
  CHECK(nested.summary == "fails for beta >= 1/2");
}

TEST_CASE("unbounded failure regions and infinite gaps", "[implication]") {
  const Implication result = decided(section5, "M/2 - 3beta < 10");
  CHECK(result.summary == "fails for M >= 6beta + 20");
  REQUIRE(result.failures.size() == 1);
  CHECK_FALSE(result.failures.front().shape.bounded());
  REQUIRE(result.gap);
  CHECK_FALSE(result.gap->value);
  REQUIRE(result.gap->ray);
  CHECK(result.gap->ray->M > 0);
  // Decreasing along the ray instead: the sup is finite and the claim holds.
  const Implication holds = decided(section5, "3beta - M/2 < -3/2");
  CHECK(holds.holds);
  CHECK(*holds.gap->value == q(-1, 2));  // 3 - 5 + 3/2 at (1, 10)
}

TEST_CASE("an empty range makes every claim hold vacuously", "[implication]") {
  const Implication result = decide(parse_polygon("beta > 1, beta <= 1, M > 10"), parse_claim("M < 0"));
  CHECK(result.holds);
  CHECK(result.vacuous);
  CHECK(result.failures.empty());
  CHECK_THROWS_AS(decide(parse_polygon(section5), Claim{}), std::invalid_argument);
}
