// Fuzz the JS boundary: many thousands of generated JS values thrown at every exported function of the
// module (wrong types, missing and extra fields, NaN, ±Infinity, -0, huge and tiny numbers, numbers as
// strings with dots and commas, very long strings, deep nesting, __proto__/constructor keys, arrays where
// objects belong, unicode, null bytes). Each call must either return a result or throw an Error with a
// stable code — never anything else — and the module must still answer correctly afterwards.
// FUZZ_CASES sets the number of generated requests per function (default 4000).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const api = await import(new URL('pkg/kalkulator_jamsostek.js', root));
api.initSync({ module: readFileSync(new URL('pkg/kalkulator_jamsostek_bg.wasm', root)) });

const CASES = Number(process.env.FUZZ_CASES || 4000);
const CODES = new Set(['EMPTY_REQUEST', 'INVALID_MONTH', 'MONTH_OUTSIDE_RULES', 'MONTHS_OUT_OF_RANGE', 'PEOPLE_OUT_OF_RANGE',
  'INVALID_AMOUNT', 'AMOUNT_OUT_OF_RANGE', 'INVALID_BASE', 'MISSING_WAGE', 'PROGRAMME_NOT_AVAILABLE',
  'NO_DANA_DESA_FOR_KELURAHAN', 'TOO_MANY_ITEMS', 'TOO_LARGE', 'INVALID_AGE', 'INVALID_RISK_GROUP', 'TEXT_TOO_LONG',
  'UNKNOWN_VALUE', 'INVALID_INPUT', 'FUNDER_NOT_ALLOWED']);

