# Helpers for end-to-end tests that drive the real taskdash binary in tmux, as a person would.
# Sourced by the scripts/e2e/*.sh tests; each test prints "ok - NAME" or "not ok - NAME".

E2E_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TASKDASH=${TASKDASH:-$E2E_ROOT/.build/debug/taskdash}
E2E_WORK=$(mktemp -d)
# A private tmux server per test script: nothing of the user's tmux is touched, and the
# server starts with this script's environment (locale included), as it would in CI.
export TMUX_TMPDIR=$E2E_WORK
# The checks read the dashboard's UTF-8 glyphs, so the tests do not inherit the caller's locale;
# terminal.sh runs one dashboard in the C locale on purpose.
export LC_ALL=C.UTF-8
unset TMUX
# No config file of the operator's chooses a database here; environments.sh writes its own.
export TASKDASH_CONFIG=$E2E_WORK/no-config.yaml
unset TASKDASH_ENV
E2E_FAILED=0
E2E_PASSED=0

# Also removes the script's own PostgreSQL server, thawed first: a stopped process would not
# see the signal that shuts it down.
e2e_cleanup() {
  tmux kill-server 2>/dev/null
  rm -rf "$E2E_WORK"
  if [ -n "$PG_DIR" ]; then
    pg_thaw_server 2>/dev/null
    "$E2E_ROOT/scripts/pg-throwaway" stop "$PG_DIR"
  fi
}
trap e2e_cleanup EXIT

# e2e_start NAME COMMAND...: runs COMMAND in a new 120x40 tmux session. The wrapper records
# the terminal settings before and after, and the exit status, in $E2E_WORK/NAME.*.
e2e_start() {
  local name=$1; shift
  local quoted
  quoted=$(printf '%q ' "$@")
  tmux new-session -d -s "$name" -x "${E2E_WIDTH:-120}" -y "${E2E_HEIGHT:-40}" \
    "stty -g > $E2E_WORK/$name.before; $quoted; echo \$? > $E2E_WORK/$name.status; stty -g > $E2E_WORK/$name.after; sleep 600"
}

e2e_screen() { tmux capture-pane -p -t "$1"; }

# e2e_wait_for NAME TEXT [SECONDS]: waits until TEXT is on the screen.
e2e_wait_for() {
  local deadline=$((SECONDS + ${3:-15}))
  while [ $SECONDS -lt $deadline ]; do
    e2e_screen "$1" | grep -qF -- "$2" && return 0
    sleep 0.2
  done
  echo "--- screen of $1 while waiting for '$2':" >&2
  e2e_screen "$1" >&2
  return 1
}

# e2e_wait_exit NAME [SECONDS]: waits until the program in NAME exited; prints its status.
e2e_wait_exit() {
  local deadline=$((SECONDS + ${2:-10}))
  while [ $SECONDS -lt $deadline ]; do
    if [ -s "$E2E_WORK/$1.after" ]; then cat "$E2E_WORK/$1.status"; return 0; fi
    sleep 0.1
  done
  return 1
}

# e2e_stty_restored NAME: the terminal settings after exit equal those before start.
e2e_stty_restored() {
  [ -s "$E2E_WORK/$1.before" ] && cmp -s "$E2E_WORK/$1.before" "$E2E_WORK/$1.after"
}

# e2e_terminal_given_back NAME: after the program in NAME exited, the terminal is as it was:
# the same settings (stty -g), the alternate screen left, the cursor visible and no mouse
# reporting mode left on.
e2e_terminal_given_back() {
  e2e_stty_restored "$1" && [ "$(tmux display -p -t "$1" '#{alternate_on} #{cursor_flag}')" = "0 1" ] &&
    [ "$(e2e_mouse_flags "$1")" = 000 ]
}

e2e_keys() { local name=$1; shift; tmux send-keys -t "$name" "$@"; }

# The pane's mouse reporting modes as tmux sees them: press/release, button motion and any
# motion; "000" when none is on.
e2e_mouse_flags() { tmux display -p -t "$1" '#{mouse_standard_flag}#{mouse_button_flag}#{mouse_any_flag}'; }

