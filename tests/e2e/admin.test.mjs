// Regency-admin tab and configurator, in Chromium against the real wasm module (pkg/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, launch, openPage, artifacts, repoRoot } from './harness.mjs';
import { importVillages } from '../../www/widget/csv.js';
import { formatRupiah } from '../../www/widget/format.js';

// The real module in Node too, to compute what api.estimate returns for the same request independently of the UI.
const wasm = await import(path.join(repoRoot, 'pkg', 'kalkulator_jamsostek.js'));
wasm.initSync({ module: readFileSync(path.join(repoRoot, 'pkg', 'kalkulator_jamsostek_bg.wasm')) });

const SAMPLE = path.join(repoRoot, 'www', 'sample-villages.csv');
const W = 'kalkulator-jamsostek';
let server; let browser;
before(async () => { server = await startServer({ root: repoRoot }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const HOST_OFFICES = [{ name: 'Dinas Kesehatan', nonAsn: 120, wage: '2500000' }, { name: '=Dinas "Kutip"', nonAsn: 10, wage: '2000000' }];

/** The request the admin tab must send for the sample CSV + the host page's offices (pekerja rentan and Non-ASN funded). */
function expectedSampleRequest(firstMonth) {
  const imp = importVillages(readFileSync(SAMPLE), { parseAmount: (t, l) => wasm.parseAmount(t, l), lang: 'id' });
  assert.equal(imp.ok, true);
  const units = imp.villages.map((v) => ({
    name: v.name, kind: v.kind, funder: 'apbd', ...(v.danaDesa ? { danaDesa: v.danaDesa } : {}),
    groups: [{ category: 'pekerja_rentan', people: v.people.pekerja_rentan }],
  }));
  for (const o of HOST_OFFICES) units.push({ name: o.name, kind: 'opd', funder: 'apbd', groups: [{ category: 'non_asn', people: o.nonAsn, wage: o.wage, jht: true }] });
  return { firstMonth, months: 12, units };
}

async function poll(fn, what, timeout = 15000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out waiting for ' + what + ' (last: ' + JSON.stringify(last) + ')');
}

const rowsOf = (page) => page.locator(`${W} .adm table.vt tbody tr`).evaluateAll((trs) => trs.map((tr) => ({
  name: tr.dataset.name, cost: tr.querySelector('[data-cost]').dataset.cost, cells: [...tr.children].map((c) => c.textContent),
})));
const totalOf = (page) => page.locator(`${W} .adm [data-total]`).evaluate((e) => ({ digits: e.dataset.total, text: e.querySelector('.amt').textContent })).catch(() => null);
const settled = (page) => page.locator(`${W} .adm`).evaluate((root) => {
  const res = root.querySelector('section.res');
  return !!res && !res.hidden && !res.hasAttribute('aria-busy');
}).catch(() => false);

async function openAdmin() {
  const page = await openPage(browser, server.url + '/tests/e2e/pages/admin-host.html', { width: 1100, height: 1000 });
  await poll(() => totalOf(page), 'first regency total (wasm loaded)');
  // a fixed period, typed like a user
  const month = page.locator(`${W} .adm input[inputmode=numeric]`).first();
  await month.fill('2026-01');
  await poll(async () => (await settled(page)) && (await page.locator(`${W} .adm section.res > p.hint`).first().textContent()).startsWith('Januari 2026'), 're-estimate for January 2026');
  return page;
}

test('admin tab: sample CSV upload → regency total equals api.estimate for the same villages; hand-checked row', async () => {
  const page = await openAdmin();
  await page.locator(`${W} .adm input[type=file]`).setInputFiles(SAMPLE);
  await poll(async () => (await rowsOf(page)).length === 10 && (await settled(page)), '8 villages + 2 offices');
  const report = await page.locator(`${W} .adm ul.imp`).innerText();
  assert.match(report, /8 desa\/kelurahan dibaca dari berkas \(UTF-8, pemisah ";"\)/);

  const expected = wasm.estimate(expectedSampleRequest('2026-01'), 'id');
  const total = await totalOf(page);
  assert.equal(total.digits, expected.total.total);
  assert.equal(total.text, formatRupiah(expected.total.total, 'id'));
  assert.ok(/^Rp\d{1,3}(\.\d{3})+$/.test(total.text));
  const rows = await rowsOf(page);
  assert.deepEqual(rows.map((r) => [r.name, r.cost]), expected.units.map((u) => [u.name, u.total.total]));
  // hand-checked: 100 pekerja rentan × Rp16.800 × 12 months, APBD (no relief) = Rp20.160.000
  const suka = rows.find((r) => r.name === 'Sukamaju');
  assert.equal(suka.cost, '20160000');
  assert.equal(suka.cells[3], 'Rp20.160.000');
  assert.equal(suka.cells[5], '120'); // target
  assert.equal(suka.cells[6], '83,3%'); // 100 of 120
  const kel = rows.find((r) => r.name === 'Pasar Baru');
  assert.equal(kel.cells[1], 'Kelurahan');
  assert.equal(kel.cells[4], '—'); // no Dana Desa for a kelurahan
  // summary figures are the module's
  const summary = await page.locator(`${W} .adm table.sum`).innerText();
  assert.ok(summary.includes(formatRupiah(expected.total.employer, 'id')));
  assert.ok(summary.includes(formatRupiah(expected.monthlyAverage.total, 'id')));
  assert.ok((await page.locator(`${W} .adm .words`).textContent()) === wasm.terbilang(expected.total.total, 'id'));
  const tfoot = await page.locator(`${W} .adm table.vt tfoot [data-cost]`).getAttribute('data-cost');
  assert.equal(tfoot, expected.total.total);

  // Funding source → Dana Desa: re-estimated (debounced) with the share of each village's allocation.
  await page.locator(`${W} .adm select`).first().selectOption('dana_desa');
  await poll(async () => (await settled(page)) && (await rowsOf(page)).find((r) => r.name === 'Sukamaju').cells[4] !== '0,00%', 'Dana Desa share');
  const req = expectedSampleRequest('2026-01');
  for (const u of req.units) if (u.kind === 'desa') u.funder = 'dana_desa';
  const dd = wasm.estimate(req, 'id');
  const ddRow = (await rowsOf(page)).find((r) => r.name === 'Sukamaju');
  const ddUnit = dd.units.find((u) => u.name === 'Sukamaju');
  assert.equal(ddRow.cells[4], ddUnit.danaDesa.sharePercent.replace('.', ',') + '%');
  assert.equal((await totalOf(page)).digits, dd.total.total);
  assert.deepEqual(page.__errors, []);
  assert.deepEqual(page.__externalRequests, []);
  await page.screenshot({ path: path.join(artifacts, 'admin-sample.png'), fullPage: true });
  await page.context().close();
});

test('admin tab: sort by cost with the keyboard (aria-sort), export CSV (BOM, semicolons, neutralised cells)', async () => {
  const page = await openAdmin();
  await page.locator(`${W} .adm input[type=file]`).setInputFiles(SAMPLE);
  await poll(async () => (await rowsOf(page)).length === 10 && (await settled(page)), 'rows');

  // keyboard only: focus the "people" header button, Tab to the "cost" one, Enter.
  await page.locator(`${W} .adm th button[data-sort=people]`).focus();
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.querySelector('kalkulator-jamsostek').shadowRoot.activeElement?.dataset.sort);
  assert.equal(focused, 'cost');
  await page.keyboard.press('Enter');
  const costTh = page.locator(`${W} .adm th:has(button[data-sort=cost])`);
  assert.equal(await costTh.getAttribute('aria-sort'), 'descending');
  assert.equal(await page.locator(`${W} .adm th[aria-sort]`).count(), 1);
  let costs = (await rowsOf(page)).map((r) => BigInt(r.cost));
  assert.deepEqual(costs, [...costs].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
  assert.equal((await rowsOf(page))[0].name, 'Dinas Kesehatan');
  await page.keyboard.press('Space');
  assert.equal(await costTh.getAttribute('aria-sort'), 'ascending');
  costs = (await rowsOf(page)).map((r) => BigInt(r.cost));
  assert.deepEqual(costs, [...costs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  assert.equal((await rowsOf(page))[0].name, 'Sidomulyo');
  // sort by name
  await page.locator(`${W} .adm th button[data-sort=name]`).press('Enter');
  assert.equal(await page.locator(`${W} .adm th:has(button[data-sort=name])`).getAttribute('aria-sort'), 'ascending');
  assert.equal(await costTh.getAttribute('aria-sort'), null);
  await page.locator(`${W} .adm th button[data-sort=cost]`).press('Enter'); // back to cost, descending

  const expected = wasm.estimate(expectedSampleRequest('2026-01'), 'id');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator(`${W} .adm button[data-export]`).press('Enter')]);
  assert.match(dl.suggestedFilename(), /^jamsostek-kabupaten-contoh-2026-01-12\.csv$/);
  const buf = readFileSync(await dl.path());
  assert.deepEqual([...buf.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const text = buf.toString('utf8').slice(1);
  writeFileSync(path.join(artifacts, 'admin-export.csv'), buf);
  const lines = text.split('\r\n');
  assert.equal(lines.at(-1), '');
  assert.equal(lines[0], 'Nama;Jenis;Jumlah orang;Pekerja rentan;Pegawai non-ASN;Target Pekerja rentan;Capaian target Pekerja rentan (%);Biaya periode (Rp);Dibayar sumber dana (Rp);Iuran pekerja (Rp);Pagu Dana Desa (Rp);Porsi Dana Desa (%);Sumber dana');
  assert.equal(lines[1].split(';')[0], 'Dinas Kesehatan'); // the table's order (cost, descending)
  const suka = lines.find((l) => l.startsWith('Sukamaju;'));
  assert.equal(suka, 'Sukamaju;desa;100;100;0;120;83,3;20160000;20160000;0;812450000;0,00;apbd');
  // formula injection: the office named =Dinas "Kutip" is neutralised and quoted
  assert.ok(lines.includes('"\'=Dinas ""Kutip""";opd;10;0;10;;;' + expected.units.at(-1).total.total + ';'
    + expected.units.at(-1).total.employer + ';' + expected.units.at(-1).total.worker + ';;;apbd'), lines.join('\n'));
  const totalLine = lines.at(-2).split(';');
  assert.equal(totalLine[0], 'Jumlah kabupaten');
  assert.equal(totalLine[1], 'total');
  // re-importing the export: villages come back with their targets; office and total rows are refused with a reason, nothing silent
  const back = importVillages(buf, { parseAmount: (t, l) => wasm.parseAmount(t, l), lang: 'id' });
  assert.equal(back.villages.length, 8);
  assert.deepEqual(back.villages.find((v) => v.name === 'Sukamaju'), { row: back.villages.find((v) => v.name === 'Sukamaju').row, name: 'Sukamaju', kind: 'desa', danaDesa: '812450000', people: { pekerja_rentan: 100 }, targets: { pekerja_rentan: 120 } });
  assert.deepEqual(back.refused.map((x) => x.code), ['BAD_KIND', 'BAD_KIND', 'BAD_KIND']);
  assert.equal(totalLine[7], expected.total.total);
  assert.ok(lines.slice(1).every((l) => !l || !/^[=+\-@]/.test(l)));
  // comma option
  await page.locator(`${W} .adm select`).last().selectOption(',');
  const [dl2] = await Promise.all([page.waitForEvent('download'), page.locator(`${W} .adm button[data-export]`).click()]);
  const t2 = readFileSync(await dl2.path(), 'utf8').slice(1).split('\r\n');
  assert.ok(t2[0].startsWith('Nama,Jenis,Jumlah orang,'));
  assert.ok(t2.includes('Sukamaju,desa,100,100,0,120,83.3,20160000,20160000,0,812450000,0.00,apbd'));
  assert.deepEqual(page.__errors, []);
  await page.context().close();
});

test('admin tab: refused rows named, duplicates refused, empty/binary/oversized files change nothing', async () => {
  const page = await openAdmin();
  const file = (name, body) => { const p = path.join(artifacts, name); writeFileSync(p, body); return p; };
  const before = await rowsOf(page);
  const bad = file('admin-bad.csv', 'Desa;Jenis;Pagu Dana Desa;Pekerja Rentan\r\nSatu;desa;1.000.000;10\r\nDua;desa;satu juta;5\r\nsatu ;desa;;3\r\nTiga;kota;;1\r\nEmpat;desa;;2,5\r\n');
  await page.locator(`${W} .adm input[type=file]`).setInputFiles(bad);
  await poll(async () => (await rowsOf(page)).length === 3 && (await settled(page)), 'valid row applied');
  const report = await page.locator(`${W} .adm ul.imp`).innerText();
  assert.match(report, /1 desa\/kelurahan/);
  assert.match(report, /4 baris ditolak/);
  assert.match(report, /Baris 3: Pagu Dana Desa: /);
  assert.match(report, /Baris 4: nama "satu" sudah ada di baris 2/);
  assert.match(report, /Baris 5: jenis "kota" tidak dikenal/);
  assert.match(report, /Baris 6: Pekerja Rentan: "2,5" bukan bilangan bulat/);
  const after1 = await rowsOf(page);
  assert.deepEqual(after1.map((r) => r.name), ['Satu', 'Dinas Kesehatan', '=Dinas "Kutip"']);
  for (const [name, body, re] of [
    ['admin-empty.csv', '', /Berkas kosong/],
    ['admin-binary.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x08, 0, 0x21, 0, 0, 0]), /bukan teks CSV/],
    ['admin-big.csv', Buffer.alloc(10 * 1024 * 1024 + 10, 0x61), /terlalu besar/],
  ]) {
    await page.locator(`${W} .adm input[type=file]`).setInputFiles(file(name, body));
    await poll(async () => re.test(await page.locator(`${W} .adm ul.imp`).innerText()), name);
    assert.deepEqual((await rowsOf(page)).map((r) => r.name), after1.map((r) => r.name), name + ' changed nothing');
    assert.equal(await page.locator(`${W} .adm input[type=file]`).getAttribute('aria-invalid'), 'true');
  }
  // back to the configuration's villages
  await page.locator(`${W} .adm fieldset button`).first().click();
  await poll(async () => JSON.stringify((await rowsOf(page)).map((r) => r.name)) === JSON.stringify(before.map((r) => r.name)), 'config villages back');
  assert.deepEqual(page.__errors, []);
  await page.context().close();
});

test('admin tab: a large regency (3 000 villages) is one request; 200 rows shown, then "show more"', async () => {
  let csv = 'Desa;Jenis;Pagu Dana Desa;Pekerja Rentan;Target\r\n';
  const n = 3000;
  for (let i = 1; i <= n; i++) csv += `Desa ${i};${i % 10 === 0 ? 'kelurahan' : 'desa'};${i % 10 === 0 ? '' : 700000000 + i * 1000};${i % 97};100\r\n`;
  const p = path.join(artifacts, 'admin-large.csv');
  writeFileSync(p, csv);
  const page = await openAdmin();
  const t0 = Date.now();
  await page.locator(`${W} .adm input[type=file]`).setInputFiles(p);
  await poll(async () => (await page.locator(`${W} .adm ul.imp`).innerText()).includes('3.000 desa') && (await settled(page)), 'large import', 30000);
  const ms = Date.now() - t0;
  assert.equal((await rowsOf(page)).length, 200);
  assert.match(await page.locator(`${W} .adm p.hint[aria-live]`).textContent(), /Menampilkan 200 dari 3\.002 baris/);
  await page.locator(`${W} .adm button[data-more]`).click();
  assert.equal((await rowsOf(page)).length, 400);
  const imp = importVillages(Buffer.from(csv), { parseAmount: (t, l) => wasm.parseAmount(t, l), lang: 'id' });
  const units = imp.villages.map((v) => ({ name: v.name, kind: v.kind, funder: 'apbd', ...(v.danaDesa ? { danaDesa: v.danaDesa } : {}), groups: [{ category: 'pekerja_rentan', people: v.people.pekerja_rentan }] }));
  for (const o of HOST_OFFICES) units.push({ name: o.name, kind: 'opd', funder: 'apbd', groups: [{ category: 'non_asn', people: o.nonAsn, wage: o.wage, jht: true }] });
  const expected = wasm.estimate({ firstMonth: '2026-01', months: 12, units }, 'id');
  assert.equal((await totalOf(page)).digits, expected.total.total);
  // the page stays responsive: a click on a sort button is handled quickly
  const t1 = Date.now();
  await page.locator(`${W} .adm th button[data-sort=cost]`).click();
  assert.equal(await page.locator(`${W} .adm th:has(button[data-sort=cost])`).getAttribute('aria-sort'), 'descending');
  const sortMs = Date.now() - t1;
  console.log(`[admin] 3000-village import+estimate ${ms} ms, sort ${sortMs} ms`);
  assert.ok(ms < 15000, 'import + estimate took ' + ms + ' ms');
  assert.ok(sortMs < 3000, 'sort took ' + sortMs + ' ms');
  assert.deepEqual(page.__errors, []);
  await page.context().close();
});

test('admin tab: module errors are shown next to the field and no stale result stays visible', async () => {
  const page = await openAdmin();
  const months = page.locator(`${W} .adm input[inputmode=numeric]`).nth(1);
  await months.fill('61');
  await poll(async () => (await months.getAttribute('aria-invalid')) === 'true', 'months error');
  let msg;
  try { wasm.estimate({ firstMonth: '2026-01', months: 61, units: [{ name: 'x', groups: [{ category: 'pekerja_rentan', people: 1 }] }] }, 'id'); } catch (e) { msg = e.message; }
  assert.ok(msg);
  const errId = (await months.getAttribute('aria-describedby')).split(' ')[0];
  assert.equal(await page.locator(`${W} #${errId}`).textContent(), msg);
  assert.equal(await page.locator(`${W} .adm section.res`).isHidden(), true);
  await months.fill('6');
  await poll(() => settled(page), 'result back');
  assert.equal(await months.getAttribute('aria-invalid'), null);
  assert.match(await page.locator(`${W} .adm section.res > p.hint`).first().textContent(), /\(6 bulan\)/);
  // leaving the tab while a re-estimate is pending: destroy() cancels it, nothing throws; coming back works
  await months.fill('7');
  await page.locator(`${W} [data-tab=desa]`).click();
  await page.waitForTimeout(700);
  assert.equal(await page.locator(`${W} .adm`).count(), 0);
  await page.locator(`${W} [data-tab=kabupaten]`).click();
  await poll(() => settled(page), 'admin tab back');
  assert.match(await page.locator(`${W} .adm section.res > p.hint`).first().textContent(), /\(7 bulan\)/); // the typed value was saved
  assert.deepEqual(page.__errors, []);
  await page.context().close();
});

// ---------------------------------------------------------------- configurator
const CFG_W = '#preview';

test('configurator: the form builds the snippet, the preview renders the module\'s result, the pasted snippet gives the same widget', async () => {
  const page = await openPage(browser, server.url + '/www/configurator.html', { width: 1100, height: 1000 });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const byK = (k) => page.locator(`[data-k="${k}"]`);
  await byK('regency').waitFor();
  assert.equal(await page.locator('h1').textContent(), 'Konfigurator Kalkulator Jamsostek');
  // every form control has a label
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll('#app input, #app select, #app textarea')]
    .filter((e) => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map((e) => e.outerHTML));
  assert.deepEqual(unlabelled, []);

  const regency = `Kab. "Uji" & O'Hara <Timur>`;
  await byK('regency').fill(regency);
  await byK('tab').selectOption('kabupaten');
  await byK('funder').selectOption('apbd');
  await byK('minAge').fill('15');
  await byK('maxAge').fill('64');
  await byK('fund:non_asn').check();
  // add a village with the keyboard: Enter on the button moves focus into the new row's name field
  await page.locator('[data-act=addv]').press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.k), 'v:0:name');
  await page.keyboard.type('Sukamaju');
  await byK('v:0:dd').fill('812.450.000');
  await byK('v:0:t:pekerja_rentan').fill('100');
  await page.locator('[data-act=addv]').click();
  await byK('v:1:name').fill('Pasar Baru');
  await byK('v:1:kind').selectOption('kelurahan');
  await byK('v:1:t:pekerja_rentan').fill('1.200');
  await page.locator('[data-act=addo]').click();
  await byK('o:0:name').fill('Dinas Sosial');
  await byK('o:0:nonAsn').fill('5');
  await byK('o:0:wage').fill('Rp 2.000.000');
  // an invalid amount is shown next to its field, in words (what to type, never a code), and left out of the code
  const errOf = async (k) => page.locator(`#${(await byK(k).getAttribute('aria-describedby')).split(' ')[0]}`).textContent();
  await byK('o:0:wage').fill('abc');
  assert.throws(() => wasm.parseAmount('abc', 'id'), { code: 'INVALID_AMOUNT' });
  await poll(async () => (await errOf('o:0:wage')) !== '', 'amount error');
  assert.equal(await errOf('o:0:wage'), 'Tulis jumlah rupiah dengan angka, misalnya 1.500.000, 20 juta, 1,5 juta atau Rp20jt.');
  assert.equal(await byK('o:0:wage').getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('.probs').innerText(), /1 isian belum benar/);
  await byK('o:0:wage').fill('Rp 2.000.000');
  // a kelurahan with Dana Desa is refused in the form too
  await byK('v:1:dd').fill('100.000.000');
  assert.equal(await errOf('v:1:dd'), 'Kelurahan tidak menerima Dana Desa.');
  await byK('v:1:dd').fill('');
  assert.equal(await errOf('v:1:dd'), '');

  const expectedConfig = {
    regency, defaultFunder: 'apbd', minAge: 15, maxAge: 64, fundedCategories: ['pekerja_rentan', 'non_asn'],
    villages: [{ name: 'Sukamaju', kind: 'desa', danaDesa: '812450000', targets: { pekerja_rentan: 100 } },
      { name: 'Pasar Baru', kind: 'kelurahan', targets: { pekerja_rentan: 1200 } }],
    offices: [{ name: 'Dinas Sosial', nonAsn: 5, wage: '2000000' }],
  };
  const code = await poll(async () => { const v = await byK('code').inputValue(); return v.includes('Dinas Sosial') && !v.includes('abc') ? v : null; }, 'snippet');
  assert.ok(code.startsWith('<script type="module" src="https://YOUR-SITE/path/widget.js"></script>\n<kalkulator-jamsostek'));
  assert.ok(code.includes(`regency="Kab. &quot;Uji&quot; &amp; O&#39;Hara &lt;Timur&gt;"`));
  assert.ok(code.includes('\n  lang="id"') && code.includes('\n  tab="kabupaten"') && code.includes('\n  funder="apbd"'));
  const m = /\n {2}config='([^']*)'>/.exec(code);
  assert.ok(m, code);
  assert.ok(!/[<"]/.test(m[1]), 'config attribute value is escaped');
  const unescaped = m[1].replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  assert.deepEqual(JSON.parse(unescaped), expectedConfig);

  // the live preview is the real widget with these attributes
  const preview = page.locator(CFG_W);
  await preview.scrollIntoViewIfNeeded();
  await poll(async () => (await preview.getAttribute('config')) === JSON.stringify(expectedConfig), 'preview attributes');
  assert.equal(await preview.getAttribute('tab'), 'kabupaten');
  assert.equal(await preview.getAttribute('regency'), regency);
  const pvTotal = await poll(() => page.locator(`${CFG_W} .adm [data-total]`).getAttribute('data-total').catch(() => null), 'preview total');
  const firstMonth = await page.locator(`${CFG_W} .adm input[inputmode=numeric]`).first().inputValue();
  const expected = wasm.estimate({ firstMonth, months: 12, units: [
    { name: 'Sukamaju', kind: 'desa', funder: 'apbd', danaDesa: '812450000', groups: [{ category: 'pekerja_rentan', people: 100 }] },
    { name: 'Pasar Baru', kind: 'kelurahan', funder: 'apbd', groups: [{ category: 'pekerja_rentan', people: 1200 }] },
    { name: 'Dinas Sosial', kind: 'opd', funder: 'apbd', groups: [{ category: 'non_asn', people: 5, wage: '2000000', jht: true }] },
  ] }, 'id');
  assert.equal(pvTotal, expected.total.total);
  const pvRows = await page.locator(`${CFG_W} .adm table.vt tbody tr`).evaluateAll((trs) => trs.map((t) => t.innerText));
  assert.ok(pvRows[0].includes('Rp20.160.000'), pvRows[0]);
  await page.screenshot({ path: path.join(artifacts, 'configurator.png'), fullPage: true });

  // Copy button → clipboard holds the snippet
  await page.locator('[data-act=copy]').click();
  await poll(async () => (await page.locator('.status').textContent()) === 'Kode disalin.', 'copied status');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code);

  // download config.json
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('[data-act=download]').click()]);
  assert.equal(dl.suggestedFilename(), 'config.json');
  assert.deepEqual(JSON.parse(readFileSync(await dl.path(), 'utf8')), expectedConfig);

  // the snippet pasted into a fresh page on the same server gives the same widget
  const pasted = code.replace('https://YOUR-SITE/path/widget.js', '/pkg/widget.js');
  writeFileSync(path.join(artifacts, 'snippet-page.html'), `<!doctype html><html lang="id"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'">
<title>pasted</title></head><body><h1>Situs kabupaten</h1>\n${pasted}</body></html>\n`);
  const fresh = await openPage(browser, server.url + '/test-artifacts/snippet-page.html', { width: 1100, height: 1000 });
  const fTotal = await poll(() => fresh.locator(`${W} .adm [data-total]`).getAttribute('data-total').catch(() => null), 'pasted widget total');
  assert.equal(fTotal, pvTotal);
  const fRows = await fresh.locator(`${W} .adm table.vt tbody tr`).evaluateAll((trs) => trs.map((t) => t.innerText));
  assert.deepEqual(fRows, pvRows);
  assert.equal(await fresh.locator(W).getAttribute('regency'), regency);
  assert.deepEqual(fresh.__errors, []);
  assert.deepEqual(fresh.__externalRequests, []);
  await fresh.context().close();

  // English toggle (keyboard): labels switch, the form keeps its values
  await page.locator('[data-act=ui]').press('Enter');
  assert.equal(await page.locator('h1').textContent(), 'Jamsostek Calculator configurator');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.act), 'ui');
  assert.equal(await byK('regency').inputValue(), regency);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  // removing a row with the keyboard moves focus to the next row
  await page.locator('[data-act="rmv:0"]').press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.k), 'v:0:name');
  assert.equal(await byK('v:0:name').inputValue(), 'Pasar Baru');
  assert.deepEqual(page.__errors, []);
  assert.deepEqual(page.__externalRequests, []);
  await page.context().close();
});

