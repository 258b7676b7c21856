// The range audit's analysis (checks/range.hpp) on synthetic sweeps whose exponent is a known formula in
// (β, M): sharp everywhere, loose everywhere, violated below a crossover line, a logarithm at the stated
// power; and the combined claim of Section 5.6 decided exactly. The numerics (sweep, fit, verdict) are the
// audit's own; only the values are made up, Q(w1) = w1^p(β, M) on the range grid of each check.
#include "checks/merge.hpp"
#include "checks/range.hpp"
#include "checks/range_grid.hpp"
#include "checks/registry.hpp"
#include "checks/verdict.hpp"

#include <catch2/catch.hpp>

#include <functional>

using namespace kwe::checks;
using kwe::Real;

namespace {

using Size = std::function<Real(const Real& w, double beta, double M)>;

// Every grid point of `id` with the sweep 2 ... 10^6 at 4 points a decade of the given size.
void add(Audit& audit, const std::string& id, const Size& size) {
  kwe::set_working_precision(20);
  const Check& c = find_check(id);
  for (const GridPoint& g : range_grid(c)) {
    CheckResult r;
    r.check = &c;
    r.beta = g.beta;
    r.M = g.M;
    r.exponent = c.predicted;
    const double b = std::stod(g.beta), m = std::stod(g.M);
    r.predicted = c.predicted.at(b, m);
    r.within_hypotheses = within_hypotheses(c.hypotheses, b, m);
    const Real step = pow(Real(10), Real("0.25"));
    for (Real w = 2; w < Real("1e6"); w *= step) {
      const Real q = size(w, b, m);
      r.series.push_back({w, q, Real(abs(q) * Real("1e-18"))});
    }
    r.fit = fit_exponent(r.series);
    r.verdict = judge(c.relation, r.predicted, r.fit, true, audit.options.tolerances);
    audit.results.push_back(std::move(r));
  }
}

Real power(const Real& w, double p) { return pow(w, Real(p)); }

const RangeCheck& only(const RangeAnalysis& a, const std::string& id) {
  for (const RangeCheck& c : a.checks)
    if (c.id == id) return c;
  FAIL("no range check " << id);
  throw;
}

bool has_finding(const RangeAnalysis& a, const std::string& id, const std::string& kind) {
  for (const RangeFinding& f : a.findings)
    if (f.id == id && f.kind == kind) return true;
  return false;
}

}  // namespace

TEST_CASE("range: a sharp statement holds and is sharp on the whole range", "[range]") {
  Audit audit;
  audit.options.range = true;
  add(audit, "4.3", [](const Real& w, double b, double M) -> Real { return power(w, 2 * b - 0.5 - M / 2); });
  const RangeAnalysis a = analyse_range(audit);
  const RangeCheck& c = only(a, "4.3");
  REQUIRE(c.measured.ok);
  CHECK(format(c.measured.formula) == "2beta - 1/2 - M/2");
  CHECK(c.region.summary == "holds on the whole range, sharp");
  CHECK(c.pass == 56);
  CHECK(c.disagreements.empty());
  CHECK_FALSE(has_finding(a, "4.3", "loose"));
}

TEST_CASE("range: (4.6)'s true exponent 4beta + 2 - 3M/2 is recognised, loose everywhere by at least 1", "[range]") {
  Audit audit;
  audit.options.range = true;
  add(audit, "4.6", [](const Real& w, double b, double M) -> Real { return power(w, 4 * b + 2 - 1.5 * M); });
  const RangeAnalysis a = analyse_range(audit);
  const RangeCheck& c = only(a, "4.6");
  REQUIRE(c.measured.ok);
  CHECK(format(c.measured.formula) == "4beta + 2 - 3M/2");
  // stated - measured = M/2 - beta - 1 >= 6/2 - 1 - 1 = 1 on beta <= 1, M > 6.
  CHECK(c.region.summary == "holds on the whole range, sharp nowhere (loose by at least 1)");
  CHECK(has_finding(a, "4.6", "loose"));
}

TEST_CASE("range: a size that takes over below M = 8 violates the bound there, and only there", "[range]") {
  Audit audit;
  audit.options.range = true;
  // max(3beta + 5 - 3M/2, 3beta - 2 - M) against the stated 3beta + 1 - M: the first piece is in force
  // below M = 14 (the second at M = 16 and 24, two columns of the grid: determined) and above the
  // statement exactly when M < 8. The size is the larger power (no sum, so the
  // fit sees one power per point).
  add(audit, "4.6", [](const Real& w, double b, double M) -> Real { return power(w, std::max(3 * b + 5 - 1.5 * M, 3 * b - 2 - M)); });
  const RangeAnalysis a = analyse_range(audit);
  const RangeCheck& c = only(a, "4.6");
  REQUIRE(c.measured.ok);
  CHECK(format(c.measured.formula) == "max(3beta - 2 - M, 3beta + 5 - 3M/2)");
  REQUIRE(c.measured.crossovers.size() == 1);
  CHECK(c.measured.crossovers.front() == "M = 14");
  CHECK(c.region.summary == "fails for M < 8");
  CHECK(c.fail > 0);
  CHECK(c.disagreements.empty());
  CHECK(has_finding(a, "4.6", "hypothesis"));
}

