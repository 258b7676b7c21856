// kwe-verify: the command-line contract for reviewers and CI.
//   kwe-verify list [--json]
//   kwe-verify eval --quantity Q --beta B --M M --omega W [--digits D] [--data k,l,m] [--N n] [--A a] [--json]
//   kwe-verify eval --quantity F|F1 --k1 x,y,z --k2 x,y,z [--digits D] [--json]      (Lemma 2.1)
//   kwe-verify run  [--checks ids] [--beta list] [--M list] [--omega-min W] [--omega-max W]
//                   [--points-per-decade P] [--digits D] [--jobs J] [--assume ID=EXPONENT]... [--json FILE] [--report FILE]
//                   [--no-plots]
//   kwe-verify merge FILES... [--json FILE] [--report FILE] [--junit FILE] [--no-plots]   (the shards of run --shard k/n)
//   kwe-verify --version
//   kwe-verify scan [--beta-min B] [--beta-max B] [--beta-step S] [--oscillating-step S] [--M M] [--omega-min W] [--omega-max W]
//                   [--points-per-decade P] [--digits D] [--jobs J] [--json FILE] [--report FILE]
// Exit codes: 0 all PASS (eval: value verified), 1 any FAIL or broken control, 2 bad usage,
// 3 any INCONCLUSIVE and none FAIL (eval: value not verified to the digits asked).
#include "checks/audit.hpp"
#include "checks/findings.hpp"
#include "checks/merge.hpp"
#include "checks/registry.hpp"
#include "checks/scan.hpp"
#include "estimates/evaluation.hpp"
#include "estimates/section5_terms.hpp"
#include "estimates/sphere_evaluation.hpp"
#include "reports/html.hpp"
#include "reports/json.hpp"
#include "reports/junit.hpp"
#include "reports/markdown.hpp"
#include "reports/output_file.hpp"
#include "reports/plots.hpp"
#include "reports/progress.hpp"
#include "reports/scan_plot.hpp"
#include "reports/scan_report.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <thread>

namespace {

constexpr int exit_pass = 0, exit_fail = 1, exit_usage = 2, exit_inconclusive = 3;

// Strictly a decimal integer in range: "30", not "30.5", "3e1", "nan" or "-1".
unsigned parse_count(const std::string& text, const std::string& what) {
  if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos)
    throw std::invalid_argument(what + ": '" + text + "' is not a non-negative integer");
  return static_cast<unsigned>(std::stoul(text));
}

std::string command_line(int argc, char** argv) {
  std::string s = "kwe-verify";
  for (int i = 1; i < argc; ++i) s += std::string(" ") + argv[i];
  return s;
}

int list(bool json) {
  const auto& checks = kwe::checks::registry();
  if (json) {
    nlohmann::json all = nlohmann::json::array();
    for (const auto& c : checks) all.push_back(kwe::reports::to_json(c));
    std::cout << all.dump(2) << "\n";
    return exit_pass;
  }
  for (const auto& c : checks)
    std::cout << fmt::format("{:<12} {}  [{} {} {}^({}); {}; quantity {}]\n", c.id, c.statement, kwe::checks::word(c.relation),
                             kwe::checks::symbol(c.relation),
                             c.variable.find('+') == std::string::npos ? c.variable : "(" + c.variable + ")", c.predicted.formula, c.hypotheses.text, c.quantity);
  return exit_pass;
}

struct EvalArgs {
  std::string quantity, beta, M = "12", omega, digits = "30", data = "n01,n01,n01", N = "1", A = "1";
  std::string k1, k2;  // F, F1 only
  bool json = false;
};

