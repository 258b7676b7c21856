// The report of a beta scan (checks/scan.hpp): the exponents per beta and the thresholds found, as
// Markdown for people and JSON for machines.
#pragma once

#include "checks/scan.hpp"
#include "reports/metadata.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace kwe::reports {

std::string to_markdown(const checks::Scan& scan, const Metadata& metadata);
nlohmann::json to_json(const checks::Scan& scan, const Metadata& metadata);

}  // namespace kwe::reports
