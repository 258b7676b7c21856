// The chains of Section 5 (the full equation), line by line as printed: Section 5.4's bounds for C'^234 on
// D21 and D3 behind (5.7) with the basic inequality for |<w4>^(M/2) - <w1>^(M/2)|, Section 5.5's bounds
// (5.9)-(5.16) for the loss-type pieces C^124 and C^134 on the four domains, and the exponent arithmetic of
// (5.5), (5.17)-(5.21). Variables as in checks/proof_lines.hpp. The outer weights, 64 pi^3 times:
//   C'^234 on D21: w1^(beta-1/2) w3^beta <w3>^(-M/2) (the words after (5.1): S times |...|/<w1>^(M/2));
//   C'^234 on D3:  w1^(beta-1/2) w3^beta <w3>^(-M/2), the cross-section's w3^(1/2) kept in the inner integral
//                  (the paper's display puts w3^beta outside and w2^(beta+1/2) inside: see the chain);
//   C^124 (data at w1, w2, w4): D21, D22: w1^(beta-1/2) <w1>^(-M/2) w3^beta;  D3: w1^(beta-1/2) <w1>^(-M/2) w3^(beta+1/2);
//                               D1: w1^beta <w1>^(-M/2) w3^beta;
//   C^134 (data at w1, w3, w4): the same times <w3>^(-M/2) -- kept in the weight where the paper keeps it
//   outside ((5.13), (5.15)), inside the inner integral where the chain compares C^134 with C^124 ((5.10),
//   (5.12)) or C^124 with C^134 ((5.14), (5.16)), so that the two share one weight.
#include "checks/proof.hpp"
#include "checks/proof_lines.hpp"

#include <cmath>

