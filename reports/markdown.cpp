#include "reports/markdown.hpp"

#include "checks/registry.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

namespace kwe::reports {

namespace {

using checks::CheckResult;
using checks::Outcome;

// A table cell: the statements' |...| would end the cell.
std::string cell(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

std::string exponent_cell(const CheckResult& r) {
  return fmt::format("{} = {:.6g}{}", r.exponent.formula, r.predicted, r.assumed ? " (assumed)" : "");
}

std::string measured_cell(const CheckResult& r) {
  if (!r.fit.ok) return "—";
  return fmt::format("{:.9f} ± {:.1e}", r.fit.exponent, std::max(r.fit.uncertainty, 1e-9));
}

std::string control_cell(const CheckResult& r) {
  if (r.control.broken) return fmt::format("**BROKEN** ({} at {:.4g})", checks::to_string(r.control.outcome), r.control.exponent);
  return fmt::format("{} at {:.4g}", checks::to_string(r.control.outcome), r.control.exponent);
}

std::string verdict_cell(const CheckResult& r) {
  const std::string v = checks::to_string(r.verdict.outcome);
  return r.verdict.outcome == Outcome::pass ? v : "**" + v + "**";
}

std::string constant_cell(const CheckResult& r) {
  std::string s;
  if (r.implied_constant_lower >= 0) s += "inf " + to_decimal(r.implied_constant_lower, 4);
  if (r.implied_constant_upper >= 0) s += std::string(s.empty() ? "" : ", ") + "sup " + to_decimal(r.implied_constant_upper, 4);
  return s;
}

// The notes the numbers support, one per finding.
std::vector<std::string> audit_notes(const checks::Audit& audit) {
  std::vector<std::string> notes;
  std::map<std::pair<std::string, std::string>, std::map<std::string, const CheckResult*>> by_point;
  for (const CheckResult& r : audit.results) by_point[{r.beta, r.M}][r.check->id] = &r;
  std::set<std::pair<std::string, std::string>> seen;

  for (const CheckResult& r : audit.results) {
    const auto& c = *r.check;
    const std::string where = fmt::format("({}) at β = {}, M = {}", c.id, r.beta, r.M);
    // A note that does not depend on beta or M (k-space sups, say) is written once.
    for (const std::string& n : r.notes)
      if (seen.insert({c.id, n}).second) notes.push_back(fmt::format("{}: {}", where, n));
    if (!r.within_hypotheses)
      notes.push_back(fmt::format("{}: outside the paper's hypotheses ({}); reported for information.", where, c.hypotheses.text));
    if (r.control.broken)
      notes.push_back(fmt::format("{}: the negative control at exponent {:.4g} did not FAIL: this check cannot see a wrong exponent.", where, r.control.exponent));
    if (r.verdict.outcome == Outcome::fail)
      notes.push_back(fmt::format("{}: **violated**. {}.", where, r.verdict.reason));
    else if (r.verdict.outcome == Outcome::inconclusive)
      notes.push_back(fmt::format("{}: inconclusive: {}.", where, r.verdict.reason));
    else if (!r.verdict.sharp && c.relation != checks::Relation::both)
      notes.push_back(fmt::format("{}: holds but is not sharp: the measured exponent is {:.6f}, the stated {} = {:.6g} is loose by {:.6f}.",
                                  where, r.fit.exponent, r.exponent.formula, r.predicted, std::fabs(r.verdict.slack)));
  }
  // Points about the statements themselves, once per check.
  std::set<std::string> remarked;
  for (const CheckResult& r : audit.results)
    if (remarked.insert(r.check->id).second)
      for (const std::string& remark : r.check->remarks) notes.push_back(fmt::format("({}): {}", r.check->id, remark));
  // Does a combined statement follow from the stated exponents it cites?
  for (const auto& [point, results] : by_point) {
    for (const auto& [id, r] : results) {
      const auto& c = *r->check;
      if (c.follows_from.empty() || c.relation == checks::Relation::lower) continue;
      double stated_max = -1e300, measured_max = -1e300;
      std::string worst, measured_worst;
      bool all_measured = true;
      for (const std::string& cited : c.follows_from) {
        const checks::Check& d = checks::find_check(cited);
        if (d.relation == checks::Relation::lower) continue;
        const double stated = d.predicted.at(std::stod(point.first), std::stod(point.second));
        if (stated > stated_max) stated_max = stated, worst = cited;
        const auto found = results.find(cited);
        if (found == results.end() || !found->second->fit.ok) {
          all_measured = false;
          continue;
        }
        if (found->second->fit.exponent > measured_max) measured_max = found->second->fit.exponent, measured_worst = cited;
      }
      if (stated_max <= r->predicted + 1e-12) continue;
      std::string note = fmt::format(
          "({}) at β = {}, M = {}: the upper bounds it combines do not imply it as stated: ({}) gives exponent {:.6g} > {:.6g}.",
          c.id, point.first, point.second, worst, stated_max, r->predicted);
      if (all_measured)
        note += measured_max <= r->predicted + 1e-6
                    ? fmt::format(" The measured exponents do (largest: ({}) at {:.6f}), so ({}) holds, but its proof needs the sharper bound.",
                                  measured_worst, measured_max, c.id)
                    : fmt::format(" Nor do the measured exponents (largest: ({}) at {:.6f}).", measured_worst, measured_max);
      notes.push_back(note);
    }
  }
  return notes;
}

// A number as a fraction with denominator <= 4 when it is one to 1e-6, else in decimals.
std::string fraction(double x) {
  for (int d : {1, 2, 4}) {
    const double n = std::round(x * d);
    if (std::fabs(x * d - n) < 1e-6 * d) return d == 1 ? fmt::format("{}", static_cast<long>(n)) : fmt::format("{}/{}", static_cast<long>(n), d);
  }
  return fmt::format("{:.6f}", x);
}

// The measured exponents of one check at one M, across beta, as a line a beta + c when they are one.
std::vector<std::string> measured_formulas(const checks::Audit& audit) {
  std::vector<std::string> lines;
  std::map<std::pair<std::string, std::string>, std::vector<const CheckResult*>> groups;
  for (const CheckResult& r : audit.results)
    if (r.fit.ok && r.verdict.outcome != Outcome::inconclusive) groups[{r.check->id, r.M}].push_back(&r);
  for (const auto& [key, rs] : groups) {
    if (rs.size() < 2) continue;
    double sb = 0, sp = 0, sbb = 0, sbp = 0;
    for (const CheckResult* r : rs) {
      const double b = std::stod(r->beta), p = r->fit.exponent;
      sb += b, sp += p, sbb += b * b, sbp += b * p;
    }
    const double n = static_cast<double>(rs.size());
    const double slope = (n * sbp - sb * sp) / (n * sbb - sb * sb), intercept = (sp - slope * sb) / n;
    double residual = 0;
    for (const CheckResult* r : rs) residual = std::max(residual, std::fabs(slope * std::stod(r->beta) + intercept - r->fit.exponent));
    const CheckResult& first = *rs.front();
    const double M = std::stod(key.second);
    const double stated_slope = first.exponent.beta_coefficient;
    const double stated_intercept = first.exponent.M_coefficient * M + first.exponent.constant;
    double widest = 0;
    for (const CheckResult* r : rs) widest = std::max(widest, r->fit.uncertainty);
    if (residual > std::max(1e-5, 3 * widest)) {
      lines.push_back(fmt::format("({}) at M = {}: the measured exponents are not linear in β (residual {:.2g}).", key.first, key.second, residual));
      continue;
    }
    lines.push_back(fmt::format("({}) at M = {}: measured {}β {} {} (over {} values of β, residual {:.1e}); stated {} = {}β {} {}.",
                                key.first, key.second, fraction(slope), intercept < 0 ? "−" : "+", fraction(std::fabs(intercept)),
                                rs.size(), residual, first.exponent.formula, fraction(stated_slope), stated_intercept < 0 ? "−" : "+",
                                fraction(std::fabs(stated_intercept))));
  }
  return lines;
}

}  // namespace

std::string summary_table(const checks::Audit& audit) {
  std::ostringstream out;
  out << fmt::format("{:<5} {:<9} {:>5} {:>4}  {:>12}  {:>26}  {:>10}  {:<13} {}\n", "id", "quantity", "beta", "M",
                     "predicted", "measured", "slack", "verdict", "control");
  for (const CheckResult& r : audit.results)
    out << fmt::format("{:<5} {:<9} {:>5} {:>4}  {:>12.6g}  {:>26}  {:>10.6f}  {:<13} {}\n", r.check->id,
                       r.check->quantity, r.beta, r.M, r.predicted, measured_cell(r), r.verdict.slack,
                       checks::to_string(r.verdict.outcome), r.control.broken ? "BROKEN" : checks::to_string(r.control.outcome));
  out << fmt::format("overall: {} ({} results, {:.1f} s)\n", checks::to_string(checks::overall(audit)), audit.results.size(), audit.seconds);
  return out.str();
}

std::string to_markdown(const checks::Audit& audit, const Metadata& metadata, const Plots& plots) {
  const auto& o = audit.options;
  std::ostringstream out;
  out << "# kwe-verify: exponent audit of *On the ill-posedness of kinetic wave equations*\n\n";
  out << "## Run\n\n";
  out << fmt::format("- command: `{}`\n- source: `{}`\n- date: {}\n", metadata.command, metadata.commit, metadata.date);
  out << fmt::format("- precision: {} significant digits requested per value (relative tolerance 1e-{}), {} bits of working precision\n",
                     o.digits, o.digits, bits_for_digits(o.digits));
  out << fmt::format("- grid: w1 = {} · 10^(k/{}) up to {} ({} points per (check, β, M))\n", o.grid.omega_min, o.grid.per_decade,
                     o.grid.omega_max, o.grid.omegas().size());
  out << fmt::format("- fit: Aitken-extrapolated local log-log slopes; INCONCLUSIVE above an uncertainty of {}; negative controls at ±{} from the measured exponent\n",
                     o.tolerances.max_uncertainty, o.tolerances.control_margin);
  out << fmt::format("- overall: **{}** in {:.1f} s\n\n", checks::to_string(checks::overall(audit)), audit.seconds);

  out << "## Summary\n\n";
  out << "Measured: the exponent p̂ of w1 extrapolated from the sweep, with its uncertainty. Slack: stated − measured "
         "(positive: an upper bound with room to spare). Constant: inf/sup over the sweep of Q / w1^p.\n\n";
  out << "| id | statement | β | M | stated exponent | measured | slack | sharp | verdict | negative control | constant |\n";
  out << "|---|---|---|---|---|---|---|---|---|---|---|\n";
  for (const CheckResult& r : audit.results)
    out << fmt::format("| ({}) | {} | {} | {} | {} | {} | {:+.6f} | {} | {} | {} | {} |\n", r.check->id, cell(r.check->statement),
                       r.beta, r.M, exponent_cell(r), measured_cell(r), r.verdict.slack, r.verdict.sharp ? "yes" : "no",
                       verdict_cell(r), control_cell(r), constant_cell(r));

  const auto formulas = measured_formulas(audit);
  if (!formulas.empty()) {
    out << "\n## Measured exponents as formulas\n\n";
    out << "A least-squares line through the measured exponents of each check across β, with fractions "
           "written as such when they are within 1e-6 of one.\n\n";
    for (const std::string& line : formulas) out << "- " << line << "\n";
  }

  out << "\n## Audit notes\n\n";
  const auto notes = audit_notes(audit);
  if (notes.empty()) out << "The numbers agree with every statement as written, and every stated exponent is sharp.\n";
  for (const std::string& note : notes) out << "- " << note << "\n";
  out << "- The datum: Section 4.3 writes n01(w1) := <w1>^(-M), while f01(k) = (1+|k|^4)^(-M/4) gives <w1>^(-M/2), "
         "the datum every exponent above is computed with (and the one the stated exponents fit).\n";

  out << "\n## Comparisons\n\n";
  bool any = false;
  for (const CheckResult& r : audit.results)
    for (const auto& c : r.comparisons) {
      any = true;
      out << fmt::format("- ({}) β = {}, M = {}: {} ≤ {} {} at every point (largest ratio {} at w1 = {}).\n", r.check->id, r.beta,
                         r.M, c.comparison.lhs, c.comparison.rhs, c.holds ? "holds" : "**fails**", to_decimal(c.worst_ratio, 6),
                         c.worst_omega);
    }
  if (!any) out << "None in this run.\n";

  out << "\n## Convergence of the slopes\n\n";
  out << "The raw local slope at the top of the sweep and the last three extrapolants: how the measured exponent was reached.\n\n";
  out << "| id | β | M | last local slope | last extrapolants |\n|---|---|---|---|---|\n";
  for (const CheckResult& r : audit.results) {
    std::string tail;
    const auto& a = r.fit.extrapolants;
    for (std::size_t i = a.size() > 3 ? a.size() - 3 : 0; i < a.size(); ++i) tail += fmt::format("{}{:.10f}", tail.empty() ? "" : ", ", a[i]);
    out << fmt::format("| ({}) | {} | {} | {:.10f} | {} |\n", r.check->id, r.beta, r.M, r.fit.last_slope, tail);
  }
  out << "\n## Plots\n\n";
  if (plots.rendered.empty() && plots.note.empty()) out << "None in this run.\n";
  else
    out << fmt::format("Log-log, one per check, every β on the same axes: points are the measured |Q|, solid lines the stated "
                       "bound C·x^p with its implied constant (sup of |Q|/x^p over the sweep for ≲, inf for ≳), dashed lines "
                       "the fitted asymptote C'·x^p̂ through the last point. For ≲, points falling away below the solid line "
                       "towards large x: the exponent is loose; points touching it at the right end, the dashed line rising "
                       "above it: violated. Data (`<id>_beta<β>_M<M>.dat`) and gnuplot scripts (`<id>.gp`) are in `{}/`.\n\n",
                       plot_directory);
  for (const Plot& plot : plots.rendered) out << fmt::format("![({})]({}/{})\n\n", plot.id, plot_directory, plot.svg);
  if (!plots.note.empty()) out << plots.note << "\n";
  return out.str();
}

}  // namespace kwe::reports
