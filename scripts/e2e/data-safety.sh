#!/usr/bin/env bash
# Migrations and seeding never leave half-written data, on SQLite and on a throwaway PostgreSQL
# of its own (it is stopped in the middle of a seed):
# (a) `migrate up` killed with SIGKILL while it waits inside its work leaves the schema as it
#     was, and a later `migrate up` works;
# (b) a large `seed` killed with SIGKILL while its bulk insert streams, or whose server stops
#     under it, leaves zero rows in every table;
# (c) `migrate down` without a count is refused and changes nothing; a seed of an un-migrated
#     or non-empty database is refused and writes nothing.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

pg_own_server || exit 1
CHILDREN=()
# Ends what this script started in the background, then cleans up as lib.sh does.
cleanup() {
  [ ${#CHILDREN[@]} -gt 0 ] && kill -9 "${CHILDREN[@]}" 2>/dev/null
  e2e_cleanup
}
trap cleanup EXIT
sqlite() { python3 -c 'import sqlite3, sys; [print("|".join(map(str, row))) for row in sqlite3.connect(sys.argv[1]).execute(sys.argv[2])]' "$@"; }

# catalog TARGET: the schema as text (tables, columns, indexes, triggers, history rows).
catalog() {
  case "$1" in
  sqlite:*) sqlite "${1#sqlite:}" "SELECT type, name, sql FROM sqlite_master ORDER BY type, name" &&
    { sqlite "${1#sqlite:}" "SELECT version, name, checksum FROM schema_migrations ORDER BY version" 2>/dev/null || true; } ;;
  *) psql "$1" -qAtX <<'SQL'
SELECT 'column', table_name, column_name, data_type, column_default FROM information_schema.columns
 WHERE table_schema = 'public' ORDER BY 2, 3;
SELECT 'index', indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 2;
SELECT 'trigger', tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY 2;
SELECT 'function', proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace ORDER BY 2;
SELECT 'history', version, name, checksum FROM schema_migrations ORDER BY 2;
SQL
  ;;
  esac
}

# row_counts TARGET: "tasks runs metrics artifacts".
row_counts() {
  local sql="SELECT (SELECT count(*) FROM tasks), (SELECT count(*) FROM task_runs),
    (SELECT count(*) FROM metric_snapshots), (SELECT count(*) FROM artifacts)"
  case "$1" in
  sqlite:*) sqlite "${1#sqlite:}" "$sql" | tr '|' ' ' ;;
  *) psql "$1" -qAtX -F ' ' -c "$sql" ;;
  esac
}

# wait_until SECONDS COMMAND...: polls COMMAND every 0.2 s until it succeeds.
wait_until() {
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do
    [ $SECONDS -ge $deadline ] && return 1
    sleep 0.2
  done
}
# How many taskdash backends of a database run a statement starting with PREFIX, or wait on a
# lock.
pg_active() {
  pg_admin "SELECT count(*) FROM pg_stat_activity WHERE datname = '$1' AND application_name = 'taskdash'
    AND state = 'active' AND query ILIKE '$2%'"
}
pg_waiting() {
  pg_admin "SELECT count(*) FROM pg_stat_activity WHERE datname = '$1' AND application_name = 'taskdash'
    AND wait_event_type = 'Lock'"
}
is() { [ "$("${@:2}")" = "$1" ]; }
catalog_quietly() { catalog "$1" 2>/dev/null; }
quietly() { "$@" >/dev/null 2>&1; }
# stop_child PID: SIGKILL to a child of this script, reaped without the shell's "Killed" notice.
stop_child() {
  kill -9 "$1" 2>/dev/null
  wait "$1" 2>/dev/null
  true
} 2>/dev/null

