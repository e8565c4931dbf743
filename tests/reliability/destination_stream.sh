#!/bin/bash
# A character device, a FIFO and /dev/stdout are written into as streams (no -O
# needed, and -O changes nothing): the bytes arrive, and the device or FIFO stays one.
# Anything -O could destroy is our own copy (mknod, mkfifo, ln -s) in a scratch folder.
# A Shapefile (several files) is refused for a stream.
. "$(dirname "$0")/destination_common.sh"
cd "$scratch"
# The system's own devices are only looked at: they must be the same files after.
system_devices() { stat -c '%n %F %i' /dev/null /dev/stdout; }
before=$(system_devices)
mknod null c 1 3  # our own /dev/null
"$depmap" export "$fixtures/sample.csv" --format csv -o null -O || fail "-o null -O failed"
"$depmap" export "$fixtures/sample.csv" --format csv -o null || fail "-o null without -O failed"
[ -c null ] || fail "the device node was replaced: $(ls -l null)"
mkfifo fifo
timeout 60 cat fifo > from_fifo &  # a safety net should depmap never open it
"$depmap" export "$fixtures/sample.csv" --format csv -o fifo -O || fail "-o fifo failed"
wait
[ -p fifo ] || fail "the FIFO was replaced"
grep -q "Bayan Obo" from_fifo || fail "nothing came through the FIFO"
"$depmap" export "$fixtures/sample.csv" --format csv -o /dev/stdout | cat > from_stdout || fail "-o /dev/stdout failed"
grep -q "Bayan Obo" from_stdout || fail "nothing came through /dev/stdout"
# -O with our own copy of the /dev/stdout link: a depmap that renamed over it would
# replace the system's.
ln -s /proc/self/fd/1 stdout
"$depmap" export "$fixtures/sample.csv" --format csv -o stdout -O | cat > from_link || fail "-o stdout -O failed"
grep -q "Bayan Obo" from_link && [ -L stdout ] || fail "-O replaced a link to /proc/self/fd/1"
# A binary format: staged, then copied into the stream whole.
"$depmap" export "$fixtures/sample.csv" --format gpkg -o /dev/stdout | cat > piped.gpkg || fail "a GeoPackage to a pipe failed"
ogrinfo -q -ro piped.gpkg > /dev/null 2>&1 || fail "the piped GeoPackage does not read"
"$depmap" export "$fixtures/sample.csv" --format shp -o null 2> err && fail "a Shapefile went to a device"
grep -q "several files" err || fail "no 'several files': $(cat err)"
[ -c null ] || fail "the device node was replaced by a Shapefile"
[ -z "$(temporaries .)$(temporaries "${TMPDIR:-/tmp}" | grep -F ".null." || true)" ] || fail "temporaries left"
[ "$(system_devices)" = "$before" ] || fail "/dev/null or /dev/stdout changed: $(system_devices)"
finish
