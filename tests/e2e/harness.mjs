// Shared e2e harness: static server on loopback, Chromium launcher, page with error/request guards.
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const artifacts = path.join(repoRoot, 'test-artifacts');
mkdirSync(artifacts, { recursive: true });

const MIME = {
  '.html': 'text/html; charset=utf-8', '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8', '.md': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8', '.map': 'application/json; charset=utf-8',
};

/**
 * Serve static files from `root` on 127.0.0.1 with an ephemeral port.
 * `headers` is an object of extra response headers, or a function (pathname) → object.
 */
export async function startServer({ root = repoRoot, headers = {} } = {}) {
  const absRoot = path.resolve(root);
  const server = http.createServer(async (req, res) => {
    try {
      const u = new URL(req.url, 'http://127.0.0.1');
      let pathname = decodeURIComponent(u.pathname);
      let file = path.normalize(path.join(absRoot, pathname));
      if (file !== absRoot && !file.startsWith(absRoot + path.sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      let st = await stat(file).catch(() => null);
      if (st && st.isDirectory()) {
        if (!pathname.endsWith('/')) {
          res.writeHead(301, { Location: pathname + '/' }).end();
          return;
        }
        file = path.join(file, 'index.html');
        st = await stat(file).catch(() => null);
      }
      const extra = (typeof headers === 'function' ? headers(pathname) : headers) || {};
      if (!st || !st.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain', ...extra }).end('not found');
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': MIME[path.extname(file).toLowerCase()] || 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-store',
        ...extra,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      res.writeHead(500).end(String(e && e.message));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}

export const chromiumArgs = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Launch Debian Chromium (never a downloaded browser). */
export async function launch() {
  // playwright-core gives every launch a fresh temporary profile (its own --user-data-dir).
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
}

/**
 * New context + page. Records console errors / page errors in `page.__errors` and any request to a host
 * other than the test server (aborted) in `page.__externalRequests`. `init`: an optional init script (function)
 * that runs in the page before its own scripts.
 */
export async function openPage(browser, url, { width = 1280, height = 900, init } = {}) {
  const origin = new URL(url).origin;
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true });
  const page = await context.newPage();
  page.__errors = [];
  page.__externalRequests = [];
  page.on('console', (msg) => { if (msg.type() === 'error') page.__errors.push('console: ' + msg.text()); });
  page.on('pageerror', (err) => page.__errors.push('pageerror: ' + (err && err.stack || err)));
  await context.route('**/*', (route) => {
    const reqUrl = route.request().url();
    let ok = false;
    try {
      const u = new URL(reqUrl);
      ok = u.origin === origin || u.protocol === 'data:' || u.protocol === 'blob:' || reqUrl === 'about:blank';
    } catch { ok = false; }
    if (ok) return route.continue();
    page.__externalRequests.push(reqUrl);
    console.error(`[harness] BLOCKED external request: ${reqUrl}`);
    return route.abort('blockedbyclient');
  });
  if (init) await page.addInitScript(init);
  await page.goto(url);
  return page;
}

/** The strict policy every embedding page should be able to use. */
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** Fail when the page logged errors or tried to leave the test server; also no cookies may exist. */
export async function assertClean(page, assert) {
  assert.deepEqual(page.__externalRequests, [], 'no request may leave the test server');
  assert.deepEqual(page.__errors, [], 'no console errors or page errors');
  assert.deepEqual(await page.context().cookies(), [], 'no cookies');
}
