// The initial data of Sections 4 and 5, isotropic, as functions of omega = |k|^2:
//   n01(w) = <w>^(-M/2)              from f01(k) = (1 + |k|^4)^(-M/4)          (proof of Theorem 4.2)
//   n02(w) = cos(N w) <w>^(-M/2)     the oscillating part                       (Section 5.1)
//   n0(w)  = A n01(w) + n02(w)       Theorem 5.1's datum
// Section 4.3 once writes n01(w1) := <w1>^(-M); f01 fixes the exponent at -M/2 (an audit point: see
// the report), which is what is implemented.
#pragma once

#include "estimates/parameters.hpp"
#include "quadrature/elementary.hpp"
#include "quadrature/in_place.hpp"

#include <stdexcept>
#include <string>

namespace kwe {

enum class DataKind { n01, n02, n0 };

inline DataKind parse_data_kind(const std::string& name) {
  if (name == "n01") return DataKind::n01;
  if (name == "n02") return DataKind::n02;
  if (name == "n0") return DataKind::n0;
  throw std::invalid_argument("data: '" + name + "' is not one of n01, n02, n0");
}

inline std::string to_string(DataKind kind) {
  switch (kind) {
    case DataKind::n01: return "n01";
    case DataKind::n02: return "n02";
    case DataKind::n0: return "n0";
  }
  return "?";
}

// n01(w) = <w>^(-M/2) = (1 + w^2)^(-M/4). For M/2 an integer: 1 / ((1 + w^2)^floor(M/4) sqrt(1 + w^2)^(M/2 mod 2)),
// the integer power by binary powering in place (at most 2 log2(M) + 1 roundings; M = 12: two products
// and a division, 0.15 us at 124 bits where Arb's pow costs 0.48 us and mpfr_pow_ui 0.23 us), else the pow.
// n01_into writes into `out` with one scratch value of the caller's (no allocation: the integrands'
// factors are kept in place, quadrature/in_place.hpp); n01 returns a new value.
template <class Real>
void n01_into(const Model<Real>& m, const Real& w, Real& out, Real& square) {
  using quadrature::mul_into;
  using std::sqrt;
  mul_into(square, w, w);
  square += 1;
  if (m.half_M < 0) {
    elementary::pow_into(out, square, m.minus_quarter_M);
    return;
  }
  unsigned k = static_cast<unsigned>(m.half_M / 2);
  if (m.half_M % 2)
    out = sqrt(square);
  else
    out = 1;
  while (k != 0) {
    if (k & 1u) mul_into(out, out, square);
    k >>= 1;
    if (k != 0) mul_into(square, square, square);
  }
  quadrature::reciprocal_into(out, out);
}

template <class Real>
Real n01(const Model<Real>& m, const Real& w) {
  Real out, square;
  n01_into(m, w, out, square);
  return out;
}

template <class Real>
struct Data {
  DataKind kind;
  const Model<Real>* model;

  Real operator()(const Real& w) const {
    const Real smooth = n01(*model, w);
    switch (kind) {
      case DataKind::n01: return smooth;
      case DataKind::n02: return Real(elementary::cos(Real(model->N * w)) * smooth);
      case DataKind::n0: return Real((model->A + elementary::cos(Real(model->N * w))) * smooth);
    }
    throw std::logic_error("unknown data kind");
  }

  bool oscillates() const { return kind != DataKind::n01; }
};

}  // namespace kwe
