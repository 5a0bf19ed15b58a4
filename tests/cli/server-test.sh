# Sourced by the command-line tests of team mode (test-server-sign-in.sh,
# test-copy-to-server.sh): TAP's lines, the skip or bail-out without the
# throwaway cluster and keyring `deals-dev test` starts, and a database of
# the test's own owned by a login role with a password, dropped at exit.

n=0
failed=0

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }
check () { if eval "$2"; then ok "$1"; else not_ok "$1"; fi; }

# server_test_plan COUNT: prints the plan, and ends the script when there
# is no server or bus (skipped, or failed if the run requires them).
server_test_plan ()
{
  echo "1..$1"
  if [ -n "${CRM_TEST_POSTGRESQL_URI:-}" ] && [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
    return 0
  fi
  if [ -n "${CRM_TEST_POSTGRESQL_REQUIRED:-}" ]; then
    echo "Bail out! no PostgreSQL cluster or session bus, and this run requires them"
    exit 1
  fi
  i=1
  while [ "$i" -le "$1" ]; do
    echo "ok $i # SKIP run through build-aux/with-postgresql and with-keyring"
    i=$((i + 1))
  done
  exit 0
}

# server_test_database DB ROLE PASSWORD: makes the database and its owner,
# and sets $super and $hostport; both go when the script exits, with the
# folders named in $cleanup.
server_test_database ()
{
  super=$CRM_TEST_POSTGRESQL_URI
  hostport=$(printf '%s' "$super" | sed -E 's#^postgresql://[^@]*@([^/]*)/.*#\1#')
  psql "$super" -qAt -c "CREATE DATABASE $1" >/dev/null &&
  # The owner sets the schema up: it needs CREATEROLE for the group roles
  # and the people's login roles (docs/decisions.md, "People").
  psql "$super" -qAt -c "CREATE ROLE $2 LOGIN CREATEROLE PASSWORD '$3'" >/dev/null &&
  psql "$super" -qAt -c "ALTER DATABASE $1 OWNER TO $2" >/dev/null || { echo "Bail out! cannot make the role"; exit 1; }
  server_test_db=$1
  server_test_role=$2
  trap 'psql "$super" -qAt -c "DROP DATABASE $server_test_db WITH (FORCE)" >/dev/null 2>&1;
        psql "$super" -qAt -c "DROP ROLE $server_test_role" >/dev/null 2>&1; rm -rf ${cleanup:-}' EXIT
}
