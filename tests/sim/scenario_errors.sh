#!/bin/sh
# Bad scenario and sweep files: `tessera sim run` / `tessera sim sweep` must exit 2 with an error
# "FILE: KEY.PATH: reason" naming the offending key. Usage: tests/sim/scenario_errors.sh TESSERA OUTDIR
set -u
tessera=$1
out=$2
mkdir -p "$out"
pass=0
fail=0
i=0

# check EXPECTED_TEXT JSON: the error must contain "FILE: EXPECTED_TEXT".
check() {
    i=$((i + 1))
    f="$out/bad$i.json"
    printf '%s\n' "$2" > "$f"
    "$tessera" sim run "$f" --quiet > "$out/bad$i.out" 2> "$out/bad$i.err"
    rc=$?
    if [ $rc -eq 2 ] && grep -qF -- "$f: $1" "$out/bad$i.err"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL case $i: exit $rc, expected '$1', got: $(cat "$out/bad$i.err")"
    fi
}

# sweep files: the same with `sim sweep FILE --out DIR`
check_sweep() {
    i=$((i + 1))
    f="$out/badsweep$i.json"
    printf '%s\n' "$2" > "$f"
    "$tessera" sim sweep "$f" --out "$out/sweep$i" > "$out/bad$i.out" 2> "$out/bad$i.err"
    rc=$?
    if [ $rc -eq 2 ] && grep -qF -- "$f: $1" "$out/bad$i.err"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL sweep case $i: exit $rc, expected '$1', got: $(cat "$out/bad$i.err")"
    fi
}

C='"corrupt": [{"party": 2, "behaviours": ['

