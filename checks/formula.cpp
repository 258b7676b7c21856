#include "checks/formula.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <numeric>
#include <stdexcept>

namespace kwe::checks {

namespace {

using Bits = std::vector<std::uint64_t>;

bool test(const Bits& b, std::size_t i) { return (b[i / 64] >> (i % 64)) & 1u; }
void set(Bits& b, std::size_t i) { b[i / 64] |= std::uint64_t{1} << (i % 64); }
std::size_t count(const Bits& b) {
  std::size_t n = 0;
  for (const std::uint64_t w : b) n += static_cast<std::size_t>(std::popcount(w));
  return n;
}
bool none(const Bits& b) {
  return std::all_of(b.begin(), b.end(), [](std::uint64_t w) { return w == 0; });
}

// The coefficient lattice: values k / unit with unit the lcm of the denominators and k / unit reduced
// to one of them.
struct Lattice {
  long long unit = 1;
  std::vector<bool> denominator_allowed;  // indexed by a divisor of unit

  explicit Lattice(const std::vector<int>& denominators) {
    if (denominators.empty()) throw std::invalid_argument("recognise_formula: no denominator");
    for (const int d : denominators) {
      if (d <= 0) throw std::invalid_argument("recognise_formula: denominator " + std::to_string(d) + " <= 0");
      unit = std::lcm(unit, static_cast<long long>(d));
      if (unit > 100000) throw std::invalid_argument("recognise_formula: the denominators' lcm is too large");
    }
    denominator_allowed.assign(static_cast<std::size_t>(unit) + 1, false);
    for (const int d : denominators) denominator_allowed[static_cast<std::size_t>(d)] = true;
  }
  long long denominator(long long k) const { return unit / std::gcd(k < 0 ? -k : k, unit); }
  bool allowed(long long k) const { return denominator_allowed[static_cast<std::size_t>(denominator(k))]; }
  // The allowed numerators with |k / unit| <= bound.
  std::vector<long long> values(double bound) const {
    std::vector<long long> ks;
    const long long top = static_cast<long long>(std::floor(bound * static_cast<double>(unit) + 1e-9));
    for (long long k = -top; k <= top; ++k)
      if (allowed(k)) ks.push_back(k);
    return ks;
  }
  // denominator + |value|: how the paper's simplest coefficients (0, 1, 1/2) rank first.
  double simplicity(long long k) const {
    return static_cast<double>(denominator(k)) + std::fabs(static_cast<double>(k) / static_cast<double>(unit));
  }
  Rational rational(long long k) const { return Rational(RationalInteger(k), RationalInteger(unit)); }
};

struct Candidate {
  long long a = 0, b = 0, c = 0;  // numerators over the lattice's unit
  double simplicity = 0;
  double own_residual = 0;        // worst |p - e| / t over the points it matches
  std::size_t alike = 1;          // admissible pieces matching the same points
  Bits matched;
};

struct Data {
  std::vector<double> beta, M, e, t, u;
  std::size_t n = 0, words = 0;
};

double value(const Candidate& c, double unit, double beta, double M) {
  return static_cast<double>(c.a) / unit + static_cast<double>(c.b) / unit * beta + static_cast<double>(c.c) / unit * M;
}

// How the points lie: spanning the plane, or all on one line (or at one point).
struct Layout {
  enum Kind { plane, one_M, one_beta, line, point } kind = plane;
  std::string line_text;  // "M = 8", "beta = 1", "M = 2beta + 3", "(beta 1, M 8)"
};

std::string number(double x) { return fmt::format("{}", x); }

std::string line_through(double b0, double m0, double b1, double m1) {
  try {
    const Rational B0 = decimal_rational(b0), M0 = decimal_rational(m0), B1 = decimal_rational(b1),
                   M1 = decimal_rational(m1);
    // (M1 - M0)(beta - B0) - (B1 - B0)(M - M0) = 0
    return format_line(Affine{-(M1 - M0) * B0 + (B1 - B0) * M0, M1 - M0, -(B1 - B0)});
  } catch (const std::exception&) {
    return "the line through (beta " + number(b0) + ", M " + number(m0) + ") and (beta " + number(b1) + ", M " +
           number(m1) + ")";
  }
}

Layout layout_of(const std::vector<double>& beta, const std::vector<double>& M, const std::vector<std::size_t>& which) {
  Layout layout;
  if (which.empty()) return layout;
  const std::size_t i0 = which.front();
  auto same = [](double x, double y) { return std::fabs(x - y) <= 1e-12 * std::max(1.0, std::fabs(x)); };
  bool one_M = true, one_beta = true;
  for (const std::size_t i : which) {
    one_M = one_M && same(M[i], M[i0]);
    one_beta = one_beta && same(beta[i], beta[i0]);
  }
  if (one_M && one_beta) {
    layout.kind = Layout::point;
    layout.line_text = "(beta " + number(beta[i0]) + ", M " + number(M[i0]) + ")";
    return layout;
  }
  if (one_M) {
    layout.kind = Layout::one_M;
    layout.line_text = line_through(0, M[i0], 1, M[i0]);
    return layout;
  }
  if (one_beta) {
    layout.kind = Layout::one_beta;
    layout.line_text = line_through(beta[i0], 0, beta[i0], 1);
    return layout;
  }
  // The farthest point from the first spans the line, if there is one.
  std::size_t i1 = i0;
  double far = 0;
  for (const std::size_t i : which) {
    const double d = std::hypot(beta[i] - beta[i0], M[i] - M[i0]);
    if (d > far) {
      far = d;
      i1 = i;
    }
  }
  const double db = beta[i1] - beta[i0], dm = M[i1] - M[i0];
  for (const std::size_t i : which) {
    const double cross = db * (M[i] - M[i0]) - dm * (beta[i] - beta[i0]);
    if (std::fabs(cross) > 1e-9 * far * far) return layout;  // spans the plane
  }
  layout.kind = Layout::line;
  layout.line_text = line_through(beta[i0], M[i0], beta[i1], M[i1]);
  return layout;
}

struct Cover {
  std::vector<std::size_t> pieces;  // indices into the candidates
  double simplicity = std::numeric_limits<double>::infinity();
  double residual = std::numeric_limits<double>::infinity();
  std::size_t unmatched = std::numeric_limits<std::size_t>::max();
};

class CoverSearch {
 public:
  CoverSearch(const Data& data, const std::vector<Candidate>& candidates, double unit, std::size_t max_nodes)
      : data_(data), candidates_(candidates), unit_(unit), max_nodes_(max_nodes), matching_(data.n) {
    for (std::size_t k = 0; k < candidates.size(); ++k)
      for (std::size_t i = 0; i < data.n; ++i)
        if (test(candidates[k].matched, i)) matching_[i].push_back(k);
  }

