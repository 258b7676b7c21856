#!/usr/bin/env bash
# Faults: outputs are written through symbolic links and to standard output ('-'); a run interrupted by
# SIGINT or SIGTERM, or stopped by a file-size limit (a full disk), leaves the previous outputs exactly
# as they were and no temporary behind, and says so in one line (exit 4 for the file-size limit).
# Usage: cli_faults.sh KWE WORK
set -uo pipefail
KWE=$1
WORK=$2
rm -rf "$WORK"
mkdir -p "$WORK"
cd "$WORK" || exit 1
# A tiny audit: 11 values of C^234_21, about 2 s.
RUN=(run --checks 4.3 --beta 0.5 --omega-max 1e3 --digits 10 --jobs 1 --no-plots)
# Long (minutes: it is always interrupted, after 0.3 s or 2 s, so its length costs nothing and keeps
# the test meaningful however fast the engine becomes; 4.3 alone at omega <= 1e8, 30 digits, is 5 s).
LONG=(run --checks 4.3,4.4,4.5 --beta 0.3,0.5,0.75,1 --omega-max 1e8 --digits 30 --jobs 1 --no-plots)
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}
no_temporaries() {
  local left
  left=$(find . -name '*.tmp.*' -o -name '.kwe-verify-probe*')
  [ -z "$left" ] || fail "$1: temporaries left behind: $left"
}
old_outputs() {
  printf 'old json\n' > r.json
  printf 'old report\n' > r.md
  touch -d '2020-01-01 00:00:00' r.json r.md
  stamp=$(stat -c '%y %s' r.json r.md)
}
unchanged() {
  [ "$(cat r.json)" = "old json" ] && [ "$(cat r.md)" = "old report" ] && [ "$(stat -c '%y %s' r.json r.md)" = "$stamp" ] ||
    fail "$1: the previous outputs changed"
}

# 1. Through a chain of links, one of them dangling: the links stay links, the final target is written.
ln -s target.json link1.json
ln -s link1.json link2.json
"$KWE" "${RUN[@]}" --json link2.json --report "" >/dev/null 2>&1 || fail "run through links: exit $?"
[ -L link1.json ] && [ -L link2.json ] || fail "a link was replaced"
[ -f target.json ] && head -c 1 target.json | grep -q '{' || fail "the link's target was not written"
no_temporaries "links"

# 2. '-': the JSON on standard output (the summary goes to standard error), nothing on disk.
"$KWE" "${RUN[@]}" --json - --report "" > stdout.json 2>/dev/null || fail "--json -: exit $?"
head -c 1 stdout.json | grep -q '{' && tail -c 2 stdout.json | grep -q '}' || fail "--json - did not print the JSON alone"
[ ! -e ./- ] || fail "--json - wrote a file named -"

# 3. SIGINT and SIGTERM midway: the previous outputs intact, no temporaries.
for signal in INT TERM; do
  for delay in 0.3 2; do
    old_outputs
    "$KWE" "${LONG[@]}" --json r.json --report r.md >/dev/null 2>&1 &
    pid=$!
    sleep "$delay"
    kill -"$signal" "$pid"
    wait "$pid"
    code=$?
    [ "$code" -gt 128 ] || fail "SIG$signal after $delay s: exit $code, expected death by the signal"
    unchanged "SIG$signal after $delay s"
    no_temporaries "SIG$signal after $delay s"
  done
done

# 4. A file-size limit (the full disk of a small volume): one line, exit 4, nothing replaced.
old_outputs
err=$( (ulimit -f 1 && exec "$KWE" "${RUN[@]}" --json r.json --report r.md) 2>&1 >/dev/null)
code=$?
[ "$code" -eq 4 ] || fail "file-size limit: exit $code, expected 4: $err"
[ "$(printf '%s' "$err" | grep -c '')" -eq 1 ] || fail "file-size limit: stderr is not one line: $err"
unchanged "file-size limit"
no_temporaries "file-size limit"

# 5. The outputs of one run are all written or none: a report that cannot be written keeps the JSON out.
old_outputs
mkdir -p ro && printf 'old\n' > ro/r.md && chmod 0555 ro
if [ "$(id -u)" -ne 0 ]; then
  "$KWE" "${RUN[@]}" --json r.json --report ro/r.md >/dev/null 2>&1
  [ $? -eq 2 ] || fail "an unwritable report: not refused up front"
  unchanged "an unwritable report"
fi
chmod 0755 ro

[ "$failures" -eq 0 ] && echo "faults: all passed"
[ "$failures" -eq 0 ]
