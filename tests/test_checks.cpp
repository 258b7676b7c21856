// The check machinery end to end on the paper's objects, on a short grid: (4.3) passes and is sharp,
// its negative control fails, and a wrong exponent handed in by --assume makes it FAIL.
#include "checks/audit.hpp"
#include "checks/registry.hpp"

#include <catch2/catch.hpp>

using namespace kwe::checks;

namespace {

AuditOptions short_run(const std::string& id) {
  AuditOptions o;
  o.check_ids = {id};
  o.betas = {"0.5"};
  o.grid.omega_min = "2";
  o.grid.omega_max = "3e4";
  o.grid.per_decade = 4;
  o.digits = 16;
  o.jobs = 2;
  return o;
}

}  // namespace

TEST_CASE("(4.3) C^234_21 <~ w1^(2beta - 1/2 - M/2) passes, sharp", "[checks]") {
  const Audit audit = run_audit(short_run("4.3"));
  REQUIRE(audit.results.size() == 1);
  const CheckResult& r = audit.results[0];
  INFO(r.verdict.reason);
  CHECK(r.values_met);
  CHECK(r.verdict.outcome == Outcome::pass);
  CHECK(r.verdict.sharp);
  CHECK(std::fabs(r.fit.exponent - (-5.5)) < 1e-4);
  CHECK(r.control.outcome == Outcome::fail);
  CHECK_FALSE(r.control.broken);
  CHECK(overall(audit) == Outcome::pass);
}

TEST_CASE("a wrong exponent makes (4.3) FAIL", "[checks]") {
  AuditOptions o = short_run("4.3");
  o.assumed["4.3"] = "2beta - 1 - M/2";  // half a power too strong
  const Audit audit = run_audit(o);
  REQUIRE(audit.results.size() == 1);
  CHECK(audit.results[0].assumed);
  CHECK(audit.results[0].verdict.outcome == Outcome::fail);
  CHECK(overall(audit) == Outcome::fail);
}

TEST_CASE("bad audit options are refused before any work", "[checks]") {
  AuditOptions o = short_run("4.3");
  o.betas = {"1.5"};
  CHECK_THROWS_AS(o.validate(), std::invalid_argument);
  o = short_run("9.9");
  CHECK_THROWS_AS(o.validate(), std::invalid_argument);
  o = short_run("4.3");
  o.assumed["4.3"] = "2 gamma";
  CHECK_THROWS_AS(o.validate(), std::invalid_argument);
  o = short_run("4.3");
  o.digits = 5;
  CHECK_THROWS_AS(o.validate(), std::invalid_argument);
  o = short_run("4.3");
  o.grid.omega_min = "0.5";
  CHECK_THROWS_AS(o.validate(), std::invalid_argument);
}

TEST_CASE("Section 5: (5.14) passes with its comparison, and FAILs under a wrong exponent", "[checks]") {
  AuditOptions o = short_run("5.14");
  o.grid.omega_max = "1e3";
  o.digits = 12;
  const Audit audit = run_audit(o);
  const CheckResult& r = audit.results.at(0);
  INFO(r.verdict.reason);
  CHECK(r.verdict.outcome == Outcome::pass);
  REQUIRE(r.comparisons.size() == 1);
  CHECK(r.comparisons[0].holds);
  CHECK(r.control.outcome == Outcome::fail);
  o.assumed["5.14"] = "-40";  // far below any measured exponent of C^124_3: the upper bound must fail
  const Audit wrong = run_audit(o);
  CHECK(wrong.results.at(0).verdict.outcome == Outcome::fail);
}
