// One value of F or F1 (Lemma 2.1) at given k1, k2, verified like every other value of kwe-verify
// (evaluation.hpp): computed at `digits` and again at digits + 8, the components re-read from their
// decimal strings at each precision; verified when both met their tolerance and agree to 10^-digits.
#pragma once

#include "estimates/real.hpp"

#include <cstddef>
#include <string>

namespace kwe {

struct SphereEvaluation {
  std::string quantity;  // "F" or "F1"
  std::string k1, k2;    // as given, "x,y,z"
  unsigned digits = 0;
  Real value, error, l1;
  std::size_t calls = 0;  // of both runs
  bool met = false;       // the finer run met 10^-(digits + 8)
  bool verified = false;
  double seconds = 0;
};

bool is_sphere_quantity(const std::string& quantity);  // F, F1

// Throws std::invalid_argument with one clear message on a bad quantity, vector or digit count.
SphereEvaluation evaluate_sphere_verified(const std::string& quantity, const std::string& k1, const std::string& k2,
                                          unsigned digits);

}  // namespace kwe
