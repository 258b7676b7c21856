// Exact implication over a hypothesis region: does lhs(beta, M) R rhs(beta, M) hold at every point of
// the region, and where does it fail? lhs and rhs are max or min of affine pieces (checks/affine.hpp),
// R one of <, <=, >, >=; the arithmetic is rational throughout (checks/rational.hpp), so the answer is
// a decision, not a sample.
//
// Pointwise, with p_i the pieces of lhs and q_j those of rhs (a > b read as b < a first):
//
//   max_i p_i R B   <=>  for all i   p_i R B          (max on the left: a conjunction)
//   min_i p_i R B   <=>  exists i    p_i R B
//   a R max_j q_j   <=>  exists j    a R q_j
//   a R min_j q_j   <=>  for all j   a R q_j
//
// so the claim is Q_i Q'_j [p_i R q_j], and its failure set the same with each quantifier swapped and
// each atom negated: not (p < q) is q - p <= 0, not (p <= q) is q - p < 0. A "for all" of negated atoms
// is one polygon (an intersection of half-planes); an "exists" is a union. Max on the right is the
// splitting into cells C_j = {q_j = max_k q_k}: in C_j the claim reads p R q_j, and the union over j of
// C_j and {not p R q_j} is the single polygon {not p R q_j for every j}, since not (p R max_j q_j) holds
// exactly when p is at least (above) every q_j. The failure set is thus a finite union of polygons
// region and (negated atoms), each decided empty or not exactly (checks/polygon.hpp: vertices, rays and
// strictness, so unbounded regions are exact, not clipped); the claim holds iff all are empty.
//
// A failure piece is reported by the constraints it adds to the region that the region (with the piece's
// other constraints) does not already imply -- c is implied by P when P and (not c) is empty -- solved for
// M as the paper states thresholds: "fails for M <= 4beta + 7". Its witness is a point of the piece
// (the relative interior point of its closure, strict constraints honoured) where the claim is false;
// this is re-checked exactly before it is returned. Pieces contained in another piece are dropped
// (A in B iff A and (not c) is empty for every constraint c of B).
//
// The gap: with the claim read as small < large (or <=; small = lhs for < and <=, rhs for > and >=),
// when small is a max and large a min (one piece is either), small - large = max_{i,j} (s_i - l_j) is a
// max of affine functions and its sup over the region, the largest of the sups of s_i - l_j (+infinity
// when one increases along a ray of the region), says by how much the claim holds or fails: it holds
// when the gap is negative, and a strict claim also when the gap is 0 but not attained.
#pragma once

#include "checks/affine.hpp"
#include "checks/polygon.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kwe::checks {

enum class Order { less, less_equal, greater, greater_equal };

std::string symbol(Order order);  // "<", "<=", ">", ">="

struct Claim {
  PiecewiseAffine lhs;
  Order order = Order::less;
  PiecewiseAffine rhs;
};

// "max(4beta + 2 - M, 3beta + 1 - M) < 2beta - 1/2 - M/2": two max/min/affine formulas (parse_piecewise)
// around exactly one relation <, <=, >, >= (or ≤, ≥). Throws std::invalid_argument.
Claim parse_claim(const std::string& text);
std::string format(const Claim& claim);

// The claim at one point, exactly.
bool holds_at(const Claim& claim, const Point& x);

struct Failure {
  Polygon where;                   // the region's constraints, then the negated atoms of this piece
  Shape shape;                     // of `where`: never empty
  Point witness;                   // in `where`; the claim is false there
  std::vector<Constraint> beyond;  // the constraints of `where` the rest of it does not imply
  std::string summary;             // `beyond` solved, joined by " and " ("M <= 4beta + 7", "beta = 1" for
                                   // beta <= 1 and beta >= 1); "the whole range" when empty
};

struct Implication {
  bool holds = true;
  bool vacuous = false;            // the region is empty: the claim holds for want of points
  std::vector<Failure> failures;   // none when the claim holds; none contained in another
  std::optional<Supremum> gap;     // sup over the region of small - large, when small is a max and large a min
  std::string summary;             // "holds on the whole range", "fails for M <= 4beta + 7",
                                   // "fails on the whole range", "fails for beta >= 1 or for M < 12"
};

// Constraints joined by " and ", each solved (format(Constraint)), a pair g <= 0, -g <= 0 as the line g = 0
// ("beta = 1/2"); "the whole range" for none.
std::string conjunction(const std::vector<Constraint>& constraints);

// Throws std::invalid_argument for a side with no pieces, std::overflow_error when the exact arithmetic
// does not fit (the decision is refused, not guessed).
Implication decide(const Polygon& region, const Claim& claim);

}  // namespace kwe::checks
