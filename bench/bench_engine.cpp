// The engine against the baseline, side by side in one run: C^234_21[n01,n01,n01] at beta = 0.3 (general
// beta: no shortcut for a square root), M = 12, w1 = 10^4 to 30 digits.
//   engine:   kwe's graded Gauss-Jacobi / Gauss-Legendre / tanh-sinh panels with shared one-omega factors
//             (estimates/collision.hpp), one refinement (levels L-1 and L, error estimate met);
//   verified: the value and its rerun at 38 digits (estimates/evaluation.hpp), what `eval` does;
//   call:     one integrand call as the engine makes it (the omega that depends on both chart variables,
//             its factors, the weight and the data product), to measure the floor: time per value over
//             calls times the cost of one call;
//   baseline: Boost's tanh_sinh over MPFR, nested, in the paper's variables (w3, w4) of (3.10).
// Counters: integrand calls, digits of agreement with a reference computed in the same run by the engine
// at 45 digits (not timed). After the runs the ratios are printed. Same working precision and tolerance
// 10^-30 for engine and baseline.
#include "estimates/collision.hpp"
#include "estimates/evaluation.hpp"

#include <benchmark/benchmark.h>
#include <boost/math/quadrature/tanh_sinh.hpp>

#include <cstdio>
#include <map>

using kwe::Real;

