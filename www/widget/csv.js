// CSV import (villages) and export. No DOM: runs in the browser and in Node.
// Money is never a JS number here: amounts go through the module's parseAmount and stay digit strings.

export const MAX_BYTES = 10 * 1024 * 1024;
export const MAX_ROWS = 100000;
export const MAX_COUNT = 300000000;
export const VILLAGE_CATEGORIES = ['pekerja_rentan', 'kepala_desa', 'perangkat_desa', 'bpd', 'rt_rw', 'kader', 'linmas', 'lembaga_desa'];

const MSG = {
  id: {
    TOO_LARGE: 'Berkas terlalu besar (lebih dari 10 MB). Pecah menjadi beberapa berkas. Tidak ada yang diubah.',
    BINARY: 'Berkas ini bukan teks CSV (mungkin berkas Excel .xlsx atau gambar). Simpan dari spreadsheet sebagai "CSV". Tidak ada yang diubah.',
    EMPTY: 'Berkas kosong: tidak ada baris desa. Tidak ada yang diubah.',
    TOO_MANY_ROWS: 'Terlalu banyak baris ({n}); paling banyak 100.000. Tidak ada yang diubah.',
    UNCLOSED_QUOTE: 'Tanda kutip yang dibuka di baris {row} tidak pernah ditutup. Tidak ada yang diubah.',
    NO_NAME_COLUMN: 'Kolom nama desa tidak ditemukan di baris judul (mis. "desa", "nama desa", "village", "name"). Tidak ada yang diubah.',
    NO_VALID_ROWS: 'Tidak ada baris yang sah. Tidak ada yang diubah.',
    NAME_MISSING: 'nama desa kosong',
    NAME_TOO_LONG: 'nama desa lebih dari 200 karakter',
    BAD_KIND: 'jenis "{v}" tidak dikenal (isi desa atau kelurahan)',
    BAD_COUNT: '{col}: "{v}" bukan bilangan bulat 0 sampai 300.000.000',
    BAD_AMOUNT: '{col}: {m}',
    KELURAHAN_DD: 'kelurahan tidak menerima Dana Desa, tetapi kolom Dana Desa terisi',
    DUPLICATE: 'nama "{v}" sudah ada di baris {first}',
    EXTRA_CELLS: 'baris ini punya {n} kolom, lebih banyak dari baris lain ({m}): mungkin ada pemisah di dalam nama atau angka; beri tanda kutip',
    imported: '{n} desa/kelurahan dibaca dari berkas ({enc}, pemisah "{sep}").',
    refused: '{n} baris ditolak:',
    row: 'Baris {row}: {m}',
    more: '… dan {n} lagi',
    ignored: 'Kolom diabaikan: {v}.',
    dupCol: '{v} (ganda)',
  },
  en: {
    TOO_LARGE: 'The file is too large (over 10 MB). Split it into several files. Nothing was changed.',
    BINARY: 'This file is not CSV text (perhaps an Excel .xlsx file or an image). Save it from the spreadsheet as "CSV". Nothing was changed.',
    EMPTY: 'The file is empty: no village rows. Nothing was changed.',
    TOO_MANY_ROWS: 'Too many rows ({n}); at most 100,000. Nothing was changed.',
    UNCLOSED_QUOTE: 'A quote opened in row {row} is never closed. Nothing was changed.',
    NO_NAME_COLUMN: 'No village name column in the header row (e.g. "desa", "nama desa", "village", "name"). Nothing was changed.',
    NO_VALID_ROWS: 'No valid rows. Nothing was changed.',
    NAME_MISSING: 'village name is empty',
    NAME_TOO_LONG: 'village name is longer than 200 characters',
    BAD_KIND: 'unknown kind "{v}" (use desa or kelurahan)',
    BAD_COUNT: '{col}: "{v}" is not a whole number from 0 to 300,000,000',
    BAD_AMOUNT: '{col}: {m}',
    KELURAHAN_DD: 'a kelurahan receives no Dana Desa, but the Dana Desa column is filled',
    DUPLICATE: 'name "{v}" already used in row {first}',
    EXTRA_CELLS: 'this row has {n} cells, more than the other rows ({m}): perhaps a separator inside a name or a number; put it in quotes',
    imported: '{n} villages read from the file ({enc}, separator "{sep}").',
    refused: '{n} rows refused:',
    row: 'Row {row}: {m}',
    more: '… and {n} more',
    ignored: 'Columns ignored: {v}.',
    dupCol: '{v} (duplicate)',
  },
};

