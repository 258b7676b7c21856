// The split (3.5)-(3.15): C^j = C^j_1 + C^j_21 + C^j_22 + C^j_3, each piece over its own charts, against
// C^j integrated over the whole domain {0 <= w3 <= w4, w2 >= 0} with the cross-section (3.2) as printed
// (whole_domain.hpp shares no chart and no piece weight with the pieces). To 25 digits.
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