check 'invalid JSON at line 2' '{"n": 3,'
check 'invalid JSON' '{"n": 3, "n": 4}'
check '(root): must be an object' '[1, 2]'
check 'sed: unknown key' '{"sed": 1}'
check 'n: must be an integer' '{"n": "5"}'
check 'n: 300 is out of range' '{"n": 300}'
check 't: threshold 4 exceeds n = 3' '{"n": 3, "t": 4}'
check 't: 1 is out of range' '{"n": 3, "t": 1}'
check 'seed: must not be negative' '{"seed": -1}'
check 'suite: must be' '{"suite": "ed25519"}'
check 'keys: must be "dkg" or "dealer"' '{"keys": "trusted"}'
check 'sign: 9 is out of range' '{"sign": 9}'
check 'weak_nonces: must be true or false' '{"weak_nonces": 1}'
check 'message_hex: give "message" or "message_hex", not both' '{"message": "a", "message_hex": "00"}'
check 'message_hex: not hex' '{"message_hex": "zz"}'
check 'message_hex: hex string has an odd number' '{"message_hex": "abc"}'
check 'message_hex: at most 1023 bytes when "sign" > 1' "{\"sign\": 2, \"message_hex\": \"$(printf '%02048d' 0)\"}"
check 'message_hex: too long (1025 bytes, at most 1024)' "{\"message_hex\": \"$(printf '%02050d' 0)\"}"
check 'signers[1]: party 1 is listed twice' '{"n": 3, "t": 2, "signers": [1, 1]}'
check 'signers[1]: party 9 does not exist' '{"n": 3, "t": 2, "signers": [1, 9]}'
check 'signers: has 1 entries, expected 2..3' '{"n": 3, "t": 2, "signers": [1]}'
check 'max_sign_attempts: 0 is out of range' '{"max_sign_attempts": 0}'
check 'corrupt[0].party: party 7 does not exist' '{"corrupt": [{"party": 7, "behaviours": []}]}'
check 'corrupt[0].behaviours: missing' '{"corrupt": [{"party": 1}]}'
check 'corrupt[1].party: party 1 is listed twice' '{"corrupt": [{"party": 1, "behaviours": []}, {"party": 1, "behaviours": []}]}'
check 'corrupt[0].behaviours[0].strategy: unknown strategy '"'"'bad_shar'"'" "{$C {\"strategy\": \"bad_shar\"}]}]}"
check 'corrupt[0].behaviours[0].mutator: unknown mutator '"'"'flipbits'"'" "{$C {\"mutate\": \"frost.sigshare.z\", \"mutator\": \"flipbits\"}]}]}"
check 'corrupt[0].behaviours[0].mutate:' "{$C {\"mutate\": \"frost.sigshare.zz\", \"mutator\": \"zero\"}]}]}"
check 'corrupt[0].behaviours[0].mutator: missing' "{$C {\"mutate\": \"frost.sigshare.z\"}]}]}"
check 'corrupt[0].behaviours[0]: has both' "{$C {\"strategy\": \"crash\", \"mutate\": \"frost.sigshare.z\"}]}]}"
check 'corrupt[0].behaviours[0]: needs "strategy"' "{$C {\"to\": [1]}]}]}"
check 'corrupt[0].behaviours[0].colour: unknown key' "{$C {\"strategy\": \"crash\", \"colour\": 1}]}]}"
check 'corrupt[0].behaviours[0].to[0]: party 2 cannot target itself' "{$C {\"strategy\": \"bad_share\", \"to\": [2]}]}]}"
check 'corrupt[0].behaviours[0].to[0]: party 9 does not exist' "{$C {\"strategy\": \"bad_share\", \"to\": [9]}]}]}"
check 'corrupt[0].behaviours[0].to[0]: party 0 does not exist' "{$C {\"strategy\": \"bad_share\", \"to\": [0]}]}]}"
check 'corrupt[0].behaviours[0].strategy: coord_list is played by the coordinator' "{$C {\"strategy\": \"coord_list\"}]}]}"
check 'corrupt[0].behaviours[0].strategy: acts in the DKG but "keys" is "dealer"' "{\"keys\": \"dealer\", $C {\"strategy\": \"bad_share\"}]}]}"
check 'corrupt[0].behaviours[0].strategy: acts in signing but "sign" is 0' "{\"sign\": 0, $C {\"strategy\": \"invalid_share\"}]}]}"
check 'corrupt[0].behaviours[0].strategy: party 0 (the coordinator) takes no part in the DKG' '{"corrupt": [{"party": 0, "behaviours": [{"strategy": "crash", "protocol": "dkg"}]}]}'
check 'corrupt[0].behaviours[0].protocol: strategy bad_share acts in "dkg", not "sign"' "{$C {\"strategy\": \"bad_share\", \"protocol\": \"sign\"}]}]}"
check 'corrupt[0].behaviours[0].protocol: must be "dkg" or "sign"' "{$C {\"strategy\": \"crash\", \"protocol\": \"keygen\"}]}]}"
check 'corrupt[0].behaviours[0].round: only crash and withhold take a round' "{$C {\"strategy\": \"bad_share\", \"round\": 2}]}]}"
check 'corrupt[0].behaviours[0].round: 9 is out of range' "{$C {\"strategy\": \"crash\", \"round\": 9}]}]}"
check 'corrupt[0].behaviours[0].from: must be another party' "{$C {\"strategy\": \"transplant\", \"from\": 2}]}]}"
check 'corrupt[0].behaviours[0].value: only invalid_share' "{$C {\"strategy\": \"bad_share\", \"value\": 2}]}]}"
check 'corrupt[0].behaviours[0].mutate: only the coordinator (party 0) sends frost.request' "{$C {\"mutate\": \"frost.request.msg\", \"mutator\": \"zero\"}]}]}"
check 'corrupt[0].behaviours[0].party: swap_with needs' "{$C {\"mutate\": \"dkg.round1.pok_r\", \"mutator\": \"swap_with\"}]}]}"
check 'corrupt[0].behaviours[0].hex: hex string has an odd number' "{$C {\"mutate\": \"frost.sigshare.z\", \"mutator\": \"set\", \"hex\": \"abc\"}]}]}"
check 'corrupt[0].behaviours[0].hex: set needs' "{$C {\"mutate\": \"frost.sigshare.z\", \"mutator\": \"set\"}]}]}"
check 'corrupt[0].behaviours[0].k: only flip_bits, resize and off_curve take k' "{$C {\"mutate\": \"frost.sigshare.z\", \"mutator\": \"zero\", \"k\": 2}]}]}"
check 'corrupt[0].behaviours[0].k: resize needs k' "{$C {\"mutate\": \"dkg.round1.commitment\", \"mutator\": \"resize\"}]}]}"
check 'corrupt[0].behaviours[0].run: -1 is out of range' "{$C {\"strategy\": \"bad_share\", \"run\": -1}]}]}"
check 'faults.drop: must be a probability in 0..1' '{"faults": {"drop": 1.5}}'
check 'faults.drop: must be a number' '{"faults": {"drop": "high"}}'
check 'faults.links[0].rate: unknown key' '{"faults": {"links": [{"from": 1, "to": 2, "rate": 1}]}}'
check 'faults.links[0]: needs "from" or "to"' '{"faults": {"links": [{"drop": 1}]}}'
check 'faults.partitions[0].rounds[1]: 2 is out of range (3..5)' '{"faults": {"partitions": [{"rounds": [3, 2], "side": [1]}]}}'
check 'faults.partitions[0].side: missing' '{"faults": {"partitions": [{"rounds": [2]}]}}'
check 'expect.outcome: must be "success" or "abort"' '{"expect": {"outcome": "ok"}}'
check 'expect.blamed[0].check: unknown check '"'"'FELDMANN'"'" '{"expect": {"blamed": [{"party": 1, "check": "FELDMANN"}]}}'
check 'expect.blamed[0].check: MISSING marks a party unresponsive' '{"expect": {"blamed": [{"party": 1, "check": "MISSING"}]}}'
check 'expect.violations[0]: unknown property '"'"'safety'"'" '{"expect": {"violations": ["safety"]}}'
check 'expect.unresponsive[0]: party 4 does not exist' '{"expect": {"unresponsive": [4]}}'

