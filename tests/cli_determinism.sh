#!/usr/bin/env bash
# Determinism: the JSON of one audit is byte-identical across runs and across --jobs 1, 2, 4, apart from
# the run's metadata (date, command line, commit, threads) and its timings ("seconds").
# Usage: cli_determinism.sh KWE WORK
set -uo pipefail
KWE=$1
WORK=$2
rm -rf "$WORK"
mkdir -p "$WORK"
cd "$WORK" || exit 1
# Section 4 (C^234_21 sweep) and Section 5 ((5.14), a comparison of two operators): about 7 s a run.
RUN=(run --checks 4.3,5.14 --beta 0.5 --omega-max 1e3 --digits 10 --report "")
strip() { grep -v -E '^\s*"(date|command|commit|seconds|jobs)":' "$1"; }
for jobs in 1 2 4 2; do
  "$KWE" "${RUN[@]}" --jobs "$jobs" --json "r$jobs.json" >/dev/null 2>&1 || { echo "FAIL: --jobs $jobs: exit $?"; exit 1; }
  if [ -e reference.json ]; then
    if ! diff <(strip reference.json) <(strip "r$jobs.json") >/dev/null; then
      echo "FAIL: --jobs $jobs differs from --jobs 1:"
      diff <(strip reference.json) <(strip "r$jobs.json") | head -20
      exit 1
    fi
  else
    cp "r$jobs.json" reference.json
  fi
done
echo "determinism: identical across --jobs 1, 2, 4 and a rerun"
