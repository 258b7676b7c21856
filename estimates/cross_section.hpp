// The cross-section (3.2) and its four forms on the pieces of the partition (3.5)-(3.15):
//   S(w1, w2, w3, w4) = 64 pi^3 w1^(beta-1/2) (w2 w3 w4)^beta min{sqrt w1, sqrt w2, sqrt w3}.
// On each piece the minimum is known, so S = 64 pi^3 * prefactor(w1) * weight(w2, w3, w4):
//   C_1  (3.14), min = w1:  w1^beta         * w2^beta       w3^beta       w4^beta
//   C_21 (3.10), min = w2:  w1^(beta-1/2)   * w2^(beta+1/2) w3^beta       w4^beta
//   C_22 (3.11), min = w2:  same as C_21
//   C_3  (3.12), min = w3:  w1^(beta-1/2)   * w2^beta       w3^(beta+1/2) w4^beta
#pragma once

#include "estimates/parameters.hpp"
#include "quadrature/elementary.hpp"

#include <boost/math/constants/constants.hpp>

#include <algorithm>
#include <stdexcept>
#include <string>

namespace kwe {

enum class Piece { C1, C21, C22, C3 };

inline std::string to_string(Piece piece) {
  switch (piece) {
    case Piece::C1: return "1";
    case Piece::C21: return "21";
    case Piece::C22: return "22";
    case Piece::C3: return "3";
  }
  return "?";
}

inline Piece parse_piece(const std::string& name) {
  if (name == "1") return Piece::C1;
  if (name == "21") return Piece::C21;
  if (name == "22") return Piece::C22;
  if (name == "3") return Piece::C3;
  throw std::invalid_argument("piece: '" + name + "' is not one of 1, 21, 22, 3");
}

template <class Real>
Real sixty_four_pi_cubed() {
  const Real pi = boost::math::constants::pi<Real>();
  return 64 * pi * pi * pi;
}

// 64 pi^3 times the omega_1 factor of the piece.
template <class Real>
Real piece_prefactor(Piece piece, const Model<Real>& m, const Real& w1) {
  using std::pow;
  const Real exponent = piece == Piece::C1 ? m.beta : Real(m.beta - Real(1) / 2);
  return sixty_four_pi_cubed<Real>() * pow(w1, exponent);
}

// The weight of the piece in (w2, w3, w4).
template <class Real>
Real piece_weight(Piece piece, const Model<Real>& m, const Real& w2, const Real& w3, const Real& w4) {
  namespace el = elementary;
  switch (piece) {
    case Piece::C1: return el::pow(Real(w2 * w3 * w4), m.beta);
    case Piece::C21:
    case Piece::C22: return el::pow(w2, m.beta_plus_half) * el::pow(Real(w3 * w4), m.beta);
    case Piece::C3: return el::pow(w3, m.beta_plus_half) * el::pow(Real(w2 * w4), m.beta);
  }
  throw std::logic_error("unknown piece");
}

// (3.2) as printed, with the minimum evaluated: for the whole-domain integration that checks the split.
template <class Real>
Real cross_section(const Model<Real>& m, const Real& w1, const Real& w2, const Real& w3, const Real& w4) {
  namespace el = elementary;
  using std::sqrt;
  return sixty_four_pi_cubed<Real>() * el::pow(w1, Real(m.beta - Real(1) / 2)) * el::pow(Real(w2 * w3 * w4), m.beta) *
         sqrt(std::min({w1, w2, w3}));
}

}  // namespace kwe
