#!/usr/bin/env bash
# The dashboard driven like a person would, in tmux, on a seeded SQLite file and on a seeded
# database of the throwaway PostgreSQL (TASKDASH_TEST_DATABASE_URL).
set -uo pipefail
source "$(dirname "$0")/lib.sh"

targets=("sqlite:$E2E_WORK/dash.sqlite")
[ -n "${TASKDASH_TEST_DATABASE_URL:-}" ] && targets+=("$(pg_new_database)")

for target in "${targets[@]}"; do
  kind=${target%%:*}
  "$TASKDASH" migrate up --database-url "$target" >/dev/null || { e2e_check "$kind: migrate" false; continue; }
  "$TASKDASH" seed --database-url "$target" --random-seed 7 >/dev/null 2>&1 || { e2e_check "$kind: seed" false; continue; }

  # snapshot --format json parses and lists the seeded tasks.
  "$TASKDASH" snapshot --format json --database-url "$target" >"$E2E_WORK/snapshot.json"
  e2e_check "$kind: snapshot --format json parses with 8 tasks" \
    python3 -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if len(d['tasks'])==8 else 1)" "$E2E_WORK/snapshot.json"
  first_task=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['tasks'][0]['name'])" "$E2E_WORK/snapshot.json")

  session="td-dash-$kind-$$"
  e2e_start "$session" "$TASKDASH" watch --database-url "$target"
  e2e_check "$kind: the tasks pane shows the seeded task '$first_task'" e2e_wait_for "$session" "$first_task"
  e2e_check "$kind: all four panes are drawn" bash -c "tmux capture-pane -p -t '$session' | grep -q 'Runs' && tmux capture-pane -p -t '$session' | grep -q 'Metrics' && tmux capture-pane -p -t '$session' | grep -q 'Artifacts'"

  # Into a completed run (filter the runs pane by status), then open its first artifact.
  e2e_keys "$session" Tab
  e2e_keys "$session" / c o m p l e t e d Enter
  e2e_check "$kind: the runs filter shows completed runs" e2e_wait_for "$session" "/completed"
  e2e_keys "$session" Enter
  e2e_check "$kind: Enter on a run drills into it" e2e_wait_for "$session" "Artifacts of run #"
  sleep 0.5
  e2e_keys "$session" Enter
  e2e_check "$kind: Enter on an artifact opens the viewer" e2e_wait_for "$session" "%"
  sleep 0.5
  screen=$(e2e_screen "$session")
  # The last crumb, without the server named at the right of the row (PostgreSQL).
  name=$(sed -n 2p <<<"$screen" | awk -F' › ' '{print $NF}' | sed -E 's/  .*$//; s/ *$//')
  e2e_check "$kind: the viewer is titled with the artifact '$name'" grep -qF " $name " <<<"$(sed -n 3p <<<"$screen")"
  e2e_check "$kind: the artifact's text appears" bash -c "[ \$(sed -n '4,20p' <<<\"\$1\" | grep -c '[[:alnum:]]') -ge 3 ]" _ "$screen"
  e2e_keys "$session" Escape Escape Escape
  e2e_keys "$session" q
  status=$(e2e_wait_exit "$session")
  e2e_check "$kind: q exits with status 0" [ "$status" = 0 ]
  e2e_check "$kind: the terminal is given back (stty -g as before, alternate screen left, cursor visible)" e2e_terminal_given_back "$session"
done

target=${targets[0]}
# Signals: the terminal is restored and the exit status names the signal.
for signal in TERM HUP INT QUIT; do
  session="td-sig-$signal-$$"
  e2e_start "$session" "$TASKDASH" watch --database-url "$target"
  e2e_wait_for "$session" "Tasks (" >/dev/null
  kill -s "$signal" "$(e2e_taskdash_pid "$session")"
  status=$(e2e_wait_exit "$session")
  expected=$((128 + $(kill -l "$signal")))
  e2e_check "SIG$signal exits with status $expected" [ "$status" = "$expected" ]
  e2e_check "SIG$signal leaves the terminal as before (stty -g, alternate screen left, cursor visible)" e2e_terminal_given_back "$session"
done

# A crash in the middle of drawing (a test-only trigger) still gives the terminal back.
session="td-crash-$$"
e2e_start "$session" env TASKDASH_TEST_CRASH=draw SWIFT_BACKTRACE=interactive=no "$TASKDASH" watch --database-url "$target"
status=$(e2e_wait_exit "$session")
e2e_check "a crash while drawing exits with a failure status ($status)" [ -n "$status" ] && [ "$status" -gt 128 ]
e2e_check "a crash while drawing leaves the terminal as before (stty -g, alternate screen left, cursor visible)" e2e_terminal_given_back "$session"

# No terminal: one line pointing to snapshot, non-zero exit, no escape bytes.
"$TASKDASH" watch --database-url "$target" </dev/null >"$E2E_WORK/notty.out" 2>"$E2E_WORK/notty.err"
status=$?
e2e_check "without a terminal the dashboard exits non-zero" [ "$status" != 0 ]
e2e_check "without a terminal it says so in one line pointing to snapshot" \
  bash -c "[ \$(wc -l <'$E2E_WORK/notty.err') = 1 ] && grep -q snapshot '$E2E_WORK/notty.err'"
e2e_check "without a terminal no escape byte is written" bash -c "! grep -q $'\x1b' '$E2E_WORK/notty.out' '$E2E_WORK/notty.err'"
session="td-dumb-$$"
e2e_start "$session" env TERM=dumb "$TASKDASH" watch --database-url "$target"
status=$(e2e_wait_exit "$session")
e2e_check "TERM=dumb exits non-zero with a message" [ -n "$status" ] && [ "$status" != 0 ]

# Too small, then resized back.
session="td-small-$$"
E2E_WIDTH=40 E2E_HEIGHT=10 e2e_start "$session" "$TASKDASH" watch --database-url "$target"
e2e_check "a 40x10 terminal says it is too small" e2e_wait_for "$session" "terminal too small"
tmux resize-window -t "$session" -x 120 -y 40
e2e_check "resized to 120x40 it draws the panes" e2e_wait_for "$session" "Tasks ("
e2e_keys "$session" q
e2e_wait_exit "$session" >/dev/null
e2e_finish
