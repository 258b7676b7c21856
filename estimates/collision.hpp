// The collision operator and its pieces, as integrals over the charts of domains.hpp:
//   C^j_i[k, l, m](w1)  (3.10)-(3.14)  for j = j1 j2 j3 in {234, 134, 123, 124}, i in {1, 21, 22, 3};
//   C^j[k, l, m]        (3.4)          = C^j_1 + C^j_21 + C^j_22 + C^j_3  (3.5), (3.9);
//   C[n]                (3.3)          with gain and loss combined pointwise,
//                                      n2 n3 n4 + n1 n3 n4 - n1 n2 n3 - n1 n2 n4 = n3 n4 (n1 + n2) - n1 n2 (n3 + n4),
//                                      since the two cancel to a few digits at large w1 (Remark 1.4).
#pragma once

#include "estimates/data.hpp"
#include "estimates/domains.hpp"
#include "quadrature/engine.hpp"
#include "quadrature/level_sum.hpp"

#include <array>
#include <stdexcept>
#include <string>

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

// Level-L sum of prefactor_i(w1) * \iint_{D_i} weight_i(w2, w3, w4) h(w2, w3, w4) for one piece i.
template <class Real, class H>
Estimate<Real> piece_level_sum(const quadrature::Engine<Real>& engine, Piece piece, const Model<Real>& model,
                               const Real& w1, unsigned level, H&& h) {
  Estimate<Real> total{0, 0, 0};
  for (Chart chart : charts_of(piece)) {
    const Range<Real> outer = outer_range(chart, w1);
    const auto outer_panels = quadrature::graded(outer.a, outer.b, outer.breaks, outer.unit, engine.grading);
    accumulate(total, quadrature::level_sum(outer_panels, engine.rules, level, [&](const Real& x) -> Estimate<Real> {
      const Range<Real> inner = inner_range(chart, w1, x);
      const auto inner_panels = quadrature::graded(inner.a, inner.b, inner.breaks, inner.unit, engine.grading);
      return quadrature::level_sum(inner_panels, engine.rules, level, [&](const Real& y) -> Real {
        const Omegas<Real> w = omegas_at(chart, w1, x, y);
        return piece_weight(piece, model, w.w2, w.w3, w.w4) * h(w);
      });
    }));
  }
  return scaled(total, piece_prefactor(piece, model, w1));
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
};

// The gain-loss combination of (3.3) at one point.
template <class Real>
struct GainMinusLoss {
  Data<Real> n;
  Real n1;

  Real operator()(const Omegas<Real>& w) const {
    const Real n2 = n(w.w2), n3 = n(w.w3), n4 = n(w.w4);
    return n3 * n4 * (n1 + n2) - n1 * n2 * (n3 + n4);
  }
};

// A quantity is a sum over pieces of the level-L sums; refine() drives the level.
template <class Real, class H>
quadrature::Result<Real> integrate_pieces(const quadrature::Engine<Real>& engine, const std::vector<Piece>& pieces,
                                          const Model<Real>& model, const Real& w1, H&& h) {
  return quadrature::refine<Real>(
      [&](unsigned level) {
        Estimate<Real> total{0, 0, 0};
        for (Piece piece : pieces) accumulate(total, piece_level_sum(engine, piece, model, w1, level, h));
        return total;
      },
      engine.tolerance(), engine.bits, engine.policy, engine.absolute_tolerance);
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
