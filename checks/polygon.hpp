// A region of the (beta, M) plane cut out by affine inequalities with exact coefficients, strict or not:
// the paper's hypotheses ("1/4 < beta <= 1, M > 10" in Section 5), the cells where one piece of a
// max-of-exponents is in force, the part of a hypothesis where a claimed inequality fails.
//
// The paper's M ranges are half-lines, so the regions are often unbounded; they are handled exactly, not
// clipped. The closure Q of a region is conv(points) + cone(rays) (Minkowski-Weyl): for a region whose
// constraint normals span the plane the points are its vertices (intersections of two constraint lines
// that satisfy every constraint) and the rays its extreme recession directions (on the constraint lines,
// a . d <= 0 for every normal a); a strip or half-plane has no vertex and gets one point on each bounding
// line and both directions of the line as rays. An affine function's sup over Q is then +infinity if it
// increases along a ray, and otherwise its largest value at a point.
//
// Strict inequalities: the region is empty exactly when Q is empty or a strict constraint vanishes
// identically on Q; otherwise the relative interior of Q satisfies every strict constraint (an affine
// function <= 0 on a convex set and 0 at a relative-interior point is 0 on all of it), so Q is the
// region's closure and mean(points) + sum(rays) is a point of the region.
#pragma once

#include "checks/affine.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kwe::checks {

struct Hypotheses;  // checks/check.hpp

// g(beta, M) < 0 when strict, g <= 0 otherwise.
struct Constraint {
  Affine g;
  bool strict = false;

  bool holds_at(const Point& x) const { return strict ? g.at(x) < 0 : g.at(x) <= 0; }
};

// lhs < rhs and lhs <= rhs as constraints.
Constraint less(const Affine& lhs, const Affine& rhs);
Constraint less_equal(const Affine& lhs, const Affine& rhs);
// The complement: not (g < 0) is -g <= 0, not (g <= 0) is -g < 0.
Constraint negation(const Constraint& c);
// Solved the way format_line solves (for M when g involves M, else for beta): "M < 4beta + 2",
// "beta > 1/4", "M >= 10"; a constant g as "1/2 <= 0". parse_polygon reads it back.
std::string format(const Constraint& c);

struct Polygon {
  std::vector<Constraint> constraints;

  bool contains(const Point& x) const;
};

// Comma-separated chains of affine formulas and relations: "1/4 < beta <= 1, M > 10", "M >= 4beta + 2";
// relations <, <=, >, >= (and ≤, ≥). Throws std::invalid_argument (std::overflow_error for a number
// that does not fit).
Polygon parse_polygon(const std::string& text);
// The constraints, each solved, comma-separated ("beta > 1/4, beta <= 1, M > 10"); "" for no constraint
// (the whole plane, which parse_polygon does not read).
std::string format(const Polygon& region);

// A check's hypotheses as a region: beta >= beta_min (> when beta_min_open), beta <= beta_max,
// M > M_min, the bounds read as their shortest decimals (0.3 is 3/10, checks/rational.hpp).
Polygon region_of(const Hypotheses& hypotheses);

struct Shape {
  bool empty = true;          // the region itself, strict constraints honoured
  bool pointed = false;       // `points` are true vertices (the normals span the plane)
  std::vector<Point> points;  // closure = conv(points) + cone(rays); vertices counter-clockwise
  std::vector<Point> rays;    // directions (beta, M), none when the region is bounded
  Point interior;             // in the region (relative interior of the closure), when not empty

  bool bounded() const { return rays.empty(); }
};

// Throws std::overflow_error when the exact arithmetic does not fit (checks/rational.hpp).
Shape shape_of(const Polygon& region);

// sup of f over the closure of a non-empty shape: value nullopt for +infinity, and then `ray` a
// recession direction along which f increases (f(where + t ray) -> infinity as t -> infinity); otherwise
// `where` a point of the closure attaining it (a vertex when the shape is pointed).
struct Supremum {
  std::optional<Rational> value;
  Point where;
  std::optional<Point> ray;
};
Supremum supremum(const Affine& f, const Shape& shape);

// "(1/4, 10), (1, 10); rays (0, 1)" — the vertices and recession directions, for reports.
std::string describe(const Shape& shape);
std::string format(const Point& x);  // "(beta, M) = (1/4, 10)" without the prefix: "(1/4, 10)"

}  // namespace kwe::checks
