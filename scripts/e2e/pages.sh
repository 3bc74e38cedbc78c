#!/usr/bin/env bash
# A run's and a task's own page, driven in tmux on a seeded SQLite file and on a seeded
# database of the throwaway PostgreSQL (TASKDASH_TEST_DATABASE_URL): the whole error message
# and its details as stored, ] to the next run, a task's p50/p95 against SQL over the same
# runs, hostile text as marks, a 10 MB results document, and snapshot --run / --task.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

# duration SECONDS: a duration as the dashboard writes it (2m05s, 48s, 1h02m).
duration() {
  python3 - "$1" <<'EOF'
import sys
s = float(sys.argv[1])
t = int(s)
if s < 1: print(f"{int(s * 1000)}ms")
elif t < 60: print(f"{t}s")
elif t < 3600: print(f"{t // 60}m{t % 60:02d}s")
elif t < 86400: print(f"{t // 3600}h{t % 3600 // 60:02d}m")
else: print(f"{t // 86400}d{t % 86400 // 3600:02d}h")
EOF
}

# nearest_rank P: the nearest-rank percentile (percentile_disc) of the numbers on stdin.
nearest_rank() {
  python3 -c '
import math, sys
values = sorted(float(line) for line in sys.stdin if line.strip())
print(values[max(0, math.ceil(float(sys.argv[1]) * len(values)) - 1)])' "$1"
}

targets=("sqlite:$E2E_WORK/pages.sqlite")
[ -n "${TASKDASH_TEST_DATABASE_URL:-}" ] && targets+=("$(pg_new_database)")
# JSON columns hold valid JSON on both backends (SQLite checks json_valid), so control
# characters in a key arrive escaped; the error message is plain text and holds them raw.
hostile_plan="'{\"\\u001b]0;pwned\\u0007\": 1, \"steps\": [\"fetch\"]}'"
long_error="$(printf 'the provider refused the batch request and the retry budget of 120 seconds ran out; %.0s' 1 2 3 4 5)END-OF-ERROR"

