#include "reports/markdown.hpp"

#include "checks/provenance.hpp"
#include "checks/registry.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
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

namespace {

std::string status_symbol(checks::Status s) {
  switch (s) {
    case checks::Status::sharp: return "✅";
    case checks::Status::loose: return "☑";
    case checks::Status::violated: return "❌";
    case checks::Status::inconclusive: return "❔";
  }
  return "❔";
}

std::string status_words(const checks::EquationStatus& e) {
  switch (e.status) {
    case checks::Status::sharp: return "holds, sharp";
    case checks::Status::loose: return "holds, loose by Δ = " + e.gap;
    case checks::Status::violated: return "**violated**";
    case checks::Status::inconclusive: return "inconclusive";
  }
  return "";
}

std::string anchor(const std::string& id) {
  std::string a = "check-";
  for (char c : id) a += std::isalnum(static_cast<unsigned char>(c)) || c == '-' ? c : '-';
  return a;
}

std::string link(const std::string& id) { return id.empty() ? "the paper" : fmt::format("[({})](#{})", id, anchor(id)); }

std::string join(const std::vector<std::string>& items, const std::string& sep) {
  std::string s;
  for (const std::string& i : items) s += (s.empty() ? "" : sep) + i;
  return s;
}

const checks::Check& check_of(const checks::Audit& audit, const std::string& id) {
  for (const CheckResult& r : audit.results)
    if (r.check->id == id) return *r.check;
  return checks::find_check(id);
}

void first_screen(std::ostringstream& out, const checks::Audit& audit, const checks::Findings& f) {
  std::map<checks::Status, int> totals;
  for (const auto& e : f.equations) ++totals[e.status];
  const auto& o = audit.options;
  out << fmt::format("**Overall: {}.** {} equations: {} ✅ hold and sharp, {} ☑ hold but loose, {} ❌ violated, {} ❔ inconclusive "
                     "(β ∈ {{{}}}, M ∈ {{{}}}, w1 = {} … {}, {} digits per value).\n\n",
                     checks::to_string(checks::overall(audit)), f.equations.size(), totals[checks::Status::sharp], totals[checks::Status::loose],
                     totals[checks::Status::violated], totals[checks::Status::inconclusive], join(o.betas, ", "), join(o.Ms, ", "),
                     o.grid.omega_min, o.grid.omega_max, o.digits);
  out << "| equation | statement | status | stated exponent | measured exponent | where |\n|---|---|---|---|---|---|\n";
  for (const auto& e : f.equations) {
    const checks::Check& c = check_of(audit, e.id);
    std::string where;
    if (!e.failed.empty()) where = "fails at " + join(e.failed, "; ");
    else if (!e.inconclusive.empty()) where = "undecided at " + join(e.inconclusive, "; ");
    else where = fmt::format("all {} (β, M)", e.results);
    out << fmt::format("| {} | {} | {} {} | {} | {} | {} |\n", link(e.id), cell(c.statement), status_symbol(e.status), status_words(e),
                       c.predicted.formula, e.measured.empty() ? "—" : e.measured, where);
  }
  out << "\n✅ holds and the stated exponent is sharp · ☑ holds, the stated exponent is loose by Δ (stated − measured, a formula in β "
         "at the given M when the measured exponents lie on a line) · ❌ violated at some (β, M) · ❔ not decided (values missed their "
         "error targets, the fit is too uncertain, or a negative control did not fail).\n";
}

// Observations (where a sup is attained, how a bound's two sides compare, ...) are measurements, not
// findings about the paper: they are listed in their check's section, and the first screen keeps the findings.
bool is_observation(const checks::Finding& n) { return n.kind == "observation" && !n.id.empty(); }

void notes_section(std::ostringstream& out, const checks::Findings& f) {
  out << "\n## Audit notes\n\n";
  std::size_t findings = 0, observations = 0;
  for (const auto& n : f.notes) {
    if (is_observation(n)) {
      ++observations;
      continue;
    }
    ++findings;
    // An in-proof finding (run --proofs) says where it was found; the audit's own notes carry it in their text.
    std::string where;
    if (n.kind.rfind("in the proof", 0) == 0) where = n.where.empty() ? std::string(" — exact, over the hypotheses") : fmt::format(" — at {}", join(n.where, "; "));
    out << fmt::format("- *{}* — {}: {}{}\n", n.kind, link(n.id), n.text, where);
  }
  if (findings == 0) out << "None: the numbers agree with every statement as written.\n";
  if (observations > 0)
    out << fmt::format("\n{} further measurement{} (where a supremum is attained, the size of a term, ...) {} listed under "
                       "\"measurements\" in {} check's section below.\n",
                       observations, observations == 1 ? "" : "s", observations == 1 ? "is" : "are", observations == 1 ? "its" : "each");
}

void provenance_section(std::ostringstream& out, const checks::Audit& audit, const checks::Findings& f) {
  out << "\n## Paper ↔ code\n\n| paper | quantity | `eval --quantity` | computed in | tests |\n|---|---|---|---|---|\n";
  for (const auto& e : f.equations) {
    const checks::Check& c = check_of(audit, e.id);
    const checks::Provenance p = checks::provenance(c);
    std::vector<std::string> files;
    for (const std::string& file : p.computed_in) files.push_back("`" + file + "`");
    out << fmt::format("| ({}), Section {} | {} | {} | {} | {} |\n", c.id, c.section, cell(c.quantity),
                       p.eval_name.empty() ? "—" : "`" + cell(p.eval_name) + "`", join(files, ", "), join(p.tests, ", "));
  }
}

void check_section(std::ostringstream& out, const std::vector<const CheckResult*>& rs, const checks::EquationStatus& e,
                   const checks::Findings& f, const Plots& plots) {
  const checks::Check& c = *rs.front()->check;
  out << fmt::format("\n<a id=\"{}\"></a>\n\n### ({}) {} {}\n\n", anchor(c.id), c.id, status_symbol(e.status), cell(c.statement));
  out << fmt::format("- statement: {} — {} {}^({}) for the quantity {}\n", cell(c.statement), checks::word(c.relation), c.variable,
                     c.predicted.formula, cell(c.quantity));
  out << fmt::format("- hypotheses: {}\n", c.hypotheses.text);
  if (!c.follows_from.empty()) out << fmt::format("- said to follow from: ({})\n", join(c.follows_from, "), ("));
  out << fmt::format("- status: {} {}\n", status_symbol(e.status), status_words(e));
  for (const auto& l : f.lines)
    if (l.id == c.id && !l.measured.empty())
      out << fmt::format("- measured exponent across β at M = {}: {} (line through {} values of β, largest residual {:.1e})\n", l.M, l.measured,
                         l.line.count, l.line.residual);
  bool heading = false;
  for (const auto& n : f.notes)
    if (is_observation(n) && n.id == c.id) {
      if (!heading) out << "- measurements:\n";
      heading = true;
      out << fmt::format("  - {}\n", n.text);
    }
  out << "\n| β | M | stated exponent | measured ± uncertainty | slack | sharp | implied constant | verdict | negative control (must FAIL) |\n"
         "|---|---|---|---|---|---|---|---|---|\n";
  for (const CheckResult* r : rs)
    out << fmt::format("| {} | {} | {} | {} | {:+.6f} | {} | {} | {}{} | {} |\n", r->beta, r->M, exponent_cell(*r), measured_cell(*r),
                       r->verdict.slack, r->verdict.sharp ? "yes" : "no", constant_cell(*r), verdict_cell(*r),
                       r->within_hypotheses ? "" : " (outside the hypotheses)", control_cell(*r));
  for (const CheckResult* r : rs)
    for (const auto& cmp : r->comparisons)
      out << fmt::format("\n{} ≤ {} at β = {}, M = {}: {} at every point (largest ratio {} at {} = {}).\n", cmp.comparison.lhs,
                         cmp.comparison.rhs, r->beta, r->M, cmp.holds ? "holds" : "**fails**", to_decimal(cmp.worst_ratio, 6), c.variable,
                         cmp.worst_omega);
  out << "\nConvergence: the raw local slope at the top of the sweep and the last three Aitken extrapolants.\n\n"
         "| β | M | last local slope | last extrapolants |\n|---|---|---|---|\n";
  for (const CheckResult* r : rs) {
    std::string tail;
    const auto& a = r->fit.extrapolants;
    for (std::size_t i = a.size() > 3 ? a.size() - 3 : 0; i < a.size(); ++i) tail += fmt::format("{}{:.10f}", tail.empty() ? "" : ", ", a[i]);
    out << fmt::format("| {} | {} | {:.10f} | {} |\n", r->beta, r->M, r->fit.last_slope, tail);
  }
  for (const Plot& p : plots.panels)
    if (p.id == c.id)
      out << fmt::format("\nOne column per (β, M). Top: |Q| / {0}^p with p the stated exponent — flat when p is sharp, falling when "
                         "loose, rising when violated; the red line is the implied constant. Middle: the local slope d log|Q| / d log {0} "
                         "converging to the measured exponent (orange dashed, in its band p̂ ± u), against the stated exponent (red).{1}\n\n"
                         "![({2}) compensated quantity and local slope]({3}/{4})\n",
                         c.variable, c.comparisons.empty() ? "" : " Bottom: the ratio of the two sides of the ≤, which must stay below 1.",
                         c.id, plot_directory, p.svg);
  for (const Plot& p : plots.rendered)
    if (p.id == c.id)
      out << fmt::format("\nLog-log, every (β, M) on the same axes: points the measured |Q|, solid lines the stated bound with its implied "
                         "constant, dashed lines the fitted asymptote.\n\n![({}) log-log]({}/{})\n", c.id, plot_directory, p.svg);
}

// The range audit (checks/range.hpp): per check its measured formula and region of validity, the claims
// built from several estimates, the thresholds as curves, the findings as records.
void range_section(std::ostringstream& out, const checks::RangeAnalysis& a, const Plots& plots) {
  out << "\n## Over the hypothesis range\n\n"
         "Each check at a grid of (β, M) covering its hypotheses up to their edges. *Measured formula*: the exponents of the decided points "
         "recognised as a max of affine pieces with small rational coefficients (refused when no such formula fits within 3 uncertainties); "
         "*holds / sharp / fails*: decided exactly, in rationals, over the hypothesis polygon with the measured formula in place of the "
         "true exponent; *grid*: the verdicts at the points themselves.\n\n"
         "| check | stated | measured formula | pieces take over at | holds | sharp | fails | grid (PASS / FAIL / undecided / log) |\n"
         "|---|---|---|---|---|---|---|---|\n";
  for (const checks::RangeCheck& rc : a.checks)
    out << fmt::format("| {} | {} {} | {} | {} | {} | {} | {} | {} / {} / {} / {} |\n", link(rc.id), rc.relation, rc.stated,
                       rc.measured.ok ? checks::format(rc.measured.formula) : "— (" + cell(rc.measured.reason) + ")",
                       rc.measured.crossovers.empty() ? std::string("—") : join(rc.measured.crossovers, "; "),
                       rc.region.decided ? rc.region.holds : "—", rc.region.decided ? rc.region.sharp : "—",
                       rc.region.decided ? rc.region.fails : "—", rc.pass, rc.fail, rc.inconclusive, rc.logarithms);
  out << "\nIn one line each:\n\n";
  for (const checks::RangeCheck& rc : a.checks) {
    out << fmt::format("- {} {} {} on {}: {}{}.", link(rc.id), rc.relation, rc.stated, rc.hypotheses, rc.region.summary,
                       rc.measured_range.empty() || rc.measured_range == rc.hypotheses ? "" : " (decided on " + rc.measured_range + ")");
    for (const std::string& n : rc.notes) out << " Note: " << n << ".";
    for (const std::string& d : rc.disagreements) out << " **Grid and formula disagree**: " << d << ".";
    out << "\n";
  }
  if (!a.combined.empty()) {
    out << "\n### Claims built from several estimates\n\nEach decided exactly over the concluding estimate's hypotheses, first with the "
           "exponents as stated, then with the measured formulas in their place.\n\n"
           "| claim | with the stated exponents | decision | with the measured formulas | decision |\n|---|---|---|---|---|\n";
    for (const checks::CombinedClaim& cc : a.combined)
      out << fmt::format("| {} | `{}` | {} | {} | {} |\n", cell(cc.statement), cc.stated, cc.with_stated.summary,
                         cc.measured.empty() ? "—" : "`" + cc.measured + "`",
                         cc.with_measured ? cc.with_measured->summary : "not decided: no measured formula for " + cc.missing);
  }
  if (!a.thresholds.empty()) {
    out << "\n### Thresholds as curves in (β, M)\n\nWhere the weighted growth exponent, from the measured formulas, crosses 0.\n\n"
           "| term | from | weighted exponent | crosses 0 at | grows (exponent > 0) for | the paper's |\n|---|---|---|---|---|---|\n";
    for (const checks::ThresholdCurve& t : a.thresholds)
      out << fmt::format("| {} | {} | {} | {} | {} | {} |\n", cell(t.term), link(t.from), t.exponent.empty() ? "—" : t.exponent, t.curve,
                         t.grows.empty() ? "—" : t.grows, t.predicted);
  }
  if (!a.findings.empty()) {
    out << "\n### Findings over the range\n\n| check | kind | region of (β, M) | evidence |\n|---|---|---|---|\n";
    for (const checks::RangeFinding& f : a.findings)
      out << fmt::format("| {} | {} | {} | {} |\n", link(f.id), f.kind, f.region.empty() ? "—" : cell(f.region), cell(f.evidence));
  }
  if (!plots.range.empty()) {
    out << "\n### Figures\n\nPer check, the (β, M) plane: filled green sharp, open blue holds but loose, red cross violated, orange triangle "
           "a logarithm at the stated power, grey undecided, purple diamond holds but at a crossover the sweep does not resolve; dashed grey where one piece of the measured formula takes over, solid red where "
           "a piece meets the stated exponent.\n";
    for (const Plot& p : plots.range) out << fmt::format("\n![({}) over its hypotheses]({}/{})\n", p.id, plot_directory, p.svg);
  }
}

}  // namespace

