#!/usr/bin/env bash
# The agent system's own database, as its operator has it: the four tables made by its
# SQLAlchemy models (scripts/agent-system, create_all) and rows written through its ORM, on a
# SQLite file and on a database of the throwaway PostgreSQL (TASKDASH_TEST_DATABASE_URL).
# taskdash reads it as it is (snapshot, the dashboard in tmux down to an artifact), says what it
# found, refuses to write it, adopts it with its indexes while the agent keeps writing, and
# undoes that; a checksum of every agent row is the same before and after each of these.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

py=$("$E2E_ROOT/scripts/agent-venv") || { e2e_check "the agent system's virtual environment is made" false; e2e_finish; exit; }
agent() { "$py" "$E2E_ROOT/scripts/agent-system/agent.py" "$@"; }

targets=("sqlite:$E2E_WORK/agent.sqlite")
[ -n "${TASKDASH_TEST_DATABASE_URL:-}" ] && targets+=("$(pg_new_database)")

for target in "${targets[@]}"; do
  kind=${target%%:*}
  if [ "$kind" = sqlite ]; then
    url="sqlite:///${target#sqlite:}"
    adopted_indexes="SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND substr(name, 1, 15) = 'taskdash_adopt_'"
    taskdash_objects="SELECT count(*) FROM sqlite_schema WHERE name LIKE 'taskdash%'"
  else
    url=$target
    adopted_indexes="SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                      WHERE left(c.relname, 15) = 'taskdash_adopt_' AND i.indisvalid"
    taskdash_objects="SELECT count(*) FROM pg_class WHERE relname LIKE 'taskdash%'"
  fi
  agent create "$url" && agent write "$url" --tasks 4 --runs 5 --seed 3 --stale-counters >/dev/null ||
    { e2e_check "$kind: the agent system makes its tables and writes through its ORM" false; continue; }
  before=$(agent checksum "$url")
  unchanged() { [ "$(agent checksum "$url")" = "$before" ]; }

  # What it found, in its words; never "blank".
  "$TASKDASH" migrate status --database-url "$target" >"$E2E_WORK/status.out" 2>&1
  e2e_check "$kind: migrate status finds the external schema and alembic_version" grep -q \
    "^found:   an external schema: tasks, task_runs, metric_snapshots, artifacts; alembic_version present; 1 other table" \
    "$E2E_WORK/status.out"
  e2e_check "$kind: migrate status says it reads the tables as they are, and not that it is blank" bash -c \
    "grep -q '^reading: as it is' '$E2E_WORK/status.out' && ! grep -q blank '$E2E_WORK/status.out'"
  for command in "migrate up" "seed" "prune --older-than 30d" "simulate --duration 1s"; do
    # shellcheck disable=SC2086
    "$TASKDASH" $command --database-url "$target" >/dev/null 2>"$E2E_WORK/refused.err"
    status=$?
    e2e_check "$kind: $command refuses (exit $status) in one line naming the tables and migrate adopt" bash -c \
      "[ $status != 0 ] && [ \$(wc -l <'$E2E_WORK/refused.err') = 1 ] &&
       grep -q 'tasks, task_runs, metric_snapshots, artifacts' '$E2E_WORK/refused.err' && grep -q 'migrate adopt' '$E2E_WORK/refused.err'"
  done

  # snapshot shows every task and run with its status as the ORM stored it, lowercased.
  "$TASKDASH" snapshot --format json --limit 100 --database-url "$target" >"$E2E_WORK/snapshot.json" 2>"$E2E_WORK/snapshot.err"
  e2e_check "$kind: snapshot --format json says external and writes nothing on stderr" bash -c \
    "python3 -c 'import json,sys; sys.exit(json.load(open(sys.argv[1]))[\"schema\"] != \"external\")' '$E2E_WORK/snapshot.json' && [ ! -s '$E2E_WORK/snapshot.err' ]"
  db "$target" "SELECT name, lower(CAST(status AS TEXT)) FROM tasks ORDER BY name" >"$E2E_WORK/tasks.sql"
  db "$target" "SELECT t.name, r.run_number, lower(CAST(r.status AS TEXT)) FROM task_runs r JOIN tasks t ON t.id = r.task_id
                ORDER BY 1, 2" >"$E2E_WORK/runs.sql"
  python3 - "$E2E_WORK/snapshot.json" "$E2E_WORK/tasks.shown" "$E2E_WORK/runs.shown" <<'PY'
