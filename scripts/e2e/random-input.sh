#!/usr/bin/env bash
# Two minutes of random keys, pastes and resizes against the real dashboard while its
# PostgreSQL server has its backends terminated, is stopped by an immediate shutdown for a
# minute and started again, then stopped by a fast shutdown and started at once. The
# dashboard stays alive throughout, recovers by itself, holds one backend, reads what was
# typed and pasted promptly, and q gives the terminal back.
#
#   E2E_SEED             seed of the random input (printed at the start; replays a failure)
#   E2E_RANDOM_SECONDS   length of the run, 120 by default; the timeline scales with it
set -uo pipefail
source "$(dirname "$0")/lib.sh"

DURATION=${E2E_RANDOM_SECONDS:-120}
SEED=${E2E_SEED:-$RANDOM}
case "$DURATION" in '' | *[!0-9]*) echo "E2E_RANDOM_SECONDS must be a whole number of seconds" >&2; exit 2 ;; esac
[ "$DURATION" -ge 24 ] || { echo "E2E_RANDOM_SECONDS must be at least 24" >&2; exit 2; }
echo "# seed $SEED, $DURATION s of random input (replay: E2E_SEED=$SEED E2E_RANDOM_SECONDS=$DURATION)"

pg_own_server || exit 1
SIMULATOR=""
TIMELINE=""

# stop_job PID: ends a background job of this script and the command it is running.
stop_job() {
  local children
  children=$(pgrep -P "$1" | tr '\n' ' ')
  kill -TERM "$1" $children 2>/dev/null
  wait "$1" 2>/dev/null
}

# Stops what this script started in the background, then cleans up as lib.sh does.
cleanup() {
  [ -n "$TIMELINE" ] && stop_job "$TIMELINE"
  [ -n "$SIMULATOR" ] && stop_job "$SIMULATOR"
  e2e_cleanup
}
trap cleanup EXIT

# Milliseconds since the epoch, without a fork: the input loop asks for it thousands of times.
tick() { NOW=${EPOCHREALTIME/[.,]/}; NOW=$((NOW / 1000)); }

# alive: the dashboard process found at the start still runs and has not exited.
alive() {
  [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null && [ "$(cat "/proc/$PID/comm" 2>/dev/null)" = taskdash ] &&
    [ ! -s "$E2E_WORK/$S.after" ]
}

rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null; }

URL=$(pg_new_database chaos)
"$TASKDASH" migrate up --database-url "$URL" >/dev/null || { e2e_check "migrate" false; e2e_finish; exit; }
"$TASKDASH" seed --database-url "$URL" --random-seed 7 >/dev/null 2>&1 || { e2e_check "seed" false; e2e_finish; exit; }

# The simulator keeps rows changing. It exits when the server goes away, so it is started
# again a second later, for as long as the run lasts. Its own application name keeps it out
# of the dashboard's backend count.
simulate_forever() {
  local run=0
  while :; do
    run=$((run + 1))
    echo "$run" >"$E2E_WORK/simulate.runs"
    "$TASKDASH" simulate --database-url "$URL&application_name=taskdash_sim" --rate 1 \
      --random-seed "$((SEED + run))" >>"$E2E_WORK/simulate.log" 2>&1
    sleep 1
  done
}
simulate_forever &
SIMULATOR=$!

S="td-rnd-$$"
# A crash prints its backtrace and exits, rather than waiting at the backtracer's prompt.
e2e_start "$S" env SWIFT_BACKTRACE=interactive=no "$TASKDASH" watch --database-url "$URL" --interval 1
e2e_check "before the storm: the dashboard draws its panes" e2e_wait_for "$S" "Tasks ("
e2e_check "before the storm: the header says connected" e2e_wait_for "$S" "● connected"
e2e_check "before the storm: the dashboard holds exactly one server backend" pg_wait_backends 1
PID=$(e2e_taskdash_pid "$S")
e2e_check "the taskdash process is found in the pane (pid ${PID:-none})" alive
RSS_START=$(rss_kb "$PID")

