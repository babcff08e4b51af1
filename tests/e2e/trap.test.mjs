// Issue 5, a real trap mid-session. The rules module never panics on any input (proptest, the boundary fuzz),
// so the trap is made from outside: the test reaches the module instance the widget uses — the wasm-bindgen
// glue is one ES module per URL, and its init function returns the live exports — and fills its linear memory
// with 0xFF, as a memory-safety bug would. The next call then really traps (RuntimeError: unreachable /
// memory access out of bounds). The widget must notice, start a fresh instance, say so, re-render every
// instance with what was typed, and keep computing; and do it again when the fresh instance is clobbered too.
// (embed.test.mjs covers the same path through reloadModule(), without a trap.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, assertClean, STRICT_CSP } from './harness.mjs';
import { guardInit } from './robust-kit.mjs';

let server;
let browser;
before(async () => {
  server = await startServer({ headers: (p) => (p.endsWith('.html') ? { 'Content-Security-Policy': STRICT_CSP } : {}) });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

test('module memory clobbered twice mid-session: real traps, fresh instances, a notice, typed values and results back', async () => {
  const page = await openPage(browser, server.url + '/tests/e2e/pages/robust.html', { width: 1000, height: 800, init: guardInit });
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.evaluate(async () => {
    const T = window.__t;
    window.__a = await T.mount({ regency: 'Kabupaten Trap', tab: 'desa', funder: 'apbd' });
    window.__b = await T.mount({ regency: 'Kabupaten Trap B', tab: 'warga', lang: 'en' });
    const a = window.__a.shadowRoot;
    const b = window.__b.shadowRoot;
    await T.until(() => a.querySelector('[data-k="year"]') && b.querySelector('input[id$="-c-age"]'), 15000, 'both widgets');
    T.pick(a.querySelector('[data-k="year"]'), '2026'); // budget year 2026: January – December
    T.type(a.querySelector('[data-k="groups[0].people"]'), '100');
    T.type(b.querySelector('input[id$="-c-age"]'), '30');
    await T.villageSettled(a);
    await T.until(() => b.querySelector('[data-monthly]'), 15000, 'citizen result');
  });
  assert.match(await page.locator('#host > :first-child .res .big').textContent(), /Rp20\.160\.000/);
  let traps = 0;
  for (const [round, glueUrl, people, total] of [[1, '/pkg/kalkulator_jamsostek.js', '50', 'Rp10.080.000'], [2, '/pkg/kalkulator_jamsostek.js?instance=1', '25', 'Rp5.040.000']]) {
    const r = await page.evaluate(async ({ glueUrl, people }) => {
      const T = window.__t;
      const a = window.__a.shadowRoot;
      const b = window.__b.shadowRoot;
      // the instance the widget is using right now (same URL → same module → same instance)
      const glue = await import(glueUrl);
      const exports = await glue.default();
      new Uint8Array(exports.memory.buffer).fill(0xff);
      let direct = 'no trap';
      try { glue.terbilang('16800', 'id'); } catch (e) { direct = e.constructor.name + ': ' + e.message; }
      const formB = b.querySelector('form');
      T.type(a.querySelector('[data-k="groups[0].people"]'), people); // the next estimate traps
      await T.until(() => b.querySelector('form') && b.querySelector('form') !== formB, 15000, 'every instance re-rendered on the fresh module');
      await T.until(() => a.querySelector('.res .big') && b.querySelector('[data-monthly]'), 15000, 'results again');
      return {
        direct,
        notice: a.querySelector('.note[role=status]').textContent,
        noticeB: b.querySelector('.note[role=status]').textContent,
        people: a.querySelector('[data-k="groups[0].people"]').value,
        total: a.querySelector('.res .big').textContent,
        age: b.querySelector('input[id$="-c-age"]').value,
        monthly: b.querySelector('[data-monthly]').dataset.monthly,
        still: (() => { try { glue.terbilang('1', 'id'); return 'answers'; } catch (e) { return e.constructor.name; } })(),
      };
    }, { glueUrl, people });
    traps++;
    assert.match(r.direct, /^RuntimeError: (unreachable|memory access out of bounds)/, `round ${round}: the clobbered instance really traps`);
    assert.equal(r.still, 'RuntimeError', `round ${round}: the old instance stays dead; the widget no longer uses it`);
    assert.match(r.notice, /Kalkulator dimuat ulang/, `round ${round}`);
    assert.match(r.noticeB, /calculator was reloaded/, `round ${round}: the other instance says so too, in its language`);
    assert.equal(r.people, people);
    assert.match(r.total, new RegExp(total.replace(/\./g, '\\.')));
    assert.deepEqual([r.age, r.monthly], ['30', '16800']);
    assert.ok(warnings.filter((w) => /module trapped/.test(w) && /RuntimeError/.test(w)).length >= round, warnings.join('\n'));
  }
  console.log(`# trap: ${traps} real traps (linear memory clobbered), ${traps} recoveries, 0 typed values lost`);
  assert.deepEqual(await page.evaluate(() => window.__t.findings()), [], 'no CSP violation: the fresh instances load under the strict CSP');
  await assertClean(page, assert);
  await page.context().close();
});
