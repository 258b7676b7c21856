// C[n](w1), the full operator (3.3), for the oscillating data n = n02, n0 = A n01 + n02 in every slot:
// the |C[n0]| of Theorem 5.1 (Section 5.6, check 5.21) computed directly, not through (5.2). And the
// pieces C^j_i[k, l, m], i in {21, 22, 3}, with oscillating data in any slot (oscillating_piece): the same
// expansion with h_sigma the product over the slots of c_s m(w_slot).
//
// Phase expansion. n(w) = m(w) sum_s c_s e^(i s N w), s in {-1, 0, 1}, m = <w>^(-M/2), c_(+-1) = 1/2,
// c_0 = A for n0 and 0 for n02. The combination h = n3 n4 (n1 + n2) - n1 n2 (n3 + n4) of (3.3), with
// n1 = n(w1) a number, becomes h = sum over sigma = (s2, s3, s4) in {-1, 0, 1}^3 of
//   h_sigma e^(iN (s2 w2 + s3 w3 + s4 w4)),
//   h_sigma = c_s3 c_s4 m3 m4 (d_s2 n1 + c_s2 m2) - n1 c_s2 m2 (d_s4 c_s3 m3 + d_s3 c_s4 m4),  d_s = [s = 0],
// smooth and N-free, and h_(-sigma) = h_sigma: C = Re of the sigma = 0 term plus twice the 13 whose first
// non-zero entry is +1. Gain and loss stay combined pointwise inside each h_sigma (Remark 1.4's
// cancellation is in the sigma = 0 term).
//
// Charts. In each the omegas are affine in (u, y), so every phase is kappa_u u + kappa_y y + theta, and
// both integrals go to the Filon rule (oscillatory_sum.hpp), whatever N:
//   D21: u = w1 - w4 in [0, w1/2],   y = w2 in [0, w1/2 - u],   w3 = u + y
//   D22: u = w3 - w1/2 in [0, w1/2], y = w4 - w3 in [0, w1/2 - u], w2 = 2u + y, w4 = w1/2 + u + y
//   D3:  u = w4 - w1 in [0, U],      y = w3 in [0, w1],          w2 = u + y  (the tail past U as in
//        oscillating.hpp: |G(U)| U / (p - 1), p the decay measured over the last rung)
// Every small resonant variable (w2, w3 near the corner (w3, w4) = (0, w1) where C[n0] lives) is a chart
// variable or a sum of them: nothing cancels.
//
// The error: |Z_L - Z_(L-1)| over all charts, the rounding floor, and two bounds for what is not sampled:
//   - the D3 tail past U;
//   - D1 (w1 <= w3 <= w4, every datum at w >= w1): |h| <= c^2 m3 m4 (|n1| + c m2) + |n1| c^2 m2 (m3 + m4),
//     c = sum |c_s|, integrated by the engine; relative size ~ A w1^(2 beta - 19/2) (M = 12), so a point
//     below w1 ~ 30 is not `met` at 12 digits.
// The oblique edge y = w1/2 - u of D21 (w3 = w1/2) and D22 (w4 = w1) is sampled, not bounded: there the
// inner integral carries e^(i kappa_y (w1/2 - u)) h / (i kappa_y), a component of G(u) that oscillates
// in u; the outer Filon panels interpolate it like any other feature of G, and the level difference
// measures how well. Its size, int |h| du / |kappa_y| along the edge, is ~ A w1^(beta - 6) / N of |C|
// (near w3 = w4 = w1/2, w2 -> 0 only the loss n1 n2 n4 and n2 n3 n4 remain): measured, the bound
// 4 int |h| / |kappa_y| was 4e-6 |C| at w1 = 100, N = 1, while the level differences and the direct
// route (collision.hpp, n0 pointwise) agreed to 2e-9 |C| (the direct route's own accuracy) at w1 = 40;
// on single pieces (oscillating in the w2, w3 slots, oblique edge included) the two agree to 20 digits.
#pragma once

#include "estimates/collision.hpp"
#include "estimates/oscillating.hpp"
#include "quadrature/in_place.hpp"

#include <array>
#include <map>
#include <utility>
#include <stdexcept>
#include <tuple>
#include <vector>

