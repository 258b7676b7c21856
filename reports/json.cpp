#include "reports/json.hpp"

#include "checks/polygon.hpp"
#include "checks/registry.hpp"

namespace kwe::reports {

using nlohmann::json;

namespace {

std::string decimal(const Real& x, unsigned digits) { return to_decimal(x, digits); }

json hypotheses(const checks::Hypotheses& h) {
  return {{"beta_min", h.beta_min}, {"beta_max", h.beta_max}, {"beta_min_open", h.beta_min_open},
          {"M_greater_than", h.M_min}, {"text", h.text}, {"region", format(checks::region_of(h))}};
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

json to_json(const checks::Audit& audit, const checks::Findings& findings, const Metadata& metadata) {
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
    for (const auto& c : r.comparisons) {
      json ratios = json::array();
      for (const Real& q : c.ratios) ratios.push_back(decimal(q, 6));
      comparisons.push_back({{"lhs", c.comparison.lhs},
                             {"rhs", c.comparison.rhs},
                             {"holds", c.holds},
                             {"max_ratio", decimal(c.worst_ratio, 6)},
                             {"at_omega1", c.worst_omega},
                             {"ratios", ratios}});
    }
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
    if (r.refinement) result["refinement"] = true;
    if (r.implied_constant_upper >= 0) result["implied_constant_sup"] = decimal(r.implied_constant_upper, 6);
    if (r.implied_constant_lower >= 0) result["implied_constant_inf"] = decimal(r.implied_constant_lower, 6);
    results.push_back(result);
  }
  json equations = json::array(), lines = json::array(), notes = json::array();
  for (const auto& e : findings.equations)
    equations.push_back({{"id", e.id}, {"status", checks::to_string(e.status)}, {"results", e.results}, {"failed", e.failed},
                         {"inconclusive", e.inconclusive}, {"loose", e.loose}, {"sharp", e.sharp}, {"gap", e.gap},
                         {"gap_min", e.gap_min}, {"gap_max", e.gap_max}, {"measured", e.measured}});
  for (const auto& l : findings.lines)
    lines.push_back({{"id", l.id}, {"M", l.M}, {"slope", l.line.slope}, {"intercept", l.line.intercept}, {"residual", l.line.residual},
                     {"betas", l.line.count}, {"linear", l.line.linear()}, {"measured", l.measured}, {"gap", l.gap}});
  for (const auto& n : findings.notes) notes.push_back({{"kind", n.kind}, {"id", n.id}, {"text", n.text}, {"where", n.where}});
  json range = nullptr;
  if (findings.range) {
    const checks::RangeAnalysis& a = *findings.range;
    json rchecks = json::array(), combined = json::array(), thresholds = json::array(), records = json::array();
    for (const checks::RangeCheck& rc : a.checks) {
      json points = json::array();
      for (const checks::RangePoint& p : rc.points) {
        json point = {{"beta", p.beta}, {"M", p.M}, {"refinement", p.refinement}, {"verdict", checks::to_string(p.outcome)}, {"decided", p.decided}, {"status", p.status},
                      {"stated", p.stated}, {"exponent", p.exponent}, {"uncertainty", p.uncertainty}};
        if (p.log.detected) point["logarithm"] = {{"p", p.log.p}, {"q", p.log.q}, {"summary", p.log.summary}};
        points.push_back(point);
      }
      json pieces = json::array();
      for (const checks::Affine& f : rc.measured.formula.pieces) pieces.push_back(checks::format(f));
      rchecks.push_back({{"id", rc.id},
                         {"relation", rc.relation},
                         {"stated", rc.stated},
                         {"hypotheses", rc.hypotheses},
                         {"measured_range", rc.measured_range},
                         {"measured", {{"recognised", rc.measured.ok},
                                       {"formula", rc.measured.ok ? checks::format(rc.measured.formula) : ""},
                                       {"pieces", pieces},
                                       {"crossovers", rc.measured.crossovers},
                                       {"worst_residual", rc.measured.worst_residual},
                                       {"underdetermined", rc.measured.underdetermined},
                                       {"reason", rc.measured.reason}}},
                         {"region", {{"decided", rc.region.decided},
                                     {"holds", rc.region.holds},
                                     {"sharp", rc.region.sharp},
                                     {"fails", rc.region.fails},
                                     {"summary", rc.region.summary}}},
                         {"grid", {{"pass", rc.pass}, {"fail", rc.fail}, {"inconclusive", rc.inconclusive}, {"logarithms", rc.logarithms}}},
                         {"disagreements", rc.disagreements},
                         {"notes", rc.notes},
                         {"points", points}});
    }
    for (const checks::CombinedClaim& cc : a.combined)
      combined.push_back({{"id", cc.id}, {"statement", cc.statement}, {"stated", cc.stated}, {"with_stated", cc.with_stated.summary},
                          {"holds_with_stated", cc.with_stated.holds}, {"measured", cc.measured},
                          {"with_measured", cc.with_measured ? cc.with_measured->summary : ""},
                          {"holds_with_measured", cc.with_measured ? json(cc.with_measured->holds) : json(nullptr)}, {"missing", cc.missing}});
    for (const checks::ThresholdCurve& t : a.thresholds)
      thresholds.push_back({{"term", t.term}, {"from", t.from}, {"exponent", t.exponent}, {"curve", t.curve}, {"grows", t.grows}, {"predicted", t.predicted}});
    for (const checks::RangeFinding& f : a.findings)
      records.push_back({{"id", f.id}, {"kind", f.kind}, {"region", f.region}, {"evidence", f.evidence}});
    range = {{"checks", rchecks}, {"combined", combined}, {"thresholds", thresholds}, {"findings", records}};
  }
  json assumed = json::object();
  for (const auto& [id, formula] : o.assumed) assumed[id] = formula;
  return {{"tool", "kwe-verify"},
          {"schema", 2},
          {"options",
           {{"checks", o.check_ids},
            {"betas", o.betas},
            {"Ms", o.Ms},
            {"range", o.range},
            {"refine", o.refine},
            {"grid", {{"omega_min", o.grid.omega_min}, {"omega_max", o.grid.omega_max}, {"per_decade", o.grid.per_decade}}},
            {"digits", o.digits},
            {"working_bits", bits_for_digits(o.digits)},
            {"tolerances",
             {{"max_uncertainty", o.tolerances.max_uncertainty},
              {"min_uncertainty", o.tolerances.min_uncertainty},
              {"control_margin", o.tolerances.control_margin}}},
            {"assumed", assumed},
            {"shard", {{"index", o.shard_index}, {"count", o.shard_count}}}}},
          {"reproduce", reproduce_command(o)},
          {"overall", checks::to_string(checks::overall(audit))},
          {"findings", {{"equations", equations}, {"lines", lines}, {"notes", notes}, {"range", range}}},
          {"results", results},
          {"run",
           {{"commit", metadata.commit},
            {"date", metadata.date},
            {"command", metadata.command},
            {"machine", metadata.machine},
            {"jobs", metadata.jobs},
            {"seconds", audit.seconds}}}};
}

namespace {

const json& field(const json& j, const char* name) {
  if (!j.is_object() || !j.contains(name)) throw std::invalid_argument(std::string("results file: no field '") + name + "'");
  return j.at(name);
}

checks::Outcome outcome(const std::string& text) {
  for (auto o : {checks::Outcome::pass, checks::Outcome::fail, checks::Outcome::inconclusive})
    if (checks::to_string(o) == text) return o;
  throw std::invalid_argument("results file: '" + text + "' is not a verdict");
}

}  // namespace

checks::Audit audit_from_json(const json& j) {
  try {
    if (field(j, "tool") != "kwe-verify" || field(j, "schema") != 2)
      throw std::invalid_argument("results file: not a kwe-verify results file of schema 2");
    checks::Audit audit;
    auto& o = audit.options;
    const json& opt = field(j, "options");
    o.check_ids = field(opt, "checks").get<std::vector<std::string>>();
    o.betas = field(opt, "betas").get<std::vector<std::string>>();
    o.Ms = field(opt, "Ms").get<std::vector<std::string>>();
    o.range = opt.contains("range") && opt.at("range").get<bool>();
    o.refine = !opt.contains("refine") || opt.at("refine").get<bool>();
    const json& grid = field(opt, "grid");
    o.grid = {field(grid, "omega_min").get<std::string>(), field(grid, "omega_max").get<std::string>(), field(grid, "per_decade").get<unsigned>()};
    o.digits = field(opt, "digits").get<unsigned>();
    const json& tol = field(opt, "tolerances");
    o.tolerances = {field(tol, "max_uncertainty").get<double>(), field(tol, "min_uncertainty").get<double>(),
                    field(tol, "control_margin").get<double>()};
    for (const auto& [id, formula] : field(opt, "assumed").items()) o.assumed[id] = formula.get<std::string>();
    o.shard_index = field(field(opt, "shard"), "index").get<unsigned>();
    o.shard_count = field(field(opt, "shard"), "count").get<unsigned>();
    audit.seconds = field(field(j, "run"), "seconds").get<double>();
    set_working_precision(o.digits);
    for (const json& x : field(j, "results")) {
      checks::CheckResult r;
      r.check = &checks::find_check(field(x, "id").get<std::string>());
      r.beta = field(x, "beta").get<std::string>();
      r.M = field(x, "M").get<std::string>();
      r.exponent = checks::parse_exponent(field(x, "exponent_formula").get<std::string>());
      r.assumed = field(x, "assumed").get<bool>();
      r.predicted = field(x, "predicted").get<double>();
      r.within_hypotheses = field(x, "within_hypotheses").get<bool>();
      r.values_met = field(x, "values_met").get<bool>();
      r.refinement = x.contains("refinement") && x.at("refinement").get<bool>();
      r.notes = field(x, "notes").get<std::vector<std::string>>();
      for (const json& p : field(x, "points")) {
        r.omegas.push_back(field(p, "x").get<std::string>());
        r.series.push_back({parse_real(r.omegas.back(), "x"), parse_real(field(p, "value").get<std::string>(), "value"),
                            parse_real(field(p, "error").get<std::string>(), "error")});
        r.calls.push_back(field(p, "calls").get<std::size_t>());
      }
      const json& fit = field(x, "fit");
      r.fit.ok = field(fit, "ok").get<bool>();
      r.fit.exponent = field(fit, "exponent").get<double>();
      r.fit.uncertainty = field(fit, "uncertainty").get<double>();
      r.fit.last_slope = field(fit, "last_local_slope").get<double>();
      r.fit.local_slopes = field(fit, "local_slopes").get<std::vector<double>>();
      r.fit.extrapolants = field(fit, "extrapolants").get<std::vector<double>>();
      r.verdict.outcome = outcome(field(x, "verdict").get<std::string>());
      r.verdict.reason = field(x, "reason").get<std::string>();
      r.verdict.slack = field(x, "slack").get<double>();
      r.verdict.sharp = field(x, "sharp").get<bool>();
      const json& control = field(x, "negative_control");
      r.control.exponent = field(control, "exponent").get<double>();
      r.control.outcome = outcome(field(control, "verdict").get<std::string>());
      r.control.broken = field(control, "broken").get<bool>();
      for (const json& c : field(x, "comparisons")) {
        checks::ComparisonResult cr;
        cr.comparison = {field(c, "lhs").get<std::string>(), field(c, "rhs").get<std::string>()};
        cr.holds = field(c, "holds").get<bool>();
        cr.worst_ratio = parse_real(field(c, "max_ratio").get<std::string>(), "max_ratio");
        cr.worst_omega = field(c, "at_omega1").get<std::string>();
        for (const json& q : field(c, "ratios")) cr.ratios.push_back(parse_real(q.get<std::string>(), "ratio"));
        r.comparisons.push_back(cr);
      }
      if (x.contains("implied_constant_sup")) r.implied_constant_upper = parse_real(x["implied_constant_sup"].get<std::string>(), "constant");
      if (x.contains("implied_constant_inf")) r.implied_constant_lower = parse_real(x["implied_constant_inf"].get<std::string>(), "constant");
      audit.results.push_back(std::move(r));
    }
    return audit;
  } catch (const json::exception& e) {
    throw std::invalid_argument(std::string("results file: ") + e.what());
  }
}

Metadata metadata_from_json(const json& j) {
  const json& run = field(j, "run");
  Metadata m;
  m.commit = field(run, "commit").get<std::string>();
  m.date = field(run, "date").get<std::string>();
  m.command = field(run, "command").get<std::string>();
  m.machine = field(run, "machine").get<std::string>();
  m.jobs = field(run, "jobs").get<unsigned>();
  m.seconds = field(run, "seconds").get<double>();
  return m;
}

}  // namespace kwe::reports
