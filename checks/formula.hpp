// The true exponent recognised as a formula in (beta, M): from exponents measured on a grid (each a
// log-log slope fit, with its uncertainty), the max of at most 3 affine pieces a + b beta + c M with
// small rational coefficients, the form the paper's exponents take ("2beta - 1/2 - M/2",
// "max(2beta - 1/2 - M/2, 4beta + 2 - M)") -- or a refusal that says which point no such formula meets.
//
// A point x (measured e_x, uncertainty u_x) is matched by f when
//
//   |f(x) - e_x| <= t_x = max(tolerance_factor u_x, tolerance_floor).
//
// The key fact: a piece of a max never exceeds the max, so every piece p of a formula that matches the
// data satisfies p(x) <= e_x + t_x at every point, and the max matches x exactly when some piece
// p(x) >= e_x - t_x there. Call p admissible when it is <= e + t everywhere and matches at least one
// point: a max of admissible pieces is <= e + t everywhere, and it matches the data iff the sets of
// points the pieces match cover all the points. Recognition is therefore a set cover by at most
// max_pieces admissible pieces.
//
// Candidates, exhaustively: the coefficients are the lattice of small rationals -- reduced denominators
// in {1, 2, 3, 4, 6, 8}, i.e. multiples of 1/24 whose numerator is divisible by 3 or 4, with |b| <= 6,
// |c| <= 2, |a| <= 20: 145 values of b, 49 of c. For each direction (b, c) the admissible constants
// are exactly the lattice values in
//
//   min_x (e_x - t_x - b beta_x - c M_x)  <=  a  <=  min_x (e_x + t_x - b beta_x - c M_x),
//
// an interval of width at most 2 t (usually one value or none), so all 7105 directions are scanned and
// every admissible piece is found: no sampling of triples, and a refusal is a statement about the whole
// class of small-coefficient formulas, not about the candidates a heuristic happened to try. Pieces
// matching the same set of points are interchangeable in a cover; of each set the simplest is kept
// (simplicity = sum over a, b, c of denominator + |value|; then the smaller worst residual on its
// points).
//
// Search: the fewest pieces first (1, then 2, then 3). All covers of size k are enumerated by branching
// on the uncovered point with the fewest candidates (every cover contains one of them); among them the
// simplest (summed simplicity) wins, then the smallest worst residual. A minimal cover has no redundant
// piece: each matches a point no other piece matches, and is the largest there (the others are below
// e - t at that point). Pieces are ordered by the coefficient of M, largest first (the piece in force
// at large M), then by the coefficient of beta and the constant, smallest first.
//
// Underdetermined: when every point lies on one line, the coefficient across it is not seen by the data:
// all points at one M (the usual degenerate grid) give c = 0, all at one beta b = 0, another line c = 0
// (M is then a function of beta on the data); one point only, b = c = 0. When the data span the plane but
// a piece is in force only on points along one line (or at one point) and another lattice piece could
// take its place, the simplest was taken and `underdetermined` says so.
//
// Refusal: the reason names the closest attempt -- the max of at most max_pieces admissible pieces that
// matches the most points (or, when no piece at all is admissible, the single lattice piece closest in
// the sup norm) -- and its worst point, off by so many sigma ("... the closest, max(...), misses 4 of
// 25 points, worst (beta 1, M 6.5) off by 1.25 = 1249 sigma"). Points that no admissible piece matches
// are counted first: there the data are not the max of small-coefficient pieces whatever the others
// do (non-convex data, a coefficient off the lattice, a bias such as a log correction near a crossover).
//
// What "recognised" means: the simplest formula of the class consistent with the data at their
// tolerance, not necessarily the one behind them. With a tolerance comparable to the gap between two
// pieces the fewest-pieces rule prefers a coarser formula (uncertainty 0.2 turns a true max of three
// pieces into a max of two); the tolerances should be well below the differences that matter.
//
// Limits: more than max_candidates distinct admissible pieces (a tolerance too loose to single anything
// out) or more than max_search_nodes branches is refused, not searched for ever. Measured: 25 to 143
// points, uncertainties up to 0.2, 1 to 25 ms; the branch cap is reached in about 0.2 s.
#pragma once

#include "checks/affine.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace kwe::checks {

struct ExponentMeasurement {
  double beta = 0, M = 0;
  double exponent = 0;     // the slope fit's p at (beta, M)
  double uncertainty = 0;  // its 1-sigma-ish bound
};

struct FormulaOptions {
  unsigned max_pieces = 3;
  // A point matches a formula when |formula - exponent| <= max(tolerance_factor uncertainty, tolerance_floor).
  double tolerance_factor = 3;
  double tolerance_floor = 1e-6;
  // The coefficient lattice: reduced denominators, and bounds on |b|, |c|, |a|.
  std::vector<int> denominators = {1, 2, 3, 4, 6, 8};
  double max_beta_coefficient = 6;
  double max_M_coefficient = 2;
  double max_constant = 20;
  // Refuse rather than search for ever.
  std::size_t max_candidates = 20000;
  std::size_t max_search_nodes = 5000000;
};

struct RecognisedFormula {
  bool ok = false;                      // a formula matched every point
  PiecewiseAffine formula;              // envelope max; pieces ordered, none redundant on the data. When
                                        // !ok, the closest attempt (most points matched), for the reason only
  std::vector<std::size_t> piece_at;    // per measurement, the index of the piece in force (the largest)
  std::vector<std::string> crossovers;  // per pair i < j of pieces in force somewhere: format_line(p_i - p_j),
                                        // e.g. "M = 4beta + 5"
  double worst_residual = 0;            // max |formula - exponent| / tolerance over the points (<= 1 when ok)
  std::vector<std::string> underdetermined;  // coefficients the data do not determine, and what was taken
  std::string reason;                   // when !ok: why refused; when ok: a short description
  std::size_t candidates = 0;           // distinct admissible pieces (by the points they match)
};

// Never throws on bad data: no measurement, a non-finite value or a negative uncertainty is a refusal
// with its reason. Throws std::invalid_argument for unusable options (no denominator, one <= 0).
RecognisedFormula recognise_formula(const std::vector<ExponentMeasurement>& data, const FormulaOptions& options = {});

// One line for reports: "max(2beta - 1/2 - M/2, 4beta + 2 - M) (2 pieces, crossover M = 4beta + 5;
// worst residual 0.62 of the tolerance on 25 points)", or "no formula: <reason>".
std::string describe(const RecognisedFormula& recognised);

}  // namespace kwe::checks
