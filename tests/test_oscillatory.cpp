// The oscillating datum of Section 5 (quadrature/filon.hpp, estimates/oscillating.hpp) and the
// cancellation-free C'^234 factor (estimates/modified_piece.hpp).
#include "estimates/evaluation.hpp"
#include "estimates/quantity.hpp"
#include "quadrature/oscillatory_sum.hpp"
#include "tests/mp_compare.hpp"

#include <catch2/catch.hpp>

#include <boost/math/constants/constants.hpp>

using namespace kwe;
using kwe::testing::agrees;
using kwe::testing::digits_of_agreement;

TEST_CASE("spherical Bessel j_k: forward and backward recurrences against closed forms", "[unit]") {
  set_working_precision(40);
  for (const char* text : {"0.5", "7.25", "50"}) {
    const Real w = parse_real(text, "w");
    const std::vector<Real> j = quadrature::spherical_bessel_j<Real>(12, w, working_bits());
    // DLMF 10.49.3: j_2(w) = (3/w^2 - 1) sin w / w - 3 cos w / w^2.
    const Real j2 = (3 / (w * w) - 1) * sin(w) / w - 3 * cos(w) / (w * w);
    INFO("w = " << text << ": " << digits_of_agreement(j[2], j2) << " digits");
    CHECK(agrees(j[2], j2, 40));
  }
}

// int_0^inf u^(3/2) e^(-u) e^(iNu) du = Gamma(5/2) (1 - iN)^(-5/2) = (3 sqrt(pi) / 4) r^(-5/2) e^(5i atan(N) / 2),
// r = sqrt(1 + N^2): an end singularity (u^(3/2)), a smooth decay and N up to 10^3 periods per unit.
TEST_CASE("Filon-Gauss-Legendre: a closed-form oscillatory integral to 30 digits for N = 10, 100, 1000", "[unit]") {
  // The value is ~N^(-5/2) of the integral of |f|: N = 1000 cancels 7.5 digits, hence 20 guard digits.
  const unsigned digits = 30;
  Real::default_precision(digits + 20);
  const quadrature::RuleFamily<Real> rules(working_bits());
  for (const char* text : {"10", "100", "1000"}) {
    const Real N = parse_real(text, "N");
    std::vector<quadrature::Panel<Real>> panels;
    panels.push_back({quadrature::PanelMap::linear, quadrature::PanelRule::tanh_sinh, 0, Real(1 / N)});
    for (Real a = 1 / N; a < 200; a *= 4)
      panels.push_back({quadrature::PanelMap::linear, quadrature::PanelRule::gauss_legendre, a, std::min(Real(a * 4), Real(200))});
    const Real pi = boost::math::constants::pi<Real>();
    const Real r = sqrt(1 + N * N), theta = atan(N);
    const Real modulus = 3 * sqrt(pi) / 4 * pow(r, Real(-2.5));
    const Real re = modulus * cos(Real(5 * theta / 2)), im = modulus * sin(Real(5 * theta / 2));
    Real previous_re = 0, previous_im = 0, got_re = 0, got_im = 0;
    unsigned level = 6;
    for (; level <= 16; ++level) {
      const auto sums = quadrature::oscillatory_level_sum(panels, rules, level, {N}, [](const Real& u) -> Real {
        return u * sqrt(u) * exp(-u);
      });
      got_re = sums[0].re, got_im = sums[0].im;
      if (abs(Real(got_re - previous_re)) + abs(Real(got_im - previous_im)) < pow(Real(10), -static_cast<int>(digits + 2)) * modulus) break;
      previous_re = got_re, previous_im = got_im;
    }
    INFO("N = " << text << ", level " << level << ": Re " << digits_of_agreement(got_re, re) << ", Im "
                << digits_of_agreement(got_im, im) << " digits");
    CHECK(agrees(got_re, re, digits));
    CHECK(agrees(got_im, im, digits));
  }
}

