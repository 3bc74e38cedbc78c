#!/usr/bin/env bash
# Named environments, driven in tmux: a config file with a SQLite environment (the default), a
# PostgreSQL one on the throwaway server (TASKDASH_TEST_DATABASE_URL; a second SQLite file
# without it) and one whose variable is unset. `e` lists them with their targets masked, Enter
# switches without restarting (the old session closed, the breadcrumb reset, the header naming
# the environment), a broken one leaves the dashboard as it was and says why, and the switch
# back works. `config` prints the sources, and a broken file is one line and status 78.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

# plant TARGET NAME: a migrated database holding one task called NAME.
plant() {
  "$TASKDASH" migrate up --database-url "$1" >/dev/null || return 1
  local sql="INSERT INTO tasks (id, name, status) VALUES ('00000000-0000-4000-8000-0000000000e1', '$2', 'pending');"
  if [[ $1 == sqlite:* ]]; then
    python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()' \
      "${1#sqlite:}" "$sql"
  else
    psql "$1" -qAtX -v ON_ERROR_STOP=1 -c "$sql" >/dev/null
  fi
}

dev="sqlite:$E2E_WORK/dev.sqlite"
if [ -n "${TASKDASH_TEST_DATABASE_URL:-}" ]; then
  other=$(pg_new_database)
  other_db=$(sed -E 's#^postgresql://[^/]*/([^?]*).*#\1#' <<<"$other")
  # A password in the file, to see it masked (the throwaway server trusts local logins).
  shown_other=$(sed -E 's#postgresql://([^@/]*)@#postgresql://\1:hunter2secret@#' <<<"$other")
  kind=postgres
else
  other="sqlite:$E2E_WORK/other.sqlite"
  shown_other=$other
  kind=sqlite
fi
plant "$dev" dev-only-task
e2e_check "the SQLite environment's database is planted" [ $? = 0 ]
plant "$other" other-only-task
e2e_check "the $kind environment's database is planted" [ $? = 0 ]

export TASKDASH_CONFIG=$E2E_WORK/config.yaml
cat >"$TASKDASH_CONFIG" <<YAML
default: dev
environments:
  dev:
    database: $dev
  other:
    database: "$shown_other"
    interval: 2
  broken:
    database: postgres://\${TD_E2E_UNSET_HOST}/agents
YAML

"$TASKDASH" config --env other >"$E2E_WORK/config.out" 2>&1
e2e_check "config names the chosen environment and each setting's source" \
  grep -qE '^interval +2s +environment other$' "$E2E_WORK/config.out"
e2e_check "config masks the password" bash -c "! grep -q hunter2secret '$E2E_WORK/config.out'"

session="td-environments-$$"
e2e_start "$session" "$TASKDASH"
e2e_check "the default environment opens, named in the header" e2e_wait_for "$session" "dev · sqlite:"
e2e_check "its task is listed" e2e_wait_for "$session" "dev-only-task"
# Drill into the task, so that the breadcrumb has a level to lose.
e2e_keys "$session" Enter
e2e_check "drilled into the task" e2e_wait_for "$session" "Tasks › dev-only-task"

e2e_keys "$session" e
e2e_check "e lists the environments" e2e_wait_for "$session" "environments · Enter switches"
screen=$(e2e_screen "$session")
e2e_check "the list shows each target, a variable as written" \
  grep -qF "postgres://\${TD_E2E_UNSET_HOST}/agents" <<<"$screen"
e2e_check "the cursor is on the environment in use" grep -qE "▸ ● dev +sqlite:" <<<"$screen"
e2e_check "the list masks the password" bash -c "! grep -q hunter2secret <<<'$screen'"

e2e_keys "$session" j Enter
e2e_check "Enter switches: the header names the other environment" e2e_wait_for "$session" "other · "
e2e_check "its task is listed" e2e_wait_for "$session" "other-only-task"
screen=$(e2e_screen "$session")
e2e_check "the first environment's task is gone" bash -c "! grep -q dev-only-task <<<'$screen'"
e2e_check "the breadcrumb is reset" bash -c "! grep -q 'Tasks ›' <<<'$screen'"
if [ "$kind" = sqlite ]; then
  e2e_check "the other environment's interval applies" grep -q "every 2s" <<<"$screen"
else
  e2e_check "the other environment is read with push" grep -q "push" <<<"$screen"
fi
e2e_check "the header never shows the password" bash -c "! grep -q hunter2secret <<<'$screen'"
if [ "$kind" = postgres ]; then
  e2e_check "one session on the other environment's database" [ "$(pg_backends taskdash "$other_db")" = 1 ]
fi

e2e_keys "$session" e G Enter
e2e_check "a broken environment: the dashboard says why and stays" \
  e2e_wait_for "$session" "cannot switch to broken"
screen=$(e2e_screen "$session")
e2e_check "the reason names the unset variable" grep -qF "TD_E2E_UNSET_HOST" <<<"$screen"
e2e_check "the dashboard still shows the other environment" grep -qF "other-only-task" <<<"$screen"

e2e_keys "$session" e g Enter
e2e_check "switching back: the header names dev again" e2e_wait_for "$session" "dev · sqlite:"
e2e_check "and its task is back" e2e_wait_for "$session" "dev-only-task"
if [ "$kind" = postgres ]; then
  sleep 0.5
  e2e_check "the other environment's session was closed" [ "$(pg_backends taskdash "$other_db")" = 0 ]
fi

e2e_keys "$session" q
status=$(e2e_wait_exit "$session")
e2e_check "q exits with status 0" [ "$status" = 0 ]
e2e_check "the terminal is given back (stty -g as before, alternate screen left, cursor visible)" e2e_terminal_given_back "$session"

# A file that cannot be used: one line naming it and the line, status 78, no dashboard.
printf 'default: dev\nenvironments:\n  dev:\n    database: %s\n    theme: solarized\n' "$dev" >"$TASKDASH_CONFIG"
"$TASKDASH" snapshot >"$E2E_WORK/bad.out" 2>"$E2E_WORK/bad.err"
status=$?
e2e_check "a bad file stops the command with status 78" [ "$status" = 78 ]
e2e_check "and one line naming the file and the line" \
  bash -c "[ \$(wc -l <'$E2E_WORK/bad.err') = 1 ] && grep -qF '$TASKDASH_CONFIG:5: theme: must be one of dark, light, mono' '$E2E_WORK/bad.err'"
printf 'environments:\n  dev:\n    database: %s\n' "$dev" >"$TASKDASH_CONFIG"
"$TASKDASH" snapshot --env nowhere >/dev/null 2>"$E2E_WORK/env.err"
e2e_check "an environment the file does not have is a usage error (64)" [ $? = 64 ]

e2e_finish
