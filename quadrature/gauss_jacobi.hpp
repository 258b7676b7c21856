// The n-point Gauss-Jacobi rule for the weight s^alpha on [0, 1] (alpha > -1), for panels that touch an
// end where the integrand is s^alpha times an analytic function: there it converges geometrically, like
// Gauss-Legendre on a smooth panel, where tanh-sinh needs ~4x the nodes for the same digits (measured on
// C^234_21, beta = 0.3, w1 = 10^4: the [0, 1] panels of D21 held 75% of the calls at 30 digits).
// Every singular factor of the charts is such a power at a known end (domains.hpp): w2^(beta+1/2) in
// the inner variable, w3^(2 beta + 3/2) in the outer one after the inner integral.
//
// The nodes are handed out as ordinary nodes of an unweighted rule: weight w_j / s_j^alpha, so that the
// caller integrates f(s) = s^alpha g(s) as it is, singular factor included (no integrand changes; a
// wrong alpha only slows the convergence, which the level differences of refine.hpp then show).
//
// On [-1, 1] with the weight (1 + t)^b (1 - t)^0, t = 2s - 1, the nodes are the zeros of the Jacobi
// polynomial P_n^(0,b): found in double by bisection on the Sturm sequence of the Golub-Welsch matrix
// (Golub & Welsch 1969), then polished by Newton in Real on the three-term recurrence (DLMF 18.9.2) with
// the derivative from DLMF 18.9.16's companion (1 - t^2) P_n' = n [(a - b) - (2n + a + b) t] P_n / (2n + a + b)
// + 2 (n + a)(n + b) P_(n-1) / (2n + a + b). Weights (Szego 15.3.2, a = 0: the Gamma ratio is 1):
//   w_j = 2^(b+1) / ((1 - t_j^2) P_n'(t_j)^2), i.e. 1 / ((1 - t_j^2) P_n'(t_j)^2) for s^b on [0, 1].
#pragma once

#include "quadrature/node.hpp"

#include <cmath>
#include <stdexcept>
#include <utility>
#include <vector>

namespace kwe::quadrature {

namespace gauss_jacobi_detail {

// Eigenvalues of the symmetric tridiagonal Jacobi matrix of the weight (1 + t)^b on [-1, 1], ascending,
// by Sturm-sequence bisection (robust for every n; accurate to ~1e-15, enough for Newton to polish).
inline std::vector<double> initial_nodes(unsigned n, double b) {
  const double a = 0;
  std::vector<double> diag(n), off(n, 0.0);  // off[k] couples k-1 and k
  for (unsigned k = 0; k < n; ++k) {
    const double s = 2.0 * k + a + b;
    diag[k] = k == 0 ? (b - a) / (a + b + 2) : (b * b - a * a) / (s * (s + 2));
    if (k > 0) {
      const double num = 4.0 * k * (k + a) * (k + b) * (k + a + b);
      const double den = s * s * (s + 1) * (s - 1);
      off[k] = std::sqrt(num / den);
    }
  }
  // Number of eigenvalues below x.
  const auto below = [&](double x) {
    unsigned count = 0;
    double d = 1;
    for (unsigned k = 0; k < n; ++k) {
      d = diag[k] - x - (k > 0 ? off[k] * off[k] / d : 0.0);
      if (d == 0) d = -1e-300;
      if (d < 0) ++count;
    }
    return count;
  };
  std::vector<double> nodes(n);
  for (unsigned j = 0; j < n; ++j) {
    double lo = -1, hi = 1;  // the zeros lie in (-1, 1)
    for (int it = 0; it < 200 && hi - lo > 1e-16; ++it) {
      const double mid = (lo + hi) / 2;
      (below(mid) > j ? hi : lo) = mid;
    }
    nodes[j] = (lo + hi) / 2;
  }
  return nodes;
}

// The three-term recurrence of P_k^(0,b) (DLMF 18.9.2 with a = 0), k = 2 ... n, as
//   P_k = (A_k t + B_k) P_(k-1) - C_k P_(k-2),
// from 2k (k + b)(s - 2) P_k = (s - 1)(s (s - 2) t - b^2) P_(k-1) - 2 (k - 1)(k + b - 1) s P_(k-2), s = 2k + b:
// the coefficients do not depend on t, so they are formed once per rule and each Newton step's
// evaluation is three multiplications and two additions per degree, in place.
template <class Real>
struct Recurrence {
  std::vector<Real> A, B, C;  // index k; entries 0 and 1 unused

  Recurrence(unsigned n, const Real& b) : A(n + 1), B(n + 1), C(n + 1) {
    for (unsigned k = 2; k <= n; ++k) {
      const Real s = 2 * k + b;
      const Real c1 = 2 * k * (k + b) * (s - 2);
      A[k] = (s - 1) * s * (s - 2) / c1;
      B[k] = -(s - 1) * b * b / c1;
      C[k] = 2 * (k - 1) * (k + b - 1) * s / c1;
    }
  }
};

// P_n^(0,b)(t) into p and P_(n-1)^(0,b)(t) into p_prev; `next` is scratch.
template <class Real>
void jacobi_pair(const Recurrence<Real>& r, unsigned n, const Real& b, const Real& t, Real& p, Real& p_prev,
                 Real& next) {
  p_prev = 1;                       // P_0
  p = (1 + (b + 2) * (t - 1) / 2);  // P_1 with a = 0
  if (n == 0) {
    p.swap(p_prev);
    p_prev = 0;
    return;
  }
  for (unsigned k = 2; k <= n; ++k) {
    next = r.A[k] * t;
    next += r.B[k];
    next *= p;
    p_prev *= r.C[k];
    next -= p_prev;
    p_prev.swap(p);
    p.swap(next);
  }
}

template <class Real>
Real jacobi_derivative(unsigned n, const Real& b, const Real& t, const Real& p, const Real& p_prev) {
  const Real s = 2 * n + b;
  return (n * (-b - s * t) * p + 2 * n * (n + b) * p_prev) / (s * (1 - t * t));
}

}  // namespace gauss_jacobi_detail

// The rule for s^alpha g(s) on [0, 1], as nodes of an unweighted rule (see the top of the file).
template <class Real>
NodeSet<Real> gauss_jacobi_nodes(unsigned n, const Real& alpha, unsigned bits) {
  using namespace gauss_jacobi_detail;
  using std::abs;
  using std::ldexp;
  using std::pow;
  if (!(alpha > -1)) throw std::invalid_argument("gauss_jacobi_nodes: alpha must exceed -1");
  const std::vector<double> guess = initial_nodes(n, static_cast<double>(alpha));
  const Real tiny = ldexp(Real(1), 4 - static_cast<int>(bits));
  const Recurrence<Real> recurrence(n, alpha);
  NodeSet<Real> nodes;
  Real p, p_prev, next, d, step;
  for (double g : guess) {
    Real t = g;
    for (int it = 0; it < 60; ++it) {
      jacobi_pair(recurrence, n, alpha, t, p, p_prev, next);
      d = jacobi_derivative<Real>(n, alpha, t, p, p_prev);
      step = p / d;
      t -= step;
      if (abs(step) <= tiny) break;
    }
    jacobi_pair(recurrence, n, alpha, t, p, p_prev, next);
    d = jacobi_derivative<Real>(n, alpha, t, p, p_prev);
    const Real s = (1 + t) / 2, s_complement = (1 - t) / 2;
    const Real w = 1 / ((1 - t * t) * d * d);  // for s^alpha on [0, 1]
    nodes.push_back({s, s_complement, Real(w / pow(s, alpha))});
  }
  return nodes;
}

}  // namespace kwe::quadrature
