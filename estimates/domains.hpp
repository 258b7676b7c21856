// The domains D1, D21, D22, D3 of (3.7), (3.8), (3.13), (3.15), each written as iterated integrals
// ("charts") in variables where
//   - every singular factor (w2^(beta+1/2), w3^beta, ...) sits at an end of an interval (at 0),
//   - no resonant variable is computed from a cancelling sum: w2 = w3 + w4 - w1 taken from w4 would lose
//     log10(w1) digits, so w2 (or w1 - w2) is an integration variable wherever w2 can be small,
//   - every shear has Jacobian 1.
// Outer variable x, inner variable y; the chart gives (w2, w3, w4) at (x, y).
//
//  D21: 0 <= w3 <= w1/2, w1 - w3 <= w4 <= w1           x = w3 in [0, w1/2],  y = w2 in [0, x],
//                                                     w4 = w1 - (x - y)
//  D22: w1/2 <= w3 <= w4 <= w1, split at w2 = w1/2:
//       (a) x = w2 in [0, w1/2], y = w3 - w1/2 in [0, x/2],      w3 = w1/2 + y, w4 = w1/2 + (x - y)
//       (b) x = w1 - w2 in [0, w1/2], y = w3 - w2 in [0, x/2],    w2 = w1 - x, w3 = w2 + y, w4 = w1 - y
//  D3:  0 <= w3 <= w1 <= w4                           x = w2 in [0, inf), y = w3 in [0, min(x, w1)],
//                                                     w4 = w1 + (x - y)
//  D1:  w1 <= w3 <= w4                                x = w3 - w1 in [0, inf), y = w4 - w3 in [0, inf),
//                                                     w3 = w1 + x, w4 = w3 + y, w2 = w1 + 2x + y
//
// Each range also says how its integrand behaves at its start 0, when that is a known power x^alpha
// times an analytic function (the panel there then goes to Gauss-Jacobi, gauss_jacobi.hpp):
//  D21, D3: inner  y^(beta+1/2) (the factor w2^(beta+1/2), resp. w3^(beta+1/2), with y = w2, resp. w3);
//           outer  x^(2 beta + 3/2): x^beta from w3 (resp. w2) times the inner integral over [0, x],
//           which is x^(beta+3/2) times an analytic function (y = x s);
//  D22a:    outer  x^(beta+3/2): w2^(beta+1/2) times an inner range of length x/2; inner analytic;
//  D22b:    outer  x (an inner range of length x/2; every omega in [w1/2, w1]); inner analytic;
//  D1:      every omega >= w1: analytic at both starts.
// And which chart variable each of (w2, w3, w4) depends on (collision.hpp computes the factors of an
// omega that depends on one variable once per node of that variable, not once per integrand call).
#pragma once

#include "estimates/cross_section.hpp"

#include <array>
#include <limits>
#include <optional>
#include <vector>

