// The audit as a JUnit XML file for CI: one test case per check (as `ctest -L audit --output-junit`
// gives), failed when the equation is violated, inconclusive or has a broken negative control, with the
// verdict of every (β, M) in its output.
#pragma once

#include "checks/audit.hpp"
#include "checks/findings.hpp"

#include <string>

namespace kwe::reports {

std::string to_junit(const checks::Audit& audit, const checks::Findings& findings);

}  // namespace kwe::reports
