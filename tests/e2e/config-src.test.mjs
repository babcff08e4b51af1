// Issue 11 §3: config-src on slow, redirecting or oversized servers. The widget never waits for ever, never
// takes a configuration from another origin (also after a redirect), never parses an oversized answer; it
// says so and goes on with the built-in settings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { startServer, launch, openPage } from './harness.mjs';

let server, other, hosts, browser;
const held = new Set();
const GOOD = JSON.stringify({ regency: 'Kabupaten Konfigurasi', minAge: 15, maxAge: 64 });
before(async () => {
  server = await startServer();
  // Another origin (another port) that would gladly serve a configuration, CORS and all.
  other = http.createServer((req, res) => res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' }).end(GOOD));
  await new Promise((r) => other.listen(0, '127.0.0.1', r));
  const otherUrl = `http://127.0.0.1:${other.address().port}/config.json`;
  // The page's own origin: the widget files from the repository, and the misbehaving config URLs.
  hosts = http.createServer((req, res) => {
    const u = new URL(req.url, 'http://x');
    if (u.pathname === '/cfg/redirect') return res.writeHead(+u.searchParams.get('code') || 302, { Location: otherUrl }).end();
    if (u.pathname === '/cfg/same-redirect') return res.writeHead(301, { Location: '/cfg/good' }).end();
    if (u.pathname === '/cfg/good') return res.writeHead(200, { 'Content-Type': 'application/json' }).end(GOOD);
    if (u.pathname === '/cfg/hang') { held.add(res); return; } // never answers
    if (u.pathname === '/cfg/big') return res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"regency":"' + 'x'.repeat(2 * 1024 * 1024) + '"}');
    if (u.pathname === '/cfg/big-chunked') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"regency":"');
      for (let i = 0; i < 40; i++) res.write('y'.repeat(64 * 1024));
      return res.end('"}');
    }
    if (u.pathname === '/host.html') {
      const src = u.searchParams.get('src');
      return res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<!doctype html><html lang="id"><head><meta charset="utf-8"><title>x</title>
<script type="module" src="/pkg/widget.js"></script></head><body><kalkulator-jamsostek id="w" tab="warga" config-src="${src}"></kalkulator-jamsostek></body></html>`);
    }
    // everything else from the repository server
    http.get(server.url + req.url, (up) => { res.writeHead(up.statusCode, up.headers); up.pipe(res); });
  });
  await new Promise((r) => hosts.listen(0, '127.0.0.1', r));
  browser = await launch();
});
after(async () => {
  for (const r of held) r.destroy();
  await browser?.close();
  await new Promise((r) => hosts.close(r));
  await new Promise((r) => other.close(r));
  await server?.close();
});

async function open(src) {
  const base = `http://127.0.0.1:${hosts.address().port}`;
  const page = await openPage(browser, `${base}/host.html?src=${encodeURIComponent(src)}`);
  return page;
}
const notice = (page) => page.evaluate(() => document.querySelector('#w').shadowRoot.querySelector('[role=status], .notice')?.textContent || '');
const header = (page) => page.evaluate(() => document.querySelector('#w').shadowRoot.textContent);
async function poll(fn, what, timeout = 20000) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting for ' + what);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('a same-origin config-src that redirects to another origin is refused (301, 302, 307), naming that origin', async () => {
  for (const code of [301, 302, 307]) {
    const page = await open('/cfg/redirect?code=' + code);
    const text = await poll(async () => /situs lain/.test(await header(page)) && (await header(page)), 'refusal ' + code);
    assert.match(text, /Konfigurasi dari situs lain \(http:\/\/127\.0\.0\.1:\d+\) ditolak/);
    assert.doesNotMatch(text, /Kabupaten Konfigurasi/, 'nothing from the other origin is used');
    await page.context().close();
  }
  // A redirect within the site is fine.
  const page = await open('/cfg/same-redirect');
  await poll(async () => /Kabupaten Konfigurasi/.test(await header(page)), 'config after a same-site redirect');
  await page.context().close();
});

test('a server that never answers: after 8 seconds the widget says so and works with its defaults', async () => {
  const page = await open('/cfg/hang');
  const t0 = Date.now();
  const text = await poll(async () => /tidak terjawab dalam 8 detik/.test(await header(page)) && (await header(page)), 'timeout note', 30000);
  const waited = Date.now() - t0;
  assert.ok(waited >= 6000 && waited < 20000, `timed out after ${waited} ms`);
  assert.doesNotMatch(text, /Memuat kalkulator/);
  await page.locator('kalkulator-jamsostek [id$="-c-age"]').waitFor({ timeout: 15000 });
  await page.context().close();
});

test('an oversized answer is refused before parsing (with and without Content-Length)', async () => {
  for (const src of ['/cfg/big', '/cfg/big-chunked']) {
    const page = await open(src);
    const text = await poll(async () => /lebih dari 1024 KB dan ditolak/.test(await header(page)) && (await header(page)), 'size refusal ' + src);
    assert.doesNotMatch(text, /xxxxxxxxxx|yyyyyyyyyy/);
    await page.context().close();
  }
});
