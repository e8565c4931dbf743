# Shared by the PostGIS tests: the server's connection, psql on it, a scratch folder.
set -euo pipefail
if [ -z "${DEPMAP_TEST_PG:-}" ]; then
  echo "DEPMAP_TEST_PG is not set: run .ci/setup postgis, which starts a server" >&2
  exit 77
fi
PG="PG:$DEPMAP_TEST_PG"
test_name=$(basename "$0" .sh)
work="$SCRATCH/$test_name"
rm -rf "$work" && mkdir -p "$work" && cd "$work"
sql() { psql -X -q -t -A -v ON_ERROR_STOP=1 "$DEPMAP_TEST_PG" -c "$1"; }
sql "SELECT 1" >/dev/null || { echo "the server in DEPMAP_TEST_PG does not answer" >&2; exit 1; }
fail() { echo "FAIL: $*" >&2; exit 1; }
# Tables are named after the test, so tests may run side by side in one database.
table() { echo "${test_name}_$1"; }
# What an earlier run left goes first.
for old in $(sql "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE '${test_name}\_%'"); do
  sql "DROP TABLE \"$old\" CASCADE"
done
