// Issue 5, uploads: what csv.test.mjs (Node) and admin.test.mjs (sample file, refused rows, duplicates, empty,
// binary, over 10 MB) do not already cover, in Chromium through the regency tab of pkg/widget.js: unclosed
// quotes, ragged rows, ; and , files with a UTF-8 BOM, Windows-1252 and UTF-16 text, header-only and
// blank files, a file of exactly 10 MiB (and one byte more), a file the rules module cannot compute, and a
// second file chosen while the first is still being read. Every time: the table before and after — either
// the whole file is applied with a report naming the refused rows, or nothing changes and the message says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, assertClean, STRICT_CSP } from './harness.mjs';
import { guardInit } from './robust-kit.mjs';

const W = 'kalkulator-jamsostek';
const MAX_BYTES = 10 * 1024 * 1024;
let server;
let browser;
let files = 0;
before(async () => {
  server = await startServer({ headers: (p) => (p.endsWith('.html') ? { 'Content-Security-Policy': STRICT_CSP } : {}) });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  console.log(`# uploads: ${files} files uploaded in the browser, 0 crashes, 0 half-applied`);
});

const CONFIG = { villages: [{ name: 'Wanci', targets: { pekerja_rentan: 10 } }, { name: 'Pongo', kind: 'kelurahan', targets: { pekerja_rentan: 5 } }] };

async function openAdmin() {
  const page = await openPage(browser, server.url + '/tests/e2e/pages/robust.html', { width: 1000, height: 800, init: guardInit });
  await page.evaluate((cfg) => window.__t.mount({ regency: 'Kabupaten Unggah', tab: 'kabupaten', funder: 'apbd', config: JSON.stringify(cfg) }), CONFIG);
  await page.locator(`${W} .adm section.res:not([hidden])`).waitFor({ timeout: 15000 });
  return page;
}
/** The villages the regency table shows ([] while no result is shown). */
const rows = (page) => page.locator(W).evaluate((el) => (el.shadowRoot.querySelector('.adm section.res').hidden ? []
  : [...el.shadowRoot.querySelectorAll('.adm table.vt tbody tr')].map((tr) => tr.dataset.name)));
const report = (page) => page.locator(W).evaluate((el) => [...el.shadowRoot.querySelectorAll('.adm ul.imp li')].map((li) => li.textContent));
const invalid = (page) => page.locator(`${W} .adm input[type=file]`).getAttribute('aria-invalid');

/** Upload bytes; wait until the report is written and the re-estimate (if any) has run. */
async function upload(page, name, body) {
  await page.locator(W).evaluate((el) => { const u = el.shadowRoot.querySelector('.adm ul.imp'); u.replaceChildren(); });
  await page.locator(`${W} .adm input[type=file]`).setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.isBuffer(body) ? body : Buffer.from(body) });
  await page.waitForFunction(() => document.querySelector('kalkulator-jamsostek').shadowRoot.querySelectorAll('.adm ul.imp li').length > 0, null, { timeout: 30000 });
  await page.evaluate(() => window.__t.adminSettled(document.querySelector('kalkulator-jamsostek').shadowRoot));
  files++;
  return report(page);
}

/** Nothing changed, and the message says so. */
async function unchanged(page, before, rep, re) {
  assert.match(rep[0], re);
  assert.match(rep[0], /Tidak ada yang diubah/);
  assert.deepEqual(await rows(page), before, 'the table is as before');
  assert.equal(await invalid(page), 'true');
}

test('unclosed quote, header only, blank lines: refused as a whole, the table unchanged, the row named', async () => {
  const page = await openAdmin();
  const before = await rows(page);
  assert.deepEqual(before, ['Wanci', 'Pongo']);
  await unchanged(page, before, await upload(page, 'kutip.csv', 'Desa;Pekerja Rentan\r\nA;1\r\n"B;2\r\nC;3\r\n'),
    /^Tanda kutip yang dibuka di baris 3 tidak pernah ditutup/);
  await unchanged(page, before, await upload(page, 'judul.csv', '\ufeffDesa;Jenis;Pekerja Rentan\r\n'), /^Berkas kosong/);
  await unchanged(page, before, await upload(page, 'kosong.csv', '\r\n;;\r\n\r\n'), /^Berkas kosong/);
  await unchanged(page, before, await upload(page, 'semua-salah.csv', 'Desa;Pekerja Rentan\r\nA;x\r\nB;-1\r\n'), /^Tidak ada baris yang sah/);
  assert.deepEqual(await page.evaluate(() => window.__t.findings()), []);
  await assertClean(page, assert);
  await page.context().close();
});

