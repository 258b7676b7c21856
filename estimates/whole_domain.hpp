// C^j[k, l, m](w1) straight from (3.4): one integral over {0 <= w3 <= w4, w2 >= 0} with the
// cross-section (3.2) evaluated as printed, min{...} included. It shares no chart and no piece weight
// with collision.hpp, so it checks the partition (3.5)-(3.15) independently.
// Variables: x = w3 in [0, inf) (kinks of the domain at w1/2 and of min at w1), y = w2 in
// [max(0, 2 w3 - w1), inf) (w4 >= w3), kinks of min at y = w3 and y = w1; w4 = w1 + w2 - w3.
// Tanh-sinh on every panel: as w3 -> w1 the inner kinks run into the inner range's end, which makes
// the outer integrand singular at w3 = w1 (Gauss-Legendre there converged algebraically: 11 digits at
// 4*10^5 calls).
#pragma once

#include "estimates/collision.hpp"

namespace kwe {

template <class Real>
quadrature::Result<Real> collision_whole_domain(const quadrature::Engine<Real>& engine, const Slots& slots,
                                                const std::array<Data<Real>, 3>& data, const Model<Real>& model,
                                                const Real& w1) {
  const SlotProduct<Real> product(slots, data, w1);
  const Real inf = infinity<Real>();
  quadrature::Grading<Real> grading = engine.grading;
  grading.gauss = false;
  return quadrature::refine<Real>(
      [&](unsigned level) {
        const auto outer = quadrature::graded(Real(0), inf, {Real(w1 / 2), w1}, Real(1), grading);
        return quadrature::level_sum(outer, engine.rules, level, [&](const Real& w3) -> Estimate<Real> {
          const Real low = 2 * w3 > w1 ? Real(2 * w3 - w1) : Real(0);
          // Measured from `low`: the ladder of the partition starts there.
          const auto inner = quadrature::graded(Real(0), inf, {Real(w3 - low), Real(w1 - low)}, Real(1), grading);
          return quadrature::level_sum(inner, engine.rules, level, [&](const Real& t) -> Real {
            const Real w2 = low + t;
            const Real w4 = w1 + w2 - w3;
            return cross_section(model, w1, w2, w3, w4) * product({w2, w3, w4});
          });
        });
      },
      engine.tolerance(), engine.bits, engine.policy);
}

}  // namespace kwe
