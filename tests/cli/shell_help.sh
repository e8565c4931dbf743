#!/bin/bash
# The installed completions and man page: bash completes commands, a command's options and
# the bundled layer names; the man page renders with no groff warning.
#   shell_help.sh STAGE_PREFIX
set -euo pipefail
stage=$1
fail() { echo "FAIL: $*" >&2; exit 1; }
completion=$stage/share/bash-completion/completions/depmap
page=$stage/share/man/man1/depmap.1
[[ -s $completion ]] || fail "no bash completion at $completion"
[[ -s $stage/share/zsh/vendor-completions/_depmap ]] || fail "no zsh completion"
[[ -s $page ]] || fail "no man page at $page"

cd "$(mktemp -d)"  # no file of the working folder is offered beside the names
source "$completion"
complete_line() {  # the words of a command line, the last being completed
    COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
    _depmap
    printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' '
}
expect() {
    local want=$1; shift
    local got; got=$(complete_line "$@")
    [[ $got == "$want" ]] || fail "'$*<TAB>' gave '$got', not '$want'"
}
expect "near nearest " depmap ne
expect "places plants " depmap near --layer pl
expect "geojson " depmap near Baotou -f g
expect "csv json table " depmap distance -f ""
expect "--radius " depmap near --ra
expect "Baokang Baotou " depmap near Bao
expect "hull " depmap cluster --shape h

warnings=$(groff -man -ww -Tutf8 "$page" 2>&1 >/dev/null)
[[ -z $warnings ]] || fail "groff warns: $warnings"
text=$(groff -man -Tutf8 -P-cbou "$page")
for command in info near nearest cluster export; do
    grep -q "^DEPMAP $command\$" <<<"$text" || fail "the man page has no section for $command"
done
grep -q "depmap near Baotou --radius 150km" <<<"$text" || fail "the man page lacks the examples"
echo "ok"
