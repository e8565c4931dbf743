#!/bin/bash
# SIGTERM, SIGINT and SIGHUP during a large export end depmap with that signal and
# leave no temporary folder, no lock and no output.
. "$(dirname "$0")/destination_common.sh"
cd "$scratch"
big_csv big.csv 300000
for signal in TERM INT HUP; do
    mkdir $signal && cd $signal
    # A shell's background job ignores SIGINT; depmap gets it as from a terminal.
    env --default-signal=INT "$depmap" export ../big.csv -o out.gpkg 2> /dev/null &
    pid=$!
    for i in $(seq 2000); do
        [ -n "$(temporaries .)" ] && break
        sleep 0.01
    done
    [ -n "$(temporaries .)" ] || fail "$signal: no temporary folder seen before the export ended"
    kill -$signal $pid
    wait $pid 2> /dev/null
    status=$?
    [ $status = $((128 + $(kill -l $signal))) ] || fail "$signal: exit status $status"
    [ -z "$(temporaries .)" ] || fail "$signal: temporaries left: $(temporaries .)"
    [ -z "$(find . -name '*depmap-lock')" ] || fail "$signal: the lock file was left"
    [ ! -e out.gpkg ] || fail "$signal: an output appeared"
    cd ..
done
finish
