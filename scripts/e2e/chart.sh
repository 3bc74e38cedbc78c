#!/usr/bin/env bash
# A metric's chart, driven in tmux on a SQLite file and on a database of the throwaway
# PostgreSQL (TASKDASH_TEST_DATABASE_URL): a running run with 100,000 points of 50 and one of
# 9,999, planted with SQL; Enter on its metric draws the chart, and the spike reaches the top
# row beside the axis maximum, whole and zoomed; o overlays the previous run, L logs the scale.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

task_id=00000000-0000-4000-8000-0000000000c1
previous_id=00000000-0000-4000-8000-0000000000c2
run_id=00000000-0000-4000-8000-0000000000c3

# plant TARGET: the task "spiky" with run #1 (completed, 1,000 points of 40) and run #2 (running,
# 100,000 points of 50 ten milliseconds apart, the one at 612.34 s being 9,999), over the
# last 1,000 seconds.
plant() {
  case $1 in
    sqlite:*)
      sqlite3 "${1#sqlite:}" <<EOF
BEGIN;
INSERT INTO tasks (id, name, status) VALUES ('$task_id', 'spiky', 'running');
INSERT INTO task_runs (id, task_id, run_number, status, created_at, started_at)
VALUES ('$previous_id', '$task_id', 1, 'completed', strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-3000 seconds'), NULL),
       ('$run_id', '$task_id', 2, 'running', strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-1001 seconds'),
        strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-1001 seconds'));
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 99999)
INSERT INTO metric_snapshots (task_id, task_run_id, name, metric_type, value, unit, timestamp)
SELECT '$task_id', '$run_id', 'loss', 'gauge', CASE WHEN i = 61234 THEN 9999 ELSE 50 END, 'ms',
       strftime('%Y-%m-%dT%H:%M:%fZ', unixepoch('now') - 1000 + i / 100.0, 'unixepoch')
FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999)
INSERT INTO metric_snapshots (task_id, task_run_id, name, metric_type, value, unit, timestamp)
SELECT '$task_id', '$previous_id', 'loss', 'gauge', 40, 'ms',
       strftime('%Y-%m-%dT%H:%M:%fZ', unixepoch('now') - 3000 + i, 'unixepoch')
FROM n;
COMMIT;
EOF
      ;;
    *)
      psql "$1" -qAtX -v ON_ERROR_STOP=1 <<EOF
BEGIN;
INSERT INTO tasks (id, name, status) VALUES ('$task_id', 'spiky', 'running');
INSERT INTO task_runs (id, task_id, run_number, status, created_at, started_at)
VALUES ('$previous_id', '$task_id', 1, 'completed', now() - interval '3000 s', NULL),
       ('$run_id', '$task_id', 2, 'running', now() - interval '1001 s', now() - interval '1001 s');
INSERT INTO metric_snapshots (task_id, task_run_id, name, metric_type, value, unit, "timestamp")
SELECT '$task_id', '$run_id', 'loss', 'gauge', CASE WHEN i = 61234 THEN 9999 ELSE 50 END, 'ms',
       now() - interval '1000 s' + i * interval '10 ms'
FROM generate_series(0, 99999) i;
INSERT INTO metric_snapshots (task_id, task_run_id, name, metric_type, value, unit, "timestamp")
SELECT '$task_id', '$previous_id', 'loss', 'gauge', 40, 'ms', now() - interval '3000 s' + i * interval '1 s'
FROM generate_series(0, 999) i;
COMMIT;
EOF
      ;;
  esac
}

# top_row_spikes SCREEN: the first plot row (the fourth of the screen) carries the axis maximum
# 9999 and, right of the axis, a braille cell: the spike reaches the top.
top_row_spikes() {
  local row
  row=$(sed -n 4p <<<"$1")
  grep -qF "9999 ┤" <<<"$row" && python3 -c '
import sys
plot = sys.argv[1].split("┤", 1)[1]
sys.exit(0 if any(0x2801 <= ord(c) <= 0x28FF for c in plot) else 1)' "$row"
}