std::string to_markdown(const checks::Audit& audit, const checks::Findings& findings, const Metadata& metadata, const Plots& plots,
                        const ReportLinks& links) {
  const auto& o = audit.options;
  std::ostringstream out;
  out << "# Does *On the ill-posedness of kinetic wave equations* hold up? An exponent audit by kwe-verify\n\n";
  first_screen(out, audit, findings);
  notes_section(out, findings);
  if (findings.range) range_section(out, *findings.range, plots);
  provenance_section(out, audit, findings);

  out << "\n## Checks\n\nMeasured: the exponent p̂ extrapolated from the sweep, with its uncertainty u. Slack: stated − measured "
         "(positive: an upper bound with room to spare). Implied constant: inf/sup over the sweep of |Q| / x^p. Negative control: the "
         "same fit judged against an exponent wrong by ±" << o.tolerances.control_margin << " must FAIL (FAIL there is the expected "
         "outcome; BROKEN would mean the check cannot see a wrong exponent).\n";
  std::vector<std::vector<const CheckResult*>> groups;
  for (const CheckResult& r : audit.results) {
    auto g = std::find_if(groups.begin(), groups.end(), [&](const auto& x) { return x.front()->check->id == r.check->id; });
    if (g == groups.end()) groups.push_back({&r});
    else g->push_back(&r);
  }
  for (std::size_t i = 0; i < groups.size(); ++i) check_section(out, groups[i], findings.equations[i], findings, plots);
  if (!plots.note.empty()) out << "\n" << plots.note << "\n";
  if (plots.rendered.empty() && plots.panels.empty() && plots.note.empty()) out << "\nNo plots in this run (`--no-plots`).\n";

  out << "\n## Thresholds in β\n\n";
  if (!links.scan_report.empty()) {
    out << fmt::format("The threshold scan (`kwe-verify scan`): [{}]({}).\n", links.scan_report, links.scan_report);
    if (!links.scan_figure.empty()) out << fmt::format("\n![growth exponents against β]({})\n", links.scan_figure);
  } else {
    out << "No threshold scan beside this report: `kwe-verify scan` writes one (SCAN.md, with its figure), which this report links "
           "when it is there.\n";
  }

  out << "\n" << metadata_heading << "\n\n";
  out << fmt::format("- reproduce: `{}`\n- command: `{}`\n- source: `{}`\n- date: {}\n- machine: {}, {} threads\n- wall time: {:.1f} s\n",
                     reproduce_command(o), metadata.command, metadata.commit, metadata.date, metadata.machine, metadata.jobs, audit.seconds);
  out << fmt::format("- precision: {} significant digits requested per value (relative tolerance 1e-{}), {} bits of working precision\n",
                     o.digits, o.digits, bits_for_digits(o.digits));
  out << fmt::format("- grid: w1 = {} · 10^(k/{}) up to {} ({} points per (check, β, M))\n", o.grid.omega_min, o.grid.per_decade,
                     o.grid.omega_max, o.grid.omegas().size());
  out << fmt::format("- fit: Aitken-extrapolated local log-log slopes; INCONCLUSIVE above an uncertainty of {}\n", o.tolerances.max_uncertainty);
  return out.str();
}

}  // namespace kwe::reports
