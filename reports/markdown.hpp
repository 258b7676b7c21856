// The report for people: what was run, a summary table of verdicts, and audit notes that say what the
// numbers show where the paper's statement is loose, violated, or does not follow from what it cites.
#pragma once

#include "checks/audit.hpp"
#include "reports/metadata.hpp"
#include "reports/plots.hpp"

#include <string>

namespace kwe::reports {

// `plots`: those written beside the report (write_plots), linked from its last section.
std::string to_markdown(const checks::Audit& audit, const Metadata& metadata, const Plots& plots);

// One line per result, for the terminal.
std::string summary_table(const checks::Audit& audit);

}  // namespace kwe::reports
