// The integrands' elementary functions (quadrature/elementary.hpp, through Arb) against MPFR's own
// (the baseline), in the same run, at the working precision of 30 digits (124 bits): x^beta with
// beta = 0.3, e^x, log x, sin and cos, each over 1000 arguments spread as the integrands meet them
// (omega from 0.5 to 10^4; phases N omega up to 10^5 rad). Time per iteration = 1000 evaluations.
//   ./build/bench/bench_elementary
#include "estimates/real.hpp"
#include "quadrature/elementary.hpp"

#include <benchmark/benchmark.h>

#include <vector>

namespace {

using kwe::Real;

struct Arguments {
  std::vector<Real> omegas, phases, small;
  Real beta;
  Arguments() {
    kwe::set_working_precision(30);
    beta = Real("0.3");
    for (int j = 0; j < 1000; ++j) {
      omegas.push_back(Real(Real("0.5") + Real(j) * Real("9.9995")));
      phases.push_back(Real(Real(j) * Real("100.37")));
      small.push_back(Real(Real(j) / 1000 - Real("0.5")));
    }
  }
};

const Arguments& arguments() {
  static const Arguments a;
  return a;
}

template <class F>
void run(benchmark::State& state, const std::vector<Real>& xs, F f) {
  Real out, other;
  for (auto _ : state)
    for (const Real& x : xs) {
      f(x, out, other);
      benchmark::DoNotOptimize(out.backend().data());
    }
  state.counters["calls"] = static_cast<double>(xs.size());
}

void pow_mpfr(benchmark::State& s) {
  const Arguments& a = arguments();
  run(s, a.omegas, [&](const Real& x, Real& out, Real&) { mpfr_pow(out.backend().data(), x.backend().data(), a.beta.backend().data(), MPFR_RNDN); });
}
void pow_arb(benchmark::State& s) {
  const Arguments& a = arguments();
  run(s, a.omegas, [&](const Real& x, Real& out, Real&) { out = kwe::elementary::pow(x, a.beta); });
}
void log_mpfr(benchmark::State& s) {
  run(s, arguments().omegas, [](const Real& x, Real& out, Real&) { mpfr_log(out.backend().data(), x.backend().data(), MPFR_RNDN); });
}
void log_arb(benchmark::State& s) {
  run(s, arguments().omegas, [](const Real& x, Real& out, Real&) { out = kwe::elementary::log(x); });
}
void exp_mpfr(benchmark::State& s) {
  run(s, arguments().small, [](const Real& x, Real& out, Real&) { mpfr_exp(out.backend().data(), x.backend().data(), MPFR_RNDN); });
}
void exp_arb(benchmark::State& s) {
  run(s, arguments().small, [](const Real& x, Real& out, Real&) { out = kwe::elementary::exp(x); });
}
void sin_cos_mpfr(benchmark::State& s) {
  run(s, arguments().phases, [](const Real& x, Real& sn, Real& cs) {
    mpfr_sin_cos(sn.backend().data(), cs.backend().data(), x.backend().data(), MPFR_RNDN);
  });
}
void sin_cos_arb(benchmark::State& s) {
  run(s, arguments().phases, [](const Real& x, Real& sn, Real& cs) { kwe::elementary::sin_cos(x, sn, cs); });
}

}  // namespace

BENCHMARK(pow_mpfr);
BENCHMARK(pow_arb);
BENCHMARK(log_mpfr);
BENCHMARK(log_arb);
BENCHMARK(exp_mpfr);
BENCHMARK(exp_arb);
BENCHMARK(sin_cos_mpfr);
BENCHMARK(sin_cos_arb);
BENCHMARK_MAIN();
