#!/bin/sh
# `make proofs`: Frama-C WP (-wp-rte) over every ref/src/*.c and the ct.h harness, one Frama-C run
# per file; writes the reports to OUTDIR and diffs the not-proved properties against
# proofs/baseline.csv. The last line is "proofs: P passed, F failed" (see proofs/README.md).
# Usage: proofs/run.sh OUTDIR [--update-baseline]
# Environment: PROOFS_TIMEOUT (per goal and prover, seconds, default 5), PROOFS_PAR (prover
# processes per file, default 1), PROOFS_JOBS (files at a time, default 2), PROOFS_UNIT_LIMIT
# (wall-clock seconds per file, default 900), PROOFS_FILES (subset of ref/src/*.c).
set -u
cd "$(dirname "$0")/.." || exit 1

out=${1:-}
if [ -z "$out" ]; then
    echo "usage: proofs/run.sh OUTDIR [--update-baseline]"
    echo "proofs: 0 passed, 1 failed"
    exit 2
fi
shift
update=""
for a in "$@"; do
    case "$a" in
    --update-baseline) update="--update-baseline" ;;
    *) echo "unknown option $a"; echo "proofs: 0 passed, 1 failed"; exit 2 ;;
    esac
done

PYTHON=/usr/bin/python3

fail_setup() {
    echo "proofs: $1"
    echo "proofs: 0 passed, 1 failed"
    exit 1
}

# ---- tools -------------------------------------------------------------------------------------
for tool in frama-c why3 z3 cvc4; do
    command -v "$tool" >/dev/null 2>&1 ||
        fail_setup "$tool not found; install with: sudo apt-get install -y frama-c-base why3 z3 cvc4 (or make deps)"
done
[ -x "$PYTHON" ] || fail_setup "$PYTHON not found; install with: sudo apt-get install -y python3"
conf=${WHY3CONFIG:-$HOME/.why3.conf}
if ! grep -qs 'name = "Z3"' "$conf" || ! grep -qs 'name = "CVC4"' "$conf"; then
    fail_setup "Why3 has not detected Z3 and CVC4 ($conf); run: why3 config detect"
fi

mkdir -p "$out" || fail_setup "cannot create $out"
rm -f "$out"/*.csv "$out"/*.log "$out"/*.rc "$out"/units.txt

# ---- units: one Frama-C run per file -----------------------------------------------------------
# The ct.h helpers are static inline: proofs/ct_harness.c calls each one so that they are proved
# once, in their own unit (with the bit facts of proofs/ct_bits.h, themselves proved as
# bit-vector lemmas by proofs/ct_bits.mlw); every other unit skips the helpers it uses (their
# contracts are then assumed there).
files=${PROOFS_FILES:-$(ls -S ref/src/*.c)} # biggest first: better packing of parallel jobs
: > "$out/units.txt"
for f in $files; do
    printf '%s\t%s\n' "$(basename "$f" .c)" "$f" >> "$out/units.txt"
done
printf 'ct_h\tref/src/ct.h,proofs/ct_harness.c\n' >> "$out/units.txt"
printf 'ct_bits\tproofs/ct_bits.mlw\n' >> "$out/units.txt"

# PROOFS_JOBS units at a time (default 2), each with PROOFS_PAR prover processes (default 1):
# WP's simplifier runs inside the single-threaded frama-c process, so two files in parallel keep
# both cores busy. Prover time limits are wall-clock: keep jobs * par near the core count, or
# goals close to the limit may time out.
start=$(date +%s)
tr '\t' ' ' < "$out/units.txt" | xargs -P "${PROOFS_JOBS:-2}" -n 2 proofs/unit.sh "$out"
end=$(date +%s)
echo "proofs: Frama-C took $((end - start)) s"

"$PYTHON" proofs/report.py "$out" proofs/baseline.csv $update
