#!/usr/bin/env bash
# Silent runs, driven in tmux on a SQLite file and on a database of the throwaway PostgreSQL
# (TASKDASH_TEST_DATABASE_URL): a run left running whose newest metric snapshot is 20 minutes
# old shows `silent` in the runs pane and is counted apart on the tasks pane, while a run that
# logged a minute ago stays `running`; snapshot --format json says the same.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

# The rows, written with SQL as another program would: times relative to the database's clock.
plant_sql() {
  local ago
  if [ "$1" = sqlite ]; then
    ago() { echo "strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-$1 minutes')"; }
  else
    ago() { echo "now() - interval '$1 minutes'"; }
  fi
  cat <<SQL
INSERT INTO tasks (id, name, status) VALUES ('00000000-0000-4000-8000-0000000000a1', 'quiet-agent', 'running');
INSERT INTO task_runs (id, task_id, run_number, status, started_at, created_at)
  VALUES ('00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-0000000000a1', 1, 'running', $(ago 40), $(ago 40)),
         ('00000000-0000-4000-8000-0000000000b2', '00000000-0000-4000-8000-0000000000a1', 2, 'running', $(ago 30), $(ago 30));
INSERT INTO metric_snapshots (task_id, task_run_id, name, metric_type, value, timestamp)
  VALUES ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000b1', 'tokens', 'counter', 10, $(ago 21)),
         ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000b1', 'tokens', 'counter', 20, $(ago 20)),
         ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000b2', 'tokens', 'counter', 10, $(ago 2)),
         ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000b2', 'tokens', 'counter', 20, $(ago 1));
SQL
}

targets=("sqlite:$E2E_WORK/silent.sqlite")
[ -n "${TASKDASH_TEST_DATABASE_URL:-}" ] && targets+=("$(pg_new_database)")

for target in "${targets[@]}"; do
  kind=${target%%:*}
  "$TASKDASH" migrate up --database-url "$target" >/dev/null || { e2e_check "$kind: migrate" false; continue; }
  if [ "$kind" = sqlite ]; then
    plant_sql sqlite | python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript(sys.stdin.read()); c.commit()' \
      "${target#sqlite:}"
  else
    plant_sql postgres | psql "$target" -qAtX -v ON_ERROR_STOP=1 >/dev/null
  fi
  e2e_check "$kind: the rows are planted" [ $? = 0 ]

  session="td-silent-$kind-$$"
  e2e_start "$session" "$TASKDASH" watch --database-url "$target"
  e2e_check "$kind: the run whose newest snapshot is 20 minutes old shows silent in the runs pane" \
    e2e_wait_for "$session" "#1 quiet-agent     silent 20m"
  screen=$(e2e_screen "$session")
  e2e_check "$kind: the run that logged a minute ago is running, not silent" \
    grep -qF "#2 quiet-agent     ● running" <<<"$screen"
  e2e_check "$kind: the tasks pane counts one healthy and one silent running run (1+1!)" \
    grep -qE "quiet-agent +● running +2 +0% +1\+1!" <<<"$screen"
  # The runs pane lists #2 (newer) first: down to #1, then its page.
  e2e_keys "$session" Tab Down d
  e2e_check "$kind: the silent run's page says since when" e2e_wait_for "$session" "Activity      silent since "
  e2e_keys "$session" Escape q
  status=$(e2e_wait_exit "$session")
  e2e_check "$kind: q exits with status 0" [ "$status" = 0 ]

  "$TASKDASH" snapshot --format json --database-url "$target" >"$E2E_WORK/snapshot.json"
  e2e_check "$kind: snapshot --format json marks run #1 silent for about 20 minutes and run #2 not" python3 -c '
import json, sys
runs = {run["runNumber"]: run for run in json.load(open(sys.argv[1]))["runs"]}
quiet, busy = runs[1], runs[2]
ok = quiet["silent"] is True and 1190 <= quiet["silent_seconds"] <= 1500
ok = ok and busy["silent"] is False and busy["silent_seconds"] is None
sys.exit(0 if ok else 1)' "$E2E_WORK/snapshot.json"
done

e2e_finish