TEST_CASE("the Filon weights kept per panel (FilonNodeCache) give the sums bit for bit, hit or miss", "[unit]") {
  // Components with frequencies 0, 3, -3 and 7 (0 shared by two) on panels of which the middle ones are
  // shared: the same sums with the cache empty (misses), full (hits), and without it.
  Real::default_precision(30);
  const quadrature::RuleFamily<Real> rules(working_bits());
  std::vector<quadrature::Panel<Real>> panels;
  for (Real a = Real(1) / 4; a < 40; a *= 4)
    panels.push_back({quadrature::PanelMap::linear, quadrature::PanelRule::gauss_legendre, a, Real(a * 4)});
  const std::vector<Real> kappas{Real(0), Real(3), Real(-3), Real(7), Real(0)};
  quadrature::Components<Real> buffer(kappas.size());
  const auto f = [&](const Real& u) -> const quadrature::Components<Real>& {
    buffer.l1 = 0;
    for (std::size_t k = 0; k < kappas.size(); ++k) {
      buffer.re[k] = exp(Real(-u / (k + 1)));
      buffer.im[k] = k % 2 ? Real(u / (1 + u * u)) : Real(0);
      buffer.l1 += abs(buffer.re[k]) + abs(buffer.im[k]);
    }
    buffer.calls = 1;
    return buffer;
  };
  const auto level_of = [](std::size_t j) -> unsigned { return 6 + static_cast<unsigned>(j % 2); };
  quadrature::FilonNodeCache<Real> cache;
  cache.shared_from = panels[1].a;
  cache.shared_to = panels[panels.size() - 2].b;
  const auto plain = quadrature::oscillatory_components_sum_at(panels, rules, level_of, kappas, f);
  const auto missed = quadrature::oscillatory_components_sum_at(panels, rules, level_of, kappas, f, &cache);
  const std::size_t stored = cache.entries.size();
  const auto hit = quadrature::oscillatory_components_sum_at(panels, rules, level_of, kappas, f, &cache);
  CHECK(stored == panels.size() - 2);
  CHECK(cache.entries.size() == stored);
  for (std::size_t k = 0; k < kappas.size(); ++k) {
    INFO("component " << k);
    CHECK(missed.re[k] == plain.re[k]);
    CHECK(missed.im[k] == plain.im[k]);
    CHECK(hit.re[k] == plain.re[k]);
    CHECK(hit.im[k] == plain.im[k]);
  }
  CHECK(hit.calls == plain.calls);
  CHECK_THROWS_AS(quadrature::oscillatory_components_sum_at(panels, rules, level_of, std::vector<Real>{Real(1)}, f, &cache),
                  std::logic_error);
}

TEST_CASE("the Filon route for n02 agrees with the direct charts where the direct charts resolve it", "[checks]") {
  // At w1 = 3, N = 1 the oscillation is slow enough for the ordinary charts (domains.hpp) with cos in the
  // integrand: two independent routes to C^234_i[n01, n01, n02]. The direct route is the weaker one (its
  // D3 tail runs to infinity with the cosine in it): it is asked for 16 digits, the Filon route for 20.
  const unsigned digits = 20, direct_digits = 16;
  set_working_precision(digits);
  const quadrature::Engine<Real> engine(digits, working_bits()), direct_engine(direct_digits, working_bits());
  Parameters p;
  p.beta = "0.3";
  p.N = "1";
  const Model<Real> model(p);
  const Real w1 = parse_real("3", "w1");
  const Data<Real> n01{DataKind::n01, &model}, n02{DataKind::n02, &model};
  for (Piece piece : {Piece::C21, Piece::C3}) {
    const auto direct = collision(direct_engine, parse_slots("234"), {piece}, {n01, n01, n02}, model, w1);
    const auto filon = phase_piece(engine, parse_slots("234"), piece, {n01, n01, n01}, model, w1);
    INFO("piece " << to_string(piece) << ": " << to_decimal(filon.re, 25) << " vs " << to_decimal(direct.value, 25) << ", "
                  << digits_of_agreement(filon.re, direct.value) << " digits");
    CHECK(direct.met);
    CHECK(filon.converged);
    CHECK(agrees(filon.re, direct.value, direct_digits));
  }
}

TEST_CASE("C^j_i[n01, n01, n02] is met on Re Z, not on |Z|, where the phase makes Re Z small", "[checks]") {
  // beta 0.3, N 1, w1 = 11.489: Re Z / |Z| = 7e-4 (e^(i N w1) is near i). Judged on |Z| (before the
  // PhaseTarget), the levels stopped at an error of 2.5e-19 for a value of 3.8e-8: 12 digits asked, 11
  // delivered and `met` false. The value must now be met and hold its 12 digits against a 20-digit run.
  Parameters p;
  p.beta = "0.3";
  p.N = "1";
  const Evaluation e = evaluate_once("C234_21", "n01,n01,n02", p, "11.489", 12);
  const Evaluation finer = evaluate_once("C234_21", "n01,n01,n02", p, "11.489", 20);
  const Evaluation modulus = evaluate_once("Env234_21", "n01,n01,n02", p, "11.489", 12);
  set_working_precision(20);
  INFO("Re Z = " << to_decimal(e.value, 15) << " vs " << to_decimal(finer.value, 22) << ", |Z| = " << to_decimal(modulus.value, 6)
                  << ": " << digits_of_agreement(e.value, finer.value) << " digits");
  CHECK(abs(e.value) < abs(modulus.value) / 1000);
  CHECK(e.met);
  CHECK(finer.met);
  CHECK(agrees(e.value, finer.value, 12));
}