namespace {

constexpr unsigned digits = 30;
const char* const beta = "0.3";
const char* const omega1 = "1e4";

// The engine's value at 45 digits, as a decimal string (computed once, not timed).
const std::string& reference() {
  static const std::string value = [] {
    kwe::Parameters p;
    p.beta = beta;
    p.M = "12";
    const kwe::Evaluation e = kwe::evaluate_once("C234_21", "n01,n01,n01", p, omega1, 45);
    return kwe::to_decimal(e.value, 45);
  }();
  return value;
}

double agreement(const Real& value) {
  const Real ref(reference());
  const Real error = abs(Real(value - ref)) / ref;
  return error == 0 ? 40.0 : static_cast<double>(Real(-log10(error)));
}

struct Setup {
  kwe::Parameters parameters;
  Setup() {
    (void)reference();
    kwe::set_working_precision(digits);
    parameters.beta = beta;
    parameters.M = "12";
  }
};

void engine(benchmark::State& state) {
  Setup setup;
  const kwe::Model<Real> model(setup.parameters);
  const Real w1(omega1);
  const kwe::Data<Real> n{kwe::DataKind::n01, &model};
  kwe::quadrature::Result<Real> r;
  for (auto _ : state) {
    const kwe::quadrature::Engine<Real> e(digits, kwe::working_bits());  // node tables included
    r = kwe::collision(e, kwe::parse_slots("234"), {kwe::Piece::C21}, {n, n, n}, model, w1);
  }
  state.counters["calls"] = static_cast<double>(r.calls);
  state.counters["digits"] = agreement(r.value);
  state.counters["met"] = r.met;
}

void verified(benchmark::State& state) {
  Setup setup;
  kwe::Evaluation e;
  for (auto _ : state) e = kwe::evaluate_verified("C234_21", "n01,n01,n01", setup.parameters, omega1, digits);
  state.counters["calls"] = static_cast<double>(e.calls);
  state.counters["digits"] = agreement(e.value);
  state.counters["verified"] = e.verified;
}

// The work of one call of the engine's inner loop at a point of D21 (w1 = 10^4, x = w3 = 37.5, y = w2
// from 0.5 up): the mixed omega w4 and its factors, the weight, the data product. Per iteration 1000
// calls at distinct points.
void call(benchmark::State& state) {
  Setup setup;
  const kwe::Model<Real> model(setup.parameters);
  const Real w1(omega1), x("37.5");
  const kwe::Data<Real> n{kwe::DataKind::n01, &model};
  const kwe::SlotProduct<Real> product(kwe::parse_slots("234"), {n, n, n}, w1);
  const auto exponents = kwe::weight_exponents(kwe::Piece::C21, model);
  std::vector<Real> ys;
  for (int j = 0; j < 1000; ++j) ys.push_back(Real(Real(j) / 1000 * 37 + Real(1) / 2));
  std::array<kwe::OmegaFactors<Real>, 3> f{kwe::omega_factors(model, exponents[0], ys[0]),
                                           kwe::omega_factors(model, exponents[1], x),
                                           kwe::omega_factors(model, exponents[2], w1)};
  Real sum = 0;
  for (auto _ : state) {
    for (const Real& y : ys) {
      const kwe::Omegas<Real> w = kwe::omegas_at(kwe::Chart::D21, w1, x, y);
      f[2] = kwe::omega_factors(model, exponents[2], w.w4);
      sum += f[0].weight * f[1].weight * f[2].weight * product(w, {&f[0], &f[1], &f[2]});
    }
  }
  benchmark::DoNotOptimize(sum);
  state.counters["calls"] = 1000;
}

void baseline_nested_tanh_sinh(benchmark::State& state) {
  Setup setup;
  const kwe::Model<Real> model(setup.parameters);
  const Real w1(omega1);
  const Real tolerance = pow(Real(10), -static_cast<int>(digits));
  // Boost 1.74 throws in the constructor for MPFR unless given min_complement.
  const Real min_complement = pow(std::numeric_limits<Real>::epsilon(), 20);
  Real value;
  std::size_t calls = 0;
  for (auto _ : state) {
    calls = 0;
    boost::math::quadrature::tanh_sinh<Real> outer(15, min_complement), inner(15, min_complement);
    const auto n = [&](const Real& w) -> Real { return pow(Real(1 + w * w), model.minus_quarter_M); };
    const auto over_w4 = [&](const Real& w3) -> Real {
      // Boost's two-argument form: |xc| is the distance to the nearer end, so on the left half w2 =
      // w4 - (w1 - w3) = |xc| is exact next to w2 = 0, where w3 + w4 - w1 would cancel to 0 or below (NaN at
      // beta = 0.3); on the right half w2 = w3 - (w1 - w4) = w3 - |xc|.
      const Real middle = w1 - w3 / 2;
      const auto f = [&](const Real& w4, const Real& xc) -> Real {
        ++calls;
        const Real w2 = w4 < middle ? Real(abs(xc)) : Real(w3 - abs(xc));
        return pow(w2, model.beta_plus_half) * pow(Real(w3 * w4), model.beta) * n(w2) * n(w3) * n(w4);
      };
      // Nodes of the outer rule below ulp(w1) leave no inner range (w1 - w3 == w1 in floating point):
      // there the inner integral, over a width w3 < 10^-36 w1, is ~ w3^(beta + 3/2), far below the tolerance.
      if (!(w1 - w3 < w1)) return Real(0);
      return inner.integrate(f, Real(w1 - w3), w1, tolerance);
    };
    value = kwe::sixty_four_pi_cubed<Real>() * pow(w1, Real(model.beta - Real(1) / 2)) *
            outer.integrate(over_w4, Real(0), Real(w1 / 2), tolerance);
  }
  state.counters["calls"] = static_cast<double>(calls);
  state.counters["digits"] = agreement(value);
}

// Prints the ratio of the baseline's time to the engine's once both have run.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      seconds_[run.benchmark_name()] = run.GetAdjustedRealTime();  // milliseconds (the unit of every run)
      const auto calls = run.counters.find("calls");
      if (calls != run.counters.end()) calls_[run.benchmark_name()] = calls->second;
    }
    ConsoleReporter::ReportRuns(runs);
  }
  void Finalize() override {
    ConsoleReporter::Finalize();
    const auto find = [&](const char* key, std::map<std::string, double>& m) {
      for (const auto& [name, t] : m)
        if (name.find(key) != std::string::npos) return t;
      return 0.0;
    };
    const double e = find("engine", seconds_), b = find("baseline", seconds_), c = find("call", seconds_);
    if (e > 0 && b > 0) std::printf("speed-up of the engine over the nested tanh_sinh baseline: %.1fx\n", b / e);
    const double calls = find("engine", calls_), per_call = c / 1000;
    if (e > 0 && calls > 0 && per_call > 0)
      std::printf("floor: time per value / (calls x cost of one call) = %.0f ms / (%.0f x %.2f us) = %.2f\n", e, calls,
                  per_call * 1e3, e / (calls * per_call));
  }

 private:
  std::map<std::string, double> seconds_, calls_;
};

}  // namespace

BENCHMARK(engine)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(verified)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK(call)->Unit(benchmark::kMillisecond)->Iterations(20);
BENCHMARK(baseline_nested_tanh_sinh)->Unit(benchmark::kMillisecond)->Iterations(1);

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
}
