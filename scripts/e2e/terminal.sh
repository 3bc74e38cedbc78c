#!/usr/bin/env bash
# The terminal misbehaves, the dashboard copes: Ctrl-Z then fg from an interactive shell, a
# storm of resizes down to 1x1 and back, NO_COLOR, a locale that is not UTF-8, an unknown TERM.
# The dashboard's raw output is read with `tmux pipe-pane`, so a check sees every byte it sent.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

DB="sqlite:$E2E_WORK/terminal.sqlite"
"$TASKDASH" migrate up --database-url "$DB" >/dev/null || { e2e_check "migrate" false; e2e_finish; exit; }
"$TASKDASH" seed --database-url "$DB" --random-seed 7 >/dev/null 2>&1 || { e2e_check "seed" false; e2e_finish; exit; }

screen_mode() { tmux display -p -t "$1" '#{alternate_on} #{cursor_flag}'; }

# A screen with its numbers masked: ages and durations move while the data stays (the header's
# round-trip time also moves the gap before "refreshed").
masked() { e2e_screen "$1" | sed -E 's/[0-9]+[a-z]?/N/g; 1s/ +/ /g'; }

# wait_exit_status NAME: waits until the dashboard in NAME exited and prints its status.
wait_exit_status() {
  e2e_wait_exit "$1" 10 || echo "still running"
}

# start_recorded NAME COMMAND...: like e2e_start, but every byte the command writes to the
# terminal is appended to $E2E_WORK/NAME.raw (the recording starts before the command does).
start_recorded() {
  local name=$1; shift
  e2e_start "$name" bash -c 'while [ ! -e "$0" ]; do sleep 0.05; done; exec "$@"' "$E2E_WORK/$name.recording" "$@"
  tmux pipe-pane -o -t "$name" "cat >> '$E2E_WORK/$name.raw'"
  touch "$E2E_WORK/$name.recording"
}

# sgr_count FILE PARAMETER...: how many SGR sequences in FILE hold one of the PARAMETERs.
sgr_count() {
  python3 - "$@" <<'EOF'
import re, sys
data = open(sys.argv[1], "rb").read()
wanted = {int(p) for p in sys.argv[2:]}
print(sum(1 for params in re.findall(rb"\x1b\[([0-9;:]*)m", data)
          if any(p.isdigit() and int(p) in wanted for p in re.split(rb"[;:]", params))))
EOF
}

# sgr_colours FILE: how many SGR sequences in FILE set a foreground or background colour.
sgr_colours() { sgr_count "$1" {30..38} {40..48} {90..97} {100..107}; }

# (a) Ctrl-Z then fg, from an interactive shell as a person would: the shell gets the terminal
# back as it was, fg redraws the dashboard and its keys answer.
session="td-term-suspend-$$"
tmux new-session -d -s "$session" -x 120 -y 40 "env PS1='$ ' bash --norc --noprofile -i"
e2e_keys "$session" "stty -g > '$E2E_WORK/suspend.before'; '$TASKDASH' watch --database-url '$DB'" Enter
e2e_check "Ctrl-Z: the dashboard is drawn first" e2e_wait_for "$session" "Tasks ("
e2e_keys "$session" C-z
e2e_check "Ctrl-Z: the shell reports the job stopped" e2e_wait_for "$session" "Stopped"
e2e_check "Ctrl-Z: the alternate screen is left and the cursor is visible" [ "$(screen_mode "$session")" = "0 1" ]
e2e_keys "$session" "stty -g > '$E2E_WORK/suspend.during'" Enter
sleep 0.3
e2e_check "Ctrl-Z: the shell's terminal settings are exactly as before (stty -g)" \
  cmp -s "$E2E_WORK/suspend.before" "$E2E_WORK/suspend.during"
e2e_keys "$session" "fg" Enter
e2e_check "fg: the dashboard is redrawn" e2e_wait_for "$session" "Tasks ("
e2e_check "fg: back on the alternate screen" [ "$(screen_mode "$session" | cut -d' ' -f1)" = 1 ]
e2e_keys "$session" '?'
e2e_check "fg: keys answer (? opens the help)" e2e_wait_for "$session" "taskdash keys" 5
e2e_keys "$session" Escape
sleep 0.3
e2e_keys "$session" q
e2e_keys "$session" "echo \"status=\$?\"; stty -g > '$E2E_WORK/suspend.after'" Enter
e2e_check "after fg, q exits with status 0" e2e_wait_for "$session" "status=0"
sleep 0.3
e2e_check "after fg and q, the terminal settings are exactly as before (stty -g)" \
  cmp -s "$E2E_WORK/suspend.before" "$E2E_WORK/suspend.after"
e2e_check "after fg and q, the alternate screen is left and the cursor is visible" [ "$(screen_mode "$session")" = "0 1" ]

# (b) A storm of resizes, down to 1x1 and back: the dashboard lives, says "too small" below
# its minimum and draws the same screen as before once the size is back.
session="td-term-storm-$$"
e2e_start "$session" "$TASKDASH" watch --database-url "$DB"
e2e_wait_for "$session" "Tasks (" >/dev/null
sleep 1.5
before_storm=$(masked "$session")
pid=$(e2e_taskdash_pid "$session")
RANDOM=42
resizes=0
for _ in $(seq 300); do
  tmux resize-window -t "$session" -x $((1 + RANDOM % 200)) -y $((1 + RANDOM % 70))
  resizes=$((resizes + 1))