TEST_CASE("range: a wrong stated exponent fails on the whole range", "[range]") {
  Audit audit;
  audit.options.range = true;
  audit.options.assumed["4.3"] = "2beta - 1 - M/2";
  add(audit, "4.3", [](const Real& w, double b, double M) -> Real { return power(w, 2 * b - 0.5 - M / 2); });
  for (CheckResult& r : audit.results) {
    r.exponent = parse_exponent("2beta - 1 - M/2");
    r.predicted = r.exponent.at(std::stod(r.beta), std::stod(r.M));
    r.verdict = judge(r.check->relation, r.predicted, r.fit, true, audit.options.tolerances);
  }
  const RangeAnalysis a = analyse_range(audit);
  const RangeCheck& c = only(a, "4.3");
  CHECK(c.fail == 56);
  CHECK(c.region.summary == "fails on the whole range");
  CHECK(has_finding(a, "4.3", "violated"));
}

TEST_CASE("range: a logarithm at the stated power is read as w1^p log w1 and violates the upper bound", "[range]") {
  Audit audit;
  audit.options.range = true;
  add(audit, "4.3", [](const Real& w, double b, double M) -> Real {
    const Real p = power(w, 2 * b - 0.5 - M / 2);
    return b == 1 ? Real(p * log(w)) : p;
  });
  const RangeAnalysis a = analyse_range(audit);
  const RangeCheck& c = only(a, "4.3");
  std::size_t logs = 0;
  for (const RangePoint& p : c.points) {
    if (p.beta == "1") {
      CHECK(p.log.detected);
      CHECK(p.status == "violated by a logarithm");
      CHECK(std::abs(p.exponent - p.stated) < 0.05);
      ++logs;
    } else {
      CHECK_FALSE(p.log.detected);
    }
  }
  CHECK(logs == 8);
  CHECK(has_finding(a, "4.3", "logarithm"));
}

TEST_CASE("range: Section 5.6's '2beta + 5/2 - M/2 < -1' is decided exactly, stated and measured", "[range]") {
  Audit audit;
  audit.options.range = true;
  add(audit, "5.3", [](const Real& w, double b, double M) -> Real { return power(w, 2 * b - 0.5 - M / 2); });
  add(audit, "5.18", [](const Real& w, double b, double M) -> Real { return power(w, 3 * b + 0.5 - M); });
  const RangeAnalysis a = analyse_range(audit);
  bool seen = false;
  for (const CombinedClaim& cc : a.combined)
    if (cc.statement.find("I5 (5.18)") != std::string::npos && cc.statement.find("<= -1") != std::string::npos) {
      seen = true;
      CHECK(cc.stated == "2beta + 5/2 - M/2 <= -1");
      CHECK(cc.with_stated.summary == "fails for M < 4beta + 7");
      REQUIRE(cc.with_measured);
      // measured: (3beta + 1/2 - M) - (2beta - 1/2 - M/2) = beta + 1 - M/2 <= -1 iff M >= 2beta + 4: holds for M > 10.
      CHECK(cc.measured == "beta + 1 - M/2 <= -1");
      CHECK(cc.with_measured->holds);
    }
  CHECK(seen);
}

TEST_CASE("range: merge keeps the second pass's points after the grid, and refuses other stray points", "[range]") {
  Audit audit;
  audit.options.range = true;
  audit.options.check_ids = {"4.3"};
  add(audit, "4.3", [](const Real& w, double b, double M) -> Real { return power(w, 2 * b - 0.5 - M / 2); });
  CheckResult extra = audit.results.front();
  extra.M = "6.75";
  extra.refinement = true;
  audit.results.insert(audit.results.begin() + 3, extra);
  const Audit merged = merge({audit});
  REQUIRE(merged.results.size() == 57);
  CHECK(merged.results.back().refinement);
  CHECK(merged.results.back().M == "6.75");
  audit.results[3].refinement = false;  // a point that is neither on the grid nor of the second pass
  CHECK_THROWS_AS(merge({audit}), std::invalid_argument);
}
