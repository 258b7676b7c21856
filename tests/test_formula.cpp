// The exponent recognised as a max of affine pieces with small rational coefficients
// (checks/formula.hpp): one, two and three pieces through noise at the uncertainty, their crossovers
// and the piece in force at each point; refusals when no such formula fits (sin(beta M), a coefficient
// 0.37, a log bias near a crossover); a grid with one M only, and a piece seen along one line only.
#include "checks/formula.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <functional>
#include <random>

using namespace kwe::checks;

namespace {

const std::vector<double> betas = {0, 0.25, 0.5, 0.75, 1};
const std::vector<double> Ms = {6.5, 8, 12, 16, 24};

// Deterministic noise in [-1, 1]: the engine's output is specified by the standard, distributions are not.
struct Noise {
  std::mt19937 engine{20261204};
  double operator()() { return static_cast<double>(engine()) / 4294967295.0 * 2 - 1; }
};

std::vector<ExponentMeasurement> measure(const std::function<double(double, double)>& exponent, double uncertainty,
                                         const std::vector<double>& bs = betas, const std::vector<double>& ms = Ms) {
  Noise noise;
  std::vector<ExponentMeasurement> data;
  for (const double M : ms)
    for (const double beta : bs) data.push_back({beta, M, exponent(beta, M) + uncertainty * noise(), uncertainty});
  return data;
}

std::function<double(double, double)> exponent_of(const std::string& formula) {
  const PiecewiseAffine f = parse_piecewise(formula);
  return [f](double beta, double M) { return f.at(beta, M); };
}

RecognisedFormula recognise(const std::vector<ExponentMeasurement>& data, const FormulaOptions& options = {}) {
  const RecognisedFormula r = recognise_formula(data, options);
  INFO(describe(r));
  return r;
}

}  // namespace

TEST_CASE("one affine piece is recognised exactly through noise at the uncertainty", "[formula]") {
  for (const double u : {1e-9, 1e-3, 1e-2}) {
    CAPTURE(u);
    const RecognisedFormula r = recognise(measure(exponent_of("2beta - 1/2 - M/2"), u));
    CAPTURE(describe(r));
    REQUIRE(r.ok);
    REQUIRE(r.formula.pieces.size() == 1);
    const Affine& p = r.formula.pieces[0];
    CHECK(p.beta == Rational(2));
    CHECK(p.constant == Rational(RationalInteger(-1), RationalInteger(2)));
    CHECK(p.M == Rational(RationalInteger(-1), RationalInteger(2)));
    CHECK(p == parse_affine("2beta - 1/2 - M/2"));
    CHECK(format(r.formula) == "2beta - 1/2 - M/2");
    CHECK(r.worst_residual <= 1);
    CHECK(r.crossovers.empty());
    CHECK(r.underdetermined.empty());
    CHECK(r.piece_at == std::vector<std::size_t>(25, 0));
  }
}

TEST_CASE("a max of two pieces: both pieces, the crossover, the piece in force", "[formula]") {
  const std::string truth = "max(2beta - 1/2 - M/2, 4beta + 2 - M)";
  const PiecewiseAffine f = parse_piecewise(truth);
  const double u = 1e-3;
  const auto data = measure(exponent_of(truth), u);
  const RecognisedFormula r = recognise(data);
  CAPTURE(describe(r));
  REQUIRE(r.ok);
  CHECK(format(r.formula) == truth);
  REQUIRE(r.formula.pieces.size() == 2);
  CHECK(r.formula.pieces[0] == f.pieces[0]);
  CHECK(r.formula.pieces[1] == f.pieces[1]);
  CHECK(r.crossovers == std::vector<std::string>{"M = 4beta + 5"});
  CHECK(r.underdetermined.empty());
  CHECK(r.worst_residual <= 1);
  REQUIRE(r.piece_at.size() == data.size());
  std::size_t second = 0;
  for (std::size_t i = 0; i < data.size(); ++i) {
    const double d = f.pieces[1].at(data[i].beta, data[i].M) - f.pieces[0].at(data[i].beta, data[i].M);
    if (std::fabs(d) < 1e-12) continue;  // on the crossover (beta 3/4, M 8): either
    CAPTURE(data[i].beta, data[i].M);
    CHECK(r.piece_at[i] == (d > 0 ? 1u : 0u));
    second += d > 0;
  }
  CHECK(second == 4);  // (1/2, 13/2), (3/4, 13/2), (1, 13/2), (1, 8)
  CHECK(describe(r) ==
        "max(2beta - 1/2 - M/2, 4beta + 2 - M) (2 pieces, crossover M = 4beta + 5; worst residual " +
            fmt::format("{:.2f}", r.worst_residual) + " of the tolerance on 25 points)");
}

