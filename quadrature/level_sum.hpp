// One pass of the level-L rule over a partition, for a scalar integrand or for an integrand that is
// itself a level-L estimate (an inner integral): iterated 2-D integrals are this function nested once.
//
// On tanh-sinh panels each side stops once two consecutive terms |w f| have fallen below
// 2^-(bits + 8) times the L1 sum so far (the terms of a double-exponential rule decay monotonically
// towards an integrable end): the node table is deep enough for unbounded integrands (tanh_sinh.hpp),
// and bounded ones stop where they stop mattering.
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
  using std::ldexp;
  Estimate<Real> total{0, 0, 0};
  const auto term = [&](const Panel<Real>& panel, const Node<Real>& node) -> Real {
    const MappedPoint<Real> point = panel.at(node.s, node.s_complement);
    const Real w = node.weight * point.jacobian;
    const Estimate<Real> value = as_estimate<Real>(f(point.x));
    total.value += w * value.value;
    const Real magnitude = abs(w) * value.l1;
    total.l1 += magnitude;
    total.calls += value.calls;
    return magnitude;
  };
  const int negligible_exponent = -static_cast<int>(rules.bits()) - 8;
  for (const Panel<Real>& panel : panels) {
    const NodeSet<Real>& nodes = rules.nodes(level, panel);
    if (panel.rule != PanelRule::tanh_sinh) {
      for (const Node<Real>& node : nodes) term(panel, node);
      continue;
    }
    term(panel, nodes[0]);
    int quiet[2] = {0, 0};  // consecutive negligible terms on the side of 0 and of 1
    for (std::size_t i = 1; i + 1 < nodes.size() && (quiet[0] < 2 || quiet[1] < 2); i += 2) {
      for (int side = 0; side < 2; ++side) {
        if (quiet[side] >= 2) continue;
        const Real magnitude = term(panel, nodes[i + side]);
        quiet[side] = magnitude <= ldexp(total.l1, negligible_exponent) ? quiet[side] + 1 : 0;
      }
    }
  }
  return total;
}

}  // namespace kwe::quadrature
