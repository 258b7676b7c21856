#!/usr/bin/env bash
# Installs what is missing, builds, and runs the default audit: every check of `kwe-verify list` for
# beta in {0.3, 0.5, 0.75, 1}, M = 12, w1 from 2 to 10^4, 12 digits, and the proofs of Section 4 replayed
# (run --proofs; 7.2 minutes on 2 cores, measured 2026-12-06). Writes
# report/REPORT.md, its HTML and plots, and report/results.json.
# Extra arguments go to `kwe-verify run` (e.g. --omega-max 1e8).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target kwe-verify
./build/kwe-verify run --proofs --json report/results.json --report report/REPORT.md "$@"