# --- The timeline, in nominal seconds of a 120 s run, scaled to DURATION.
at_ms() { echo $(($1 * DURATION * 1000 / 120)); }
T_TERMINATE=$(at_ms 10)
T_STOP=$(at_ms 20)
T_START=$(at_ms 80)
T_RESTART=$(at_ms 95)
T_END=$((DURATION * 1000))
TIMELINE_LOG=$E2E_WORK/timeline.log

# timeline START_MS: the server events, each logged as "MS EVENT RESULT" from START_MS.
timeline() {
  local start=$1 terminated
  wait_until() {
    while :; do
      tick
      [ $((NOW - start)) -ge "$1" ] && return
      sleep 0.1
    done
  }
  event() {
    tick
    echo "$((NOW - start)) $1 $2" >>"$TIMELINE_LOG"
  }
  wait_until "$T_TERMINATE"
  terminated=$(pg_terminate_backends)
  event terminated "${terminated:-failed}"
  wait_until "$T_STOP"
  pg_stop_server immediate && event stopped-immediate ok || event stopped-immediate failed
  wait_until "$T_START"
  pg_start_server && event started ok || event started failed
  wait_until "$T_RESTART"
  pg_stop_server fast && event stopped-fast ok || event stopped-fast failed
  pg_start_server && event restarted ok || event restarted failed
}

PHASE_ENDS=("$T_TERMINATE" "$T_STOP" "$T_START" "$T_RESTART" "$T_END")
PHASE_NAMES=(
  "random input while connected"
  "backends terminated"
  "server stopped by an immediate shutdown"
  "server started again"
  "fast shutdown and restart"
)

# --- Random input. Every draw comes from $RANDOM in this shell (never in a subshell, which
# would reseed it), so a seed replays the same input; only its timing against the server
# events varies.
RANDOM=$SEED
KEYS_SENT=0
PASTES_SENT=0
RESIZES_SENT=0
ACTIONS_LOG=$E2E_WORK/actions.log

# The bound keys of the dashboard (and their alternatives), as tmux names them.
BOUND=(Tab BTab Enter Escape Up Down Left Right PPage NPage Home End BSpace DC Space
  j k g G l h / n N s p r w '?' + - = f F1 C-f C-b)
# Keys nothing is bound to. Never C-c, C-z, C-\ (quit or suspend), C-s (the terminal's
# flow control would stop all output until C-q), M-q or M-Q (Escape then q).
OTHER=(F2 F3 F4 F5 F6 F7 F8 F9 F10 F11 F12 IC C-a C-d C-e C-g C-h C-j C-k C-l C-m C-n C-o
  C-p C-q C-r C-t C-u C-v C-w C-x C-y C-@ C-] C-^ C-_ M-a M-j M-k M-Enter M-Escape M-Up
  S-Up S-Down S-Left S-Right C-Up C-Down C-Left C-Right S-F3 C-F5 M-F1 KPEnter KP5 KP/)
# Code point ranges for random text: CJK, emoji, combining marks, Latin-1, Arabic, Hebrew,
# Hangul, box drawing, bidi controls, zero-width characters, C1 controls, specials.
RANGES=(0x4E00:0x9FFF 0x1F300:0x1F64F 0x0300:0x036F 0x00A0:0x00FF 0x0600:0x06FF 0x05D0:0x05EA
  0xAC00:0xD7A3 0x2500:0x257F 0x202A:0x202E 0x2066:0x2069 0x200B:0x200F 0x0080:0x009F 0xFFF9:0xFFFF
  0x1F1E6:0x1F1FF 0xFE00:0xFE0F)
# Byte strings that are not UTF-8: stray continuation bytes, overlong forms, surrogates,
# code points past U+10FFFF, truncated sequences.
INVALID=("ff" "fe" "c0 80" "c1 bf" "80" "bf" "e4 b8" "f0 9f 98" "ed a0 80" "f4 90 80 80"
  "f8 88 80 80 80" "e0 80 af" "c3")

# hex_byte VALUE: appends VALUE to HEX unless it would quit or suspend the dashboard:
# q, Q, Ctrl-C, Ctrl-Z, Ctrl-\ and Ctrl-S (flow control).
hex_byte() {
  case $1 in 113 | 81 | 3 | 26 | 28 | 19) return ;; esac
  printf -v REPLY '%02x' "$1"
  HEX+=("$REPLY")
}

