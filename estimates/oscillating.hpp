// C^j_i[k, l, m](w1) with the oscillating datum in the w4 slot, i in {21, 3}: the terms I2 of (5.2)
// is made of. With m(w) = e^(iNw) <w>^(-M/2) (so n02 = Re m),
//   Z^j_i(w1) = C^j_i[k, l, m](w1) = e^(iN w1) int G(u) e^(i kappa u) du,
// in charts where w4 depends on the outer variable u alone (unlike domains.hpp, whose D21 chart puts
// the phase in both variables):
//   D21: u = w1 - w4 = w3 - w2 in [0, w1/2], y = w2 in [0, w1/2 - u], w3 = u + y,   kappa = -N
//   D3:  u = w4 - w1 = w2 - w3 in [0, inf),   y = w3 in [0, w1],         w2 = u + y,   kappa = +N
// G(u) = int (weight of the piece) k l <w4>^(-M/2) dy is smooth and N-free; the u-integral goes to
// the Filon rule (quadrature/filon.hpp), whatever N. |Z| bounds n02's C^j_i at every phase: it is the
// envelope (5.6) asks for, max over phi of C^j_i[k, l, cos(N w + phi) <w>^(-M/2)].
//
// Partition in u: G has algebraic end singularities (u^(2beta+3/2) at u = 0; (w1/2 - u)^(beta+3/2)
// at the end of D21), so the ends get tanh-sinh panels no longer than min(1, 1/N) (under a radian of
// phase) and geometric rungs of ratio 4 (Filon-Gauss panels) towards the middle. D3's tail is cut at
// U = max(1, w1) 10^((digits + 4) / (M/2 - 2 beta - 1)), past which G decays at least like
// u^(2 beta - M/2); the cut tail, bounded by G(U) U / (p - 1) with p the decay measured between the
// last two rungs, is added to the error.
#pragma once

#include "estimates/collision.hpp"
#include "quadrature/level_plan.hpp"
#include "quadrature/oscillatory_sum.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <tuple>
#include <vector>
#include <stdexcept>

namespace kwe {

// What the tolerance applies to: |Z| (the envelope), or |Re Z| (C^j_i[k, l, n02] itself, which the phase
// e^(iN w1) can make much smaller than |Z|: at beta 0.3, w1 1.67e4, N 33, Re Z / |Z| = 1/34, and a level
// judged on |Z| left Re Z short of 15 digits).
enum class PhaseTarget { modulus, real_part };

template <class Real>
struct PhaseResult {
  Real re = 0, im = 0;  // Z
  Real error = 0;       // bound on |Z - Z_true|: |Z_L - Z_(L-1)| + rounding + cut tail
  Real l1 = 0;
  std::size_t calls = 0;
  unsigned level = 0;
  bool converged = false;  // error <= tolerance * |Z|, or * |Re Z| (PhaseTarget)
};

namespace oscillating_detail {

// The omegas at (u, y) of the u-charts.
template <class Real>
Omegas<Real> at(Piece piece, const Real& w1, const Real& u, const Real& y) {
  if (piece == Piece::C21) return {y, Real(u + y), Real(w1 - u), Real(-u)};
  return {Real(u + y), y, Real(w1 + u), u};
}

template <class Real>
std::vector<quadrature::Panel<Real>> u_panels(Piece piece, const Real& w1, const Real& highest_N,
                                              const Model<Real>& model, unsigned digits) {
  using quadrature::Panel;
  using quadrature::PanelMap;
  using quadrature::PanelRule;
  const Real ratio = 4;
  const Real end_width = std::min(Real(1), Real(1 / highest_N));
  std::vector<Real> points;
  Real last;
  if (piece == Piece::C21) {
    const Real half = w1 / 2, middle = w1 / 4;
    const Real u0 = std::min(end_width, Real(middle / 2));
    for (Real r = u0; r < middle; r *= ratio) points.push_back(r);
    points.push_back(middle);
    for (Real r = u0; half - r > middle; r *= ratio) points.push_back(Real(half - r));
    last = half;
  } else {
    using std::pow;
    const Real decay = model.M / 2 - 2 * model.beta - 1;
    if (decay <= Real(1) / 2) throw std::invalid_argument("oscillating datum: the D3 tail needs M/2 - 2 beta > 3/2");
    last = std::max(Real(1), w1) * pow(Real(10), Real((digits + 4) / decay));
    for (Real r = end_width; r < last; r *= ratio) points.push_back(r);
  }
  points.push_back(last);
  std::sort(points.begin(), points.end());
  std::vector<Panel<Real>> panels;
  Real a = 0;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const bool singular_end = i == 0 || (piece == Piece::C21 && i + 1 == points.size());
    panels.push_back({PanelMap::linear, singular_end ? PanelRule::tanh_sinh : PanelRule::gauss_legendre, a, points[i]});
    a = points[i];
  }
  return panels;
}

// The integral past U of a |G| measured at `before` < U and at U: G decays like u^-p with p from the two
// values, so the tail is |G(U)| U / (p - 1); infinite (never met) unless p > 3/2.
template <class Real>
Real tail_bound(const Real& g_before, const Real& g_end, const Real& before, const Real& U) {
  using std::log;
  const Real p = log(g_before / g_end) / log(U / before);
  if (!(p > Real(3) / 2)) return Real(std::numeric_limits<double>::infinity());
  return g_end * U / (p - 1);
}

}  // namespace oscillating_detail

