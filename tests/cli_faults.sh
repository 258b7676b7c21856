#!/usr/bin/env bash
# Faults: outputs are written through symbolic links and to standard output ('-'); a run interrupted by
# SIGINT or SIGTERM, or stopped by a file-size limit (a full disk), leaves the previous outputs exactly
# as they were and no temporary behind, and says so in one line (exit 4 for the file-size limit).
# The plots directory and the HTML rendering are outputs like the others: a write that fails partway
# (a file-size limit hit by an SVG or by the HTML, a failed write of one plot), or a signal while
# gnuplot renders, leaves the previous JSON, report, HTML and plots as they were; without pandoc the
# HTML of the previous run is removed, never left beside a report it does not show.
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

# 6. With the plots and the HTML: a full set of previous outputs (JSON, report, HTML, plots) from a real run.
PLOTTED=(run --checks 4.3 --beta 0.5 --omega-max 1e3 --digits 10 --jobs 1 --quiet --json p/r.json --report p/r.md)
"$KWE" "${PLOTTED[@]}" >/dev/null 2>&1 || fail "the run with plots: exit $?"
have_html=0
[ -f p/r.html ] && have_html=1
if command -v gnuplot >/dev/null; then
  [ -f p/plots/4.3_panels.svg ] || fail "the run with plots wrote no plots/4.3_panels.svg"
fi
# Every file under p/: name, size, modification time, contents.
files_of() { (cd p && find . -type f -printf '%p %s %T@\n' | sort && find . -type f -exec md5sum {} + | sort); }
touch -d '2020-01-01 00:00:00' p/r.json p/r.md p/plots/* ${have_html:+p/r.html} 2>/dev/null
previous=$(files_of)
kept() { [ "$(files_of)" = "$previous" ] || fail "$1: the previous outputs (JSON, report, HTML, plots) changed"; }
one_line() { [ "$(printf '%s' "$2" | grep -c '')" -eq 1 ] || fail "$1: stderr is not one line: $2"; }

# 6a. One plot's write fails (KWE_TEST_FAIL_WRITE, a test hook: EIO on that file, after the JSON and the
# report were staged): exit 4, one line, nothing replaced, no temporary.
if command -v gnuplot >/dev/null; then
  err=$(KWE_TEST_FAIL_WRITE="$WORK/p/plots/4.3_panels.svg" "$KWE" "${PLOTTED[@]}" 2>&1 >/dev/null)
  code=$?
  [ "$code" -eq 4 ] || fail "a plot that cannot be written: exit $code, expected 4: $err"
  one_line "a plot that cannot be written" "$err"
  kept "a plot that cannot be written"
  no_temporaries "a plot that cannot be written"
fi
# 6b. File-size limits: 60 KB stops the SVGs (~50-80 KB) while they are rendered, 150 KB the HTML
# (~180 KB, the plots inlined) while it is committed; the JSON and the report (~5 KB) fit in both.
for limit in 60 150; do
  err=$( (ulimit -f "$limit" && exec "$KWE" "${PLOTTED[@]}") 2>&1 >/dev/null)
  code=$?
  if command -v gnuplot >/dev/null && { [ "$limit" -eq 60 ] || [ "$have_html" -eq 1 ]; }; then
    [ "$code" -eq 4 ] || fail "file-size limit $limit KB: exit $code, expected 4: $err"
    one_line "file-size limit $limit KB" "$err"
    kept "file-size limit $limit KB"
  fi
  no_temporaries "file-size limit $limit KB"
done
# 6c. SIGINT and SIGTERM while gnuplot renders (a gnuplot that never finishes): death by the signal, the
# previous outputs as they were, no staging directory left, the renderer killed.
mkdir -p slow && printf '#!/bin/sh\nexec sleep 60\n' > slow/gnuplot && chmod +x slow/gnuplot
for signal in INT TERM; do
  PATH="$WORK/slow:$PATH" "$KWE" "${PLOTTED[@]}" >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 50); do
    pgrep -P "$pid" >/dev/null && break
    sleep 0.1
  done
  child=$(pgrep -P "$pid")
  [ -n "$child" ] || fail "SIG$signal while rendering: gnuplot was never started"
  kill -"$signal" "$pid"
  wait "$pid"
  code=$?
  [ "$code" -gt 128 ] || fail "SIG$signal while rendering: exit $code, expected death by the signal"
  kept "SIG$signal while rendering"
  no_temporaries "SIG$signal while rendering"
  if [ -n "$child" ] && kill -0 "$child" 2>/dev/null; then
    fail "SIG$signal while rendering: gnuplot ($child) still runs"
    kill "$child"
  fi
done
# 6d. Without pandoc: the run succeeds, says so in one line, and the previous run's HTML is gone (it
# would show other results than the report beside it); the rest is replaced.
if [ "$have_html" -eq 1 ]; then
  mkdir -p nopandoc && { ! command -v gnuplot >/dev/null || ln -sf "$(command -v gnuplot)" nopandoc/gnuplot; }
  err=$(PATH="$WORK/nopandoc" "$KWE" "${PLOTTED[@]}" 2>&1 >/dev/null)
  code=$?
  [ "$code" -eq 0 ] || fail "without pandoc: exit $code: $err"
  one_line "without pandoc" "$err"
  [[ "$err" == *"pandoc"*"previous r.html is removed"* ]] || fail "without pandoc: stderr does not say that the HTML is removed: $err"
  [ ! -e p/r.html ] || fail "without pandoc: the previous r.html is still there"
  [ "$(stat -c %Y p/r.md)" != "$(date -d '2020-01-01 00:00:00' +%s)" ] || fail "without pandoc: the report was not replaced"
  no_temporaries "without pandoc"
fi

[ "$failures" -eq 0 ] && echo "faults: all passed"
[ "$failures" -eq 0 ]