  // The points some candidate matches (the others no formula of the class can match).
  Bits coverable() const {
    Bits bits(data_.words, 0);
    for (std::size_t i = 0; i < data_.n; ++i)
      if (!matching_[i].empty()) set(bits, i);
    return bits;
  }

  // The best cover of `target` by at most `size` pieces, if any; `attempt` keeps the closest miss.
  bool run(std::size_t size, const Bits& target) {
    size_ = size;
    std::vector<std::size_t> chosen;
    branch(target, chosen, 0);
    return best.simplicity < std::numeric_limits<double>::infinity();
  }

  double residual(const std::vector<std::size_t>& pieces) const {
    double worst = 0;
    for (std::size_t i = 0; i < data_.n; ++i) {
      double top = -std::numeric_limits<double>::infinity();
      for (const std::size_t k : pieces) top = std::max(top, value(candidates_[k], unit_, data_.beta[i], data_.M[i]));
      worst = std::max(worst, std::fabs(top - data_.e[i]) / data_.t[i]);
    }
    return worst;
  }

  Cover best, attempt;
  bool exhausted = false;  // stopped at max_nodes

 private:
  void branch(const Bits& uncovered, std::vector<std::size_t>& chosen, double simplicity) {
    if (exhausted) return;
    if (++nodes_ > max_nodes_) {
      exhausted = true;
      return;
    }
    if (simplicity > best.simplicity + 1e-12) return;  // cannot win any more
    if (none(uncovered)) {
      record(chosen, simplicity);
      return;
    }
    // Every cover contains a piece matching the uncovered point with the fewest candidates.
    std::size_t u = data_.n;
    for (std::size_t i = 0; i < data_.n; ++i)
      if (test(uncovered, i) && (u == data_.n || matching_[i].size() < matching_[u].size())) u = i;
    if (chosen.size() == size_ || matching_[u].empty()) {
      note_attempt(chosen, uncovered, simplicity);
      return;
    }
    for (const std::size_t k : matching_[u]) {
      Bits rest = uncovered;
      for (std::size_t w = 0; w < rest.size(); ++w) rest[w] &= ~candidates_[k].matched[w];
      chosen.push_back(k);
      branch(rest, chosen, simplicity + candidates_[k].simplicity);
      chosen.pop_back();
      if (exhausted) return;
    }
  }

