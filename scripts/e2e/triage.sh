#!/usr/bin/env bash
# Failure triage, driven in tmux on a seeded SQLite file and on a seeded database of the
# throwaway PostgreSQL (TASKDASH_TEST_DATABASE_URL): E groups the demo's failures by error
# pattern with counts that match SQL, t widens the window, Enter lists a group's runs, Enter
# opens the newest run's page, Esc comes back one screen at a time, and a hostile message
# shows as marks.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

targets=("sqlite:$E2E_WORK/triage.sqlite")
[ -n "${TASKDASH_TEST_DATABASE_URL:-}" ] && targets+=("$(pg_new_database)")
# The demo's watchdog timeouts differ only in their numbers: one pattern.
pattern='No progress for # s; watchdog stopped the run after # s'
like="error_message LIKE 'No progress for % s; watchdog stopped the run after % s'"

for target in "${targets[@]}"; do
  kind=${target%%:*}
  "$TASKDASH" migrate up --database-url "$target" >/dev/null || { e2e_check "$kind: migrate" false; continue; }
  "$TASKDASH" seed --database-url "$target" --random-seed 7 >/dev/null 2>&1 || { e2e_check "$kind: seed" false; continue; }
  if [ "$kind" = sqlite ]; then
    esc="char(27)" bel="char(7)" day_ago="strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-1 day')"
  else
    esc="chr(27)" bel="chr(7)" day_ago="now() - interval '1 day'"
  fi
  failed="status IN ('failed', 'timeout')"
  # A failure of a task outside the watchdog group says something hostile.
  db "$target" "UPDATE task_runs SET error_message = 'cve_lookup: boom ' || $esc || ']0;pwned' || $bel || ' at 0xdeadbeef'
    WHERE error_message LIKE 'cve_lookup:%'" >/dev/null
  all=$(db "$target" "SELECT count(*) FROM task_runs WHERE $failed")
  today=$(db "$target" "SELECT count(*) FROM task_runs WHERE $failed AND created_at >= $day_ago")
  watchdog=$(db "$target" "SELECT count(*) FROM task_runs WHERE $failed AND $like")
  IFS='|' read -r task number <<<"$(db "$target" "SELECT t.name, r.run_number FROM task_runs r JOIN tasks t ON t.id = r.task_id
    WHERE r.$failed AND r.$like ORDER BY r.created_at DESC, r.id DESC LIMIT 1")"
  e2e_check "$kind: the demo has $all failures, $watchdog of them watchdog timeouts (newest: $task #$number)" \
    [ "$watchdog" -ge 2 ] && [ -n "$task" ]

  session="td-triage-$kind-$$"
  e2e_start "$session" "$TASKDASH" watch --database-url "$target"
  e2e_wait_for "$session" "Tasks (" >/dev/null
  e2e_keys "$session" E
  e2e_check "$kind: E opens triage over the last 24 hours" e2e_wait_for "$session" "Failures · last 24 hours"
  e2e_check "$kind: the title counts the day's $today failures as SQL does" \
    e2e_wait_for "$session" " $today failure"
  e2e_check "$kind: the breadcrumb names the screen" e2e_screen_has "$session" "Tasks › Failures"
  e2e_keys "$session" t
  e2e_check "$kind: t widens the window to 7 days" e2e_wait_for "$session" "Failures · last 7 days"
  e2e_keys "$session" t
  e2e_check "$kind: t again takes every failure: $all" e2e_wait_for "$session" "Failures · all time  $all failures"
  # COUNT is six cells wide, right-aligned, then the pattern.
  e2e_check "$kind: the watchdog timeouts are one group of $watchdog" \
    e2e_screen_has "$session" "$(printf '%6s %s' "$watchdog" "$pattern")"
  e2e_check "$kind: the hostile message shows its escapes as marks" e2e_screen_has "$session" 'boom \x1b]#;pwned\x07 at <hex>'
  e2e_check "$kind: the terminal title is untouched" bash -c "[ \"\$(tmux display -p -t '$session' '#{pane_title}')\" != pwned ]"

  # Down to the watchdog group: the box under the list shows the selected group's newest message.
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    e2e_screen_has "$session" "│ No progress for 300 s; watchdog" && break
    e2e_keys "$session" j
    sleep 0.2
  done
  e2e_check "$kind: j selects the watchdog group and its newest message shows below" \
    e2e_screen_has "$session" "│ No progress for 300 s; watchdog"
  e2e_keys "$session" Enter
  e2e_check "$kind: Enter lists the group's $watchdog runs" e2e_wait_for "$session" "Runs newest $watchdog of $watchdog · all time"
  e2e_check "$kind: the newest run of the group comes first" e2e_wait_for "$session" "run    $task #$number"
  e2e_keys "$session" Enter
  e2e_check "$kind: Enter opens the run's page" e2e_wait_for "$session" "Run: $task #$number"
  e2e_check "$kind: the page shows the run's error" e2e_wait_for "$session" "No progress for 300 s"
  e2e_keys "$session" Escape
  e2e_check "$kind: Esc goes back to the group's runs" e2e_wait_for "$session" "Runs newest $watchdog of $watchdog"
  e2e_keys "$session" Escape
  e2e_check "$kind: Esc goes back to triage, window kept" e2e_wait_for "$session" "Failures · all time"
  e2e_keys "$session" Escape
  e2e_check "$kind: Esc goes back to the panes" e2e_wait_for "$session" "Tasks ("
  e2e_quit "$kind" "$session"
done

e2e_finish
