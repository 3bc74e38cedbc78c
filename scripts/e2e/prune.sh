#!/usr/bin/env bash
# Retention, with the real binary on a SQLite file and on a database of the throwaway
# PostgreSQL (TASKDASH_TEST_DATABASE_URL): the demo seed plus a run still running whose
# snapshots are four days old. `prune --older-than 2d --dry-run` prints per table what would go
# and removes nothing; `prune --older-than 2d --runs` with a writer inserting at the same time
# removes it (on PostgreSQL dropping whole days), keeps every row of the running run and
# leaves the counters equal to the rows; a second prune removes nothing; a bad duration is one
# error and exit 64.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

# sql KIND TARGET SQL: runs SQL and prints the rows, as another program would.
sql() {
  if [ "$1" = sqlite ]; then
    python3 -c '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
rows = c.execute(sys.argv[2]).fetchall()
c.commit()
print("\n".join("|".join(str(v) for v in row) for row in rows))' "${2#sqlite:}" "$3"
  else
    psql "$2" -qAtX -v ON_ERROR_STOP=1 -c "$3"
  fi
}

# The running run and its old snapshots: times relative to the database's clock.
plant_sql() {
  local ago
  if [ "$1" = sqlite ]; then
    ago() { echo "strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-$1 hours')"; }
  else
    ago() { echo "now() - interval '$1 hours'"; }
  fi
  cat <<SQL
INSERT INTO tasks (id, name, status) VALUES ('00000000-0000-4000-8000-0000000000c1', 'long-haul', 'running');
INSERT INTO task_runs (id, task_id, status, started_at, created_at)
  VALUES ('00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-0000000000c1', 'running', $(ago 97), $(ago 97));
INSERT INTO metric_snapshots (task_id, task_run_id, name, metric_type, value, timestamp)
  VALUES ('00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000d1', 'tokens', 'counter', 1, $(ago 96)),
         ('00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000d1', 'tokens', 'counter', 2, $(ago 95)),
         ('00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000d1', 'tokens', 'counter', 3, $(ago 94));
SQL
}

targets=("sqlite:$E2E_WORK/prune.sqlite")
[ -n "${TASKDASH_TEST_DATABASE_URL:-}" ] && targets+=("$(pg_new_database)")

for target in "${targets[@]}"; do
  kind=${target%%:*}
  "$TASKDASH" migrate up --database-url "$target" >/dev/null || { e2e_check "$kind: migrate" false; continue; }
  "$TASKDASH" seed --database-url "$target" >/dev/null 2>&1
  e2e_check "$kind: the demo set is seeded" [ $? = 0 ]
  if [ "$kind" = sqlite ]; then
    plant_sql sqlite | python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript(sys.stdin.read()); c.commit()' \
      "${target#sqlite:}"
  else
    plant_sql postgres | psql "$target" -qAtX -v ON_ERROR_STOP=1 >/dev/null
  fi
  e2e_check "$kind: the running run with four-day-old snapshots is planted" [ $? = 0 ]

  counts="SELECT (SELECT count(*) FROM metric_snapshots), (SELECT count(*) FROM task_runs), (SELECT count(*) FROM artifacts)"
  before=$(sql "$kind" "$target" "$counts")
  "$TASKDASH" prune --older-than 2d --dry-run --runs --database-url "$target" >"$E2E_WORK/dry.out" 2>&1
  e2e_check "$kind: prune --dry-run exits 0" [ $? = 0 ]
  e2e_check "$kind: the dry run says per table what would go" \
    grep -qE "^  metric_snapshots +would remove [1-9]" "$E2E_WORK/dry.out"
  e2e_check "$kind: ... task_runs and artifacts too" \
    bash -c "grep -qE '^  task_runs +would remove [1-9]' '$E2E_WORK/dry.out' && grep -qE '^  artifacts +would remove' '$E2E_WORK/dry.out'"
  e2e_check "$kind: the dry run removed nothing" [ "$(sql "$kind" "$target" "$counts")" = "$before" ]

  # A writer at the same time, inserting a snapshot of the running run at a time, until told to
  # stop; it counts what it wrote. (The simulator would finish the running run.)
  rm -f "$E2E_WORK/stop"
  (
    written=0
    until [ -e "$E2E_WORK/stop" ]; do
      sql "$kind" "$target" "INSERT INTO metric_snapshots (task_run_id, name, metric_type, value)
        VALUES ('00000000-0000-4000-8000-0000000000d1', 'live', 'gauge', $written)" >/dev/null || exit 1
      written=$((written + 1))
    done
    echo "$written" >"$E2E_WORK/written"
  ) &
  writer=$!
  sleep 0.5
  "$TASKDASH" prune --older-than 2d --runs --database-url "$target" >"$E2E_WORK/prune.out" 2>&1
  e2e_check "$kind: prune exits 0 while a writer inserts" [ $? = 0 ]
  touch "$E2E_WORK/stop"
  wait "$writer"
  e2e_check "$kind: the writer was not disturbed" [ $? = 0 ]
  e2e_check "$kind: every row the writer inserted is there" \
    [ "$(sql "$kind" "$target" "SELECT count(*) FROM metric_snapshots WHERE name = 'live'")" = "$(cat "$E2E_WORK/written")" ]
  e2e_check "$kind: prune says what it removed" grep -qE "^  metric_snapshots +removed [1-9]" "$E2E_WORK/prune.out"
  if [ "$kind" != sqlite ]; then
    e2e_check "$kind: whole days went as partitions" grep -qE "whole partitions? dropped" "$E2E_WORK/prune.out"
  fi
  e2e_check "$kind: every old snapshot of the running run is kept" \
    [ "$(sql "$kind" "$target" "SELECT count(*) FROM metric_snapshots WHERE task_run_id = '00000000-0000-4000-8000-0000000000d1' AND name = 'tokens'")" = 3 ]
  if [ "$kind" = sqlite ]; then
    old="strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-49 hours')"
  else
    old="now() - interval '49 hours'"
  fi
  e2e_check "$kind: no other snapshot older than the cutoff is left" \
    [ "$(sql "$kind" "$target" "SELECT count(*) FROM metric_snapshots WHERE timestamp < $old AND task_run_id IS DISTINCT FROM '00000000-0000-4000-8000-0000000000d1'")" = 0 ]
  e2e_check "$kind: every task's counters equal its runs" \
    [ "$(sql "$kind" "$target" "SELECT count(*) FROM tasks t WHERE total_runs <> (SELECT count(*) FROM task_runs r WHERE r.task_id = t.id)")" = 0 ]

  "$TASKDASH" prune --older-than 2d --runs --database-url "$target" >"$E2E_WORK/again.out" 2>&1
  e2e_check "$kind: a second prune removes nothing" \
    bash -c "grep -qE '^  metric_snapshots +removed 0$' '$E2E_WORK/again.out' && grep -qE '^  task_runs +removed 0$' '$E2E_WORK/again.out'"

  "$TASKDASH" prune --older-than 3x --database-url "$target" >"$E2E_WORK/bad.out" 2>"$E2E_WORK/bad.err"
  e2e_check "$kind: a bad duration exits 64" [ $? = 64 ]
  e2e_check "$kind: ... saying which value is wrong, once" \
    bash -c "[ \$(grep -c '^Error:' '$E2E_WORK/bad.err') = 1 ] && grep -qF \"'3x' is invalid for '--older-than\" '$E2E_WORK/bad.err'"
  e2e_check "$kind: a bad duration removed nothing" [ ! -s "$E2E_WORK/bad.out" ]
done

e2e_finish
