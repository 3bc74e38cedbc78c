#!/usr/bin/env bash
# Untrusted text never drives the terminal: rows full of escape sequences, C1 controls, bidi
# overrides, wide and combining characters, invalid UTF-8, a 10 MB line and binary content
# (scripts/e2e/hostile-rows.py), on a SQLite file and on a new database of the throwaway
# PostgreSQL (TASKDASH_TEST_DATABASE_URL). The dashboard and `snapshot` show them as marks.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

# A tmux server of our own: its clipboard buffers and pane titles are ours alone to inspect.
export TMUX_TMPDIR=$E2E_WORK
ROWS="$E2E_ROOT/scripts/e2e/hostile-rows.py"

# The screen checker: every row at most the pane width in cells (wide glyphs count two,
# combining and format characters zero), and in rows that start with a box-drawing glyph,
# box-drawing glyphs at the same columns as in the row holding REFERENCE (pane borders line up).
cat >"$E2E_WORK/layout.py" <<'EOF'
import sys, unicodedata
width, reference = int(sys.argv[1]), sys.argv[2]
def cells(line):
    columns = []
    for ch in line:
        if unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        wide = unicodedata.east_asian_width(ch) in ("W", "F")
        columns.append(ch)
        if wide:
            columns.append("")
    return columns
def is_box(ch):
    return "\u2500" <= ch <= "\u257f"
rows = [cells(line) for line in sys.stdin.read().split("\n")[:-1]]
failed = False
for number, row in enumerate(rows, 1):
    if len(row) > width:
        print("row %d is %d cells wide" % (number, len(row)), file=sys.stderr)
        failed = True
borders = None
if reference:
    for row in rows:
        if reference in "".join(row):
            borders = [column for column, ch in enumerate(row) if is_box(ch)]
            break
    if not borders:
        print("no row holds %r" % reference, file=sys.stderr)
        failed = True
    for number, row in enumerate(rows, 1):
        if row and is_box(row[0]):
            for column in borders:
                if column >= len(row) or not is_box(row[column]):
                    print("row %d: no border at column %d: %r" % (number, column, "".join(row)), file=sys.stderr)
                    failed = True
                    break
sys.exit(1 if failed else 0)
EOF

# Output of snapshot: no control character but \n, no DEL, no C1, no bidi control.
cat >"$E2E_WORK/clean.py" <<'EOF'
import json, sys
data = open(sys.argv[1], "rb").read()
text = data.decode("utf-8")
bad = sorted({"U+%04X" % ord(ch) for ch in text
              if (ord(ch) < 0x20 and ch != "\n") or 0x7f <= ord(ch) <= 0x9f or 0x202a <= ord(ch) <= 0x202e})
if bad:
    print("control characters in the output: " + " ".join(bad), file=sys.stderr)
if sys.argv[2:] == ["json"]:
    document = json.loads(text)
    names = [task["name"] for task in document["tasks"]]
    # The JSON escapes controls, so it still carries the original text.
    if not any("\x1b]0;pwned\x07" in name for name in names) or not any("\u009b" in name for name in names):
        print("the JSON lost the original task names", file=sys.stderr)
        bad = True
sys.exit(1 if bad else 0)
EOF

# open_artifact SESSION DOWN TEXT TITLE: from the artifacts pane, moves DOWN rows, opens the
# artifact, waits for TEXT, checks the title row against the regular expression TITLE and the
# layout, and goes back to the pane.
open_artifact() {
  local session=$1 down=$2 text=$3 title=$4 ok=0
  [ "$down" -gt 0 ] && e2e_keys "$session" $(printf 'j %.0s' $(seq "$down"))
  sleep 0.3
  e2e_keys "$session" Enter
  e2e_wait_for "$session" "$text" 10 || ok=1
  tmux capture-pane -p -t "$session" | sed -n 3p | grep -qE -- "$title" || { echo "--- title: $(tmux capture-pane -p -t "$session" | sed -n 3p)" >&2; ok=1; }
  layout_ok "$session" || ok=1
  e2e_keys "$session" Escape
  sleep 0.3
  return $ok
}
layout_ok() { tmux capture-pane -p -N -t "$1" | python3 "$E2E_WORK/layout.py" 120 "${2:-}"; }

targets=("sqlite:$E2E_WORK/hostile.sqlite")
if [ -n "${TASKDASH_TEST_DATABASE_URL:-}" ]; then
  targets+=("$(pg_new_database)")
elif [ "${TASKDASH_SKIP_POSTGRES:-}" != 1 ]; then
  e2e_check "TASKDASH_TEST_DATABASE_URL is set (or TASKDASH_SKIP_POSTGRES=1)" false
fi

# A session that keeps the private tmux server up, with clipboard writes turned into buffers.
e2e_start "td-hostile-keep-$$" sleep 600
tmux set-option -s set-clipboard on

