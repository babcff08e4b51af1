// Embedding: keyboard only, accessibility (axe), strict CSP, hostile host CSS, two instances, lifecycle,
// configuration handling, screenshots, no outside requests, no cookies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, launch, openPage, assertClean, artifacts, repoRoot, STRICT_CSP } from './harness.mjs';

let server; // strict CSP on every HTML page
let plain; // no CSP (axe is injected as a script)
let noWasm; // a CSP that forgets 'wasm-unsafe-eval'
let browser;
const html = (h) => (p) => (p.endsWith('.html') ? h : {});
before(async () => {
  server = await startServer({ headers: html({ 'Content-Security-Policy': STRICT_CSP }) });
  plain = await startServer();
  noWasm = await startServer({ headers: html({ 'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'" }) });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const s of [server, plain, noWasm]) await s?.close();
});

const W = 'kalkulator-jamsostek';
const cspWatch = () => { window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI)); };
async function open(srv, page, opts) {
  return openPage(browser, srv.url + '/tests/e2e/pages/' + page, { ...opts, init: cspWatch });
}
const deepActive = (page) => page.evaluate(() => {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a ? { tag: a.tagName, role: a.getAttribute('role'), k: a.dataset?.k || '', text: (a.textContent || '').trim().slice(0, 60), selected: a.getAttribute('aria-selected'), cls: a.className } : null;
});
async function tabUntil(page, pred, max = 60, key = 'Tab') {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const a = await deepActive(page);
    if (a && pred(a)) return a;
  }
  throw new Error('focus never reached the target; last: ' + JSON.stringify(await deepActive(page)));
}
const settled = (page, sel = W) => page.waitForFunction((w) => {
  const r = document.querySelector(w).shadowRoot.querySelector('.res');
  return r && !r.hasAttribute('aria-busy') && r.querySelector('.big');
}, sel);

test('keyboard only: tabs with arrow keys, village form, result, explanation dialog (strict CSP page)', async () => {
  const page = await open(server, 'embed.html');
  await page.locator(`${W} [data-k="groups[0].people"]`).waitFor({ timeout: 15000 });
  let a = await tabUntil(page, (x) => x.role === 'tab');
  assert.equal(a.text, 'Desa');
  assert.equal(a.selected, 'true');
  await page.keyboard.press('ArrowRight');
  a = await deepActive(page);
  assert.deepEqual([a.text, a.selected], ['Kabupaten', 'true']);
  await page.keyboard.press('ArrowRight');
  a = await deepActive(page);
  assert.deepEqual([a.text, a.selected], ['Warga', 'true']);
  await page.keyboard.press('ArrowRight'); // wraps around
  a = await deepActive(page);
  assert.deepEqual([a.text, a.selected], ['Desa', 'true']);
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  a = await deepActive(page);
  assert.deepEqual([a.text, a.selected], ['Desa', 'true']);
  // Into the form: desa/kelurahan radios move with arrow keys; the form keeps focus when it re-renders.
  a = await tabUntil(page, (x) => x.k === 'kind-desa');
  await page.keyboard.press('ArrowDown');
  a = await deepActive(page);
  assert.equal(a.k, 'kind-kelurahan');
  await page.keyboard.press('ArrowUp');
  assert.equal((await deepActive(page)).k, 'kind-desa');
  await tabUntil(page, (x) => x.k === 'groups[0].people');
  await page.keyboard.type('100');
  await settled(page);
  const total = page.locator(`${W} .res .big`);
  assert.match(await total.textContent(), /Rp20\.160\.000/);
  // Reach the explanation of the total, open it with Enter, close it with Escape.
  a = await tabUntil(page, (x) => x.tag === 'BUTTON' && x.cls.includes('x'));
  await page.keyboard.press('Enter');
  await page.locator(`${W} dialog[open]`).waitFor();
  // the explanation opens at its top, focus on its heading (issue 10 §5); Tab reaches Close
  const opened = await deepActive(page);
  assert.equal(opened.tag, 'H2');
  assert.match(await page.locator(`${W} dialog[open]`).textContent(), /Pekerja rentan · dasar Rp1\.000\.000: 100 orang → Rp20\.160\.000/);
  assert.equal((await tabUntil(page, (x) => x.text === 'Tutup', 80)).tag, 'BUTTON');
  await page.keyboard.press('Escape');
  await page.waitForFunction((w) => !document.querySelector(w).shadowRoot.querySelector('dialog[open]'), W);
  assert.ok((await deepActive(page)).cls.includes('x'), 'focus returns to the button that opened the explanation');
  // Focus is visible: the focused control has an outline.
  const outline = await page.evaluate((w) => getComputedStyle(document.querySelector(w).shadowRoot.activeElement).outlineStyle, W);
  assert.equal(outline, 'solid');
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation');
  await assertClean(page, assert);
  await page.context().close();
});

test('axe-core: no serious or critical violations (village result, explanation, citizen result, English)', async () => {
  const page = await open(plain, 'embed.html');
  await page.locator(`${W} [data-k="groups[0].people"]`).waitFor({ timeout: 15000 });
  await page.addScriptTag({ path: path.join(repoRoot, 'node_modules/axe-core/axe.min.js') });
  const scan = async (label) => {
    const r = await page.evaluate(async () => {
      const res = await window.axe.run(document, { resultTypes: ['violations'] });
      return res.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) }));
    });
    const bad = r.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    if (r.length) console.log(`[axe] ${label}: ${JSON.stringify(r)}`);
    assert.deepEqual(bad, [], `${label}: ${JSON.stringify(bad, null, 1)}`);
    return r;
  };
  await page.locator(`${W} [data-k="groups[0].people"]`).fill('100');
  await page.locator(`${W} [data-k="add"]`).click();
  await page.locator(`${W} [data-k="groups[1].category"]`).selectOption('perangkat_desa');
  await page.locator(`${W} [data-k="groups[1].people"]`).fill('abc'); // an error message on screen
  await page.waitForTimeout(400);
  await scan('village with an error');
  await page.locator(`${W} [data-k="groups[1].people"]`).fill('10');
  await settled(page);
  await page.getByLabel('Anggaran (Rp)').fill('20.160.000');
  await page.locator(`${W} [data-people]`).waitFor();
  await page.getByRole('button', { name: 'Buat tautan skenario' }).click();
  await scan('village result');
  await page.locator(`${W} .res .big button.x`).click();
  await page.locator(`${W} dialog[open]`).waitFor();
  await scan('explanation dialog');
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: 'Warga' }).click();
  await page.getByLabel('Umur Anda (tahun)').fill('30');
  await page.locator(`${W} [data-monthly]`).waitFor();
  await scan('citizen result');
  // A host accent with poor contrast (yellow): the widget picks black text on it and a darker shade for text.
  await page.evaluate((w) => { const el = document.querySelector(w); el.style.setProperty('--kj-accent', '#ffd400'); el.setAttribute('lang', 'en'); }, W);
  await page.getByLabel('Your age (years)').waitFor();
  const colours = await page.evaluate((w) => {
    const r = document.querySelector(w).shadowRoot;
    const cs = (el) => getComputedStyle(el);
    const tab = r.querySelector('[role=tab][aria-selected=true]');
    const btn = r.querySelector('[role=tab][aria-selected=false]');
    return { onAccent: cs(tab).color, accent: cs(tab).backgroundColor, text: cs(btn).color };
  }, W);
  assert.equal(colours.accent, 'rgb(255, 212, 0)');
  assert.equal(colours.onAccent, 'rgb(0, 0, 0)');
  const [r, g, b] = colours.text.match(/\d+/g).map(Number);
  const lin = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const contrast = 1.05 / (0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b) + 0.05);
  assert.ok(contrast >= 4.5, `accent used as text on white: ${colours.text}, contrast ${contrast.toFixed(2)}`);
  await scan('English, yellow accent');
  await page.context().close();
});

