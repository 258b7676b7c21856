// The collision sphere of Lemma 2.1 and Appendix A. For k1, k2 in R^3 and sigma in S^2,
//   k1* = (k1 + k2)/2 + |k1 - k2| sigma / 2,   k2* = (k1 + k2)/2 - |k1 - k2| sigma / 2,
// and the sphere integrals (dsigma the surface measure, of total 4 pi)
//   F(k1, k2)  = \int_{S^2} <k1*>^-3 dsigma,   F1(k1, k2) = \int_{S^2} <k2*>^-3 dsigma     (Lemma 2.1)
//   I(k1, k2)  = \int_{S^2} |k1*|^(2 beta) <k2*>^(2 beta - M) dsigma                      (Appendix A)
// computed as genuine integrals over the sphere: a product rule in the polar angle theta and the azimuth
// phi of an orthonormal frame, sigma = cos theta pole + sin theta (cos phi e1 + sin phi e2),
//   \int_{S^2} f dsigma = \int_0^pi sin theta \int_0^{2 pi} f dphi dtheta,
// graded panels in theta (partition.hpp; tanh-sinh at the poles, Gauss-Legendre elsewhere) refined by
// levels (refine.hpp), the periodic trapezoidal rule in phi (periodic_trapezoid.hpp).
//
// Where the pole goes, and why. With P = (k1 + k2)/2, p = |P|, R = |k1 - k2|/2 and theta measured from
// -P/p,  |k1*|^2 = (p - R)^2 + 2pR(1 - cos theta)  and  |k2*|^2 = (p - R)^2 + 2pR(1 + cos theta):
// k1* is shortest at theta = 0, k2* at theta = pi. There <k1*>^-3 has a peak of polar width
// sqrt((1 + (p - R)^2) / (pR)) (about 2 s^(-1/2) at p = R, s = 1 + |k1|^2 + |k2|^2) and |k1*|^(2 beta) a
// zero of width |p - R| / sqrt(pR). Placed at a pole, a feature of width u costs the ~log_8(1/u)
// geometric panels of one graded partition in theta; at an interior point of a frame fixed in advance it
// would need panels graded in both angles around it, a product of two such partitions (their square in
// panel pairs), too dear for the maximisations of the checks, which call these integrals thousands of
// times. So `frame_about(-P)` is the frame of F, F1 and I. In it these integrands
// happen not to depend on phi; the phi-rule does not assume that (it doubles until two rules agree,
// which costs it 8 nodes here), and the tests also integrate in a tilted frame, where the integrand
// depends on both angles, against the closed form.
#pragma once

#include "estimates/vec3.hpp"
#include "quadrature/elementary.hpp"
#include "quadrature/engine.hpp"
#include "quadrature/level_sum.hpp"
#include "quadrature/periodic_trapezoid.hpp"

#include <boost/math/constants/constants.hpp>

#include <algorithm>
#include <cmath>

namespace kwe {

template <class Real>
struct Collision {
  Vec3<Real> P;  // (k1 + k2)/2, the centre of the sphere of k1* (the paper's V)
  Real R;        // |k1 - k2|/2, its radius

  Collision(const Vec3<Real>& k1, const Vec3<Real>& k2) : P(Real(0.5) * (k1 + k2)), R(norm(k1 - k2) / 2) {}
};

template <class Real>
struct SphereFrame {
  Vec3<Real> pole, e1, e2;  // orthonormal, right-handed
};

// The frame whose pole points along `direction` (e_z when it is 0); e1 is built from the coordinate axis
// least aligned with the pole, so that no cancellation spoils it.
template <class Real>
SphereFrame<Real> frame_about(const Vec3<Real>& direction) {
  using std::abs;
  const Real length = norm(direction);
  const Vec3<Real> pole = length > 0 ? Real(1 / length) * direction : Vec3<Real>{0, 0, 1};
  Vec3<Real> axis{0, 0, 0};
  if (abs(pole.x) <= abs(pole.y) && abs(pole.x) <= abs(pole.z)) axis.x = 1;
  else if (abs(pole.y) <= abs(pole.z)) axis.y = 1;
  else axis.z = 1;
  const Vec3<Real> e1_raw = axis - dot(axis, pole) * pole;
  const Vec3<Real> e1 = Real(1 / norm(e1_raw)) * e1_raw;
  return {pole, e1, cross(pole, e1)};
}

// sigma = side * pole + offset, side = +1 (north hemisphere) or -1 (south), the offset from the nearer
// pole kept apart: at theta = 10^-20 sigma itself has rounded away the 40 leading digits of the offset,
// which is all that |k1*| is made of there when k1* vanishes at the pole (p = R).
template <class Real>
struct SpherePoint {
  Real side;
  Vec3<Real> offset;
};

// The collision seen from a frame: P = along * pole + across (across orthogonal to the pole), and
//   k1* = P + R sigma = (along + side R) pole + across + R offset,
//   k2* = P - R sigma = (along - side R) pole + across - R offset.
// The scalar along + side R carries the cancellation p - R once, exactly where it belongs (it is the
// length of k1* at its pole), so that near the pole k1* keeps the digits of R offset.
template <class Real>
struct FramedCollision {
  Vec3<Real> pole;
  Real along;
  Vec3<Real> across;
  Real R;

