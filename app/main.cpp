// kwe-verify: the command-line contract for reviewers and CI.
//   kwe-verify list [--json]
//   kwe-verify eval --quantity Q --beta B --M M --omega W [--digits D] [--data k,l,m] [--N n] [--A a] [--json]
//   kwe-verify eval --quantity F|F1 --k1 x,y,z --k2 x,y,z [--digits D] [--json]      (Lemma 2.1)
//   kwe-verify run  [--checks ids] [--beta list] [--M list] [--omega-min W] [--omega-max W]
//                   [--points-per-decade P] [--digits D] [--jobs J] [--assume ID=EXPONENT]... [--json FILE] [--report FILE]
//                   [--no-plots] [--shard K/N] [--junit FILE] [--quiet]
//   kwe-verify run  --range [--no-refine] [...]   (each check over its hypotheses: checks/range_grid.hpp)
//   kwe-verify proofs [--chains ids] [--beta list] [--M list] [--omega-min W] [--omega-max W] [--points-per-decade P]
//                   [--digits D] [--jobs J] [--json FILE] [--report FILE] [--no-plots] [--quiet]   (the proofs replayed)
//   kwe-verify merge FILES... [--json FILE] [--report FILE] [--junit FILE] [--no-plots]   (the shards of run --shard k/n)
//   kwe-verify --version
//   kwe-verify scan [--beta-min B] [--beta-max B] [--beta-step S] [--oscillating-step S] [--M M] [--omega-min W] [--omega-max W]
//                   [--points-per-decade P] [--digits D] [--jobs J] [--json FILE] [--report FILE]
// Exit codes: 0 all PASS (eval: value verified), 1 any FAIL or broken control, 2 bad usage,
// 3 any INCONCLUSIVE and none FAIL (eval: value not verified to the digits asked), 4 an output could not
// be written (nothing was replaced). The ranges of every option: app/validation.hpp, README.
#include "app/validation.hpp"
#include "checks/audit.hpp"
#include "checks/findings.hpp"
#include "checks/merge.hpp"
#include "checks/proof_replay.hpp"
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
#include "reports/proof_report.hpp"
#include "reports/range_plot.hpp"
#include "reports/progress.hpp"
#include "reports/scan_plot.hpp"
#include "reports/scan_report.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <thread>

namespace {

constexpr int exit_pass = 0, exit_fail = 1, exit_usage = 2, exit_inconclusive = 3, exit_output = 4;

using kwe::app::parse_count;

// Set by the fuzz target (fuzz/fuzz_options.cpp): stop after the arguments are validated.
bool validate_only = false;

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
  bool given_beta = false, given_omega = false, given_M = false, given_A = false, given_N = false, given_data = false;
};

