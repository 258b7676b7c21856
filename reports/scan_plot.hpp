// The threshold scan as one figure: the growth exponent of the weighted second Picard iterate against β
// for the three cases (gain, full, full oscillating), with error bars, the line 0, and the crossings
// found marked. Written as `scan_thresholds.dat`, `.gp` and `.svg` in the plot directory beside SCAN.md.
#pragma once

#include "checks/scan.hpp"

#include <string>

namespace kwe::reports {

struct ScanFigure {
  std::string svg;   // file name inside the directory, "" when not rendered
  std::string note;  // why not, when not
};

// A file that cannot be written throws OutputError; gnuplot's failure is told in `note`.
ScanFigure write_scan_plot(const checks::Scan& scan, const std::string& directory);

}  // namespace kwe::reports
