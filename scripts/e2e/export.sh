#!/usr/bin/env bash
# taskdash export, run as a script would run it: runs, snapshots and artifacts as CSV and JSON
# lines that Python's csv and json modules read back equal to the rows in the database, hostile
# text included (quotes, commas, line breaks, escape sequences, trailing spaces), on a SQLite
# file and on the throwaway PostgreSQL (TASKDASH_TEST_DATABASE_URL), where 1,000,000 runs are
# exported with the peak memory of exporting a handful; snapshot --format csv; the exit codes.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

# The hostile rows, in SQL both databases take: one task, three runs, a snapshot, an artifact.
HOSTILE_SQL=$(cat <<'SQL'
INSERT INTO tasks (id, name, status) VALUES ('00000000-0000-4000-8000-0000000000f1', 'hostile, "task"', 'running');
INSERT INTO task_runs (id, task_id, run_number, status, started_at, completed_at, duration, error_message, created_at, updated_at)
VALUES ('00000000-0000-4000-8000-0000000000f2', '00000000-0000-4000-8000-0000000000f1', 1, 'failed',
        '2026-12-01T10:00:00.000Z', '2026-12-01T10:00:30.500Z', 30.5,
        'said "no", then' || char(10) || 'a second line' || char(13) || char(10) || char(9) || 'tab \ ' || char(27) || '[31mred' || char(27) || '[0m ☃ ',
        '2026-12-01T10:00:00.000Z', '2026-12-01T10:00:30.500Z'),
       ('00000000-0000-4000-8000-0000000000f3', '00000000-0000-4000-8000-0000000000f1', 2, 'completed',
        '2026-12-01T11:00:00.000Z', '2026-12-01T11:01:00.000Z', 60, NULL, '2026-12-01T11:00:00.000Z', '2026-12-01T11:01:00.000Z'),
       ('00000000-0000-4000-8000-0000000000f4', '00000000-0000-4000-8000-0000000000f1', 3, 'running',
        '2026-12-01T12:00:00.000Z', NULL, NULL, ' leading and trailing ', '2026-12-01T12:00:00.000Z', '2026-12-01T12:00:00.000Z');
INSERT INTO metric_snapshots (task_id, task_run_id, name, metric_type, value, unit, labels, timestamp)
VALUES ('00000000-0000-4000-8000-0000000000f1', '00000000-0000-4000-8000-0000000000f2', 'cost, "usd"', 'gauge', 0.1, 'usd',
        '{"note": "x,y"}', '2026-12-01T10:00:10.000Z');
INSERT INTO artifacts (id, task_id, task_run_id, name, artifact_type, content, created_at, updated_at)
VALUES ('00000000-0000-4000-8000-0000000000f5', '00000000-0000-4000-8000-0000000000f1', '00000000-0000-4000-8000-0000000000f2',
        'report "final",v2.md', 'report', 'héllo', '2026-12-01T10:00:20.000Z', '2026-12-01T10:00:20.000Z');
SQL
)

# check_round_trip KIND TARGET: CSV and JSON lines of the hostile task read back equal to
# what the database holds (the expected rows come from $E2E_WORK/expected.KIND.json).
check_round_trip() {
  local label=$1 kind=$2 target=$3
  "$TASKDASH" export "$kind" --task 'hostile, "task"' --database-url "$target" >"$E2E_WORK/$kind.csv"
  e2e_check "$label: export $kind --format csv exits 0" [ $? = 0 ]
  "$TASKDASH" export "$kind" --task 'hostile, "task"' --format jsonl --database-url "$target" >"$E2E_WORK/$kind.jsonl"
  e2e_check "$label: export $kind --format jsonl exits 0" [ $? = 0 ]
  e2e_check "$label: Python's csv and json read $kind back equal to the rows" python3 - "$E2E_WORK" "$kind" <<'PY'
import csv, json, sys
work, kind = sys.argv[1], sys.argv[2]
expected = json.load(open(f"{work}/expected.{kind}.json"))
with open(f"{work}/{kind}.csv", newline="") as handle:
    rows = list(csv.DictReader(handle))
lines = [json.loads(line) for line in open(f"{work}/{kind}.jsonl", encoding="utf-8")]
def same(got, want, blank):
    for key, value in want.items():
        shown = got.get(key)
        if value is None:
            value = blank
        elif isinstance(value, float) and isinstance(shown, str):
            shown = float(shown)
        elif isinstance(value, int) and isinstance(shown, str):
            shown = int(shown)
        if shown != value:
            print(f"{kind} {key}: {shown!r} != {value!r}", file=sys.stderr)
            return False
    return True
ok = len(rows) == len(expected) == len(lines)
ok = ok and all(same(got, want, "") for got, want in zip(rows, expected))
ok = ok and all(same(got, want, None) for got, want in zip(lines, expected))
sys.exit(0 if ok else 1)
PY
}

