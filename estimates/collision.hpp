// The collision operator and its pieces, as integrals over the charts of domains.hpp:
//   C^j_i[k, l, m](w1)  (3.10)-(3.14)  for j = j1 j2 j3 in {234, 134, 123, 124}, i in {1, 21, 22, 3};
//   C^j[k, l, m]        (3.4)          = C^j_1 + C^j_21 + C^j_22 + C^j_3  (3.5), (3.9);
//   C[n]                (3.3)          with gain and loss combined pointwise,
//                                      n2 n3 n4 + n1 n3 n4 - n1 n2 n3 - n1 n2 n4 = n3 n4 (n1 + n2) - n1 n2 (n3 + n4),
//                                      since the two cancel to a few digits at large w1 (Remark 1.4).
#pragma once

#include "estimates/data.hpp"
#include "estimates/domains.hpp"
#include "quadrature/elementary.hpp"
#include "quadrature/engine.hpp"
#include "quadrature/in_place.hpp"
#include "quadrature/level_plan.hpp"
#include "quadrature/level_sum.hpp"

#include <array>
#include <map>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace kwe {

// Which of (w1, w2, w3, w4) feed the three slots k, l, m of C^j.
struct Slots {
  std::array<int, 3> index;  // each in {1, 2, 3, 4}
  std::string name;
};

inline Slots parse_slots(const std::string& j) {
  if (j == "234" || j == "134" || j == "123" || j == "124")
    return {{j[0] - '0', j[1] - '0', j[2] - '0'}, j};
  throw std::invalid_argument("operator index: '" + j + "' is not one of 234, 134, 123, 124");
}

template <class Real>
using Estimate = quadrature::Estimate<Real>;

template <class Real>
Estimate<Real> scaled(Estimate<Real> e, const Real& factor) {
  e.value *= factor;
  e.l1 *= factor;
  return e;
}

template <class Real>
void accumulate(Estimate<Real>& total, const Estimate<Real>& e) {
  total.value += e.value;
  total.l1 += e.l1;
  total.calls += e.calls;
}

// The factors of one omega in the integrand weight_i(w2, w3, w4) h(w2, w3, w4): its power in the
// piece's weight (cross_section.hpp) and n01(w) = <w>^(-M/2), from which every datum is formed
// (n02 = cos(N w) n01, n0 = (A + cos(N w)) n01).
template <class Real>
struct OmegaFactors {
  Real weight;  // w^beta, or w^(beta+1/2) for the omega at the minimum of (3.2)
  Real n01;
};

// The exponents of (w2, w3, w4) in the piece's weight.
template <class Real>
std::array<Real, 3> weight_exponents(Piece piece, const Model<Real>& m) {
  switch (piece) {
    case Piece::C1: return {m.beta, m.beta, m.beta};
    case Piece::C21:
    case Piece::C22: return {m.beta_plus_half, m.beta, m.beta};
    case Piece::C3: return {m.beta, m.beta_plus_half, m.beta};
  }
  throw std::logic_error("unknown piece");
}

// omega_factors_into writes into `out` with one scratch value of the caller's: no allocation, for the
// factors an integrand call recomputes (the omega that depends on both chart variables).
template <class Real>
void omega_factors_into(const Model<Real>& m, const Real& exponent, const Real& w, OmegaFactors<Real>& out,
                        Real& scratch) {
  // The call's one transcendental (quadrature/elementary.hpp: Arb, ~6x MPFR's pow).
  elementary::pow_into(out.weight, w, exponent);
  n01_into(m, w, out.n01, scratch);
}

template <class Real>
OmegaFactors<Real> omega_factors(const Model<Real>& m, const Real& exponent, const Real& w) {
  OmegaFactors<Real> f;
  Real scratch;
  omega_factors_into(m, exponent, w, f, scratch);
  return f;
}

template <class Real>
const Real& omega(const Omegas<Real>& w, int k) {
  return k == 0 ? w.w2 : k == 1 ? w.w3 : w.w4;
}

template <class Real>
using FactorSet = std::array<const OmegaFactors<Real>*, 3>;

