// The RAB (Rencana Anggaran Biaya) as an official attachment: rendered from the print iframe into a PDF by Chromium,
// one A4 portrait page, every row with a kode rekening, the terbilang and the three signature roles (APBDES.md §2).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startServer, launch, openPage, assertClean, artifacts, STRICT_CSP } from './harness.mjs';

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
const field = (page, key) => page.locator(`${W} [data-k="${key}"]`).first();
const settled = (page) => page.waitForFunction((w) => {
  const r = document.querySelector(w).shadowRoot.querySelector('.res');
  return r && !r.hasAttribute('aria-busy') && r.querySelector('.big');
}, W);

/** Click "Cetak RAB" and return the print iframe's document as a standalone HTML page (its adopted sheet inlined). */
async function rabHtml(page) {
  await page.locator(W).first().locator('.res').getByRole('button', { name: 'Cetak RAB' }).click();
  return page.evaluate((w) => {
    const d = document.querySelector(w).shadowRoot.querySelector('iframe').contentDocument;
    const css = [...d.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n');
    return `<!doctype html><html lang="${d.documentElement.lang}"><head><meta charset="utf-8"><title>${d.title.replace(/</g, '')}</title><style>${css}</style></head>${d.body.outerHTML}</html>`;
  }, W);
}

/** Render the RAB in Chromium as A4 and measure it: pages, clipped cells, colours. */
async function render(html, file) {
  const ctx = await browser.newContext({ viewport: { width: 700, height: 1000 } });
  const p = await ctx.newPage();
  await p.setContent(html);
  if (process.env.RAB_HTML) await writeFile(process.env.RAB_HTML, html);
  const pdf = await p.pdf({ format: 'A4' });
  await writeFile(path.join(artifacts, file), pdf);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length;
  await p.emulateMedia({ media: 'print' });
  const info = await p.evaluate(() => {
    const cells = [...document.querySelectorAll('table.rab th, table.rab td')];
    const clipped = cells.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent);
    const colours = new Set([...document.querySelectorAll('body *')].map((e) => getComputedStyle(e).color));
    const rows = [...document.querySelectorAll('tr[data-row]')].map((r) => [...r.cells].map((c) => c.textContent));
    return { clipped, colours: [...colours], rows, text: document.body.innerText, tableWidth: document.querySelector('table.rab').scrollWidth, bodyWidth: document.body.clientWidth };
  });
  await ctx.close();
  return { pages, bytes: pdf.length, ...info };
}

function assertRab(r, { rows, year, pka = 'Kaur Keuangan' }) {
  assert.equal(r.pages, 1, 'one A4 page');
  assert.deepEqual(r.clipped, [], 'no clipped column');
  assert.ok(r.tableWidth <= r.bodyWidth, `table ${r.tableWidth}px within the page ${r.bodyWidth}px`);
  assert.deepEqual(r.colours, ['rgb(0, 0, 0)'], 'black text only (readable in black and white)');
  assert.match(r.text, new RegExp(`TAHUN ANGGARAN ${year}`));
  assert.match(r.text, /RENCANA ANGGARAN BIAYA \(RAB\) — IURAN BPJS KETENAGAKERJAAN/);
  assert.equal(r.rows.length, rows);
  for (const row of r.rows) {
    assert.match(row[1], /^(\d+(\.\d+)+|kode sesuai Perbup pedoman APBDes)$/, 'a code on every row: ' + row.join(' | '));
    assert.match(row[3], /^\d[\d.]* orang × \d+ bulan$/);
    assert.equal(row[4], 'OB');
    assert.match(row[5], /^\d{1,3}(\.\d{3})*$/);
    assert.match(row[6], /^\d{1,3}(\.\d{3})*$/);
    assert.ok(row[7].length > 1, 'sumber dana on every row');
  }
  assert.match(r.text, /Terbilang: [a-z ]+ rupiah/);
  assert.match(r.text, /OB = orang-bulan/);
  assert.match(r.text, /Dasar hukum: 1\) PP 44\/2015[\s\S]*Permendagri 20\/2018[\s\S]*Aturan diperiksa \d{1,2} \w+ \d{4}/);
  assert.match(r.text, new RegExp('Pelaksana Kegiatan Anggaran,\\s+' + pka));
  assert.match(r.text, /Diverifikasi oleh,\s+Sekretaris Desa/);
  assert.match(r.text, /Disetujui oleh,\s+Kepala Desa/);
  assert.match(r.text, /, tanggal …/);
}

