// Village journey, reaching others: Bagikan (Web Share / WhatsApp / copy), Simpan PDF, damaged share links,
// host-page events, amounts read by the module. Chromium against the real wasm module (pkg/), strict CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startServer, launch, openPage, assertClean, artifacts, repoRoot, STRICT_CSP } from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await startServer({ headers: (p) => (p.endsWith('.html') ? { 'Content-Security-Policy': STRICT_CSP } : {}) });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const W = 'kalkulator-jamsostek';
const PAGE = '/tests/e2e/pages/village.html';
async function open(suffix = '', init) {
  const page = await openPage(browser, server.url + PAGE + suffix, { init });
  await page.locator(`${W} [data-k="groups[0].people"]`).waitFor({ timeout: 15000 });
  return page;
}
const field = (page, key) => page.locator(`${W} [data-k="${key}"]`).first();
async function settled(page) {
  await page.waitForFunction((w) => {
    const r = document.querySelector(w).shadowRoot.querySelector('.res');
    return r && !r.hasAttribute('aria-busy');
  }, W);
}
async function scenario(page, name = 'Desa Uji Coba') {
  await field(page, 'name').fill(name);
  await field(page, 'name').press('Tab');
  await field(page, 'funder').selectOption('apbd');
  await field(page, 'year').selectOption('2026');
  await field(page, 'groups[0].category').selectOption('pekerja_rentan');
  await field(page, 'groups[0].people').fill('100');
  await settled(page);
  assert.match(await page.locator(`${W} .res .big`).textContent(), /Rp20\.160\.000/);
}
const storage = (page) => page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));

/** The summary a village head shares: key figures in words, formatted id-ID, no codes, ≤ 500 characters. */
function assertSummary(text) {
  assert.ok(text.length <= 500, `≤ 500 characters (${text.length})`);
  assert.match(text, /Iuran BPJS Ketenagakerjaan Desa Uji Coba, Tahun Anggaran 2026/);
  assert.match(text, /Periode: Januari 2026 – Desember 2026 \(12 bulan\)/);
  assert.match(text, /Dilindungi: 100 orang \(Pekerja rentan 100\)/);
  assert.match(text, /Biaya: Rp1\.680\.000 per bulan, Rp20\.160\.000 setahun/);
  assert.match(text, /Sumber dana: APBD kabupaten/);
  assert.match(text, /bukan tagihan resmi/);
  assert.doesNotMatch(text, /\bapbd\b|pekerja_rentan|dana_desa|undefined|NaN|\{\d\}|https?:/, 'no raw codes, placeholders or link inside the text');
}