  void record(const std::vector<std::size_t>& chosen, double simplicity) {
    std::vector<std::size_t> sorted = chosen;
    std::sort(sorted.begin(), sorted.end());
    if (simplicity > best.simplicity + 1e-12) return;
    const double r = residual(sorted);
    const bool simpler = simplicity < best.simplicity - 1e-12;
    if (simpler || r < best.residual || (r == best.residual && sorted < best.pieces)) {
      best.pieces = sorted;
      best.simplicity = simplicity;
      best.residual = r;
      best.unmatched = 0;
    }
  }

  void note_attempt(const std::vector<std::size_t>& chosen, const Bits& uncovered, double simplicity) {
    const std::size_t missing = count(uncovered);
    if (missing < attempt.unmatched ||
        (missing == attempt.unmatched && (chosen.size() < attempt.pieces.size() ||
                                          (chosen.size() == attempt.pieces.size() && simplicity < attempt.simplicity)))) {
      attempt.pieces = chosen;
      attempt.simplicity = simplicity;
      attempt.unmatched = missing;
    }
  }

  const Data& data_;
  const std::vector<Candidate>& candidates_;
  double unit_;
  std::size_t max_nodes_;
  std::vector<std::vector<std::size_t>> matching_;  // per point, the candidates matching it
  std::size_t size_ = 0;
  std::size_t nodes_ = 0;
};

Affine affine_of(const Candidate& c, const Lattice& lattice) {
  return Affine{lattice.rational(c.a), lattice.rational(c.b), lattice.rational(c.c)};
}

// M coefficient largest first, then beta and the constant smallest first.
bool paper_order(const Affine& f, const Affine& g) {
  if (f.M != g.M) return f.M > g.M;
  if (f.beta != g.beta) return f.beta < g.beta;
  return f.constant < g.constant;
}

// Fills formula, piece_at, worst_residual from the chosen candidates; returns them in the formula's order.
std::vector<std::size_t> settle(RecognisedFormula& result, const std::vector<std::size_t>& pieces,
                                const std::vector<Candidate>& candidates, const Lattice& lattice, const Data& data) {
  std::vector<std::size_t> order = pieces;
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    return paper_order(affine_of(candidates[x], lattice), affine_of(candidates[y], lattice));
  });
  result.formula = PiecewiseAffine{};
  for (const std::size_t k : order) result.formula.pieces.push_back(affine_of(candidates[k], lattice));
  result.piece_at.assign(data.n, 0);
  result.worst_residual = 0;
  const double unit = static_cast<double>(lattice.unit);
  for (std::size_t i = 0; i < data.n; ++i) {
    double top = -std::numeric_limits<double>::infinity();
    for (std::size_t j = 0; j < order.size(); ++j) {
      const double v = value(candidates[order[j]], unit, data.beta[i], data.M[i]);
      if (v > top) {
        top = v;
        result.piece_at[i] = j;
      }
    }
    result.worst_residual = std::max(result.worst_residual, std::fabs(top - data.e[i]) / data.t[i]);
  }
  return order;
}

std::string pieces_word(std::size_t n) { return n == 1 ? "1 piece" : std::to_string(n) + " pieces"; }

}  // namespace

