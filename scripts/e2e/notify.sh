#!/usr/bin/env bash
# Alerts (--notify, a): on a SQLite file and on a database of the throwaway PostgreSQL, a run
# that fails while the dashboard watches rings the terminal bell exactly once; a failure from
# before it started does not ring; `a` switches alerts off and the next failure rings nothing.
# The bytes the dashboard writes are captured with tmux pipe-pane and the BELs counted.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

# db TARGET SQL: runs SQL on the target's database.
db() {
  case $1 in
    sqlite:*) python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()' "${1#sqlite:}" "$2" ;;
    *) psql "$1" -qAtX -v ON_ERROR_STOP=1 -c "$2" >/dev/null ;;
  esac
}

# bells FILE: how many BEL bytes the dashboard wrote.
bells() { python3 -c 'import sys; print(open(sys.argv[1], "rb").read().count(b"\a"))' "$1"; }

# wait_bells FILE N SECONDS: waits until FILE holds N BELs.
wait_bells() {
  local deadline=$((SECONDS + $3))
  while [ $SECONDS -lt $deadline ]; do
    [ "$(bells "$1")" = "$2" ] && return 0
    sleep 0.2
  done
  echo "--- $(bells "$1") BELs written, expected $2" >&2
  return 1
}

targets=("sqlite:$E2E_WORK/notify.sqlite")
[ -n "${TASKDASH_TEST_DATABASE_URL:-}" ] && targets+=("$(pg_new_database)")

for target in "${targets[@]}"; do
  kind=${target%%:*}
  "$TASKDASH" migrate up --database-url "$target" >/dev/null || { e2e_check "$kind: migrate" false; continue; }
  task=11111111-1111-4111-8111-111111111111
  db "$target" "INSERT INTO tasks (id, name, status) VALUES ('$task', 'Nightly Import', 'running');
    INSERT INTO task_runs (id, task_id, run_number, status, error_message) VALUES
      ('22222222-2222-4222-8222-222222222201', '$task', 1, 'failed', 'failed before anyone watched'),
      ('22222222-2222-4222-8222-222222222202', '$task', 2, 'running', NULL),
      ('22222222-2222-4222-8222-222222222203', '$task', 3, 'running', NULL);"

  name="notify-$kind"
  bytes="$E2E_WORK/$name.bytes"
  : >"$bytes"
  e2e_start "$name" "$TASKDASH" watch --database-url "$target" --notify --interval 0.5
  tmux pipe-pane -t "$name" -o "cat >> $bytes"
  e2e_check "$kind: the header says alerts are on" e2e_wait_for "$name" "· alerts"
  e2e_check "$kind: the runs are on screen" e2e_wait_for "$name" "Nightly Import"
  sleep 1.5
  e2e_check "$kind: a failure from before the dashboard started rings nothing" [ "$(bells "$bytes")" = 0 ]

  db "$target" "UPDATE task_runs SET status = 'failed', error_message = 'upstream timeout'
    WHERE id = '22222222-2222-4222-8222-222222222202'"
  e2e_check "$kind: the run that fails rings the bell once" wait_bells "$bytes" 1 10
  sleep 2
  e2e_check "$kind: later polls of the same failure ring nothing more" [ "$(bells "$bytes")" = 1 ]

  e2e_keys "$name" a
  e2e_check "$kind: a switches alerts off" e2e_wait_gone "$name" "· alerts" 5
  db "$target" "UPDATE task_runs SET status = 'timeout' WHERE id = '22222222-2222-4222-8222-222222222203'"
  e2e_check "$kind: the timeout shows in the runs pane" e2e_wait_for "$name" "timeout"
  sleep 1.5
  e2e_check "$kind: with alerts off the timeout rings nothing" [ "$(bells "$bytes")" = 1 ]

  e2e_quit "$kind" "$name"
done

e2e_finish
