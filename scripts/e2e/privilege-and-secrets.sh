#!/usr/bin/env bash
# Least privilege and secrets, on a throwaway PostgreSQL of its own that asks every role but
# postgres for a password (scram-sha-256):
# (a) the dashboard and snapshot work with a role that may only SELECT, and the server's
#     statement log shows that they only read;
# (b) a password full of URL-hostile characters, given percent-encoded in a URL, through
#     DB_PASSWORD, through PGPASSFILE, or in a URL that does not parse, never appears on
#     stdout, stderr or the screen;
# (c) a refused login (a wrong password, an unknown database, at start-up or when the role's
#     password changes under a running dashboard) is one clear line for the commands, and a
#     banner saying what to fix for the dashboard, which stays open, keeps its rows, and sends
#     the server at most a couple of login attempts a minute.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

pg_own_server || exit 1
# url_for USER[:PASSWORD]: the URL of the database secrets for that role.
url_for() { echo "postgresql://$1@/secrets?host=$PG_DIR"; }

# Passwords for everyone but the superuser, and a log line prefix that names the application
# and the role of every logged statement.
printf 'local all postgres trust\nlocal all all scram-sha-256\n' >"$PG_DIR/data/pg_hba.conf"
pg_admin "ALTER SYSTEM SET log_line_prefix = '%m [%p] |%a|%u| '" "SELECT pg_reload_conf()" >/dev/null
pg_admin "CREATE DATABASE secrets" >/dev/null
"$TASKDASH" migrate up --database-url "$(url_for postgres)" >/dev/null || { e2e_check "migrate" false; e2e_finish; exit; }
"$TASKDASH" seed --database-url "$(url_for postgres)" --random-seed 7 >/dev/null 2>&1 || { e2e_check "seed" false; e2e_finish; exit; }
task=$("$TASKDASH" snapshot --format json --database-url "$(url_for postgres)" |
  python3 -c "import json,sys; print(json.load(sys.stdin)['tasks'][0]['name'])")

# The secrets: one for the read-only role, one full of characters that mean something in a
# URL, in a key=value string, in a shell and in SQL.
READER_PASSWORD="reader-Pw-$RANDOM$RANDOM"
SECRET="p@ss:w/rd?#%&=' \"\\\`x$RANDOM"
ENCODED=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$SECRET")
dollar_quoted() { printf '$pw$%s$pw$' "$1"; }
psql "$(url_for postgres)" -qAtX -v ON_ERROR_STOP=1 >/dev/null <<SQL
CREATE ROLE td_reader LOGIN PASSWORD $(dollar_quoted "$READER_PASSWORD");
GRANT CONNECT ON DATABASE secrets TO td_reader;
GRANT USAGE ON SCHEMA public TO td_reader;
GRANT SELECT ON tasks, task_runs, metric_snapshots, artifacts, schema_migrations TO td_reader;
ALTER ROLE td_reader SET log_statement = 'all';
CREATE ROLE td_secret LOGIN PASSWORD $(dollar_quoted "$SECRET");
GRANT CONNECT ON DATABASE secrets TO td_secret;
GRANT USAGE ON SCHEMA public TO td_secret;
GRANT SELECT ON tasks, task_runs, metric_snapshots, artifacts, schema_migrations TO td_secret;
SQL

# (a) The SELECT-only role.
READER_URL=$(url_for "td_reader:$READER_PASSWORD")
e2e_check "the reader role can read (checked with psql)" psql "$READER_URL" -qAtXc "SELECT count(*) FROM tasks"
e2e_check "the reader role cannot write at all (checked with psql)" \
  bash -c "! psql '$READER_URL' -qAtXc \"INSERT INTO tasks (name) VALUES ('x')\" 2>/dev/null"
"$TASKDASH" snapshot --database-url "$READER_URL" >"$E2E_WORK/reader.out" 2>"$E2E_WORK/reader.err"
e2e_check "snapshot works with a role that may only SELECT" [ $? = 0 ]
e2e_check "that snapshot lists the task '$task'" grep -qF "$task" "$E2E_WORK/reader.out"
session="td-priv-reader-$$"
e2e_start "$session" "$TASKDASH" watch --database-url "$READER_URL" --interval 1
e2e_check "the dashboard works with a role that may only SELECT" e2e_wait_for "$session" "$task"
e2e_check "the dashboard says connected" e2e_wait_for "$session" "● connected"
# A few poll rounds, a drill into runs and into the viewer, then quit.
e2e_keys "$session" Enter
sleep 2
e2e_keys "$session" q
status=$(e2e_wait_exit "$session")
e2e_check "the reader's dashboard exits 0" [ "$status" = 0 ]
# Every statement the taskdash sessions of td_reader ran: only reads and session settings.
python3 - "$PG_DIR/server.log" >"$E2E_WORK/statements" <<'EOF'
import re, sys
statement = re.compile(r"\|taskdash\|td_reader\| LOG:  (?:statement|execute [^:]*): (.*)")
for line in open(sys.argv[1], errors="replace"):
    found = statement.search(line)
    if found:
        print(found.group(1).strip())