RecognisedFormula recognise_formula(const std::vector<ExponentMeasurement>& measurements, const FormulaOptions& options) {
  const Lattice lattice(options.denominators);
  RecognisedFormula result;
  if (measurements.empty()) {
    result.reason = "no measurements";
    return result;
  }
  Data data;
  data.n = measurements.size();
  data.words = (data.n + 63) / 64;
  for (std::size_t i = 0; i < data.n; ++i) {
    const ExponentMeasurement& m = measurements[i];
    if (!std::isfinite(m.beta) || !std::isfinite(m.M) || !std::isfinite(m.exponent) || !std::isfinite(m.uncertainty) ||
        m.uncertainty < 0) {
      result.reason = fmt::format("measurement {} (beta {}, M {}, exponent {} +- {}) is not usable", i + 1, m.beta, m.M,
                                  m.exponent, m.uncertainty);
      return result;
    }
    data.beta.push_back(m.beta);
    data.M.push_back(m.M);
    data.e.push_back(m.exponent);
    data.u.push_back(m.uncertainty);
    data.t.push_back(std::max({options.tolerance_factor * m.uncertainty, options.tolerance_floor,
                               std::numeric_limits<double>::min()}));
  }

  // Coefficients the layout of the points cannot see are fixed at 0.
  std::vector<std::size_t> everyone(data.n);
  std::iota(everyone.begin(), everyone.end(), std::size_t{0});
  const Layout layout = layout_of(data.beta, data.M, everyone);
  std::vector<long long> bs = lattice.values(options.max_beta_coefficient);
  std::vector<long long> cs = lattice.values(options.max_M_coefficient);
  switch (layout.kind) {
    case Layout::plane:
      break;
    case Layout::one_M:
      cs = {0};
      result.underdetermined.push_back("all points lie on the line " + layout.line_text +
                                       ": the coefficient of M is not determined by the data, 0 was taken");
      break;
    case Layout::one_beta:
      bs = {0};
      result.underdetermined.push_back("all points lie on the line " + layout.line_text +
                                       ": the coefficient of beta is not determined by the data, 0 was taken");
      break;
    case Layout::line:
      cs = {0};
      result.underdetermined.push_back("all points lie on the line " + layout.line_text +
                                       ": only the formula along it is determined by the data, the coefficient of M "
                                       "was taken 0");
      break;
    case Layout::point:
      bs = {0};
      cs = {0};
      result.underdetermined.push_back("all points are at " + layout.line_text +
                                       ": only the value there is determined by the data, a constant was taken");
      break;
  }

  // Every admissible piece, one per set of matched points.
  const double unit = static_cast<double>(lattice.unit);
  const long long a_top = static_cast<long long>(std::floor(options.max_constant * unit + 1e-9));
  std::vector<Candidate> candidates;
  std::map<Bits, std::size_t> by_matched;
  std::size_t admissible = 0;
  for (const long long b : bs)
    for (const long long c : cs) {
      double lower = std::numeric_limits<double>::infinity(), upper = lower;
      for (std::size_t i = 0; i < data.n; ++i) {
        const double r = data.e[i] - static_cast<double>(b) / unit * data.beta[i] - static_cast<double>(c) / unit * data.M[i];
        lower = std::min(lower, r - data.t[i]);
        upper = std::min(upper, r + data.t[i]);
      }
      const long long a_lo = std::max(-a_top, static_cast<long long>(std::ceil(lower * unit)) - 1);
      const long long a_hi = std::min(a_top, static_cast<long long>(std::floor(upper * unit)) + 1);
      for (long long a = a_lo; a <= a_hi; ++a) {
        if (!lattice.allowed(a)) continue;
        Candidate cand{a, b, c, lattice.simplicity(a) + lattice.simplicity(b) + lattice.simplicity(c), 0, 1,
                       Bits(data.words, 0)};
        bool below = true;
        for (std::size_t i = 0; i < data.n && below; ++i) {
          const double v = value(cand, unit, data.beta[i], data.M[i]);
          if (v > data.e[i] + data.t[i]) below = false;
          if (v >= data.e[i] - data.t[i]) {
            set(cand.matched, i);
            cand.own_residual = std::max(cand.own_residual, std::fabs(v - data.e[i]) / data.t[i]);
          }
        }
        if (!below || none(cand.matched)) continue;
        ++admissible;
        const auto [it, fresh] = by_matched.emplace(cand.matched, candidates.size());
        if (fresh) {
          if (candidates.size() >= options.max_candidates) {
            result.candidates = candidates.size();
            result.reason = fmt::format(
                "too many candidates: more than {} distinct small-coefficient pieces match the data within tolerance "
                "(the tolerance is too loose to single out a formula)",
                options.max_candidates);
            return result;
          }
          candidates.push_back(std::move(cand));
          continue;
        }
        Candidate& kept = candidates[it->second];
        const std::size_t alike = kept.alike + 1;
        if (cand.simplicity < kept.simplicity - 1e-12 ||
            (cand.simplicity <= kept.simplicity + 1e-12 && cand.own_residual < kept.own_residual))
          kept = std::move(cand);
        kept.alike = alike;
      }
    }
  result.candidates = candidates.size();

  // Points no admissible piece matches rule out every formula (the data are not convex there, and a
  // max of affine pieces is); the search then still covers the others, for the closest attempt.
  CoverSearch search(data, candidates, unit, options.max_search_nodes);
  const Bits target = search.coverable();
  const std::size_t uncoverable = data.n - count(target);
  const std::size_t most = std::max(1u, options.max_pieces);
  bool found = false;
  for (std::size_t size = 1; size <= most && !found && !search.exhausted; ++size) found = search.run(size, target);
  if (search.exhausted) {
    result.reason = fmt::format("search too large: more than {} branches over {} candidate pieces",
                                options.max_search_nodes, candidates.size());
    return result;
  }
  if (found && uncoverable > 0) {
    search.attempt = search.best;
    search.attempt.unmatched = uncoverable;
    found = false;
  } else if (!found) {
    search.attempt.unmatched += uncoverable;
  }

  if (!found) {
    std::string head = fmt::format("no max of <= {} with small coefficients fits", pieces_word(options.max_pieces));
    if (uncoverable > 0)
      head += fmt::format(" ({} of {} points are matched by no small-coefficient piece that stays below the data)",
                          uncoverable, data.n);
    if (search.attempt.pieces.empty()) {
      // Not one admissible piece: the closest single piece instead, in the sup norm (tolerance units).
      Candidate closest;
      double closest_residual = std::numeric_limits<double>::infinity();
      for (const long long b : bs)
        for (const long long c : cs) {
          double lo = std::numeric_limits<double>::infinity(), hi = -lo;
          for (std::size_t i = 0; i < data.n; ++i) {
            const double r = data.e[i] - static_cast<double>(b) / unit * data.beta[i] - static_cast<double>(c) / unit * data.M[i];
            lo = std::min(lo, r);
            hi = std::max(hi, r);
          }
          const long long middle = std::llround((lo + hi) / 2 * unit);
          for (long long a = std::max(-a_top, middle - 4); a <= std::min(a_top, middle + 4); ++a) {
            if (!lattice.allowed(a)) continue;
            const Candidate cand{a, b, c, lattice.simplicity(a) + lattice.simplicity(b) + lattice.simplicity(c), 0, 1, {}};
            double worst = 0;
            for (std::size_t i = 0; i < data.n; ++i)
              worst = std::max(worst, std::fabs(value(cand, unit, data.beta[i], data.M[i]) - data.e[i]) / data.t[i]);
            if (worst < closest_residual || (worst == closest_residual && cand.simplicity < closest.simplicity)) {
              closest_residual = worst;
              closest = cand;
            }
          }
        }
      if (!std::isfinite(closest_residual)) {
        result.reason = head;
        return result;
      }
      candidates.push_back(closest);
      search.attempt.pieces = {candidates.size() - 1};
      search.attempt.unmatched = 0;
      for (std::size_t i = 0; i < data.n; ++i)
        search.attempt.unmatched +=
            std::fabs(value(closest, unit, data.beta[i], data.M[i]) - data.e[i]) > data.t[i] ? 1 : 0;
    }
    settle(result, search.attempt.pieces, candidates, lattice, data);
    std::size_t worst = 0;
    double worst_off = -1;
    for (std::size_t i = 0; i < data.n; ++i) {
      const double off = std::fabs(result.formula.at(data.beta[i], data.M[i]) - data.e[i]);
      if (off / data.t[i] > worst_off) {
        worst_off = off / data.t[i];
        worst = i;
      }
    }
    const double off = std::fabs(result.formula.at(data.beta[worst], data.M[worst]) - data.e[worst]);
    const double sigma = data.u[worst] > 0 ? data.u[worst] : data.t[worst];
    const double sigmas = off / sigma;
    result.reason = fmt::format("{}: the closest, {}, misses {} of {} points, worst (beta {}, M {}) off by {:.3g} = {} {}",
                                head, format(result.formula), search.attempt.unmatched, data.n, data.beta[worst],
                                data.M[worst], off, sigmas < 10 ? fmt::format("{:.2g}", sigmas) : sigmas < 1e4 ? fmt::format("{:.0f}", sigmas) : fmt::format("{:.1e}", sigmas),
                                data.u[worst] > 0 ? "sigma" : "tolerances");
    result.piece_at.clear();
    return result;
  }

  result.ok = true;
  const std::vector<std::size_t> order = settle(result, search.best.pieces, candidates, lattice, data);
  const std::size_t k = order.size();
  std::vector<bool> in_force(k, false);
  for (const std::size_t j : result.piece_at) in_force[j] = true;
  for (std::size_t i = 0; i < k; ++i)
    for (std::size_t j = i + 1; j < k; ++j)
      if (in_force[i] && in_force[j]) result.crossovers.push_back(format_line(result.formula.pieces[i] - result.formula.pieces[j]));

  // Pieces seen only along a line (or at a point) that another admissible piece could replace.
  if (layout.kind == Layout::plane) {
    for (std::size_t j = 0; j < k; ++j) {
      std::vector<std::size_t> where;
      for (std::size_t i = 0; i < data.n; ++i)
        if (result.piece_at[i] == j) where.push_back(i);
      const Layout local = layout_of(data.beta, data.M, where);
      if (local.kind == Layout::plane) continue;
      std::size_t others = candidates[order[j]].alike - 1;
      for (std::size_t r = 0; r < candidates.size(); ++r) {
        if (r == order[j]) continue;
        Bits covered = candidates[r].matched;
        for (std::size_t m = 0; m < k; ++m)
          if (m != j)
            for (std::size_t w = 0; w < covered.size(); ++w) covered[w] |= candidates[order[m]].matched[w];
        if (count(covered) == data.n) others += candidates[r].alike;
      }
      if (others == 0) continue;
      const std::string piece = fmt::format("piece {} ({})", j + 1, format(result.formula.pieces[j]));
      const std::string alternatives = fmt::format(" ({} other {} fit as well)", others, others == 1 ? "piece would" : "pieces would");
      switch (local.kind) {
        case Layout::point:
          result.underdetermined.push_back(piece + " is in force only at one point, " + local.line_text +
                                           ": its coefficients are not determined by the data, the simplest were taken" +
                                           alternatives);
          break;
        case Layout::one_M:
          result.underdetermined.push_back(piece + " is in force only on points along one line, " + local.line_text +
                                           ": its coefficient of M is not determined by the data, the simplest one was "
                                           "taken" + alternatives);
          break;
        case Layout::one_beta:
          result.underdetermined.push_back(piece + " is in force only on points along one line, " + local.line_text +
                                           ": its coefficient of beta is not determined by the data, the simplest one "
                                           "was taken" + alternatives);
          break;
        default:
          result.underdetermined.push_back(piece + " is in force only on points along one line, " + local.line_text +
                                           ": its slope across the line is not determined by the data, the simplest "
                                           "one was taken" + alternatives);
          break;
      }
    }
  }
  result.reason = fmt::format("{} {} all {} points within tolerance (worst {:.2f} of it; {} candidate pieces)",
                              pieces_word(k), k == 1 ? "matches" : "match", data.n, result.worst_residual,
                              candidates.size());
  return result;
}

std::string describe(const RecognisedFormula& recognised) {
  if (!recognised.ok) return "no formula: " + recognised.reason;
  std::string text = format(recognised.formula) + " (" + pieces_word(recognised.formula.pieces.size());
  if (!recognised.crossovers.empty()) {
    text += recognised.crossovers.size() == 1 ? ", crossover " : ", crossovers ";
    for (std::size_t i = 0; i < recognised.crossovers.size(); ++i) text += (i ? ", " : "") + recognised.crossovers[i];
  }
  text += fmt::format("; worst residual {:.2f} of the tolerance on {} points", recognised.worst_residual,
                      recognised.piece_at.size());
  if (!recognised.underdetermined.empty())
    text += fmt::format("; {} not determined by the data", recognised.underdetermined.size() == 1
                                                             ? std::string("1 coefficient set")
                                                             : std::to_string(recognised.underdetermined.size()) +
                                                                   " coefficient sets");
  return text + ")";
}

}  // namespace kwe::checks
