// The plots on a hand-made audit of a known power law: a data file per (check, β, M), one script and one
// SVG per check id; without gnuplot on PATH the data and scripts are still written and the note says so.
#include "checks/exponent.hpp"
#include "reports/gnuplot.hpp"
#include "reports/plots.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace kwe::checks;
namespace fs = std::filesystem;

namespace {

// Q(x) = 3 x^p (1 + 1/x) with p the stated 2β - 5: an upper bound that holds and is sharp.
CheckResult power_law(const Check& check, const std::string& beta) {
  kwe::set_working_precision(20);
  CheckResult r;
  r.check = &check;
  r.beta = beta;
  r.M = "12";
  r.exponent = check.predicted;
  r.predicted = check.predicted.at(std::stod(beta), 12);
  const kwe::Real step = pow(kwe::Real(10), kwe::Real("0.25")), p = r.predicted;
  for (kwe::Real x = 2; x < 1e4; x *= step) {
    r.omegas.push_back(kwe::to_decimal(x, 30));
    const kwe::Real value = 3 * pow(x, p) * (1 + 1 / x);
    r.series.push_back({x, value, value * kwe::Real("1e-20")});
  }
  r.fit = fit_exponent(r.series);
  r.implied_constant_upper = implied_constant(r.series, r.predicted, false);
  return r;
}

std::string contents(const fs::path& file) {
  std::ifstream in(file);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct Fixture {
  Check check;
  Audit audit;
  fs::path directory = fs::temp_directory_path() / ("kwe_test_plots." + std::to_string(::getpid()));

  Fixture() {
    check.id = "9.9";
    check.statement = "Q ≲ w1^(2β - 5)";
    check.quantity = "Q";
    check.predicted = parse_exponent("2beta - 5");
    for (const char* beta : {"0.5", "1"}) audit.results.push_back(power_law(check, beta));
    fs::remove_all(directory);
  }
  ~Fixture() { fs::remove_all(directory); }
};

}  // namespace

TEST_CASE("plots: a data file per result, a script and an SVG per check", "[plots]") {
  Fixture f;
  const kwe::reports::Plots plots = kwe::reports::write_plots(f.audit, f.directory.string());
  for (const char* name : {"9.9_beta0.5_M12.dat", "9.9_beta1_M12.dat", "9.9.gp"}) CHECK(fs::file_size(f.directory / name) > 0);
  const std::string data = contents(f.directory / "9.9_beta0.5_M12.dat");
  CHECK(data.find("\n2.0000000000000000e+00 2.8125000000000000e-01 ") != std::string::npos);  // x = 2: 3 · 2^-4 · 3/2

  if (kwe::reports::find_gnuplot().empty()) {
    WARN("gnuplot is not on PATH: the SVG is not checked");
    return;
  }
  INFO(plots.note);
  CHECK(plots.note.empty());
  REQUIRE(plots.rendered.size() == 1);
  CHECK(plots.rendered[0].id == "9.9");
  const std::string svg = contents(f.directory / plots.rendered[0].svg);
  CHECK(svg.find("<svg") != std::string::npos);
  CHECK(svg.find("(9.9) Q ≲ w1^(2β - 5)") != std::string::npos);  // the title
  for (const auto& entry : fs::directory_iterator(f.directory)) CHECK(entry.path().string().find(".tmp.") == std::string::npos);
}

TEST_CASE("plots without gnuplot: data and scripts, no SVG, one note", "[plots]") {
  Fixture f;
  const std::string path = std::getenv("PATH") ? std::getenv("PATH") : "";
  ::setenv("PATH", f.directory.c_str(), 1);  // a directory without gnuplot
  const kwe::reports::Plots plots = kwe::reports::write_plots(f.audit, f.directory.string());
  ::setenv("PATH", path.c_str(), 1);
  CHECK(plots.rendered.empty());
  CHECK(plots.note.find("gnuplot is not on PATH") != std::string::npos);
  CHECK(fs::exists(f.directory / "9.9_beta1_M12.dat"));
  CHECK(fs::exists(f.directory / "9.9.gp"));
  CHECK_FALSE(fs::exists(f.directory / "9.9.svg"));
}