TEST_CASE("a max of three pieces, on the small grid and on a 143-point grid", "[formula]") {
  const std::string truth = "max(-4 - M/4, 2beta - 1/2 - M/2, 4beta + 2 - M)";
  const PiecewiseAffine f = parse_piecewise(truth);
  const RecognisedFormula r = recognise(measure(exponent_of(truth), 1e-3));
  CAPTURE(describe(r));
  REQUIRE(r.ok);
  CHECK(format(r.formula) == truth);
  CHECK(r.formula.pieces == f.pieces);
  CHECK(r.crossovers == std::vector<std::string>{"M = 8beta + 14", "M = 16beta/3 + 8", "M = 4beta + 5"});
  CHECK(r.underdetermined.empty());

  std::vector<double> fine_betas, fine_Ms = {6, 6.5, 7, 8, 9, 10, 11, 12, 14, 16, 18, 20, 24};
  for (int i = 0; i <= 10; ++i) fine_betas.push_back(i / 10.0);
  const auto data = measure(exponent_of(truth), 1e-4, fine_betas, fine_Ms);
  REQUIRE(data.size() == 143);
  const auto start = std::chrono::steady_clock::now();
  const RecognisedFormula big = recognise(data);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CAPTURE(describe(big), seconds);
  REQUIRE(big.ok);
  CHECK(big.formula.pieces == f.pieces);
  CHECK(seconds < 5);
}

TEST_CASE("data no small-coefficient formula fits are refused, with the worst point", "[formula]") {
  const RecognisedFormula wave = recognise(measure([](double beta, double M) { return std::sin(beta * M); }, 1e-3));
  CAPTURE(wave.reason);
  CHECK_FALSE(wave.ok);
  CHECK(wave.reason.rfind("no max of <= 3 pieces with small coefficients fits", 0) == 0);
  CHECK(wave.reason.find("sigma") != std::string::npos);
  CHECK(wave.worst_residual > 1);
  CHECK(describe(wave).rfind("no formula: ", 0) == 0);

  const RecognisedFormula odd = recognise(measure([](double beta, double M) { return 2 * beta - 0.37 * M; }, 1e-3));
  CAPTURE(odd.reason);
  CHECK_FALSE(odd.ok);
  CHECK(odd.reason.find("worst (beta ") != std::string::npos);

  // Two pieces allowed one: refused, and the reason names a point of the other piece.
  FormulaOptions one;
  one.max_pieces = 1;
  const RecognisedFormula short_of =
      recognise(measure(exponent_of("max(2beta - 1/2 - M/2, 4beta + 2 - M)"), 1e-3), one);
  CAPTURE(short_of.reason);
  CHECK_FALSE(short_of.ok);
  CHECK(short_of.reason.rfind("no max of <= 1 piece with small coefficients fits", 0) == 0);
  CHECK(short_of.reason.find("misses 4 of 25 points") != std::string::npos);
  CHECK(short_of.reason.find("worst (beta 1, M 6.5) off by 1.25 = 12") != std::string::npos);
}

