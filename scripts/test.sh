#!/usr/bin/env bash
# Installs what is missing, builds everything (the program, the tests, the benchmarks) and runs the
# test tier: unit, checks and cli labels, a few minutes on 2 cores. The `long` label (conservation to
# 1e-20, about 10^8 integrand calls) and the `audit` label (one test per check on the default grid, the
# whole audit: ~5 min) are left out: `ctest --test-dir build -L long`, `ctest --test-dir build -L audit` run them.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)" -LE "long|audit"
