// The report of a beta scan (checks/scan.hpp): the exponents per beta and the thresholds found, as
// Markdown for people and JSON for machines.
#pragma once

#include "checks/scan.hpp"
#include "reports/metadata.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace kwe::reports {

// `figure`: the threshold figure relative to the report ("" for none), shown under the thresholds.
std::string to_markdown(const checks::Scan& scan, const Metadata& metadata, const std::string& figure = "");
nlohmann::json to_json(const checks::Scan& scan, const Metadata& metadata);

}  // namespace kwe::reports