test('ragged rows: a row split by a separator inside a number is refused and named, short rows read, the rest applied', async () => {
  const page = await openAdmin();
  const rep = await upload(page, 'koma.csv', 'Desa,Pekerja Rentan\r\nAlpha,10\r\nBeta,1,500\r\nGamma\r\nDelta,7,\r\n"Epsilon, Hulu",4\r\n');
  assert.equal(rep[0], 'Data desa sekarang dari berkas: 4 desa/kelurahan (menggantikan 2).');
  assert.equal(rep[1], '4 desa/kelurahan dibaca dari berkas (UTF-8, pemisah ",").');
  assert.equal(rep[2], '1 baris ditolak:');
  assert.match(rep[3], /^Baris 3: baris ini punya 3 kolom, lebih banyak dari baris lain \(2\)/);
  assert.deepEqual(await rows(page), ['Alpha', 'Gamma', 'Delta', 'Epsilon, Hulu']);
  const people = await page.locator(W).evaluate((el) => [...el.shadowRoot.querySelectorAll('.adm table.vt tbody tr')].map((tr) => tr.children[2].textContent));
  assert.deepEqual(people, ['10', '0', '7', '4'], 'Beta is not read as 1 person; the short row has none');
  // a column without a header in every row is not "ragged": read, the unnamed column ignored
  const rep2 = await upload(page, 'tanpa-judul.csv', 'Desa;Pekerja Rentan\r\nAlpha;10;x\r\nBeta;3;y\r\n');
  assert.equal(rep2[0], 'Data desa sekarang dari berkas: 2 desa/kelurahan (menggantikan 4).');
  assert.deepEqual(await rows(page), ['Alpha', 'Beta']);
  await assertClean(page, assert);
  await page.context().close();
});

test('the same villages as ; and , files with a UTF-8 BOM, as Windows-1252 and as UTF-16 text: the same table', async () => {
  const page = await openAdmin();
  const names = ['Sukamaju Ü', 'Mekar – Jaya', 'Kampung "Baru"', 'Tirta€'];
  const semi = '\ufeffNama Desa;Jenis;Pagu Dana Desa;Pekerja Rentan\r\n' + names.map((n, i) => `"${n.replace(/"/g, '""')}";desa;"1.${i}00.000.000";${(i + 1) * 10}`).join('\r\n') + '\r\n';
  const comma = '\ufeffvillage,kind,dana desa,vulnerable workers\n' + names.map((n, i) => `"${n.replace(/"/g, '""')}",desa,1${i}00000000,${(i + 1) * 10}`).join('\n') + '\n';
  // Windows-1252: Ü is 0xDC, – is 0x96, € is 0x80 (the last two outside Latin-1)
  const win = Buffer.from(semi.slice(1).split('').map((c) => ({ '\u2013': 0x96, '\u20ac': 0x80 })[c] ?? c.charCodeAt(0)));
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(semi.slice(1).replace(/;/g, '\t'), 'utf16le')]);
  const seen = [];
  for (const [file, body, enc, sep] of [['titik-koma.csv', semi, 'UTF-8', ';'], ['koma.csv', comma, 'UTF-8', ','], ['excel-lama.csv', win, 'Windows-1252', ';'], ['unicode.txt', utf16, 'UTF-16LE', 'tab']]) {
    const rep = await upload(page, file, body);
    assert.equal(rep[1], `4 desa/kelurahan dibaca dari berkas (${enc}, pemisah "${sep}").`, file);
    const table = await page.locator(W).evaluate((el) => [...el.shadowRoot.querySelectorAll('.adm table.vt tbody tr')].map((tr) => [tr.dataset.name, tr.children[2].textContent, tr.children[3].dataset.cost]));
    seen.push(table);
    assert.deepEqual(table.map((r) => r[0]), names, file);
  }
  for (const t of seen) assert.deepEqual(t, seen[0], 'every encoding and separator gives the same table and amounts');
  await assertClean(page, assert);
  await page.context().close();
});

