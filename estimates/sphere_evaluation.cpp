#include "estimates/sphere_evaluation.hpp"

#include "estimates/evaluation.hpp"
#include "estimates/sphere.hpp"

#include <chrono>
#include <stdexcept>

namespace kwe {

bool is_sphere_quantity(const std::string& quantity) { return quantity == "F" || quantity == "F1"; }

namespace {

quadrature::Result<Real> evaluate_once(const std::string& quantity, const std::string& k1_text, const std::string& k2_text,
                                       unsigned digits) {
  set_working_precision(digits);
  const quadrature::Engine<Real> engine(digits, working_bits());
  const Vec3<Real> k1 = parse_vec3(k1_text, "k1"), k2 = parse_vec3(k2_text, "k2");
  return quantity == "F" ? sphere_F(engine, k1, k2) : sphere_F1(engine, k1, k2);
}

}  // namespace

SphereEvaluation evaluate_sphere_verified(const std::string& quantity, const std::string& k1, const std::string& k2,
                                          unsigned digits) {
  if (!is_sphere_quantity(quantity)) throw std::invalid_argument("quantity: '" + quantity + "' is not F or F1");
  validate_digits(digits);
  set_working_precision(digits);
  parse_vec3(k1, "k1");  // refuse bad input before any work
  parse_vec3(k2, "k2");
  const auto start = std::chrono::steady_clock::now();
  const auto first = evaluate_once(quantity, k1, k2, digits);
  const auto second = evaluate_once(quantity, k1, k2, digits + 8);
  SphereEvaluation e;
  e.quantity = quantity;
  e.k1 = k1;
  e.k2 = k2;
  e.digits = digits;
  e.value = second.value;
  e.error = second.error;
  e.l1 = second.l1;
  e.calls = first.calls + second.calls;
  e.met = second.met;
  e.verified = survives_rerun(first, second, digits);
  e.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return e;
}

}  // namespace kwe