// h at one point: from the factors when h reads them (the integrands of this file), else from the omegas.
template <class Real, class H>
Real integrand_value(H& h, const Omegas<Real>& w, const FactorSet<Real>& f) {
  if constexpr (std::is_invocable_v<H&, const Omegas<Real>&, const FactorSet<Real>&>)
    return h(w, f);
  else
    return h(w);
}

// Level-L sum of prefactor_i(w1) * \iint_{D_i} weight_i(w2, w3, w4) h(w2, w3, w4) for one piece i.
//
// Shared factors. Every integrand is weight_i * h, both products of one-omega factors (OmegaFactors)
// except for what h itself adds. Of (w2, w3, w4), one depends on the outer variable only, one (D1: none)
// on the inner variable only, and the rest on both (domains.hpp, dependence()). The outer one's factors
// are computed once per outer node; the inner one's once per node of each inner panel, and the inner
// panels are the same for every outer node but the last of each range (graded rungs from 0), so they
// are tabulated per level, with their positions and weights (a geometric panel's map costs an exp);
// only the omegas that depend on both are computed at every call. Tanh-sinh panels (the tails) stop on
// the size of their terms and are summed as before.
//
// Graded levels (quadrature/level_plan.hpp): with a plan, each outer panel and each (outer panel, inner
// panel) pair runs at its own level; while the plan records (its pass), each pair's L1 share of the piece,
// outer weight and prefactor included, goes into it. Pairs are keyed by chart, outer panel index and inner
// panel index: every range starts at 0 with rungs at fixed positions, so index j is the same rung for
// every outer node of a panel.
template <class Real, class H>
Estimate<Real> piece_level_sum(const quadrature::Engine<Real>& engine, Piece piece, const Model<Real>& model,
                               const Real& w1, unsigned level, H&& h, quadrature::LevelPlan<Real>* plan = nullptr) {
  using std::abs;
  const std::array<Real, 3> exponents = weight_exponents(piece, model);
  const Real prefactor = piece_prefactor(piece, model, w1);
  const bool recording = plan != nullptr && plan->recording();
  struct InnerTable {
    std::vector<Real> y, weight;              // positions, rule weight times the map's Jacobian
    std::vector<OmegaFactors<Real>> factors;  // of the omega that depends on y only
  };
  Estimate<Real> total{0, 0, 0};
  for (Chart chart : charts_of(piece)) {
    const std::array<Dependence, 3> depends = dependence(chart);
    int inner_only = -1;
    for (int k = 0; k < 3; ++k)
      if (depends[k] == Dependence::inner) inner_only = k;
    const int group = static_cast<int>(chart);
    const auto level_of = [&](std::size_t outer, int inner) -> unsigned {
      return plan == nullptr ? level : plan->level(level, {group, static_cast<int>(outer), inner});
    };
    std::map<std::tuple<Real, Real, unsigned>, InnerTable> tables;  // by panel and level
    const Range<Real> outer = outer_range(chart, model, w1);
    const auto outer_panels =
        quadrature::graded(outer.a, outer.b, outer.breaks, outer.unit, engine.grading, outer.exponent);
    const auto outer_level = [&](std::size_t i) { return level_of(i, -1); };
    accumulate(total, quadrature::level_sum_at(outer_panels, engine.rules, outer_level,
                                               [&](const Real& x, const quadrature::NodeAt<Real>& at) -> Estimate<Real> {
      const Range<Real> inner = inner_range(chart, model, w1, x);
      const auto inner_panels =
          quadrature::graded(inner.a, inner.b, inner.breaks, inner.unit, engine.grading, inner.exponent);
      std::array<OmegaFactors<Real>, 3> here;  // the factors at the current point
      Real scratch;
      bool outer_done = false;
      // The factors of the omegas not taken from a table; `inner`: the inner one's, from its table.
      const auto point_value = [&](const Real& y, const OmegaFactors<Real>* inner) -> Real {
        const Omegas<Real> w = omegas_at(chart, w1, x, y);
        for (int k = 0; k < 3; ++k) {
          if (depends[k] == Dependence::outer && outer_done) continue;
          if (depends[k] == Dependence::inner && inner != nullptr) continue;
          omega_factors_into(model, exponents[k], omega(w, k), here[k], scratch);
        }
        outer_done = true;
        FactorSet<Real> f{&here[0], &here[1], &here[2]};
        if (inner != nullptr) f[inner_only] = inner;
        Real value = integrand_value<Real>(h, w, f);
        for (int k = 0; k < 3; ++k) quadrature::mul_into(value, value, f[k]->weight);
        return value;
      };
      Estimate<Real> sum{0, 0, 0};
      for (std::size_t j = 0; j < inner_panels.size(); ++j) {
        const quadrature::Panel<Real>& panel = inner_panels[j];
        const unsigned inner_level = level_of(at.panel, static_cast<int>(j));
        Estimate<Real> part{0, 0, 0};
        const auto done = [&] {
          if (recording) plan->record({group, static_cast<int>(at.panel), static_cast<int>(j)}, Real(abs(at.weight) * part.l1 * abs(prefactor)));
          accumulate(sum, part);
        };
        if (panel.rule == quadrature::PanelRule::tanh_sinh || inner_only < 0) {
          part = quadrature::level_sum(std::vector<quadrature::Panel<Real>>{panel}, engine.rules, inner_level,
                                       [&](const Real& y) -> Real { return point_value(y, nullptr); });
          done();
          continue;
        }
        auto found = tables.find({panel.a, panel.b, inner_level});
        if (found == tables.end()) {
          InnerTable t;
          for (const quadrature::Node<Real>& node : engine.rules.nodes(inner_level, panel)) {
            const quadrature::MappedPoint<Real> p = panel.at(node.s, node.s_complement);
            const Omegas<Real> w = omegas_at(chart, w1, x, p.x);
            t.factors.push_back(omega_factors(model, exponents[inner_only], omega(w, inner_only)));
            t.weight.push_back(Real(node.weight * p.jacobian));
            t.y.push_back(p.x);
          }
          found = tables.emplace(std::make_tuple(panel.a, panel.b, inner_level), std::move(t)).first;
        }
        const InnerTable& t = found->second;
        Real term;
        for (std::size_t i = 0; i < t.y.size(); ++i) {
          term = point_value(t.y[i], &t.factors[i]);
          quadrature::mul_into(term, term, t.weight[i]);
          quadrature::add_to(part.value, term);
          quadrature::add_abs(part.l1, term);
          ++part.calls;
        }
        done();
      }
      if (recording) plan->record({group, static_cast<int>(at.panel), -1}, Real(abs(at.weight) * sum.l1 * abs(prefactor)));
      return sum;
    }));
  }
  return scaled(total, prefactor);
}

