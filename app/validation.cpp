#include "app/validation.hpp"

#include "checks/exponent.hpp"
#include "checks/registry.hpp"
#include "estimates/evaluation.hpp"
#include "estimates/parameters.hpp"
#include "estimates/vec3.hpp"
#include "reports/html.hpp"
#include "reports/output_file.hpp"
#include "reports/plots.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>

namespace kwe::app {

namespace {
std::string interval(unsigned lo, unsigned hi) { return "[" + std::to_string(lo) + ", " + std::to_string(hi) + "]"; }

std::vector<std::string> split(const std::vector<std::string>& given, const std::string& what) {
  std::vector<std::string> items;
  for (const std::string& text : given) {
    std::size_t start = 0;
    while (true) {
      const std::size_t comma = text.find(',', start);
      const std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      if (item.empty())
        throw std::invalid_argument(what + ": '" + text + "' has an empty item (a leading, trailing or doubled comma)");
      items.push_back(item);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return items;
}
// The value as a double, for the registry's hypotheses and the fit's exponents (which are doubles):
// refused when it has no double (|x| below 1e-300, which MPFR would still accept).
double as_double(const std::string& text, const std::string& what) {
  set_working_precision(30);
  const Real x = parse_real(text, what);
  if (x != 0 && abs(x) < Real("1e-300")) throw std::invalid_argument(what + ": " + text + " is too small for a double (|x| < 1e-300)");
  return static_cast<double>(x);
}
}  // namespace

unsigned parse_count(const std::string& text, const std::string& what, unsigned lo, unsigned hi) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos)
    throw std::invalid_argument(what + ": '" + text + "' is not an integer in " + interval(lo, hi));
  const std::size_t first = text.find_first_not_of('0');
  const std::string digits = first == std::string::npos ? "0" : text.substr(first);
  if (digits.size() > 9 || std::stoul(digits) < lo || std::stoul(digits) > hi)
    throw std::invalid_argument(what + ": " + text + " is outside " + interval(lo, hi));
  return static_cast<unsigned>(std::stoul(digits));
}

std::vector<std::string> list_items(const std::vector<std::string>& given, const std::string& what) { return split(given, what); }

std::vector<std::string> list_of_numbers(const std::vector<std::string>& given, const std::string& what) {
  const std::vector<std::string> items = split(given, what);
  set_working_precision(30);
  std::vector<std::pair<Real, std::string>> seen;
  for (const std::string& item : items) {
    const Real x = parse_real(item, what);
    for (const auto& [y, text] : seen)
      if (x == y)
        throw std::invalid_argument(what + ": " + item + " is given twice ('" + text + "' and '" + item + "')");
    seen.emplace_back(x, item);
  }
  return items;
}

std::vector<std::string> list_of_names(const std::vector<std::string>& given, const std::string& what) {
  const std::vector<std::string> items = split(given, what);
  std::set<std::string> seen;
  for (const std::string& item : items)
    if (!seen.insert(item).second) throw std::invalid_argument(what + ": '" + item + "' is given twice");
  return items;
}

std::vector<std::string> list_of_checks(const std::vector<std::string>& given) {
  std::vector<std::string> ids;
  std::map<std::string, std::string> seen;  // the registry's id -> as given
  for (const std::string& item : split(given, "checks")) {
    const std::string& id = checks::find_check(item).id;
    const auto [it, fresh] = seen.emplace(id, item);
    if (!fresh)
      throw std::invalid_argument("checks: '" + item + "' is given twice" +
                                  (it->second == item ? std::string() : " ('" + it->second + "' and '" + item + "' are check " + id + ")"));
    ids.push_back(id);
  }
  return ids;
}

void validate_grid(const std::string& omega_min, const std::string& omega_max, const std::string& per_decade) {
  const unsigned p = parse_count(per_decade, "points-per-decade", 1, 100);
  set_working_precision(30);
  const Real low = parse_real(omega_min, "omega-min"), high = parse_real(omega_max, "omega-max");
  const Real top("1e15");
  if (!(low > 1) || low > top) throw std::invalid_argument("omega-min: " + omega_min + " is outside (1, 1e15]");
  if (!(high > low) || high > top)
    throw std::invalid_argument("omega-max: " + omega_max + " is outside (omega-min, 1e15] = (" + omega_min + ", 1e15]");
  // Points w1_k = omega_min 10^(k/p) <= omega_max (checks/sweep.cpp), counted here to name the sizes.
  const double decades = static_cast<double>(log10(Real(high / low)));
  const double points = std::floor(decades * p * (1 + 1e-15)) + 1;
  if (points < 6 || points > 2000)
    throw std::invalid_argument("grid: omega-min " + omega_min + " to omega-max " + omega_max + " at " + per_decade +
                                " per decade gives " + std::to_string(static_cast<long>(points)) +
                                " points, outside [6, 2000]");
}

void validate_scan_range(const std::string& beta_min, const std::string& beta_max, const std::string& beta_step,
                         const std::string& oscillating_step) {
  for (const auto& [text, what] : {std::pair{beta_min, "beta-min"}, {beta_max, "beta-max"}, {beta_step, "beta-step"},
                                   {oscillating_step, "oscillating-step"}})
    as_double(text, what);
  set_working_precision(30);
  const Real low = parse_real(beta_min, "beta-min"), high = parse_real(beta_max, "beta-max");
  const Real step = parse_real(beta_step, "beta-step"), oscillating = parse_real(oscillating_step, "oscillating-step");
  if (low < 0 || low > 1) throw std::invalid_argument("beta-min: " + beta_min + " is outside [0, 1)");
  if (!(high > low) || high > 1)
    throw std::invalid_argument("beta-max: " + beta_max + " is outside (beta-min, 1] = (" + beta_min + ", 1]");
  // With a tolerance: 0.4 - 0.3 and 0.1, each rounded to binary, may differ in their last bit.
  const Real slack = 1 + Real("1e-20");
  if (!(step > 0) || step > (high - low) * slack)
    throw std::invalid_argument("beta-step: " + beta_step + " is outside (0, beta-max - beta-min] = (0, " +
                                to_decimal(Real(high - low), 6) + "]");
  if ((high - low) / step > 400 * slack)
    throw std::invalid_argument("beta-step: " + beta_step + " gives more than 400 values of beta from " + beta_min + " to " +
                                beta_max);
  if (!(oscillating > 0) || oscillating > 1)
    throw std::invalid_argument("oscillating-step: " + oscillating_step + " is outside (0, 1]");
}

void validate_scan_hypotheses(const std::string& M) {
  if (!(as_double(M, "M") > 10))
    throw std::invalid_argument("M: " + M + " is outside the scan's hypotheses: M > 10 (Theorem 5.1; Theorem 4.2 needs M > 6)");
}

void validate_outputs(const std::vector<std::pair<std::string, std::string>>& option_and_path) {
  // Every path resolved and compared first; only then a probe in each directory (a probe that succeeds
  // creates and removes a file, which a refused run should not do at all).
  std::map<std::string, std::string> seen;  // resolved target -> option
  for (const auto& [option, path] : option_and_path) {
    if (path.empty()) continue;
    std::string target;
    try {
      target = reports::resolve_output(path);
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument(option + ": " + e.what());
    }
    const auto [it, fresh] = seen.emplace(target, option);
    if (!fresh)
      throw std::invalid_argument(option + ": '" + path + "' is the same file as " + it->second +
                                  " (one would overwrite the other)");
  }
  for (const auto& [option, path] : option_and_path) {
    if (path.empty()) continue;
    try {
      reports::check_writable(path);
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument(option + ": " + e.what());
    }
  }
}

void validate_outputs_beside_report(std::vector<std::pair<std::string, std::string>> option_and_path, const std::string& report,
                                    bool html, bool plots) {
  const bool beside = !report.empty() && report != "-";
  if (beside && html) {
    const std::string rendering = reports::html_beside(report);
    std::string a, b;
    try {
      a = reports::resolve_output(report);
      b = reports::resolve_output(rendering);
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument("report: " + std::string(e.what()));
    }
    if (a == b)
      throw std::invalid_argument("report: '" + report + "' is named as its own HTML rendering (" + rendering +
                                  "); give the Markdown report another name, e.g. REPORT.md");
    option_and_path.emplace_back("report's HTML rendering", rendering);
  }
  // The plots directory is resolved and compared first, and probed last: a refused run creates nothing,
  // not even a probe (see validate_outputs).
  if (beside && plots) {
    namespace fs = std::filesystem;
    const std::string directory = reports::plot_directory_beside(report);
    const std::string option = "report's plots directory";
    std::error_code ec;
    const fs::file_status status = fs::status(directory, ec);  // through links
    if (status.type() != fs::file_type::directory && status.type() != fs::file_type::not_found && status.type() != fs::file_type::none) {
      try {
        reports::check_writable_directory(directory);  // names the kind of file
      } catch (const std::invalid_argument& e) {
        throw std::invalid_argument(option + ": " + e.what());
      }
    }
    const std::string resolved = fs::weakly_canonical(fs::absolute(directory), ec).string();
    for (const auto& [other, path] : option_and_path) {
      if (path.empty() || path == "-") continue;
      std::string target;
      try {
        target = reports::resolve_output(path);
      } catch (const std::invalid_argument& e) {
        throw std::invalid_argument(other + ": " + e.what());
      }
      if (target == resolved) throw std::invalid_argument(other + ": '" + path + "' is the report's plots directory " + directory);
    }
    validate_outputs(option_and_path);
    try {
      reports::check_writable_directory(directory);
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument(option + ": " + e.what());
    }
    return;
  }
  validate_outputs(option_and_path);
}

void validate_hypotheses(const std::vector<std::string>& check_ids, const std::vector<std::string>& betas,
                         const std::vector<std::string>& Ms) {
  std::vector<const checks::Check*> selected;
  if (check_ids.empty())
    for (const checks::Check& c : checks::registry()) selected.push_back(&c);
  else
    for (const std::string& id : check_ids) selected.push_back(&checks::find_check(id));
  for (const checks::Check* c : selected) {
    const checks::Hypotheses& h = c->hypotheses;
    for (const std::string& beta : betas) {
      const double b = as_double(beta, "beta");
      if (!((h.beta_min_open ? b > h.beta_min : b >= h.beta_min) && b <= h.beta_max))
        throw std::invalid_argument("beta: " + beta + " is outside the hypotheses of check (" + c->id + "): " + h.text);
    }
    for (const std::string& M : Ms) {
      if (!(as_double(M, "M") > h.M_min))
        throw std::invalid_argument("M: " + M + " is outside the hypotheses of check (" + c->id + "): " + h.text);
      for (const std::string& beta : betas)  // a region of its own (Appendix A: M > 2β + 2)
        if (!checks::within_hypotheses(h, as_double(beta, "beta"), as_double(M, "M")))
          throw std::invalid_argument("M: " + M + " at beta " + beta + " is outside the hypotheses of check (" + c->id + "): " + h.text);
    }
  }
}

std::vector<std::pair<std::string, std::string>> parse_assumptions(const std::vector<std::string>& assume,
                                                                  const std::vector<std::string>& check_ids) {
  std::vector<std::pair<std::string, std::string>> parsed;
  std::set<std::string> seen;
  for (const std::string& item : assume) {
    const auto eq = item.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == item.size())
      throw std::invalid_argument("assume: '" + item + "' is not ID=EXPONENT, e.g. 4.5=2beta-1/2-M/2");
    const std::string given = item.substr(0, eq), formula = item.substr(eq + 1);
    std::string id;
    try {
      id = checks::find_check(given).id;
    } catch (const std::invalid_argument&) {
      throw std::invalid_argument("assume: '" + item + "': '" + given + "' is not a known check id (see `kwe-verify list`)");
    }
    if (!check_ids.empty() && std::find(check_ids.begin(), check_ids.end(), id) == check_ids.end())
      throw std::invalid_argument("assume: '" + item + "' is for check " + id + ", which is not among --checks");
    if (!seen.insert(id).second) throw std::invalid_argument("assume: check " + id + " is given two exponents ('" + item + "' and an earlier one)");
    try {
      checks::parse_exponent(formula);
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument("assume: " + std::string(e.what()));
    }
    parsed.emplace_back(id, formula);
  }
  return parsed;
}

