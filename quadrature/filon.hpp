// Filon-Gauss-Legendre: integrals of g(u) e^(i kappa u) over panels many periods wide, with g smooth.
//
// Why not subdivide at the period 2 pi / N: the oscillating datum n02 = cos(N w) <w>^(-M/2) of
// Section 5 sits on ranges of length up to w1/2 ~ 10^6 (and g decays only like a power), so N = 10^3
// would need ~10^8 panels. A Filon rule integrates the oscillation exactly and only the smooth factor
// approximately, at the cost of the non-oscillatory integral whatever kappa.
//
// On [-1, 1], g is replaced by its interpolant at the n Gauss-Legendre nodes x_j, written in Legendre
// polynomials, p = sum_k c_k P_k with c_k = (2k+1)/2 sum_j w_j g(x_j) P_k(x_j) (exact, the rule
// integrating degree 2n-1); and (Abramowitz & Stegun 10.1.14 / DLMF 18.17.19)
//   int_{-1}^{1} P_k(x) e^(i omega x) dx = 2 i^k j_k(omega),
// j_k the spherical Bessel function. Hence the modified weights
//   W_j(omega) = w_j sum_{k<n} (2k+1) i^k j_k(omega) P_k(x_j),
// which reduce to w_j at omega = 0. The error is that of interpolating g (geometric in n on the panels
// of partition.hpp), not of resolving the oscillation.
#pragma once

#include "quadrature/node.hpp"
#include "quadrature/elementary.hpp"
#include "quadrature/in_place.hpp"

#include <boost/multiprecision/mpfr.hpp>

#include <cmath>
#include <utility>
#include <vector>

namespace kwe::quadrature {

// j_0(omega) ... j_(n-1)(omega), omega real. Forward recurrence j_(k+1) = (2k+1)/omega j_k - j_(k-1)
// is stable while k < |omega|; below that, Miller's backward recurrence from far above n, normalised
// by whichever of the closed forms j_0 = sin w / w, j_1 = sin w / w^2 - cos w / w is larger
// (they never vanish together).
template <class Real>
std::vector<Real> spherical_bessel_j(unsigned n, const Real& omega, unsigned bits) {
  using std::abs;
  using std::cos;
  using std::sin;
  std::vector<Real> j(n, Real(0));
  if (n == 0) return j;
  if (omega == 0) {
    j[0] = 1;
    return j;
  }
  Real sin_omega, cos_omega;
  elementary::sin_cos(omega, sin_omega, cos_omega);
  const Real j0 = sin_omega / omega;
  const Real j1 = sin_omega / (omega * omega) - cos_omega / omega;
  j[0] = j0;
  if (n > 1) j[1] = j1;
  if (abs(omega) >= n) {
    for (unsigned k = 1; k + 1 < n; ++k) j[k + 1] = (2 * k + 1) / omega * j[k] - j[k - 1];
    return j;
  }
  // Backward: the minimal solution dominates after ~bits steps past max(n, |omega|). In place, with
  // 1/omega formed once (quadrature/in_place.hpp): the recurrence was a third of the Filon weights' cost.
  const unsigned start = 2 * n + bits / 2 + 20;
  Real above = 0, here = Real(1) / 1024, below, t;  // unnormalised j_(k+1), j_k, j_(k-1)
  Real inverse;
  reciprocal_into(inverse, omega);
  std::vector<Real> backward(n);
  for (unsigned k = start; k > 0; --k) {
    mul_into(t, inverse, here);
    t *= 2 * k + 1;
    below = t;
    sub_from(below, above);  // j_(k-1) = (2k+1)/omega j_k - j_(k+1)
    std::swap(above, here);
    std::swap(here, below);
    if (k - 1 < n) backward[k - 1] = here;
  }
  // `here` is j_0 unnormalised, `above` j_1.
  const Real scale = abs(j0) >= abs(j1) ? Real(j0 / here) : Real(j1 / above);
  for (unsigned k = 0; k < n; ++k) j[k] = backward[k] * scale;
  return j;
}

// The Filon weights of a Gauss-Legendre node set on [0, 1] (x = 2s - 1) for the factor e^(i omega x):
//   int_0^1 g(s) e^(i omega (2s - 1)) ds ~ sum_j g(s_j) (re_j + i im_j).
template <class Real>
struct FilonWeights {
  std::vector<Real> re, im;
};

// What the weights of a node set share whatever omega: P_k(x_j) for k < n, and each node's mirror
// (x -> -x). Built once per node set (RuleFamily keeps it). Why: a panel whose length varies from one
// outer node to the next (the oblique edge of D21, D22) has its own omega at every call, and forming
// the Legendre recurrence there made the weights O(n^2) full recurrences a panel: measured, 56% of the
// time of C[n0] at w1 = 10^3, N = 32 (perf, 12 digits). With the table a weight set costs n^2/2
// multiply-adds (P_k(-x) = (-1)^k P_k(x): only one node of each mirror pair is summed).
template <class Real>
struct LegendreTable {
  std::vector<std::vector<Real>> p;  // p[j][k] = P_k(x_j)
  std::vector<int> mirror;           // the index of the node at -x_j (j itself at x = 0), or -1 when there is none

