# Sourced by the scripts that check how depmap reads damaged and unusual inputs; each
# runs the depmap that $DEPMAP names (or its first argument) in a scratch folder.
set -euo pipefail
depmap=$(realpath "${DEPMAP:-${1:?give the depmap to test}}")
work=$(mktemp -d "${TMPDIR:-/tmp}/depmap-reads.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"

fail() { echo "FAIL: $*" >&2; exit 1; }

# expect CODE REGEX ARGS...: depmap ARGS exits with CODE and its stderr matches REGEX
# (any stderr when REGEX is empty).
expect() {
    local code=$1 pattern=$2 got=0
    shift 2
    "$depmap" "$@" >out.txt 2>err.txt || got=$?
    [[ $got == "$code" ]] || fail "depmap $*: exit $got, expected $code; stderr: $(cat err.txt)"
    [[ -z $pattern ]] || grep -Eq -- "$pattern" err.txt || fail "depmap $*: stderr does not match '$pattern': $(cat err.txt)"
}

# Eight KiB of text over a file's middle: damage that keeps its size.
overwrite_middle() {
    local size
    size=$(stat -c %s "$1")
    head -c 8192 < <(yes x) | dd of="$1" bs=1 seek=$((size / 2)) conv=notrunc status=none
}

cut_in_half() { truncate -s $(($(stat -c %s "$1") / 2)) "$1"; }
