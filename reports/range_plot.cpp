#include "reports/range_plot.hpp"

#include "reports/gnuplot.hpp"
#include "reports/output_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

namespace kwe::reports {

namespace {

namespace fs = std::filesystem;
using checks::Affine;

// Point classes, as the data file's third column and the plot's series.
int status_class(const checks::RangePoint& p) {
  if (p.status == "sharp") return 0;
  if (p.status.rfind("loose", 0) == 0) return 1;
  if (p.status == "violated") return 2;
  if (p.status == "violated by a logarithm") return 3;
  if (p.status.rfind("at a crossover", 0) == 0) return 5;
  return 4;
}

// The line g = 0 drawn over β ∈ [0, 1]: as M(β) when g involves M, else as a vertical line.
std::string line_term(const Affine& g, const std::string& colour, int dash, const std::string& title, std::string& arrows, int& arrow) {
  const double a = to_double(g.constant), b = to_double(g.beta), c = to_double(g.M);
  if (c != 0)
    return fmt::format("({:.17g} - ({:.17g})*x)/({:.17g}) with lines lw 1.5 dt {} lc rgb '{}' {}", -a, b, c, dash, colour,
                       title.empty() ? std::string("notitle") : "title " + gnuplot_string(title));
  if (b != 0) {
    const double beta = -a / b;
    arrows += fmt::format("set arrow {} from {:.17g}, graph 0 to {:.17g}, graph 1 nohead lw 1.5 dt {} lc rgb '{}'\n", ++arrow, beta, beta, dash, colour);
  }
  return {};
}

std::string script(const checks::RangeCheck& rc, const std::string& data) {
  std::string arrows, terms;
  int arrow = 0;
  const auto add = [&](const std::string& t) {
    if (!t.empty()) terms += ", " + t;
  };
  if (rc.measured.ok) {
    const auto& pieces = rc.measured.formula.pieces;
    const checks::PiecewiseAffine stated = checks::parse_piecewise(rc.stated);
    for (std::size_t i = 0; i < pieces.size(); ++i)
      for (std::size_t j = i + 1; j < pieces.size(); ++j)
        add(line_term(pieces[i] - pieces[j], "#555555", 2, fmt::format("crossover {}", checks::format_line(pieces[i] - pieces[j])), arrows, arrow));
    for (const Affine& p : pieces)
      for (const Affine& s : stated.pieces)
        if (!(p - s).is_constant())
          add(line_term(p - s, "#d62728", 1, fmt::format("measured = stated: {}", checks::format_line(p - s)), arrows, arrow));
  }
  // The edges of the hypotheses (dotted): where the statement's range ends.
  bool first_edge = true;
  for (const checks::Constraint& k : checks::parse_polygon(rc.hypotheses).constraints)
    if (!(k.g.is_constant())) {
      const std::string term = line_term(k.g, "#000000", 3, first_edge ? "edge of the hypotheses" : "", arrows, arrow);
      add(term);
      if (!term.empty()) first_edge = false;  // vertical edges are arrows, without a key entry
    }
  double lo = 1e300, hi = -1e300;
  for (const checks::RangePoint& p : rc.points) lo = std::min(lo, std::stod(p.M)), hi = std::max(hi, std::stod(p.M));
  const std::string yrange = rc.points.empty() ? "[*:*]" : fmt::format("[{:.17g}:{:.17g}]", lo - 1.5, hi + 1.5);
  const char* titles[] = {"sharp", "holds, loose", "violated", "violated by a logarithm", "undecided", "holds, at a crossover (unresolved)"};
  const char* styles[] = {"pt 7 ps 1.2 lc rgb '#2ca02c'", "pt 6 ps 1.2 lc rgb '#1f77b4'", "pt 2 ps 1.6 lw 2 lc rgb '#d62728'",
                          "pt 9 ps 1.4 lc rgb '#ff7f0e'", "pt 1 ps 1.2 lc rgb '#999999'", "pt 12 ps 1.4 lc rgb '#9467bd'"};
  std::string points;
  for (int k = 0; k < 6; ++k)
    points += fmt::format("{}{} using 1:($3 == {} ? $2 : NaN) with points {} title '{}'", k == 0 ? "" : ", ", gnuplot_string(data), k, styles[k],
                          titles[k]);
  const std::string title = fmt::format("({}) {} {}: measured {}", rc.id, rc.relation, rc.stated,
                                        rc.measured.ok ? checks::format(rc.measured.formula) : std::string("(no formula)"));
  return fmt::format(
      "# The range audit of ({}) in the (beta, M) plane, written by kwe-verify.\n"
      "if (!exists(\"output_file\")) output_file = 'range_{}.svg'\n"
      "set encoding utf8\nset terminal svg size 900,600 noenhanced font 'sans,12' background rgb 'white'\nset output output_file\n"
      "set title {}\nset xlabel 'β'\nset ylabel 'M'\nset grid lc rgb '#dddddd'\nset key outside right top\nset xrange [-0.05:1.05]\n"
      "set yrange {}\nset samples 200\n{}plot {}{}\n",
      rc.id, plot_file_name(rc.id), gnuplot_string(title), yrange, arrows, points, terms);
}

}  // namespace

RangePlots write_range_plots(const checks::RangeAnalysis& range, const std::string& directory) {
  RangePlots plots;
  std::vector<std::string> failures;
  const std::string gnuplot = find_gnuplot();
  for (const checks::RangeCheck& rc : range.checks) {
    const std::string stem = "range_" + plot_file_name(rc.id);
    std::string data = fmt::format("# ({}) range audit: beta  M  class (0 sharp, 1 loose, 2 violated, 3 log, 4 undecided, 5 at a crossover)  exponent  stated\n", rc.id);
    for (const checks::RangePoint& p : rc.points)
      data += fmt::format("{} {} {} {:.17g} {:.17g}\n", p.beta, p.M, status_class(p), p.exponent, p.stated);
    write_atomically((fs::path(directory) / (stem + ".dat")).string(), data);
    write_atomically((fs::path(directory) / (stem + ".gp")).string(), script(rc, stem + ".dat"));
    if (gnuplot.empty()) continue;
    const std::string why = render_plot(gnuplot, directory, stem + ".gp", stem + ".svg");
    if (why.empty()) plots.figures.push_back({rc.id, stem + ".svg"});
    else failures.push_back(fmt::format("({}) range figure: {}", rc.id, why));
  }
  if (gnuplot.empty()) plots.note = "Not rendered: gnuplot is not on PATH; the range figures' data and scripts are written.";
  for (std::size_t i = 0; i < failures.size(); ++i) plots.note += (i == 0 ? "Not rendered: " : "; ") + failures[i];
  return plots;
}

}  // namespace kwe::reports
