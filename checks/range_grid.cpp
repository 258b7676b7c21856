#include "checks/range_grid.hpp"

#include "checks/polygon.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace kwe::checks {

std::vector<GridPoint> range_grid(const Check& check) {
  if (!check.involves_beta_M) return {{"0.5", "12"}};  // Lemma 2.1: F and F1 involve neither
  std::vector<GridPoint> grid;
  const Hypotheses& h = check.hypotheses;
  if (!h.region.empty()) {
    // A region of its own (Appendix A: M > 2β + 2): M measured from its lower edge at each β, the largest
    // of the constraints' lower bounds g = a + bβ + cM < 0 with c < 0, i.e. M > -(a + bβ)/c.
    const Polygon region = region_of(h);
    for (const char* beta : {"0", "0.25", "0.5", "0.75", "1"}) {
      const Rational b = parse_rational(beta);
      Rational edge = 0;
      for (const Constraint& c : region.constraints)
        if (c.g.M < 0) edge = std::max(edge, -(c.g.constant + c.g.beta * b) / c.g.M);
      for (const char* offset : {"0.25", "0.5", "1", "2", "4", "10"})
        grid.push_back({beta, fmt::format("{}", to_double(edge + parse_rational(offset)))});  // exact: binary fractions
    }
  } else if (h.M_min == 10) {
    for (const char* beta : {"0.26", "0.375", "0.5", "0.75", "1"})
      for (const char* M : {"10.25", "10.5", "11", "12", "16", "24"}) grid.push_back({beta, M});
  } else if (h.M_min == 6) {
    for (const char* beta : {"0", "0.125", "0.25", "0.5", "0.75", "0.875", "1"})
      for (const char* M : {"6.25", "6.5", "7", "8", "10", "12", "16", "24"}) grid.push_back({beta, M});
  } else {
    throw std::logic_error("range grid: check (" + check.id + ") has hypotheses no grid is written for: " + h.text);
  }
  const Polygon region = region_of(h);
  for (const GridPoint& p : grid)
    if (!region.contains({parse_rational(p.beta), parse_rational(p.M)}))
      throw std::logic_error("range grid: (" + p.beta + ", " + p.M + ") is outside the hypotheses of (" + check.id + ")");
  return grid;
}

}  // namespace kwe::checks
