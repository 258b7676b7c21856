// The range audit's conclusions (issue 13): for each check run over its hypotheses (checks/range_grid.hpp),
// the true exponent as a formula in (β, M), where the statement holds, where it is sharp, where it fails;
// and for each claim the paper builds from several estimates, whether the exponents give the conclusion.
//
// Per check:
//   1. Each grid point's fit (checks/fit.hpp) is read for a logarithm first (checks/log_factor.hpp): a
//      point whose local slopes drift like q/ln w1 is a size w1^p (ln w1)^q, its exponent p, never the
//      slightly wrong power a slope fit reads there.
//   2. The exponents of the decided points (values met, fit made, uncertainty within the tolerance) are
//      recognised as a max of affine pieces with small rational coefficients (checks/formula.hpp), or
//      the recognition is refused and the reason said.
//   3. With the measured formula m and the stated one s (both exact), the region of validity is decided
//      exactly over the hypothesis polygon H (checks/implication.hpp):
//        ≲   holds where m <= s, sharp where m = s (the failure set of m < s inside that),
//        ≳   holds where m >= s, sharp where m = s,
//        ≈   holds where m = s (m <= s and m >= s);
//      a size with a logarithm at the stated power violates ≲ (for q > 0) or ≳ (q < 0) there.
//   4. The grid's own verdicts are set against the exact region: a point whose verdict says otherwise is
//      listed (a formula that does not describe its own data must not decide a region).
//
// Combined claims: a check that follows from others (Check::follows_from) needs, for its upper half,
// max of the cited upper exponents <= its exponent, and for its lower half some cited lower exponent >=
// it; Section 5.6 needs each correction of the display before (5.21), relative to the main term I1's
// exponent, to be <= -1 (the paper: "since M > 10 and β ∈ [0, 1] we have 2β + 5/2 - M/2 < -1"). Each is
// decided exactly with the stated formulas and again with the measured ones in their place.
//
// Thresholds: where a weighted exponent crosses 0 as a line in (β, M) — the gain and the smooth full term
// <w1>^(M/2) C (measured (4.7) and (R1.4) plus M/2), the oscillating term (5.21) — from the measured
// formulas: the scan's thresholds as curves in M.
#pragma once

#include "checks/audit.hpp"
#include "checks/formula.hpp"
#include "checks/implication.hpp"
#include "checks/log_factor.hpp"
#include "checks/polygon.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kwe::checks {

struct RangePoint {
  std::string beta, M;
  bool refinement = false;                  // added near a crossover by the second pass
  Outcome outcome = Outcome::inconclusive;  // the grid verdict (checks/verdict.hpp)
  bool decided = false;                     // enters the formula: values met, fit made, uncertainty within tolerance
  bool sharp = false;
  double stated = 0, exponent = 0, uncertainty = 0;  // exponent: the fit's, or p of the log fit
  LogFactor log;                            // detected: the size is w1^p (ln w1)^q
  std::string status;                       // "sharp", "loose by 0.25", "violated", "violated by a logarithm", "inconclusive"
};

struct RegionOfValidity {
  bool decided = false;   // a formula was recognised and the exact decision made
  std::string holds;      // "the whole range", "M > 4beta + 2", "nowhere"
  std::string sharp;      // "the whole range", "beta = 1", "nowhere"
  std::string fails;      // "nowhere", "M <= 4beta + 2", ...
  std::vector<Failure> failures;  // of the stated relation, exact, with witnesses
  std::optional<Supremum> gap;    // sup over the range of the relation's gap (m - s for ≲, s - m for ≳)
  std::string summary;    // the one line: "holds on the whole range, sharp for beta = 1", "fails for M < 8"
};

struct RangeCheck {
  std::string id, statement, relation;  // relation: ≲ ≳ ≈
  std::string stated;                   // the exponent as the check states it (or --assume)
  std::string hypotheses;               // format(region_of(...))
  std::string measured_range;           // where the region is decided: the hypotheses, M capped at the largest M
                                        // measured (and the β, M the decided points do not reach cut off)
  std::vector<RangePoint> points;
  std::size_t pass = 0, fail = 0, inconclusive = 0, logarithms = 0;
  RecognisedFormula measured;
  RegionOfValidity region;
  std::vector<std::string> disagreements;  // grid verdicts the exact region contradicts
  std::vector<std::string> notes;          // e.g. the sweep too short to separate pieces
};

struct CombinedClaim {
  std::string id;          // the check concluded, or "5.6" for the display before (5.21)
  std::string statement;   // "(4.7) ≲ from (4.3), (4.4), (4.5), (4.6)"
  std::string stated;      // format(Claim) with the stated formulas
  Implication with_stated;
  std::string measured;    // format(Claim) with the measured formulas; empty when one is missing
  std::optional<Implication> with_measured;
  std::string missing;     // which measured formula is missing, when with_measured is empty
};

struct ThresholdCurve {
  std::string term;        // "gain <w1>^(M/2) C^234", ...
  std::string from;        // the check whose measured formula it is
  std::string exponent;    // the weighted exponent as a formula
  std::string curve;       // format_line of it: "beta = 1/4", "M = 4beta + 2"
  std::string predicted;   // the paper's ("beta = 1/4", "beta = 3/4")
  std::string grows{};     // where the weighted exponent is > 0 on the measured range, exactly ("M < 6beta + 1")
};

// A finding as a structured record (issue 13): CI and other tools read these from the JSON.
struct RangeFinding {
  std::string id;
  std::string kind;    // loose, violated, insufficient, hypothesis, logarithm, unrecognised
  std::string region;  // the (β, M) region, as constraints ("M <= 4beta + 7, beta <= 1, ...") or "the whole range"
  std::string evidence;
};

struct RangeAnalysis {
  std::vector<RangeCheck> checks;  // in the audit's order
  std::vector<CombinedClaim> combined;
  std::vector<ThresholdCurve> thresholds;
  std::vector<RangeFinding> findings;
};

// The analysis of an audit whose results cover several (β, M) per check (run --range, or --M with a list):
// a check needs points at >= 2 values of M and of β for a formula in both, otherwise its formula is
// reported underdetermined in the missing variable.
RangeAnalysis analyse_range(const Audit& audit);

// The range audit's second pass, denser where the measured exponent changes regime: for each check whose
// measured formula (decided, with several pieces) has a crossover line p_i = p_j involving M, at each β of
// its grid the point M* on the line and M* ± 1/2 (M* rounded to a multiple of 1/8, exact as a decimal),
// where inside its hypotheses, within the grid's M and not computed yet.
std::vector<Unit> refinement_units(const RangeAnalysis& analysis, const Audit& audit);

}  // namespace kwe::checks
