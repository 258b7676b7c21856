// One integral in one variable, \int_a^b f(x) dx with 0 <= a < b <= +infinity, by the engine's own
// mechanisms: the graded partition (partition.hpp: a feature of scale `unit` next to a, geometric panels
// past it, a mapped tail to infinity), the rule family of the engine, and the one refinement driver
// (refine.hpp) with its rounding floor. For the proofs replayed (checks/proof_replay.cpp), whose lines are
// one-variable integrals of the paper's factors: the inner integral of a chain at one outer point, the
// bound a line prints (\int_{w3}^inf <x>^(-M/2) dx), the outer integral of a line.
// f may return a Real or an Estimate (a nested integral: its calls are counted).
#pragma once

#include "quadrature/engine.hpp"
#include "quadrature/level_sum.hpp"
#include "quadrature/partition.hpp"

#include <optional>
#include <vector>

namespace kwe::quadrature {

template <class Real, class F>
Result<Real> line_integral(const Engine<Real>& engine, const Real& a, const Real& b, const Real& unit,
                           const std::optional<Real>& exponent_at_zero, F&& f,
                           const std::vector<Real>& breaks = {}) {
  const std::vector<Panel<Real>> panels = graded(a, b, breaks, unit, engine.grading, exponent_at_zero);
  return refine<Real>([&](unsigned level) { return level_sum(panels, engine.rules, level, f); }, engine.tolerance(),
                      engine.bits, engine.policy, engine.absolute_tolerance);
}

}  // namespace kwe::quadrature