test('configurator: importing the sample CSV fills the village rows', async () => {
  const page = await openPage(browser, server.url + '/www/configurator.html', { width: 800, height: 900 });
  await page.locator('[data-k=csv]').waitFor();
  await poll(async () => (await page.locator('.status').textContent()) === '', 'module loaded');
  await page.locator('[data-k=csv]').setInputFiles(SAMPLE);
  await page.locator('[data-k="v:7:name"]').waitFor();
  assert.equal(await page.locator('[data-k="v:0:name"]').inputValue(), 'Sukamaju');
  assert.equal(await page.locator('[data-k="v:0:dd"]').inputValue(), '812.450.000');
  assert.equal(await page.locator('[data-k="v:0:t:pekerja_rentan"]').inputValue(), '120');
  assert.equal(await page.locator('[data-k="v:6:kind"]').inputValue(), 'kelurahan');
  const code = await page.locator('[data-k=code]').inputValue();
  const cfg = JSON.parse(/config='([^']*)'/.exec(code)[1].replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
  assert.equal(cfg.villages.length, 8);
  assert.deepEqual(cfg.villages[0], { name: 'Sukamaju', kind: 'desa', danaDesa: '812450000', targets: { pekerja_rentan: 120 } });
  assert.deepEqual(page.__errors, []);
  await page.context().close();
});