  explicit LegendreTable(const NodeSet<Real>& nodes) : p(nodes.size()), mirror(nodes.size(), -1) {
    const unsigned n = static_cast<unsigned>(nodes.size());
    for (unsigned i = 0; i < n; ++i) {
      const Real x = nodes[i].s - nodes[i].s_complement;
      std::vector<Real>& row = p[i];
      row.resize(n);
      row[0] = 1;
      if (n > 1) row[1] = x;
      for (unsigned k = 1; k + 1 < n; ++k) row[k + 1] = ((2 * k + 1) * x * row[k] - k * row[k - 1]) / (k + 1);
      for (unsigned j = 0; j < n; ++j)
        if (nodes[j].s == nodes[i].s_complement && nodes[j].weight == nodes[i].weight) mirror[i] = static_cast<int>(j);
    }
  }
};

template <class Real>
FilonWeights<Real> filon_weights(const NodeSet<Real>& nodes, const LegendreTable<Real>& table, const Real& omega,
                                 unsigned bits) {
  const unsigned n = static_cast<unsigned>(nodes.size());
  const std::vector<Real> j = spherical_bessel_j<Real>(n, omega, bits);
  // (2k+1) i^k j_k: real for even k (sign + for k = 0 mod 4), imaginary for odd k (+ for k = 1 mod 4).
  std::vector<Real> c(n);
  for (unsigned k = 0; k < n; ++k) {
    c[k] = j[k];
    c[k] *= 2 * k + 1;
    if (k % 4 >= 2) c[k] = -c[k];
  }
  FilonWeights<Real> w{std::vector<Real>(n), std::vector<Real>(n)};
  std::vector<bool> done(n, false);
  Real t;  // scratch of the products
  for (unsigned i = 0; i < n; ++i) {
    if (done[i]) continue;
    const std::vector<Real>& p = table.p[i];
    Real& re = w.re[i];
    Real& im = w.im[i];
    re = 0;
    im = 0;
    for (unsigned k = 0; k < n; k += 2) add_product(re, c[k], p[k], t);
    for (unsigned k = 1; k < n; k += 2) add_product(im, c[k], p[k], t);
    re *= nodes[i].weight;
    im *= nodes[i].weight;
    done[i] = true;
    const int m = table.mirror[i];
    if (m >= 0 && !done[m]) {
      w.re[m] = re;
      w.im[m] = -im;
      done[m] = true;
    }
  }
  return w;
}

// The same without a kept table (tests, one-off sets).
template <class Real>
FilonWeights<Real> filon_weights(const NodeSet<Real>& nodes, const Real& omega, unsigned bits) {
  return filon_weights(nodes, LegendreTable<Real>(nodes), omega, bits);
}

}  // namespace kwe::quadrature
