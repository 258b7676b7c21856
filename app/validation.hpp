// The command line's input rules, in one place: every range kwe-verify accepts (README, "The
// command-line program"), checked before any computation; a bad value is refused with one message that
// names the option, the value and what is allowed (std::invalid_argument: exit 2).
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace kwe::app {

// Strictly a decimal integer in [lo, hi]: "30", not "30.5", "3e1", "nan", "-1" or "".
unsigned parse_count(const std::string& text, const std::string& what, unsigned lo, unsigned hi);

// The items of a comma-separated list option (given once or several times): no empty item
// ("0.5,", ",0.5", "0.5,,0.3", ""), no item twice.
// Numbers are compared by value ("0.5" and "0.50" are the same beta).
std::vector<std::string> list_items(const std::vector<std::string>& given, const std::string& what);  // duplicates allowed
std::vector<std::string> list_of_numbers(const std::vector<std::string>& given, const std::string& what);
std::vector<std::string> list_of_names(const std::vector<std::string>& given, const std::string& what);
// --checks: known check ids, "(4.3)" and "4.3" the same id; returned as the registry spells them
// ("4.3"), each once.
std::vector<std::string> list_of_checks(const std::vector<std::string>& given);

// w1 grid: omega-min in (1, 1e15], omega-max in (omega-min, 1e15], points-per-decade in [1, 100],
// and between 6 and 2000 points in all.
void validate_grid(const std::string& omega_min, const std::string& omega_max, const std::string& per_decade);

// scan: 0 <= beta-min < beta-max <= 1, beta-step in (0, beta-max - beta-min] with at most 400 values,
// oscillating-step in (0, 1].
void validate_scan_range(const std::string& beta_min, const std::string& beta_max, const std::string& beta_step,
                         const std::string& oscillating_step);

// scan: M > 10, the hypothesis of Theorem 5.1 (the oscillating term; Theorem 4.2, the gain, needs M > 6).
void validate_scan_hypotheses(const std::string& M);

// Output files of one run: each resolvable and writable (reports/output_file.hpp), and no two the same
// file (after following links). '' means none.
void validate_outputs(const std::vector<std::pair<std::string, std::string>>& option_and_path);

// validate_outputs, plus what is written beside a report file (not '-'): its HTML rendering
// (`report` with .html, when `html`) and the plots directory `plots/` (when `plots`), which must be (or
// become) a writable directory that no other output names. A report named like its own HTML
// rendering (r.html) is refused.
void validate_outputs_beside_report(std::vector<std::pair<std::string, std::string>> option_and_path, const std::string& report,
                                    bool html, bool plots);

// Every selected check's hypotheses hold at every (beta, M) (Section 4: M > 6; Section 5: M > 10,
// beta in (1/4, 1]): a check is not run where its statement does not apply.
void validate_hypotheses(const std::vector<std::string>& check_ids, const std::vector<std::string>& betas,
                         const std::vector<std::string>& Ms);

// --assume ID=EXPONENT: a known check among those run (`check_ids` as list_of_checks returns them; empty:
// all), given once ("(4.3)" and "4.3" are one check), with a finite exponent. Returns (id, exponent)
// pairs, the id as the registry spells it.
std::vector<std::pair<std::string, std::string>> parse_assumptions(const std::vector<std::string>& assume,
                                                                  const std::vector<std::string>& check_ids);

// The options of run (and merge) given on the command line that change nothing, one line each for
// stderr, "warning: --OPTION VALUE does nothing ...: why": --beta or --M when no selected check involves
// β and M (Lemma 2.1's F, F1), --omega-min or --omega-max when every selected check sweeps its own
// variable instead of w1 ((2.1), (A)), --no-plots without a report file. The run goes ahead, its
// outputs as without them. (eval refuses such options instead: there one value would be printed
// beside a parameter it does not depend on.)
struct GivenOptions {
  std::vector<std::string> betas, Ms;  // as given (empty: not given)
  std::string omega_min, omega_max;    // as given (empty: not given)
  bool no_plots = false;
  std::string report;  // the report file ('' none, '-' standard output)
};
std::vector<std::string> options_without_effect(const std::vector<std::string>& check_ids, const GivenOptions& given);

// k = x,y,z with every component in [-1e6, 1e6] (Lemma 2.1's F, F1).
void validate_wave_vector(const std::string& text, const std::string& what);

// One line in kwe-verify's words for CLI11's parse errors (the option named, the value quoted).
std::string usage_message(const CLI::ParseError& error, int argc, const char* const* argv);

}  // namespace kwe::app