# e2e_mouse NAME BUTTON X Y: the bytes an xterm sends for a mouse event at the 0-based cell
# X, Y (X10 encoding: button 0 pressed, 3 released, 64 and 65 the wheel), typed into NAME.
e2e_mouse() {
  local bytes
  bytes=$(printf '\033[M%b%b%b' "\\x$(printf %x $((32 + $2)))" "\\x$(printf %x $((33 + $3)))" "\\x$(printf %x $((33 + $4)))")
  tmux send-keys -t "$1" -l "$bytes"
}

# e2e_click NAME X Y / e2e_double_click NAME X Y: a press and a release (twice).
e2e_click() { e2e_mouse "$1" 0 "$2" "$3"; e2e_mouse "$1" 3 "$2" "$3"; }
e2e_double_click() { e2e_click "$1" "$2" "$3"; e2e_click "$1" "$2" "$3"; }

# e2e_quit LABEL NAME: presses q in NAME and checks that the dashboard exits with status 0 and
# gives the terminal back.
e2e_quit() {
  e2e_keys "$2" q
  e2e_check "$1: q exits with status 0" [ "$(e2e_wait_exit "$2")" = 0 ]
  e2e_check "$1: the terminal is given back" e2e_terminal_given_back "$2"
}

e2e_now_ms() { date +%s%3N; }

# e2e_screen_has NAME TEXT: TEXT is on the screen now (-a: the screen may hold bytes that are
# not UTF-8).
e2e_screen_has() { e2e_screen "$1" | grep -aqF -- "$2"; }

# e2e_wait_gone NAME TEXT SECONDS: waits until TEXT is no longer on the screen.
e2e_wait_gone() {
  local deadline=$((SECONDS + $3))
  while [ $SECONDS -lt $deadline ]; do
    e2e_screen_has "$1" "$2" || return 0
    sleep 0.1
  done
  echo "--- screen of $1 still showing '$2':" >&2
  e2e_screen "$1" >&2
  return 1
}

# e2e_wait_recovered NAME SECONDS: waits until the dashboard is connected again and no pane is
# marked stale.
e2e_wait_recovered() {
  local deadline=$((SECONDS + $2)) screen
  while [ $SECONDS -lt $deadline ]; do
    screen=$(e2e_screen "$1")
    grep -aqF "● connected" <<<"$screen" && ! grep -aqF "STALE" <<<"$screen" && return 0
    sleep 0.3
  done
  echo "--- screen of $1 not recovered:" >&2
  e2e_screen "$1" >&2
  return 1
}

# e2e_taskdash_pid NAME: the pid of the taskdash process running in a session's pane.
e2e_taskdash_pid() {
  pgrep -P "$(tmux list-panes -t "$1" -F '#{pane_pid}' | head -1)" -x taskdash | head -1
}

# e2e_check DESCRIPTION COMMAND...: runs a check and records the result.
e2e_check() {
  local description=$1; shift
  if "$@"; then
    echo "ok - $description"; E2E_PASSED=$((E2E_PASSED + 1))
  else
    echo "not ok - $description"; E2E_FAILED=$((E2E_FAILED + 1))
  fi
}

e2e_finish() {
  echo "$E2E_PASSED passed, $E2E_FAILED failed"
  [ "$E2E_FAILED" = 0 ]
}

# PostgreSQL. A script works on the server scripts/test shares (TASKDASH_TEST_DATABASE_URL), or
# on one of its own (pg_own_server) when it stops, freezes or reconfigures it. PG_ADMIN_URL is
# the superuser's URL of that server; PG_DIR the directory of the script's own server.
PG_ADMIN_URL=${TASKDASH_TEST_DATABASE_URL:-}
PG_DIR=""
PG_FROZEN=()

# pg_own_server: starts a throwaway server for this script alone; the exit removes it.
pg_own_server() {
  local server
  server=$("$E2E_ROOT/scripts/pg-throwaway" start) || { e2e_check "a throwaway PostgreSQL starts" false; return 1; }
  PG_DIR=$(sed -n 1p <<<"$server")
  PG_ADMIN_URL=$(sed -n 2p <<<"$server")
}