# to_metrics SESSION: from the tasks pane into spiky, into its newest run (#2), then back one
# pane from the artifacts to the metrics.
to_metrics() {
  e2e_wait_for "$1" "spiky" >/dev/null
  e2e_keys "$1" Enter
  e2e_wait_for "$1" "Runs of spiky" >/dev/null
  sleep 0.5
  e2e_keys "$1" Enter
  e2e_wait_for "$1" "Metrics of run #2" >/dev/null
  e2e_keys "$1" BTab
}

targets=("sqlite:$E2E_WORK/chart.sqlite")
[ -n "${TASKDASH_TEST_DATABASE_URL:-}" ] && targets+=("$(pg_new_database)")

for target in "${targets[@]}"; do
  kind=${target%%:*}
  "$TASKDASH" migrate up --database-url "$target" >/dev/null || { e2e_check "$kind: migrate" false; continue; }
  plant "$target" >/dev/null || { e2e_check "$kind: plant 100,000 points" false; continue; }

  session="td-chart-$kind-$$"
  e2e_start "$session" "$TASKDASH" watch --database-url "$target"
  to_metrics "$session"
  e2e_check "$kind: the run's metrics list loss" e2e_wait_for "$session" "loss"
  before=$(e2e_now_ms)
  e2e_keys "$session" Enter
  e2e_check "$kind: Enter on the metric opens its chart" e2e_wait_for "$session" "Chart: loss"
  e2e_check "$kind: the chart reads the series" e2e_wait_for "$session" "points)"
  echo "# $kind: the chart of 100,000 points drawn in $(($(e2e_now_ms) - before)) ms"
  e2e_check "$kind: the spike reaches the top row beside the axis maximum 9999" \
    top_row_spikes "$(e2e_screen "$session")"
  e2e_check "$kind: the y axis carries the unit" bash -c "sed -n 38p <<<\"\$1\" | grep -q '^ms '" _ \
    "$(e2e_screen "$session")"

  e2e_keys "$session" +
  e2e_check "$kind: + zooms in" e2e_wait_for "$session" "zoomed"
  e2e_keys "$session" +
  sleep 1.5
  e2e_check "$kind: zoomed twice around the newest bucket, the spike is outside the window" \
    bash -c "! sed -n 4p <<<\"\$1\" | grep -qF '9999 ┤'" _ "$(e2e_screen "$session")"
  e2e_keys "$session" 0
  e2e_wait_for "$session" "whole series" >/dev/null
  sleep 1
  # Zoom in with the cursor on the spike's column: it keeps its full height.
  for _ in $(seq 1 240); do
    e2e_screen "$session" | sed -n 39p | grep -qF "max 9999" && break
    e2e_keys "$session" h
    sleep 0.05
  done
  e2e_check "$kind: the cursor finds the spike's bucket" e2e_wait_for "$session" "max 9999" 5
  e2e_keys "$session" + +
  e2e_wait_for "$session" "zoomed" >/dev/null
  sleep 1.5
  e2e_check "$kind: zoomed in four times on the spike, it still reaches the top row" \
    top_row_spikes "$(e2e_screen "$session")"

  e2e_keys "$session" o
  e2e_check "$kind: o overlays the previous run" e2e_wait_for "$session" "overlay: previous run"
  e2e_check "$kind: the overlay's figures read out beside the run's" e2e_wait_for "$session" "previous run: min 40"
  e2e_keys "$session" L
  e2e_check "$kind: L turns the scale logarithmic" e2e_wait_for "$session" "· log"
  e2e_keys "$session" Escape
  e2e_check "$kind: Esc goes back to the metrics" e2e_wait_for "$session" "Metrics of run #2"
  e2e_quit "$kind" "$session"

  if [ "$kind" = sqlite ]; then
    # Not UTF-8: the chart is drawn in ASCII and the spike still reaches the top row.
    session="td-chart-ascii-$$"
    e2e_start "$session" env LC_ALL=C "$TASKDASH" watch --database-url "$target"
    to_metrics "$session"
    sleep 0.5
    e2e_keys "$session" Enter
    e2e_wait_for "$session" "points)" >/dev/null
    e2e_check "$kind: in the C locale the spike is an ASCII bar at the top row" \
      bash -c "sed -n 4p <<<\"\$1\" | grep -qE '9999 \+ *\|'" _ "$(e2e_screen "$session")"
    e2e_keys "$session" q
    e2e_wait_exit "$session" >/dev/null
  fi
done

e2e_finish
