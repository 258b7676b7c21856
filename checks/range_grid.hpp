// The range audit's grid (issue 13): every check at points (β, M) covering its hypotheses up to their
// edges, instead of the default audit's four β at M = 12.
//
//   Section 4 (0 <= β <= 1, M > 6):      β ∈ {0, 1/8, 1/4, 1/2, 3/4, 7/8, 1} ×
//                                         M ∈ {6.25, 6.5, 7, 8, 10, 12, 16, 24}
//   Section 5 (1/4 < β <= 1, M > 10):    β ∈ {0.26, 3/8, 1/2, 3/4, 1} ×
//                                         M ∈ {10.25, 10.5, 11, 12, 16, 24}
//   Appendix A (M > 2β + 2):             β ∈ {0, 1/4, 1/2, 3/4, 1} × M = 2β + 2 + {1/4, 1/2, 1, 2, 4, 10}
//   Lemma 2.1 (no β, M):                 one point, (1/2, 12)
//
// Denser towards the edges of each range (M → M_min, β → its ends), where the regions dominating an
// integral trade places and tails converge slowly; the whole range of M up to 24, where the decay
// exponents M/2 and M separate the pieces of a maximum most. The points are decimals, exact in the
// rationals of checks/rational.hpp (0.26 is 13/50), so the exact regions of checks/range.hpp contain
// them or not without rounding. Section 5 has fewer β than Section 4: its (5.21) costs ~25 s a point
// (C[n0] along w1 = 2πB/N), the rest of Section 5 ~15 s, Section 4's checks ~1-2 s.
#pragma once

#include "checks/check.hpp"

#include <string>
#include <vector>

namespace kwe::checks {

struct GridPoint {
  std::string beta, M;
  friend bool operator==(const GridPoint&, const GridPoint&) = default;
};

// In the order β, then M; every point inside the check's hypotheses (region_of(check.hypotheses)).
std::vector<GridPoint> range_grid(const Check& check);

}  // namespace kwe::checks
