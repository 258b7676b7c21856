// Regions of the (beta, M) plane by exact affine constraints (checks/polygon.hpp): vertices and rays of the
// closure, strict constraints, empty regions, suprema that are infinite along a ray.
#include "checks/check.hpp"
#include "checks/polygon.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace kwe::checks;

namespace {

Rational q(long long n, long long d = 1) { return Rational(RationalInteger(n), RationalInteger(d)); }

bool in_closure(const Polygon& region, const Point& x) {
  return std::all_of(region.constraints.begin(), region.constraints.end(),
                     [&](const Constraint& c) { return c.g.at(x) <= 0; });
}

Rational slope(const Affine& f, const Point& d) { return f.beta * d.beta + f.M * d.M; }

// What shape_of promises, checked from the constraints themselves: the points lie in the closure, the
// rays recede from it, the interior point is in the region (strict constraints included), and the
// vertices of a pointed shape turn counter-clockwise around it.
void check_consistent(const Polygon& region, const Shape& s) {
  REQUIRE_FALSE(s.empty);
  CHECK(region.contains(s.interior));
  for (const Point& p : s.points) CHECK(in_closure(region, p));
  for (const Point& r : s.rays)
    for (const Constraint& c : region.constraints) CHECK(slope(c.g, r) <= 0);
  if (s.pointed)
    for (std::size_t i = 0; i + 1 < s.points.size(); ++i) {
      const Point a{s.points[i].beta - s.interior.beta, s.points[i].M - s.interior.M};
      const Point b{s.points[i + 1].beta - s.interior.beta, s.points[i + 1].M - s.interior.M};
      CHECK(a.beta * b.M - a.M * b.beta > 0);
    }
}

// The supremum against every point of a grid of the box [beta0, beta1] x [M0, M1] that lies in the region.
void check_supremum_on_grid(const Polygon& region, const Affine& f, const Supremum& sup, const Rational& beta0,
                            const Rational& beta1, const Rational& M0, const Rational& M1) {
  REQUIRE(sup.value);
  CHECK(in_closure(region, sup.where));
  CHECK(f.at(sup.where) == *sup.value);
  const int n = 16;
  for (int i = 0; i <= n; ++i)
    for (int j = 0; j <= n; ++j) {
      const Point x{beta0 + (beta1 - beta0) * q(i, n), M0 + (M1 - M0) * q(j, n)};
      if (region.contains(x)) CHECK(f.at(x) <= *sup.value);
    }
}

}  // namespace

TEST_CASE("a bounded triangle", "[polygon]") {
  const Polygon region = parse_polygon("beta >= 0, M >= 0, beta + M <= 1");
  const Shape s = shape_of(region);
  check_consistent(region, s);
  CHECK(s.pointed);
  CHECK(s.bounded());
  REQUIRE(s.points.size() == 3);
  for (const Point& v : {Point{0, 0}, Point{1, 0}, Point{0, 1}})
    CHECK(std::count(s.points.begin(), s.points.end(), v) == 1);
  CHECK(s.interior == Point{q(1, 3), q(1, 3)});
  const Affine f = parse_affine("beta + 2M");
  const Supremum sup = supremum(f, s);
  check_supremum_on_grid(region, f, sup, 0, 1, 0, 1);
  CHECK(*sup.value == 2);
  CHECK(sup.where == Point{0, 1});
  CHECK(*supremum(parse_affine("-beta - M"), s).value == 0);
}

