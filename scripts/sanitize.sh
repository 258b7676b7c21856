#!/usr/bin/env bash
# kwe-verify under AddressSanitizer + UndefinedBehaviorSanitizer: the CMake preset asan-ubsan
# (CMakePresets.json, build tree build-asan/).
#   bash scripts/sanitize.sh          the subset .ci/run runs: the unit tests of the parsers and the logic
#                                     (test_exponent, test_maximise, test_fit_verdict) and the bad-input
#                                     table (cli_bad_input, 126 runs of the program's validation paths)
#   bash scripts/sanitize.sh --full   the whole unit tier (label unit; the quadrature and oscillatory tests
#                                     run several times slower under the sanitizers: beyond the CI budget)
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
bash scripts/install-deps.sh
cmake --preset asan-ubsan >/dev/null
if [ "${1:-}" = "--full" ]; then
  cmake --build --preset asan-ubsan -j"$jobs"
  ctest --preset asan-ubsan-unit -j"$jobs"
else
  cmake --build --preset asan-ubsan -j"$jobs" --target kwe-verify test_exponent test_maximise test_fit_verdict
  # The unit tests of the executables not built are registered as *_NOT_BUILT: left out.
  ctest --preset asan-ubsan-unit -j"$jobs" -E '_NOT_BUILT'
fi
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  ctest --test-dir build-asan -R '^cli_bad_input$' --output-on-failure
