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
# The widget, minified and bundled by esbuild, one file per thing a page loads (no shared chunks: each
# chunk would cost a round trip on slow networks before the shell shows): widget.js is what the snippet
# loads; admin.js (the regency tab, with its CSV importer) is fetched when that tab opens; residents.js (the village
# journey's OpenSID resident import: its screen, opensid.js and the CSV parser, ~10 KB brotli) is fetched when a village
# head chooses a resident file.
# The wasm glue stays its own file: widget.js imports it at run time, next to the wasm.
for entry in widget admin residents; do
  external=()
  [ "$entry" = widget ] && external=(--external:./admin.js --external:./residents.js)
  esbuild "www/widget/$entry.js" --bundle --format=esm --minify --target=es2020 "${external[@]}" \
    --outfile="pkg/$entry.js" --legal-comments=none --log-level=warning
done
esbuild pkg/kalkulator_jamsostek.js --minify --format=esm --target=es2020 --legal-comments=none \
  --allow-overwrite --outfile=pkg/kalkulator_jamsostek.js --log-level=warning
# TypeScript: `lang` may be left out (wasm-bindgen writes `lang: Lang | undefined`, which strict TS makes
# callers pass); the widget module's own types.
sed -i 's/, lang: Lang | undefined)/, lang?: Lang)/' pkg/kalkulator_jamsostek.d.ts
cp www/widget/widget.d.ts pkg/widget.d.ts
# The no-script embed page (an <iframe> for CMSs that strip scripts) and the optional parent-side resizer.
cp www/embed/embed.html www/embed/embed.js www/embed/resizer.js pkg/
cp LICENSE pkg/LICENSE
node scripts/pkg-manifest.mjs
echo "[build] pkg/: $(cd pkg && ls | tr '\n' ' ')"
