// The k-space checks end to end, on a coarse grid (2 points per decade, 10 digits): (2.1) and (A) pass
// with the paper's exponents, their negative controls fail, and a wrong exponent handed in by --assume
// makes each FAIL. Also the search they rely on (checks/maximise.hpp) on functions with known maxima.
#include "checks/audit.hpp"
#include "checks/maximise.hpp"
#include "mp_compare.hpp"

#include <catch2/catch.hpp>

using namespace kwe::checks;
using kwe::Real;

namespace {

AuditOptions coarse_run(const std::string& id) {
  AuditOptions o;
  o.check_ids = {id};
  o.betas = {"0.5"};
  o.grid.per_decade = 2;
  o.digits = 10;
  o.jobs = 2;
  return o;
}

void passes_and_fails_when_wrong(const std::string& id, const std::string& wrong) {
  const Audit audit = run_audit(coarse_run(id));
  REQUIRE(audit.results.size() == 1);
  const CheckResult& r = audit.results[0];
  INFO(r.verdict.reason);
  CHECK(r.values_met);
  CHECK(r.verdict.outcome == Outcome::pass);
  CHECK(r.verdict.sharp);
  CHECK(std::fabs(r.fit.exponent - r.predicted) < 1e-4);
  CHECK(r.control.outcome == Outcome::fail);
  CHECK_FALSE(r.control.broken);
  CHECK_FALSE(r.notes.empty());

  AuditOptions o = coarse_run(id);
  o.assumed[id] = wrong;
  const Audit wrong_audit = run_audit(o);  // the series is cached: only the judgement is redone
  REQUIRE(wrong_audit.results.size() == 1);
  CHECK(wrong_audit.results[0].assumed);
  CHECK(wrong_audit.results[0].verdict.outcome == Outcome::fail);
  CHECK(overall(wrong_audit) == Outcome::fail);
}

}  // namespace

TEST_CASE("kspace: (2.1) sup F, F1 <~ (1 + |k1|^2 + |k2|^2)^-1 passes, sharp, and -1.5 fails", "[kspace]") {
  passes_and_fails_when_wrong("2.1", "-1.5");
}

TEST_CASE("kspace: (A) inf I >~ |k1|^(2beta - 2) passes, sharp, and 2beta - 1.5 fails", "[kspace]") {
  passes_and_fails_when_wrong("A", "2beta - 1.5");
}

TEST_CASE("kspace: the box search finds an interior maximum to the location's bits, and a corner exactly", "[kspace]") {
  kwe::set_working_precision(30);
  const std::array<Real, 2> lo{Real(0), Real(0)}, hi{Real(1), Real(2)};
  const Real x0("0.3141592653589793238462643383"), y0("1.2718281828459045235360287471");
  const auto bump = [&](const std::array<Real, 2>& x) {
    return Real(cos(Real(x[0] - x0)) * exp(-pow(Real(x[1] - y0), 2)));  // separable, maximum 1 at (x0, y0)
  };
  const auto interior = maximise_on_box<Real>(bump, lo, hi, {5, 5}, 50, Real("1e-30"));
  INFO("interior: " << interior.evaluations << " evaluations");
  CHECK(interior.converged);
  CHECK(abs(Real(interior.at[0] - x0)) < 1e-14);
  CHECK(abs(Real(interior.at[1] - y0)) < 1e-14);
  CHECK(abs(Real(interior.value - 1)) < 1e-28);

  const auto tilt = [](const std::array<Real, 2>& x) { return Real(x[0] + x[1] * x[1]); };  // maximum at (1, 2)
  const auto corner = maximise_on_box<Real>(tilt, lo, hi, {3, 3}, 50, Real("1e-30"));
  INFO("corner: " << corner.evaluations << " evaluations");
  CHECK(corner.at[0] == 1);
  CHECK(corner.at[1] == 2);
  CHECK(corner.evaluations <= 9 + 2 * 3);  // the scan, then one probe per coordinate and round
}