const fill = (s, p) => s.replace(/\{(\w+)\}/g, (_, k) => (p && p[k] !== undefined ? String(p[k]) : ''));
export function csvMessage(code, params, lang) {
  const m = MSG[lang === 'en' ? 'en' : 'id'];
  return fill(m[code] || code, params);
}

class CsvError extends Error {
  constructor(code, params) { super(code); this.code = code; this.params = params || {}; }
}

// ---------------------------------------------------------------- decoding
const CP1252 = '\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\x8d\u017d\x8f'
  + '\x90\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\x9d\u017e\u0178';

function toBytes(input) {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  return null;
}

/** Bytes → { text, encoding }. Throws CsvError TOO_LARGE / BINARY. */
export function decodeCsvBytes(input) {
  const b = toBytes(input);
  if (!b) throw new TypeError('bytes expected');
  if (b.length > MAX_BYTES) throw new CsvError('TOO_LARGE');
  // UTF-16 with BOM (Excel "Unicode text")
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) {
    const enc = b[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return { text: checkText(new TextDecoder(enc).decode(b.subarray(2))), encoding: enc.toUpperCase() };
  }
  // UTF-16 without BOM: text whose every other byte is 0 (an ASCII header) is UTF-16, not binary.
  const utf16 = bomlessUtf16(b);
  if (utf16) return { text: checkText(new TextDecoder(utf16).decode(b)), encoding: utf16.toUpperCase() + ' (tanpa BOM)' };
  if (b.indexOf(0) !== -1) throw new CsvError('BINARY');
  let start = 0;
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) start = 3;
  let text;
  let encoding = 'UTF-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(start));
  } catch {
    // Not valid UTF-8: Windows-1252 (older Excel on Windows; some exports even put a UTF-8 BOM before it —
    // the BOM is dropped, not read as "ï»¿"). Node's decoder treats 0x80–0x9F as Latin-1, so map that range
    // ourselves (browsers already do).
    text = new TextDecoder('windows-1252').decode(b.subarray(start)).replace(/[\x80-\x9f]/g, (c) => CP1252[c.charCodeAt(0) - 0x80]);
    encoding = start ? 'Windows-1252 (setelah BOM UTF-8)' : 'Windows-1252';
  }
  return { text: checkText(text), encoding };
}

/** 'utf-16le' / 'utf-16be' when at least 90 % of the first 512 byte pairs have a 0 on one side only. */
function bomlessUtf16(b) {
  if (b.length < 4 || b.length % 2) return null;
  const n = Math.min(b.length, 1024);
  let le = 0, be = 0;
  for (let i = 0; i + 1 < n; i += 2) {
    if (b[i] !== 0 && b[i + 1] === 0) le++;
    else if (b[i] === 0 && b[i + 1] !== 0) be++;
  }
  const pairs = n / 2;
  if (le / pairs >= 0.9) return 'utf-16le';
  if (be / pairs >= 0.9) return 'utf-16be';
  return null;
}

function checkText(text) {
  if (text.indexOf('\0') !== -1) throw new CsvError('BINARY');
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd || (c >= 0x7f && c < 0xa0)) bad++;
  }
  if (sample.length && bad / sample.length > 0.05) throw new CsvError('BINARY');
  return text;
}

// ---------------------------------------------------------------- parsing
/** Pick the delimiter by counting candidates (outside quotes) in the first record. */
export function detectDelimiter(text) {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') q = !q;
    else if (!q && (c === '\n' || c === '\r')) break;
    else if (!q && c in counts) counts[c]++;
  }
  let best = ';';
  for (const d of [',', '\t']) if (counts[d] > counts[best]) best = d;
  return best;
}

/**
 * RFC 4180 parser with the usual spreadsheet leniencies: CRLF / LF / CR, quoted fields with "" and
 * newlines, an optional Excel "sep=;" first line. Returns { rows: string[][], delimiter }.
 */
