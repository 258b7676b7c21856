#include "estimates/evaluation.hpp"

#include "estimates/section5_terms.hpp"

#include <chrono>
#include <stdexcept>

namespace kwe {

void validate_digits(unsigned digits) {
  if (digits < 10 || digits > 1000)
    throw std::invalid_argument("digits: " + std::to_string(digits) + " is outside [10, 1000]");
}

// w1 in (0, 10^15]: the domains' charts keep w1 - w4 and the like to the working precision only while
// w1 itself is far from the precision's end (README, "The command-line program").
void validate_omega(const std::string& omega1) {
  const Real w = parse_real(omega1, "omega");
  if (w <= 0 || w > Real("1e15")) throw std::invalid_argument("omega: " + omega1 + " is outside (0, 1e15]");
}

Evaluation evaluate_once(const std::string& quantity, const std::string& data, const Parameters& parameters,
                         const std::string& omega1, unsigned digits) {
  validate_digits(digits);
  parameters.validate();
  validate_omega(omega1);
  set_working_precision(digits);
  const quadrature::Engine<Real> engine(digits, working_bits());
  return evaluate_point(quantity, data, parameters, omega1, engine);
}

namespace {

// I1 ... I6: the factor times the sum of the terms, each evaluated in its own right.
Evaluation evaluate_section5(const SectionFiveTerm& term, const Parameters& parameters, const std::string& omega1,
                             const quadrature::Engine<Real>& engine) {
  using std::abs;
  const Model<Real> model(parameters);
  const Real factor = section5_factor(term.name, model, parse_real(omega1, "omega"));
  Evaluation total;
  total.value = total.error = total.l1 = 0;
  total.met = true;
  for (const Term& t : term.terms) {
    const Evaluation e = evaluate_point(t.quantity, t.data, parameters, omega1, engine);
    total.value += t.absolute ? Real(abs(e.value)) : e.value;
    total.error += e.error;
    total.l1 += e.l1;
    total.calls += e.calls;
    total.level = std::max(total.level, e.level);
    total.met = total.met && e.met;
    total.seconds += e.seconds;
  }
  total.value *= factor;
  total.error *= factor;
  total.l1 *= factor;
  total.met = total.met && total.error <= engine.tolerance() * abs(total.value);
  return total;
}

}  // namespace

Evaluation evaluate_point(const std::string& quantity, const std::string& data, const Parameters& parameters,
                          const std::string& omega1, const quadrature::Engine<Real>& engine) {
  if (const auto term = section5_term(quantity)) {
    Evaluation e = evaluate_section5(*term, parameters, omega1, engine);
    e.quantity = quantity;
    e.data = data;
    e.parameters = parameters;
    e.omega1 = omega1;
    e.digits = engine.digits;
    return e;
  }
  const QuantitySpec spec = parse_quantity(quantity);
  const auto kinds = parse_data_slots(data);
  const Model<Real> model(parameters);
  const Real w1 = parse_real(omega1, "omega");
  const unsigned digits = engine.digits;
  const auto start = std::chrono::steady_clock::now();
  const quadrature::Result<Real> r = evaluate(engine, spec, kinds, model, w1);
  const auto stop = std::chrono::steady_clock::now();

  Evaluation e;
  e.quantity = quantity;
  e.data = data;
  e.parameters = parameters;
  e.omega1 = omega1;
  e.digits = digits;
  e.value = r.value;
  e.error = r.error;
  e.l1 = r.l1;
  e.calls = r.calls;
  e.level = r.level;
  e.met = r.met;
  e.seconds = std::chrono::duration<double>(stop - start).count();
  return e;
}

Evaluation evaluate_verified(const std::string& quantity, const std::string& data, const Parameters& parameters,
                             const std::string& omega1, unsigned digits) {
  const Evaluation first = evaluate_once(quantity, data, parameters, omega1, digits);
  Evaluation second = evaluate_once(quantity, data, parameters, omega1, digits + 8);
  second.verified = survives_rerun(first, second, digits);
  second.digits = digits;
  second.calls += first.calls;
  second.seconds += first.seconds;
  return second;
}

}  // namespace kwe
