#!/bin/bash
# SIGKILL, SIGTERM and SIGINT at seeded pseudo-random moments of a large export ($POINTS_CSV)
# to one format, each over no file or with -O over an old output: the destination is then
# absent or the old output byte for byte, never part of a new one, and a catchable signal
# leaves no temporary behind. The moments: while reading (before the staged output appears),
# while writing it, and near the end (the checks, the renames). The seed is printed;
# RELIABILITY_SEED=N repeats the same moments.
# Usage: kill_during_export.sh EXTENSION
source "$(dirname "$0")/lib.sh"
ext=$1
seed=${RELIABILITY_SEED:-$(cksum <<< "$ext" | cut -d' ' -f1)}
echo "seed $seed (RELIABILITY_SEED=$seed repeats this run)"
RANDOM=$seed
failures=0
problem() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
sleep_ms() { sleep "$(printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)))"; }

out="$WORK/out" old_output="$WORK/old" whole="$WORK/whole"
mkdir -p "$out" "$old_output" "$whole"
/usr/bin/python3 "$(dirname "$0")/gen_points.py" "$WORK/old.csv" 1000
"$DEPMAP" export "$WORK/old.csv" -o "$old_output/out.$ext" > /dev/null 2>&1 || fail "cannot write the old output"
checksum_inputs "$WORK/sums" "$POINTS_CSV" "$WORK/old.csv"
# Every entry of the folder that is not a file of the old or of a whole new output is a
# temporary.
"$DEPMAP" export "$WORK/old.csv" -o "$whole/out.$ext" > /dev/null 2>&1 || fail "cannot write a whole output"
output_names=$( (entries "$old_output"; entries "$whole") | LC_ALL=C sort -u)
temporaries() { entries "$1" | LC_ALL=C comm -23 - <(echo "$output_names"); }

# Waits until the export $1 writing into folder $2 has staged its output there (the folder
# has one entry more), or has ended. Globs, not commands, so as not to slow it down.
wait_for_stage() {
    shopt -s nullglob dotglob
    local before=("$2"/*) now=()
    while kill -0 "$1" 2> /dev/null; do
        now=("$2"/*)
        ((${#now[@]} > ${#before[@]})) && break
        sleep 0.01
    done
    shopt -u nullglob dotglob
}

# The phases of a whole export: reading until the stage appears, writing until the end.
mkdir "$WORK/timed"
start=$(now_ms)
"$DEPMAP" export "$POINTS_CSV" -o "$WORK/timed/out.$ext" > /dev/null 2>&1 &
wait_for_stage $! "$WORK/timed"
read_ms=$(($(now_ms) - start))
wait $! || fail "the export of $POINTS_CSV failed"
write_ms=$(($(now_ms) - start - read_ms))
echo "reading takes $read_ms ms, writing $write_ms ms"

# name and sha256 of every file in $1 a reader of the output would see.
snapshot() { (cd "$1" && find . -maxdepth 1 -type f ! -name '.*' -printf '%P\n' | LC_ALL=C sort | xargs -r sha256sum); }
old=$(snapshot "$old_output")
whole_new() {
    [[ $(snapshot "$out") == "$(snapshot "$WORK/timed")" ||
       $("$DEPMAP" info "$out/out.$ext" -f json 2> /dev/null) == *'"count": '"$POINTS_COUNT",* ]]
}

run=0
for signal in KILL TERM INT; do
    for moment in reading writing end; do
        # Half the runs write over an old output with -O, half write a new file.
        find "$out" -maxdepth 1 -type f ! -name '.*' -delete
        if ((run++ % 2)); then
            cp "$old_output"/* "$out"/
            mode="-O over an old output" expected=$old overwrite=-O
        else
            mode="a new file" expected="" overwrite=
        fi
        before=$(temporaries "$out")
        env --default-signal=INT "$DEPMAP" export "$POINTS_CSV" -o "$out/out.$ext" $overwrite \
            > /dev/null 2> "$WORK/stderr" &
        pid=$!
        case $moment in
            reading) delay_ms=$((read_ms * (RANDOM % 90) / 100)) ;;
            writing) wait_for_stage $pid "$out"; delay_ms=$((write_ms * (RANDOM % 70) / 100)) ;;
            end) wait_for_stage $pid "$out"; delay_ms=$((write_ms * (70 + RANDOM % 35) / 100)) ;;
        esac
        sleep_ms $delay_ms
        kill -s "$signal" "$pid" 2> /dev/null || true
        status=0
        wait "$pid" 2> /dev/null || status=$?
        what="SIG$signal $delay_ms ms into $moment (as timed), writing $mode"
        echo "$what: exit $status"

        if [[ $(snapshot "$out") != "$expected" ]]; then
            # The signal came after the new output was in place: it must be whole.
            whole_new || problem "$what left a partial output: $(entries "$out" | tr '\n' ' ')"
        fi
        # TERM and INT: depmap must remove its temporaries before it dies.
        if [[ $signal != KILL ]]; then
            left=$(LC_ALL=C comm -13 <(echo "$before") <(temporaries "$out") | tr '\n' ' ')
            [[ -z $left ]] || problem "$what left temporaries: $left"
        fi
    done
done

# SWEEP (passes once an export removes what a killed one left): the next export to the same
# destination leaves nothing but its output.
"$DEPMAP" export "$WORK/old.csv" -o "$out/out.$ext" -O > /dev/null 2>&1 || problem "the export after the kills failed"
left=$(temporaries "$out" | tr '\n' ' ')
[[ -z $left ]] || problem "SWEEP: the next export left what killed ones wrote: $left"

inputs_unchanged "$WORK/sums"
((failures == 0)) || fail "$failures of the checks above"