# The rows as the database holds them, newest first for runs, as check_round_trip wants them.
expected_json() {
  python3 - "$E2E_WORK" <<'PY'
import json, sys
work = sys.argv[1]
text = (
    'said "no", then\na second line\r\n\ttab \\ \x1b[31mred\x1b[0m \u2603 '
)
runs = [
    {"id": "00000000-0000-4000-8000-0000000000f4", "task": 'hostile, "task"', "run_number": 3, "status": "running",
     "started_at": "2026-12-01T12:00:00.000Z", "completed_at": None, "duration": None,
     "error_message": " leading and trailing ", "created_at": "2026-12-01T12:00:00.000Z"},
    {"id": "00000000-0000-4000-8000-0000000000f3", "task": 'hostile, "task"', "run_number": 2, "status": "completed",
     "duration": 60, "error_message": None, "completed_at": "2026-12-01T11:01:00.000Z"},
    {"id": "00000000-0000-4000-8000-0000000000f2", "task": 'hostile, "task"', "run_number": 1, "status": "failed",
     "duration": 30.5, "error_message": text, "completed_at": "2026-12-01T10:00:30.500Z"},
]
metrics = [{"run_id": "00000000-0000-4000-8000-0000000000f2", "name": 'cost, "usd"', "metric_type": "gauge",
            "value": 0.1, "unit": "usd", "timestamp": "2026-12-01T10:00:10.000Z"}]
artifacts = [{"id": "00000000-0000-4000-8000-0000000000f5", "name": 'report "final",v2.md', "artifact_type": "report",
              "content_length": 6, "created_at": "2026-12-01T10:00:20.000Z"}]
for kind, rows in (("runs", runs), ("metrics", metrics), ("artifacts", artifacts)):
    json.dump(rows, open(f"{work}/expected.{kind}.json", "w"))
PY
}
expected_json

# --- SQLite ---------------------------------------------------------------------------------
sqlite_target="sqlite:$E2E_WORK/export.sqlite"
"$TASKDASH" migrate up --database-url "$sqlite_target" >/dev/null
python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()' \
  "$E2E_WORK/export.sqlite" "$HOSTILE_SQL"
e2e_check "sqlite: the hostile rows are planted" [ $? = 0 ]
for kind in runs metrics artifacts; do check_round_trip sqlite "$kind" "$sqlite_target"; done

"$TASKDASH" snapshot --format csv --database-url "$sqlite_target" >"$E2E_WORK/snapshot.csv"
e2e_check "sqlite: snapshot --format csv is the tasks and runs tables, the text as stored" python3 - "$E2E_WORK" <<'PY'
import csv, sys
rows = list(csv.reader(open(f"{sys.argv[1]}/snapshot.csv", newline="")))
blank = rows.index([])
tasks, runs = rows[:blank], rows[blank + 1:]
ok = tasks[0][:3] == ["id", "name", "status"] and tasks[1][1] == 'hostile, "task"'
header = runs[0]
errors = [dict(zip(header, row))["error_message"] for row in runs[1:4]]
ok = ok and header[:3] == ["id", "task_id", "task"] and " leading and trailing " in errors
ok = ok and any(e.startswith('said "no", then\na second line\r\n') for e in errors)
sys.exit(0 if ok else 1)
PY

"$TASKDASH" export runs --task nobody --database-url "$sqlite_target" >/dev/null 2>"$E2E_WORK/err"
status=$?
e2e_check "an unknown --task is one line and status 1" [ "$status:$(wc -l <"$E2E_WORK/err")" = 1:1 ]
"$TASKDASH" export runs --filter 'dur>soon' --database-url "$sqlite_target" >/dev/null 2>&1
e2e_check "a bad --filter is a usage error (64)" [ $? = 64 ]
"$TASKDASH" export tables --database-url "$sqlite_target" >/dev/null 2>&1
e2e_check "an unknown kind is a usage error (64)" [ $? = 64 ]
"$TASKDASH" export runs --since soon --database-url "$sqlite_target" >/dev/null 2>&1
e2e_check "a bad --since is a usage error (64)" [ $? = 64 ]

