// The elementary functions of the integrands' hot path — x^y, e^x, log x, log(1 + x), e^x - 1, sin x and cos x — at the
// precision of the value they produce.
//
// Why not MPFR's own: at 124 bits MPFR's mpfr_pow costs 4.4 us, mpfr_log 2.2 us, mpfr_exp 1.1 us and
// mpfr_sin_cos 2.1 us (correctly rounded, through a Ziv loop and, for log, an AGM), while these, through
// Arb's arb_pow, arb_log, arb_exp and arb_sin_cos (FLINT's ball arithmetic: table-based argument
// reduction below a few thousand bits), cost 0.81, 0.32, 0.26 and 0.42 us, conversions and the result's
// allocation included (bench/bench_elementary.cpp, both in the same run, 2026-12-02).
// After the shared factors, one x^y of the omega that depends on both chart variables was ~90% of an
// integrand call of C^234_21 (perf).
//
// What is returned: Arb evaluates at prec + guard bits and returns a ball [m +- r] that contains the
// exact value; m is rounded to the destination's precision prec. When the ball is tight
// (arb_rel_accuracy_bits >= prec + 2, i.e. r <= 2^(-prec-2) |m|), the result is within 3/4 ulp of the
// exact value: faithful, where MPFR is correctly rounded (1/2 ulp). When it is not (huge arguments of
// sin, cos; results near 0 or overflow; x <= 0 for log and pow; non-finite input), MPFR computes it: the
// fast path never returns a looser value. The test tests/test_elementary.cpp checks both paths against
// MPFR at 64 ... 400 bits.
//
// Arb's scratch balls are per thread (one set per thread, initialised on first use): they are a cache,
// like MPFR's own, not state a caller sees.
#pragma once

#include <boost/multiprecision/mpfr.hpp>

#include <arb.h>

#include <algorithm>
#include <cmath>

