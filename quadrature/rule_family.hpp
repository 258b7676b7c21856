// The family of rules indexed by a refinement level L: level L uses tanh-sinh with step
// h_L = 2^(-L/2) on panels that touch a singular end, and Gauss-Legendre with n_L = ceil(2 * 2^(L/2))
// points on the others. Levels grow the node count by sqrt 2, not 2: the error estimate of level L is
// its distance to level L-1 (refine.hpp), which measures the error of the coarser rule, so a gentle
// growth keeps the price of that honesty low.
// The constant 2 balances the two rules: measured on C^234_21 (beta = 1/2, M = 12, w1 = 10^4, 30
// digits), Gauss-Legendre with 3 * 2^(L/2) points was never the limiting part and cost 55% more calls;
// with 1.6 * 2^(L/2) it was.
// Node sets are built on first use and kept: a family (and its Engine) belongs to one thread.
// Building a set is serialised across families (node_build_mutex): with two threads, a proof replay
// once stopped in Boost's legendre_p_zeros ("no root ... local minima near 0.133257"), never seen with
// one thread nor reproduced in isolation; a set is built once per level and thread, so the lock costs
// nothing measurable.
#pragma once

#include "quadrature/filon.hpp"
#include "quadrature/gauss_jacobi.hpp"
#include "quadrature/gauss_legendre.hpp"
#include "quadrature/panel.hpp"
#include "quadrature/tanh_sinh.hpp"

#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <utility>

namespace kwe::quadrature {

inline std::mutex& node_build_mutex() {
  static std::mutex m;
  return m;
}

template <class Real>
class RuleFamily {
 public:
  explicit RuleFamily(unsigned bits) : bits_(bits) {}

  const NodeSet<Real>& nodes(unsigned level, PanelRule rule) const {
    auto& cache = rule == PanelRule::tanh_sinh ? tanh_sinh_ : gauss_;
    const auto found = cache.find(level);
    if (found != cache.end()) return found->second;
    const std::lock_guard<std::mutex> lock(node_build_mutex());
    NodeSet<Real> made = rule == PanelRule::tanh_sinh ? tanh_sinh_nodes<Real>(step(level), bits_)
                                                      : gauss_legendre_nodes<Real>(gauss_points(level));
    return cache.emplace(level, std::move(made)).first->second;
  }

  // The rule of a panel: its kind, and for Gauss-Jacobi its exponent (the sets are kept per (level, alpha)).
  const NodeSet<Real>& nodes(unsigned level, const Panel<Real>& panel) const {
    if (panel.rule != PanelRule::gauss_jacobi) return nodes(level, panel.rule);
    const auto key = std::make_pair(level, panel.alpha);
    const auto found = jacobi_.find(key);
    if (found != jacobi_.end()) return found->second;
    const std::lock_guard<std::mutex> lock(node_build_mutex());
    return jacobi_.emplace(key, gauss_jacobi_nodes<Real>(gauss_points(level), panel.alpha, bits_)).first->second;
  }

  static Real step(unsigned level) {
    using std::ldexp;
    using std::sqrt;
    const Real odd = level % 2 ? Real(1 / sqrt(Real(2))) : Real(1);
    return ldexp(odd, -static_cast<int>(level / 2));
  }

  unsigned bits() const { return bits_; }

  // The Filon weights of the level-L Gauss-Legendre set for e^(i omega x) (filon.hpp), kept: building
  // them costs O(n^2), more than the integrand calls of a panel, and charts reuse panel lengths. Handed
  // out as shared pointers: the cache is emptied when it grows past its cap (panels whose length varies
  // continuously), which must not leave a caller holding a dangling reference, and a copy (2n values)
  // per panel and frequency cost C[n0] more allocations than its integrand calls.
  std::shared_ptr<const FilonWeights<Real>> filon(unsigned level, const Real& omega) const {
    const auto key = std::make_pair(level, omega);
    const auto found = filon_.find(key);
    if (found != filon_.end()) return found->second;
    if (filon_.size() > 100000) filon_.clear();
    const NodeSet<Real>& set = nodes(level, PanelRule::gauss_legendre);
    auto table = legendre_.find(level);
    if (table == legendre_.end()) table = legendre_.emplace(level, LegendreTable<Real>(set)).first;
    auto made = std::make_shared<const FilonWeights<Real>>(filon_weights<Real>(set, table->second, omega, bits_));
    filon_.emplace(key, made);
    return made;
  }

  static unsigned gauss_points(unsigned level) {
    return static_cast<unsigned>(std::ceil(2 * std::pow(2.0, level / 2.0)));
  }

 private:
  unsigned bits_;
  mutable std::map<unsigned, NodeSet<Real>> tanh_sinh_, gauss_;
  mutable std::map<std::pair<unsigned, Real>, NodeSet<Real>> jacobi_;
  mutable std::map<std::pair<unsigned, Real>, std::shared_ptr<const FilonWeights<Real>>> filon_;
  mutable std::map<unsigned, LegendreTable<Real>> legendre_;
};

}  // namespace kwe::quadrature
