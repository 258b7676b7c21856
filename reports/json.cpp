#include "reports/json.hpp"

#include "checks/registry.hpp"

namespace kwe::reports {

using nlohmann::json;

namespace {

std::string decimal(const Real& x, unsigned digits) { return to_decimal(x, digits); }

json hypotheses(const checks::Hypotheses& h) {
  return {{"beta_min", h.beta_min}, {"beta_max", h.beta_max}, {"beta_min_open", h.beta_min_open},
          {"M_greater_than", h.M_min}, {"text", h.text}};
}

}  // namespace

json to_json(const checks::Check& c) {
  return {{"id", c.id},
          {"statement", c.statement},
          {"quantity", c.quantity},
          {"data", c.data},
          {"relation", checks::symbol(c.relation)},
          {"relation_name", checks::word(c.relation)},
          {"exponent", c.predicted.formula},
          {"hypotheses", hypotheses(c.hypotheses)},
          {"section", c.section},
          {"follows_from", c.follows_from},
          {"variable", c.variable},
          {"remarks", c.remarks}};
}

json to_json(const Evaluation& e) {
  // Error estimates are upper bounds: three digits say all they know.
  return {{"quantity", e.quantity},
          {"data", e.data},
          {"beta", e.parameters.beta},
          {"M", e.parameters.M},
          {"A", e.parameters.A},
          {"N", e.parameters.N},
          {"omega1", e.omega1},
          {"digits", e.digits},
          {"value", decimal(e.value, e.digits)},
          {"error", decimal(e.error, 3)},
          {"l1", decimal(e.l1, 3)},  // integral of |integrand|: error / l1 shows what cancellation leaves
          {"met", e.met},
          {"verified", e.verified},
          {"calls", e.calls},
          {"seconds", e.seconds}};
}

json to_json(const checks::Audit& audit, const Metadata& metadata) {
  const auto& o = audit.options;
  json results = json::array();
  for (const checks::CheckResult& r : audit.results) {
    json points = json::array();
    for (std::size_t i = 0; i < r.series.size(); ++i)
      points.push_back({{"x", r.omegas[i]},
                        {"value", decimal(r.series[i].value, o.digits)},
                        {"error", decimal(r.series[i].error, 3)},
                        {"calls", r.calls[i]}});
    json comparisons = json::array();
    for (const auto& c : r.comparisons)
      comparisons.push_back({{"lhs", c.comparison.lhs},
                             {"rhs", c.comparison.rhs},
                             {"holds", c.holds},
                             {"max_ratio", decimal(c.worst_ratio, 6)},
                             {"at_omega1", c.worst_omega}});
    json result = {{"id", r.check->id},
                   {"quantity", r.check->quantity},
                   {"variable", r.check->variable},
                   {"notes", r.notes},
                   {"relation", checks::symbol(r.check->relation)},
                   {"beta", r.beta},
                   {"M", r.M},
                   {"exponent_formula", r.exponent.formula},
                   {"assumed", r.assumed},
                   {"predicted", r.predicted},
                   {"within_hypotheses", r.within_hypotheses},
                   {"values_met", r.values_met},
                   {"fit",
                    {{"ok", r.fit.ok},
                     {"exponent", r.fit.exponent},
                     {"uncertainty", r.fit.uncertainty},
                     {"last_local_slope", r.fit.last_slope},
                     {"local_slopes", r.fit.local_slopes},
                     {"extrapolants", r.fit.extrapolants}}},
                   {"verdict", checks::to_string(r.verdict.outcome)},
                   {"reason", r.verdict.reason},
                   {"slack", r.verdict.slack},
                   {"sharp", r.verdict.sharp},
                   {"negative_control",
                    {{"exponent", r.control.exponent},
                     {"verdict", checks::to_string(r.control.outcome)},
                     {"broken", r.control.broken}}},
                   {"comparisons", comparisons},
                   {"points", points}};
    if (r.implied_constant_upper >= 0) result["implied_constant_sup"] = decimal(r.implied_constant_upper, 6);
    if (r.implied_constant_lower >= 0) result["implied_constant_inf"] = decimal(r.implied_constant_lower, 6);
    results.push_back(result);
  }
  json checks_used = json::array();
  for (const auto& id : o.check_ids) checks_used.push_back(id);
  return {{"tool", "kwe-verify"},
          {"commit", metadata.commit},
          {"date", metadata.date},
          {"command", metadata.command},
          {"digits", o.digits},
          {"working_bits", bits_for_digits(o.digits)},
          {"grid", {{"omega_min", o.grid.omega_min}, {"omega_max", o.grid.omega_max}, {"per_decade", o.grid.per_decade}}},
          {"tolerances",
           {{"max_uncertainty", o.tolerances.max_uncertainty},
            {"min_uncertainty", o.tolerances.min_uncertainty},
            {"control_margin", o.tolerances.control_margin}}},
          {"overall", checks::to_string(checks::overall(audit))},
          {"seconds", audit.seconds},
          {"results", results}};
}

}  // namespace kwe::reports
