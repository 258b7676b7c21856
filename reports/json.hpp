// The machine-readable results: every point (w1, value, error, calls), every fit, every verdict and
// control, with the run's metadata. Numbers the suite computed in MPFR are written as decimal strings
// carrying the digits that were asked for; exponents and uncertainties (doubles) as numbers.
#pragma once

#include "checks/audit.hpp"
#include "estimates/evaluation.hpp"
#include "reports/metadata.hpp"

#include <nlohmann/json.hpp>

namespace kwe::reports {

nlohmann::json to_json(const checks::Audit& audit, const Metadata& metadata);
nlohmann::json to_json(const Evaluation& evaluation);
nlohmann::json to_json(const checks::Check& check);

}  // namespace kwe::reports
