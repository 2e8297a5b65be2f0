#!/usr/bin/env bash
# Install the Debian 12 packages libbilat builds and tests with (needs root or sudo).
set -euo pipefail
pkgs=(meson ninja-build pkg-config gcc python3 libglib2.0-dev libpcre2-dev libjson-glib-dev
      libcriterion-dev)
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
