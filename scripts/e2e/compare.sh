#!/usr/bin/env bash
# Run comparison, driven in tmux on a SQLite file and on a database of the throwaway
# PostgreSQL (TASKDASH_TEST_DATABASE_URL): three runs of one task whose results differ in one
# key, written with SQL; c on the newest compares it with the run before it, and space, space,
# c compares the two marked runs.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

targets=("sqlite:$E2E_WORK/compare.sqlite")
[ -n "${TASKDASH_TEST_DATABASE_URL:-}" ] && targets+=("$(pg_new_database)")

task_id=6c0e5a3e-0000-4000-8000-000000000001
# run NUMBER ANSWER: the SQL of run NUMBER of the task, completed, whose results' "answer" is
# ANSWER; later numbers start later.
run() {
  printf "INSERT INTO task_runs (id, task_id, run_number, status, started_at, completed_at, duration, results, created_at)
    VALUES ('6c0e5a3e-0000-4000-8000-00000000010%s', '%s', %s, 'completed', '2026-01-01T10:0%s:00.000Z',
            '2026-01-01T10:0%s:30.000Z', 30.0, '{\"answer\": \"%s\", \"score\": 1}', '2026-01-01T10:0%s:00.000Z');\n" \
    "$1" "$task_id" "$1" "$1" "$1" "$2" "$1"
}
fixture="INSERT INTO tasks (id, name) VALUES ('$task_id', 'compare-e2e');
$(run 1 forty-one)
$(run 2 forty-two)
$(run 3 forty-three)"

for target in "${targets[@]}"; do
  kind=${target%%:*}
  "$TASKDASH" migrate up --database-url "$target" >/dev/null || { e2e_check "$kind: migrate" false; continue; }
  if [ "$kind" = sqlite ]; then
    python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript(sys.stdin.read()); c.commit()' \
      "${target#sqlite:}" <<<"$fixture"
  else
    psql "$target" -qX -v ON_ERROR_STOP=1 <<<"$fixture" >/dev/null
  fi
  e2e_check "$kind: the three runs are written" [ $? = 0 ]

  session="td-compare-$kind-$$"
  e2e_start "$session" "$TASKDASH" watch --database-url "$target"
  e2e_wait_for "$session" "Runs (3)" >/dev/null
  e2e_keys "$session" Tab
  e2e_keys "$session" c
  e2e_check "$kind: c on the newest run compares it with the run before it" \
    e2e_wait_for "$session" "Compare: compare-e2e #2 ↔ #3"
  e2e_check "$kind: the changed results key is shown by its path" e2e_wait_for "$session" '~ $.answer'
  e2e_check "$kind: with both values" \
    bash -c "tmux capture-pane -p -t '$session' | grep -F -A1 '~ \$.answer' | grep -F '\"forty-two\"' | grep -qF '\"forty-three\"'"
  e2e_check "$kind: the key that did not change is not listed" bash -c "! tmux capture-pane -p -t '$session' | grep -qF '\$.score'"
  e2e_keys "$session" Escape
  e2e_check "$kind: Esc goes back to the panes" e2e_wait_for "$session" "Runs (3)"

  # Mark #3 and #1, then compare them.
  e2e_keys "$session" Space j j Space
  e2e_check "$kind: space marks runs with a star" e2e_wait_for "$session" "*#1 "
  e2e_check "$kind: the first mark is still shown" e2e_screen_has "$session" "*#3 "
  e2e_keys "$session" c
  e2e_check "$kind: c compares the two marked runs" e2e_wait_for "$session" "Compare: compare-e2e #1 ↔ #3"
  # The title comes with the runs; the documents are compared after them.
  e2e_check "$kind: the marked runs' results differ in the same key" e2e_wait_for "$session" '~ $.answer'
  e2e_check "$kind: with the values of the marked runs" \
    bash -c "tmux capture-pane -p -t '$session' | grep -F -A1 '~ \$.answer' | grep -F '\"forty-one\"' | grep -qF '\"forty-three\"'"
  e2e_keys "$session" Escape
  e2e_wait_for "$session" "Runs (3)" >/dev/null
  e2e_check "$kind: the marks clear once the comparison opened" bash -c "! tmux capture-pane -p -t '$session' | grep -qF '*#'"

  # One mark is not a pair: a hint, and no comparison.
  e2e_keys "$session" Space c
  e2e_check "$kind: c with one run marked gives a hint" e2e_wait_for "$session" "1 marked: mark exactly two runs"
  e2e_quit "$kind" "$session"
done

e2e_finish
