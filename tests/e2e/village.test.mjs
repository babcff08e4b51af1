// Village-head journey, end to end in Chromium against the real wasm module (pkg/), under the strict CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startServer, launch, openPage, assertClean, STRICT_CSP } from './harness.mjs';

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
async function open(hash = '') {
  const page = await openPage(browser, server.url + '/tests/e2e/pages/village.html' + hash);
  await page.locator(`${W} [data-k="groups[0].people"]`).waitFor({ timeout: 15000 });
  return page;
}
const field = (page, key) => page.locator(`${W} [data-k="${key}"]`);
const total = (page) => page.locator(`${W} .res .big`).first();

async function scenario(page) {
  await field(page, 'name').fill('Desa Uji Coba');
  await field(page, 'funder').selectOption('apbd');
  await field(page, 'firstMonth').fill('2026-01');
  await field(page, 'months').fill('12');
  await field(page, 'groups[0].category').selectOption('pekerja_rentan');
  await field(page, 'groups[0].people').fill('100');
  await assertTotal(page, 'Rp20.160.000');
}
/** Wait until the debounced recomputation has run (the result is marked aria-busy meanwhile). */
async function settled(page) {
  await page.waitForFunction((w) => !document.querySelector(w).shadowRoot.querySelector('.res[aria-busy]'), W);
}
async function assertTotal(page, text) {
  await settled(page);
  assert.match(await total(page).textContent(), new RegExp(text.replace(/\./g, '\\.')));
}

test('100 pekerja rentan, APBD, 12 months from 2026-01: Rp16.800 per person-month, Rp20.160.000, in words', async () => {
  const page = await open();
  await scenario(page);
  const res = page.locator(`${W} .res`);
  assert.match(await res.locator('td[data-g="0"]').first().textContent(), /Rp16\.800/);
  assert.match(await res.textContent(), /Januari 2026 – Desember 2026/);
  assert.equal(await res.locator('.words').textContent(), 'dua puluh juta seratus enam puluh ribu rupiah');
  assert.match(await res.textContent(), /Rp1\.680\.000/, 'monthly average from the module');
  assert.match(await res.textContent(), /JKK — kecelakaan kerja\s*Rp12\.000\.000/);
  assert.match(await res.textContent(), /JKM — kematian\s*Rp8\.160\.000/);
  // What the cost buys, stated plainly.
  assert.match(await res.locator('[data-benefit="bJkm"]').textContent(), /Rp42\.000\.000/);
  assert.match(await res.locator('[data-benefit="bJkkDeath"]').textContent(), /Rp70\.000\.000/);
  assert.match(await res.textContent(), /Rp174\.000\.000/);
  // The live region announces the new total.
  await page.waitForFunction((w) => /Rp20\.160\.000/.test(document.querySelector(w).shadowRoot.querySelector('[aria-live]').textContent), W);
  // Explain the per-person figure: formula and legal basis.
  await res.locator('td[data-g="0"] button.x').click();
  const dlg = page.locator(`${W} dialog[open]`);
  await dlg.waitFor();
  const why = await dlg.textContent();
  assert.match(why, /Rp16\.800 = JKK 1\s%\s×\sRp1\.000\.000 \+ JKM Rp6\.800/);
  assert.match(why, /PP 44\/2015/);
  assert.match(why, /Berlaku untuk: Januari 2026 – Desember 2026/);
  await page.keyboard.press('Escape');
  await dlg.waitFor({ state: 'detached' }).catch(() => {});
  assert.equal(await page.locator(`${W} dialog[open]`).count(), 0);
  await assertClean(page, assert);
  await page.context().close();
});

