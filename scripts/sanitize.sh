#!/usr/bin/env bash
# The unit tier (label unit) and the command-line bad-input table under AddressSanitizer and
# UndefinedBehaviorSanitizer: the CMake preset asan-ubsan (CMakePresets.json), build tree build-asan/.
# Run by .ci/run after the test tier. Usage: bash scripts/sanitize.sh [JOBS=nproc]
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${1:-$(nproc)}
bash scripts/install-deps.sh
cmake --preset asan-ubsan >/dev/null
cmake --build --preset asan-ubsan -j"$jobs"
ctest --preset asan-ubsan-unit -j"$jobs"
ctest --test-dir build-asan -R '^cli_bad_input$' --output-on-failure