# utf8 CODEPOINT: appends its UTF-8 encoding to HEX.
utf8() {
  local c=$1
  if [ "$c" -lt 128 ]; then
    hex_byte "$c"
  elif [ "$c" -lt 2048 ]; then
    hex_byte $((0xC0 | c >> 6)); hex_byte $((0x80 | (c & 63)))
  elif [ "$c" -lt 65536 ]; then
    hex_byte $((0xE0 | c >> 12)); hex_byte $((0x80 | (c >> 6 & 63))); hex_byte $((0x80 | (c & 63)))
  else
    hex_byte $((0xF0 | c >> 18)); hex_byte $((0x80 | (c >> 12 & 63)))
    hex_byte $((0x80 | (c >> 6 & 63))); hex_byte $((0x80 | (c & 63)))
  fi
}

printable() { hex_byte $((32 + RANDOM % 95)); }
unicode() {
  local range=${RANGES[RANDOM % ${#RANGES[@]}]} low high
  low=$((${range%:*}))
  high=$((${range#*:}))
  utf8 $((low + (RANDOM * 32768 + RANDOM) % (high - low + 1)))
}
invalid() {
  local byte
  for byte in ${INVALID[RANDOM % ${#INVALID[@]}]}; do hex_byte $((16#$byte)); done
}
ascii() { local text=$1 i; for ((i = 0; i < ${#text}; i++)); do printf -v REPLY '%d' "'${text:i:1}"; hex_byte "$REPLY"; done; }

# random_text COUNT: COUNT characters, mostly printable ASCII, some Unicode, a few invalid.
random_text() {
  local i roll
  for ((i = 0; i < $1; i++)); do
    roll=$((RANDOM % 100))
    if [ $roll -lt 70 ]; then printable; elif [ $roll -lt 95 ]; then unicode; else invalid; fi
  done
}

# paste_piece: one piece of a paste: text, an escape sequence, a control byte, a long run.
paste_piece() {
  local i
  case $((RANDOM % 12)) in
  0 | 1) random_text $((1 + RANDOM % 200)) ;;
  2) random_text $((2000 + RANDOM % 4000)) ;;
  3) # CSI with parameters and a final byte
    ascii $'\e['
    for ((i = RANDOM % 6; i > 0; i--)); do
      case $((RANDOM % 4)) in 0) ascii ';' ;; 1) ascii '?' ;; *) hex_byte $((48 + RANDOM % 10)) ;; esac
    done
    hex_byte $((64 + RANDOM % 63)) ;;
  4) # OSC 52: set the clipboard
    ascii $'\e]52;c;'
    for ((i = RANDOM % 300; i > 0; i--)); do
      ascii "${BASE64:RANDOM % 65:1}"
    done
    ascii $'\a' ;;
  5) # OSC 0: set the title, ended by BEL or ST
    ascii $'\e]0;'
    random_text $((RANDOM % 40))
    if [ $((RANDOM % 2)) = 0 ]; then ascii $'\a'; else ascii $'\e\\'; fi ;;
  6) for ((i = 1 + RANDOM % 20; i > 0; i--)); do ascii $'\r'; ascii $'\b'; hex_byte 127; done ;;
  7) for ((i = 1 + RANDOM % 10; i > 0; i--)); do invalid; done ;;
  8) for ((i = 1 + RANDOM % 30; i > 0; i--)); do unicode; done ;;
  9) # bracketed-paste markers, SGR mouse reports, a DCS string
    case $((RANDOM % 3)) in
    0) ascii $'\e[200~'; random_text $((RANDOM % 50)); ascii $'\e[201~' ;;
    1) ascii $'\e[<'"$((RANDOM % 70));$((RANDOM % 300));$((RANDOM % 100))"; ascii M ;;
    2) ascii $'\eP'; random_text $((RANDOM % 50)); ascii $'\e\\' ;;
    esac ;;
  10) for ((i = 1 + RANDOM % 20; i > 0; i--)); do hex_byte $((RANDOM % 32)); done ;;
  11) ascii $'\n\t\e\e'; random_text $((RANDOM % 20)) ;;
  esac
}
BASE64=ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=
# Characters no key binding uses, in the panes.
UNBOUND=abcdeimotuvxyz0123456789

