#!/usr/bin/env bash
# Losing the database is a state, not an exit: the dashboard on a throwaway PostgreSQL of its
# own whose backends are terminated, whose server is stopped and started, and whose processes
# are frozen with SIGSTOP. Rows stay on screen marked stale, a banner says what happened, keys
# keep answering, the dashboard recovers by itself, no server backend leaks, q quits at once.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

pg_own_server || exit 1

# quit_ms NAME: presses q and prints how many milliseconds the program took to exit (max 5000).
quit_ms() {
  local start
  start=$(e2e_now_ms)
  e2e_keys "$1" q
  while [ ! -s "$E2E_WORK/$1.after" ] && [ $(($(e2e_now_ms) - start)) -lt 5000 ]; do sleep 0.02; done
  echo $(($(e2e_now_ms) - start))
}

URL=$(pg_new_database loss)
"$TASKDASH" migrate up --database-url "$URL" >/dev/null || { e2e_check "migrate" false; e2e_finish; exit; }
"$TASKDASH" seed --database-url "$URL" --random-seed 7 >/dev/null 2>&1 || { e2e_check "seed" false; e2e_finish; exit; }
task=$("$TASKDASH" snapshot --format json --database-url "$URL" |
  python3 -c "import json,sys; print(json.load(sys.stdin)['tasks'][0]['name'])")

main="td-loss-$$"
e2e_start "$main" "$TASKDASH" watch --database-url "$URL" --interval 1
e2e_check "the dashboard shows the seeded task '$task'" e2e_wait_for "$main" "$task"
e2e_check "the header says connected" e2e_wait_for "$main" "● connected"
# Five panes poll at once at start-up; they share the reader's one session.
e2e_check "the dashboard holds exactly one server backend" pg_wait_backends 1
before=$(pg_backends)
pids_before=$(pg_backend_pids)

# (a) Backends terminated at different moments of the poll cycle.
for pause in 0.2 0.7 1.3; do
  pg_terminate_backends >/dev/null
  sleep "$pause"
  e2e_check "after a terminated backend (+${pause}s) the task rows stay on screen" e2e_screen_has "$main" "$task"
done
e2e_check "after terminated backends the dashboard is connected, nothing stale" e2e_wait_recovered "$main" 45
e2e_check "after terminated backends it holds $before backends again" pg_wait_backends "$before" 20
e2e_check "the terminated backends were replaced by new ones" [ "$(pg_backend_pids)" != "$pids_before" ]

# (b) The server stopped (fast shutdown) for a minute; the random-input test stops it with an
# immediate shutdown.
stopped_at=$SECONDS
pg_stop_server
e2e_check "server stopped: the panes are marked STALE" e2e_wait_for "$main" "STALE" 15
e2e_check "server stopped: the header says disconnected" e2e_screen_has "$main" "✗ disconnected"
e2e_check "server stopped: the banner says what happened" e2e_screen_has "$main" "⚠ cannot connect"
e2e_check "server stopped: the banner gives the attempt and the next retry" \
  bash -c "tmux capture-pane -p -t '$main' | grep -qE 'attempt [0-9]+ · retry in [0-9]'"
e2e_check "server stopped: the task rows stay on screen" e2e_screen_has "$main" "$task"

# Start-up against the stopped server: the disconnected screen at once, q quits at once.
startup="td-loss-start-$$"
start=$(e2e_now_ms)
e2e_start "$startup" "$TASKDASH" watch --database-url "$URL" --interval 1
e2e_wait_for "$startup" "✗ disconnected" 5 >/dev/null
shown=$(($(e2e_now_ms) - start))
e2e_check "start-up against a stopped server shows the disconnected screen within 2 s (${shown} ms)" [ "$shown" -le 2000 ]
took=$(quit_ms "$startup")
e2e_check "q on the disconnected start-up screen quits within 1 s (${took} ms)" [ "$took" -le 1000 ]
e2e_check "that start-up session exits 0" [ "$(cat "$E2E_WORK/$startup.status" 2>/dev/null)" = 0 ]
e2e_check "that start-up session leaves the terminal as before (stty -g, alternate screen left, cursor visible)" e2e_terminal_given_back "$startup"

# A dashboard started while the server is down opens its reader when the server is back:
# its five panes polling at once must share one opening, not leak a reader each. It names
# itself through the URL (the caller's application_name wins over taskdash's default).
late="td-loss-late-$$"
e2e_start "$late" "$TASKDASH" watch --database-url "$URL&application_name=taskdash_late" --interval 1
e2e_wait_for "$late" "✗ disconnected" 5 >/dev/null