namespace kwe {

namespace oscillating_operator_detail {

struct Pattern {
  std::array<int, 3> s;  // (s2, s3, s4)
  int multiplicity;      // 1 for sigma = 0, 2 for a pattern standing for itself and its conjugate
};

// sigma = 0 and the 13 patterns whose first non-zero entry is +1.
inline const std::vector<Pattern>& patterns() {
  static const std::vector<Pattern> all = [] {
    std::vector<Pattern> p{{{0, 0, 0}, 1}};
    for (int s2 = -1; s2 <= 1; ++s2)
      for (int s3 = -1; s3 <= 1; ++s3)
        for (int s4 = -1; s4 <= 1; ++s4) {
          const int first = s2 != 0 ? s2 : s3 != 0 ? s3 : s4;
          if (first == 1) p.push_back({{s2, s3, s4}, 2});
        }
    return p;
  }();
  return all;
}

enum class PhaseChart { D21, D22, D3 };

// (w2, w3, w4) = origin + u du + y dy.
template <class Real>
struct Affine {
  std::array<Real, 3> origin;
  std::array<int, 3> du, dy;
};

template <class Real>
Affine<Real> affine(PhaseChart chart, const Real& w1) {
  switch (chart) {
    case PhaseChart::D21: return {{Real(0), Real(0), w1}, {0, 1, -1}, {1, 1, 0}};
    case PhaseChart::D22: return {{Real(0), Real(w1 / 2), Real(w1 / 2)}, {2, 1, 1}, {1, 0, 1}};
    case PhaseChart::D3: return {{Real(0), Real(0), w1}, {1, 0, 1}, {1, 1, 0}};
  }
  throw std::logic_error("unknown chart");
}

// The omegas at (u, y), each formed without cancellation.
template <class Real>
std::array<Real, 3> omegas(PhaseChart chart, const Real& w1, const Real& u, const Real& y) {
  switch (chart) {
    case PhaseChart::D21: return {y, Real(u + y), Real(w1 - u)};
    case PhaseChart::D22: return {Real(2 * u + y), Real(w1 / 2 + u), Real(w1 / 2 + (u + y))};
    case PhaseChart::D3: return {Real(u + y), y, Real(w1 + u)};
  }
  throw std::logic_error("unknown chart");
}

inline Piece piece_of(PhaseChart chart) {
  switch (chart) {
    case PhaseChart::D21: return Piece::C21;
    case PhaseChart::D22: return Piece::C22;
    case PhaseChart::D3: return Piece::C3;
  }
  throw std::logic_error("unknown chart");
}

// Linear panels (the Filon rule needs them) on [0, end] for an integrand singular at 0 and varying on
// scale `unit` there: Gauss-Jacobi with the weight y^alpha on [0, min(unit, 1/kappa)] (the inner-only
// omega's power; alpha = 0: Gauss-Legendre), Gauss-Legendre on rungs of ratio 4 beyond. Why Gauss-Jacobi:
// on that first panel the integrand is y^alpha times a function analytic in a disc of radius >= unit
// about y = 0 (every other omega stays >= u there), so the rule converges like (3 + sqrt 8)^(-2n); the
// tanh-sinh panel it replaces took ~3.5 times the nodes of a Gauss panel at every level.
//
// The rungs past the anchor min(1, 1/kappa) sit at fixed positions anchor 4^k, whatever u: below it the
// rungs are first 4^k, and the outer nodes u < anchor (a third of them, the u rule's end panel included)
// would otherwise each have a partition of their own, which neither the factor tables nor the Filon
// weights (FilonNodeCache) could share: C[n0], beta 0.3, w1 30, N 2, A 10, 10 digits: 3 499 hits for
// 12 885 misses of the weights' cache with the rungs at first 4^k.
template <class Real>
Real inner_anchor(const Real& highest_kappa) {
  return highest_kappa > 0 ? std::min(Real(1), Real(1 / highest_kappa)) : Real(1);
}

template <class Real>
std::vector<quadrature::Panel<Real>> inner_panels(const Real& end, const Real& unit, const Real& highest_kappa,
                                                  const Real& alpha) {
  using quadrature::PanelMap;
  using quadrature::PanelRule;
  const Real anchor = inner_anchor(highest_kappa);
  const Real first = std::min({unit, end, anchor});
  std::vector<quadrature::Panel<Real>> panels{
      {PanelMap::linear, alpha == 0 ? PanelRule::gauss_legendre : PanelRule::gauss_jacobi, Real(0), first, alpha}};
  Real a = first;
  // Up to the anchor (or the end, if sooner): rungs first 4^k, no sliver before the anchor.
  const Real stop = std::min(anchor, end);
  for (Real b = first * 4; a < stop; b *= 4) {
    const Real top = b * 2 > stop ? stop : b;
    panels.push_back({PanelMap::linear, PanelRule::gauss_legendre, a, top});
    a = top;
  }
  // Past it: fixed rungs anchor 4^k, no sliver at the end.
  for (Real b = anchor * 4; a < end; b *= 4) {
    const Real top = b * 2 > end ? end : b;
    panels.push_back({PanelMap::linear, PanelRule::gauss_legendre, a, top});
    a = top;
  }
  return panels;
}

inline int dot(const std::array<int, 3>& s, const std::array<int, 3>& d) {
  return s[0] * d[0] + s[1] * d[1] + s[2] * d[2];
}

// Which of (w2, w3, w4) depend on the outer variable u only, the inner variable y only, or both.
inline std::array<Dependence, 3> dependence(const std::array<int, 3>& du, const std::array<int, 3>& dy) {
  std::array<Dependence, 3> d{};
  for (int k = 0; k < 3; ++k) d[k] = dy[k] == 0 ? Dependence::outer : du[k] == 0 ? Dependence::inner : Dependence::both;
  return d;
}

// The integrand of a chart: the piece's weight and m = <w>^(-M/2) at (w2, w3, w4), handed to a
// combination that forms weight * h_sigma for every pattern. The components are written into a buffer
// the integrand owns (one per evaluation, like its Setup): no allocation per call.
// Shared factors (as in collision.hpp, piece_level_sum): each omega's factors (OmegaFactors: its power in
// the weight, and <w>^(-M/2)) are computed where they change. The one that depends on u only once per
// outer node (`outer_known`), the one that depends on y only once per node of each inner panel, the
// panels being the same for every u but the last (tabulated per level in `tables`); only the omegas that
// depend on both are computed at every call: one of three in D21 and D3, two in D22.
template <class Real, class Combination>
struct Integrand {
  const Model<Real>& model;
  Piece piece;
  const Combination& h;
  std::array<Real, 3> exponents = weight_exponents(piece, model);
  std::array<Dependence, 3> depends{};
  mutable quadrature::Components<Real> values{patterns().size()};
  mutable std::array<Real, 3> m{};
  mutable std::array<OmegaFactors<Real>, 3> here{};
  mutable Real weight{};
  mutable Real scratch{};

