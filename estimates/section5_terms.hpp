// The terms I1 ... I6 of the lower bound (5.2), exactly as defined after it, all with n01 unless written:
//   I1 = A^2 |cos(N w1)| C^234                       I4 = A (A+1)^2 C'^234
//   I2 = A^2 (|C^234_21[n01, n01, n02]| + |C^234_3[n01, n01, n02]|)
//   I3 = 4 (A+1) C^234                               I5 = (A+1)^3 (C^124 + C^134)
//   I6 = A^2 (C^234_22 + C^234_1)
// Each is a factor in (A, N, w1) times a sum of (absolute values of) quantities of quantity.hpp.
// C'^234 is read as the words after (5.1) do (the reading (5.7) is stated for; see modified_piece.hpp).
#pragma once

#include "estimates/parameters.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kwe {

struct Term {
  std::string quantity;
  std::string data = "n01,n01,n01";
  bool absolute = false;
};

struct SectionFiveTerm {
  std::string name;
  std::vector<Term> terms;
};

inline std::optional<SectionFiveTerm> section5_term(const std::string& name) {
  if (name == "I1") return SectionFiveTerm{name, {{"C234"}}};
  if (name == "I2") return SectionFiveTerm{name, {{"C234_21", "n01,n01,n02", true}, {"C234_3", "n01,n01,n02", true}}};
  if (name == "I3") return SectionFiveTerm{name, {{"C234"}}};
  if (name == "I4") return SectionFiveTerm{name, {{"Cprime234"}}};
  if (name == "I5") return SectionFiveTerm{name, {{"C124"}, {"C134"}}};
  if (name == "I6") return SectionFiveTerm{name, {{"C234_22"}, {"C234_1"}}};
  return std::nullopt;
}

// The factor in front of the sum.
template <class Real>
Real section5_factor(const std::string& name, const Model<Real>& m, const Real& w1) {
  using std::abs;
  using std::cos;
  const Real A = m.A, A1 = m.A + 1;
  if (name == "I1") return A * A * abs(cos(m.N * w1));
  if (name == "I2" || name == "I6") return A * A;
  if (name == "I3") return 4 * A1;
  if (name == "I4") return A * A1 * A1;
  if (name == "I5") return A1 * A1 * A1;
  throw std::invalid_argument("quantity: '" + name + "' is not one of I1 ... I6");
}

}  // namespace kwe