TEST_CASE("a log bias near the crossover is never reported as a formula", "[formula]") {
  // The slope fit reads p + 0.02 where the two pieces are within 0.6 of each other.
  const PiecewiseAffine f = parse_piecewise("max(2beta - 1/2 - M/2, 4beta + 2 - M)");
  const auto biased = [&](double beta, double M) {
    const double gap = std::fabs(f.pieces[0].at(beta, M) - f.pieces[1].at(beta, M));
    return f.at(beta, M) + (gap < 0.6 ? 0.02 : 0);
  };
  for (const double u : {1e-4, 1e-3}) {
    CAPTURE(u);
    const RecognisedFormula r = recognise(measure(biased, u));
    CAPTURE(describe(r));
    CHECK((!r.ok || r.worst_residual > 1));
    CHECK_FALSE(r.ok);
  }
}

TEST_CASE("one M only: the coefficient of M is not determined, 0 is taken and said", "[formula]") {
  const std::vector<double> fine = {0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1};
  const RecognisedFormula r = recognise(measure(exponent_of("2beta - 1/2 - M/2"), 1e-3, fine, {8}));
  CAPTURE(describe(r));
  REQUIRE(r.ok);
  REQUIRE(r.formula.pieces.size() == 1);
  CHECK(r.formula.pieces[0] == parse_affine("2beta - 9/2"));
  REQUIRE(r.underdetermined.size() == 1);
  CHECK(r.underdetermined[0] == "all points lie on the line M = 8: the coefficient of M is not determined by the data, "
                                "0 was taken");
  // Two pieces along the one M: the crossover is solved for beta.
  const RecognisedFormula two = recognise(measure(exponent_of("max(2beta - 1/2 - M/2, 4beta + 2 - M)"), 1e-3, fine, {6.5}));
  CAPTURE(describe(two));
  REQUIRE(two.ok);
  CHECK(format(two.formula) == "max(2beta - 15/4, 4beta - 9/2)");
  CHECK(two.crossovers == std::vector<std::string>{"beta = 3/8"});
  CHECK(two.underdetermined.size() == 1);
  // One point.
  const RecognisedFormula point = recognise({{0.5, 12, -5.5, 1e-6}});
  REQUIRE(point.ok);
  CHECK(format(point.formula) == "-11/2");
  CHECK(point.underdetermined.size() == 1);
}

TEST_CASE("a piece in force only along one line: the simplest is taken and said", "[formula]") {
  // Without M = 8 the second piece is in force only at M = 13/2: its M coefficient is free up to the
  // pieces' staying below the data (-1 and -3/2 both fit there).
  const RecognisedFormula r =
      recognise(measure(exponent_of("max(2beta - 1/2 - M/2, 4beta + 2 - M)"), 1e-3, betas, {6.5, 12, 16, 24}));
  CAPTURE(describe(r));
  REQUIRE(r.ok);
  CHECK(format(r.formula) == "max(2beta - 1/2 - M/2, 4beta + 2 - M)");
  REQUIRE(r.underdetermined.size() == 1);
  CHECK(r.underdetermined[0].rfind("piece 2 (4beta + 2 - M) is in force only on points along one line, M = 13/2: its "
                                   "coefficient of M is not determined by the data, the simplest one was taken (",
                                   0) == 0);
}

TEST_CASE("refusals for loose tolerances, bad data and bad options", "[formula]") {
  FormulaOptions few;
  few.max_candidates = 5;
  const RecognisedFormula crowded = recognise(measure(exponent_of("2beta - 1/2 - M/2"), 0.05), few);
  CHECK_FALSE(crowded.ok);
  CHECK(crowded.reason.rfind("too many candidates", 0) == 0);
  CHECK_FALSE(recognise({}).ok);
  CHECK(recognise({}).reason == "no measurements");
  const RecognisedFormula nan = recognise({{0, 8, std::nan(""), 1e-3}});
  CHECK_FALSE(nan.ok);
  CHECK(nan.reason.find("not usable") != std::string::npos);
  FormulaOptions bad;
  bad.denominators = {};
  CHECK_THROWS_AS(recognise_formula({{0, 8, 1, 1e-3}}, bad), std::invalid_argument);
  bad.denominators = {2, 0};
  CHECK_THROWS_AS(recognise_formula({{0, 8, 1, 1e-3}}, bad), std::invalid_argument);
}