// A datum from the factors of its omega: n01 is tabulated, the oscillating data add their cosine.
template <class Real>
Real datum(const Data<Real>& d, const Real& w, const OmegaFactors<Real>& f) {
  switch (d.kind) {
    case DataKind::n01: return f.n01;
    case DataKind::n02: return Real(elementary::cos(Real(d.model->N * w)) * f.n01);
    case DataKind::n0: return Real((d.model->A + elementary::cos(Real(d.model->N * w))) * f.n01);
  }
  throw std::logic_error("unknown data kind");
}

// The product k(w_j1) l(w_j2) m(w_j3), with the data at w1 evaluated once.
template <class Real>
struct SlotProduct {
  Slots slots;
  std::array<Data<Real>, 3> data;
  std::array<Real, 3> at_w1;

  SlotProduct(Slots s, std::array<Data<Real>, 3> d, const Real& w1) : slots(std::move(s)), data(d) {
    for (int i = 0; i < 3; ++i) at_w1[i] = slots.index[i] == 1 ? data[i](w1) : Real(0);
  }

  Real operator()(const Omegas<Real>& w) const {
    Real product = 1;
    for (int i = 0; i < 3; ++i) {
      switch (slots.index[i]) {
        case 1: product *= at_w1[i]; break;
        case 2: product *= data[i](w.w2); break;
        case 3: product *= data[i](w.w3); break;
        case 4: product *= data[i](w.w4); break;
      }
    }
    return product;
  }

