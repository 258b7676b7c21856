// One value of one quantity at one point, at a requested number of significant digits, and its
// verification: a digit counts as verified when it survives a rerun at higher precision and a tighter
// tolerance (here: 8 more digits of both).
#pragma once

#include "estimates/parameters.hpp"
#include "estimates/quantity.hpp"

#include <string>

namespace kwe {

struct Evaluation {
  std::string quantity;
  std::string data;      // "n01,n01,n01"
  Parameters parameters;
  std::string omega1;    // as given
  unsigned digits = 0;
  Real value;            // at the working precision of the evaluation
  Real error;            // conservative estimate (refine.hpp)
  Real l1;
  std::size_t calls = 0;
  unsigned level = 0;
  bool met = false;      // error <= 10^-digits |value|
  bool verified = false; // set by evaluate_verified only: the rerun agrees to 10^-digits
  double seconds = 0;
};

// Evaluates once at the working precision already set (set_working_precision(digits)); safe to call
// from several threads at once, each with its own engine.
Evaluation evaluate_point(const std::string& quantity, const std::string& data, const Parameters& parameters,
                          const std::string& omega1, const quadrature::Engine<Real>& engine);

// Sets the working precision for `digits` and evaluates once.
Evaluation evaluate_once(const std::string& quantity, const std::string& data, const Parameters& parameters,
                         const std::string& omega1, unsigned digits);

// evaluate_once at `digits`, then again at digits + 8; returns the finer value, with `verified`
// telling whether the two agree to 10^-digits and both met their tolerance.
Evaluation evaluate_verified(const std::string& quantity, const std::string& data, const Parameters& parameters,
                             const std::string& omega1, unsigned digits);

// The rule of verification, for every value kwe-verify prints: the run at `digits` and the rerun at
// digits + 8 both met their error targets and agree to 10^-digits (relative to the finer value).
template <class Coarse, class Fine>
bool survives_rerun(const Coarse& coarse, const Fine& fine, unsigned digits) {
  using std::abs;
  using std::pow;
  return coarse.met && fine.met &&
         abs(Real(coarse.value - fine.value)) <= pow(Real(10), -static_cast<int>(digits)) * abs(fine.value);
}

// Input checks shared by every entry point; each throws std::invalid_argument with one clear message.
void validate_digits(unsigned digits);
void validate_omega(const std::string& omega1);

}  // namespace kwe