// F, F1 of Lemma 2.1 at one (k1, k2), verified as the operators are.
int eval_sphere(const EvalArgs& a) {
  if (a.given_beta || a.given_omega || a.given_M || a.given_A || a.given_N || a.given_data)
    throw std::invalid_argument("quantity " + a.quantity + ": takes --k1 and --k2, not --beta, --omega, --M, --A, --N or --data");
  if (a.k1.empty() || a.k2.empty()) throw std::invalid_argument("quantity " + a.quantity + ": --k1 x,y,z and --k2 x,y,z are required");
  const unsigned digits = parse_count(a.digits, "digits", 10, 1000);
  kwe::app::validate_wave_vector(a.k1, "k1");
  kwe::app::validate_wave_vector(a.k2, "k2");
  if (validate_only) return exit_pass;
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
  if (!a.given_beta || !a.given_omega) throw std::invalid_argument("quantity " + a.quantity + ": --beta and --omega are required");
  kwe::Parameters p;
  p.beta = a.beta;
  p.M = a.M;
  p.N = a.N;
  p.A = a.A;
  p.validate();
  const unsigned digits = parse_count(a.digits, "digits", 10, 1000);
  kwe::validate_omega(a.omega);
  if (!kwe::section5_term(a.quantity)) kwe::parse_quantity(a.quantity);
  kwe::app::list_items({a.data}, "data");
  kwe::parse_data_slots(a.data);
  {
    // Options that would do nothing are refused: A enters I1 ... I6 and n0 = A n01 + n02; N enters I1, I2,
    // the envelopes and the data n02, n0; I1 ... I6 and C'^234 fix their own data.
    const bool term = kwe::section5_term(a.quantity).has_value();
    const bool n0 = ("," + a.data + ",").find(",n0,") != std::string::npos;
    const bool oscillating = n0 || a.data.find("n02") != std::string::npos;
    const bool uses_A = term || n0;
    const bool uses_N = a.quantity == "I1" || a.quantity == "I2" || a.quantity.rfind("Env", 0) == 0 || oscillating;
    const bool own_data = term || a.quantity.rfind("Cprime", 0) == 0;
    if (a.given_A && !uses_A)
      throw std::invalid_argument("A: --A " + a.A + " does nothing for " + a.quantity + "[" + a.data +
                                  "] (A enters I1 ... I6 and the datum n0 only)");
    if (a.given_N && !uses_N)
      throw std::invalid_argument("N: --N " + a.N + " does nothing for " + a.quantity + "[" + a.data +
                                  "] (N enters I1, I2, Env* and the data n02, n0 only)");
    if (a.given_data && own_data)
      throw std::invalid_argument("data: --data " + a.data + " does nothing for " + a.quantity + ", which fixes its own data");
  }
  if (validate_only) return exit_pass;
  kwe::Evaluation e = kwe::evaluate_verified(a.quantity, a.data, p, a.omega, digits);
  if (e.value == 0) e.verified = false;  // an underflow, never a verified value
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
  bool given_jobs = false;
  kwe::checks::Grid grid() const {
    kwe::app::validate_grid(omega_min, omega_max, per_decade);
    return {omega_min, omega_max, parse_count(per_decade, "points-per-decade", 1, 100)};
  }
  unsigned parsed_digits() const { return parse_count(digits, "digits", 10, 1000); }
  unsigned parsed_jobs() const {
    return given_jobs ? parse_count(jobs, "jobs", 1, 256) : std::clamp(std::thread::hardware_concurrency(), 1u, 256u);
  }
  // Refuses an output file that cannot be written, or two outputs that are one file, before any work.
  void check_outputs() const { kwe::app::validate_outputs_beside_report({{"json", json}, {"report", report}}, report, false, true); }
  // With an output on standard output, the summary goes to standard error.
  std::ostream& summary_stream() const { return json == "-" || report == "-" ? std::cerr : std::cout; }
};

struct RunArgs {
  std::vector<std::string> checks, betas{"0.3", "0.5", "0.75", "1"}, Ms{"12"}, assume;
  SweepArgs sweep{"2", "1e4", "4", "12", "", "report/results.json", "report/REPORT.md"};
  bool no_plots = false, range = false, no_refine = false, proofs = false;
  std::string shard, junit;
  bool given_betas = false, given_Ms = false, given_omega_min = false, given_omega_max = false, given_json = false, given_report = false;
};

// The warnings of options_without_effect, one line each on stderr, once the input is known to be good.
void warn(const std::vector<std::string>& warnings) {
  for (const std::string& w : warnings) std::cerr << "kwe-verify: " << w << "\n";
}

// What run and merge write from an audit: the JSON results, the JUnit file, the plots, the Markdown
// report and its HTML rendering. The report and the tables are made from the audit as the JSON states
// it (read back), so that merged shards and an unsharded run give the same files.
struct Outputs {
  std::string json, report, junit;
  bool no_plots = false;
  std::vector<kwe::checks::Finding> extra_notes;  // run --proofs: the in-proof findings, after the audit's own
};

