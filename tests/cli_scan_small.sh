#!/usr/bin/env bash
# scan on a tiny range (two betas, seven points, no oscillating term; ~2 s on one thread): its progress
# display on stderr, one line every few seconds when stderr is not a terminal, nothing with --quiet; its
# outputs SCAN.md, scan.json and plots/scan_thresholds.* written beside each other.
# Usage: cli_scan_small.sh KWE WORK
set -uo pipefail
KWE=$1
WORK=$2
rm -rf "$WORK"
mkdir -p "$WORK"
cd "$WORK" || exit 1
SCAN=(scan --beta-min 0.3 --beta-max 0.4 --beta-step 0.1 --oscillating-step 1 --omega-max 1e2 --digits 10 --jobs 1)
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# 1. Lines mode (stderr is a file): progress lines naming the values done and the beta, a final line.
"$KWE" "${SCAN[@]}" --json out/scan.json --report out/SCAN.md >stdout.txt 2>stderr.txt
code=$?
# No crossing lies in [0.3, 0.4]: exit 1 (a threshold not found where predicted).
[ "$code" -eq 1 ] || fail "scan: exit $code, expected 1: $(cat stderr.txt)"
# A line shows once the work has run a second (the ticker's first wake): on a machine where the whole
# scan takes under that, only the final line is expected.
elapsed=$(sed -n 's/^kwe-verify: 28\/28 values, done in \([0-9.]*\) s$/\1/p' stderr.txt)
if awk -v t="${elapsed:-0}" 'BEGIN { exit !(t >= 1.2) }'; then
  grep -q '^kwe-verify: [0-9]*/28 values (.*β = 0\.[34], M = 12' stderr.txt || fail "no progress line: $(cat stderr.txt)"
fi
grep -q '^kwe-verify: 28/28 values, done in' stderr.txt || fail "no final progress line: $(cat stderr.txt)"
! grep -q $'\r' stderr.txt || fail "a carriage return in lines mode"
for f in out/SCAN.md out/scan.json out/plots/scan_thresholds.dat out/plots/scan_thresholds.gp; do
  [ -s "$f" ] || fail "scan did not write $f"
done
if command -v gnuplot >/dev/null; then
  [ -s out/plots/scan_thresholds.svg ] || fail "scan did not render plots/scan_thresholds.svg"
fi

# 2. --quiet: nothing on stderr.
"$KWE" "${SCAN[@]}" --json "" --report "" --quiet >/dev/null 2>quiet.txt
[ ! -s quiet.txt ] || fail "--quiet printed: $(cat quiet.txt)"

[ "$failures" -eq 0 ] && echo "scan: all passed"
[ "$failures" -eq 0 ]
