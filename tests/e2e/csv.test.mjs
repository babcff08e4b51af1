// Unit tests of www/widget/csv.js, run in Node directly against the real wasm module (parseAmount, estimate).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  importVillages, importReport, toCsv, neutralizeCell, parseCsv, decodeCsvBytes, parseCount, MAX_BYTES, MAX_ROWS,
} from '../../www/widget/csv.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// The real module; if pkg/ is missing or the wasm does not load, every test in this file fails here.
const wasm = await import(path.join(root, 'pkg', 'kalkulator_jamsostek.js'));
wasm.initSync({ module: readFileSync(path.join(root, 'pkg', 'kalkulator_jamsostek_bg.wasm')) });
const parseAmount = (t, l) => wasm.parseAmount(t, l);

const enc = (s) => new TextEncoder().encode(s);
const imp = (input, lang = 'id') => importVillages(typeof input === 'string' ? enc(input) : input, { parseAmount, lang });
const moduleError = (text, lang) => { try { wasm.parseAmount(text, lang); } catch (e) { return e.message; } return null; };

test('semicolon file with BOM, CRLF, Indonesian headers, quoted fields with "" and newlines', () => {
  const csv = '\ufeffNama Desa;Jenis;Pagu Dana Desa;Pekerja Rentan;RT/RW;Target Pekerja Rentan\r\n'
    + '"Suka ""Maju""";desa;"1.500.000.000";1.250;12;1.300\r\n'
    + '"Kampung\r\nBaru";kelurahan;;40;;\r\n'
    + 'Rp Test;desa;Rp 812.450.000;0;;\r\n';
  const r = imp(csv);
  assert.equal(r.ok, true, JSON.stringify(r.error));
  assert.equal(r.delimiter, ';');
  assert.equal(r.encoding, 'UTF-8');
  assert.deepEqual(r.refused, []);
  assert.equal(r.villages.length, 3);
  const [a, b, c] = r.villages;
  assert.equal(a.name, 'Suka "Maju"');
  assert.equal(a.kind, 'desa');
  assert.equal(a.danaDesa, '1500000000');
  assert.equal(a.danaDesa, wasm.parseAmount('1.500.000.000', 'id'));
  assert.deepEqual(a.people, { pekerja_rentan: 1250, rt_rw: 12 });
  assert.deepEqual(a.targets, { pekerja_rentan: 1300 });
  assert.equal(b.name, 'Kampung Baru'); // a newline inside a quoted name is folded to a space
  assert.equal(b.kind, 'kelurahan');
  assert.equal(b.danaDesa, null);
  assert.equal(c.danaDesa, '812450000');
});

test('comma file with LF and English headers; tab file; Excel "sep=" line', () => {
  const r = imp('village,kind,dana desa,vulnerable workers,target\nAlpha,desa,900000000,10,20\nBeta,kelurahan,,5,5\n', 'en');
  assert.equal(r.ok, true);
  assert.equal(r.delimiter, ',');
  assert.deepEqual(r.villages.map((v) => [v.name, v.kind, v.danaDesa, v.people.pekerja_rentan, v.targets.pekerja_rentan]),
    [['Alpha', 'desa', '900000000', 10, 20], ['Beta', 'kelurahan', null, 5, 5]]);
  const t = imp('desa\tjenis\tpekerja_rentan\ttarget_rt_rw\nGamma\tdesa\t7\t3\n');
  assert.equal(t.delimiter, '\t');
  assert.deepEqual(t.villages[0].people, { pekerja_rentan: 7 });
  assert.deepEqual(t.villages[0].targets, { rt_rw: 3 });
  // without the "sep=" line this header would be split on ';' (tie with tab) and have no name column
  assert.equal(imp('name\tjenis;x\r\nDelta;1\tdesa\r\n').error.code, 'NO_NAME_COLUMN');
  const s = imp('sep=\t\r\nname\tjenis;x\r\nDelta;1\tdesa\r\n');
  assert.equal(s.delimiter, '\t');
  assert.equal(s.villages[0].name, 'Delta;1');
});

