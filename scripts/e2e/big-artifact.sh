#!/usr/bin/env bash
# A 100 MB artifact (scripts/e2e/big-artifact.py: 1.3 M log lines with hostile bytes in them) on
# a seeded SQLite file and on a seeded database of a throwaway PostgreSQL of this script's own.
# The viewer opens it at once, G reaches the last line, g the first, a search finds the middle
# marker and n goes on through the whole artifact; keys answer while windows load; no control
# byte of the data reaches the terminal, every row fits, the process's peak RSS stays bounded;
# `snapshot` prints no control byte in bounded memory; q quits and gives the terminal back.
# Timings are printed as "# ..." lines. TASKDASH_SKIP_POSTGRES=1 leaves PostgreSQL out.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

GENERATOR="$E2E_ROOT/scripts/e2e/big-artifact.py"
# Peak resident memory allowed, in kB, for the dashboard and for snapshot.
WATCH_PEAK_KB=${BIG_WATCH_PEAK_KB:-81920}
SNAPSHOT_PEAK_KB=${BIG_SNAPSHOT_PEAK_KB:-81920}
# The slowest acceptable answers, in milliseconds (debug build, a shared 2-core machine).
OPEN_MS=5000
END_MS=10000
SEARCH_MS=30000

# wait_ms NAME TEXT SECONDS: waits until TEXT is on the screen; prints the milliseconds since
# $MARK_MS, or fails after SECONDS.
wait_ms() {
  local deadline=$(($(e2e_now_ms) + $3 * 1000))
  while [ "$(e2e_now_ms)" -lt "$deadline" ]; do
    if e2e_screen_has "$1" "$2"; then
      echo $(($(e2e_now_ms) - MARK_MS))
      return 0
    fi
    sleep 0.05
  done
  echo "--- screen of $1 while waiting for '$2':" >&2
  e2e_screen "$1" >&2
  return 1
}

# within MS LIMIT: MS is a number no larger than LIMIT.
within() { [ -n "$1" ] && [ "$1" -le "$2" ]; }

# peak_kb COMMAND...: runs COMMAND (stdout kept, stderr dropped), prints its peak RSS in kB
# and returns its status.
peak_kb() {
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%M" -o "$E2E_WORK/time.out" "$@" 2>/dev/null
    local status=$?
    tail -1 "$E2E_WORK/time.out" >&3
    return $status
  fi
  "$@" 2>/dev/null &
  local pid=$! peak=0 value
  while kill -0 "$pid" 2>/dev/null; do
    value=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null)
    [ -n "$value" ] && [ "$value" -gt "$peak" ] && peak=$value
    sleep 0.02
  done
  wait "$pid"
  local status=$?
  echo "$peak" >&3
  return $status
}

# Every screen row at most WIDTH cells (wide glyphs count two, combining and format characters
# zero).
cat >"$E2E_WORK/width.py" <<'EOF'
import sys, unicodedata
width = int(sys.argv[1])
failed = False
for number, line in enumerate(sys.stdin.read().split("\n")[:-1], 1):
    cells = sum(0 if unicodedata.category(ch) in ("Mn", "Me", "Cf") else
                2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in line)
    if cells > width:
        print("row %d is %d cells wide: %r" % (number, cells, line), file=sys.stderr)
        failed = True
sys.exit(1 if failed else 0)
EOF
fits() { tmux capture-pane -p -t "$1" | python3 "$E2E_WORK/width.py" 120; }

# What the artifact plants, none of which may reach the terminal (stream-check.py checks the
# rest: no OSC, DCS, status query, C1 control, bell or invalid UTF-8).
PLANTED=('\x1b]0;pwned-big' '\x1b[2Jcleared-big' '\x1b[9999;9999H' '\x1b[6n' '\xc2\x9b2J' 'visible\rHIDDEN-big' 'abc\b\b\bXYZ-big' '\xff\xfe\xc0\xaf' '\x1b]52;')

# Output of snapshot: UTF-8, no control character but \n, no DEL or C1; it lists big.log.
cat >"$E2E_WORK/clean.py" <<'EOF'
import sys
text = open(sys.argv[1], "rb").read().decode("utf-8")
bad = sorted({"U+%04X" % ord(ch) for ch in text if (ord(ch) < 0x20 and ch != "\n") or 0x7f <= ord(ch) <= 0x9f})
if bad:
    print("control characters in the output: " + " ".join(bad), file=sys.stderr)
if "big.log" not in text:
    print("big.log is not listed", file=sys.stderr)
    bad = True
sys.exit(1 if bad else 0)
EOF

targets=("sqlite:$E2E_WORK/big.sqlite")
if [ "${TASKDASH_SKIP_POSTGRES:-}" != 1 ] && pg_own_server; then
  targets+=("$(pg_new_database big)")
fi

# A session that keeps the private tmux server up while the dashboards come and go.
e2e_start "td-big-keep-$$" sleep 600
tmux set-option -s set-clipboard on