  // The inner-only omega's factors at every node of an inner panel, per level.
  int inner_only() const {
    for (int k = 0; k < 3; ++k)
      if (depends[k] == Dependence::inner) return k;
    return -1;
  }
  mutable std::map<std::tuple<Real, Real, unsigned>, std::vector<OmegaFactors<Real>>> tables{};  // by panel, level

  // At the omegas w: the factors of the outer-only omega are taken as they are in `here` when
  // outer_known, the inner-only one's from `inner` when given.
  const quadrature::Components<Real>& operator()(const std::array<Real, 3>& w, bool outer_known,
                                                 const OmegaFactors<Real>* inner) const {
    for (int k = 0; k < 3; ++k) {
      if (depends[k] == Dependence::outer && outer_known) continue;
      if (depends[k] == Dependence::inner && inner) {
        here[k] = *inner;
        continue;
      }
      omega_factors_into(model, exponents[k], w[k], here[k], scratch);
    }
    quadrature::mul_into(weight, here[0].weight, here[1].weight);
    quadrature::mul_into(weight, weight, here[2].weight);
    for (int i = 0; i < 3; ++i) m[i] = here[i].n01;
    values.l1 = 0;
    values.real = true;  // the combinations write re only
    h(weight, m, values);
    values.calls = 1;
    return values;
  }
};

// The full operator's h_sigma (see the top of the file). Written for speed: h_sigma depends on sigma only
// through which of s2, s3, s4 are non-zero (8 classes for the 14 patterns), each class costs a few
// multiplications, in place in scratch values the combination keeps (one per evaluation).
template <class Real>
struct FullOperatorCombination {
  Real c0;  // A or 0
  Real n1;  // n(w1)

  struct Scratch {
    std::array<Real, 2> a2, a3, a4;
    std::array<Real, 8> by_class;
    Real wn1, a34, loss, t;
  };
  mutable Scratch x{};

