#!/bin/sh
# Command-line tests: the seeded demo against its golden transcript (byte for byte), the tool's
# error handling, and the participant mode: vectors check on the RFC 9591 and ZF TR files (and a
# corrupted copy), full 2-of-3 FROST ceremonies and DKGs through the CLI in both suites, state
# files (0600, refused twice), culprits, and strict JSON errors that name the key.
# Usage: tests/cli/run.sh TESSERA_BINARY
set -u
bin=${1:?tessera binary}
case "$bin" in /*) ;; *) bin=$(pwd)/$bin ;; esac
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "PASS: $*"; }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tessera-cli.XXXXXX") || { echo "cli: 0 passed, 1 failed"; exit 1; }
trap 'rm -rf "$tmp"' EXIT INT TERM

# run NAME WANT_RC CMD...: runs CMD with stdout in $tmp/out and stderr in $tmp/err; checks the exit status.
# (helpers use _-prefixed variables: sh has no locals)
run() {
    _name=$1; _want=$2; shift 2
    "$@" > "$tmp/out" 2> "$tmp/err"; _rc=$?
    if [ "$_rc" -eq "$_want" ]; then ok "$_name (exit $_rc)"; return 0; fi
    bad "$_name: exit $_rc, expected $_want"; sed 's/^/    stderr: /' "$tmp/err" | head -5; return 1
}
# has NAME FILE TEXT: FILE contains TEXT (fixed string).
has() { if grep -qF -- "$3" "$2"; then ok "$1"; else bad "$1: '$3' not in $(basename "$2")"; sed 's/^/    /' "$2" | head -8; fi; }
hasnt() { if grep -qF -- "$3" "$2"; then bad "$1: '$3' found in $(basename "$2")"; else ok "$1"; fi; }
mode_is() { _m=$(stat -c %a "$2" 2>/dev/null); [ "$_m" = "$3" ] && ok "$1 (mode $_m)" || bad "$1: mode '$_m', expected $3"; }
gone() { [ ! -e "$2" ] && ok "$1" || bad "$1: $2 still exists"; }
# hexval FILE KEY: the first "KEY": "hex" value of a JSON file.
hexval() { sed -n "s/.*\"$2\": \"\\([0-9a-f]*\\)\".*/\\1/p" "$1" | head -n 1; }
# jarray OUT FILE...: a JSON array of the objects in FILE...
jarray() { _o=$1; shift; { echo '['; _sep=''; for _f in "$@"; do printf '%s' "$_sep"; cat "$_f"; _sep=','; done; echo ']'; } > "$_o"; }

# ---- the demo and the tool ------------------------------------------------------------------
out=$("$bin" demo --seed 1); rc=$?
[ $rc -eq 0 ] && ok "demo --seed 1" || bad "demo --seed 1 exit $rc"
if printf '%s\n' "$out" | cmp -s - "$here/demo-seed1.exp"; then ok "demo --seed 1 matches tests/cli/demo-seed1.exp"
else bad "demo --seed 1 differs from tests/cli/demo-seed1.exp:"; printf '%s\n' "$out" | diff "$here/demo-seed1.exp" - | head -20; fi
"$bin" demo > /dev/null; rc=$?
[ $rc -eq 0 ] && ok "demo with OS randomness" || bad "demo with OS randomness exit $rc"
"$bin" demo --seed x > /dev/null 2>&1; [ $? -eq 2 ] && ok "demo --seed x exits 2" || bad "demo --seed x must exit 2"
msg=$("$bin" demo --seed x 2>&1); case "$msg" in *"--seed needs a number"*) ok "bad seed gives its reason";; *) bad "no reason for a bad seed";; esac
"$bin" frobnicate > /dev/null 2>&1; [ $? -eq 2 ] && ok "unknown command exits 2" || bad "unknown command must exit 2"
"$bin" help | grep -q '^usage: tessera' && ok "help prints usage" || bad "help prints usage"
[ "$("$bin" checks | wc -l)" -ge 36 ] && ok "checks lists every check id" || bad "checks lists every check id"
"$bin" version | grep -q '^tessera [0-9]' && ok "version" || bad "version"

