#!/bin/bash
# table_has_tests itself: it passes a complete table and fails each kind of gap.
source "$(dirname "$0")/lib.sh"
check="$(dirname "$0")/table_has_tests.sh"
build=$1

table() {  # table NAME LAST-CELL [SECOND-SECTION-ROW]
    printf '# T\n\n## One\n| case | expected | tests |\n| --- | --- | --- |\n| a | b | %s |\n\n## Two\n| case | expected | tests |\n| --- | --- | --- |\n%s\n' \
        "$2" "${3-| c | d | \`reliability.table_has_tests\` |}" > "$WORK/$1.md"
}
table good '`reliability.table_has_*`, `reliability.setup.points`'
table no_test 'none yet'
table unknown '`reliability.table_has_tests`, `reliability.no_such_test`'
table empty_section '`reliability.table_has_tests`' ''

bash "$check" "$build" "$WORK/good.md" || fail "a complete table was refused"
for gap in no_test unknown empty_section; do
    if bash "$check" "$build" "$WORK/$gap.md" 2> "$WORK/stderr"; then fail "the $gap table passed"; fi
    echo "$gap: $(cat "$WORK/stderr")"
done