export function parseCsv(text, delimiter) {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const sep = /^sep=(.)\r?\n/i.exec(text);
  if (sep) { delimiter = sep[1]; text = text.slice(sep[0].length); }
  const d = delimiter || detectDelimiter(text);
  const rows = [];
  let row = [];
  let field = '';
  let i = 0;
  const n = text.length;
  let quoteRow = 0;
  while (i < n) {
    const c = text[i];
    if (c === '"' && field === '') {
      // quoted field
      quoteRow = rows.length + 1;
      i++;
      let start = i;
      for (;;) {
        const j = text.indexOf('"', i);
        if (j === -1) throw new CsvError('UNCLOSED_QUOTE', { row: quoteRow });
        if (text[j + 1] === '"') { field += text.slice(start, j + 1); i = j + 2; start = i; continue; }
        field += text.slice(start, j);
        i = j + 1;
        break;
      }
      // anything up to the delimiter after the closing quote is kept as-is
      while (i < n && text[i] !== d && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
      continue;
    }
    if (c === d) { row.push(field); field = ''; i++; continue; }
    if (c === '\n' || c === '\r') {
      row.push(field); rows.push(row); row = []; field = '';
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    // plain run
    let j = i;
    while (j < n) {
      const k = text[j];
      if (k === d || k === '\n' || k === '\r') break;
      j++;
    }
    field += text.slice(i, j);
    i = j;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return { rows, delimiter: d };
}

// ---------------------------------------------------------------- header
const ALIASES = {
  name: ['desa', 'nama desa', 'village', 'name', 'nama', 'village name', 'desa/kelurahan', 'nama desa/kelurahan', 'kelurahan/desa', 'nama desa/kel'],
  kind: ['jenis', 'kind', 'type', 'tipe', 'status', 'jenis desa', 'status desa'],
  danaDesa: ['dana desa', 'pagu dana desa', 'pagu dd', 'dd', 'village fund', 'dana desa allocation', 'pagu'],
  pekerja_rentan: ['pekerja rentan', 'rentan', 'vulnerable workers', 'informal workers', 'pekerja informal'],
  kepala_desa: ['kepala desa', 'kades', 'village head'],
  perangkat_desa: ['perangkat desa', 'perangkat', 'village officials', 'village apparatus'],
  bpd: ['bpd', 'anggota bpd', 'bpd members'],
  rt_rw: ['rt/rw', 'rt rw', 'rtrw', 'ketua rt/rw', 'rt/rw heads'],
  kader: ['kader', 'kader posyandu', 'cadres'],
  linmas: ['linmas'],
  lembaga_desa: ['lembaga desa', 'lkd', 'lpmd', 'village institutions'],
};
const LOOKUP = new Map();
for (const [k, list] of Object.entries(ALIASES)) for (const a of list) LOOKUP.set(a, k);

function normHeader(h) {
  return String(h).toLowerCase().replace(/\(.*?\)/g, ' ').replace(/[_\-.:]+/g, ' ').replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ').trim().replace(/^(jumlah|jml|number of|count of) /, '').replace(/ (rp|orang|people)$/, '').trim();
}

/** Header cells → column mapping. Each column: { index, field: 'name'|'kind'|'danaDesa'|'people'|'target', category? } */
export function matchHeader(cells) {
  const cols = [];
  const ignored = [];
  const seen = new Set();
  cells.forEach((raw, index) => {
    const h = normHeader(raw);
    if (!h) return;
    let col = null;
    const direct = LOOKUP.get(h);
    if (direct === 'name' || direct === 'kind' || direct === 'danaDesa') col = { field: direct };
    else if (direct) col = { field: 'people', category: direct };
    else {
      const t = /^(?:target|sasaran)(?: (.+))?$/.exec(h) || /^(.+) (?:target|sasaran)$/.exec(h);
      if (t) {
        const cat = t[1] ? LOOKUP.get(t[1]) : 'pekerja_rentan';
        if (cat && VILLAGE_CATEGORIES.includes(cat)) col = { field: 'target', category: cat };
      }
    }
    if (!col) { ignored.push(String(raw).trim()); return; }
    const key = col.field + ':' + (col.category || '');
    if (seen.has(key)) { ignored.push({ dup: String(raw).trim() }); return; }
    seen.add(key);
    cols.push({ index, header: String(raw).trim(), ...col });
  });
  return { cols, ignored };
}

/** "1.500" / "1500" → 1500; "" → null; anything else → NaN. */
export function parseCount(text) {
  const s = String(text).replace(/[\s\u00a0]/g, '');
  if (s === '') return null;
  if (!/^(\d+|\d{1,3}(\.\d{3})+)$/.test(s)) return NaN;
  const v = Number(s.replace(/\./g, ''));
  return v <= MAX_COUNT ? v : NaN;
}

const KINDS = { desa: 'desa', village: 'desa', d: 'desa', kelurahan: 'kelurahan', kel: 'kelurahan', k: 'kelurahan', 'urban village': 'kelurahan' };
export const nameKey = (s) => String(s).trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Import villages from CSV bytes (or already-decoded text). Nothing is applied here: the caller gets a
 * staging result and applies result.villages at once when result.ok.
 * options: { parseAmount(text, lang) → digits (throws Error with message), lang }
 * Result: { ok, error: {code,message}|null, villages: [{ row, name, kind, danaDesa, people, targets }],
 *           refused: [{ row, code, message }], dataRows, encoding, delimiter, columns, ignored,
 *           hasPeople, hasTargets }
 * people / targets are { category: count } or null when the file has no such columns.
 */
export function importVillages(input, { parseAmount, lang = 'id' } = {}) {
  const res = { ok: false, error: null, villages: [], refused: [], dataRows: 0, encoding: '', delimiter: '', columns: [], ignored: [], hasPeople: false, hasTargets: false };
  const fail = (code, params) => { res.error = { code, message: csvMessage(code, params, lang) }; return res; };
  try {
    let text;
    if (typeof input === 'string') { text = input; res.encoding = 'UTF-8'; }
    else { const d = decodeCsvBytes(input); text = d.text; res.encoding = d.encoding; }
    const { rows, delimiter } = parseCsv(text);
    res.delimiter = delimiter;
    const isBlank = (r) => r.every((c) => c.trim() === '');
    let h = 0;
    while (h < rows.length && isBlank(rows[h])) h++;
    if (h >= rows.length) return fail('EMPTY');
    // a title line or two above the header row is common in exported sheets
    // (one non-empty cell each); skip those, never a real row
    for (let k = h; k < Math.min(rows.length, h + 10); k++) {
      if (matchHeader(rows[k]).cols.some((c) => c.field === 'name')) { h = k; break; }
      if (rows[k].filter((c) => c.trim()).length > 1) break;
    }
    let last = rows.length;
    while (last > h + 1 && isBlank(rows[last - 1])) last--;
    res.dataRows = last - h - 1;
    if (res.dataRows > MAX_ROWS) return fail('TOO_MANY_ROWS', { n: res.dataRows });
    const { cols, ignored } = matchHeader(rows[h]);
    res.columns = cols;
    res.ignored = ignored.map((v) => (typeof v === 'string' ? v : csvMessage('dupCol', { v: v.dup }, lang)));
    const nameCol = cols.find((c) => c.field === 'name');
    if (!nameCol) return fail('NO_NAME_COLUMN');
    if (res.dataRows <= 0) return fail('EMPTY');
    res.hasPeople = cols.some((c) => c.field === 'people');
    res.hasTargets = cols.some((c) => c.field === 'target');
    const firstRow = new Map();
    // Ragged rows: a row with filled cells beyond both the header and what most rows have was most likely
    // split by a separator inside a name or a number ("1,500" in a comma file): refused, never read shifted.
    const width = (r) => { let n = r.length; while (n > 0 && !r[n - 1].trim()) n--; return n; };
    const widths = new Map();
    for (let r = h + 1; r < last; r++) if (!isBlank(rows[r])) widths.set(width(rows[r]), (widths.get(width(rows[r])) || 0) + 1);
    let usual = 0;
    for (const [w, n] of widths) if (n > (widths.get(usual) || 0) || (n === (widths.get(usual) || 0) && w < usual)) usual = w;
    const allowed = Math.max(width(rows[h]), usual);
    for (let r = h + 1; r < last; r++) {
      const cells = rows[r];
      if (isBlank(cells)) continue;
      const rowNo = r + 1;
      const refuse = (code, params) => { res.refused.push({ row: rowNo, code, message: csvMessage(code, params, lang) }); };
      if (width(cells) > allowed) { refuse('EXTRA_CELLS', { n: width(cells), m: allowed }); continue; }
      const name = String(cells[nameCol.index] ?? '').trim().replace(/\s+/g, ' ');
      if (!name) { refuse('NAME_MISSING'); continue; }
      if (name.length > 200) { refuse('NAME_TOO_LONG'); continue; }
      const v = { row: rowNo, name, kind: 'desa', danaDesa: null, people: res.hasPeople ? {} : null, targets: res.hasTargets ? {} : null };
      let bad = false;
      for (const c of cols) {
        if (c === nameCol) continue;
        const cell = String(cells[c.index] ?? '').trim();
        if (c.field === 'kind') {
          if (!cell) continue;
          const k = KINDS[cell.toLowerCase()];
          if (!k) { refuse('BAD_KIND', { v: cell }); bad = true; break; }
          v.kind = k;
        } else if (c.field === 'danaDesa') {
          if (!cell) continue;
          try { v.danaDesa = parseAmount(cell, lang); } catch (e) {
            refuse('BAD_AMOUNT', { col: c.header, m: (e && e.message) || String(e) }); bad = true; break;
          }
        } else {
          const n = parseCount(cell);
          if (n === null) continue;
          if (Number.isNaN(n)) { refuse('BAD_COUNT', { col: c.header, v: cell }); bad = true; break; }
          (c.field === 'people' ? v.people : v.targets)[c.category] = n;
        }
      }
      if (bad) continue;
      if (v.kind === 'kelurahan' && v.danaDesa !== null && /[1-9]/.test(v.danaDesa)) { refuse('KELURAHAN_DD'); continue; }
      if (v.kind === 'kelurahan') v.danaDesa = null;
      const key = nameKey(name);
      if (firstRow.has(key)) { refuse('DUPLICATE', { v: name, first: firstRow.get(key) }); continue; }
      firstRow.set(key, rowNo);
      res.villages.push(v);
    }
    if (!res.villages.length) return fail('NO_VALID_ROWS');
    res.ok = true;
    return res;
  } catch (e) {
    if (e instanceof CsvError) return fail(e.code, e.params);
    throw e;
  }
}

/** Human summary of an import result: an array of lines (first one is the headline). */
export function importReport(res, lang, maxListed = 20) {
  const m = (c, p) => csvMessage(c, p, lang);
  const lines = [];
  if (res.error) lines.push(res.error.message);
  else lines.push(m('imported', { n: res.villages.length, enc: res.encoding, sep: res.delimiter === '\t' ? 'tab' : res.delimiter }));
  if (res.refused.length) {
    lines.push(m('refused', { n: res.refused.length }));
    for (const r of res.refused.slice(0, maxListed)) lines.push(m('row', { row: r.row, m: r.message }));
    if (res.refused.length > maxListed) lines.push(m('more', { n: res.refused.length - maxListed }));
  }
  if (res.ignored.length) lines.push(m('ignored', { v: res.ignored.join(', ') }));
  return lines;
}

// ---------------------------------------------------------------- export
/**
 * Spreadsheet formula injection: a cell starting with = + - @ tab or CR gets a leading apostrophe, and so does
 * every such character that follows , ; tab, a line break or a quote inside the cell — a spreadsheet that splits
 * the file on another separator (Excel in another locale) would otherwise start a cell there.
 */
export function neutralizeCell(v) {
  const s = v === null || v === undefined ? '' : String(v);
  return s.replace(FORMULA, "'");
}
const FORMULA = /(?:^|(?<=[,;\t\r\n"]))(?=[=+\-@\t\r])/g;

/** rows: array of arrays of strings/integers → CSV text with BOM and CRLF, quoted where needed. */
export function toCsv(rows, { separator = ';', bom = true } = {}) {
  const needs = new RegExp('["\\r\\n' + (separator === '\t' ? '\\t' : separator.replace(/[\\\]^-]/g, '\\$&')) + ']');
  const out = rows.map((r) => r.map((v) => {
    const s = neutralizeCell(v);
    return needs.test(s) || /^\s|\s$/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }).join(separator));
  return (bom ? '\ufeff' : '') + out.join('\r\n') + '\r\n';
}
