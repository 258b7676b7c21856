// One pass of the level-L rule over a partition, for a scalar integrand or for an integrand that is
// itself a level-L estimate (an inner integral): iterated 2-D integrals are this function nested once.
#pragma once

#include "quadrature/estimate.hpp"
#include "quadrature/panel.hpp"
#include "quadrature/rule_family.hpp"

#include <vector>

namespace kwe::quadrature {

template <class Real, class F>
Estimate<Real> level_sum(const std::vector<Panel<Real>>& panels, const RuleFamily<Real>& rules, unsigned level,
                         F&& f) {
  using std::abs;
  Estimate<Real> total{0, 0, 0};
  for (const Panel<Real>& panel : panels) {
    for (const Node<Real>& node : rules.nodes(level, panel.rule)) {
      const MappedPoint<Real> point = panel.at(node.s, node.s_complement);
      const Real w = node.weight * point.jacobian;
      const Estimate<Real> value = as_estimate<Real>(f(point.x));
      total.value += w * value.value;
      total.l1 += abs(w) * value.l1;
      total.calls += value.calls;
    }
  }
  return total;
}

}  // namespace kwe::quadrature
