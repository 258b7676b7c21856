#include "reports/plots.hpp"

#include "reports/gnuplot.hpp"
#include "reports/output_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace kwe::reports {

namespace {

namespace fs = std::filesystem;
using checks::CheckResult;
using checks::Relation;

// The check ids are equation numbers ("4.3", "5.7-display", "R1.4") and β, M decimals typed by the
// reviewer: whatever else a filesystem or a Markdown link would trip on becomes '_'.
std::string safe_name(const std::string& text) {
  std::string out;
  for (char c : text) out += std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_' ? c : '_';
  return out;
}

std::string data_file(const CheckResult& r) { return safe_name(fmt::format("{}_beta{}_M{}", r.check->id, r.beta, r.M)) + ".dat"; }

std::string data_text(const CheckResult& r) {
  std::string text = fmt::format("# ({}) {}\n# beta = {}, M = {}\n# {}  |{}|  error estimate\n", r.check->id, r.check->statement, r.beta,
                                 r.M, r.check->variable, r.check->quantity);
  // to_decimal counts the digits after the point: 16 of them are the 17 significant digits that
  // round-trip a double, all that gnuplot reads.
  for (const checks::SweepPoint& p : r.series)
    text += fmt::format("{} {} {}\n", to_decimal(p.omega, 17), to_decimal(abs(p.value), 17), to_decimal(p.error, 17));
  return text;
}

// A line through the log-log plane, ln C + p ln x: written with ln C so that gnuplot, which computes in
// doubles, never sees C itself (at M = 12 and x = 10^6 the values are 10^-70 and C can be far out).
struct Line {
  Real constant;
  double exponent = 0;
  std::string title;
};

std::string plot_term(const Line& line, int colour, bool dashed) {
  return fmt::format("exp({:.17g} + ({:.17g})*log(x)) with lines lw 1.5 dt {} lc {} title {}", static_cast<double>(log(line.constant)),
                     line.exponent, dashed ? 2 : 1, colour, gnuplot_string(line.title));
}

// The stated bound with its implied constant: the sup of |Q|/x^p touches the points from above, the inf
// from below. A constant of -1 (not computed for this relation) or 0 (no nonzero value) draws nothing.
std::vector<Line> stated_lines(const CheckResult& r) {
  std::vector<Line> lines;
  const std::string x = r.check->variable;
  if (r.implied_constant_upper > 0)
    lines.push_back({r.implied_constant_upper, r.predicted, fmt::format("  stated ≲ {}·{}^({:.6g})", to_decimal(r.implied_constant_upper, 2), x, r.predicted)});
  if (r.implied_constant_lower > 0)
    lines.push_back({r.implied_constant_lower, r.predicted, fmt::format("  stated ≳ {}·{}^({:.6g})", to_decimal(r.implied_constant_lower, 2), x, r.predicted)});
  return lines;
}

// C'·x^p̂ through the last nonzero point: how the measured exponent continues the data.
std::vector<Line> fitted_line(const CheckResult& r) {
  if (!r.fit.ok) return {};
  for (auto p = r.series.rbegin(); p != r.series.rend(); ++p) {
    if (p->value == 0) continue;
    const Real constant = abs(p->value) / pow(p->omega, Real(r.fit.exponent));
    return {{constant, r.fit.exponent,
             fmt::format("  fit {}·{}^({:.6f} ± {:.1e})", to_decimal(constant, 2), r.check->variable, r.fit.exponent, std::max(r.fit.uncertainty, 1e-9))}};
  }
  return {};
}

bool has_nonzero_value(const CheckResult& r) {
  for (const checks::SweepPoint& p : r.series)
    if (p.value != 0) return true;
  return false;
}

// The gnuplot script of one check: every (β, M) of it in its own colour, points, solid and dashed.
std::string script_text(const std::string& svg, const std::vector<const CheckResult*>& results) {
  const checks::Check& c = *results.front()->check;
  std::string s = fmt::format(
      "# ({}) {}: {} on log-log axes, written by kwe-verify.\n"
      "# Points: measured |{}|. Solid: the stated bound C·{}^p, C its implied constant over the sweep.\n"
      "# Dashed: the fitted asymptote C'·{}^p̂ through the last point.\n"
      "if (!exists(\"output_file\")) output_file = {}\n"
      "set encoding utf8\n"
      "set terminal svg size 1150,650 noenhanced font 'sans,12' background rgb 'white'\n"
      "set output output_file\n"
      "set title {}\n"
      "set xlabel {}\nset ylabel {}\n"
      "set logscale xy\nset format x '%g'\nset format y '%.0e'\nset grid xtics ytics mxtics mytics lc rgb '#dddddd'\n"
      "set key outside right top vertical Left reverse samplen 3 font 'sans,10'\n"
      "set samples 200\n",
      c.id, c.statement, c.quantity, c.quantity, c.variable, c.variable, gnuplot_string(svg),
      gnuplot_string(fmt::format("({}) {}", c.id, c.statement)), gnuplot_string(c.variable), gnuplot_string("|" + c.quantity + "|"));
  std::vector<std::string> terms;
  int colour = 0;
  for (const CheckResult* r : results) {
    if (!has_nonzero_value(*r)) continue;  // a log axis has no room for zeros
    ++colour;
    terms.push_back(fmt::format("{} using 1:2 with points pt 7 ps 0.7 lc {} title {}", gnuplot_string(data_file(*r)), colour,
                                gnuplot_string(fmt::format("β = {}, M = {}", r->beta, r->M))));
    for (const Line& line : stated_lines(*r)) terms.push_back(plot_term(line, colour, false));
    for (const Line& line : fitted_line(*r)) terms.push_back(plot_term(line, colour, true));
  }
  if (terms.empty()) return s + "# No nonzero value: nothing to plot on log axes.\n";
  s += "plot ";
  for (std::size_t i = 0; i < terms.size(); ++i) s += (i == 0 ? "" : ", \\\n     ") + terms[i];
  return s + "\n";
}

// The results of each check id, in the audit's order.
std::vector<std::vector<const CheckResult*>> by_check(const checks::Audit& audit) {
  std::vector<std::vector<const CheckResult*>> groups;
  for (const CheckResult& r : audit.results) {
    auto group = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.front()->check->id == r.check->id; });
    if (group == groups.end()) groups.push_back({&r});
    else group->push_back(&r);
  }
  return groups;
}

