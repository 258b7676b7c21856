// kwe-verify: the command-line contract for reviewers and CI.
//   kwe-verify list [--json]
//   kwe-verify eval --quantity Q --beta B --M M --omega W [--digits D] [--data k,l,m] [--N n] [--A a] [--json]
//   kwe-verify eval --quantity F|F1 --k1 x,y,z --k2 x,y,z [--digits D] [--json]      (Lemma 2.1)
//   kwe-verify run  [--checks ids] [--beta list] [--M list] [--omega-min W] [--omega-max W]
//                   [--points-per-decade P] [--digits D] [--jobs J] [--assume ID=EXPONENT]... [--json FILE] [--report FILE]
//                   [--no-plots]
//   kwe-verify scan [--beta-min B] [--beta-max B] [--beta-step S] [--oscillating-step S] [--M M] [--omega-min W] [--omega-max W]
//                   [--points-per-decade P] [--digits D] [--jobs J] [--json FILE] [--report FILE]
// Exit codes: 0 all PASS (eval: value verified), 1 any FAIL or broken control, 2 bad usage,
// 3 any INCONCLUSIVE and none FAIL (eval: value not verified to the digits asked), 4 an output could not
// be written (nothing was replaced). The ranges of every option: app/validation.hpp, README.
#include "app/validation.hpp"
#include "checks/audit.hpp"
#include "checks/registry.hpp"
#include "checks/scan.hpp"
#include "estimates/evaluation.hpp"
#include "estimates/section5_terms.hpp"
#include "estimates/sphere_evaluation.hpp"
#include "reports/json.hpp"
#include "reports/markdown.hpp"
#include "reports/output_file.hpp"
#include "reports/plots.hpp"
#include "reports/scan_report.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iostream>
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
    std::cout << fmt::format("({}) {}  [{} {} {}^({}); {}; quantity {}]\n", c.id, c.statement, kwe::checks::word(c.relation),
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

  void add_to(CLI::App* command) {
    command->add_option("--omega-min", omega_min, "smallest w1 of the sweep (> 1)")->capture_default_str();
    command->add_option("--omega-max", omega_max, "largest w1 of the sweep")->capture_default_str();
    command->add_option("--points-per-decade", per_decade, "grid density")->capture_default_str();
    command->add_option("--digits", digits, "significant digits per value")->capture_default_str();
    command->add_option("--jobs", jobs, "threads (default: all cores)");
    command->add_option("--json", json, "JSON results file ('' for none)")->capture_default_str();
    command->add_option("--report", report, "Markdown report file ('' for none)")->capture_default_str();
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
  void check_outputs() const { kwe::app::validate_outputs({{"json", json}, {"report", report}}); }
  // With an output on standard output, the summary goes to standard error.
  std::ostream& summary_stream() const { return json == "-" || report == "-" ? std::cerr : std::cout; }
};

struct RunArgs {
  std::vector<std::string> checks, betas{"0.3", "0.5", "0.75", "1"}, Ms{"12"}, assume;
  SweepArgs sweep{"2", "1e4", "4", "12", "", "report/results.json", "report/REPORT.md"};
  bool no_plots = false;
};

int run(const RunArgs& a, const std::string& command) {
  kwe::checks::AuditOptions o;
  o.check_ids = kwe::app::list_of_names(a.checks, "checks");
  for (const std::string& id : o.check_ids) kwe::checks::find_check(id);
  o.betas = kwe::app::list_of_numbers(a.betas, "beta");
  o.Ms = kwe::app::list_of_numbers(a.Ms, "M");
  for (const std::string& beta : o.betas)
    for (const std::string& M : o.Ms) {
      kwe::Parameters p;
      p.beta = beta;
      p.M = M;
      p.validate();
    }
  kwe::app::validate_hypotheses(o.check_ids, o.betas, o.Ms);
  o.digits = a.sweep.parsed_digits();
  o.grid = a.sweep.grid();
  o.jobs = a.sweep.parsed_jobs();
  for (const auto& [id, formula] : kwe::app::parse_assumptions(a.assume, o.check_ids)) o.assumed[id] = formula;
  o.validate();
  a.sweep.check_outputs();
  if (validate_only) return exit_pass;

  const kwe::checks::Audit audit = kwe::checks::run_audit(o);
  const auto metadata = kwe::reports::current_metadata(command);
  a.sweep.summary_stream() << kwe::reports::summary_table(audit);
  std::vector<std::pair<std::string, std::string>> files;
  if (!a.sweep.json.empty()) files.emplace_back(a.sweep.json, kwe::reports::to_json(audit, metadata).dump(2) + "\n");
  if (!a.sweep.report.empty()) {
    // The plots first, so that the report links exactly those that were rendered (none beside stdout).
    const kwe::reports::Plots plots = a.no_plots || a.sweep.report == "-"
                                          ? kwe::reports::Plots{}
                                          : kwe::reports::write_plots(audit, kwe::reports::plot_directory_beside(a.sweep.report));
    files.emplace_back(a.sweep.report, kwe::reports::to_markdown(audit, metadata, plots));
  }
  kwe::reports::write_all(files);
  switch (kwe::checks::overall(audit)) {
    case kwe::checks::Outcome::pass: return exit_pass;
    case kwe::checks::Outcome::fail: return exit_fail;
    case kwe::checks::Outcome::inconclusive: return exit_inconclusive;
  }
  return exit_fail;
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
  const kwe::checks::Scan s = kwe::checks::run_scan(o);
  const auto metadata = kwe::reports::current_metadata(command);
  const std::string markdown = kwe::reports::to_markdown(s, metadata);
  a.sweep.summary_stream() << markdown;
  std::vector<std::pair<std::string, std::string>> files;
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

  bool list_json = false;
  auto* list_cmd = app.add_subcommand("list", "every check: id, statement, relation, exponent, hypotheses");
  list_cmd->add_flag("--json", list_json, "print JSON");

  EvalArgs e;
  auto* eval_cmd = app.add_subcommand("eval", "one value of one quantity at one point, verified");
  eval_cmd->add_option("--quantity", e.quantity, "C, C<j>, C<j>_<i> (j in 234,134,123,124; i in 1,21,22,3), Cprime234, Cprime234_literal, Env<j>_<i>, I1..I6; or F, F1 (Lemma 2.1)")->required();
  eval_cmd->add_option("--beta", e.beta, "derivative loss, in [0, 1] (required for C quantities)");
  eval_cmd->add_option("--M", e.M, "decay of the datum <w>^(-M/2)")->capture_default_str();
  eval_cmd->add_option("--omega", e.omega, "w1 > 0 (required for C quantities)");
  eval_cmd->add_option("--k1", e.k1, "k1 = x,y,z (F, F1)");
  eval_cmd->add_option("--k2", e.k2, "k2 = x,y,z (F, F1)");
  eval_cmd->add_option("--digits", e.digits, "significant digits, 10..1000")->capture_default_str();
  eval_cmd->add_option("--data", e.data, "data of the slots k,l,m: n01, n02, n0")->capture_default_str();
  eval_cmd->add_option("--N", e.N, "frequency of n02")->capture_default_str();
  eval_cmd->add_option("--A", e.A, "amplitude of n01 in n0")->capture_default_str();
  eval_cmd->add_flag("--json", e.json, "print one JSON object");

  RunArgs r;
  auto* run_cmd = app.add_subcommand("run", "sweep, fit and judge checks; write the JSON results and the Markdown report");
  // Lists are split by app/validation.cpp, which refuses empty items and duplicates.
  run_cmd->add_option("--checks", r.checks, "check ids, comma-separated (default: all)");
  run_cmd->add_option("--beta", r.betas, "values of beta, comma-separated")->capture_default_str();
  run_cmd->add_option("--M", r.Ms, "values of M, comma-separated")->capture_default_str();
  r.sweep.add_to(run_cmd);
  run_cmd->add_option("--assume", r.assume, "ID=EXPONENT: judge check ID against EXPONENT instead of the paper's");
  run_cmd->add_flag("--no-plots", r.no_plots, "do not write the plots (by default: the directory plots/ beside the report)");

  ScanArgs sc;
  auto* scan_cmd = app.add_subcommand("scan", "the thresholds in beta of the weighted second Picard iterate (gain and full)");
  scan_cmd->add_option("--beta-min", sc.beta_min, "first beta")->capture_default_str();
  scan_cmd->add_option("--beta-max", sc.beta_max, "last beta")->capture_default_str();
  scan_cmd->add_option("--beta-step", sc.beta_step, "step in beta")->capture_default_str();
  scan_cmd->add_option("--oscillating-step", sc.oscillating_step,
                       "the oscillating term |C[n0]| is scanned at the betas that are multiples of this")->capture_default_str();
  scan_cmd->add_option("--M", sc.M, "decay of the datum")->capture_default_str();
  sc.sweep.add_to(scan_cmd);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForAllHelp& help) {
    return app.exit(help);
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
  try {
    if (*list_cmd) return list(list_json);
    if (*eval_cmd) return eval(e);
    if (*scan_cmd) return scan(sc, command_line(argc, argv));
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