  // The class of a pattern: bit 2 for s2 != 0, bit 1 for s3 != 0, bit 0 for s4 != 0.
  static int class_of(const Pattern& p) { return (p.s[0] != 0) * 4 + (p.s[1] != 0) * 2 + (p.s[2] != 0); }

  void operator()(const Real& weight, const std::array<Real, 3>& m, quadrature::Components<Real>& values) const {
    using quadrature::add_abs;
    using quadrature::add_product;
    using quadrature::add_to;
    using quadrature::half_into;
    using quadrature::mul_into;
    using quadrature::sub_from;
    // c_s m_i for s = 0 (index 0) and s = +-1 (index 1), the weight folded into m2; in place
    // (quadrature/in_place.hpp: this is a third of a call's operations).
    mul_into(x.a2[1], weight, m[0]);
    mul_into(x.a2[0], x.a2[1], c0);
    half_into(x.a2[1], x.a2[1]);
    mul_into(x.a3[0], m[1], c0);
    half_into(x.a3[1], m[1]);
    mul_into(x.a4[0], m[2], c0);
    half_into(x.a4[1], m[2]);
    mul_into(x.wn1, weight, n1);
    for (int c = 0; c < 8; ++c) {
      const int s2 = (c >> 2) & 1, s3 = (c >> 1) & 1, s4 = c & 1;
      Real& gain = x.by_class[c];
      mul_into(x.a34, x.a3[s3], x.a4[s4]);
      mul_into(gain, x.a34, x.a2[s2]);
      if (!s2) add_product(gain, x.a34, x.wn1, x.t);
      if (s3 && s4) continue;  // no loss term
      // loss = (c_s3 m3 [s4 = 0] + c_s4 m4 [s3 = 0]) c_s2 m2 n1
      if (!s4 && !s3) {
        x.loss = x.a3[s3];
        add_to(x.loss, x.a4[s4]);
      } else {
        x.loss = !s4 ? x.a3[s3] : x.a4[s4];
      }
      mul_into(x.loss, x.loss, x.a2[s2]);
      mul_into(x.loss, x.loss, n1);
      sub_from(gain, x.loss);
    }
    const auto& all = patterns();
    for (std::size_t k = 0; k < all.size(); ++k) {
      const Real& v = x.by_class[class_of(all[k])];
      values.re[k] = v;
      add_abs(values.l1, v);
      if (all[k].multiplicity == 2) add_abs(values.l1, v);
    }
  }
};

// C^j_i[k, l, m]'s h_sigma: the product over the slots of c_s m(w_slot), the slots at w1 as numbers;
// a pattern with a phase on an omega that feeds no slot has h_sigma = 0.
template <class Real>
struct SlotCombination {
  std::array<int, 3> index;                     // the slots' omegas, 1 ... 4
  std::array<std::array<Real, 2>, 3> c;         // c_0 and c_(+-1) of each slot's datum
  Real at_w1 = 1;                               // the product of the data of the slots at w1