test('strict CSP header: loads, computes, no violations; a CSP without wasm-unsafe-eval gets a clear message naming the directive', async () => {
  const page = await open(server, 'embed.html');
  await page.locator(`${W} [data-k="groups[0].people"]`).fill('100');
  await settled(page);
  assert.match(await page.locator(`${W} .res .big`).textContent(), /Rp20\.160\.000/);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  await assertClean(page, assert);
  await page.context().close();

  const bad = await open(noWasm, 'embed.html');
  const alert = bad.locator(`${W} [role=alert]`);
  await alert.waitFor({ timeout: 15000 });
  const text = await alert.textContent();
  assert.match(text, /tidak dapat dimuat/);
  assert.match(text, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.deepEqual(bad.__externalRequests, []);
  await bad.context().close();
});

test('hostile host stylesheet (* { all: unset }, html { font-size: 40px }): result still visible and readable', async () => {
  const page = await open(server, 'hostile.html', { width: 800, height: 900 });
  await page.locator(`${W} [data-k="groups[0].people"]`).fill('100');
  await settled(page);
  const total = page.locator(`${W} .res .big`);
  assert.match(await total.textContent(), /Rp20\.160\.000/);
  const box = await total.boundingBox();
  assert.ok(box && box.width > 50 && box.height > 10 && box.x >= 0 && box.x + box.width <= 800, JSON.stringify(box));
  const style = await total.evaluate((el) => {
    const cs = getComputedStyle(el);
    const bg = getComputedStyle(el.closest('.kj')).backgroundColor;
    return { size: parseFloat(cs.fontSize), color: cs.color, bg, transform: cs.textTransform, family: cs.fontFamily, vis: cs.visibility };
  });
  assert.ok(style.size >= 16 && style.size <= 32, 'font size ' + style.size);
  assert.equal(style.color, 'rgb(27, 27, 27)');
  assert.equal(style.bg, 'rgb(255, 255, 255)');
  assert.equal(style.transform, 'none');
  assert.equal(style.vis, 'visible');
  const label = await page.locator(`${W} label`).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.equal(label, 16);
  await page.screenshot({ path: path.join(artifacts, 'widget-hostile.png'), fullPage: true });
  await assertClean(page, assert);
  await page.context().close();
});

test('two widgets on one page: separate state, ids, storage and language; remove and re-add leaves no duplicates', async () => {
  const page = await open(server, 'two.html');
  const A = `${W}#a`;
  const B = `${W}#b`;
  await page.locator(`${A} [data-k="groups[0].people"]`).waitFor({ timeout: 15000 });
  await page.locator(`${B} [data-k="groups[0].people"]`).waitFor({ timeout: 15000 });
  await page.locator(`${A} [data-k="groups[0].people"]`).fill('100');
  await page.locator(`${B} [data-k="groups[0].people"]`).fill('7');
  await settled(page, A);
  await settled(page, B);
  assert.match(await page.locator(`${A} .res .big`).textContent(), /Rp20\.160\.000/);
  assert.match(await page.locator(`${B} .res .big`).textContent(), /Rp1\.411\.200/);
  assert.equal(await page.locator(`${A} [data-k="groups[0].people"]`).inputValue(), '100');
  const ids = await page.evaluate(() => [...document.querySelectorAll('kalkulator-jamsostek')].map((w) => [...w.shadowRoot.querySelectorAll('[id]')].map((e) => e.id)));
  assert.ok(ids[0].length > 10 && ids[1].length > 10);
  assert.deepEqual(ids[0].filter((x) => ids[1].includes(x)), [], 'no shared ids');
  assert.equal(new Set(ids[0]).size, ids[0].length, 'no duplicate ids inside one widget');
  await page.waitForTimeout(300);
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  assert.ok(keys.some((k) => k.startsWith('kj:v1:kabupaten-a:')) && keys.some((k) => k.startsWith('kj:v1:kabupaten-b:')), keys.join());
  // Language switches live, per instance.
  await page.evaluate((b) => document.querySelector(b).setAttribute('lang', 'en'), B);
  await page.locator(`${B} [role=tab]`).first().filter({ hasText: 'Village' }).waitFor();
  assert.equal(await page.locator(`${A} [role=tab]`).first().textContent(), 'Desa');
  await settled(page, B);
  assert.match(await page.locator(`${B} .res .big`).textContent(), /Rp1,411,200/);
  assert.equal(await page.locator(`${B} [data-k="groups[0].people"]`).inputValue(), '7', 'what was typed survives the switch');
  // Remove and re-add A: one shell, one dialog, still computing, typed values kept.
  await page.evaluate((a) => { const el = document.querySelector(a); const p = el.parentNode; const n = el.nextSibling; el.remove(); p.insertBefore(el, n); }, A);
  await settled(page, A);
  const counts = await page.evaluate((a) => { const r = document.querySelector(a).shadowRoot; return [r.querySelectorAll('.kj').length, r.querySelectorAll('dialog').length, r.querySelectorAll('[role=tablist]').length]; }, A);
  assert.deepEqual(counts, [1, 1, 1]);
  assert.match(await page.locator(`${A} .res .big`).textContent(), /Rp20\.160\.000/);
  // Attribute change re-renders: starting tab.
  await page.evaluate((a) => document.querySelector(a).setAttribute('tab', 'warga'), A);
  await page.locator(`${A} [role=tab][aria-selected=true]`).filter({ hasText: 'Warga' }).waitFor();
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  await assertClean(page, assert);
  await page.context().close();
});

test('configuration: hostile strings stay text, invalid fields listed and ignored, config-src same-origin only', async () => {
  const page = await open(server, 'embed.html');
  await page.locator(`${W} [data-k="groups[0].people"]`).waitFor({ timeout: 15000 });
  const notice = await page.locator(`${W} .note[role=status]`).textContent();
  assert.match(notice, /tidak sah dan diabaikan: .*minAge/);
  assert.match(notice, /villages\[2\]\.kind/);
  assert.doesNotMatch(notice, /unknownKey/);
  const options = await page.locator(`${W} datalist option`).evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual(options, ['Wanci', '<img src=x onerror=alert(1)>', 'Bad kind']);
  await page.locator(`${W} [data-k="name"]`).fill('<img src=x onerror=alert(1)>');
  await page.locator(`${W} [data-k="name"]`).press('Tab'); // commits the name: that village's own (empty) data
  await settled(page);
  assert.match(await page.locator(`${W} .res h3`).first().textContent(), /<img src=x onerror=alert\(1\)>/);
  assert.equal(await page.evaluate((w) => document.querySelector(w).shadowRoot.querySelectorAll('img').length, W), 0);
  // The siltap from the configuration ("2.000.000") fills a new perangkat desa group.
  await page.locator(`${W} [data-k="add"]`).click();
  await page.locator(`${W} [data-k="groups[1].category"]`).selectOption('perangkat_desa');
  assert.equal(await page.locator(`${W} [data-k="groups[1].wage"]`).inputValue(), '2000000');
  await assertClean(page, assert);
  await page.context().close();

  const p2 = await open(server, 'config-src.html');
  await p2.locator(`${W}#same [data-k="groups[0].people"]`).waitFor({ timeout: 15000 });
  assert.equal(await p2.locator(`${W}#same .rg`).textContent(), 'Kabupaten Dari Berkas');
  assert.equal(await p2.locator(`${W}#same [data-k="name"]`).inputValue(), 'Desa Berkas');
  assert.equal(await p2.locator(`${W}#same [data-k="groups[0].people"]`).inputValue(), '3');
  await p2.locator(`${W}#cross [role=tabpanel] form`).waitFor();
  assert.match(await p2.locator(`${W}#cross .note[role=status]`).textContent(), /http:\/\/example\.com.*ditolak/);
  assert.deepEqual(p2.__externalRequests, [], 'the cross-origin configuration is never fetched');
  await assertClean(p2, assert);
  await p2.context().close();
});

test('a module failure without an error code (trap) re-creates the module, says so, and the widget keeps working', async () => {
  const page = await open(server, 'embed.html');
  await page.locator(`${W} [data-k="groups[0].people"]`).fill('100');
  await settled(page);
  // A trap cannot be provoked through the API (it never panics): ask for what a trap triggers, and check that
  // calls made while the fresh instance starts fail with KJ_RELOADED instead of reaching the old one.
  const code = await page.evaluate(async () => {
    const m = await import('/pkg/widget.js');
    const api = await m.loadModule();
    const done = m.reloadModule();
    let c = 'no error';
    try { api.terbilang('1', 'id'); } catch (e) { c = e.code; }
    await done;
    return [c, api.terbilang('16800', 'id')];
  });
  assert.deepEqual(code, ['KJ_RELOADED', 'enam belas ribu delapan ratus rupiah']);
  await page.locator(`${W} .note[role=status]`).filter({ hasText: 'Kalkulator dimuat ulang' }).waitFor();
  await page.locator(`${W} [data-k="groups[0].people"]`).fill('50');
  await settled(page);
  assert.match(await page.locator(`${W} .res .big`).textContent(), /Rp10\.080\.000/);
  assert.equal(await page.locator(`${W} [data-k="groups[0].people"]`).inputValue(), '50');
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'the fresh instance loads under the strict CSP');
  await assertClean(page, assert);
  await page.context().close();
});

test('demo page: screenshots at 320 px and 1280 px; nothing leaves the server; no cookies', async () => {
  for (const width of [320, 1280]) {
    const page = await open(server, '../../../www/index.html', { width, height: 900 });
    const first = page.locator(`${W}`).first();
    await first.locator('[data-k="groups[0].people"]').waitFor({ timeout: 15000 });
    await settled(page);
    assert.match(await first.locator('.res .big').textContent(), /Rp\d/);
    const side = page.locator(`${W}.narrow`);
    if (width === 320) {
      // Lazy: the sidebar widget below the fold shows its light shell until it scrolls into view.
      assert.match(await side.locator('[role=tabpanel]').textContent(), /Memuat kalkulator/);
      await side.scrollIntoViewIfNeeded();
    }
    await side.getByLabel('Umur Anda (tahun)').fill('30');
    await side.locator('[data-monthly]').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at ${width}px (overflow ${overflow})`);
    await page.screenshot({ path: path.join(artifacts, `widget-${width}.png`), fullPage: true });
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    await assertClean(page, assert);
    await page.context().close();
  }
});
