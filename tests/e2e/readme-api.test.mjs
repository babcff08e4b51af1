// The README's API example is run as written (from the committed pkg/), and its output checked, so the
// documentation cannot drift from the module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const root = new URL('../../', import.meta.url);

test('README API example runs and prints the documented figures', () => {
  const readme = readFileSync(new URL('README.md', root), 'utf8');
  const code = readme.match(/```js\n(import \{ readFileSync[\s\S]*?)```/)[1];
  const file = new URL('readme-example.tmp.mjs', root);
  writeFileSync(file, code);
  try {
    const out = execFileSync(process.execPath, [file.pathname], { cwd: root.pathname, encoding: 'utf8' });
    const lines = out.trim().split('\n');
    assert.equal(lines[0], '20160000 1680000 16800');
    assert.equal(lines[1], '10800');
    assert.equal(lines[2], '100');
    assert.equal(lines[3], '129000000');
    assert.match(out, /'jkk:mandatory'/);
    assert.match(out, /'jp:not_available'/);
    assert.match(out, /^11086300$/m);
    assert.match(out, /^33 1500000 dua puluh juta seratus enam puluh ribu rupiah 2030-12$/m);
    assert.match(out, /^PEOPLE_OUT_OF_RANGE units\[0\]\.groups\[0\]\.people /m);
    assert.match(out, /^no$/m);
    assert.match(out, /^FUNDER_NOT_ALLOWED units\[0\]\.funder Permendes PDT 16\/2025 Lampiran Bab II huruf J$/m);
  } finally {
    rmSync(file, { force: true });
  }
});
