// Issue 13 §2 in the citizen and regency journeys: "Bagikan" uses the Web Share API where there is one (stubbed
// here) with a short summary of the figures on screen; elsewhere the WhatsApp link carries the same text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, assertClean } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });
const W = 'kalkulator-jamsostek';
const stubShare = () => { window.__shared = []; navigator.share = async (d) => { window.__shared.push(d); }; };

test('citizen: Bagikan shares the monthly contribution and the family amounts, nothing about the person', async () => {
  const page = await openPage(browser, server.url + '/tests/e2e/pages/citizen.html', { init: stubShare });
  await page.locator(`${W} form select`).first().waitFor({ timeout: 15000 });
  await page.getByLabel('Umur Anda (tahun)').fill('30');
  await page.getByLabel('Pekerjaan Anda').selectOption('nelayan');
  await page.locator(`${W} [data-monthly]`).waitFor({ timeout: 15000 });
  await page.locator(`${W} button[data-share=open]`).click();
  const shared = await page.waitForFunction(() => window.__shared[0], null, { timeout: 5000 }).then((h) => h.jsonValue());
  assert.equal(shared.title, 'Perlindungan BPJS Ketenagakerjaan saya');
  assert.match(shared.text, /Iuran: Rp16\.800 per bulan, dibayar APBD kabupaten\./);
  assert.match(shared.text, /keluarga menerima Rp42\.000\.000/);
  assert.ok(shared.text.length <= 500);
  assert.doesNotMatch(shared.text, /30|nelayan/i, 'no age or work in the text');
  await assertClean(page, assert);
  await page.context().close();
});

test('regency: without Web Share, the WhatsApp link carries the regency summary', async () => {
  const page = await openPage(browser, server.url + '/tests/e2e/pages/journeys.html');
  await page.evaluate(() => { delete Navigator.prototype.share; document.querySelector('#w').setAttribute('tab', 'kabupaten'); });
  const total = page.locator(`${W} .adm [data-total]`);
  await total.waitFor({ timeout: 15000 });
  await page.locator(`${W} .adm button[data-share=open]`).click();
  const href = await page.locator(`${W} .adm a[data-share=wa]`).getAttribute('href');
  const text = decodeURIComponent(href.replace('https://wa.me/?text=', ''));
  assert.match(text, /^Iuran BPJS Ketenagakerjaan/);
  assert.match(text, /orang: Rp[\d.]+ untuk periode ini \(Rp[\d.]+ per bulan\)/);
  assert.match(text, /bukan tagihan resmi/);
  await page.context().close();
});
