#!/usr/bin/env bash
# Builds the release widget into pkg/: the wasm module (wasm-pack, wasm-opt -Oz) plus the widget's own files
# from www/widget/. pkg/ is committed: it is what a regency web admin uploads (see README).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# npm binaryen's wasm-opt first on PATH (Debian's binaryen builds broken modules; TOOLCHAIN.md).
export PATH="$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"

rm -rf pkg
wasm-pack --quiet build --release --target web --out-dir pkg --out-name kalkulator_jamsostek
# wasm-pack writes a .gitignore of "*" into pkg/: the built widget is committed on purpose.
rm -f pkg/.gitignore
# The widget, minified and bundled by esbuild: widget.js (what the snippet loads) and csv.js (the
# configurator's importer) are entries; admin.js is split off (loaded when the regency tab opens) and code
# they share goes into chunk-*.js. The wasm glue stays its own file (widget.js imports it at run time).
esbuild www/widget/widget.js www/widget/csv.js --bundle --splitting --format=esm --minify --target=es2020 \
  --outdir=pkg --chunk-names='chunk-[hash]' --legal-comments=none --log-level=warning
esbuild pkg/kalkulator_jamsostek.js --minify --format=esm --target=es2020 --legal-comments=none \
  --allow-overwrite --outfile=pkg/kalkulator_jamsostek.js --log-level=warning
node scripts/pkg-manifest.mjs
echo "[build] pkg/: $(cd pkg && ls | tr '\n' ' ')"
