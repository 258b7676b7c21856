#include "checks/audit.hpp"

#include "checks/range.hpp"
#include "checks/range_grid.hpp"
#include "checks/registry.hpp"

#include <chrono>
#include <stdexcept>

namespace kwe::checks {

void AuditOptions::validate() const {
  for (const std::string& id : check_ids) find_check(id);
  for (const auto& [id, formula] : assumed) {
    find_check(id);
    parse_exponent(formula);
  }
  if (range) {
    for (const Unit& u : units(*this)) {
      Parameters p;
      p.beta = u.beta;
      p.M = u.M;
      p.validate();
    }
  }
  if (betas.empty() || Ms.empty()) throw std::invalid_argument("beta and M lists must not be empty");
  for (const std::string& beta : betas)
    for (const std::string& M : Ms) {
      Parameters p;
      p.beta = beta;
      p.M = M;
      p.validate();
    }
  validate_digits(digits);
  if (jobs < 1 || jobs > 256) throw std::invalid_argument("jobs: " + std::to_string(jobs) + " is outside [1, 256]");
  grid.omegas();
  if (shard_count < 1 || shard_index < 1 || shard_index > shard_count)
    throw std::invalid_argument("shard: " + std::to_string(shard_index) + "/" + std::to_string(shard_count) + " is not k/n with 1 <= k <= n");
}

namespace {

std::vector<const Check*> selected(const AuditOptions& options) {
  std::vector<const Check*> checks;
  if (options.check_ids.empty())
    for (const Check& c : registry()) checks.push_back(&c);
  else
    for (const std::string& id : options.check_ids) checks.push_back(&find_check(id));
  return checks;
}

ComparisonResult compare(const Comparison& comparison, const ValueTable& table, const PointKey& base,
                         const std::vector<std::string>& omegas) {
  ComparisonResult r;
  r.comparison = comparison;
  for (const std::string& w : omegas) {
    PointKey l = base, rr = base;
    l.quantity = comparison.lhs;
    rr.quantity = comparison.rhs;
    l.omega = rr.omega = w;
    const Evaluation& a = table.at(l);
    const Evaluation& b = table.at(rr);
    const Real ratio = a.value / b.value;
    r.ratios.push_back(ratio);
    if (ratio > r.worst_ratio || r.worst_omega.empty()) {
      r.worst_ratio = ratio;
      r.worst_omega = w;
    }
    if (a.value - b.value > a.error + b.error) r.holds = false;
  }
  return r;
}

}  // namespace

std::vector<Unit> units(const AuditOptions& options) {
  std::vector<Unit> all;
  for (const Check* c : selected(options))
    if (options.range)
      for (const GridPoint& p : range_grid(*c)) all.push_back({c, p.beta, p.M});
    else
      for (const std::string& beta : options.betas)
        for (const std::string& M : options.Ms) all.push_back({c, beta, M});
  return all;
}

bool in_shard(const AuditOptions& options, std::size_t unit_index) { return unit_index % options.shard_count == options.shard_index - 1; }

namespace {

// The values a unit needs: its quantity (and the sides of its comparisons) at every w1 of the grid; none
// for a check that sweeps itself.
std::vector<PointKey> keys_of(const Unit& unit, const std::vector<std::string>& omegas) {
  std::vector<PointKey> keys;
  const Check* c = unit.check;
  if (c->source) return keys;
  for (const std::string& w : omegas) {
    keys.push_back({c->quantity, c->data, unit.beta, unit.M, w});
    for (const Comparison& cmp : c->comparisons) {
      keys.push_back({cmp.lhs, c->data, unit.beta, unit.M, w});
      keys.push_back({cmp.rhs, c->data, unit.beta, unit.M, w});
    }
  }
  return keys;
}

std::size_t cost_of(const Unit& unit, const std::vector<PointKey>& keys, const std::vector<std::string>& omegas) {
  return unit.check->source ? omegas.size() : keys.size();
}

// One unit: its values, sweep, fit, verdict, control, implied constants and comparisons.
CheckResult compute_unit(const Unit& unit, const std::vector<PointKey>& keys, const AuditOptions& options, const std::vector<std::string>& omegas,
                         ValueTable& table) {
  const Check* c = unit.check;
  const std::string& beta = unit.beta;
  const std::string& M = unit.M;
  table.compute(keys, options.digits, options.jobs);
  set_working_precision(options.digits);
  CheckResult r;
  r.check = c;
  r.beta = beta;
  r.M = M;
  r.refinement = unit.refinement;
  const auto assumed = options.assumed.find(c->id);
  r.assumed = assumed != options.assumed.end();
  r.exponent = r.assumed ? parse_exponent(assumed->second) : c->predicted;
  const double b = std::stod(beta), m = std::stod(M);
  std::vector<std::string> violations;
  r.predicted = r.exponent.at(b, m);
  r.within_hypotheses = within_hypotheses(c->hypotheses, b, m);
  if (c->source) {
    Series s = c->source({beta, M, options.digits, options.jobs, options.grid.per_decade, &table, omegas});
    set_working_precision(options.digits);
    r.omegas = std::move(s.abscissae);
    r.series = std::move(s.points);
    r.calls = std::move(s.calls);
    r.values_met = s.met;
    r.notes = std::move(s.notes);
    violations = std::move(s.violations);
  } else {
    r.omegas = omegas;
    for (const std::string& w : omegas) {
      const Evaluation& e = table.at({c->quantity, c->data, beta, M, w});
      r.series.push_back({parse_real(w, "omega"), e.value, e.error});
      r.calls.push_back(e.calls);
      r.values_met = r.values_met && e.met;
    }
  }
  r.fit = fit_exponent(r.series);
  r.verdict = judge(c->relation, r.predicted, r.fit, r.values_met, options.tolerances);
  r.control = negative_control(c->relation, r.fit, r.values_met, options.tolerances);
  if (c->relation != Relation::lower) r.implied_constant_upper = implied_constant(r.series, r.predicted, false);
  if (c->relation != Relation::upper) r.implied_constant_lower = implied_constant(r.series, r.predicted, true);
  for (const Comparison& cmp : c->comparisons) {
    r.comparisons.push_back(compare(cmp, table, {"", c->data, beta, M, ""}, omegas));
    if (!r.comparisons.back().holds) {
      r.verdict.outcome = Outcome::fail;
      r.verdict.reason = cmp.lhs + " <= " + cmp.rhs + " fails at w1 = " + r.comparisons.back().worst_omega + "; " + r.verdict.reason;
    }
  }
  for (const std::string& v : violations) {
    r.verdict.outcome = Outcome::fail;
    r.verdict.reason = v + "; " + r.verdict.reason;
    r.notes.push_back("**violated**: " + v);
  }
  return r;
}

}  // namespace

Audit run_audit(const AuditOptions& options, const ProgressSink& progress) {
  options.validate();
  const auto start = std::chrono::steady_clock::now();
  Audit audit;
  audit.options = options;
  const std::vector<std::string> omegas = options.grid.omegas();

  // The values each unit needs; a value two units share (4.2 and 4.3: C^234_21) is computed once.
  const std::vector<Unit> all = units(options);
  std::vector<std::vector<PointKey>> unit_keys(all.size());
  std::size_t total = 0;
  for (std::size_t u = 0; u < all.size(); ++u) {
    if (!in_shard(options, u)) continue;
    unit_keys[u] = keys_of(all[u], omegas);
    total += cost_of(all[u], unit_keys[u], omegas);
  }
  ValueTable table;
  std::size_t done = 0;
  for (std::size_t u = 0; u < all.size(); ++u) {
    if (!in_shard(options, u)) continue;
    if (progress) progress({done, total, all[u].check->id, all[u].beta, all[u].M, false});
    audit.results.push_back(compute_unit(all[u], unit_keys[u], options, omegas, table));
    done += cost_of(all[u], unit_keys[u], omegas);
  }
  // The range audit, unsharded: denser where the measured exponent changes regime (range_grid.hpp).
  if (options.range && options.refine && options.shard_count == 1) {
    const std::vector<Unit> extra = refinement_units(analyse_range(audit), audit);
    std::vector<std::vector<PointKey>> extra_keys;
    for (const Unit& u : extra) {
      extra_keys.push_back(keys_of(u, omegas));
      total += cost_of(u, extra_keys.back(), omegas);
    }
    for (std::size_t u = 0; u < extra.size(); ++u) {
      if (progress) progress({done, total, extra[u].check->id, extra[u].beta, extra[u].M, false});
      audit.results.push_back(compute_unit(extra[u], extra_keys[u], options, omegas, table));
      done += cost_of(extra[u], extra_keys[u], omegas);
    }
  }
  if (progress) progress({done, total, "", "", "", true});
  audit.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return audit;
}

Outcome overall(const Audit& audit) {
  bool inconclusive = false;
  for (const CheckResult& r : audit.results) {
    if (r.verdict.outcome == Outcome::fail || r.control.broken) return Outcome::fail;
    if (r.verdict.outcome == Outcome::inconclusive) inconclusive = true;
  }
  return inconclusive ? Outcome::inconclusive : Outcome::pass;
}

}  // namespace kwe::checks