# (a) An interrupted migration. PostgreSQL: another session creates, and keeps uncommitted, a
# function the migration creates near its end, so `migrate up` waits on it with every table
# already created in its transaction. It is killed there; the other session then ends, so the
# orphaned server backend runs the rest of what it was sent: had the commit been sent with the
# body, the migration would now be committed.
pg=$(pg_new_database kill_migrate)
before=$(catalog "$pg" 2>/dev/null)
PGAPPNAME=td_blocker psql "$pg" -qAtX -c "BEGIN" \
  -c "CREATE FUNCTION taskdash_touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'" \
  -c "SELECT pg_sleep(60)" >/dev/null 2>&1 &
blocker=$!
CHILDREN+=("$blocker")
# The migrator starts only once the blocker holds its function (under load psql can be slow
# to start; a migrator first in line would create the function itself and commit).
blocker_holds() {
  pg_admin "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'td_blocker'
    AND query ILIKE 'SELECT pg_sleep%'"
}
wait_until 20 is 1 blocker_holds
"$TASKDASH" migrate up --database-url "$pg" >"$E2E_WORK/migrate.out" 2>&1 &
migrator=$!
CHILDREN+=("$migrator")
e2e_check "postgresql: migrate up waits inside its transaction" wait_until 15 is 1 pg_waiting kill_migrate
stop_child "$migrator"
pg_terminate_backends td_blocker >/dev/null
{ wait "$blocker"; } 2>/dev/null
e2e_check "postgresql: the killed migrator's backend ends" wait_until 20 is 0 pg_backends taskdash kill_migrate
e2e_check "postgresql: migrate up killed mid-transaction leaves the schema as it was" [ "$(catalog "$pg" 2>/dev/null)" = "$before" ]
e2e_check "postgresql: no taskdash table exists" is "" psql "$pg" -qAtXc "SELECT to_regclass('tasks'), to_regclass('schema_migrations')" -F ''
e2e_check "postgresql: migrate up afterwards works" quietly "$TASKDASH" migrate up --database-url "$pg"
e2e_check "postgresql: and migrate check agrees" quietly "$TASKDASH" migrate check --database-url "$pg"

# SQLite: another connection holds the write lock, so `migrate up` waits in BEGIN IMMEDIATE,
# which is before its transaction: still a kill -9 that must leave nothing half-applied.
lite="sqlite:$E2E_WORK/migrate.sqlite"
python3 -c 'import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute("PRAGMA journal_mode = WAL")' "${lite#sqlite:}"
before=$(catalog "$lite")
python3 - "${lite#sqlite:}" <<'EOF' &
import sqlite3, sys, time
database = sqlite3.connect(sys.argv[1], isolation_level=None)
database.execute("BEGIN IMMEDIATE")
database.execute("CREATE TABLE holder (x)")
time.sleep(60)
EOF
holder=$!
CHILDREN+=("$holder")
sleep 1
"$TASKDASH" migrate up --database-url "$lite" >"$E2E_WORK/migrate.out" 2>&1 &
migrator=$!
CHILDREN+=("$migrator")
sleep 2
e2e_check "sqlite: migrate up is still waiting for the lock" kill -0 "$migrator"
stop_child "$migrator"
stop_child "$holder"
e2e_check "sqlite: migrate up killed while waiting leaves the schema as it was" [ "$(catalog "$lite")" = "$before" ]
e2e_check "sqlite: migrate up afterwards works" quietly "$TASKDASH" migrate up --database-url "$lite"

# (b) Interrupted seeds: 2,000,000 runs take far longer than the moment of the kill.
seed_args=(seed --tasks 10 --runs 2000000 --metrics 0 --artifacts 0 --random-seed 3)
pg=$(pg_new_database kill_seed)
"$TASKDASH" migrate up --database-url "$pg" >/dev/null
"$TASKDASH" "${seed_args[@]}" --database-url "$pg" >"$E2E_WORK/seed.out" 2>&1 &
seeder=$!
CHILDREN+=("$seeder")
e2e_check "postgresql: the seed streams its runs with COPY" wait_until 60 is 1 pg_active kill_seed "COPY task_runs"
sleep 1
stop_child "$seeder"
e2e_check "postgresql: the killed seeder's backend ends" wait_until 20 is 0 pg_backends taskdash kill_seed
e2e_check "postgresql: seed killed mid-COPY leaves zero rows in every table ($(row_counts "$pg"))" \
  is "0 0 0 0" row_counts "$pg"

