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
