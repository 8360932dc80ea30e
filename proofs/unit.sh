#!/bin/sh
# One unit of `make proofs` (called by proofs/run.sh, several at a time): runs Frama-C WP on one
# ref/src file (or why3 on the bit-vector lemmas), writing OUTDIR/NAME.{log,csv,rc}.
# Usage: proofs/unit.sh OUTDIR NAME OWNED-SOURCES
set -u
out=$1 name=$2 owned=$3
PYTHON=/usr/bin/python3
TIMEOUT=${PROOFS_TIMEOUT:-5}
PAR=${PROOFS_PAR:-1}
UNIT_LIMIT=${PROOFS_UNIT_LIMIT:-900}
# -warn-signed-downcast: a conversion to a signed type that does not fit is an RTE goal too.
FC_OPTS="-wp -wp-rte -warn-signed-downcast -wp-prover z3,cvc4 -wp-timeout $TIMEOUT -wp-par $PAR"
CPP="-Iproofs/include -Iref/include -Iref/src"
# Opt-in WP cache (PROOFS_CACHE=DIR): results are keyed by a digest of each goal, so only goals
# whose code or contracts changed are re-proved. Off by default: a plain run proves everything.
if [ -n "${PROOFS_CACHE:-}" ]; then
    mkdir -p "$PROOFS_CACHE"
    FC_OPTS="$FC_OPTS -wp-cache update -wp-cache-dir $(cd "$PROOFS_CACHE" && pwd)"
fi

t0=$(date +%s)
case "$name" in
ct_bits)
    timeout "$UNIT_LIMIT" why3 prove -P z3 -t 10 "$owned" > "$out/$name.log" 2>&1
    rc=$? ;;
*)
    if [ "$name" = ct_h ]; then
        srcs=proofs/ct_harness.c
        skip=""
    else
        srcs=$owned
        used=$("$PYTHON" proofs/report.py --ct-used ref/src/ct.h "$owned")
        skip=${used:+-wp-skip-fct $used}
    fi
    # shellcheck disable=SC2086
    timeout "$UNIT_LIMIT" frama-c $FC_OPTS $skip -cpp-extra-args="$CPP" $srcs \
        -then -report-csv "$out/$name.csv" > "$out/$name.log" 2>&1
    rc=$? ;;
esac
echo "$rc" > "$out/$name.rc"
t1=$(date +%s)
echo "proofs: $owned: exit $rc, $((t1 - t0)) s"