  void operator()(const Real& weight, const std::array<Real, 3>& m, quadrature::Components<Real>& values) const {
    using std::abs;
    const auto& all = patterns();
    Real product;
    for (std::size_t k = 0; k < all.size(); ++k) {
      std::array<bool, 3> fed{false, false, false};
      product = weight * at_w1;
      for (int i = 0; i < 3; ++i) {
        if (index[i] == 1) continue;
        const int e = index[i] - 2;
        product *= c[i][all[k].s[e] != 0] * m[e];
        fed[e] = true;
      }
      for (int e = 0; e < 3; ++e)
        if (!fed[e] && all[k].s[e] != 0) product = 0;
      values.re[k] = product;
      values.l1 += all[k].multiplicity * abs(product);
    }
  }
};

}  // namespace oscillating_operator_detail

// Re sum_sigma multiplicity_sigma int h_sigma e^(i (kappa_u u + kappa_y y + theta_sigma)) over the charts,
// to the engine's tolerance; `bound` (what the caller does not integrate) is added to the error. `met` is
// false where the level differences, the D3 tail or the bound leave more than the tolerance.
template <class Real, class Combination>
quadrature::Result<Real> phase_expansion(const quadrature::Engine<Real>& engine,
                                         const std::vector<oscillating_operator_detail::PhaseChart>& charts,
                                         const Combination& h, const Model<Real>& model, const Real& w1,
                                         const Real& bound, const quadrature::RefinePolicy& policy) {
  using namespace oscillating_operator_detail;
  using std::abs;
  using std::cos;
  using std::ldexp;
  using std::sin;
  const auto& all = patterns();
  const std::size_t K = all.size();
  const Real highest = 2 * model.N;  // |kappa| <= 2N in every chart
  constexpr std::size_t npos = static_cast<std::size_t>(-1);  // no u panel: every y panel at the level

  struct Setup {
    PhaseChart chart;
    Piece piece;
    std::vector<Real> kappa_u, kappa_y;
    std::vector<Real> theta_cos, theta_sin;  // e^(i theta_sigma)
    std::vector<quadrature::Panel<Real>> panels;
    Integrand<Real, Combination> f;
    quadrature::FilonNodeCache<Real> inner_weights{};  // of the y panels, shared by the u nodes
  };
  std::vector<Setup> setups;
  for (PhaseChart chart : charts) {
    const Affine<Real> a = affine(chart, w1);
    const Piece piece = piece_of(chart);
    Setup s{chart, piece, {}, {}, {}, {}, oscillating_detail::u_panels(chart == PhaseChart::D3 ? Piece::C3 : Piece::C21, w1,
                                                                      highest, model, engine.digits),
            Integrand<Real, Combination>{model, piece, h}};
    s.f.depends = dependence(a.du, a.dy);
    for (const Pattern& p : all) {
      s.kappa_u.push_back(Real(dot(p.s, a.du) * model.N));
      s.kappa_y.push_back(Real(dot(p.s, a.dy) * model.N));
      const Real theta = model.N * (p.s[0] * a.origin[0] + p.s[1] * a.origin[1] + p.s[2] * a.origin[2]);
      Real theta_sin, theta_cos;
      elementary::sin_cos(theta, theta_sin, theta_cos);
      s.theta_cos.push_back(std::move(theta_cos));
      s.theta_sin.push_back(std::move(theta_sin));
    }
    setups.push_back(std::move(s));
  }

  // Graded levels (quadrature/level_plan.hpp): pairs keyed by chart, u panel and y panel; `plan` is set
  // for the pass and the refinement, not for the tail bounds.
  quadrature::LevelPlan<Real> plan;  // empty (every pair at the level) until the pass has finished it
  const auto level_of = [&](std::size_t chart, unsigned level, std::size_t outer, int inner_panel) -> unsigned {
    if (outer == npos) return level;
    return plan.level(level, {static_cast<int>(chart), static_cast<int>(outer), inner_panel});
  };

  // G_sigma(u) = int h_sigma e^(i kappa_y y) dy at level L (the u panel `outer`, for the plan; `weight`
  // its node's |weight| times the prefactor, for the pass's record).
  const auto inner = [&](std::size_t chart, unsigned level, const Real& u, std::size_t outer,
                         const Real& weight) -> quadrature::Components<Real> {
    const Setup& s = setups[chart];
    const Real end = s.chart == PhaseChart::D3 ? w1 : Real(w1 / 2 - u);
    const int k_inner = s.f.inner_only();
    const Real alpha = k_inner >= 0 ? s.f.exponents[k_inner] : Real(0);
    const auto panels = inner_panels(end, std::min(u, Real(1)), highest, alpha);
    bool outer_known = false;
    const auto panel_level = [&](std::size_t j) { return level_of(chart, level, outer, static_cast<int>(j)); };
    // The inner-only omega's table of the panel being summed, looked up when the panel changes.
    const quadrature::Panel<Real>* table_panel = nullptr;
    const std::vector<OmegaFactors<Real>>* table = nullptr;
    const auto integrand = [&](const Real& y, const quadrature::Panel<Real>& panel,
                               std::size_t node) -> const quadrature::Components<Real>& {
      const OmegaFactors<Real>* tabulated = nullptr;
      if (k_inner >= 0) {
        if (&panel != table_panel) {
          const unsigned at_level = panel_level(static_cast<std::size_t>(&panel - panels.data()));
          auto found = s.f.tables.find({panel.a, panel.b, at_level});
          if (found == s.f.tables.end()) {
            std::vector<OmegaFactors<Real>> t;
            for (const quadrature::Node<Real>& n : engine.rules.nodes(at_level, panel)) {
              const Real x = panel.at(n.s, n.s_complement).x;
              t.push_back(omega_factors(model, s.f.exponents[k_inner], omegas(s.chart, w1, u, x)[k_inner]));
            }
            found = s.f.tables.emplace(std::make_tuple(panel.a, panel.b, at_level), std::move(t)).first;
          }
          table_panel = &panel;
          table = &found->second;
        }
        tabulated = &(*table)[node];
      }
      const quadrature::Components<Real>& v = s.f(omegas(s.chart, w1, u, y), outer_known, tabulated);
      outer_known = true;
      return v;
    };
    if (!plan.recording())
    {
      // The rungs from the anchor to the last panel's start are the same for every u (inner_panels).
      quadrature::FilonNodeCache<Real>& cache = setups[chart].inner_weights;
      cache.shared_from = inner_anchor(highest);
      cache.shared_to = panels.back().a;
      return quadrature::oscillatory_components_sum_at(panels, engine.rules, panel_level, s.kappa_y, integrand, &cache);
    }
    // The pass: panel by panel (the same sums; every inner panel is a Gauss panel), each one's share recorded.
    quadrature::Components<Real> total(s.kappa_y.size());
    for (std::size_t j = 0; j < panels.size(); ++j) {
      const quadrature::Components<Real> part = quadrature::oscillatory_components_sum(
          std::vector<quadrature::Panel<Real>>{panels[j]}, engine.rules, level, s.kappa_y,
          [&](const Real& y, const quadrature::Panel<Real>&, std::size_t node) -> const quadrature::Components<Real>& {
            return integrand(y, panels[j], node);
          });
      for (std::size_t k = 0; k < part.re.size(); ++k) {
        total.re[k] += part.re[k];
        total.im[k] += part.im[k];
      }
      total.l1 += part.l1;
      total.calls += part.calls;
      plan.record({static_cast<int>(chart), static_cast<int>(outer), static_cast<int>(j)}, Real(weight * part.l1));
    }
    plan.record({static_cast<int>(chart), static_cast<int>(outer), -1}, Real(weight * total.l1));
    return total;
  };
  // The cut D3 tail, bounded through the L1 norm of the inner integrals.
  const auto tail = [&](std::size_t chart, unsigned level) -> Real {
    const Setup& s = setups[chart];
    if (s.chart != PhaseChart::D3) return Real(0);
    const Real U = s.panels.back().b, before = s.panels.back().a;
    return oscillating_detail::tail_bound(inner(chart, level, before, npos, Real(0)).l1,
                                          inner(chart, level, U, npos, Real(0)).l1, before, U);
  };

  // The value of the expansion at level L: Re sum over the charts, their L1 norm and calls.
  const auto level_value = [&](unsigned level, Real& value, Real& l1, std::size_t& calls) {
    value = 0;
    l1 = 0;
    for (std::size_t c = 0; c < setups.size(); ++c) {
      const Setup& s = setups[c];
      const Real prefactor = piece_prefactor(s.piece, model, w1);
      const quadrature::Components<Real> z = quadrature::oscillatory_components_sum_at(
          s.panels, engine.rules, [&](std::size_t i) { return level_of(c, level, i, -1); }, s.kappa_u,
          [&](const Real& u, const quadrature::Panel<Real>&, std::size_t, const quadrature::NodeAt<Real>& at) {
            return inner(c, level, u, at.panel, plan.recording() ? Real(at.weight * abs(prefactor)) : Real(0));
          });
      for (std::size_t k = 0; k < K; ++k)
        value += all[k].multiplicity * prefactor * (s.theta_cos[k] * z.re[k] - s.theta_sin[k] * z.im[k]);
      l1 += abs(prefactor) * z.l1;
      calls += z.calls;
    }
  };

  quadrature::Result<Real> result;
  result.value = result.error = result.l1 = 0;
  // The pass at levels p - 1 and p (level_plan.hpp), its share of the calls counted.
  const unsigned p = engine.graded_levels ? quadrature::LevelPlan<Real>::pass_level(policy.first_level) : 0;
  if (p != 0) {
    Real coarse, fine, l1;
    level_value(p - 1, coarse, l1, result.calls);
    plan.start_recording();
    level_value(p, fine, l1, result.calls);
    plan.finish(quadrature::LevelPlan<Real>::scale_from_pass(abs(fine), abs(Real(fine - coarse))), engine.digits,
                policy.first_level);
  }
  Real previous = 0;
  quadrature::drive_levels<Real>(policy, [&](unsigned level) -> std::optional<quadrature::LevelCheck<Real>> {
    Real value, l1, bounds = bound;
    level_value(level, value, l1, result.calls);
    if (level > policy.first_level)
      for (std::size_t c = 0; c < setups.size(); ++c)
        bounds += abs(piece_prefactor(setups[c].piece, model, w1)) * tail(c, level);
    result.value = value;
    result.l1 = l1;
    result.level = level;
    std::optional<quadrature::LevelCheck<Real>> check;
    if (level > policy.first_level) {
      const Real differences = abs(value - previous) + quadrature::rounding_floor(l1, engine.bits);
      result.error = differences + bounds;
      result.met = result.error <= engine.tolerance() * abs(value);
      // Refining further cannot beat the bounds, nor the rounding floor once the differences stall.
      check = quadrature::LevelCheck<Real>{result.met, differences <= bounds, differences};
    }
    previous = value;
    return check;
  });
  return result;
}

// C[n](w1) for n = n02 or n0 (`data`): the three charts, and D1 bounded.
template <class Real>
quadrature::Result<Real> oscillating_operator(const quadrature::Engine<Real>& engine, const Data<Real>& data,
                                              const Model<Real>& model, const Real& w1) {
  using namespace oscillating_operator_detail;
  using std::abs;
  if (!data.oscillates()) throw std::invalid_argument("oscillating operator: the datum n01 goes to full_operator");
  const Real c0 = data.kind == DataKind::n0 ? model.A : Real(0);
  const Real n1 = data(w1);
  // D1, bounded.
  const Real c = abs(c0) + 1;
  const auto d1_bound_integrand = [&](const Omegas<Real>& w) -> Real {
    const Real m2 = n01(model, w.w2);
    const Real m3 = n01(model, w.w3);
    const Real m4 = n01(model, w.w4);
    return c * c * (m3 * m4 * (abs(n1) + c * m2) + abs(n1) * m2 * (m3 + m4));
  };
  const quadrature::Result<Real> d1 = integrate_pieces(engine, {Piece::C1}, model, w1, d1_bound_integrand);

  const FullOperatorCombination<Real> h{c0, n1};
  // The refinement starts two levels higher than the smooth route's: the Filon rule in both variables
  // interpolates at half the Gauss rate (rho^-n), so the digits of a level are about half those of the
  // same level on the smooth route, and 2 levels make up the factor 2 (levels grow the nodes by sqrt 2).
  // Measured on the audit's (5.21) point (beta = 0.3, M = 12, w1 = 3e4, N = 33, A = 72, 12 digits): met at
  // level 8 whatever the first level; from level 7, 452 367 calls, from 5 (the smooth route's), 725 243 —
  // levels 5 and 6 were never the answer, and the graded levels' drops are capped by the first level.
  quadrature::RefinePolicy policy = engine.policy;
  policy.first_level += 2;
  policy.max_level += 2;
  quadrature::Result<Real> result = phase_expansion(engine, {PhaseChart::D21, PhaseChart::D22, PhaseChart::D3}, h, model, w1,
                                                    Real(d1.value + d1.error), policy);
  result.calls += d1.calls;
  return result;
}

// C^j_i[k, l, m](w1), i in {21, 22, 3}, any of k, l, m oscillating, in any slot.
template <class Real>
quadrature::Result<Real> oscillating_piece(const quadrature::Engine<Real>& engine, const Slots& slots, Piece piece,
                                           const std::array<Data<Real>, 3>& data, const Model<Real>& model,
                                           const Real& w1) {
  using namespace oscillating_operator_detail;
  if (piece == Piece::C1)
    throw std::invalid_argument("data: the oscillating data are integrated on the pieces 21, 22 and 3; the piece 1 (D1, every "
                                "datum at w >= w1) has no chart for them");
  SlotCombination<Real> h;
  h.index = slots.index;
  for (int i = 0; i < 3; ++i) {
    const DataKind kind = data[i].kind;
    h.c[i] = {kind == DataKind::n01 ? Real(1) : kind == DataKind::n0 ? model.A : Real(0),
              kind == DataKind::n01 ? Real(0) : Real(Real(1) / 2)};
    if (slots.index[i] == 1) h.at_w1 *= data[i](w1);
  }
  const PhaseChart chart = piece == Piece::C21 ? PhaseChart::D21 : piece == Piece::C22 ? PhaseChart::D22 : PhaseChart::D3;
  return phase_expansion(engine, {chart}, h, model, w1, Real(0), engine.policy);
}

}  // namespace kwe