test('Windows-1252 bytes are decoded when the file is not valid UTF-8', () => {
  const head = enc('Desa;Pekerja Rentan\r\n');
  const row = Uint8Array.from([...enc('Desa Sukamaju '), 0xdc, ...enc(';100\r\n')]);
  const euro = Uint8Array.from([...enc('Desa Euro '), 0x80, ...enc(';1\r\n')]);
  const bytes = new Uint8Array([...head, ...row, ...euro]);
  const r = imp(bytes);
  assert.equal(r.ok, true);
  assert.equal(r.encoding, 'Windows-1252');
  assert.equal(r.villages[0].name, 'Desa Sukamaju Ü');
  assert.equal(r.villages[1].name, 'Desa Euro €');
  // the same text in UTF-8 with BOM stays UTF-8
  const u = imp(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('Desa;Pekerja Rentan\nDesa Sukamaju Ü;100\n')]));
  assert.equal(u.encoding, 'UTF-8');
  assert.equal(u.villages[0].name, 'Desa Sukamaju Ü');
  assert.equal(decodeCsvBytes(new Uint8Array([0xff, 0xfe, 0x41, 0, 0x3b, 0, 0x42, 0])).text, 'A;B'); // UTF-16LE
});

test('empty file, blank lines only, header only: message and nothing imported', () => {
  for (const input of [new Uint8Array(0), '\r\n\r\n;;\r\n', 'Desa;Jenis;Pekerja Rentan\r\n', '\ufeff']) {
    const r = imp(input);
    assert.equal(r.ok, false);
    assert.equal(r.error.code, 'EMPTY');
    assert.deepEqual(r.villages, []);
    assert.match(importReport(r, 'id')[0], /kosong/);
    assert.match(importReport(imp(input, 'en'), 'en')[0], /empty/);
  }
});

test('duplicate villages (case-insensitive, trimmed): the later row is refused and named', () => {
  const r = imp('Desa;Pekerja Rentan\nSukamaju;10\n  SUKAMAJU ;20\nMekar;5\nsukamaju;1\n', 'en');
  assert.equal(r.ok, true);
  assert.deepEqual(r.villages.map((v) => [v.name, v.people.pekerja_rentan]), [['Sukamaju', 10], ['Mekar', 5]]);
  assert.deepEqual(r.refused.map((x) => [x.row, x.code]), [[3, 'DUPLICATE'], [5, 'DUPLICATE']]);
  const report = importReport(r, 'en');
  assert.equal(report[0], '2 villages read from the file (UTF-8, separator ";").');
  assert.equal(report[1], '2 rows refused:');
  assert.equal(report[2], 'Row 3: name "SUKAMAJU" already used in row 2');
});

test('bad numbers: rows named with the reason; amounts refused with the module\'s own message', () => {
  const csv = 'Desa;Jenis;Pagu Dana Desa;Pekerja Rentan;Kader\n'
    + 'Satu;desa;1.000.000;10;1\n'
    + 'Dua;desa;satu juta;10;1\n' // not an amount
    + 'Tiga;desa;;1,5;1\n' // not a whole number
    + 'Empat;desa;;-3;1\n'
    + 'Lima;desa;;300000001;1\n'
    + 'Enam;kota;;1;1\n' // unknown kind
    + 'Tujuh;kelurahan;500.000.000;1;1\n' // kelurahan with Dana Desa
    + ';desa;;1;1\n' // no name
    + 'Delapan;desa;;1.500;300.000.000\n';
  const r = imp(csv, 'id');
  assert.equal(r.ok, true);
  assert.deepEqual(r.villages.map((v) => v.name), ['Satu', 'Delapan']);
  assert.deepEqual(r.villages[1].people, { pekerja_rentan: 1500, kader: 300000000 });
  assert.deepEqual(r.refused.map((x) => [x.row, x.code]),
    [[3, 'BAD_AMOUNT'], [4, 'BAD_COUNT'], [5, 'BAD_COUNT'], [6, 'BAD_COUNT'], [7, 'BAD_KIND'], [8, 'KELURAHAN_DD'], [9, 'NAME_MISSING']]);
  const modMsg = moduleError('satu juta', 'id');
  assert.ok(modMsg && modMsg.length > 5);
  assert.equal(r.refused[0].message, 'Pagu Dana Desa: ' + modMsg);
  assert.equal(r.refused[1].message, 'Pekerja Rentan: "1,5" bukan bilangan bulat 0 sampai 300.000.000');
  const lines = importReport(r, 'id');
  assert.equal(lines[1], '7 baris ditolak:');
  assert.equal(lines[2], 'Baris 3: Pagu Dana Desa: ' + modMsg);
  assert.ok(lines.includes('Baris 7: jenis "kota" tidak dikenal (isi desa atau kelurahan)'));
  assert.equal(parseCount('1.500'), 1500);
  assert.ok(Number.isNaN(parseCount('1.50')));
  assert.equal(parseCount(''), null);
});

