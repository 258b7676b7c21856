// The proofs replayed, formatted: the Markdown report (per chain a table of its lines — printed expression,
// relation, status, exponent, slack added — the exact exponent arithmetic, and the waterfall figure), the
// JSON (every step a structured record) and the waterfall figures (the exponent of w1 along the chain from
// the quantity's own size to the stated result, one line per (beta, M)). Formatting only: every number
// comes from checks/proof_replay.hpp.
#pragma once

#include "checks/proof_replay.hpp"
#include "reports/metadata.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace kwe::reports {

struct ProofFigures {
  std::vector<std::pair<std::string, std::string>> figures;  // (chain id, svg file name in the plot directory)
  std::string note;  // what was not rendered and why; empty when all were
};

// `<directory>/waterfall_<chain>.dat, .gp, .svg` for every chain replayed (svg when gnuplot is on PATH).
ProofFigures write_waterfalls(const checks::ProofReplay& replay, const std::string& directory);

std::string proofs_markdown(const checks::ProofReplay& replay, const Metadata& metadata, const ProofFigures& figures);
nlohmann::json proofs_json(const checks::ProofReplay& replay, const Metadata& metadata);
// One line per chain and (beta, M): counts of the statuses, for the terminal.
std::string proofs_summary(const checks::ProofReplay& replay);

}  // namespace kwe::reports