EOF
e2e_check "the server logged the dashboard's statements ($(wc -l <"$E2E_WORK/statements"))" \
  [ "$(wc -l <"$E2E_WORK/statements")" -ge 10 ]
e2e_check "its session turns on default_transaction_read_only first" \
  grep -q "SET default_transaction_read_only = on" "$E2E_WORK/statements"
e2e_check "every logged statement of the dashboard is a read, a session setting or its LISTEN" \
  bash -c "! grep -viE '^(SELECT|WITH|SET|SHOW|BEGIN|COMMIT|ROLLBACK|LISTEN)\\b' '$E2E_WORK/statements' >&2"
e2e_check "no logged statement of the dashboard writes" \
  bash -c "! grep -iE '\\b(INSERT +INTO|UPDATE +[a-z_]+ +SET|DELETE +FROM|TRUNCATE|CREATE|ALTER|DROP|COPY|GRANT)\\b' '$E2E_WORK/statements' >&2"

# (b) The hostile password. hidden FILE...: neither the password nor its encoded form, nor a
# telling fragment of either, appears in any of the files.
hidden() {
  local file
  for file in "$@"; do
    grep -qF -e "$SECRET" -e "$ENCODED" -e 'p@ss' -e 'p%40ss' -e 'w/rd' -e 'w%2Frd' "$file" && {
      echo "--- $file shows the password:" >&2
      cat "$file" >&2
      return 1
    }
  done
  return 0
}
# run_case NAME COMMAND...: runs a command, keeping stdout, stderr and the exit status.
run_case() {
  local name=$1; shift
  "$@" >"$E2E_WORK/$name.out" 2>"$E2E_WORK/$name.err"
  echo $? >"$E2E_WORK/$name.status"
}
status_of() { cat "$E2E_WORK/$1.status"; }

SECRET_URL=$(url_for "td_secret:$ENCODED")
run_case url-snapshot "$TASKDASH" snapshot --database-url "$SECRET_URL"
e2e_check "percent-encoded password in the URL: snapshot works" [ "$(status_of url-snapshot)" = 0 ]
e2e_check "percent-encoded password in the URL: snapshot shows the target masked" \
  grep -qF "td_secret:****@" "$E2E_WORK/url-snapshot.out"
run_case url-status "$TASKDASH" migrate status --database-url "$SECRET_URL"
e2e_check "percent-encoded password in the URL: migrate status works" [ "$(status_of url-status)" = 0 ]
e2e_check "percent-encoded password in the URL: no password on stdout or stderr" \
  hidden "$E2E_WORK"/url-snapshot.* "$E2E_WORK"/url-status.*

run_case env-snapshot env -u DATABASE_URL -u TASKDASH_DATABASE_URL DB_HOST="$PG_DIR" DB_USER=td_secret \
  DB_NAME=secrets DB_PASSWORD="$SECRET" "$TASKDASH" snapshot
e2e_check "DB_PASSWORD: snapshot works" [ "$(status_of env-snapshot)" = 0 ]
run_case env-status env -u DATABASE_URL -u TASKDASH_DATABASE_URL DB_HOST="$PG_DIR" DB_USER=td_secret \
  DB_NAME=secrets DB_PASSWORD="$SECRET" "$TASKDASH" migrate status
e2e_check "DB_PASSWORD: migrate status works" [ "$(status_of env-status)" = 0 ]
e2e_check "DB_PASSWORD: no password on stdout or stderr" hidden "$E2E_WORK"/env-snapshot.* "$E2E_WORK"/env-status.*

# .pgpass format: ':' and '\' in a field are escaped with '\'.
python3 -c 'import sys; print("*:*:secrets:td_secret:" + sys.argv[1].replace("\\", "\\\\").replace(":", "\\:"))' \
  "$SECRET" >"$E2E_WORK/pgpass"
chmod 600 "$E2E_WORK/pgpass"
run_case pgpass-snapshot env PGPASSFILE="$E2E_WORK/pgpass" "$TASKDASH" snapshot --database-url "$(url_for td_secret)"
e2e_check "PGPASSFILE: snapshot works with a URL without password" [ "$(status_of pgpass-snapshot)" = 0 ]
e2e_check "PGPASSFILE: no password on stdout or stderr" hidden "$E2E_WORK"/pgpass-snapshot.*

