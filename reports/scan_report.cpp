#include "reports/scan_report.hpp"

#include <fmt/format.h>

#include <cmath>
#include <sstream>

namespace kwe::reports {

namespace {

std::string exponent(const checks::Fit& fit) {
  return fit.ok ? fmt::format("{:+.6f} ± {:.1e}", fit.exponent, std::max(fit.uncertainty, 1e-9)) : "—";
}

std::string threshold_line(const checks::Threshold& t) {
  if (!t.found && std::isnan(t.extrapolated))
    return fmt::format("{}: **no crossing of 0 in the scanned range** (predicted β = {}); fewer than two measured exponents, no line "
                       "through them.", t.name, t.predicted);
  if (!t.found)
    return fmt::format("{}: **no crossing of 0 in the scanned range** (predicted β = {}); the line through the measured exponents "
                       "crosses 0 at β = {:.4f}.", t.name, t.predicted, t.extrapolated);
  return fmt::format("{}: crosses 0 at β = {:.6f} ± {:.1e} (predicted {}; difference {:+.1e}).", t.name, t.beta,
                     std::max(t.uncertainty, 1e-9), t.predicted, t.beta - t.predicted);
}

}  // namespace

std::string to_markdown(const checks::Scan& scan, const Metadata& metadata, const std::string& figure) {
  const auto& o = scan.options;
  std::ostringstream out;
  out << "# kwe-verify: threshold scan\n\n";
  out << fmt::format("- command: `{}`\n- source: `{}`\n- date: {}\n", metadata.command, metadata.commit, metadata.date);
  out << fmt::format("- β from {} to {} in steps of {}; M = {}; w1 = {} to {} ({} per decade); {} digits per value; {:.1f} s\n\n",
                     o.beta_min, o.beta_max, o.beta_step, o.M, o.grid.omega_min, o.grid.omega_max, o.grid.per_decade, o.digits,
                     scan.seconds);
  out << "## Thresholds\n\n";
  for (const auto& t : scan.thresholds) out << "- " << threshold_line(t) << "\n";
  out << fmt::format("- The oscillating term: n0 = A n01 + cos(Nw) n01 with A = N = 1 in every slot, at w1 = 2πB ≈ 10^3 .. 10^4 "
                     "(cos Nw1 = 1), at the β that are multiples of {}.\n", o.oscillating_step);
  if (!figure.empty()) out << fmt::format("\n![growth exponents against β, the crossings of 0 marked]({})\n", figure);
  out << "\n## Growth exponents of the weighted second Picard iterate\n\n";
  out << "| β | gain <w1>^(M/2) C^234[n01] | full <w1>^(M/2) C[n01] | full oscillating <w1>^(M/2) \\|C[n0]\\| | values met |\n"
         "|---|---|---|---|---|\n";
  for (const auto& r : scan.rows)
    out << fmt::format("| {} | {} | {} | {} | {} |\n", std::stod(r.beta), exponent(r.gain), exponent(r.full), exponent(r.oscillating),
                       r.met ? "yes" : "**no**");
  return out.str();
}

nlohmann::json to_json(const checks::Scan& scan, const Metadata& metadata) {
  nlohmann::json rows = nlohmann::json::array(), thresholds = nlohmann::json::array();
  for (const auto& r : scan.rows)
    rows.push_back({{"beta", r.beta},
                    {"gain", {{"ok", r.gain.ok}, {"exponent", r.gain.exponent}, {"uncertainty", r.gain.uncertainty}}},
                    {"full", {{"ok", r.full.ok}, {"exponent", r.full.exponent}, {"uncertainty", r.full.uncertainty}}},
                    {"oscillating", {{"ok", r.oscillating.ok}, {"exponent", r.oscillating.exponent}, {"uncertainty", r.oscillating.uncertainty}}},
                    {"met", r.met}});
  for (const auto& t : scan.thresholds)
    thresholds.push_back({{"name", t.name}, {"predicted", t.predicted}, {"found", t.found}, {"beta", t.beta}, {"uncertainty", t.uncertainty},
                          {"extrapolated", std::isnan(t.extrapolated) ? nlohmann::json(nullptr) : nlohmann::json(t.extrapolated)}});
  return {{"command", metadata.command}, {"commit", metadata.commit}, {"date", metadata.date}, {"seconds", scan.seconds},
          {"M", scan.options.M}, {"digits", scan.options.digits}, {"rows", rows}, {"thresholds", thresholds}};
}

}  // namespace kwe::reports
