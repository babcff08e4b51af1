// The package as developers consume it: the built pkg/ type-checks in a strict TypeScript project that
// imports it by name (its `exports` types conditions), and `npm pack` ships what it should.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, symlinkSync, copyFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './harness.mjs';

const pkg = path.join(repoRoot, 'pkg');

test('pkg/ compiles under tsc --strict with skipLibCheck false, imported by package name', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kj-ts-'));
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(pkg, path.join(dir, 'node_modules', 'kalkulator-jamsostek'), 'dir');
  for (const f of ['consumer.ts', 'tsconfig.json']) copyFileSync(path.join(repoRoot, 'tests', 'ts', f), path.join(dir, f));
  const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  let out = '';
  try {
    out = execFileSync(process.execPath, [tsc, '-p', dir, '--pretty', 'false'], { encoding: 'utf8' });
  } catch (e) {
    out = String(e.stdout || '') + String(e.stderr || '');
    assert.fail('tsc reported errors:\n' + out);
  }
  assert.equal(out.trim(), '');
  // The check can fail: a duplicate declaration in the generated types is caught.
  const dts = readFileSync(path.join(pkg, 'kalkulator_jamsostek.d.ts'), 'utf8');
  assert.equal((dts.match(/^export type Lang\b/gm) || []).length, 1, 'Lang declared once');
  assert.doesNotMatch(dts, /lang: Lang \| undefined\)/, 'lang is optional');
});

test('npm pack ships README, licence, types, wasm and the widget, nothing from tests', () => {
  const json = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: pkg, encoding: 'utf8' });
  const files = JSON.parse(json)[0].files.map((f) => f.path).sort();
  for (const f of ['README.md', 'LICENSE', 'package.json', 'kalkulator_jamsostek.js', 'kalkulator_jamsostek.d.ts',
    'kalkulator_jamsostek_bg.wasm', 'widget.js', 'widget.d.ts', 'admin.js', 'residents.js']) {
    assert.ok(files.includes(f), `${f} is in the package (got ${files.join(', ')})`);
  }
  assert.ok(!files.some((f) => /test|\.rs$|\.mjs$|node_modules/.test(f)), `nothing from tests: ${files.join(', ')}`);
  const manifest = JSON.parse(readFileSync(path.join(pkg, 'package.json'), 'utf8'));
  assert.equal(manifest.exports['.'].types, './kalkulator_jamsostek.d.ts');
  assert.equal(manifest.exports['./widget.js'].types, './widget.d.ts');
  assert.equal(manifest.license, 'MIT');
});

test("README's Node one-liner works from a project that installed the package", () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kj-node-'));
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(pkg, path.join(dir, 'node_modules', 'kalkulator-jamsostek'), 'dir');
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const m = /`node --input-type=module -e "([^`]+)"`/.exec(readme);
  assert.ok(m, 'the README has the one-liner');
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', m[1]], { cwd: dir, encoding: 'utf8' });
  assert.equal(out.trim(), '20160000');
});
