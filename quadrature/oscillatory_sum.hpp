// One pass of the level-L rule for int f(u) e^(i kappa u) du over a partition, f smooth (a value or an
// inner level-L estimate), for several frequencies kappa at once: f is evaluated once per node and
// only the weights depend on kappa; or for several complex integrands f_k, each with its own kappa_k
// (the components of oscillating_operator.hpp). The complex counterpart of level_sum.hpp.
//   - Gauss-Legendre panels (linear map) carry the oscillation in Filon weights (filon.hpp), so their
//     width is not limited by the period;
//   - tanh-sinh panels hold the endpoint singularities; the partition keeps them shorter than 1/|kappa|
//     (less than a radian of phase), and there the phase is multiplied in at each node. They stop on the
//     same negligible-term rule as level_sum.hpp.
#pragma once

#include "quadrature/estimate.hpp"
#include "quadrature/elementary.hpp"
#include "quadrature/filon.hpp"
#include "quadrature/in_place.hpp"
#include "quadrature/level_sum.hpp"
#include "quadrature/panel.hpp"
#include "quadrature/rule_family.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <memory>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <vector>

namespace kwe::quadrature {

template <class Real>
struct ComplexEstimate {
  Real re = 0, im = 0;
  Real l1 = 0;  // integral of |f|
  std::size_t calls = 0;
};

// K complex components at one node (or their integrals): component k carries the factor e^(i kappa_k u).
template <class Real>
struct Components {
  std::vector<Real> re, im;
  Real l1 = 0;  // sum over k of |f_k| (of its integral: the rounding floor and the stopping rule use it)
  std::size_t calls = 0;
  bool real = false;  // every im is 0 (a real integrand): the sums skip the products with it

