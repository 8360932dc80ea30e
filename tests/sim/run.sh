#!/bin/sh
# Simulator scenarios for `make check`: every sim/scenarios/*.json must run to its expected outcome
# with every oracle property as expected (exit 0), its transcript must equal the golden file
# sim/scenarios/golden/NAME.txt byte for byte, and a second run must give a byte-identical
# transcript, JSON report (--no-timing) and SVG. Then randomized adversarial runs.
# Usage: tests/sim/run.sh TESSERA OUTDIR   (UPDATE_GOLDEN=1 rewrites the golden files)
# Environment: SIM_RANDOM_RUNS (default 600).
set -u
tessera=$1
out=$2
mkdir -p "$out" sim/scenarios/golden
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

for f in sim/scenarios/*.json; do
    name=$(basename "$f" .json)
    a="$out/$name.a"
    b="$out/$name.b"
    timeout 300 "$tessera" sim run "$f" --no-timing --quiet --transcript "$a.txt" --report "$a.json" --svg "$a.svg" \
        > "$a.out" 2>&1
    rc=$?
    if [ $rc -eq 0 ]; then ok; else bad "$name: exit $rc"; sed 's/^/    /' "$a.out" | tail -n 8; fi
    timeout 300 "$tessera" sim run "$f" --no-timing --quiet --transcript "$b.txt" --report "$b.json" --svg "$b.svg" \
        > "$b.out" 2>&1
    if cmp -s "$a.txt" "$b.txt" && cmp -s "$a.json" "$b.json" && cmp -s "$a.svg" "$b.svg"; then ok; else
        bad "$name: two runs of one seed differ"; fi
    g="sim/scenarios/golden/$name.txt"
    if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then cp "$a.txt" "$g"; fi
    if [ -f "$g" ] && cmp -s "$a.txt" "$g"; then ok; else
        bad "$name: transcript differs from $g"; [ -f "$g" ] && diff "$g" "$a.txt" | head -n 10; fi
done

# Bad scenario and sweep files: exit 2 and an error naming the key.
if tests/sim/scenario_errors.sh "$tessera" "$out/errors" > "$out/errors.log" 2>&1; then ok; else
    bad "scenario errors (see $out/errors.log)"; tail -n 5 "$out/errors.log"; fi
tail -n 1 "$out/errors.log"

# A small sweep: the CSV has one line per run, both plots are well-formed SVG.
rm -rf "$out/sweep"
if "$tessera" sim sweep sim/sweeps/check.json --out "$out/sweep" > "$out/sweep.log" 2>&1 &&
    [ "$(wc -l < "$out/sweep/sweep.csv")" -eq 25 ] &&
    /usr/bin/python3 -c 'import sys, xml.dom.minidom as m; [m.parse(f) for f in sys.argv[1:]]' \
        "$out/sweep/cost.svg" "$out/sweep/outcomes.svg"; then ok; else bad "sweep (see $out/sweep.log)"; fi

runs=${SIM_RANDOM_RUNS:-600}
timeout 1200 "$tessera" sim random --runs "$runs" --seed 20261124 > "$out/random.log" 2>&1
rc=$?
tail -n 3 "$out/random.log"
if [ $rc -eq 0 ]; then ok; else bad "random runs: exit $rc (see $out/random.log)"; fi

echo "sim: $pass passed, $fail failed"
[ $fail -eq 0 ]