# a missing file and a bad command line
i=$((i + 1))
"$tessera" sim run "$out/does-not-exist.json" > /dev/null 2> "$out/bad$i.err"
rc=$?
if [ $rc -eq 2 ] && grep -qF "does-not-exist.json: cannot open: no such file" "$out/bad$i.err"; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL missing file: exit $rc: $(cat "$out/bad$i.err")"; fi
i=$((i + 1))
"$tessera" sim run > /dev/null 2> "$out/bad$i.err"
rc=$?
if [ $rc -eq 2 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL no argument: exit $rc"; fi
i=$((i + 1))
printf '{}\n' > "$out/ok.json"
"$tessera" sim run "$out/ok.json" --seed x1 > /dev/null 2> "$out/bad$i.err"
rc=$?
if [ $rc -eq 2 ] && grep -qF -- "--seed needs a decimal number" "$out/bad$i.err"; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL bad --seed: exit $rc: $(cat "$out/bad$i.err")"; fi

check_sweep 'grid: missing' '{"base": {}}'
check_sweep 'base.corrupt: not allowed in a sweep'"'"'s base' '{"base": {"corrupt": []}, "grid": {}}'
check_sweep 'grid.t_frac: give "t" or "t_frac", not both' '{"grid": {"t": [2], "t_frac": 0.5}}'
check_sweep 'grid.strategies[1]: unknown strategy '"'"'bad'"'" '{"grid": {"strategies": ["none", "bad"]}}'
check_sweep 'grid.strategies[0].mutator: unknown mutator' '{"grid": {"strategies": [{"mutate": "frost.sigshare.z", "mutator": "nope"}]}}'
check_sweep 'grid.faults: entry 1 must be a drop rate' '{"grid": {"faults": [0, 2]}}'
check_sweep 'base.n: must be an integer in 2..256' '{"base": {"n": 1}, "grid": {"n": [3]}}'

echo "scenario errors: $pass passed, $fail failed"
[ $fail -eq 0 ]
