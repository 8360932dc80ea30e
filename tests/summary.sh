#!/bin/sh
# Adds up the "<suite>: N passed, M failed" lines of every expected log and prints the closing
# line "N passed, M failed". A suite whose log is missing or has no summary line counts as one
# failure. Exit status 0 only if nothing failed.
# Usage: tests/summary.sh LOGDIR NAME...   (reads LOGDIR/NAME.log)
logs=$1
shift
total_p=0
total_f=0
echo "---- summary ----"
for name in "$@"; do
    f="$logs/$name.log"
    line=""
    [ -f "$f" ] && line=$(grep -E '^[^ ].*: [0-9]+ passed, [0-9]+ failed$' "$f" | tail -n 1)
    if [ -z "$line" ]; then
        echo "$name: no summary line (did not build or crashed): counted as 1 failed"
        total_f=$((total_f + 1))
        continue
    fi
    p=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed$/\1/')
    q=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed$/\2/')
    total_p=$((total_p + p))
    total_f=$((total_f + q))
    printf '  %s\n' "$line"
done
echo "$total_p passed, $total_f failed"
[ "$total_f" -eq 0 ]
