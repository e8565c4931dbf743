# Shared by the destination and interruption scripts: `depmap` is the binary under
# test, `fixtures` the fixtures folder, `scratch` a fresh folder removed on exit.
set -u
depmap=$(realpath "$1")
fixtures=$(realpath "$2")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
finish() { [ "$failures" -eq 0 ] || exit 1; exit 0; }
# The temporary folders depmap leaves in a folder (none, after any catchable signal).
temporaries() { find "$1" -maxdepth 1 -name '.*.tmp' -printf '%f\n'; }
# A CSV of `rows` points, made in a blink.
big_csv() {
    awk -v rows="$2" 'BEGIN { print "id,name,value,lon,lat";
        for (i = 0; i < rows; i++) printf "%d,site %d,%d,%.6f,%.6f\n", i, i, i * 7, 100 + (i % 1000) / 100, 40 + int(i / 1000) / 100 }' > "$1"
}
