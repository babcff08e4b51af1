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

/** "2.37" → "2,37%" (id) / "2.37%" (en); string manipulation only. */
export function formatPercent(text, lang) {
  if (text === null || text === undefined || text === '') return '—';
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(text).trim());
  if (!m) return String(text);
  const int = formatNumber(m[2], lang);
  const dec = m[3] ? (lang === 'en' ? '.' : ',') + m[3] : '';
  return m[1] + int + dec + '%';
}

/** "2026-01" → "Januari 2026" / "January 2026". */
export function monthLabel(yyyyMm, lang) {
  const m = /^(\d{4})-(\d{2})$/.exec(String(yyyyMm || ''));
  if (!m) return '—';
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(Date.UTC(+m[1], +m[2] - 1, 1));
}

// Amounts typed the Indonesian way: "1.500.000", "Rp 1.500.000", "Rp1.500.000,-", "20 juta", "Rp20jt", "1,5 juta",
// "2 miliar", "500 ribu"/"500rb". Digits only (string arithmetic, never a float); null when it is not an amount.
const SCALE = { rb: 3, ribu: 3, k: 3, jt: 6, juta: 6, m: 9, miliar: 9, milyar: 9, t: 12, triliun: 12 };
export function parseRupiah(text) {
  const s = String(text ?? '').trim().toLowerCase().replace(/\s+/g, ' ')
    .replace(/^rp\.?\s?/, '').replace(/,-$|\.-$/, '');
  const m = /^(\d[\d.,]*?)\s?(rb|ribu|k|jt|juta|m|miliar|milyar|t|triliun)?\.?$/.exec(s);
  if (!m) return null;
  const [, n, unit] = m;
  let int, frac = '';
  if (/^\d{1,3}(\.\d{3})+(,0{1,2})?$/.test(n)) int = n.replace(/,0*$/, '').replace(/\./g, ''); // 1.500.000(,00)
  else if (/^\d+(,0{1,2})?$/.test(n)) int = n.replace(/,0*$/, '');
  else if (unit && /^\d+[.,]\d+$/.test(n)) [int, frac] = n.split(/[.,]/); // 1,5 juta / 1.5 jt
  else return null;
  const scale = unit ? SCALE[unit] : 0;
  frac = frac.replace(/0+$/, '');
  if (frac.length > scale) return null; // a fraction of a rupiah
  const digits = (int + frac.padEnd(scale, '0')).replace(/^0+(?=\d)/, '');
  return digits.length > 16 ? null : digits;
}

/** 7 → "Juli" / "July". */
export function monthName(m, lang) {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, m - 1, 1));
}

/** "2026-11-25" → "25 November 2026"; the text itself when it is not such a date. */
export function dateLabel(iso, lang) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso || ''));
  if (!m) return String(iso || '');
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(Date.UTC(+m[1], +m[2] - 1, +m[3]));
}
