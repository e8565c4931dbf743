# An existing table is kept without -O (exit 1, one line), replaced with -O, added to with
# --append.
source "$(dirname "$0")/common.sh"
t=$(table deposits)
"$DEPMAP" export -o "$PG" --output-layer "$t" -q
n=$(sql "SELECT count(*) FROM $t")
status=0
"$DEPMAP" export --commodity Coal -o "$PG" --output-layer "$t" 2>err.txt || status=$?
[ "$status" = 1 ] || fail "exit $status without -O"
[ "$(wc -l <err.txt)" = 1 ] && grep -q "already has a table '$t'; pass -O/--overwrite" err.txt || fail "$(cat err.txt)"
[ "$(sql "SELECT count(*) FROM $t")" = "$n" ] || fail "the table changed without -O"
"$DEPMAP" export --commodity Coal -o "$PG" --output-layer "$t" -O -q
coal=$(sql "SELECT count(*) FROM $t")
[ "$coal" -lt "$n" ] && [ "$coal" -gt 0 ] || fail "-O did not replace it ($coal of $n)"
"$DEPMAP" export --commodity Coal -o "$PG" --output-layer "$t" --append -q
[ "$(sql "SELECT count(*) FROM $t")" = $((2 * coal)) ] || fail "--append did not add the rows"
echo ok