namespace kwe::checks {

namespace {

using namespace proof_lines;

Hypotheses section5_proofs() { return {0.25, 1, true, 10, "1/4 < beta <= 1, M > 10, w1 > 1 (Section 5)"}; }

Real bracket_w1(Ctx c) { return c.bracket(c.w1, Real(-hM(c))); }  // <w1>^(-M/2)

// ---- the modified cross-section's factor (5.1) -------------------------------------------------------
// (<w1>^(M/2) - <w4>^(M/2)) / <w1>^(M/2) = 1 - (<w4>^2/<w1>^2)^(M/4) = -expm1((M/4) log1p(-d)),
// d = (w1 - w4)(w1 + w4) / <w1>^2: formed from w1 - w4 (= w3 - w2 in D21, = -(w2 - w3) in D3), never from
// the difference of the two powers (which loses log10(w1 / (w1 - w4)) digits).
Real one_minus_ratio(Ctx c, const Real& w1_minus_w4, const Real& w4) {
  using std::expm1;
  using std::log1p;
  const Real d = w1_minus_w4 * (c.w1 + w4) / (1 + c.w1 * c.w1);
  return Real(-expm1(Real(c.model.M / 4 * log1p(Real(-d)))));
}

// ---- C'^234 on D21: \int_{w1-w3}^{w1} w2^(beta+1/2) w4^beta |<w1>^(M/2) - <w4>^(M/2)| / (<w1>^(M/2) <w2>^(M/2) <w4>^(M/2)) dw4
Real inner_prime_D21(Ctx c) {
  return c.integral(Real(0), c.w3, Real(1), Real(b(c) + half()), [&](const Real& x) -> Real {
    const Real w4 = c.w1 - c.w3 + x;
    return Real(slot(c, x, Real(b(c) + half())) * slot(c, w4, b(c)) * one_minus_ratio(c, Real(c.w3 - x), w4));
  });
}

// ---- C'^234 on D3: w3^(1/2) \int_{w1}^inf w2^beta w4^beta |<w4>^(M/2) - <w1>^(M/2)| / (<w1>^(M/2) <w2>^(M/2) <w4>^(M/2)) dw4, over y = w4 - w1
Real inner_prime_D3(Ctx c) {
  using std::sqrt;
  return Real(sqrt(c.w3) * c.integral(Real(0), infinity(), Real(1), std::nullopt, [&](const Real& y) -> Real {
    const Real w4 = c.w1 + y;
    return Real(slot(c, Real(c.w3 + y), b(c)) * slot(c, w4, b(c)) * -one_minus_ratio(c, Real(-y), w4));
  }, d3_breaks(c)));
}

// ---- C^134's inner integrals (no datum at w2) ---------------------------------------------------------
// D21: \int_{w1-w3}^{w1} w2^(beta+1/2) w4^beta <w4>^(-M/2) dw4
Real inner134_D21(Ctx c) {
  return c.integral(Real(0), c.w3, Real(1), Real(b(c) + half()), [&](const Real& x) -> Real {
    return Real(c.power(x, Real(b(c) + half())) * slot(c, Real(c.w1 - c.w3 + x), b(c)));
  });
}
// D22: \int_{w3}^{w1} w2^(beta+1/2) w4^beta <w4>^(-M/2) dw4
Real inner134_D22(Ctx c) {
  const Real top = c.w1 / 2 - c.t;
  if (!(top > 0)) return Real(0);
  return c.integral(Real(0), top, Real(1), std::nullopt, [&](const Real& x) -> Real {
    return Real(c.power(Real(2 * c.t + x), Real(b(c) + half())) * slot(c, Real(c.w3 + x), b(c)));
  });
}
// D3: \int_{w1}^inf w2^beta w4^beta <w4>^(-M/2) dw4, over y = w4 - w1
Real inner134_D3(Ctx c) {
  return c.integral(Real(0), infinity(), Real(1), std::nullopt, [&](const Real& y) -> Real {
    return Real(c.power(Real(c.w3 + y), b(c)) * slot(c, Real(c.w1 + y), b(c)));
  }, d3_breaks(c));
}
// D1: \int_{w3}^inf w2^beta w4^beta <w4>^(-M/2) dw4, over y = w4 - w3 (w2 = w3 + t + y)
Real inner134_D1(Ctx c) {
  return c.integral(Real(0), infinity(), Real(1), std::nullopt, [&](const Real& y) -> Real {
    return Real(c.power(Real(c.w3 + c.t + y), b(c)) * slot(c, Real(c.w3 + y), b(c)));
  }, {c.w3});
}

// ---- outer variables --------------------------------------------------------------------------------
Real zero(Ctx) { return Real(0); }
Real half_w1(Ctx c) { return Real(c.w1 / 2); }
Real whole_w1(Ctx c) { return c.w1; }
Real unbounded(Ctx) { return infinity(); }

// C'^234 on D21 and D3 (the paper's split on D3: see inner_prime_D3).
OuterVariable outer_prime_D21() {
  return {"0 <= w3 <= w1/2", zero, half_w1,
          [](Ctx c) -> Real { return Real(sixty_four_pi_cubed() * c.power(c.w1, Real(b(c) - half())) * slot(c, c.w3, b(c))); }};
}
OuterVariable outer_prime_D3() {
  return {"0 <= w3 <= w1", zero, whole_w1,
          [](Ctx c) -> Real { return Real(sixty_four_pi_cubed() * c.power(c.w1, Real(b(c) - half())) * slot(c, c.w3, b(c))); }};
}
// C^124 (with_w3: C^134's <w3>^(-M/2) in the weight).
OuterVariable outer_loss_D21(bool with_w3) {
  return {"0 <= w3 <= w1/2", zero, half_w1, [with_w3](Ctx c) -> Real {
            return Real(sixty_four_pi_cubed() * c.power(c.w1, Real(b(c) - half())) * bracket_w1(c) *
                        (with_w3 ? slot(c, c.w3, b(c)) : c.power(c.w3, b(c))));
          }};
}
OuterVariable outer_loss_D22(bool with_w3) {
  OuterVariable o = outer_loss_D21(with_w3);
  o.range = "w1/2 <= w3 <= w1";
  o.origin = half_w1;
  o.length = half_w1;
  return o;
}
OuterVariable outer_loss_D3(bool with_w3) {
  return {"0 <= w3 <= w1", zero, whole_w1, [with_w3](Ctx c) -> Real {
            const Real p = b(c) + half();
            return Real(sixty_four_pi_cubed() * c.power(c.w1, Real(b(c) - half())) * bracket_w1(c) *
                        (with_w3 ? slot(c, c.w3, p) : c.power(c.w3, p)));
          }};
}
OuterVariable outer_loss_D1(bool with_w3) {
  return {"w1 <= w3", whole_w1, unbounded, [with_w3](Ctx c) -> Real {
            return Real(sixty_four_pi_cubed() * c.power(c.w1, b(c)) * bracket_w1(c) *
                        (with_w3 ? slot(c, c.w3, b(c)) : c.power(c.w3, b(c))));
          }};
}

// A result line: w1^p, claiming p.
Line result(std::string label, std::string printed, std::string claims, Real (*p)(Ctx)) {
  return {.label = std::move(label),
          .printed = std::move(printed),
          .relation = StepRelation::lesssim,
          .value = [p](Ctx c) -> Real { return c.power(c.w1, p(c)); },
          .claims = std::move(claims)};
}
Real p_prime(Ctx c) { return Real(2 * b(c) - 3 * half() - hM(c)); }   // 2beta - 3/2 - M/2
Real p_D2x(Ctx c) { return Real(4 * b(c) + 1 - c.model.M); }          // 4beta + 1 - M
Real p_D3(Ctx c) { return Real(3 * b(c) + half() - c.model.M); }      // 3beta + 1/2 - M
Real p_D1(Ctx c) { return Real(3 * b(c) + 2 - c.model.M); }           // 3beta + 2 - M

// w1^(2beta+1/2-M/2) \int_lo^inf <x>^(-M/2) dx: (5.9), (5.11)'s inner bound, line 1.
Real loss_inner_bound(Ctx c, const Real& lo) {
  return Real(c.power(c.w1, Real(2 * b(c) + half() - hM(c))) *
              c.integral(lo, infinity(), Real(1), std::nullopt, [&](const Real& x) -> Real { return c.bracket(x, Real(-hM(c))); }));
}

// ---- Section 5.3: the integration by parts in w4 of C^234_21[n01, n01, n02] -------------------------
// F(w4) = f(w2) g(w4), f(x) = x^(beta+1/2) <x>^(-M/2), g(x) = x^beta <x>^(-M/2), w2 = w3 + w4 - w1:
// dF/dw4 = f(w2) g(w4) h, h = (beta+1/2)/w2 - (M/2) w2/<w2>^2 + beta/w4 - (M/2) w4/<w4>^2.
Real log_derivative(Ctx c, const Real& x, const Real& w4) {
  return Real((b(c) + half()) / x - hM(c) * x / (1 + x * x) + b(c) / w4 - hM(c) * w4 / (1 + w4 * w4));
}

// Where h changes sign on (0, w3) (h -> +infinity as w2 -> 0): the kink of |dF/dw4|, a panel end, so that no
// panel integrates across it. Bisection to the working precision; none when h(w3) >= 0.
std::vector<Real> derivative_kink(Ctx c) {
  const auto h = [&](const Real& x) -> Real { return log_derivative(c, x, Real(c.w1 - c.w3 + x)); };
  Real hi = c.w3;
  if (!(h(hi) < 0)) return {};
  Real lo = c.w3 / 2;
  for (int k = 0; k < 400 && !(h(lo) > 0); ++k) lo /= 2;
  const int bits = static_cast<int>(c.w1.precision() * 3.33) + 16;
  for (int k = 0; k < bits; ++k) {
    const Real mid = (lo + hi) / 2;
    if (h(mid) > 0) lo = mid;
    else hi = mid;
  }
  return {Real((lo + hi) / 2)};
}

// \int_{w1-w3}^{w1} |dF/dw4| dw4, over x = w2 (near 0: x^(beta-1/2) times an analytic factor).
Real inner_derivative_D21(Ctx c) {
  using std::abs;
  return c.integral(Real(0), c.w3, Real(1), Real(b(c) - half()), [&](const Real& x) -> Real {
    const Real w4 = c.w1 - c.w3 + x;
    return Real(slot(c, x, Real(b(c) + half())) * slot(c, w4, b(c)) * abs(log_derivative(c, x, w4)));
  }, derivative_kink(c));
}

// ---- Section 5.1: the expansion of n2 n3 (n4 - n1), pointwise ------------------------------------------
// At the point w2 = w3/2, w4 = w1 - w3/2 of D21 (w2 = w3 + w4 - w1), with A = 3 and N = 7 fixed here (the
// identity is claimed for every A, N): the lines are the printed expressions themselves, no integral, and
// their sizes (integrated over 0 <= w3 <= w1/2 with weight 1) agree to the working digits where an identity
// holds. Each is compared squared: the sizes' logarithms need a sign, and |.| would put kinks in the integrand.
Real squared(const Real& x) { return Real(x * x); }
struct Expansion {
  Real A, c1, c2, c3, c4, b1, b2, b3, b4;  // cos(N w_i) and <w_i>^(M/2)
};
Expansion expansion_at(Ctx c) {
  using std::cos;
  const Real N(7);
  const Real w2 = c.w3 / 2, w4 = c.w1 - c.w3 / 2;
  const auto bracket = [&](const Real& w) -> Real { return c.bracket(w, hM(c)); };
  return {Real(3), Real(cos(Real(N * c.w1))), Real(cos(Real(N * w2))), Real(cos(Real(N * c.w3))), Real(cos(Real(N * w4))),
          bracket(c.w1), bracket(w2), bracket(c.w3), bracket(w4)};
}
Real expansion_lhs(Ctx c) {  // n2 n3 (n4 - n1), n = A n01 + n02
  const Expansion e = expansion_at(c);
  return squared(Real((e.A + e.c2) / e.b2 * (e.A + e.c3) / e.b3 * ((e.A + e.c4) / e.b4 - (e.A + e.c1) / e.b1)));
}
Real expansion_first_printed(Ctx c) {
  const Expansion e = expansion_at(c);
  return squared(Real((e.A + e.c2) * (e.A + e.c3) *
                       ((e.c4 - e.c1) / (e.b2 * e.b3 * e.b4) + e.A * (e.b1 - e.b4) / (e.b1 * e.b2 * e.b3 * e.b4))));
}

}  // namespace

std::vector<Chain> section5_chains() {
  std::vector<Chain> chains;

  // Section 5.1: the first equality of the expansion of n2 n3 (n4 - n1).
  chains.push_back(Chain{
      .id = "5.1-expansion-1",
      .title = "The expansion of n2 n3 (n4 - n1), first equality (at A = 3, N = 7, w2 = w3/2, w4 = w1 - w3/2)",
      .location = "Section 5.1, the display after n0",
      .proves = "5.21",
      .hypotheses = section5_proofs(),
      .outer = {"0 <= w3 <= w1/2", zero, half_w1, [](Ctx) -> Real { return Real(1); }},
      .inner =
          {{.label = "Section 5.1, n2 n3 (n4 - n1)",
            .printed = "n2 n3 (n4 - n1), n = A n01 + n02",
            .value = expansion_lhs},
           {.label = "Section 5.1, the expansion, first equality",
            .printed = "(A + cos N w2)(A + cos N w3) ((cos N w4 - cos N w1) / (<w2><w3><w4>)^(M/2) + A (<w1>^(M/2) - <w4>^(M/2)) / (<w1><w2><w3><w4>)^(M/2))",
            .relation = StepRelation::equal,
            .value = expansion_first_printed,
            .readings = {{.label = "Section 5.1, the expansion, first equality, read with cos N w4 / <w4>^(M/2) - cos N w1 / <w1>^(M/2)",
                          .printed = "(A + cos N w2)(A + cos N w3) ((cos N w4 / <w4>^(M/2) - cos N w1 / <w1>^(M/2)) / (<w2><w3>)^(M/2) + A (<w1>^(M/2) - <w4>^(M/2)) / (<w1><w2><w3><w4>)^(M/2))",
                          .relation = StepRelation::equal,
                          .value = [](Ctx c) -> Real {
                            const Expansion e = expansion_at(c);
                            return squared(Real((e.A + e.c2) * (e.A + e.c3) *
                                                 ((e.c4 / e.b4 - e.c1 / e.b1) / (e.b2 * e.b3) +
                                                  e.A * (e.b1 - e.b4) / (e.b1 * e.b2 * e.b3 * e.b4))));
                          }}}}},
  });

  // Section 5.1: the second equality, from the printed first line.
  chains.push_back(Chain{
      .id = "5.1-expansion-2",
      .title = "The expansion of n2 n3 (n4 - n1), second equality, from the printed first line (A = 3, N = 7)",
      .location = "Section 5.1, the display after n0",
      .proves = "5.21",
      .hypotheses = section5_proofs(),
      .outer = {"0 <= w3 <= w1/2", zero, half_w1, [](Ctx) -> Real { return Real(1); }},
      .inner =
          {{.label = "Section 5.1, the expansion's first line as printed",
            .printed = "(A + cos N w2)(A + cos N w3) ((cos N w4 - cos N w1) / (<w2><w3><w4>)^(M/2) + A (<w1>^(M/2) - <w4>^(M/2)) / (<w1><w2><w3><w4>)^(M/2))",
            .value = expansion_first_printed},
           {.label = "Section 5.1, the expansion, second equality (five terms)",
            .printed = "-A^2 cos N w1 / D + A^2 cos N w4 / D + (A + cos N w2) cos N w3 (cos N w4 - cos N w1) / D + (A + cos N w3) cos N w2 "
                       "(cos N w4 - cos N w1) / D + A (A + cos N w2)(A + cos N w3) (<w1>^(M/2) - <w4>^(M/2)) / (<w1>^(M/2) D), D = (<w2><w3><w4>)^(M/2)",
            .relation = StepRelation::equal,
            .value = [](Ctx c) -> Real {
                            const Expansion e = expansion_at(c);
              const Real D = e.b2 * e.b3 * e.b4;
              return squared(Real((-e.A * e.A * e.c1 + e.A * e.A * e.c4 + (e.A + e.c2) * e.c3 * (e.c4 - e.c1) +
                                    (e.A + e.c3) * e.c2 * (e.c4 - e.c1)) / D +
                                   e.A * (e.A + e.c2) * (e.A + e.c3) * (e.b1 - e.b4) / (e.b1 * D)));
            },
            .readings = {{.label = "Section 5.1, the expansion, second equality, read with cos N w2 cos N w3 counted once ((A + cos N w3) cos N w2 -> A cos N w2)",
                          .printed = "the same with A cos N w2 (cos N w4 - cos N w1) / D for the fourth term",
                          .relation = StepRelation::equal,
                          .value = [](Ctx c) -> Real {
                            const Expansion e = expansion_at(c);
                            const Real D = e.b2 * e.b3 * e.b4;
                            return squared(Real((-e.A * e.A * e.c1 + e.A * e.A * e.c4 + (e.A + e.c2) * e.c3 * (e.c4 - e.c1) +
                                                  e.A * e.c2 * (e.c4 - e.c1)) / D +
                                                 e.A * (e.A + e.c2) * (e.A + e.c3) * (e.b1 - e.b4) / (e.b1 * D)));
                          }}}}},
  });

  // (5.6), Section 5.3: the derivative term of the integration by parts (times N), and its pointwise bounds
  // integrated in w4 (each pointwise bound of the display implies the integrated one; the replay checks the latter).
  chains.push_back(Chain{
      .id = "5.6-D21",
      .title = "I2: the derivative term of the integration by parts of C^234_21[n01, n01, n02] (times N)",
      .location = "Section 5.3",
      .proves = "5.6",
      .hypotheses = section5_proofs(),
      .outer = outer_prime_D21(),
      .inner =
          {{.label = "Section 5.3, the derivative term's inner integral",
            .printed = "\\int_{w1-w3}^{w1} |d/dw4 (w2^(beta+1/2) w4^beta / (<w2>^(M/2) <w4>^(M/2)))| dw4",
            .value = inner_derivative_D21},
           // Section 5.3, the derivative bound, line 1
           {.label = "Section 5.3, the derivative bound on D21, line 1 (integrated in w4)",
            .printed = "\\int w4^beta/(<w4><w2>)^(M/2) (w2^(beta-1/2) + w2^(beta+1/2)<w2>^(-2)) + w2^(beta+1/2)/(<w2><w4>)^(M/2) "
                       "(w4^(beta-1) + w4^beta <w4>^(-2)) dw4",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real {
              return c.integral(Real(0), c.w3, Real(1), Real(b(c) - half()), [&](const Real& x) -> Real {
                const Real w4 = c.w1 - c.w3 + x;
                const Real n2 = c.bracket(x, Real(-hM(c))), n4 = c.bracket(w4, Real(-hM(c)));
                const Real first = slot(c, w4, b(c)) * n2 *
                                   (c.power(x, Real(b(c) - half())) + c.power(x, Real(b(c) + half())) / (1 + x * x));
                const Real second = slot(c, x, Real(b(c) + half())) * n4 *
                                    (c.power(w4, Real(b(c) - 1)) + c.power(w4, b(c)) / (1 + w4 * w4));
                return Real(first + second);
              });
            }},
           // line 2: w4 >= w1 - w3 >= w1/2 > 1/2
           {.label = "Section 5.3, the derivative bound on D21, line 2 (integrated in w4)",
            .printed = "\\int_{w1-w3}^{w1} w4^beta / (<w4>^(M/2) <w2>^(M/2)) (w2^(beta-1/2) + w2^(beta+1/2)) dw4",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real {
              return c.integral(Real(0), c.w3, Real(1), Real(b(c) - half()), [&](const Real& x) -> Real {
                const Real w4 = c.w1 - c.w3 + x;
                return Real(slot(c, w4, b(c)) * c.bracket(x, Real(-hM(c))) *
                            (c.power(x, Real(b(c) - half())) + c.power(x, Real(b(c) + half()))));
              });
            }},
           // "We deduce the bound", line 1: the second integral read as 0 for w3 < 1 (as printed, \int_1^{w3}
           // of w2^(beta+1/2-M/2) is -infinity as w3 -> 0: the two ranges mean [0, min(1, w3)], [1, max(1, w3)])
           {.label = "Section 5.3, we deduce the bound, line 1 (\\int_1^{w3} read as 0 for w3 < 1)",
            .printed = "w1^(beta-M/2) (\\int_0^1 w2^(beta-1/2) dw2 + \\int_1^{w3} w2^(beta+1/2-M/2) dw2)",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real {
              const Real q = b(c) + 3 * half() - hM(c);
              const Real tail = c.w3 > 1 ? Real((c.power(c.w3, q) - 1) / q) : Real(0);
              return Real(c.power(c.w1, Real(b(c) - hM(c))) * (1 / (b(c) + half()) + tail));
            }},
           {.label = "Section 5.3, we deduce the bound, line 2",
            .printed = "w1^(beta-M/2)",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real { return c.power(c.w1, Real(b(c) - hM(c))); }}},
      .outer_lines =
          {{.label = "Section 5.3, therefore: the derivative term",
            .printed = "w1^(2beta-1/2-M/2) \\int_0^{w1/2} w3^beta / <w3>^(M/2) dw3",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real {
              return Real(c.power(c.w1, Real(2 * b(c) - half() - hM(c))) *
                          c.integral(Real(0), Real(c.w1 / 2), Real(1), b(c), [&](const Real& w) -> Real { return slot(c, w, b(c)); }));
            }},
           result("(5.6), the derivative term (times N)", "w1^(2beta-1/2-M/2)", "2beta - 1/2 - M/2",
                  [](Ctx c) -> Real { return Real(2 * b(c) - half() - hM(c)); })},
      .arithmetic = {{"Section 5.3, we deduce the bound", "\\int_0^1 w2^(beta-1/2) dw2 < infinity", "beta - 1/2 > -1"},
                     {"Section 5.3, we deduce the bound", "\\int_1^{w3} w2^(beta+1/2-M/2) dw2 ≲ 1", "M/2 - beta - 1/2 > 1"},
                     {"Section 5.3, therefore", "\\int_0^{w1/2} w3^beta / <w3>^(M/2) dw3 ≲ 1", "M/2 - beta > 1"}},
  });

  // (5.6), Section 5.3: the boundary term of the integration by parts (times N, |sin| <= 1): at w4 = w1
  // (w2 = w3; at w4 = w1 - w3, w2 = 0 and F vanishes).
  chains.push_back(Chain{
      .id = "5.6-boundary",
      .title = "I2: the boundary term of the integration by parts of C^234_21[n01, n01, n02] (times N)",
      .location = "Section 5.3, first display",
      .proves = "5.6",
      .hypotheses = section5_proofs(),
      .outer = outer_prime_D21(),
      .inner =
          {{.label = "Section 5.3, the boundary term F(w4 = w1)",
            .printed = "w3^(beta+1/2) w1^beta / (<w3>^(M/2) <w1>^(M/2))",
            .value = [](Ctx c) -> Real { return Real(slot(c, c.w3, Real(b(c) + half())) * slot(c, c.w1, b(c))); }},
           // Section 5.3, first display: the boundary term as printed (with the weight: w3^(2beta) / <w3>^(M/2))
           {.label = "Section 5.3, first display: the boundary term",
            .printed = "w1^(beta-M/2) w3^beta",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real { return Real(c.power(c.w1, Real(b(c) - hM(c))) * c.power(c.w3, b(c))); },
            .readings = {{.label = "Section 5.3, the boundary term as the \"therefore\" display has it (w3^(2beta) / <w3>^M with the weight)",
                          .printed = "w1^(beta-M/2) w3^beta <w3>^(-M/2)",
                          .relation = StepRelation::lesssim,
                          .value = [](Ctx c) -> Real {
                            return Real(c.power(c.w1, Real(b(c) - hM(c))) * slot(c, c.w3, b(c)));
                          }}}}},
      .outer_lines =
          {{.label = "Section 5.3, first display: the boundary term's integral",
            .printed = "w1^(2beta-1/2-M/2) \\int_0^{w1/2} w3^(2beta) / <w3>^(M/2) dw3",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real {
              return Real(c.power(c.w1, Real(2 * b(c) - half() - hM(c))) *
                          c.integral(Real(0), Real(c.w1 / 2), Real(1), Real(2 * b(c)),
                                     [&](const Real& w) -> Real { return slot(c, w, Real(2 * b(c))); }));
            }},
           result("Section 5.3, the boundary term is clearly bounded by w1^(2beta-1/2-M/2) (times 1/N)", "w1^(2beta-1/2-M/2)",
                  "2beta - 1/2 - M/2", [](Ctx c) -> Real { return Real(2 * b(c) - half() - hM(c)); })},
      .arithmetic = {{"Section 5.3, the boundary term", "\\int_0^inf w3^(2beta) / <w3>^(M/2) dw3 ≲ 1", "M/2 - 2beta > 1"}},
  });

  // (5.7), Section 5.4: C'^234 on D21, through the basic inequality |<w4>^(M/2) - <w1>^(M/2)| ≲ w1^(M/2-1) (w1 - w4).
  chains.push_back(Chain{
      .id = "5.7-D21",
      .title = "Upper bound for C'^234_21[n01, n01, n01]",
      .location = "Section 5.4, first part",
      .proves = "5.7",
      .hypotheses = section5_proofs(),
      .outer = outer_prime_D21(),
      .inner =
          {{.label = "inner integral of C'^234 over D21",
            .printed = "\\int_{w1-w3}^{w1} w2^(beta+1/2) w4^beta |<w1>^(M/2) - <w4>^(M/2)| / (<w1>^(M/2) <w2>^(M/2) <w4>^(M/2)) dw4",
            .value = inner_prime_D21},
           // Section 5.4, the basic inequality on D21, inside the first display (w1^(beta-3/2) = w1^(beta-1/2) w1^(-1))
           {.label = "Section 5.4, first display: the basic inequality |<w4>^(M/2) - <w1>^(M/2)| ≲ w1^(M/2-1) (w3 - w2)",
            .printed = "w1^(-1) \\int_{w1-w3}^{w1} w2^(beta+1/2) w4^beta (w3 - w2) / (<w2>^(M/2) <w4>^(M/2)) dw4",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real {
              return Real(c.integral(Real(0), c.w3, Real(1), Real(b(c) + half()), [&](const Real& x) -> Real {
                return Real(slot(c, x, Real(b(c) + half())) * slot(c, Real(c.w1 - c.w3 + x), b(c)) * (c.w3 - x));
              }) / c.w1);
            }},
           // Section 5.4, inner bound, line 1: w2 <= w3, w4 ≈ w1
           {.label = "Section 5.4, inner bound on D21, line 1",
            .printed = "w1^(-1) w1^(beta-M/2) w3^(beta+1/2) \\int_0^{w3} (w3 - w2) / <w2>^(M/2) dw2",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real {
              return Real(c.power(c.w1, Real(b(c) - hM(c) - 1)) * c.power(c.w3, Real(b(c) + half())) *
                          c.integral(Real(0), c.w3, Real(1), std::nullopt,
                                     [&](const Real& x) -> Real { return Real((c.w3 - x) * c.bracket(x, Real(-hM(c)))); }));
            }},
           {.label = "Section 5.4, inner bound on D21, line 2",
            .printed = "w1^(-1) w1^(beta-M/2) w3^(beta+3/2)",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real { return Real(c.power(c.w1, Real(b(c) - hM(c) - 1)) * c.power(c.w3, Real(b(c) + 3 * half()))); }}},
      .outer_lines =
          {{.label = "Section 5.4, C'^234_21: the outer integral",
            .printed = "w1^(2beta-3/2-M/2) \\int_0^{w1/2} w3^(2beta+3/2) / <w3>^(M/2) dw3",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real {
              return Real(c.power(c.w1, p_prime(c)) *
                          c.integral(Real(0), Real(c.w1 / 2), Real(1), Real(2 * b(c) + 3 * half()),
                                     [&](const Real& w) -> Real { return slot(c, w, Real(2 * b(c) + 3 * half())); }));
            }},
           result("Section 5.4, C'^234_21 ≲ w1^(2beta-3/2-M/2)", "w1^(2beta-3/2-M/2)", "2beta - 3/2 - M/2", p_prime)},
      .arithmetic = {{"Section 5.4, inner bound on D21, line 2", "\\int_0^{w3} (w3 - w2) / <w2>^(M/2) dw2 ≲ w3", "M/2 > 1"},
                     {"Section 5.4, C'^234_21: the outer integral", "\\int_0^{w1/2} w3^(2beta+3/2) / <w3>^(M/2) dw3 ≲ 1",
                      "M/2 - 2beta - 3/2 > 1"}},
  });

  // (5.7), Section 5.4: C'^234 on D3, through |<w4>^(M/2) - <w1>^(M/2)| ≲ w4^(M/2-1) (w2 - w3).
  chains.push_back(Chain{
      .id = "5.7-D3",
      .title = "Upper bound for C'^234_3[n01, n01, n01]",
      .location = "Section 5.4, second part",
      .proves = "5.7",
      .hypotheses = section5_proofs(),
      .outer = outer_prime_D3(),
      .inner =
          {{.label = "inner integral of C'^234 over D3 (the cross-section's w3^(1/2) inside)",
            .printed = "w3^(1/2) \\int_{w1}^inf w2^beta w4^beta |<w4>^(M/2) - <w1>^(M/2)| / (<w1>^(M/2) <w2>^(M/2) <w4>^(M/2)) dw4",
            .value = inner_prime_D3},
           // Section 5.4, the second display's first line: the basic inequality on D3, and the cross-section
           // written w3^beta (outside) w2^(beta+1/2) (inside) where (3.12) has w3^(beta+1/2) w2^beta (w2 >= w3)
           {.label = "Section 5.4, C'^234_3, line 1: the basic inequality on D3 (the printed <w4> is <w4>^1)",
            .printed = "w1^(-M/2) \\int_{w1}^inf w2^(beta+1/2) w4^beta (w2 - w3) / (<w2>^(M/2) <w4>) dw4",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real {
              return Real(c.power(c.w1, Real(-hM(c))) *
                          c.integral(Real(0), infinity(), Real(1), std::nullopt, [&](const Real& y) -> Real {
                            const Real w4 = c.w1 + y;
                            return Real(slot(c, Real(c.w3 + y), Real(b(c) + half())) * c.power(w4, b(c)) * y /
                                        c.bracket(w4, Real(1)));
                          }, d3_breaks(c)));
            }},
           // line 2: w4^beta / <w4> <= w1^(beta-1), w2 - w3 <= w2
           {.label = "Section 5.4, C'^234_3, line 2",
            .printed = "w1^(beta-1-M/2) \\int_{w1}^inf w2^(beta+3/2) / <w2>^(M/2) dw4",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real {
              return Real(c.power(c.w1, Real(b(c) - 1 - hM(c))) *
                          c.integral(Real(0), infinity(), Real(1), std::nullopt,
                                     [&](const Real& y) -> Real { return slot(c, Real(c.w3 + y), Real(b(c) + 3 * half())); },
                                     c.w3 > 1 ? std::vector<Real>{c.w3} : std::vector<Real>{}));
            }},
           // line 3: x = w2 = w3 + w4 - w1
           {.label = "Section 5.4, C'^234_3, line 3",
            .printed = "w1^(beta-1-M/2) \\int_{w3}^inf <x>^(-(M/2-beta-3/2)) dx",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real {
              return Real(c.power(c.w1, Real(b(c) - 1 - hM(c))) *
                          c.integral(c.w3, infinity(), Real(1), std::nullopt,
                                     [&](const Real& x) -> Real { return c.bracket(x, Real(b(c) + 3 * half() - hM(c))); }));
            }}},
      .outer_lines = {result("Section 5.4, C'^234_3 ≲ w1^(2beta-M/2-3/2)", "w1^(2beta-M/2-3/2)", "2beta - 3/2 - M/2", p_prime)},
      .arithmetic = {{"Section 5.4, C'^234_3, line 3", "\\int_{w3}^inf <x>^(-(M/2-beta-3/2)) dx converges", "M/2 - beta - 3/2 > 1"},
                     {"Section 5.4, C'^234_3, the last line",
                      "\\int_0^{w1} w3^beta <w3>^(-M/2) \\int_{w3}^inf <x>^(-(M/2-beta-3/2)) dx dw3 ≲ 1",
                      "beta - M/2 + beta + 5/2 - M/2 < -1"},
                     {"Section 5.4, C'^234_3, line 2", "w4^beta / <w4> <= w4^(beta-1) <= w1^(beta-1) (w4 >= w1)", "beta <= 1"},
                     {"(5.7), the four pieces", "C'_22 and C'_1 \"as in (4.4), (4.6)\": 3beta + 1 - M <= 2beta - 3/2 - M/2",
                      "3beta + 1 - M <= 2beta - 3/2 - M/2"}},
  });

  // (5.9), Section 5.5, first bullet: C^124_21.
  chains.push_back(Chain{
      .id = "5.9",
      .title = "Upper bound for C^124_21[n01, n01, n01]",
      .location = "Section 5.5, first bullet",
      .proves = "5.9",
      .hypotheses = section5_proofs(),
      .outer = outer_loss_D21(false),
      .inner =
          {{.label = "inner integral of C^124 over D21",
            .printed = "\\int_{w1-w3}^{w1} w2^(beta+1/2) w4^beta / (<w2>^(M/2) <w4>^(M/2)) dw4",
            .value = inner_D21},
           // (5.9), inner bound: w4 ≈ w1, w2 <= w1
           {.label = "(5.9), inner bound, line 1",
            .printed = "w1^(2beta+1/2-M/2) \\int_0^inf <x>^(-M/2) dx",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real { return loss_inner_bound(c, Real(0)); }},
           {.label = "(5.9), inner bound, line 2",
            .printed = "w1^(2beta+1/2-M/2)",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real { return c.power(c.w1, Real(2 * b(c) + half() - hM(c))); }}},
      .outer_lines =
          {{.label = "(5.9), outer integral",
            .printed = "w1^(3beta-M) \\int_0^{w1/2} w3^beta dw3",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real {
              return Real(c.power(c.w1, Real(3 * b(c) - c.model.M)) * c.power(Real(c.w1 / 2), Real(b(c) + 1)) / (b(c) + 1));
            }},
           result("(5.9)", "w1^(4beta+1-M)", "4beta + 1 - M", p_D2x)},
      .arithmetic = {{"(5.9), inner bound", "\\int_0^inf <x>^(-M/2) dx ≲ 1", "M/2 > 1"},
                     {"(5.9), the exponent count", "(beta - 1/2 - M/2) + (2beta + 1/2 - M/2) + (beta + 1) ≤ 4beta + 1 - M",
                      "beta - 1/2 - M/2 + 2beta + 1/2 - M/2 + beta + 1 <= 4beta + 1 - M"}},
  });

  // (5.10): C^134_21 <= C^124_21 (w2 <= w3 in D21).
  chains.push_back(Chain{
      .id = "5.10",
      .title = "C^134_21 ≲ C^124_21 ≲ w1^(4beta+1-M)",
      .location = "Section 5.5, first bullet, (5.10)",
      .proves = "5.10",
      .hypotheses = section5_proofs(),
      .outer = outer_loss_D21(false),
      .inner =
          {{.label = "inner integral of C^134 over D21 (its <w3>^(-M/2) inside)",
            .printed = "<w3>^(-M/2) \\int_{w1-w3}^{w1} w2^(beta+1/2) w4^beta / <w4>^(M/2) dw4",
            .value = [](Ctx c) -> Real { return Real(c.bracket(c.w3, Real(-hM(c))) * inner134_D21(c)); }},
           {.label = "(5.10), w2 <= w3: C^124's inner integral",
            .printed = "\\int_{w1-w3}^{w1} w2^(beta+1/2) w4^beta / (<w2>^(M/2) <w4>^(M/2)) dw4",
            .relation = StepRelation::less_equal,
            .value = inner_D21}},
      .outer_lines = {result("(5.10)", "w1^(4beta+1-M)", "4beta + 1 - M", p_D2x)},
  });

  // (5.11), Section 5.5, second bullet (headed "C^124_22, C^134_21": the second is C^134_22): C^124_22.
  chains.push_back(Chain{
      .id = "5.11",
      .title = "Upper bound for C^124_22[n01, n01, n01]",
      .location = "Section 5.5, second bullet",
      .proves = "5.11",
      .hypotheses = section5_proofs(),
      .outer = outer_loss_D22(false),
      .inner =
          {{.label = "inner integral of C^124 over D22",
            .printed = "\\int_{w3}^{w1} w2^(beta+1/2) w4^beta / (<w2>^(M/2) <w4>^(M/2)) dw4",
            .value = inner_D22},
           {.label = "(5.11), inner bound, line 1",
            .printed = "w1^(2beta+1/2-M/2) \\int_{2w3-w1}^inf <x>^(-M/2) dx",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real { return loss_inner_bound(c, Real(2 * c.t)); }},
           {.label = "(5.11), inner bound, line 2",
            .printed = "w1^(2beta+1/2-M/2)",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real { return c.power(c.w1, Real(2 * b(c) + half() - hM(c))); }}},
      .outer_lines =
          {{.label = "(5.11), outer integral",
            .printed = "w1^(3beta-M) \\int_{w1/2}^{w1} w3^beta dw3",
            .relation = StepRelation::less_equal,
            .value = [](Ctx c) -> Real {
              return Real(c.power(c.w1, Real(3 * b(c) - c.model.M)) *
                          (c.power(c.w1, Real(b(c) + 1)) - c.power(Real(c.w1 / 2), Real(b(c) + 1))) / (b(c) + 1));
            }},
           result("(5.11)", "w1^(4beta+1-M)", "4beta + 1 - M", p_D2x)},
      .arithmetic = {{"(5.11), inner bound", "\\int_{2w3-w1}^inf <x>^(-M/2) dx ≲ 1", "M/2 > 1"}},
  });

  // (5.12): C^134_22 <= C^124_22 (w2 <= w3 in D22).
  chains.push_back(Chain{
      .id = "5.12",
      .title = "C^134_22 ≲ C^124_22 ≲ w1^(4beta+1-M)",
      .location = "Section 5.5, second bullet, (5.12)",
      .proves = "5.12",
      .hypotheses = section5_proofs(),
      .outer = outer_loss_D22(false),
      .inner =
          {{.label = "inner integral of C^134 over D22 (its <w3>^(-M/2) inside)",
            .printed = "<w3>^(-M/2) \\int_{w3}^{w1} w2^(beta+1/2) w4^beta / <w4>^(M/2) dw4",
            .value = [](Ctx c) -> Real { return Real(c.bracket(c.w3, Real(-hM(c))) * inner134_D22(c)); }},
           {.label = "(5.12), w2 <= w3: C^124's inner integral",
            .printed = "\\int_{w3}^{w1} w2^(beta+1/2) w4^beta / (<w2>^(M/2) <w4>^(M/2)) dw4",
            .relation = StepRelation::less_equal,
            .value = inner_D22}},
      .outer_lines = {result("(5.12)", "w1^(4beta+1-M)", "4beta + 1 - M", p_D2x)},
  });

  // (5.13), Section 5.5, third bullet: C^134_3.
  chains.push_back(Chain{
      .id = "5.13",
      .title = "Upper bound for C^134_3[n01, n01, n01]",
      .location = "Section 5.5, third bullet",
      .proves = "5.13",
      .hypotheses = section5_proofs(),
      .outer = outer_loss_D3(true),
      .inner =
          {{.label = "inner integral of C^134 over D3",
            .printed = "\\int_{w1}^inf w2^beta w4^beta / <w4>^(M/2) dw4",
            .value = inner134_D3},
           // (5.13), inner bound: w2 <= w4, <w4>^(-M/2) <= w4^(-M/2)
           {.label = "(5.13), inner bound, line 1",
            .printed = "\\int_{w1}^inf w4^(2beta-M/2) dw4",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real {
              return c.integral(c.w1, infinity(), Real(1), std::nullopt,
                                [&](const Real& w) -> Real { return c.power(w, Real(2 * b(c) - hM(c))); });
            }},
           {.label = "(5.13), inner bound, line 2",
            .printed = "w1^(2beta+1-M/2)",
            .relation = StepRelation::approx,
            .value = [](Ctx c) -> Real { return c.power(c.w1, Real(2 * b(c) + 1 - hM(c))); }}},
      .outer_lines =
          {{.label = "(5.13), outer integral (printed d w1 for d w3)",
            .printed = "w1^(3beta+1/2-M) \\int_0^{w1} w3^(beta+1/2) / <w3>^(M/2) dw3",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real {
              return Real(c.power(c.w1, p_D3(c)) * c.integral(Real(0), c.w1, Real(1), Real(b(c) + half()), [&](const Real& w) -> Real {
                return slot(c, w, Real(b(c) + half()));
              }));
            }},
           result("(5.13)", "w1^(3beta+1/2-M)", "3beta + 1/2 - M", p_D3)},
      .arithmetic = {{"(5.13), inner bound, line 2", "\\int_{w1}^inf w4^(2beta-M/2) dw4 ≈ w1^(2beta+1-M/2)", "M/2 - 2beta > 1"},
                     {"(5.13), outer integral", "\\int_0^{w1} w3^(beta+1/2) / <w3>^(M/2) dw3 ≲ 1", "M/2 - beta - 1/2 > 1"},
                     {"(5.13), the exponent count", "(beta - 1/2 - M/2) + (2beta + 1 - M/2) ≤ 3beta + 1/2 - M",
                      "beta - 1/2 - M/2 + 2beta + 1 - M/2 <= 3beta + 1/2 - M"}},
  });

  // (5.14): C^124_3 <= C^134_3 (w3 <= w2 in D3).
  chains.push_back(Chain{
      .id = "5.14",
      .title = "C^124_3 ≲ C^134_3 ≲ w1^(3beta+1/2-M)",
      .location = "Section 5.5, third bullet, (5.14)",
      .proves = "5.14",
      .hypotheses = section5_proofs(),
      .outer = outer_loss_D3(false),
      .inner =
          {{.label = "inner integral of C^124 over D3",
            .printed = "\\int_{w1}^inf w2^beta w4^beta / (<w2>^(M/2) <w4>^(M/2)) dw4",
            .value = inner_D3},
           {.label = "(5.14), w3 <= w2: C^134's inner integral (its <w3>^(-M/2) inside)",
            .printed = "<w3>^(-M/2) \\int_{w1}^inf w2^beta w4^beta / <w4>^(M/2) dw4",
            .relation = StepRelation::less_equal,
            .value = [](Ctx c) -> Real { return Real(c.bracket(c.w3, Real(-hM(c))) * inner134_D3(c)); }}},
      .outer_lines = {result("(5.14)", "w1^(3beta+1/2-M)", "3beta + 1/2 - M", p_D3)},
  });

  // (5.15), Section 5.5, fourth bullet: C^134_1.
  chains.push_back(Chain{
      .id = "5.15",
      .title = "Upper bound for C^134_1[n01, n01, n01]",
      .location = "Section 5.5, fourth bullet",
      .proves = "5.15",
      .hypotheses = section5_proofs(),
      .outer = outer_loss_D1(true),
      .inner =
          {{.label = "inner integral of C^134 over D1",
            .printed = "\\int_{w3}^inf w2^beta w4^beta / <w4>^(M/2) dw4",
            .value = inner134_D1},
           // (5.15), inner bound, line 1: w2 = w3 + w4 - w1 <= w4 + w3
           {.label = "(5.15), inner bound, line 1",
            .printed = "\\int_{w3}^inf (w4 + w3)^beta w4^beta / <w4>^(M/2) dw4",
            .relation = StepRelation::less_equal,
            .value = [](Ctx c) -> Real {
              return c.integral(Real(0), infinity(), Real(1), std::nullopt, [&](const Real& y) -> Real {
                return Real(c.power(Real(2 * c.w3 + y), b(c)) * slot(c, Real(c.w3 + y), b(c)));
              }, {c.w3});
            }},
           {.label = "(5.15), inner bound, line 2",
            .printed = "\\int_{w3}^inf w4^(2beta-M/2) dw4",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real {
              return c.integral(c.w3, infinity(), Real(1), std::nullopt,
                                [&](const Real& w) -> Real { return c.power(w, Real(2 * b(c) - hM(c))); });
            }},
           {.label = "(5.15), inner bound, line 3",
            .printed = "w3^(2beta+1-M/2)",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real { return c.power(c.w3, Real(2 * b(c) + 1 - hM(c))); }}},
      .outer_lines =
          {// (5.15), the outer integral: the printed integrand drops the outer weight's w3^beta <w3>^(-M/2)
           {.label = "(5.15), outer integral",
            .printed = "w1^(beta-M/2) \\int_{w1}^inf w3^(2beta+1-M/2) dw3",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real {
              return Real(c.power(c.w1, Real(b(c) - hM(c))) *
                          c.integral(c.w1, infinity(), Real(1), std::nullopt,
                                     [&](const Real& w) -> Real { return c.power(w, Real(2 * b(c) + 1 - hM(c))); }));
            },
            .readings = {{.label = "(5.15), outer integral, with the outer weight's w3^beta <w3>^(-M/2) (the line before substituted)",
                          .printed = "w1^(beta-M/2) \\int_{w1}^inf w3^(3beta+1-M/2) / <w3>^(M/2) dw3",
                          .relation = StepRelation::lesssim,
                          .value = [](Ctx c) -> Real {
                            return Real(c.power(c.w1, Real(b(c) - hM(c))) *
                                        c.integral(c.w1, infinity(), Real(1), std::nullopt,
                                                   [&](const Real& w) -> Real { return slot(c, w, Real(3 * b(c) + 1 - hM(c))); }));
                          }}}},
           result("(5.15)", "w1^(3beta+2-M)", "3beta + 2 - M", p_D1)},
      .arithmetic = {{"(5.15), inner bound, line 3", "\\int_{w3}^inf w4^(2beta-M/2) dw4 ≲ w3^(2beta+1-M/2)", "M/2 - 2beta > 1"},
                     {"(5.15), outer integral", "\\int_{w1}^inf w3^(2beta+1-M/2) dw3 ≈ w1^(2beta+2-M/2)", "M/2 - 2beta - 1 > 1"},
                     {"(5.15), the exponent count", "(beta - M/2) + (2beta + 2 - M/2) ≤ 3beta + 2 - M",
                      "beta - M/2 + 2beta + 2 - M/2 <= 3beta + 2 - M"}},
  });

  // (5.16): C^124_1 <= C^134_1 (w2 >= w3 in D1).
  chains.push_back(Chain{
      .id = "5.16",
      .title = "C^124_1 ≲ C^134_1 ≲ w1^(3beta+2-M)",
      .location = "Section 5.5, fourth bullet, (5.16)",
      .proves = "5.16",
      .hypotheses = section5_proofs(),
      .outer = outer_loss_D1(false),
      .inner =
          {{.label = "inner integral of C^124 over D1",
            .printed = "\\int_{w3}^inf w2^beta w4^beta / (<w2>^(M/2) <w4>^(M/2)) dw4",
            .value = inner_D1},
           {.label = "(5.16), w2 >= w3: C^134's inner integral (its <w3>^(-M/2) inside)",
            .printed = "<w3>^(-M/2) \\int_{w3}^inf w2^beta w4^beta / <w4>^(M/2) dw4",
            .relation = StepRelation::less_equal,
            .value = [](Ctx c) -> Real { return Real(c.bracket(c.w3, Real(-hM(c))) * inner134_D1(c)); }}},
      .outer_lines = {result("(5.16)", "w1^(3beta+2-M)", "3beta + 2 - M", p_D1)},
  });

  // (5.5), (5.17)-(5.21): the exponent arithmetic that combines the pieces (no displayed line to evaluate:
  // the pieces' own sizes are the checks of the registry).
  chains.push_back(Chain{
      .id = "5.17-5.21",
      .title = "Combining the pieces: (5.5), (5.17), (5.19), (5.20) and the display before (5.21)",
      .location = "Sections 5.2, 5.5 (end), 5.6",
      .proves = "5.21",
      .hypotheses = section5_proofs(),
      .arithmetic =
          {{"(5.5), from (4.4) and (4.6)", "w1^(3beta+1/2-M) + w1^(3beta+1-M) ≲ w1^(3beta+1-M)", "3beta + 1/2 - M <= 3beta + 1 - M"},
           {"(5.17), from (5.9)-(5.12)", "w1^(4beta+1-M) ≲ w1^(4beta+2-M)", "4beta + 1 - M <= 4beta + 2 - M"},
           {"(5.17), from (5.13), (5.14)", "w1^(3beta+1/2-M) ≲ w1^(4beta+2-M)", "3beta + 1/2 - M <= 4beta + 2 - M"},
           {"(5.17), from (5.15), (5.16)", "w1^(3beta+2-M) ≲ w1^(4beta+2-M)", "3beta + 2 - M <= 4beta + 2 - M"},
           {"(5.19), from (4.7) and (5.7)", "w1^(2beta-1/2-M/2) + w1^(2beta-3/2-M/2) ≲ w1^(2beta-1/2-M/2)",
            "2beta - 3/2 - M/2 <= 2beta - 1/2 - M/2"},
           {"(5.20), from (5.19), (4.7) and (5.17)", "w1^(4beta+2-M) ≲ w1^(2beta-1/2-M/2)", "4beta + 2 - M <= 2beta - 1/2 - M/2"},
           {"Section 5.6, the display before (5.21): the I4 term", "w1^(2beta-3/2-M/2) = w1^(2beta-M/2-1/2) / w1",
            "2beta - 3/2 - M/2 <= 2beta - 1/2 - M/2 - 1"},
           {"Section 5.6, the display before (5.21): the I5 term", "w1^(4beta+2-M) = w1^(2beta-M/2-1/2) w1^(2beta+5/2-M/2)",
            "4beta + 2 - M <= 2beta - 1/2 - M/2 + 2beta + 5/2 - M/2"},
           {"Section 5.6, the display before (5.21): the I6 term", "w1^(3beta+1-M) = w1^(2beta-M/2-1/2) w1^(beta+3/2-M/2)",
            "3beta + 1 - M <= 2beta - 1/2 - M/2 + beta + 3/2 - M/2"},
           // The proof bounds the last three terms by (N / 2 pi B)(...) = (...)/w1: each exponent at most -1.
           {"Section 5.6, before (5.21): \"since M > 10 and beta in [0, 1] we have 2beta + 5/2 - M/2 < -1\"",
            "2beta + 5/2 - M/2 < -1", "2beta + 5/2 - M/2 < -1"},
           {"Section 5.6, before (5.21): the I6 term at most 1/w1 (the choice of B)", "beta + 3/2 - M/2 <= -1",
            "beta + 3/2 - M/2 <= -1"},
           {"Section 5.6, before (5.21): what the limit w1 -> infinity needs of the I5 term", "2beta + 5/2 - M/2 < 0",
            "2beta + 5/2 - M/2 < 0"},
           {"Section 5.6, the conclusion: <w1>^(M/2) t w1^(2beta-M/2-1/2) -> infinity", "2beta - 1/2 > 0", "2beta - 1/2 > 0"}},
  });
  return chains;
}

}  // namespace kwe::checks