// F, F1 of Lemma 2.1 at one (k1, k2), verified as the operators are.
int eval_sphere(const EvalArgs& a) {
  if (!a.beta.empty() || !a.omega.empty())
    throw std::invalid_argument("quantity " + a.quantity + ": takes --k1 and --k2, not --beta or --omega");
  if (a.k1.empty() || a.k2.empty()) throw std::invalid_argument("quantity " + a.quantity + ": --k1 x,y,z and --k2 x,y,z are required");
  const unsigned digits = parse_count(a.digits, "digits");
  const kwe::SphereEvaluation e = kwe::evaluate_sphere_verified(a.quantity, a.k1, a.k2, digits);
  if (a.json) {
    std::cout << nlohmann::json{{"quantity", e.quantity}, {"k1", e.k1}, {"k2", e.k2}, {"digits", e.digits},
                                {"value", kwe::to_decimal(e.value, digits)}, {"error", kwe::to_decimal(e.error, 3)},
                                {"l1", kwe::to_decimal(e.l1, 3)}, {"met", e.met}, {"verified", e.verified},
                                {"calls", e.calls}, {"seconds", e.seconds}}
                     .dump()
              << "\n";
  } else {
    std::cout << fmt::format("{}(k1 = ({}), k2 = ({})) = {}\n", a.quantity, a.k1, a.k2, kwe::to_decimal(e.value, digits));
    std::cout << fmt::format("error estimate {} ({} to {} digits; {} integrand calls, {:.2f} s)\n", kwe::to_decimal(e.error, 3),
                             e.verified ? "verified" : "NOT verified", digits, e.calls, e.seconds);
  }
  if (!e.verified) std::cerr << "kwe-verify: the value is not verified to " << digits << " digits\n";
  return e.verified ? exit_pass : exit_inconclusive;
}

int eval(const EvalArgs& a) {
  if (kwe::is_sphere_quantity(a.quantity)) return eval_sphere(a);
  if (!a.k1.empty() || !a.k2.empty()) throw std::invalid_argument("--k1, --k2: only for the quantities F and F1");
  if (a.beta.empty() || a.omega.empty()) throw std::invalid_argument("quantity " + a.quantity + ": --beta and --omega are required");
  kwe::Parameters p;
  p.beta = a.beta;
  p.M = a.M;
  p.N = a.N;
  p.A = a.A;
  p.validate();
  const unsigned digits = parse_count(a.digits, "digits");
  kwe::validate_digits(digits);
  kwe::validate_omega(a.omega);
  if (!kwe::section5_term(a.quantity)) kwe::parse_quantity(a.quantity);
  kwe::parse_data_slots(a.data);
  const kwe::Evaluation e = kwe::evaluate_verified(a.quantity, a.data, p, a.omega, digits);
  if (a.json) {
    std::cout << kwe::reports::to_json(e).dump() << "\n";
  } else {
    // A and N enter the terms I_k, the envelopes and the oscillating data only.
    const bool section5 = kwe::section5_term(a.quantity) || a.quantity.rfind("Env", 0) == 0 || a.data.find("n0,") != std::string::npos ||
                          a.data.find("n02") != std::string::npos || a.data.substr(a.data.size() - 3) == ",n0";
    // I1 ... I6 fix their own data (section5_terms.hpp): no slots to show.
    const bool own_data = kwe::section5_term(a.quantity) || a.quantity.rfind("Cprime", 0) == 0 || a.quantity.rfind("Env", 0) == 0;
    std::cout << fmt::format("{}{}(w1 = {}; beta = {}, M = {}{}) = {}\n", a.quantity, own_data ? "" : "[" + a.data + "]", a.omega, a.beta, a.M,
                             section5 ? fmt::format(", A = {}, N = {}", a.A, a.N) : std::string(),
                             kwe::to_decimal(e.value, digits));
    std::cout << fmt::format("error estimate {} ({} to {} digits; {} integrand calls, {:.2f} s)\n", kwe::to_decimal(e.error, 3),
                             e.verified ? "verified" : "NOT verified", digits, e.calls, e.seconds);
  }
  if (!e.verified) std::cerr << "kwe-verify: the value is not verified to " << digits << " digits\n";
  return e.verified ? exit_pass : exit_inconclusive;
}

// The options run and scan share: the grid in w1, the digits, the threads and the two output files.
struct SweepArgs {
  std::string omega_min = "2", omega_max = "1e4", per_decade = "4", digits = "12", jobs;
  std::string json, report;
  bool quiet = false;