// Renders `script` into `svg`: gnuplot's SVG is read from a pipe and written by write_atomically, so a
// failed or interrupted gnuplot leaves the previous plot (or none) rather than half an SVG, and a write
// that fails (a full disk) throws OutputError instead of becoming a plot "not rendered". Returns why
// gnuplot failed, or empty.
std::string render(const std::string& gnuplot, const fs::path& directory, const std::string& script, const std::string& svg) {
  const GnuplotRun run = run_gnuplot(gnuplot, directory.string(), script);
  if (!run.ok) return run.message;
  write_atomically((directory / svg).string(), run.output);
  return {};
}

std::string stem_of(const CheckResult& r) { return safe_name(fmt::format("{}_beta{}_M{}", r.check->id, r.beta, r.M)); }

// Q / x^p with p the stated exponent (computed in MPFR: Q alone may be far below what a double holds),
// the local slopes at the geometric midpoints with the Aitken extrapolants aligned to them, and for the
// "≤" rows the ratio of the two sides.
std::string compensated_text(const CheckResult& r) {
  std::string text = fmt::format("# ({}) beta = {}, M = {}: {}  |{}| / {}^({})\n", r.check->id, r.beta, r.M, r.check->variable, r.check->quantity,
                                 r.check->variable, r.predicted);
  for (const checks::SweepPoint& p : r.series)
    if (p.value != 0) text += fmt::format("{} {}\n", to_decimal(p.omega, 17), to_decimal(Real(abs(p.value) / pow(p.omega, Real(r.predicted))), 17));
  return text;
}

std::string slopes_text(const CheckResult& r) {
  std::string text = fmt::format("# ({}) beta = {}, M = {}: midpoint  local slope  Aitken extrapolant (NaN: none)\n", r.check->id, r.beta, r.M);
  const auto& s = r.fit.local_slopes;
  for (std::size_t k = 0; k < s.size() && k + 1 < r.series.size(); ++k) {
    const Real mid = sqrt(Real(r.series[k].omega * r.series[k + 1].omega));
    const std::string extrapolant = k >= 2 && k - 2 < r.fit.extrapolants.size() ? fmt::format("{:.17g}", r.fit.extrapolants[k - 2]) : "NaN";
    text += fmt::format("{} {:.17g} {}\n", to_decimal(mid, 17), s[k], extrapolant);
  }
  return text;
}

std::string ratio_text(const CheckResult& r) {
  std::string text;
  for (const auto& c : r.comparisons) {
    text += fmt::format("# ({}) beta = {}, M = {}: w1  {} / {}\n", r.check->id, r.beta, r.M, c.comparison.lhs, c.comparison.rhs);
    for (std::size_t i = 0; i < c.ratios.size() && i < r.series.size(); ++i)
      text += fmt::format("{} {}\n", to_decimal(r.series[i].omega, 17), to_decimal(c.ratios[i], 17));
    text += "\n\n";  // one gnuplot index per comparison
  }
  return text;
}

