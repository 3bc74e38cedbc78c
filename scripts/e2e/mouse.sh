#!/usr/bin/env bash
# The mouse, driven in tmux with the bytes an xterm sends: a click selects a row and focuses
# its pane, a click on a pane's title focuses it, the wheel moves the selection, a double click
# drills in; --no-mouse and the config file's `mouse: false` leave the mouse to the terminal;
# no mouse reporting mode survives q, SIGTERM or a crash (e2e_terminal_given_back checks it).
set -uo pipefail
source "$(dirname "$0")/lib.sh"

DB="sqlite:$E2E_WORK/mouse.sqlite"
"$TASKDASH" migrate up --database-url "$DB" >/dev/null && "$TASKDASH" seed --database-url "$DB" --random-seed 5 >/dev/null 2>&1
e2e_check "the demo data is seeded" [ $? = 0 ]

# The run number shown at a 0-based screen row of the runs pane (the only pane of the top half
# whose rows show one).
run_at() { e2e_screen "$1" | sed -n "$(($2 + 1))p" | grep -oE '#[0-9]+' | head -1; }
metrics_of() { e2e_screen "$1" | grep -oE 'Metrics of run #[0-9]+' | head -1 | grep -oE '#[0-9]+'; }

session="td-mouse-$$"
e2e_start "$session" "$TASKDASH" watch --database-url "$DB"
e2e_check "the dashboard opens" e2e_wait_for "$session" "Runs ("
e2e_check "the dashboard takes the mouse" [ "$(e2e_mouse_flags "$session")" != 000 ]

third=$(run_at "$session" 6)
e2e_click "$session" 80 6
e2e_check "a click on the third run selects it: the metrics are its ($third)" \
  e2e_wait_for "$session" "Metrics of run $third"
e2e_check "and focuses the runs pane (its border is the heavy one)" e2e_screen_has "$session" "┏ Runs ("

sixth=$(run_at "$session" 9)
e2e_mouse "$session" 65 80 10
e2e_check "the wheel moves the selection three rows down ($sixth)" e2e_wait_for "$session" "Metrics of run $sixth"
e2e_mouse "$session" 64 80 10
e2e_check "and three rows up again ($third)" e2e_wait_for "$session" "Metrics of run $third"

# The artifacts pane's title line: the bottom half's top border, right of the middle.
artifacts_line=$(e2e_screen "$session" | grep -n 'Artifacts' | head -1 | cut -d: -f1)
e2e_click "$session" 70 $((artifacts_line - 1))
e2e_check "a click on a pane's title focuses it" e2e_wait_for "$session" "┏ Artifacts"

# The first task's name as the pane shows it (cut short with … when long).
first_task=$(e2e_screen "$session" | sed -n 5p | sed 's/^│//; s/^┃//; s/ *[●○✓✗‖].*//; s/…$//')
e2e_double_click "$session" 10 4
e2e_check "a double click on a task drills into it ($first_task)" e2e_wait_for "$session" "Tasks › $first_task"

e2e_keys "$session" q
e2e_check "q exits with status 0" [ "$(e2e_wait_exit "$session")" = 0 ]
e2e_check "the terminal is given back, mouse reporting off" e2e_terminal_given_back "$session"

# SIGTERM: the guard's leave sequence switches mouse reporting off too.
session="td-mouse-term-$$"
e2e_start "$session" "$TASKDASH" watch --database-url "$DB"
e2e_check "the dashboard opens again" e2e_wait_for "$session" "Runs ("
pid=$(pgrep -n -f "^$TASKDASH watch --database-url $DB$")
kill -TERM "$pid"
status=$(e2e_wait_exit "$session")
e2e_check "SIGTERM ends the dashboard with 143 ($status)" [ "$status" = 143 ]
e2e_check "SIGTERM gives the terminal back, mouse reporting off" e2e_terminal_given_back "$session"

session="td-mouse-off-$$"
e2e_start "$session" "$TASKDASH" watch --no-mouse --database-url "$DB"
e2e_check "--no-mouse: the dashboard opens" e2e_wait_for "$session" "Runs ("
e2e_check "--no-mouse leaves the mouse to the terminal" [ "$(e2e_mouse_flags "$session")" = 000 ]
e2e_click "$session" 80 6
sleep 0.5
focus_kept=yes
e2e_screen_has "$session" "┏ Runs (" && focus_kept=no
e2e_check "and a click does nothing (the tasks pane keeps the focus)" [ "$focus_kept" = yes ]
e2e_keys "$session" q
e2e_wait_exit "$session" >/dev/null

# The tmux server keeps the environment it started with: the file is named on the command.
config=$E2E_WORK/config.yaml
printf 'default: local\nenvironments:\n  local:\n    database: %s\n    mouse: false\n' "$DB" >"$config"
session="td-mouse-config-$$"
e2e_start "$session" env TASKDASH_CONFIG="$config" "$TASKDASH"
e2e_check "the config file's environment opens" e2e_wait_for "$session" "local · sqlite:"
e2e_check "the config file's mouse: false leaves the mouse to the terminal" [ "$(e2e_mouse_flags "$session")" = 000 ]
e2e_keys "$session" q
e2e_wait_exit "$session" >/dev/null

e2e_finish
