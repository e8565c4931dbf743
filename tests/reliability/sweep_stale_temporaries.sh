#!/bin/bash
# A write into a folder removes the temporary folders a killed depmap left there (their
# process is gone), and keeps those of a live process and any not named as depmap's.
. "$(dirname "$0")/destination_common.sh"
cd "$scratch"
dead=.out.csv.4194304.0123abcd.tmp  # Linux's process ids stay under 2^22
live=.out.csv.$$.89abcdef.tmp       # this shell's
mkdir $dead $live .other.tmp
echo partial > $dead/out.csv
"$depmap" export "$fixtures/sample.csv" -o new.csv || fail "the export failed"
[ ! -e $dead ] || fail "the dead process's temporary was kept"
[ -d $live ] || fail "a live process's temporary was removed"
[ -d .other.tmp ] || fail "a folder not named as depmap's was removed"
# SIGKILL cannot be caught: what it leaves, the next write sweeps.
(strace -f -o /dev/null -e trace=rename,renameat,renameat2 -e inject=rename,renameat,renameat2:signal=KILL:when=1 \
    "$depmap" export "$fixtures/sample.csv" -o killed.csv) 2> /dev/null
[ -n "$(temporaries . | grep killed)" ] || fail "the killed export left no temporary to sweep"
"$depmap" export "$fixtures/sample.csv" -o after.csv || fail "the export after the kill failed"
[ -z "$(temporaries . | grep killed)" ] || fail "the killed export's temporary was not swept"
finish