for target in "${targets[@]}"; do
  kind=${target%%:*}
  "$TASKDASH" migrate up --database-url "$target" >/dev/null || { e2e_check "$kind: migrate" false; continue; }
  if [ "$kind" = sqlite ]; then
    python3 "$ROWS" sqlite "${target#sqlite:}" || { e2e_check "$kind: insert the hostile rows" false; continue; }
  else
    python3 "$ROWS" postgres | psql "$target" -qX -v ON_ERROR_STOP=1 >/dev/null ||
      { e2e_check "$kind: insert the hostile rows" false; continue; }
  fi

  "$TASKDASH" snapshot --database-url "$target" >"$E2E_WORK/snapshot.txt" 2>"$E2E_WORK/snapshot.err"
  e2e_check "$kind: snapshot (table) succeeds" [ $? = 0 ]
  e2e_check "$kind: snapshot (table) prints no control character" python3 "$E2E_WORK/clean.py" "$E2E_WORK/snapshot.txt"
  e2e_check "$kind: snapshot (table) shows the escape as a mark" grep -qF 'H02 title \x1b]0;pwned\x07title' "$E2E_WORK/snapshot.txt"
  "$TASKDASH" snapshot --format json --database-url "$target" >"$E2E_WORK/snapshot.json" 2>>"$E2E_WORK/snapshot.err"
  e2e_check "$kind: snapshot (json) succeeds" [ $? = 0 ]
  e2e_check "$kind: snapshot (json) parses, keeps the text and prints no control character" \
    python3 "$E2E_WORK/clean.py" "$E2E_WORK/snapshot.json" json
  e2e_check "$kind: snapshot writes nothing on stderr" [ ! -s "$E2E_WORK/snapshot.err" ]

  session="td-hostile-$kind-$$"
  # The pause lets the output recording start before the first byte.
  e2e_start "$session" bash -c 'sleep 1; exec "$@"' _ "$TASKDASH" watch --database-url "$target"
  title_before=$(tmux display -p -t "$session" '#{pane_title}')
  tmux pipe-pane -t "$session" -O "cat >'$E2E_WORK/$session.raw'"
  e2e_check "$kind: the dashboard shows the hostile tasks" e2e_wait_for "$session" "hostile viewer"
  e2e_wait_for "$session" "A13 tab" >/dev/null
  sleep 1
  e2e_check "$kind: a task name's escape is shown as a mark" e2e_screen_has "$session" 'H02 title \x1b]0;pw'
  e2e_check "$kind: a C1 CSI is shown as a mark" e2e_screen_has "$session" 'A06 <U+009B>2J'
  e2e_check "$kind: a bidi override is shown as a mark" e2e_screen_has "$session" 'A09 admin<U+202E>txt.exe'
  e2e_check "$kind: \\r and \\b are shown as marks" \
    bash -c "tmux capture-pane -p -t '$session' | grep -qF 'A07 visible\\rHIDDEN' && tmux capture-pane -p -t '$session' | grep -qF 'A08 abc\\x08'"
  e2e_check "$kind: every row fits the width and the pane borders line up" layout_ok "$session" "TASK "

  # The binary artifact (newest in the artifacts pane) opens as a hex dump; G reaches its end.
  e2e_keys "$session" Tab Tab Tab
  sleep 0.5
  e2e_keys "$session" Enter
  e2e_check "$kind: the binary artifact opens as a hex dump" e2e_wait_for "$session" "00000000  " 10
  e2e_keys "$session" G
  e2e_check "$kind: G shows the end of the binary artifact" e2e_wait_for "$session" "pwned.|" 10
  e2e_check "$kind: the hex view fits the width" layout_ok "$session"

  # The 10 MB single line: shown in bounded pieces, marks and all; G reaches its end.
  e2e_keys "$session" Escape
  sleep 0.5
  e2e_keys "$session" j
  sleep 0.5
  e2e_keys "$session" Enter
  e2e_check "$kind: the 10 MB line opens with its escapes as marks" e2e_wait_for "$session" 'lorem ipsum \x1b[2J\x1b]0;pwned\x07' 15
  e2e_keys "$session" G
  e2e_check "$kind: G shows the end of the 10 MB line" e2e_wait_for "$session" "END-MARKER" 15
  e2e_check "$kind: the 10 MB line fits the width" layout_ok "$session"
  e2e_keys "$session" w
  e2e_check "$kind: wrapping the 10 MB line keeps the viewer answering" e2e_wait_for "$session" "· wrap" 5
  e2e_check "$kind: the wrapped 10 MB line fits the width" layout_ok "$session"
  e2e_keys "$session" Escape

  # Every hostile artifact, newest (A13) to oldest (A00), opened in the viewer: its text is
  # there, the screen fits, and the title says what marks it shows.
  e2e_check "$kind: the bidi artifact shows the override as a mark" open_artifact "$session" 5 \
    'bidi line 0: admin<U+202E>txt.exe' '⚠ [0-9]+ marks?'
  e2e_keys "$session" g j
  unreadable=()
  for label in tabs combining wide zerowidth bidi backspace return c1csi query link clipboard title move clear; do
    e2e_keys "$session" j
    # (wide: the zero-width joiners of the family emoji are marks too.)
    open_artifact "$session" 0 "$label line 0: " '⚠ [0-9]+ marks?' || unreadable+=("$label")
  done
  e2e_check "$kind: every hostile artifact opens, fits the width and reports its marks (failed: ${unreadable[*]:-none})" \
    [ ${#unreadable[@]} = 0 ]

  if [ "$kind" = sqlite ]; then
    e2e_keys "$session" Escape BTab BTab BTab / b a d Enter
    e2e_check "$kind: invalid UTF-8 in a task name shows as U+FFFD" e2e_wait_for "$session" "I00 bad ����\\x1b[2J" 10
  fi

  e2e_keys "$session" q
  status=$(e2e_wait_exit "$session" 10)
  e2e_check "$kind: q exits with status 0" [ "$status" = 0 ]
  e2e_check "$kind: the terminal is given back (stty -g as before, alternate screen left, cursor visible)" e2e_terminal_given_back "$session"
  title_after=$(tmux display -p -t "$session" '#{pane_title}')
  e2e_check "$kind: the pane title is unchanged ('$title_after')" [ "$title_after" = "$title_before" ]
  e2e_check "$kind: no title says pwned" bash -c "! tmux list-panes -a -F '#{pane_title}' | grep -q pwned"
  e2e_check "$kind: no clipboard write reached tmux" [ -z "$(tmux list-buffers)" ]
  tmux pipe-pane -t "$session"
  e2e_check "$kind: the program wrote no OSC, DCS, status query, C1 control or bell" \
    python3 "$E2E_ROOT/scripts/e2e/stream-check.py" "$E2E_WORK/$session.raw"
done

# Error messages quote names from the command line and the database: a SQLite path and a
# PostgreSQL database name holding escape sequences, C1 and bidi controls. Every command says
# what failed in one line with those shown as marks.
HOSTILE_NAME=$'x\e]0;pwned\a\xc2\x9b2J\xe2\x80\xae'
error_targets=("sqlite:$E2E_WORK/$HOSTILE_NAME.sqlite")
if [ -n "${TASKDASH_TEST_DATABASE_URL:-}" ]; then
  # In the URL the name is percent-encoded.
  error_targets+=("$(pg_database_url "$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$HOSTILE_NAME")")")
fi
for target in "${error_targets[@]}"; do
  kind=${target%%:*}
  for command in snapshot "migrate status" seed; do
    "$TASKDASH" $command --database-url "$target" >"$E2E_WORK/error.out" 2>"$E2E_WORK/error.err"
    status=$?
    e2e_check "$kind: $command on a hostile name fails in one line ($status)" \
      bash -c "[ $status != 0 ] && [ \$(wc -l <'$E2E_WORK/error.err') = 1 ] && [ ! -s '$E2E_WORK/error.out' ]"
    e2e_check "$kind: $command's error shows the name's escape as a mark" grep -qF 'x\x1b]0;pwned\x07<U+009B>2J<U+202E>' "$E2E_WORK/error.err"
    e2e_check "$kind: $command's error holds no control character" python3 "$E2E_WORK/clean.py" "$E2E_WORK/error.err"
  done
done
# The dashboard stays open on an unknown database; its banner quotes the hostile name.
if [ ${#error_targets[@]} = 2 ]; then
  session="td-hostile-banner-$$"
  e2e_start "$session" bash -c 'sleep 1; exec "$@"' _ "$TASKDASH" watch --database-url "${error_targets[1]}"
  tmux pipe-pane -t "$session" -O "cat >'$E2E_WORK/$session.raw'"
  e2e_check "postgresql: the banner shows the hostile database name with marks" \
    e2e_wait_for "$session" 'database "x\x1b]0;pwned\x07<U+009B>2J<U+202E>" does not exist' 10
  e2e_keys "$session" q
  e2e_check "postgresql: that dashboard quits with status 0" [ "$(e2e_wait_exit "$session" 10)" = 0 ]
  tmux pipe-pane -t "$session"
  e2e_check "postgresql: that dashboard wrote no OSC, DCS, status query, C1 control or bell" \
    python3 "$E2E_ROOT/scripts/e2e/stream-check.py" "$E2E_WORK/$session.raw"
fi
e2e_finish