# The dashboard with each of the three, its screen captured while it runs.
watch_case() {
  local name=$1; shift
  local session="td-priv-$name-$$"
  e2e_start "$session" "$@"
  e2e_check "$name: the dashboard shows the task '$task'" e2e_wait_for "$session" "$task"
  e2e_screen "$session" >"$E2E_WORK/$name-watch.screen"
  e2e_keys "$session" '?'
  sleep 0.5
  e2e_screen "$session" >>"$E2E_WORK/$name-watch.screen"
  e2e_keys "$session" q
  e2e_check "$name: the dashboard exits 0" [ "$(e2e_wait_exit "$session")" = 0 ]
  e2e_check "$name: no password on the dashboard's screen" hidden "$E2E_WORK/$name-watch.screen"
}
watch_case url "$TASKDASH" watch --database-url "$SECRET_URL"
e2e_check "url: the dashboard's header shows the target masked" grep -qF "td_secret:****@" "$E2E_WORK/url-watch.screen"
watch_case env env -u DATABASE_URL -u TASKDASH_DATABASE_URL DB_HOST="$PG_DIR" DB_USER=td_secret DB_NAME=secrets \
  DB_PASSWORD="$SECRET" "$TASKDASH" watch
watch_case pgpass env PGPASSFILE="$E2E_WORK/pgpass" "$TASKDASH" watch --database-url "$(url_for td_secret)"

# A URL with the password pasted in raw: it does not parse (or parses into something else);
# either way one line, a non-zero exit, and the password is not echoed.
# The same for a key=value string whose quoted password is not closed.
RAW_URL="postgresql://td_secret:$SECRET@/secrets?host=$PG_DIR"
RAW_CONNINFO="host=$PG_DIR user=td_secret password='$SECRET dbname=secrets"
for command in "snapshot" "migrate status"; do
  for form in url conninfo; do
    name="raw-$form-${command// /-}"
    target=$([ $form = url ] && echo "$RAW_URL" || echo "$RAW_CONNINFO")
    run_case "$name" "$TASKDASH" $command --database-url "$target"
    e2e_check "raw password in a $form: $command exits non-zero" [ "$(status_of "$name")" != 0 ]
    e2e_check "raw password in a $form: $command says so in one line" [ "$(wc -l <"$E2E_WORK/$name.err")" = 1 ]
    e2e_check "raw password in a $form: $command does not echo it" hidden "$E2E_WORK/$name".*
  done
done
session="td-priv-raw-$$"
e2e_start "$session" "$TASKDASH" watch --database-url "$RAW_URL"
status=$(e2e_wait_exit "$session" 10)
e2e_screen "$session" >"$E2E_WORK/raw-watch.screen"
e2e_check "raw password in the URL: the dashboard exits non-zero" [ -n "$status" -a "$status" != 0 ]
e2e_check "raw password in the URL: the dashboard does not show it" hidden "$E2E_WORK/raw-watch.screen"

# (c) A wrong password: one clear line, no retry loop, the wrong password not shown either.
WRONG="Wr0ng-$RANDOM-secret"
for command in "snapshot" "migrate status"; do
  name="wrong-${command// /-}"
  run_case "$name" "$TASKDASH" $command --database-url "$(url_for "td_secret:$WRONG")"
  e2e_check "wrong password: $command exits non-zero" [ "$(status_of "$name")" != 0 ]
  e2e_check "wrong password: $command prints one line naming the cause" \
    bash -c "[ \"\$(wc -l <'$E2E_WORK/$name.err')\" = 1 ] && grep -q 'password authentication failed' '$E2E_WORK/$name.err'"
  e2e_check "wrong password: $command says what to check" grep -q 'check the password' "$E2E_WORK/$name.err"
  e2e_check "wrong password: $command does not show it" bash -c "! grep -qF '$WRONG' '$E2E_WORK/$name.out' '$E2E_WORK/$name.err'"
done

# refusals: how many logins of td_secret the server has refused so far.
refusals() { grep -c 'FATAL:  password authentication failed for user "td_secret"' "$PG_DIR/server.log"; }
still_running() { [ ! -s "$E2E_WORK/$1.after" ]; }

# Start-up with a wrong password: the dashboard opens on a banner that names the problem and
# what to fix, and stays open; q quits with status 0 and gives the terminal back.
session="td-priv-wrong-$$"
before=$(refusals)
e2e_start "$session" "$TASKDASH" watch --database-url "$(url_for "td_secret:$WRONG")"
e2e_check "wrong password at start-up: the banner names the problem" \
  e2e_wait_for "$session" "⚠ password authentication failed for user \"td_secret\""
e2e_check "wrong password at start-up: the banner says what to check and when it retries" \
  bash -c "tmux capture-pane -p -t '$session' | grep -qE 'check the password.* retry in [0-9ms]+ · r retries'"
