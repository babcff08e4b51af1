// Bytes the browser downloads for the widget: the wasm and the JS (wasm glue + the minified widget bundle)
// — raw, gzip -9 and brotli -q 11 — and the budget check. The CSS travels inside the JS (constructable
// stylesheets, for strict CSPs): its own share is reported apart, measured on the CSS text itself.
//   node scripts/size.mjs            print the table
//   node scripts/size.mjs --check    also exit 1 when the brotli total is over the budget
//   node scripts/size.mjs --json     print JSON (used by the benchmark)
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

// Issue 4: total transfer ≤ 45 KB brotli. The ceiling CI enforces is in size-limit.json (see "why" there).
const LIMITS = JSON.parse(readFileSync(new URL('./size-limit.json', import.meta.url), 'utf8'));
export const BUDGET_BROTLI_BYTES = LIMITS.budget_brotli_bytes;
export const CEILING_BROTLI_BYTES = Math.max(LIMITS.ceiling_brotli_bytes, LIMITS.budget_brotli_bytes);

const EMBED = new Set(['embed.js', 'resizer.js']);

export function measure(dir = new URL('../pkg/', import.meta.url)) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.wasm') || (f.endsWith('.js') && !f.endsWith('.d.ts'))).sort();
  const rows = files.map((f) => {
    const buf = readFileSync(new URL(f, dir));
    // embed.js / resizer.js serve the <iframe> path (issue 13), not the widget's own load: reported apart.
    const kind = f.endsWith('.wasm') ? 'wasm' : EMBED.has(f) ? 'embed' : 'js';
    return {
      file: f,
      kind,
      raw: buf.length,
      gzip: gzipSync(buf, { level: 9 }).length,
      brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length,
    };
  });
  const sum = (k, pred = () => true) => rows.filter(pred).reduce((a, r) => a + r[k], 0);
  const cssText = cssOf();
  const totals = {};
  for (const kind of ['wasm', 'js', 'all']) {
    const pred = kind === 'all' ? (r) => r.kind !== 'embed' : (r) => r.kind === kind;
    totals[kind] = { raw: sum('raw', pred), gzip: sum('gzip', pred), brotli: sum('brotli', pred) };
  }
  totals.css = sizes(Buffer.from(cssText)); // already counted inside the JS
  return { rows, totals, budget: BUDGET_BROTLI_BYTES, ceiling: CEILING_BROTLI_BYTES };
}

function sizes(buf) {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length,
  };
}

// The CSS text of the widget's stylesheets (template literals named *css / *Css in www/widget/).
function cssOf() {
  let out = '';
  for (const f of readdirSync(new URL('../www/widget/', import.meta.url)).filter((f) => f.endsWith('.js'))) {
    const src = readFileSync(new URL(`../www/widget/${f}`, import.meta.url), 'utf8');
    for (const m of src.matchAll(/export const \w*[cC]ss = `([^`]*)`/g)) out += m[1];
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const m = measure();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(m, null, 2));
  } else {
    const kb = (n) => (n / 1024).toFixed(1).padStart(7) + ' KB';
    console.log('file'.padEnd(32) + 'raw'.padStart(10) + 'gzip'.padStart(11) + 'brotli'.padStart(11));
    for (const r of m.rows) console.log(r.file.padEnd(32) + kb(r.raw) + kb(r.gzip) + kb(r.brotli));
    for (const k of ['wasm', 'js', 'all']) {
      const t = m.totals[k];
      console.log(`total ${k}`.padEnd(32) + kb(t.raw) + kb(t.gzip) + kb(t.brotli));
    }
    const c = m.totals.css;
    console.log('of which CSS (inside the JS)'.padEnd(32) + kb(c.raw) + kb(c.gzip) + kb(c.brotli));
    const t = m.totals.all.brotli;
    console.log(`budget: ${(t / 1024).toFixed(1)} KB / ${(m.budget / 1024).toFixed(1)} KB brotli — ${t <= m.budget ? 'met' : `MISSED by ${((t - m.budget) / 1024).toFixed(1)} KB`}`);
    if (m.ceiling > m.budget) console.log(`CI ceiling (no creep while over budget): ${(m.ceiling / 1024).toFixed(1)} KB brotli (scripts/size-limit.json)`);
  }
  if (process.argv.includes('--check') && m.totals.all.brotli > m.ceiling) {
    console.error(`size check failed: ${m.totals.all.brotli} bytes brotli > ${m.ceiling} allowed (budget ${m.budget}); see scripts/size-limit.json`);
    process.exit(1);
  }
}