int publish(const kwe::checks::Audit& computed, const kwe::reports::Metadata& metadata, const Outputs& out) {
  namespace fs = std::filesystem;
  const nlohmann::json first = kwe::reports::to_json(computed, kwe::checks::analyse(computed), metadata);
  const kwe::checks::Audit audit = kwe::reports::audit_from_json(first);
  kwe::checks::Findings findings = kwe::checks::analyse(audit);
  findings.notes.insert(findings.notes.end(), out.extra_notes.begin(), out.extra_notes.end());
  // With an output on standard output, the summary goes to standard error.
  (out.json == "-" || out.report == "-" || out.junit == "-" ? std::cerr : std::cout) << kwe::reports::summary_table(audit);
  // The outputs of one run are all written or none: the plots and the HTML rendering (which sit beside a
  // report file, not beside standard output) are rendered in a staging directory and committed by the
  // same write_all as the JSON, the JUnit file and the report.
  std::vector<std::pair<std::string, std::string>> files;
  std::vector<std::string> stale;
  if (!out.json.empty()) files.emplace_back(out.json, kwe::reports::to_json(audit, findings, metadata).dump(2) + "\n");
  if (!out.junit.empty()) files.emplace_back(out.junit, kwe::reports::to_junit(audit, findings));
  if (out.report == "-") files.emplace_back(out.report, kwe::reports::to_markdown(audit, findings, metadata, {}, {}));
  std::string html_note;
  if (!out.report.empty() && out.report != "-") {
    const fs::path directory = fs::absolute(out.report).parent_path();
    const kwe::reports::StagingDirectory stage(directory.string());
    const fs::path staged_plots = fs::path(stage.path()) / kwe::reports::plot_directory;
    // The plots first, so that the report links exactly those that were rendered.
    kwe::reports::Plots plots = out.no_plots ? kwe::reports::Plots{} : kwe::reports::write_plots(audit, staged_plots.string());
    if (!out.no_plots && findings.range) {
      const kwe::reports::RangePlots range = kwe::reports::write_range_plots(*findings.range, staged_plots.string());
      plots.range = range.figures;
      if (!range.note.empty()) plots.note += (plots.note.empty() ? "" : " ") + range.note;
    }
    for (const auto& [name, contents] : kwe::reports::read_files(staged_plots.string()))
      files.emplace_back((directory / kwe::reports::plot_directory / name).string(), contents);
    kwe::reports::ReportLinks links;
    std::error_code ignored;
    const fs::path scan_figure = directory / kwe::reports::plot_directory / "scan_thresholds.svg";
    if (fs::exists(directory / "SCAN.md", ignored)) links.scan_report = "SCAN.md";
    if (!links.scan_report.empty() && fs::exists(scan_figure, ignored))
      links.scan_figure = kwe::reports::plot_directory + "/scan_thresholds.svg";
    const std::string markdown = kwe::reports::to_markdown(audit, findings, metadata, plots, links);
    files.emplace_back(out.report, markdown);
    // The HTML from the staged Markdown and plots; the scan's figure (not this run's) is copied in for
    // pandoc to embed, not committed.
    const fs::path staged_report = fs::path(stage.path()) / fs::path(out.report).filename();
    kwe::reports::write_atomically(staged_report.string(), markdown);
    if (!links.scan_figure.empty()) {
      fs::create_directories(staged_plots, ignored);
      fs::copy_file(scan_figure, staged_plots / "scan_thresholds.svg", fs::copy_options::overwrite_existing, ignored);
    }
    std::string html;
    const std::string html_file = kwe::reports::html_beside(out.report);
    const std::string why = kwe::reports::render_html(staged_report.string(), "kwe-verify audit", html);
    if (why.empty()) {
      files.emplace_back(html_file, html);
    } else {
      // An HTML page of an earlier run beside the new report would show the old results.
      html_note = why;
      if (fs::is_regular_file(fs::symlink_status(html_file, ignored))) html_note += "; the previous " + fs::path(html_file).filename().string() + " is removed";
      stale.push_back(html_file);
    }
    kwe::reports::write_all(files, stale);
  } else {
    kwe::reports::write_all(files);
  }
  if (!html_note.empty()) std::cerr << "kwe-verify: " << html_note << "\n";
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
  k = parse_count(text.substr(0, slash), "shard", 1, 10000);
  n = parse_count(text.substr(slash + 1), "shard", 1, 10000);
  if (k > n) throw std::invalid_argument("shard: '" + text + "' needs 1 <= k <= n <= 10000");
}

