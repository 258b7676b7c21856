#!/usr/bin/env bash
# Numerical honesty under stress: with the working precision forced far below what the tolerance needs
# (KWE_TEST_PRECISION_DIGITS=6, estimates/real.hpp), no value may be verified and no verdict PASS:
# eval exits 3, and run says INCONCLUSIVE (exit 3) for one check of each family: Section 4 (4.3),
# Section 5 ((5.14), with its comparison), and Lemma 2.1's k-space quantity F (eval; the check (2.1)
# itself, a sup over configurations, takes minutes at that precision).
# Usage: cli_forced_imprecision.sh KWE WORK
set -uo pipefail
KWE=$1
WORK=$2
rm -rf "$WORK"
mkdir -p "$WORK"
cd "$WORK" || exit 1
export KWE_TEST_PRECISION_DIGITS=6
failures=0
expect() {
  local want=$1
  shift
  "$@" > out.txt 2>err.txt
  local code=$?
  if [ "$code" -ne "$want" ]; then
    echo "FAIL: $*: exit $code, expected $want"; cat out.txt err.txt
    failures=$((failures + 1))
  fi
}
expect 3 "$KWE" eval --quantity C234_21 --beta 0.5 --omega 100 --digits 10 --json
grep -q '"verified":false' out.txt || { echo "FAIL: eval C234_21 verified"; failures=$((failures + 1)); }
expect 3 "$KWE" eval --quantity F --k1 1,0,0 --k2 0,0,0 --digits 10 --json
grep -q '"verified":false' out.txt || { echo "FAIL: eval F verified"; failures=$((failures + 1)); }
for check in 4.3 5.14; do
  expect 3 "$KWE" run --checks "$check" --beta 0.5 --omega-max 1e3 --digits 10 --jobs 1 --json r.json --report ""
  grep -q '"verdict": "INCONCLUSIVE"' r.json || { echo "FAIL: ($check) is not INCONCLUSIVE"; failures=$((failures + 1)); }
  if grep -q '"verdict": "PASS"' r.json; then echo "FAIL: ($check) PASS survived"; failures=$((failures + 1)); fi
done
[ "$failures" -eq 0 ] && echo "forced imprecision: every value unverified, every verdict INCONCLUSIVE"
[ "$failures" -eq 0 ]
