// The report for people. The first screen answers "does the paper hold up?": one row per equation with
// its status (✅ holds and sharp, ☑ holds but loose by Δ, ❌ violated, ❔ inconclusive) and the totals;
// then the audit notes, one per finding, with its kind and evidence; the paper <-> code table; one
// section per check (statement, hypotheses, the numbers per β, plots); the thresholds; the run's
// metadata last. Everything above the metadata depends on the inputs only (no timestamps, no timings).
// It formats what checks/ decided (findings.hpp): it decides nothing.
#pragma once

#include "checks/audit.hpp"
#include "checks/findings.hpp"
#include "reports/metadata.hpp"
#include "reports/plots.hpp"

#include <string>

namespace kwe::reports {

// The heading the run's metadata starts at: what precedes it is identical across runs of the same inputs.
inline const std::string metadata_heading = "## Run metadata";

struct ReportLinks {
  std::string scan_report;  // relative to the report, "" when there is none beside it
  std::string scan_figure;  // relative to the report, "" when there is none
};

std::string to_markdown(const checks::Audit& audit, const checks::Findings& findings, const Metadata& metadata, const Plots& plots,
                        const ReportLinks& links = {});

// One line per result, for the terminal.
std::string summary_table(const checks::Audit& audit);

}  // namespace kwe::reports
