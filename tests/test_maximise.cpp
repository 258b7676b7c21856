// maximise_on_box (checks/maximise.hpp): the search finds a maximum strictly inside the box and off the
// scan's grid, also where the best grid point lies on the box's edge (the edge probe must then hand over
// to the interior search), and stays at an edge where the maximum is there.
#include "checks/maximise.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cmath>

using kwe::checks::maximise_on_box;

namespace {
// A smooth hill with its top at (x0, y0), value 1 there.
auto hill(double x0, double y0) {
  return [=](const std::array<double, 2>& p) { return 1 - (p[0] - x0) * (p[0] - x0) - 2 * (p[1] - y0) * (p[1] - y0); };
}
}  // namespace

TEST_CASE("an interior maximum next to the edge, where the best grid point is on the edge", "[maximise]") {
  // Grid 0, 0.25, ..., 1 in each coordinate: the best grid point is (0, 1), on two edges; the top is at
  // (0.1, 0.9), inside the box and on no grid line.
  const auto best = maximise_on_box(hill(0.1, 0.9), {0.0, 0.0}, {1.0, 1.0}, {5, 5}, 40, 1e-14);
  CHECK(best.converged);
  CHECK(std::abs(best.at[0] - 0.1) < 1e-6);
  CHECK(std::abs(best.at[1] - 0.9) < 1e-6);
  CHECK(std::abs(best.value - 1) < 1e-12);
}

TEST_CASE("an interior maximum away from the edges and from the grid", "[maximise]") {
  const auto best = maximise_on_box(hill(0.337, 0.611), {0.0, 0.0}, {1.0, 1.0}, {5, 7}, 40, 1e-14);
  CHECK(std::abs(best.at[0] - 0.337) < 1e-6);
  CHECK(std::abs(best.at[1] - 0.611) < 1e-6);
  CHECK(std::abs(best.value - 1) < 1e-12);
}

TEST_CASE("a maximum on the edge stays there", "[maximise]") {
  // Top outside the box at (-0.3, 1.2): the maximum over the box is at the corner (0, 1).
  const auto best = maximise_on_box(hill(-0.3, 1.2), {0.0, 0.0}, {1.0, 1.0}, {5, 5}, 40, 1e-14);
  CHECK(best.at[0] == 0.0);
  CHECK(best.at[1] == 1.0);
}
