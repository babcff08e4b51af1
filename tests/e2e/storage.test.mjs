// Issue 5, storage: localStorage full (QuotaExceededError), disabled (SecurityError), holding corrupt JSON,
// holding entries of an older or a newer format. The widget keeps working, says what it could not save or
// restore, and never loses what was typed in this visit — through re-renders, tab switches, language changes,
// configuration changes and removing/re-adding the element. Browser parts load pkg/widget.js; the store's
// upgrade path (MIGRATIONS) is checked in Node against www/widget/store.js.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, assertClean, STRICT_CSP } from './harness.mjs';
import { guardInit } from './robust-kit.mjs';
import { createStore, MIGRATIONS, FORMAT } from '../../www/widget/store.js';

let server;
let browser;
const tally = { situations: 0, lost: 0 };
before(async () => {
  server = await startServer({ headers: (p) => (p.endsWith('.html') ? { 'Content-Security-Policy': STRICT_CSP } : {}) });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  console.log(`# storage: ${tally.situations} situations (full, disabled, corrupt, old, newer), 0 crashes, ${tally.lost} typed values lost`);
});

/** Switches the page's storage can be failed with: window.__quota (setItem throws), window.__denied (the getter throws). */
function storageSwitches() {
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (k, v) {
    if (window.__quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return setItem.call(this, k, v);
  };
  const d = Object.getOwnPropertyDescriptor(window, 'localStorage') || Object.getOwnPropertyDescriptor(Window.prototype, 'localStorage');
  window.__ls = d.get.call(window); // the test's own way in
  Object.defineProperty(window, 'localStorage', {
    configurable: true, enumerable: true,
    get() { if (window.__denied) throw new DOMException('The operation is insecure.', 'SecurityError'); return d.get.call(window); },
  });
}

async function open({ denied = false, entries = null } = {}) {
  const init = `(${guardInit})();(${storageSwitches})();window.__denied=${denied};`
    + (entries ? `for (const [k, v] of ${JSON.stringify(Object.entries(entries))}) window.__ls.setItem(k, v);` : '');
  const page = await openPage(browser, server.url + '/tests/e2e/pages/robust.html', { width: 1000, height: 800, init });
  await page.evaluate(() => customElements.whenDefined('kalkulator-jamsostek'));
  return page;
}

/**
 * Page side: type into all three tabs, then (if `fail`) make storage throw, type more, and put the element
 * through everything that rebuilds it. Returns the list of values that did not survive.
 */
async function typeAndShake(page, { fail, regency }) {
  return page.evaluate(async ({ fail, regency }) => {
    const T = window.__t;
    const lost = [];
    const cfg = { villages: [{ name: 'Wanci', targets: { pekerja_rentan: 4 } }], offices: [{ name: 'Dinas B', nonAsn: 2, wage: '2500000' }] };
    const el = await T.mount({ regency, tab: 'desa', funder: 'apbd', config: JSON.stringify(cfg) });
    const r = el.shadowRoot;
    const f = (k) => r.querySelector(`[data-k="${k}"]`);
    const tab = async (name, sel) => { el.setAttribute('tab', name); return T.until(() => r.querySelector(sel), 15000, name + ' tab'); };
    await T.until(() => f('name'), 15000, 'village form');
    T.type(f('name'), 'Desa Ketik');
    f('name').dispatchEvent(new Event('change', { bubbles: true })); // left the field: a new village, empty
    T.type(f('groups[0].people'), '100');
    await T.villageSettled(r);
    if (fail) window[fail] = true;
    // typed while storage fails
    T.type(f('groups[0].people'), '120');
    T.type(f('danaDesa'), '900.000.000');
    await T.villageSettled(r);
    await tab('kabupaten', '.adm');
    const [month, months] = r.querySelectorAll('.adm input[inputmode=numeric]');
    T.type(month, '2026-02');
    T.type(months, '7');
    await T.adminSettled(r);
    await tab('warga', 'input[id$="-c-age"]');
    T.type(r.querySelector('input[id$="-c-age"]'), '41');
    T.type(r.querySelector('input[id$="-c-income"]'), '1.750.000');
    const check = async (when) => {
      await tab('desa', '[data-k="name"]');
      for (const [k, v] of [['name', 'Desa Ketik'], ['groups[0].people', '120'], ['danaDesa', '900.000.000']]) if (f(k).value !== v) lost.push(`${when}: village ${k} = ${JSON.stringify(f(k).value)}`);
      await T.villageSettled(r);
      if (!/Rp/.test(r.querySelector('.res .big')?.textContent || '')) lost.push(when + ': no village result');
      await tab('kabupaten', '.adm');
      const [m1, m2] = r.querySelectorAll('.adm input[inputmode=numeric]');
      if (m1.value !== '2026-02' || m2.value !== '7') lost.push(`${when}: admin period ${m1.value} / ${m2.value}`);
      await tab('warga', 'input[id$="-c-age"]');
      const age = r.querySelector('input[id$="-c-age"]').value;
      const inc = r.querySelector('input[id$="-c-income"]').value;
      if (age !== '41' || inc !== '1.750.000') lost.push(`${when}: citizen ${age} / ${inc}`);
      const note = r.querySelector('.note[role=status]').textContent;
      if (fail && !/tidak dapat disimpan|cannot be saved/.test(note)) lost.push(when + ': the storage problem is no longer said: ' + JSON.stringify(note));
      if ((note.match(/tidak dapat disimpan|cannot be saved/g) || []).length > 1) lost.push(when + ': the notice is repeated');
    };
    await check('tab switches');
    el.setAttribute('lang', 'en');
    await T.sleep(50);
    await check('lang=en');
    el.setAttribute('config', JSON.stringify({ ...cfg, siltap: { kepala_desa: '3000000' } }));
    await T.sleep(50);
    await check('config changed');
    el.remove();
    document.getElementById('host').append(el);
    await check('removed and re-added');
    el.remove();
    return lost;
  }, { fail, regency });
}

test('storage full (QuotaExceededError after the first entries): typed values survive everything, the problem is said', async () => {
  const page = await open();
  const lost = await typeAndShake(page, { fail: '__quota', regency: 'Kabupaten Kuota' });
  tally.situations++;
  tally.lost += lost.length;
  assert.deepEqual(lost, []);
  // what was saved before storage filled up is still there, untouched; nothing half-written
  const saved = await page.evaluate(() => JSON.parse(window.__ls.getItem('kj:v1:kabupaten-kuota:village:desa-ketik')));
  assert.equal(saved.v, 1);
  assert.equal(saved.data.groups[0].people, '100');
  // space again: the next change is saved
  await page.evaluate(async () => {
    window.__quota = false;
    const el = await window.__t.mount({ regency: 'Kabupaten Kuota', tab: 'desa', funder: 'apbd' });
    const r = el.shadowRoot;
    await window.__t.until(() => r.querySelector('[data-k="name"]'), 15000, 'form');
    window.__t.type(r.querySelector('[data-k="groups[0].people"]'), '130');
    await window.__t.villageSettled(r);
  });
  const after = await page.evaluate(() => JSON.parse(window.__ls.getItem('kj:v1:kabupaten-kuota:village:desa-ketik')));
  assert.equal(after.data.groups[0].people, '130');
  assert.deepEqual(await page.evaluate(() => window.__t.findings()), []);
  await assertClean(page, assert);
  await page.context().close();
});

test('storage disabled (the localStorage getter throws SecurityError): every tab works, nothing typed is lost', async () => {
  const page = await open({ denied: true });
  const lost = await typeAndShake(page, { fail: '__denied', regency: 'Kabupaten Mati' });
  tally.situations++;
  tally.lost += lost.length;
  assert.deepEqual(lost, []);
  // a CSV import is kept for the visit too, through a re-render
  const rows = await page.evaluate(async () => {
    const T = window.__t;
    const el = await T.mount({ regency: 'Kabupaten Mati', tab: 'kabupaten', funder: 'apbd' });
    const r = el.shadowRoot;
    const input = await T.until(() => r.querySelector('.adm input[type=file]'), 15000, 'admin tab');
    const dt = new DataTransfer();
    dt.items.add(new File(['Desa;Pekerja Rentan\r\nDesa Memori;12\r\n'], 'memori.csv', { type: 'text/csv' }));
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await T.until(() => r.querySelector('.adm tr[data-name="Desa Memori"]'), 15000, 'imported row');
    el.setAttribute('lang', 'en');
    await T.sleep(50);
    await T.until(() => r.querySelector('.adm'), 15000, 'admin tab again');
    return [...r.querySelectorAll('.adm table.vt tbody tr')].map((tr) => tr.dataset.name);
  });
  assert.deepEqual(rows, ['Desa Memori']);
  assert.deepEqual(await page.evaluate(() => window.__t.findings()), []);
  await assertClean(page, assert);
  await page.context().close();
});

test('two villages typed in one visit: picking the first again brings back its own numbers, not the second\'s', async () => {
  for (const fail of [null, '__quota']) {
    const page = await open();
    const got = await page.evaluate(async (fail) => {
      const T = window.__t;
      if (fail) window[fail] = true;
      const el = await T.mount({ regency: 'Kabupaten Dua Desa', tab: 'desa', funder: 'apbd' });
      const r = el.shadowRoot;
      const f = (k) => r.querySelector(`[data-k="${k}"]`);
      await T.until(() => f('name'), 15000, 'form');
      const village = async (name, people) => {
        T.type(f('name'), name);
        f('name').dispatchEvent(new Event('change', { bubbles: true })); // picked from the list / left the field
        T.type(f('groups[0].people'), people);
        await T.villageSettled(r);
      };
      await village('Desa Satu', '10');
      await village('Desa Dua', '20');
      T.type(f('name'), 'Desa Satu');
      f('name').dispatchEvent(new Event('change', { bubbles: true }));
      await T.villageSettled(r);
      return f('groups[0].people').value;
    }, fail);
    tally.situations++;
    assert.equal(got, '10', fail ? 'storage full' : 'storage working');
    await assertClean(page, assert);
    await page.context().close();
  }
});

const K = 'kj:v1:kabupaten-arsip:';
const env = (data, v = 1) => JSON.stringify({ v, savedAt: '2026-01-05T08:00:00.000Z', data });

/** Open with `entries` in storage; report what each tab shows and says. */
async function restore(entries) {
  const page = await open({ entries });
  const seen = await page.evaluate(async () => {
    const T = window.__t;
    const el = await T.mount({ regency: 'Kabupaten Arsip', tab: 'desa', funder: 'apbd', config: JSON.stringify({ villages: [{ name: 'Wanci', targets: { pekerja_rentan: 4 } }] }) });
    const r = el.shadowRoot;
    const f = (k) => r.querySelector(`[data-k="${k}"]`)?.value ?? null;
    await T.until(() => r.querySelector('[data-k="name"]'), 15000, 'village form');
    const village = { name: f('name'), people: f('groups[0].people'), months: f('months') ?? (r.querySelector('[data-k="partial"]')?.checked === false ? '12' : null) /* a whole budget year */, funder: f('funder'), result: r.querySelector('.res .big')?.dataset.total || null };
    el.setAttribute('tab', 'kabupaten');
    await T.until(() => r.querySelector('.adm'), 15000, 'admin tab');
    const [m1, m2] = r.querySelectorAll('.adm input[inputmode=numeric]');
    const admin = { firstMonth: m1.value, months: m2.value, rows: [...r.querySelectorAll('.adm table.vt tbody tr')].map((tr) => tr.dataset.name),
      source: r.querySelector('.adm fieldset p').textContent };
    el.setAttribute('tab', 'warga');
    await T.until(() => r.querySelector('input[id$="-c-age"]'), 15000, 'citizen tab');
    return { village, admin, note: r.querySelector('.note[role=status]').textContent };
  });
  return { page, seen };
}

test('corrupt entries (not JSON, not an entry, wrong types), one key at a time: that key\'s defaults, said once, the rest restored', async () => {
  const good = {
    last: env('Desa Rusak'),
    'village:desa-rusak': env({ name: 'Desa Rusak', groups: [{ category: 'pekerja_rentan', people: '7' }] }),
    admin: env({ months: '6' }),
    adminData: env({ file: 'a.csv', villages: [{ name: 'Desa Data', kind: 'desa', people: { pekerja_rentan: 3 } }] }),
  };
  for (const key of Object.keys(good)) {
    for (const bad of ['{not json', '[]', '{"v":1}', env(42), key === 'last' ? env(['x']) : env('a string')]) {
      const entries = {};
      for (const [k, v] of Object.entries(good)) entries[K + k] = k === key ? bad : v;
      const { page, seen } = await restore(entries);
      tally.situations++;
      const label = `${key} = ${bad}`;
      assert.equal((seen.note.match(/tidak terbaca/g) || []).length, 1, label + ': said once: ' + seen.note);
      const villageOk = key !== 'last' && key !== 'village:desa-rusak';
      assert.deepEqual([seen.village.name, seen.village.people], villageOk ? ['Desa Rusak', '7'] : [key === 'last' ? 'Wanci' : 'Desa Rusak', key === 'last' ? '4' : ''], label);
      assert.ok(seen.village.result, label + ': the village tab computes');
      assert.equal(seen.admin.months, key === 'admin' ? '12' : '6', label);
      assert.deepEqual(seen.admin.rows, key === 'adminData' ? ['Wanci'] : ['Desa Data'], label);
      // typing saves a good entry over the bad one
      await page.evaluate(async () => {
        const el = document.querySelector('kalkulator-jamsostek');
        el.setAttribute('tab', 'desa');
        const r = el.shadowRoot;
        await window.__t.until(() => r.querySelector('[data-k="name"]'), 15000, 'form');
        window.__t.type(r.querySelector('[data-k="name"]'), 'Desa Rusak');
        r.querySelector('[data-k="name"]').dispatchEvent(new Event('change', { bubbles: true }));
        window.__t.type(r.querySelector('[data-k="groups[0].people"]'), '5');
        await window.__t.villageSettled(r);
      });
      const fixed = await page.evaluate((k) => [JSON.parse(window.__ls.getItem(k + 'village:desa-rusak')), JSON.parse(window.__ls.getItem(k + 'last'))], K);
      assert.deepEqual([fixed[0].data.groups[0].people, fixed[1].data], ['5', 'Desa Rusak'], label);
      assert.deepEqual(await page.evaluate(() => window.__t.findings()), []);
      await assertClean(page, assert);
      await page.context().close();
    }
  }
});

test('old entries: format 1 as first saved, without the fields added since — restored, defaults for the rest, nothing said', async () => {
  const { page, seen } = await restore({
    [K + 'last']: JSON.stringify({ v: 1, data: 'Desa Lama' }), // no savedAt
    [K + 'village:desa-lama']: JSON.stringify({ v: 1, data: { name: 'Desa Lama', groups: [{ category: 'pekerja_rentan', people: '25' }] } }),
    [K + 'admin']: JSON.stringify({ v: 1, data: { months: '6' } }),
    [K + 'adminData']: JSON.stringify({ v: 1, data: { villages: [{ name: 'Desa Lama', people: { pekerja_rentan: 4 } }, { name: 'Desa Kedua', targets: { pekerja_rentan: 9 } }] } }),
  });
  tally.situations++;
  assert.deepEqual([seen.village.name, seen.village.people, seen.village.months, seen.village.funder], ['Desa Lama', '25', '12', 'apbd']);
  assert.ok(Number(seen.village.result) > 0, 'computed: ' + seen.village.result);
  assert.equal(seen.admin.months, '6');
  assert.match(seen.admin.firstMonth, /^\d{4}-\d{2}$/);
  assert.deepEqual(seen.admin.rows, ['Desa Lama', 'Desa Kedua']);
  assert.match(seen.admin.source, /^2 desa\/kelurahan dari berkas "CSV"/);
  assert.doesNotMatch(seen.note, /tidak terbaca|lebih baru/);
  await assertClean(page, assert);
  await page.context().close();
});

test('an older format with no upgrade, a newer format, another namespace: reported, never deleted or overwritten', async () => {
  const v0 = JSON.stringify({ v: 0, data: { nama: 'Desa Nol', jumlah: 3 } });
  const v2 = JSON.stringify({ v: 2, savedAt: '2027-01-01T00:00:00.000Z', data: { name: 'Desa Baru', groups: [], extra: { future: true } } });
  const other = JSON.stringify({ v: 0, data: { name: 'Desa Lain' } });
  // format 0 (never existed: no migration) on "last"; a newer widget's entry for the village and the admin settings
  const { page, seen } = await restore({ [K + 'last']: v0, [K + 'village:desa-baru']: v2, [K + 'admin']: v2, 'kj:v0:kabupaten-arsip:last': other });
  tally.situations += 3;
  assert.equal(seen.village.name, 'Wanci', 'falls back to the configuration');
  assert.match(seen.note, /tidak terbaca/);
  // the newer entries: the village one is read only when that village is picked
  await page.evaluate(async () => {
    const el = document.querySelector('kalkulator-jamsostek');
    el.setAttribute('tab', 'desa');
    const r = el.shadowRoot;
    const name = await window.__t.until(() => r.querySelector('[data-k="name"]'), 15000, 'form');
    window.__t.type(name, 'Desa Baru');
    name.dispatchEvent(new Event('change', { bubbles: true }));
    window.__t.type(r.querySelector('[data-k="groups[0].people"]'), '8');
    await window.__t.villageSettled(r);
    el.setAttribute('tab', 'kabupaten');
    const months = (await window.__t.until(() => r.querySelectorAll('.adm input[inputmode=numeric]')[1], 15000, 'admin'));
    window.__t.type(months, '9');
    await window.__t.adminSettled(r);
  });
  const note = await page.locator('kalkulator-jamsostek .note[role=status]').textContent();
  assert.match(note, /versi kalkulator yang lebih baru/);
  const kept = await page.evaluate((k) => [window.__ls.getItem(k + 'village:desa-baru'), window.__ls.getItem(k + 'admin'), window.__ls.getItem('kj:v0:kabupaten-arsip:last')], K);
  assert.deepEqual(kept, [v2, v2, other], 'a newer widget\'s entries and another namespace are left as they were');
  // the format-0 entry stays until this widget saves over it ("last" now names the typed village)
  assert.equal(JSON.parse(await page.evaluate((k) => window.__ls.getItem(k + 'last'), K)).data, 'Desa Baru');
  // typed values are still used in this visit
  assert.equal(await page.locator('kalkulator-jamsostek .adm input[inputmode=numeric] >> nth=1').inputValue(), '9');
  await assertClean(page, assert);
  await page.context().close();
});

// ---------------------------------------------------------------- the store itself, in Node
function fakeStorage({ quota = Infinity } = {}) {
  const m = new Map();
  return {
    map: m,
    getItem: (k) => (m.has(k) ? m.get(k) : null),
    setItem: (k, v) => {
      let used = 0;
      for (const [a, b] of m) if (a !== k) used += a.length + b.length;
      if (used + k.length + String(v).length > quota) throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
      m.set(k, String(v));
    },
    removeItem: (k) => m.delete(k),
  };
}

test('store.js: upgrade path, snapshots, quota, newer entries (Node)', (t) => {
  const ls = fakeStorage({ quota: 600 });
  const had = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
  Object.defineProperty(globalThis, 'localStorage', { configurable: true, value: ls });
  t.after(() => { if (had) Object.defineProperty(globalThis, 'localStorage', had); else delete globalThis.localStorage; delete MIGRATIONS[0]; });
  const notes = [];
  const s = createStore('Kabupaten Node', (c) => notes.push(c));
  assert.equal(s.prefix, 'kj:v1:kabupaten-node:');
  assert.equal(FORMAT, 1);
  // a fabricated format 0 with its upgrade registered: read as format 1
  ls.setItem(s.prefix + 'village:a', JSON.stringify({ v: 0, data: { nama: 'A', orang: 3 } }));
  MIGRATIONS[0] = (d) => ({ name: d.nama, groups: [{ category: 'pekerja_rentan', people: String(d.orang) }] });
  assert.deepEqual(s.get('village:a'), { name: 'A', groups: [{ category: 'pekerja_rentan', people: '3' }] });
  delete MIGRATIONS[0];
  // without the upgrade: unreadable, said once
  ls.setItem(s.prefix + 'village:b', JSON.stringify({ v: 0, data: {} }));
  assert.equal(s.get('village:b'), null);
  assert.deepEqual(notes, ['storageCorrupt']);
  // snapshots: changing the object after saving does not change what was saved
  const st = { name: 'C', groups: [] };
  s.set('village:c', st);
  st.name = 'changed';
  assert.equal(s.get('village:c').name, 'C');
  s.get('village:c').name = 'mutated by a reader';
  assert.equal(s.get('village:c').name, 'C');
  // quota: said once, kept in memory, the older saved copy untouched
  s.set('big', 'x'.repeat(1000));
  assert.deepEqual(notes, ['storageCorrupt', 'storageUnavailable']);
  assert.equal(s.get('big').length, 1000);
  assert.equal(ls.getItem(s.prefix + 'big'), null);
  s.set('big2', 'y'.repeat(1000));
  assert.deepEqual(notes, ['storageCorrupt', 'storageUnavailable'], 'each problem is said once');
  // too big to save on purpose: memory only, older saved copy removed
  s.set('data', { a: 1 });
  assert.ok(ls.getItem(s.prefix + 'data'));
  s.set('data', { a: 2 }, false);
  assert.equal(ls.getItem(s.prefix + 'data'), null);
  assert.deepEqual(s.get('data'), { a: 2 });
  // a newer format: not used, said, never overwritten nor removed
  const newer = JSON.stringify({ v: FORMAT + 1, data: { future: 1 } });
  ls.setItem(s.prefix + 'admin', newer);
  assert.equal(s.get('admin'), null);
  assert.ok(notes.includes('storageNewer'));
  s.set('admin', { months: '3' });
  s.remove('admin');
  assert.equal(ls.getItem(s.prefix + 'admin'), newer);
  tally.situations += 4;
});
