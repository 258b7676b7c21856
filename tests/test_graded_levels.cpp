// Graded levels (quadrature/level_plan.hpp) against the plain common level: on every family of the smooth
// route and of the phase expansion, both values meet their error target and agree within the sum of their
// estimates; and the drop rule itself on known shares.
#include "estimates/collision.hpp"
#include "estimates/modified_piece.hpp"
#include "estimates/oscillating_operator.hpp"
#include "mp_compare.hpp"

#include <catch2/catch.hpp>

using namespace kwe;
using kwe::testing::agrees;
using kwe::testing::digits_of_agreement;

namespace {

template <class Compute>
void graded_against_plain(const char* what, unsigned digits, Compute&& compute, bool fewer_calls = true) {
  set_working_precision(digits);
  quadrature::Engine<Real> graded(digits, working_bits()), plain(digits, working_bits());
  plain.graded_levels = false;
  const quadrature::Result<Real> g = compute(graded), p = compute(plain);
  INFO(what << ": graded " << to_decimal(g.value, digits + 3) << " (" << g.calls << " calls, error " << to_decimal(g.error, 3)
            << "), plain " << to_decimal(p.value, digits + 3) << " (" << p.calls << " calls, error " << to_decimal(p.error, 3)
            << "), " << digits_of_agreement(g.value, p.value) << " digits");
  CHECK(g.met);
  CHECK(p.met);
  CHECK(abs(Real(g.value - p.value)) <= g.error + p.error);
  CHECK(agrees(g.value, p.value, digits));
  if (fewer_calls) CHECK(g.calls < p.calls);
}

Parameters parameters(const char* beta, const char* N = "1", const char* A = "1") {
  Parameters p;
  p.beta = beta;
  p.M = "12";
  p.N = N;
  p.A = A;
  return p;
}

}  // namespace

TEST_CASE("graded levels: the drop of a pair from its share", "[unit]") {
  set_working_precision(30);
  using Plan = quadrature::LevelPlan<Real>;
  Plan plan;
  plan.start_recording();
  const quadrature::PanelKey big{0, 0, 0}, small{0, 1, 0}, tiny{0, 2, 0}, none{0, 3, 0};
  plan.record(big, Real("0.5"));
  plan.record(small, Real("1e-16"));
  plan.record(tiny, Real("1e-40"));
  plan.record(none, Real(0));
  CHECK(plan.level(9, tiny) == 9);  // while recording: the pass's own level
  plan.finish(Real(1), 30, 8);
  CHECK(plan.drop(big) == 0);
  CHECK(plan.drop(small) == 1);  // needs 30 - 16 + 3 = 17 digits: floor(2 log2(30/17)) = 1
  CHECK(plan.drop(tiny) == 5);   // negligible: the most, every level >= 3 at the first level 8
  CHECK(plan.drop(none) == 5);
  CHECK(plan.level(9, small) == 8);
  CHECK(plan.level(8, tiny) == 3);
  CHECK(plan.level(9, quadrature::PanelKey{5, 5, 5}) == 9);  // not recorded: not dropped

  Plan unbounded;  // a pass that cannot bound the value away from 0 drops nothing
  unbounded.start_recording();
  unbounded.record(tiny, Real("1e-40"));
  unbounded.finish(Real(0), 30, 8);
  CHECK(unbounded.dropped() == 0);
  CHECK(Plan::pass_level(8) == 5);
  CHECK(Plan::pass_level(4) == 0);  // no room to drop: no pass
}

TEST_CASE("graded levels agree with the plain level on the smooth route", "[checks]") {
  for (const auto& [slots, piece, w1] : std::vector<std::tuple<const char*, Piece, const char*>>{
           {"234", Piece::C21, "1e4"}, {"234", Piece::C22, "1e4"}, {"134", Piece::C3, "1e4"}, {"124", Piece::C1, "1e4"}}) {
    graded_against_plain(slots, 20, [&, slots = slots, piece = piece, w1 = w1](const quadrature::Engine<Real>& e) {
      const Model<Real> model(parameters("0.3"));
      const Data<Real> n{DataKind::n01, &model};
      return collision(e, parse_slots(slots), {piece}, {n, n, n}, model, Real(w1));
    });
  }
  // The full operator, gain and loss cancelling to ~1e-6 of the L1 norm at w1 = 100; C'^234.
  graded_against_plain("C[n01]", 15, [](const quadrature::Engine<Real>& e) {
    const Model<Real> model(parameters("0.5"));
    return full_operator(e, Data<Real>{DataKind::n01, &model}, model, Real(100));
  }, false);
  graded_against_plain("C'^234", 15, [](const quadrature::Engine<Real>& e) {
    const Model<Real> model(parameters("0.5"));
    return modified_piece(e, ModifiedReading::words, model, Real(10000));
  });
}

TEST_CASE("graded levels agree with the plain level on the phase expansion", "[checks]") {
  graded_against_plain("C^234_21[n02, n02, n02], N = 20", 12, [](const quadrature::Engine<Real>& e) {
    const Model<Real> model(parameters("0.3", "20"));
    const Data<Real> n{DataKind::n02, &model};
    return oscillating_piece(e, parse_slots("234"), Piece::C21, {n, n, n}, model, Real(1000));
  }, false);
  graded_against_plain("C[n0], N = 2, A = 10", 12, [](const quadrature::Engine<Real>& e) {
    const Model<Real> model(parameters("0.3", "2", "10"));
    return oscillating_operator(e, Data<Real>{DataKind::n0, &model}, model, Real(300));
  });
}

TEST_CASE("graded levels agree with the plain level on the one-frequency Filon route", "[checks]") {
  // Z^234_i with e^(iNw) <w>^(-M/2) in the w4 slot (estimates/oscillating.hpp, the terms of I2 behind (5.6)),
  // several frequencies at once.
  constexpr unsigned digits = 12;
  set_working_precision(digits);
  quadrature::Engine<Real> graded(digits, working_bits()), plain(digits, working_bits());
  plain.graded_levels = false;
  const Model<Real> model(parameters("0.3"));
  const Data<Real> n{DataKind::n01, &model};
  const std::vector<Real> frequencies{Real(1), Real(32)};
  for (Piece piece : {Piece::C21, Piece::C3}) {
    const auto g = phase_piece(graded, parse_slots("234"), piece, {n, n, n}, model, Real(1000), frequencies);
    const auto p = phase_piece(plain, parse_slots("234"), piece, {n, n, n}, model, Real(1000), frequencies);
    for (std::size_t k = 0; k < frequencies.size(); ++k) {
      const Real dre = g[k].re - p[k].re, dim = g[k].im - p[k].im;
      const Real difference = sqrt(dre * dre + dim * dim), size = sqrt(p[k].re * p[k].re + p[k].im * p[k].im);
      INFO("piece " << static_cast<int>(piece) << ", N = " << to_decimal(frequencies[k], 3) << ": graded "
                    << to_decimal(g[k].re, 18) << " + " << to_decimal(g[k].im, 18) << " i (" << g[k].calls
                    << " calls), plain " << to_decimal(p[k].re, 18) << " + " << to_decimal(p[k].im, 18) << " i ("
                    << p[k].calls << " calls)");
      CHECK(g[k].converged);
      CHECK(p[k].converged);
      CHECK(difference <= g[k].error + p[k].error);
      CHECK(difference <= size * pow(Real(10), -static_cast<int>(digits)));
    }
    CHECK(g.front().calls < p.front().calls);
  }
}
