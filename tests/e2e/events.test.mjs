// Issue 14 §3: the element tells the host page what happened through CustomEvents (widget.d.ts), with figures
// as strings and no personal data, so a portal can react without reaching into the shadow root.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, assertClean } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const W = 'kalkulator-jamsostek';
// Listens on the document before the page's scripts run (the events bubble).
const record = () => {
  window.__events = [];
  for (const n of ['kalkulator-result', 'kalkulator-export', 'kalkulator-config-refused']) {
    document.addEventListener(n, (e) => window.__events.push({ type: e.type, detail: e.detail, target: e.target.tagName }));
  }
};
const events = (page, type) => page.evaluate((t) => window.__events.filter((e) => e.type === t), type);
async function poll(fn, what, timeout = 15000) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting for ' + what);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const PERSONAL = /nelayan|"age"|umur|Wanci|Sukamaju|nik|nama/i;

test('citizen tab: kalkulator-result with the monthly figure as a string, nothing personal', async () => {
  const page = await openPage(browser, server.url + '/tests/e2e/pages/journeys.html', { init: record });
  await page.evaluate(() => document.querySelector('#w').setAttribute('tab', 'warga'));
  const age = page.locator(`${W} [id$="-c-age"]`);
  await age.waitFor({ timeout: 15000 });
  await age.fill('30');
  const got = await poll(async () => (await events(page, 'kalkulator-result')).find((e) => e.detail.tab === 'warga'), 'result event');
  assert.equal(got.target, 'KALKULATOR-JAMSOSTEK');
  assert.deepEqual(Object.keys(got.detail).sort(), ['months', 'people', 'tab', 'total']);
  assert.match(got.detail.total, /^\d+$/);
  assert.equal(got.detail.total, '16800');
  assert.doesNotMatch(JSON.stringify(got.detail), PERSONAL);
  await assertClean(page, assert);
  await page.context().close();
});

test('regency tab: kalkulator-result once per new result, kalkulator-export on the CSV download', async () => {
  const page = await openPage(browser, server.url + '/tests/e2e/pages/journeys.html', { init: record });
  await page.evaluate(() => document.querySelector('#w').setAttribute('tab', 'kabupaten'));
  const total = await poll(async () => page.locator(`${W} .adm [data-total]`).getAttribute('data-total').catch(() => null), 'regency total');
  const res = await poll(async () => (await events(page, 'kalkulator-result')).filter((e) => e.detail.tab === 'kabupaten'), 'result event');
  assert.equal(res.at(-1).detail.total, total);
  assert.ok(Number.isInteger(res.at(-1).detail.months) && Number.isInteger(res.at(-1).detail.people));
  assert.doesNotMatch(JSON.stringify(res.map((e) => e.detail)), PERSONAL);
  const n = res.length;
  await page.waitForTimeout(500);
  assert.equal((await events(page, 'kalkulator-result')).filter((e) => e.detail.tab === 'kabupaten').length, n, 'no repeat without a change');
  await Promise.all([page.waitForEvent('download'), page.locator(`${W} .adm button[data-export]`).click()]);
  const ex = await poll(async () => (await events(page, 'kalkulator-export'))[0], 'export event');
  assert.deepEqual(ex.detail, { tab: 'kabupaten', kind: 'csv' });
  await page.context().close();
});

test('a configuration the widget refuses is announced as kalkulator-config-refused, in words', async () => {
  const page = await openPage(browser, server.url + '/tests/e2e/pages/embed.html', { init: record });
  const got = await poll(async () => (await events(page, 'kalkulator-config-refused'))[0], 'config-refused event');
  assert.match(got.detail.message, /tidak sah dan diabaikan/);
  await page.context().close();
});
