#include "reports/scan_plot.hpp"

#include "reports/gnuplot.hpp"
#include "reports/output_file.hpp"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>

namespace kwe::reports {

namespace {

std::string column(const checks::Fit& f) {
  return f.ok ? fmt::format("{:.17g} {:.17g}", f.exponent, std::max(f.uncertainty, 1e-9)) : std::string("NaN NaN");
}

}  // namespace

ScanFigure write_scan_plot(const checks::Scan& scan, const std::string& directory) {
  namespace fs = std::filesystem;
  ScanFigure figure;
  try {
    std::string data = "# beta  gain u  full u  oscillating u\n";
    for (const auto& r : scan.rows)
      data += fmt::format("{} {} {} {}\n", r.beta, column(r.gain), column(r.full), column(r.oscillating));
    write_atomically((fs::path(directory) / "scan_thresholds.dat").string(), data);
    std::string marks;
    int n = 0;
    for (const auto& t : scan.thresholds) {
      ++n;
      marks += fmt::format("set arrow {} from {:.17g}, graph 0 to {:.17g}, graph 1 nohead dt 3 lc rgb '#888888'\n", n, t.predicted, t.predicted);
      if (t.found)
        marks += fmt::format("set label {} {} at {:.17g}, 0 point pt 9 ps 1.6 lc rgb '#d62728' offset 1,{}\n", n,
                             gnuplot_string(fmt::format("β = {:.4f}", t.beta)), t.beta, n);
    }
    const std::string script = fmt::format(
        "# Growth exponents of the weighted second Picard iterate against beta, written by kwe-verify.\n"
        "if (!exists(\"output_file\")) output_file = 'scan_thresholds.svg'\n"
        "set encoding utf8\nset terminal svg size 1000,600 noenhanced font 'sans,12' background rgb 'white'\nset output output_file\n"
        "set title 'growth exponent of <w1>^(M/2) Q(w1) against β (M = {}); dotted: predicted thresholds; diamonds: crossings of 0 found'\n"
        "set xlabel 'β'\nset ylabel 'growth exponent'\nset grid lc rgb '#dddddd'\nset key top left\nset xzeroaxis lt 1 lc rgb '#000000'\n{}"
        "plot 'scan_thresholds.dat' using 1:2:3 with yerrorlines pt 7 ps 0.6 lc rgb '#1f77b4' title 'gain C^234[n01]', "
        "'' using 1:4:5 with yerrorlines pt 5 ps 0.6 lc rgb '#2ca02c' title 'full C[n01]', "
        "'' using 1:6:7 with yerrorbars pt 13 ps 1.0 lc rgb '#ff7f0e' title 'full oscillating |C[n0]|'\n",
        scan.options.M, marks);
    write_atomically((fs::path(directory) / "scan_thresholds.gp").string(), script);
    const std::string gnuplot = find_gnuplot();
    if (gnuplot.empty()) {
      figure.note = "gnuplot is not on PATH: the figure's data and script are written, not the SVG";
      return figure;
    }
    const GnuplotRun run = run_gnuplot(gnuplot, directory, "scan_thresholds.gp");
    if (!run.ok) {
      figure.note = run.message;
      return figure;
    }
    write_atomically((fs::path(directory) / "scan_thresholds.svg").string(), run.output);
    figure.svg = "scan_thresholds.svg";
  } catch (const OutputError&) {
    throw;
  } catch (const std::exception& e) {
    figure.note = e.what();
  }
  return figure;
}

}  // namespace kwe::reports
