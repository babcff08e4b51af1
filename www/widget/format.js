// Display formatting. Money stays a string of digits / BigInt — never a JS float.
const cache = new Map();
function nf(lang, currency) {
  const key = lang + (currency ? 'c' : 'n');
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'id-ID', currency
      ? { style: 'currency', currency: 'IDR', currencyDisplay: 'code', maximumFractionDigits: 0, minimumFractionDigits: 0 }
      : { maximumFractionDigits: 0 });
    cache.set(key, f);
  }
  return f;
}

function toBig(v) {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'bigint') return v;
  const s = String(v).trim();
  if (!/^-?\d+$/.test(s)) return null;
  return BigInt(s);
}

/** "20160000" → "Rp20.160.000" (id) / "Rp20,160,000" (en). "—" when absent. */
export function formatRupiah(digits, lang) {
  const b = toBig(digits);
  if (b === null) return '—';
  let out = '';
  for (const p of nf(lang, true).formatToParts(b)) {
    if (p.type === 'currency') out += 'Rp';
    else if (p.type !== 'literal') out += p.value;
  }
  return out;
}

/** Integer counts: 1234 → "1.234" (id) / "1,234" (en). */
export function formatNumber(n, lang) {
  if (n === null || n === undefined || n === '') return '—';
  const b = toBig(typeof n === 'number' ? Math.trunc(n) : n);
  return b === null ? '—' : nf(lang, false).format(b);
}

/** "2.37" → "2,37 %" (id) / "2.37%" (en); string manipulation only. */
export function formatPercent(text, lang) {
  if (text === null || text === undefined || text === '') return '—';
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(text).trim());
  if (!m) return String(text);
  const int = formatNumber(m[2], lang);
  const dec = m[3] ? (lang === 'en' ? '.' : ',') + m[3] : '';
  return m[1] + int + dec + (lang === 'en' ? '%' : '\u00a0%');
}

/** "2026-01" → "Januari 2026" / "January 2026". */
export function monthLabel(yyyyMm, lang) {
  const m = /^(\d{4})-(\d{2})$/.exec(String(yyyyMm || ''));
  if (!m) return '—';
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(Date.UTC(+m[1], +m[2] - 1, 1));
}