import json, sys
snapshot = json.load(open(sys.argv[1]))
open(sys.argv[2], "w").write("".join(f"{t['name']}|{t['status']}\n" for t in sorted(snapshot["tasks"], key=lambda t: t["name"])))
runs = sorted(snapshot["runs"], key=lambda r: (r["taskName"], r["runNumber"]))
open(sys.argv[3], "w").write("".join(f"{r['taskName']}|{r['runNumber']}|{r['status']}\n" for r in runs))
PY
  e2e_check "$kind: snapshot shows the agent's $(wc -l <"$E2E_WORK/tasks.sql") tasks with their statuses" \
    cmp -s "$E2E_WORK/tasks.sql" "$E2E_WORK/tasks.shown"
  e2e_check "$kind: snapshot shows the agent's $(wc -l <"$E2E_WORK/runs.sql") runs with their numbers and statuses" \
    cmp -s "$E2E_WORK/runs.sql" "$E2E_WORK/runs.shown"
  "$TASKDASH" snapshot --task "agent task 1" --database-url "$target" >"$E2E_WORK/task.page" 2>&1
  e2e_check "$kind: the task page shows the application's counters beside its rows (3 counted, 5 rows)" \
    grep -q "counters say 3 runs, 5 rows" "$E2E_WORK/task.page"

  # The dashboard: drill into the newest run and open its first artifact.
  run_id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["selectedRunID"].lower())' "$E2E_WORK/snapshot.json")
  [ "$kind" = sqlite ] && stored_run_id=${run_id//-/} || stored_run_id=$run_id
  session="td-ext-$kind-$$"
  e2e_start "$session" "$TASKDASH" watch --database-url "$target"
  e2e_check "$kind: the header says external schema" e2e_wait_for "$session" "· external schema"
  e2e_keys "$session" Tab
  sleep 0.5
  e2e_keys "$session" Enter
  e2e_check "$kind: Enter on the newest run drills into it" e2e_wait_for "$session" "Artifacts of run #"
  sleep 0.5
  e2e_keys "$session" Enter
  e2e_check "$kind: Enter on an artifact opens the viewer" e2e_wait_for "$session" "%"
  sleep 0.5
  name=$(e2e_screen "$session" | sed -n 2p | awk -F' › ' '{print $NF}' | sed -E 's/  .*$//; s/ *$//')
  first_line=$(db "$target" "SELECT content FROM artifacts WHERE task_run_id = '$stored_run_id' AND name = '$name'" | head -1)
  e2e_check "$kind: the viewer shows the artifact '$name' as the agent wrote it" \
    bash -c "[ -n '$name' ] && [ -n \"\$1\" ] && tmux capture-pane -p -t '$session' | grep -qF -- \"\${1:0:60}\"" _ "$first_line"
  # Back to the panes: the run's metric as a chart, then the run's own page.
  e2e_keys "$session" Escape
  sleep 0.3
  e2e_keys "$session" BTab
  sleep 0.3
  e2e_keys "$session" Enter
  e2e_check "$kind: Enter on a metric opens its chart" e2e_wait_for "$session" "Chart: "
  e2e_check "$kind: the chart reads the agent's points" e2e_wait_for "$session" " point"
  e2e_keys "$session" Escape
  sleep 0.3
  e2e_keys "$session" d
  e2e_check "$kind: d opens the run's page with its id" e2e_wait_for "$session" "Run id        $run_id"
  e2e_keys "$session" Escape Escape Escape
  e2e_quit "$kind" "$session"

  # The query filter on the agent's statuses and error messages.
  "$TASKDASH" snapshot --format json --limit 100 --filter "status:failed err:timeout" --database-url "$target" >"$E2E_WORK/filtered.json"
  db "$target" "SELECT t.name, r.run_number FROM task_runs r JOIN tasks t ON t.id = r.task_id
                WHERE lower(CAST(r.status AS TEXT)) = 'failed' AND lower(r.error_message) LIKE '%timeout%' ORDER BY 1, 2" >"$E2E_WORK/filtered.sql"
  python3 -c '
import json, sys
runs = sorted((r["taskName"], r["runNumber"]) for r in json.load(open(sys.argv[1]))["runs"])
print("".join(f"{name}|{number}\n" for name, number in runs), end="")' "$E2E_WORK/filtered.json" >"$E2E_WORK/filtered.shown"
  e2e_check "$kind: snapshot --filter 'status:failed err:timeout' lists exactly the $(wc -l <"$E2E_WORK/filtered.sql") runs SQL finds" \
    bash -c "[ -s '$E2E_WORK/filtered.sql' ] && cmp -s '$E2E_WORK/filtered.sql' '$E2E_WORK/filtered.shown'"
  e2e_check "$kind: reading changed no row of the agent's" unchanged

  # adopt: --dry-run changes nothing; adopt adds its indexes and nothing else.
  "$TASKDASH" migrate adopt --dry-run --database-url "$target" >"$E2E_WORK/adopt.dry" 2>&1
  e2e_check "$kind: migrate adopt --dry-run prints the index builds" grep -q "^CREATE INDEX .*taskdash_adopt_task_runs_task_created" "$E2E_WORK/adopt.dry"
  e2e_check "$kind: migrate adopt --dry-run creates nothing" [ "$(db "$target" "$taskdash_objects")" = 0 ]
  "$TASKDASH" migrate adopt --database-url "$target" >"$E2E_WORK/adopt.out" 2>&1
  e2e_check "$kind: migrate adopt succeeds" grep -q "adopted; undo with: taskdash migrate adopt --undo" "$E2E_WORK/adopt.out"
  e2e_check "$kind: its 12 indexes are there (and valid)" [ "$(db "$target" "$adopted_indexes")" = 12 ]
  e2e_check "$kind: a second adopt has nothing to add" bash -c \
    "'$TASKDASH' migrate adopt --database-url '$target' | grep -q 'already adopted, nothing to add'"
  e2e_check "$kind: adopting changed no row of the agent's" unchanged

  # The agent keeps writing after adopt; the dashboard shows its new rows.
  session="td-ext-adopted-$kind-$$"
  e2e_start "$session" "$TASKDASH" watch --database-url "$target" --interval 1
  e2e_check "$kind: the header says the schema is adopted" e2e_wait_for "$session" "external schema, adopted"
  agent more "$url" --prefix agent --seed 4 >/dev/null
  e2e_check "$kind: the agent still writes after adopt, and its new task appears" e2e_wait_for "$session" "agent task late" 20
  e2e_quit "$kind (adopted)" "$session"
  before=$(agent checksum "$url")

  "$TASKDASH" migrate adopt --undo --database-url "$target" >"$E2E_WORK/undo.out" 2>&1
  e2e_check "$kind: migrate adopt --undo removes what adopt added" bash -c \
    "grep -q 'removed what adopt added' '$E2E_WORK/undo.out' && [ \"\$('$TASKDASH' snapshot --format json --database-url '$target' | python3 -c 'import json,sys; print(json.load(sys.stdin)[\"schema\"])')\" = external ]"
  e2e_check "$kind: nothing named taskdash is left" [ "$(db "$target" "$taskdash_objects")" = 0 ]
  e2e_check "$kind: undoing changed no row of the agent's" unchanged
done
e2e_finish
