#include "checks/proof_replay.hpp"

#include "checks/exponent.hpp"
#include "checks/fit.hpp"
#include "checks/parallel.hpp"
#include "checks/polygon.hpp"
#include "checks/sweep.hpp"

#include <boost/math/tools/minima.hpp>
#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>

namespace kwe::checks {

namespace {

// One line or one reading of a line, as the replay indexes them: variant 0 is the quantity itself.
struct Variant {
  const Line* line;
  bool inner;
  std::size_t index;   // of its line in chain.inner or chain.outer_lines
  int reading;         // -1: the printed line
};

std::vector<Variant> variants_of(const Chain& chain) {
  std::vector<Variant> out;
  for (std::size_t k = 0; k < chain.inner.size(); ++k) {
    out.push_back({&chain.inner[k], true, k, -1});
    for (std::size_t r = 0; r < chain.inner[k].readings.size(); ++r)
      out.push_back({&chain.inner[k].readings[r], true, k, static_cast<int>(r)});
  }
  for (std::size_t k = 0; k < chain.outer_lines.size(); ++k) {
    out.push_back({&chain.outer_lines[k], false, k, -1});
    for (std::size_t r = 0; r < chain.outer_lines[k].readings.size(); ++r)
      out.push_back({&chain.outer_lines[k].readings[r], false, k, static_cast<int>(r)});
  }
  return out;
}

// The variants of the line that comes before variant v's line (the last inner line before the first outer one).
std::vector<std::size_t> previous_variants(const Chain& chain, const std::vector<Variant>& vs, std::size_t v) {
  const Variant& me = vs[v];
  bool want_inner = me.inner;
  std::size_t want_index;
  if (me.inner) {
    want_index = me.index - 1;
  } else if (me.index > 0) {
    want_index = me.index - 1;
  } else {
    want_inner = true;
    want_index = chain.inner.size() - 1;
  }
  std::vector<std::size_t> out;
  for (std::size_t u = 0; u < vs.size(); ++u)
    if (vs[u].inner == want_inner && vs[u].index == want_index) out.push_back(u);
  return out;
}

// The line before and the line after, in the order the relation says is bounded: for an upper step
// (<=, ≲) previous/this, for a lower one this/previous, for ≈ and = both.
std::vector<std::pair<bool, bool>> directions(StepRelation r) {
  // {previous over this?}: true -> ratio previous/this; false -> this/previous
  switch (r) {
    case StepRelation::less_equal:
    case StepRelation::lesssim: return {{true, true}};
    case StepRelation::gtrsim:
    case StepRelation::greater_equal: return {{false, true}};
    case StepRelation::approx:
    case StepRelation::equal: return {{true, true}, {false, true}};
  }
  return {};
}

struct LineValueAt {
  Real value, error;
  bool met = true;
  std::size_t calls = 0;
};

LineValueAt evaluate_at(const Chain& chain, const Line& line, const quadrature::Engine<Real>& engine,
                        const Model<Real>& model, const Real& w1, const Real& t) {
  using std::abs;
  LineContext c{engine, model, w1};
  c.t = t;
  if (chain.outer.origin) c.w3 = Real(chain.outer.origin(c) + t);
  LineValueAt out;
  out.value = line.value(c);
  out.error = c.worst_error * abs(out.value);
  out.met = c.met;
  out.calls = c.calls;
  return out;
}

// The size of a line as a function of w1: an inner line integrated against the outer weight, an outer line as is.
// `target`: the relative accuracy asked of the size. The engine runs one digit tighter (replay_proofs), so
// that the outer integral's own error and the inner integrals' errors carried through it (their worst
// relative error times the outer L1 norm) add up to less than the target.
LineValueAt size_of(const Chain& chain, const Variant& v, const quadrature::Engine<Real>& engine, const Model<Real>& model,
                    const Real& w1, const Real& target) {
  using std::abs;
  if (!v.inner) return evaluate_at(chain, *v.line, engine, model, w1, Real(0));
  LineContext outer{engine, model, w1};
  const Real origin = chain.outer.origin(outer), length = chain.outer.length(outer);
  bool inner_met = true;
  Real inner_worst = 0;
  std::size_t calls = 0;
  const auto integrand = [&](const Real& t) -> Real {
    LineContext c{engine, model, w1};
    c.t = t;
    c.w3 = Real(origin + t);
    const Real value = Real(chain.outer.weight(c) * v.line->value(c));
    inner_met = inner_met && c.met;
    inner_worst = std::max(inner_worst, c.worst_error);
    calls += c.calls;
    return value;
  };
  const quadrature::Result<Real> r =
      quadrature::line_integral(engine, Real(0), length, Real(1), std::optional<Real>{}, integrand, std::vector<Real>{w1});
  LineValueAt out;
  out.value = r.value;
  out.error = Real(r.error + inner_worst * r.l1);
  out.met = r.met && inner_met && out.error <= target * abs(r.value);
  out.calls = r.calls + calls;
  return out;
}

Real log_ratio(const LineValueAt& num, const LineValueAt& den) {
  using std::log;
  if (!(num.value > 0)) return -std::numeric_limits<Real>::infinity();
  if (!(den.value > 0)) return std::numeric_limits<Real>::infinity();
  return Real(log(num.value) - log(den.value));
}

std::string short_number(const Real& x) {
  const double d = static_cast<double>(x);
  return fmt::format("{:.3g}", d);
}

}  // namespace

OuterSup sup_over_outer(const Chain& chain, const Line& numerator, const Line& denominator,
                        const quadrature::Engine<Real>& engine, const Model<Real>& model, const Real& w1) {
  using std::exp;
  using std::log;
  OuterSup best;
  bool first = true;
  LineContext outer{engine, model, w1};
  const Real length = chain.outer.length(outer);
  const bool infinite = boost::multiprecision::isinf(length);
  // ln t from 10^-6 (the outer variable near the origin of its range) to the far end (10^6 w1 for w3 -> infinity).
  const Real tau_low = log(Real("1e-6"));
  const Real tau_high = infinite ? Real(log(Real("1e6") * w1)) : Real(log(Real(length * (1 - pow(Real(2), -20)))));
  // The sup is as good as the evaluation at the maximiser. An evaluation elsewhere that missed its target
  // cannot change the sup unless its value, within its own error, reaches it: such points are kept and
  // judged at the end (one point at w1 = 3.2e4 of (4.4) at beta = 0.75, 2e-10 against 1e-11, would
  // otherwise have left the whole ratio undecided).
  struct Missed {
    Real log_value, error;
  };
  std::vector<Missed> missed;
  bool best_met = true;
  const auto g = [&](const Real& tau) -> Real {
    const Real t = exp(tau);
    const LineValueAt n = evaluate_at(chain, numerator, engine, model, w1, t);
    const LineValueAt d = evaluate_at(chain, denominator, engine, model, w1, t);
    const Real error = Real((n.value > 0 ? Real(n.error / n.value) : Real(0)) + (d.value > 0 ? Real(d.error / d.value) : Real(0)));
    const Real r = log_ratio(n, d);
    if (!(n.met && d.met)) missed.push_back({r, error});
    if (first || r > best.log_value) {
      best.log_value = r;
      best.t = t;
      best_met = n.met && d.met;
      best.worst_error = error;
      LineContext at{engine, model, w1};
      best.w3 = Real(chain.outer.origin(at) + t);
      first = false;
    }
    return r;
  };
  constexpr int scan = 25;
  std::vector<Real> taus(scan), values(scan);
  for (int i = 0; i < scan; ++i) {
    taus[i] = i + 1 == scan ? tau_high : Real(tau_low + (tau_high - tau_low) * i / (scan - 1));
    values[i] = g(taus[i]);
  }
  int top = 0;
  for (int i = 1; i < scan; ++i)
    if (values[i] > values[top]) top = i;
  best.at_low_end = top == 0;
  best.at_high_end = top == scan - 1;
  using boost::multiprecision::isinf;
  if (!isinf(values[top])) {
    if (best.at_low_end || best.at_high_end) {
      // An open end: does the ratio keep growing past the scanned range (at fixed w1)?
      const bool open = best.at_low_end || infinite;
      if (open) {
        const Real beyond = best.at_low_end ? Real(tau_low - log(Real(10000))) : Real(tau_high + log(Real(10000)));
        const Real before = values[top];
        const Real there = g(beyond);
        if (there > before + log(Real(2))) {
          best.edge_unbounded = true;
          best.edge = best.at_low_end ? "w3 -> the start of its range" : "w3 -> infinity";
        }
      }
    } else {
      std::uintmax_t iterations = 40;
      boost::math::tools::brent_find_minima([&](const Real& tau) { return Real(-g(tau)); }, taus[top - 1], taus[top + 1],
                                            24, iterations);
    }
  }
  best.met = best_met;
  for (const Missed& m : missed)
    if (!(m.error < 1) || !(Real(m.log_value + 2 * m.error) < Real(best.log_value - 2 * best.worst_error))) best.met = false;
  return best;
}

void validate(const ProofOptions& o) {
  if (o.digits < 10 || o.digits > 30) throw std::invalid_argument("digits: " + std::to_string(o.digits) + " is outside [10, 30]");
  if (o.jobs < 1 || o.jobs > 64) throw std::invalid_argument("jobs: " + std::to_string(o.jobs) + " is outside [1, 64]");
  if (o.betas.empty()) throw std::invalid_argument("beta: the list is empty");
  if (o.Ms.empty()) throw std::invalid_argument("M: the list is empty");
  select_chains(o.chains);
  for (const std::string& beta : o.betas) {
    Parameters p;
    p.beta = beta;
    p.validate();
  }
  for (const std::string& M : o.Ms) {
    Parameters p;
    p.M = M;
    p.validate();
  }
  Grid g{o.omega_min, o.omega_max, o.per_decade};
  if (g.omegas().size() < 6) throw std::invalid_argument("omega: fewer than 6 points");
}

namespace {

struct UnitResult {
  std::vector<LineValueAt> sizes;                     // per variant
  std::map<std::pair<std::size_t, std::size_t>, OuterSup> sups;  // (numerator, denominator) variants, inner lines
};

// The ratios a replay needs at each w1: every variant against each variant of the line before and
// against the quantity (variant 0), in the directions its relation (the chain's, for the quantity) bounds.
std::vector<std::pair<std::size_t, std::size_t>> needed_pairs(const Chain& chain, const std::vector<Variant>& vs) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  const auto add = [&](std::size_t a, std::size_t b) {
    for (const auto& p : out)
      if (p.first == a && p.second == b) return;
    out.emplace_back(a, b);
  };
  for (std::size_t v = 1; v < vs.size(); ++v) {
    if (chain.inner.empty() && !vs[v].inner && vs[v].index == 0) continue;  // the starting line of an outer-only chain
    for (std::size_t u : previous_variants(chain, vs, v))
      for (auto [previous_over_this, unused] : directions(vs[v].line->relation)) {
        (void)unused;
        if (previous_over_this) add(u, v);
        else add(v, u);
      }
    if (chain.lower) add(v, 0);
    else add(0, v);
  }
  return out;
}

Fit fit_of(const std::vector<std::string>& omegas, const std::vector<Real>& values, const std::vector<Real>& errors) {
  std::vector<SweepPoint> points;
  for (std::size_t k = 0; k < omegas.size(); ++k) {
    if (!(values[k] > 0)) return Fit{};
    points.push_back({parse_real(omegas[k], "omega"), values[k], errors[k]});
  }
  return fit_exponent(points);
}

RatioRecord ratio_record(const std::vector<std::string>& omegas, const std::vector<UnitResult>& units, std::size_t a,
                         std::size_t b, bool inner_pair) {
  using std::exp;
  using std::log10;
  RatioRecord r;
  std::vector<Real> values, errors;
  bool all_met = true, finite = true;
  for (std::size_t k = 0; k < omegas.size(); ++k) {
    const UnitResult& u = units[k];
    Real value, error;
    if (inner_pair) {
      const OuterSup& s = u.sups.at({a, b});
      using boost::multiprecision::isinf;
      if (isinf(s.log_value)) {
        finite = finite && s.log_value < 0;
        value = s.log_value < 0 ? Real(0) : Real(1);
      } else {
        value = exp(s.log_value);
      }
      error = Real(value * 2 * s.worst_error);
      all_met = all_met && s.met;
      if (s.edge_unbounded) {
        r.edge_unbounded = true;
        r.edge = s.edge;
      }
      if (k + 1 == omegas.size()) {
        r.interior = !s.at_low_end && !s.at_high_end;
        r.sup_at = s.at_low_end    ? "w3 at the start of its range (t = 1e-6)"
                   : s.at_high_end ? "w3 at the end of its range"
                                   : "w3 = " + short_number(s.w3) + " (inside the range)";
      }
    } else {
      value = Real(u.sizes[a].value / u.sizes[b].value);
      error = Real(abs(value) * (u.sizes[a].error / abs(u.sizes[a].value) + u.sizes[b].error / abs(u.sizes[b].value)));
      all_met = all_met && u.sizes[a].met && u.sizes[b].met;
    }
    values.push_back(value);
    errors.push_back(error);
    r.log10_sup.push_back(value > 0 ? static_cast<double>(log10(value)) : -std::numeric_limits<double>::infinity());
  }
  const Fit f = fit_of(omegas, values, errors);
  r.ok = f.ok && all_met && finite;
  r.exponent = f.exponent;
  r.uncertainty = f.uncertainty;
  if (r.edge_unbounded) r.decision = "unbounded";
  else if (!r.ok) r.decision = "undecided";
  else if (r.exponent + r.uncertainty <= kBoundedSlope) r.decision = "bounded";
  else if (r.exponent - r.uncertainty > kBoundedSlope) r.decision = "unbounded";
  else r.decision = "undecided";
  return r;
}

}  // namespace