  void add_to(CLI::App* command) {
    command->add_option("--omega-min", omega_min, "smallest w1 of the sweep, > 1")->capture_default_str()->type_name("W");
    command->add_option("--omega-max", omega_max, "largest w1 of the sweep, > omega-min (6 to 2000 grid points)")->capture_default_str()->type_name("W");
    command->add_option("--points-per-decade", per_decade, "grid density, 1..100")->capture_default_str()->type_name("INT");
    command->add_option("--digits", digits, "significant digits per value, 10..1000")->capture_default_str()->type_name("INT");
    command->add_option("--jobs", jobs, "threads, 1..256 (default: all cores)")->type_name("INT");
    command->add_option("--json", json, "JSON results file ('' for none)")->capture_default_str()->type_name("FILE");
    command->add_option("--report", report, "Markdown report file ('' for none)")->capture_default_str()->type_name("FILE");
    command->add_flag("--quiet", quiet, "no progress display on stderr");
  }
  kwe::checks::Grid grid() const { return {omega_min, omega_max, parse_count(per_decade, "points-per-decade")}; }
  unsigned parsed_digits() const { return parse_count(digits, "digits"); }
  unsigned parsed_jobs() const {
    return jobs.empty() ? std::max(1u, std::thread::hardware_concurrency()) : parse_count(jobs, "jobs");
  }
  // Refuses an output file that cannot be written, before any work.
  void check_outputs() const {
    if (!json.empty()) kwe::reports::check_writable(json);
    if (!report.empty()) kwe::reports::check_writable(report);
  }
};

struct RunArgs {
  std::vector<std::string> checks, betas{"0.3", "0.5", "0.75", "1"}, Ms{"12"}, assume;
  SweepArgs sweep{"2", "1e4", "4", "12", "", "report/results.json", "report/REPORT.md"};
  bool no_plots = false;
  std::string shard, junit;
};

// What run and merge write from an audit: the JSON results, the JUnit file, the plots, the Markdown
// report and its HTML rendering. The report and the tables are made from the audit as the JSON states
// it (read back), so that merged shards and an unsharded run give the same files.
struct Outputs {
  std::string json, report, junit;
  bool no_plots = false;
};

int publish(const kwe::checks::Audit& computed, const kwe::reports::Metadata& metadata, const Outputs& out) {
  namespace fs = std::filesystem;
  const nlohmann::json first = kwe::reports::to_json(computed, kwe::checks::analyse(computed), metadata);
  const kwe::checks::Audit audit = kwe::reports::audit_from_json(first);
  const kwe::checks::Findings findings = kwe::checks::analyse(audit);
  std::cout << kwe::reports::summary_table(audit);
  if (!out.json.empty()) kwe::reports::write_atomically(out.json, kwe::reports::to_json(audit, findings, metadata).dump(2) + "\n");
  if (!out.junit.empty()) kwe::reports::write_atomically(out.junit, kwe::reports::to_junit(audit, findings));
  if (!out.report.empty()) {
    // The plots first, so that the report links exactly those that were rendered.
    const kwe::reports::Plots plots = out.no_plots ? kwe::reports::Plots{}
                                                   : kwe::reports::write_plots(audit, kwe::reports::plot_directory_beside(out.report));
    kwe::reports::ReportLinks links;
    const fs::path directory = fs::path(out.report).parent_path();
    std::error_code ignored;
    if (fs::exists(directory / "SCAN.md", ignored)) links.scan_report = "SCAN.md";
    if (!links.scan_report.empty() && fs::exists(directory / kwe::reports::plot_directory / "scan_thresholds.svg", ignored))
      links.scan_figure = kwe::reports::plot_directory + "/scan_thresholds.svg";
    kwe::reports::write_atomically(out.report, kwe::reports::to_markdown(audit, findings, metadata, plots, links));
    const std::string why = kwe::reports::write_html(out.report, kwe::reports::html_beside(out.report), "kwe-verify audit");
    if (!why.empty()) std::cerr << "kwe-verify: " << why << "\n";
  }
  switch (kwe::checks::overall(audit)) {
    case kwe::checks::Outcome::pass: return exit_pass;
    case kwe::checks::Outcome::fail: return exit_fail;
    case kwe::checks::Outcome::inconclusive: return exit_inconclusive;
  }
  return exit_fail;
}

// "k/n" with 1 <= k <= n.
void parse_shard(const std::string& text, unsigned& k, unsigned& n) {
  const auto slash = text.find('/');
  if (slash == std::string::npos) throw std::invalid_argument("shard: '" + text + "' is not k/n, e.g. 2/4");
  k = parse_count(text.substr(0, slash), "shard");
  n = parse_count(text.substr(slash + 1), "shard");
  if (n < 1 || k < 1 || k > n || n > 10000) throw std::invalid_argument("shard: '" + text + "' needs 1 <= k <= n <= 10000");
}