test('perangkat desa with siltap typed "2.000.000": Rp10.800 per month, APBDes line 5.1.3.04, RAB print view', async () => {
  const page = await open();
  await scenario(page);
  await page.locator(`${W} [data-k="add"]`).click();
  await field(page, 'groups[1].category').selectOption('perangkat_desa');
  await field(page, 'groups[1].people').fill('10');
  await field(page, 'groups[1].wage').fill('2.000.000');
  await field(page, 'funder').selectOption('apbdes');
  await assertTotal(page, 'Rp21.456.000');
  const res = page.locator(`${W} .res`);
  assert.match(await res.locator('td[data-g="1"]').textContent(), /Rp10\.800/);
  assert.match(await res.textContent(), /5\.1\.3\.04/);
  // A bad siltap shows the module's message next to the field and no stale result.
  await field(page, 'groups[1].wage').fill('dua juta');
  await settled(page);
  assert.equal(await page.locator(`${W} .res .big`).count(), 0, 'no stale result');
  assert.equal(await field(page, 'groups[1].wage').getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator(`${W} [id$="groups-1-wage-e"]`).textContent(), /rupiah/i);
  await field(page, 'groups[1].wage').fill('2.000.000');
  await assertTotal(page, 'Rp21.456.000');
  // Print: a same-origin iframe with only the RAB, built with DOM APIs (works under the strict CSP).
  await page.evaluate(() => { window.__printed = 0; });
  await res.getByRole('button', { name: 'Cetak RAB' }).click();
  const rab = await page.evaluate((w) => {
    const f = document.querySelector(w).shadowRoot.querySelector('iframe');
    const d = f.contentDocument;
    return { text: d.body.innerText, rows: d.querySelectorAll('tbody tr').length, sheets: d.adoptedStyleSheets.length };
  }, W);
  assert.equal(rab.rows, 2);
  assert.equal(rab.sheets, 1);
  assert.match(rab.text, /Uraian\s+Volume\s+Satuan\s+Harga satuan/);
  assert.match(rab.text, /100 orang × 12 bulan\s+OB\s+Rp16\.800\s+Rp20\.160\.000/);
  assert.match(rab.text, /10 orang × 12 bulan\s+OB\s+Rp10\.800\s+Rp1\.296\.000/);
  assert.match(rab.text, /1\.1\.03 \/ 5\.1\.3\.04/);
  assert.match(rab.text, /Jumlah\s+Rp21\.456\.000/);
  await assertClean(page, assert);
  await page.context().close();
});

test('kelurahan: Dana Desa refused with the reason; APBD pays', async () => {
  const page = await open();
  await field(page, 'kind-kelurahan').check();
  const funder = field(page, 'funder');
  assert.equal(await funder.locator('option[value="dana_desa"]').isDisabled(), true);
  assert.equal(await funder.inputValue(), 'apbd');
  assert.match(await page.locator(`${W} form`).textContent(), /Kelurahan tidak menerima Dana Desa/);
  assert.equal(await field(page, 'danaDesa').count(), 0);
  await page.context().close();
});

test('Dana Desa as the funder: share of the allocation shown (2,37 % of Rp850.000.000), with the Perbup caveat', async () => {
  const page = await open();
  await field(page, 'name').fill('Wanci');
  await field(page, 'funder').selectOption('dana_desa');
  await field(page, 'firstMonth').fill('2026-01');
  await field(page, 'groups[0].people').fill('100');
  await assertTotal(page, 'Rp20.160.000');
  assert.equal(await field(page, 'danaDesa').inputValue(), '850000000');
  assert.match(await page.locator(`${W} .res`).textContent(), /Memakai 2,37\s?%\sdari Dana Desa Rp850\.000\.000/);
  assert.match(await page.locator(`${W} form`).textContent(), /Perbup\/juknis/);
  await page.context().close();
});

test('inverse: Rp20.160.000 for 12 months covers 100 people', async () => {
  const page = await open();
  await scenario(page);
  await page.getByLabel('Anggaran (Rp)').fill('20.160.000');
  const out = page.locator(`${W} [data-people]`);
  await out.waitFor();
  assert.equal(await out.getAttribute('data-people'), '100');
  assert.match(await out.textContent(), /Cukup untuk 100 orang selama 12 bulan/);
  assert.match(await page.locator(`${W} .res`).textContent(), /Per orang untuk seluruh periode\s*Rp201\.600/);
  await page.getByLabel('Anggaran (Rp)').fill('20.000.000');
  await page.waitForFunction((w) => document.querySelector(w).shadowRoot.querySelector('[data-people]')?.dataset.people === '99', W);
  await page.context().close();
});