  explicit Components(std::size_t K = 0) : re(K, Real(0)), im(K, Real(0)) {}
};

// f at a node: f(u, panel, node index, NodeAt) when f takes them (an integrand whose inner integrals
// record their share, level_plan.hpp: NodeAt gives the panel's index and the node's |weight|), else
// f(u, panel, node index) (an integrand that tabulates factors per panel node), else f(u).
template <class Real, class F>
decltype(auto) call_at_node(F& f, const Real& u, const Panel<Real>& panel, std::size_t node, const NodeAt<Real>& at) {
  if constexpr (std::is_invocable_v<F&, const Real&, const Panel<Real>&, std::size_t, const NodeAt<Real>&>)
    return f(u, panel, node, at);
  else if constexpr (std::is_invocable_v<F&, const Real&, const Panel<Real>&, std::size_t>)
    return f(u, panel, node);
  else
    return f(u);
}

// The complex weights e^(i kappa c) (b - a) W_j(kappa (b - a) / 2) of a Gauss-Legendre panel's nodes, per
// distinct frequency, kept for panels that recur: the inner panels of the phase expansion
// (estimates/oscillating_operator.hpp) are the same for every outer node but those next to a moving end,
// and forming these weights was 4 multiplications per node and frequency, a quarter of a call (C[n0],
// beta 0.3, w1 1.67e4, N 33: 5-7 distinct frequencies for 14 components). Keyed by panel and level; valid
// for one set of frequencies (the first call's; another set is a logic error). Emptied past `cap` entries.
template <class Real>
struct FilonNodeCache {
  struct Entry {
    std::vector<Real> x, w_abs;  // the nodes and their |weight| (b - a) w_j
    std::vector<Real> re, im;    // node-major: [j * D + d]
  };
  std::vector<Real> distinct;
  std::map<std::tuple<Real, Real, unsigned>, Entry> entries;
  std::size_t cap = 512;
  // The panels that recur, set by the caller before each sum: those inside [shared_from, shared_to]; the
  // others are summed as without a cache (a panel seen once is not worth storing).
  Real shared_from = 0, shared_to = 0;
};

// int f_k(u) e^(i kappa_k u) du for every component k at once; f(u) returns Components<Real> (or a
// reference to a buffer of its own). The products are formed in place in one scratch value: no
// allocation per node. Panels: Gauss-Legendre (Filon weights, any length), and, shorter than a radian
// of phase, tanh-sinh (stopping on negligible terms) or Gauss-Jacobi (every node).
// The level may differ from panel to panel (level_plan.hpp): level_of(panel index).
template <class Real, class LevelOf, class F>
Components<Real> oscillatory_components_sum_at(const std::vector<Panel<Real>>& panels, const RuleFamily<Real>& rules,
                                               LevelOf&& level_of, const std::vector<Real>& kappas, F&& f,
                                               FilonNodeCache<Real>* cache = nullptr) {
  using std::abs;
  using std::cos;
  using std::ldexp;
  using std::sin;
  const std::size_t K = kappas.size();
  // Components share few distinct frequencies: the Filon weights are built once per distinct kappa.
  std::vector<Real> distinct;
  std::vector<std::size_t> which(K);
  for (std::size_t k = 0; k < K; ++k) {
    const auto found = std::find(distinct.begin(), distinct.end(), kappas[k]);
    which[k] = static_cast<std::size_t>(found - distinct.begin());
    if (found == distinct.end()) distinct.push_back(kappas[k]);
  }
  const std::size_t D = distinct.size();
  std::vector<char> zero(D);  // kappa = 0: real weights, no product with their imaginary part
  for (std::size_t d = 0; d < D; ++d) zero[d] = distinct[d] == 0;
  if (cache != nullptr) {
    if (cache->distinct.empty() && cache->entries.empty()) cache->distinct = distinct;
    if (cache->distinct != distinct) throw std::logic_error("FilonNodeCache: used with another set of frequencies");
  }
  Components<Real> total(K);
  std::vector<Real> w_re(D), w_im(D);  // the weight of the current node, per distinct frequency
  Real t;  // scratch of the products
  std::size_t index = 0;
  // The node's weights per distinct frequency at wr[d], wi[d].
  const auto add_weighted = [&](const Real& u, const Panel<Real>& panel, std::size_t node, const Real& w_abs,
                                const Real* wr_of, const Real* wi_of) -> Real {
    const Components<Real>& value = call_at_node(f, u, panel, node, NodeAt<Real>{index, w_abs, node});
    for (std::size_t k = 0; k < K; ++k) {
      const std::size_t d = which[k];
      const Real& wr = wr_of[d];
      const Real& wi = wi_of[d];
      add_product(total.re[k], wr, value.re[k], t);
      if (!zero[d]) add_product(total.im[k], wi, value.re[k], t);
      if (value.real) continue;
      if (!zero[d]) sub_product(total.re[k], wi, value.im[k], t);
      add_product(total.im[k], wr, value.im[k], t);
    }
    const Real magnitude = w_abs * value.l1;
    total.l1 += magnitude;
    total.calls += value.calls;
    return magnitude;
  };
  const auto add = [&](const Real& u, const Panel<Real>& panel, std::size_t node, const Real& w_abs) -> Real {
    return add_weighted(u, panel, node, w_abs, w_re.data(), w_im.data());
  };
  const int negligible_exponent = -static_cast<int>(rules.bits()) - 8;
  for (; index < panels.size(); ++index) {
    const Panel<Real>& panel = panels[index];
    const unsigned level = level_of(index);
    if (panel.map != PanelMap::linear) throw std::logic_error("oscillatory panels must be linear");
    const NodeSet<Real>& nodes = rules.nodes(level, panel);
    const Real length = panel.b - panel.a;
    if (panel.rule == PanelRule::gauss_legendre) {
      // int_a^b f(u) e^(i kappa u) du = (b - a) e^(i kappa c) int_0^1 f e^(i omega (2s - 1)) ds
      const auto weights_of_node = [&](std::size_t j, const std::vector<std::shared_ptr<const FilonWeights<Real>>>& w,
                                       const std::vector<Real>& c, const std::vector<Real>& s, Real* wr, Real* wi) {
        for (std::size_t d = 0; d < D; ++d) {
          const FilonWeights<Real>& wd = *w[d];
          mul_into(wr[d], c[d], wd.re[j]);
          sub_product(wr[d], s[d], wd.im[j], t);
          mul_into(wi[d], s[d], wd.re[j]);
          add_product(wi[d], c[d], wd.im[j], t);
        }
      };
      const auto panel_factors = [&](std::vector<std::shared_ptr<const FilonWeights<Real>>>& w, std::vector<Real>& c,
                                     std::vector<Real>& s) {
        const Real centre = (panel.a + panel.b) / 2;
        c.resize(D);
        s.resize(D);
        for (std::size_t d = 0; d < D; ++d) {
          w.push_back(rules.filon(level, Real(distinct[d] * length / 2)));
          elementary::sin_cos(Real(distinct[d] * centre), s[d], c[d]);
          c[d] *= length;
          s[d] *= length;
        }
      };
      if (cache != nullptr && panel.a >= cache->shared_from && panel.b <= cache->shared_to) {
        const auto key = std::make_tuple(panel.a, panel.b, level);
        auto found = cache->entries.find(key);
        if (found == cache->entries.end()) {
          if (cache->entries.size() >= cache->cap) cache->entries.clear();
          std::vector<std::shared_ptr<const FilonWeights<Real>>> w;
          std::vector<Real> c, s;
          panel_factors(w, c, s);
          typename FilonNodeCache<Real>::Entry e;
          e.re.resize(nodes.size() * D);
          e.im.resize(nodes.size() * D);
          for (std::size_t j = 0; j < nodes.size(); ++j) {
            e.x.push_back(panel.at(nodes[j].s, nodes[j].s_complement).x);
            e.w_abs.push_back(Real(nodes[j].weight * length));
            weights_of_node(j, w, c, s, &e.re[j * D], &e.im[j * D]);
          }
          found = cache->entries.emplace(key, std::move(e)).first;
        }
        const typename FilonNodeCache<Real>::Entry& e = found->second;
        for (std::size_t j = 0; j < nodes.size(); ++j) add_weighted(e.x[j], panel, j, e.w_abs[j], &e.re[j * D], &e.im[j * D]);
        continue;
      }
      std::vector<std::shared_ptr<const FilonWeights<Real>>> w;
      std::vector<Real> c, s;
      panel_factors(w, c, s);
      for (std::size_t j = 0; j < nodes.size(); ++j) {
        weights_of_node(j, w, c, s, w_re.data(), w_im.data());
        add(panel.at(nodes[j].s, nodes[j].s_complement).x, panel, j, Real(nodes[j].weight * length));
      }
      continue;
    }
    // Short panels (under a radian of phase): the phase multiplied in at each node.
    const auto term = [&](std::size_t j) -> Real {
      const Node<Real>& node = nodes[j];
      const MappedPoint<Real> p = panel.at(node.s, node.s_complement);
      const Real w = node.weight * p.jacobian;
      for (std::size_t d = 0; d < D; ++d) {
        if (distinct[d] == 0) {
          w_re[d] = w;
          w_im[d] = 0;
          continue;
        }
        elementary::sin_cos(Real(distinct[d] * p.x), w_im[d], w_re[d]);
        w_re[d] *= w;
        w_im[d] *= w;
      }
      return add(p.x, panel, j, abs(w));
    };
    if (panel.rule == PanelRule::gauss_jacobi) {
      for (std::size_t j = 0; j < nodes.size(); ++j) term(j);
      continue;
    }
    term(0);
    int quiet[2] = {0, 0};
    for (std::size_t i = 1; i + 1 < nodes.size() && (quiet[0] < 2 || quiet[1] < 2); i += 2)
      for (int side = 0; side < 2; ++side) {
        if (quiet[side] >= 2) continue;
        const Real magnitude = term(i + side);
        quiet[side] = magnitude <= ldexp(total.l1, negligible_exponent) ? quiet[side] + 1 : 0;
      }
  }
  return total;
}

// Every panel at level L.
template <class Real, class F>
Components<Real> oscillatory_components_sum(const std::vector<Panel<Real>>& panels, const RuleFamily<Real>& rules,
                                            unsigned level, const std::vector<Real>& kappas, F&& f) {
  return oscillatory_components_sum_at(panels, rules, [level](std::size_t) { return level; }, kappas, std::forward<F>(f));
}

// One real integrand f (a value or an inner level-L estimate) against several frequencies, with
// per-panel levels (level_of(panel index)); f(u) or f(u, NodeAt).
template <class Real, class LevelOf, class F>
std::vector<ComplexEstimate<Real>> oscillatory_level_sum_at(const std::vector<Panel<Real>>& panels,
                                                            const RuleFamily<Real>& rules, LevelOf&& level_of,
                                                            const std::vector<Real>& kappas, F&& f) {
  const std::size_t K = kappas.size();
  const auto at_node = [&](const Real& u, const Panel<Real>&, std::size_t, const NodeAt<Real>& at) {
    const Estimate<Real> value = [&]() -> Estimate<Real> {
      if constexpr (std::is_invocable_v<F&, const Real&, const NodeAt<Real>&>)
        return as_estimate<Real>(f(u, at));
      else
        return as_estimate<Real>(f(u));
    }();
    Components<Real> c(K);
    for (std::size_t k = 0; k < K; ++k) c.re[k] = value.value;
    c.l1 = value.l1;
    c.calls = value.calls;
    c.real = true;
    return c;
  };
  const Components<Real> sums = oscillatory_components_sum_at(panels, rules, level_of, kappas, at_node);
  std::vector<ComplexEstimate<Real>> totals(K);
  for (std::size_t k = 0; k < K; ++k) totals[k] = {sums.re[k], sums.im[k], sums.l1, sums.calls};
  return totals;
}

// One real integrand f (a value or an inner level-L estimate) against several frequencies.
template <class Real, class F>
std::vector<ComplexEstimate<Real>> oscillatory_level_sum(const std::vector<Panel<Real>>& panels,
                                                         const RuleFamily<Real>& rules, unsigned level,
                                                         const std::vector<Real>& kappas, F&& f) {
  return oscillatory_level_sum_at(panels, rules, [level](std::size_t) { return level; }, kappas, std::forward<F>(f));
}

}  // namespace kwe::quadrature
