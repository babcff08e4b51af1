// Issue 13 §1: the no-script embed. A host whose CMS strips scripts embeds pkg/embed.html in an <iframe>,
// configured by URL parameters validated like the element's attributes; the optional resizer fits the frame.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, assertClean, STRICT_CSP } from './harness.mjs';

let server, browser;
before(async () => {
  // The embed page runs under the strict policy; the host pages have none of their own scripts.
  server = await startServer({ headers: (p) => (p.startsWith('/pkg/') && p.endsWith('.html') ? { 'Content-Security-Policy': STRICT_CSP } : {}) });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const W = 'kalkulator-jamsostek';

test('a page with only an <iframe> shows the widget, configured by URL parameters, and computes', async () => {
  const page = await openPage(browser, server.url + '/tests/e2e/pages/iframe-only.html', { width: 360, height: 800 });
  const frame = page.frameLocator('#f');
  await frame.locator(`${W} form select`).first().waitFor({ timeout: 20000 });
  assert.equal(await page.locator('script').count(), 0, 'the host page has no script');
  await frame.getByLabel('Umur Anda (tahun)').fill('30');
  await frame.getByLabel('Pekerjaan Anda').selectOption('nelayan');
  const monthly = frame.locator(`${W} [data-monthly]`);
  await monthly.waitFor({ timeout: 15000 });
  assert.equal(await monthly.textContent(), 'Rp16.800');
  assert.equal(await page.locator('#f').evaluate((f) => f.clientHeight), 900, 'without the resizer the frame keeps its height');
  await assertClean(page, assert);
  await page.context().close();
});

test('with the resizer the frame fits its content; bad parameters are refused and named; spoofed messages change nothing', async () => {
  const page = await openPage(browser, server.url + '/tests/e2e/pages/iframe-resizer.html', { width: 1280, height: 900 });
  const frame = page.frameLocator('#f');
  await frame.locator(`${W} form`).first().waitFor({ timeout: 20000 });
  const fitted = await page.waitForFunction(() => {
    const f = document.getElementById('f');
    const inner = f.contentDocument?.documentElement.scrollHeight;
    const h = f.clientHeight;
    return inner && h > 400 && Math.abs(h - inner) <= 2 ? h : null;
  }, null, { timeout: 15000 });
  const h = await fitted.jsonValue();
  assert.ok(h > 400, `frame grew to its content (${h}px)`);
  const note = await frame.locator('#kj-embed > p[role=status]').textContent();
  assert.match(note, /Parameter alamat yang diabaikan: evil, funder/);
  assert.equal(await frame.locator(W).getAttribute('tab'), 'desa');
  assert.equal(await frame.locator(W).getAttribute('funder'), null, 'an unknown funder never reaches the element');
  // A message from the host page itself (not the frame) with the right shape: ignored.
  await page.evaluate(() => window.postMessage({ type: 'kalkulator-jamsostek:height', height: 150 }, '*'));
  await page.waitForTimeout(300);
  assert.ok(Math.abs((await page.locator('#f').evaluate((f) => f.clientHeight)) - h) <= 2, 'spoofed message ignored');
  await assertClean(page, assert);
  await page.context().close();
});

test('the configurator offers both snippets and says when to use which; the iframe code carries the same configuration', async () => {
  const page = await openPage(browser, server.url + '/www/configurator.html', { width: 1280, height: 900 });
  const frame = page.locator('textarea[data-k=frame]');
  await page.waitForFunction(() => document.querySelector('textarea[data-k=frame]')?.value.includes('embed.html?'), null, { timeout: 15000 });
  const code = await frame.inputValue();
  const src = /src="([^"]+)"/.exec(code)[1].replace(/&amp;/g, '&');
  const u = new URL(src);
  assert.match(u.pathname, /\/embed\.html$/);
  assert.equal(u.searchParams.get('lang'), 'id');
  assert.ok(u.searchParams.get('config') || u.searchParams.get('config-src'), 'the configuration travels in the URL');
  const script = await page.locator('textarea[data-k=code]').inputValue();
  if (u.searchParams.get('config')) assert.ok(script.includes(u.searchParams.get('config').slice(0, 20).replace(/"/g, '&quot;')) || script.includes(u.searchParams.get('config').slice(0, 20)));
  const text = await page.locator('body').innerText();
  assert.match(text, /membuang <script> \(OpenSID/);
  assert.match(text, /menerima <script>/);
  await page.close();
});
