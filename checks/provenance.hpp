// The paper <-> code table: for each check, the `eval` name of its quantity, the files that compute it
// and the tests that exercise it (besides its own CTest case audit_<id>, label `audit`).
#pragma once

#include "checks/check.hpp"

#include <string>
#include <vector>

namespace kwe::checks {

struct Provenance {
  std::string eval_name;                 // what `kwe-verify eval --quantity` takes, or "" (a sup/inf over a sweep)
  std::vector<std::string> computed_in;  // files
  std::vector<std::string> tests;        // test names (ctest -R)
};

Provenance provenance(const Check& check);

}  // namespace kwe::checks
