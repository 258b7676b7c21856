// The chains of Section 4 (the gain-only equation), line by line as printed, with the other readings of
// the lines in doubt. Each line evaluates the expression it prints; the inner lines are functions of
// (w1, w3) and their integral variable is chosen so that no difference of large numbers is formed:
//   D21: x = w2 in [0, w3], w4 = w1 - w3 + x;   D22: w3 = w1/2 + t, x = w2 - 2t in [0, w1/2 - t], w4 = w3 + x;
//   D3: y = w4 - w1 >= 0, w2 = w3 + y;           D1: w3 = w1 + t, y = w4 - w3 >= 0, w2 = w3 + t + y.
// The outer weights are those of (3.10)-(3.14) for the data n01 = <w>^(-M/2): 64 pi^3 times
//   D21, D22: w1^(beta-1/2) w3^beta <w3>^(-M/2);  D3: w1^(beta-1/2) w3^(beta+1/2) <w3>^(-M/2);  D1: w1^beta w3^beta <w3>^(-M/2).
#include "checks/proof.hpp"
#include "checks/proof_lines.hpp"
#include "quadrature/elementary.hpp"

#include <boost/math/constants/constants.hpp>

#include <limits>
#include <stdexcept>

namespace kwe::checks {

// Through Arb (quadrature/elementary.hpp, faithful; MPFR's where Arb's ball is not tight): x^y is most of a
// line's cost, and Arb's is ~5x MPFR's at these precisions.
Real LineContext::bracket(const Real& x, const Real& p) const { return elementary::pow(Real(1 + x * x), Real(p / 2)); }

Real LineContext::power(const Real& x, const Real& p) const { return elementary::pow(x, p); }

std::string symbol(StepRelation r) {
  switch (r) {
    case StepRelation::equal: return "=";
    case StepRelation::less_equal: return "<=";
    case StepRelation::lesssim: return "≲";
    case StepRelation::approx: return "≈";
    case StepRelation::gtrsim: return "≳";
    case StepRelation::greater_equal: return ">=";
  }
  return "?";
}

namespace {

using namespace proof_lines;

Hypotheses section4_proofs() { return {0, 1, false, 6, "0 <= beta <= 1, M > 6, w1 > 1 (Section 4)"}; }

OuterVariable outer_D21() {
  return {"0 <= w3 <= w1/2", [](Ctx) -> Real { return Real(0); }, [](Ctx c) -> Real { return Real(c.w1 / 2); },
          [](Ctx c) -> Real { return Real(sixty_four_pi_cubed() * c.power(c.w1, Real(b(c) - half())) * slot(c, c.w3, b(c))); }};
}

const Line d21_integral{
    .label = "inner integral over D21",
    .printed = "\\int_{w1-w3}^{w1} w2^(beta+1/2) w4^beta / (<w2>^(M/2) <w4>^(M/2)) dw4",
    .value = inner_D21,
};


OuterVariable outer_D22() {
  return {"w1/2 <= w3 <= w1", [](Ctx c) -> Real { return Real(c.w1 / 2); }, [](Ctx c) -> Real { return Real(c.w1 / 2); },
          [](Ctx c) -> Real { return Real(sixty_four_pi_cubed() * c.power(c.w1, Real(b(c) - half())) * slot(c, c.w3, b(c))); }};
}


OuterVariable outer_D3() {
  return {"0 <= w3 <= w1", [](Ctx) -> Real { return Real(0); }, [](Ctx c) -> Real { return c.w1; },
          [](Ctx c) -> Real {
            return Real(sixty_four_pi_cubed() * c.power(c.w1, Real(b(c) - half())) * slot(c, c.w3, Real(b(c) + half())));
          }};
}


OuterVariable outer_D1() {
  return {"w1 <= w3", [](Ctx c) -> Real { return c.w1; }, [](Ctx) -> Real { return infinity(); },
          [](Ctx c) -> Real { return Real(sixty_four_pi_cubed() * c.power(c.w1, b(c)) * slot(c, c.w3, b(c))); }};
}


std::vector<Chain> make_chains() {
  std::vector<Chain> chains;

  // (4.2), Section 4.1: the lower bound for C^234_21.
  chains.push_back(Chain{
      .id = "4.2",
      .title = "Lower bound for C^234_21[n01, n01, n01]",
      .location = "Section 4.1",
      .proves = "4.2",
      .hypotheses = section4_proofs(),
      .lower = true,
      .outer = outer_D21(),
      .inner =
          {d21_integral,
           // (4.2), inner bound, line 1: w4 ≈ w1 in D21
           {.label = "(4.2), inner bound, line 1",
            .printed = "w1^(beta-M/2) \\int_0^{w3} w2^(beta+1/2) / <w2>^(M/2) dw2",
            .relation = StepRelation::approx,
            .value = [](Ctx c) -> Real {
              return Real(c.power(c.w1, Real(b(c) - hM(c))) *
                          c.integral(Real(0), c.w3, Real(1), Real(b(c) + half()),
                                     [&](const Real& x) -> Real { return slot(c, x, Real(b(c) + half())); }));
            }},
           // (4.2), inner bound, line 2: <w2> <= <w3>
           {.label = "(4.2), inner bound, line 2",
            .printed = "w1^(beta-M/2) / <w3>^(M/2) \\int_0^{w3} w2^(beta+1/2) dw2",
            .relation = StepRelation::gtrsim,
            .value = [](Ctx c) -> Real {
              return Real(c.power(c.w1, Real(b(c) - hM(c))) * c.bracket(c.w3, Real(-hM(c))) *
                          c.integral(Real(0), c.w3, Real(1), Real(b(c) + half()),
                                     [&](const Real& x) -> Real { return c.power(x, Real(b(c) + half())); }));
            }},
           // (4.2), inner bound, line 3
           {.label = "(4.2), inner bound, line 3",
            .printed = "w1^(beta-M/2) w3^(beta+3/2) / <w3>^(M/2)",
            .relation = StepRelation::approx,
            .value = [](Ctx c) -> Real {
              return Real(c.power(c.w1, Real(b(c) - hM(c))) * slot(c, c.w3, Real(b(c) + 3 * half())));
            }}},
      .outer_lines =
          {// (4.2), the outer integral over [0, 1/2]
           {.label = "(4.2), outer integral",
            .printed = "w1^(2beta-1/2-M/2) \\int_0^{1/2} w3^(2beta+3/2) / <w3>^M dw3",
            .relation = StepRelation::gtrsim,
            .value = [](Ctx c) -> Real {
              return Real(w1_power(c, Real(2 * b(c) - half() - hM(c))) *
                          c.integral(Real(0), half(), Real(1), Real(2 * b(c) + 3 * half()), [&](const Real& w) -> Real {
                            return Real(c.power(w, Real(2 * b(c) + 3 * half())) * c.bracket(w, Real(-c.model.M)));
                          }));
            }},
           // (4.2), the result
           {.label = "(4.2)",
            .printed = "w1^(2beta-1/2-M/2)",
            .relation = StepRelation::approx,
            .value = [](Ctx c) -> Real { return w1_power(c, Real(2 * b(c) - half() - hM(c))); },
            .claims = "2beta - 1/2 - M/2"}},
      .arithmetic = {{"(4.2), outer integral", "\\int_0^{1/2} w3^(2beta+3/2) / <w3>^M dw3 ≈ 1", "2beta + 3/2 > -1"}},
  });

  // (4.3), Section 4.2, first bullet: the upper bound for C^234_21.
  chains.push_back(Chain{
      .id = "4.3",
      .title = "Upper bound for C^234_21[n01, n01, n01]",
      .location = "Section 4.2, first bullet",
      .proves = "4.3",
      .hypotheses = section4_proofs(),
      .outer = outer_D21(),
      .inner =
          {d21_integral,
           // (4.3), inner bound, line 1: w2 <= w3, w4 ≈ w1; the printed range of the remaining integral is
           // [w3, inf), where w2 runs over [0, w3]
           {.label = "(4.3), inner bound, line 1",
            .printed = "w1^(beta-M/2) w3^(beta+1/2) \\int_{w3}^inf <x>^(-M/2) dx",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real {
              return Real(c.power(c.w1, Real(b(c) - hM(c))) * c.power(c.w3, Real(b(c) + half())) *
                          c.integral(c.w3, infinity(), Real(1), std::nullopt,
                                     [&](const Real& x) -> Real { return c.bracket(x, Real(-hM(c))); }));
            },
            .readings = {{.label = "(4.3), inner bound, line 1, read with \\int_0^inf (w2 runs over [0, w3])",
                          .printed = "w1^(beta-M/2) w3^(beta+1/2) \\int_0^inf <x>^(-M/2) dx",
                          .relation = StepRelation::lesssim,
                          .value = [](Ctx c) -> Real {
                            return Real(c.power(c.w1, Real(b(c) - hM(c))) * c.power(c.w3, Real(b(c) + half())) *
                                        c.integral(Real(0), infinity(), Real(1), std::nullopt,
                                                   [&](const Real& x) -> Real { return c.bracket(x, Real(-hM(c))); }));
                          }}}},
           // (4.3), inner bound, line 2
           {.label = "(4.3), inner bound, line 2",
            .printed = "w1^(beta-M/2) w3^(beta+1/2)",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real { return Real(c.power(c.w1, Real(b(c) - hM(c))) * c.power(c.w3, Real(b(c) + half()))); }}},
      .outer_lines =
          {// (4.3), the outer integral: the printed power of <w3> has lost the outer weight's w3^beta
           {.label = "(4.3), outer integral",
            .printed = "w1^(2beta-1/2-M/2) \\int_0^{w1/2} <w3>^(-(M/2-beta-1/2)) dw3",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real {
              return Real(w1_power(c, Real(2 * b(c) - half() - hM(c))) *
                          c.integral(Real(0), Real(c.w1 / 2), Real(1), std::nullopt,
                                     [&](const Real& w) -> Real { return c.bracket(w, Real(b(c) + half() - hM(c))); }));
            },
            .readings = {{.label = "(4.3), outer integral, with the outer weight's w3^beta (the line before substituted)",
                          .printed = "w1^(2beta-1/2-M/2) \\int_0^{w1/2} w3^(2beta+1/2) <w3>^(-M/2) dw3",
                          .relation = StepRelation::lesssim,
                          .value = [](Ctx c) -> Real {
                            return Real(w1_power(c, Real(2 * b(c) - half() - hM(c))) *
                                        c.integral(Real(0), Real(c.w1 / 2), Real(1), Real(2 * b(c) + half()),
                                                   [&](const Real& w) -> Real { return slot(c, w, Real(2 * b(c) + half())); }));
                          }}}},
           // (4.3), the result
           {.label = "(4.3)",
            .printed = "w1^(2beta-1/2-M/2)",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real { return w1_power(c, Real(2 * b(c) - half() - hM(c))); },
            .claims = "2beta - 1/2 - M/2"}},
      .arithmetic = {{"(4.3), outer integral, as printed", "\\int_0^{w1/2} <w3>^(-(M/2-beta-1/2)) dw3 ≲ 1",
                      "M/2 - beta - 1/2 > 1"},
                     {"(4.3), outer integral, with the outer weight's w3^beta",
                      "\\int_0^{w1/2} w3^(2beta+1/2) <w3>^(-M/2) dw3 ≲ 1", "M/2 - 2beta - 1/2 > 1"}},
  });

  // (4.4), Section 4.2, second bullet: the upper bound for C^234_22.
  chains.push_back(Chain{
      .id = "4.4",
      .title = "Upper bound for C^234_22[n01, n01, n01]",
      .location = "Section 4.2, second bullet",
      .proves = "4.4",
      .hypotheses = section4_proofs(),
      .outer = outer_D22(),
      .inner =
          {{.label = "inner integral over D22",
            .printed = "\\int_{w3}^{w1} w2^(beta+1/2) w4^beta / (<w2>^(M/2) <w4>^(M/2)) dw4",
            .value = inner_D22},
           // (4.4), inner bound, line 1: w4 ≈ w1, w2^(beta+1/2) <= <w2>^(beta+1/2)
           {.label = "(4.4), inner bound, line 1",
            .printed = "w1^(beta-M/2) \\int_{2w3-w1}^inf <x>^(-(M/2-beta-1/2)) dx",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real {
              return Real(c.power(c.w1, Real(b(c) - hM(c))) *
                          c.integral(Real(2 * c.t), infinity(), Real(1), std::nullopt,
                                     [&](const Real& x) -> Real { return c.bracket(x, Real(b(c) + half() - hM(c))); }));
            }},
           // (4.4), inner bound, line 2
           {.label = "(4.4), inner bound, line 2",
            .printed = "w1^(beta-M/2)",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real { return c.power(c.w1, Real(b(c) - hM(c))); }}},
      .outer_lines =
          {{.label = "(4.4), outer integral",
            .printed = "w1^(2beta-1/2-M/2) \\int_{w1/2}^inf <w3>^(-(M/2-beta)) dw3",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real {
              return Real(w1_power(c, Real(2 * b(c) - half() - hM(c))) *
                          c.integral(Real(c.w1 / 2), infinity(), Real(1), std::nullopt,
                                     [&](const Real& w) -> Real { return c.bracket(w, Real(b(c) - hM(c))); }));
            }},
           {.label = "(4.4)",
            .printed = "w1^(3beta+1/2-M)",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real { return w1_power(c, Real(3 * b(c) + half() - c.model.M)); },
            .claims = "3beta + 1/2 - M"}},
      .arithmetic = {{"(4.4), inner bound, line 2", "\\int_{2w3-w1}^inf <x>^(-(M/2-beta-1/2)) dx ≲ 1", "M/2 - beta - 1/2 > 1"},
                     {"(4.4), outer integral", "\\int_{w1/2}^inf <w3>^(-(M/2-beta)) dw3 ≈ w1^(1+beta-M/2)", "M/2 - beta > 1"},
                     {"(4.4), the exponent count", "(2beta - 1/2 - M/2) + (1 + beta - M/2) ≤ 3beta + 1/2 - M",
                      "2beta - 1/2 - M/2 + 1 + beta - M/2 <= 3beta + 1/2 - M"}},
  });

  // (4.5), Section 4.2, third bullet: the upper bound for C^234_3.
  chains.push_back(Chain{
      .id = "4.5",
      .title = "Upper bound for C^234_3[n01, n01, n01]",
      .location = "Section 4.2, third bullet",
      .proves = "4.5",
      .hypotheses = section4_proofs(),
      .outer = outer_D3(),
      .inner =
          {{.label = "inner integral over D3",
            .printed = "\\int_{w1}^inf w2^beta w4^beta / (<w2>^(M/2) <w4>^(M/2)) dw4",
            .value = inner_D3},
           // (4.5), inner bound, line 1: w2 <= w4, <w2>^(-M/2) <= 1
           {.label = "(4.5), inner bound, line 1",
            .printed = "\\int_{w1}^inf w4^(2beta-M/2) dw4",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real {
              return c.integral(c.w1, infinity(), Real(1), std::nullopt,
                                [&](const Real& w) -> Real { return c.power(w, Real(2 * b(c) - hM(c))); });
            }},
           {.label = "(4.5), inner bound, line 2",
            .printed = "w1^(2beta+1-M/2)",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real { return c.power(c.w1, Real(2 * b(c) + 1 - hM(c))); }}},
      .outer_lines =
          {// (4.5), the outer integral: the printed power of w1 is the line before's times w1^(beta - 1/2) less w1^beta
           {.label = "(4.5), outer integral",
            .printed = "w1^(2beta+1/2-M/2) \\int_0^{w1} <w3>^(-(M/2-beta-1/2)) dw3",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real {
              return Real(w1_power(c, Real(2 * b(c) + half() - hM(c))) *
                          c.integral(Real(0), c.w1, Real(1), std::nullopt,
                                     [&](const Real& w) -> Real { return c.bracket(w, Real(b(c) + half() - hM(c))); }));
            },
            .readings = {{.label = "(4.5), outer integral, the line before substituted (w1^(beta-1/2) w1^(2beta+1-M/2))",
                          .printed = "w1^(3beta+1/2-M/2) \\int_0^{w1} w3^(beta+1/2) <w3>^(-M/2) dw3",
                          .relation = StepRelation::lesssim,
                          .value = [](Ctx c) -> Real {
                            return Real(w1_power(c, Real(3 * b(c) + half() - hM(c))) *
                                        c.integral(Real(0), c.w1, Real(1), Real(b(c) + half()),
                                                   [&](const Real& w) -> Real { return slot(c, w, Real(b(c) + half())); }));
                          }}}},
           {.label = "(4.5)",
            .printed = "w1^(2beta+1/2-M/2)",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real { return w1_power(c, Real(2 * b(c) + half() - hM(c))); },
            .claims = "2beta + 1/2 - M/2"}},
      .arithmetic = {{"(4.5), inner bound, line 2", "\\int_{w1}^inf w4^(2beta-M/2) dw4 ≈ w1^(2beta+1-M/2)", "M/2 - 2beta > 1"},
                     {"(4.5), outer integral", "\\int_0^{w1} <w3>^(-(M/2-beta-1/2)) dw3 ≲ 1", "M/2 - beta - 1/2 > 1"},
                     {"(4.5), the exponent count", "(beta - 1/2) + (2beta + 1 - M/2) ≤ 2beta + 1/2 - M/2",
                      "beta - 1/2 + 2beta + 1 - M/2 <= 2beta + 1/2 - M/2"}},
  });

  // (4.6), Section 4.2, fourth bullet: the upper bound for C^234_1.
  chains.push_back(Chain{
      .id = "4.6",
      .title = "Upper bound for C^234_1[n01, n01, n01]",
      .location = "Section 4.2, fourth bullet",
      .proves = "4.6",
      .hypotheses = section4_proofs(),
      .outer = outer_D1(),
      .inner =
          {{.label = "inner integral over D1",
            .printed = "\\int_{w3}^inf w2^beta w4^beta / (<w2>^(M/2) <w4>^(M/2)) dw4",
            .value = inner_D1},
           // (4.6), inner bound, line 1: w2 >= w1
           {.label = "(4.6), inner bound, line 1",
            .printed = "w1^(beta-M/2) \\int_{w3}^inf w4^(beta-M/2) dw4",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real {
              return Real(c.power(c.w1, Real(b(c) - hM(c))) *
                          c.integral(c.w3, infinity(), Real(1), std::nullopt,
                                     [&](const Real& w) -> Real { return c.power(w, Real(b(c) - hM(c))); }));
            }},
           {.label = "(4.6), inner bound, line 2",
            .printed = "w1^(beta-M/2)",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real { return c.power(c.w1, Real(b(c) - hM(c))); }}},
      .outer_lines =
          {{.label = "(4.6), outer integral",
            .printed = "w1^(2beta-M/2) \\int_{w1}^inf w3^(beta-M/2) dw3",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real {
              return Real(w1_power(c, Real(2 * b(c) - hM(c))) *
                          c.integral(c.w1, infinity(), Real(1), std::nullopt,
                                     [&](const Real& w) -> Real { return c.power(w, Real(b(c) - hM(c))); }));
            }},
           {.label = "(4.6)",
            .printed = "w1^(3beta+1-M)",
            .relation = StepRelation::lesssim,
            .value = [](Ctx c) -> Real { return w1_power(c, Real(3 * b(c) + 1 - c.model.M)); },
            .claims = "3beta + 1 - M"}},
      .arithmetic = {{"(4.6), inner bound, line 2", "\\int_{w3}^inf w4^(beta-M/2) dw4 ≲ 1 (w3 >= w1 > 1)", "M/2 - beta > 1"},
                     {"(4.6), the exponent count", "(2beta - M/2) + (beta + 1 - M/2) ≤ 3beta + 1 - M",
                      "2beta - M/2 + beta + 1 - M/2 <= 3beta + 1 - M"}},
  });

  // Section 4.3, the conclusion: the datum, and the growth of the weighted iterate.
  chains.push_back(Chain{
      .id = "4.3-conclusion",
      .title = "Conclusion: the datum n01 and the growth of <w1>^(M/2) n(t)",
      .location = "Section 4.3, proof of Theorem 4.2",
      .proves = "T4.2",
      .hypotheses = {0.25, 1, true, 6, "1/4 < beta <= 1, M > 6 (Theorem 4.2)"},
      .outer = {},
      .inner = {},
      .outer_lines =
          {{.label = "Section 4.3, the datum f01(k1) = (1 + |k1|^4)^(-M/4) at |k1|^2 = w1",
            .printed = "(1 + w1^2)^(-M/4)",
            .value = [](Ctx c) -> Real { return c.power(Real(1 + c.w1 * c.w1), Real(-c.model.M / 4)); }},
           {.label = "Section 4.3, n01(w1) := <w1>^(-M)",
            .printed = "<w1>^(-M)",
            .relation = StepRelation::equal,
            .value = [](Ctx c) -> Real { return c.bracket(c.w1, Real(-c.model.M)); },
            .readings = {{.label = "Section 4.3, n01 read as <w1>^(-M/2) (Section 4.1's datum)",
                          .printed = "<w1>^(-M/2)",
                          .relation = StepRelation::equal,
                          .value = [](Ctx c) -> Real { return c.bracket(c.w1, Real(-hM(c))); }}}}},
      .arithmetic = {{"Section 4.3, <w1>^(M/2) t w1^(2beta-1/2-M/2) -> infinity", "2beta - 1/2 > 0", "2beta - 1/2 > 0"}},
  });
  return chains;
}

}  // namespace

const std::vector<Chain>& proof_chains() {
  static const std::vector<Chain> chains = [] {
    std::vector<Chain> all = make_chains();
    for (Chain& c : section5_chains()) all.push_back(std::move(c));
    for (Chain& c : appendix_chains()) all.push_back(std::move(c));
    return all;
  }();
  return chains;
}

std::vector<const Chain*> select_chains(const std::vector<std::string>& ids) {
  std::vector<const Chain*> out;
  for (const Chain& c : proof_chains())
    if (ids.empty()) out.push_back(&c);
  for (const std::string& id : ids) {
    const Chain* found = nullptr;
    for (const Chain& c : proof_chains())
      if (c.id == id) found = &c;
    if (found == nullptr) {
      std::string known;
      for (const Chain& c : proof_chains()) known += (known.empty() ? "" : ", ") + c.id;
      throw std::invalid_argument("chains: '" + id + "' is not a chain (known: " + known + ")");
    }
    out.push_back(found);
  }
  return out;
}

}  // namespace kwe::checks
