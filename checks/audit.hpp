// An audit: the selected checks, for every (beta, M), swept, fitted, judged and controlled.
#pragma once

#include "checks/check.hpp"
#include "checks/fit.hpp"
#include "checks/sweep.hpp"
#include "checks/verdict.hpp"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace kwe::checks {

struct AuditOptions {
  std::vector<std::string> check_ids;           // empty: all registered
  std::vector<std::string> betas{"0.3", "0.5", "0.75", "1"};
  std::vector<std::string> Ms{"12"};
  // The range audit (issue 13): each check at the points of range_grid (checks/range_grid.hpp), which
  // cover its hypotheses up to their edges; betas and Ms are then not used.
  bool range = false;
  // With `range` and no shards: after the grid, the points where the measured exponent changes regime
  // (refinement_units, checks/range.hpp) are computed too and join the results.
  bool refine = true;
  Grid grid;
  unsigned digits = 12;
  unsigned jobs = 1;
  std::map<std::string, std::string> assumed;  // check id -> exponent formula replacing the paper's
  Tolerances tolerances;
  // The k-th of n deterministic slices of the work (1 <= k <= n): the (check, β, M) results whose index
  // in `units()` is k - 1 modulo n. Merged, the slices give the results of the whole run (merge).
  unsigned shard_index = 1, shard_count = 1;

  // Throws std::invalid_argument on the first bad option, before anything is computed.
  void validate() const;
};

struct ComparisonResult {
  Comparison comparison;
  bool holds = true;
  std::vector<Real> ratios;  // lhs / rhs at every w1 of the sweep
  std::string worst_omega;  // where lhs - rhs is largest relative to rhs
  Real worst_ratio = 0;     // max lhs / rhs over the sweep
};

struct CheckResult {
  const Check* check = nullptr;
  std::string beta, M;
  Exponent exponent;  // the paper's, or the assumed one
  bool assumed = false;
  double predicted = 0;
  bool within_hypotheses = true;
  std::vector<std::string> omegas;
  std::vector<SweepPoint> series;
  std::vector<std::size_t> calls;
  bool values_met = true;
  Fit fit;
  Verdict verdict;
  Control control;
  Real implied_constant_upper = -1, implied_constant_lower = -1;  // sup, inf of Q / w1^p (as relevant)
  std::vector<ComparisonResult> comparisons;
  std::vector<std::string> notes;  // from a check's own series
  bool refinement = false;         // a point the range audit added near a crossover (refinement_units)
};

struct Audit {
  AuditOptions options;
  std::vector<CheckResult> results;
  double seconds = 0;
};

// One result of the audit to compute: a check at one (β, M), in the order of the report (the checks as
// selected, then β, then M; with `range`, the check's range_grid).
struct Unit {
  const Check* check = nullptr;
  std::string beta, M;
  bool refinement = false;
};
std::vector<Unit> units(const AuditOptions& options);
bool in_shard(const AuditOptions& options, std::size_t unit_index);

// Where the audit is: `done` of `total` values (a check sweeping itself counts one value per point of
// the audit's grid), and the unit being computed.
struct Progress {
  std::size_t done = 0, total = 0;
  std::string check, beta, M;
  bool finished = false;
};
using ProgressSink = std::function<void(const Progress&)>;

Audit run_audit(const AuditOptions& options, const ProgressSink& progress = {});

// The overall outcome: FAIL if any verdict failed or any control is broken, else INCONCLUSIVE if any
// verdict is, else PASS.
Outcome overall(const Audit& audit);

}  // namespace kwe::checks
