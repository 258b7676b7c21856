// What the chains of checks/proofs_section4.cpp and checks/proofs_section5.cpp share: the exponents as
// Reals, the factor of a datum slot, and the inner integral over w4 of each domain, in the variables where
// no difference of large numbers is formed:
//   D21: x = w2 in [0, w3], w4 = w1 - w3 + x;   D22: w3 = w1/2 + t, x = w2 - 2t in [0, w1/2 - t], w4 = w3 + x;
//   D3: y = w4 - w1 >= 0, w2 = w3 + y;           D1: w3 = w1 + t, y = w4 - w3 >= 0, w2 = w3 + t + y.
#pragma once

#include "checks/proof.hpp"

#include <boost/math/constants/constants.hpp>

#include <limits>
#include <optional>
#include <vector>

namespace kwe::checks::proof_lines {

using Ctx = const LineContext&;

inline Real half() { return Real(1) / 2; }

inline Real infinity() { return std::numeric_limits<Real>::infinity(); }

inline Real b(Ctx c) { return c.model.beta; }

inline Real hM(Ctx c) { return Real(c.model.M / 2); }

inline Real sixty_four_pi_cubed() {
  const Real pi = boost::math::constants::pi<Real>();
  return Real(64 * pi * pi * pi);
}

// The factor w^p <w>^(-M/2) of a datum slot.
inline Real slot(Ctx c, const Real& w, const Real& p) { return Real(c.power(w, p) * c.bracket(w, Real(-hM(c)))); }

// ---- D21 ------------------------------------------------------------------------------------------
// (4.2), (4.3): the inner integral \int_{w1-w3}^{w1} w2^(beta+1/2) w4^beta <w2>^(-M/2) <w4>^(-M/2) dw4, over w2.
inline Real inner_D21(Ctx c) {
  return c.integral(Real(0), c.w3, Real(1), Real(b(c) + half()), [&](const Real& x) -> Real {
    const Real w4 = c.w1 - c.w3 + x;
    return Real(slot(c, x, Real(b(c) + half())) * slot(c, w4, b(c)));
  });
}

// ---- D22 ------------------------------------------------------------------------------------------
// (4.4): \int_{w3}^{w1} w2^(beta+1/2) w4^beta <w2>^(-M/2) <w4>^(-M/2) dw4, w3 = w1/2 + t, over x = w2 - 2t.
inline Real inner_D22(Ctx c) {
  const Real top = c.w1 / 2 - c.t;
  if (!(top > 0)) return Real(0);
  return c.integral(Real(0), top, Real(1), std::nullopt, [&](const Real& x) -> Real {
    const Real w2 = 2 * c.t + x, w4 = c.w3 + x;
    return Real(slot(c, w2, Real(b(c) + half())) * slot(c, w4, b(c)));
  });
}

// ---- D3 -------------------------------------------------------------------------------------------
// The panel ends of an integral over y = w4 - w1 in D3: its factors vary on the scales max(1, w3) and w1.
inline std::vector<Real> d3_breaks(Ctx c) { return c.w3 > 1 ? std::vector<Real>{c.w3, c.w1} : std::vector<Real>{c.w1}; }

// (4.5): \int_{w1}^inf w2^beta w4^beta <w2>^(-M/2) <w4>^(-M/2) dw4, over y = w4 - w1 (w2 = w3 + y).
inline Real inner_D3(Ctx c) {
  // The factors vary on the scales max(1, w3) and w1: both are panel ends, so that the tail panel starts past them
  // (with the tail at 8, w3 ~ 10^9 lost its target).
  return c.integral(Real(0), infinity(), Real(1), std::nullopt, [&](const Real& y) -> Real {
    return Real(slot(c, Real(c.w3 + y), b(c)) * slot(c, Real(c.w1 + y), b(c)));
  }, d3_breaks(c));
}

// ---- D1 -------------------------------------------------------------------------------------------
// (4.6): \int_{w3}^inf w2^beta w4^beta <w2>^(-M/2) <w4>^(-M/2) dw4, w3 = w1 + t, over y = w4 - w3 (w2 = w3 + t + y).
inline Real inner_D1(Ctx c) {
  // The factors vary on the scale w3 (>= w1): a panel end, so that the tail panel starts past it (with the
  // tail at 8, w3 ~ 10^9 lost its target at beta = 1 and 10^15 at every beta).
  return c.integral(Real(0), infinity(), Real(1), std::nullopt, [&](const Real& y) -> Real {
    return Real(slot(c, Real(c.w3 + c.t + y), b(c)) * slot(c, Real(c.w3 + y), b(c)));
  }, {c.w3});
}

// w1^p, p = a + k beta + m M/2 written out where used.
inline Real w1_power(Ctx c, const Real& p) { return c.power(c.w1, p); }

}  // namespace kwe::checks::proof_lines
