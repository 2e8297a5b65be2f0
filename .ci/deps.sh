#!/usr/bin/env bash
# Install the Debian 12 packages libbilat builds and tests with (needs root or sudo).
set -euo pipefail
pkgs=(meson ninja-build pkg-config gcc g++ python3 libglib2.0-dev libpcre2-dev libjson-glib-dev
      libcriterion-dev
      binutils abigail-tools doxygen python3-dask python3-networkx python3-igraph graphviz)
# `bash .ci/deps.sh --checkers` adds the tools of tests/fuzz/README.md: clang and its
# libFuzzer runtime (fuzzing, ThreadSanitizer) and valgrind (meson test --setup valgrind).
if [ "${1:-}" = "--checkers" ]; then
    pkgs+=(clang libclang-rt-14-dev valgrind)
fi
missing=()
for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
