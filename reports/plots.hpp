// Log-log plots of the audit's series, for reviewers who want to see where a stated exponent is loose or
// violated rather than read it off a table. One plot per check, every (β, M) of it on the same axes:
// points are the measured |Q|, solid lines the stated bound C·x^p with its implied constant (the sup of
// |Q|/x^p over the sweep for ≲, the inf for ≳, both for ≈), dashed lines the fitted asymptote C'·x^p̂
// through the last point. The sup (inf) makes the solid line touch the points where |Q|/x^p is largest
// (smallest): for ≲, points falling away below it towards large x mean the exponent is loose; points
// touching it at the right end, the dashed line steeper than the solid one beyond, mean it is violated.
//
// gnuplot renders them (terminal svg, built into gnuplot-nox), run as a subprocess on a script written
// beside the data, so `cd plots && gnuplot 4.3.gp` re-renders a plot by hand. Without gnuplot on PATH
// the data and scripts are still written and the report says so: a missing plotter never fails an audit.
#pragma once

#include "checks/audit.hpp"

#include <string>
#include <vector>

namespace kwe::reports {

// The plots' directory, relative to the report that links them.
inline const std::string plot_directory = "plots";

// `<directory of report>/plots`.
std::string plot_directory_beside(const std::string& report);

struct Plot {
  std::string id;   // the check
  std::string svg;  // its file name inside the plot directory
};

struct Plots {
  std::vector<Plot> rendered;  // in the audit's order of checks
  std::vector<Plot> panels;    // compensated quantity, local slope (and ratio) per (β, M), same order
  std::vector<Plot> range;     // the range audit's (β, M) figures (reports/range_plot.hpp), same order
  std::string note;            // what was not rendered and why, one line for the report; empty when all were
};

// Writes into `directory` (created if needed) `<id>_beta<β>_M<M>.dat` for every result (abscissa,
// |value|, error estimate, 17 significant digits), and `<id>.gp` and `<id>.svg` for every check id.
// Every file is written to a temporary and renamed. A plot gnuplot cannot make is told in `note`; a file
// that cannot be written throws OutputError (app/main.cpp renders into a staging directory and commits
// the plots with the other outputs, all or none).
Plots write_plots(const checks::Audit& audit, const std::string& directory);

// A check id or a decimal as a file name part: anything but letters, digits, '.', '-', '_' becomes '_'.
std::string plot_file_name(const std::string& text);
// Renders `script` (in `directory`) with `gnuplot` into `svg` there; "" on success, else why not.
std::string render_plot(const std::string& gnuplot, const std::string& directory, const std::string& script, const std::string& svg);

}  // namespace kwe::reports
