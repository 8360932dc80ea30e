#!/bin/sh
# Installs the Debian packages Tessera needs, if any is missing, and configures Why3's provers.
# Not root and something missing: prints the exact command to run and fails.
set -u
PKGS="build-essential pkg-config libsecp256k1-dev libgmp-dev libjansson-dev frama-c-base why3 z3 cvc4 afl++ \
valgrind python3 python3-pytest python3-hypothesis"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
if [ -n "$missing" ]; then
    if [ "$(id -u)" -eq 0 ]; then
        echo "installing:$missing"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null || {
            echo "apt-get install failed for:$missing"; exit 1; }
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        echo "installing with sudo:$missing"
        sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null || {
            echo "apt-get install failed for:$missing"; exit 1; }
    else
        echo "missing Debian packages; run: sudo apt-get install -y$missing"
        exit 1
    fi
fi
# WP reaches Z3 and CVC4 through Why3, which must have detected them once.
if ! grep -qs 'name = "Z3"' "$HOME/.why3.conf" || ! grep -qs 'name = "CVC4"' "$HOME/.why3.conf"; then
    why3 config detect >/dev/null 2>&1 || { echo "why3 config detect failed"; exit 1; }
fi
exit 0
