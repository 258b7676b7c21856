// What an audit concludes, beyond each result's verdict: one status per equation of the paper (over all
// its betas and Ms), the measured exponents as lines in beta, and the audit notes, one per finding with
// its kind and evidence. Decided here, from the results alone, so that the JSON carries the same
// conclusions as the Markdown; reports/ only formats them.
//
// Status of an equation, from its results within the paper's hypotheses:
//   violated      some verdict FAIL;
//   inconclusive  none FAIL, some INCONCLUSIVE or a negative control broken;
//   loose         all PASS, some not sharp: holds with an exponent gap Δ = |stated - measured|;
//   sharp         all PASS and sharp.
#pragma once

#include "checks/audit.hpp"
#include "checks/beta_line.hpp"
#include "checks/range.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kwe::checks {

enum class Status { sharp, loose, violated, inconclusive };

std::string to_string(Status status);  // "sharp", "loose", "violated", "inconclusive"

// The measured exponents of one check at one M across beta, and the stated formula at that M.
struct MeasuredLine {
  std::string id, M;
  BetaLine line;
  std::string measured;  // "3β − 13/2" at this M, coefficients as fractions to the fits' uncertainty; empty when not linear
  std::string gap;       // stated − measured as a formula in β at this M, empty when not linear
};

struct EquationStatus {
  std::string id;
  Status status = Status::inconclusive;
  std::size_t results = 0;
  std::vector<std::string> failed, inconclusive, loose, sharp;  // "β = 0.75, M = 12"
  double gap_min = 0, gap_max = 0;  // |slack| over the passing results
  std::string gap;                  // Δ as a formula in β (from the line), else a range of numbers
  std::string measured;             // the measured exponent: a formula when the line fits, else a range
};

struct Finding {
  std::string kind;  // typo, label, loose by Δ, insufficient for the conclusion drawn, violated,
                     // inconclusive, broken control, outside the hypotheses, observation
  std::string id;    // the check it is about ("" for the paper as a whole)
  std::string text;  // readable without the source: the numbers are in it
  std::vector<std::string> where;  // the (β, M) it holds at, when it depends on them
};

struct Findings {
  std::vector<EquationStatus> equations;  // in the audit's order of checks
  std::vector<MeasuredLine> lines;
  std::vector<Finding> notes;
  // Over the hypothesis range (checks/range.hpp): for run --range, and for a run with several M.
  std::optional<RangeAnalysis> range;
};

Findings analyse(const Audit& audit);

// A number as a fraction with denominator <= 4 when it is one to 1e-6, else in 6 decimals.
std::string fraction(double x);
// The same within `tolerance`.
std::string fraction(double x, double tolerance);

}  // namespace kwe::checks
