#!/usr/bin/env bash
# Installs what is missing, builds everything (the program, the tests, the benchmarks) and runs the
# test tier: unit, checks and cli labels, a few minutes on 2 cores. The `long` label (conservation to
# 1e-20, about 10^8 integrand calls) is left out: `ctest --test-dir build -L long` runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)" -LE long