namespace kwe {

template <class Real>
struct Omegas {
  Real w2, w3, w4;
  Real w4_minus_w1{};  // from the chart variables, not as w4 - w1: the factor |n(w4) - n(w1)| of (5.1) needs it
};

template <class Real>
struct Range {
  Real a, b;                 // b may be +infinity
  std::vector<Real> breaks;  // interior points where the integrand has a kink or a new scale
  Real unit;                 // the scale on which the integrand varies near a (see partition.hpp)
  std::optional<Real> exponent = std::nullopt;  // the integrand ~ (x - a)^exponent times analytic at a
};

enum class Chart { D21, D22a, D22b, D3, D1 };

inline std::vector<Chart> charts_of(Piece piece) {
  switch (piece) {
    case Piece::C1: return {Chart::D1};
    case Piece::C21: return {Chart::D21};
    case Piece::C22: return {Chart::D22a, Chart::D22b};
    case Piece::C3: return {Chart::D3};
  }
  return {};
}

template <class Real>
Real infinity() {
  return std::numeric_limits<Real>::infinity();
}

// When w1 < 1 the data's scale 1 (<w>^(-M/2)) and the scale w1 (the cross-section's minimum, D3's break)
// are two scales: D1 and D3 then grade from w1 (their unit) with 1 as a break, so the rungs w1 * 8^k
// climb to the data's scale and the tail starts past it. Graded from 1 instead, D3's outer range kept one
// panel over [w1, 1], ten decades at w1 = 2.4e-11, which Gauss-Legendre resolved only at level 8 (the
// conservation test's near-zero nodes). With w1 >= 1 both are unchanged: unit w1 for D1, unit 1 and break w1 for D3.
template <class Real>
std::vector<Real> data_scale_break(const Real& w1) {
  return w1 < 1 ? std::vector<Real>{Real(1)} : std::vector<Real>{};
}

template <class Real>
Range<Real> outer_range(Chart chart, const Model<Real>& m, const Real& w1) {
  const Real half = w1 / 2;
  const Real corner = 2 * m.beta + Real(3) / 2;
  switch (chart) {
    case Chart::D21: return {0, half, {}, 1, corner};
    case Chart::D22a: return {0, half, {}, 1, Real(m.beta + Real(3) / 2)};
    case Chart::D22b: return {0, half, {}, w1, Real(1)};  // all of w2, w3, w4 stay in [w1/2, w1]
    case Chart::D3: {
      std::vector<Real> breaks = data_scale_break(w1);
      breaks.push_back(w1);
      return {0, infinity<Real>(), breaks, w1 < 1 ? w1 : Real(1), corner};
    }
    case Chart::D1: return {0, infinity<Real>(), data_scale_break(w1), w1, Real(0)};
  }
  return {};
}

template <class Real>
Range<Real> inner_range(Chart chart, const Model<Real>& m, const Real& w1, const Real& x) {
  switch (chart) {
    case Chart::D21: return {0, x, {}, 1, m.beta_plus_half};
    case Chart::D22a:
    case Chart::D22b: return {0, x / 2, {}, w1, Real(0)};  // w3, w4 near w1/2: smooth on scale w1
    case Chart::D3: return {0, x < w1 ? x : w1, {}, 1, m.beta_plus_half};
    case Chart::D1: return {0, infinity<Real>(), data_scale_break(w1), w1, Real(0)};
  }
  return {};
}

// Which chart variable each of (w2, w3, w4) depends on.
enum class Dependence { outer, inner, both };

inline std::array<Dependence, 3> dependence(Chart chart) {
  using D = Dependence;
  switch (chart) {
    case Chart::D21: return {D::inner, D::outer, D::both};
    case Chart::D22a: return {D::outer, D::inner, D::both};
    case Chart::D22b: return {D::outer, D::both, D::inner};
    case Chart::D3: return {D::outer, D::inner, D::both};
    case Chart::D1: return {D::both, D::outer, D::both};
  }
  return {};
}

template <class Real>
Omegas<Real> omegas_at(Chart chart, const Real& w1, const Real& x, const Real& y) {
  switch (chart) {
    case Chart::D21: {
      Real t = y - x;
      return {y, x, Real(w1 + t), std::move(t)};
    }
    case Chart::D22a: {
      Real t = (x - w1 / 2) - y;
      return {x, Real(w1 / 2 + y), Real(w1 / 2 + (x - y)), std::move(t)};
    }
    case Chart::D22b: {
      Real w2 = w1 - x;
      Real w3 = w2 + y;
      return {std::move(w2), std::move(w3), Real(w1 - y), Real(-y)};
    }
    case Chart::D3: {
      Real t = x - y;
      return {x, y, Real(w1 + t), std::move(t)};
    }
    case Chart::D1: {
      Real w3 = w1 + x;
      Real w4 = w3 + y;
      return {Real(w1 + 2 * x + y), std::move(w3), std::move(w4), Real(x + y)};
    }
  }
  return {};
}

}  // namespace kwe
