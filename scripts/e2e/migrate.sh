#!/usr/bin/env bash
# The migrate commands as an operator runs them, on a blank SQLite file and a blank database
# of the throwaway PostgreSQL (TASKDASH_TEST_DATABASE_URL).
set -uo pipefail
source "$(dirname "$0")/lib.sh"

targets=("sqlite:$E2E_WORK/migrate.sqlite")
[ -n "${TASKDASH_TEST_DATABASE_URL:-}" ] && targets+=("$(pg_new_database)")

for target in "${targets[@]}"; do
  kind=${target%%:*}
  # Two `migrate up` at once on a blank database: both succeed, each version applied once.
  "$TASKDASH" migrate up --database-url "$target" >"$E2E_WORK/up1.out" 2>&1 &
  first=$!
  "$TASKDASH" migrate up --database-url "$target" >"$E2E_WORK/up2.out" 2>&1 &
  second=$!
  wait $first; s1=$?
  wait $second; s2=$?
  e2e_check "$kind: two concurrent migrate up both exit 0" [ "$s1" = 0 ] && [ "$s2" = 0 ]
  applied=$(cat "$E2E_WORK/up1.out" "$E2E_WORK/up2.out" | grep -c "applied 1")
  e2e_check "$kind: exactly one of them applied version 1" [ "$applied" = 1 ]
  e2e_check "$kind: migrate check passes on the migrated database" "$TASKDASH" migrate check --database-url "$target"
  "$TASKDASH" migrate status --database-url "$target" >"$E2E_WORK/status.out"
  e2e_check "$kind: migrate status lists 0001 applied" grep -q "applied  0001_create_schema" "$E2E_WORK/status.out"
  e2e_check "$kind: migrate down without a count is refused" bash -c "! '$TASKDASH' migrate down --database-url '$target' 2>/dev/null"
  e2e_check "$kind: migrate down --all succeeds" "$TASKDASH" migrate down --all --database-url "$target"
  e2e_check "$kind: migrate check fails on a blank database" bash -c "! '$TASKDASH' migrate check --database-url '$target' 2>/dev/null"
  e2e_check "$kind: migrate up again succeeds" "$TASKDASH" migrate up --database-url "$target"
done

# Bad targets: one line on stderr, non-zero exit, the password never shown.
"$TASKDASH" migrate status --database-url 'postgresql://ops:Pa%24%24w0rd@127.0.0.1:9/x' >"$E2E_WORK/bad.out" 2>"$E2E_WORK/bad.err"
status=$?
e2e_check "refused connection exits non-zero" [ "$status" != 0 ]
e2e_check "refused connection prints one line" [ "$(wc -l <"$E2E_WORK/bad.err")" = 1 ]
e2e_check "refused connection hides the password" bash -c "! grep -q 'w0rd' '$E2E_WORK/bad.err' '$E2E_WORK/bad.out'"
"$TASKDASH" migrate status --database-url 'postgresql://ops:pa ss@w0rd@[::1/x' >"$E2E_WORK/bad.out" 2>"$E2E_WORK/bad.err"
e2e_check "an unparsable URL is not echoed" bash -c "! grep -q 'w0rd' '$E2E_WORK/bad.err' '$E2E_WORK/bad.out' && [ -s '$E2E_WORK/bad.err' ]"
if [ -n "${TASKDASH_TEST_DATABASE_URL:-}" ]; then
  "$TASKDASH" migrate status --database-url "$(pg_database_url no_such_database_here)" >/dev/null 2>"$E2E_WORK/bad.err"
  e2e_check "an unknown database is named as such" grep -q "does not exist" "$E2E_WORK/bad.err"
fi
e2e_finish
