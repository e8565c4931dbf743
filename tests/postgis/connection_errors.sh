# Connection problems are one line naming the database without its password, with the
# server's own reason, exit 1: no server, an unknown role, no such table, no PostGIS.
source "$(dirname "$0")/common.sh"
host=$(sed -E 's/.*host=([^ ]+).*/\1/' <<<"$DEPMAP_TEST_PG")
expect() {  # expect REGEX COMMAND...
  local regex=$1 status=0
  shift
  "$@" >out.txt 2>err.txt || status=$?
  [ "$status" = 1 ] || fail "exit $status: $*"
  [ "$(wc -l <err.txt)" = 1 ] || fail "not one line: $(cat err.txt)"
  grep -Eq "$regex" err.txt || fail "'$(cat err.txt)' does not match $regex"
  ! grep -q secret err.txt || fail "the password was printed"
}
expect "PG:dbname=depmap host=$work/none password=\*\*\*: cannot connect to PostgreSQL: .*No such file or directory" \
  "$DEPMAP" info "PG:dbname=depmap host=$work/none password=secret"
expect 'cannot connect to PostgreSQL: .*role "nobody" does not exist' \
  "$DEPMAP" info "PG:dbname=depmap host=$host user=nobody"
expect "no table named 'no_such_table'" "$DEPMAP" info "$PG" --table no_such_table
expect "the database has no PostGIS extension" "$DEPMAP" info "PG:dbname=plain host=$host user=postgres"
expect "the database has no PostGIS extension" \
  "$DEPMAP" export -o "PG:dbname=plain host=$host user=postgres" --output-layer t
expect "cannot connect to PostgreSQL: .*No such file or directory" \
  "$DEPMAP" export -o "PG:dbname=depmap host=$work/none" --output-layer t
echo ok
