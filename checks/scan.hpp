// The thresholds (Theorems 4.2, 5.1 and Remark 1.4): a scan in beta of the growth exponent of the
// weighted second Picard iterate,
//   gain  <w1>^(M/2) C^234[n01](w1)   (Theorem 4.2: grows iff beta > 1/4),
//   full  <w1>^(M/2) C[n01](w1)       (Remark 1.4: bounded iff beta <= 3/4),
//   oscillating  <w1>^(M/2) |C[n0](w1)|, n0 = A n01 + cos(N w) n01 with A = N = 1, along w1 = 2 pi B
//                (cos N w1 = 1), B from w1 ~ 10^3 to 10^4 (Theorem 5.1: grows iff beta > 1/4),
// each fitted on the w1 grid like a check, and the beta where each exponent crosses 0, interpolated
// linearly between the two scanned betas that bracket it (the exponents are linear in beta), with the
// uncertainty of the two fits carried through.
// The oscillating term costs ~25 s a value (oscillating_operator.hpp), so it is scanned at the betas of
// the grid that are multiples of `oscillating_step` (0.1 by default), on 6 points.
#pragma once

#include "checks/audit.hpp"
#include "checks/fit.hpp"
#include "checks/sweep.hpp"

#include <limits>
#include <string>
#include <vector>

namespace kwe::checks {

struct ScanOptions {
  std::string beta_min = "0", beta_max = "1", beta_step = "0.025";
  std::string oscillating_step = "0.1";
  std::string M = "12";
  Grid grid{"2", "1e4", 4};
  unsigned digits = 12;
  unsigned jobs = 1;

  std::vector<std::string> betas() const;  // throws std::invalid_argument on a bad range
  bool scans_oscillating(const std::string& beta) const;  // beta is a multiple of oscillating_step
};

struct ScanRow {
  std::string beta;
  Fit gain, full, oscillating;  // oscillating.ok is false where it is not scanned
  bool met = true;
};

struct Threshold {
  std::string name;
  double predicted = 0;
  bool found = false;
  double beta = 0, uncertainty = 0;
  double extrapolated = std::numeric_limits<double>::quiet_NaN();  // when not found: the line's zero
};

struct Scan {
  ScanOptions options;
  std::vector<ScanRow> rows;
  std::vector<Threshold> thresholds;
  double seconds = 0;
};

// `progress` (as run_audit's): the values done of all the scan computes, the term and beta being computed;
// called after each beta of the gain and full terms and after each value of the oscillating one, from
// the worker threads for the latter (one call at a time).
Scan run_scan(const ScanOptions& options, const ProgressSink& progress = {});

}  // namespace kwe::checks