test('the demo village (www/index.html, Wanci): the RAB prints on one A4 page with Tahun Anggaran, codes, terbilang and three signatures', async () => {
  const page = await openPage(browser, server.url + '/www/index.html');
  await field(page, 'groups[0].people').waitFor({ timeout: 15000 });
  await field(page, 'year').selectOption('2026');
  await settled(page);
  const r = await render(await rabHtml(page), 'rab-demo.pdf');
  assertRab(r, { rows: 2, year: 2026 });
  assert.match(r.text, /PEMERINTAH KABUPATEN WAKATOBI\s+PEMERINTAH DESA WANCI/);
  assert.match(r.text, /CONTOH — ANGKA AWAL DARI DAFTAR KABUPATEN/, 'the demo figures are marked as an example');
  assert.match(r.text, /1\. Bidang\s+:\s+kode sesuai Perbup pedoman APBDes\s+1 Penyelenggaraan Pemerintahan Desa/);
  assert.match(r.text, /3\. Kegiatan[\s\S]*1\.1\.03 Penyediaan Jaminan Sosial bagi Kepala Desa dan Perangkat Desa/);
  assert.match(r.text, /4\. Waktu Pelaksanaan\s+:\s+Januari 2026 – Desember 2026/);
  assert.match(r.text, /5\. Keluaran \(output\)\s+:\s+110 orang/);
  assert.deepEqual(r.rows.map((x) => [x[1], x[3], x[5], x[6]]), [
    ['kode sesuai Perbup pedoman APBDes', '100 orang × 12 bulan', '16.800', '20.160.000'],
    ['5.1.3.04', '10 orang × 12 bulan', '10.800', '1.296.000'],
  ]);
  assert.match(r.text, /JUMLAH\s+21\.456\.000/);
  assert.match(r.text, /Terbilang: dua puluh satu juta empat ratus lima puluh enam ribu rupiah/);
  await assertClean(page, assert);
  await page.context().close();
});

test('six groups, two funders, a long name and typed signatories still fit one A4 page; names and roles are the ones typed', async () => {
  const page = await openPage(browser, server.url + '/tests/e2e/pages/village.html');
  await field(page, 'groups[0].people').waitFor({ timeout: 15000 });
  await field(page, 'name').fill('Desa Sukamaju Kecamatan Wangi-Wangi Selatan Bagian Pesisir');
  await field(page, 'name').press('Tab');
  await field(page, 'funder').selectOption('dana_desa');
  await field(page, 'year').selectOption('2026');
  const groups = [['pekerja_rentan', '250'], ['pekerja_rentan', '40'], ['kepala_desa', '1'], ['perangkat_desa', '12'], ['rt_rw', '18'], ['kader', '30']];
  for (let i = 0; i < groups.length; i++) {
    if (i) await field(page, 'add').click();
    await field(page, `groups[${i}].category`).selectOption(groups[i][0]);
    await field(page, `groups[${i}].people`).fill(groups[i][1]);
  }
  await field(page, 'groups[1].workKind').selectOption('transportasi');
  await field(page, 'groups[1].jht').check();
  await field(page, 'groups[3].jht').check();
  for (const i of [2, 3, 4, 5]) await field(page, `groups[${i}].funder`).selectOption('apbdes');
  await field(page, 'groups[2].wage').fill('3,5 juta');
  await field(page, 'groups[3].wage').fill('Rp2jt');
  await field(page, 'rab.kecamatan').fill('Wangi-Wangi Selatan');
  await field(page, 'rab.place').fill('Sukamaju');
  await field(page, 'rab.pkaTitle').fill('Kasi Kesejahteraan');
  await field(page, 'rab.pkaName').fill('Wa Ode Hasniati');
  await field(page, 'rab.verName').fill('La Ode Muhammad Syarifuddin');
  await field(page, 'rab.kadesName').fill('Andi Baso Tenriangka');
  await settled(page);
  await page.waitForTimeout(400);
  const r = await render(await rabHtml(page), 'rab-6-groups.pdf');
  assertRab(r, { rows: 6, year: 2026, pka: 'Kasi Kesejahteraan' });
  assert.match(r.text, /KECAMATAN WANGI-WANGI SELATAN/);
  assert.doesNotMatch(r.text, /CONTOH/, 'the village’s own data is not an example');
  assert.match(r.text, /Pelaksana Kegiatan Anggaran,\s+Kasi Kesejahteraan\s+Wa Ode Hasniati/);
  assert.match(r.text, /Sekretaris Desa\s+La Ode Muhammad Syarifuddin/);
  assert.match(r.text, /Kepala Desa Sukamaju Kecamatan/);
  assert.match(r.text, /Andi Baso Tenriangka/);
  assert.match(r.text, /Sukamaju, tanggal/);
  assert.match(r.text, /Jumlah DD \(Dana Desa\)\s+[\d.]+\s+DD \(Dana Desa\)/);
  assert.match(r.text, /Jumlah APBDes non-DD \(ADD\/PAD\)\s+[\d.]+/);
  assert.ok(r.rows.some((x) => x[1] === '5.1.3.03'), 'kepala desa: 5.1.3.03');
  // The typed names are kept with the village's data.
  await page.reload();
  await field(page, 'rab.kadesName').waitFor({ timeout: 15000 });
  assert.equal(await field(page, 'rab.kadesName').inputValue(), 'Andi Baso Tenriangka');
  assert.equal(await field(page, 'rab.pkaTitle').inputValue(), 'Kasi Kesejahteraan');
  await assertClean(page, assert);
  await page.context().close();
});
