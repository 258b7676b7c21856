// The split (3.5)-(3.15): C^j = C^j_1 + C^j_21 + C^j_22 + C^j_3, each piece over its own charts, against
// C^j integrated over the whole domain {0 <= w3 <= w4, w2 >= 0} with the cross-section (3.2) as printed
// (whole_domain.hpp shares no chart and no piece weight with the pieces). To 25 digits.
#include "estimates/modified_piece.hpp"
#include "estimates/whole_domain.hpp"
#include "mp_compare.hpp"

#include <catch2/catch.hpp>

using namespace kwe;

namespace {

void check_split(const std::string& j, const char* beta, const char* omega) {
  constexpr unsigned digits = 25;
  set_working_precision(digits);
  Parameters p;
  p.beta = beta;
  const Model<Real> model(p);
  const quadrature::Engine<Real> engine(digits, working_bits());
  const Data<Real> n{DataKind::n01, &model};
  const Real w1(omega);
  Real sum = 0;
  for (Piece piece : all_pieces()) {
    const auto r = collision(engine, parse_slots(j), {piece}, {n, n, n}, model, w1);
    REQUIRE(r.met);
    sum += r.value;
  }
  const auto whole = collision_whole_domain(engine, parse_slots(j), {n, n, n}, model, w1);
  REQUIRE(whole.met);
  INFO("C" << j << " at beta = " << beta << ", w1 = " << omega << ": agreement " << testing::digits_of_agreement(sum, whole.value));
  CHECK(testing::agrees(sum, whole.value, digits));
}

}  // namespace

TEST_CASE("C^234 = C_1 + C_21 + C_22 + C_3 (beta = 0.3, w1 = 3)", "[partition]") { check_split("234", "0.3", "3"); }

TEST_CASE("C^124 = C_1 + C_21 + C_22 + C_3 (beta = 0.75, w1 = 1.7)", "[partition]") { check_split("124", "0.75", "1.7"); }

namespace {

// The kernel before shared factors and Gauss-Jacobi: the same charts, tanh-sinh on the corner panels, every
// factor of every omega computed at every call (piece_weight and the data from the omegas).
template <class H>
quadrature::Result<Real> plain(const quadrature::Engine<Real>& engine, const Model<Real>& model, const Real& w1, H&& h) {
  return quadrature::refine<Real>(
      [&](unsigned level) {
        quadrature::Estimate<Real> total{0, 0, 0};
        for (Piece piece : all_pieces()) {
          quadrature::Estimate<Real> sum{0, 0, 0};
          for (Chart chart : charts_of(piece)) {
            const Range<Real> outer = outer_range(chart, model, w1);
            const auto outer_panels = quadrature::graded(outer.a, outer.b, outer.breaks, outer.unit, engine.grading);
            accumulate(sum, quadrature::level_sum(outer_panels, engine.rules, level, [&](const Real& x) -> quadrature::Estimate<Real> {
              const Range<Real> inner = inner_range(chart, model, w1, x);
              const auto inner_panels = quadrature::graded(inner.a, inner.b, inner.breaks, inner.unit, engine.grading);
              return quadrature::level_sum(inner_panels, engine.rules, level, [&](const Real& y) -> Real {
                const Omegas<Real> w = omegas_at(chart, w1, x, y);
                const Data<Real> n{DataKind::n01, &model};
                const OmegaFactors<Real> f2{Real(1), n(w.w2)}, f3{Real(1), n(w.w3)}, f4{Real(1), n(w.w4)};
                return piece_weight(piece, model, w.w2, w.w3, w.w4) * h(w, {&f2, &f3, &f4});
              });
            }));
          }
          accumulate(total, scaled(sum, piece_prefactor(piece, model, w1)));
        }
        return total;
      },
      engine.tolerance(), engine.bits, engine.policy);
}

}  // namespace

TEST_CASE("the shared-factor Gauss-Jacobi kernel against plain nested sums (C^134, C[n01], C'^234; w1 = 1e3)",
          "[partition]") {
  constexpr unsigned digits = 25;
  set_working_precision(digits);
  Parameters p;
  p.beta = "0.3";
  const Model<Real> model(p);
  const quadrature::Engine<Real> engine(digits, working_bits());
  const Data<Real> n{DataKind::n01, &model};
  const Real w1("1e3");
  const SlotProduct<Real> product(parse_slots("134"), {n, n, n}, w1);
  const GainMinusLoss<Real> full{n, n(w1)};
  const DifferenceOfData<Real> modified{n, n(w1), w1, Real(1 + w1 * w1)};
  const auto compare = [&](const char* what, const auto& h) {
    const auto fast = integrate_pieces(engine, all_pieces(), model, w1, h);
    const auto reference = plain(engine, model, w1, h);
    INFO(what << ": agreement " << testing::digits_of_agreement(fast.value, reference.value) << ", calls " << fast.calls
              << " against " << reference.calls);
    REQUIRE(fast.met);
    REQUIRE(reference.met);
    CHECK(testing::agrees(fast.value, reference.value, digits));
    CHECK(fast.calls < reference.calls);
  };
  compare("C^134", product);
  compare("C[n01]", full);
  compare("C'^234", modified);
}
