// Issue 11 §1: a host page whose Object.prototype is polluted before (or after) the widget loads. No script runs,
// no setting is spoofed, the figures are those of a clean page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, STRICT_CSP } from './harness.mjs';

let server, browser;
before(async () => {
  server = await startServer({ headers: (p) => (p.endsWith('.html') ? { 'Content-Security-Policy-Report-Only': STRICT_CSP } : {}) });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const W = 'kalkulator-jamsostek';
// Keys old libraries and known gadgets leave on Object.prototype, and the widget's own config/state keys.
const POLLUTE = {
  srcdoc: '<script>parent.__pwned=1<\/script>', innerHTML: '<img src=x onerror=__pwned=2>', onload: 'parent.__pwned=3',
  onclick: 'parent.__pwned=4', href: 'javascript:parent.__pwned=5', src: 'javascript:parent.__pwned=6', style: 'color:red',
  kind: 'kelurahan', danaDesa: '1', name: 'Desa Palsu', targets: { pekerja_rentan: 9999 }, wage: '999999999',
  perangkat_desa: '999999999', kepala_desa: '999999999', pekerja_rentan: { activity: '9.9', account: '9.9.9', name: 'Palsu' },
  nonAsn: 5000, regency: 'Kabupaten Palsu', minAge: 99, budgetLine: { account: '6.6.6' },
};
const pollute = (keys) => {
  window.__pwned = 0;
  for (const [k, v] of Object.entries(keys)) Object.prototype[k] = v;
};

async function villageFigures(page) {
  await page.locator(`${W} [data-k="groups[0].people"]`).waitFor({ timeout: 15000 });
  await page.locator(`${W} section.res [data-total]`).first().waitFor({ timeout: 15000 });
  return page.evaluate((w) => {
    const r = document.querySelector(w).shadowRoot;
    return { total: r.querySelector('section.res [data-total]')?.getAttribute('data-total'), text: r.textContent };
  }, W);
}

test('Object.prototype polluted before the widget loads: same figures as a clean page, nothing spoofed, no script ran', async () => {
  const clean = await openPage(browser, server.url + '/tests/e2e/pages/village.html');
  const want = await villageFigures(clean);
  await clean.context().close();
  const page = await openPage(browser, server.url + '/tests/e2e/pages/village.html', { init: `(${pollute})(${JSON.stringify(POLLUTE)})` });
  const got = await villageFigures(page);
  assert.equal(got.total, want.total, 'same total as on a clean page');
  assert.doesNotMatch(got.text, /Palsu|999\.999\.999|6\.6\.6/, 'no setting taken from the prototype');
  // print the RAB: its frame gets nothing inherited
  const frame = await page.evaluate((w) => {
    const f = document.querySelector(w).shadowRoot.querySelector('iframe');
    return f ? { srcdoc: f.hasAttribute('srcdoc'), src: f.hasAttribute('src'), style: f.hasAttribute('style') } : null;
  }, W);
  if (frame) assert.deepEqual(frame, { srcdoc: false, src: false, style: false });
  assert.equal(await page.evaluate(() => window.__pwned), 0, 'no script ran');
  await page.context().close();
});

test('the config reader takes own properties only', async () => {
  const page = await openPage(browser, server.url + '/tests/e2e/pages/village.html');
  await page.evaluate(() => customElements.whenDefined('kalkulator-jamsostek'));
  const r = await page.evaluate(async (keys) => {
    const { parseConfig } = await import('/www/widget/widget.js');
    for (const [k, v] of Object.entries(keys)) Object.prototype[k] = v;
    try {
      const { config, refused } = parseConfig({ villages: [{}, { name: 'Wanci' }], offices: [{ name: 'Dinas' }], siltap: {}, budgetLines: {} });
      return {
        villages: config.villages.map((v) => [v.name, v.kind, v.danaDesa, Object.keys(v.targets).length, v.targets.pekerja_rentan]),
        offices: config.offices.map((o) => [o.nonAsn, o.wage]),
        siltap: config.siltap.perangkat_desa, line: config.budgetLines.pekerja_rentan, regency: config.regency, minAge: config.minAge, refused,
      };
    } finally {
      for (const k of Object.keys(keys)) delete Object.prototype[k];
    }
  }, POLLUTE);
  assert.deepEqual(r.villages, [['Wanci', 'desa', null, 0, undefined]], 'a village without its own name is refused; no inherited kind, Dana Desa or targets');
  assert.deepEqual(r.offices, [[0, null]]);
  assert.equal(r.siltap, undefined);
  assert.equal(r.line, undefined);
  assert.equal(r.regency, null);
  assert.equal(r.minAge, null);
  assert.ok(r.refused.includes('villages[0]'));
  await page.close();
});
