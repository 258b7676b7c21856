// The range audit's figures (issue 13): per check, the (β, M) plane of its hypotheses with every grid
// point marked by what it showed — sharp (filled green), holds but loose (open blue), violated (red
// cross), a logarithm at the stated power (orange triangle), undecided (grey), holding but at a crossover the
// sweep does not resolve (purple diamond) — and the lines the
// measured formula draws: where one of its pieces takes over from another (dashed), and where a piece
// meets the stated exponent (solid red: the edge of the region where the statement holds, or is sharp).
// gnuplot, as reports/plots.hpp: a script and its data beside the SVG, re-renderable by hand.
#pragma once

#include "checks/range.hpp"
#include "reports/plots.hpp"

#include <string>
#include <vector>

namespace kwe::reports {

struct RangePlots {
  std::vector<Plot> figures;  // "range_<id>.svg", in the analysis' order of checks
  std::string note;           // what was not rendered and why
};

// Writes `range_<id>.dat`, `range_<id>.gp` and, with gnuplot on PATH, `range_<id>.svg` into `directory`.
// A file that cannot be written throws OutputError, as write_plots.
RangePlots write_range_plots(const checks::RangeAnalysis& range, const std::string& directory);

}  // namespace kwe::reports