test('more than 20 refused rows: the first 20 are listed, then "and N more"', () => {
  let csv = 'Desa;Pekerja Rentan\nOk;1\n';
  for (let i = 0; i < 25; i++) csv += `Bad ${i};x\n`;
  const r = imp(csv, 'en');
  assert.equal(r.refused.length, 25);
  const lines = importReport(r, 'en');
  assert.equal(lines.filter((l) => l.startsWith('Row ')).length, 20);
  assert.equal(lines.at(-1), '… and 5 more');
});

test('no village-name column, unclosed quote, too many rows: refused as a whole', () => {
  const a = imp('Foo;Bar\n1;2\n');
  assert.equal(a.error.code, 'NO_NAME_COLUMN');
  assert.deepEqual(a.villages, []);
  const b = imp('Desa;Pekerja Rentan\nA;1\n"B;2\nC;3\n');
  assert.equal(b.error.code, 'UNCLOSED_QUOTE');
  assert.deepEqual(b.villages, []);
  const rows = ['Desa'];
  for (let i = 0; i <= MAX_ROWS; i++) rows.push('D' + i);
  const c = imp(rows.join('\n'));
  assert.equal(c.error.code, 'TOO_MANY_ROWS');
  assert.deepEqual(c.villages, []);
  rows.pop();
  const d = imp(rows.join('\n'));
  assert.equal(d.ok, true);
  assert.equal(d.villages.length, MAX_ROWS);
});

test('a file over 10 MB is refused before parsing', () => {
  const big = new Uint8Array(MAX_BYTES + 1).fill(0x61);
  const r = imp(big);
  assert.equal(r.ok, false);
  assert.equal(r.error.code, 'TOO_LARGE');
  assert.match(r.error.message, /10 MB/);
});

test('binary input is refused (NUL bytes, or mostly control characters)', () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  assert.equal(imp(png).error.code, 'BINARY');
  const zipLike = Uint8Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 + (i % 20) : 0x41));
  assert.equal(imp(zipLike).error.code, 'BINARY');
  assert.match(imp(png, 'en').error.message, /not CSV text/);
});

test('export: BOM, ; separator, CRLF, quoting, formula-injection neutralised, digit amounts untouched', () => {
  const text = toCsv([
    ['Nama', 'Biaya'],
    ['=HYPERLINK("http://x")', '20160000'],
    ['+62 811', '0'],
    ['-1+1', '5'],
    ['@SUM(A1)', '6'],
    ['\tTab', '7'],
    ['\rCR', '8'],
    ['Desa; Koma, "Kutip"', '9'],
  ]);
  assert.ok(text.startsWith('\ufeff'));
  const lines = text.slice(1).split('\r\n');
  assert.equal(lines[0], 'Nama;Biaya');
  assert.equal(lines[1], '"\'=HYPERLINK(""http://x"")";20160000');
  assert.equal(lines[2], "'+62 811;0");
  assert.equal(lines[3], "'-1+1;5");
  assert.equal(lines[4], "'@SUM(A1);6");
  assert.equal(lines[5], "'\tTab;7");
  assert.equal(lines[6], '"\'\rCR";8');
  assert.equal(lines[7], '"Desa; Koma, ""Kutip""";9');
  assert.equal(neutralizeCell('Sukamaju'), 'Sukamaju');
  assert.equal(neutralizeCell(20160000), '20160000');
  const comma = toCsv([['a,b', 'c;d']], { separator: ',' });
  assert.equal(comma, '\ufeff"a,b",c;d\r\n');
  // round trip through the parser
  const back = parseCsv(text).rows;
  assert.equal(back[1][0], '\'=HYPERLINK("http://x")');
  assert.equal(back[7][0], 'Desa; Koma, "Kutip"');
});