test('exactly 10 MiB is read (an ignored notes column), one byte more is refused; the module refusing a file changes nothing', async () => {
  const page = await openAdmin();
  const before = await rows(page);
  const head = 'Desa;Jenis;Pekerja Rentan;Catatan\r\n';
  const n = 9000;
  const pad = Math.floor((MAX_BYTES - head.length) / n);
  let body = head;
  for (let i = 0; i < n; i++) {
    const row = `Desa ${i};${i % 10 ? 'desa' : 'kelurahan'};${i % 40};`;
    body += row + 'x'.repeat(pad - row.length - 2) + '\r\n';
  }
  body = body.slice(0, -2) + 'x'.repeat(MAX_BYTES - body.length) + '\r\n';
  assert.equal(Buffer.byteLength(body), MAX_BYTES);
  const over = body + 'x';
  await unchanged(page, before, await upload(page, 'besar-plus-1.csv', over), /terlalu besar/);
  const t0 = Date.now();
  const rep = await upload(page, 'besar.csv', body);
  const ms = Date.now() - t0;
  assert.equal(rep[0], 'Data desa sekarang dari berkas: 9.000 desa/kelurahan (menggantikan 2).');
  assert.ok(rep.includes('Kolom diabaikan: Catatan.'), rep.join(' | '));
  const big = await rows(page);
  assert.equal(big.length, 200, 'first page of the table');
  assert.equal(big[0], 'Desa 0');
  console.log(`# uploads: a 10 MiB file of 9 000 villages read and estimated in ${ms} ms`);
  // counts each under the limit whose sum the module refuses: not applied, the module's reason given
  const rep2 = await upload(page, 'terlalu-banyak.csv', 'Desa;Pekerja Rentan\r\nSatu;300.000.000\r\nDua;300.000.000\r\n');
  assert.match(rep2[0], /^Berkas tidak dipakai: Jumlah orang tidak masuk akal .*Tidak ada yang diubah\.$/);
  assert.deepEqual(await rows(page), big, 'the 10 MiB file stays');
  assert.equal(await invalid(page), 'true');
  // …but a siltap that is still missing for the file's groups is not the file's fault: applied, the field asks for it
  const rep3 = await upload(page, 'kades.csv', 'Desa;Kepala Desa\r\nSatu;1\r\n');
  assert.match(rep3[0], /^Data desa sekarang dari berkas: 1 desa/);
  assert.deepEqual(await rows(page), [], 'no result until the siltap is given');
  const wage = page.locator(`${W} .adm [data-wage="kepala_desa"]`);
  assert.equal(await wage.getAttribute('aria-invalid'), 'true');
  await wage.fill('3.500.000');
  await page.evaluate(() => window.__t.adminSettled(document.querySelector('kalkulator-jamsostek').shadowRoot));
  await page.locator(`${W} .adm tr[data-name="Satu"]`).waitFor();
  await assertClean(page, assert);
  await page.context().close();
});

test('a second file chosen while the first is still being read: the second one wins, never a mix', async () => {
  const page = await openAdmin();
  const out = await page.evaluate(async () => {
    const T = window.__t;
    const r = document.querySelector('kalkulator-jamsostek').shadowRoot;
    const input = r.querySelector('.adm input[type=file]');
    const pick = (file) => { const dt = new DataTransfer(); dt.items.add(file); input.files = dt.files; input.dispatchEvent(new Event('change', { bubbles: true })); };
    let big = 'Desa;Pekerja Rentan\r\n';
    for (let i = 0; i < 90000; i++) big += `Lambat ${i} ${'x'.repeat(80)};${i % 9}\r\n`; // about 9 MB
    // the first file is slow to read (a large Blob); the second is tiny
    pick(new File([big], 'lambat.csv', { type: 'text/csv' }));
    pick(new File(['Desa;Pekerja Rentan\r\nCepat;3\r\n'], 'cepat.csv', { type: 'text/csv' }));
    await T.until(() => r.querySelector('.adm tr[data-name="Cepat"]'), 15000, 'second file');
    await T.sleep(1500); // time for the first file to finish reading
    await T.adminSettled(r);
    return { rows: [...r.querySelectorAll('.adm table.vt tbody tr')].map((tr) => tr.dataset.name), source: r.querySelector('.adm fieldset p').textContent };
  });
  files += 2;
  assert.deepEqual(out.rows, ['Cepat']);
  assert.match(out.source, /dari berkas "cepat\.csv"/);
  await assertClean(page, assert);
  await page.context().close();
});
