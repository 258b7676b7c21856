#!/usr/bin/env bash
# The bad-input table: every case must exit 2 before any computation, print exactly one line on stderr
# that contains the expected text (the bad value or option), and leave every file as it was (names,
# types, sizes, contents, link targets and modification times to the nanosecond).
# Usage: cli_bad_input.sh KWE WORK
set -uo pipefail
KWE=$1
WORK=$2
rm -rf "$WORK"
mkdir -p "$WORK/dir"
cd "$WORK" || exit 1
printf '{"old": true}\n' > old.json
printf '# old report\n' > old.md
ln -s old.json link.json
mkfifo fifo
mkdir -p pf && printf 'not a directory\n' > pf/plots   # a plots "directory" that is a file
touch -d '2020-01-01 00:00:00.123456789' old.json old.md pf/plots

snapshot() {
  find . -printf '%p %y %s %T@ %l\n' | sort
  find . -type f -exec md5sum {} + | sort
}
before=$(snapshot)

failures=0
count=0
# bad NEEDLE ARGS...: NEEDLE must appear in the one line on stderr.
bad() {
  local needle=$1
  shift
  count=$((count + 1))
  local err code lines
  err=$(timeout 30 "$KWE" "$@" 2>&1 >/dev/null)
  code=$?
  lines=$(printf '%s' "$err" | grep -c '')
  if [ "$code" -ne 2 ]; then
    echo "FAIL [$count] kwe-verify $*: exit $code, expected 2: $err"
    failures=$((failures + 1))
  elif [ "$lines" -ne 1 ]; then
    echo "FAIL [$count] kwe-verify $*: $lines lines on stderr, expected 1: $err"
    failures=$((failures + 1))
  elif [[ "$err" != *"$needle"* ]]; then
    echo "FAIL [$count] kwe-verify $*: stderr does not name '$needle': $err"
    failures=$((failures + 1))
  fi
  local after
  after=$(snapshot)
  if [ "$after" != "$before" ]; then
    echo "FAIL [$count] kwe-verify $*: files changed:"
    diff <(echo "$before") <(echo "$after")
    failures=$((failures + 1))
    before=$after
  fi
}

E=(eval --quantity C234_21 --M 12)
F=(--json "$WORK/r.json" --report "$WORK/r.md")
long_name=$(printf 'a%.0s' $(seq 300))

