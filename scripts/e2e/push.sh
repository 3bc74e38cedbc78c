#!/usr/bin/env bash
# Push: the dashboard at --interval 10 on a throwaway PostgreSQL of its own. A run inserted by
# psql reaches the screen within about a second (its poll would take up to ten), and the header
# says `push`. The server is restarted: while it is down the header falls back to polling at the
# operator's interval, after the reconnect it says `push` again, and the next insert again shows
# within about a second. One server backend throughout (reading and listening share it).
# SQLite has no push: its polls skip reading while its data version stands still, yet a run
# still turns silent while nothing is written (silence is judged by the clock, not re-read).
set -uo pipefail
source "$(dirname "$0")/lib.sh"

pg_own_server || exit 1

URL=$(pg_new_database push)
"$TASKDASH" migrate up --database-url "$URL" >/dev/null || { e2e_check "migrate" false; e2e_finish; exit; }
task=33333333-3333-4333-8333-333333333333
db "$URL" "INSERT INTO tasks (id, name, status) VALUES ('$task', 'Push Probe', 'running')" >/dev/null

# header NAME: the dashboard's first row.
header() { e2e_screen "$1" | head -1; }

# wait_header NAME TEXT SECONDS: waits until the header row holds TEXT. The mode comes after
# the refresh age and two spaces ("refreshed 2s ago  push").
wait_header() {
  local deadline=$((SECONDS + $3))
  while [ $SECONDS -lt $deadline ]; do
    header "$1" | grep -qF -- "$2" && return 0
    sleep 0.1
  done
  echo "--- header of $1 while waiting for '$2': $(header "$1")" >&2
  return 1
}

# insert_run NUMBER: inserts the task's run NUMBER (so the runs pane's title says NUMBER runs)
# and prints how many milliseconds passed until the screen showed it (5000 when it did not
# within 5 s).
insert_run() {
  local marker="Runs ($1)" start
  start=$(e2e_now_ms)
  db "$URL" "INSERT INTO task_runs (task_id, run_number, status, error_message)
    VALUES ('$task', $1, 'failed', 'pushed')" >/dev/null
  while [ $(($(e2e_now_ms) - start)) -lt 5000 ]; do
    e2e_screen_has "$main" "$marker" && { echo $(($(e2e_now_ms) - start)); return; }
    sleep 0.02
  done
  echo 5000
}

main="td-push-$$"
e2e_start "$main" "$TASKDASH" watch --database-url "$URL" --interval 10
e2e_check "the dashboard shows the task" e2e_wait_for "$main" "Push Probe"
e2e_check "the header says push" wait_header "$main" "  push" 10
e2e_check "the header does not say it polls every 10s" bash -c "! tmux capture-pane -p -t '$main' | head -1 | grep -qF 'every 10s'"
e2e_check "the dashboard holds exactly one server backend" pg_wait_backends 1

took=$(insert_run 1)
e2e_check "a run inserted by psql is on screen within 1.5 s at --interval 10 (${took} ms)" [ "$took" -le 1500 ]
took=$(insert_run 2)
e2e_check "a second run is on screen within 1.5 s (${took} ms)" [ "$took" -le 1500 ]

# The server restarted: push is lost, polling takes over, and push comes back with the reconnect.
pg_stop_server
e2e_check "server stopped: the header falls back to polling every 10s" wait_header "$main" "live every 10s" 15
e2e_check "server stopped: the header no longer says push" bash -c "! tmux capture-pane -p -t '$main' | head -1 | grep -qF '  push'"
pg_start_server
e2e_check "server back: the header says push again after the reconnect" wait_header "$main" "  push" 45
e2e_check "server back: exactly one server backend" pg_wait_backends 1 20
took=$(insert_run 3)
e2e_check "after the restart a run inserted by psql is on screen within 1.5 s (${took} ms)" [ "$took" -le 1500 ]

e2e_quit "push" "$main"

# SQLite: a running run whose newest snapshot is 292 s old turns silent at 300 s, with nothing
# written in between.
lite="sqlite:$E2E_WORK/push.sqlite"
"$TASKDASH" migrate up --database-url "$lite" >/dev/null || { e2e_check "sqlite: migrate" false; e2e_finish; exit; }
ago() { echo "strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-$1 seconds')"; }
python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()' \
  "${lite#sqlite:}" "INSERT INTO tasks (id, name, status) VALUES ('$task', 'still-agent', 'running');
  INSERT INTO task_runs (id, task_id, run_number, status, started_at, created_at)
    VALUES ('44444444-4444-4444-8444-444444444444', '$task', 1, 'running', $(ago 600), $(ago 600));
  INSERT INTO metric_snapshots (task_id, task_run_id, name, metric_type, value, timestamp)
    VALUES ('$task', '44444444-4444-4444-8444-444444444444', 'tokens', 'counter', 1, $(ago 302)),
           ('$task', '44444444-4444-4444-8444-444444444444', 'tokens', 'counter', 2, $(ago 292));"
e2e_check "sqlite: the rows are planted" [ $? = 0 ]
quiet="td-push-sqlite-$$"
e2e_start "$quiet" "$TASKDASH" watch --database-url "$lite" --interval 1
e2e_check "sqlite: the header polls every 1s (no push)" wait_header "$quiet" "live every 1s" 10
e2e_check "sqlite: the run is running at first" e2e_wait_for "$quiet" "#1 still-agent     ● running" 5
e2e_check "sqlite: with nothing written it turns silent in the runs pane" e2e_wait_for "$quiet" "#1 still-agent     silent 5m" 20
# tasks_row NAME: the tasks pane's row of still-agent.
tasks_row() { e2e_screen "$1" | grep -o 'still-agent[^┃]*' | head -1; }
e2e_check "sqlite: and the tasks pane counts it silent ($(tasks_row "$quiet"))" \
  bash -c "grep -qE 'still-agent +● running +1 +0% +1!' <<<'$(tasks_row "$quiet")'"
e2e_quit "sqlite" "$quiet"
e2e_finish