int run(const RunArgs& a, const std::string& command) {
  kwe::checks::AuditOptions o;
  o.check_ids = a.checks;
  o.betas = a.betas;
  o.Ms = a.Ms;
  o.grid = a.sweep.grid();
  o.digits = a.sweep.parsed_digits();
  o.jobs = a.sweep.parsed_jobs();
  for (const std::string& item : a.assume) {
    const auto eq = item.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == item.size())
      throw std::invalid_argument("assume: '" + item + "' is not ID=EXPONENT, e.g. 4.5=2beta-1/2-M/2");
    o.assumed[item.substr(0, eq)] = item.substr(eq + 1);
  }
  if (!a.shard.empty()) parse_shard(a.shard, o.shard_index, o.shard_count);
  o.validate();
  a.sweep.check_outputs();
  if (!a.junit.empty()) kwe::reports::check_writable(a.junit);

  kwe::reports::ProgressDisplay progress(std::cerr, kwe::reports::ProgressDisplay::mode_for_stderr(a.sweep.quiet));
  progress.start_ticker();
  const kwe::checks::Audit audit = kwe::checks::run_audit(o, [&](const kwe::checks::Progress& p) { progress.update(p); });
  auto metadata = kwe::reports::current_metadata(command);
  metadata.jobs = o.jobs;
  return publish(audit, metadata, {a.sweep.json, a.sweep.report, a.junit, a.no_plots});
}

struct MergeArgs {
  std::vector<std::string> files;
  std::string json = "report/results.json", report = "report/REPORT.md", junit;
  bool no_plots = false;
};

int merge(const MergeArgs& a, const std::string& command) {
  if (!a.json.empty()) kwe::reports::check_writable(a.json);
  if (!a.report.empty()) kwe::reports::check_writable(a.report);
  if (!a.junit.empty()) kwe::reports::check_writable(a.junit);
  std::vector<kwe::checks::Audit> shards;
  unsigned jobs = 0;
  for (const std::string& file : a.files) {
    std::ifstream in(file);
    if (!in) throw std::invalid_argument("merge: cannot read '" + file + "'");
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
      throw std::invalid_argument("merge: '" + file + "' is not JSON (" + e.what() + ")");
    }
    try {
      shards.push_back(kwe::reports::audit_from_json(j));
      jobs = std::max(jobs, kwe::reports::metadata_from_json(j).jobs);
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument("merge: '" + file + "': " + e.what());
    }
  }
  const kwe::checks::Audit merged = kwe::checks::merge(shards);
  auto metadata = kwe::reports::current_metadata(command);
  metadata.jobs = jobs;
  return publish(merged, metadata, {a.json, a.report, a.junit, a.no_plots});
}

struct ScanArgs {
  std::string beta_min = "0", beta_max = "1", beta_step = "0.025", oscillating_step = "0.1", M = "12";
  SweepArgs sweep{"2", "1e4", "4", "12", "", "report/scan.json", "report/SCAN.md"};
};

