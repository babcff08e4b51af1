// Issue 5, injection: every string of tests/e2e/corpus/hostile-strings.json goes into every place a host or a
// user can put text — configuration (inline and config-src), the regency attribute, every text field of the
// three tabs, CSV uploads, the share link and localStorage — in Chromium, against the built widget (pkg/).
// The page runs a report-only copy of the strict CSP, so a payload that could run would both run (setting
// window.__pwned) and be reported. Nothing may run, fetch, open a dialog, add an element the widget never
// makes or hide the widget; the text must appear literally where it belongs; downloaded CSV files must not
// start a formula in any cell, whichever of , ; or tab a spreadsheet splits them on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, launch, openPage, assertClean, artifacts } from './harness.mjs';
import { loadCorpus, guardInit, REPORT_ONLY_CSP } from './robust-kit.mjs';

const CORPUS = loadCorpus();
const N = CORPUS.length;
const K = 4; // widgets working side by side in one page (debounce waits overlap)
let server;
let browser;
const total = { inputs: 0, executed: 0 };

before(async () => {
  server = await startServer({ headers: (p) => (p.endsWith('.html') ? { 'Content-Security-Policy-Report-Only': REPORT_ONLY_CSP } : {}) });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  console.log(`# corpus: ${total.inputs} inputs (${N} hostile strings × places), ${total.executed} executed`);
});

