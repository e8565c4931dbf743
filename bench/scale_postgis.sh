# Sourced by bench/scale: PostGIS in the same run, on a throw-away cluster made as the
# PostGIS tests make theirs (tests/postgis/cluster: initdb in build-bench/pg-scale, a Unix
# socket, fsync off), stopped and removed when bench/scale ends. The points of each size
# are loaded once into pts_N (a geography and a geometry column, each with a GiST index),
# which both depmap (--layer PG:... --table pts_N) and PostGIS's own SQL then query.
#   BENCH_POSTGIS=no    leaves PostGIS out (its columns print "-")
pg_dir=$work/pg-scale
pg_conn=""
pg_start() {  # sets pg_conn, or leaves it empty (and says why) when no cluster can be made
  [ "${BENCH_POSTGIS:-yes}" != no ] || return 0
  if ! pg_conn=$("$root/tests/postgis/cluster" start "$pg_dir" 2>"$out/pg_start.err"); then
    echo "PostGIS left out: $(head -1 "$out/pg_start.err")"
    pg_conn=""
    return 0
  fi
  trap '"$root/tests/postgis/cluster" stop "$pg_dir"' EXIT
  # The query points and the 12 cells, as the peers' pg_load.sql makes them (not timed).
  (cd "$work" && psql -X -q -v ON_ERROR_STOP=1 "$pg_conn" >/dev/null) <<SQL
CREATE TEMP TABLE qstage (qid int, lon float8, lat float8);
\copy qstage FROM 'data/queries_1000.csv' CSV HEADER
CREATE TABLE q1000 AS SELECT qid, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography AS geog FROM qstage;
CREATE TABLE grid12 AS SELECT (r * 4 + c + 1) AS cid,
  ST_MakeEnvelope(97.2 + c * 7.2, 37.4 + r * 5.3, 97.2 + (c + 1) * 7.2, 37.4 + (r + 1) * 5.3, 4326) AS geom
  FROM generate_series(0, 3) c, generate_series(0, 2) r;
TRUNCATE qstage;
\copy qstage FROM 'data/queries_10000.csv' CSV HEADER
CREATE TABLE q10000 AS SELECT qid, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography AS geog FROM qstage;
ANALYZE q1000; ANALYZE q10000; ANALYZE grid12;
SQL
}

# pg_measure FILE: runs the SQL of FILE in one psql session; its last query's rows in
# $out/answer; prints "SECONDS PEAK_MB" as measure does: psql's wall time, and the peak
# resident memory of the server process that ran it (VmHWM; parallel workers apart).
pg_measure() {
  [ -n "$pg_conn" ] || { echo "-"; return; }
  { cat "$1"; echo "SELECT 'peak_kb', substring(pg_read_file('/proc/self/status') from 'VmHWM:\s*(\d+)');"; } > "$out/pg.sql"
  if ! (cd "$work" && /usr/bin/time -f '%e' -o "$out/time" psql -X -q -At -F' ' -v ON_ERROR_STOP=1 "$pg_conn" \
          -f "$out/pg.sql" > "$out/pg.out" 2> "$out/stderr"); then
    echo failed > "$out/answer"; echo "failed"; return
  fi
  grep -v '^peak_kb ' "$out/pg.out" > "$out/answer" || true
  awk -v s="$(cat "$out/time")" '$1 == "peak_kb" { printf "%.2f s %5.0f MB", s, $2 / 1024 }' "$out/pg.out"
}

# pg_sql NAME SQL...: writes the SQL to $out/NAME.sql and runs it by pg_measure.
pg_sql() {
  local name=$1; shift
  printf '%s\n' "$@" > "$out/$name.sql"
  pg_measure "$out/$name.sql"
}

pg_load() {  # pg_load N: the load (copy, table), then the index; sets pg_load_cell, pg_index_cell,
            # pg_rows and pg_mb (the table's size on disk with its indexes)
  local n=$1
  pg_load_cell=$(pg_sql load "DROP TABLE IF EXISTS pts_$n;" \
    "CREATE TEMP TABLE stage (id int, name text, commodity text, tonnage float8, lon float8, lat float8);" \
    "\\copy stage FROM 'data/points_$n.csv' CSV HEADER" \
    "CREATE TABLE pts_$n AS SELECT id AS fid, id, name, commodity, tonnage," \
    "  ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography(Point, 4326) AS geog," \
    "  ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geometry(Point, 4326) AS geom FROM stage;" \
    "ALTER TABLE pts_$n ADD PRIMARY KEY (fid);" \
    "SELECT count(*) FROM pts_$n;")
  pg_rows=$(cat "$out/answer")
  pg_index_cell=$(pg_sql index "CREATE INDEX ON pts_$n USING gist (geog);" \
    "CREATE INDEX ON pts_$n USING gist (geom);" "VACUUM ANALYZE pts_$n;" \
    "SELECT round(pg_total_relation_size('pts_$n') / 1048576.0);")
  pg_mb=$(cat "$out/answer")
}

# pg_drop N: the table goes once its size is done, to keep the disk and the cache for the next.
pg_drop() { [ -z "$pg_conn" ] || psql -X -q "$pg_conn" -c "DROP TABLE IF EXISTS pts_$1" >/dev/null; }