done
for size in 1x1 2x1 1x2 1x1; do
  tmux resize-window -t "$session" -x "${size%x*}" -y "${size#*x}"
  resizes=$((resizes + 1))
done
echo "# $resizes resizes sent"
e2e_check "after $resizes resizes down to 1x1 the dashboard is alive" kill -0 "$pid"
tmux resize-window -t "$session" -x 59 -y 40
e2e_check "at 59x40, one column below the minimum, the screen says too small" e2e_wait_for "$session" "terminal too small" 5
tmux resize-window -t "$session" -x 120 -y 40
e2e_wait_for "$session" "Tasks (" 5 >/dev/null
sleep 1.5
after_storm=$(masked "$session")
e2e_check "back at 120x40 the screen is the one drawn before the storm" [ "$after_storm" = "$before_storm" ]
[ "$after_storm" = "$before_storm" ] || diff <(echo "$before_storm") <(echo "$after_storm") >&2
# Ctrl-S is a key, not XOFF: the screen keeps answering.
e2e_keys "$session" C-s
e2e_keys "$session" '?'
e2e_check "after Ctrl-S the screen still answers (? opens the help)" e2e_wait_for "$session" "taskdash keys" 5
e2e_keys "$session" Escape
sleep 0.3
e2e_keys "$session" q
e2e_check "after the storm q exits with status 0" [ "$(wait_exit_status "$session")" = 0 ]
e2e_check "after the storm the terminal is given back" e2e_terminal_given_back "$session"

# (c) NO_COLOR: no colour sequence at all (bold and reverse stay); without it there are some,
# so the check can tell.
for mode in colour no-colour; do
  session="td-term-$mode-$$"
  if [ $mode = colour ]; then
    start_recorded "$session" env -u NO_COLOR "$TASKDASH" watch --database-url "$DB"
  else
    start_recorded "$session" env NO_COLOR=1 "$TASKDASH" watch --database-url "$DB"
  fi
  e2e_wait_for "$session" "Tasks (" >/dev/null
  e2e_keys "$session" Enter
  sleep 1
  e2e_keys "$session" q
  e2e_wait_exit "$session" >/dev/null
  colours=$(sgr_colours "$E2E_WORK/$session.raw")
  if [ $mode = colour ]; then
    e2e_check "without NO_COLOR the dashboard sends colours ($colours sequences)" [ "$colours" -gt 0 ]
  else
    e2e_check "NO_COLOR=1: not one colour sequence is sent ($colours)" [ "$colours" = 0 ]
    e2e_check "NO_COLOR=1: the selection is still shown in reverse video" [ "$(sgr_count "$E2E_WORK/$session.raw" 7)" -gt 0 ]
    e2e_check "NO_COLOR=1: the terminal is given back" e2e_terminal_given_back "$session"
  fi
done

# (d) The C locale: the terminal's character set is unknown, so only ASCII is sent; the
# dashboard still draws its panes and works.
session="td-term-c-locale-$$"
start_recorded "$session" env LC_ALL=C LANG=C "$TASKDASH" watch --database-url "$DB"
e2e_check "LC_ALL=C: the dashboard draws its panes" e2e_wait_for "$session" "Tasks ("
e2e_check "LC_ALL=C: the header says connected in ASCII" e2e_wait_for "$session" "* connected" 5
e2e_keys "$session" Enter
e2e_check "LC_ALL=C: Enter drills into the task's runs" e2e_wait_for "$session" "Runs of " 5
e2e_keys "$session" q
e2e_check "LC_ALL=C: q exits with status 0" [ "$(wait_exit_status "$session")" = 0 ]
e2e_check "LC_ALL=C: not one byte above 0x7F is sent" \
  bash -c "[ -s '$E2E_WORK/$session.raw' ] && ! LC_ALL=C grep -qP '[\x80-\xff]' '$E2E_WORK/$session.raw'"
e2e_check "LC_ALL=C: the terminal is given back" e2e_terminal_given_back "$session"
# In a UTF-8 locale the same dashboard does send UTF-8, so the check above can tell.
e2e_check "C.UTF-8: the dashboard sends UTF-8 glyphs" env LC_ALL=C grep -qP '[\x80-\xff]' "$E2E_WORK/td-term-colour-$$.raw"

# (e) An unknown TERM: one line, a non-zero exit, no escape byte.
session="td-term-unknown-$$"
start_recorded "$session" env TERM=no-such-terminal "$TASKDASH" watch --database-url "$DB"
status=$(wait_exit_status "$session")
e2e_check "an unknown TERM exits non-zero ($status)" [ "$status" != 0 -a "$status" != "still running" ]
e2e_check "an unknown TERM says so in one line naming it" \
  bash -c "[ \$(tr -d '\r' <'$E2E_WORK/$session.raw' | grep -c .) = 1 ] && grep -q 'no-such-terminal' '$E2E_WORK/$session.raw'"
e2e_check "an unknown TERM gets no escape byte" bash -c "! grep -q $'\x1b' '$E2E_WORK/$session.raw'"
e2e_finish
