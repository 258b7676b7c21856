// Every check of the suite, registered in one place (registry.cpp), in the paper's order.
#pragma once

#include "checks/check.hpp"

#include <string>
#include <vector>

namespace kwe::checks {

const std::vector<Check>& registry();

// Throws std::invalid_argument naming the id when there is no such check.
const Check& find_check(const std::string& id);

}  // namespace kwe::checks
