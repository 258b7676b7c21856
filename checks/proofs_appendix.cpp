// Appendix A's chain (the alternative proof of Theorem 4.2), line by line as printed. The sweep variable is
// |k1| (written w1 in the chain's context), the outer variable the cosine c = k1^.k2^ of the angle between
// k1 and k2 at a fixed |k2| = r; the chain is replayed at r = 1 and r = 2, the two ends of the shell
// 1 <= |k2| <= 2 of (A.1). Every sphere integral reduces to one in z = V^.sigma, since |k1*| and |k2*| depend
// on sigma only through it: with E = |k1|^2 + |k2|^2, V = (k1 + k2)/2, u = k1 - k2 (the paper's orientation),
//   |k1*|^2 = E/2 - |u||V| z,   |k2*|^2 = E/2 + |u||V| z,   dsigma = 2 pi dz.
// No difference of large numbers is formed: with y = 1 + z in [0, 2] and a = E/2 - |u||V| = (k1.k2)^2 /
// (E/2 + |u||V|) (the paper's identity, which is how a is computed),
//   |k2*|^2 = a + |u||V| y,   |k1*|^2 = a + |u||V| (2 - y),   <k2*>^2 = 1 + a + |u||V| y,
// and |u|^2 = (|k1| - r)^2 + 2|k1| r (1 - c), |V|^2 = ((|k1| - r)^2 + 2|k1| r (1 + c)) / 4, 1 + c = t.
#include "checks/proof.hpp"
#include "checks/proof_lines.hpp"

#include <fmt/format.h>

#include <cmath>

