// The cost of one value per quantity family, against the requested digits and w1 (issue: the engine's
// cost flat or growing at most like log w1). One benchmark per (family, digits, w1), each one evaluation
// at `digits` (timed) and its rerun at digits + 8 (not timed), which gives the digits of agreement:
// counters calls, digits (agreement with the rerun), met (the error target), w1.
//   ./build/bench/bench_families --benchmark_filter='C234_21/'        one family
// Families: C^j_i and C^j on n01, the full C[n01], C'^234, C^234_21 with n02 at N = 100 (the terms of I2),
// C[n0] with oscillating data in every slot (A = N = 1), and F of Lemma 2.1 (k1 = (x, 0, 0), k2 = 0,
// |k1|^2 = w1).
#include "estimates/evaluation.hpp"
#include "estimates/sphere_evaluation.hpp"

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

namespace {

using kwe::Real;

struct Family {
  std::string name, quantity, data, N;
  std::vector<unsigned> digits;
  std::vector<std::string> omegas;
};

const std::vector<Family>& families() {
  static const std::vector<Family> all{
      {"C234_21", "C234_21", "n01,n01,n01", "1", {15, 30, 60}, {"10", "1e4", "1e8", "1e12"}},
      {"C134_3", "C134_3", "n01,n01,n01", "1", {15, 30, 60}, {"10", "1e4", "1e8", "1e12"}},
      {"C124_1", "C124_1", "n01,n01,n01", "1", {15, 30, 60}, {"10", "1e4", "1e8", "1e12"}},
      {"C234", "C234", "n01,n01,n01", "1", {15, 30, 60}, {"10", "1e4", "1e8", "1e12"}},
      {"C_n01", "C", "n01,n01,n01", "1", {15, 30, 60}, {"10", "1e4", "1e8", "1e12"}},
      {"Cprime234", "Cprime234", "n01,n01,n01", "1", {15, 30, 60}, {"10", "1e4", "1e8", "1e12"}},
      {"C234_21_n02_N100", "C234_21", "n01,n01,n02", "100", {15, 30}, {"10", "1e4", "1e8"}},
      {"C_n0", "C", "n0,n0,n0", "1", {12, 15}, {"100", "1e3", "1e4"}},
  };
  return all;
}

void value(benchmark::State& state, const Family& f, unsigned digits, const std::string& w1) {
  kwe::Parameters p;
  p.beta = "0.5";
  p.M = "12";
  p.N = f.N;
  kwe::Evaluation e;
  for (auto _ : state) e = kwe::evaluate_once(f.quantity, f.data, p, w1, digits);
  const kwe::Evaluation fine = kwe::evaluate_once(f.quantity, f.data, p, w1, digits + 8);
  kwe::set_working_precision(digits + 8);
  const Real gap = abs(Real(e.value - fine.value)) / abs(fine.value);
  state.counters["calls"] = static_cast<double>(e.calls);
  state.counters["digits"] = gap == 0 ? 99.0 : static_cast<double>(Real(-log10(gap)));
  state.counters["met"] = e.met;
}

void sphere(benchmark::State& state, unsigned digits, const std::string& x) {
  kwe::SphereEvaluation e;
  for (auto _ : state) e = kwe::evaluate_sphere_verified("F", x + ",0,0", "0,0,0", digits);
  state.counters["calls"] = static_cast<double>(e.calls);
  state.counters["verified"] = e.verified;
}

}  // namespace

int main(int argc, char** argv) {
  for (const Family& f : families())
    for (unsigned d : f.digits)
      for (const std::string& w : f.omegas)
        benchmark::RegisterBenchmark((f.name + "/digits:" + std::to_string(d) + "/w1:" + w).c_str(),
                                     [&f, d, w](benchmark::State& s) { value(s, f, d, w); })
            ->Unit(benchmark::kMillisecond)
            ->Iterations(1);
  for (unsigned d : {15u, 30u, 60u})
    for (const char* x : {"3.16227766016837933199889354443271853372", "100", "1e4", "1e6"})  // w1 = 10, 1e4, 1e8, 1e12
      benchmark::RegisterBenchmark(("F_verified/digits:" + std::to_string(d) + "/k1:" + x).c_str(),
                                   [d, x](benchmark::State& s) { sphere(s, d, x); })
          ->Unit(benchmark::kMillisecond)
          ->Iterations(1);
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
}
