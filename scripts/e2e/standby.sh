#!/usr/bin/env bash
# Reading from a streaming standby: a primary and a standby of its own (pg_basebackup -R), a
# dashboard on a multi-host target that prefers standbys. The header says which server it
# reads (standby, its lag), rows written on the primary arrive through replication, stopping the
# standby moves the same dashboard to the primary (the header follows), snapshot's JSON says the
# same, and every write command refuses the standby with one line.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

pg_own_server || exit 1
STANDBY_DIR=""
standby_cleanup() {
  [ -n "$STANDBY_DIR" ] && "$E2E_ROOT/scripts/pg-throwaway" stop "$STANDBY_DIR"
  e2e_cleanup
}
trap standby_cleanup EXIT

PRIMARY_URL=$(pg_new_database replica)
"$TASKDASH" migrate up --database-url "$PRIMARY_URL" >/dev/null || { e2e_check "migrate" false; e2e_finish; exit; }
"$TASKDASH" seed --database-url "$PRIMARY_URL" --random-seed 7 >/dev/null 2>&1 || { e2e_check "seed" false; e2e_finish; exit; }

started_at=$(e2e_now_ms)
standby=$("$E2E_ROOT/scripts/pg-throwaway" standby "$PG_DIR") || { e2e_check "a standby starts" false; e2e_finish; exit; }
STANDBY_DIR=$(sed -n 1p <<<"$standby")
echo "# the standby was copied and started in $(($(e2e_now_ms) - started_at)) ms"
STANDBY_URL=$(sed -n 2p <<<"$standby" | sed -E 's#(postgresql://[^/]*/)[^?]*#\1replica#')
e2e_check "the standby is in recovery" [ "$(db "$STANDBY_URL" "SELECT pg_is_in_recovery()")" = t ]
e2e_check "the standby is a streaming replica of the primary" \
  [ "$(pg_admin "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")" = 1 ]

# libpq tries the hosts in order and, with prefer-standby, keeps the first standby it finds.
BOTH="host=$STANDBY_DIR,$PG_DIR port=5433,5432 user=postgres dbname=replica target_session_attrs=prefer-standby"
standby_short="…/$(basename "$STANDBY_DIR"):5433"
primary_short="…/$(basename "$PG_DIR"):5432"

main="td-standby-$$"
e2e_start "$main" "$TASKDASH" watch --database-url "$BOTH" --interval 1
e2e_check "the dashboard shows the seeded tasks" e2e_wait_for "$main" "Tasks (" 15
e2e_check "the header names the standby ($standby_short) and says standby" e2e_wait_for "$main" "$standby_short · standby · " 10
e2e_check "the header gives the standby's lag in seconds" \
  bash -c "tmux capture-pane -p -t '$main' | grep -qE 'standby · [0-9]+\.[0-9] s behind'"
# A standby sends no notifications: the dashboard on it polls, and says so.
e2e_check "on the standby the header says live every 1s, not push" \
  bash -c "tmux capture-pane -p -t '$main' | head -1 | grep -q 'live every 1s'"

# Replication works: a task inserted on the primary reaches the dashboard reading the standby.
db "$PRIMARY_URL" "INSERT INTO tasks (name) VALUES ('written-on-primary')"
e2e_check "a task written on the primary shows up on the standby's dashboard" e2e_wait_for "$main" "written-on-primary" 10

json=$("$TASKDASH" snapshot --format json --database-url "$BOTH")
e2e_check "snapshot --format json says standby, its socket directory and port 5433, and a lag" python3 - "$json" "$STANDBY_DIR" <<'PY'
import json, sys
snapshot = json.loads(sys.argv[1])
server = snapshot["server"]
assert server == {"host": sys.argv[2], "port": "5433", "role": "standby", "lagSeconds": server["lagSeconds"]}, server
assert isinstance(server["lagSeconds"], (int, float)) and server["lagSeconds"] >= 0, server
assert snapshot["target"] and snapshot["tasks"], snapshot.keys()
PY

# Every write command refuses the standby with one line on stderr and a non-zero exit, and writes
# nothing.
refusal="taskdash: $STANDBY_DIR:5433 is a read-only standby; writes go to the primary"
refuses() {
  local label=$1 out status; shift
  out=$("$TASKDASH" "$@" 2>&1 >/dev/null)
  status=$?
  e2e_check "$label exits non-zero ($status)" [ "$status" != 0 ]
  e2e_check "$label says so in one line" [ "$out" = "$refusal" ]
}
tasks_before=$(db "$PRIMARY_URL" "SELECT count(*) FROM tasks")
refuses "seed --force against the standby" seed --force --random-seed 8 --database-url "$STANDBY_URL"
refuses "simulate against the standby" simulate --duration 5 --database-url "$STANDBY_URL"
refuses "demo against the standby" demo --database-url "$STANDBY_URL"
refuses "migrate down against the standby" migrate down --steps 1 --database-url "$STANDBY_URL"
refuses "prune against the standby" prune --older-than 30d --database-url "$STANDBY_URL"
refuses "maintain against the standby" maintain --retention 30d --database-url "$STANDBY_URL"
refuses "seed on the multi-host target (libpq picks the standby)" seed --force --database-url "$BOTH"
e2e_check "nothing was written" [ "$(db "$PRIMARY_URL" "SELECT count(*) FROM tasks")" = "$tasks_before" ]
e2e_check "migrate status still reads the standby" bash -c '"$0" migrate status --database-url "$1" >/dev/null' "$TASKDASH" "$STANDBY_URL"

# The standby stops: the same dashboard moves to the primary at its next reconnect.
"$E2E_ROOT/scripts/pg-throwaway" stop-server "$STANDBY_DIR" fast
stopped_at=$(e2e_now_ms)
e2e_check "with the standby stopped the header names the primary ($primary_short) and says primary" \
  e2e_wait_for "$main" "$primary_short · primary" 45
echo "# the header named the primary $(($(e2e_now_ms) - stopped_at)) ms after the standby stopped"
e2e_check "the dashboard recovers on the primary, nothing stale" e2e_wait_recovered "$main" 20
db "$PRIMARY_URL" "INSERT INTO tasks (name) VALUES ('after-the-move')"
e2e_check "a task written afterwards shows up (read from the primary)" e2e_wait_for "$main" "after-the-move" 10
e2e_check "on the primary the dashboard listens: the header says push" e2e_wait_for "$main" " push" 15
role=$("$TASKDASH" snapshot --format json --database-url "$BOTH" |
  python3 -c "import json,sys; s=json.load(sys.stdin)['server']; print(s['role'], s['port'], 'lagSeconds' in s)")
e2e_check "snapshot on the multi-host target now says primary, port 5432, no lag ($role)" [ "$role" = "primary 5432 False" ]
e2e_quit "dashboard" "$main"
e2e_finish