// One column per (β, M): the compensated quantity on top (flat when the stated exponent is sharp, falling
// when loose, rising when violated), the local slope below it converging to the measured exponent, with
// the stated exponent as a solid line and the extrapolated value as a dashed line in its band, and for
// the "≤" rows the ratio of the two sides at the bottom.
std::string panels_script(const std::string& svg, const std::vector<const CheckResult*>& results) {
  const checks::Check& c = *results.front()->check;
  const bool ratio = !c.comparisons.empty();
  const std::size_t columns = results.size(), rows = ratio ? 3 : 2;
  std::string s = fmt::format(
      "# ({}) {}: compensated quantity and local slope per beta, written by kwe-verify.\n"
      "if (!exists(\"output_file\")) output_file = {}\n"
      "set encoding utf8\n"
      "set terminal svg size {},{} noenhanced font 'sans,11' background rgb 'white'\n"
      "set output output_file\n"
      "set multiplot layout {},{} title {}\n"
      "set logscale x\nset format x '%g'\nset grid xtics ytics lc rgb '#dddddd'\nset key bottom left font 'sans,9'\nset samples 200\n",
      c.id, c.statement, gnuplot_string(svg), std::max<std::size_t>(460 * columns, 700), 330 * rows, rows, columns,
      gnuplot_string(fmt::format("({}) {}", c.id, c.statement)));
  const std::string x = c.variable;
  for (const CheckResult* r : results) {
    const std::string stem = stem_of(*r);
    s += fmt::format("set autoscale x\nset autoscale y\nset key bottom left\nset title {}\nset logscale y\nset format y '%.1e'\nset xlabel {}\nset ylabel {}\n",
                     gnuplot_string(fmt::format("β = {}, M = {}: |Q| / {}^p, p = {} = {:.6g}", r->beta, r->M, x, r->exponent.formula, r->predicted)),
                     gnuplot_string(x), gnuplot_string(fmt::format("|{}| / {}^p", c.quantity, x)));
    if (has_nonzero_value(*r)) {
      std::string constant;
      if (r->implied_constant_upper > 0)
        constant += fmt::format(", {:.17g} with lines lw 1.5 lc rgb '#d62728' title 'implied constant (sup)'", static_cast<double>(r->implied_constant_upper));
      if (r->implied_constant_lower > 0)
        constant += fmt::format(", {:.17g} with lines lw 1.5 dt 2 lc rgb '#d62728' title 'implied constant (inf)'", static_cast<double>(r->implied_constant_lower));
      s += fmt::format("plot {} using 1:2 with linespoints pt 7 ps 0.6 lc rgb '#1f77b4' title 'measured'{}\n",
                       gnuplot_string(stem + ".compensated.dat"), constant);
    } else {
      s += "set label 1 'no nonzero value' at graph 0.3,0.5\nplot NaN notitle\nunset label 1\n";
    }
  }
  for (const CheckResult* r : results) {
    const std::string stem = stem_of(*r);
    const double u = std::max(r->fit.uncertainty, 1e-9);
    if (r->series.size() >= 2)
      s += fmt::format("set xrange [{:.17g}:{:.17g}]\n", static_cast<double>(r->series.front().omega), static_cast<double>(r->series.back().omega));
    // The stated and the measured exponent with room around them: early slopes far off do not squash them.
    const double low = r->fit.ok ? std::min(r->predicted, r->fit.exponent) : r->predicted,
                 high = r->fit.ok ? std::max(r->predicted, r->fit.exponent) : r->predicted, room = 0.5 + 0.3 * (high - low);
    s += fmt::format("set yrange [{:.17g}:{:.17g}]\nset key top right\n", low - room, high + room);
    s += fmt::format("set title {}\nunset logscale y\nset format y '%.3f'\nset ylabel 'local slope'\n",
                     gnuplot_string(r->fit.ok ? fmt::format("measured p̂ = {:.6f} ± {:.1e}, stated p = {:.6g}", r->fit.exponent, u, r->predicted)
                                              : fmt::format("no fit; stated p = {:.6g}", r->predicted)));
    std::string terms = fmt::format("{} using 1:2 with linespoints pt 7 ps 0.6 lc rgb '#1f77b4' title 'local slope', "
                                    "{} using 1:3 with points pt 6 ps 0.9 lc rgb '#2ca02c' title 'Aitken extrapolant', "
                                    "{:.17g} with lines lw 1.5 lc rgb '#d62728' title 'stated exponent'",
                                    gnuplot_string(stem + ".slopes.dat"), gnuplot_string(stem + ".slopes.dat"), r->predicted);
    if (r->fit.ok)
      terms = fmt::format("'+' using 1:({:.17g}):({:.17g}) with filledcurves fc rgb '#ff7f0e' fs transparent solid 0.3 noborder title 'p̂ ± u', ",
                          r->fit.exponent - u, r->fit.exponent + u) +
              terms + fmt::format(", {:.17g} with lines lw 1.5 dt 2 lc rgb '#ff7f0e' title 'extrapolated p̂'", r->fit.exponent);
    s += "plot " + terms + "\n";
  }
  if (ratio)
    for (const CheckResult* r : results) {
      s += fmt::format("set autoscale x\nset autoscale y\nset title {}\nset format y '%.3f'\nset ylabel 'lhs / rhs'\n",
                       gnuplot_string(fmt::format("{} / {} (≤ holds below 1)", c.comparisons.front().lhs, c.comparisons.front().rhs)));
      s += fmt::format("plot {} index 0 using 1:2 with linespoints pt 7 ps 0.6 lc rgb '#9467bd' title 'ratio', 1 with lines lc rgb '#d62728' title '1'\n",
                       gnuplot_string(stem_of(*r) + ".ratio.dat"));
    }
  return s + "unset multiplot\n";
}

}  // namespace

