#!/bin/sh
# Installs Tessera into a scratch prefix, then builds tests/install/hello.c against the installed
# copy through pkg-config, statically and dynamically, and runs both.
# Usage: tests/install/run.sh SCRATCHDIR
set -u
dir=${1:?scratch dir}
prefix=$(mkdir -p "$dir" && cd "$dir" && pwd)/prefix
rm -rf "$prefix"
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok: $*"; }
bad() { failed=$((failed + 1)); echo "FAILED: $*"; }

if make --no-print-directory install PREFIX="$prefix" >"$dir/install-make.log" 2>&1; then ok "make install PREFIX=$prefix"
else bad "make install (see $dir/install-make.log)"; fi
for f in lib/libtessera.a lib/libtessera.so.0 lib/libtessera.so lib/pkgconfig/tessera.pc \
         include/tessera/tessera.h include/tessera/sharing.h bin/tessera; do
    if [ -e "$prefix/$f" ]; then ok "installed $f"; else bad "missing $f"; fi
done
real=$(readlink -f "$prefix/lib/libtessera.so")
case "$real" in *libtessera.so.0.*) ok "versioned shared object $(basename "$real")";; *) bad "unversioned .so";; esac
soname=$(objdump -p "$prefix/lib/libtessera.so" 2>/dev/null | awk '/SONAME/ {print $2}')
[ "$soname" = "libtessera.so.0" ] && ok "SONAME $soname" || bad "SONAME is '$soname'"

export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
ver=$(pkg-config --modversion tessera 2>/dev/null)
[ -n "$ver" ] && ok "pkg-config finds tessera $ver" || bad "pkg-config --modversion tessera"
src=$(dirname "$0")/hello.c
# shellcheck disable=SC2046
if cc -std=c11 -Wall -Werror $(pkg-config --cflags tessera) "$src" -o "$dir/hello-shared" \
      $(pkg-config --libs tessera) 2>"$dir/hello-shared.log"; then ok "build against shared library"
else bad "build against shared library (see $dir/hello-shared.log)"; fi
if LD_LIBRARY_PATH="$prefix/lib" "$dir/hello-shared"; then ok "run (shared)"; else bad "run (shared)"; fi
ldd "$dir/hello-shared" 2>/dev/null | grep -q "$prefix/lib/libtessera.so.0" && ok "links the installed .so" \
    || { LD_LIBRARY_PATH="$prefix/lib" ldd "$dir/hello-shared" | grep -q "$prefix/lib/libtessera.so.0" \
         && ok "links the installed .so" || bad "does not link the installed .so"; }
# shellcheck disable=SC2046
if cc -std=c11 -Wall -Werror $(pkg-config --cflags tessera) "$src" -o "$dir/hello-static" \
      "$prefix/lib/libtessera.a" $(pkg-config --static --libs-only-l tessera | sed 's/-ltessera//') \
      2>"$dir/hello-static.log"; then ok "build against static archive"
else bad "build against static archive (see $dir/hello-static.log)"; fi
if "$dir/hello-static"; then ok "run (static)"; else bad "run (static)"; fi
if make --no-print-directory uninstall PREFIX="$prefix" >/dev/null 2>&1 && [ ! -e "$prefix/include/tessera" ]; then
    ok "make uninstall"; else bad "make uninstall"; fi
echo "install: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