  // In place (quadrature/in_place.hpp): n01 factors are read where they are, not copied.
  Real operator()(const Omegas<Real>& w, const FactorSet<Real>& f) const {
    Real product = 1;
    for (int i = 0; i < 3; ++i) {
      const int k = slots.index[i] - 2;
      if (k < 0)
        quadrature::mul_into(product, product, at_w1[i]);
      else if (data[i].kind == DataKind::n01)
        quadrature::mul_into(product, product, f[k]->n01);
      else
        product *= datum(data[i], omega(w, k), *f[k]);
    }
    return product;
  }
};

// The gain-loss combination of (3.3) at one point.
template <class Real>
struct GainMinusLoss {
  Data<Real> n;
  Real n1;

  Real operator()(const Omegas<Real>& w, const FactorSet<Real>& f) const {
    const Real n2 = datum(n, w.w2, *f[0]), n3 = datum(n, w.w3, *f[1]), n4 = datum(n, w.w4, *f[2]);
    return n3 * n4 * (n1 + n2) - n1 * n2 * (n3 + n4);
  }
};

// A quantity is a sum over pieces of the level-L sums; refine() drives the level.
template <class Real, class H>
quadrature::Result<Real> integrate_pieces(const quadrature::Engine<Real>& engine, const std::vector<Piece>& pieces,
                                          const Model<Real>& model, const Real& w1, H&& h) {
  using std::abs;
  const auto level_sum = [&](unsigned level, quadrature::LevelPlan<Real>* plan) {
    Estimate<Real> total{0, 0, 0};
    for (Piece piece : pieces) accumulate(total, piece_level_sum(engine, piece, model, w1, level, h, plan));
    return total;
  };
  // Graded levels (quadrature/level_plan.hpp): the pass at levels p - 1 and p, then the refinement.
  quadrature::LevelPlan<Real> plan;
  std::size_t pass_calls = 0;
  const unsigned p = engine.graded_levels ? quadrature::LevelPlan<Real>::pass_level(engine.policy.first_level) : 0;
  if (p != 0) {
    const Estimate<Real> coarse = level_sum(p - 1, nullptr);
    plan.start_recording();
    const Estimate<Real> fine = level_sum(p, &plan);
    const Real lower = quadrature::LevelPlan<Real>::scale_from_pass(abs(fine.value), abs(Real(fine.value - coarse.value)));
    const Real absolute_scale = engine.absolute_tolerance / engine.tolerance();
    plan.finish(lower > absolute_scale ? lower : absolute_scale, engine.digits, engine.policy.first_level);
    pass_calls = coarse.calls + fine.calls;
  }
  quadrature::Result<Real> result = quadrature::refine<Real>(
      [&](unsigned level) { return level_sum(level, p != 0 ? &plan : nullptr); }, engine.tolerance(), engine.bits,
      engine.policy, engine.absolute_tolerance);
  result.calls += pass_calls;
  return result;
}

inline const std::vector<Piece>& all_pieces() {
  static const std::vector<Piece> pieces{Piece::C1, Piece::C21, Piece::C22, Piece::C3};
  return pieces;
}

// C^j_i[k, l, m](w1), or C^j[k, l, m](w1) when `pieces` is all four.
template <class Real>
quadrature::Result<Real> collision(const quadrature::Engine<Real>& engine, const Slots& slots,
                                   const std::vector<Piece>& pieces, const std::array<Data<Real>, 3>& data,
                                   const Model<Real>& model, const Real& w1) {
  const SlotProduct<Real> product(slots, data, w1);
  return integrate_pieces(engine, pieces, model, w1, product);
}

// C[n](w1), the full operator (3.3).
template <class Real>
quadrature::Result<Real> full_operator(const quadrature::Engine<Real>& engine, const Data<Real>& n,
                                       const Model<Real>& model, const Real& w1) {
  const GainMinusLoss<Real> combination{n, n(w1)};
  return integrate_pieces(engine, all_pieces(), model, w1, combination);
}

}  // namespace kwe