// Exit 0 when every predicted threshold is found within its uncertainty (at least 10^-3), 1 when one is
// found elsewhere or not at all, 3 when some value missed its error target.
int scan(const ScanArgs& a, const std::string& command) {
  kwe::checks::ScanOptions o;
  o.beta_min = a.beta_min;
  o.beta_max = a.beta_max;
  o.beta_step = a.beta_step;
  o.oscillating_step = a.oscillating_step;
  o.M = a.M;
  o.grid = a.sweep.grid();
  o.digits = a.sweep.parsed_digits();
  kwe::validate_digits(o.digits);
  o.jobs = a.sweep.parsed_jobs();
  for (const std::string& beta : o.betas()) o.scans_oscillating(beta);
  o.grid.omegas();
  a.sweep.check_outputs();
  const kwe::checks::Scan s = kwe::checks::run_scan(o);
  const auto metadata = kwe::reports::current_metadata(command);
  std::string figure;
  if (!a.sweep.report.empty()) {
    const std::string directory = kwe::reports::plot_directory_beside(a.sweep.report);
    const kwe::reports::ScanFigure f = kwe::reports::write_scan_plot(s, directory);
    if (!f.svg.empty()) figure = kwe::reports::plot_directory + "/" + f.svg;
    else std::cerr << "kwe-verify: threshold figure not rendered: " << f.note << "\n";
  }
  const std::string markdown = kwe::reports::to_markdown(s, metadata, figure);
  std::cout << markdown;
  if (!a.sweep.json.empty()) kwe::reports::write_atomically(a.sweep.json, kwe::reports::to_json(s, metadata).dump(2) + "\n");
  if (!a.sweep.report.empty()) kwe::reports::write_atomically(a.sweep.report, markdown);
  for (const auto& r : s.rows)
    if (!r.met) return exit_inconclusive;
  for (const auto& t : s.thresholds)
    if (!t.found || std::fabs(t.beta - t.predicted) > std::max(t.uncertainty, 1e-3)) return exit_fail;
  return exit_pass;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"kwe-verify: audits the asymptotic estimates of Ampatzoglou & Léger, On the ill-posedness of kinetic wave equations"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "kwe-verify " + kwe::reports::current_metadata("").commit);
  app.footer("Example: kwe-verify run --checks 4.3 --beta 0.5 --omega-max 1e3 --digits 10\n"
             "Exit codes: 0 all PASS (eval: verified), 1 any FAIL or broken control, 2 bad usage, 3 INCONCLUSIVE (eval: not verified).\n"
             "kwe-verify SUBCOMMAND --help for each subcommand's options, ranges and exit codes.");

  bool list_json = false;
  auto* list_cmd = app.add_subcommand("list", "every check: id, statement, relation, exponent, hypotheses");
  list_cmd->add_flag("--json", list_json, "print JSON");
  list_cmd->footer("The first column is the id `run --checks` takes (\"4.2\" or \"(4.2)\").\nExample: kwe-verify list --json\nExit codes: 0.");

  EvalArgs e;
  auto* eval_cmd = app.add_subcommand("eval", "one value of one quantity at one point, verified");
  eval_cmd->add_option("--quantity", e.quantity, "C, C<j>, C<j>_<i> (j in 234,134,123,124; i in 1,21,22,3), Cprime234, Cprime234_literal, Env<j>_<i>, I1..I6; or F, F1 (Lemma 2.1)")->required()->type_name("NAME");
  eval_cmd->add_option("--beta", e.beta, "derivative loss, in [0, 1] (required for C quantities)")->type_name("BETA");
  eval_cmd->add_option("--M", e.M, "decay of the datum <w>^(-M/2), > 0")->capture_default_str()->type_name("M");
  eval_cmd->add_option("--omega", e.omega, "w1 > 0 (required for C quantities)")->type_name("W");
  eval_cmd->add_option("--k1", e.k1, "k1 = x,y,z (F, F1)")->type_name("X,Y,Z");
  eval_cmd->add_option("--k2", e.k2, "k2 = x,y,z (F, F1)")->type_name("X,Y,Z");
  eval_cmd->add_option("--digits", e.digits, "significant digits, 10..1000")->capture_default_str()->type_name("INT");
  eval_cmd->add_option("--data", e.data, "data of the slots k,l,m: n01, n02, n0")->capture_default_str()->type_name("K,L,M");
  eval_cmd->add_option("--N", e.N, "frequency of n02, > 0")->capture_default_str()->type_name("N");
  eval_cmd->add_option("--A", e.A, "amplitude of n01 in n0, > 0")->capture_default_str()->type_name("A");
  eval_cmd->add_flag("--json", e.json, "print one JSON object");
  eval_cmd->footer("Example: kwe-verify eval --quantity C234_21 --beta 0.5 --M 12 --omega 1e4 --digits 30\n"
                   "Exit codes: 0 verified (two precisions agree to 10^-D), 2 bad usage, 3 not verified.");

  RunArgs r;
  auto* run_cmd = app.add_subcommand("run", "sweep, fit and judge checks; write the JSON results and the Markdown report");
  run_cmd->add_option("--checks", r.checks, "check ids as `list` prints them, comma-separated (default: all)")->delimiter(',')->type_name("ID,...");
  run_cmd->add_option("--beta", r.betas, "values of beta in [0, 1], comma-separated")->capture_default_str()->delimiter(',')->type_name("BETA,...");
  run_cmd->add_option("--M", r.Ms, "values of M > 0, comma-separated")->capture_default_str()->delimiter(',')->type_name("M,...");
  r.sweep.add_to(run_cmd);
  run_cmd->add_option("--assume", r.assume, "ID=EXPONENT: judge check ID against EXPONENT instead of the paper's")->type_name("ID=EXPONENT");
  run_cmd->add_flag("--no-plots", r.no_plots, "do not write the plots (by default: the directory plots/ beside the report)");
  run_cmd->add_option("--shard", r.shard, "run the k-th of n deterministic slices of the (check, beta, M) results; join them with merge")->type_name("K/N");
  run_cmd->add_option("--junit", r.junit, "JUnit XML file, one test case per check")->type_name("FILE");
  run_cmd->footer("Writes the JSON results, the Markdown report, its HTML rendering (REPORT.html, with pandoc) and plots/ beside it.\n"
                  "Example: kwe-verify run --checks 4.3,4.7 --beta 0.5 --omega-max 1e3 --digits 10 --report out/REPORT.md\n"
                  "Example: kwe-verify run --shard 2/4 --json shard2.json --report ''   (then kwe-verify merge shard*.json)\n"
                  "Exit codes: 0 all PASS, 1 any FAIL or broken negative control, 2 bad usage, 3 any INCONCLUSIVE (none FAIL).");

  MergeArgs mg;
  auto* merge_cmd = app.add_subcommand("merge", "join the JSON results of run --shard k/n, k = 1..n, into one results file and one report");
  merge_cmd->add_option("files", mg.files, "the shards' JSON results files")->required()->type_name("FILE...");
  merge_cmd->add_option("--json", mg.json, "merged JSON results file ('' for none)")->capture_default_str()->type_name("FILE");
  merge_cmd->add_option("--report", mg.report, "Markdown report file ('' for none)")->capture_default_str()->type_name("FILE");
  merge_cmd->add_option("--junit", mg.junit, "JUnit XML file, one test case per check")->type_name("FILE");
  merge_cmd->add_flag("--no-plots", mg.no_plots, "do not write the plots");
  merge_cmd->footer("The merged files equal those of the unsharded run, apart from the run metadata.\n"
                    "Example: kwe-verify merge shard1.json shard2.json --json report/results.json --report report/REPORT.md\n"
                    "Exit codes: as run (0 PASS, 1 FAIL, 3 INCONCLUSIVE); 2 bad usage, a missing or mismatched shard.");

  ScanArgs sc;
  auto* scan_cmd = app.add_subcommand("scan", "the thresholds in beta of the weighted second Picard iterate (gain and full)");
  scan_cmd->add_option("--beta-min", sc.beta_min, "first beta, >= 0")->capture_default_str()->type_name("BETA");
  scan_cmd->add_option("--beta-max", sc.beta_max, "last beta, <= 1")->capture_default_str()->type_name("BETA");
  scan_cmd->add_option("--beta-step", sc.beta_step, "step in beta, > 0, at most 400 values")->capture_default_str()->type_name("STEP");
  scan_cmd->add_option("--oscillating-step", sc.oscillating_step,
                       "the oscillating term |C[n0]| is scanned at the betas that are multiples of this")->capture_default_str()->type_name("STEP");
  scan_cmd->add_option("--M", sc.M, "decay of the datum, > 0")->capture_default_str()->type_name("M");
  sc.sweep.add_to(scan_cmd);
  scan_cmd->footer("Writes SCAN.md, scan.json and plots/scan_thresholds.svg (the exponents against beta, crossings marked).\n"
                   "Example: kwe-verify scan --beta-step 0.25 --oscillating-step 1 --omega-max 1e3 --digits 10\n"
                   "Exit codes: 0 every threshold found where predicted, 1 one elsewhere or missing, 2 bad usage, 3 a value missed its error target.");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForAllHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForVersion& version) {
    return app.exit(version);
  } catch (const CLI::ParseError& error) {
    std::cerr << "kwe-verify: " << error.what() << " (see kwe-verify --help)\n";
    return exit_usage;
  }
  try {
    if (*list_cmd) return list(list_json);
    if (*eval_cmd) return eval(e);
    if (*scan_cmd) return scan(sc, command_line(argc, argv));
    if (*merge_cmd) return merge(mg, command_line(argc, argv));
    return run(r, command_line(argc, argv));
  } catch (const std::invalid_argument& error) {
    std::cerr << "kwe-verify: " << error.what() << "\n";
    return exit_usage;
  } catch (const std::exception& error) {
    std::cerr << "kwe-verify: error: " << error.what() << "\n";
    return exit_fail;
  }
}
