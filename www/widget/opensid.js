// OpenSID resident export → counts per village of the people a regency funds. No DOM: runs in the browser
// and in Node. Nothing leaves the browser; names, NIK and birth dates are read one row at a time, used for the
// count and dropped: the result holds counts, reasons and row numbers only.
//
// Formats and values, from the sources (OpenSID/OpenSID v2410.0.0, commit 4b3d567; OpenSID/OpenDK v2608.0.1,
// commit 7931240). See docs/opensid.md for the full notes.
//  - "Ekspor Penduduk" / "Ekspor Penduduk Huruf" (Kependudukan › Penduduk › Impor / Ekspor):
//      donjo-app/controllers/Penduduk.php  ekspor($huruf): one .xlsx sheet, header = Impor_model::$daftar_kolom
//      donjo-app/models/Impor_model.php    $daftar_kolom: alamat, dusun, rw, rt, nama, no_kk, nik, sex, tempatlahir,
//                                          tanggallahir, agama_id, …, pekerjaan_id, …, status_dasar, … (43 columns;
//                                          no desa column: one file per village)
//      donjo-app/models/Ekspor_model.php   expor(): tanggallahir written as Y-m-d; codes stored as '0' written as '';
//                                          empty dusun/rw/rt written as '-'; ekspor_huruf(): pekerjaan_id → the name in
//                                          tweb_penduduk_pekerjaan, status_dasar → the name of the SAME id in
//                                          tweb_penduduk_status (1 → "TETAP", 2 → "TIDAK TETAP", others → empty): a quirk
//                                          this module reads as 1 = HIDUP, 2 = MATI, empty = not living.
//      assets/import/contoh_penduduk.xlsx  the sample export: the same 43 headers, dates 1996-03-10, codes as digits.
//  - "Unduh" (Kependudukan › Penduduk › Pilih Aksi Lainnya › Unduh): an HTML table named Penduduk_<date>.xls,
//      donjo-app/views/sid/kependudukan/penduduk_unduh.php + penduduk_cetak.php: title lines (get_identitas():
//      "<Sebutan desa> : <nama desa> <Kec> : <kecamatan> Kab : <kabupaten>", "DATA PENDUDUK"), then No, No. KK, NIK,
//      Tag Id Card, Nama, Alamat, <sebutan dusun>, RW, RT, Jenis Kelamin, Tempat Lahir, Tanggal Lahir (tgl_indo:
//      "10 Maret 1996"), Umur, Agama, Pendidikan (dlm KK), Pekerjaan (name), Kawin, Hub. Keluarga, Nama Ayah,
//      Nama Ibu, Status (Tetap/Pendatang: residence, not status_dasar; the list is filtered to HIDUP by default,
//      Penduduk::clear_session()). donjo-app/helpers/donjolib_helper.php tgl_indo(), bulan().
//  - OpenDK "Ekspor" of Data › Penduduk (several villages): app/Exports/ExportPenduduk.php headings ID, NAMA, NIK,
//      NO.KK, DESA, ALAMAT, PENDIDIKAN DALAM KK, TANGGAL LAHIR, UMUR, PEKERJAAN, STATUS KAWIN ("tidak diketahui" as
//      DESA when unknown; no status column). OpenDK counts per desa_id with status_dasar = 1 and
//      TIMESTAMPDIFF(YEAR, tanggal_lahir, CURDATE()) (app/Models/Penduduk.php getPendudukAktif(),
//      app/Services/StatistikChartPendudukUsiaService.php).
//  - pekerjaan ids and names: donjo-app/models/seeders/Data_awal_seeder.php (tweb_penduduk_pekerjaan, ids 1–89;
//      Impor_model::data_import_valid() accepts 1–89); status_dasar: tweb_status_dasar 1 HIDUP, 2 MATI, 3 PINDAH,
//      4 HILANG, 6 PERGI, 9 TIDAK VALID (same seeder; migration create_tweb_penduduk_table: default 1).
//      Text codes are matched as Impor_model::get_kode() does: case and spaces ignored.

import { decodeCsvBytes, parseCsv, csvMessage, nameKey, MAX_BYTES, MAX_ROWS } from './csv.js';

export { MAX_BYTES, MAX_ROWS };
/** Must equal WORK_KINDS in i18n.js (a test checks it); not imported so this module depends on csv.js only. */
export const WORK_KINDS = ['nelayan', 'petani', 'pedagang', 'buruh', 'pekerja_keagamaan', 'transportasi', 'lainnya'];
/** Categories a resident file can tell: pekerja rentan by pekerjaan, and the two village offices (ids 85, 86). */
export const RESIDENT_CATEGORIES = ['pekerja_rentan', 'kepala_desa', 'perangkat_desa'];
export const MAX_NAME = 200;
const MAX_LISTED = 20;