# ---- --help documents every subcommand and its fields ---------------------------------------
for sub in "frost keygen:participant_share" "frost keygen:0600" "frost commit:hiding_nonce_commitment" \
           "frost commit:O_EXCL" "frost sign:sig_share" "frost sign:binding_nonce_commitment" \
           "frost aggregate:culprits" "frost aggregate:verifying_share" "frost verify:valid" \
           "dkg round1:proof_of_knowledge" "dkg round2:eq_hash" "dkg round2:recipient" \
           "dkg round3:certificate_signature" "dkg round4:openings" "dkg round5:false complaint" \
           "dkg finalize:participant_share" "dkg verify:blames" "vectors check:binding_factor_input"; do
    cmd=${sub%%:*}; word=${sub#*:}
    # shellcheck disable=SC2086
    "$bin" $cmd --help > "$tmp/help" 2>&1; rc=$?
    [ $rc -eq 0 ] && grep -qF -- "$word" "$tmp/help" && ok "$cmd --help documents '$word'" \
        || bad "$cmd --help (exit $rc) does not document '$word'"
done
run "frost without a subcommand exits 2" 2 "$bin" frost
run "frost unknown subcommand exits 2" 2 "$bin" frost frobnicate
run "frost sign: unknown option exits 2" 2 "$bin" frost sign --frobnicate
has "unknown option is named" "$tmp/err" "--frobnicate"

# ---- vectors check ----------------------------------------------------------------------------
rfc=$top/vectors/external/rfc9591/rfc9591-frost-secp256k1-sha256.json
zftr=$top/vectors/external/zcash-frost/frost-secp256k1-tr-vectors.json
run "vectors check RFC 9591 (secp256k1)" 0 "$bin" vectors check --suite secp256k1 "$rfc"
has "RFC 9591 file: no failed value" "$tmp/out" " 0 failed"
run "vectors check ZF TR (secp256k1-tr)" 0 "$bin" vectors check --suite secp256k1-tr "$zftr"
has "ZF TR file: no failed value" "$tmp/out" " 0 failed"
run "vectors check both files, suite auto-detected" 0 "$bin" vectors check "$rfc" "$zftr"
tail -n 1 "$tmp/out" | grep -qE '^[1-9][0-9]* passed, 0 failed$' && ok "vectors: total line 'N passed, 0 failed'" \
    || bad "vectors: last line is '$(tail -n 1 "$tmp/out")'"
run "vectors check: suite mismatch rejected" 2 "$bin" vectors check --suite secp256k1-tr "$rfc"
has "suite mismatch explained" "$tmp/err" "but --suite says secp256k1-tr"
sed 's/03c699af97d26bb4d3f05232ec5e1938c12f1e6ae97643c8f8f11c9820303f1904/03c699af97d26bb4d3f05232ec5e1938c12f1e6ae97643c8f8f11c9820303f1905/' \
    "$rfc" > "$tmp/corrupt1.json"
run "vectors check: corrupted commitment fails" 1 "$bin" vectors check "$tmp/corrupt1.json"
has "corrupted commitment is named" "$tmp/out" "round_one_outputs.outputs[0].hiding_nonce_commitment: recomputed value differs"
has "corrupted commitment: one failed value" "$tmp/out" "passed, 1 failed"
sed 's/"sig": "0c776a95/"sig": "0c776a96/' "$zftr" > "$tmp/corrupt2.json"
run "vectors check: corrupted TR signature fails" 1 "$bin" vectors check "$tmp/corrupt2.json"
has "corrupted signature is named" "$tmp/out" "final_output.sig: recomputed value differs"
has "corrupted signature does not verify" "$tmp/out" "final_output.sig (verify)"
sed 's/"binding_factor": "3e08/"binding_factor": "3e09/' "$rfc" > "$tmp/corrupt3.json"
run "vectors check: corrupted binding factor fails" 1 "$bin" vectors check "$tmp/corrupt3.json"
has "corrupted binding factor is named" "$tmp/out" "round_one_outputs.outputs[0].binding_factor: recomputed"
grep -v '"message"' "$rfc" > "$tmp/corrupt4.json"
run "vectors check: missing input key is malformed" 2 "$bin" vectors check "$tmp/corrupt4.json"
has "missing input key is named" "$tmp/err" "missing key 'inputs.message'"
for f in frost-secp256k1-vectors_dkg.json frost-secp256k1-tr-vectors_dkg.json; do
    run "vectors check ZF DKG $f" 0 "$bin" vectors check "$top/vectors/external/zcash-frost/$f"
done
sed 's/"signing_share": "87cee034/"signing_share": "87cee035/' "$top/vectors/external/zcash-frost/frost-secp256k1-vectors_dkg.json" \
    > "$tmp/corrupt5.json"
run "vectors check: corrupted DKG signing share fails" 1 "$bin" vectors check "$tmp/corrupt5.json"
has "corrupted DKG signing share is named" "$tmp/out" "inputs.1.signing_share: recomputed value differs"
own=$(ls "$top"/vectors/frost/*of*.json 2>/dev/null)
if [ -n "$own" ]; then
    # shellcheck disable=SC2086
    run "vectors check: Tessera's own vectors/frost files" 0 "$bin" vectors check $own
fi

# ---- FROST: a 2-of-3 trusted-dealer ceremony through the CLI, both suites -----------------------
frost_ceremony() {
    suite=$1; d=$tmp/frost-$suite; mkdir -p "$d"; m=74657374
    run "[$suite] keygen --dealer -t 2 -n 3 --out-dir" 0 "$bin" frost keygen --dealer -t 2 -n 3 --suite "$suite" --out-dir "$d/keys"
    hasnt "[$suite] keygen --out-dir prints no secret" "$tmp/out" "participant_share"
    mode_is "[$suite] key file" "$d/keys/key-1.json" 600
    hasnt "[$suite] group.json holds no secret" "$d/keys/group.json" "participant_share"
    run "[$suite] keygen --out FILE" 0 "$bin" frost keygen --dealer -t 2 -n 3 --suite "$suite" --out "$d/dealer.json"
    mode_is "[$suite] dealer output file" "$d/dealer.json" 600
    run "[$suite] keygen --out refuses to overwrite" 2 "$bin" frost keygen --dealer -t 2 -n 3 --suite "$suite" --out "$d/dealer.json"
    run "[$suite] a dealer output is refused as a group file" 2 "$bin" frost verify --group "$d/dealer.json" --message 00 --sig 00
    has "[$suite] ... because it holds secrets" "$tmp/err" "holds a participant_share"
    for i in 1 3; do
        run "[$suite] commit (signer $i)" 0 "$bin" frost commit --key "$d/keys/key-$i.json" --state "$d/state-$i"
        cp "$tmp/out" "$d/commit-$i.json"
        mode_is "[$suite] state file of signer $i" "$d/state-$i" 600
    done
    has "[$suite] commit prints the hiding commitment" "$d/commit-1.json" '"hiding_nonce_commitment"'
    run "[$suite] commit refuses an existing state file" 2 "$bin" frost commit --key "$d/keys/key-1.json" --state "$d/state-1"
    has "[$suite] ... and says so" "$tmp/err" "refusing to overwrite"
    jarray "$d/commitments.json" "$d/commit-1.json" "$d/commit-3.json"
    for i in 1 3; do
        run "[$suite] sign (signer $i)" 0 "$bin" frost sign --key "$d/keys/key-$i.json" --state "$d/state-$i" \
            --message $m --commitments "$d/commitments.json"
        cp "$tmp/out" "$d/share-$i.json"
        gone "[$suite] sign deleted the state file of signer $i" "$d/state-$i"
    done
    run "[$suite] a second sign with the same state is refused" 2 "$bin" frost sign --key "$d/keys/key-1.json" \
        --state "$d/state-1" --message $m --commitments "$d/commitments.json"
    has "[$suite] ... clearly" "$tmp/err" "consumed by the first sign"
    jarray "$d/shares.json" "$d/share-3.json" "$d/share-1.json"
    run "[$suite] aggregate" 0 "$bin" frost aggregate --group "$d/keys/group.json" --message $m \
        --commitments "$d/commitments.json" --shares "$d/shares.json"
    sig=$(hexval "$tmp/out" sig)
    if [ "$suite" = secp256k1-tr ]; then want=128; else want=130; fi
    [ ${#sig} -eq $want ] && ok "[$suite] signature is $((want / 2)) bytes" || bad "[$suite] signature has ${#sig} hex digits"
    run "[$suite] verify" 0 "$bin" frost verify --group "$d/keys/group.json" --message $m --sig "$sig"
    has "[$suite] verify says valid" "$tmp/out" '"valid": true'
    run "[$suite] verify, wrong message" 1 "$bin" frost verify --group "$d/keys/group.json" --message 74657375 --sig "$sig"
    if [ "$suite" = secp256k1-tr ]; then
        pk=$(hexval "$d/keys/group.json" group_public_key)
        run "[$suite] verify under the x-only key (BIP340)" 0 "$bin" frost verify --suite secp256k1-tr \
            --group-key "${pk#??}" --message $m --sig "$sig"
    fi
    # A bad signature share: the aggregate fails and names signer 3.
    sed 's/"sig_share": "[0-9a-f]*"/"sig_share": "0000000000000000000000000000000000000000000000000000000000000001"/' \
        "$d/share-3.json" > "$d/share-3-bad.json"
    jarray "$d/shares-bad.json" "$d/share-1.json" "$d/share-3-bad.json"
    run "[$suite] aggregate with a bad share fails" 1 "$bin" frost aggregate --group "$d/keys/group.json" --message $m \
        --commitments "$d/commitments.json" --shares "$d/shares-bad.json"
    tr -d ' \n' < "$tmp/out" > "$d/culprits.txt"
    has "[$suite] the culprit is signer 3 (signature share check)" "$d/culprits.txt" '"culprits":[{"identifier":3,"check":28'
    jarray "$d/shares-missing.json" "$d/share-1.json"
    run "[$suite] aggregate with a missing share fails" 1 "$bin" frost aggregate --group "$d/keys/group.json" --message $m \
        --commitments "$d/commitments.json" --shares "$d/shares-missing.json"
    tr -d ' \n' < "$tmp/out" > "$d/culprits.txt"
    has "[$suite] the missing signer is named" "$d/culprits.txt" '{"identifier":3,"check":27'
    # The coordinator's list must be sorted: the signer refuses and blames the coordinator.
    run "[$suite] commit (signer 1, again)" 0 "$bin" frost commit --key "$d/keys/key-1.json" --state "$d/state-1"
    cp "$tmp/out" "$d/commit-1b.json"
    jarray "$d/unsorted.json" "$d/commit-3.json" "$d/commit-1b.json"
    run "[$suite] sign refuses an unsorted list" 1 "$bin" frost sign --key "$d/keys/key-1.json" --state "$d/state-1" \
        --message $m --commitments "$d/unsorted.json"
    tr -d ' \n' < "$tmp/out" > "$d/culprits.txt"
    has "[$suite] ... blaming the coordinator" "$d/culprits.txt" '"identifier":"coordinator","check":30'
    gone "[$suite] the refused sign consumed the state" "$d/state-1"
    # A state file others can read is refused.
    run "[$suite] commit (signer 1, third)" 0 "$bin" frost commit --key "$d/keys/key-1.json" --state "$d/state-1"
    chmod 644 "$d/state-1"
    run "[$suite] sign refuses a state file readable by others" 2 "$bin" frost sign --key "$d/keys/key-1.json" \
        --state "$d/state-1" --message $m --commitments "$d/commitments.json"
    has "[$suite] ... and says why" "$tmp/err" "must be 0600"
}
frost_ceremony secp256k1
frost_ceremony secp256k1-tr

# ---- strict JSON: every bad key is named, no secret in the message -----------------------------
k=$tmp/frost-secp256k1/keys/key-1.json
share=$(hexval "$k" participant_share)
grep -v '"participant_share"' "$k" > "$tmp/k-missing.json"
run "key file without participant_share" 2 "$bin" frost commit --key "$tmp/k-missing.json" --state "$tmp/s-x"
has "missing key is named" "$tmp/err" "missing key 'participant_share'"
sed "s/\"participant_share\": \"[0-9a-f]/\"participant_share\": \"g/" "$k" > "$tmp/k-badhex.json"
run "key file with bad hex" 2 "$bin" frost commit --key "$tmp/k-badhex.json" --state "$tmp/s-x"
has "bad hex: key and reason" "$tmp/err" "key 'participant_share': not hex"
hasnt "bad hex: the share is not quoted" "$tmp/err" "$(echo "$share" | cut -c2-20)"
sed "s/\"participant_share\": \"[0-9a-f][0-9a-f]/\"participant_share\": \"/" "$k" > "$tmp/k-short.json"
run "key file with a 31-byte share" 2 "$bin" frost commit --key "$tmp/k-short.json" --state "$tmp/s-x"
has "wrong length: key and sizes" "$tmp/err" "key 'participant_share': wrong length: expected 32 bytes"
sed 's/"group_public_key": "0[23]/"group_public_key": "05/' "$k" > "$tmp/k-point.json"
run "key file with a bad point" 2 "$bin" frost commit --key "$tmp/k-point.json" --state "$tmp/s-x"
has "bad point: key and check" "$tmp/err" "key 'group_public_key': not a valid compressed point"
sed 's/"identifier": 1/"identifier": 0/' "$k" > "$tmp/k-id0.json"
run "key file with identifier 0" 2 "$bin" frost commit --key "$tmp/k-id0.json" --state "$tmp/s-x"
has "identifier 0: key named" "$tmp/err" "key 'identifier': identifier out of range"
sed 's/"identifier": 1,/"identifier": 1, "colour": "red",/' "$k" > "$tmp/k-extra.json"
run "key file with an unknown key" 2 "$bin" frost commit --key "$tmp/k-extra.json" --state "$tmp/s-x"
has "unknown key is named" "$tmp/err" "unknown key 'colour'"
printf '{"identifier": 1, "participant_share": %s}\n' "$share" > "$tmp/k-syntax.json"
run "key file that is not JSON" 2 "$bin" frost commit --key "$tmp/k-syntax.json" --state "$tmp/s-x"
has "JSON syntax error: line and column" "$tmp/err" "invalid JSON at line 1"
hasnt "JSON syntax error: the share is not quoted" "$tmp/err" "$(echo "$share" | cut -c1-16)"
sed 's/"participant_share": "[0-9a-f]*"/"participant_share": "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"/' "$k" > "$tmp/k-range.json"
run "key file with a share >= n" 2 "$bin" frost commit --key "$tmp/k-range.json" --state "$tmp/s-x"
has "share >= n: key and reason" "$tmp/err" "key 'participant_share': scalar is not below the group order"
gone "no state file was left by the failures" "$tmp/s-x"
d=$tmp/frost-secp256k1
sed 's/"binding_nonce_commitment": "0[23]/"binding_nonce_commitment": "04/' "$d/commit-3.json" > "$tmp/c3-bad.json"
jarray "$tmp/comms-bad.json" "$d/commit-1.json" "$tmp/c3-bad.json"
run "commitment list with a bad point" 2 "$bin" frost aggregate --group "$d/keys/group.json" --message 00 \
    --commitments "$tmp/comms-bad.json" --shares "$d/shares.json"
has "bad commitment: the element is named" "$tmp/err" "key '[1].binding_nonce_commitment'"
sed 's/"hiding_nonce_commitment": "[0-9a-f]*"/"hiding_nonce_commitment": "'"$(printf '%066d' 0)"'"/' \
    "$d/commit-3.json" > "$tmp/c3-identity.json"
jarray "$tmp/comms-identity.json" "$d/commit-1.json" "$tmp/c3-identity.json"
run "aggregate: an identity commitment" 1 "$bin" frost aggregate --group "$d/keys/group.json" --message 00 \
    --commitments "$tmp/comms-identity.json" --shares "$d/shares.json"
tr -d ' \n' < "$tmp/out" > "$tmp/culprits.txt"
has "identity commitment: its signer (3) is named" "$tmp/culprits.txt" '{"identifier":3,"check":14'
run "--message that is not hex" 2 "$bin" frost verify --group "$d/keys/group.json" --message 7x --sig 00
has "bad --message named" "$tmp/err" "--message: not hex"

# ---- DKG: 2-of-3 round by round, then a signature with the new keys ---------------------------
dkg_ceremony() {
    suite=$1; sess=$2; d=$tmp/dkg-$suite; mkdir -p "$d"
    for i in 1 2 3; do
        run "[$suite] dkg round1 (party $i)" 0 "$bin" dkg round1 --suite "$suite" --id $i -t 2 -n 3 --session "$sess" --state "$d/st-$i"
        cp "$tmp/out" "$d/r1-$i.json"
    done
    mode_is "[$suite] dkg state file" "$d/st-1" 600
    run "[$suite] dkg round1 refuses an existing state" 2 "$bin" dkg round1 --suite "$suite" --id 1 -t 2 -n 3 --session "$sess" --state "$d/st-1"
    for i in 1 2 3; do
        run "[$suite] dkg round2 (party $i)" 0 "$bin" dkg round2 --state "$d/st-$i" --in "$d"/r1-*.json --shares-out "$d/p2p"
        cp "$tmp/out" "$d/r2-$i.json"
    done
    mode_is "[$suite] dkg share file" "$d/p2p/share-1-to-2.json" 600
    run "[$suite] dkg round2 again is out of order" 2 "$bin" dkg round2 --state "$d/st-1" --in "$d"/r1-*.json --shares-out "$d/p2p2"
    for i in 1 2 3; do
        run "[$suite] dkg round3 (party $i)" 0 "$bin" dkg round3 --state "$d/st-$i" --in "$d"/r2-*.json --shares "$d"/p2p/share-*-to-$i.json
        cp "$tmp/out" "$d/r3-$i.json"
    done
    has "[$suite] round3: a certificate signature" "$d/r3-1.json" '"certificate_signature"'
    for i in 1 2 3; do
        run "[$suite] dkg round4 (party $i)" 0 "$bin" dkg round4 --state "$d/st-$i" --in "$d"/r3-*.json
        cp "$tmp/out" "$d/r4-$i.json"
    done
    has "[$suite] round4: complete" "$d/r4-2.json" '"complete": true'
    for i in 1 2 3; do
        run "[$suite] dkg finalize (party $i)" 0 "$bin" dkg finalize --state "$d/st-$i" --key-out "$d/key-$i.json"
        cp "$tmp/out" "$d/pub-$i.json"
        gone "[$suite] finalize deleted the state of party $i" "$d/st-$i"
    done
    mode_is "[$suite] dkg key file" "$d/key-1.json" 600
    cmp -s "$d/pub-1.json" "$d/pub-2.json" && cmp -s "$d/pub-1.json" "$d/pub-3.json" \
        && ok "[$suite] all parties agree on the public result" || bad "[$suite] the parties' public results differ"
    run "[$suite] dkg verify the public result" 0 "$bin" dkg verify --public "$d/pub-1.json"
    leak=0
    for i in 1 2 3; do
        s=$(hexval "$d/key-$i.json" participant_share)
        [ -n "$s" ] && cat "$d"/r1-*.json "$d"/r2-*.json "$d"/r3-*.json "$d"/r4-*.json "$d"/pub-*.json | grep -qF "$s" && leak=1
    done
    [ $leak -eq 0 ] && ok "[$suite] no final share appears in any DKG message or result" || bad "[$suite] a share leaked"
    # Sign with parties 2 and 3, aggregate against the DKG public result.
    for i in 2 3; do
        run "[$suite] commit with the DKG key of party $i" 0 "$bin" frost commit --key "$d/key-$i.json" --state "$d/fs-$i"
        cp "$tmp/out" "$d/c-$i.json"
    done
    jarray "$d/comms.json" "$d/c-2.json" "$d/c-3.json"
    for i in 2 3; do
        run "[$suite] sign with the DKG key of party $i" 0 "$bin" frost sign --key "$d/key-$i.json" --state "$d/fs-$i" \
            --message 6d7367 --commitments "$d/comms.json"
        cp "$tmp/out" "$d/z-$i.json"
    done
    jarray "$d/shares.json" "$d/z-2.json" "$d/z-3.json"
    run "[$suite] aggregate against the DKG public result" 0 "$bin" frost aggregate --group "$d/pub-1.json" --message 6d7367 \
        --commitments "$d/comms.json" --shares "$d/shares.json"
    sig=$(hexval "$tmp/out" sig)
    run "[$suite] verify the DKG group's signature" 0 "$bin" frost verify --group "$d/pub-1.json" --message 6d7367 --sig "$sig"
    # A tampered certificate is caught: flip the last digit of party 1's certificate.
    c1=$(hexval "$d/pub-1.json" certificate)
    case "$c1" in *0) c2="${c1%?}1" ;; *) c2="${c1%?}0" ;; esac
    sed "s/$c1/$c2/" "$d/pub-1.json" > "$d/pub-bad.json"
    run "[$suite] dkg verify rejects a tampered certificate" 1 "$bin" dkg verify --public "$d/pub-bad.json"
    tr -d ' \n' < "$tmp/out" > "$d/blames.txt"
    has "[$suite] ... naming party 1 and the certificate check" "$d/blames.txt" '{"culprit":1,"check":33'
    run "[$suite] aggregate refuses a group whose certificate fails" 1 "$bin" frost aggregate --group "$d/pub-bad.json" \
        --message 6d7367 --commitments "$d/comms.json" --shares "$d/shares.json"
}
dkg_ceremony secp256k1 a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5
dkg_ceremony secp256k1-tr 5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a

# ---- DKG with a cheater ------------------------------------------------------------------------
d=$tmp/dkg-bad; mkdir -p "$d"; sess=c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3
for i in 1 2 3; do
    "$bin" dkg round1 --id $i -t 2 -n 3 --session "$sess" --state "$d/st-$i" > "$d/r1-$i.json" 2> /dev/null
done
# A round-1 message replayed from another session: its sender is blamed.
"$bin" dkg round1 --id 3 -t 2 -n 3 --session "$(echo "$sess" | tr c d)" --state "$d/other" > "$d/r1-3-other.json" 2> /dev/null
run "dkg round2 with a replay from another session fails" 1 "$bin" dkg round2 --state "$d/st-1" \
    --in "$d/r1-1.json" "$d/r1-2.json" "$d/r1-3-other.json" --shares-out "$d/p2p-x"
tr -d ' \n' < "$tmp/out" > "$d/blames.txt"
has "the replaying party 3 is blamed" "$d/blames.txt" '{"culprit":3,"check":22'
gone "a failed DKG deletes its state" "$d/st-1"
# The same replay with its session field removed: the proof of knowledge catches it.
grep -v '"session"' "$d/r1-3-other.json" > "$d/r1-3-nosession.json"
run "dkg round2 with a transplanted round-1 message fails" 1 "$bin" dkg round2 --state "$d/st-2" \
    --in "$d/r1-1.json" "$d/r1-2.json" "$d/r1-3-nosession.json" --shares-out "$d/p2p-x"
tr -d ' \n' < "$tmp/out" > "$d/blames.txt"
has "... and party 3 is blamed (proof of knowledge)" "$d/blames.txt" '{"culprit":3,"check":24'
# Rounds 1 and 2 of a fresh 2-of-3 DKG in directory $1 with session $2.
dkg_r12() {
    for _i in 1 2 3; do
        "$bin" dkg round1 --id $_i -t 2 -n 3 --session "$2" --state "$1/st-$_i" > "$1/r1-$_i.json" 2> /dev/null
    done
    for _i in 1 2 3; do
        "$bin" dkg round2 --state "$1/st-$_i" --in "$1"/r1-*.json --shares-out "$1/p2p" > "$1/r2-$_i.json" 2> /dev/null
    done
}
# A false accusation: party 2 claims dealer 1's share is bad with forged evidence.
d=$tmp/dkg-false; mkdir -p "$d"; sess=e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1
dkg_r12 "$d" "$sess"
for i in 1 3; do
    "$bin" dkg round3 --state "$d/st-$i" --in "$d"/r2-*.json --shares "$d"/p2p/share-*-to-$i.json > "$d/r3-$i.json" 2> /dev/null
done
printf '{"suite": "secp256k1", "session": "%s", "identifier": 2, "complaints": [{"accused": 1, "kind": "bad_share", "share": "%064x", "signature": "%0128x"}]}\n' \
    "$sess" 5 7 > "$d/r3-2.json"
for i in 1 3; do
    run "false accusation: round4 (party $i) goes on to round5" 0 "$bin" dkg round4 --state "$d/st-$i" --in "$d"/r3-*.json
    cp "$tmp/out" "$d/r4-$i.json"
done
has "false accusation: round4 is not complete" "$d/r4-3.json" '"complete": false'
run "false accusation: round5 fails" 1 "$bin" dkg round5 --state "$d/st-3" --in "$d/r4-1.json" "$d/r4-3.json"
tr -d ' \n' < "$tmp/out" > "$d/blames.txt"
has "false accusation: the accuser (party 2) is blamed" "$d/blames.txt" '{"culprit":2,"check":26'
hasnt "false accusation: the honest dealer is not blamed" "$d/blames.txt" '"culprit":1,'
gone "round5 deletes the state" "$d/st-3"
# A share that never arrived: party 2 complains about dealer 1, who opens the share.
d=$tmp/dkg-noshare; mkdir -p "$d"; sess=f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2
dkg_r12 "$d" "$sess"
for i in 1 3; do
    "$bin" dkg round3 --state "$d/st-$i" --in "$d"/r2-*.json --shares "$d"/p2p/share-*-to-$i.json > "$d/r3-$i.json" 2> /dev/null
done
run "missing share: round3 (party 2) complains" 0 "$bin" dkg round3 --state "$d/st-2" --in "$d"/r2-*.json --shares "$d/p2p/share-3-to-2.json"
cp "$tmp/out" "$d/r3-2.json"
tr -d ' \n' < "$d/r3-2.json" > "$d/r3-2.txt"
has "missing share: a no_share complaint against dealer 1" "$d/r3-2.txt" '"complaints":[{"accused":1,"kind":"no_share"}]'
hasnt "missing share: no certificate signature" "$d/r3-2.json" "certificate_signature"
for i in 1 2 3; do
    run "missing share: round4 (party $i)" 0 "$bin" dkg round4 --state "$d/st-$i" --in "$d"/r3-*.json
    cp "$tmp/out" "$d/r4-$i.json"
done
tr -d ' \n' < "$d/r4-1.json" > "$d/r4-1.txt"
has "missing share: dealer 1 opens the share it owes party 2" "$d/r4-1.txt" '"openings":[{"accuser":2,"share":'
run "missing share: round5 fails (no key after a complaint)" 1 "$bin" dkg round5 --state "$d/st-3" --in "$d"/r4-*.json
tr -d ' \n' < "$tmp/out" > "$d/blames.txt"
hasnt "missing share: the dealer who opened a valid share is not blamed" "$d/blames.txt" '"culprit":1,'
# Equivocation: party 3 sends different round-1 messages to parties 1 and 2; round 3 aborts
# before any share is used, naming nobody (the equivocator cannot be proved).
d=$tmp/dkg-equiv; mkdir -p "$d"; sess=abababababababababababababababababababababababababababababababab
for i in 1 2 3; do
    "$bin" dkg round1 --id $i -t 2 -n 3 --session "$sess" --state "$d/st-$i" > "$d/r1-$i.json" 2> /dev/null
done
"$bin" dkg round1 --id 3 -t 2 -n 3 --session "$sess" --state "$d/st-3b" > "$d/r1-3b.json" 2> /dev/null
"$bin" dkg round2 --state "$d/st-1" --in "$d/r1-1.json" "$d/r1-2.json" "$d/r1-3.json" --shares-out "$d/p2p" > "$d/r2-1.json" 2> /dev/null
"$bin" dkg round2 --state "$d/st-2" --in "$d/r1-1.json" "$d/r1-2.json" "$d/r1-3b.json" --shares-out "$d/p2p" > "$d/r2-2.json" 2> /dev/null
"$bin" dkg round2 --state "$d/st-3" --in "$d/r1-1.json" "$d/r1-2.json" "$d/r1-3.json" --shares-out "$d/p2p" > "$d/r2-3.json" 2> /dev/null
run "equivocation: round3 fails" 1 "$bin" dkg round3 --state "$d/st-1" --in "$d"/r2-*.json --shares "$d"/p2p/share-*-to-1.json
tr -d ' \n' < "$tmp/out" > "$d/blames.txt"
has "equivocation: detected, nobody named" "$d/blames.txt" '{"culprit":"none","check":25'
# A round-1 message withheld: the missing party is named.
run "missing round-1 message: round2 fails" 1 "$bin" dkg round2 --state "$d/st-3b" --in "$d/r1-1.json" "$d/r1-3b.json" --shares-out "$d/p2p-y"
tr -d ' \n' < "$tmp/out" > "$d/blames.txt"
has "missing round-1 message: party 2 is named" "$d/blames.txt" '{"culprit":2,"check":27'
run "dkg round3 with a missing state file" 2 "$bin" dkg round3 --state "$tmp/no-such-state" --in "$d/r1-1.json" --shares "$d/r1-1.json"
has "missing state named" "$tmp/err" "no such file"

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
