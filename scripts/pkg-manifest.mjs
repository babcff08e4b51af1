// Makes pkg/package.json describe the whole widget (wasm glue + widget files), so `pkg/` works as an
// npm package and as the folder an admin uploads. Deterministic output (sorted file list).
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
const path = new URL('../pkg/package.json', import.meta.url);
const pkg = JSON.parse(readFileSync(path, 'utf8'));
const files = readdirSync(new URL('../pkg/', import.meta.url)).filter((f) => f !== 'package.json').sort();
pkg.files = files;
// `types` first in each condition (TypeScript picks the first match).
pkg.exports = {
  '.': { types: './kalkulator_jamsostek.d.ts', default: './kalkulator_jamsostek.js' },
  './widget.js': { types: './widget.d.ts', default: './widget.js' },
  // For Node: initSync({ module: readFileSync(<this file>) }).
  './kalkulator_jamsostek_bg.wasm': './kalkulator_jamsostek_bg.wasm',
  './package.json': './package.json',
};
pkg.sideEffects = ['./widget.js', './embed.js', './resizer.js', './snippets/*'];
writeFileSync(path, JSON.stringify(pkg, null, 2) + '\n');