int run(const RunArgs& a, const std::string& command) {
  kwe::checks::AuditOptions o;
  o.check_ids = kwe::app::list_of_checks(a.checks);
  o.betas = kwe::app::list_of_numbers(a.betas, "beta");
  o.Ms = kwe::app::list_of_numbers(a.Ms, "M");
  o.range = a.range;
  o.refine = !a.no_refine;
  if (a.range && (a.given_betas || a.given_Ms))
    throw std::invalid_argument("range: the range audit takes its (beta, M) from each check's hypotheses; drop --beta and --M");
  for (const std::string& beta : o.betas)
    for (const std::string& M : o.Ms) {
      kwe::Parameters p;
      p.beta = beta;
      p.M = M;
      p.validate();
    }
  if (!a.range) kwe::app::validate_hypotheses(o.check_ids, o.betas, o.Ms);
  o.digits = a.sweep.parsed_digits();
  o.grid = a.sweep.grid();
  o.jobs = a.sweep.parsed_jobs();
  for (const auto& [id, formula] : kwe::app::parse_assumptions(a.assume, o.check_ids)) o.assumed[id] = formula;
  if (!a.shard.empty()) parse_shard(a.shard, o.shard_index, o.shard_count);
  o.validate();
  // --proofs: the chains that end in the checks selected (all of them, Section 4.3's conclusion with them, for
  // the whole audit), at the run's (beta, M), w1 from 10 to the larger of 10^5 and the run's top (2 per decade,
  // 10 digits).
  kwe::checks::ProofOptions proof_options;
  if (a.proofs) {
    if (a.range) throw std::invalid_argument("proofs: --proofs replays at the run's (beta, M); it does not combine with --range");
    if (!a.shard.empty())
      throw std::invalid_argument("proofs: a shard cannot carry the in-proof findings into merge; run --proofs unsharded, or kwe-verify proofs");
    for (const kwe::checks::Chain* c : kwe::checks::select_chains({}))
      if (o.check_ids.empty() || std::find(o.check_ids.begin(), o.check_ids.end(), c->proves) != o.check_ids.end())
        proof_options.chains.push_back(c->id);
    proof_options.betas = o.betas;
    proof_options.Ms = o.Ms;
    // To 10^5 at least: below it the fits of some sups (e.g. (4.3)'s inner bound, whose ratio settles only past
    // w1 ~ 10^3) still carry the transition and leave the step undecided (measured at 10^4).
    kwe::set_working_precision(30);
    proof_options.omega_max = kwe::parse_real(a.sweep.omega_max, "omega-max") > kwe::Real("1e5") ? a.sweep.omega_max : "1e5";
    proof_options.jobs = o.jobs;
    try {
      if (!proof_options.chains.empty()) kwe::checks::validate(proof_options);
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument(std::string("proofs: ") + e.what());
    }
  }
  kwe::app::validate_outputs_beside_report({{"json", a.sweep.json}, {"report", a.sweep.report}, {"junit", a.junit}}, a.sweep.report, true,
                                           !a.no_plots);
  if (validate_only) return exit_pass;
  kwe::app::GivenOptions given;
  if (a.given_betas) given.betas = a.betas;
  if (a.given_Ms) given.Ms = a.Ms;
  if (a.given_omega_min) given.omega_min = a.sweep.omega_min;
  if (a.given_omega_max) given.omega_max = a.sweep.omega_max;
  given.no_plots = a.no_plots;
  given.report = a.sweep.report;
  warn(kwe::app::options_without_effect(o.check_ids, given));

  kwe::reports::ProgressDisplay progress(std::cerr, kwe::reports::ProgressDisplay::mode_for_stderr(a.sweep.quiet));
  progress.start_ticker();
  const kwe::checks::Audit audit = kwe::checks::run_audit(o, [&](const kwe::checks::Progress& p) { progress.update(p); });
  Outputs outputs{a.sweep.json, a.sweep.report, a.junit, a.no_plots, {}};
  if (a.proofs && proof_options.chains.empty()) warn({"--proofs: no chain of the proofs replayed ends in the checks selected"});
  if (a.proofs && !proof_options.chains.empty()) {
    if (!a.sweep.quiet) std::cerr << "kwe-verify: replaying " << proof_options.chains.size() << " proof chain(s)...\n";
    const kwe::checks::ProofReplay replay = kwe::checks::replay_proofs(proof_options);
    outputs.extra_notes = kwe::checks::proof_findings(replay);
    // A chain that ends in no check of the audit (Section 4.3's conclusion) is about the paper as a whole.
    for (kwe::checks::Finding& f : outputs.extra_notes)
      if (std::none_of(audit.results.begin(), audit.results.end(), [&](const auto& r) { return r.check->id == f.id; })) f.id.clear();
    if (!a.sweep.quiet)
      std::cerr << fmt::format("kwe-verify: {} proof steps checked in {:.0f} s, {} in-proof finding(s) in the audit notes\n", replay.steps_checked,
                               replay.seconds, outputs.extra_notes.size());
  }
  auto metadata = kwe::reports::current_metadata(command);
  metadata.jobs = o.jobs;
  return publish(audit, metadata, outputs);
}

