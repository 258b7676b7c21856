// One pass of the level-L rule over a partition, for a scalar integrand or for an integrand that is
// itself a level-L estimate (an inner integral): iterated 2-D integrals are this function nested once.
//
// On tanh-sinh panels each side stops once two consecutive terms |w f| have fallen below
// 2^-(bits + 8) times the L1 sum so far (the terms of a double-exponential rule decay monotonically
// towards an integrable end): the node table is deep enough for unbounded integrands (tanh_sinh.hpp),
// and bounded ones stop where they stop mattering.
//
// The level may differ from panel to panel (level_plan.hpp: a panel that carries a small share of the
// integral needs fewer digits of its own): level_sum_at takes the level of each panel, by its index, and
// hands the integrand the node's panel index and weight (NodeAt) when it asks for them.
#pragma once

#include "quadrature/estimate.hpp"
#include "quadrature/panel.hpp"
#include "quadrature/rule_family.hpp"

#include <cstddef>
#include <type_traits>
#include <utility>
#include <vector>

namespace kwe::quadrature {

// Where a node sits: its panel (index into the partition), its weight (rule weight times the map's
// Jacobian) and its index in the panel's node set.
template <class Real>
struct NodeAt {
  std::size_t panel;
  const Real& weight;
  std::size_t node = 0;  // the node's index in its panel's node set (for integrands that tabulate per node)
};

template <class Real, class LevelOf, class F>
Estimate<Real> level_sum_at(const std::vector<Panel<Real>>& panels, const RuleFamily<Real>& rules, LevelOf&& level_of,
                            F&& f) {
  using std::abs;
  using std::ldexp;
  Estimate<Real> total{0, 0, 0};
  std::size_t index = 0;
  const auto term = [&](const Panel<Real>& panel, const NodeSet<Real>& nodes, std::size_t i) -> Real {
    const Node<Real>& node = nodes[i];
    const MappedPoint<Real> point = panel.at(node.s, node.s_complement);
    const Real w = node.weight * point.jacobian;
    const Estimate<Real> value = [&]() -> Estimate<Real> {
      if constexpr (std::is_invocable_v<F&, const Real&, const NodeAt<Real>&>)
        return as_estimate<Real>(f(point.x, NodeAt<Real>{index, w, i}));
      else
        return as_estimate<Real>(f(point.x));
    }();
    total.value += w * value.value;
    const Real magnitude = abs(w) * value.l1;
    total.l1 += magnitude;
    total.calls += value.calls;
    return magnitude;
  };
  const int negligible_exponent = -static_cast<int>(rules.bits()) - 8;
  for (; index < panels.size(); ++index) {
    const Panel<Real>& panel = panels[index];
    const NodeSet<Real>& nodes = rules.nodes(level_of(index), panel);
    if (panel.rule != PanelRule::tanh_sinh) {
      for (std::size_t i = 0; i < nodes.size(); ++i) term(panel, nodes, i);
      continue;
    }
    term(panel, nodes, 0);
    int quiet[2] = {0, 0};  // consecutive negligible terms on the side of 0 and of 1
    for (std::size_t i = 1; i + 1 < nodes.size() && (quiet[0] < 2 || quiet[1] < 2); i += 2) {
      for (int side = 0; side < 2; ++side) {
        if (quiet[side] >= 2) continue;
        const Real magnitude = term(panel, nodes, i + side);
        quiet[side] = magnitude <= ldexp(total.l1, negligible_exponent) ? quiet[side] + 1 : 0;
      }
    }
  }
  return total;
}

// Every panel at level L.
template <class Real, class F>
Estimate<Real> level_sum(const std::vector<Panel<Real>>& panels, const RuleFamily<Real>& rules, unsigned level,
                         F&& f) {
  return level_sum_at(panels, rules, [level](std::size_t) { return level; }, std::forward<F>(f));
}

}  // namespace kwe::quadrature
