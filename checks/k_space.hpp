// The series of the k-space checks. Each sweeps its own variable and, at every point, takes the sup
// (inf) of a sphere integral (estimates/sphere.hpp) over the configurations of (k1, k2) the statement
// quantifies over, by a genuine search (maximise.hpp) in which every value is the sphere rule's:
//   (2.1)  s = 1 + |k1|^2 + |k2|^2: sup F and sup F1 over the angle gamma between k1 and k2 and the ratio
//          r = |k2|/|k1| in [0, 1] (F and F1 are symmetric in k1 <-> k2, which fixes |k2| <= |k1|);
//   (A)    |k1|: inf I over 1 <= |k2| <= 2 and the angle gamma between k1 and k2.
// A series depends on (beta, M) only where the integral does (not at all for 2.1): it is computed once per
// (beta, M, digits) and kept, so the audit's loop over (beta, M) does not recompute it.
#pragma once

#include "checks/check.hpp"

#include <string>

namespace kwe::checks {

// The range of the sweep variable (decimal strings, as Grid); the density is the request's per_decade.
struct KSpaceSweep {
  std::string from, to;
};

Series lemma_2_1_series(const SeriesRequest& request, const KSpaceSweep& sweep);
Series appendix_a_series(const SeriesRequest& request, const KSpaceSweep& sweep);

}  // namespace kwe::checks