struct ProofsArgs {
  std::vector<std::string> chains, betas{"0.3", "0.5", "0.75", "1"}, Ms{"12"};
  SweepArgs sweep{"10", "1e6", "2", "10", "", "report/proofs/proofs.json", "report/proofs/PROOFS.md"};
  bool no_plots = false;
};

// The proofs replayed (checks/proof_replay.hpp): every displayed line of the chains as a check. Exit 0 when
// every printed line holds, 1 when one is false, does not follow or is mistyped, 3 when one is undecided.
int proofs(const ProofsArgs& a, const std::string& command) {
  namespace fs = std::filesystem;
  kwe::checks::ProofOptions o;
  o.chains = kwe::app::list_of_names(a.chains, "chains");
  o.betas = kwe::app::list_of_numbers(a.betas, "beta");
  o.Ms = kwe::app::list_of_numbers(a.Ms, "M");
  kwe::app::validate_grid(a.sweep.omega_min, a.sweep.omega_max, a.sweep.per_decade);
  o.omega_min = a.sweep.omega_min;
  o.omega_max = a.sweep.omega_max;
  o.per_decade = parse_count(a.sweep.per_decade, "points-per-decade", 1, 100);
  o.digits = parse_count(a.sweep.digits, "digits", 10, 30);
  o.jobs = a.sweep.parsed_jobs();
  kwe::checks::validate(o);
  kwe::app::validate_outputs_beside_report({{"json", a.sweep.json}, {"report", a.sweep.report}}, a.sweep.report, false, !a.no_plots);
  if (validate_only) return exit_pass;
  if (!a.sweep.quiet)
    std::cerr << "kwe-verify: replaying " << kwe::checks::select_chains(o.chains).size() << " chain(s) at " << o.betas.size() * o.Ms.size()
              << " (beta, M) point(s)...\n";
  const kwe::checks::ProofReplay replay = kwe::checks::replay_proofs(o);
  auto metadata = kwe::reports::current_metadata(command);
  metadata.jobs = o.jobs;
  metadata.seconds = replay.seconds;
  std::vector<std::pair<std::string, std::string>> files;
  if (!a.sweep.json.empty()) files.emplace_back(a.sweep.json, kwe::reports::proofs_json(replay, metadata).dump(2) + "\n");
  std::optional<kwe::reports::StagingDirectory> stage;
  kwe::reports::ProofFigures figures;
  if (!a.sweep.report.empty() && a.sweep.report != "-" && !a.no_plots) {
    const fs::path directory = fs::absolute(a.sweep.report).parent_path();
    stage.emplace(directory.string());
    const fs::path staged_plots = fs::path(stage->path()) / kwe::reports::plot_directory;
    figures = kwe::reports::write_waterfalls(replay, staged_plots.string());
    for (const auto& [name, contents] : kwe::reports::read_files(staged_plots.string()))
      files.emplace_back((directory / kwe::reports::plot_directory / name).string(), contents);
  }
  if (!a.sweep.report.empty()) files.emplace_back(a.sweep.report, kwe::reports::proofs_markdown(replay, metadata, figures));
  a.sweep.summary_stream() << kwe::reports::proofs_summary(replay)
                           << fmt::format("{} steps checked in {:.0f} s\n", replay.steps_checked, replay.seconds);
  kwe::reports::write_all(files);
  bool undecided = false;
  for (const auto& c : replay.chains)
    for (const auto& s : c.steps) {
      if (s.reading) continue;
      if (s.status == "false" || s.status == "does not follow" || s.status == "typo") return exit_fail;
      undecided = undecided || s.status == "undecided";
    }
  for (const auto& records : replay.arithmetic)
    for (const auto& r : records)
      if (!r.holds) return exit_fail;
  return undecided ? exit_inconclusive : exit_pass;
}

struct MergeArgs {
  std::vector<std::string> files;
  std::string json = "report/results.json", report = "report/REPORT.md", junit;
  bool no_plots = false;
};

