#!/bin/bash
# A disk that fills up while depmap exports the bundled deposits to a new file, and over
# an old one with -O: exit 1, one line saying "No space left on device", the destination
# as it was (none, or the old file byte for byte, sidecars too), no temporary left.
# Run as root: it mounts a small tmpfs.    usage: full_disk_export.sh DEPMAP EXTENSION
set -u
depmap=$1 ext=$2
scratch=$(mktemp -d)
disk=$scratch/disk
mkdir "$disk" "$scratch/reference"
trap 'umount "$disk" 2>/dev/null; rm -rf "$scratch"' EXIT
fail() { echo "FAIL ($ext): $*"; exit 1; }
# A Shapefile cannot hold the longest source_url (over 254 bytes).
fields=()
[ "$ext" = shp ] && fields=(--fields site_id,name,name_zh,commodities,status,licence)
mount -t tmpfs -o size=8m depmap-full "$disk" || fail "cannot mount a tmpfs (run as root)"

# The old file, written while there is room, and a copy to compare with.
"$depmap" -q export "${fields[@]}" -o "$disk/old.$ext" || fail "the export with room failed"
cp "$disk"/old.* "$scratch/reference/"
need=$(cat "$disk"/old.* | wc -c)

# The disk filled but for half of what the export takes.
avail=$(df --output=avail -B1 "$disk" | tail -1)
fallocate -l $((avail - need / 2)) "$disk/filler" || fail "cannot fill the disk"

expect_full_disk() {
    local out code
    out=$("$depmap" -q export "${fields[@]}" "$@" 2>&1)
    code=$?
    [ "$code" = 1 ] || fail "export $*: exit $code, not 1: $out"
    grep -q "No space left on device" <<<"$out" || fail "export $*: says '$out', not 'No space left on device'"
    [ "$(wc -l <<<"$out")" = 1 ] || fail "export $*: more than one line: $out"
    local left
    left=$(ls -A "$disk" | grep -v -e '^old\.' -e '^filler$')
    [ -z "$left" ] || fail "export $*: left $left"
}

expect_full_disk -o "$disk/new.$ext"
expect_full_disk -O -o "$disk/old.$ext"
for file in "$scratch"/reference/*; do
    cmp -s "$file" "$disk/$(basename "$file")" || fail "-O changed $(basename "$file")"
done
[ "$(ls "$disk" | grep -c '^old\.')" = "$(ls "$scratch/reference" | wc -l)" ] || fail "-O added or removed a sidecar"
echo "ok ($ext)"
