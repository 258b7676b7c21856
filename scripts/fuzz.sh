#!/usr/bin/env bash
# Fuzzes kwe-verify's option parser, exponent parser and decimal parser (fuzz/fuzz_options.cpp) with
# libFuzzer under AddressSanitizer and UndefinedBehaviorSanitizer, for a bounded time, and reports the
# executions and the crashes. Usage: bash scripts/fuzz.sh [SECONDS=120]
# Clang and its runtime come from Debian (clang, libclang-rt-14-dev: scripts/install-deps.sh).
# Build tree: build-fuzz/; corpus: fuzz/corpus (seeds, in git) + build-fuzz/corpus (what the run adds);
# crashes: build-fuzz/crashes/ (each one found must become a test: tests/test_fuzz_regressions.cpp).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-120}
bash scripts/install-deps.sh
flags="-fsanitize=address,undefined,fuzzer-no-link -fno-omit-frame-pointer -g -O1"
cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS="$flags" -DKWE_BUILD_TESTS=OFF -DKWE_BUILD_BENCH=OFF -DKWE_BUILD_FUZZ=ON >/dev/null
cmake --build build-fuzz -j1 --target fuzz_options
mkdir -p build-fuzz/corpus build-fuzz/crashes
log=build-fuzz/fuzz.log
set +e
ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  ./build-fuzz/fuzz_options build-fuzz/corpus fuzz/corpus -max_total_time="$seconds" -max_len=512 -timeout=10 \
  -artifact_prefix=build-fuzz/crashes/ -print_final_stats=1 >"$log" 2>&1
code=$?
set -e
runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
crashes=$(find build-fuzz/crashes -type f | wc -l)
echo "fuzz: ${seconds} s, ${runs} executions, ${crashes} crash files (libFuzzer exit ${code}; log ${log})"
[ "$code" -eq 0 ] && [ "$crashes" -eq 0 ]
