#include "checks/range.hpp"

#include "checks/findings.hpp"
#include "checks/registry.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <stdexcept>

namespace kwe::checks {

namespace {

std::string where(const std::string& beta, const std::string& M) { return "(β, M) = (" + beta + ", " + M + ")"; }

std::string join(const std::vector<std::string>& items, const std::string& sep) {
  std::string s;
  for (const std::string& i : items) s += (s.empty() ? "" : sep) + i;
  return s;
}

Point exact_point(const std::string& beta, const std::string& M) { return {decimal_rational(std::stod(beta)), decimal_rational(std::stod(M))}; }

// The failure pieces of an implication as one phrase: "M <= 4beta + 7 or beta = 1".
std::string failure_text(const Implication& i) {
  if (i.holds) return "nowhere";
  std::vector<std::string> parts;
  for (const Failure& f : i.failures) parts.push_back(f.summary);
  return join(parts, " or ");
}

// The local slopes' noise from the values' own error estimates: a slope between w_k and w_(k+1) moves by
// at most (e_k/|Q_k| + e_(k+1)/|Q_(k+1)|) / ln(w_(k+1)/w_k).
double slope_noise(const CheckResult& r) {
  double noise = 1e-15;
  for (std::size_t k = 0; k + 1 < r.series.size(); ++k) {
    const double a = std::abs(static_cast<double>(r.series[k].error / r.series[k].value));
    const double b = std::abs(static_cast<double>(r.series[k + 1].error / r.series[k + 1].value));
    const double dl = std::log(static_cast<double>(r.series[k + 1].omega / r.series[k].omega));
    if (std::isfinite(a + b) && dl > 0) noise = std::max(noise, (a + b) / dl);
  }
  return noise;
}

LogFactor log_factor_of(const CheckResult& r) {
  if (!r.fit.ok || r.series.size() < 3 || r.fit.local_slopes.size() + 1 != r.series.size()) return {};
  for (const SweepPoint& p : r.series)
    if (p.value == 0) return {};
  std::vector<double> mid;
  for (std::size_t k = 0; k + 1 < r.series.size(); ++k)
    mid.push_back(0.5 * (std::log(static_cast<double>(r.series[k].omega)) + std::log(static_cast<double>(r.series[k + 1].omega))));
  try {
    return detect_log_factor(mid, r.fit.local_slopes, slope_noise(r));
  } catch (const std::invalid_argument&) {
    return {};  // an abscissa <= 1: no logarithm to read
  }
}

RangePoint point_of(const CheckResult& r, const Tolerances& t) {
  RangePoint p;
  p.beta = r.beta;
  p.M = r.M;
  p.refinement = r.refinement;
  p.outcome = r.verdict.outcome;
  p.sharp = r.verdict.sharp;
  p.stated = r.predicted;
  p.exponent = r.fit.exponent;
  p.uncertainty = std::max(r.fit.uncertainty, t.min_uncertainty);
  p.decided = r.values_met && r.fit.ok && r.fit.uncertainty <= t.max_uncertainty;
  p.log = log_factor_of(r);
  if (p.log.detected && r.values_met) {
    // The size is w1^p (ln w1)^q: its exponent is p, known to the spread of the log fit.
    p.exponent = p.log.p;
    // p's spread in s = p + q/ln w on the tail: the model's residuals, and q's uncertainty over the last
    // 1/ln w (how far the extrapolation to 1/ln w = 0 reaches).
    const double last = std::log(static_cast<double>(r.series.back().omega));
    p.uncertainty = std::max({3 * p.log.residual_log, p.log.q_uncertainty / last, t.min_uncertainty, 1e-6});
    p.decided = p.uncertainty <= t.max_uncertainty;
  }
  const bool upper = r.check->relation != Relation::lower, lower = r.check->relation != Relation::upper;
  if (p.log.detected && p.decided && std::abs(p.exponent - p.stated) <= 3 * p.uncertainty && ((upper && p.log.q > 0) || (lower && p.log.q < 0)))
    p.status = "violated by a logarithm";
  else if (p.outcome == Outcome::fail) p.status = "violated";
  else if (p.outcome == Outcome::inconclusive) p.status = "inconclusive";
  else if (p.sharp) p.status = "sharp";
  else p.status = "loose by " + fraction(std::abs(r.verdict.slack), std::max(1e-6, 3 * p.uncertainty));
  return p;
}

struct Exact {
  PiecewiseAffine s;
  Relation relation;
};

// The claims "m R s" whose failure sets are where the statement fails: one for ≲ and ≳, two for ≈.
std::vector<Claim> validity_claims(const PiecewiseAffine& m, const PiecewiseAffine& s, Relation relation, bool strict) {
  std::vector<Claim> claims;
  if (relation != Relation::lower) claims.push_back({m, strict ? Order::less : Order::less_equal, s});
  if (relation != Relation::upper) claims.push_back({m, strict ? Order::greater : Order::greater_equal, s});
  return claims;
}

RegionOfValidity region_of_validity(const Polygon& H, const PiecewiseAffine& m, const PiecewiseAffine& s, Relation relation) {
  RegionOfValidity v;
  v.decided = true;
  std::vector<std::string> fails;
  for (const Claim& c : validity_claims(m, s, relation, false)) {
    const Implication i = decide(H, c);
    if (!i.holds) {
      fails.push_back(relation == Relation::both ? (c.order == Order::less_equal ? "measured above stated for " : "measured below stated for ") +
                                                       failure_text(i)
                                                 : failure_text(i));
      for (const Failure& f : i.failures) v.failures.push_back(f);
    }
    if (i.gap && relation != Relation::both) v.gap = i.gap;
  }
  v.fails = fails.empty() ? "nowhere" : join(fails, "; ");
  v.holds = fails.empty() ? "the whole range" : "outside " + v.fails;
  if (relation == Relation::both) {
    v.sharp = v.holds;  // ≈ holding is sharp
  } else {
    // Sharp where m = s: the failure set of the strict claim (m >= s for ≲), inside where it holds --
    // for ≲ with one stated piece s, where it holds is the polygon {p_i <= s for every piece p_i of m}.
    Polygon holding = H;
    if (relation == Relation::upper && s.pieces.size() == 1 && !fails.empty())
      for (const Affine& p : m.pieces) holding.constraints.push_back(less_equal(p, s.pieces.front()));
    const Implication strict = decide(holding, validity_claims(m, s, relation, true).front());
    v.sharp = strict.holds ? "nowhere" : failure_text(strict);
    if (!strict.holds && holding.constraints.size() > H.constraints.size()) {
      // Said against the hypotheses, not against the holding region: its own constraints and the piece's.
      std::vector<std::string> parts;
      for (const Failure& f : strict.failures)
        parts.push_back(conjunction({f.where.constraints.begin() + static_cast<std::ptrdiff_t>(H.constraints.size()), f.where.constraints.end()}));
      v.sharp = join(parts, " or ");
    }
    if (!strict.holds && strict.failures.size() == 1 && strict.failures.front().summary == "the whole range" && fails.empty())
      v.sharp = "the whole range";
  }
  if (fails.empty()) {
    v.summary = "holds on the whole range";
    if (v.sharp == "the whole range") v.summary += ", sharp";
    else if (v.sharp == "nowhere") {
      v.summary += ", sharp nowhere";
      if (v.gap && v.gap->value) {
        if (*v.gap->value < 0) v.summary += fmt::format(" (loose by at least {})", to_string(-*v.gap->value));
        else v.summary += fmt::format(" (the gap closes to 0 towards (β, M) = {}, an edge the range excludes)", format(v.gap->where));
      }
    } else v.summary += ", sharp for " + v.sharp;
  } else if (fails.size() == 1 && v.failures.size() == 1 && v.failures.front().summary == "the whole range") {
    v.summary = "fails on the whole range";
  } else {
    v.summary = "fails for " + v.fails;
  }
  return v;
}

PiecewiseAffine stated_of(const std::string& formula) { return parse_piecewise(formula); }

PiecewiseAffine concatenated(const std::vector<PiecewiseAffine>& fs) {
  PiecewiseAffine out;
  for (const PiecewiseAffine& f : fs)
    for (const Affine& a : f.pieces) out.pieces.push_back(a);
  return out;
}

// How simple a formula is: the sum over its pieces of the denominators of their three coefficients.
long complexity(const PiecewiseAffine& f) {
  long c = 0;
  for (const Affine& a : f.pieces)
    for (const Rational* q : {&a.constant, &a.beta, &a.M}) c += static_cast<long>(q->denominator());
  return c;
}

// The largest and second largest piece at (beta, M).
std::pair<double, double> top_two(const PiecewiseAffine& f, double beta, double M) {
  std::vector<double> v;
  for (const Affine& a : f.pieces) v.push_back(a.at(beta, M));
  std::sort(v.rbegin(), v.rend());
  return {v[0], v.size() > 1 ? v[1] : -1e300};
}

// A sweep over ln(w_max/w_min) = span tells two powers apart when the smaller falls by e^2 against the
// larger: (p1 - p2) span >= 2. Closer than that, or on the line where they are equal, the local slopes
// read their sum, and where one integral changes regime, a logarithm: p + q/ln w1 with q ~ 1, i.e. up to
// ~1/ln w_max above the larger piece (0.11 at w1 = 10^4).
bool unseparated(const PiecewiseAffine& f, double beta, double M, double span) {
  const auto [a, b] = top_two(f, beta, M);
  return f.pieces.size() > 1 && (a - b) * span < 2;
}

// The formula from the points, with a second reading near its crossovers: if the points where its two
// largest pieces are not separated by the sweep are set aside and the rest give a simpler formula that
// the set-aside points deviate from by no more than the sweep's unresolved window (a sum of the two
// pieces, below the larger down to the smaller; a logarithm, above by up to 2/ln w_max), that simpler
// formula is the measurement and the set-aside points are said to carry the crossover. A piece in force
// only where two simpler ones cross is what a slope fit makes of ω1^p log ω1 (issue 13), not a power.
RecognisedFormula recognise_with_crossovers(const std::vector<ExponentMeasurement>& data, double span, double log_window,
                                            std::vector<std::string>& notes, std::vector<std::pair<ExponentMeasurement, double>>& at_crossover) {
  RecognisedFormula first = recognise_formula(data);
  if (!first.ok || first.formula.pieces.size() < 2) return first;
  std::vector<ExponentMeasurement> kept, aside;
  for (const ExponentMeasurement& d : data) (unseparated(first.formula, d.beta, d.M, span) ? aside : kept).push_back(d);
  if (aside.empty() || kept.size() < 4) return first;
  RecognisedFormula second = recognise_formula(kept);
  if (!second.ok || complexity(second.formula) >= complexity(first.formula) || !second.underdetermined.empty()) return first;
  std::vector<std::string> where_aside;
  std::vector<std::pair<ExponentMeasurement, double>> found;  // given back only if the second reading is taken
  std::size_t above = 0, below = 0;
  for (const ExponentMeasurement& d : aside) {
    const auto [a, b] = top_two(second.formula, d.beta, d.M);
    const double tol = std::max(3 * d.uncertainty, 1e-6);
    if (d.exponent >= a - tol) ++above;
    if (d.exponent <= a + tol) ++below;
    if (d.exponent < std::min(a, b == -1e300 ? a : b) - tol || d.exponent > a + log_window + tol) return first;
    where_aside.push_back(fmt::format("(β, M) = ({}, {}): {:+.3f}", d.beta, d.M, d.exponent - a));
    found.push_back({d, a});
  }
  at_crossover = std::move(found);
  const char* reading = above == aside.size() ? "above its value ({}): a logarithm at the crossover, ω1^p (ln ω1)^q read as p + q/ln ω1"
                        : below == aside.size() ? "below its value ({}): the sum of two close powers, read between them"
                                                : "above or below its value ({}): the sum of two close powers or a logarithm at the crossover";
  notes.push_back(fmt::format("{} fits the {} points away from its crossovers; at the {} points where its two largest pieces are not separated "
                              "by the sweep (w1 up to {:.3g}) the fits read {}, which this sweep cannot resolve; "
                              "the reading that fits them too, {}, needs a piece in force only there and is set aside as less simple",
                              format(second.formula), kept.size(), aside.size(), std::exp(2 / log_window),
                              fmt::format(fmt::runtime(reading), join(where_aside, ", ")), format(first.formula)));
  second.reason = "recognised away from its crossovers; " + second.reason;
  // piece_at and worst_residual refer to `kept`; the crossovers are the formula's own.
  return second;
}

// The sweep separates two pieces when the smaller decays against the larger by a factor e^2 over it.
void separation_notes(RangeCheck& rc, const Audit& audit) {
  if (!rc.measured.ok || rc.measured.formula.pieces.size() < 2) return;
  const double span = std::log(std::stod(audit.options.grid.omega_max) / std::stod(audit.options.grid.omega_min));
  std::vector<std::string> close;
  for (const RangePoint& p : rc.points) {
    std::vector<double> v;
    for (const Affine& a : rc.measured.formula.pieces) v.push_back(a.at(std::stod(p.beta), std::stod(p.M)));
    std::sort(v.rbegin(), v.rend());
    const double gap = v[0] - v[1];
    if (gap > 0 && gap * span < 2) close.push_back(fmt::format("{} (pieces {:.3g} apart)", where(p.beta, p.M), gap));
  }
  if (!close.empty())
    rc.notes.push_back(fmt::format("the sweep (w1 from {} to {}) does not separate the two largest pieces at {}: there the fit sees their sum, "
                                   "and a wider sweep would be needed to tell them apart",
                                   audit.options.grid.omega_min, audit.options.grid.omega_max, join(close, ", ")));
}

void disagreement_check(RangeCheck& rc, const PiecewiseAffine& s, Relation relation) {
  if (!rc.measured.ok) return;
  for (const RangePoint& p : rc.points) {
    if (!p.decided || p.outcome == Outcome::inconclusive) continue;
    const Point x = exact_point(p.beta, p.M);
    bool holds = true;
    for (const Claim& c : validity_claims(rc.measured.formula, s, relation, false)) holds = holds && holds_at(c, x);
    if (holds != (p.outcome == Outcome::pass))
      rc.disagreements.push_back(fmt::format("{}: the grid verdict is {}, the measured formula says the statement {} there", where(p.beta, p.M),
                                             to_string(p.outcome), holds ? "holds" : "fails"));
  }
}

}  // namespace

RangeAnalysis analyse_range(const Audit& audit) {
  RangeAnalysis out;
  std::vector<std::string> order;
  std::map<std::string, std::vector<const CheckResult*>> by_check;
  for (const CheckResult& r : audit.results) {
    if (!by_check.count(r.check->id)) order.push_back(r.check->id);
    by_check[r.check->id].push_back(&r);
  }
  std::map<std::string, const RangeCheck*> measured_of;
  for (const std::string& id : order) {
    const auto& rs = by_check[id];
    const Check& c = *rs.front()->check;
    RangeCheck rc;
    rc.id = id;
    rc.statement = c.statement;
    rc.relation = symbol(c.relation);
    rc.stated = rs.front()->exponent.formula;
    const Polygon H = region_of(c.hypotheses);
    rc.hypotheses = format(H);
    std::vector<ExponentMeasurement> data;
    for (const CheckResult* r : rs) {
      if (!r->within_hypotheses) continue;
      RangePoint p = point_of(*r, audit.options.tolerances);
      if (p.outcome == Outcome::pass) ++rc.pass;
      else if (p.outcome == Outcome::fail) ++rc.fail;
      else ++rc.inconclusive;
      if (p.log.detected) ++rc.logarithms;
      if (p.decided) data.push_back({std::stod(p.beta), std::stod(p.M), p.exponent, p.uncertainty});
      rc.points.push_back(std::move(p));
    }
    {
      std::vector<std::string> added;
      for (const RangePoint& p : rc.points)
        if (p.refinement) added.push_back(where(p.beta, p.M));
      if (!added.empty())
        rc.notes.push_back(fmt::format("{} points added on and beside the crossover lines of the first pass: {}", added.size(), join(added, ", ")));
    }
    std::vector<std::pair<ExponentMeasurement, double>> at_crossover;  // non-empty: the reading away from the crossovers was taken
    if (data.empty()) {
      rc.measured.reason = "no point of the grid was decided";
    } else {
      const double span = std::log(std::stod(audit.options.grid.omega_max) / std::stod(audit.options.grid.omega_min));
      rc.measured = recognise_with_crossovers(data, span, 2 / std::log(std::stod(audit.options.grid.omega_max)), rc.notes, at_crossover);
      // Such a point reads neither piece: its status says so instead of a slack against a wrong power.
      for (const auto& [d, value] : at_crossover)
        for (RangePoint& p : rc.points)
          if (std::stod(p.beta) == d.beta && std::stod(p.M) == d.M && p.outcome == Outcome::pass)
            p.status = fmt::format("at a crossover: reads {:+.3f} against the formula's {} (a logarithm or two close powers, unresolved)",
                                   p.exponent - value, fraction(value, 1e-9));
    }
    const PiecewiseAffine s = stated_of(rc.stated);
    if (rc.measured.ok && c.involves_beta_M && !rc.measured.underdetermined.empty()) {
      rc.region.summary = fmt::format("not decided: the decided points ({} of {}) do not determine the formula ({})", data.size(), rc.points.size(),
                                      join(rc.measured.underdetermined, "; "));
    } else if (rc.measured.ok) {
      // Decided where the formula was measured: M up to the largest M decided (the grid's 24), and β, M
      // down to the smallest decided where that is above the grid's own smallest (points left undecided
      // there); to the edge of the hypotheses otherwise -- the grid was made to approach them.
      double b0 = 1e300, b1 = -1e300, m0 = 1e300, m1 = -1e300, g0 = 1e300, gb0 = 1e300, gb1 = -1e300;
      for (const ExponentMeasurement& d : data) b0 = std::min(b0, d.beta), b1 = std::max(b1, d.beta), m0 = std::min(m0, d.M), m1 = std::max(m1, d.M);
      for (const RangePoint& p : rc.points) g0 = std::min(g0, std::stod(p.M)), gb0 = std::min(gb0, std::stod(p.beta)), gb1 = std::max(gb1, std::stod(p.beta));
      Polygon measured_range = H;
      const Affine beta{0, 1, 0}, M{0, 0, 1};
      const auto constant = [](double x) { return Affine{decimal_rational(x), 0, 0}; };
      if (c.involves_beta_M) {
        measured_range.constraints.push_back(less_equal(M, constant(m1)));
        if (m0 > g0) measured_range.constraints.push_back(less_equal(constant(m0), M));
        if (b0 > gb0) measured_range.constraints.push_back(less_equal(constant(b0), beta));
        if (b1 < gb1) measured_range.constraints.push_back(less_equal(beta, constant(b1)));
      }
      rc.measured_range = format(measured_range);
      rc.region = region_of_validity(measured_range, rc.measured.formula, s, c.relation);
      disagreement_check(rc, s, c.relation);
      if (at_crossover.empty()) separation_notes(rc, audit);  // else the crossover note said it
    } else {
      rc.region.summary = fmt::format("no formula recognised ({}); on the grid: {} PASS, {} FAIL, {} INCONCLUSIVE", rc.measured.reason, rc.pass,
                                      rc.fail, rc.inconclusive);
    }
    out.checks.push_back(std::move(rc));
  }
  for (const RangeCheck& rc : out.checks) measured_of[rc.id] = &rc;

  // Findings per check, as structured records.
  for (const RangeCheck& rc : out.checks) {
    const std::string formula_text = rc.measured.ok ? format(rc.measured.formula) : std::string();
    if (!rc.measured.ok) out.findings.push_back({rc.id, "unrecognised", "", rc.measured.reason});
    std::vector<std::string> grid_fails, logs;
    for (const RangePoint& p : rc.points) {
      if (p.status.rfind("violated", 0) == 0) grid_fails.push_back(where(p.beta, p.M));
      if (p.log.detected) logs.push_back(fmt::format("{}: {}", where(p.beta, p.M), p.log.summary));
    }
    if (!logs.empty())
      out.findings.push_back({rc.id, "logarithm", join(logs, "; "),
                              "the local slopes drift like 1/ln w1 there: the size carries a logarithm, read as w1^p (ln w1)^q, not as a power"});
    if (rc.region.decided && !rc.region.failures.empty()) {
      const bool whole = rc.region.summary == "fails on the whole range";
      std::vector<std::string> witnesses;
      for (const Failure& f : rc.region.failures) witnesses.push_back(format(f.witness));
      out.findings.push_back({rc.id, whole ? "violated" : "hypothesis", rc.region.fails,
                              fmt::format("stated {} {}, measured {}: {} (e.g. at (β, M) = {}){}", rc.relation, rc.stated, formula_text,
                                          rc.region.summary, join(witnesses, ", "),
                                          grid_fails.empty() ? std::string() : "; grid verdicts FAIL at " + join(grid_fails, ", "))});
    } else if (!rc.region.decided && !grid_fails.empty()) {
      out.findings.push_back({rc.id, "violated", join(grid_fails, ", "), "the grid verdicts FAIL there"});
    }
    if (rc.region.decided && rc.region.sharp != "the whole range" && rc.relation != "≈") {
      const std::string where_loose = rc.region.failures.empty() ? (rc.region.sharp == "nowhere" ? "the whole range" : "outside " + rc.region.sharp)
                                                                  : "where it holds (outside " + rc.region.fails + ")" +
                                                                        (rc.region.sharp == "nowhere" ? "" : ", except " + rc.region.sharp);
      out.findings.push_back({rc.id, "loose", where_loose, fmt::format("stated {}, measured {}: {}", rc.stated, formula_text, rc.region.summary)});
    }
    for (const std::string& d : rc.disagreements) out.findings.push_back({rc.id, "unrecognised", "", "grid and formula disagree: " + d});
  }

  // Combined claims: the cited exponents against the conclusion's.
  const auto measured_formula = [&](const std::string& id) -> const RecognisedFormula* {
    const auto f = measured_of.find(id);
    // A formula the points do not determine is not put in a claim's place.
    return f != measured_of.end() && f->second->measured.ok && (f->second->region.decided || !find_check(id).involves_beta_M)
               ? &f->second->measured
               : nullptr;
  };
  // rhs_measured: the measured formula of the rhs too (Section 5.6's differences); otherwise the rhs is the
  // conclusion as stated -- do the cited bounds, as measured, give the stated conclusion?
  const auto add_claim = [&](const std::string& id, const std::string& statement, const Polygon& H, const std::vector<std::string>& lhs_ids,
                             Order order, const std::vector<std::string>& rhs_ids, const std::string& offset, bool rhs_measured) {
    CombinedClaim cc;
    cc.id = id;
    cc.statement = statement;
    // lhs = max of the lhs checks' exponents - (the rhs checks' exponent, single) ..., rhs: offset when given.
    const auto build = [&](bool measured, std::string& missing) -> std::optional<Claim> {
      std::vector<PiecewiseAffine> l;
      for (const std::string& x : lhs_ids) {
        if (measured) {
          const RecognisedFormula* f = measured_formula(x);
          if (!f) {
            missing += (missing.empty() ? "" : ", ") + ("(" + x + ")");
            continue;
          }
          l.push_back(f->formula);
        } else {
          l.push_back(stated_of(find_check(x).predicted.formula));
        }
      }
      PiecewiseAffine r;
      for (const std::string& x : rhs_ids) {
        if (measured && rhs_measured) {
          const RecognisedFormula* f = measured_formula(x);
          if (!f) {
            missing += (missing.empty() ? "" : ", ") + ("(" + x + ")");
            continue;
          }
          r = f->formula;
        } else {
          r = stated_of(find_check(x).predicted.formula);
        }
      }
      if (!missing.empty()) return std::nullopt;
      Claim claim{concatenated(l), order, r};
      if (!offset.empty()) {
        // lhs - rhs R offset: rhs must be one piece for the difference to stay a max of affine pieces.
        if (r.pieces.size() != 1) {
          missing = "(" + rhs_ids.front() + ")'s formula has several pieces";
          return std::nullopt;
        }
        for (Affine& a : claim.lhs.pieces) a = a - r.pieces.front();
        claim.rhs = PiecewiseAffine{{parse_affine(offset)}, Envelope::max};
      }
      return claim;
    };
    std::string ignored;
    const std::optional<Claim> stated = build(false, ignored);
    cc.stated = format(*stated);
    cc.with_stated = decide(H, *stated);
    const std::optional<Claim> measured = build(true, cc.missing);
    if (measured) {
      cc.measured = format(*measured);
      cc.with_measured = decide(H, *measured);
    }
    out.combined.push_back(std::move(cc));
  };
  for (const std::string& id : order) {
    const Check& c = find_check(id);
    if (c.follows_from.empty()) continue;
    const Polygon H = region_of(c.hypotheses);
    std::vector<std::string> upper, lower;
    for (const std::string& cited : c.follows_from) {
      const Check& d = find_check(cited);
      if (d.relation != Relation::lower) upper.push_back(cited);
      if (d.relation != Relation::upper) lower.push_back(cited);
    }
    const auto ids = [](const std::vector<std::string>& v) {
      std::vector<std::string> t;
      for (const std::string& x : v) t.push_back("(" + x + ")");
      return join(t, ", ");
    };
    if (c.relation != Relation::lower && !upper.empty())
      add_claim(id, fmt::format("({}) ≲ from {}: the largest cited exponent is at most ({})'s", id, ids(upper), id), H, upper, Order::less_equal,
                {id}, "", false);
    if (c.relation != Relation::upper && !lower.empty())
      add_claim(id, fmt::format("({}) ≳ from {}: some cited lower exponent is at least ({})'s", id, ids(lower), id), H, lower,
                Order::greater_equal, {id}, "", false);
  }
  // Section 5.6, the display before (5.21): each correction against the main term I1 (5.3) must be at
  // most w1^-1 (B is chosen with N/(2πB) < ... : w1 = 2πB/N); the paper states "< -1" for I5's.
  {
    const Polygon H = region_of(find_check("5.3").hypotheses);
    const bool have = by_check.count("5.3") > 0;
    // N and A are chosen once for all w1 (C2/N < C1/10, (A + 1)C3 < A^2 C1/10): I2 (5.6) and I3 (5.4) must
    // have I1's exponent, or less.
    for (const auto& [term, name] : {std::pair{"5.6", "I2"}, {"5.4", "I3"}}) {
      if (!have || !by_check.count(term)) continue;
      add_claim("5.6", fmt::format("Section 5.6: {} ({}) against I1 (5.3), exponent difference <= 0 (N, A chosen once for all w1)", name, term), H,
                {term}, Order::less_equal, {"5.3"}, "0", true);
    }
    for (const auto& [term, name] : {std::pair{"5.8", "I4"}, {"5.18", "I5"}, {"5.5", "I6"}}) {
      if (!have || !by_check.count(term)) continue;
      add_claim("5.6", fmt::format("Section 5.6: {} ({}) against I1 (5.3), exponent difference <= -1 (as the choice of B uses it)", name, term), H,
                {term}, Order::less_equal, {"5.3"}, "-1", true);
      add_claim("5.6", fmt::format("Section 5.6: {} ({}) against I1 (5.3), exponent difference < 0 (all the limit w1 → ∞ needs)", name, term), H,
                {term}, Order::less, {"5.3"}, "0", true);
    }
  }
  for (const CombinedClaim& cc : out.combined) {
    if (!cc.with_stated.holds)
      out.findings.push_back({cc.id, "insufficient", failure_text(cc.with_stated),
                              fmt::format("{}: with the stated exponents, {} {}", cc.statement, cc.stated, cc.with_stated.summary)});
    if (cc.with_measured && !cc.with_measured->holds)
      out.findings.push_back({cc.id, "insufficient", failure_text(*cc.with_measured),
                              fmt::format("{}: with the measured exponents, {} {}", cc.statement, cc.measured, cc.with_measured->summary)});
  }

  // Thresholds as curves in (β, M), from the measured formulas.
  const auto threshold = [&](const std::string& term, const std::string& from, bool weighted, const std::string& predicted) {
    ThresholdCurve t{term, from, "", "", predicted};
    if (!by_check.count(from)) return;  // not in this run
    const RecognisedFormula* f = measured_formula(from);
    if (!f) {
      t.curve = "no measured formula";
      out.thresholds.push_back(t);
      return;
    }
    PiecewiseAffine w = f->formula;
    if (weighted)
      for (Affine& a : w.pieces) a = a + Affine{0, 0, Rational(1, 2)};
    t.exponent = format(w);
    std::vector<std::string> lines;
    for (const Affine& a : w.pieces) lines.push_back(format_line(a));
    t.curve = w.pieces.size() == 1 ? lines.front() : "where " + t.exponent + " = 0 (pieces: " + join(lines, "; ") + ")";
    // Where it grows, exactly, on the range where the formula was measured.
    const RangeCheck& rc = *measured_of.at(from);
    const Implication bounded = decide(rc.measured_range.empty() ? region_of(find_check(from).hypotheses) : parse_polygon(rc.measured_range),
                                       Claim{w, Order::less_equal, PiecewiseAffine{{Affine{0, 0, 0}}, Envelope::max}});
    t.grows = bounded.holds ? "nowhere (bounded on the whole range)" : failure_text(bounded);
    out.thresholds.push_back(t);
  };
  threshold("gain <w1>^(M/2) C^234[n01]", "4.7", true, "beta = 1/4");
  threshold("full smooth <w1>^(M/2) C[n01] (Remark 1.4)", "R1.4", true, "beta = 3/4");
  threshold("full oscillating <w1>^(M/2) |C[n0]|", "5.21", false, "beta = 1/4");
  return out;
}

std::vector<Unit> refinement_units(const RangeAnalysis& analysis, const Audit& audit) {
  std::vector<Unit> extra;
  std::set<std::pair<std::string, std::string>> seen;
  for (const CheckResult& r : audit.results) seen.insert({r.check->id + "|" + r.beta, r.M});
  for (const RangeCheck& rc : analysis.checks) {
    if (!rc.region.decided || rc.measured.formula.pieces.size() < 2) continue;
    const Check& c = find_check(rc.id);
    const Polygon H = region_of(c.hypotheses);
    std::set<std::string> betas;
    double M_max = -1e300;
    for (const RangePoint& p : rc.points) betas.insert(p.beta), M_max = std::max(M_max, std::stod(p.M));
    const auto& pieces = rc.measured.formula.pieces;
    for (std::size_t i = 0; i < pieces.size(); ++i)
      for (std::size_t j = i + 1; j < pieces.size(); ++j) {
        const Affine g = pieces[i] - pieces[j];
        if (g.M == 0) continue;
        for (const std::string& beta : betas) {
          const Rational b = decimal_rational(std::stod(beta));
          const double on_line = to_double(-(g.constant + g.beta * b) / g.M);
          const double eighth = std::round(on_line * 8) / 8;
          for (const double M : {eighth, eighth - 0.5, eighth + 0.5}) {
            const std::string text = fmt::format("{}", M);
            if (M > M_max || !H.contains({b, decimal_rational(M)}) || !seen.insert({rc.id + "|" + beta, text}).second) continue;
            extra.push_back({&c, beta, text, true});
          }
        }
      }
  }
  return extra;
}

}  // namespace kwe::checks
