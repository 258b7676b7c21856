// The machine-readable results: every point (w1, value, error, calls), every fit, every verdict and
// control, with the run's metadata. Numbers the suite computed in MPFR are written as decimal strings
// carrying the digits that were asked for; exponents and uncertainties (doubles) as numbers.
#pragma once

#include "checks/audit.hpp"
#include "checks/findings.hpp"
#include "estimates/evaluation.hpp"
#include "reports/metadata.hpp"

#include <nlohmann/json.hpp>

namespace kwe::reports {

// Everything that depends on the inputs only sits outside "run" (commit, date, command, machine, threads,
// wall time): two runs of the same inputs, sharded or not, on 1 thread or 2, differ only inside "run".
nlohmann::json to_json(const checks::Audit& audit, const checks::Findings& findings, const Metadata& metadata);

// The audit a results file was written from (options and results, to the digits written), for merging
// shards and for the report, which is made from what the JSON says. Throws std::invalid_argument naming
// what is missing or malformed.
checks::Audit audit_from_json(const nlohmann::json& json);
Metadata metadata_from_json(const nlohmann::json& json);
nlohmann::json to_json(const Evaluation& evaluation);
nlohmann::json to_json(const checks::Check& check);

}  // namespace kwe::reports
