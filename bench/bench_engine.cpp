// The engine against the baseline, side by side in one run: C^234_21[n01,n01,n01] at beta = 1/2, M = 12,
// w1 = 10^4 to 30 digits (reference 6.728171731820154587570402024501061e-21).
//   engine:   kwe's graded tanh-sinh / Gauss-Legendre panels (estimates/collision.hpp), one refinement;
//   baseline: Boost's tanh_sinh over MPFR, nested, in the paper's variables (w3, w4) of (3.10).
// Counters: integrand calls, digits of agreement with the reference. After the runs the ratio of their
// times is printed. Both at the same working precision and tolerance 10^-30.
#include "estimates/collision.hpp"

#include <benchmark/benchmark.h>
#include <boost/math/quadrature/tanh_sinh.hpp>

#include <cstdio>
#include <map>

using kwe::Real;

namespace {

constexpr unsigned digits = 30;
const char* const reference = "6.728171731820154587570402024501061e-21";

double agreement(const Real& value) {
  const Real error = abs(Real(value - Real(reference))) / Real(reference);
  return error == 0 ? 34.0 : static_cast<double>(Real(-log10(error)));
}

struct Setup {
  kwe::Parameters parameters;
  Setup() {
    kwe::set_working_precision(digits);
    parameters.beta = "0.5";
    parameters.M = "12";
  }
};

void engine(benchmark::State& state) {
  Setup setup;
  const kwe::Model<Real> model(setup.parameters);
  const Real w1("1e4");
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

void baseline_nested_tanh_sinh(benchmark::State& state) {
  Setup setup;
  const kwe::Model<Real> model(setup.parameters);
  const Real w1("1e4");
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
      const auto f = [&](const Real& w4) -> Real {
        ++calls;
        const Real w2 = w3 + w4 - w1;  // the naive variable: cancels log10(w1) digits
        return pow(w2, model.beta_plus_half) * pow(Real(w3 * w4), model.beta) * n(w2) * n(w3) * n(w4);
      };
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
    for (const Run& run : runs) seconds_[run.benchmark_name()] = run.GetAdjustedRealTime();
    ConsoleReporter::ReportRuns(runs);
  }
  void Finalize() override {
    ConsoleReporter::Finalize();
    double e = 0, b = 0;
    for (const auto& [name, t] : seconds_) {
      if (name.find("engine") != std::string::npos) e = t;
      if (name.find("baseline") != std::string::npos) b = t;
    }
    if (e > 0 && b > 0) std::printf("speed-up of the engine over the nested tanh_sinh baseline: %.1fx\n", b / e);
  }

 private:
  std::map<std::string, double> seconds_;
};

}  // namespace

BENCHMARK(engine)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(baseline_nested_tanh_sinh)->Unit(benchmark::kMillisecond)->Iterations(1);

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
}
