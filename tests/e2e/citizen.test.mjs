// Citizen journey, end to end in Chromium against the real wasm module, under the strict CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
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
async function open(lang) {
  const page = await openPage(browser, server.url + '/tests/e2e/pages/citizen.html');
  if (lang) await page.evaluate(([w, l]) => document.querySelector(w).setAttribute('lang', l), [W, lang]);
  await page.locator(`${W} form select`).first().waitFor({ timeout: 15000 });
  return page;
}
const result = (page) => page.locator(`${W} section.res`);

test('a fisher aged 30: JKK and JKM apply, Rp16.800 a month paid by the regency, family receives Rp42.000.000 (JKM)', async () => {
  const page = await open();
  await page.getByLabel('Umur Anda (tahun)').fill('30');
  await page.getByLabel('Pekerjaan Anda').selectOption('nelayan');
  const res = result(page);
  await res.locator('[data-monthly]').waitFor();
  assert.equal(await res.locator('[data-eligible]').getAttribute('data-eligible'), 'true');
  assert.match(await res.locator('[data-eligible]').textContent(), /bukan penerima upah \(BPU\)/);
  assert.equal(await res.locator('[data-programme="jkk"]').getAttribute('data-status'), 'mandatory');
  assert.equal(await res.locator('[data-programme="jkm"]').getAttribute('data-status'), 'mandatory');
  assert.equal(await res.locator('[data-programme="jp"]').getAttribute('data-status'), 'not_available');
  assert.match(await res.locator('[data-programme="jkk"]').textContent(), /JKK — kecelakaan kerja: berlaku/);
  assert.equal(await res.locator('[data-monthly]').textContent(), 'Rp16.800');
  assert.match(await res.textContent(), /Dibayar APBD kabupaten: Rp16\.800/);
  assert.equal(await res.locator('[data-benefit="bJkm"]').textContent(), 'Rp42.000.000');
  assert.match(await res.textContent(), /Santunan kematian sekaligus: Rp20\.000\.000/);
  assert.match(await res.locator('[data-benefit="bJkkDeath"]').textContent(), /Rp70\.000\.000/);
  // Children in school: the scholarship is added to what the family receives.
  await page.getByLabel(/Jumlah anak/).selectOption('1');
  await page.getByLabel('Jenjang anak ke-1').selectOption('smp');
  // SMP 3 × Rp2.000.000 + SMA 3 × Rp3.000.000 + PT 5 × Rp12.000.000 = Rp75.000.000 (from the module), on top of Rp42.000.000.
  await page.waitForFunction((w) => document.querySelector(w).shadowRoot.querySelector('[data-benefit="bJkm"]')?.textContent === 'Rp117.000.000', W);
  assert.match(await res.textContent(), /Beasiswa anak: Rp75\.000\.000/);
  await assertClean(page, assert);
  await page.context().close();
});

test('age 70, above the regency limit of 64: not eligible, with the reason, and no cost shown', async () => {
  const page = await open();
  await page.getByLabel('Umur Anda (tahun)').fill('70');
  await page.getByLabel('Pekerjaan Anda').selectOption('nelayan');
  await result(page).locator('[data-eligible]').waitFor();
  await page.waitForFunction((w) => document.querySelector(w).shadowRoot.querySelector('[data-eligible]')?.dataset.eligible === 'false', W);
  assert.equal(await result(page).locator('[data-monthly]').count(), 0);
  assert.ok((await result(page).locator('ul li').count()) > 0, 'says why');
  await page.context().close();
});

test('English: the same answers in English, amounts still in rupiah', async () => {
  const page = await open('en');
  await page.getByLabel('Your age (years)').fill('30');
  await page.getByLabel('Your work').selectOption('nelayan');
  const res = result(page);
  await res.locator('[data-monthly]').waitFor();
  assert.equal(await res.locator('[data-monthly]').textContent(), 'Rp16,800');
  assert.equal(await res.locator('[data-benefit="bJkm"]').textContent(), 'Rp42,000,000');
  assert.match(await res.textContent(), /JKK — work accident: applies/);
  await page.context().close();
});

test('next steps after the answer (issue 13 §5): the regency office from the config, what to bring, how to claim, official links — nothing requested until clicked', async () => {
  const page = await open();
  await page.evaluate((w) => document.querySelector(w).setAttribute('config', JSON.stringify({
    fundedCategories: ['pekerja_rentan'], minAge: 15, maxAge: 64,
    nextSteps: { office: 'Dinas Tenaga Kerja Kabupaten Uji', address: 'Jl. Merdeka 1, Wanci', whatsapp: '+6281234567890', url: 'https://naker.ujikab.go.id/jamsostek' },
  })), W);
  await page.locator(`${W} form select`).first().waitFor({ timeout: 15000 });
  await page.getByLabel('Umur Anda (tahun)').fill('30');
  await page.getByLabel('Pekerjaan Anda').selectOption('nelayan');
  const next = page.locator(`${W} section:has(> h4:text("Langkah selanjutnya"))`);
  await next.waitFor({ timeout: 15000 });
  const text = await next.textContent();
  assert.match(text, /Program kabupaten: Dinas Tenaga Kerja Kabupaten Uji — Jl\. Merdeka 1, Wanci/);
  assert.match(text, /Bawa: KTP \(NIK\)/);
  assert.match(text, /Klaim: /);
  const hrefs = await next.locator('a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('rel')]));
  assert.deepEqual(hrefs.map((x) => x[0]), ['https://wa.me/6281234567890', 'https://naker.ujikab.go.id/jamsostek', 'https://www.bpjsketenagakerjaan.go.id', 'tel:175']);
  assert.ok(hrefs.slice(0, 3).every((x) => /noopener/.test(x[1])));
  // a config link that is not https, or a number that is not one, is refused and named, never shown
  await page.evaluate((w) => document.querySelector(w).setAttribute('config', JSON.stringify({ nextSteps: { office: 'X', url: 'javascript:alert(1)', whatsapp: 'call me' } })), W);
  await page.waitForFunction((w) => /nextSteps\.url/.test(document.querySelector(w).shadowRoot.textContent), W, { timeout: 15000 });
  await assertClean(page, assert);
  await page.context().close();
});
