// The trapezoidal rule over a full period, for the azimuth of a sphere integral: on a periodic analytic
// integrand it converges geometrically in the node count (Trefethen & Weideman, SIAM Review 56 (2014),
// Section 3), where Gauss-Legendre would waste the periodicity. The rule doubles, n = 4, 8, 16, ...
// (each level reuses the previous nodes), until two successive rules agree to the tolerance times the
// L1 sum; the difference measures the error of the coarser rule, so the finer one returned is safe.
// The integrand receives (cos phi, sin phi), tabulated once per object: an object belongs to one thread.
#pragma once

#include "quadrature/estimate.hpp"

#include <boost/math/constants/constants.hpp>

#include <utility>
#include <vector>

namespace kwe::quadrature {

template <class Real>
class PeriodicTrapezoid {
 public:
  explicit PeriodicTrapezoid(unsigned max_doublings = 10) : max_doublings_(max_doublings) {}

  // \int_0^{2 pi} f(cos phi, sin phi) dphi. `met` is set false (never true) when the doublings run out.
  template <class F>
  Estimate<Real> integrate(F&& f, const Real& tolerance, bool& met) const {
    using std::abs;
    Real sum = 0, l1 = 0, previous = 0;
    std::size_t n = 0;
    for (unsigned d = 0; d <= max_doublings_; ++d) {
      for (const auto& [c, s] : new_nodes(d)) {
        const Real v = f(c, s);
        sum += v;
        l1 += abs(v);
      }
      n = first_count << d;
      const Real h = two_pi() / n;
      const Real value = h * sum;
      if (d > 0 && abs(Real(value - previous)) <= tolerance * h * l1) return {value, Real(h * l1), n};
      previous = value;
    }
    met = false;
    const Real h = two_pi() / n;
    return {Real(h * sum), Real(h * l1), n};
  }

 private:
  static constexpr unsigned first_count = 4;

  static Real two_pi() { return boost::math::constants::two_pi<Real>(); }

  // The nodes the rule of 4 * 2^d points adds to the previous one: all four for d = 0 (cos and sin
  // exact), the odd multiples of 2 pi / (4 * 2^d) after.
  const std::vector<std::pair<Real, Real>>& new_nodes(unsigned d) const {
    using std::cos;
    using std::sin;
    while (tables_.size() <= d) {
      const unsigned level = static_cast<unsigned>(tables_.size());
      std::vector<std::pair<Real, Real>> nodes;
      if (level == 0) {
        nodes = {{Real(1), Real(0)}, {Real(0), Real(1)}, {Real(-1), Real(0)}, {Real(0), Real(-1)}};
      } else {
        const unsigned n = first_count << level;
        for (unsigned k = 1; k < n; k += 2) {
          const Real phi = two_pi() * k / n;
          nodes.emplace_back(cos(phi), sin(phi));
        }
      }
      tables_.push_back(std::move(nodes));
    }
    return tables_[d];
  }

  unsigned max_doublings_;
  mutable std::vector<std::vector<std::pair<Real, Real>>> tables_;
};

}  // namespace kwe::quadrature
