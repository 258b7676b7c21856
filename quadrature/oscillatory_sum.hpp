// One pass of the level-L rule for int f(u) e^(i kappa u) du over a partition, f smooth (a value or an
// inner level-L estimate), for several frequencies kappa at once: f is evaluated once per node and
// only the weights depend on kappa. The complex counterpart of level_sum.hpp.
//   - Gauss-Legendre panels (linear map) carry the oscillation in Filon weights (filon.hpp), so their
//     width is not limited by the period;
//   - tanh-sinh panels hold the endpoint singularities; the partition keeps them shorter than 1/|kappa|
//     (less than a radian of phase), and there the phase is multiplied in at each node. They stop on the
//     same negligible-term rule as level_sum.hpp.
#pragma once

#include "quadrature/estimate.hpp"
#include "quadrature/filon.hpp"
#include "quadrature/panel.hpp"
#include "quadrature/rule_family.hpp"

#include <stdexcept>
#include <vector>

namespace kwe::quadrature {

template <class Real>
struct ComplexEstimate {
  Real re = 0, im = 0;
  Real l1 = 0;  // integral of |f|
  std::size_t calls = 0;
};

template <class Real, class F>
std::vector<ComplexEstimate<Real>> oscillatory_level_sum(const std::vector<Panel<Real>>& panels,
                                                         const RuleFamily<Real>& rules, unsigned level,
                                                         const std::vector<Real>& kappas, F&& f) {
  using std::abs;
  using std::cos;
  using std::ldexp;
  using std::sin;
  const std::size_t K = kappas.size();
  std::vector<ComplexEstimate<Real>> totals(K);
  Real l1 = 0;
  std::size_t calls = 0;
  // Weights (re, im) per frequency at one node.
  std::vector<Real> w_re(K), w_im(K);
  const auto add = [&](const Real& u, const Real& w_abs) -> Real {
    const Estimate<Real> value = as_estimate<Real>(f(u));
    for (std::size_t k = 0; k < K; ++k) {
      totals[k].re += w_re[k] * value.value;
      totals[k].im += w_im[k] * value.value;
    }
    const Real magnitude = w_abs * value.l1;
    l1 += magnitude;
    calls += value.calls;
    return magnitude;
  };
  const int negligible_exponent = -static_cast<int>(rules.bits()) - 8;
  for (const Panel<Real>& panel : panels) {
    if (panel.map != PanelMap::linear) throw std::logic_error("oscillatory panels must be linear");
    const NodeSet<Real>& nodes = rules.nodes(level, panel.rule);
    const Real length = panel.b - panel.a;
    if (panel.rule == PanelRule::gauss_legendre) {
      // int_a^b f(u) e^(i kappa u) du = (b - a) e^(i kappa c) int_0^1 f e^(i omega (2s - 1)) ds
      const Real centre = (panel.a + panel.b) / 2;
      std::vector<FilonWeights<Real>> w;
      std::vector<Real> c(K), s(K);
      for (std::size_t k = 0; k < K; ++k) {
        w.push_back(filon_weights<Real>(nodes, Real(kappas[k] * length / 2), rules.bits()));
        c[k] = cos(kappas[k] * centre) * length;
        s[k] = sin(kappas[k] * centre) * length;
      }
      for (std::size_t j = 0; j < nodes.size(); ++j) {
        for (std::size_t k = 0; k < K; ++k) {
          w_re[k] = c[k] * w[k].re[j] - s[k] * w[k].im[j];
          w_im[k] = s[k] * w[k].re[j] + c[k] * w[k].im[j];
        }
        add(panel.at(nodes[j].s, nodes[j].s_complement).x, Real(nodes[j].weight * length));
      }
      continue;
    }
    const auto term = [&](const Node<Real>& node) -> Real {
      const MappedPoint<Real> p = panel.at(node.s, node.s_complement);
      const Real w = node.weight * p.jacobian;
      for (std::size_t k = 0; k < K; ++k) {
        w_re[k] = w * cos(kappas[k] * p.x);
        w_im[k] = w * sin(kappas[k] * p.x);
      }
      return add(p.x, abs(w));
    };
    term(nodes[0]);
    int quiet[2] = {0, 0};
    for (std::size_t i = 1; i + 1 < nodes.size() && (quiet[0] < 2 || quiet[1] < 2); i += 2)
      for (int side = 0; side < 2; ++side) {
        if (quiet[side] >= 2) continue;
        const Real magnitude = term(nodes[i + side]);
        quiet[side] = magnitude <= ldexp(l1, negligible_exponent) ? quiet[side] + 1 : 0;
      }
  }
  for (ComplexEstimate<Real>& t : totals) {
    t.l1 = l1;
    t.calls = calls;
  }
  return totals;
}

}  // namespace kwe::quadrature