namespace kwe::elementary {

// Generic real types: the standard functions.
template <class Real>
Real pow(const Real& x, const Real& y) {
  using std::pow;
  return Real(pow(x, y));
}

template <class Real>
void pow_into(Real& out, const Real& x, const Real& y) {
  out = pow(x, y);
}

template <class Real>
Real pow_ui(const Real& x, unsigned n) {
  using std::pow;
  return Real(pow(x, n));
}
template <class Real>
Real exp(const Real& x) {
  using std::exp;
  return Real(exp(x));
}
template <class Real>
Real log(const Real& x) {
  using std::log;
  return Real(log(x));
}
template <class Real>
Real log1p(const Real& x) {
  using std::log1p;
  return Real(log1p(x));
}
template <class Real>
Real expm1(const Real& x) {
  using std::expm1;
  return Real(expm1(x));
}
template <class Real>
void sin_cos(const Real& x, Real& s, Real& c) {
  using std::cos;
  using std::sin;
  s = sin(x);
  c = cos(x);
}
template <class Real>
Real cos(const Real& x) {
  using std::cos;
  return Real(cos(x));
}

namespace detail {

constexpr slong guard_bits = 10;

// Per-thread Arb scratch: arguments, results, and the midpoint on its way back to MPFR.
struct Scratch {
  arb_t x, y, r, s;
  Scratch() {
    arb_init(x);
    arb_init(y);
    arb_init(r);
    arb_init(s);
  }
  ~Scratch() {
    arb_clear(x);
    arb_clear(y);
    arb_clear(r);
    arb_clear(s);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
};

inline Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

inline void load(arb_t ball, mpfr_srcptr value) {
  arf_set_mpfr(arb_midref(ball), value);
  mag_zero(arb_radref(ball));
}

// The ball's midpoint into `out` at out's precision, when the ball is tight enough for it; false otherwise.
inline bool store(mpfr_ptr out, const arb_t ball) {
  const slong prec = static_cast<slong>(mpfr_get_prec(out));
  if (!arb_is_finite(ball) || arf_is_zero(arb_midref(ball)) || arb_rel_accuracy_bits(ball) < prec + 2) return false;
  arf_get_mpfr(out, arb_midref(ball), MPFR_RNDN);
  return mpfr_number_p(out) != 0;
}

inline slong working(mpfr_srcptr out) { return static_cast<slong>(mpfr_get_prec(out)) + guard_bits; }

// A one-argument function into out: through Arb when the argument is in its domain and the ball comes
// back tight, else MPFR's.
inline void unary(mpfr_ptr out, mpfr_srcptr x, bool in_domain, void (*through_arb)(arb_ptr, arb_srcptr, slong),
                  int (*through_mpfr)(mpfr_ptr, mpfr_srcptr, mpfr_rnd_t)) {
  if (in_domain && mpfr_number_p(x)) {
    Scratch& s = scratch();
    load(s.x, x);
    through_arb(s.r, s.x, working(out));
    if (store(out, s.r)) return;
  }
  through_mpfr(out, x, MPFR_RNDN);
}


}  // namespace detail

// MPFR numbers (Boost's mpfr_float): through Arb, MPFR where Arb's ball is not tight. pow_into writes
// into an existing number (no allocation: the hot loops keep their factors in place).
template <unsigned D, boost::multiprecision::mpfr_allocation_type A, boost::multiprecision::expression_template_option E>
void pow_into(boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E>& result,
              const boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E>& x,
              const boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E>& y) {
  mpfr_ptr out = result.backend().data();
  mpfr_srcptr xs = x.backend().data(), ys = y.backend().data();
  if (mpfr_number_p(xs) && mpfr_number_p(ys) && mpfr_sgn(xs) > 0) {
    detail::Scratch& s = detail::scratch();
    detail::load(s.x, xs);
    detail::load(s.y, ys);
    arb_pow(s.r, s.x, s.y, detail::working(out));
    if (detail::store(out, s.r)) return;
  }
  mpfr_pow(out, xs, ys, MPFR_RNDN);
}

template <unsigned D, boost::multiprecision::mpfr_allocation_type A, boost::multiprecision::expression_template_option E>
boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E> pow(
    const boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E>& x,
    const boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E>& y) {
  boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E> result;
  pow_into(result, x, y);
  return result;
}

// x^n for an unsigned integer n: MPFR's binary powering, correctly rounded (Arb is no faster here).
template <unsigned D, boost::multiprecision::mpfr_allocation_type A, boost::multiprecision::expression_template_option E>
boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E> pow_ui(
    const boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E>& x, unsigned n) {
  boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E> result;
  mpfr_pow_ui(result.backend().data(), x.backend().data(), n, MPFR_RNDN);
  return result;
}

template <unsigned D, boost::multiprecision::mpfr_allocation_type A, boost::multiprecision::expression_template_option E>
boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E> exp(
    const boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E>& x) {
  boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E> result;
  detail::unary(result.backend().data(), x.backend().data(), true, arb_exp, mpfr_exp);
  return result;
}

template <unsigned D, boost::multiprecision::mpfr_allocation_type A, boost::multiprecision::expression_template_option E>
boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E> log(
    const boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E>& x) {
  boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E> result;
  detail::unary(result.backend().data(), x.backend().data(), mpfr_sgn(x.backend().data()) > 0, arb_log, mpfr_log);
  return result;
}

// log(1 + x) and e^x - 1, accurate relative to their (small) results near x = 0: the integrand of C'^234
// ((5.7), estimates/modified_piece.hpp) forms n01(w4)/n01(w1) - 1 with them at every call, where MPFR's
// mpfr_log1p (through an AGM) and mpfr_expm1 were 45% of its time (perf, 30 digits, w1 = 10^4).
template <unsigned D, boost::multiprecision::mpfr_allocation_type A, boost::multiprecision::expression_template_option E>
boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E> log1p(
    const boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E>& x) {
  boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E> result;
  detail::unary(result.backend().data(), x.backend().data(), mpfr_cmp_si(x.backend().data(), -1) > 0, arb_log1p, mpfr_log1p);
  return result;
}

template <unsigned D, boost::multiprecision::mpfr_allocation_type A, boost::multiprecision::expression_template_option E>
boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E> expm1(
    const boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E>& x) {
  boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E> result;
  detail::unary(result.backend().data(), x.backend().data(), true, arb_expm1, mpfr_expm1);
  return result;
}

// sin x into s and cos x into c (one argument reduction for both).
template <unsigned D, boost::multiprecision::mpfr_allocation_type A, boost::multiprecision::expression_template_option E>
void sin_cos(const boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E>& x,
             boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E>& s,
             boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E>& c) {
  mpfr_ptr so = s.backend().data(), co = c.backend().data();
  mpfr_srcptr xs = x.backend().data();
  if (mpfr_number_p(xs)) {
    detail::Scratch& t = detail::scratch();
    detail::load(t.x, xs);
    const slong prec = std::max(detail::working(so), detail::working(co));
    arb_sin_cos(t.s, t.r, t.x, prec);
    // Both or neither: when one ball is not tight, MPFR computes both.
    if (detail::store(so, t.s) && detail::store(co, t.r)) return;
  }
  mpfr_sin_cos(so, co, xs, MPFR_RNDN);
}

template <unsigned D, boost::multiprecision::mpfr_allocation_type A, boost::multiprecision::expression_template_option E>
boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E> cos(
    const boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E>& x) {
  boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<D, A>, E> result;
  detail::unary(result.backend().data(), x.backend().data(), true, arb_cos, mpfr_cos);
  return result;
}

// A thread about to end frees MPFR's and FLINT's per-thread caches (else LeakSanitizer reports them).
inline void release_thread_caches() {
  mpfr_free_cache();
  flint_cleanup();
}

}  // namespace kwe::elementary