std::string plot_file_name(const std::string& text) { return safe_name(text); }

std::string render_plot(const std::string& gnuplot, const std::string& directory, const std::string& script, const std::string& svg) {
  return render(gnuplot, directory, script, svg);
}

std::string plot_directory_beside(const std::string& report) { return (fs::path(report).parent_path() / plot_directory).string(); }

Plots write_plots(const checks::Audit& audit, const std::string& directory) {
  Plots plots;
  if (audit.options.range) {
    // Dozens of (β, M) per check: the range figures (reports/range_plot.hpp) replace the per-point plots.
    plots.note = "The range audit draws one (β, M) figure per check instead of the per-(β, M) plots: `kwe-verify run --checks ID --beta B --M M` "
                 "draws those for one point.";
    return plots;
  }
  std::vector<std::string> failures;
  try {
    const std::string gnuplot = find_gnuplot();
    for (const auto& results : by_check(audit)) {
      for (const CheckResult* r : results) write_atomically((fs::path(directory) / data_file(*r)).string(), data_text(*r));
      const std::string& id = results.front()->check->id;
      const std::string stem = safe_name(id), svg = stem + ".svg";
      write_atomically((fs::path(directory) / (stem + ".gp")).string(), script_text(svg, results));
      for (const CheckResult* r : results) {
        write_atomically((fs::path(directory) / (stem_of(*r) + ".compensated.dat")).string(), compensated_text(*r));
        write_atomically((fs::path(directory) / (stem_of(*r) + ".slopes.dat")).string(), slopes_text(*r));
        if (!r->comparisons.empty()) write_atomically((fs::path(directory) / (stem_of(*r) + ".ratio.dat")).string(), ratio_text(*r));
      }
      write_atomically((fs::path(directory) / (stem + "_panels.gp")).string(), panels_script(stem + "_panels.svg", results));
      if (gnuplot.empty()) continue;
      if (std::none_of(results.begin(), results.end(), [](const CheckResult* r) { return has_nonzero_value(*r); })) {
        failures.push_back(fmt::format("({}) has no nonzero value to plot", id));
        continue;
      }
      const std::string why = render(gnuplot, directory, stem + ".gp", svg);
      if (why.empty()) plots.rendered.push_back({id, svg});
      else failures.push_back(fmt::format("({}): {}", id, why));
      const std::string panels = stem + "_panels.svg";
      const std::string why_panels = render(gnuplot, directory, stem + "_panels.gp", panels);
      if (why_panels.empty()) plots.panels.push_back({id, panels});
      else failures.push_back(fmt::format("({}) panels: {}", id, why_panels));
    }
    if (gnuplot.empty())
      plots.note = fmt::format("Not rendered: gnuplot is not on PATH; the data and the gnuplot scripts are in `{}/`.", plot_directory);
  } catch (const OutputError&) {
    throw;
  } catch (const std::exception& error) {
    failures.push_back(error.what());
  }
  if (!failures.empty()) {
    plots.note += fmt::format("{}Not rendered: ", plots.note.empty() ? "" : " ");
    for (std::size_t i = 0; i < failures.size(); ++i) plots.note += (i == 0 ? "" : "; ") + failures[i];
    plots.note += ".";
  }
  return plots;
}

}  // namespace kwe::reports