TEST_CASE("Section 5's hypotheses: a half-strip, unbounded in M", "[polygon]") {
  const Polygon region = parse_polygon("1/4 < beta <= 1, M > 10");
  REQUIRE(region.constraints.size() == 3);
  const Shape s = shape_of(region);
  check_consistent(region, s);
  CHECK(s.pointed);
  CHECK_FALSE(s.bounded());
  CHECK(describe(s) == "(1/4, 10), (1, 10); rays (0, 1)");
  // The strict sides are not in the region, the closed one is.
  CHECK_FALSE(region.contains({q(1, 4), 11}));
  CHECK_FALSE(region.contains({q(1, 2), 10}));
  CHECK(region.contains({1, 11}));
  CHECK_FALSE(region.contains({q(1001, 1000), 11}));
  // (5.17)'s exponent decreases along the ray: its sup is at a vertex, -4 at (1, 10) (not attained: M > 10).
  const Affine f = parse_affine("4beta + 2 - M");
  const Supremum sup = supremum(f, s);
  check_supremum_on_grid(region, f, sup, q(1, 4), 1, 10, 30);
  CHECK(*sup.value == -4);
  CHECK(sup.where == Point{1, 10});
  CHECK_FALSE(sup.ray);
}

TEST_CASE("a supremum is infinite along a ray", "[polygon]") {
  const Polygon region = parse_polygon("1/4 < beta <= 1, M > 10");
  const Shape s = shape_of(region);
  const Affine f = parse_affine("M/2 - 3beta");
  const Supremum sup = supremum(f, s);
  CHECK_FALSE(sup.value);
  REQUIRE(sup.ray);
  CHECK(slope(f, *sup.ray) > 0);
  // Along the ray from the reported point f grows without bound and stays in the closure.
  Rational previous = f.at(sup.where);
  for (const long long t : {1, 10, 1000, 1000000}) {
    const Point x{sup.where.beta + t * sup.ray->beta, sup.where.M + t * sup.ray->M};
    CHECK(in_closure(region, x));
    CHECK(f.at(x) > previous);
    previous = f.at(x);
  }
  CHECK(previous > 1000);
  // Below M = 4beta + 7 in the same strip the region is bounded and the sup finite again.
  const Polygon capped = parse_polygon("1/4 < beta <= 1, M > 10, M <= 4beta + 7");
  const Shape t = shape_of(capped);
  check_consistent(capped, t);
  CHECK(t.bounded());
  // Vertices (3/4, 10), (1, 10), (1, 11): the sup 5 - 9/4 is at the first.
  check_supremum_on_grid(capped, f, supremum(f, t), q(1, 4), 1, 10, 11);
  CHECK(*supremum(f, t).value == q(11, 4));
  CHECK(supremum(f, t).where == Point{q(3, 4), 10});
}

TEST_CASE("a cone with one vertex and two rays", "[polygon]") {
  const Polygon region = parse_polygon("M >= beta, M >= -beta");
  const Shape s = shape_of(region);
  check_consistent(region, s);
  CHECK(s.points == std::vector<Point>{{0, 0}});
  CHECK(s.rays.size() == 2);
  CHECK(*supremum(parse_affine("-M"), s).value == 0);
  CHECK_FALSE(supremum(parse_affine("beta"), s).value);
}

TEST_CASE("strict constraints decide emptiness on the boundary", "[polygon]") {
  // beta = 1 exactly: a half-line, not empty when both sides are closed, empty when one is strict.
  const Polygon line = parse_polygon("beta >= 1, beta <= 1, M > 10");
  const Shape s = shape_of(line);
  check_consistent(line, s);
  CHECK(s.interior.beta == 1);
  CHECK(shape_of(parse_polygon("beta > 1, beta <= 1, M > 10")).empty);
  CHECK(shape_of(parse_polygon("beta >= 1, beta < 1")).empty);
  // A single point: kept closed, gone as soon as one side through it is strict.
  const Polygon point = parse_polygon("beta >= 1, beta <= 1, M <= 10, M >= 10");
  CHECK(shape_of(point).points == std::vector<Point>{{1, 10}});
  CHECK(shape_of(point).interior == Point{1, 10});
  CHECK(shape_of(parse_polygon("beta >= 1, beta <= 1, M <= 10, M > 10")).empty);
  CHECK(shape_of(parse_polygon("M >= beta, M <= beta, beta > 0, beta < 0")).empty);
  // A strict constraint that only touches the closure at a vertex leaves the region non-empty.
  const Polygon corner = parse_polygon("beta >= 0, M >= 0, beta + M < 1");
  check_consistent(corner, shape_of(corner));
}