// ---------------------------------------------------------------- pekerjaan
// tweb_penduduk_pekerjaan (Data_awal_seeder.php) with this calculator's reading of each value:
//   a work kind  → pekerja rentan (informal, non-wage: BPU) of that kind;
//   'no'         → not pekerja rentan: not working, in school, retired, wage employment, public office, professions;
//   'unclear'    → may or may not be informal (a sector, "wiraswasta", "lainnya"): not counted unless the caller says
//                  so with options.jobs, and reported apart so the admin sees how many;
//   a category   → kepala_desa / perangkat_desa (wage earners of the village, counted only if funded).
// Sector first: a buruh tani is counted as petani and a buruh nelayan as nelayan (the risk and the programmes follow
// the sector); "buruh" is day labour outside farming and fishing. Only transportasi changes a figure today (the
// PP 50/2025 transport sector relief); the other kinds are for the report.
export const PEKERJAAN = [
  [1, 'BELUM/TIDAK BEKERJA', 'no'],
  [2, 'MENGURUS RUMAH TANGGA', 'no'],
  [3, 'PELAJAR/MAHASISWA', 'no'],
  [4, 'PENSIUNAN', 'no'],
  [5, 'PEGAWAI NEGERI SIPIL (PNS)', 'no'],
  [6, 'TENTARA NASIONAL INDONESIA (TNI)', 'no'],
  [7, 'KEPOLISIAN RI (POLRI)', 'no'],
  [8, 'PERDAGANGAN', 'pedagang'],
  [9, 'PETANI/PEKEBUN', 'petani'],
  [10, 'PETERNAK', 'petani'],
  [11, 'NELAYAN/PERIKANAN', 'nelayan'],
  [12, 'INDUSTRI', 'unclear'],
  [13, 'KONSTRUKSI', 'unclear'],
  [14, 'TRANSPORTASI', 'transportasi'],
  [15, 'KARYAWAN SWASTA', 'no'],
  [16, 'KARYAWAN BUMN', 'no'],
  [17, 'KARYAWAN BUMD', 'no'],
  [18, 'KARYAWAN HONORER', 'no'],
  [19, 'BURUH HARIAN LEPAS', 'buruh'],
  [20, 'BURUH TANI/PERKEBUNAN', 'petani'],
  [21, 'BURUH NELAYAN/PERIKANAN', 'nelayan'],
  [22, 'BURUH PETERNAKAN', 'petani'],
  [23, 'PEMBANTU RUMAH TANGGA', 'lainnya'],
  [24, 'TUKANG CUKUR', 'lainnya'],
  [25, 'TUKANG LISTRIK', 'lainnya'],
  [26, 'TUKANG BATU', 'buruh'],
  [27, 'TUKANG KAYU', 'buruh'],
  [28, 'TUKANG SOL SEPATU', 'lainnya'],
  [29, 'TUKANG LAS/PANDAI BESI', 'lainnya'],
  [30, 'TUKANG JAHIT', 'lainnya'],
  [31, 'TUKANG GIGI', 'lainnya'],
  [32, 'PENATA RIAS', 'lainnya'],
  [33, 'PENATA BUSANA', 'lainnya'],
  [34, 'PENATA RAMBUT', 'lainnya'],
  [35, 'MEKANIK', 'lainnya'],
  [36, 'SENIMAN', 'lainnya'],
  [37, 'TABIB', 'lainnya'],
  [38, 'PARAJI', 'lainnya'],
  [39, 'PERANCANG BUSANA', 'unclear'],
  [40, 'PENTERJEMAH', 'unclear'],
  [41, 'IMAM MASJID', 'pekerja_keagamaan'],
  [42, 'PENDETA', 'pekerja_keagamaan'],
  [43, 'PASTOR', 'pekerja_keagamaan'],
  [44, 'WARTAWAN', 'unclear'],
  [45, 'USTADZ/MUBALIGH', 'pekerja_keagamaan'],
  [46, 'JURU MASAK', 'lainnya'],
  [47, 'PROMOTOR ACARA', 'unclear'],
  [48, 'ANGGOTA DPR-RI', 'no'],
  [49, 'ANGGOTA DPD', 'no'],
  [50, 'ANGGOTA BPK', 'no'],
  [51, 'PRESIDEN', 'no'],
  [52, 'WAKIL PRESIDEN', 'no'],
  [53, 'ANGGOTA MAHKAMAH KONSTITUSI', 'no'],
  [54, 'ANGGOTA KABINET KEMENTERIAN', 'no'],
  [55, 'DUTA BESAR', 'no'],
  [56, 'GUBERNUR', 'no'],
  [57, 'WAKIL GUBERNUR', 'no'],
  [58, 'BUPATI', 'no'],
  [59, 'WAKIL BUPATI', 'no'],
  [60, 'WALIKOTA', 'no'],
  [61, 'WAKIL WALIKOTA', 'no'],
  [62, 'ANGGOTA DPRD PROVINSI', 'no'],
  [63, 'ANGGOTA DPRD KABUPATEN/KOTA', 'no'],
  [64, 'DOSEN', 'no'],
  [65, 'GURU', 'no'],
  [66, 'PILOT', 'no'],
  [67, 'PENGACARA', 'no'],
  [68, 'NOTARIS', 'no'],
  [69, 'ARSITEK', 'no'],
  [70, 'AKUNTAN', 'no'],
  [71, 'KONSULTAN', 'no'],
  [72, 'DOKTER', 'no'],
  [73, 'BIDAN', 'no'],
  [74, 'PERAWAT', 'no'],
  [75, 'APOTEKER', 'no'],
  [76, 'PSIKIATER/PSIKOLOG', 'no'],
  [77, 'PENYIAR TELEVISI', 'no'],
  [78, 'PENYIAR RADIO', 'no'],
  [79, 'PELAUT', 'unclear'],
  [80, 'PENELITI', 'no'],
  [81, 'SOPIR', 'transportasi'],
  [82, 'PIALANG', 'no'],
  [83, 'PARANORMAL', 'unclear'],
  [84, 'PEDAGANG', 'pedagang'],
  [85, 'PERANGKAT DESA', 'perangkat_desa'],
  [86, 'KEPALA DESA', 'kepala_desa'],
  [87, 'BIARAWATI', 'unclear'],
  [88, 'WIRASWASTA', 'unclear'],
  [89, 'LAINNYA', 'unclear'],
];
// A few spellings seen in Dukcapil data and hand-made sheets (not OpenSID values): → OpenSID id.
const JOB_ALIASES = {
  PETANI: 9, PEKEBUN: 9, NELAYAN: 11, PERIKANAN: 11, BURUH: 19, 'BURUH HARIAN': 19, 'BURUH TANI': 20, 'BURUH NELAYAN': 21,
  PNS: 5, TNI: 6, POLRI: 7, 'IBU RUMAH TANGGA': 2, IRT: 2, 'BELUM BEKERJA': 1, 'TIDAK BEKERJA': 1, PELAJAR: 3, MAHASISWA: 3,
};
// OpenSID's get_kode(): lower case, spaces removed ("SLTA / SEDERAJAT" = "SLTA/SEDERAJAT").
const jobKey = (s) => String(s).toLowerCase().replace(/\s+/g, '');
const JOB_BY_NAME = new Map();
for (const [i, n] of PEKERJAAN) JOB_BY_NAME.set(jobKey(n), i);
for (const [n, i] of Object.entries(JOB_ALIASES)) if (!JOB_BY_NAME.has(jobKey(n))) JOB_BY_NAME.set(jobKey(n), i);
const JOB_CLASS = new Map(PEKERJAAN.map(([i, , c]) => [i, c]));

