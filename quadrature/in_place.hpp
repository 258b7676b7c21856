// In-place arithmetic for the hot loops: out = a b, acc += a b, acc -= a b, acc += |a|, written on the
// MPFR values themselves for MPFR numbers, with the real type's own operators otherwise.
//
// Why: an integrand call of the phase expansion (estimates/oscillating_operator.hpp) is ~150 additions
// and multiplications of numbers of the working precision, and Boost's operators around each MPFR call
// ask Boost's thread-local default precision and copy through temporaries: callgrind on C[n0]
// (beta 0.3, w1 100, N 4, A 80, 10 digits) counted ~180 instructions an operation where MPFR's own
// mpfr_mul and mpfr_add take ~100. Not mpfr_fma: it forms the exact product in a temporary of twice the
// precision and costs ~740 instructions at 64 bits (same run), more than a product and a sum, which is
// what acc += a b is here (two roundings, as Boost's `acc += a * b` has). Every value keeps the working
// precision of the variable it is written into.
#pragma once

#include <boost/multiprecision/mpfr.hpp>

namespace kwe::quadrature {

template <class Real>
void mul_into(Real& out, const Real& a, const Real& b) {
  out = a * b;
}

template <class Real>
void add_product(Real& acc, const Real& a, const Real& b, Real& scratch) {
  scratch = a * b;
  acc += scratch;
}

template <class Real>
void sub_product(Real& acc, const Real& a, const Real& b, Real& scratch) {
  scratch = a * b;
  acc -= scratch;
}

template <class Real>
void add_abs(Real& acc, const Real& a) {
  using std::abs;
  acc += abs(a);
}

template <class Real>
void add_to(Real& acc, const Real& a) {
  acc += a;
}

template <class Real>
void sub_from(Real& acc, const Real& a) {
  acc -= a;
}

// out = 1 / a.
template <class Real>
void reciprocal_into(Real& out, const Real& a) {
  out = 1 / a;
}

// out = a / 2 (exact in binary).
template <class Real>
void half_into(Real& out, const Real& a) {
  out = a / 2;
}

template <unsigned D, boost::multiprecision::mpfr_allocation_type A, boost::multiprecision::expression_template_option E>
void mul_into(boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E>& out,
              const boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E>& a,
              const boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E>& b) {
  mpfr_mul(out.backend().data(), a.backend().data(), b.backend().data(), MPFR_RNDN);
}

template <unsigned D, boost::multiprecision::mpfr_allocation_type A, boost::multiprecision::expression_template_option E>
void add_product(boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E>& acc,
                 const boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E>& a,
                 const boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E>& b,
                 boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E>& scratch) {
  mpfr_mul(scratch.backend().data(), a.backend().data(), b.backend().data(), MPFR_RNDN);
  mpfr_add(acc.backend().data(), acc.backend().data(), scratch.backend().data(), MPFR_RNDN);
}

template <unsigned D, boost::multiprecision::mpfr_allocation_type A, boost::multiprecision::expression_template_option E>
void sub_product(boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E>& acc,
                 const boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E>& a,
                 const boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E>& b,
                 boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E>& scratch) {
  mpfr_mul(scratch.backend().data(), a.backend().data(), b.backend().data(), MPFR_RNDN);
  mpfr_sub(acc.backend().data(), acc.backend().data(), scratch.backend().data(), MPFR_RNDN);
}

template <unsigned D, boost::multiprecision::mpfr_allocation_type A, boost::multiprecision::expression_template_option E>
void add_abs(boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E>& acc,
             const boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E>& a) {
  mpfr_ptr out = acc.backend().data();
  mpfr_srcptr x = a.backend().data();
  if (mpfr_signbit(x))
    mpfr_sub(out, out, x, MPFR_RNDN);
  else
    mpfr_add(out, out, x, MPFR_RNDN);
}

template <unsigned D, boost::multiprecision::mpfr_allocation_type A, boost::multiprecision::expression_template_option E>
void add_to(boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E>& acc,
            const boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E>& a) {
  mpfr_add(acc.backend().data(), acc.backend().data(), a.backend().data(), MPFR_RNDN);
}

template <unsigned D, boost::multiprecision::mpfr_allocation_type A, boost::multiprecision::expression_template_option E>
void sub_from(boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E>& acc,
              const boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E>& a) {
  mpfr_sub(acc.backend().data(), acc.backend().data(), a.backend().data(), MPFR_RNDN);
}

template <unsigned D, boost::multiprecision::mpfr_allocation_type A, boost::multiprecision::expression_template_option E>
void half_into(boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E>& out,
               const boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E>& a) {
  mpfr_div_2ui(out.backend().data(), a.backend().data(), 1, MPFR_RNDN);
}

template <unsigned D, boost::multiprecision::mpfr_allocation_type A, boost::multiprecision::expression_template_option E>
void reciprocal_into(boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E>& out,
                     const boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E>& a) {
  mpfr_ui_div(out.backend().data(), 1, a.backend().data(), MPFR_RNDN);
}

}  // namespace kwe::quadrature