e2e_keys "$main" r
e2e_keys "$main" '?'
e2e_check "server stopped: r is taken and ? opens the help" e2e_wait_for "$main" "taskdash keys" 3
e2e_keys "$main" Escape
e2e_check "server stopped: Esc closes the help" e2e_wait_gone "$main" "taskdash keys" 3
e2e_check "server stopped: the banner is still there" e2e_screen_has "$main" "⚠ cannot connect"
sleep $((60 - (SECONDS - stopped_at) > 0 ? 60 - (SECONDS - stopped_at) : 0))
pg_start_server
started_at=$SECONDS
e2e_check "server started again: the dashboard recovers by itself within 45 s" e2e_wait_recovered "$main" 45
echo "# recovered $((SECONDS - started_at)) s after the server came back"
e2e_check "the dashboard started while the server was down recovers too" e2e_wait_recovered "$late" 45
late_max=0
for _ in 1 2 3 4 5 6; do
  count=$(pg_backends taskdash_late)
  [ "$count" -gt "$late_max" ] && late_max=$count
  sleep 0.5
done
e2e_check "it holds exactly one backend ($late_max at most)" [ "$late_max" = 1 ]
took=$(quit_ms "$late")
e2e_check "q quits it within 1 s (${took} ms)" [ "$took" -le 1000 ]

# r retries now: paused (no polls of its own), the dashboard stays disconnected after the
# server is back, until r.
pg_stop_server
e2e_wait_for "$main" "✗ disconnected" 15 >/dev/null
e2e_keys "$main" p
e2e_wait_for "$main" "PAUSED" 3 >/dev/null
pg_start_server
sleep 2
e2e_check "paused with the server back: still disconnected (nothing polled)" e2e_screen_has "$main" "✗ disconnected"
e2e_keys "$main" r
e2e_check "r reconnects at once" e2e_wait_recovered "$main" 5
e2e_keys "$main" p
e2e_check "p resumes polling" e2e_wait_gone "$main" "PAUSED" 3

# (c) Every server process frozen for 30 s: no error ever comes back, only the
# client-side deadline (10 s) and the connect timeout notice it. Under push the next poll may be
# a whole safety interval (10 s) away, so the deadline runs out within 20 s.
pg_freeze_server
frozen_at=$SECONDS
e2e_check "server frozen: the panes are marked STALE" e2e_wait_for "$main" "STALE" 25
e2e_check "server frozen: the header says disconnected" e2e_screen_has "$main" "✗ disconnected"
e2e_check "server frozen: the banner gives the attempt and the next retry" \
  bash -c "tmux capture-pane -p -t '$main' | grep -qE 'attempt [0-9]+ · retry in [0-9]'"
e2e_check "server frozen: the task rows stay on screen" e2e_screen_has "$main" "$task"
e2e_keys "$main" r
e2e_keys "$main" '?'
e2e_check "server frozen: r is taken and ? opens the help" e2e_wait_for "$main" "taskdash keys" 3
e2e_keys "$main" Escape
e2e_check "server frozen: Esc closes the help" e2e_wait_gone "$main" "taskdash keys" 3

# Start-up against the frozen server: the dashboard opens at once, q quits during a connect.
hung="td-loss-hung-$$"
start=$(e2e_now_ms)
e2e_start "$hung" "$TASKDASH" watch --database-url "$URL" --interval 1
e2e_wait_for "$hung" "Tasks" 5 >/dev/null
shown=$(($(e2e_now_ms) - start))
e2e_check "start-up against a frozen server opens the dashboard within 2 s (${shown} ms)" [ "$shown" -le 2000 ]
took=$(quit_ms "$hung")
e2e_check "q while connecting to a frozen server quits within 1 s (${took} ms)" [ "$took" -le 1000 ]
e2e_check "that session leaves the terminal as before (stty -g, alternate screen left, cursor visible)" e2e_terminal_given_back "$hung"

sleep $((30 - (SECONDS - frozen_at) > 0 ? 30 - (SECONDS - frozen_at) : 0))
pg_thaw_server
thawed_at=$SECONDS
e2e_check "server thawed: the dashboard recovers by itself within 45 s" e2e_wait_recovered "$main" 45
echo "# recovered $((SECONDS - thawed_at)) s after the server was thawed"

# (d) No leaked backends: the count settles back to what it was before the failures.
e2e_check "after every failure it holds exactly $before backend again" pg_wait_backends "$before" 30
e2e_check "never more than one taskdash backend was seen ($PG_MAX_BACKENDS)" [ "$PG_MAX_BACKENDS" -le 1 ]

# (e) q quits at once while disconnected, and the terminal comes back.
pg_stop_server
e2e_wait_for "$main" "✗ disconnected" 15 >/dev/null
took=$(quit_ms "$main")
e2e_check "q while disconnected quits within 1 s (${took} ms)" [ "$took" -le 1000 ]
e2e_check "it exits with status 0" [ "$(cat "$E2E_WORK/$main.status" 2>/dev/null)" = 0 ]
e2e_check "the terminal is given back (stty -g as before, alternate screen left, cursor visible)" e2e_terminal_given_back "$main"
e2e_finish