  Vec3<Real> k1_star(const SpherePoint<Real>& s) const { return Real(along + s.side * R) * pole + across + R * s.offset; }
  Vec3<Real> k2_star(const SpherePoint<Real>& s) const { return Real(along - s.side * R) * pole + across - R * s.offset; }
};

template <class Real>
FramedCollision<Real> in_frame(const Collision<Real>& c, const SphereFrame<Real>& frame) {
  const Real along = dot(c.P, frame.pole);
  return {frame.pole, along, c.P - along * frame.pole, c.R};
}

// In frame_about(-P) the part of P across the pole is zero, up to the rounding of the pole, a rotation
// by 2^-bits that the integral does not see: it is set to zero, so that no rounding residue of size
// 2^-bits p pollutes k1* where k1* is smaller than that.
template <class Real>
FramedCollision<Real> in_peak_frame(const Collision<Real>& c, const SphereFrame<Real>& frame) {
  return {frame.pole, Real(-norm(c.P)), Vec3<Real>{0, 0, 0}, c.R};
}

// Polar widths of the integrand's features at theta = 0 (north) and theta = pi (south): the partition
// in theta is graded down to them. A width of pi/2 or more asks for no grading.
template <class Real>
struct PoleScales {
  Real north, south;
};

// The polar width on which c^2 + 2pR(1 - cos theta) ~ c^2 + pR theta^2 leaves its minimum c^2 (pR = 0:
// the sphere degenerates to a point or |k*| is constant, nothing to resolve).
template <class Real>
Real polar_width(const Real& c_squared, const Real& pR) {
  using std::sqrt;
  return pR > 0 ? Real(sqrt(c_squared / pR)) : Real(4);
}

// \int_{S^2} f(sigma) dsigma, f called with a SpherePoint.
template <class Real, class F>
quadrature::Result<Real> integrate_sphere(const quadrature::Engine<Real>& engine, const SphereFrame<Real>& frame,
                                          const PoleScales<Real>& scales, F&& f) {
  using std::cos;
  using std::sin;
  const Real half_pi = boost::math::constants::half_pi<Real>();
  // Each hemisphere is [0, pi/2] in the polar distance x to its pole (theta = x north, pi - x south),
  // where sigma - side * pole = -side 2 sin^2(x/2) pole + sin x (cos phi e1 + sin phi e2).
  const auto north = quadrature::graded(Real(0), half_pi, {}, scales.north, engine.grading);
  const auto south = quadrature::graded(Real(0), half_pi, {}, scales.south, engine.grading);
  const quadrature::PeriodicTrapezoid<Real> azimuth;
  const Real tolerance = engine.tolerance();
  bool azimuth_met = true;
  const auto ring = [&](const Real& x, const Real& side) {
    const Real sin_x = sin(x), half_sin = sin(x / 2);
    const Vec3<Real> towards_pole = Real(-2 * side * half_sin * half_sin) * frame.pole;
    auto e = azimuth.integrate(
        [&](const Real& cos_phi, const Real& sin_phi) {
          const Vec3<Real> around = cos_phi * frame.e1 + sin_phi * frame.e2;
          return f(SpherePoint<Real>{side, towards_pole + sin_x * around});
        },
        tolerance, azimuth_met);
    e.value *= sin_x;
    e.l1 *= sin_x;
    return e;
  };
  auto r = quadrature::refine<Real>(
      [&](unsigned level) {
        auto e = quadrature::level_sum(north, engine.rules, level, [&](const Real& x) { return ring(x, Real(1)); });
        const auto s = quadrature::level_sum(south, engine.rules, level, [&](const Real& x) { return ring(x, Real(-1)); });
        e.value += s.value;
        e.l1 += s.l1;
        e.calls += s.calls;
        return e;
      },
      tolerance, engine.bits, engine.policy, engine.absolute_tolerance);
  r.met = r.met && azimuth_met;
  return r;
}

// k1* = P + R sigma and k2* = P - R sigma are sums of terms of size p and R: rounding leaves each value
// of <k*>^2 a relative error up to about (p + R) 2^-bits (at |k*| ~ 1, where it is smallest), which the
// rule's own rounding bound (refine.hpp, for terms computed to 2^-bits) does not see. Added here, in the
// same form, so that the error bounds what the working precision can deliver at large |k1|, |k2|.
template <class Real>
quadrature::Result<Real> with_momentum_rounding(quadrature::Result<Real> r, const Collision<Real>& c,
                                                const quadrature::Engine<Real>& engine) {
  using std::abs;
  using std::ldexp;
  r.error += quadrature::rounding_floor(Real(r.l1 * (norm(c.P) + c.R)), engine.bits);
  r.met = r.met && (r.error <= engine.tolerance() * abs(r.value) || r.error <= engine.absolute_tolerance);
  return r;
}

// <k>^-3 = (1 + |k|^2)^(-3/2), the integrand of F and F1.
template <class Real>
Real inverse_bracket_cubed(const Vec3<Real>& k) {
  using std::sqrt;
  const Real bracket_squared = 1 + dot(k, k);
  return 1 / (bracket_squared * sqrt(bracket_squared));
}

// The polar width of the peak of <k1*>^-3 (at the north pole) and of <k2*>^-3 (at the south pole).
template <class Real>
Real bracket_peak_width(const Collision<Real>& c) {
  const Real p = norm(c.P), gap = p - c.R;
  return polar_width(Real(1 + gap * gap), Real(p * c.R));
}

// F (Lemma 2.1).
template <class Real>
quadrature::Result<Real> sphere_F(const quadrature::Engine<Real>& engine, const Vec3<Real>& k1, const Vec3<Real>& k2) {
  const Collision<Real> c(k1, k2);
  const auto frame = frame_about(Real(-1) * c.P);
  const auto framed = in_peak_frame(c, frame);
  const auto r = integrate_sphere(engine, frame, PoleScales<Real>{bracket_peak_width(c), Real(4)},
                                  [&](const SpherePoint<Real>& s) { return inverse_bracket_cubed(framed.k1_star(s)); });
  return with_momentum_rounding(r, c, engine);
}

// F1 (Lemma 2.1).
template <class Real>
quadrature::Result<Real> sphere_F1(const quadrature::Engine<Real>& engine, const Vec3<Real>& k1, const Vec3<Real>& k2) {
  const Collision<Real> c(k1, k2);
  const auto frame = frame_about(Real(-1) * c.P);
  const auto framed = in_peak_frame(c, frame);
  const auto r = integrate_sphere(engine, frame, PoleScales<Real>{Real(4), bracket_peak_width(c)},
                                  [&](const SpherePoint<Real>& s) { return inverse_bracket_cubed(framed.k2_star(s)); });
  return with_momentum_rounding(r, c, engine);
}

// I (Appendix A): the zero of |k1*|^(2 beta) at the north pole, the peak of <k2*>^(2 beta - M) at the
// south pole. The zero's width |p - R| / sqrt(pR) vanishes when k1 is orthogonal to k2 (p = R); the
// grading stops at 2^(-bits/2): the cap [0, u] it leaves unresolved carries a fraction of order u^2 of
// the integral, below the rounding.
template <class Real>
quadrature::Result<Real> sphere_I(const quadrature::Engine<Real>& engine, const Vec3<Real>& k1, const Vec3<Real>& k2,
                                  const Real& beta, const Real& M) {
  using std::exp;
  using std::ldexp;
  using std::log;
  const Collision<Real> c(k1, k2);
  const Real p = norm(c.P), gap = p - c.R, pR = p * c.R;
  const Real floor = ldexp(Real(1), -static_cast<int>(engine.bits / 2));
  const Real zero_width = std::max(polar_width(Real(gap * gap), pR), floor);
  const Real bracket_exponent = beta - M / 2;  // <k2*>^(2 beta - M) = (1 + |k2*|^2)^(beta - M/2)
  const auto frame = frame_about(Real(-1) * c.P);
  const auto framed = in_peak_frame(c, frame);
  const auto r = integrate_sphere(engine, frame, PoleScales<Real>{zero_width, bracket_peak_width(c)},
                                  [&](const SpherePoint<Real>& s) {
                                    const Vec3<Real> a = framed.k1_star(s), b = framed.k2_star(s);
                                    // One exp for the two powers (a pow costs a log and an exp); at beta = 0 the
                                    // first factor is 1 even where k1* = 0.
                                    const Real zero_factor =
                                        beta == 0 ? Real(0) : Real(beta * elementary::log(Real(dot(a, a))));
                                    return elementary::exp(
                                        Real(zero_factor + bracket_exponent * elementary::log(Real(1 + dot(b, b)))));
                                  });
  return with_momentum_rounding(r, c, engine);
}

}  // namespace kwe