std::vector<Finding> proof_findings(const ProofReplay& replay) {
  std::vector<Finding> out;
  std::map<std::string, std::size_t> seen;  // sentence -> its note
  for (const ChainReplay& c : replay.chains)
    for (std::size_t i = 0; i < c.findings.size(); ++i) {
      const std::string& text = c.findings[i];
      auto found = seen.find(text);
      if (found == seen.end()) {
        found = seen.emplace(text, out.size()).first;
        out.push_back({"in the proof: " + c.finding_kinds[i], c.chain->proves, text, {}});
      }
      out[found->second].where.push_back(fmt::format("β = {}, M = {}", c.beta, c.M));
    }
  for (std::size_t i = 0; i < replay.selected.size(); ++i)
    for (const ArithmeticRecord& a : replay.arithmetic[i])
      if (!a.holds)
        out.push_back({"in the proof: exponent arithmetic", replay.selected[i]->proves,
                       fmt::format("{} ({}): the exponent arithmetic \"{}\" needs {}, which {}", a.label, replay.selected[i]->location,
                                   a.printed, a.claim, a.summary),
                       {}});
  return out;
}

ProofReplay replay_proofs(const ProofOptions& options) {
  validate(options);
  return replay_chains(select_chains(options.chains), options);
}

ProofReplay replay_chains(const std::vector<const Chain*>& chains, const ProofOptions& options) {
  ProofOptions checked = options;
  checked.chains.clear();
  validate(checked);
  const auto started = std::chrono::steady_clock::now();
  ProofReplay out;
  out.options = options;
  out.selected = chains;
  const std::vector<std::string> omegas = Grid{options.omega_min, options.omega_max, options.per_decade}.omegas();

  struct Job {
    std::size_t chain, beta, M, omega;
  };
  std::vector<Job> jobs;
  // A chain of exponent arithmetic alone (no displayed line to evaluate) has no jobs and no replay per (beta, M).
  std::vector<bool> lines_of(out.selected.size());
  for (std::size_t c = 0; c < out.selected.size(); ++c) lines_of[c] = !variants_of(*out.selected[c]).empty();
  const auto has_lines = [&](std::size_t c) -> bool { return lines_of[c]; };
  for (std::size_t c = 0; c < out.selected.size(); ++c)
    for (std::size_t b = 0; b < options.betas.size(); ++b)
      for (std::size_t m = 0; m < options.Ms.size(); ++m)
        for (std::size_t w = 0; w < omegas.size(); ++w)
          if (has_lines(c)) jobs.push_back({c, b, m, w});
  std::vector<UnitResult> results(jobs.size());
  // Every integral at one digit more than asked: a size is an integral of integrals (see size_of).
  parallel_for(jobs.size(), options.digits + 1, options.jobs, [&](const quadrature::Engine<Real>& engine, std::size_t i) {
    // Made here, at the working precision: a Real from outside the job would change it (parallel.hpp).
    const Real target = pow(Real(10), -static_cast<int>(options.digits));
    const Job& job = jobs[i];
    const Chain& chain = *out.selected[job.chain];
    Parameters p;
    p.beta = options.betas[job.beta];
    p.M = options.Ms[job.M];
    const Model<Real> model(p);
    const Real w1 = parse_real(omegas[job.omega], "omega");
    const std::vector<Variant> vs = variants_of(chain);
    UnitResult& r = results[i];
    for (const Variant& v : vs) r.sizes.push_back(size_of(chain, v, engine, model, w1, target));
    for (const auto& [a, b] : needed_pairs(chain, vs))
      if (vs[a].inner && vs[b].inner) r.sups[{a, b}] = sup_over_outer(chain, *vs[a].line, *vs[b].line, engine, model, w1);
  });

  // Exact arithmetic, once per chain.
  for (const Chain* chain : out.selected) {
    std::vector<ArithmeticRecord> records;
    for (const Arithmetic& a : chain->arithmetic) {
      ArithmeticRecord rec{a.label, a.printed, a.claim, false, ""};
      const Implication imp = decide(region_of(chain->hypotheses), parse_claim(a.claim));
      rec.holds = imp.holds;
      rec.summary = imp.summary;
      records.push_back(rec);
    }
    out.arithmetic.push_back(records);
  }

  std::size_t next_job = 0;
  for (std::size_t c = 0; c < out.selected.size(); ++c)
    for (std::size_t b = 0; b < options.betas.size(); ++b)
      for (std::size_t m = 0; m < options.Ms.size(); ++m) {
        if (!has_lines(c)) continue;
        const Chain& chain = *out.selected[c];
        const std::vector<Variant> vs = variants_of(chain);
        std::vector<UnitResult> units(results.begin() + next_job, results.begin() + next_job + omegas.size());
        next_job += omegas.size();
        ChainReplay replay;
        replay.chain = &chain;
        replay.beta = options.betas[b];
        replay.M = options.Ms[m];
        replay.omegas = omegas;
        const double beta = std::stod(replay.beta), M = std::stod(replay.M);

        // Sizes and their exponents.
        std::vector<StepRecord> steps(vs.size());
        for (std::size_t v = 0; v < vs.size(); ++v) {
          StepRecord& s = steps[v];
          s.label = vs[v].line->label;
          s.printed = vs[v].line->printed;
          s.relation = v == 0 || (chain.inner.empty() && !vs[v].inner && vs[v].index == 0) ? "" : symbol(vs[v].line->relation);
          s.reading = vs[v].reading >= 0;
          s.inner = vs[v].inner;
          if (s.reading) s.reading_of = (vs[v].inner ? chain.inner : chain.outer_lines)[vs[v].index].label;
          s.claims = vs[v].line->claims;
          std::vector<Real> values, errors;
          for (const UnitResult& u : units) {
            values.push_back(u.sizes[v].value);
            errors.push_back(u.sizes[v].error);
            s.met = s.met && u.sizes[v].met;
            s.calls += u.sizes[v].calls;
            using std::log10;
            s.log10_size.push_back(u.sizes[v].value > 0 ? static_cast<double>(log10(u.sizes[v].value))
                                                        : -std::numeric_limits<double>::infinity());
          }
          const Fit f = fit_of(omegas, values, errors);
          s.exponent_ok = f.ok && s.met;
          s.exponent = f.exponent;
          s.uncertainty = f.uncertainty;
          if (!s.claims.empty()) {
            s.claimed = parse_exponent(s.claims).at(beta, M);
            const double d = s.exponent - s.claimed;
            s.claim_status = std::abs(d) <= std::max(0.01, 3 * s.uncertainty) ? "matches" : fmt::format("differs by {:+.3f}", d);
          }
        }

        // Statuses, in the order of the chain: each line against the line the chain goes on from.
        const std::size_t start = chain.inner.empty() ? [&] {
          for (std::size_t v = 0; v < vs.size(); ++v)
            if (!vs[v].inner && vs[v].index == 0 && vs[v].reading < 0) return v;
          return std::size_t{0};
        }()
                                                      : 0;
        steps[start].status = "the quantity";
        steps[start].used = true;
        std::size_t used = start;
        const auto decide_pair = [&](std::size_t a, std::size_t bb) {
          return ratio_record(omegas, units, a, bb, vs[a].inner && vs[bb].inner);
        };
        // Lines in order: inner 1.., then outer 0.. (outer 1.. when the chain has no inner lines).
        std::vector<std::pair<bool, std::size_t>> order;
        for (std::size_t k = 1; k < chain.inner.size(); ++k) order.emplace_back(true, k);
        for (std::size_t k = chain.inner.empty() ? 1 : 0; k < chain.outer_lines.size(); ++k) order.emplace_back(false, k);
        for (const auto& [inner, index] : order) {
          std::vector<std::size_t> mine;
          for (std::size_t v = 0; v < vs.size(); ++v)
            if (vs[v].inner == inner && vs[v].index == index) mine.push_back(v);
          const StepRelation relation = vs[mine[0]].line->relation;
          std::size_t holding = vs.size();
          for (std::size_t v : mine) {
            StepRecord& s = steps[v];
            s.previous = steps[used].label;
            const bool identity = relation == StepRelation::equal;
            std::string follows = "bounded";
            for (auto [previous_over_this, unused] : directions(relation)) {
              (void)unused;
              const RatioRecord r = previous_over_this ? decide_pair(used, v) : decide_pair(v, used);
              if (previous_over_this || follows == "bounded") s.against_previous = r;
              if (r.decision != "bounded" && follows != "unbounded") follows = r.decision;
            }
            if (identity) {
              double worst = 0;
              for (std::size_t k = 0; k < omegas.size(); ++k)
                worst = std::max(worst, std::abs(static_cast<double>(units[k].sizes[v].value / units[k].sizes[used].value) - 1));
              follows = worst <= std::pow(10.0, -static_cast<double>(options.digits) + 2) ? "bounded" : "unbounded";
              s.note = fmt::format("largest relative difference over the sweep {:.2e}", worst);
            }
            s.against_quantity = chain.lower ? decide_pair(v, start) : decide_pair(start, v);
            const double slack = chain.lower ? steps[used].exponent - s.exponent : s.exponent - steps[used].exponent;
            s.slack = slack;
            const bool loose = s.exponent_ok && steps[used].exponent_ok &&
                               slack > std::max(0.05, 3 * (s.uncertainty + steps[used].uncertainty));
            if (follows == "bounded") {
              s.status = loose ? fmt::format("holds, loose by {:.2f}", slack) : "holds";
              if (holding == vs.size()) holding = v;
            } else if (identity) {
              s.status = "false";
            } else if (follows == "undecided") {
              s.status = "undecided";
            } else if (s.against_quantity.decision == "bounded") {
              s.status = "does not follow";
            } else if (s.against_quantity.decision == "unbounded") {
              s.status = "false";
            } else {
              s.status = "undecided";
            }
          }
          const std::size_t printed = mine[0];
          const bool printed_holds = steps[printed].status.rfind("holds", 0) == 0;
          std::size_t next = printed;
          // A typo: the printed line is shown wrong (false, or not following) while a reading holds. An
          // undecided printed line stays undecided; the chain goes on from the reading either way.
          const bool printed_wrong = steps[printed].status == "false" || steps[printed].status == "does not follow";
          if (!printed_holds && holding != vs.size()) next = holding;
          if (printed_wrong && holding != vs.size()) {
            steps[printed].note = (steps[printed].note.empty() ? "" : steps[printed].note + "; ") + "as printed: " +
                                  steps[printed].status;
            steps[printed].status = "typo";
          }
          steps[next].used = true;
          used = next;
        }
        // Findings: every printed line that is not "holds" (a loose one says where the power goes).
        for (std::size_t v = 0; v < vs.size(); ++v) {
          const StepRecord& s = steps[v];
          if (s.reading || s.status.empty() || s.status == "the quantity" || s.status == "holds") continue;
          std::string sentence = fmt::format("{} ({}): {}", s.label, chain.location, s.status);
          if (s.status.rfind("holds, loose", 0) == 0)
            sentence += fmt::format(": the exponent of w1 goes from {:.3f} ({}) to {:.3f}",
                                    chain.lower ? s.exponent + s.slack : s.exponent - s.slack, s.previous, s.exponent);
          if (s.status == "typo") {
            for (std::size_t u = 0; u < vs.size(); ++u)
              if (steps[u].reading && steps[u].reading_of == s.label && steps[u].used)
                sentence += fmt::format(" — {}; the reading \"{}\" holds", s.note, steps[u].printed);
          } else if (s.status == "does not follow") {
            sentence += fmt::format(": against {} its ratio grows like w1^{:.3f}; against the quantity it is bounded",
                                    s.previous, s.against_previous.exponent);
          } else if (s.status == "false") {
            sentence += fmt::format(": the quantity over it grows like w1^{:.3f}", s.against_quantity.exponent);
          }
          replay.findings.push_back(sentence);
          replay.finding_kinds.push_back(s.status.rfind("holds, loose", 0) == 0 ? "loose" : s.status);
        }
        out.steps_checked += vs.size() - 1;
        replay.steps = std::move(steps);
        out.chains.push_back(std::move(replay));
      }
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return out;
}

}  // namespace kwe::checks