e2e_check "wrong password at start-up: the header says the login was refused" \
  bash -c "tmux capture-pane -p -t '$session' | grep -qF '✗ refused'"
sleep 3
e2e_screen "$session" >"$E2E_WORK/wrong-watch.screen"
e2e_check "wrong password at start-up: the dashboard stays open" still_running "$session"
e2e_check "wrong password at start-up: one login attempt reached the server ($(($(refusals) - before)))" \
  [ "$(($(refusals) - before))" = 1 ]
e2e_check "wrong password at start-up: the dashboard does not show it" \
  bash -c "! grep -qF '$WRONG' '$E2E_WORK/wrong-watch.screen'"
e2e_keys "$session" q
e2e_check "wrong password at start-up: q exits 0" [ "$(e2e_wait_exit "$session")" = 0 ]
e2e_check "wrong password at start-up: the terminal is given back" e2e_terminal_given_back "$session"

# Start-up with a database that does not exist.
session="td-priv-nodb-$$"
e2e_start "$session" "$TASKDASH" watch --database-url "postgresql://td_secret:$ENCODED@/td_no_such_db?host=$PG_DIR"
e2e_check "unknown database at start-up: the banner names the database" \
  e2e_wait_for "$session" "⚠ database \"td_no_such_db\" does not exist"
e2e_check "unknown database at start-up: the banner says what to check" \
  bash -c "tmux capture-pane -p -t '$session' | grep -qF 'check the database name'"
e2e_screen "$session" >"$E2E_WORK/nodb-watch.screen"
e2e_check "unknown database at start-up: the dashboard stays open" still_running "$session"
e2e_check "unknown database at start-up: no password on the screen" hidden "$E2E_WORK/nodb-watch.screen"
e2e_keys "$session" q
e2e_check "unknown database at start-up: q exits 0" [ "$(e2e_wait_exit "$session")" = 0 ]
e2e_check "unknown database at start-up: the terminal is given back" e2e_terminal_given_back "$session"

# Mid-session: the role's password changes and its session is ended. The rows stay, marked
# stale, under a banner; the server sees at most two login attempts in the next 65 s; once the
# password is back, r reconnects at once.
session="td-priv-midway-$$"
e2e_start "$session" "$TASKDASH" watch --database-url "$SECRET_URL" --interval 1
e2e_check "mid-session: the dashboard shows the task '$task'" e2e_wait_for "$session" "$task"
e2e_check "mid-session: the dashboard says connected" e2e_wait_for "$session" "● connected"
before=$(refusals)
changed_at=$SECONDS
pg_admin "ALTER ROLE td_secret PASSWORD 'other'" \
  "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'td_secret'" >/dev/null
e2e_check "mid-session: the banner names the refused login" \
  e2e_wait_for "$session" "⚠ password authentication failed for user \"td_secret\"" 20
e2e_check "mid-session: the banner says what to check and when it retries" \
  bash -c "tmux capture-pane -p -t '$session' | grep -qE 'check the password.* retry in [0-9ms]+ · r retries'"
e2e_check "mid-session: the panes are marked STALE" bash -c "tmux capture-pane -p -t '$session' | grep -qF STALE"
e2e_check "mid-session: the task rows stay on screen" bash -c "tmux capture-pane -p -t '$session' | grep -qF '$task'"
e2e_screen "$session" >"$E2E_WORK/midway-watch.screen"
echo "# mid-session: $(($(refusals) - before)) refused login attempts when the banner showed ($((SECONDS - changed_at)) s)"
sleep $((changed_at + 65 - SECONDS))
attempts=$(($(refusals) - before))
echo "# mid-session: $attempts refused login attempts in 65 s"
e2e_check "mid-session: the server saw 1 or 2 login attempts in 65 s ($attempts)" \
  [ "$attempts" -ge 1 -a "$attempts" -le 2 ]
e2e_check "mid-session: the dashboard stays open" still_running "$session"
e2e_screen "$session" >>"$E2E_WORK/midway-watch.screen"
pg_admin "ALTER ROLE td_secret PASSWORD $(dollar_quoted "$SECRET")" >/dev/null
e2e_keys "$session" r
e2e_check "mid-session: with the password back, r reconnects (connected, nothing stale)" e2e_wait_recovered "$session" 10
e2e_screen "$session" >>"$E2E_WORK/midway-watch.screen"
e2e_check "mid-session: no password on the screen" hidden "$E2E_WORK/midway-watch.screen"
e2e_keys "$session" q
e2e_check "mid-session: q exits 0" [ "$(e2e_wait_exit "$session")" = 0 ]
e2e_check "mid-session: the terminal is given back" e2e_terminal_given_back "$session"
e2e_check "no server log line holds the password" hidden "$PG_DIR/server.log"
e2e_finish