int merge(const MergeArgs& a, const std::string& command) {
  kwe::app::validate_outputs_beside_report({{"json", a.json}, {"report", a.report}, {"junit", a.junit}}, a.report, true, !a.no_plots);
  if (validate_only) return exit_pass;
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
  {
    kwe::app::GivenOptions given;  // once the shards are known to be good
    given.no_plots = a.no_plots;
    given.report = a.report;
    warn(kwe::app::options_without_effect({}, given));
  }
  auto metadata = kwe::reports::current_metadata(command);
  metadata.jobs = jobs;
  return publish(merged, metadata, {a.json, a.report, a.junit, a.no_plots, {}});
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
  kwe::app::validate_scan_range(a.beta_min, a.beta_max, a.beta_step, a.oscillating_step);
  {
    kwe::Parameters p;
    p.M = a.M;
    p.validate();
  }
  kwe::app::validate_scan_hypotheses(a.M);
  o.digits = a.sweep.parsed_digits();
  o.grid = a.sweep.grid();
  o.jobs = a.sweep.parsed_jobs();
  for (const std::string& beta : o.betas()) o.scans_oscillating(beta);
  o.grid.omegas();
  a.sweep.check_outputs();
  if (validate_only) return exit_pass;
  kwe::reports::ProgressDisplay progress(std::cerr, kwe::reports::ProgressDisplay::mode_for_stderr(a.sweep.quiet));
  progress.start_ticker();
  const kwe::checks::Scan s = kwe::checks::run_scan(o, [&](const kwe::checks::Progress& p) { progress.update(p); });
  const auto metadata = kwe::reports::current_metadata(command);
  // As run's outputs, all written or none: the figure is rendered in a staging directory and committed
  // with the JSON and SCAN.md.
  std::string figure;
  std::vector<std::pair<std::string, std::string>> files;
  std::optional<kwe::reports::StagingDirectory> stage;
  if (!a.sweep.report.empty() && a.sweep.report != "-") {
    namespace fs = std::filesystem;
    const fs::path directory = fs::absolute(a.sweep.report).parent_path();
    stage.emplace(directory.string());
    const fs::path staged_plots = fs::path(stage->path()) / kwe::reports::plot_directory;
    const kwe::reports::ScanFigure f = kwe::reports::write_scan_plot(s, staged_plots.string());
    for (const auto& [name, contents] : kwe::reports::read_files(staged_plots.string()))
      files.emplace_back((directory / kwe::reports::plot_directory / name).string(), contents);
    if (!f.svg.empty()) figure = kwe::reports::plot_directory + "/" + f.svg;
    else std::cerr << "kwe-verify: threshold figure not rendered: " << f.note << "\n";
  }
  const std::string markdown = kwe::reports::to_markdown(s, metadata, figure);
  a.sweep.summary_stream() << markdown;
  if (!a.sweep.json.empty()) files.emplace_back(a.sweep.json, kwe::reports::to_json(s, metadata).dump(2) + "\n");
  if (!a.sweep.report.empty()) files.emplace_back(a.sweep.report, markdown);
  kwe::reports::write_all(files);
  for (const auto& r : s.rows)
    if (!r.met) return exit_inconclusive;
  for (const auto& t : s.thresholds)
    if (!t.found || std::fabs(t.beta - t.predicted) > std::max(t.uncertainty, 1e-3)) return exit_fail;
  return exit_pass;
}

}  // namespace