namespace kwe::checks {

namespace {

using namespace proof_lines;

// The geometry at (|k1|, r, c): everything a line needs.
struct Shell {
  Real k1, r, c, E, uV, u, a;
};

Shell shell(Ctx c, const Real& r) {
  using std::sqrt;
  Shell s;
  s.k1 = c.w1;
  s.r = r;
  s.c = c.w3;
  const Real one_plus_c = c.t, one_minus_c = 2 - c.t;
  const Real d = c.w1 - r;
  const Real u2 = d * d + 2 * c.w1 * r * one_minus_c;
  const Real V2 = (d * d + 2 * c.w1 * r * one_plus_c) / 4;
  s.E = c.w1 * c.w1 + r * r;
  s.u = sqrt(u2);
  s.uV = sqrt(Real(u2 * V2));
  const Real p = c.w1 * r * s.c;
  s.a = p * p / (s.E / 2 + s.uV);
  return s;
}

// \int_0^2 f(y) dy for a factor of <k2*> = (1 + a + |u||V| y)^(1/2): the scales a/|u||V| (|k2*|'s zero) and
// (1 + a)/|u||V| (<k2*>'s peak) at y = 0.
// with_k2_star: f carries |k2*|^(2beta), ~ y^beta at 0 when a = 0 (k1 perpendicular to k2).
template <class F>
Real z_integral(Ctx c, const Shell& s, bool with_k2_star, F&& f) {
  const Real peak = (1 + s.a) / s.uV;
  if (s.a > 0) {
    const Real zero = Real(s.a < 1 ? s.a : Real(1)) / s.uV;
    return c.integral(Real(0), Real(2), zero, std::nullopt, f, {peak, Real(1)});
  }
  return c.integral(Real(0), Real(2), peak, with_k2_star ? std::optional<Real>(b(c)) : std::optional<Real>(Real(0)), f, {Real(1)});
}

Real pi() { return boost::math::constants::pi<Real>(); }

// |k1|^(1+2beta) \int_{-1}^1 (E/2 - |u||V| z)^beta (1 + E/2 + |u||V| z)^(beta-M/2) dz = |k1|^(1+2beta) I(k1, k2) / (2 pi):
// the (A.1) third line, the printed z-integral and its reading with 2 pi are this, times 2 pi or not.
Real k1_power_I_over_2pi(Ctx c, const Real& r) {
  const Shell s = shell(c, r);
  return Real(c.power(s.k1, Real(1 + 2 * b(c))) * z_integral(c, s, false, [&](const Real& y) -> Real {
                const Real k2s = s.a + s.uV * y, k1s = s.a + s.uV * (2 - y);
                return Real(c.power(k1s, b(c)) * c.power(Real(1 + k2s), Real(b(c) - c.model.M / 2)));
              }));
}

// Chain ids "A-k2-1", "A-k2-2" (an id names the waterfall's file).
Chain appendix_chain(const std::string& r_text) {
  const auto R = [r_text]() -> Real { return Real(r_text); };
  Chain chain{
      .id = "A-k2-" + r_text,
      .title = "Appendix A: the lower bound for I(k1, k2), at |k2| = " + r_text,
      .location = "Appendix A",
      .proves = "A",
      .hypotheses = {0.25, 1, true, 6, "1/4 < beta <= 1, M > 6 (Theorem 4.2), |k1| >= 10, |k2| = " + r_text},
      .lower = true,
      .outer = {"-1 <= c = k1^.k2^ <= 1", [](Ctx) -> Real { return Real(-1); }, [](Ctx) -> Real { return Real(2); },
                // (A.1)'s T <k1>^(-M) and dk2 = 2 pi r^2 dc dr at fixed r (T and dr = 1)
                [R](Ctx c) -> Real { return Real(c.bracket(c.w1, Real(-c.model.M)) * 2 * pi() * R() * R()); }},
  };
  // (A.1), second line: the sigma integral of |k1 - k2| (|k1| |k2| |k1*| |k2*|)^(2beta) <k2>^(-M) <k2*>^(-M).
  chain.inner.push_back(
      {.label = "(A.1), second line: the sigma integral",
       .printed = "\\int_{S^2} |k1 - k2| (|k1| |k2| |k1*| |k2*|)^(2beta) <k2>^(-M) <k2*>^(-M) dsigma",
       .value = [R](Ctx c) -> Real {
         const Shell s = shell(c, R());
         const Real front = 2 * pi() * s.u * c.power(Real(s.k1 * s.r), Real(2 * b(c))) * c.bracket(s.r, Real(-c.model.M));
         return Real(front * z_integral(c, s, true, [&](const Real& y) -> Real {
                       const Real k2s = s.a + s.uV * y, k1s = s.a + s.uV * (2 - y);
                       return Real(c.power(Real(k1s * k2s), b(c)) * c.power(Real(1 + k2s), Real(-c.model.M / 2)));
                     }));
       }});
  // (A.1), third line: |k1 - k2| ≈ |k1|, |k2| ≈ 1, |k2*|^(2beta) <k2*>^(-M) replaced by <k2*>^(2beta-M)
  chain.inner.push_back({.label = "(A.1), third line",
                         .printed = "|k1|^(1+2beta) \\int_{S^2} |k1*|^(2beta) <k2*>^(2beta-M) dsigma = |k1|^(1+2beta) I(k1, k2)",
                         .relation = StepRelation::gtrsim,
                         .value = [R](Ctx c) -> Real { return Real(2 * pi() * k1_power_I_over_2pi(c, R())); }});
  // "Hence I(k1, k2) = \int_{-1}^1 ...": the sphere's 2 pi is not printed
  chain.inner.push_back(
      {.label = "Appendix A, I(k1, k2) as an integral in z",
       .printed = "|k1|^(1+2beta) \\int_{-1}^1 (E/2 - |u||V| z)^beta / (1 + E/2 + |u||V| z)^(M/2-beta) dz",
       .relation = StepRelation::equal,
       .value = [R](Ctx c) -> Real { return k1_power_I_over_2pi(c, R()); },
       .readings = {{.label = "Appendix A, I(k1, k2) as an integral in z, with the sphere's 2 pi (dsigma = 2 pi dz)",
                     .printed = "|k1|^(1+2beta) 2 pi \\int_{-1}^1 (E/2 - |u||V| z)^beta / (1 + E/2 + |u||V| z)^(M/2-beta) dz",
                     .relation = StepRelation::equal,
                     .value = [R](Ctx c) -> Real { return Real(2 * pi() * k1_power_I_over_2pi(c, R())); }}}});
  // z in [-1, 0] only, and z -> z / (|u||V|): over x = z + |u||V| in [0, |u||V|], 1 + E/2 + z = 1 + a + x
  chain.inner.push_back({.label = "Appendix A, I: the half z <= 0",
                         .printed = "|k1|^(1+2beta) (1/(|u||V|)) \\int_{-|u||V|}^0 (E/2 - z)^beta / (1 + E/2 + z)^(M/2-beta) dz",
                         .relation = StepRelation::greater_equal,
                         .value = [R](Ctx c) -> Real {
                           const Shell s = shell(c, R());
                           return Real(c.power(s.k1, Real(1 + 2 * b(c))) / s.uV *
                                       c.integral(Real(0), s.uV, Real(1 + s.a), std::nullopt, [&](const Real& x) -> Real {
                                         return Real(c.power(Real(s.a + 2 * s.uV - x), b(c)) *
                                                     c.power(Real(1 + s.a + x), Real(b(c) - c.model.M / 2)));
                                       }));
                         }});
  // (E/2 - z)^beta >= (E/2)^beta, then the z integral in closed form
  chain.inner.push_back({.label = "Appendix A, I: the closed form",
                         .printed = "|k1|^(1+2beta) E^beta / (2^beta |u||V|) / (M/2-beta-1) ((1+E/2-|u||V|)^(beta-M/2+1) - (1+E/2)^(beta-M/2+1))",
                         .relation = StepRelation::greater_equal,
                         .value = [R](Ctx c) -> Real {
                           const Shell s = shell(c, R());
                           const Real q = b(c) - c.model.M / 2 + 1;
                           return Real(c.power(s.k1, Real(1 + 2 * b(c))) * c.power(Real(s.E / 2), b(c)) / s.uV / (-q) *
                                       (c.power(Real(1 + s.a), q) - c.power(Real(1 + s.E / 2), q)));
                         }});
  // E/2 - |u||V| <= 8 (|k2| <= 2), beta - M/2 + 1 < 0, E >= |k1|^2
  chain.inner.push_back({.label = "Appendix A, I: with E/2 - |u||V| <= 8",
                         .printed = "|k1|^(1+2beta) |k1|^(2beta) / (|u||V|) (9^(beta-M/2+1) - (1+E/2)^(beta-M/2+1))",
                         .relation = StepRelation::gtrsim,
                         .value = [R](Ctx c) -> Real {
                           const Shell s = shell(c, R());
                           const Real q = b(c) - c.model.M / 2 + 1;
                           return Real(c.power(s.k1, Real(1 + 4 * b(c))) / s.uV * (c.power(Real(9), q) - c.power(Real(1 + s.E / 2), q)));
                         }});
  // "Taking |k1| large enough"
  chain.inner.push_back({.label = "Appendix A, I ≳ |k1|^(2beta-2)",
                         .printed = "|k1|^(1+2beta) |k1|^(2beta-2)",
                         .relation = StepRelation::gtrsim,
                         .value = [](Ctx c) -> Real { return c.power(c.w1, Real(4 * b(c) - 1)); }});
  chain.outer_lines.push_back({.label = "Appendix A, plugging into (A.1)",
                               .printed = "T <k1>^(-M) |k1|^(2beta-2) |k1|^(1+2beta)",
                               .relation = StepRelation::gtrsim,
                               .value = [](Ctx c) -> Real {
                                 return Real(c.bracket(c.w1, Real(-c.model.M)) * c.power(c.w1, Real(4 * b(c) - 1)));
                               },
                               .claims = "4beta - 1 - M"});
  chain.arithmetic = {
      {"Appendix A, the closed form", "\\int (1 + E/2 + z)^(beta-M/2) dz in closed form, decreasing: beta - M/2 + 1 < 0",
       "beta - M/2 + 1 < 0"},
      {"Appendix A, the conclusion", "<k1>^M f(T) ≳ T |k1|^(4beta-1) -> infinity", "4beta - 1 > 0"}};
  return chain;
}

}  // namespace

std::vector<Chain> appendix_chains() { return {appendix_chain("1"), appendix_chain("2")}; }

}  // namespace kwe::checks