/** A pekerjaan cell → OpenSID id (1–89), 0 when empty or "-", -1 when not recognised. */
export function pekerjaanId(cell) {
  const s = String(cell ?? '').trim().replace(/^'/, '');
  if (s === '' || s === '-') return 0;
  if (/^\d{1,3}$/.test(s)) { const n = +s; return n >= 1 && n <= 89 ? n : -1; }
  if (s.length > 100) return -1;
  return JOB_BY_NAME.get(jobKey(s)) ?? -1;
}

// ---------------------------------------------------------------- status_dasar
// tweb_status_dasar 1 HIDUP, 2 MATI, 3 PINDAH, 4 HILANG, 6 PERGI, 9 TIDAK VALID; Impor_model also reads
// "PINDAH DALAM NEGERI" / "PINDAH LUAR NEGERI" as 3. "TETAP" / "TIDAK TETAP": the Huruf export's quirk (see top).
const STATUS_TEXT = {
  hidup: 1, tetap: 1, mati: 2, 'tidaktetap': 2, pindah: 3, pindahdalamnegeri: 3, pindahluarnegeri: 3, hilang: 4, pergi: 6, tidakvalid: 9,
};
/** → 1 (living), 0 (not living), -1 (unreadable), null (empty). */
function statusOf(cell) {
  const s = String(cell ?? '').trim();
  if (s === '' || s === '-') return null;
  if (/^\d{1,2}$/.test(s)) { const n = +s; return n === 1 ? 1 : [2, 3, 4, 6, 9].includes(n) ? 0 : -1; }
  const v = STATUS_TEXT[jobKey(s)];
  return v === undefined ? -1 : v === 1 ? 1 : 0;
}

// ---------------------------------------------------------------- dates
const MONTHS = {
  januari: 1, jan: 1, january: 1, februari: 2, feb: 2, pebruari: 2, february: 2, maret: 3, mar: 3, march: 3, april: 4, apr: 4,
  mei: 5, may: 5, juni: 6, jun: 6, june: 6, juli: 7, jul: 7, july: 7, agustus: 8, agu: 8, agt: 8, ags: 8, aug: 8, august: 8,
  september: 9, sep: 9, sept: 9, oktober: 10, okt: 10, oct: 10, october: 10, november: 11, nov: 11, nopember: 11,
  desember: 12, des: 12, dec: 12, december: 12,
};
const validYmd = (y, m, d) => {
  if (!(y >= 1850 && y <= 2200 && m >= 1 && m <= 12 && d >= 1)) return null;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= dim ? { y, m, d } : null;
};
const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DMY = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/;
const TEXT_DATE = /^(\d{1,2})[ -]+([A-Za-z]+)\.?[ -]+(\d{4})$/;

/**
 * A birth-date cell → { y, m, d } or null. Y-m-d (what OpenSID writes), d-m-Y / d/m/Y / d.m.Y (what OpenSID's
 * own import reads: format_tanggal() turns '/' into '-' so it is day first), "10 Maret 1996" (tgl_indo()).
 * order 'mdy' reads the slashed form month first (a file saved by a US-English spreadsheet; see dateOrder()).
 */
export function parseBirthDate(cell, order = 'dmy') {
  const s = String(cell ?? '').trim().replace(/^'/, '');
  let r = ISO.exec(s);
  if (r) return validYmd(+r[1], +r[2], +r[3]);
  r = DMY.exec(s);
  if (r) return order === 'mdy' ? validYmd(+r[4], +r[1], +r[3]) : validYmd(+r[4], +r[3], +r[1]);
  r = TEXT_DATE.exec(s);
  if (r) { const m = MONTHS[r[2].toLowerCase()]; return m ? validYmd(+r[3], m, +r[1]) : null; }
  return null;
}

/** Day-first unless some slashed date has a second part over 12 and none has a first part over 12. */
function dateOrder(cells) {
  let dayFirst = 0, monthFirst = 0;
  for (const c of cells) {
    const r = DMY.exec(String(c ?? '').trim().replace(/^'/, ''));
    if (!r) continue;
    if (+r[1] > 12) dayFirst++;
    if (+r[3] > 12) monthFirst++;
  }
  return monthFirst > 0 && dayFirst === 0 ? 'mdy' : 'dmy';
}

/** Full years from birth to the day asOf (both { y, m, d }). */
export function ageAt(b, at) {
  let a = at.y - b.y;
  if (at.m < b.m || (at.m === b.m && at.d < b.d)) a--;
  return a;
}

function asOfDay(asOf) {
  if (asOf instanceof Date && !Number.isNaN(asOf.getTime())) return { y: asOf.getFullYear(), m: asOf.getMonth() + 1, d: asOf.getDate() };
  const r = /^(\d{4})-(0[1-9]|1[0-2])(?:-(\d{2}))?$/.exec(String(asOf ?? ''));
  if (r) return validYmd(+r[1], +r[2], r[3] ? +r[3] : 1);
  return null;
}

// ---------------------------------------------------------------- header
// Header cells are compared without case, spaces, underscores, dots, hyphens or brackets' contents.
const headKey = (h) => (String(h ?? '').length > 100 ? '' : String(h).toLowerCase().replace(/\([^()]*\)/g, '').replace(/[\s_.\-:]+/g, ''));
const HEAD = {
  pekerjaan: ['pekerjaanid', 'pekerjaan', 'jenispekerjaan', 'idpekerjaan', 'kodepekerjaan'],
  tanggallahir: ['tanggallahir', 'tgllahir', 'tanggallhr', 'tgllhr', 'tanggalkelahiran'],
  umur: ['umur', 'usia', 'umurtahun'],
  status: ['statusdasar'],
  desa: ['desa', 'namadesa', 'desa/kelurahan', 'namadesa/kelurahan', 'kelurahan/desa', 'kelurahan', 'village'],
  nik: ['nik'],
};
const HEAD_LOOKUP = new Map();
for (const [k, list] of Object.entries(HEAD)) for (const a of list) HEAD_LOOKUP.set(a, k);

/** Header cells → { pekerjaan, tanggallahir, umur, status, desa, nik } column indexes (first of each). */
export function matchResidentHeader(cells) {
  const cols = {};
  cells.forEach((raw, i) => {
    const k = HEAD_LOOKUP.get(headKey(raw));
    if (k && cols[k] === undefined) cols[k] = i;
  });
  return cols;
}
const isHeader = (cols) => cols.pekerjaan !== undefined && (cols.tanggallahir !== undefined || cols.umur !== undefined);

// get_identitas(): "Desa : Sukamaju Kec : Cibeber Kab : Cianjur" (sebutan desa / kecamatan are settings).
const IDENTITAS = /^\s*[A-Za-z][A-Za-z ]{0,30}\s:\s*(.+?)\s+[A-Za-z][A-Za-z.]{0,20}\s:\s*.+?\s+Kab\s:\s*.+$/;

// ---------------------------------------------------------------- HTML table (OpenSID "Unduh" .xls)
const ENT = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const unent = (s) => s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (m, e) => {
  if (e[0] === '#') {
    const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : '';
  }
  return ENT[e.toLowerCase()] ?? m;
});
// Every pattern here is linear on hostile input: no lazy scan to a closing tag that may never come.
const cutBlocks = (text) => { // <script>, <style>, <head> and <!-- --> blocks out, by indexOf (an unclosed one ends the text)
  const low = text.toLowerCase();
  let out = '';
  let i = 0;
  const open = /<(script|style|head)\b|<!--/g;
  for (let m; (m = open.exec(low));) {
    if (m.index < i) { open.lastIndex = i; continue; }
    out += text.slice(i, m.index) + ' ';
    const close = m[0] === '<!--' ? '-->' : '</' + m[1];
    const j = low.indexOf(close, m.index + m[0].length);
    if (j < 0) { i = text.length; break; }
    const k = close === '-->' ? j + 3 : low.indexOf('>', j);
    i = k < 0 ? text.length : close === '-->' ? k : k + 1;
    open.lastIndex = i;
  }
  return out + text.slice(i);
};
const cellText = (s) => unent(s.replace(/<br\s*\/?>/gi, ' ').replace(/<[^<>]*>/g, ' ').replace(/</g, ' ')).replace(/\s+/g, ' ').trim();
/** Text of an HTML page holding a table → rows of cell texts (tags dropped, entities decoded). Nothing is run. */
export function htmlTableRows(text) {
  const rows = [];
  // lines outside the table (the title lines) become one-cell rows, as a spreadsheet shows them
  const parts = cutBlocks(text).split(/<table\b[^<>]*>|<\/table\s*>/i);
  parts.forEach((part, k) => {
    if (k > 1) return; // the first table only; what follows it ("Tanggal cetak") is not data
    if (k % 2 === 0) {
      for (const line of part.split(/<\/(?:h\d|label|p|div)\s*>|<br\s*\/?>/i)) { const t = cellText(line); if (t) rows.push([t]); }
      return;
    }
    for (const tr of part.split(/<tr\b[^<>]*>/i).slice(1)) {
      const cells = [];
      for (const td of tr.split(/<t[dh]\b[^<>]*>/i).slice(1)) cells.push(cellText(td.split(/<\/t[dh]\s*>|<\/tr\s*>/i)[0]));
      if (cells.length) rows.push(cells);
    }
  });
  return rows;
}
const looksHtml = (text) => /^\s*(?:\ufeff)?\s*</.test(text) && /<table\b/i.test(text.slice(0, 200000));

// ---------------------------------------------------------------- messages
const MSG = {
  id: {
    NO_HEADER: 'Baris judul data penduduk OpenSID tidak ditemukan: perlu kolom pekerjaan ("pekerjaan_id" atau "Pekerjaan") dan "tanggallahir" / "Tanggal Lahir" atau "Umur". Tidak ada yang diubah.',
    EMPTY: 'Berkas kosong: tidak ada baris penduduk. Tidak ada yang diubah.',
    NO_VILLAGE_NAME: 'Berkas ini tidak punya kolom desa; pilih dulu desanya (ekspor OpenSID berisi satu desa). Tidak ada yang diubah.',
    BAD_AS_OF: 'Bulan acuan umur tidak sah (isi TTTT-BB). Tidak ada yang diubah.',
    BAD_AGES: 'Rentang umur tidak sah (0 sampai 120, batas bawah tidak melebihi batas atas). Tidak ada yang diubah.',
    NOTHING_FUNDED: 'Tidak ada golongan yang didanai yang bisa dihitung dari data penduduk. Tidak ada yang diubah.',
    EXTRA_CELLS: 'baris dengan kolom lebih banyak dari baris judul (mungkin ada pemisah di dalam isian; beri tanda kutip)',
    NOT_A_ROW: 'bukan baris penduduk (hanya satu isian, mis. "Tanggal cetak")',
    NO_VILLAGE: 'nama desa kosong atau "tidak diketahui"',
    VILLAGE_TOO_LONG: 'nama desa lebih dari 200 karakter',
    DUPLICATE_NIK: 'NIK sama dengan baris sebelumnya (dihitung sekali)',
    NOT_LIVING: 'bukan penduduk hidup (status dasar mati, pindah, hilang, pergi atau tidak valid)',
    BAD_STATUS: 'status dasar tidak dikenal',
    NO_JOB: 'pekerjaan kosong',
    UNKNOWN_JOB: 'pekerjaan tidak dikenal (bukan kode 1–89 atau nama pekerjaan OpenSID)',
    NOT_RENTAN: 'pekerjaan bukan pekerja rentan (mis. belum bekerja, pelajar, mengurus rumah tangga, pensiunan, PNS, TNI, POLRI, karyawan)',
    UNCLEAR_JOB: 'pekerjaan belum tentu pekerja rentan (industri, konstruksi, wiraswasta, lainnya …); tidak dihitung',
    NOT_FUNDED: 'golongan atau jenis pekerjaan ini tidak didanai kabupaten',
    NO_DATE: 'tanggal lahir kosong',
    BAD_DATE: 'tanggal lahir atau umur tidak terbaca',
    TOO_YOUNG: 'di bawah umur {min} tahun',
    TOO_OLD: 'di atas umur {max} tahun',
    counted: '{n} orang dihitung di {v} desa dari {rows} baris ({enc}, pemisah "{sep}"); umur per {asOf}.',
    countedHtml: '{n} orang dihitung di {v} desa dari {rows} baris (tabel unduhan OpenSID); umur per {asOf}.',
    skipped: '{n} baris tidak dihitung:',
    reason: '{n} × {m}: baris {rows}',
    more: '…',
    fromUmur: '{n} orang: umur diambil dari kolom Umur (tanggal lahir tidak terbaca); umur itu dihitung saat berkas diunduh.',
    noStatus: 'Berkas tanpa kolom status dasar: semua baris dianggap penduduk hidup. Ekspor OpenDK juga memuat yang sudah meninggal atau pindah; pakai ekspor OpenSID bila ada.',
    privacy: 'Nama, NIK dan tanggal lahir tidak disimpan; hanya jumlah per desa.',
  },
  en: {
    NO_HEADER: 'No OpenSID resident header row found: a pekerjaan column ("pekerjaan_id" or "Pekerjaan") and "tanggallahir" / "Tanggal Lahir" or "Umur" are needed. Nothing was changed.',
    EMPTY: 'The file is empty: no resident rows. Nothing was changed.',
    NO_VILLAGE_NAME: 'This file has no village column; choose the village first (an OpenSID export holds one village). Nothing was changed.',
    BAD_AS_OF: 'The month ages are counted at is not valid (use YYYY-MM). Nothing was changed.',
    BAD_AGES: 'The age range is not valid (0 to 120, the lower bound not above the upper). Nothing was changed.',
    NOTHING_FUNDED: 'None of the funded groups can be counted from resident data. Nothing was changed.',
    EXTRA_CELLS: 'row with more cells than the header (perhaps a separator inside a value; put it in quotes)',
    NOT_A_ROW: 'not a resident row (a single filled cell, e.g. "Tanggal cetak")',
    NO_VILLAGE: 'village name empty or "tidak diketahui"',
    VILLAGE_TOO_LONG: 'village name longer than 200 characters',
    DUPLICATE_NIK: 'same NIK as an earlier row (counted once)',
    NOT_LIVING: 'not a living resident (status dasar dead, moved, missing, gone or invalid)',
    BAD_STATUS: 'unknown status dasar',
    NO_JOB: 'pekerjaan empty',
    UNKNOWN_JOB: 'unknown pekerjaan (not a code 1–89 or an OpenSID pekerjaan name)',
    NOT_RENTAN: 'pekerjaan is not vulnerable informal work (e.g. not working, student, homemaker, retired, civil servant, army, police, employee)',
    UNCLEAR_JOB: 'pekerjaan may or may not be informal work (industri, konstruksi, wiraswasta, lainnya …); not counted',
    NOT_FUNDED: 'this group or kind of work is not funded by the regency',
    NO_DATE: 'birth date empty',
    BAD_DATE: 'birth date or age unreadable',
    TOO_YOUNG: 'younger than {min}',
    TOO_OLD: 'older than {max}',
    counted: '{n} people counted in {v} villages from {rows} rows ({enc}, separator "{sep}"); ages at {asOf}.',
    countedHtml: '{n} people counted in {v} villages from {rows} rows (OpenSID download table); ages at {asOf}.',
    skipped: '{n} rows not counted:',
    reason: '{n} × {m}: rows {rows}',
    more: '…',
    fromUmur: '{n} people: age taken from the Umur column (birth date unreadable); that age is as of the download.',
    noStatus: 'The file has no status dasar column: every row is taken as a living resident. OpenDK\'s export also holds people who died or moved; use the OpenSID export when you can.',
    privacy: 'Names, NIK and birth dates are not kept; only counts per village.',
  },
};
const fill = (s, p) => s.replace(/\{(\w+)\}/g, (_, k) => (p && p[k] !== undefined ? String(p[k]) : ''));
/** Message for a refusal or a skip reason code, in 'id' (default) or 'en'; csv.js codes (TOO_LARGE, BINARY …) too. */
export function opensidMessage(code, params, lang) {
  const m = MSG[lang === 'en' ? 'en' : 'id'];
  return m[code] !== undefined ? fill(m[code], params) : csvMessage(code, params, lang);
}
const CSV_ERRORS = ['TOO_LARGE', 'BINARY', 'UNCLOSED_QUOTE', 'EMPTY', 'TOO_MANY_ROWS'];
const REASONS = ['EXTRA_CELLS', 'NOT_A_ROW', 'NO_VILLAGE', 'VILLAGE_TOO_LONG', 'DUPLICATE_NIK', 'NOT_LIVING', 'BAD_STATUS', 'NO_JOB',
  'UNKNOWN_JOB', 'NOT_RENTAN', 'UNCLEAR_JOB', 'NOT_FUNDED', 'NO_DATE', 'BAD_DATE', 'TOO_YOUNG', 'TOO_OLD'];

// ---------------------------------------------------------------- import
const pad2 = (n) => String(n).padStart(2, '0');

/**
 * Count residents of an OpenSID (or OpenDK) resident export. input: bytes (Uint8Array / ArrayBuffer) of a CSV saved
 * from the export sheet (; , or tab, UTF-8 / UTF-16 / Windows-1252), of OpenSID's "Unduh" .xls (an HTML table), or
 * already-decoded text.
 * options:
 *   funded      categories and/or work kinds the regency funds: 'pekerja_rentan' (every kind), 'kepala_desa',
 *               'perangkat_desa', or work kinds ('nelayan', 'petani', …) for only those kinds. Default ['pekerja_rentan'].
 *   minAge, maxAge  inclusive age range for pekerja rentan (BPU); defaults 15 and 64 (BPU registration closes at 65).
 *               Not applied to kepala_desa / perangkat_desa (wage earners: no BPU age limit).
 *   asOf        "YYYY-MM" (day 1), "YYYY-MM-DD" or a Date: the day ages are counted at. Default: today.
 *   villageName the village of a file without a desa column (an OpenSID export is one village's).
 *   jobs        { [OpenSID pekerjaan id]: workKind | 'no' } to override the table above (e.g. { 88: 'lainnya' }).
 *   lang        'id' (default) or 'en' for messages.
 * Result: { ok, error: { code, message } | null, villages: [{ name, counts: { pekerja_rentan, … }, byWorkKind: { … } }],
 *   counted, rows, skipped: [{ reason, message, count, examples: [row numbers, first 20] }], encoding, delimiter,
 *   format: 'ekspor' | 'unduh' | 'opendk' | 'other', villageSource: 'column' | 'option' | 'title', statusColumn (false: every
 *   row was taken as living), asOf: 'YYYY-MM-DD',
 *   minAge, maxAge, ageFromUmur, dateOrder }. No names, NIK or birth dates: counts, reasons and row numbers only.
 */
export function importResidents(input, options) {
  options = options && typeof options === 'object' ? options : {};
  const lang = options.lang;
  const res = {
    ok: false, error: null, villages: [], counted: 0, rows: 0, skipped: [], encoding: '', delimiter: '', format: '',
    villageSource: '', statusColumn: false, asOf: '', minAge: null, maxAge: null, ageFromUmur: 0, dateOrder: 'dmy',
  };
  const fail = (code, params) => {
    res.error = { code, message: opensidMessage(code, params, lang) };
    res.villages = []; res.counted = 0; res.skipped = []; res.ageFromUmur = 0;
    return res;
  };

  // ---- options, checked before the file is read
  const at = options.asOf == null ? asOfDay(new Date()) : asOfDay(options.asOf);
  if (!at) return fail('BAD_AS_OF');
  res.asOf = `${at.y}-${pad2(at.m)}-${pad2(at.d)}`;
  const minAge = options.minAge == null ? 15 : options.minAge;
  const maxAge = options.maxAge == null ? 64 : options.maxAge;
  if (![minAge, maxAge].every((a) => Number.isInteger(a) && a >= 0 && a <= 120) || minAge > maxAge) return fail('BAD_AGES');
  res.minAge = minAge; res.maxAge = maxAge;
  const funded = Array.isArray(options.funded) ? options.funded : ['pekerja_rentan'];
  const allKinds = funded.includes('pekerja_rentan');
  const kinds = new Set(allKinds ? WORK_KINDS : funded.filter((k) => WORK_KINDS.includes(k)));
  const cats = RESIDENT_CATEGORIES.filter((c) => (c === 'pekerja_rentan' ? kinds.size > 0 : funded.includes(c)));
  if (!cats.length) return fail('NOTHING_FUNDED');
  const jobClass = new Map(JOB_CLASS);
  if (options.jobs && typeof options.jobs === 'object') {
    for (const [k, v] of Object.entries(options.jobs)) {
      const id = Number(k);
      if (JOB_CLASS.has(id) && (WORK_KINDS.includes(v) || v === 'no' || v === 'unclear')) jobClass.set(id, v);
    }
  }
  const optVillage = typeof options.villageName === 'string' ? options.villageName.trim().replace(/\s+/g, ' ') : '';

  let rows;
  let nik = null;
  try {
    // ---- bytes → rows (csv.js limits: 10 MiB, 100 000 rows; binary and unclosed quotes refused)
    let text;
    if (typeof input === 'string') {
      if (input.length > MAX_BYTES) return fail('TOO_LARGE');
      text = input; res.encoding = 'UTF-8';
    } else { const d = decodeCsvBytes(input); text = d.text; res.encoding = d.encoding; }
    let html = false;
    if (looksHtml(text)) { rows = htmlTableRows(text); html = true; res.delimiter = ''; } else {
      const p = parseCsv(text);
      rows = p.rows; res.delimiter = p.delimiter;
    }
    text = null;
    const isBlank = (r) => r.every((c) => String(c).trim() === '');

    // ---- header: the first row (of the first 15) with a pekerjaan and a birth date or age column
    let h = -1;
    let cols = null;
    let titleVillage = '';
    for (let k = 0; k < Math.min(rows.length, 15); k++) {
      const c = matchResidentHeader(rows[k]);
      if (isHeader(c)) { h = k; cols = c; break; }
      const filled = rows[k].filter((x) => String(x).trim());
      if (filled.length === 1 && filled[0].length <= 300) { const m = IDENTITAS.exec(filled[0]); if (m && !titleVillage) titleVillage = m[1].trim().replace(/\s+/g, ' '); }
    }
    if (h < 0) return fail(rows.every(isBlank) ? 'EMPTY' : 'NO_HEADER');
    let last = rows.length;
    while (last > h + 1 && isBlank(rows[last - 1])) last--;
    const dataRows = last - h - 1;
    if (dataRows > MAX_ROWS) return fail('TOO_MANY_ROWS', { n: dataRows });
    if (dataRows <= 0) return fail('EMPTY');
    const head = rows[h].map(headKey);
    res.format = head.includes('statusdasar') && head.includes('pekerjaanid') ? 'ekspor'
      : head.includes('desa') && head.includes('umur') && head.includes('nokk') ? 'opendk'
        : head.includes('umur') && head.includes('hubkeluarga') ? 'unduh' : 'other';
    res.statusColumn = cols.status !== undefined;
    if (cols.desa !== undefined) res.villageSource = 'column';
    else if (optVillage) res.villageSource = 'option';
    else if (titleVillage) res.villageSource = 'title';
    else return fail('NO_VILLAGE_NAME');
    const fixedVillage = res.villageSource === 'option' ? optVillage : titleVillage;
    if (res.villageSource !== 'column' && fixedVillage.length > MAX_NAME) return fail('NO_VILLAGE_NAME');

    // ---- what the whole file says: day or month first; the Huruf export's status quirk
    if (cols.tanggallahir !== undefined) res.dateOrder = dateOrder(rows.slice(h + 1, last).map((r) => r[cols.tanggallahir]));
    let hurufStatus = false;
    if (cols.status !== undefined) {
      for (let r = h + 1; r < last; r++) if (/^\s*(tidak\s*)?tetap\s*$/i.test(String(rows[r][cols.status] ?? ''))) { hurufStatus = true; break; }
    }
    const width = (r) => { let n = r.length; while (n > 0 && !String(r[n - 1]).trim()) n--; return n; };
    const allowed = width(rows[h]);
    const readCols = Object.values(cols);

    // ---- rows
    const byName = new Map();
    const skips = new Map();
    nik = new Set();
    const skip = (reason, rowNo) => {
      let s = skips.get(reason);
      if (!s) skips.set(reason, (s = { count: 0, examples: [] }));
      s.count++;
      if (s.examples.length < MAX_LISTED) s.examples.push(rowNo);
    };
    const village = (name) => {
      const key = nameKey(name);
      let v = byName.get(key);
      if (!v) {
        v = { name, counts: Object.fromEntries(cats.map((c) => [c, 0])), byWorkKind: Object.fromEntries(WORK_KINDS.map((w) => [w, 0])) };
        byName.set(key, v);
      }
      return v;
    };
    if (res.villageSource !== 'column') village(fixedVillage);
    for (let r = h + 1; r < last; r++) {
      const cells = rows[r];
      rows[r] = null; // each row's personal fields are dropped as soon as it is read
      if (isBlank(cells)) continue;
      res.rows++;
      const rowNo = r + 1;
      if (!html && width(cells) > allowed) { skip('EXTRA_CELLS', rowNo); continue; }
      // a footer such as "Tanggal cetak : …": one filled cell, in a column this module does not read
      let filled = 0, at1 = -1;
      for (let i = 0; i < cells.length && filled < 2; i++) if (String(cells[i]).trim()) { filled++; at1 = i; }
      if (filled === 1 && !readCols.includes(at1)) { skip('NOT_A_ROW', rowNo); continue; }
      const cell = (k) => (cols[k] === undefined ? '' : String(cells[cols[k]] ?? '').trim());
      // village
      let vname = fixedVillage;
      if (res.villageSource === 'column') {
        vname = cell('desa').replace(/^'/, '').replace(/\s+/g, ' ');
        if (!vname || vname === '-' || /^tidak diketahui$/i.test(vname)) { skip('NO_VILLAGE', rowNo); continue; }
        if (vname.length > MAX_NAME) { skip('VILLAGE_TOO_LONG', rowNo); continue; }
      }
      const v = village(vname);
      // the same person twice (a file pasted twice, two exports joined): counted once
      const n = cell('nik').replace(/[^0-9]/g, '');
      if (n.length === 16) {
        if (nik.has(n)) { skip('DUPLICATE_NIK', rowNo); continue; }
        nik.add(n);
      }
      // status dasar: HIDUP only (empty = the column default 1, except in the Huruf export where empty is 3/4/6/9)
      if (cols.status !== undefined) {
        const st = statusOf(cell('status'));
        if (st === -1) { skip('BAD_STATUS', rowNo); continue; }
        if (st === 0 || (st === null && hurufStatus)) { skip('NOT_LIVING', rowNo); continue; }
      }
      // pekerjaan
      const job = pekerjaanId(cell('pekerjaan'));
      if (job === 0) { skip('NO_JOB', rowNo); continue; }
      if (job < 0) { skip('UNKNOWN_JOB', rowNo); continue; }
      const cls = jobClass.get(job);
      if (cls === 'no') { skip('NOT_RENTAN', rowNo); continue; }
      if (cls === 'unclear') { skip('UNCLEAR_JOB', rowNo); continue; }
      const isKind = WORK_KINDS.includes(cls);
      if (isKind ? !kinds.has(cls) : !cats.includes(cls)) { skip('NOT_FUNDED', rowNo); continue; }
      if (!isKind) { v.counts[cls]++; res.counted++; continue; } // kepala / perangkat desa: no BPU age limit
      // age at asOf
      let age = null;
      const dateCell = cell('tanggallahir');
      if (dateCell && dateCell !== '-') {
        const b = parseBirthDate(dateCell, res.dateOrder);
        if (b && ageAt(b, at) >= 0) age = ageAt(b, at);
      }
      if (age === null && cols.umur !== undefined) {
        const u = /^(\d{1,3})(?:\s*(?:tahun|thn|th))?$/i.exec(cell('umur'));
        if (u && +u[1] <= 150) { age = +u[1]; res.ageFromUmur++; }
      }
      if (age === null) { skip(!dateCell || dateCell === '-' ? (cell('umur') ? 'BAD_DATE' : 'NO_DATE') : 'BAD_DATE', rowNo); continue; }
      if (age < minAge) { skip('TOO_YOUNG', rowNo); continue; }
      if (age > maxAge) { skip('TOO_OLD', rowNo); continue; }
      v.counts.pekerja_rentan++;
      v.byWorkKind[cls]++;
      res.counted++;
    }
    res.villages = [...byName.values()];
    res.skipped = REASONS.filter((k) => skips.has(k)).map((reason) => ({
      reason, message: opensidMessage(reason, { min: minAge, max: maxAge }, lang), ...skips.get(reason),
    }));
    res.ok = true;
    return res;
  } catch (e) {
    if (e && CSV_ERRORS.includes(e.code)) return fail(e.code, e.params);
    throw e;
  } finally {
    if (rows) rows.length = 0;
    if (nik) nik.clear();
  }
}

/** Human summary of a result: an array of lines (the first one is the headline). */
export function residentsReport(res, lang) {
  const m = (c, p) => opensidMessage(c, p, lang);
  if (res.error) return [res.error.message];
  const sep = res.delimiter === '\t' ? 'tab' : res.delimiter;
  const lines = [m(res.delimiter ? 'counted' : 'countedHtml', { n: res.counted, v: res.villages.length, rows: res.rows, enc: res.encoding, sep, asOf: res.asOf })];
  const skipped = res.skipped.reduce((a, s) => a + s.count, 0);
  if (skipped) {
    lines.push(m('skipped', { n: skipped }));
    for (const s of res.skipped) lines.push(m('reason', { n: s.count, m: s.message, rows: s.examples.join(', ') + (s.count > s.examples.length ? ' ' + m('more') : '') }));
  }
  if (res.ageFromUmur) lines.push(m('fromUmur', { n: res.ageFromUmur }));
  if (!res.statusColumn && res.format !== 'unduh') lines.push(m('noStatus'));
  lines.push(m('privacy'));
  return lines;
}

/**
 * A result → villages in the shape csv.js importVillages() gives ({ row, name, kind, danaDesa, people, targets }),
 * so the regency journey can stage and apply them like a CSV import (kind 'desa', no Dana Desa, no targets).
 */
export function asVillageImport(res) {
  return res.villages.map((v, i) => ({ row: i + 1, name: v.name, kind: 'desa', danaDesa: null, people: { ...v.counts }, targets: null }));
}
