// A check reads like the paper's sentence: a quantity, a relation, a predicted exponent of w1 and the
// hypotheses under which the paper states it. The numerics (sweep, fit, verdict) sit below it.
#pragma once

#include "checks/exponent.hpp"
#include "checks/fit.hpp"

#include <functional>
#include <string>
#include <vector>

namespace kwe::checks {

enum class Relation { upper /* ≲ */, lower /* ≳ */, both /* ≈ */ };

std::string symbol(Relation relation);  // ≲ ≳ ≈
std::string word(Relation relation);    // "upper bound", ...

// The "<=" rows of the catalogue: lhs <= rhs at every sweep point (quantity names).
struct Comparison {
  std::string lhs, rhs;
};

struct Hypotheses {
  double beta_min = 0, beta_max = 1;
  bool beta_min_open = false;  // beta > beta_min (Section 5: beta in (1/4, 1])
  double M_min = 0;            // M > M_min (Section 4: 6, Section 5: 10)
  std::string text;            // as the paper states them
  // When the bounds above cannot say it (Appendix A: M > 2β + 2): the region as parse_polygon reads it
  // (checks/polygon.hpp), e.g. "0 <= beta <= 1, M > 2beta + 2"; it then replaces the bounds.
  std::string region{};
};

// (β, M) inside the hypotheses, decided exactly on the decimals (checks/polygon.hpp).
bool within_hypotheses(const Hypotheses& hypotheses, double beta, double M);

// A check whose values are not a w1-sweep of one quantity of the value table (k-space integrals with a
// sup over configurations, envelopes, sweeps in A or N) produces its own series.
class ValueTable;

struct SeriesRequest {
  std::string beta, M;
  unsigned digits = 20;
  unsigned jobs = 1;
  unsigned per_decade = 4;  // grid density of the check's own sweep variable (the audit's --points-per-decade)
  ValueTable* table = nullptr;      // the audit's values, shared by every check (sweep.hpp)
  std::vector<std::string> omegas;  // the audit's grid of w1
};

struct Series {
  std::vector<std::string> abscissae;  // the sweep variable, as decimals
  std::vector<SweepPoint> points;      // SweepPoint::omega holds the abscissa
  std::vector<std::size_t> calls;      // integrand calls per point
  bool met = true;                     // every value met its error target
  std::vector<std::string> notes;      // findings for the report (e.g. where the sup is attained)
  std::vector<std::string> violations; // statements found false at some point: the verdict is FAIL
};

using SeriesSource = std::function<Series(const SeriesRequest&)>;

struct Check {
  std::string id;         // the paper's equation number, e.g. "4.3"
  std::string statement;  // as printed in the paper
  std::string quantity;   // the quantity whose exponent is measured, e.g. "C234_21"
  std::string data = "n01,n01,n01";
  Relation relation = Relation::upper;
  Exponent predicted;
  Hypotheses hypotheses;
  std::vector<Comparison> comparisons;
  std::vector<std::string> follows_from;  // ids whose stated exponents the paper combines into this one
  std::string section;                    // where in the paper
  SeriesSource source;                    // set: the check sweeps itself instead of the value table
  std::string variable = "w1";            // the sweep variable the exponent refers to
  bool involves_beta_M = true;            // false: the quantity depends on neither β nor M (Lemma 2.1's F, F1)
  std::vector<std::string> remarks;       // audit points about the statement itself (labels, typos)
};

}  // namespace kwe::checks