test('www/sample-villages.csv imports cleanly and its Sukamaju row costs Rp20.160.000 for 12 months of APBD', () => {
  const r = imp(readFileSync(path.join(root, 'www', 'sample-villages.csv')));
  assert.equal(r.ok, true);
  assert.equal(r.delimiter, ';');
  assert.deepEqual(r.refused, []);
  assert.equal(r.villages.length, 8);
  assert.equal(r.villages.filter((v) => v.kind === 'kelurahan').length, 1);
  assert.ok(r.villages.filter((v) => v.kind === 'desa').every((v) => /^\d+$/.test(v.danaDesa)));
  assert.ok(r.villages.every((v) => v.targets.pekerja_rentan > 0));
  const suka = r.villages.find((v) => v.name === 'Sukamaju');
  assert.deepEqual(suka.people, { pekerja_rentan: 100 });
  const est = wasm.estimate({ firstMonth: '2026-01', months: 12, units: [{ name: suka.name, kind: 'desa', funder: 'apbd', danaDesa: suka.danaDesa, groups: [{ category: 'pekerja_rentan', people: 100 }] }] }, 'id');
  assert.equal(est.total.total, '20160000');
  assert.equal(wasm.terbilang(est.total.total, 'id'), 'dua puluh juta seratus enam puluh ribu rupiah');
});

test('a title line above the header row is skipped; a data row is never taken for the header', () => {
  const r = imp('Daftar Desa Kabupaten Contoh 2026;;\r\n;;\r\nDesa;Jenis;Pekerja Rentan\r\nA;desa;3\r\n');
  assert.equal(r.ok, true);
  assert.deepEqual(r.villages.map((v) => [v.row, v.name]), [[4, 'A']]);
  const bad = imp('Nama Kampung;Jenis\r\nA;desa\r\nB;desa\r\n');
  assert.equal(bad.error.code, 'NO_NAME_COLUMN');
});

test('encodings (issue 11, class 7): a UTF-8 BOM before Windows-1252 bytes, UTF-16 with and without BOM — the header is read and the encoding said', () => {
  const header = 'Desa;Jenis;Pekerja Rentan\r\n';
  const row = 'Sukamaju;desa;100\r\nBonto Marannu;desa;40\r\n';
  const cp1252 = (t) => Uint8Array.from([...t].map((c) => (c === '\u00e9' ? 0xe9 : c.charCodeAt(0))));
  const cases = [
    ['BOM + Windows-1252', new Uint8Array([0xef, 0xbb, 0xbf, ...cp1252(header + 'Caf\u00e9;desa;7\r\n' + row)]), /Windows-1252 \(setelah BOM UTF-8\)/],
    ['UTF-16LE with BOM', new Uint8Array([0xff, 0xfe, ...Buffer.from(header + row, 'utf16le')]), /^UTF-16LE$/],
    ['UTF-16LE without BOM', new Uint8Array(Buffer.from(header + row, 'utf16le')), /UTF-16LE \(tanpa BOM\)/],
    ['UTF-16BE without BOM', new Uint8Array(Buffer.from(header + row, 'utf16le').swap16()), /UTF-16BE \(tanpa BOM\)/],
  ];
  for (const [name, bytes, enc] of cases) {
    const r = importVillages(bytes, { parseAmount: (s) => s.replace(/\D/g, ''), lang: 'id' });
    assert.match(r.encoding, enc, name);
    const names = r.villages.map((v) => v.name);
    assert.ok(names.includes('Sukamaju') && names.includes('Bonto Marannu'), name + ': ' + names.join());
    if (name.startsWith('BOM')) assert.ok(names.includes('Caf\u00e9'), 'é decoded, BOM not read as text');
    assert.ok(!names.some((n) => n.includes('\u00ef\u00bb\u00bf')), name);
  }
  // Binary with NUL bytes that is not UTF-16 stays refused.
  assert.throws(() => decodeCsvBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14, 0, 0x08, 0x08, 0, 0])), (e) => e.code === 'BINARY');
});

