#include "reports/proof_report.hpp"

#include "reports/gnuplot.hpp"
#include "reports/output_file.hpp"
#include "reports/plots.hpp"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <map>

namespace kwe::reports {

namespace fs = std::filesystem;
using checks::ChainReplay;
using checks::ProofReplay;
using checks::StepRecord;

namespace {

// The lines the chain goes on from, in order: the quantity, then at each line the printed line or the
// reading that holds.
std::vector<const StepRecord*> used_path(const ChainReplay& c) {
  std::vector<const StepRecord*> out;
  for (const StepRecord& s : c.steps)
    if (s.used) out.push_back(&s);
  return out;
}

std::string exponent_text(const StepRecord& s) {
  if (!s.exponent_ok) return fmt::format("{:.3f} (not met)", s.exponent);
  return fmt::format("{:.3f} ± {:.3f}", s.exponent, s.uncertainty);
}

std::string cell(std::string text) {
  std::string out;
  for (char ch : text) {
    if (ch == '|') out += "\\|";
    else out += ch;
  }
  return out;
}

std::string ratio_text(const checks::RatioRecord& r) {
  if (r.decision.empty()) return "";
  std::string t = fmt::format("{} (w1^{:.3f} ± {:.3f})", r.decision, r.exponent, r.uncertainty);
  if (r.edge_unbounded) t = "unbounded as " + r.edge;
  return t;
}

std::string gp_escape(const std::string& s) { return gnuplot_string(s); }

}  // namespace

ProofFigures write_waterfalls(const ProofReplay& replay, const std::string& directory) {
  ProofFigures out;
  std::error_code ignored;
  fs::create_directories(directory, ignored);
  const std::string gnuplot = find_gnuplot();
  std::vector<std::string> failures;
  for (const checks::Chain* chain : replay.selected) {
    const std::string stem = "waterfall_" + plot_file_name(chain->id);
    std::string data = fmt::format("# ({}) the exponent of w1 along the chain: step  exponent  (one block per beta, M)\n", chain->id);
    std::vector<std::string> titles, xtics;
    double stated = NAN;
    for (const ChainReplay& c : replay.chains) {
      if (c.chain != chain) continue;
      const auto path = used_path(c);
      data += fmt::format("# beta {} M {}\n", c.beta, c.M);
      for (std::size_t k = 0; k < path.size(); ++k) data += fmt::format("{} {:.17g}\n", k, path[k]->exponent);
      data += "\n\n";
      titles.push_back(fmt::format("beta {}, M {}", c.beta, c.M));
      if (xtics.empty())
        for (std::size_t k = 0; k < path.size(); ++k) xtics.push_back(k == 0 ? "the quantity" : path[k]->label);
      if (!path.back()->claims.empty()) stated = path.back()->claimed;
    }
    std::string script =
        "set encoding utf8\nset terminal svg size 1000,560 noenhanced font 'sans,11' background rgb 'white'\nset output output_file\n";
    script += "set title " + gp_escape(fmt::format("({}) {}: exponent of w1 along the proof", chain->id, chain->title)) + "\n";
    script += "set ylabel 'exponent of w1 (each line integrated against the outer weight)'\nset grid ytics\nset key outside right top\n";
    script += "set bmargin 9\nset xtics rotate by -30\n";
    std::string tics;
    for (std::size_t k = 0; k < xtics.size(); ++k) tics += (k ? ", " : "") + gp_escape(xtics[k]) + fmt::format(" {}", k);
    script += "set xtics (" + tics + ")\n";
    script += fmt::format("set xrange [-0.3:{}]\n", xtics.empty() ? 1.0 : xtics.size() - 0.7);
    script += "plot ";
    for (std::size_t i = 0; i < titles.size(); ++i)
      script += fmt::format("{}'{}' index {} using 1:2 with steps lw 2 title {}, '{}' index {} using 1:2 with points pt 7 notitle",
                            i ? ", " : "", stem + ".dat", i, gp_escape(titles[i]), stem + ".dat", i);
    script += "\n";
    (void)stated;
    write_atomically((fs::path(directory) / (stem + ".dat")).string(), data);
    write_atomically((fs::path(directory) / (stem + ".gp")).string(), script);
    if (gnuplot.empty()) continue;
    const std::string why = render_plot(gnuplot, directory, stem + ".gp", stem + ".svg");
    if (why.empty()) out.figures.emplace_back(chain->id, stem + ".svg");
    else failures.push_back(fmt::format("({}) waterfall: {}", chain->id, why));
  }
  if (gnuplot.empty()) out.note = "Not rendered: gnuplot is not on PATH; the waterfall data and scripts are written.";
  for (std::size_t i = 0; i < failures.size(); ++i) out.note += (i == 0 ? "Not rendered: " : "; ") + failures[i];
  return out;
}

std::string proofs_markdown(const ProofReplay& replay, const Metadata& metadata, const ProofFigures& figures) {
  std::string md = "# The proofs replayed\n\n";
  md += fmt::format("Commit {}, {}; {} thread(s), {:.0f} s. Command: `{}`\n\n", metadata.commit, metadata.date, metadata.jobs,
                    metadata.seconds, metadata.command);
  const auto& o = replay.options;
  md += fmt::format(
      "Every displayed line of the chains below is evaluated as printed, as a function of w1 and (inside an inner "
      "integral) of the outer variable w3, at beta ∈ {{{}}}, M ∈ {{{}}}, w1 = {} … {} ({} per decade), {} digits. A line "
      "is compared with the line before by the sup over w3 of the ratio its relation bounds (by maximisation; bounded: "
      "its exponent in w1 ≤ {} within the fit's uncertainty), and with the quantity itself. Its exponent is that of its "
      "size: an inner line integrated against the outer weight, an outer line as it is. Slack: the exponent the step "
      "loses. Status: holds / holds, loose by Δ / does not follow (true, but not from the line before) / false / typo "
      "(as printed false or not following, while a reading of it holds; the chain goes on from the reading) / undecided.\n\n",
      fmt::join(o.betas, ", "), fmt::join(o.Ms, ", "), o.omega_min, o.omega_max, o.per_decade, o.digits, checks::kBoundedSlope);
  md += fmt::format("{} chains, {} steps checked (lines and readings × (beta, M)).\n\n", replay.selected.size(), replay.steps_checked);

  // Findings first.
  md += "## Findings\n\n";
  const std::vector<checks::Finding> findings = checks::proof_findings(replay);
  if (findings.empty()) md += "Every line holds at every point replayed.\n";
  for (const checks::Finding& f : findings)
    md += fmt::format("- {} — {}.\n", f.text, f.where.empty() ? "exact, over the hypotheses" : "at " + fmt::format("{}", fmt::join(f.where, "; ")));
  md += "\n";

  std::size_t chain_index = 0;
  for (const checks::Chain* chain : replay.selected) {
    md += fmt::format("## ({}) {} — {}\n\n", chain->id, chain->title, chain->location);
    if (!chain->inner.empty()) md += fmt::format("Outer variable: {}. Hypotheses: {}.\n\n", chain->outer.range, chain->hypotheses.text);
    for (const auto& [id, svg] : figures.figures)
      if (id == chain->id) md += fmt::format("![({}) the exponent along the chain]({}/{})\n\n", id, plot_directory, svg);
    for (const ChainReplay& c : replay.chains) {
      if (c.chain != chain) continue;
      md += fmt::format("### beta = {}, M = {}\n\n", c.beta, c.M);
      md += "| line | printed | relation | status | exponent | claims | slack added | against the line before | sup at (top w1) |\n";
      md += "|---|---|---|---|---|---|---|---|---|\n";
      for (const StepRecord& s : c.steps) {
        const std::string label = s.reading ? "↳ reading: " + s.label : s.label;
        const std::string slack = s.status == "the quantity" || s.status.empty() ? "" : fmt::format("{:+.3f}", s.slack);
        std::string claims = s.claims.empty() ? "" : fmt::format("{} = {:.3f}: {}", s.claims, s.claimed, s.claim_status);
        std::string status = s.status + (s.note.empty() ? "" : " (" + s.note + ")");
        md += fmt::format("| {} | `{}` | {} | {}{} | {} | {} | {} | {} | {} |\n", cell(label), cell(s.printed), s.relation, cell(status),
                          s.used && s.status != "the quantity" ? " ●" : "", exponent_text(s), cell(claims), slack,
                          cell(ratio_text(s.against_previous)), cell(s.against_previous.sup_at));
      }
      md += "\n";
    }
    if (!replay.arithmetic[chain_index].empty()) {
      md += "Exponent arithmetic, exact over the hypotheses (" + chain->hypotheses.text + "):\n\n";
      for (const checks::ArithmeticRecord& a : replay.arithmetic[chain_index])
        md += fmt::format("- {}: `{}` needs `{}`: {}.\n", a.label, a.printed, a.claim, a.summary);
      md += "\n";
    }
    ++chain_index;
  }
  md += "● marks the line the chain goes on from.\n";
  if (!figures.note.empty()) md += "\n" + figures.note + "\n";
  return md;
}

nlohmann::json proofs_json(const ProofReplay& replay, const Metadata& metadata) {
  nlohmann::json j;
  j["metadata"] = {{"commit", metadata.commit}, {"date", metadata.date}, {"command", metadata.command},
                   {"machine", metadata.machine}, {"jobs", metadata.jobs}, {"seconds", metadata.seconds}};
  const auto& o = replay.options;
  j["options"] = {{"chains", o.chains}, {"beta", o.betas}, {"M", o.Ms}, {"omega_min", o.omega_min}, {"omega_max", o.omega_max},
                  {"points_per_decade", o.per_decade}, {"digits", o.digits}, {"bounded_slope", checks::kBoundedSlope}};
  j["steps_checked"] = replay.steps_checked;
  nlohmann::json chains = nlohmann::json::array();
  std::size_t index = 0;
  for (const checks::Chain* chain : replay.selected) {
    nlohmann::json cj{{"id", chain->id}, {"title", chain->title}, {"location", chain->location}, {"proves", chain->proves},
                      {"lower", chain->lower}, {"outer_range", chain->outer.range}, {"hypotheses", chain->hypotheses.text}};
    nlohmann::json arithmetic = nlohmann::json::array();
    for (const checks::ArithmeticRecord& a : replay.arithmetic[index])
      arithmetic.push_back({{"label", a.label}, {"printed", a.printed}, {"claim", a.claim}, {"holds", a.holds}, {"summary", a.summary}});
    cj["arithmetic"] = arithmetic;
    nlohmann::json points = nlohmann::json::array();
    for (const ChainReplay& c : replay.chains) {
      if (c.chain != chain) continue;
      nlohmann::json steps = nlohmann::json::array();
      for (const StepRecord& s : c.steps) {
        const auto ratio = [](const checks::RatioRecord& r) {
          return nlohmann::json{{"decision", r.decision}, {"exponent", r.exponent},  {"uncertainty", r.uncertainty},
                                {"ok", r.ok},             {"edge_unbounded", r.edge_unbounded}, {"edge", r.edge},
                                {"sup_at", r.sup_at},     {"interior", r.interior}, {"log10_sup", r.log10_sup}};
        };
        steps.push_back({{"label", s.label},
                         {"printed", s.printed},
                         {"relation", s.relation},
                         {"reading", s.reading},
                         {"reading_of", s.reading_of},
                         {"inner", s.inner},
                         {"status", s.status},
                         {"note", s.note},
                         {"used", s.used},
                         {"exponent", s.exponent},
                         {"uncertainty", s.uncertainty},
                         {"exponent_ok", s.exponent_ok},
                         {"slack", s.slack},
                         {"claims", s.claims},
                         {"claimed", s.claimed},
                         {"claim_status", s.claim_status},
                         {"previous", s.previous},
                         {"against_previous", ratio(s.against_previous)},
                         {"against_quantity", ratio(s.against_quantity)},
                         {"log10_size", s.log10_size},
                         {"calls", s.calls},
                         {"met", s.met}});
      }
      points.push_back({{"beta", c.beta}, {"M", c.M}, {"omega", c.omegas}, {"steps", steps}, {"findings", c.findings}});
    }
    cj["points"] = points;
    chains.push_back(cj);
    ++index;
  }
  j["chains"] = chains;
  return j;
}

std::string proofs_summary(const ProofReplay& replay) {
  std::string out;
  for (const ChainReplay& c : replay.chains) {
    std::map<std::string, int> counts;
    for (const StepRecord& s : c.steps)
      if (!s.reading && s.status != "the quantity") ++counts[s.status.rfind("holds, loose", 0) == 0 ? "loose" : s.status];
    std::string parts;
    for (const auto& [status, n] : counts) parts += fmt::format("{}{} {}", parts.empty() ? "" : ", ", n, status);
    out += fmt::format("({}) beta {} M {}: {}\n", c.chain->id, c.beta, c.M, parts);
  }
  return out;
}

}  // namespace kwe::reports