test('CSV download: amounts from the module, ; separator, formula cells neutralised', async () => {
  const page = await open();
  await scenario(page);
  await field(page, 'name').fill('=HYPERLINK("http://x")');
  await assertTotal(page, 'Rp20.160.000');
  await page.getByLabel('Pemisah kolom CSV').selectOption(';');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh CSV' }).click()]);
  assert.match(download.suggestedFilename(), /\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\ufeff'), 'BOM for Excel');
  const lines = csv.slice(1).split('\r\n');
  assert.equal(lines[0], `Desa;"'=HYPERLINK(""http://x"")"`);
  assert.ok(lines.some((l) => l === 'Pekerja rentan · dasar Rp1.000.000;Pekerja rentan;100;12;16800;20160000;20160000;0'), csv);
  assert.ok(lines.some((l) => l === 'Jumlah;;100;12;;20160000;20160000;0'), csv);
  assert.ok(!/^[=+\-@]/m.test(csv.slice(1)), 'no line starts a formula');
  await page.context().close();
});

test('share link: the scenario travels in #kj= and is validated on read', async () => {
  const page = await open();
  await scenario(page);
  await page.getByRole('button', { name: 'Buat tautan skenario' }).click();
  const link = await page.getByLabel('Tautan skenario').inputValue();
  assert.match(link, /#kj=[A-Za-z0-9_-]+$/);
  await page.context().close();
  // A fresh browser context: nothing in storage, only the link.
  const page2 = await openPage(browser, link);
  await field(page2, 'groups[0].people').waitFor();
  assert.equal(await field(page2, 'groups[0].people').inputValue(), '100');
  assert.equal(await field(page2, 'name').inputValue(), 'Desa Uji Coba');
  assert.equal(await field(page2, 'funder').inputValue(), 'apbd');
  await assertTotal(page2, 'Rp20.160.000');
  assert.match(await page2.locator(`${W} form`).evaluate((f) => f.parentNode.textContent), /Skenario dibuka dari tautan/);
  await page2.context().close();
  // A tampered link is ignored like any untrusted input (no crash, defaults shown).
  const bad = Buffer.from(JSON.stringify({ name: { x: 1 }, months: 9999, groups: [{ category: '<img src=x onerror=alert(1)>', people: 5 }] })).toString('base64url');
  const page3 = await openPage(browser, server.url + '/tests/e2e/pages/village.html#kj=' + bad);
  await field(page3, 'groups[0].people').waitFor();
  assert.equal(await field(page3, 'months').inputValue(), '12');
  assert.equal(await field(page3, 'groups[0].category').inputValue(), 'pekerja_rentan');
  assert.equal(await page3.locator(`${W} img`).count(), 0);
  await assertClean(page3, assert);
  await page3.context().close();
});

test('reload restores the entries (localStorage kj:v1:…); reset clears them; broken storage is reported, not fatal', async () => {
  const page = await open();
  await scenario(page);
  await field(page, 'groups[0].workKind').selectOption('nelayan');
  await page.waitForTimeout(400);
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.ok(keys.includes('kj:v1:kabupaten-uji:village:desa-uji-coba'), keys.join());
  await page.reload();
  await field(page, 'groups[0].people').waitFor();
  assert.equal(await field(page, 'groups[0].people').inputValue(), '100');
  assert.equal(await field(page, 'groups[0].workKind').inputValue(), 'nelayan');
  assert.equal(await field(page, 'name').inputValue(), 'Desa Uji Coba');
  await assertTotal(page, 'Rp20.160.000');
  // Corrupt entry → notice, defaults, typing still works.
  await page.evaluate(() => { localStorage.setItem('kj:v1:kabupaten-uji:last', '{not json'); });
  await page.reload();
  await field(page, 'groups[0].people').waitFor();
  assert.match(await page.locator(`${W} .note[role=status]`).textContent(), /tidak terbaca/);
  // Reset.
  await page.evaluate(() => localStorage.removeItem('kj:v1:kabupaten-uji:last'));
  await field(page, 'name').fill('Desa Uji Coba');
  await field(page, 'name').dispatchEvent('change');
  await page.getByRole('button', { name: 'Mulai dari awal' }).click();
  await page.waitForTimeout(400);
  assert.equal(await page.evaluate(() => localStorage.getItem('kj:v1:kabupaten-uji:village:desa-uji-coba')), null);
  // Storage that throws: still computes, says so once.
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  await page.reload();
  await field(page, 'groups[0].people').waitFor();
  await field(page, 'groups[0].people').fill('100');
  await field(page, 'funder').selectOption('apbd');
  await page.waitForTimeout(400);
  assert.match(await page.locator(`${W} .note[role=status]`).textContent(), /tidak dapat disimpan/);
  assert.match(await total(page).textContent(), /Rp20\.160\.000/);
  assert.deepEqual(page.__errors, []);
  await page.context().close();
});