for target in "${targets[@]}"; do
  kind=${target%%:*}
  "$TASKDASH" migrate up --database-url "$target" >/dev/null || { e2e_check "$kind: migrate" false; continue; }
  "$TASKDASH" seed --database-url "$target" --random-seed 7 >/dev/null 2>&1 || { e2e_check "$kind: seed" false; continue; }
  if [ "$kind" = sqlite ]; then
    python3 "$GENERATOR" sqlite "${target#sqlite:}" || { e2e_check "$kind: add the 100 MB artifact" false; continue; }
  else
    python3 "$GENERATOR" postgres | psql "$target" -qX -v ON_ERROR_STOP=1 >/dev/null ||
      { e2e_check "$kind: add the 100 MB artifact" false; continue; }
  fi

  # snapshot lists the artifact, prints no control byte, in bounded memory.
  for format in table json; do
    kb=$(peak_kb "$TASKDASH" snapshot --format "$format" --database-url "$target" 3>&1 >"$E2E_WORK/snapshot.$format")
    e2e_check "$kind: snapshot --format $format succeeds" [ $? = 0 ]
    e2e_check "$kind: snapshot --format $format lists big.log and prints no control character" \
      python3 "$E2E_WORK/clean.py" "$E2E_WORK/snapshot.$format"
    e2e_check "$kind: snapshot --format $format peaks at ${kb:-?} kB RSS (bound $SNAPSHOT_PEAK_KB)" within "$kb" "$SNAPSHOT_PEAK_KB"
  done

  session="td-big-$kind-$$"
  # The pause lets the output recording start before the first byte.
  e2e_start "$session" bash -c 'sleep 1; exec "$@"' _ "$TASKDASH" watch --database-url "$target"
  title_before=$(tmux display -p -t "$session" '#{pane_title}')
  tmux pipe-pane -o -t "$session" "cat >> '$E2E_WORK/$session.raw'"
  e2e_check "$kind: the dashboard shows the task 'big artifact'" e2e_wait_for "$session" "big artifact" 20

  # Drill: the task (newest), its run, its one artifact.
  e2e_keys "$session" Enter
  e2e_check "$kind: Enter on the task shows its runs" e2e_wait_for "$session" "Runs of big artifact (1)"
  e2e_keys "$session" Enter
  e2e_check "$kind: Enter on the run shows its artifact" e2e_wait_for "$session" "Artifacts of run #1 (1)"
  e2e_wait_for "$session" "100.0 MB" >/dev/null
  sleep 0.5
  MARK_MS=$(e2e_now_ms)
  e2e_keys "$session" Enter
  open_ms=$(wait_ms "$session" "BIG-MARKER-START the first marker line" 30)
  e2e_check "$kind: the viewer shows the first lines within $OPEN_MS ms (${open_ms:-never} ms)" within "$open_ms" "$OPEN_MS"
  e2e_check "$kind: the escapes on the first page are shown as marks" \
    e2e_screen_has "$session" 'H0000005 hostile \x1b]0;pwned-big\x07title-big end'
  e2e_check "$kind: a C1 CSI, \\r and \\b are shown as marks" bash -c \
    "s=\$(tmux capture-pane -p -t '$session'); grep -qF 'H0000009 hostile <U+009B>2Jc1-big' <<<\"\$s\" &&
     grep -qF 'visible\\rHIDDEN-big' <<<\"\$s\" && grep -qF 'abc\\x08\\x08\\x08XYZ-big' <<<\"\$s\""
  e2e_check "$kind: the title row counts the marks" bash -c "tmux capture-pane -p -t '$session' | sed -n 3p | grep -qE '⚠ [0-9]+ marks'"
  e2e_check "$kind: every row of the first page fits 120 cells" fits "$session"

  # G: the last window, read without those between.
  MARK_MS=$(e2e_now_ms)
  e2e_keys "$session" G
  end_ms=$(wait_ms "$session" "BIG-MARKER-END the very last line" 60)
  e2e_check "$kind: G shows the last line within $END_MS ms (${end_ms:-never} ms)" within "$end_ms" "$END_MS"
  e2e_check "$kind: the last line is the bottom row of the text" bash -c \
    "tmux capture-pane -p -t '$session' | sed -n 39p | grep -qF 'BIG-MARKER-END the very last line'"
  e2e_check "$kind: the last page shows its escapes as marks" e2e_screen_has "$session" '\x1b[9999;9999Hmoved-big'
  e2e_check "$kind: every row of the last page fits 120 cells" fits "$session"

  e2e_keys "$session" g
  e2e_check "$kind: g shows the first marker again" e2e_wait_for "$session" "BIG-MARKER-START" 10
  # End, and at once ?: the help opens, Esc closes it, the last line is there.
  e2e_keys "$session" End '?'
  e2e_check "$kind: ? right after End opens the help" e2e_wait_for "$session" "taskdash keys" 5
  e2e_keys "$session" Escape
  e2e_check "$kind: Esc closes the help" e2e_wait_gone "$session" "taskdash keys" 5
  e2e_check "$kind: End shows the last line" e2e_wait_for "$session" "BIG-MARKER-END the very last line" 10
  e2e_keys "$session" Home
  e2e_check "$kind: Home shows the first marker again" e2e_wait_for "$session" "BIG-MARKER-START" 10

  # A search from the top for the middle marker, with ? and Esc answered while it scans.
  MARK_MS=$(e2e_now_ms)
  e2e_keys "$session" / B I G - M A R K E R - M I D D L E Enter '?'
  help_ms=$(wait_ms "$session" "taskdash keys" 5)
  e2e_check "$kind: ? opens the help within 2000 ms while the search scans (${help_ms:-never} ms)" within "$help_ms" 2000
  e2e_keys "$session" Escape
  e2e_check "$kind: Esc closes the help during the search" e2e_wait_gone "$session" "taskdash keys" 5
  search_ms=$(wait_ms "$session" "BIG-MARKER-MIDDLE the middle marker line" 600)
  e2e_check "$kind: the search finds the middle marker within $SEARCH_MS ms (${search_ms:-never} ms)" \
    within "$search_ms" "$SEARCH_MS"
  e2e_check "$kind: the match is at the top, the search says found" bash -c \
    "s=\$(tmux capture-pane -p -t '$session'); sed -n 4p <<<\"\$s\" | grep -qF BIG-MARKER-MIDDLE && sed -n 3p <<<\"\$s\" | grep -qF '/BIG-MARKER-MIDDLE found'"
  e2e_check "$kind: every row of the match's page fits 120 cells" fits "$session"

  # n: the marker is unique, so the next match is the same one after a scan of everything else.
  MARK_MS=$(e2e_now_ms)
  e2e_keys "$session" n
  wrap_ms=$(wait_ms "$session" "/BIG-MARKER-MIDDLE found (wrapped)" 600)
  e2e_check "$kind: n scans the whole artifact and comes back to the match within $SEARCH_MS ms (${wrap_ms:-never} ms)" \
    within "$wrap_ms" "$SEARCH_MS"
  e2e_check "$kind: after n the match is at the top again" bash -c \
    "tmux capture-pane -p -t '$session' | sed -n 4p | grep -qF BIG-MARKER-MIDDLE"

  # A query without capitals ignores case: from the top through everything to the last line.
  e2e_keys "$session" g
  e2e_wait_for "$session" "BIG-MARKER-START" 10 >/dev/null
  MARK_MS=$(e2e_now_ms)
  e2e_keys "$session" / b i g - m a r k e r - e n d Enter
  fold_ms=$(wait_ms "$session" "BIG-MARKER-END the very last line" 600)
  e2e_check "$kind: a search ignoring case finds the last line within $SEARCH_MS ms (${fold_ms:-never} ms)" \
    within "$fold_ms" "$SEARCH_MS"
  e2e_keys "$session" g
  e2e_wait_for "$session" "BIG-MARKER-START" 10 >/dev/null
  echo "# $kind: open ${open_ms:-?} ms, G ${end_ms:-?} ms, search to the middle ${search_ms:-?} ms," \
    "n around ${wrap_ms:-?} ms, to the end ignoring case ${fold_ms:-?} ms, help during a search ${help_ms:-?} ms"

  # Memory: the peak after the end, the searches and back.
  pid=$(e2e_taskdash_pid "$session")
  peak=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null)
  echo "# $kind: taskdash $(grep -E '^(VmHWM|VmRSS|RssAnon|RssFile)' "/proc/$pid/status" 2>/dev/null | tr -s '\t\n ' ' ')"
  e2e_check "$kind: the dashboard's peak RSS is ${peak:-?} kB (bound $WATCH_PEAK_KB)" within "$peak" "$WATCH_PEAK_KB"

  e2e_keys "$session" q
  status=$(e2e_wait_exit "$session" 10)
  e2e_check "$kind: q exits with status 0" [ "$status" = 0 ]
  e2e_check "$kind: the terminal is given back (stty -g as before, alternate screen left, cursor visible)" \
    e2e_terminal_given_back "$session"
  title_after=$(tmux display -p -t "$session" '#{pane_title}')
  e2e_check "$kind: the pane title is unchanged ('$title_after')" [ "$title_after" = "$title_before" ]
  e2e_check "$kind: no clipboard write reached tmux" [ -z "$(tmux list-buffers)" ]
  tmux pipe-pane -t "$session"
  e2e_check "$kind: no planted sequence, OSC, status query, C1 control, bell or invalid UTF-8 reached the terminal" \
    python3 "$E2E_ROOT/scripts/e2e/stream-check.py" "$E2E_WORK/$session.raw" --utf8 --planted "${PLANTED[@]}"
done
e2e_finish
