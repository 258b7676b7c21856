// C'^234[n01, n01, n01] of Section 5.1, in the paper's two readings:
//   words (after (5.1)):  C^234 with S replaced by S |<w1>^(M/2) - <w4>^(M/2)| / <w1>^(M/2), i.e. the
//                         integrand S n01(w2) n01(w3) |n01(w4) - n01(w1)|;
//   display (5.1):        the same with an extra factor w1^(beta - 1/2) in front.
// The difference cancels where w4 ~ w1, which is where C^234 lives (D21 has w4 in [w1 - w3, w1]):
// computed as n01(w4) - n01(w1) it would keep only ~ -log10|t/w1| digits of t = w4 - w1. Instead,
//   n01(w4) / n01(w1) - 1 = expm1( -(M/4) log1p( t (w4 + w1) / <w1>^2 ) ),
// with t taken from the chart variables (domains.hpp), so every factor is computed to full precision.
#pragma once

#include "estimates/collision.hpp"

namespace kwe {

enum class ModifiedReading { words, display };

template <class Real>
struct DifferenceOfData {
  Data<Real> n;  // n01
  Real n1;       // n01(w1)
  Real w1, bracket1_squared;

  Real operator()(const Omegas<Real>& w, const FactorSet<Real>& f) const {
    using std::abs;
    // Through Arb (quadrature/elementary.hpp), MPFR's where Arb's ball is not tight.
    const Real ratio_minus_one = elementary::expm1(
        Real(n.model->minus_quarter_M * elementary::log1p(Real(w.w4_minus_w1 * (w.w4 + w1) / bracket1_squared))));
    return f[0]->n01 * f[1]->n01 * n1 * abs(ratio_minus_one);
  }
};

template <class Real>
quadrature::Result<Real> modified_piece(const quadrature::Engine<Real>& engine, ModifiedReading reading,
                                        const Model<Real>& model, const Real& w1) {
  using std::pow;
  const Data<Real> n{DataKind::n01, &model};
  const DifferenceOfData<Real> h{n, n(w1), w1, Real(1 + w1 * w1)};
  quadrature::Result<Real> r = integrate_pieces(engine, all_pieces(), model, w1, h);
  if (reading == ModifiedReading::display) {
    const Real factor = pow(w1, Real(model.beta - Real(1) / 2));
    r.value *= factor;
    r.error *= factor;
    r.l1 *= factor;
  }
  return r;
}

}  // namespace kwe