std::vector<std::string> options_without_effect(const std::vector<std::string>& check_ids, const GivenOptions& given) {
  std::vector<const checks::Check*> selected;
  if (check_ids.empty())
    for (const checks::Check& c : checks::registry()) selected.push_back(&c);
  else
    for (const std::string& id : check_ids) selected.push_back(&checks::find_check(id));
  const auto joined = [](const std::vector<std::string>& items, const std::string& separator) {
    std::string text;
    for (const std::string& item : items) text += (text.empty() ? "" : separator) + item;
    return text;
  };
  const auto ids = [&](const std::vector<const checks::Check*>& checks) {
    std::vector<std::string> names;
    for (const checks::Check* c : checks) names.push_back("(" + c->id + ")");
    return joined(names, ", ");
  };
  std::vector<std::string> warnings;
  const bool no_beta_M = std::none_of(selected.begin(), selected.end(), [](const checks::Check* c) { return c->involves_beta_M; });
  for (const auto& [option, values] : {std::pair{"--beta", given.betas}, {"--M", given.Ms}})
    if (!values.empty() && no_beta_M)
      warnings.push_back("warning: " + std::string(option) + " " + joined(values, ",") + " does nothing for " + ids(selected) +
                         ": F and F1 involve neither β nor M (every value gives the same result)");
  const bool own_variable = std::none_of(selected.begin(), selected.end(), [](const checks::Check* c) { return c->variable == "w1"; });
  if (own_variable) {
    std::vector<std::string> variables;
    for (const checks::Check* c : selected) variables.push_back(c->variable);
    for (const auto& [option, value] : {std::pair{"--omega-min", given.omega_min}, {"--omega-max", given.omega_max}})
      if (!value.empty())
        warnings.push_back("warning: " + std::string(option) + " " + value + " does nothing for " + ids(selected) +
                           (selected.size() == 1 ? ": it sweeps its own variable, " : ": they sweep their own variables, ") +
                           joined(variables, ", ") + ", not w1");
  }
  if (given.no_plots && (given.report.empty() || given.report == "-"))
    warnings.push_back(std::string("warning: --no-plots does nothing: the plots are written only beside a report file, and --report is ") +
                       (given.report.empty() ? "''" : "- (standard output)"));
  return warnings;
}

