#!/bin/sh
# Issue 10, item 3: `deals --database FILE --copy-to-server URI` moves a
# file to a team server in one command: it signs in with the keyring's
# password, copies every table into the server's empty database, prints
# each table's rows on both sides, and refuses a database that is not
# empty. Needs the throwaway cluster (build-aux/with-postgresql) and
# keyring (build-aux/with-keyring) that `deals-dev test` starts.

set -u
deals=${DEALS_EXECUTABLE:?}
password="Copy-$$-c0py"
. "$(dirname "$0")/server-test.sh"

server_test_plan 8
db="copy_$$"
role="noa_$$"
work=$(mktemp -d)
cleanup=$work
server_test_database "$db" "$role" "$password"

export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" GSETTINGS_BACKEND=keyfile
uri="postgresql://$role@$hostport/$db?sslmode=disable"
file="$work/office.db"
out="$work/out"
as_super="postgresql://deals@$hostport/$db"
count () { psql "$as_super" -qAt -c "SELECT count(*) FROM $1"; }

"$deals" --help-all >"$out" 2>&1
check "--help names --copy-to-server" "grep -q -- '--copy-to-server' '$out'"

"$deals" --database "$file" --procedure tw --demo --new-lead --name "Noa Katz" --phone 050-7654321 >"$out" 2>&1 ||
  { echo "Bail out! cannot make the demo file"; cat "$out"; exit 1; }
deals_in_file=$(sqlite3 "$file" "SELECT count(*) FROM deals")
audit_in_file=$(sqlite3 "$file" "SELECT count(*) FROM audit_log")

"$deals" --database "$file" --copy-to-server "$uri" >"$out" 2>&1
status=$?
check "no password in the keyring: refused, naming --remember-password" \
  "[ $status -ne 0 ] && grep -q -- '--remember-password' '$out'"

printf '%s\n' "$password" | "$deals" --server "$uri" --remember-password >/dev/null 2>&1
"$deals" --database "$file" --copy-to-server "$uri" >"$out" 2>&1
status=$?
check "the copy succeeds with the keyring's password" "[ $status -eq 0 ] && grep -q 'rows agree' '$out'"
check "it prints each table's rows on both sides" \
  "grep -Eq '^ +deals +$deals_in_file +$deals_in_file\$' '$out' && grep -Eq '^ +audit_log +$audit_in_file +$audit_in_file\$' '$out'"
check "the server holds the file's deals and audit log" \
  "[ \"\$(count deals)\" = '$deals_in_file' ] && [ \"\$(count audit_log)\" = '$audit_in_file' ]"
check "the lead's contact kept its id" \
  "[ \"\$(psql '$as_super' -qAt -c \"SELECT id FROM contacts WHERE name = 'Noa Katz'\")\" = \"\$(sqlite3 '$file' \"SELECT id FROM contacts WHERE name = 'Noa Katz'\")\" ]"

"$deals" --database "$file" --copy-to-server "$uri" >"$out" 2>&1
status=$?
check "a second copy into the same database is refused: it is not empty" \
  "[ $status -ne 0 ] && grep -q 'not empty' '$out' && [ \"\$(count deals)\" = '$deals_in_file' ]"

"$deals" --server "$uri" --copy-to-server "$uri" >"$out" 2>&1
status=$?
check "--copy-to-server with --server is refused" "[ $status -ne 0 ] && grep -q -- '--database' '$out'"

exit $failed
