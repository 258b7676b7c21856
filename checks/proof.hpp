// The proofs replayed (issue: "every displayed step a check"): a proof of the paper is a chain of displayed
// lines. Most chains bound an inner integral as a function of two variables, w1 and the outer variable w3,
// then integrate the last bound against the outer weight and count exponents. A chain is declared as data
// (checks/proofs_section4.cpp), each line with the expression as printed, its relation to the line before
// and a function that evaluates it; checks/proof_replay.cpp checks, at every (beta, M):
//   1. the relation between consecutive lines, uniformly in the outer variable: the sup over w3 of the
//      ratio (found by maximisation) stays bounded as w1 -> infinity;
//   2. that a line follows from the one before as the proof says: the first outer line against the last
//      inner bound substituted and integrated;
//   3. the exponent of w1 of every line (an inner line: integrated against the outer weight) and the
//      exponent lost at each step;
//   4. the exponent arithmetic the proof does in words, exactly over the hypothesis range (implication.hpp).
// A line whose reading is in doubt (a typo) carries its other readings; the numbers decide which one holds.
#pragma once

#include "checks/check.hpp"
#include "estimates/parameters.hpp"
#include "quadrature/engine.hpp"
#include "quadrature/line_integral.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace kwe::checks {

// The relation a line states to the line before it.
enum class StepRelation { equal, less_equal, lesssim, approx, gtrsim, greater_equal };
std::string symbol(StepRelation r);  // "=", "<=", "≲", "≈", "≳", ">="

// Where a line is evaluated: the parameters, the engine, w1 and (inner lines) the outer variable w3 =
// origin(w1) + t, with t kept apart so that no w3 near the origin is formed by a cancelling difference.
// The integrals a line contains report their error here: a line's value is only as good as the worst of them.
struct LineContext {
  const quadrature::Engine<Real>& engine;
  const Model<Real>& model;
  Real w1;
  Real t = 0;
  Real w3 = 0;
  mutable Real worst_error = 0;  // relative, of the integrals evaluated for this value
  mutable bool met = true;
  mutable std::size_t calls = 0;

  // <x>^p = (1 + x^2)^(p/2)
  Real bracket(const Real& x, const Real& p) const;
  Real power(const Real& x, const Real& p) const;
  // \int_a^b f, f(x) -> Real, the feature of scale `unit` at a (exponent_at_zero: f ~ x^alpha at a = 0),
  // `breaks`: the further scales of f (panel ends; past the largest, a half-infinite range gets its tail).
  template <class F>
  Real integral(const Real& a, const Real& b, const Real& unit, std::optional<Real> exponent_at_zero, F&& f,
                const std::vector<Real>& breaks = {}) const {
    using std::abs;
    const quadrature::Result<Real> r = quadrature::line_integral(engine, a, b, unit, exponent_at_zero, f, breaks);
    calls += r.calls;
    met = met && r.met;
    if (r.value != 0) worst_error = std::max(worst_error, Real(r.error / abs(r.value)));
    return r.value;
  }
};

using LineValue = std::function<Real(const LineContext&)>;

// One displayed line. `claims`: the exponent of w1 the line states as its size (outer lines), or "".
struct Line {
  std::string label;    // "(4.3), inner bound, line 1": where it is in the paper
  std::string printed;  // the expression as printed
  StepRelation relation = StepRelation::lesssim;  // to the line before (ignored on the first line)
  LineValue value;
  std::string claims{};
  // Other readings of a line in doubt: the same fields, the label saying which reading and why.
  std::vector<Line> readings{};
};

// The outer variable of a chain: w3 = origin(w1) + t, t in [0, length(w1)] (length may be +infinity), and
// the weight that turns an inner line into the piece: piece(w1) = \int weight * inner dt.
struct OuterVariable {
  std::string range;  // "0 <= w3 <= w1/2"
  std::function<Real(const LineContext&)> origin, length, weight;
};

// Exponent arithmetic the proof does in words: claim is an implication.hpp claim over the hypotheses.
struct Arithmetic {
  std::string label;
  std::string printed;
  std::string claim;  // "M/2 - beta - 1/2 > 1"
};

struct Chain {
  std::string id;        // "4.3"
  std::string title;     // "Upper bound for C^234_21"
  std::string location;  // "Section 4.2, first bullet"
  std::string proves;    // the check whose result the chain ends in
  Hypotheses hypotheses;
  bool lower = false;    // a chain of lower bounds (its relations >=, ≳, ≈)
  OuterVariable outer{};
  std::vector<Line> inner{};  // inner[0]: the inner integral itself; then the bounds on it, in order
  std::vector<Line> outer_lines{};  // functions of w1: the first follows from the last inner line integrated
  std::vector<Arithmetic> arithmetic{};
};

// Every chain replayed, in the paper's order: Section 4's (checks/proofs_section4.cpp), then Section 5's
// (checks/proofs_section5.cpp, section5_chains()), then Appendix A's (checks/proofs_appendix.cpp).
const std::vector<Chain>& proof_chains();
std::vector<Chain> section5_chains();
std::vector<Chain> appendix_chains();
std::vector<const Chain*> select_chains(const std::vector<std::string>& ids);  // all when empty; throws on an unknown id

}  // namespace kwe::checks
