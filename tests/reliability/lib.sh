# Shared by the reliability scripts: source it first. The scripts run as root, from ctest,
# with DEPMAP (the binary), SOURCE_DIR, BUILD_DIR, POINTS_CSV and POINTS_COUNT (its rows) in
# the environment.
set -euo pipefail

: "${DEPMAP:?the depmap binary}" "${SOURCE_DIR:?the source tree}"
DATA_DIR="$SOURCE_DIR/data"
FIXTURES_DIR="$SOURCE_DIR/tests/fixtures"

fail() { echo "FAIL: $*" >&2; exit 1; }

# A fresh folder in $WORK, removed on exit; commands given to on_exit run first (in reverse
# order: an unmount before the removal of its mount point).
WORK=$(mktemp -d "${TMPDIR:-/tmp}/depmap-reliability.XXXXXX")
exit_commands=("rm -rf '$WORK'")
on_exit() { exit_commands=("$*" "${exit_commands[@]}"); }
run_exit_commands() { local c; for c in "${exit_commands[@]}"; do eval "$c" || true; done; }
trap run_exit_commands EXIT

# checksum_inputs SUMS FILE...: record; inputs_unchanged SUMS: fail naming what changed.
checksum_inputs() { local sums=$1; shift; sha256sum -- "$@" > "$sums"; }
inputs_unchanged() { sha256sum --quiet -c "$1" >&2 || fail "an input changed (above)"; }

# The entries of a folder, one a line, hidden ones included, sorted.
entries() { (cd "$1" && find . -mindepth 1 -maxdepth 1 -printf '%P\n' | LC_ALL=C sort); }

# Runs depmap, expecting exit code $1 and, when exit is not 0, exactly one line on stderr.
expect_exit() {
    local want=$1; shift
    local status=0
    "$DEPMAP" "$@" > "$WORK/stdout" 2> "$WORK/stderr" || status=$?
    [[ $status == "$want" ]] || fail "depmap $* exited $status, not $want: $(cat "$WORK/stderr")"
    if [[ $want != 0 ]]; then
        [[ $(wc -l < "$WORK/stderr") == 1 ]] || fail "depmap $* printed not one line: $(cat "$WORK/stderr")"
    fi
}

# The output extensions depmap writes.
EXTENSIONS=(geojson geojsonl geojsons kml csv json gpkg shp fgb)
# And those depmap writes but does not read: the HTML map.
OUTPUT_EXTENSIONS=("${EXTENSIONS[@]}" html)

# mount_read_only DIR: makes DIR a small read-only tmpfs holding what DIR held, unmounted on
# exit. Root writes through file permissions, so only a read-only mount stops it. Exits 77
# (ctest: skipped) where mounting is not allowed.
mount_read_only() {
    local dir=$1 held="$WORK/.held.$RANDOM"
    mv "$dir" "$held" && mkdir "$dir"
    mount -t tmpfs -o size=64m tmpfs "$dir" 2> /dev/null || { echo "SKIP: cannot mount a tmpfs here"; exit 77; }
    on_exit "umount '$dir'"
    cp -a "$held/." "$dir/"
    mount -o remount,ro "$dir"
}