#ifdef KWE_FUZZ
// The fuzz target calls this with its own arguments and validate_only set.
int kwe_main(int argc, char** argv, bool only_validate) {
  validate_only = only_validate;
#else
int main(int argc, char** argv) {
#endif
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
  // Lists are split by app/validation.cpp, which refuses empty items and duplicates.
  run_cmd->add_option("--checks", r.checks, "check ids as `list` prints them, comma-separated (default: all)")->type_name("ID,...");
  run_cmd->add_option("--beta", r.betas, "values of beta in [0, 1], comma-separated")->capture_default_str()->type_name("BETA,...");
  run_cmd->add_option("--M", r.Ms, "values of M > 0, comma-separated")->capture_default_str()->type_name("M,...");
  r.sweep.add_to(run_cmd);
  run_cmd->add_option("--assume", r.assume, "ID=EXPONENT: judge check ID against EXPONENT instead of the paper's")->type_name("ID=EXPONENT");
  run_cmd->add_flag("--no-plots", r.no_plots, "do not write the plots (by default: the directory plots/ beside the report)");
  run_cmd->add_flag("--range", r.range,
                    "the range audit: every check over its hypotheses up to their edges (Section 4: M 6.25..24, beta 0..1; Section 5: "
                    "M 10.25..24, beta 0.26..1), exponents as formulas in (beta, M); default outputs report/range/");
  run_cmd->add_flag("--no-refine", r.no_refine, "with --range: skip the second pass on and beside the crossover lines (a sharded run skips it)");
  run_cmd->add_flag("--proofs", r.proofs,
                    "also replay the proofs of the checks selected line by line (kwe-verify proofs, at the run's beta and M, w1 "
                    "to max(1e5, --omega-max)) and add their findings to the audit notes");
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

  ProofsArgs pf;
  auto* proofs_cmd = app.add_subcommand("proofs", "the proofs replayed: every displayed line of the chains a check, where each power is lost");
  std::string chain_ids;
  for (const kwe::checks::Chain& c : kwe::checks::proof_chains()) chain_ids += (chain_ids.empty() ? "" : ", ") + c.id;
  proofs_cmd->add_option("--chains", pf.chains, "chain ids, comma-separated (default: all): " + chain_ids)->type_name("ID,...");
  proofs_cmd->add_option("--beta", pf.betas, "values of beta in [0, 1], comma-separated")->capture_default_str()->type_name("BETA,...");
  proofs_cmd->add_option("--M", pf.Ms, "values of M > 0, comma-separated")->capture_default_str()->type_name("M,...");
  pf.sweep.add_to(proofs_cmd);
  proofs_cmd->add_flag("--no-plots", pf.no_plots, "do not write the waterfall figures (by default: plots/ beside the report)");
  proofs_cmd->footer("Writes PROOFS.md, proofs.json and plots/waterfall_<chain>.svg. Digits: 10..30.\n"
                     "Example: kwe-verify proofs --chains 4.3 --beta 0.5 --omega-max 1e4\n"
                     "Exit codes: 0 every printed line holds, 1 one is false, does not follow or is a typo (or its arithmetic fails), "
                     "2 bad usage, 3 one is undecided.");

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
    std::cerr << "kwe-verify: " << kwe::app::usage_message(error, argc, argv) << "\n";
    return exit_usage;
  }
  e.given_beta = eval_cmd->count("--beta") > 0;
  e.given_omega = eval_cmd->count("--omega") > 0;
  e.given_M = eval_cmd->count("--M") > 0;
  e.given_A = eval_cmd->count("--A") > 0;
  e.given_N = eval_cmd->count("--N") > 0;
  e.given_data = eval_cmd->count("--data") > 0;
  r.sweep.given_jobs = run_cmd->count("--jobs") > 0;
  sc.sweep.given_jobs = scan_cmd->count("--jobs") > 0;
  pf.sweep.given_jobs = proofs_cmd->count("--jobs") > 0;
  r.given_betas = run_cmd->count("--beta") > 0;
  r.given_Ms = run_cmd->count("--M") > 0;
  r.given_json = run_cmd->count("--json") > 0;
  r.given_report = run_cmd->count("--report") > 0;
  if (r.range && !r.given_json) r.sweep.json = "report/range/results.json";
  if (r.range && !r.given_report) r.sweep.report = "report/range/REPORT.md";
  r.given_omega_min = run_cmd->count("--omega-min") > 0;
  r.given_omega_max = run_cmd->count("--omega-max") > 0;
  try {
    if (*list_cmd) return list(list_json);
    if (*eval_cmd) return eval(e);
    if (*scan_cmd) return scan(sc, command_line(argc, argv));
    if (*merge_cmd) return merge(mg, command_line(argc, argv));
    if (*proofs_cmd) return proofs(pf, command_line(argc, argv));
    return run(r, command_line(argc, argv));
  } catch (const std::invalid_argument& error) {
    std::cerr << "kwe-verify: " << error.what() << "\n";
    return exit_usage;
  } catch (const kwe::reports::OutputError& error) {
    std::cerr << "kwe-verify: " << error.what() << " (no output was replaced)\n";
    return exit_output;
  } catch (const std::exception& error) {
    std::cerr << "kwe-verify: error: " << error.what() << "\n";
    return exit_fail;
  }
}
