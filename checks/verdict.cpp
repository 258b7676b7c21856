#include "checks/verdict.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace kwe::checks {

std::string to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::pass: return "PASS";
    case Outcome::fail: return "FAIL";
    case Outcome::inconclusive: return "INCONCLUSIVE";
  }
  return "?";
}

namespace {

std::string number(double x) {
  std::ostringstream out;
  out.precision(6);
  out << x;
  return out.str();
}

}  // namespace

Verdict judge(Relation relation, double predicted, const Fit& fit, bool values_met, const Tolerances& tolerances) {
  Verdict v;
  if (!values_met) {
    v.reason = "a value of the sweep missed its error target";
    return v;
  }
  if (!fit.ok) {
    v.reason = "too few points for an extrapolated slope";
    return v;
  }
  const double u = std::max(fit.uncertainty, tolerances.min_uncertainty);
  v.slack = predicted - fit.exponent;
  v.sharp = std::fabs(v.slack) <= u;
  if (fit.uncertainty > tolerances.max_uncertainty) {
    v.reason = "slope uncertainty " + number(fit.uncertainty) + " exceeds the tolerance " +
               number(tolerances.max_uncertainty);
    return v;
  }
  bool holds = false;
  switch (relation) {
    case Relation::upper: holds = fit.exponent - u <= predicted; break;
    case Relation::lower: holds = fit.exponent + u >= predicted; break;
    case Relation::both: holds = v.sharp; break;
  }
  v.outcome = holds ? Outcome::pass : Outcome::fail;
  const std::string measured = "measured " + number(fit.exponent) + " ± " + number(u);
  if (!holds)
    v.reason = measured + (relation == Relation::lower || (relation == Relation::both && v.slack > 0)
                               ? " lies below the stated " + number(predicted)
                               : " exceeds the stated " + number(predicted));
  else if (v.sharp)
    v.reason = measured + ": the stated exponent is sharp";
  else
    v.reason = measured + ": the stated exponent holds with slack " + number(std::fabs(v.slack));
  return v;
}

Control negative_control(Relation relation, const Fit& fit, bool values_met, const Tolerances& tolerances) {
  Control c;
  c.exponent = relation == Relation::upper ? fit.exponent - tolerances.control_margin
                                           : fit.exponent + tolerances.control_margin;
  const Verdict checked = judge(relation, c.exponent, fit, values_met, tolerances);
  c.outcome = checked.outcome;
  const bool decided = values_met && fit.ok && fit.uncertainty <= tolerances.max_uncertainty;
  c.broken = decided && c.outcome != Outcome::fail;
  return c;
}

}  // namespace kwe::checks
