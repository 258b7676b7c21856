#include "checks/provenance.hpp"

namespace kwe::checks {

namespace {

bool starts(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

Provenance provenance(const Check& c) {
  Provenance p;
  const std::string& q = c.quantity;
  if (c.id == "2.1") {
    p = {"F, F1", {"estimates/sphere.hpp", "checks/k_space.cpp", "checks/maximise.hpp"}, {"test_sphere", "test_kspace_checks"}};
  } else if (c.id == "A") {
    p = {"", {"estimates/sphere.hpp", "checks/k_space.cpp", "checks/maximise.hpp"}, {"test_sphere", "test_kspace_checks"}};
  } else if (c.id == "5.21") {
    p = {"C --data n0,n0,n0", {"estimates/oscillating_operator.hpp", "checks/section5_series.cpp"}, {"test_oscillatory"}};
  } else if (c.id == "5.6") {
    p = {"Env234_21, Env234_3", {"estimates/oscillating.hpp", "quadrature/filon.hpp", "checks/section5_series.cpp"}, {"test_oscillatory"}};
  } else if (starts(q, "I") && q.size() == 2) {
    p = {q, {"estimates/section5_terms.hpp", "checks/section5_series.cpp"}, {}};
  } else if (starts(q, "Cprime")) {
    p = {q, {"estimates/modified_piece.hpp"}, {"test_oscillatory", "cli_eval_reference"}};
  } else if (q == "C") {
    p = {q, {"estimates/collision.hpp", "estimates/domains.hpp"}, {"test_conservation", "cli_eval_reference"}};
  } else if (starts(q, "C")) {
    p = {q, {"estimates/collision.hpp", "estimates/domains.hpp", "estimates/cross_section.hpp"}, {"test_partition"}};
    if (q == "C234") p.tests.push_back("cli_eval_reference");
  }
  for (const Comparison& cmp : c.comparisons) p.eval_name += (p.eval_name.empty() ? "" : "; ") + cmp.lhs + " ≤ " + cmp.rhs;
  if (c.id == "4.3" || c.id == "5.14") p.tests.push_back("test_checks");
  if (c.id == "4.3") {
    p.tests.push_back("cli_run_small");
    p.tests.push_back("report_structure");
  }
  p.tests.push_back("audit_" + c.id);
  return p;
}

}  // namespace kwe::checks