lite="sqlite:$E2E_WORK/seed.sqlite"
"$TASKDASH" migrate up --database-url "$lite" >/dev/null
"$TASKDASH" "${seed_args[@]}" --database-url "$lite" >"$E2E_WORK/seed.out" 2>&1 &
seeder=$!
CHILDREN+=("$seeder")
# The write-ahead log grows while the transaction writes: the seed is under way.
wal_grows() { [ "$(stat -c %s "${lite#sqlite:}-wal" 2>/dev/null || echo 0)" -gt 4000000 ]; }
e2e_check "sqlite: the seed writes its runs" wait_until 60 wal_grows
stop_child "$seeder"
e2e_check "sqlite: seed killed mid-transaction leaves zero rows in every table ($(row_counts "$lite"))" \
  is "0 0 0 0" row_counts "$lite"
e2e_check "sqlite: the database is intact" is "ok" sqlite "${lite#sqlite:}" "PRAGMA integrity_check"

# The server stopped (immediate shutdown, as in a crash) while the seed streams.
pg=$(pg_new_database stop_seed)
"$TASKDASH" migrate up --database-url "$pg" >/dev/null
"$TASKDASH" "${seed_args[@]}" --database-url "$pg" >"$E2E_WORK/seed.out" 2>"$E2E_WORK/seed.err" &
seeder=$!
CHILDREN+=("$seeder")
e2e_check "postgresql: the seed streams again" wait_until 60 is 1 pg_active stop_seed "COPY task_runs"
sleep 1
pg_stop_server immediate
stopped_at=$SECONDS
wait "$seeder"
status=$?
e2e_check "postgresql: the seed exits non-zero when its server stops ($status, after $((SECONDS - stopped_at)) s)" \
  [ "$status" != 0 ]
e2e_check "postgresql: it says why in one line" [ "$(grep -c . "$E2E_WORK/seed.err")" = 1 ]
pg_start_server
e2e_check "postgresql: after the restart every table has zero rows ($(row_counts "$pg"))" is "0 0 0 0" row_counts "$pg"

# (c) Refusals that change nothing.
for target in "sqlite:$E2E_WORK/refuse.sqlite" "$(pg_new_database refuse)"; do
  kind=${target%%:*}
  "$TASKDASH" seed --random-seed 1 --database-url "$target" >/dev/null 2>"$E2E_WORK/refuse.err"
  e2e_check "$kind: seeding an un-migrated database is refused" [ $? != 0 ]
  e2e_check "$kind: it says to run migrate up" grep -q "taskdash migrate up" "$E2E_WORK/refuse.err"
  [ "$kind" = sqlite ] && e2e_check "sqlite: and leaves no file behind" [ ! -e "${target#sqlite:}" ]
  e2e_check "$kind: and writes no table" is "" catalog_quietly "$target"
  "$TASKDASH" migrate up --database-url "$target" >/dev/null
  "$TASKDASH" seed --random-seed 1 --database-url "$target" >/dev/null 2>&1
  counts=$(row_counts "$target")
  before=$(catalog "$target")
  "$TASKDASH" migrate down --database-url "$target" >/dev/null 2>"$E2E_WORK/down.err"
  e2e_check "$kind: migrate down without a count is refused" [ $? != 0 ]
  e2e_check "$kind: and says which count to give" grep -qE -- "--steps|--to|--all" "$E2E_WORK/down.err"
  e2e_check "$kind: the schema is unchanged" [ "$(catalog "$target")" = "$before" ]
  "$TASKDASH" seed --random-seed 2 --database-url "$target" >/dev/null 2>"$E2E_WORK/refuse.err"
  e2e_check "$kind: seeding a non-empty database is refused" [ $? != 0 ]
  e2e_check "$kind: and writes nothing" [ "$(row_counts "$target")" = "$counts" ]
done
e2e_finish