TEST_CASE("C[n0] by the phase expansion agrees with the direct charts", "[checks]") {
  // Two independent routes to the full operator on Theorem 5.1's datum n0 = A n01 + cos(Nw) n01, all
  // slots oscillating: oscillating_operator.hpp (14 phase patterns, Filon in both variables of its own
  // charts, D1 bounded) and full_operator (domains.hpp's charts, n0 evaluated pointwise). At w1 = 40 the
  // direct route resolves the oscillation but reaches only ~9 digits before it stalls (its D3 tail runs to
  // infinity with the cosines in it): it is asked for 8, the Filon route for 12 (measured: they agree to
  // 2e-9 relative, the direct route's own accuracy); the constant phases theta_sigma = N s.(w at the chart's
  // origin) are non-zero here (N w1 = 40).
  set_working_precision(12);
  const quadrature::Engine<Real> engine(12, working_bits()), direct_engine(8, working_bits());
  {
    const char* N = "1";
    Parameters p;
    p.beta = "0.5";
    p.A = "1";
    p.N = N;
    const Model<Real> model(p);
    const Real w1 = parse_real("40", "w1");
    const Data<Real> n0{DataKind::n0, &model};
    const auto filon = oscillating_operator(engine, n0, model, w1);
    const auto direct = full_operator(direct_engine, n0, model, w1);
    INFO("N = " << N << ": " << to_decimal(filon.value, 15) << " vs " << to_decimal(direct.value, 15) << ", "
                << digits_of_agreement(filon.value, direct.value) << " digits");
    CHECK(filon.met);
    CHECK(direct.met);
    CHECK(agrees(filon.value, direct.value, 8));
  }
}

TEST_CASE("the phase expansion of a piece agrees with the direct charts and with the one-pattern route", "[checks]") {
  // Oscillating data in any slot of C^j_i (oscillating_operator.hpp's oscillating_piece). At w1 = 3, N = 1
  // against the direct charts (domains.hpp, data evaluated pointwise), for C^134 with n0, n02, n01 in the
  // slots (w1, w3, w4) on the pieces 21, 22, 3; at w1 = 100, N = 10 against the one-pattern route of
  // oscillating.hpp (its own charts) for C^234_21[n01, n01, n02]. Measured: 20 digits of agreement in all.
  const unsigned digits = 16;
  set_working_precision(digits);
  const quadrature::Engine<Real> engine(digits, working_bits());
  Parameters p;
  p.beta = "0.3";
  p.A = "2";
  const Model<Real> slow(p);
  const Data<Real> n0{DataKind::n0, &slow}, n02{DataKind::n02, &slow}, n01{DataKind::n01, &slow};
  for (Piece piece : {Piece::C21, Piece::C22, Piece::C3}) {
    const Real w1 = parse_real("3", "w1");
    const auto expansion = oscillating_piece(engine, parse_slots("134"), piece, {n0, n02, n01}, slow, w1);
    const auto direct = collision(engine, parse_slots("134"), {piece}, {n0, n02, n01}, slow, w1);
    INFO("piece " << to_string(piece) << ": " << to_decimal(expansion.value, 20) << " vs " << to_decimal(direct.value, 20));
    CHECK(expansion.met);
    CHECK(direct.met);
    CHECK(agrees(expansion.value, direct.value, digits));
  }
  p.N = "10";
  const Model<Real> fast(p);
  const Data<Real> m01{DataKind::n01, &fast}, m02{DataKind::n02, &fast};
  const Real w1 = parse_real("100", "w1");
  const auto expansion = oscillating_piece(engine, parse_slots("234"), Piece::C21, {m01, m01, m02}, fast, w1);
  const auto one_pattern = phase_piece(engine, parse_slots("234"), Piece::C21, {m01, m01, m01}, fast, w1);
  INFO(to_decimal(expansion.value, 20) << " vs " << to_decimal(one_pattern.re, 20));
  CHECK(expansion.met);
  CHECK(one_pattern.converged);
  CHECK(agrees(expansion.value, one_pattern.re, digits));
  CHECK_THROWS_AS(oscillating_piece(engine, parse_slots("234"), Piece::C1, {m01, m01, m02}, fast, w1), std::invalid_argument);
}

TEST_CASE("C'^234's |n(w4) - n(w1)| keeps its digits where w4 -> w1", "[unit]") {
  // w1 = 10^6 and w4 = w1 - 10^-25 (the D21 chart at x = 1/2, y = 1/2 - 10^-25): the naive difference of
  // the two data would keep ~ log10(10^6 / 10^-25) = 31 fewer digits than the working precision.
  set_working_precision(25);
  Parameters p;
  const Model<Real> model(p);
  const Real w1 = parse_real("1e6", "w1");
  const Data<Real> n{DataKind::n01, &model};
  const DifferenceOfData<Real> h{n, n(w1), w1, Real(1 + w1 * w1)};
  const Real x = parse_real("0.5", "x"), y = x - parse_real("1e-25", "t");
  const Omegas<Real> w = omegas_at(Chart::D21, w1, x, y);
  const OmegaFactors<Real> f2{Real(1), n(w.w2)}, f3{Real(1), n(w.w3)}, f4{Real(1), n(w.w4)};
  const Real factor = h(w, {&f2, &f3, &f4}) / (n(w.w2) * n(w.w3));
  // The reference from the same nodes (y - x is exact in binary), with the naive formula at 120 digits.
  Real::default_precision(120);
  const Real t = Real(y) - Real(x), big_w1 = parse_real("1e6", "w1"), M = 12;
  const Real w4 = big_w1 + t;
  const Real reference = abs(Real(pow(Real(1 + w4 * w4), -M / 4) - pow(Real(1 + big_w1 * big_w1), -M / 4)));
  INFO(digits_of_agreement(factor, Real(reference)) << " digits");
  CHECK(agrees(factor, Real(reference), 30));
}