for target in "${targets[@]}"; do
  kind=${target%%:*}
  "$TASKDASH" migrate up --database-url "$target" >/dev/null || { e2e_check "$kind: migrate" false; continue; }
  "$TASKDASH" seed --database-url "$target" --random-seed 7 >/dev/null 2>&1 || { e2e_check "$kind: seed" false; continue; }
  if [ "$kind" = sqlite ]; then
    esc="char(27)" bel="char(7)" key_sql="SELECT key FROM json_each(r.error_details) LIMIT 1"
    big_results="'{\"blob\": \"' || hex(zeroblob(5242880)) || '\"}'"
  else
    esc="chr(27)" bel="chr(7)"
    key_sql="SELECT k FROM jsonb_object_keys(r.error_details) k ORDER BY length(k), k LIMIT 1"
    big_results="jsonb_build_object('blob', repeat('0', 10485760))"
  fi

  # The newest failed run of its task that has a later run, with error details, in the task
  # with the most completed runs among those that have one.
  picked=$(db "$target" "SELECT t.name, r.run_number, r.id, ($key_sql) FROM task_runs r JOIN tasks t ON t.id = r.task_id
    WHERE r.status = 'failed' AND r.error_details IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM task_runs f WHERE f.task_id = r.task_id AND f.status = 'failed'
                      AND (f.created_at > r.created_at OR (f.created_at = r.created_at AND f.id > r.id)))
      AND EXISTS (SELECT 1 FROM task_runs n WHERE n.task_id = r.task_id AND n.run_number > r.run_number)
    ORDER BY (SELECT count(*) FROM task_runs c WHERE c.task_id = r.task_id AND c.status = 'completed'
                AND c.duration IS NOT NULL) DESC, t.name
    LIMIT 1")
  IFS='|' read -r task number run_id detail_key <<<"$picked"
  e2e_check "$kind: the seed has a failed run with a later run and error details ($task #$number, key $detail_key)" \
    [ -n "$detail_key" ]
  next=$(db "$target" "SELECT min(run_number) FROM task_runs r JOIN tasks t ON t.id = r.task_id
    WHERE t.name = '$task' AND r.run_number > $number")
  db "$target" "UPDATE task_runs SET error_message = '$long_error' WHERE id = '$run_id'" >/dev/null
  # The next run carries hostile text in its error message and in a plan key, and 10 MB of results.
  db "$target" "UPDATE task_runs SET error_message = 'boom ' || $esc || '[2J' || $bel || ' done',
      plan = $hostile_plan, results = $big_results
    WHERE run_number = $next AND task_id = (SELECT id FROM tasks WHERE name = '$task')" >/dev/null

  session="td-pages-$kind-$$"
  e2e_start "$session" "$TASKDASH" watch --database-url "$target"
  e2e_wait_for "$session" "Tasks (" >/dev/null
  e2e_keys "$session" /
  e2e_keys "$session" -l "$task"
  e2e_keys "$session" Enter
  e2e_check "$kind: the tasks filter finds '$task'" e2e_wait_for "$session" "Tasks (1)"
  e2e_keys "$session" Enter
  e2e_wait_for "$session" "Runs of $task" >/dev/null
  e2e_keys "$session" / f a i l e d Enter
  e2e_wait_for "$session" "/failed" >/dev/null
  sleep 0.5
  e2e_keys "$session" d
  e2e_check "$kind: d on the failed run opens its page" e2e_wait_for "$session" "Run: $task #$number"
  e2e_check "$kind: the page shows the whole error message, to its last word" e2e_wait_for "$session" "END-OF-ERROR"
  e2e_check "$kind: the page shows the error details' key \"$detail_key\" as stored" \
    e2e_wait_for "$session" "\"$detail_key\":"
  e2e_check "$kind: the breadcrumb names the page" bash -c "sed -n 2p <<<\"\$1\" | grep -qF '› $task #$number'" _ \
    "$(e2e_screen "$session")"

  before=$(e2e_now_ms)
  e2e_keys "$session" "]"
  e2e_check "$kind: ] shows the next run, #$next" e2e_wait_for "$session" "Run: $task #$next"
  e2e_wait_for "$session" "pwned" >/dev/null
  echo "# $kind: the next run's page, with 10 MB of results, drawn in $(($(e2e_now_ms) - before)) ms"
  e2e_check "$kind: an escape in the error message shows as a mark" e2e_screen_has "$session" 'boom \x1b[2J\x07 done'
  e2e_check "$kind: a hostile plan key is shown inert and the terminal title is untouched" \
    bash -c "[ \"\$(tmux display -p -t '$session' '#{pane_title}')\" != pwned ]"
  e2e_check "$kind: the header survived the hostile text" e2e_screen_has "$session" "taskdash "
  e2e_keys "$session" G
  e2e_check "$kind: G reaches the end of the page" e2e_wait_for "$session" "100%"
  e2e_check "$kind: the page says how much of the 10 MB results it shows" e2e_wait_for "$session" "MB shown"
  before=$(e2e_now_ms)
  e2e_keys "$session" Enter
  e2e_check "$kind: Enter opens the 10 MB results in the viewer" e2e_wait_for "$session" "Results of $task #$next"
  e2e_check "$kind: the viewer shows the results' first bytes" e2e_wait_for "$session" '{"blob": "000'
  echo "# $kind: the 10 MB results opened in the viewer in $(($(e2e_now_ms) - before)) ms"
  before=$(e2e_now_ms)
  e2e_keys "$session" w G
  e2e_check "$kind: G in the viewer reaches the end of the 10 MB results" e2e_wait_for "$session" '0"}'
  echo "# $kind: G reached the end of the 10 MB results in $(($(e2e_now_ms) - before)) ms"
  e2e_keys "$session" Escape
  e2e_check "$kind: Esc goes back from the viewer to the run's page" e2e_wait_for "$session" "Run: $task #$next"
  e2e_keys "$session" "["
  e2e_check "$kind: [ goes back to #$number" e2e_wait_for "$session" "Run: $task #$number"

  # The task's page: p50 and p95 of its newest 1,000 completed runs, against SQL.
  e2e_keys "$session" Escape
  e2e_wait_for "$session" "Runs of $task" >/dev/null
  e2e_keys "$session" Escape
  e2e_wait_for "$session" "Tasks (1)" >/dev/null
  e2e_keys "$session" d
  e2e_check "$kind: d on the task opens its page" e2e_wait_for "$session" "Task: $task"
  durations_sql="SELECT duration FROM (SELECT duration FROM task_runs r JOIN tasks t ON t.id = r.task_id
    WHERE t.name = '$task' AND r.status = 'completed' ORDER BY r.created_at DESC, r.id DESC LIMIT 1000) d
    WHERE duration IS NOT NULL"
  if [ "$kind" = sqlite ]; then
    p50=$(db "$target" "$durations_sql" | nearest_rank 0.5)
    p95=$(db "$target" "$durations_sql" | nearest_rank 0.95)
  else
    IFS='|' read -r p50 p95 <<<"$(db "$target" "SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY duration),
      percentile_disc(0.95) WITHIN GROUP (ORDER BY duration) FROM ($durations_sql) s")"
  fi
  e2e_check "$kind: the task page's p50 is SQL's $(duration "$p50")" \
    e2e_wait_for "$session" "p50           $(duration "$p50")"
  e2e_check "$kind: the task page's p95 is SQL's $(duration "$p95")" \
    e2e_screen_has "$session" "p95           $(duration "$p95")"
  e2e_keys "$session" q
  status=$(e2e_wait_exit "$session")
  e2e_check "$kind: q on a page exits with status 0" [ "$status" = 0 ]
  e2e_check "$kind: the terminal is given back" e2e_terminal_given_back "$session"

  # The same pages for scripts.
  "$TASKDASH" snapshot --database-url "$target" --run "$task#$number" >"$E2E_WORK/run.txt"
  e2e_check "$kind: snapshot --run prints the whole error and the details key" \
    bash -c "grep -q END-OF-ERROR '$E2E_WORK/run.txt' && grep -qF '\"$detail_key\":' '$E2E_WORK/run.txt'"
  "$TASKDASH" snapshot --database-url "$target" --run "$run_id" >"$E2E_WORK/run-by-id.txt"
  # Ages move on between the two snapshots; everything else is the same.
  e2e_check "$kind: snapshot --run by id prints the same page as by name" \
    bash -c "diff <(sed 's/([^)]* ago)//' '$E2E_WORK/run.txt') <(sed 's/([^)]* ago)//' '$E2E_WORK/run-by-id.txt')"
  "$TASKDASH" snapshot --database-url "$target" --run "$task#$number" --format json >"$E2E_WORK/run.json"
  e2e_check "$kind: snapshot --run --format json has the whole error message" \
    python3 -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if d['errorMessage']['text'].endswith('END-OF-ERROR') else 1)" "$E2E_WORK/run.json"
  "$TASKDASH" snapshot --database-url "$target" --task "$task" >"$E2E_WORK/task.txt"
  e2e_check "$kind: snapshot --task prints the same p50 and p95" \
    bash -c "grep -qF 'p50           $(duration "$p50")' '$E2E_WORK/task.txt' && grep -qF 'p95           $(duration "$p95")' '$E2E_WORK/task.txt'"
  "$TASKDASH" snapshot --database-url "$target" --run "$task#$next" >"$E2E_WORK/hostile.txt"
  e2e_check "$kind: snapshot writes no escape byte from hostile text" bash -c "! grep -q $'\x1b' '$E2E_WORK/hostile.txt'"
  "$TASKDASH" snapshot --database-url "$target" --run "no such task#1" >"$E2E_WORK/none.out" 2>"$E2E_WORK/none.err"
  status=$?
  e2e_check "$kind: an unknown run is one line naming it and exit 1" \
    bash -c "[ $status = 1 ] && [ \$(wc -l <'$E2E_WORK/none.err') = 1 ] && grep -qF 'no such task#1' '$E2E_WORK/none.err'"
done

e2e_finish
