// Issue 5, hostile hosts: the element removed and re-added 20 times (also mid-load), attributes changed 20
// times each after load (lang, tab, regency, config, funder), three instances side by side, a host that
// forgot the wasm file or 'wasm-unsafe-eval'. Nothing may leak: an init script counts live event listeners
// (addEventListener/removeEventListener, and AbortSignal-based removal), pending timers and observers that
// were never disconnected; with --expose-gc it also counts detached nodes that still hold listeners.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { startServer, openPage, assertClean, chromiumArgs, STRICT_CSP } from './harness.mjs';
import { guardInit } from './robust-kit.mjs';

let server;
let noWasm;
let browser;
const tally = { cycles: 0, changes: 0 };
const html = (h) => (p) => (p.endsWith('.html') ? h : {});
before(async () => {
  server = await startServer({ headers: html({ 'Content-Security-Policy': STRICT_CSP }) });
  noWasm = await startServer({ headers: html({ 'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'" }) });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...chromiumArgs, '--js-flags=--expose-gc'] });
});
after(async () => {
  await browser?.close();
  await server?.close();
  await noWasm?.close();
  console.log(`# hosts: ${tally.cycles} remove/re-add cycles and ${tally.changes} attribute changes, 0 leaks, 0 crashes`);
});

/** Init script: live counts of listeners, timers and observers. */
function leakProbe() {
  const L = (window.__leak = {});
  const ids = new WeakMap();
  let nextId = 0;
  const idOf = (o) => { let i = ids.get(o); if (i === undefined) ids.set(o, (i = ++nextId)); return i; };
  const regs = new Map(); // "target|type|capture|listener" → { t: WeakRef(target), type }
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  const cap = (o) => (typeof o === 'boolean' ? o : !!(o && o.capture));
  EventTarget.prototype.addEventListener = function (type, fn, opts) {
    if (fn && !(opts && opts.signal && opts.signal.aborted)) {
      const key = `${idOf(this)}|${type}|${cap(opts)}|${idOf(fn)}`;
      if (!regs.has(key)) {
        regs.set(key, { t: new WeakRef(this), type });
        if (opts && opts.signal) add.call(opts.signal, 'abort', () => regs.delete(key), { once: true });
        if (opts && opts.once) add.call(this, type, () => regs.delete(key), { once: true, capture: cap(opts) });
      }
    }
    return add.call(this, type, fn, opts);
  };
  EventTarget.prototype.removeEventListener = function (type, fn, opts) {
    if (fn) regs.delete(`${idOf(this)}|${type}|${cap(opts)}|${idOf(fn)}`);
    return remove.call(this, type, fn, opts);
  };
  const timers = new Map();
  const st = window.setTimeout; const ct = window.clearTimeout; const si = window.setInterval; const ci = window.clearInterval;
  window.setTimeout = function (fn, ms, ...a) {
    let id;
    const f = typeof fn === 'function' ? function (...x) { timers.delete(id); return fn.apply(this, x); } : fn;
    id = st.call(window, f, ms, ...a);
    timers.set(id, 'timeout ' + ms);
    return id;
  };
  window.setInterval = function (fn, ms, ...a) { const id = si.call(window, fn, ms, ...a); timers.set(id, 'interval ' + ms); return id; };
  window.clearTimeout = function (id) { timers.delete(id); return ct.call(window, id); };
  window.clearInterval = function (id) { timers.delete(id); return ci.call(window, id); };
  const observers = new Set(); // WeakRefs
  for (const name of ['IntersectionObserver', 'MutationObserver', 'ResizeObserver']) {
    const O = window[name];
    if (!O) continue;
    window[name] = class extends O {
      constructor(...a) { super(...a); this.__on = false; this.__name = name; observers.add(new WeakRef(this)); }
      observe(...a) { this.__on = true; return super.observe(...a); }
      disconnect() { this.__on = false; return super.disconnect(); }
    };
  }
  const describe = (t) => (t === window ? 'window' : t === document ? 'document' : t instanceof ShadowRoot ? 'shadowRoot'
    : t instanceof Element ? t.tagName.toLowerCase() + (t.className ? '.' + String(t.className).split(' ')[0] : '') : t.constructor.name);
  /** Listeners on connected nodes or on non-node targets; observers observing; timers pending. */
  L.count = () => {
    const live = {};
    let listeners = 0;
    for (const { t, type } of regs.values()) {
      const x = t.deref();
      if (!x || (x instanceof Node && !x.isConnected)) continue;
      listeners++;
      const k = describe(x) + ' ' + type;
      live[k] = (live[k] || 0) + 1;
    }
    const obs = [...observers].map((r) => r.deref()).filter((o) => o && o.__on).map((o) => o.__name);
    return { listeners, live, timers: [...timers.values()], observers: obs, nodes: [...document.querySelectorAll('kalkulator-jamsostek')].map((w) => w.shadowRoot.querySelectorAll('*').length) };
  };
  /** After a full GC: detached nodes that still hold listeners (something keeps them alive). */
  L.retained = async () => {
    for (let i = 0; i < 3; i++) { await new Promise((r) => st.call(window, r, 0)); window.gc?.(); }
    await new Promise((r) => st.call(window, r, 0));
    const seen = new Set();
    for (const { t } of regs.values()) { const x = t.deref(); if (x instanceof Node && !x.isConnected) seen.add(x); }
    return window.gc ? seen.size : -1;
  };
}

async function open(srv = server) {
  const init = `(${guardInit})();(${leakProbe})();`;
  const page = await openPage(browser, srv.url + '/tests/e2e/pages/robust.html', { width: 1000, height: 800, init });
  await page.evaluate(() => customElements.whenDefined('kalkulator-jamsostek'));
  return page;
}
/** Let debounces, announcements and pending work finish. */
const idle = (page) => page.evaluate(() => window.__t.sleep(700));
const count = (page) => page.evaluate(() => window.__leak.count());

test('the leak probe itself: it sees listeners added and not removed, AbortSignal removal, pending timers, observers', async () => {
  const page = await open();
  const r = await page.evaluate(async () => {
    const L = window.__leak;
    const before = L.count();
    const fns = Array.from({ length: 20 }, () => () => {});
    for (const f of fns) document.addEventListener('keydown', f);
    document.addEventListener('keydown', fns[0]); // the same listener twice counts once
    const ac = new AbortController();
    for (let i = 0; i < 5; i++) window.addEventListener('resize', () => {}, { signal: ac.signal });
    const el = document.createElement('div');
    el.addEventListener('click', () => {}); // on a node that is not in the document: not live
    window.__keep = el; // … but kept alive: a retained node after GC
    for (let i = 0; i < 50; i++) document.createElement('p').addEventListener('click', () => {}); // garbage: collected
    const io = new IntersectionObserver(() => {});
    io.observe(document.body);
    const t = setTimeout(() => {}, 60000);
    const added = L.count();
    ac.abort();
    for (const f of fns) document.removeEventListener('keydown', f);
    io.disconnect();
    clearTimeout(t);
    return { before, added, after: L.count(), retained: await L.retained() };
  });
  assert.equal(r.retained, 1, 'one detached node with a listener is still referenced; 50 others were collected');
  assert.equal(r.added.listeners - r.before.listeners, 25);
  assert.deepEqual(r.added.observers, ['IntersectionObserver']);
  assert.deepEqual(r.added.timers, ['timeout 60000']);
  assert.deepEqual(r.after, r.before);
  await page.context().close();
});

const READY = { desa: '.res .big', kabupaten: '.adm section.res:not([hidden])', warga: '[data-monthly]' };

test('removed and re-added 20 times on each tab (and 20 times mid-load): listeners, timers, observers back to baseline', async () => {
  const page = await open();
  await page.evaluate(async (READY) => {
    const T = window.__t;
    window.__w = await T.mount({ regency: 'Kabupaten Siklus', tab: 'desa', funder: 'apbd', config: JSON.stringify({ villages: [{ name: 'Wanci', targets: { pekerja_rentan: 10 } }], offices: [{ name: 'Dinas', nonAsn: 3, wage: '2500000' }] }) });
    await T.until(() => window.__w.shadowRoot.querySelector(READY.desa), 15000, 'first result');
  }, READY);
  for (const tab of ['desa', 'kabupaten', 'warga']) {
    await page.evaluate(async ({ tab, READY }) => {
      const T = window.__t;
      const el = window.__w;
      el.setAttribute('tab', tab);
      if (tab === 'warga') {
        const age = await T.until(() => el.shadowRoot.querySelector('input[id$="-c-age"]'), 15000, 'citizen form');
        if (!age.value) T.type(age, '30');
      }
      await T.until(() => el.shadowRoot.querySelector(READY[tab]), 15000, tab);
    }, { tab, READY });
    await idle(page);
    const base = await count(page);
    const baseRetained = await page.evaluate(() => window.__leak.retained());
    const problems = await page.evaluate(async ({ tab, READY }) => {
      const T = window.__t;
      const el = window.__w;
      const host = document.getElementById('host');
      const out = [];
      for (let i = 0; i < 20; i++) {
        el.remove();
        await T.sleep(5);
        host.append(el);
        await T.until(() => el.shadowRoot.querySelector(READY[tab]), 15000, tab + ' after re-add ' + i);
        const r = el.shadowRoot;
        const n = [r.querySelectorAll('.kj').length, r.querySelectorAll('dialog').length, r.querySelectorAll('[role=tablist]').length, r.querySelectorAll('.adm').length];
        if (n.join() !== [1, 1, 1, tab === 'kabupaten' ? 1 : 0].join()) out.push(`cycle ${i}: ${n.join()}`);
        if (r.adoptedStyleSheets.length !== (tab === 'kabupaten' ? 2 : 1)) out.push(`cycle ${i}: ${r.adoptedStyleSheets.length} adopted sheets`);
      }
      return out;
    }, { tab, READY });
    await idle(page);
    const now = await count(page);
    const retained = await page.evaluate(() => window.__leak.retained());
    tally.cycles += 20;
    console.log(`# hosts/${tab}: ${base.listeners} live listeners, ${base.timers.length} timers, ${base.observers.length} observers, ${base.nodes[0]} nodes before 20 cycles; ${now.listeners}, ${now.timers.length}, ${now.observers.length}, ${now.nodes[0]} after; detached nodes holding listeners after GC: ${baseRetained} → ${retained}`);
    assert.deepEqual(problems, [], tab);
    assert.deepEqual(now, base, `${tab}: live listeners / timers / observers / nodes after 20 cycles`);
    assert.ok(retained <= baseRetained + 2, `${tab}: detached nodes holding listeners after GC: ${baseRetained} → ${retained}`);
  }
  // mid-load: removed before it ever rendered, or while its tab is still being built
  const base = await page.evaluate(async () => { window.__w.remove(); await window.__t.sleep(700); return window.__leak.count(); });
  await page.evaluate(async () => {
    const T = window.__t;
    const host = document.getElementById('host');
    for (let i = 0; i < 20; i++) {
      const el = await T.mount({ regency: 'Kabupaten Kilat', tab: ['desa', 'kabupaten', 'warga'][i % 3] });
      if (i % 2) await Promise.resolve(); else await T.sleep(1);
      el.remove();
      host.append(el);
      el.remove();
    }
  });
  await idle(page);
  tally.cycles += 20;
  assert.deepEqual(await count(page), base, 'elements removed mid-load leave nothing behind');
  assert.deepEqual(await page.evaluate(() => window.__t.findings()), []);
  await assertClean(page, assert);
  await page.context().close();
});

test('attributes changed 20 times each after load (lang, tab, regency, config, funder): no growth, no duplicates', async () => {
  const page = await open();
  await page.evaluate(async () => {
    const T = window.__t;
    window.__w = await T.mount({ regency: 'Kabupaten A', tab: 'desa', funder: 'apbd', lang: 'id', config: JSON.stringify({ villages: [{ name: 'Wanci', targets: { pekerja_rentan: 10 } }] }) });
    await T.until(() => window.__w.shadowRoot.querySelector('.res .big'), 15000, 'first result');
    T.type(window.__w.shadowRoot.querySelector('[data-k="groups[0].people"]'), '25');
    await T.villageSettled(window.__w.shadowRoot);
  });
  const cfg = (n) => JSON.stringify({ villages: [{ name: 'Wanci', targets: { pekerja_rentan: 10 } }], siltap: { kepala_desa: String(3000000 + n) } });
  const plans = {
    lang: ['en', 'id'], tab: ['kabupaten', 'warga', 'desa'], regency: ['Kabupaten B', 'Kabupaten A'], config: [cfg(1), cfg(0)], funder: ['apbdes', 'apbd'],
  };
  for (const [attr, values] of Object.entries(plans)) {
    const results = await page.evaluate(async ({ attr, values }) => {
      const T = window.__t;
      const el = window.__w;
      const r = el.shadowRoot;
      const settle = async () => {
        await T.sleep(10);
        await T.until(() => r.querySelector('.res .big, .adm section.res:not([hidden]), [data-monthly], section.res .hint'), 15000, attr);
      };
      const snaps = [];
      for (let round = 0; round < 20; round++) {
        for (const v of values) { el.setAttribute(attr, v); await settle(); }
        if (round === 0 || round === 19) { await T.sleep(700); snaps.push(window.__leak.count()); }
      }
      return { snaps, typed: (el.setAttribute('tab', 'desa'), await settle(), r.querySelector('[data-k="groups[0].people"]').value) };
    }, { attr, values });
    tally.changes += 20 * values.length;
    assert.deepEqual(results.snaps[1], results.snaps[0], `${attr}: after 20 rounds as after 1`);
    assert.equal(results.typed, '25', `${attr}: the typed value is still there`);
  }
  assert.deepEqual(await page.evaluate(() => window.__t.findings()), []);
  await assertClean(page, assert);
  await page.context().close();
});

test('three instances: typing in one, changing another\'s attributes, adding/removing a third — no cross-talk', async () => {
  const page = await open();
  const out = await page.evaluate(async () => {
    const T = window.__t;
    const cfg = JSON.stringify({ villages: [{ name: 'Wanci', targets: { pekerja_rentan: 10 } }] });
    const A = await T.mount({ id: 'a', regency: 'Kabupaten Satu', tab: 'desa', funder: 'apbd', config: cfg });
    const B = await T.mount({ id: 'b', regency: 'Kabupaten Dua', tab: 'desa', funder: 'apbd', lang: 'en', config: cfg });
    const C = await T.mount({ id: 'c', regency: 'Kabupaten Satu', tab: 'kabupaten', funder: 'apbd', config: cfg });
    await T.until(() => A.shadowRoot.querySelector('.res .big') && B.shadowRoot.querySelector('.res .big') && C.shadowRoot.querySelector('.adm section.res:not([hidden])'), 15000, 'three widgets');
    const problems = [];
    const shell = (el) => el.shadowRoot.querySelector('.kj');
    const people = (el) => el.shadowRoot.querySelector('[data-k="groups[0].people"]')?.value;
    T.type(B.shadowRoot.querySelector('[data-k="groups[0].people"]'), '7');
    await T.villageSettled(B.shadowRoot);
    const [sa, sb, sc] = [A, B, C].map(shell);
    const totalB = B.shadowRoot.querySelector('.res .big').dataset.total;
    const liveC = C.shadowRoot.querySelector('[aria-live]').textContent;
    // typing in A
    T.type(A.shadowRoot.querySelector('[data-k="groups[0].people"]'), '100');
    T.type(A.shadowRoot.querySelector('[data-k="name"]'), 'Desa Satu');
    await T.villageSettled(A.shadowRoot);
    if (people(B) !== '7' || B.shadowRoot.querySelector('.res .big').dataset.total !== totalB) problems.push('B changed when A was typed in');
    if (shell(B) !== sb || shell(C) !== sc) problems.push('B or C re-rendered when A was typed in');
    if (C.shadowRoot.querySelector('[aria-live]').textContent !== liveC) problems.push('C announced A\'s result');
    // A's attributes
    for (const [k, v] of [['lang', 'en'], ['tab', 'warga'], ['config', JSON.stringify({ villages: [] })], ['funder', 'apbdes'], ['regency', 'Kabupaten Tiga'], ['tab', 'desa']]) {
      A.setAttribute(k, v);
      await T.sleep(30);
      if (shell(B) !== sb || shell(C) !== sc) problems.push(`B or C re-rendered when A's ${k} changed`);
    }
    await T.until(() => A.shadowRoot.querySelector('[data-k="groups[0].people"]'), 15000, 'A back on desa');
    if (people(A) !== '100') problems.push('A lost its typed value: ' + people(A));
    if (B.shadowRoot.querySelector('[role=tab]').textContent !== 'Village' || C.shadowRoot.querySelector('[role=tab]').textContent !== 'Desa') problems.push('languages crossed');
    // ids never shared
    const ids = [A, B, C].map((el) => [...el.shadowRoot.querySelectorAll('[id]')].map((e) => e.id));
    const all = ids.flat();
    if (new Set(all).size !== all.length) problems.push('duplicate ids across instances');
    // a fourth instance added and removed 20 times next to them
    for (let i = 0; i < 20; i++) {
      const D = await T.mount({ regency: 'Kabupaten Satu', tab: 'desa', funder: 'apbd', config: cfg });
      await T.until(() => D.shadowRoot.querySelector('.res .big'), 15000, 'D');
      D.remove();
    }
    if (shell(B) !== sb || shell(C) !== sc || people(B) !== '7') problems.push('the fourth instance disturbed the others');
    // storage: per regency, never another's
    await T.sleep(400);
    const keys = Object.keys(localStorage).filter((k) => k.startsWith('kj:'));
    if (!keys.every((k) => /^kj:v1:kabupaten-(satu|dua|tiga):/.test(k))) problems.push('storage keys: ' + keys.join());
    return problems;
  });
  tally.cycles += 20;
  assert.deepEqual(out, []);
  assert.deepEqual(await page.evaluate(() => window.__t.findings()), []);
  await assertClean(page, assert);
  await page.context().close();
});

test('a host that forgot the wasm file, or \'wasm-unsafe-eval\': one clear message each, naming the directive; retry works once fixed', async () => {
  // wasm missing (404): the generic message; once the file is there, "Try again" loads it
  const page = await open();
  await page.route('**/*.wasm', (r) => r.fulfill({ status: 404, body: 'not found' }));
  await page.evaluate(() => window.__t.mount({ regency: 'Kabupaten Lupa', tab: 'desa', lang: 'en' }));
  const alert = page.locator('kalkulator-jamsostek [role=alert]');
  await alert.waitFor({ timeout: 15000 });
  const text = await alert.textContent();
  assert.match(text, /cannot load on this page/);
  assert.match(text, /Check the connection/);
  assert.doesNotMatch(text, /wasm-unsafe-eval/, 'not a CSP problem');
  await page.unroute('**/*.wasm');
  page.__errors.length = 0; // the 404 and the failed start were logged on purpose
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.locator('kalkulator-jamsostek [data-k="groups[0].people"]').waitFor({ timeout: 15000 });
  await assertClean(page, assert);
  await page.context().close();

  // no 'wasm-unsafe-eval': both instances, both languages, say exactly which directive to add
  const bad = await open(noWasm);
  await bad.evaluate(async () => {
    await window.__t.mount({ regency: 'Kabupaten Ketat', tab: 'desa' });
    await window.__t.mount({ regency: 'Kabupaten Ketat', tab: 'warga', lang: 'en' });
  });
  const alerts = bad.locator('kalkulator-jamsostek [role=alert]');
  await bad.waitForFunction(() => [...document.querySelectorAll('kalkulator-jamsostek')].every((w) => w.shadowRoot.querySelector('[role=alert]')), null, { timeout: 15000 });
  const texts = await alerts.allTextContents();
  assert.equal(texts.length, 2);
  assert.match(texts[0], /tidak dapat dimuat/);
  assert.match(texts[1], /cannot load/);
  for (const t of texts) {
    assert.equal((t.match(/script-src 'self' 'wasm-unsafe-eval'/g) || []).length, 1, t);
    assert.doesNotMatch(t, /unsafe-inline|'unsafe-eval'/, 'never suggests a weaker policy');
  }
  assert.deepEqual(bad.__externalRequests, []);
  await bad.context().close();
});

test("a policy with default-src 'none' (no connect-src): the message names connect-src 'self', not the connection (issue 11 §6)", async () => {
  const strict = await startServer({ headers: html({ 'Content-Security-Policy': "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'" }) });
  try {
    const page = await open(strict);
    await page.evaluate(() => window.__t.mount({ regency: 'Kabupaten Ketat', tab: 'desa' }));
    const alert = page.locator('kalkulator-jamsostek [role=alert]');
    await alert.waitFor({ timeout: 15000 });
    await page.waitForFunction(() => /connect-src/.test(document.querySelector('kalkulator-jamsostek').shadowRoot.querySelector('[role=alert]')?.textContent || ''), null, { timeout: 5000 });
    const text = await alert.textContent();
    assert.match(text, /melarang kalkulator mengambil berkasnya sendiri/);
    assert.equal((text.match(/connect-src 'self'/g) || []).length, 1, text);
    assert.doesNotMatch(text, /Periksa sambungan/, 'not a connection problem');
    assert.doesNotMatch(text, /unsafe-inline|'unsafe-eval'/);
    assert.deepEqual(page.__externalRequests, []);
    await page.context().close();
  } finally {
    await strict.close();
  }
});
