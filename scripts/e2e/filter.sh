#!/usr/bin/env bash
# The / query filter, driven in tmux on a seeded SQLite file and on a seeded database of the
# throwaway PostgreSQL (TASKDASH_TEST_DATABASE_URL): `/status:failed dur>1m` Enter leaves only
# failed runs longer than a minute in the runs pane, an unreadable query is explained on the
# prompt line, and snapshot --filter answers as SQL over the same rows does.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

# count TARGET SQL: the single number SQL answers on the target's database.
count() {
  case $1 in
    sqlite:*) python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' \
      "${1#sqlite:}" "$2" ;;
    *) psql "$1" -qAtX -c "$2" ;;
  esac
}

# only_failed_over_a_minute SCREEN: every run row of the runs pane (right half, rows 5 to 20)
# is failed and took a minute or more; there is at least one.
only_failed_over_a_minute() {
  python3 -c '
import re, sys
rows = [line[60:] for line in sys.argv[1].splitlines()[4:20]]
runs = [row for row in rows if re.match(r"[│┃] +#[0-9]+ ", row)]
time = r"([0-9]+m[0-9]{2}s|[0-9]+h[0-9]{2}m|[0-9]+d[0-9]{2}h)"
sys.exit(0 if runs and all(re.search(r"✗ failed +[0-9hmsd]+ +" + time + " ", row) for row in runs) else 1)' "$1"
}

targets=("sqlite:$E2E_WORK/filter.sqlite")
[ -n "${TASKDASH_TEST_DATABASE_URL:-}" ] && targets+=("$(pg_new_database)")

for target in "${targets[@]}"; do
  kind=${target%%:*}
  "$TASKDASH" migrate up --database-url "$target" >/dev/null || { e2e_check "$kind: migrate" false; continue; }
  "$TASKDASH" seed --database-url "$target" --random-seed 7 >/dev/null 2>&1 || { e2e_check "$kind: seed" false; continue; }
  expected=$(count "$target" "SELECT count(*) FROM task_runs WHERE status = 'failed' AND duration > 60")
  e2e_check "$kind: the seed has failed runs longer than a minute ($expected)" [ "${expected:-0}" -gt 0 ]

  session="td-filter-$kind-$$"
  e2e_start "$session" "$TASKDASH" watch --database-url "$target"
  e2e_wait_for "$session" "Runs (" >/dev/null
  e2e_keys "$session" Tab /
  e2e_keys "$session" -l "status:failed dur>1m"
  e2e_keys "$session" Enter
  e2e_check "$kind: the runs pane says its filter" e2e_wait_for "$session" "/status:failed dur>1m"
  sleep 1
  screen=$(e2e_screen "$session")
  e2e_check "$kind: /status:failed dur>1m leaves only failed runs longer than a minute" \
    only_failed_over_a_minute "$screen"

  # A query that cannot be read: explained on the prompt line, the filter before stays.
  e2e_keys "$session" /
  e2e_keys "$session" -l " dur>5x"
  e2e_check "$kind: an unreadable query says where and what was expected" \
    e2e_wait_for "$session" "dur>5x: at 26: expected a duration such as 30s, 5m, 2h"
  # Typed key by key, "dur" on its own was a readable query on the way; an open quote is not
  # readable from its first key on, so the filter before it stays throughout.
  e2e_keys "$session" Escape /
  e2e_keys "$session" -l ' "never closed'
  e2e_check "$kind: an open quote is explained" e2e_wait_for "$session" 'at 22: expected a closing " for the quote'
  sleep 1
  e2e_check "$kind: the previous filter stays in force meanwhile" only_failed_over_a_minute "$(e2e_screen "$session")"
  e2e_keys "$session" Escape q
  status=$(e2e_wait_exit "$session")
  e2e_check "$kind: q exits with status 0" [ "$status" = 0 ]

  "$TASKDASH" snapshot --format json --limit 10000 --filter "status:failed dur>1m" --database-url "$target" \
    >"$E2E_WORK/filtered.json"
  e2e_check "$kind: snapshot --filter lists exactly the runs SQL finds ($expected)" python3 -c '
import json, sys
runs = json.load(open(sys.argv[1]))["runs"]
ok = len(runs) == int(sys.argv[2]) and all(r["status"] == "failed" and r["duration"] > 60 for r in runs)
sys.exit(0 if ok else 1)' "$E2E_WORK/filtered.json" "$expected"
  "$TASKDASH" snapshot --filter "dur>5x" --database-url "$target" >"$E2E_WORK/out" 2>"$E2E_WORK/err"
  status=$?
  e2e_check "$kind: snapshot --filter with a bad query exits 64 with one line" \
    bash -c '[ "$1" = 64 ] && [ "$(wc -l <"$2")" = 1 ] && grep -qF "at 5: expected a duration" "$2" && [ ! -s "$3" ]' \
    _ "$status" "$E2E_WORK/err" "$E2E_WORK/out"
  tasks_before=$(count "$target" "SELECT count(*) FROM tasks")
  "$TASKDASH" snapshot --format json --filter "err:\"'; DROP TABLE tasks; --\"" --database-url "$target" \
    >"$E2E_WORK/injection.json"
  e2e_check "$kind: an injection attempt finds nothing and drops nothing" bash -c '
    python3 -c "import json, sys; sys.exit(0 if json.load(open(sys.argv[1]))[\"runs\"] == [] else 1)" "$1" &&
      [ "$2" -gt 0 ] && [ "$2" = "$3" ]' _ "$E2E_WORK/injection.json" "$tasks_before" \
    "$(count "$target" "SELECT count(*) FROM tasks")"
done

e2e_finish