async function open() {
  const page = await openPage(browser, server.url + '/tests/e2e/pages/robust.html', { width: 1000, height: 800, init: guardInit });
  page.__dialogs = [];
  page.__pwnedRequests = [];
  page.on('dialog', (d) => { page.__dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on('request', (r) => { if (/__pwned|evil\.example/.test(r.url())) page.__pwnedRequests.push(r.url()); });
  await page.evaluate(() => customElements.whenDefined('kalkulator-jamsostek'));
  return page;
}

/** Nothing ran, nothing was fetched or injected, the page is clean; then count the inputs. */
async function finish(page, label, inputs, fails) {
  const findings = await page.evaluate(() => window.__t.findings());
  findings.push(...page.__dialogs.map((d) => 'dialog: ' + d), ...page.__pwnedRequests.map((u) => 'request: ' + u));
  console.log(`# corpus/${label}: ${inputs} inputs, ${findings.length} executed`);
  total.inputs += inputs;
  total.executed += findings.length;
  assert.deepEqual(findings, [], 'a payload had an effect');
  assert.deepEqual(fails, [], `${fails.length} wrong renderings`);
  await assertClean(page, assert);
  await page.context().close();
}

test('the guard itself: a payload that does run is noticed (script, CSP report, element, request)', async () => {
  const page = await open();
  await page.evaluate(async () => {
    const el = await window.__t.mount({ regency: 'Kontrol', tab: 'warga' });
    await window.__t.until(() => el.shadowRoot.querySelector('form'), 15000, 'citizen form');
    // what an innerHTML with user data would do, once in the page and once inside the widget's shadow root
    document.getElementById('host').insertAdjacentHTML('beforeend', '<img src="/__pwned/control.png" onerror="window.__pwned=1">');
    el.shadowRoot.querySelector('form').insertAdjacentHTML('beforeend', '<svg><a href="javascript:0">x</a></svg>');
  });
  await page.waitForFunction(() => window.__pwned === 1);
  const findings = await page.evaluate(() => window.__t.findings());
  const has = (re) => findings.some((f) => re.test(f));
  assert.ok(has(/^window\.__pwned = 1$/), findings.join('\n'));
  assert.ok(has(/^CSP: script-src-attr/), 'the inline handler is reported: ' + findings.join('\n'));
  assert.ok(has(/^injected: .* in light: <img /) && has(/^injected: element <svg> in shadow/) && has(/^scan: attribute href in shadow/), findings.join('\n'));
  assert.ok(page.__pwnedRequests.some((u) => u.endsWith('/__pwned/control.png')));
  await page.context().close();
});

test('configuration: regency, village and office names — inline config attribute and config-src JSON', async () => {
  const dir = path.join(artifacts, 'hostile');
  mkdirSync(dir, { recursive: true });
  const cfgOf = (p) => ({ regency: p, villages: [{ name: p, targets: { pekerja_rentan: 3 } }, { name: 'Wanci Cfg' }], offices: [{ name: p, nonAsn: 2, wage: '2000000' }] });
  CORPUS.forEach((e, i) => writeFileSync(path.join(dir, `cfg-${i}.json`), JSON.stringify(cfgOf(e.s))));
  const page = await open();
  const fails = [];
  for (const mode of ['inline', 'src']) {
    fails.push(...await page.evaluate(async ({ corpus, mode, K }) => {
      const T = window.__t;
      const out = [];
      const eq = (id, what, got, want) => { if (got !== want) out.push(`${id} [${mode}] ${what}: got ${JSON.stringify(String(got).slice(0, 90))}, want ${JSON.stringify(String(want).slice(0, 90))}`); };
      await T.parallel(corpus, K, async (e, i) => {
        const p = e.s;
        const cfg = { regency: p, villages: [{ name: p, targets: { pekerja_rentan: 3 } }, { name: 'Wanci Cfg' }], offices: [{ name: p, nonAsn: 2, wage: '2000000' }] };
        const el = await T.mount({ tab: 'desa', funder: 'apbd', ...(mode === 'inline' ? { config: JSON.stringify(cfg) } : { 'config-src': `/test-artifacts/hostile/cfg-${i}.json` }) });
        const r = el.shadowRoot;
        try {
          await T.until(() => r.querySelector('[data-k="name"]'), 15000, 'village form');
          const acc = T.cfgText(p); // what the configuration accepts (null: refused and listed)
          const note = r.querySelector('.note[role=status]').textContent;
          eq(e.id, 'header', r.querySelector('.rg').textContent, acc ?? '');
          if (acc === null) for (const k of ['regency', 'villages[0]', 'offices[0]']) if (!note.includes(k)) eq(e.id, 'refusal notice', note, k);
          const names = acc === null ? ['Wanci Cfg'] : [acc, 'Wanci Cfg'];
          eq(e.id, 'datalist', JSON.stringify([...r.querySelectorAll('datalist option')].map((o) => o.value)), JSON.stringify(names));
          eq(e.id, 'name field', r.querySelector('[data-k="name"]').value, T.stripNl(names[0]));
          eq(e.id, 'result heading', r.querySelector('.res h3').textContent, 'Hasil — ' + names[0]);
          eq(e.id, 'result shown', !!r.querySelector('.res .big'), true);
          const csv = await T.download(() => T.button(r, 'Unduh CSV').click());
          eq(e.id, 'village CSV name', T.csv(csv, ',')[0][1], T.neutral(T.wellFormed(names[0])));
          for (const c of T.formulaCells(csv)) eq(e.id, 'village CSV formula cell', c, '');
          el.setAttribute('tab', 'kabupaten');
          await T.until(() => r.querySelector('.adm'), 15000, 'admin tab');
          eq(e.id, 'admin heading', r.querySelector('.adm > h3').textContent, 'Rekap kabupaten' + (acc ? ' — ' + acc : ''));
          const want = (acc === null ? ['Wanci Cfg'] : [acc, 'Wanci Cfg', acc]).map(T.wellFormed);
          const rows = [...r.querySelectorAll('.adm table.vt tbody tr')].map((tr) => [tr.dataset.name, tr.querySelector('th').textContent]);
          eq(e.id, 'admin rows', JSON.stringify(rows), JSON.stringify(want.map((n) => [n, n])));
          const adm = await T.download(() => r.querySelector('.adm button[data-export]').click());
          eq(e.id, 'admin CSV names', JSON.stringify(T.csv(adm, ';').slice(1, -1).map((x) => x[0])), JSON.stringify(want.map(T.neutral)));
          for (const c of T.formulaCells(adm)) eq(e.id, 'admin CSV formula cell', c, '');
        } catch (err) { eq(e.id, 'error', err && err.message, ''); }
        el.remove();
      });
      return out;
    }, { corpus: CORPUS, mode, K }));
  }
  await finish(page, 'configuration', N * 6, fails); // regency, village names, office names × inline, config-src
});

test('regency attribute: header, RAB print view, storage key', async () => {
  const page = await open();
  const fails = await page.evaluate(async ({ corpus, K }) => {
    const T = window.__t;
    const out = [];
    const eq = (id, what, got, want) => { if (got !== want) out.push(`${id} ${what}: got ${JSON.stringify(String(got).slice(0, 90))}, want ${JSON.stringify(String(want).slice(0, 90))}`); };
    await T.parallel(corpus, K, async (e) => {
      const p = e.s;
      const el = await T.mount({ regency: p, tab: 'desa', funder: 'apbd', config: JSON.stringify({ villages: [{ name: 'Wanci Reg', targets: { pekerja_rentan: 2 } }] }) });
      const r = el.shadowRoot;
      try {
        await T.until(() => r.querySelector('.res .big'), 15000, 'village result');
        eq(e.id, 'header', r.querySelector('.rg').textContent, p);
        T.button(r, 'Cetak RAB').click();
        const doc = await T.until(() => r.querySelector('iframe')?.contentDocument?.body?.childElementCount && r.querySelector('iframe').contentDocument, 5000, 'RAB');
        eq(e.id, 'RAB village line', doc.querySelector('[data-rab=desa]')?.textContent, 'Pemerintah Desa Wanci Reg');
        eq(e.id, 'RAB regency line', doc.querySelector('[data-rab=kab]')?.textContent, p ? 'Pemerintah ' + p : undefined);
        T.type(r.querySelector('[data-k="groups[0].people"]'), '3'); // saves under the regency's key
        await T.villageSettled(r);
      } catch (err) { eq(e.id, 'error', err && err.message, ''); }
      el.remove();
    });
    for (const k of Object.keys(localStorage)) if (!/^kj:v1:[a-z0-9-]{1,60}:(last|village:[a-z0-9-]{1,60})$/.test(k)) out.push('storage key ' + JSON.stringify(k));
    return out;
  }, { corpus: CORPUS, K });
  await finish(page, 'regency-attribute', N, fails);
});

test('village tab: name, Dana Desa, people, siltap and budget fields; CSV download, RAB and share link of each', async () => {
  const page = await open();
  const fails = await page.evaluate(async ({ corpus, K }) => {
    const T = window.__t;
    const out = [];
    const eq = (id, what, got, want) => { if (got !== want) out.push(`${id} ${what}: got ${JSON.stringify(String(got).slice(0, 90))}, want ${JSON.stringify(String(want).slice(0, 90))}`); };
    const els = [];
    for (let w = 0; w < K; w++) {
      const el = await T.mount({ regency: 'Kabupaten Ketik ' + w, tab: 'desa', funder: 'apbd', config: JSON.stringify({ siltap: { perangkat_desa: '2000000' } }) });
      const r = el.shadowRoot;
      await T.until(() => r.querySelector('[data-k="add"]'), 15000, 'village form');
      r.querySelector('[data-k="add"]').click();
      T.pick(r.querySelector('[data-k="groups[1].category"]'), 'perangkat_desa');
      T.type(r.querySelector('[data-k="groups[1].people"]'), '1');
      await T.villageSettled(r);
      els.push(el);
    }
    await T.parallel(corpus, K, async (e, i, w) => {
      const p = e.s;
      const r = els[w].shadowRoot;
      const f = (k) => r.querySelector(`[data-k="${k}"]`);
      const typed = T.stripNl(p); // what a text input holds after the payload is put in it
      try {
        // a) the village name, with valid numbers: the result, CSV, RAB and link carry the name as text
        T.type(f('name'), p);
        T.type(f('danaDesa'), '');
        T.type(f('groups[0].people'), '10');
        T.type(f('groups[1].wage'), '2.000.000');
        await T.villageSettled(r);
        eq(e.id, 'name field', f('name').value, typed);
        const name = typed.trim();
        const unit = T.wellFormed(name || 'Desa');
        const fits = [...unit].length <= 200; // the module's limit on a name
        eq(e.id, 'result shown', !!r.querySelector('.res .big'), fits);
        if (fits) {
          eq(e.id, 'result heading', r.querySelector('.res h3').textContent, 'Hasil' + (name ? ' — ' + name : ''));
          const csv = await T.download(() => T.button(r, 'Unduh CSV').click());
          eq(e.id, 'CSV name', T.csv(csv, ',')[0][1], T.neutral(unit));
          for (const c of T.formulaCells(csv)) eq(e.id, 'CSV formula cell', c, '');
          T.button(r, 'Cetak RAB').click();
          const doc = await T.until(() => r.querySelector('iframe')?.contentDocument?.body?.childElementCount && r.querySelector('iframe').contentDocument, 5000, 'RAB');
          eq(e.id, 'RAB village line', doc.querySelector('[data-rab=desa]')?.textContent, 'Pemerintah ' + (/^(desa|kelurahan)\s/i.test(unit) ? '' : 'Desa ') + unit);
          eq(e.id, 'RAB regency line', doc.querySelector('[data-rab=kab]')?.textContent, 'Pemerintah Kabupaten Ketik ' + w);
          const old = r.querySelector('input[readonly]');
          if (old) old.value = '';
          T.button(r, 'Buat tautan skenario').click();
          const link = await T.until(() => r.querySelector('input[readonly]')?.value, 5000, 'share link');
          eq(e.id, 'share link', /^http:\/\/127\.0\.0\.1:\d+\/tests\/e2e\/pages\/robust\.html#kj=[A-Za-z0-9_-]{1,20000}$/.test(link), true);
          // the budget field (inverse calculation) takes the payload too
          const budget = r.querySelector('input[id$="-cov-b"]');
          const cov = r.querySelector('[id$="-cov-o"]');
          const mark = cov.appendChild(document.createElement('span')); // gone once the coverage is recomputed
          T.type(budget, p);
          await T.until(() => !mark.isConnected, 5000, 'coverage');
          eq(e.id, 'budget field', budget.value, typed);
          eq(e.id, 'budget outcome', typed.trim() ? !!cov.querySelector('.err')?.textContent : cov.textContent === '', true);
        } else {
          eq(e.id, 'name refused next to the field', f('name').getAttribute('aria-invalid'), 'true');
        }
        // b) the numbers: each field keeps the text, shows a message, no result stays visible
        T.type(f('name'), 'Desa Uji');
        T.type(f('danaDesa'), p);
        T.type(f('groups[0].people'), p);
        T.type(f('groups[1].wage'), p);
        await T.villageSettled(r);
        for (const k of ['danaDesa', 'groups[0].people', 'groups[1].wage']) eq(e.id, k + ' field', f(k).value, typed);
        const invalid = [...r.querySelectorAll('[aria-invalid=true]')];
        const shown = !!r.querySelector('.res .big');
        eq(e.id, 'no stale result', shown, invalid.length === 0);
        for (const x of invalid) eq(e.id, 'message next to ' + x.dataset.k, !!r.getElementById(x.id + '-e')?.textContent, true);
      } catch (err) { eq(e.id, 'error', err && err.message, ''); }
    });
    // A scenario link is always short enough to be read back, even after a huge paste into the budget field.
    const r = els[0].shadowRoot;
    T.type(r.querySelector('[data-k="name"]'), 'Desa Panjang');
    for (const k of ['danaDesa', 'groups[0].people', 'groups[1].wage']) T.type(r.querySelector(`[data-k="${k}"]`), k === 'danaDesa' ? '' : '10');
    await T.villageSettled(r);
    T.type(r.querySelector('input[id$="-cov-b"]'), '9'.repeat(1e6));
    T.button(r, 'Buat tautan skenario').click();
    const link = await T.until(() => /Desa/.test(r.querySelector('input[readonly]')?.value || '') || r.querySelector('input[readonly]')?.value, 5000, 'share link');
    eq('paste', 'link length', /#kj=[A-Za-z0-9_-]{1,20000}$/.test(link), true);
    return out;
  }, { corpus: CORPUS, K });
  await finish(page, 'village-fields', N * 5, fails);
});

test('regency-admin tab: first month, months, siltap and Non-ASN wage fields', async () => {
  const page = await open();
  const fails = await page.evaluate(async ({ corpus, K }) => {
    const T = window.__t;
    const out = [];
    const eq = (id, what, got, want) => { if (got !== want) out.push(`${id} ${what}: got ${JSON.stringify(String(got).slice(0, 90))}, want ${JSON.stringify(String(want).slice(0, 90))}`); };
    const cfg = { villages: [{ name: 'Desa A', targets: { pekerja_rentan: 5, kepala_desa: 1 } }], offices: [{ name: 'Dinas B', nonAsn: 2 }] };
    const els = [];
    for (let w = 0; w < K; w++) {
      const el = await T.mount({ regency: 'Kabupaten Admin ' + w, tab: 'kabupaten', funder: 'apbd', config: JSON.stringify(cfg) });
      await T.until(() => el.shadowRoot.querySelector('.adm [data-wage=""]'), 15000, 'admin tab');
      els.push(el);
    }
    await T.parallel(corpus, K, async (e, i, w) => {
      const p = e.s;
      const r = els[w].shadowRoot;
      const [month, months] = r.querySelectorAll('.adm input[inputmode=numeric]');
      const wage = r.querySelector('.adm [data-wage="kepala_desa"]');
      const office = r.querySelector('.adm [data-wage=""]');
      const typed = T.stripNl(p);
      const errors = () => [...r.querySelectorAll('.adm .err')].map((x) => x.textContent).filter(Boolean);
      const res = r.querySelector('.adm section.res');
      try {
        T.type(month, p);
        T.type(months, p);
        await T.adminSettled(r);
        eq(e.id, 'first month field', month.value, typed);
        eq(e.id, 'months field', months.value, typed);
        eq(e.id, 'result hidden, message shown', res.hidden && errors().length > 0, true);
        T.type(month, '2026-01');
        T.type(months, '12');
        T.type(wage, p);
        T.type(office, p);
        await T.adminSettled(r);
        eq(e.id, 'siltap field', wage.value, typed);
        eq(e.id, 'Non-ASN wage field', office.value, typed);
        eq(e.id, 'result xor message', res.hidden, errors().length > 0);
      } catch (err) { eq(e.id, 'error', err && err.message, ''); }
    });
    return out;
  }, { corpus: CORPUS, K });
  await finish(page, 'admin-fields', N * 4, fails);
});

test('citizen tab: income field (wage-earner and non-wage jobs)', async () => {
  const page = await open();
  const fails = await page.evaluate(async ({ corpus, K }) => {
    const T = window.__t;
    const out = [];
    const eq = (id, what, got, want) => { if (got !== want) out.push(`${id} ${what}: got ${JSON.stringify(String(got).slice(0, 90))}, want ${JSON.stringify(String(want).slice(0, 90))}`); };
    const els = [];
    for (let w = 0; w < K; w++) {
      const el = await T.mount({ regency: 'Kabupaten Warga ' + w, tab: 'warga' });
      const age = await T.until(() => el.shadowRoot.querySelector('input[id$="-c-age"]'), 15000, 'citizen form');
      T.type(age, '30');
      els.push(el);
    }
    await T.parallel(corpus, K, async (e, i, w) => {
      const p = e.s;
      const r = els[w].shadowRoot;
      try {
        for (const job of ['nelayan', 'kepala_desa']) {
          T.pick(r.querySelector('select[id$="-c-job"]'), job);
          const income = r.querySelector('input[id$="-c-income"]');
          const res = r.querySelector('section.res');
          const mark = res.appendChild(document.createElement('span')); // gone once the answer is recomputed
          T.type(income, p);
          await T.until(() => !mark.isConnected, 5000, 'citizen answer');
          eq(e.id, job + ' income field', income.value, T.stripNl(p));
          eq(e.id, job + ' outcome', !!(res.querySelector('[role=alert]')?.textContent || res.querySelector('[data-monthly]')), true);
        }
      } catch (err) { eq(e.id, 'error', err && err.message, ''); }
    });
    return out;
  }, { corpus: CORPUS, K });
  await finish(page, 'citizen-fields', N * 2, fails);
});

// ---------------------------------------------------------------- CSV uploads
const q = (s) => '"' + s.replace(/"/g, '""') + '"';
const csvFile = (header, rows) => Buffer.from('\ufeff' + [header, ...rows.map((r) => r.map(q).join(';'))].join('\r\n') + '\r\n', 'utf8');

test('CSV upload: village names, counts and Dana Desa cells; hostile file name; export neutralised', async () => {
  const page = await open();
  await page.evaluate(() => window.__t.mount({ regency: 'Kabupaten Unggah', tab: 'kabupaten', funder: 'apbd' }));
  const input = page.locator('kalkulator-jamsostek .adm input[type=file]');
  await input.waitFor({ state: 'attached', timeout: 15000 });
  const report = () => page.locator('kalkulator-jamsostek .adm ul.imp').evaluate((u) => [...u.children].map((li) => li.textContent));
  const rowsOf = () => page.locator('kalkulator-jamsostek').evaluate((el) => [...el.shadowRoot.querySelectorAll('.adm table.vt tbody tr')].map((tr) => [tr.dataset.name, tr.querySelector('th').textContent]));
  const settle = () => page.evaluate(() => window.__t.adminSettled(document.querySelector('kalkulator-jamsostek').shadowRoot));
  const upload = async (name, buffer) => {
    const before = await report().catch(() => []);
    await input.setInputFiles({ name, mimeType: 'text/csv', buffer });
    await page.waitForFunction((b) => {
      const u = document.querySelector('kalkulator-jamsostek').shadowRoot.querySelector('.adm ul.imp');
      return u && u.children.length && JSON.stringify([...u.children].map((li) => li.textContent)) !== b;
    }, JSON.stringify(before));
    await settle();
    return report();
  };
  const fails = [];
  const want = (cond, msg) => { if (!cond) fails.push(msg); };
  // 1. names (the NUL payload makes a file binary: it gets a file of its own below)
  const named = CORPUS.filter((e) => !e.s.includes('\u0000'));
  const fileName = '<img src=__pwned onerror=window.__pwned=1> "desa".csv';
  const rep = await upload(fileName, csvFile('Desa;Pekerja Rentan', named.map((e) => [e.s, '1'])));
  const accepted = [];
  const refused = [];
  const keys = new Map();
  named.forEach((e, i) => {
    const n = e.s.toWellFormed().trim().replace(/\s+/g, ' ');
    const row = i + 2;
    if (!n) refused.push([row, 'nama desa kosong']);
    else if (n.length > 200) refused.push([row, 'nama desa lebih dari 200 karakter']);
    else if (keys.has(n.toLowerCase())) refused.push([row, `nama "${n}" sudah ada di baris ${keys.get(n.toLowerCase())}`]);
    else { keys.set(n.toLowerCase(), row); accepted.push(n); }
  });
  want(rep[0] === `Data desa sekarang dari berkas: ${accepted.length} desa/kelurahan (menggantikan 0).`, 'headline: ' + rep[0]);
  want(rep.includes(`${refused.length} baris ditolak:`), 'refused count: ' + rep.join(' | '));
  for (const [row, m] of refused.slice(0, 20)) want(rep.includes(`Baris ${row}: ${m}`), `row ${row} named: ${m.slice(0, 60)}`);
  const rows = await rowsOf();
  want(JSON.stringify(rows) === JSON.stringify(accepted.map((n) => [n, n])), 'table rows are the accepted names, as text');
  const src = await page.locator('kalkulator-jamsostek .adm fieldset p').first().textContent();
  want(src.includes(`dari berkas "${fileName}"`), 'file name shown as text: ' + src);
  const exported = await page.evaluate(() => window.__t.download(() => document.querySelector('kalkulator-jamsostek').shadowRoot.querySelector('.adm button[data-export]').click()));
  const cells = await page.evaluate((t) => window.__t.csv(t, ';').slice(1, -1).map((r) => r[0]), exported);
  want(JSON.stringify(cells) === JSON.stringify(await page.evaluate((a) => a.map(window.__t.neutral), accepted)), 'export names neutralised');
  want((await page.evaluate((t) => window.__t.formulaCells(t), exported)).length === 0, 'no formula cell in the export');
  // 2. the payloads as counts: each row refused, its cell quoted literally in the report
  const rep2 = await upload('counts.csv', csvFile('Desa;Pekerja Rentan', CORPUS.filter((e) => !e.s.includes('\u0000')).map((e, i) => ['Desa ' + i, e.s])));
  const countRows = named.map((e, i) => [i + 2, e.s.toWellFormed().trim()]).filter(([, c]) => c.replace(/[\s\u00a0]/g, '') !== '');
  want(rep2.includes(`${countRows.length} baris ditolak:`), 'count refusals: ' + rep2.slice(0, 3).join(' | '));
  for (const [row, cell] of countRows.slice(0, 20)) {
    want(rep2.includes(`Baris ${row}: Pekerja Rentan: "${cell}" bukan bilangan bulat 0 sampai 300.000.000`), `count row ${row} quoted literally`);
  }
  // 3. the payloads as Dana Desa amounts: refused with the module's message
  const rep3 = await upload('dana-desa.csv', csvFile('Desa;Pekerja Rentan;Pagu Dana Desa', named.map((e, i) => ['Desa ' + i, '1', e.s])));
  const ddRows = named.map((e, i) => [i + 2, e.s.trim()]).filter(([, c]) => c !== '');
  want(rep3.includes(`${ddRows.length} baris ditolak:`), 'Dana Desa refusals: ' + rep3.slice(0, 3).join(' | '));
  for (const [row] of ddRows.slice(0, 20)) want(rep3.some((l) => l.startsWith(`Baris ${row}: Pagu Dana Desa: `)), `Dana Desa row ${row} named`);
  // 4. the NUL payload: the file is refused as not being text; nothing changes
  const before = await rowsOf();
  const nul = CORPUS.filter((e) => e.s.includes('\u0000'));
  const rep4 = await upload('nul.csv', csvFile('Desa;Pekerja Rentan', nul.map((e) => [e.s, '1'])));
  want(/bukan teks CSV/.test(rep4[0]), 'NUL file refused: ' + rep4[0]);
  want(JSON.stringify(await rowsOf()) === JSON.stringify(before), 'a refused file changes nothing');
  await finish(page, 'csv-upload', named.length * 3 + nul.length + 1, fails);
});

// ---------------------------------------------------------------- share link and storage
test('share link (#kj=): name, Dana Desa, people, siltap and budget from a crafted link', async () => {
  const page = await open();
  const enc = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const links = CORPUS.map((e) => ({
    id: e.id, p: e.s,
    a: enc({ name: e.s, danaDesa: e.s, groups: [{ category: 'pekerja_rentan', people: e.s }, { category: 'perangkat_desa', people: '1', wage: e.s }] }),
    b: enc({ name: 'Desa Tautan', budget: e.s, groups: [{ category: 'pekerja_rentan', people: '10' }] }),
  }));
  const fails = await page.evaluate(async (links) => {
    const T = window.__t;
    const out = [];
    const eq = (id, what, got, want) => { if (got !== want) out.push(`${id} ${what}: got ${JSON.stringify(String(got).slice(0, 90))}, want ${JSON.stringify(String(want).slice(0, 90))}`); };
    const cut = (s, n) => T.stripNl(s.slice(0, n)); // the link's limits (village.js cleanState), then the input's
    const cfg = JSON.stringify({ siltap: { perangkat_desa: '2000000' } });
    for (const l of links) {
      try {
        history.replaceState(null, '', '#kj=' + l.a);
        let el = await T.mount({ regency: 'Kabupaten Tautan', tab: 'desa', funder: 'apbd', config: cfg });
        let r = el.shadowRoot;
        await T.until(() => r.querySelector('[data-k="name"]'), 15000, 'village form');
        const readable = l.a.length <= 20000; // longer links are not read at all (and never made: see share())
        const note = !!r.querySelector('[role=tabpanel] > .note:not([data-link])');
        eq(l.id, 'link read', note, readable);
        // a link too long to be one the widget made is said to be unreadable (village.js readLink)
        eq(l.id, 'unreadable-link notice', !!r.querySelector('[role=tabpanel] > [data-link="broken"]'), !readable);
        if (readable) {
          eq(l.id, 'name', r.querySelector('[data-k="name"]').value, cut(l.p, 200));
          eq(l.id, 'Dana Desa', r.querySelector('[data-k="danaDesa"]').value, cut(l.p, 30));
          eq(l.id, 'people', r.querySelector('[data-k="groups[0].people"]').value, cut(l.p, 15));
          eq(l.id, 'siltap', r.querySelector('[data-k="groups[1].wage"]').value, cut(l.p, 30) || '2000000'); // empty: the regency's siltap
        }
        el.remove();
        history.replaceState(null, '', '#kj=' + l.b);
        el = await T.mount({ regency: 'Kabupaten Tautan', tab: 'desa', funder: 'apbd', config: cfg });
        r = el.shadowRoot;
        const budget = await T.until(() => r.querySelector('input[id$="-cov-b"]'), 15000, 'budget field');
        eq(l.id, 'budget', budget.value, l.b.length <= 20000 ? cut(l.p, 30) : '');
        el.remove();
      } catch (err) { eq(l.id, 'error', err && err.message, ''); }
    }
    history.replaceState(null, '', location.pathname);
    return out;
  }, links);
  await finish(page, 'share-link', N * 5, fails);
});

test('localStorage: saved village, last village, admin settings and imported villages, all tampered with', async () => {
  const page = await open();
  const fails = await page.evaluate(async ({ corpus, K }) => {
    const T = window.__t;
    const out = [];
    const eq = (id, what, got, want) => { if (got !== want) out.push(`${id} ${what}: got ${JSON.stringify(String(got).slice(0, 90))}, want ${JSON.stringify(String(want).slice(0, 90))}`); };
    const slug = (s) => String(s || '').toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'default';
    const cut = (s, n) => T.stripNl(s.slice(0, n));
    const cfg = JSON.stringify({ offices: [{ name: 'Dinas B', nonAsn: 2 }], siltap: { perangkat_desa: '2000000' } });
    await T.parallel(corpus, K, async (e, i, w) => {
      const p = e.s;
      const base = `kj:v1:kabupaten-simpan-${w}:`;
      for (const k of Object.keys(localStorage)) if (k.startsWith(base)) localStorage.removeItem(k);
      const put = (k, data) => localStorage.setItem(base + k, JSON.stringify({ v: 1, savedAt: new Date().toISOString(), data }));
      put('last', p);
      put('village:' + slug(p), { name: p, danaDesa: p, budget: p, groups: [{ category: 'pekerja_rentan', people: p }, { category: 'perangkat_desa', people: '1', wage: p }] });
      put('admin', { firstMonth: p, months: p, wages: { kepala_desa: p }, nonAsnWage: p, sep: p, funder: p, cats: [p, 'pekerja_rentan', 'kepala_desa', 'non_asn'] });
      put('adminData', { file: p, villages: [{ name: p, kind: 'desa', people: { pekerja_rentan: 1, kepala_desa: 1 } }, { name: 'Desa Tetap', kind: 'desa', people: { pekerja_rentan: 2 } }] });
      const el = await T.mount({ regency: 'Kabupaten Simpan ' + w, tab: 'desa', funder: 'apbd', config: cfg });
      const r = el.shadowRoot;
      try {
        await T.until(() => r.querySelector('[data-k="name"]'), 15000, 'village form');
        if (p) {
          eq(e.id, 'name', r.querySelector('[data-k="name"]').value, cut(p, 200));
          eq(e.id, 'Dana Desa', r.querySelector('[data-k="danaDesa"]').value, cut(p, 30));
          eq(e.id, 'people', r.querySelector('[data-k="groups[0].people"]').value, cut(p, 15));
          eq(e.id, 'siltap', r.querySelector('[data-k="groups[1].wage"]').value, cut(p, 30));
        }
        el.setAttribute('tab', 'kabupaten');
        await T.until(() => r.querySelector('.adm'), 15000, 'admin tab');
        const [month, months] = r.querySelectorAll('.adm input[inputmode=numeric]');
        eq(e.id, 'first month', month.value, T.stripNl(p));
        eq(e.id, 'months', months.value, T.stripNl(p));
        const src = r.querySelector('.adm fieldset p').textContent;
        const norm = p.trim().replace(/\s+/g, ' ');
        const stored = norm && norm.length <= 200 ? norm : null; // a stored village name the tab accepts (as the importer makes them)
        const villages = stored ? [stored, 'Desa Tetap'] : ['Desa Tetap'];
        eq(e.id, 'file name', src, `${villages.length} desa/kelurahan dari berkas "${p.trim() ? p : 'CSV'}"; 1 kantor dari konfigurasi.`);
        if (stored) eq(e.id, 'siltap', r.querySelector('.adm [data-wage="kepala_desa"]').value, T.stripNl(p));
        const office = r.querySelector('.adm [data-wage=""]');
        eq(e.id, 'Non-ASN wage', office.value, T.stripNl(p));
        T.type(month, '2026-01');
        T.type(months, '12');
        T.type(office, '2000000');
        r.querySelector('.adm [data-wage="kepala_desa"]') && T.type(r.querySelector('.adm [data-wage="kepala_desa"]'), '3000000');
        await T.adminSettled(r);
        if (p) {
          const rows = [...r.querySelectorAll('.adm table.vt tbody tr')].map((tr) => tr.dataset.name);
          eq(e.id, 'rows', JSON.stringify(rows), JSON.stringify([...villages.map(T.wellFormed), 'Dinas B']));
          if (!stored) eq(e.id, 'notice', /tidak terbaca/.test(r.querySelector('.note[role=status]').textContent), true);
        }
      } catch (err) { eq(e.id, 'error', err && err.message, ''); }
      el.remove();
    });
    return out;
  }, { corpus: CORPUS, K });
  await finish(page, 'localStorage', N * 14, fails);
});
