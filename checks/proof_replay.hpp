// The replay of the chains of checks/proof.hpp at each (beta, M): the records a report needs.
//
// Per line (and per reading of a line in doubt) and per w1 of a geometric sweep:
//  - its size: an inner line integrated against the outer weight (what it gives for the piece), an outer
//    line as it is; the exponent of w1 of that size is fitted (checks/fit.hpp);
//  - against the line before (each of its readings) and against the quantity itself (line 0): the sup over
//    the outer variable of the ratio that the relation says is bounded, by maximisation in ln t (a scan,
//    then Brent's method in the best bracket); a sup that keeps growing towards an open end of the outer
//    range at fixed w1 (t -> 0, or w3 -> infinity) makes the ratio unbounded there. Outer lines are
//    compared as functions of w1 (the first with the last inner line substituted and integrated).
// Bounded means: the fitted exponent of the sup in w1 is <= kBoundedSlope within its uncertainty.
// Status of a line: "holds" (bounded against the line before), "holds, loose by D" (and its exponent is D
// above the line before's; below, for a lower chain), "does not follow" (not from the line before, but
// bounded against the quantity itself: true, not proved by the step), "false" (not even that), "typo"
// (false or not following as printed, while a reading holds; the chain goes on from that reading),
// "undecided" (the fits cannot tell). An identity (=) holds when the two sides agree to the digits asked.
#pragma once

#include "checks/findings.hpp"
#include "checks/implication.hpp"
#include "checks/proof.hpp"

#include <string>
#include <vector>

namespace kwe::checks {

struct ProofOptions {
  std::vector<std::string> chains;  // ids; all when empty
  std::vector<std::string> betas{"0.3", "0.5", "0.75", "1"};
  std::vector<std::string> Ms{"12"};
  std::string omega_min = "10", omega_max = "1e6";
  unsigned per_decade = 2;
  unsigned digits = 10;
  unsigned jobs = 1;
};

constexpr double kBoundedSlope = 0.05;

// A ratio between two lines over the sweep: its fitted exponent in w1 and where its sup over the outer
// variable sits at the top of the sweep.
struct RatioRecord {
  double exponent = 0, uncertainty = 0;
  bool ok = false;             // the fit had its points and every value met its error target
  bool edge_unbounded = false; // the ratio grows without bound towards an open end of the outer range
  std::string edge;            // which end, when edge_unbounded
  std::string sup_at;          // "w3 = 0.84", "w3 -> 0 (the end of the range)", ...
  bool interior = false;       // the sup at the top w1 is strictly inside the outer range
  std::vector<double> log10_sup;  // per w1 of the sweep
  std::string decision;        // "bounded", "unbounded", "undecided"
};

struct StepRecord {
  std::string label, printed, relation;
  bool reading = false;       // one of the readings of the printed line
  std::string reading_of;     // its printed line's label
  bool inner = false;
  std::string status;         // holds / holds, loose by D / does not follow / false / typo / undecided
  std::string note;           // why, in one sentence
  double exponent = 0, uncertainty = 0;  // of the line's size in w1
  bool exponent_ok = false;
  double slack = 0;           // exponent lost at this step (>= 0 when the step weakens the bound)
  std::string claims;         // the exponent the line states, as written
  double claimed = 0;
  std::string claim_status;   // "" / "matches" / "differs by D"
  RatioRecord against_previous, against_quantity;
  std::string previous;       // label of the line it was compared with
  bool used = false;          // the chain goes on from this line (the printed line, or the reading that holds)
  std::vector<double> log10_size;  // per w1
  std::size_t calls = 0;
  bool met = true;
};

struct ArithmeticRecord {
  std::string label, printed, claim;
  bool holds = false;
  std::string summary;  // implication.hpp's: "holds on the whole range", "fails for M <= 4beta + 3"
};

struct ChainReplay {
  const Chain* chain = nullptr;
  std::string beta, M;
  std::vector<std::string> omegas;
  std::vector<StepRecord> steps;  // line 0 first, then every line and reading in order
  std::vector<std::string> findings;       // one sentence per line that is not "holds"
  std::vector<std::string> finding_kinds;  // per finding: typo, does not follow, false, loose, undecided
  double seconds = 0;
};

struct ProofReplay {
  ProofOptions options;
  std::vector<ChainReplay> chains;     // per chain and (beta, M)
  std::vector<std::vector<ArithmeticRecord>> arithmetic;  // per chain (exact, once)
  std::vector<const Chain*> selected;
  std::size_t steps_checked = 0;
  double seconds = 0;
};

// Throws std::invalid_argument on a bad option (one message naming it and its range).
void validate(const ProofOptions& options);
ProofReplay replay_proofs(const ProofOptions& options);
// The same on chains given directly (the tests replay deliberately broken copies of the paper's chains).
ProofReplay replay_chains(const std::vector<const Chain*>& chains, const ProofOptions& options);

// The findings as audit notes (checks/findings.hpp): one per distinct sentence with the (beta, M) it was
// found at, kind "in the proof: typo" (does not follow, false, loose, undecided, exponent arithmetic), id
// the check the chain ends in; a failing exponent arithmetic is exact, over the hypotheses (no where).
std::vector<Finding> proof_findings(const ProofReplay& replay);

// Exposed for the tests: the sup over the outer variable of ln(num/den) at one w1, by maximisation.
struct OuterSup {
  Real log_value;
  Real t, w3;
  bool at_low_end = false, at_high_end = false;
  bool edge_unbounded = false;
  std::string edge;
  bool met = true;       // the maximiser met its target, and no point that missed it could reach the sup
  Real worst_error = 0;  // relative error of the ratio at the maximiser
};
OuterSup sup_over_outer(const Chain& chain, const Line& numerator, const Line& denominator,
                        const quadrature::Engine<Real>& engine, const Model<Real>& model, const Real& w1);

}  // namespace kwe::checks
