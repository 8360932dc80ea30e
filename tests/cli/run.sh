#!/bin/sh
# Command-line tests: the seeded demo against its golden transcript (byte for byte), and the
# tool's error handling. Usage: tests/cli/run.sh TESSERA_BINARY
set -u
bin=${1:?tessera binary}
here=$(dirname "$0")
passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAILED: $*"; }

out=$("$bin" demo --seed 1); rc=$?
[ $rc -eq 0 ] && ok || bad "demo --seed 1 exit $rc"
if printf '%s\n' "$out" | cmp -s - "$here/demo-seed1.exp"; then ok
else bad "demo --seed 1 differs from tests/cli/demo-seed1.exp:"; printf '%s\n' "$out" | diff "$here/demo-seed1.exp" - | head -20; fi
"$bin" demo > /dev/null; rc=$?
[ $rc -eq 0 ] && ok || bad "demo with OS randomness exit $rc"
"$bin" demo --seed x > /dev/null 2>&1; [ $? -eq 2 ] && ok || bad "demo --seed x must exit 2"
msg=$("$bin" demo --seed x 2>&1); case "$msg" in *"--seed needs a number"*) ok;; *) bad "no reason for a bad seed";; esac
"$bin" frobnicate > /dev/null 2>&1; [ $? -eq 2 ] && ok || bad "unknown command must exit 2"
"$bin" help | grep -q '^usage: tessera' && ok || bad "help prints usage"
[ "$("$bin" checks | wc -l)" -ge 24 ] && ok || bad "checks lists every check id"
"$bin" version | grep -q '^tessera [0-9]' && ok || bad "version"
echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
