#!/bin/sh
# Issue 10: `deals --server URI` signs in with the password the keyring
# keeps, `--remember-password` puts it there from standard input, a wrong
# or missing one is a clear refusal, and the password (a canary) is found
# nowhere else: not in the server's database, not in the address, not in
# the settings. Needs the throwaway cluster (build-aux/with-postgresql) and
# keyring (build-aux/with-keyring) that `deals-dev test` starts.

set -u
deals=${DEALS_EXECUTABLE:?}
canary="Canary-$$-7f3a"
. "$(dirname "$0")/server-test.sh"

server_test_plan 9
db="signin_$$"
role="dana_$$"
server_test_database "$db" "$role" "$canary"

config=$(mktemp -d)
export XDG_CONFIG_HOME="$config" GSETTINGS_BACKEND=keyfile
uri="postgresql://$role@$hostport/$db?sslmode=disable"
out=$(mktemp)

"$deals" --server "$uri" --procedure tw --new-lead --name "Dana Levi" --phone 050-1234567 >"$out" 2>&1
status=$?
check "no password in the keyring: refused, naming --remember-password" \
  "[ $status -ne 0 ] && grep -q -- '--remember-password' '$out'"

echo "wrong-$$" | "$deals" --server "$uri" --remember-password >"$out" 2>&1
check "--remember-password keeps what standard input gives" "grep -q 'is in the keyring' '$out'"

"$deals" --server "$uri" --procedure tw --new-lead --name "Dana Levi" --phone 050-1234567 >"$out" 2>&1
status=$?
check "a wrong password: refused with the server's reason" \
  "[ $status -ne 0 ] && grep -q 'password authentication failed' '$out'"

printf '%s\n' "$canary" | "$deals" --server "$uri" --remember-password >"$out" 2>&1
"$deals" --server "$uri" --procedure tw --new-lead --name "Dana Levi" --phone 050-1234567 >"$out" 2>&1
status=$?
check "the right password: the lead is added on the server" "[ $status -eq 0 ]"
check "the server holds the lead" \
  "[ \"\$(psql 'postgresql://deals@$hostport/$db' -qAt -c \"SELECT count(*) FROM contacts WHERE name = 'Dana Levi'\")\" = 1 ]"

"$deals" --server "postgresql://$role:$canary@$hostport/$db" --new-lead --name X --phone 050-1111111 >"$out" 2>&1
status=$?
check "an address holding a password is refused without repeating it" \
  "[ $status -ne 0 ] && grep -q 'keyring' '$out' && ! grep -q -- '$canary' '$out'"

# The canary: nowhere in the database, the settings or the config folder.
dump=$(mktemp)
pg_dump "postgresql://deals@$hostport/$db" >"$dump" 2>/dev/null || psql "postgresql://deals@$hostport/$db" -qAt \
  -c "SELECT string_agg(value, ' ') FROM meta" >"$dump"
check "the password is nowhere in the server's database" "[ -s '$dump' ] && ! grep -q -- '$canary' '$dump'"
check "the password is nowhere in the config folder" "! grep -rq -- '$canary' '$config'"
check "the password is nowhere in the settings" \
  "! gsettings list-recursively org.dealsdesk.Deals 2>/dev/null | grep -q -- '$canary'"

rm -rf "$config" "$out" "$dump"
exit $failed