# pg_stop_server [fast|immediate]: stops the script's own server (a fast shutdown by default),
# keeping its data for pg_start_server.
pg_stop_server() { "$E2E_ROOT/scripts/pg-throwaway" stop-server "$PG_DIR" "${1:-fast}"; }
pg_start_server() { "$E2E_ROOT/scripts/pg-throwaway" start-server "$PG_DIR"; }

# pg_freeze_server: SIGSTOP to the script's own server and all its processes: it neither
# answers nor refuses until pg_thaw_server.
pg_freeze_server() {
  local postmaster
  postmaster=$(head -1 "$PG_DIR/data/postmaster.pid")
  PG_FROZEN=("$postmaster")
  mapfile -t -O 1 PG_FROZEN < <(pgrep -P "$postmaster")
  kill -STOP "${PG_FROZEN[@]}"
}
pg_thaw_server() {
  [ ${#PG_FROZEN[@]} = 0 ] || kill -CONT "${PG_FROZEN[@]}"
  PG_FROZEN=()
}

# pg_admin SQL...: runs each statement in turn as the superuser, stopping at the first error,
# and prints the rows unaligned, without headers.
pg_admin() {
  local statement arguments=()
  for statement in "$@"; do arguments+=(-c "$statement"); done
  psql "$PG_ADMIN_URL" -qAtX -v ON_ERROR_STOP=1 "${arguments[@]}"
}

# pg_database_url DB: the superuser's URL (postgresql://user@/db?host=...) with DB as database.
pg_database_url() { sed -E "s#(postgresql://[^/]*/)[^?]*#\1$1#" <<<"$PG_ADMIN_URL"; }

# pg_new_database [NAME]: creates the database NAME and prints its URL. Without NAME the name is
# random, so that scripts sharing a server never collide.
pg_new_database() {
  local name=${1:-td_e2e_$RANDOM$RANDOM}
  pg_admin "CREATE DATABASE $name" >/dev/null || return 1
  pg_database_url "$name"
}

# pg_backends [APP [DB]]: how many server backends of the application APP (taskdash by
# default) exist, on the database DB if given. Prints nothing while the server is down.
pg_backends() {
  local sql="SELECT count(*) FROM pg_stat_activity WHERE application_name = '${1:-taskdash}'"
  [ -n "${2:-}" ] && sql+=" AND datname = '$2'"
  pg_admin "$sql" 2>/dev/null
}

# pg_backend_pids: the pids of the taskdash backends, in order, on one line.
pg_backend_pids() {
  pg_admin "SELECT string_agg(pid::text, ' ' ORDER BY pid) FROM pg_stat_activity WHERE application_name = 'taskdash'"
}

# pg_terminate_backends [APP]: ends every backend of the application APP (taskdash by default);
# prints how many.
pg_terminate_backends() {
  pg_admin "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '${1:-taskdash}'"
}

# db TARGET SQL: runs SQL on the target's database (sqlite:PATH or a PostgreSQL URL); prints the rows, fields separated by |.
db() {
  case $1 in
    sqlite:*)
      python3 - "${1#sqlite:}" "$2" <<'EOF'
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1])
for row in connection.execute(sys.argv[2]):
    print("|".join("" if value is None else str(value) for value in row))
connection.commit()
EOF
      ;;
    *) psql "$1" -qAtX -v ON_ERROR_STOP=1 -c "$2" ;;
  esac
}

# pg_wait_backends N [SECONDS]: waits (15 s by default) until exactly N taskdash backends exist.
# The most seen by any wait is kept in PG_MAX_BACKENDS, for the checks that none leaked.
PG_MAX_BACKENDS=0
pg_wait_backends() {
  local deadline=$((SECONDS + ${2:-15})) count=""
  while [ $SECONDS -lt $deadline ]; do
    count=$(pg_backends)
    [ -n "$count" ] && [ "$count" -gt "$PG_MAX_BACKENDS" ] && PG_MAX_BACKENDS=$count
    [ "$count" = "$1" ] && return 0
    sleep 0.5
  done
  echo "--- taskdash backends: ${count:-no answer from the server}, expected $1" >&2
  return 1
}
