#!/usr/bin/env bash
# Builds the release widget into pkg/: the wasm module (wasm-pack, wasm-opt -Oz) plus the widget's own files
# from www/widget/. pkg/ is committed: it is what a regency web admin uploads (see README).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# npm binaryen's wasm-opt first on PATH (Debian's binaryen builds broken modules; TOOLCHAIN.md).
export PATH="$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"

wasm-pack --quiet build --release --target web --out-dir pkg --out-name kalkulator_jamsostek
# wasm-pack writes a .gitignore of "*" into pkg/: the built widget is committed on purpose.
rm -f pkg/.gitignore
cp www/widget/*.js pkg/
node scripts/pkg-manifest.mjs
echo "[build] pkg/: $(cd pkg && ls | tr '\n' ' ')"