log_action() { echo "$((NOW - START)) $*" >>"$ACTIONS_LOG"; }

send_named() {
  local keys=() i
  for ((i = 1 + RANDOM % 8; i > 0; i--)); do
    if [ $((RANDOM % 4)) = 0 ]; then keys+=("${OTHER[RANDOM % ${#OTHER[@]}]}"); else keys+=("${BOUND[RANDOM % ${#BOUND[@]}]}"); fi
  done
  log_action keys "${keys[@]}"
  tmux send-keys -t "$S" -- "${keys[@]}" 2>/dev/null
  KEYS_SENT=$((KEYS_SENT + ${#keys[@]}))
}

# send_text: characters typed one by one (as hex bytes: tmux would split a literal at ";").
send_text() {
  HEX=()
  local count=$((1 + RANDOM % 12)) i
  for ((i = count; i > 0; i--)); do
    case $((RANDOM % 10)) in [0-5]) printable ;; [6-8]) unicode ;; 9) invalid ;; esac
  done
  [ ${#HEX[@]} = 0 ] && return
  log_action text "${HEX[@]}"
  tmux send-keys -t "$S" -H "${HEX[@]}" 2>/dev/null
  KEYS_SENT=$((KEYS_SENT + count))
}

# send_paste: a paste of 1 to 8 pieces, cut at 8 KB (even inside a character). load-buffer
# reads the bytes from stdin: set-buffer would take them as an argument, where tmux cuts a
# trailing ";".
send_paste() {
  HEX=()
  local i
  for ((i = 1 + RANDOM % 8; i > 0 && ${#HEX[@]} < 8192; i--)); do paste_piece; done
  HEX=("${HEX[@]:0:8192}")
  [ ${#HEX[@]} = 0 ] && return
  log_action paste "${#HEX[@]} bytes:" "${HEX[@]:0:48}"
  printf -v REPLY '\\x%s' "${HEX[@]}"
  printf '%b' "$REPLY" | tmux load-buffer -b rnd - 2>/dev/null
  tmux paste-buffer -d -b rnd -t "$S" 2>/dev/null
  PASTES_SENT=$((PASTES_SENT + 1))
}

# random_size: sets W and H; one in five is an edge size (1x1, just below the minimum,
# the largest), otherwise anything from 1x1 to 250x80.
random_size() {
  local edges=(1x1 1x80 250x1 2x2 59x16 60x15 60x16 250x80 80x24)
  if [ $((RANDOM % 5)) = 0 ]; then
    local size=${edges[RANDOM % ${#edges[@]}]}
    W=${size%x*} H=${size#*x}
  else
    W=$((1 + RANDOM % 250)) H=$((1 + RANDOM % 80))
  fi
}

send_resizes() {
  local count=$1 sizes=()
  for ((; count > 0; count--)); do
    random_size
    sizes+=("${W}x$H")
    tmux resize-window -t "$S" -x "$W" -y "$H" 2>/dev/null
    RESIZES_SENT=$((RESIZES_SENT + 1))
  done
  log_action resize "${sizes[@]}"
}

random_action() {
  local roll=$((RANDOM % 100))
  if [ $roll -lt 55 ]; then send_named
  elif [ $roll -lt 75 ]; then send_text
  elif [ $roll -lt 85 ]; then send_paste
  elif [ $roll -lt 97 ]; then send_resizes 1
  else send_resizes $((20 + RANDOM % 31))
  fi
}

# died: says when the dashboard was found gone, how it ended and what it was sent last.
died() {
  sleep 0.5
  echo "--- taskdash (pid $PID) gone $(((NOW - START) / 1000)) s into the run (seed $SEED);" \
    "exit status $(cat "$E2E_WORK/$S.status" 2>/dev/null || echo unknown); the last input:" >&2
  tail -n 15 "$ACTIONS_LOG" | cut -c 1-300 >&2
  if tmux has-session -t "$S" 2>/dev/null; then
    echo "--- screen:" >&2
    e2e_screen "$S" >&2
  else
    echo "--- the tmux server itself is gone (it crashed?), which hung up on the dashboard" >&2
  fi
}

tick
START=$NOW
timeline "$START" &
TIMELINE=$!

phase=0
next_alive=$((START + 5000))
next_sample=$((START + 1000))
max_backends=0
backend_samples=0
saw_disconnected=0
seen_connected_after_start=""
seen_connected_after_restart=""
while :; do
  tick
  elapsed=$((NOW - START))
  # Every 5 s: is it still running?
  if [ "$NOW" -ge "$next_alive" ]; then
    next_alive=$((next_alive + 5000))
    alive || { died; break; }
  fi
  # Every second: what does the header say, how many backends (every other second)?
  if [ "$NOW" -ge "$next_sample" ]; then
    next_sample=$((next_sample + 1000))
    if [ $((next_sample / 1000 % 2)) = 0 ]; then
      count=$(pg_backends)
      if [ -n "$count" ]; then
        backend_samples=$((backend_samples + 1))
        [ "$count" -gt "$max_backends" ] && max_backends=$count
      fi
    fi
    screen=$(e2e_screen "$S")
    if [ "$elapsed" -ge "$T_STOP" ] && [ "$elapsed" -lt "$T_START" ] && grep -aqF "✗ disconnected" <<<"$screen"; then
      saw_disconnected=1
    fi
    if [ -z "$seen_connected_after_start" ] && [ "$elapsed" -ge "$T_START" ] && grep -aqF "● connected" <<<"$screen"; then
      seen_connected_after_start=$(((elapsed - T_START) / 1000))
    fi
    if [ -z "$seen_connected_after_restart" ] && [ "$elapsed" -ge "$((T_RESTART + 1000))" ] && grep -aqF "● connected" <<<"$screen"; then
      seen_connected_after_restart=$(((elapsed - T_RESTART) / 1000))
    fi
  fi
  if [ "$elapsed" -ge "${PHASE_ENDS[phase]}" ]; then
    e2e_check "alive after phase $((phase + 1)): ${PHASE_NAMES[phase]} (to $((PHASE_ENDS[phase] / 1000)) s)" alive
    phase=$((phase + 1))
    [ "$phase" -ge ${#PHASE_ENDS[@]} ] && break
    alive || { died; break; }
  fi
  random_action
  printf -v pause '0.%03d' $((RANDOM % 51))
  sleep "$pause"
done
# A dashboard that died early fails every phase it did not live through.
for ((; phase < ${#PHASE_ENDS[@]}; phase++)); do
  e2e_check "alive after phase $((phase + 1)): ${PHASE_NAMES[phase]} (to $((PHASE_ENDS[phase] / 1000)) s)" alive
done
echo "# sent $KEYS_SENT keys, $PASTES_SENT pastes, $RESIZES_SENT resizes in $(((NOW - START) / 1000)) s"

wait "$TIMELINE"
TIMELINE=""
stop_job "$SIMULATOR"
SIMULATOR=""
echo "# server events (ms from the start):" $(tr '\n' ',' <"$TIMELINE_LOG")
echo "# the simulator ran $(cat "$E2E_WORK/simulate.runs" 2>/dev/null || echo 0) times"
e2e_check "every server event happened: backends terminated, immediate stop, start, fast stop, start" \
  bash -c "grep -qE '^[0-9]+ terminated [0-9]+$' '$TIMELINE_LOG' && [ \$(grep -cE ' (stopped-immediate|started|stopped-fast|restarted) ok$' '$TIMELINE_LOG') = 4 ]"
e2e_check "while the server was stopped the header said disconnected at least once" [ "$saw_disconnected" = 1 ]
echo "# during the input, first seen connected: ${seen_connected_after_start:-never} s after the server came back" \
  "from the long stop, ${seen_connected_after_restart:-never} s after the fast shutdown and restart (in whole s)"
e2e_check "never more than one taskdash backend in $backend_samples samples (at most $max_backends)" [ "$max_backends" -le 1 ]

# --- After the storm: a usable size, back to the panes, live.
if alive; then
  tick
  quiet_at=$NOW
  tmux resize-window -t "$S" -x 40 -y 10
  e2e_check "after the storm: a 40x10 terminal says it is too small" e2e_wait_for "$S" "terminal too small" 5
  tmux resize-window -t "$S" -x 120 -y 40
  for _ in 1 2 3 4 5 6; do
    e2e_keys "$S" Escape
    sleep 0.1
  done
  # Keys queue up when the dashboard reads them slower than they come. The help opening
  # after these Escapes shows that everything typed during the storm has been read.
  e2e_keys "$S" '?'
  tick
  asked=$NOW
  if e2e_wait_for "$S" "taskdash keys" 10; then
    tick
    e2e_check "after the storm: the keys queued during it are read within 10 s ($((NOW - asked)) ms)" true
  else
    e2e_check "after the storm: the keys queued during it are read within 10 s (not yet after 10 s)" false
  fi
  e2e_keys "$S" Escape
  e2e_check "after the storm: resized to 120x40 the screen draws the panes" e2e_wait_for "$S" "Tasks (" 10
  # Random p presses may have left it paused, and a paused dashboard does not poll: p
  # resumes live updates (and polls at once), which the check's name then says.
  how="by itself"
  if e2e_screen_has "$S" "PAUSED"; then
    e2e_keys "$S" p
    how="once p resumed live updates"
  fi
  if e2e_wait_recovered "$S" 45; then
    e2e_check "after the storm: it recovers $how within 45 s (connected, nothing STALE)" true
    tick
    echo "# connected with nothing stale $(((NOW - quiet_at) / 1000)) s after the input stopped"
  else
    e2e_check "after the storm: it recovers $how within 45 s (connected, nothing STALE)" false
  fi
  e2e_check "after the storm: it holds exactly one taskdash backend" pg_wait_backends 1 20
  echo "# resident memory ${RSS_START:-?} kB before the storm, $(rss_kb "$PID") kB after"

  # A paste of 2000 characters bound to nothing, then ?: how fast keys are read when they
  # come faster than a person types. q after a paste waits behind it.
  HEX=()
  for ((i = 0; i < 2000; i++)); do ascii "${UNBOUND:RANDOM % ${#UNBOUND}:1}"; done
  printf -v REPLY '\\x%s' "${HEX[@]}"
  printf '%b' "$REPLY" | tmux load-buffer -b rnd -
  tmux paste-buffer -d -b rnd -t "$S"
  e2e_keys "$S" '?'
  tick
  asked=$NOW
  if e2e_wait_for "$S" "taskdash keys" 30; then
    tick
    e2e_check "a 2000-character paste is read within 1 s ($((NOW - asked)) ms)" [ $((NOW - asked)) -le 1000 ]
  else
    e2e_check "a 2000-character paste is read within 1 s (not yet after 30 s)" false
  fi
  e2e_keys "$S" Escape

  tick
  pressed=$NOW
  e2e_keys "$S" q
  while [ ! -s "$E2E_WORK/$S.after" ]; do
    tick
    [ $((NOW - pressed)) -ge 5000 ] && break
    sleep 0.02
  done
  took=$((NOW - pressed))
  if [ "$took" -gt 1000 ]; then
    echo "--- screen of $S after q ($(alive && echo still running || echo exited)):" >&2
    e2e_screen "$S" >&2
  fi
  e2e_check "q quits within 1 s (${took} ms)" [ "$took" -le 1000 ]
  e2e_check "it exits with status 0" [ "$(cat "$E2E_WORK/$S.status" 2>/dev/null)" = 0 ]
else
  for check in "the keys queued during it are read" "draws the panes" "recovers by itself" \
    "holds exactly one taskdash backend" "q quits within 1 s"; do
    e2e_check "after the storm: $check (the dashboard is gone)" false
  done
  echo "# it exited with status $(cat "$E2E_WORK/$S.status" 2>/dev/null || echo unknown)"
fi
# Even a dashboard that died must have given the terminal back.
e2e_check "the terminal is given back (stty -g as before, alternate screen left, cursor visible)" e2e_terminal_given_back "$S"
[ "$E2E_FAILED" = 0 ] || echo "# replay: E2E_SEED=$SEED E2E_RANDOM_SECONDS=$DURATION bash scripts/e2e/random-input.sh"
e2e_finish
