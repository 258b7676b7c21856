// Shards joined: the audits of `run --shard k/n`, k = 1..n, of the same options, into the audit of the
// unsharded run (its results in the same order). Throws std::invalid_argument when the shards were run
// with different options, a shard is missing or given twice, or a result is missing.
#pragma once

#include "checks/audit.hpp"

#include <vector>

namespace kwe::checks {

Audit merge(const std::vector<Audit>& shards);

}  // namespace kwe::checks