void validate_wave_vector(const std::string& text, const std::string& what) {
  set_working_precision(30);
  const Vec3<Real> k = parse_vec3(text, what);
  for (const Real* x : {&k.x, &k.y, &k.z})
    if (abs(*x) > 1000000) throw std::invalid_argument(what + ": '" + text + "' has a component outside [-1e6, 1e6]");
}

std::string usage_message(const CLI::ParseError& error, int argc, const char* const* argv) {
  const std::string what = error.what(), name = error.get_name();
  const auto option = [&] { return what.substr(0, what.find(':')); };
  if (name == "ExtrasError") {
    const std::string list = what.substr(what.find(':') + 2);
    return "unexpected argument " + list + " (see kwe-verify --help)";
  }
  if (name == "ArgumentMismatch") {
    if (what.find("missing") != std::string::npos) return option() + ": needs a value";
    return option() + ": given more than once (give it once)";
  }
  if (name == "RequiredError") {
    if (what.find("subcommand") != std::string::npos) {
      if (argc > 1)
        return "'" + std::string(argv[1]) + "' is not a subcommand: list, eval, run or scan (see kwe-verify --help)";
      return "a subcommand is required: list, eval, run or scan (see kwe-verify --help)";
    }
    return what.substr(0, what.find(' ')) + ": is required";
  }
  return what + " (see kwe-verify --help)";
}

}  // namespace kwe::app
