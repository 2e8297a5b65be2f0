#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Write tests/abi/libbilat.abi from a build's libbilat.so.0 (abidw, public types only).
# Run at a release, after the ABI change was agreed: `tests/abi/update-abi.sh build`.
# Usage: update-abi.sh BUILD_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
build=$(cd "${1:?usage: update-abi.sh BUILD_DIR}" && pwd)
abidw --drop-private-types --no-corpus-path --no-comp-dir-path --short-locs \
      --type-id-style hash \
      --headers-dir "$src/include/bilat" --headers-dir "$build/include/bilat" \
      --out-file "$here/libbilat.abi" "$build/lib/libbilat.so.0"
echo "wrote $here/libbilat.abi from $build/lib/libbilat.so.0"
