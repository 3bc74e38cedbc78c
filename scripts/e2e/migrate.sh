#!/usr/bin/env bash
# The migrate commands as an operator runs them, on a blank SQLite file and a blank database
# of the throwaway PostgreSQL (TASKDASH_TEST_DATABASE_URL).
set -uo pipefail
source "$(dirname "$0")/lib.sh"

targets=("sqlite:$E2E_WORK/migrate.sqlite")
[ -n "${TASKDASH_TEST_DATABASE_URL:-}" ] && targets+=("$(pg_new_database)")

for target in "${targets[@]}"; do
  kind=${target%%:*}
  # Two `migrate up` at once on a blank database: both succeed, each version applied once.
  "$TASKDASH" migrate up --database-url "$target" >"$E2E_WORK/up1.out" 2>&1 &
  first=$!
  "$TASKDASH" migrate up --database-url "$target" >"$E2E_WORK/up2.out" 2>&1 &
  second=$!
  wait $first; s1=$?
  wait $second; s2=$?
  e2e_check "$kind: two concurrent migrate up both exit 0" [ "$s1" = 0 ] && [ "$s2" = 0 ]
  applied=$(cat "$E2E_WORK/up1.out" "$E2E_WORK/up2.out" | grep -c "applied 1")
  e2e_check "$kind: exactly one of them applied version 1" [ "$applied" = 1 ]
  e2e_check "$kind: migrate check passes on the migrated database" "$TASKDASH" migrate check --database-url "$target"
  "$TASKDASH" migrate status --database-url "$target" >"$E2E_WORK/status.out"
  e2e_check "$kind: migrate status lists 0001 applied" grep -q "applied  0001_create_schema" "$E2E_WORK/status.out"
  e2e_check "$kind: migrate down without a count is refused" bash -c "! '$TASKDASH' migrate down --database-url '$target' 2>/dev/null"
  e2e_check "$kind: migrate down --all succeeds" "$TASKDASH" migrate down --all --database-url "$target"
  e2e_check "$kind: migrate check fails on a blank database" bash -c "! '$TASKDASH' migrate check --database-url '$target' 2>/dev/null"
  e2e_check "$kind: migrate up again succeeds" "$TASKDASH" migrate up --database-url "$target"
done

# Another program's schema without taskdash's history (the agent system's four tables and an
# Alembic revision): migrate status says what is there and never calls it blank; migrate up,
# seed and prune refuse in one line naming the tables; snapshot would read it, but names the
# first column the dashboard needs that these tables lack; nothing is changed.
external=("sqlite:$E2E_WORK/agent.sqlite")
[ -n "${TASKDASH_TEST_DATABASE_URL:-}" ] && external+=("$(pg_new_database)")
for target in "${external[@]}"; do
  kind=${target%%:*}
  for table in tasks task_runs metric_snapshots artifacts; do
    db "$target" "CREATE TABLE $table (id varchar(32) PRIMARY KEY, name varchar(255))"
  done
  db "$target" "CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY)"
  db "$target" "INSERT INTO tasks VALUES ('0b6f2d4e8c1a4e7b9f3d2a5c6e8b1d40', 'ingest')"
  "$TASKDASH" migrate status --database-url "$target" >"$E2E_WORK/external.before" 2>&1
  e2e_check "$kind: migrate status finds an external schema with alembic_version" grep -q \
    "^found:   an external schema: tasks, task_runs, metric_snapshots, artifacts; alembic_version present" \
    "$E2E_WORK/external.before"
  e2e_check "$kind: migrate status does not call it blank" bash -c "! grep -q blank '$E2E_WORK/external.before'"
  "$TASKDASH" snapshot --database-url "$target" >/dev/null 2>"$E2E_WORK/external.err"
  status=$?
  e2e_check "$kind: snapshot (exit $status) names the missing column and its table in one line" bash -c \
    "[ $status != 0 ] && [ \$(wc -l <'$E2E_WORK/external.err') = 1 ] && grep -q 'table tasks has no column created_at' '$E2E_WORK/external.err'"
  for command in "migrate up" "seed" "prune --older-than 30d"; do
    # shellcheck disable=SC2086
    "$TASKDASH" $command --database-url "$target" >/dev/null 2>"$E2E_WORK/external.err"
    status=$?
    e2e_check "$kind: $command refuses (exit $status) in one line naming the tables" bash -c \
      "[ $status != 0 ] && [ \$(wc -l <'$E2E_WORK/external.err') = 1 ] && grep -q 'tasks, task_runs, metric_snapshots, artifacts' '$E2E_WORK/external.err'"
  done
  "$TASKDASH" migrate status --database-url "$target" >"$E2E_WORK/external.after" 2>&1
  e2e_check "$kind: nothing was created" cmp -s "$E2E_WORK/external.before" "$E2E_WORK/external.after"
  e2e_check "$kind: the agent's row is there as it was" \
    [ "$(db "$target" "SELECT id || ' ' || name FROM tasks")" = "0b6f2d4e8c1a4e7b9f3d2a5c6e8b1d40 ingest" ]
done

# Bad targets: one line on stderr, non-zero exit, the password never shown.
"$TASKDASH" migrate status --database-url 'postgresql://ops:Pa%24%24w0rd@127.0.0.1:9/x' >"$E2E_WORK/bad.out" 2>"$E2E_WORK/bad.err"
status=$?
e2e_check "refused connection exits non-zero" [ "$status" != 0 ]
e2e_check "refused connection prints one line" [ "$(wc -l <"$E2E_WORK/bad.err")" = 1 ]
e2e_check "refused connection hides the password" bash -c "! grep -q 'w0rd' '$E2E_WORK/bad.err' '$E2E_WORK/bad.out'"
"$TASKDASH" migrate status --database-url 'postgresql://ops:pa ss@w0rd@[::1/x' >"$E2E_WORK/bad.out" 2>"$E2E_WORK/bad.err"
e2e_check "an unparsable URL is not echoed" bash -c "! grep -q 'w0rd' '$E2E_WORK/bad.err' '$E2E_WORK/bad.out' && [ -s '$E2E_WORK/bad.err' ]"
if [ -n "${TASKDASH_TEST_DATABASE_URL:-}" ]; then
  "$TASKDASH" migrate status --database-url "$(pg_database_url no_such_database_here)" >/dev/null 2>"$E2E_WORK/bad.err"
  e2e_check "an unknown database is named as such" grep -q "does not exist" "$E2E_WORK/bad.err"
fi
e2e_finish
