#include "checks/findings.hpp"

#include "checks/registry.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace kwe::checks {

std::string to_string(Status status) {
  switch (status) {
    case Status::sharp: return "sharp";
    case Status::loose: return "loose";
    case Status::violated: return "violated";
    case Status::inconclusive: return "inconclusive";
  }
  return "inconclusive";
}

std::string fraction(double x) { return fraction(x, 1e-6); }

std::string fraction(double x, double tolerance) {
  for (int d : {1, 2, 4}) {
    const double n = std::round(x * d);
    if (std::fabs(x * d - n) < tolerance * d) return d == 1 ? fmt::format("{}", static_cast<long>(n)) : fmt::format("{}/{}", static_cast<long>(n), d);
  }
  return fmt::format("{:.6f}", x);
}

namespace {

std::string where(const CheckResult& r) { return fmt::format("β = {}, M = {}", r.beta, r.M); }

// "a β + c" in the paper's way of writing: "3β − 1/2", "β + 3/2", "−β", "5"; a coefficient within
// `tolerance` (the fits' uncertainty) of a fraction with denominator <= 4 is written as that fraction.
std::string linear_formula(double a, double c, double tolerance) {
  std::string s;
  const std::string abs_a = fraction(std::fabs(a), tolerance);
  if (abs_a != "0") s = (a < 0 ? "−" : "") + (abs_a == "1" ? std::string() : abs_a) + "β";
  const std::string abs_c = fraction(std::fabs(c), tolerance);
  if (abs_c != "0" || s.empty()) {
    if (s.empty()) s = (c < 0 ? "−" : "") + abs_c;
    else s += (c < 0 ? " − " : " + ") + abs_c;
  }
  return s;
}

std::string join(const std::vector<std::string>& items, const std::string& separator = "; ") {
  std::string s;
  for (const std::string& item : items) s += (s.empty() ? "" : separator) + item;
  return s;
}

// The betas of a list of "β = b, M = m", written "β = 0.75, 1 (M = 12)" when M is the same.
std::string betas(const std::vector<std::string>& points) {
  std::vector<std::string> bs;
  std::string M;
  bool one_M = true;
  for (const std::string& p : points) {
    const auto comma = p.find(", M = ");
    const auto begin = p.find("= ") + 2;  // after "β = " (β is two bytes)
    bs.push_back(p.substr(begin, comma - begin));
    const std::string m = p.substr(comma + 6);
    if (!M.empty() && m != M) one_M = false;
    M = m;
  }
  if (!one_M) return join(points);
  return fmt::format("β = {} (M = {})", join(bs, ", "), M);
}

std::vector<std::vector<const CheckResult*>> by_check(const Audit& audit) {
  std::vector<std::vector<const CheckResult*>> groups;
  for (const CheckResult& r : audit.results) {
    auto g = std::find_if(groups.begin(), groups.end(), [&](const auto& x) { return x.front()->check->id == r.check->id; });
    if (g == groups.end()) groups.push_back({&r});
    else g->push_back(&r);
  }
  return groups;
}

std::vector<MeasuredLine> measured_lines(const std::vector<std::vector<const CheckResult*>>& groups) {
  std::vector<MeasuredLine> lines;
  for (const auto& group : groups) {
    std::map<std::string, std::vector<const CheckResult*>> by_M;
    std::vector<std::string> Ms;
    for (const CheckResult* r : group) {
      if (!by_M.count(r->M)) Ms.push_back(r->M);
      if (r->fit.ok && r->verdict.outcome != Outcome::inconclusive) by_M[r->M].push_back(r);
      else by_M[r->M];
    }
    for (const std::string& M : Ms) {
      const auto& rs = by_M[M];
      if (rs.size() < 2) continue;
      std::vector<BetaPoint> points;
      for (const CheckResult* r : rs) points.push_back({std::stod(r->beta), r->fit.exponent, r->fit.uncertainty});
      MeasuredLine m{group.front()->check->id, M, fit_beta_line(points), "", ""};
      if (m.line.linear()) {
        const Exponent& e = rs.front()->exponent;
        const double stated_intercept = e.M_coefficient * std::stod(M) + e.constant;
        const double tolerance = std::max(1e-6, 3 * m.line.widest);
        m.measured = linear_formula(m.line.slope, m.line.intercept, tolerance);
        m.gap = linear_formula(e.beta_coefficient - m.line.slope, stated_intercept - m.line.intercept, tolerance);
      }
      lines.push_back(m);
    }
  }
  return lines;
}

EquationStatus status_of(const std::vector<const CheckResult*>& group, const std::vector<MeasuredLine>& lines) {
  EquationStatus s;
  s.id = group.front()->check->id;
  std::vector<const CheckResult*> inside;
  for (const CheckResult* r : group)
    if (r->within_hypotheses) inside.push_back(r);
  if (inside.empty()) inside = group;
  s.results = inside.size();
  bool first_gap = true;
  double p_min = 0, p_max = 0;
  bool any_fit = false;
  for (const CheckResult* r : inside) {
    if (r->fit.ok) {
      p_min = any_fit ? std::min(p_min, r->fit.exponent) : r->fit.exponent;
      p_max = any_fit ? std::max(p_max, r->fit.exponent) : r->fit.exponent;
      any_fit = true;
    }
    if (r->verdict.outcome == Outcome::fail) s.failed.push_back(where(*r));
    else if (r->verdict.outcome == Outcome::inconclusive || r->control.broken) s.inconclusive.push_back(where(*r));
    else {
      (r->verdict.sharp ? s.sharp : s.loose).push_back(where(*r));
      const double gap = r->verdict.sharp ? 0 : std::fabs(r->verdict.slack);
      s.gap_min = first_gap ? gap : std::min(s.gap_min, gap);
      s.gap_max = first_gap ? gap : std::max(s.gap_max, gap);
      first_gap = false;
    }
  }
  s.status = !s.failed.empty() ? Status::violated
             : !s.inconclusive.empty() ? Status::inconclusive
             : !s.loose.empty() ? Status::loose
                                : Status::sharp;
  // One M and a line through every beta: the formulas; otherwise the range of numbers.
  const MeasuredLine* line = nullptr;
  std::size_t lines_of_check = 0;
  for (const MeasuredLine& m : lines)
    if (m.id == s.id) line = &m, ++lines_of_check;
  if (lines_of_check == 1 && !line->measured.empty() && line->line.count == group.size()) {
    s.measured = line->measured + (group.front()->check->variable == "w1" ? fmt::format(" at M = {}", line->M) : "");
    if (s.status == Status::loose) s.gap = line->gap;
  }
  if (s.measured.empty() && any_fit) s.measured = p_min == p_max ? fmt::format("{:.6f}", p_min) : fmt::format("{:.6f} … {:.6f}", p_min, p_max);
  if (s.gap.empty() && s.status == Status::loose)
    s.gap = s.gap_min == s.gap_max ? fmt::format("{:.6f}", s.gap_max) : fmt::format("{:.6f} … {:.6f}", s.gap_min, s.gap_max);
  return s;
}

std::string measured_values(const std::vector<const CheckResult*>& group) {
  std::vector<std::string> items;
  for (const CheckResult* r : group)
    if (r->fit.ok) items.push_back(fmt::format("{:.6f} ± {:.1e} at β = {}", r->fit.exponent, std::max(r->fit.uncertainty, 1e-9), r->beta));
  return join(items, ", ");
}

// Does a combined statement follow from the stated exponents of the bounds it cites? One finding per
// (check, cited bound, conclusion), listing the (β, M) where it is so.
void combined_bounds(const Audit& audit, std::vector<Finding>& notes) {
  std::map<std::pair<std::string, std::string>, std::map<std::string, const CheckResult*>> by_point;
  for (const CheckResult& r : audit.results) by_point[{r.beta, r.M}][r.check->id] = &r;
  std::map<std::string, Finding> grouped;
  std::vector<std::string> order;
  for (const CheckResult& r0 : audit.results) {
    const auto& results = by_point[{r0.beta, r0.M}];
    const CheckResult* r = &r0;
    const Check& c = *r->check;
    if (c.follows_from.empty() || c.relation == Relation::lower) continue;
    double stated_max = -1e300, measured_max = -1e300;
    std::string worst, measured_worst, worst_formula;
    bool all_measured = true;
    for (const std::string& cited : c.follows_from) {
      const Check& d = find_check(cited);
      if (d.relation == Relation::lower) continue;
      const double stated = d.predicted.at(std::stod(r->beta), std::stod(r->M));
      if (stated > stated_max) stated_max = stated, worst = cited, worst_formula = d.predicted.formula;
      const auto found = results.find(cited);
      if (found == results.end() || !found->second->fit.ok) {
        all_measured = false;
        continue;
      }
      if (found->second->fit.exponent > measured_max) measured_max = found->second->fit.exponent, measured_worst = cited;
    }
    if (stated_max <= r->predicted + 1e-12) continue;
    std::string conclusion;
    if (!all_measured) conclusion = "not all the bounds it cites were measured in this run";
    else if (measured_max <= r->predicted + std::max(1e-6, r->fit.uncertainty))
      conclusion = fmt::format("the measured exponents do (the largest is ({})'s), so ({}) holds, but its proof needs the sharper bound", measured_worst, c.id);
    else
      conclusion = fmt::format("nor do the measured exponents (the largest is ({})'s)", measured_worst);
    const std::string key = c.id + "|" + worst + "|" + conclusion;
    if (!grouped.count(key)) {
      order.push_back(key);
      grouped[key] = {"insufficient for the conclusion drawn", c.id,
                      fmt::format("({}) is said to follow from ({}), but the stated ({}) only gives exponent {}, above ({})'s {}; {}.", c.id,
                                  join(c.follows_from, ", "), worst, worst_formula, c.id, r->exponent.formula, conclusion),
                      {}};
    }
    Finding& f = grouped[key];
    f.where.push_back(where(*r));
    if (all_measured) {
      const auto cited = results.at(measured_worst);
      f.text += fmt::format(" At {}: stated {:.6g} vs ({}) {:.6g}; measured ({}) {:.6f}.", where(*r), stated_max, c.id, r->predicted,
                            measured_worst, cited->fit.exponent);
    }
  }
  for (const std::string& key : order) notes.push_back(grouped[key]);
}

// A registry remark may open with its kind: "typo: ...", "label: ...".
Finding remark_finding(const Check& c, const std::string& remark) {
  for (const char* kind : {"typo", "label", "insufficient for the conclusion drawn"}) {
    const std::string prefix = std::string(kind) + ": ";
    if (remark.rfind(prefix, 0) == 0) return {kind, c.id, remark.substr(prefix.size()), {}};
  }
  return {"observation", c.id, remark, {}};
}

}  // namespace

