#include "checks/merge.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace kwe::checks {

namespace {

// The options that change the results (not the shard).
bool same_work(const AuditOptions& a, const AuditOptions& b) {
  return a.check_ids == b.check_ids && a.betas == b.betas && a.Ms == b.Ms && a.grid.omega_min == b.grid.omega_min &&
         a.grid.omega_max == b.grid.omega_max && a.grid.per_decade == b.grid.per_decade && a.digits == b.digits && a.assumed == b.assumed &&
         a.tolerances.max_uncertainty == b.tolerances.max_uncertainty && a.tolerances.min_uncertainty == b.tolerances.min_uncertainty &&
         a.tolerances.control_margin == b.tolerances.control_margin && a.shard_count == b.shard_count && a.range == b.range &&
         a.refine == b.refine;
}

}  // namespace

Audit merge(const std::vector<Audit>& shards) {
  if (shards.empty()) throw std::invalid_argument("merge: no results files");
  const AuditOptions& first = shards.front().options;
  std::vector<bool> seen(first.shard_count, false);
  for (const Audit& s : shards) {
    if (!same_work(s.options, first))
      throw std::invalid_argument(fmt::format("merge: shard {}/{} was run with other options than shard {}/{}", s.options.shard_index,
                                              s.options.shard_count, first.shard_index, first.shard_count));
    if (seen[s.options.shard_index - 1])
      throw std::invalid_argument(fmt::format("merge: shard {}/{} is given twice", s.options.shard_index, s.options.shard_count));
    seen[s.options.shard_index - 1] = true;
  }
  for (unsigned k = 0; k < first.shard_count; ++k)
    if (!seen[k]) throw std::invalid_argument(fmt::format("merge: shard {}/{} is missing", k + 1, first.shard_count));

  Audit merged;
  merged.options = first;
  merged.options.shard_index = merged.options.shard_count = 1;
  const std::vector<Unit> all = units(merged.options);
  std::vector<const CheckResult*> slot(all.size(), nullptr), refinements;
  for (const Audit& s : shards) {
    merged.seconds += s.seconds;
    for (const CheckResult& r : s.results) {
      // The range audit's second pass (an unsharded run only): its points follow the grid, in their order.
      if (r.refinement) {
        refinements.push_back(&r);
        continue;
      }
      const auto u = std::find_if(all.begin(), all.end(), [&](const Unit& x) { return x.check == r.check && x.beta == r.beta && x.M == r.M; });
      if (u == all.end()) throw std::invalid_argument("merge: (" + r.check->id + ") at beta = " + r.beta + " is not part of the run");
      slot[static_cast<std::size_t>(u - all.begin())] = &r;
    }
  }
  for (std::size_t u = 0; u < all.size(); ++u) {
    if (!slot[u]) throw std::invalid_argument(fmt::format("merge: no result for ({}) at beta = {}, M = {}", all[u].check->id, all[u].beta, all[u].M));
    merged.results.push_back(*slot[u]);
  }
  for (const CheckResult* r : refinements) merged.results.push_back(*r);
  return merged;
}

}  // namespace kwe::checks