# --- PostgreSQL: the same rows, then a million ------------------------------------------------
if [ -n "${TASKDASH_TEST_DATABASE_URL:-}" ]; then
  pg_target=$(pg_new_database)
  "$TASKDASH" migrate up --database-url "$pg_target" >/dev/null
  # SQLite's char() is chr() here.
  sed 's/char(/chr(/g' <<<"$HOSTILE_SQL" | psql "$pg_target" -qAtX -v ON_ERROR_STOP=1 >/dev/null
  e2e_check "postgres: the hostile rows are planted" [ $? = 0 ]
  for kind in runs metrics artifacts; do check_round_trip postgres "$kind" "$pg_target"; done

  # A million runs of another task, written without the counters' triggers (replica role):
  # the export reads rows, not counters.
  psql "$pg_target" -qAtX -v ON_ERROR_STOP=1 >/dev/null <<'SQL'
SET session_replication_role = replica;
INSERT INTO tasks (id, name, status) VALUES ('00000000-0000-4000-8000-00000000e001', 'bulk', 'running');
INSERT INTO task_runs (task_id, run_number, status, started_at, completed_at, duration, error_message, created_at, updated_at)
SELECT '00000000-0000-4000-8000-00000000e001', n, CASE WHEN n % 10 = 0 THEN 'failed' ELSE 'completed' END,
       now() - make_interval(secs => n), now() - make_interval(secs => n - 30), 30,
       CASE WHEN n % 10 = 0 THEN 'error, "' || n || '"' END,
       now() - make_interval(secs => n), now() - make_interval(secs => n)
  FROM generate_series(1, 1000000) n;
SQL
  e2e_check "postgres: a million runs are planted" [ $? = 0 ]
  # Peak memory of the export process, from the kernel's accounting of the child.
  peak_kb() {
    python3 - "$@" <<'PY'
import resource, subprocess, sys
out = open(sys.argv[1], "wb")
status = subprocess.run(sys.argv[2:], stdout=out).returncode
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss if status == 0 else -1)
PY
  }
  small=$(peak_kb "$E2E_WORK/small.csv" "$TASKDASH" export runs --task 'hostile, "task"' --database-url "$pg_target")
  big=$(peak_kb "$E2E_WORK/big.csv" "$TASKDASH" export runs --database-url "$pg_target")
  echo "# peak resident memory: ${small} KB for 3 runs, ${big} KB for 1,000,003 runs"
  flat=no
  [ "$small" -gt 0 ] && [ "$big" -gt 0 ] && [ "$big" -le $((small + 8192)) ] && flat=yes
  e2e_check "postgres: exporting 1,000,003 runs peaks within 8 MB of exporting 3" [ "$flat" = yes ]
  # The rows as the database holds them, in the export's order, by psql's own CSV.
  psql "$pg_target" -qAtX -v ON_ERROR_STOP=1 -c "\copy (SELECT id, run_number, status, duration, error_message
    FROM task_runs ORDER BY created_at DESC, id DESC) TO '$E2E_WORK/database.csv' CSV"
  e2e_check "postgres: Python's csv reads the million back equal to the database's rows" \
    python3 - "$E2E_WORK/big.csv" "$E2E_WORK/database.csv" <<'PY'
import csv, sys
count = failed = 0
with open(sys.argv[1], newline="") as exported, open(sys.argv[2], newline="") as stored:
    rows, truth = csv.DictReader(exported), csv.reader(stored)
    for row, (id, number, status, duration, error) in zip(rows, truth, strict=True):
        count += 1
        got = (row["id"], row["run_number"], row["status"], float(row["duration"] or "nan"), row["error_message"])
        want = (id, number, status, float(duration or "nan"), error)
        if got[:3] != want[:3] or got[4] != want[4] or (got[3] != want[3] and not (got[3] != got[3] and want[3] != want[3])):
            print(f"row {count}: {got!r} != {want!r}", file=sys.stderr)
            sys.exit(1)
        failed += row["status"] == "failed" and row["task"] == "bulk"
sys.exit(0 if count == 1_000_003 and failed == 100_000 else 1)
PY
  "$TASKDASH" export runs --filter 'status:failed' --since 2h --database-url "$pg_target" >"$E2E_WORK/recent.csv"
  # One run every second, one in ten failed: 720 in two hours, a few fewer as the clock moves on.
  recent=$(($(wc -l <"$E2E_WORK/recent.csv") - 1))
  echo "# failed runs of the last two hours: $recent"
  narrowed=no
  [ "$recent" -ge 700 ] && [ "$recent" -le 720 ] && narrowed=yes
  e2e_check "postgres: --filter and --since narrow the million (the failed runs of the last two hours, about 720)" \
    [ "$narrowed" = yes ]
fi

e2e_finish