Findings analyse(const Audit& audit) {
  Findings f;
  const auto groups = by_check(audit);
  f.lines = measured_lines(groups);
  for (const auto& group : groups) f.equations.push_back(status_of(group, f.lines));

  for (std::size_t g = 0; g < groups.size(); ++g) {
    const auto& group = groups[g];
    const Check& c = *group.front()->check;
    const EquationStatus& s = f.equations[g];
    if (!s.failed.empty()) {
      std::string reason;
      for (const CheckResult* r : group)
        if (r->verdict.outcome == Outcome::fail) reason += fmt::format(" At {}: {}.", where(*r), r->verdict.reason);
      f.notes.push_back({"violated", c.id,
                         fmt::format("({}) {} fails at {}{}. Measured exponents: {}; stated {}.{}", c.id, c.statement, betas(s.failed),
                                     s.loose.empty() && s.sharp.empty() ? "" : "; it holds at " + betas([&] {
                                       auto held = s.sharp;
                                       held.insert(held.end(), s.loose.begin(), s.loose.end());
                                       return held;
                                     }()),
                                     measured_values(group), c.predicted.formula, reason),
                         s.failed});
    }
    if (s.status == Status::loose) {
      f.notes.push_back({"loose by Δ", c.id,
                         fmt::format("({}) holds but its stated exponent {} is loose by Δ = {}: measured {}.{}", c.id, c.predicted.formula, s.gap,
                                     s.measured, s.sharp.empty() ? "" : " Sharp at " + betas(s.sharp) + "."),
                         s.loose});
    }
    if (!s.inconclusive.empty()) {
      std::string reason;
      for (const CheckResult* r : group)
        if (r->verdict.outcome == Outcome::inconclusive) reason += fmt::format(" At {}: {}.", where(*r), r->verdict.reason);
      f.notes.push_back({"inconclusive", c.id, fmt::format("({}) is not decided at {}.{}", c.id, betas(s.inconclusive), reason), s.inconclusive});
    }
    std::vector<std::string> broken, outside;
    for (const CheckResult* r : group) {
      if (r->control.broken) broken.push_back(where(*r));
      if (!r->within_hypotheses) outside.push_back(where(*r));
    }
    if (!broken.empty())
      f.notes.push_back({"broken control", c.id,
                         fmt::format("({}): the negative control did not FAIL at {}: the check cannot see a wrong exponent there.", c.id, betas(broken)),
                         broken});
    if (!outside.empty())
      f.notes.push_back({"outside the hypotheses", c.id,
                         fmt::format("({}) at {} lies outside the paper's hypotheses ({}); reported for information, not counted in its status.",
                                     c.id, betas(outside), c.hypotheses.text),
                         outside});
    // A check's own findings (where a sup is attained, ...), once per distinct text, with the points it was made at.
    std::vector<std::pair<std::string, std::vector<std::string>>> own;
    for (const CheckResult* r : group)
      for (const std::string& n : r->notes) {
        if (n.rfind("**violated**", 0) == 0) continue;  // in the violated finding
        auto found = std::find_if(own.begin(), own.end(), [&](const auto& o) { return o.first == n; });
        if (found == own.end()) own.push_back({n, {where(*r)}});
        else found->second.push_back(where(*r));
      }
    for (const auto& [text, points] : own)
      f.notes.push_back({"observation", c.id, fmt::format("({}) at {}: {}", c.id, betas(points), text), points});
    for (const std::string& remark : c.remarks) f.notes.push_back(remark_finding(c, remark));
  }
  combined_bounds(audit, f.notes);
  bool section4 = false;
  for (const auto& group : groups) section4 = section4 || group.front()->check->section.rfind("4", 0) == 0;
  if (section4)
    f.notes.push_back({"typo", "",
                       "Section 4.3 writes the datum n01(w1) := <w1>^(-M), while f01(k) = (1+|k|^4)^(-M/4) gives <w1>^(-M/2): every "
                       "exponent here is computed with <w1>^(-M/2), the datum the stated exponents fit.",
                       {}});
  if (audit.options.range || audit.options.Ms.size() >= 2) f.range = analyse_range(audit);
  return f;
}

}  // namespace kwe::checks
