// Every check of the suite, registered in one place (registry.cpp), in the paper's order.
#pragma once

#include "checks/check.hpp"

#include <string>
#include <vector>

namespace kwe::checks {

const std::vector<Check>& registry();

// Throws std::invalid_argument naming the id when there is no such check.
const Check& find_check(const std::string& id);

// Lemma 2.1 and Appendix A, which sweep k-space themselves (registry_kspace.cpp).
std::vector<Check> k_space_checks();

}  // namespace kwe::checks