// Z^j_i(w1) for the slots k, l given by `data` (non-oscillating), m = e^(iNw) <w>^(-M/2), for every N
// of `frequencies` at once (G is N-free: one set of inner integrals serves them all). The levels go on
// until every frequency has converged.
template <class Real>
std::vector<PhaseResult<Real>> phase_piece(const quadrature::Engine<Real>& engine, const Slots& slots, Piece piece,
                                           const std::array<Data<Real>, 3>& data, const Model<Real>& model,
                                           const Real& w1, const std::vector<Real>& frequencies,
                                           PhaseTarget target = PhaseTarget::modulus) {
  using std::abs;
  using std::cos;
  using std::sin;
  using std::sqrt;
  if (piece != Piece::C21 && piece != Piece::C3)
    throw std::invalid_argument("oscillating datum: supported on the pieces 21 and 3 (the terms of I2)");
  if (slots.index[2] != 4) throw std::invalid_argument("oscillating datum: supported in the w4 slot only");
  // The w4 slot carries the smooth factor <w4>^(-M/2); its phase goes to the Filon weights.
  std::array<Data<Real>, 3> smooth = data;
  smooth[2] = Data<Real>{DataKind::n01, &model};
  const SlotProduct<Real> product(slots, smooth, w1);
  std::vector<Real> kappas;
  for (const Real& N : frequencies) kappas.push_back(piece == Piece::C21 ? Real(-N) : N);
  const Real highest = *std::max_element(frequencies.begin(), frequencies.end());
  const auto panels = oscillating_detail::u_panels(piece, w1, highest, model, engine.digits);

  // Graded levels (quadrature/level_plan.hpp): pairs (u panel, y panel); no plan for the tail bounds.
  constexpr std::size_t npos = static_cast<std::size_t>(-1);
  quadrature::LevelPlan<Real> plan;  // empty (every pair at the level) until the pass has finished it
  const auto level_of = [&](unsigned level, std::size_t outer, int inner_panel) -> unsigned {
    if (outer == npos) return level;
    return plan.level(level, {0, static_cast<int>(outer), inner_panel});
  };
  const Real prefactor = piece_prefactor(piece, model, w1);

  // Shared factors (as in collision.hpp): in these charts w4 depends on u only, the inner-only omega (w2
  // in D21, w3 in D3) is y itself and the third one depends on both. w4's factors are computed once per
  // u, the inner-only one's once per node of each inner panel at each level (the panels are the same for
  // every u but those next to the u-dependent ends: tables keyed by panel and level, filled as the nodes
  // are reached, tanh-sinh panels stopping early), the third one's at every call. Measured (callgrind):
  // C^234_3[n01, n01, n02], beta 0.3, w1 1.67e4, N 33, 12 digits: 17.2 G instructions with three x^y a
  // call, 12.8 G with these tables. Most fills are still misses: for u < 1 the inner panels are graded at
  // scale u and differ from one u to the next.
  const std::array<Real, 3> exponents = weight_exponents(piece, model);
  const int k_inner = piece == Piece::C21 ? 0 : 1, k_both = piece == Piece::C21 ? 1 : 0, k_outer = 2;
  struct InnerTable {
    std::vector<OmegaFactors<Real>> factors;
    std::vector<bool> known;
  };
  std::map<std::tuple<Real, Real, unsigned>, InnerTable> tables;  // by panel and level
  constexpr std::size_t tables_cap = 20000;  // emptied past it (panels that move with u add new ones)

  // G(u) at level L (u in the u panel `outer`; `weight`: its node's |weight| times |prefactor|, for the pass).
  const auto inner = [&](unsigned level, const Real& u, std::size_t outer, const Real& weight) -> quadrature::Estimate<Real> {
    const Real y_end = piece == Piece::C21 ? Real(w1 / 2 - u) : w1;
    const Real unit = std::min(u, Real(1));
    const auto inner_panels = quadrature::graded(Real(0), y_end, {}, unit, engine.grading);
    const OmegaFactors<Real> outer_factors =
        omega_factors(model, exponents[k_outer], oscillating_detail::at(piece, w1, u, Real(0)).w4);
    OmegaFactors<Real> both;
    Real scratch;
    // The table of the panel being summed: `level_of_panel` gives each panel's level (the pass sums one
    // panel at a time, `pass_panel` then names it).
    std::size_t table_panel = static_cast<std::size_t>(-1);
    InnerTable* table = nullptr;
    std::size_t pass_panel = static_cast<std::size_t>(-1);
    const auto level_of_panel = [&](std::size_t j) -> unsigned {
      return plan.recording() ? level : level_of(level, outer, static_cast<int>(j));
    };
    const auto integrand = [&](const Real& y, const quadrature::NodeAt<Real>& at) -> Real {
      const std::size_t j = pass_panel != static_cast<std::size_t>(-1) ? pass_panel : at.panel;
      if (j != table_panel) {
        const quadrature::Panel<Real>& panel = inner_panels[j];
        const unsigned panel_level = level_of_panel(j);
        const auto key = std::make_tuple(panel.a, panel.b, panel_level);
        auto found = tables.find(key);
        if (found == tables.end()) {
          if (tables.size() > tables_cap) tables.clear();
          const std::size_t n = engine.rules.nodes(panel_level, panel).size();
          found = tables.emplace(key, InnerTable{std::vector<OmegaFactors<Real>>(n), std::vector<bool>(n, false)}).first;
        }
        table = &found->second;
        table_panel = j;
      }
      if (!table->known[at.node]) {
        table->factors[at.node] = omega_factors(model, exponents[k_inner], y);
        table->known[at.node] = true;
      }
      const Omegas<Real> w = oscillating_detail::at(piece, w1, u, y);
      omega_factors_into(model, exponents[k_both], omega(w, k_both), both, scratch);
      FactorSet<Real> f;
      f[k_outer] = &outer_factors;
      f[k_inner] = &table->factors[at.node];
      f[k_both] = &both;
      Real value = product(w, f);
      for (int k = 0; k < 3; ++k) quadrature::mul_into(value, value, f[k]->weight);
      return value;
    };
    if (!plan.recording())
      return quadrature::level_sum_at(
          inner_panels, engine.rules, [&](std::size_t j) { return level_of(level, outer, static_cast<int>(j)); }, integrand);
    // The pass: panel by panel (the same sums: only the first panel, [0, unit], can be tanh-sinh), each
    // one's share recorded.
    quadrature::Estimate<Real> total{0, 0, 0};
    for (std::size_t j = 0; j < inner_panels.size(); ++j) {
      pass_panel = j;
      const quadrature::Estimate<Real> part =
          quadrature::level_sum(std::vector<quadrature::Panel<Real>>{inner_panels[j]}, engine.rules, level, integrand);
      total.value += part.value;
      total.l1 += part.l1;
      total.calls += part.calls;
      plan.record({0, static_cast<int>(outer), static_cast<int>(j)}, Real(weight * part.l1));
    }
    plan.record({0, static_cast<int>(outer), -1}, Real(weight * total.l1));
    return total;
  };
  const auto level_sums = [&](unsigned level) {
    return quadrature::oscillatory_level_sum_at(
        panels, engine.rules, [&](std::size_t i) { return level_of(level, i, -1); }, kappas,
        [&](const Real& u, const quadrature::NodeAt<Real>& at) {
          return inner(level, u, at.panel, plan.recording() ? Real(at.weight * abs(prefactor)) : Real(0));
        });
  };

  // The cut D3 tail: |G(U)| U / (p - 1), p the decay of G over the last rung.
  const auto tail = [&](unsigned level) -> Real {
    if (piece != Piece::C3) return Real(0);
    const Real U = panels.back().b, before = panels.back().a;
    return oscillating_detail::tail_bound(Real(abs(inner(level, before, npos, Real(0)).value)),
                                          Real(abs(inner(level, U, npos, Real(0)).value)), before, U);
  };

  const std::size_t K = frequencies.size();
  std::vector<PhaseResult<Real>> results(K);
  // The pass at levels p - 1 and p: the scale is the smallest frequency's value less twice its estimate.
  std::size_t pass_calls = 0;
  const unsigned p = engine.graded_levels ? quadrature::LevelPlan<Real>::pass_level(engine.policy.first_level) : 0;
  if (p != 0) {
    const auto coarse = level_sums(p - 1);
    plan.start_recording();
    const auto fine = level_sums(p);
    Real scale = -1;
    for (std::size_t k = 0; k < K; ++k) {
      const Real dre = fine[k].re - coarse[k].re, dim = fine[k].im - coarse[k].im;
      const Real lower = abs(prefactor) * quadrature::LevelPlan<Real>::scale_from_pass(
                                              sqrt(fine[k].re * fine[k].re + fine[k].im * fine[k].im), sqrt(dre * dre + dim * dim));
      if (scale < 0 || lower < scale) scale = lower;
    }
    plan.finish(scale, engine.digits, engine.policy.first_level);
    pass_calls = coarse.front().calls + fine.front().calls;
  }
  std::vector<Real> previous_re(K), previous_im(K);
  quadrature::drive_levels<Real>(engine.policy, [&](unsigned level) -> std::optional<quadrature::LevelCheck<Real>> {
    const auto sums = level_sums(level);
    const bool estimable = level > engine.policy.first_level;
    const Real cut = estimable ? Real(abs(prefactor) * tail(level)) : Real(0);
    bool all = estimable;
    Real worst = 0;  // the largest relative error over the frequencies
    for (std::size_t k = 0; k < K; ++k) {
      PhaseResult<Real>& r = results[k];
      Real s, c;
      elementary::sin_cos(Real(frequencies[k] * w1), s, c);
      c *= prefactor;
      s *= prefactor;
      r.calls += sums[k].calls + pass_calls;
      r.level = level;
      r.re = c * sums[k].re - s * sums[k].im;
      r.im = s * sums[k].re + c * sums[k].im;
      r.l1 = abs(prefactor) * sums[k].l1;
      if (estimable) {
        const Real dre = r.re - previous_re[k], dim = r.im - previous_im[k];
        const Real size = target == PhaseTarget::real_part ? Real(abs(r.re)) : Real(sqrt(r.re * r.re + r.im * r.im));
        r.error = sqrt(dre * dre + dim * dim) + quadrature::rounding_floor(r.l1, engine.bits) + cut;
        r.converged = r.error <= engine.tolerance() * size;
        all = all && r.converged;
        worst = std::max(worst, Real(r.error / size));
      }
      previous_re[k] = r.re;
      previous_im[k] = r.im;
    }
    pass_calls = 0;
    if (!estimable) return std::nullopt;
    return quadrature::LevelCheck<Real>{all, false, worst};
  });
  return results;
}

// Z^j_i(w1) at the model's own N.
template <class Real>
PhaseResult<Real> phase_piece(const quadrature::Engine<Real>& engine, const Slots& slots, Piece piece,
                              const std::array<Data<Real>, 3>& data, const Model<Real>& model, const Real& w1,
                              PhaseTarget target = PhaseTarget::modulus) {
  return phase_piece(engine, slots, piece, data, model, w1, std::vector<Real>{model.N}, target).front();
}

}  // namespace kwe
