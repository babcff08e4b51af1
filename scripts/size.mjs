// Bytes the browser downloads for the widget: the wasm, the JS (wasm glue + widget modules, CSS included
// as a constructable stylesheet in styles.js) — raw, gzip -9 and brotli -q 11 — and the budget check.
//   node scripts/size.mjs            print the table
//   node scripts/size.mjs --check    also exit 1 when the brotli total is over the budget
//   node scripts/size.mjs --json     print JSON (used by the benchmark)
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

export const BUDGET_BROTLI_BYTES = 45 * 1024; // issue 4: total transfer ≤ 45 KB brotli

export function measure(dir = new URL('../pkg/', import.meta.url)) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.wasm') || (f.endsWith('.js') && !f.endsWith('.d.ts'))).sort();
  const rows = files.map((f) => {
    const buf = readFileSync(new URL(f, dir));
    const kind = f.endsWith('.wasm') ? 'wasm' : f === 'styles.js' ? 'css' : 'js';
    return {
      file: f,
      kind,
      raw: buf.length,
      gzip: gzipSync(buf, { level: 9 }).length,
      brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length,
    };
  });
  const sum = (k, pred = () => true) => rows.filter(pred).reduce((a, r) => a + r[k], 0);
  const totals = {};
  for (const kind of ['wasm', 'js', 'css', 'all']) {
    const pred = kind === 'all' ? () => true : (r) => r.kind === kind;
    totals[kind] = { raw: sum('raw', pred), gzip: sum('gzip', pred), brotli: sum('brotli', pred) };
  }
  return { rows, totals, budget: BUDGET_BROTLI_BYTES };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const m = measure();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(m, null, 2));
  } else {
    const kb = (n) => (n / 1024).toFixed(1).padStart(7) + ' KB';
    console.log('file'.padEnd(32) + 'raw'.padStart(10) + 'gzip'.padStart(11) + 'brotli'.padStart(11));
    for (const r of m.rows) console.log(r.file.padEnd(32) + kb(r.raw) + kb(r.gzip) + kb(r.brotli));
    for (const k of ['wasm', 'js', 'css', 'all']) {
      const t = m.totals[k];
      console.log(`total ${k}`.padEnd(32) + kb(t.raw) + kb(t.gzip) + kb(t.brotli));
    }
    console.log(`budget: ${(m.totals.all.brotli / 1024).toFixed(1)} KB / ${(m.budget / 1024).toFixed(1)} KB brotli`);
  }
  if (process.argv.includes('--check') && m.totals.all.brotli > m.budget) {
    console.error(`size budget exceeded: ${m.totals.all.brotli} > ${m.budget} bytes brotli`);
    process.exit(1);
  }
}
