# The server killed in the middle of a write leaves no table, not part of one: depmap
# exits 1 with one line, and the restarted server has no such table. A cluster of its own,
# so the other tests keep theirs.
source "$(dirname "$0")/common.sh"
cluster="$SOURCE_DIR/tests/postgis/cluster"
own="$work/cluster"
trap '"$cluster" stop "$own"' EXIT
connection=$("$cluster" start "$own")
python3 "$SOURCE_DIR/tests/reliability/gen_points.py" points.csv 300000
status=0
"$DEPMAP" export --layer points.csv -o "PG:$connection" --output-layer cut 2>err.txt & writer=$!
# Once the rows stream in (GDAL's COPY), every server process is killed by its id.
for _ in $(seq 600); do
  if psql -X -t -A "$connection" -c "SELECT 1 FROM pg_stat_activity WHERE query LIKE 'COPY%'" 2>/dev/null | grep -q 1; then
    break
  fi
  sleep 0.05
done
postmaster=$(head -1 "$own/data/postmaster.pid")
children=$(ps -o pid= --ppid "$postmaster" || true)
kill -KILL "$postmaster" $children
for pid in "$postmaster" $children; do
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
done
wait "$writer" || status=$?
[ "$status" = 1 ] || fail "exit $status after the server was killed"
[ "$(wc -l <err.txt)" = 1 ] || fail "not one line: $(cat err.txt)"
runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$own/data" -l "$own/server.log" -w -t 30 \
  -o "-c listen_addresses='' -c unix_socket_directories='$own'" start >/dev/null || fail "$(tail -3 "$own/server.log")"
[ "$(psql -X -t -A "$connection" -c "SELECT to_regclass('cut') IS NULL")" = t ] || fail "a partial table was left"
echo ok