// Deterministic PRNG (mulberry32) so a failure can be replayed from its seed.
function rng(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WEIRD_NUMBERS = [NaN, Infinity, -Infinity, -0, 0, 1, -1, 0.5, 1e-300, 5e-324, 1e21, 1e308, 2 ** 53, 2 ** 53 + 2, -(2 ** 63), 4294967296, 300000001, 12, 60, 61];
const WEIRD_STRINGS = ['', ' ', '1.500.000', '1,500,000', '1.5', '1,5', 'Rp 1.500.000', '-1', '0x10', '1e6', 'NaN', 'Infinity',
  '2026-01', '2026-13', '1999-12', '2031-01', 'x'.repeat(100000), '\u0000', 'a\u0000b', '\u202e\u202dRTL', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🇮🇩',
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', '=HYPERLINK("x")', '__proto__',
  'constructor', 'pekerja_rentan', 'perangkat_desa', 'non_asn', 'apbd', 'dana_desa', 'self_paid', 'kelurahan', 'bpu', 'pu',
  'jkk', 'tk_sd', 'informal', 'wna', 'id', 'en', '999999999999999', '9999999999999999'];
const KEYS = ['firstMonth', 'months', 'units', 'name', 'kind', 'funder', 'danaDesa', 'groups', 'label', 'category', 'workKind',
  'people', 'scheme', 'base', 'income', 'wage', 'riskGroup', 'jht', 'jp', 'detail', 'budget', 'group', 'unitKind', 'membershipMonths',
  'children', 'level', 'yearsLeft', 'month', 'age', 'work', 'nationality', 'monthsWorkingInIndonesia', 'regency', 'minAge', 'maxAge',
  'fundedCategories', 'puInstitutions', '__proto__', 'constructor', 'prototype', 'toString', 'extra'];

function value(r, depth = 0) {
  const k = Math.floor(r() * (depth > 6 ? 5 : 9));
  switch (k) {
    case 0: return WEIRD_NUMBERS[Math.floor(r() * WEIRD_NUMBERS.length)];
    case 1: return WEIRD_STRINGS[Math.floor(r() * WEIRD_STRINGS.length)];
    case 2: return [null, undefined, true, false][Math.floor(r() * 4)];
    case 3: return Math.floor(r() * 1000) - 10;
    case 4: return String(Math.floor(r() * 3e7));
    case 5: case 6: return object(r, depth + 1);
    case 7: return Array.from({ length: Math.floor(r() * 4) }, () => value(r, depth + 1));
    default: return nest(Math.floor(r() * 3000));
  }
}
function object(r, depth) {
  const o = r() < 0.1 ? Object.create(null) : {};
  const n = Math.floor(r() * 8);
  for (let i = 0; i < n; i++) {
    const key = KEYS[Math.floor(r() * KEYS.length)];
    Object.defineProperty(o, key, { value: value(r, depth), enumerable: true, configurable: true, writable: true });
  }
  return o;
}
function nest(n) {
  let v = {};
  for (let i = 0; i < n; i++) v = { units: [v] };
  return v;
}
// A valid request, then mutated: most fuzz inputs should get past the first field.
function nearValid(r) {
  const req = { firstMonth: '2026-01', months: 12, units: [{ name: 'Desa', groups: [{ category: 'pekerja_rentan', people: 10 }] }] };
  const targets = [req, req.units[0], req.units[0].groups[0]];
  for (let i = 0; i < 1 + Math.floor(r() * 3); i++) {
    const t = targets[Math.floor(r() * targets.length)];
    const key = KEYS[Math.floor(r() * KEYS.length)];
    Object.defineProperty(t, key, { value: value(r, 3), enumerable: true, configurable: true, writable: true });
  }
  return req;
}

const FUNCTIONS = {
  estimate: (v, lang) => api.estimate(v, lang),
  coverage: (v, lang) => api.coverage(v, lang),
  benefits: (v, lang) => api.benefits(v, lang),
  eligibility: (v, lang) => api.eligibility(v, lang),
  rulesInForce: (v, lang) => api.rulesInForce(v, lang),
  parseAmount: (v, lang) => api.parseAmount(v, lang),
  terbilang: (v, lang) => api.terbilang(v, lang),
};

function check(name, fn, input, lang) {
  try {
    const out = fn(input, lang);
    assert.ok(out !== undefined, `${name} returned undefined`);
    return 'ok';
  } catch (e) {
    // A string-typed parameter given a non-string is refused by the JS glue itself (a TypeError-free
    // conversion or a plain Error); everything the module throws must carry a stable code.
    if (e instanceof Error && typeof e.code === 'string') {
      assert.ok(CODES.has(e.code), `${name}: unknown code ${e.code}`);
      assert.ok(typeof e.message === 'string' && e.message.length > 0 && e.message.length < 2000);
      return 'error';
    }
    if ((name === 'rulesInForce' || name === 'parseAmount' || name === 'terbilang') && e instanceof Error && !(e instanceof WebAssembly.RuntimeError)) {
      return 'glue'; // wasm-bindgen refuses a non-string for a &str parameter before Rust runs
    }
    throw new Error(`${name} threw something without a code: ${e && e.stack || e}`);
  }
}

function stillCorrect() {
  const r = api.estimate({ firstMonth: '2026-01', months: 12, units: [{ name: 'x', funder: 'apbd', groups: [{ category: 'pekerja_rentan', people: 100 }] }] });
  assert.equal(r.total.total, '20160000');
}

for (const [name, fn] of Object.entries(FUNCTIONS)) {
  test(`${name}: ${CASES} generated inputs → a result or a coded error, module still correct`, () => {
    const r = rng(name.length * 7919);
    const tally = { ok: 0, error: 0, glue: 0 };
    for (let i = 0; i < CASES; i++) {
      const input = name === 'estimate' && r() < 0.5 ? nearValid(r) : value(r);
      const lang = r() < 0.9 ? ['id', 'en', undefined][Math.floor(r() * 3)] : value(r);
      tally[check(name, fn, input, lang)]++;
      if (i % 500 === 0) stillCorrect();
    }
    stillCorrect();
    console.log(`# fuzz ${name}: ${CASES} inputs, ${tally.ok} results, ${tally.error} coded errors, ${tally.glue} refused by the glue, 0 crashes`);
    assert.equal(tally.ok + tally.error + tally.glue, CASES);
  });
}

test('prototype pollution through the boundary is impossible', () => {
  const hostile = JSON.parse('{"__proto__":{"polluted":true},"firstMonth":"2026-01","months":1,"units":[{"name":"x","groups":[{"category":"pekerja_rentan","people":1}]}]}');
  const r = api.estimate(hostile);
  assert.equal(r.total.total, '16800');
  assert.equal(({}).polluted, undefined);
  assert.equal(Object.prototype.polluted, undefined);
});