# eval: the operators
bad "1.5" "${E[@]}" --beta 1.5 --omega 10
bad "-0.1" "${E[@]}" --beta -0.1 --omega 10
bad "nan" "${E[@]}" --beta nan --omega 10
bad "0.3x" "${E[@]}" --beta 0.3x --omega 10
bad "beta: ''" "${E[@]}" --beta "" --omega 10
bad "omega: 0" "${E[@]}" --beta 0.5 --omega 0
bad "abc" "${E[@]}" --beta 0.5 --omega abc
bad "inf" "${E[@]}" --beta 0.5 --omega inf
bad "1e999" "${E[@]}" --beta 0.5 --omega 1e999
bad "1e16" "${E[@]}" --beta 0.5 --omega 1e16
bad "digits: 5" "${E[@]}" --beta 0.5 --omega 10 --digits 5
bad "2000" "${E[@]}" --beta 0.5 --omega 10 --digits 2000
bad "3.5" "${E[@]}" --beta 0.5 --omega 10 --digits 3.5
bad "99999999999" "${E[@]}" --beta 0.5 --omega 10 --digits 99999999999
bad "digits: ''" "${E[@]}" --beta 0.5 --omega 10 --digits ""
bad "n03" "${E[@]}" --beta 0.5 --omega 10 --data n01,n03,n01
bad "n01,n01," "${E[@]}" --beta 0.5 --omega 10 --data n01,n01,
bad "N: 0" eval --quantity C234_21 --beta 0.5 --omega 10 --data n01,n01,n02 --N 0
bad "1e30" eval --quantity C234_21 --beta 0.5 --omega 10 --data n01,n01,n02 --N 1e30
bad "1.5" eval --quantity I2 --beta 0.5 --omega 10 --N 1.5
bad "1e20" eval --quantity C234_21 --beta 0.5 --M 1e20 --omega 10
bad "M: 0" eval --quantity C234_21 --beta 0.5 --M 0 --omega 10
bad "-3" eval --quantity C234_21 --beta 0.5 --M -3 --omega 10
bad "A: -1" eval --quantity I2 --beta 0.5 --omega 10 --A -1
bad "1e7" eval --quantity I2 --beta 0.5 --omega 10 --A 1e7
bad "--A 5" "${E[@]}" --beta 0.5 --omega 10 --A 5
bad "--N 7" "${E[@]}" --beta 0.5 --omega 10 --N 7
bad "--data" eval --quantity I1 --beta 0.5 --omega 10 --data n01,n01,n02
bad "C999" eval --quantity C999 --beta 0.5 --omega 10
bad "I7" eval --quantity I7 --beta 0.5 --omega 10
bad "Env234_22" eval --quantity Env234_22 --beta 0.5 --omega 10
bad "piece 1" eval --quantity C234_1 --beta 0.5 --omega 10 --data n01,n01,n02
bad "n3" eval --quantity C --beta 0.5 --omega 10 --data n0,n0,n3
bad "--quantity" eval --beta 0.5 --omega 10
bad "--beta" eval --quantity C234_21 --omega 10
bad "--k1" "${E[@]}" --beta 0.5 --omega 10 --k1 1,2,3
bad "--beta" "${E[@]}" --beta 0.5 --beta 0.6 --omega 10
bad "--beta" "${E[@]}" --omega 10 --beta
# eval: Lemma 2.1's F, F1
bad "1,2" eval --quantity F --k1 1,2 --k2 0,0,0
bad "1,2,3,4" eval --quantity F --k1 1,2,3,4 --k2 0,0,0
bad "nan" eval --quantity F --k1 nan,0,0 --k2 0,0,0
bad "inf" eval --quantity F1 --k1 1,2,3 --k2 1,inf,0
bad "k1.y: 'x'" eval --quantity F1 --k1 1,x,3 --k2 0,0,0
bad "--k2" eval --quantity F --k1 1,2,3
bad "--beta" eval --quantity F --k1 1,2,3 --k2 0,0,0 --beta 0.5
bad "--M" eval --quantity F --k1 1,2,3 --k2 0,0,0 --M 8
bad "digits: 5" eval --quantity F --k1 1,2,3 --k2 0,0,0 --digits 5
bad "1e7,0,0" eval --quantity F --k1 1e7,0,0 --k2 0,0,0
# run: checks, parameters, grid, assumptions
bad "9.9" run --checks 9.9 "${F[@]}"
bad "4.3," run --checks 4.3, "${F[@]}"
bad "'4.3' is given twice" run --checks 4.3,4.3 "${F[@]}"
bad "checks: ''" run --checks "" "${F[@]}"
bad "beta: 2" run --beta 2 "${F[@]}"
bad "0.5," run --beta 0.5, "${F[@]}"
bad ",0.5" run --beta ,0.5 "${F[@]}"
bad "0.50" run --beta 0.5,0.50 "${F[@]}"
bad "NaN" run --M NaN "${F[@]}"
bad "1e20" run --M 1e20 "${F[@]}"
bad "M: 6" run --checks 4.3 --M 6 "${F[@]}"
bad "M: 10" run --checks 5.3 --M 10 "${F[@]}"
bad "1e-400" run --checks 4.3 --beta 1e-400 "${F[@]}"
bad "1e-400" scan --beta-min 1e-400 --json "$WORK/s.json" --report "$WORK/s.md"
bad "beta: 0.2" run --checks 5.3 --beta 0.2 "${F[@]}"
bad "abc" run --points-per-decade abc "${F[@]}"
bad "points-per-decade: 0" run --points-per-decade 0 "${F[@]}"
bad "101" run --points-per-decade 101 "${F[@]}"
bad "omega-max 10" run --checks 4.3 --omega-max 10 --points-per-decade 1 "${F[@]}"
bad "'4.3'" run --assume 4.3 "${F[@]}"
bad "gamma" run --assume 4.3=2gamma "${F[@]}"
bad "1/0" run --checks 4.3 --assume 4.3=1/0 "${F[@]}"
bad "0/0" run --checks 4.3 --assume 4.3=0/0 "${F[@]}"
bad "2000000000" run --checks 4.3 --assume 4.3=2000000000 "${F[@]}"
bad "4.5=2beta" run --checks 4.3 --assume 4.5=2beta "${F[@]}"
bad "4.3" run --checks 4.3 --assume 4.3=1 --assume 4.3=2 "${F[@]}"
bad "9.9" run --assume 9.9=1 "${F[@]}"
bad "'(4.3)' is given twice" run --checks "4.3,(4.3)" "${F[@]}"
bad "two exponents" run --assume 4.3=1 --assume "(4.3)=2" "${F[@]}"
bad "not among --checks" run --checks "(4.3)" --assume 4.4=1 "${F[@]}"
bad "assume: exponent 'inf'" run --checks 4.3 --assume 4.3=inf "${F[@]}"
bad "jobs: 0" run --jobs 0 "${F[@]}"
bad "100000" run --jobs 100000 "${F[@]}"
bad "jobs: 'abc'" run --jobs abc "${F[@]}"
bad "0.5" run --omega-min 0.5 "${F[@]}"
bad "1e16" run --omega-min 1e16 "${F[@]}"
bad "1e16" run --omega-max 1e16 "${F[@]}"
bad "omega-max: 1" run --omega-max 1 "${F[@]}"
bad "digits: 5" run --digits 5 "${F[@]}"
bad "1001" run --digits 1001 "${F[@]}"
# run: output paths
bad "/proc/x.json" run --checks 4.3 --json /proc/x.json --report ""
bad "$long_name" run --checks 4.3 --json "$WORK/$long_name.json" --report ""
bad "same file" run --checks 4.3 --json "$WORK/same" --report "$WORK/same"
bad "same file" run --checks 4.3 --json "$WORK/link.json" --report "$WORK/old.json"
bad "same file" run --checks 4.3 --json - --report -
bad "directory" run --checks 4.3 --json "$WORK/dir" --report ""
bad "FIFO" run --checks 4.3 --json "$WORK/fifo" --report ""
bad "/dev/null" run --checks 4.3 --json /dev/null --report ""
bad "old.json" run --checks 4.3 --json "" --report "$WORK/old.json/x.md"
bad "directory" run --checks 4.3 --json "$WORK/r.json" --report "$WORK/dir/"
# run, merge, scan: what is written beside the report (its HTML rendering, plots/) is checked up front too
bad "pf/plots' is a regular file, not a directory" run --checks 4.3 --json "" --report "$WORK/pf/r.md"
bad "own HTML rendering" run --checks 4.3 --json "" --report "$WORK/r.html"
bad "same file as json" run --checks 4.3 --json "$WORK/r.html" --report "$WORK/r.md"
bad "same file as junit" run --checks 4.3 --json "" --report "$WORK/r.md" --junit "$WORK/r.html"
bad "plots directory" run --checks 4.3 --json "$WORK/plots" --report "$WORK/r.md"
# The range audit takes its (beta, M) from the hypotheses.
bad "drop --beta and --M" run --range --beta 0.5 "${F[@]}"
bad "drop --beta and --M" run --range --M 12 "${F[@]}"
bad "M: 3 at beta 1 is outside the hypotheses of check (A)" run --checks A --beta 1 --M 3 "${F[@]}"
bad "pf/plots' is a regular file" merge old.json --json "" --report "$WORK/pf/r.md"
bad "pf/plots' is a regular file" scan --json "" --report "$WORK/pf/s.md"
# the parser
bad "--bogus" run --bogus "${F[@]}"
bad "frobnicate" frobnicate
bad "--version-of-nothing" --version-of-nothing
bad "extra" list extra
bad "subcommand"
# scan
S=(scan --json "$WORK/s.json" --report "$WORK/s.md")
bad "beta-step: 0" "${S[@]}" --beta-step 0
bad "0.1" "${S[@]}" --beta-min 0.9 --beta-max 0.1
bad "1.5" "${S[@]}" --beta-max 1.5
bad "-0.5" "${S[@]}" --beta-min -0.5
bad "0.0001" "${S[@]}" --beta-step 0.0001
bad "nan" "${S[@]}" --M nan
bad "M: 8" "${S[@]}" --M 8
bad "digits: 5" "${S[@]}" --digits 5
bad "-0.1" "${S[@]}" --oscillating-step -0.1
bad "tenth" "${S[@]}" --oscillating-step tenth
bad "oscillating-step: 2" "${S[@]}" --oscillating-step 2
bad "jobs: 0" "${S[@]}" --jobs 0
bad "100000" "${S[@]}" --jobs 100000
bad "same file" scan --json "$WORK/x" --report "$WORK/x"
bad "1e16" "${S[@]}" --omega-max 1e16
bad "--bogus" "${S[@]}" --bogus

# proofs: chains, parameters, grid, digits, outputs
P=(proofs --json "$WORK/p.json" --report "$WORK/p.md")
bad "9.9" "${P[@]}" --chains 9.9
bad "4.3," "${P[@]}" --chains 4.3,
bad "digits: 5" "${P[@]}" --digits 5
bad "digits: 31" "${P[@]}" --digits 31
bad "beta" "${P[@]}" --beta 2
bad "0.5x" "${P[@]}" --beta 0.5x
bad "M" "${P[@]}" --M 0
bad "omega" "${P[@]}" --omega-max 5
bad "points-per-decade: 0" "${P[@]}" --points-per-decade 0
bad "jobs: 0" "${P[@]}" --jobs 0
bad "same file" proofs --json "$WORK/x" --report "$WORK/x"
bad "pf/plots' is a regular file" proofs --json "" --report "$WORK/pf/PROOFS.md"
bad "does not combine with --range" run --proofs --range "${F[@]}"
bad "a shard cannot carry" run --proofs --shard 1/2 "${F[@]}"

echo "$count bad-input cases, $failures failures"
[ "$failures" -eq 0 ] && [ "$count" -ge 60 ]