test('Bagikan with the Web Share API: navigator.share gets the title, the summary and the scenario link; an export event', async () => {
  const page = await open('', () => {
    window.__shared = [];
    Object.defineProperty(Navigator.prototype, 'share', { configurable: true, value: function (data) { window.__shared.push(JSON.parse(JSON.stringify(data))); return Promise.resolve(); } });
  });
  await page.evaluate((w) => { window.__exports = []; document.querySelector(w).addEventListener('kalkulator-export', (e) => window.__exports.push(e.detail)); }, W);
  await scenario(page);
  await page.locator(`${W} [data-share="open"]`).click();
  await page.waitForFunction(() => window.__shared.length === 1);
  const [data] = await page.evaluate(() => window.__shared);
  assert.equal(data.title, 'Iuran BPJS Ketenagakerjaan Desa Uji Coba');
  assertSummary(data.text);
  assert.match(data.url, /\/tests\/e2e\/pages\/village\.html#kj=[A-Za-z0-9_-]+$/);
  assert.equal(await page.locator(`${W} [data-share="panel"]`).isHidden(), true, 'no fallback panel when the share sheet was used');
  assert.deepEqual(await page.evaluate(() => window.__exports), [{ tab: 'desa', kind: 'link' }]);
  // The shared link opens the same scenario elsewhere.
  const page2 = await openPage(browser, data.url);
  await field(page2, 'groups[0].people').waitFor({ timeout: 15000 });
  assert.equal(await field(page2, 'groups[0].people').inputValue(), '100');
  await page2.context().close();
  await assertClean(page, assert);
  await page.context().close();
});

test('Bagikan without the Web Share API: a wa.me link (opened only by a click) carrying the same text and the link, and copy', async () => {
  const page = await open('', () => { delete Navigator.prototype.share; });
  await page.evaluate((w) => { window.__exports = []; document.querySelector(w).addEventListener('kalkulator-export', (e) => window.__exports.push(e.detail)); }, W);
  await scenario(page);
  assert.equal(await page.evaluate(() => typeof navigator.share), 'undefined');
  await page.locator(`${W} [data-share="open"]`).click();
  const wa = page.locator(`${W} a[data-share="wa"]`);
  await wa.waitFor();
  assert.equal(await wa.textContent(), 'Kirim lewat WhatsApp');
  const href = await wa.getAttribute('href');
  assert.ok(href.startsWith('https://wa.me/?text='), href);
  const sent = decodeURIComponent(href.slice('https://wa.me/?text='.length));
  const [text, url, ...rest] = sent.split('\n').reduce((a, l) => { /^https?:/.test(l) ? a.push(l) : (a[0] = a[0] ? a[0] + '\n' + l : l); return a; }, ['']);
  assert.deepEqual(rest, []);
  assertSummary(text);
  assert.match(url, /#kj=[A-Za-z0-9_-]+$/);
  assert.equal(await wa.getAttribute('rel'), 'noopener noreferrer');
  // The text box shows exactly what WhatsApp would get.
  assert.equal(await page.locator(`${W} textarea[data-share="text"]`).inputValue(), sent);
  assert.deepEqual(await page.evaluate(() => window.__exports), [], 'nothing counted as shared before a click on WhatsApp or copy');
  // Copy: clipboard or, where refused, the text selected for copying by hand; either way an export event.
  await page.locator(`${W} [data-share="copy"]`).click();
  await page.waitForFunction(() => window.__exports.length === 1);
  assert.deepEqual(await page.evaluate(() => window.__exports), [{ tab: 'desa', kind: 'link' }]);
  assert.deepEqual(page.__externalRequests, [], 'wa.me never requested without the click on the link');
  await assertClean(page, assert);
  await page.context().close();
});

test('the summary stays ≤ 500 characters with a 200-character village name and many groups', async () => {
  const page = await open('', () => { delete Navigator.prototype.share; });
  const long = 'Desa ' + 'Sukamaju Wangi-Wangi Pesisir '.repeat(7).trim();
  await field(page, 'name').fill(long.slice(0, 200));
  await field(page, 'name').press('Tab');
  await field(page, 'funder').selectOption('apbdes');
  await field(page, 'year').selectOption('2026');
  const cats = ['pekerja_rentan', 'kepala_desa', 'perangkat_desa', 'bpd', 'rt_rw', 'kader', 'linmas', 'lembaga_desa'];
  for (let i = 0; i < cats.length; i++) {
    if (i) await field(page, 'add').click();
    await field(page, `groups[${i}].category`).selectOption(cats[i]);
    await field(page, `groups[${i}].people`).fill(String(1000 + i));
    if (i && (await field(page, `groups[${i}].wage`).count())) await field(page, `groups[${i}].wage`).fill('2 juta');
  }
  await settled(page);
  await page.waitForTimeout(300);
  await settled(page);
  assert.equal(await page.locator(`${W} .res .big`).count(), 1);
  await page.locator(`${W} [data-share="open"]`).click();
  const text = await page.locator(`${W} textarea[data-share="text"]`).inputValue();
  const summary = text.split('\n').filter((l) => !/^https?:/.test(l)).join('\n');
  assert.ok(summary.length <= 500, `summary ${summary.length} characters`);
  assert.match(summary, /^Iuran BPJS Ketenagakerjaan Desa Sukamaju/);
  assert.match(summary, /Biaya: Rp[\d.]+ per bulan, Rp[\d.]+ setahun/, 'the cost line is kept');
  await assertClean(page, assert);
  await page.context().close();
});

test('host-page events: kalkulator-result once per result shown (after typing settles), kalkulator-export for print, PDF, CSV, link', async () => {
  const page = await open();
  await page.evaluate((w) => {
    window.__results = []; window.__exports = [];
    const el = document.querySelector(w);
    el.addEventListener('kalkulator-result', (e) => window.__results.push(e.detail));
    document.addEventListener('kalkulator-export', (e) => window.__exports.push(e.detail)); // bubbles to the page
  }, W);
  await field(page, 'name').fill('Desa Uji Coba');
  await field(page, 'name').press('Tab');
  await field(page, 'funder').selectOption('apbd');
  await field(page, 'year').selectOption('2026');
  await settled(page);
  await page.waitForTimeout(400);
  await page.evaluate(() => { window.__results = []; });
  // Typing "250" key by key: one result event, for the figures finally shown.
  await field(page, 'groups[0].people').fill('');
  await field(page, 'groups[0].people').pressSequentially('250', { delay: 30 });
  await settled(page);
  await page.waitForTimeout(400);
  const results = await page.evaluate(() => window.__results);
  assert.deepEqual(results, [{ tab: 'desa', total: '50400000', months: 12, people: 250 }]);
  // A change that gives the same figures is not a new result; a different one is.
  await field(page, 'funder').selectOption('apbdes');
  await settled(page);
  await page.waitForTimeout(400);
  assert.equal((await page.evaluate(() => window.__results)).length, 1);
  await field(page, 'groups[0].people').fill('100');
  await settled(page);
  await page.waitForTimeout(400);
  assert.deepEqual((await page.evaluate(() => window.__results)).at(-1), { tab: 'desa', total: '20160000', months: 12, people: 100 });
  // Outputs.
  const res = page.locator(`${W} .res`);
  await res.getByRole('button', { name: 'Cetak RAB' }).click();
  await res.getByRole('button', { name: 'Simpan PDF' }).click();
  const dl = page.waitForEvent('download');
  await res.getByRole('button', { name: 'Unduh CSV' }).click();
  await dl;
  await res.getByRole('button', { name: 'Buat tautan skenario' }).click();
  await page.waitForFunction(() => window.__exports.length === 4);
  assert.deepEqual(await page.evaluate(() => window.__exports), [
    { tab: 'desa', kind: 'print' }, { tab: 'desa', kind: 'print' }, { tab: 'desa', kind: 'csv' }, { tab: 'desa', kind: 'link' },
  ]);
  // No names or personal data in any detail: only these keys.
  const all = await page.evaluate(() => [...window.__results, ...window.__exports]);
  for (const d of all) for (const k of Object.keys(d)) assert.ok(['tab', 'total', 'months', 'people', 'kind'].includes(k), k);
  assert.doesNotMatch(JSON.stringify(all), /Uji Coba/);
  await assertClean(page, assert);
  await page.context().close();
});

test('Simpan PDF: says how in plain words and opens the same one-page A4 RAB in the print window', async () => {
  const page = await open();
  await scenario(page);
  const res = page.locator(`${W} .res`);
  const pdf = res.getByRole('button', { name: 'Simpan PDF' });
  const how = await pdf.evaluate((b) => b.getRootNode().getElementById(b.getAttribute('aria-describedby')).textContent);
  assert.match(how, /Di jendela cetak, pilih tujuan "Simpan sebagai PDF"/i);
  assert.equal(await res.getByText(/pilih tujuan "Simpan sebagai PDF"/).isVisible(), true, 'the hint is on screen, not only for screen readers');
  await pdf.click();
  await page.waitForFunction((w) => /Simpan sebagai PDF/.test(document.querySelector(w).shadowRoot.querySelector('[aria-live]').textContent), W);
  const html = await page.evaluate((w) => {
    const d = document.querySelector(w).shadowRoot.querySelector('iframe').contentDocument;
    const css = [...d.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n');
    return `<!doctype html><html lang="${d.documentElement.lang}"><head><meta charset="utf-8"><style>${css}</style></head>${d.body.outerHTML}</html>`;
  }, W);
  // The file a "Save as PDF" writes: Chromium's own PDF of that print document.
  const ctx = await browser.newContext({ viewport: { width: 700, height: 1000 } });
  const p = await ctx.newPage();
  await p.setContent(html);
  const bytes = await p.pdf({ format: 'A4' });
  await writeFile(path.join(artifacts, 'rab-simpan-pdf.pdf'), bytes);
  assert.equal((bytes.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length, 1, 'one A4 page');
  const text = await p.evaluate(() => document.body.innerText);
  assert.match(text, /RENCANA ANGGARAN BIAYA \(RAB\)/);
  assert.match(text, /JUMLAH\s+20\.160\.000/);
  assert.match(text, /Terbilang: dua puluh juta seratus enam puluh ribu rupiah/);
  await ctx.close();
  await assertClean(page, assert);
  await page.context().close();
});

test('damaged share links: cut, double-encoded, malformed %, 100 KB — said plainly; saved data untouched; nothing shown from the link', async () => {
  const page = await open();
  await scenario(page, 'Desa Milik Pengunjung');
  await page.waitForTimeout(400);
  await page.getByRole('button', { name: 'Buat tautan skenario' }).click();
  const link = await page.getByLabel('Tautan skenario').inputValue();
  const payload = link.split('#kj=')[1];
  assert.ok(payload.length > 40);
  // Another village's scenario, in a link sent by someone else.
  const other = Buffer.from(JSON.stringify({ name: 'Desa Pengirim', funder: 'apbdes', year: 2026, groups: [{ category: 'pekerja_rentan', people: '777' }] })).toString('base64url');
  const saved = await storage(page);
  assert.match(saved, /Desa Milik Pengunjung/);
  const broken = [
    ['cut after 1 character', '#kj=' + other.slice(0, 1)],
    ['cut in the middle', '#kj=' + other.slice(0, Math.floor(other.length / 2))],
    ['cut 1 character short', '#kj=' + other.slice(0, -1)],
    ['cut 2 characters short', '#kj=' + other.slice(0, -2)],
    ['cut right after kj=', '#kj='],
    ['a chat app added a character', '#kj=' + other + ')'],
    ['malformed %', '#kj=' + other.slice(0, 20) + '%E0%A4%A'],
    ['double-encoded and cut', '#%23kj%3D' + other.slice(0, -3)],
    ['encoded, malformed %', '#%23kj%3D' + other + '%ZZ%'],
    ['100 KB', '#kj=' + 'A'.repeat(100 * 1024)],
    ['valid base64 of no scenario', '#kj=' + Buffer.from('"just a string"').toString('base64url')],
  ];
  let n = 0;
  for (const [what, hash] of broken) {
    await page.goto(server.url + PAGE + '?v=' + ++n + hash);
    await field(page, 'groups[0].people').waitFor({ timeout: 15000 });
    const notice = page.locator(`${W} [data-link="broken"]`);
    assert.equal(await notice.count(), 1, what + ': notice');
    assert.match(await notice.textContent(), /^Tautan ini tidak terbaca lengkap/, what);
    assert.equal(await notice.getAttribute('role'), 'alert');
    assert.doesNotMatch(await page.locator(`${W} form`).evaluate((f) => f.parentNode.textContent), /Skenario dibuka dari tautan|Desa Pengirim/, what + ': nothing as if from the link');
    assert.equal(await field(page, 'name').inputValue(), 'Desa Milik Pengunjung', what + ': the visitor’s own entries');
    assert.equal(await field(page, 'groups[0].people').inputValue(), '100', what);
    await settled(page);
    await page.waitForTimeout(350);
    assert.equal(await storage(page), saved, what + ': saved data unchanged');
  }
  // Percent-encoded once or twice by a mail client but otherwise whole: decoded and used (unambiguous).
  for (const [what, hash] of [['encoded once', '#%23kj%3D' + other], ['encoded twice', '#%2523kj%253D' + other], ['kj= encoded in the fragment', '#kj%3D' + other]]) {
    await page.goto(server.url + PAGE + '?v=' + ++n + hash);
    await field(page, 'groups[0].people').waitFor({ timeout: 15000 });
    assert.equal(await page.locator(`${W} [data-link="broken"]`).count(), 0, what);
    assert.equal(await field(page, 'name').inputValue(), 'Desa Pengirim', what);
    assert.equal(await field(page, 'groups[0].people').inputValue(), '777', what);
    assert.match(await page.locator(`${W} form`).evaluate((f) => f.parentNode.textContent), /Skenario dibuka dari tautan/);
  }
  // The visitor's own saved village is still there.
  assert.match(await storage(page), /Desa Milik Pengunjung/);
  // No link at all: no notice.
  await page.goto(server.url + PAGE + '?v=' + ++n + '#top');
  await field(page, 'groups[0].people').waitFor({ timeout: 15000 });
  assert.equal(await page.locator(`${W} [data-link="broken"]`).count(), 0);
  await assertClean(page, assert);
  await page.context().close();
});

test('amounts are read by the module (ctx.api.parseAmount), not in JS: village.js has no parseRupiah; refusals stay at the field', async () => {
  const src = await readFile(path.join(repoRoot, 'www/widget/village.js'), 'utf8');
  assert.doesNotMatch(src, /parseRupiah/);
  assert.match(src, /api\.parseAmount\(/);
  const page = await open();
  await scenario(page);
  await field(page, 'funder').selectOption('dana_desa');
  await field(page, 'danaDesa').fill('850 juta');
  await settled(page);
  assert.match(await page.locator(`${W} .res`).textContent(), /dari Dana Desa Rp850\.000\.000/);
  await field(page, 'danaDesa').fill('delapan ratus');
  await settled(page);
  assert.equal(await field(page, 'danaDesa').getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator(`${W} [id$="f-danaDesa-e"]`).textContent(), /rupiah/);
  assert.equal(await page.locator(`${W} .res .big`).count(), 0, 'no stale result');
  // Coverage budget too.
  await field(page, 'danaDesa').fill('');
  await settled(page);
  const budget = page.locator(`${W} input[id$="cov-b"]`);
  await budget.fill('Rp20jt');
  await page.waitForFunction((w) => document.querySelector(w).shadowRoot.querySelector('[data-people]'), W);
  assert.match(await page.locator(`${W} [data-people]`).textContent(), /Cukup untuk 99 orang/);
  await budget.fill('dua puluh juta');
  await page.waitForFunction((w) => document.querySelector(w).shadowRoot.querySelector('[id$="cov-o"] .err'), W);
  assert.match(await page.locator(`${W} [id$="cov-o"] .err`).textContent(), /rupiah/);
  await assertClean(page, assert);
  await page.context().close();
});

// ---- OpenSID resident import: a synthetic "Ekspor Penduduk" (Impor_model::$daftar_kolom header, ; separator, BOM)
const EKSPOR = ['alamat', 'dusun', 'rw', 'rt', 'nama', 'no_kk', 'nik', 'sex', 'tempatlahir', 'tanggallahir', 'agama_id', 'pendidikan_kk_id',
  'pendidikan_sedang_id', 'pekerjaan_id', 'status_kawin', 'kk_level', 'warganegara_id', 'ayah_nik', 'nama_ayah', 'ibu_nik', 'nama_ibu',
  'golongan_darah_id', 'akta_lahir', 'dokumen_pasport', 'tanggal_akhir_paspor', 'dokumen_kitas', 'akta_perkawinan', 'tanggalperkawinan',
  'akta_perceraian', 'tanggalperceraian', 'cacat_id', 'cara_kb_id', 'hamil', 'ktp_el', 'status_rekam', 'alamat_sekarang', 'status_dasar',
  'suku', 'tag_id_card', 'id_asuransi', 'no_asuransi', 'lat', 'lng'];
function ekspor(people) {
  const names = [];
  const niks = [];
  const rows = people.map((p, i) => {
    const nama = `Wa Ode Rahmatia Uji${String.fromCharCode(65 + (i % 26))}${i}`;
    const nik = String(7407010101900000 + i);
    names.push(nama); niks.push(nik);
    const r = Object.fromEntries(EKSPOR.map((c) => [c, '']));
    Object.assign(r, { alamat: 'Jl. Pantai', dusun: 'Dusun I', rw: '001', rt: '002', nama, no_kk: String(7407010101800000 + i), nik, sex: '1',
      tempatlahir: 'Wanci', tanggallahir: p.born, pekerjaan_id: String(p.job), status_dasar: String(p.status ?? 1) });
    return EKSPOR.map((c) => r[c]).join(';');
  });
  return { bytes: Buffer.from('\ufeff' + [EKSPOR.join(';'), ...rows].join('\r\n') + '\r\n', 'utf8'), names, niks };
}
const times = (n, p) => Array.from({ length: n }, () => ({ ...p }));

test('Impor data penduduk OpenSID: counts per work kind shown with what was skipped and why; on confirm they become the groups; no name or NIK kept', async () => {
  const page = await open();
  await scenario(page);
  await page.evaluate((w) => { window.__results = []; document.querySelector(w).addEventListener('kalkulator-result', (e) => window.__results.push(e.detail)); }, W);
  const file = ekspor([
    ...times(5, { born: '1990-05-05', job: 11 }), // nelayan
    ...times(3, { born: '1985-12-31', job: 9 }), // petani
    ...times(2, { born: '1979-02-10', job: 81 }), // sopir → transportasi
    { born: '2016-03-01', job: 9 }, // 9 years old: too young
    { born: '1950-01-01', job: 11 }, // 76: too old
    ...times(2, { born: '1980-01-01', job: 5 }), // PNS: not rentan
    { born: '1980-01-01', job: 88 }, // wiraswasta: unclear
    { born: '1980-01-01', job: 11, status: 2 }, // died
    { born: '1970-06-06', job: 86 }, // kepala desa
    ...times(4, { born: '1975-06-06', job: 85 }), // perangkat desa
  ]);
  const input = field(page, 'opensid');
  assert.equal(await input.getAttribute('accept'), '.csv,.xls,text/csv,text/html');
  assert.equal(await page.getByLabel('Impor data penduduk OpenSID').count(), 1, 'labelled');
  const before = await storage(page);
  await input.setInputFiles({ name: 'penduduk_04_12_2026.csv', mimeType: 'text/csv', buffer: file.bytes });
  const box = page.locator(`${W} [data-opensid="report"]`);
  await box.locator('[data-opensid="counts"]').waitFor({ timeout: 15000 });
  const counts = await box.locator('[data-opensid="counts"] li').allTextContents();
  assert.deepEqual(counts, [
    'Pekerja rentan — Nelayan: 5 orang', 'Pekerja rentan — Petani / pekebun: 3 orang', 'Pekerja rentan — Ojek, sopir, kurir: 2 orang',
    'Kepala desa: 1 orang', 'Perangkat desa: 4 orang',
  ]);
  await box.locator('details summary').click();
  const report = await box.innerText();
  assert.match(report, /Data penduduk Desa Uji Coba:/);
  assert.match(report, /15 orang dihitung di 1 desa dari 21 baris/);
  assert.match(report, /6 baris tidak dihitung/);
  // Row numbers as the spreadsheet shows them (header = row 1).
  assert.match(report, /1 × di bawah umur 15 tahun: baris 12$/m);
  assert.match(report, /1 × di atas umur 64 tahun: baris 13$/m);
  assert.match(report, /2 × pekerjaan bukan pekerja rentan[^:]*: baris 14, 15$/m);
  assert.match(report, /1 × pekerjaan belum tentu pekerja rentan[^:]*: baris 16$/m);
  assert.match(report, /1 × bukan penduduk hidup[^:]*: baris 17$/m);
  assert.match(report, /Nama, NIK dan tanggal lahir tidak disimpan/);
  // Nothing changes before the user confirms.
  assert.equal(await field(page, 'groups[0].people').inputValue(), '100');
  assert.equal(await field(page, 'groups[1].people').count(), 0);
  assert.equal(await storage(page), before);
  await field(page, 'opensid-apply').click();
  await settled(page);
  await page.waitForTimeout(400);
  const groups = await page.evaluate((w) => {
    const r = document.querySelector(w).shadowRoot;
    return [...Array(8).keys()].map((i) => r.querySelector(`[data-k="groups[${i}].category"]`) && [
      r.querySelector(`[data-k="groups[${i}].category"]`).value, r.querySelector(`[data-k="groups[${i}].workKind"]`)?.value ?? '',
      r.querySelector(`[data-k="groups[${i}].people"]`).value]).filter(Boolean);
  }, W);
  assert.deepEqual(groups, [
    ['pekerja_rentan', 'nelayan', '5'], ['pekerja_rentan', 'petani', '3'], ['pekerja_rentan', 'transportasi', '2'],
    ['kepala_desa', '', '1'], ['perangkat_desa', '', '4'],
  ]);
  assert.equal(await field(page, 'groups[3].wage').inputValue(), '3500000', 'the regency’s siltap for a new kepala desa group');
  // 10 rentan × Rp16.800 × 12 + kepala desa 0,54 % × Rp3.500.000 × 12 + 4 perangkat 0,54 % × Rp2.000.000 × 12
  assert.match(await page.locator(`${W} .res .big`).textContent(), /Rp2\.761\.200/);
  assert.deepEqual((await page.evaluate(() => window.__results)).at(-1), { tab: 'desa', total: '2761200', months: 12, people: 15 });
  assert.match(await box.textContent(), /Kelompok diisi dari data penduduk: 15 orang/);
  // Names, NIK and birth dates are nowhere: not on screen, not in storage.
  const everything = await storage(page) + await page.evaluate((w) => document.querySelector(w).shadowRoot.textContent, W);
  for (const x of [...file.names, ...file.niks, '1990-05-05', 'Rahmatia']) assert.ok(!everything.includes(x), 'not kept: ' + x);
  await assertClean(page, assert);
  await page.context().close();
});

test('OpenSID import refusals and cancel: a non-resident file, an .xlsx, another kecamatan’s villages — nothing changes', async () => {
  const page = await open();
  await scenario(page);
  const before = await storage(page);
  const input = field(page, 'opensid');
  const box = page.locator(`${W} [data-opensid="report"]`);
  const err = async () => { await box.locator('.err').waitFor({ timeout: 15000 }); return box.locator('.err').textContent(); };
  // The village CSV of the regency journey is not a resident export.
  await input.setInputFiles({ name: 'desa.csv', mimeType: 'text/csv', buffer: Buffer.from('nama_desa;pekerja_rentan\nWanci;100\n') });
  assert.match(await err(), /pekerjaan/);
  // An .xlsx not saved as CSV.
  await input.setInputFiles({ name: 'penduduk.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 0)]) });
  await page.waitForFunction((w) => !/pekerjaan/.test(document.querySelector(w).shadowRoot.querySelector('[data-opensid="report"] .err')?.textContent || 'pekerjaan'), W);
  assert.match(await err(), /CSV/);
  // An OpenDK file of other villages.
  const opendk = ['ID,NAMA,NIK,NO.KK,DESA,ALAMAT,PENDIDIKAN DALAM KK,TANGGAL LAHIR,UMUR,PEKERJAAN,STATUS KAWIN',
    '1,Ani,7407010101900001,7407010101800001,Mandati,Jl,SD,1990-01-01,36,NELAYAN/PERIKANAN,KAWIN',
    '2,Budi,7407010101900002,7407010101800002,Liya,Jl,SD,1990-01-01,36,PETANI/PEKEBUN,KAWIN'].join('\n');
  await input.setInputFiles({ name: 'data-penduduk.csv', mimeType: 'text/csv', buffer: Buffer.from(opendk) });
  await page.waitForFunction((w) => /Mandati/.test(document.querySelector(w).shadowRoot.querySelector('[data-opensid="report"]').textContent), W);
  assert.match(await err(), /desa lain \(Mandati, Liya\), bukan Desa Uji Coba/);
  assert.equal(await field(page, 'opensid-apply').count(), 0);
  // A good file, then Batal.
  const file = ekspor(times(3, { born: '1990-05-05', job: 11 }));
  await input.setInputFiles({ name: 'penduduk.csv', mimeType: 'text/csv', buffer: file.bytes });
  await field(page, 'opensid-cancel').click();
  assert.match(await box.textContent(), /tidak dipakai; isian tidak diubah/);
  assert.equal(await field(page, 'groups[0].people').inputValue(), '100');
  assert.equal(await field(page, 'groups[0].workKind').inputValue(), 'lainnya');
  await page.waitForTimeout(400);
  assert.equal(await storage(page), before);
  await assertClean(page, assert);
  await page.context().close();
});

test('the shared summary follows the widget language (lang="en")', async () => {
  const page = await open('', () => {
    window.__shared = [];
    Object.defineProperty(Navigator.prototype, 'share', { configurable: true, value: (d) => { window.__shared.push(JSON.parse(JSON.stringify(d))); return Promise.resolve(); } });
  });
  await page.evaluate((w) => document.querySelector(w).setAttribute('lang', 'en'), W);
  await page.locator(`${W} [data-k="groups[0].people"]`).waitFor();
  await field(page, 'name').fill('Desa Uji Coba');
  await field(page, 'name').press('Tab');
  await field(page, 'funder').selectOption('apbd');
  await field(page, 'year').selectOption('2026');
  await field(page, 'groups[0].people').fill('100');
  await settled(page);
  await page.locator(`${W} [data-share="open"]`).click();
  await page.waitForFunction(() => window.__shared.length === 1);
  const [d] = await page.evaluate(() => window.__shared);
  assert.match(d.text, /Period: January 2026 – December 2026 \(12 months\)/);
  assert.match(d.text, /Cost: Rp1,680,000 per month, Rp20,160,000 a year/);
  assert.match(d.text, /Source of funds: APBD \(regency budget\)/);
  assert.ok(d.text.length <= 500);
  await assertClean(page, assert);
  await page.context().close();
});

test('nothing typed is lost: the element removed right after typing (before the recomputation) still saves the entry (view.flush)', async () => {
  const page = await open();
  await scenario(page);
  await page.waitForTimeout(400);
  const key = await page.evaluate(() => Object.keys(localStorage).find((k) => /village:desa-uji-coba/.test(k)));
  assert.ok(key, 'the village is saved under its own key');
  await field(page, 'groups[0].people').fill('250');
  await field(page, 'rab.kadesName').fill('Kepala Baru');
  await page.evaluate((w) => document.querySelector(w).remove(), W); // at once: within the 250/300 ms debounce
  const saved = await page.evaluate((k) => localStorage.getItem(k), key);
  assert.match(saved, /"people":"250"/);
  assert.match(saved, /Kepala Baru/);
  await assertClean(page, assert);
  await page.context().close();
});