TEST_CASE("empty regions", "[polygon]") {
  for (const char* text : {"beta >= 1, beta <= 0", "beta >= 0, M >= 0, beta + M <= -1", "0 < 0", "1 <= 0",
                           "M > 10, M < 10", "beta > 1, beta < 1, M > 0", "beta + M >= 3, beta <= 1, M <= 1"}) {
    CAPTURE(text);
    const Shape s = shape_of(parse_polygon(text));
    CHECK(s.empty);
    CHECK(describe(s) == "empty");
    CHECK_THROWS_AS(supremum(parse_affine("beta"), s), std::invalid_argument);
  }
  // True constant constraints are no constraint.
  check_consistent(parse_polygon("0 <= 0, beta >= 0, beta <= 1, M >= 0, M <= 1"),
                   shape_of(parse_polygon("0 <= 0, beta >= 0, beta <= 1, M >= 0, M <= 1")));
}

TEST_CASE("strips, half-planes and the whole plane", "[polygon]") {
  const Polygon strip = parse_polygon("0 <= beta <= 1");
  const Shape s = shape_of(strip);
  check_consistent(strip, s);
  CHECK_FALSE(s.pointed);
  CHECK_FALSE(supremum(parse_affine("M"), s).value);
  CHECK_FALSE(supremum(parse_affine("-M"), s).value);
  CHECK(*supremum(parse_affine("beta"), s).value == 1);
  CHECK(*supremum(parse_affine("-beta"), s).value == 0);
  // A slanted strip: the normals are parallel but not axis-aligned.
  const Polygon slanted = parse_polygon("4beta + 2 <= M <= 4beta + 7");
  const Shape t = shape_of(slanted);
  check_consistent(slanted, t);
  CHECK(*supremum(parse_affine("4beta - M"), t).value == -2);
  CHECK(*supremum(parse_affine("M - 4beta"), t).value == 7);
  CHECK_FALSE(supremum(parse_affine("M - 3beta"), t).value);
  const Polygon half = parse_polygon("M > 10");
  check_consistent(half, shape_of(half));
  CHECK(*supremum(parse_affine("10 - M"), shape_of(half)).value == 0);
  const Shape plane = shape_of(Polygon{});
  check_consistent(Polygon{}, plane);
  CHECK_FALSE(supremum(parse_affine("beta"), plane).value);
  CHECK(*supremum(parse_affine("3"), plane).value == 3);
}

TEST_CASE("regions are written solved and read back", "[polygon]") {
  CHECK(format(parse_polygon("1/4 < beta <= 1, M > 10")) == "beta > 1/4, beta <= 1, M > 10");
  CHECK(format(parse_polygon("2beta + 5/2 - M/2 >= -1")) == "M <= 4beta + 7");
  CHECK(format(parse_polygon("M \u2265 4beta + 2")) == "M >= 4beta + 2");
  for (const char* text : {"1/4 < beta <= 1, M > 10", "M <= 4beta + 7, beta > 3/4", "beta + M < 1, beta >= 0, M >= 0",
                           "0 <= beta <= 1", "M > beta/2 - 3"}) {
    CAPTURE(text);
    const Polygon region = parse_polygon(text);
    const Polygon again = parse_polygon(format(region));
    CHECK(describe(shape_of(again)) == describe(shape_of(region)));
    CHECK(format(again) == format(region));
  }
  for (const char* bad : {"", "beta", "beta < ", "M > 10,", "1/4 < gamma"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(parse_polygon(bad), std::invalid_argument);
  }
}

TEST_CASE("a check's hypotheses as an exact region", "[polygon]") {
  Hypotheses section5;
  section5.beta_min = 0.25;
  section5.beta_max = 1;
  section5.beta_min_open = true;
  section5.M_min = 10;
  CHECK(format(region_of(section5)) == format(parse_polygon("1/4 < beta <= 1, M > 10")));
  Hypotheses grid;
  grid.beta_min = 0.3;
  grid.M_min = 6;
  CHECK(format(region_of(grid)) == "beta >= 3/10, beta <= 1, M > 6");
}
