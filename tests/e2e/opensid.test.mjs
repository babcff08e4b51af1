// Unit tests of www/widget/opensid.js (OpenSID resident export → counts per village), run in Node directly:
// the module has no DOM. Synthetic residents in the real column layouts (docs/opensid.md); every resident is
// generated from the outcome it must have, so the expected counts do not come from the module's own logic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  importResidents, residentsReport, asVillageImport, parseBirthDate, pekerjaanId, htmlTableRows, WORK_KINDS, PEKERJAAN, MAX_BYTES, MAX_ROWS,
} from '../../www/widget/opensid.js';
import { WORK_KINDS as I18N_WORK_KINDS } from '../../www/widget/i18n.js';

// ---------------------------------------------------------------- synthetic data
function rng(seed) { // mulberry32: deterministic
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
// Impor_model::$daftar_kolom, the header of "Ekspor Penduduk" (and of assets/import/contoh_penduduk.xlsx)
const EKSPOR = ['alamat', 'dusun', 'rw', 'rt', 'nama', 'no_kk', 'nik', 'sex', 'tempatlahir', 'tanggallahir', 'agama_id', 'pendidikan_kk_id',
  'pendidikan_sedang_id', 'pekerjaan_id', 'status_kawin', 'kk_level', 'warganegara_id', 'ayah_nik', 'nama_ayah', 'ibu_nik', 'nama_ibu',
  'golongan_darah_id', 'akta_lahir', 'dokumen_pasport', 'tanggal_akhir_paspor', 'dokumen_kitas', 'akta_perkawinan', 'tanggalperkawinan',
  'akta_perceraian', 'tanggalperceraian', 'cacat_id', 'cara_kb_id', 'hamil', 'ktp_el', 'status_rekam', 'alamat_sekarang', 'status_dasar',
  'suku', 'tag_id_card', 'id_asuransi', 'no_asuransi', 'lat', 'lng'];
// OpenDK app/Exports/ExportPenduduk.php headings()
const OPENDK = ['ID', 'NAMA', 'NIK', 'NO.KK', 'DESA', 'ALAMAT', 'PENDIDIKAN DALAM KK', 'TANGGAL LAHIR', 'UMUR', 'PEKERJAAN', 'STATUS KAWIN'];

// The test's own reading of the OpenSID list (independent of the module's table): ids per outcome.
const KIND_JOBS = {
  nelayan: [11, 21], petani: [9, 10, 20, 22], pedagang: [8, 84], buruh: [19, 26, 27], pekerja_keagamaan: [41, 42, 43, 45],
  transportasi: [14, 81], lainnya: [23, 24, 30, 35],
};
const NOT_RENTAN_JOBS = [1, 2, 3, 4, 5, 6, 7, 15, 16, 18, 65, 72];
const UNCLEAR_JOBS = [12, 13, 88, 89];
const JOB_NAME = new Map(PEKERJAAN.map(([i, n]) => [i, n]));
const SYL = ['ba', 'yu', 'kar', 'ti', 'ka', 'su', 'ro', 'wi', 'dja', 'lu', 'me', 'no', 'pa', 'ri', 'sa', 'ta', 'hen', 'dri', 'gus', 'lis'];

const AS_OF = { y: 2026, m: 7, d: 1 }; // asOf '2026-07'
const MIN = 15, MAX = 64;
const iso = (y, m, d) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const dmy = (y, m, d, sep = '-') => `${String(d).padStart(2, '0')}${sep}${String(m).padStart(2, '0')}${sep}${y}`;
function birthForAge(r, age) { // a birth date giving exactly `age` on 2026-07-01, boundaries included
  const pick = r();
  if (pick < 0.1) return { y: AS_OF.y - age, m: 7, d: 1 }; // birthday on the day: already that age
  if (pick < 0.2) return { y: AS_OF.y - age - 1, m: 7, d: 2 }; // birthday tomorrow: still that age
  const m = 1 + Math.floor(r() * 12);
  const d = 1 + Math.floor(r() * 28);
  const y = m < 7 || (m === 7 && d <= 1) ? AS_OF.y - age : AS_OF.y - age - 1;
  return { y, m, d };
}
const pickOf = (r, list) => list[Math.floor(r() * list.length)];

/**
 * n residents over `villages`; returns { people: [{…fields}], expected: { villages: {name: {counts, byWorkKind}},
 * skipped: {reason: count}, counted }, names, niks, births }.
 * funded: the kinds the regency funds (restricted runs produce NOT_FUNDED rows).
 */
function makeResidents({ seed, n, villages, funded = null, withKepala = false, living = false }) {
  const r = rng(seed);
  const people = [];
  const exp = { villages: {}, skipped: {}, counted: 0 };
  const names = new Set(); const niks = new Set(); const births = new Set();
  for (const v of villages) exp.villages[v] = { counts: { pekerja_rentan: 0, ...(withKepala ? { kepala_desa: 0 } : {}) }, byWorkKind: Object.fromEntries(WORK_KINDS.map((w) => [w, 0])) };
  const skip = (k) => { exp.skipped[k] = (exp.skipped[k] || 0) + 1; };
  const outcomes = [
    ['counted', 40], ['TOO_YOUNG', 4], ['TOO_OLD', 4], ['NOT_RENTAN', 25], ['UNCLEAR_JOB', 6], ['NOT_LIVING', living ? 0 : 5], ['BAD_DATE', 2],
    ['NO_DATE', 1], ['NO_JOB', 2], ['UNKNOWN_JOB', 1], ['BAD_STATUS', living ? 0 : 1], ['DUPLICATE_NIK', 1], ['KEPALA', withKepala ? 1 : 0],
  ];
  const total = outcomes.reduce((a, [, w]) => a + w, 0);
  let nikSeq = 1000;
  for (let i = 0; i < n; i++) {
    let x = r() * total;
    let outcome = outcomes.find(([, w]) => (x -= w) < 0)[0];
    const village = pickOf(r, villages);
    if (outcome === 'DUPLICATE_NIK') {
      const prev = people.filter((p) => p.village === village && p.nik);
      if (!prev.length) outcome = 'NOT_RENTAN';
      else { people.push({ ...pickOf(r, prev) }); skip('DUPLICATE_NIK'); continue; }
    }
    const kind = pickOf(r, WORK_KINDS);
    let job = pickOf(r, KIND_JOBS[kind]);
    let age = MIN + Math.floor(r() * (MAX - MIN + 1));
    let status = 1;
    let birth = null;
    let rawDate = null;
    if (outcome === 'TOO_YOUNG') age = 1 + Math.floor(r() * (MIN - 1)); // not 0: a birth on asOf would match res.asOf
    if (outcome === 'TOO_OLD') age = MAX + 1 + Math.floor(r() * 30);
    if (outcome === 'NOT_RENTAN') { job = pickOf(r, NOT_RENTAN_JOBS); age = 1 + Math.floor(r() * 89); }
    if (outcome === 'UNCLEAR_JOB') job = pickOf(r, UNCLEAR_JOBS);
    if (outcome === 'KEPALA') { job = 86; age = 30 + Math.floor(r() * 50); } // no age limit for kepala desa
    if (outcome === 'NOT_LIVING') status = pickOf(r, [2, 3, 4, 6, 9]);
    if (outcome === 'BAD_STATUS') status = 7;
    if (outcome === 'NO_JOB') job = 0;
    if (outcome === 'UNKNOWN_JOB') job = 95;
    if (outcome === 'BAD_DATE') rawDate = pickOf(r, ['31-02-1980', '1980-13-01', 'kemarin', '2030-01-01', '00-00-0000']);
    if (outcome === 'NO_DATE') rawDate = '';
    if (rawDate === null) birth = birthForAge(r, age);
    const nik = '52011' + String(nikSeq++).padStart(11, '0');
    const name = [0, 1].map(() => Array.from({ length: 2 + Math.floor(r() * 2) }, () => pickOf(r, SYL)).join('').toUpperCase()).join(' ');
    const p = { village, nik, name, job, status, birth, rawDate, age, kind };
    // a restricted regency: a rentan person of an unfunded kind is NOT_FUNDED (checked before age)
    if (funded && outcome !== 'KEPALA' && ['counted', 'TOO_YOUNG', 'TOO_OLD', 'BAD_DATE', 'NO_DATE'].includes(outcome) && !funded.includes(kind)) outcome = 'NOT_FUNDED';
    people.push(p);
    names.add(name); niks.add(nik);
    if (birth) births.add(iso(birth.y, birth.m, birth.d));
    if (outcome === 'counted') {
      exp.villages[village].counts.pekerja_rentan++;
      exp.villages[village].byWorkKind[kind]++;
      exp.counted++;
    } else if (outcome === 'KEPALA') { exp.villages[village].counts.kepala_desa++; exp.counted++; } else skip(outcome);
  }
  return { people, exp, names, niks, births };
}

const csvLine = (cells, sep) => cells.map((c) => (String(c).includes(sep) || String(c).includes('"') ? '"' + String(c).replace(/"/g, '""') + '"' : c)).join(sep);

/** OpenSID "Ekspor Penduduk" (codes) or "Ekspor Penduduk Huruf" (names; status via the TETAP quirk). */
function ekspor(people, { sep = ';', huruf = false, date = 'iso', bom = true } = {}) {
  const lines = [csvLine(EKSPOR, sep)];
  for (const p of people) {
    const row = Object.fromEntries(EKSPOR.map((k) => [k, '']));
    Object.assign(row, {
      dusun: 'DUSUN ' + p.village.length, rw: '-', rt: '004', nama: p.name, no_kk: '5201140104126994', nik: p.nik, sex: '1', tempatlahir: 'MATARAM',
      agama_id: '1', pendidikan_kk_id: '4', pendidikan_sedang_id: '18', status_kawin: '1', kk_level: '4', warganegara_id: '1', nama_ayah: 'AYAH ' + p.name,
      nama_ibu: 'IBU ' + p.name, golongan_darah_id: '13',
    });
    row.tanggallahir = p.rawDate !== null ? p.rawDate : date === 'iso' ? iso(p.birth.y, p.birth.m, p.birth.d) : dmy(p.birth.y, p.birth.m, p.birth.d, date);
    if (huruf) {
      row.pekerjaan_id = p.job === 0 ? '' : p.job === 95 ? 'ASTRONOT' : JOB_NAME.get(p.job);
      // ekspor_huruf(): status_dasar → tweb_penduduk_status name of the same id: 1 TETAP, 2 TIDAK TETAP, others empty
      row.status_dasar = p.status === 1 ? 'TETAP' : p.status === 2 ? 'TIDAK TETAP' : p.status === 7 ? 'HIDUP?' : '';
    } else {
      row.pekerjaan_id = p.job === 0 ? '' : String(p.job);
      row.status_dasar = String(p.status);
    }
    lines.push(csvLine(EKSPOR.map((k) => row[k]), sep));
  }
  return (bom ? '\ufeff' : '') + lines.join('\r\n') + '\r\n';
}

/** OpenDK "Ekspor" of Data › Penduduk (DESA column; no status column: only living people are given). */
function opendk(people, { sep = ',', date = 'iso' } = {}) {
  const lines = [csvLine(OPENDK, sep)];
  people.forEach((p, i) => {
    const d = p.rawDate !== null ? p.rawDate : date === 'iso' ? iso(p.birth.y, p.birth.m, p.birth.d) : dmy(p.birth.y, p.birth.m, p.birth.d, date);
    lines.push(csvLine([i + 1, p.name, p.nik, '5201140104126994', p.village, 'JL. ' + p.name, 'SLTA / SEDERAJAT', d, '',
      p.job === 0 ? '' : p.job === 95 ? 'ASTRONOT' : JOB_NAME.get(p.job), 'KAWIN'], sep));
  });
  return lines.join('\n') + '\n';
}

const enc = (s) => new TextEncoder().encode(s);
function win1252(s) { // the test's own encoder: Latin-1 range and the few CP1252 specials it uses
  const special = { '\u20ac': 0x80, '\u2019': 0x92, '\u2013': 0x96 };
  return Uint8Array.from([...s].map((c) => special[c] ?? (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f)));
}
const opts = { asOf: '2026-07', minAge: MIN, maxAge: MAX };

function assertMatches(res, exp, villageOrder) {
  assert.equal(res.ok, true, JSON.stringify(res.error));
  assert.deepEqual(res.villages.map((v) => v.name), villageOrder ?? Object.keys(exp.villages).filter((k) => res.villages.some((v) => v.name === k)));
  for (const v of res.villages) {
    assert.deepEqual(v.counts, exp.villages[v.name].counts, v.name);
    assert.deepEqual(v.byWorkKind, exp.villages[v.name].byWorkKind, v.name);
    assert.equal(Object.values(v.byWorkKind).reduce((a, b) => a + b, 0), v.counts.pekerja_rentan);
  }
  assert.equal(res.counted, exp.counted);
  assert.deepEqual(Object.fromEntries(res.skipped.map((s) => [s.reason, s.count])), exp.skipped);
  for (const s of res.skipped) {
    assert.ok(s.examples.length === Math.min(20, s.count) && s.examples.every(Number.isInteger), s.reason);
    assert.ok(s.message && !/\{/.test(s.message));
  }
  assert.equal(res.counted + res.skipped.reduce((a, s) => a + s.count, 0), res.rows, 'every row is counted or skipped: nothing lost');
}
function assertNoPersonalData(res, gen) {
  const json = JSON.stringify(res) + JSON.stringify(residentsReport(res, 'id')) + JSON.stringify(residentsReport(res, 'en'));
  for (const n of gen.names) assert.ok(!json.includes(n), 'name in result: ' + n);
  for (const k of gen.niks) assert.ok(!json.includes(k), 'NIK in result: ' + k);
  for (const b of gen.births) assert.ok(!json.includes(b), 'birth date in result: ' + b);
}

// ---------------------------------------------------------------- tests
test('the work kinds are the widget\'s (i18n.js WORK_KINDS); the pekerjaan table is OpenSID\'s 89 ids', () => {
  assert.deepEqual(WORK_KINDS, I18N_WORK_KINDS);
  assert.deepEqual(PEKERJAAN.map(([i]) => i), Array.from({ length: 89 }, (_, i) => i + 1));
  for (const [, , c] of PEKERJAAN) assert.ok([...WORK_KINDS, 'no', 'unclear', 'kepala_desa', 'perangkat_desa'].includes(c));
  assert.equal(pekerjaanId('PETANI/PEKEBUN'), 9);
  assert.equal(pekerjaanId('petani / pekebun'), 9); // get_kode(): case and spaces ignored
  assert.equal(pekerjaanId(' 11 '), 11);
  assert.equal(pekerjaanId('90'), -1);
  assert.equal(pekerjaanId('-'), 0);
  assert.equal(pekerjaanId('ASTRONOT'), -1);
});

test('birth dates in the forms OpenSID writes and reads', () => {
  assert.deepEqual(parseBirthDate('1996-03-10'), { y: 1996, m: 3, d: 10 });
  assert.deepEqual(parseBirthDate('1996-03-10 00:00:00'), { y: 1996, m: 3, d: 10 });
  assert.deepEqual(parseBirthDate('10-03-1996'), { y: 1996, m: 3, d: 10 });
  assert.deepEqual(parseBirthDate('10/03/1996'), { y: 1996, m: 3, d: 10 });
  assert.deepEqual(parseBirthDate('03/10/1996', 'mdy'), { y: 1996, m: 3, d: 10 });
  assert.deepEqual(parseBirthDate('10 Maret 1996'), { y: 1996, m: 3, d: 10 });
  assert.deepEqual(parseBirthDate("'29 Februari 2000"), { y: 2000, m: 2, d: 29 });
  for (const bad of ['29-02-2001', '1980-13-01', '31/04/1990', 'kemarin', '10 Marz 1996', '1996', '']) assert.equal(parseBirthDate(bad), null, bad);
});

test('OpenSID "Ekspor Penduduk" (codes), ; separator, BOM: 3 000 residents of one village counted exactly', () => {
  const gen = makeResidents({ seed: 13, n: 3000, villages: ['Senggigi'] });
  const res = importResidents(enc(ekspor(gen.people)), { ...opts, villageName: 'Senggigi' });
  assertMatches(res, gen.exp);
  assert.equal(res.delimiter, ';');
  assert.equal(res.encoding, 'UTF-8');
  assert.equal(res.format, 'ekspor');
  assert.equal(res.villageSource, 'option');
  assert.equal(res.statusColumn, true);
  assert.equal(res.rows, 3000);
  assert.ok(res.counted > 1000 && res.skipped.length >= 10, JSON.stringify(res.skipped.map((s) => s.reason)));
  for (const k of ['TOO_YOUNG', 'TOO_OLD', 'NOT_RENTAN', 'NOT_LIVING', 'BAD_DATE', 'NO_JOB']) assert.ok(res.skipped.some((s) => s.reason === k), k);
  assertNoPersonalData(res, gen);
  // the report: headline, reasons with row numbers, the privacy line
  const lines = residentsReport(res, 'id');
  assert.match(lines[0], new RegExp(`^${res.counted} orang dihitung di 1 desa dari 3000 baris \\(UTF-8, pemisah ";"\\); umur per 2026-07-01\\.$`));
  assert.ok(lines.some((l) => /^\d+ × di bawah umur 15 tahun: baris \d+/.test(l)));
  assert.ok(lines.some((l) => /^\d+ × di atas umur 64 tahun: baris \d+/.test(l)));
  assert.match(lines.at(-1), /tidak disimpan/);
  assert.match(residentsReport(res, 'en')[0], /people counted in 1 villages from 3000 rows/);
  // staged like a CSV import
  assert.deepEqual(asVillageImport(res), [{ row: 1, name: 'Senggigi', kind: 'desa', danaDesa: null, people: { pekerja_rentan: res.counted }, targets: null }]);
});

test('"Ekspor Penduduk Huruf" (names; status TETAP / TIDAK TETAP / empty), comma separator, d/m/Y dates from a re-saved sheet', () => {
  const gen = makeResidents({ seed: 7, n: 2500, villages: ['Batu Layar'] });
  const res = importResidents(enc(ekspor(gen.people, { sep: ',', huruf: true, date: '/', bom: false })), { ...opts, villageName: 'Batu Layar' });
  assertMatches(res, gen.exp);
  assert.equal(res.delimiter, ',');
  assert.equal(res.dateOrder, 'dmy');
  assertNoPersonalData(res, gen);
});

test('OpenDK export: DESA column, 3 500 residents of 5 villages, comma, Windows-1252, exact counts per village', () => {
  const villages = ['Sukamaju', 'Pañggung', 'Karang Sari', 'Wae Rebo', 'Lembah Hijau'];
  const gen = makeResidents({ seed: 2026, n: 3500, villages, living: true }); // no status column in OpenDK's export
  const text = opendk(gen.people, { date: '-' });
  const res = importResidents(win1252(text), opts);
  assert.equal(res.encoding, 'Windows-1252');
  assert.equal(res.format, 'opendk');
  assert.equal(res.villageSource, 'column');
  const order = [];
  for (const p of gen.people) if (!order.includes(p.village)) order.push(p.village);
  assertMatches(res, gen.exp, order);
  assert.ok(res.villages.some((v) => v.name === 'Pañggung' && v.counts.pekerja_rentan > 0));
  assert.equal(res.statusColumn, false);
  assert.ok(residentsReport(res, 'id').some((l) => /tanpa kolom status dasar/.test(l)));
  assertNoPersonalData(res, gen);
  // the same file as UTF-8 with ; gives the same counts
  const semi = importResidents(enc(opendk(gen.people, { sep: ';' })), opts);
  assert.equal(semi.delimiter, ';');
  assert.deepEqual(semi.villages, res.villages);
  assert.deepEqual(semi.skipped.map((s) => [s.reason, s.count]), res.skipped.map((s) => [s.reason, s.count]));
});

test('a regency funding only some kinds (and kepala desa): other rentan rows are NOT_FUNDED, kepala desa has no age limit', () => {
  const funded = ['nelayan', 'petani', 'transportasi'];
  const gen = makeResidents({ seed: 99, n: 2000, villages: ['Wakatobi Satu', 'Wakatobi Dua'], funded, withKepala: true, living: true });
  const res = importResidents(enc(opendk(gen.people)), { ...opts, funded: [...funded, 'kepala_desa'] });
  const order = [];
  for (const p of gen.people) if (!order.includes(p.village)) order.push(p.village);
  assertMatches(res, gen.exp, order);
  for (const v of res.villages) for (const k of ['pedagang', 'buruh', 'pekerja_keagamaan', 'lainnya']) assert.equal(v.byWorkKind[k], 0);
  assert.ok(res.villages.some((v) => v.counts.kepala_desa > 0));
  assert.ok(res.skipped.some((s) => s.reason === 'NOT_FUNDED'));
  // nothing fundable from resident data: refused
  const none = importResidents(enc(opendk(gen.people)), { ...opts, funded: ['bpd', 'kader'] });
  assert.equal(none.ok, false);
  assert.equal(none.error.code, 'NOTHING_FUNDED');
  // options.jobs: count WIRASWASTA (88) as lainnya
  const wira = 'desa;tanggal lahir;pekerjaan\nA;1990-01-01;WIRASWASTA\nA;1990-01-01;88\n';
  assert.equal(importResidents(wira, opts).skipped[0].reason, 'UNCLEAR_JOB');
  assert.deepEqual(importResidents(wira, { ...opts, jobs: { 88: 'lainnya' } }).villages[0].byWorkKind.lainnya, 2);
});

test('OpenSID "Unduh" (.xls that is an HTML table): village from the title line, tgl_indo dates, footer ignored', () => {
  const head = ['No', 'No. KK', 'NIK', 'Tag Id Card', 'Nama', 'Alamat', 'Dusun', 'RW', 'RT', 'Jenis Kelamin', 'Tempat Lahir', 'Tanggal Lahir', 'Umur',
    'Agama', 'Pendidikan (dlm KK)', 'Pekerjaan', 'Kawin', 'Hub. Keluarga', 'Nama Ayah', 'Nama Ibu', 'Status'];
  const BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
  // the list is filtered to HIDUP (Penduduk::clear_session()); the file has no status_dasar column
  const gen = makeResidents({ seed: 5, n: 400, villages: ['Mangsit'], living: true });
  const living = gen.people;
  const exp = gen.exp;
  const tr = (cells, tag = 'td') => '<tr>' + cells.map((c) => `<${tag}>${String(c).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</${tag}>`).join('') + '</tr>';
  const html = '<!DOCTYPE html><html><head><title>Data Penduduk</title><style>td{mso-number-format:"\\@";}</style><script>alert(1)</script></head><body>'
    + '<div id="body"><div class="header" align="center"><label align="left">Desa : Mangsit Kec : Batu Layar Kab : Lombok Barat</label>'
    + '<h3> DATA PENDUDUK </h3><h3> </h3></div><br><table class="border thick"><thead>' + tr(head, 'th') + '</thead><tbody>'
    + living.map((p, i) => tr([i + 1, '5201140104126994', p.nik, '', p.name, '', 'MANGSIT', '-', '004', 'LAKI-LAKI', 'MATARAM',
      p.rawDate !== null ? (p.rawDate === '' ? '-' : p.rawDate) : `${String(p.birth.d).padStart(2, '0')} ${BULAN[p.birth.m - 1]} ${p.birth.y}`, '',
      'ISLAM', 'SLTP/SEDERAJAT', p.job === 0 ? '' : p.job === 95 ? 'ASTRONOT' : JOB_NAME.get(p.job), 'KAWIN', 'ANAK', 'A', 'B', 'Tetap'])).join('')
    + '</tbody></table><label>Tanggal cetak : &nbsp; </label>04 Desember 2026</div></body></html>';
  const res = importResidents(enc(html), opts);
  assert.equal(res.format, 'unduh');
  assert.equal(res.villageSource, 'title');
  assert.equal(res.delimiter, '');
  assert.equal(res.rows, living.length);
  assertMatches(res, exp);
  assertNoPersonalData(res, gen);
  assert.match(residentsReport(res, 'id')[0], /tabel unduhan OpenSID/);
  // a villageName option wins over the title line
  assert.equal(importResidents(enc(html), { ...opts, villageName: 'Desa Lain' }).villages[0].name, 'Desa Lain');
  assert.deepEqual(htmlTableRows('<p>A &amp; B</p><table><tr><td>x&#39;</td><td>y<br>z</td></tr></table><p>after</p>'), [['A & B'], ["x'", 'y z']]);
});

test('age: from the Umur column only when the birth date is unreadable; month-first dates detected', () => {
  const t = 'DESA,TANGGAL LAHIR,UMUR,PEKERJAAN\nA,,40,PETANI/PEKEBUN\nA,?,70,PETANI/PEKEBUN\nA,1990-01-01,12,NELAYAN/PERIKANAN\nA,,,PEDAGANG\nA,,x,PEDAGANG\n';
  const r = importResidents(t, opts);
  assert.equal(r.counted, 2);
  assert.equal(r.ageFromUmur, 2);
  assert.deepEqual(r.skipped.map((s) => [s.reason, s.examples]), [['NO_DATE', [5]], ['BAD_DATE', [6]], ['TOO_OLD', [3]]]);
  assert.match(residentsReport(r, 'id').join('\n'), /kolom Umur/);
  // 07/25/1990 can only be month first: the file is read month first (07/02/2011 = 2 July 2011 → 14 on 2026-07-01)
  const us = importResidents('desa,tanggallahir,pekerjaan_id\nA,07/25/1990,9\nA,07/02/2011,9\nA,07/01/2011,9\n', opts);
  assert.equal(us.dateOrder, 'mdy');
  assert.equal(us.counted, 2);
  assert.deepEqual(us.skipped.map((s) => [s.reason, s.examples]), [['TOO_YOUNG', [3]]]);
  // asOf as a Date, and a day
  assert.equal(importResidents('desa,tanggallahir,pekerjaan_id\nA,2011-07-02,9\n', { ...opts, asOf: new Date(2026, 6, 2) }).counted, 1);
  assert.equal(importResidents('desa,tanggallahir,pekerjaan_id\nA,2011-07-02,9\n', { ...opts, asOf: '2026-07-01' }).counted, 0);
});

test('refusals: over 10 MB, .xlsx bytes, no header, no village, too many rows, bad options — nothing returned', () => {
  const checkRefused = (res, code) => {
    assert.equal(res.ok, false);
    assert.equal(res.error.code, code);
    assert.ok(res.error.message.length > 20 && !/\{/.test(res.error.message), res.error.message);
    assert.deepEqual(res.villages, []);
    assert.equal(res.counted, 0);
    assert.deepEqual(res.skipped, []);
  };
  const big = new Uint8Array(MAX_BYTES + 1).fill(0x41);
  checkRefused(importResidents(big, opts), 'TOO_LARGE');
  assert.match(importResidents(big, { ...opts, lang: 'en' }).error.message, /too large/);
  checkRefused(importResidents('x'.repeat(MAX_BYTES + 1), opts), 'TOO_LARGE');
  const xlsx = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0, 8, 0, 0, 0, 0x21, 0]);
  checkRefused(importResidents(xlsx, opts), 'BINARY');
  checkRefused(importResidents(enc('Desa;Pekerja Rentan\nA;10\n'), opts), 'NO_HEADER'); // the village CSV is not a resident file
  checkRefused(importResidents(enc(''), opts), 'EMPTY');
  checkRefused(importResidents(enc('pekerjaan_id;tanggallahir\n'), { ...opts, villageName: 'A' }), 'EMPTY');
  checkRefused(importResidents(enc(ekspor([])), opts), 'EMPTY');
  const one = ekspor(makeResidents({ seed: 1, n: 3, villages: ['A'] }).people);
  checkRefused(importResidents(enc(one), opts), 'NO_VILLAGE_NAME');
  checkRefused(importResidents(enc('desa;tanggallahir;pekerjaan_id\n"A;1990-01-01;9\n'), opts), 'UNCLOSED_QUOTE');
  checkRefused(importResidents(enc('desa;tanggallahir;pekerjaan_id\n' + 'A;1990-01-01;9\n'.repeat(MAX_ROWS + 1)), opts), 'TOO_MANY_ROWS');
  checkRefused(importResidents(enc(one), { ...opts, villageName: 'A', asOf: '2026-13' }), 'BAD_AS_OF');
  checkRefused(importResidents(enc(one), { ...opts, villageName: 'A', minAge: 40, maxAge: 20 }), 'BAD_AGES');
  checkRefused(importResidents(enc(one), { ...opts, villageName: 'A', maxAge: 121 }), 'BAD_AGES');
  assert.match(residentsReport(importResidents(big, opts), 'id')[0], /terlalu besar/);
});

test('untrusted cells: ragged rows skipped, odd village names kept as plain data, "tidak diketahui" skipped', () => {
  const t = 'desa;tanggallahir;pekerjaan_id\n'
    + '=HYPERLINK("http://x");1990-01-01;9\n__proto__;1990-01-01;9\nconstructor;1990-01-01;11\n<img src=x onerror=alert(1)>;1990-01-01;84\n'
    + 'tidak diketahui;1990-01-01;9\n;1990-01-01;9\nB;1990-01-01;9;extra;cells\nB;1990-01-01;9\n' + 'x'.repeat(201) + ';1990-01-01;9\n';
  const r = importResidents(enc(t), opts);
  assert.equal(r.ok, true);
  assert.deepEqual(r.villages.map((v) => [v.name, v.counts.pekerja_rentan]),
    [['=HYPERLINK("http://x")', 1], ['__proto__', 1], ['constructor', 1], ['<img src=x onerror=alert(1)>', 1], ['B', 1]]);
  assert.equal(Object.getPrototypeOf(r.villages[1]), Object.prototype);
  assert.deepEqual(r.skipped.map((s) => [s.reason, s.examples]), [['EXTRA_CELLS', [8]], ['NO_VILLAGE', [6, 7]], ['VILLAGE_TOO_LONG', [10]]]);
  assert.equal(r.counted + r.skipped.reduce((a, s) => a + s.count, 0), r.rows);
});

test('hostile input stays linear: unclosed <script / <!-- / < runs, ( runs in a header, a long title line', () => {
  const t0 = Date.now();
  const mb = 3 * 1024 * 1024;
  const html = [
    '<html><table>' + '<script'.repeat(mb / 7),
    '<html><table>' + '<!--'.repeat(mb / 4),
    '<html><table><tr><td>' + '<'.repeat(mb),
    '<html><table><tr>' + '<td'.repeat(mb / 3),
    '<html>' + '<table'.repeat(mb / 6),
  ];
  for (const h of html) {
    const r = importResidents(enc(h), opts);
    assert.equal(r.ok, false);
    assert.ok(['NO_HEADER', 'EMPTY'].includes(r.error.code), r.error.code);
  }
  const csv = [
    '('.repeat(mb) + ';desa;pekerjaan_id;tanggallahir\nx;A;9;1990-01-01\n',
    'Desa : ' + 'a :'.repeat(mb / 3) + '\ndesa;pekerjaan_id;tanggallahir\nA;9;1990-01-01\n',
    'desa;pekerjaan_id;tanggallahir\nA;' + ' '.repeat(mb) + '9;' + '1'.repeat(1000) + '\n',
  ];
  for (const c of csv) assert.equal(importResidents(enc(c), opts).ok, true);
  assert.ok(Date.now() - t0 < 5000, `took ${Date.now() - t0} ms`);
});

test('a large export (60 000 residents, 43 columns) is read in reasonable time', () => {
  const gen = makeResidents({ seed: 60, n: 60000, villages: ['Besar'] });
  const bytes = enc(ekspor(gen.people));
  assert.ok(bytes.length < MAX_BYTES, String(bytes.length));
  const t0 = Date.now();
  const res = importResidents(bytes, { ...opts, villageName: 'Besar' });
  const ms = Date.now() - t0;
  assertMatches(res, gen.exp);
  assert.ok(ms < 5000, `took ${ms} ms`);
});

test('a row with only its pekerjaan filled is a resident without a birth date, not a footer; options may be omitted', () => {
  const r = importResidents('pekerjaan_id;tanggallahir;catatan\n9;;\n;;Tanggal cetak : 04 Desember 2026\n', { ...opts, villageName: 'A' });
  assert.deepEqual(r.skipped.map((s) => [s.reason, s.examples]), [['NOT_A_ROW', [3]], ['NO_DATE', [2]]]);
  const d = importResidents('desa;pekerjaan_id;tanggallahir\nA;9;1990-01-01\n', null);
  assert.equal(d.ok, true);
  assert.equal(d.minAge, 15);
  assert.equal(d.maxAge, 64);
  assert.match(d.asOf, /^\d{4}-\d{2}-\d{2}$/);
  assert.deepEqual([d.villages[0].name, d.counted, d.skipped], ['A', 1, []]);
});
