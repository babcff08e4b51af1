// Issue 4 benchmark: bytes, cold start on slow 3G + 4× CPU, estimate speed (browser and native), long tasks,
// wasm memory — one command, with the machine it ran on, checked against the budgets.
//
//   node bench/run.mjs               build (bash scripts/build.sh), then measure
//   node bench/run.mjs --no-build    measure the pkg/ that is there
//   options: --runs=N (cold starts, default 7)  --quick (fewer samples, for trying the script)
//            --encoding=br|gzip|identity (what the bench server sends when the browser accepts it; default br)
//            --latency=MS --download=BYTES_PER_S --upload=BYTES_PER_S (default 400 ms, 50 000 B/s, 50 000 B/s)
//            --no-native (skip cargo)  --no-write (print only; leave bench/results.json and RESULTS.md alone)
//
// pkg/ is copied to a temporary folder first and served from there, so a rebuild by someone else during the
// run cannot mix two builds (the copy is what size.mjs measures too).
//
// Writes bench/results.json (every sample) and bench/RESULTS.md (latest run + one history line per run).
// It is a benchmark, not a test: it exits 0 when budgets are missed (they are reported), 1 only when it could
// not measure. Everything is served and fetched on 127.0.0.1.
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { readFileSync, writeFileSync, existsSync, statSync, mkdtempSync, cpSync, rmSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { gzipSync, brotliCompressSync, constants as zc } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { measure } from '../scripts/size.mjs';
import { launch } from '../tests/e2e/harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes('--' + name);
const opt = (name, dflt) => {
  const a = argv.find((x) => x.startsWith(`--${name}=`));
  return a ? a.slice(name.length + 3) : dflt;
};
const QUICK = flag('quick');
const COLD_RUNS = Math.max(1, +opt('runs', QUICK ? 3 : 7));
const ENCODING = opt('encoding', 'br');
// Chrome DevTools' "Slow 3G" throughput: 500 kbit/s × 0.8 = 400 kbit/s = 50 000 B/s each way. Latency: the
// 400 ms round trip of that profile, applied per request (DevTools' own preset multiplies it by 5 → 2 000 ms).
const NET = { latency: +opt('latency', 400), download: +opt('download', 50000), upload: +opt('upload', 50000) };
const CPU_RATE = 4;
const REGENCY = 150;
const NATIONAL = 75260; // RULES.md Part 2 §5: 75 260 desa
const UNITS_VILLAGES = 10000; // estimate::MAX_DETAIL_UNITS
const FULL_VILLAGES = 2000; // × 5 groups = estimate::MAX_FULL_GROUPS
const BUDGET = {
  transferBrotliBytes: 45 * 1024,
  firstResultMs: 1000,
  regencyEstimateMs: 16,
  longTaskMs: 50,
  nationalBrowserMs: 100,
};
const log = (...a) => console.error('[bench]', ...a);

// ---------------------------------------------------------------------------------------------------------
// The benchmark requests. Shared verbatim with the page (injected as a script) and mirrored in
// examples/bench_estimate.rs (same formulas: the totals are compared).
function benchRequest(villages, detail) {
  const WK = ['nelayan', 'petani', 'pedagang', 'buruh', 'lainnya'];
  const units = new Array(villages);
  for (let i = 0; i < villages; i++) {
    units[i] = {
      name: 'Desa ' + (i + 1),
      kind: 'desa',
      funder: 'apbdes',
      danaDesa: String(600000000 + ((i * 7919) % 60) * 10000000),
      groups: [
        { category: 'pekerja_rentan', workKind: WK[i % 5], people: 30 + ((i * 37) % 171), base: '1000000', funder: i % 4 === 0 ? 'apbd' : 'dana_desa' },
        { category: 'perangkat_desa', people: 6 + (i % 7), wage: '2000000', jht: true, jp: true, funder: 'apbdes' },
        { category: 'kepala_desa', people: 1, wage: '3500000', jht: true, jp: true, funder: 'apbdes' },
        { category: 'bpd', scheme: 'bpu', people: 5 + (i % 3) * 2, base: '1000000', funder: 'apbdes' },
        { category: 'rt_rw', scheme: 'bpu', people: 4 + ((i * 13) % 17), base: '1000000', funder: 'dana_desa' },
      ],
    };
  }
  return { firstMonth: '2026-01', months: 12, units, detail };
}

// The same villages as a compact request (estimateCompact): the 14 kinds of group once, one text line per
// village with its people per kind. Same totals as benchRequest(villages, detail).
function benchCompact(villages, detail) {
  const WK = ['nelayan', 'petani', 'pedagang', 'buruh', 'lainnya'];
  const groups = [];
  for (const funder of ['apbd', 'dana_desa']) for (const workKind of WK) groups.push({ category: 'pekerja_rentan', workKind, people: 0, base: '1000000', funder });
  groups.push({ category: 'perangkat_desa', people: 0, wage: '2000000', jht: true, jp: true, funder: 'apbdes' },
    { category: 'kepala_desa', people: 0, wage: '3500000', jht: true, jp: true, funder: 'apbdes' },
    { category: 'bpd', scheme: 'bpu', people: 0, base: '1000000', funder: 'apbdes' },
    { category: 'rt_rw', scheme: 'bpu', people: 0, base: '1000000', funder: 'dana_desa' });
  const lines = new Array(villages);
  for (let i = 0; i < villages; i++) {
    const n = new Array(14).fill('');
    n[(i % 4 === 0 ? 0 : 5) + (i % 5)] = 30 + ((i * 37) % 171);
    n[10] = 6 + (i % 7); n[11] = 1; n[12] = 5 + (i % 3) * 2; n[13] = 4 + ((i * 13) % 17);
    lines[i] = 'Desa ' + (i + 1) + ';desa;' + (600000000 + ((i * 7919) % 60) * 10000000) + ';' + n.join(';');
  }
  return { firstMonth: '2026-01', months: 12, groups, units: lines.join('\n'), detail };
}

// ---------------------------------------------------------------------------------------------------------
// Statistics.
function stats(xs) {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return { n: 0, median: null, min: null, max: null, samples: xs };
  const m = v.length >> 1;
  const median = v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
  return { n: v.length, median, min: v[0], max: v[v.length - 1], samples: xs };
}
const r1 = (x) => (x == null ? null : Math.round(x * 10) / 10);
const r3 = (x) => (x == null ? null : Math.round(x * 1000) / 1000);

// ---------------------------------------------------------------------------------------------------------
// Machine.
function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', ...opts });
  return r.status === 0 ? r.stdout.trim() : null;
}
function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const osr = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
  const mem = existsSync('/proc/meminfo') ? /MemTotal:\s+(\d+) kB/.exec(readFileSync('/proc/meminfo', 'utf8')) : null;
  const dirty = sh('git', ['status', '--porcelain', '--', 'src', 'www', 'scripts', 'Cargo.toml', 'Cargo.lock', 'examples', 'bench/run.mjs']);
  return {
    date: new Date().toISOString(),
    cpu: (/^model name\s*:\s*(.+)$/m.exec(cpuinfo) || [])[1] || os.cpus()[0]?.model || 'unknown',
    cores: os.cpus().length,
    memoryBytes: mem ? +mem[1] * 1024 : os.totalmem(),
    os: ((/^PRETTY_NAME="?([^"\n]+)"?$/m.exec(osr) || [])[1] || os.type()) + ` (${os.type()} ${os.release()} ${os.arch()})`,
    node: process.version,
    chromium: null, // filled after launch
    rustc: sh('rustc', ['--version'], { env: { ...process.env, PATH: `${os.homedir()}/.cargo/bin:${process.env.PATH}` } }),
    gitCommit: sh('git', ['rev-parse', 'HEAD']),
    gitDescribe: sh('git', ['log', '-1', '--format=%h %s']),
    workingTreeDirty: !!dirty,
    dirtyFiles: dirty ? dirty.split('\n').map((l) => l.trim()) : [],
  };
}

// ---------------------------------------------------------------------------------------------------------
// A static server on 127.0.0.1 that compresses like a production host would (brotli/gzip by Accept-Encoding),
// never caches, and serves a blank cross-origin-isolated page for the estimate benchmark (fine timers).
// (tests/e2e/harness.mjs's startServer sends identity only, which would make the slow-3G numbers a worst case.)
const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm', '.csv': 'text/csv; charset=utf-8' };
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.csv']);
const BLANK = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>estimate bench</title></head><body></body></html>';
async function startBenchServer(encoding, pkgDir) {
  const cache = new Map(); // file + mtime + encoding → body
  const encode = (raw, enc) => (enc === 'br' ? brotliCompressSync(raw, { params: { [zc.BROTLI_PARAM_QUALITY]: 11, [zc.BROTLI_PARAM_SIZE_HINT]: raw.length } })
    : enc === 'gzip' ? gzipSync(raw, { level: 9 }) : raw);
  // Compress the widget's files before the first request, so no measured request waits for brotli -q 11.
  if (encoding !== 'identity') {
    for (const f of readdirSync(pkgDir)) {
      const file = path.join(pkgDir, f);
      const st = statSync(file);
      if (st.isFile() && COMPRESSIBLE.has(path.extname(f).toLowerCase())) cache.set(`${file}|${st.mtimeMs}|${encoding}`, encode(readFileSync(file), encoding));
    }
  }
  const server = http.createServer(async (req, res) => {
    try {
      const u = new URL(req.url, 'http://127.0.0.1');
      if (u.pathname === '/__bench__/blank.html') {
        res.writeHead(200, { 'Content-Type': MIME['.html'], 'Cache-Control': 'no-store', 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' });
        return res.end(BLANK);
      }
      const rel = decodeURIComponent(u.pathname);
      const [base, sub] = rel.startsWith('/pkg/') ? [pkgDir, rel.slice(4)] : [root, rel];
      let file = path.normalize(path.join(base, sub));
      if (file !== base && !file.startsWith(base + path.sep)) return res.writeHead(403).end();
      let st = statSync(file, { throwIfNoEntry: false });
      if (st?.isDirectory()) {
        if (!u.pathname.endsWith('/')) return res.writeHead(301, { Location: u.pathname + '/' }).end();
        file = path.join(file, 'index.html');
        st = statSync(file, { throwIfNoEntry: false });
      }
      if (!st?.isFile()) return res.writeHead(404, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' }).end('not found');
      const ext = path.extname(file).toLowerCase();
      const accepts = String(req.headers['accept-encoding'] || '').split(',').map((s) => s.trim().split(';')[0]);
      const enc = COMPRESSIBLE.has(ext) && encoding !== 'identity' && accepts.includes(encoding) ? encoding : 'identity';
      const key = `${file}|${st.mtimeMs}|${enc}`;
      let body = cache.get(key);
      if (!body) {
        body = encode(await readFile(file), enc);
        cache.set(key, body);
      }
      const headers = { 'Content-Type': MIME[ext] || 'application/octet-stream', 'Content-Length': body.length, 'Cache-Control': 'no-store', Vary: 'Accept-Encoding' };
      if (enc !== 'identity') headers['Content-Encoding'] = enc;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      res.writeHead(500).end(String(e?.message));
    }
  });
  await new Promise((resolve, reject) => { server.once('error', reject); server.listen(0, '127.0.0.1', resolve); });
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }) };
}

// ---------------------------------------------------------------------------------------------------------
// In-page probe, installed before any page script: long tasks, and the frames in which the shell and the
// first result are first on screen. Selectors (www/widget/widget.js, village.js): the shell = the tab
// buttons `[role=tablist] [data-tab]` inside the element's shadow root; the result = `[data-total]`
// (the village tab's big total, rendered from the module's estimate).
const PROBE = `(() => {
  if (window.top !== window) return;
  const B = window.__kjBench = { shell: null, result: null, resultText: null, resultTotal: null, longtasks: [], inputs: [] };
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) B.longtasks.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  } catch (e) { B.longtaskError = String(e); }
  addEventListener('input', () => B.inputs.push(performance.now()), true);
  let done;
  B.done = new Promise((r) => (done = r));
  setTimeout(() => { B.timedOut = true; done(); }, 90000);
  const visible = (el) => { if (!el) return false; const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const tick = () => {
    const sr = document.querySelector('kalkulator-jamsostek')?.shadowRoot;
    if (sr) {
      if (B.shell == null && visible(sr.querySelector('[role="tablist"] [data-tab]'))) B.shell = performance.now();
      const res = sr.querySelector('[data-total]');
      if (B.result == null && visible(res) && res.textContent.trim()) {
        B.result = performance.now(); B.resultText = (res.querySelector('.amt')?.firstChild?.textContent || res.textContent).trim(); B.resultTotal = res.getAttribute('data-total');
      }
    }
    if (B.shell != null && B.result != null) return done();
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  // Resolves with the time of the first frame whose [data-total] differs from 'prev'.
  B.waitChange = (prev, timeout = 20000) => new Promise((resolve) => {
    const t0 = performance.now();
    const f = () => {
      const el = document.querySelector('kalkulator-jamsostek')?.shadowRoot?.querySelector('[data-total]');
      const v = el?.getAttribute('data-total');
      if (v != null && v !== prev) return resolve({ at: performance.now(), total: v, text: (el.querySelector('.amt')?.firstChild?.textContent || el.textContent).trim() });
      if (performance.now() - t0 > timeout) return resolve(null);
      requestAnimationFrame(f);
    };
    requestAnimationFrame(f);
  });
})();`;

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'disabled-by-default-v8.compile',
  'v8.wasm', 'disabled-by-default-v8.wasm.detailed', 'blink.user_timing', 'loading'];

// Chrome tracing over the browser's CDP session, recording as much as possible (Playwright's startTracing
// records until a fixed buffer is full, which cut the end of the load off on a busy machine).
async function startTrace(browser) {
  const cdp = await browser.newBrowserCDPSession();
  await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { recordMode: 'recordAsMuchAsPossible', includedCategories: TRACE_CATEGORIES } });
  return {
    async stop() {
      const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      const { stream } = await done;
      const parts = [];
      for (;;) {
        const r = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
        parts.push(Buffer.from(r.data, r.base64Encoded ? 'base64' : 'utf8'));
        if (r.eof) break;
      }
      await cdp.send('IO.close', { handle: stream });
      await cdp.detach();
      return Buffer.concat(parts);
    },
  };
}

async function coldRun(browser, pageUrl, { net, cpu, typing = true, trace = false }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e?.message || e)));
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push('console: ' + m.text()); });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (net) {
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: net.latency, downloadThroughput: net.download, uploadThroughput: net.upload, connectionType: 'cellular3g' });
  }
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  const reqs = new Map();
  cdp.on('Network.requestWillBeSent', (e) => reqs.set(e.requestId, { url: e.request.url }));
  cdp.on('Network.responseReceived', (e) => {
    const r = reqs.get(e.requestId) || {};
    const hd = Object.fromEntries(Object.entries(e.response.headers || {}).map(([k, v]) => [k.toLowerCase(), v]));
    Object.assign(r, { status: e.response.status, encoding: hd['content-encoding'] || 'identity' });
    reqs.set(e.requestId, r);
  });
  cdp.on('Network.loadingFinished', (e) => { const r = reqs.get(e.requestId); if (r) r.bytes = e.encodedDataLength; });
  cdp.on('Network.loadingFailed', (e) => { const r = reqs.get(e.requestId); if (r) r.failed = e.errorText; });
  await page.addInitScript(PROBE);
  const tracer = trace ? await startTrace(browser) : null;
  await page.goto(pageUrl, { waitUntil: 'commit', timeout: 120000 });
  const B = await page.evaluate(async () => {
    await window.__kjBench.done;
    const b = window.__kjBench;
    return { shell: b.shell, result: b.result, resultText: b.resultText, resultTotal: b.resultTotal, timedOut: !!b.timedOut, longtaskError: b.longtaskError };
  });
  let traceSummary = null;
  if (trace) {
    const buf = await tracer.stop();
    if (typeof trace === 'string') writeFileSync(trace, buf);
    traceSummary = summarizeTrace(JSON.parse(buf.toString('utf8')), new URL(pageUrl).origin);
  }
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      navigation: nav && { responseStart: nav.responseStart, responseEnd: nav.responseEnd, domInteractive: nav.domInteractive, domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd },
      resources: performance.getEntriesByType('resource').map((r) => ({ name: new URL(r.name).pathname, start: r.startTime, requestStart: r.requestStart, responseStart: r.responseStart, responseEnd: r.responseEnd })),
    };
  });
  // Typing a few digits into the first group's count field of the village tab (same throttled CPU).
  let typingResult = null;
  if (typing && B.result != null) {
    const loadEnd = await page.evaluate(() => performance.now());
    const input = page.locator('kalkulator-jamsostek').first().locator('input[data-k="groups[0].people"]');
    await input.focus();
    await page.keyboard.press('Control+A');
    const before = await page.evaluate(() => performance.now());
    await page.keyboard.type('1250', { delay: 120 });
    const change = await page.evaluate((prev) => window.__kjBench.waitChange(prev), B.resultTotal);
    await page.waitForTimeout(800); // trailing work (announcements, coverage block)
    const t = await page.evaluate(() => ({ inputs: window.__kjBench.inputs, longtasks: window.__kjBench.longtasks, now: performance.now() }));
    const lastInput = t.inputs.length ? t.inputs[t.inputs.length - 1] : null;
    typingResult = {
      window: [before, t.now],
      keystrokes: t.inputs.filter((x) => x >= before).length,
      newTotal: change?.total ?? null,
      newText: change?.text ?? null,
      lastInputToResultMs: change && lastInput != null ? change.at - lastInput : null,
      longtasks: t.longtasks.filter((l) => l.start >= before),
    };
    B.loadLongtasks = t.longtasks.filter((l) => l.start < loadEnd);
  } else {
    B.loadLongtasks = await page.evaluate(() => window.__kjBench.longtasks);
  }
  await context.close();
  const requests = [...reqs.values()].filter((r) => r.url && !r.url.startsWith('data:'));
  return { ...B, timing, typing: typingResult, requests, errors, trace: traceSummary };
}

// Main-thread self time by event name on the page's renderer, and wasm compile work on every thread.
function summarizeTrace(json, origin) {
  const events = Array.isArray(json) ? json : json.traceEvents || [];
  // The renderer main thread that loaded the page (headless Chromium also runs a "WebUI Top Renderer").
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const score = new Map();
  for (const e of events) if (String(e.args?.data?.url || '').startsWith(origin)) score.set(e.pid + ':' + e.tid, (score.get(e.pid + ':' + e.tid) || 0) + 1);
  const main = mains.map((m) => m.pid + ':' + m.tid).sort((a, b) => (score.get(b) || 0) - (score.get(a) || 0))[0];
  if (!main) return null;
  const [pid] = main.split(':').map(Number);
  const what = (e) => {
    const d = e.args?.data || e.args || {};
    const url = d.url || d.fileName || e.args?.fileName || '';
    const fn = d.functionName || '';
    return fn || url ? `${fn}${fn && url ? '@' : ''}${url ? url.replace(/^.*\//, '') : ''}` : '';
  };
  // Complete events on the main thread (B/E pairs folded into X).
  const xs = [];
  const open = [];
  for (const e of events) {
    if (e.pid + ':' + e.tid !== main) continue;
    if (e.ph === 'X' && typeof e.dur === 'number') xs.push({ name: e.name, ts: e.ts, end: e.ts + e.dur, what: what(e) });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') { const b = open.pop(); if (b) xs.push({ name: b.name, ts: b.ts, end: e.ts, what: what(b) }); }
  }
  xs.sort((a, b) => a.ts - b.ts || b.end - a.end);
  const self = new Map();
  const stack = [];
  let busy = 0;
  for (const x of xs) {
    while (stack.length && stack[stack.length - 1].end <= x.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) { if (x.end <= parent.end) parent.child += x.end - x.ts; else continue; } else busy += x.end - x.ts;
    x.child = 0;
    x.parent = parent || null;
    x.kids = [];
    if (parent) parent.kids.push(x);
    stack.push(x);
  }
  for (const x of xs) if (x.child != null) self.set(x.name, (self.get(x.name) || 0) + Math.max(0, x.end - x.ts - x.child));
  const first = xs[0]?.ts ?? 0;
  const last = xs.reduce((m, x) => Math.max(m, x.end), first);
  const wasm = new Map();
  for (const e of events) {
    if (e.pid !== pid || !/wasm/i.test(e.name) || e.ph !== 'X' || typeof e.dur !== 'number') continue;
    wasm.set(e.name, (wasm.get(e.name) || 0) + e.dur);
  }
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([name, us]) => ({ name, ms: r1(us / 1000) }));
  const KINDS = [
    ['wasm compile', /wasm/i],
    ['JS parse/compile', /^(v8\.(compile|parse|compileModule|produceCache|deserializeCode)|V8\.(Compile|Parse)|v8\.parseOnBackground|ParseScriptOnBackground)/i],
    ['GC', /(^|\.)(GC|Scavenge|MinorGC|MajorGC|MinorMS|BlinkGC)|GCEvent|V8\.GC/i],
    ['HTML parse', /^ParseHTML$/],
    ['style + layout', /^(UpdateLayoutTree|Layout|RecalculateStyles|ParseAuthorStyleSheet|UpdateLayout|LayoutShift|IntersectionObserverController::computeIntersections)/],
    ['paint + composite', /^(Paint|PrePaint|Commit|Layerize|UpdateLayer|CompositeLayers|PaintImage|Rasterize|UpdateLayerTree|ProxyMain::|BeginMainThreadFrame)/],
    ['script (JS + wasm execution)', /^(FunctionCall|EvaluateScript|v8\.evaluateModule|v8\.callFunction|v8\.run|v8\.execute|RunMicrotasks|TimerFire|FireAnimationFrame|EventDispatch|FireIdleCallback|V8\.Execute|v8\.callModuleMethod|ModuleScript|v8\.newInstance|HandlePostMessage)/],
  ];
  const buckets = new Map();
  for (const [name, us] of self) {
    const k = (KINDS.find(([, re]) => re.test(name)) || ['other (task overhead, throttling pauses, loading)'])[0];
    buckets.set(k, (buckets.get(k) || 0) + us);
  }
  // The longest top-level tasks and what is inside them (events with ≥ 5 ms self time).
  const selfOf = (x) => Math.max(0, x.end - x.ts - x.child);
  const inside = (x, acc = []) => { if (selfOf(x) >= 5000) acc.push(`${x.name}${x.what ? ' ' + x.what : ''} ${r1(selfOf(x) / 1000)}`); for (const k of x.kids) inside(k, acc); return acc; };
  const longest = xs.filter((x) => x.child != null && !x.parent).sort((a, b) => (b.end - b.ts) - (a.end - a.ts)).slice(0, 4)
    .map((x) => ({ atMs: r1((x.ts - first) / 1000), ms: r1((x.end - x.ts) / 1000), inside: inside(x).slice(0, 8) }));
  return {
    longestTasks: longest,
    buckets: [...buckets.entries()].sort((a, b) => b[1] - a[1]).map(([name, us]) => ({ name, ms: r1(us / 1000) })),
    mainThreadBusyMs: r1(busy / 1000),
    windowMs: r1((last - first) / 1000),
    topSelfTimeMs: top,
    wasmEventsMs: [...wasm.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([name, us]) => ({ name, ms: r1(us / 1000) })),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Estimate in the browser: a blank page imports pkg/kalkulator_jamsostek.js and runs init().
async function browserEstimates(browser, base) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e?.message || e)));
  await page.goto(base + '/__bench__/blank.html');
  await page.addScriptTag({ content: benchRequest.toString() + '\n' + benchCompact.toString() });
  const init = await page.evaluate(async () => {
    const t0 = performance.now();
    const m = await import('/pkg/kalkulator_jamsostek.js');
    const w = await m.default(); // init() resolves to the wasm exports; `memory` is the instance's WebAssembly.Memory
    window.__m = m;
    window.__w = w;
    return { initMs: performance.now() - t0, memoryBytes: w.memory.buffer.byteLength, isolated: self.crossOriginIsolated };
  });
  // One request built once per series (not timed); every sample is one estimate() call: JS → wasm, compute,
  // wasm → JS. `decodeOnly` sends months: 0, which the module refuses right after reading the request, so its
  // time is the cost of getting the request into Rust (and of throwing the error).
  const run = (villages, detail, warmup, runs, decodeOnly = false, compact = false) => page.evaluate(([villages, detail, warmup, runs, decodeOnly, compact]) => {
    const req = compact ? benchCompact(villages, detail) : benchRequest(villages, detail);
    if (decodeOnly) req.months = 0;
    const call = () => {
      try { return compact ? window.__m.estimateCompact(req, 'id') : window.__m.estimate(req, 'id'); } catch (e) { if (decodeOnly && e.code === 'MONTHS_OUT_OF_RANGE') return null; throw e; }
    };
    let last;
    for (let i = 0; i < warmup; i++) last = call();
    const samples = [];
    const memoryBytes = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      last = call();
      samples.push(performance.now() - t);
      memoryBytes.push(window.__w.memory.buffer.byteLength);
    }
    return { samples, memoryBytes, total: last?.total.total ?? null, people: last?.people ?? null, unitsReturned: last?.units.length ?? null,
      resultJsonChars: last && villages <= 1000 ? JSON.stringify(last).length : null, jsHeapBytes: performance.memory?.usedJSHeapSize ?? null };
  }, [villages, detail, warmup, runs, decodeOnly, compact]);
  const out = { init, errors };
  const q = (a, b) => (QUICK ? a : b);
  log('browser: regency 150 villages (1× CPU)…');
  out.regency = { villages: REGENCY, detail: 'full', cpuRate: 1, ...await run(REGENCY, 'full', 5, q(20, 60)) };
  out.regencyTotals = { villages: REGENCY, detail: 'totals', cpuRate: 1, ...await run(REGENCY, 'totals', 3, q(10, 30)) };
  out.regencyDecode = { villages: REGENCY, detail: 'full', cpuRate: 1, decodeOnly: true, ...await run(REGENCY, 'full', 3, q(10, 30), true) };
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE });
  log(`browser: regency 150 villages (${CPU_RATE}× CPU)…`);
  out.regencyThrottled = { villages: REGENCY, detail: 'full', cpuRate: CPU_RATE, ...await run(REGENCY, 'full', 2, q(5, 15)) };
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  // The compact request first, while the wasm memory is still the regency runs' (a memory never shrinks).
  log('browser: national 75 260 villages, compact request, detail "totals"…');
  out.nationalCompact = { villages: NATIONAL, detail: 'totals', cpuRate: 1, compact: true, ...await run(NATIONAL, 'totals', 1, q(3, 7), false, true) };
  log('browser: national 75 260 villages, detail "totals"…');
  out.nationalTotals = { villages: NATIONAL, detail: 'totals', cpuRate: 1, ...await run(NATIONAL, 'totals', 1, q(2, 5)) };
  out.nationalDecode = { villages: NATIONAL, detail: 'totals', cpuRate: 1, decodeOnly: true, ...await run(NATIONAL, 'totals', 0, q(1, 3), true) };
  // "units" and "full" results are capped by the API (10 000 units; 10 000 groups): the largest allowed.
  log('browser: 10 000 villages, detail "units" (the size limit)…');
  out.nationalUnits = { villages: UNITS_VILLAGES, detail: 'units', cpuRate: 1, ...await run(UNITS_VILLAGES, 'units', 0, q(1, 3)) };
  log('browser: 2 000 villages, detail "full" (10 000 groups, the size limit)…');
  out.nationalFull = { villages: FULL_VILLAGES, detail: 'full', cpuRate: 1, ...await run(FULL_VILLAGES, 'full', 0, q(1, 3)) };
  out.memoryAfterNationalBytes = await page.evaluate(() => window.__w.memory.buffer.byteLength);
  await context.close();
  return out;
}

// ---------------------------------------------------------------------------------------------------------
function nativeEstimates() {
  log('native: cargo run --release --example bench_estimate …');
  const env = { ...process.env, PATH: `${os.homedir()}/.cargo/bin:${process.env.PATH}` };
  const r = spawnSync('cargo', ['run', '--quiet', '--release', '--example', 'bench_estimate', '--', ...(QUICK ? ['--quick'] : [])],
    { cwd: root, env, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) return { error: `cargo exited ${r.status}` };
  try { return JSON.parse(r.stdout.trim().split('\n').pop()); } catch (e) { return { error: 'unparsable output: ' + e.message }; }
}

// ---------------------------------------------------------------------------------------------------------
async function main() {
  const t0 = Date.now();
  if (!flag('no-build')) {
    log('bash scripts/build.sh');
    const b = spawnSync('bash', ['scripts/build.sh'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    if (b.status !== 0) { console.error('build failed'); process.exit(1); }
  }
  if (!existsSync(path.join(root, 'pkg', 'widget.js'))) { console.error('pkg/ is missing: run without --no-build'); process.exit(1); }
  const mach = machine();
  mach.loadAverageAtStart = os.loadavg().map(r3);
  const snap = mkdtempSync(path.join(os.tmpdir(), 'kj-bench-pkg-'));
  cpSync(path.join(root, 'pkg'), snap, { recursive: true });
  const wasmFile = path.join(snap, 'kalkulator_jamsostek_bg.wasm');
  mach.wasmSha256 = existsSync(wasmFile) ? createHash('sha256').update(readFileSync(wasmFile)).digest('hex').slice(0, 16) : null;
  const sizes = measure(pathToFileURL(snap + '/'));
  if (mach.loadAverageAtStart[0] > mach.cores * 0.5) log(`warning: load average ${mach.loadAverageAtStart[0]} on ${mach.cores} cores — other work on the machine will slow the numbers down`);
  const native = flag('no-native') ? { skipped: true } : nativeEstimates();

  const server = await startBenchServer(ENCODING, snap);
  const browser = await launch();
  mach.chromium = browser.version();
  mach.playwrightCore = JSON.parse(readFileSync(path.join(root, 'node_modules/playwright-core/package.json'), 'utf8')).version;
  const pageUrl = server.url + '/www/index.html';
  const results = { machine: mach, config: { coldRuns: COLD_RUNS, network: { ...NET, connectionType: 'cellular3g', note: 'DevTools Slow 3G throughput (500 kbit/s × 0.8); latency per request as given (DevTools preset: 400 ms × 5)' }, cpuThrottlingRate: CPU_RATE, serverEncoding: ENCODING, page: '/www/index.html', quick: QUICK }, budgets: BUDGET };
  try {
    // Cold starts: new context (empty cache, storage, connections) per run, cache disabled, throttled.
    const cold = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      log(`cold start ${i + 1}/${COLD_RUNS} (slow 3G, ${CPU_RATE}× CPU)…`);
      cold.push(await coldRun(browser, pageUrl, { net: NET, cpu: CPU_RATE }));
    }
    log('cold start with a performance trace (not counted in the medians)…');
    const traced = await coldRun(browser, pageUrl, { net: NET, cpu: CPU_RATE, typing: false, trace: true });
    const refs = [];
    for (let i = 0; i < (QUICK ? 1 : 3); i++) {
      log(`reference load + typing without throttling ${i + 1}…`);
      refs.push(await coldRun(browser, pageUrl, { net: null, cpu: 1 }));
    }
    const est = await browserEstimates(browser, server.url);
    Object.assign(results, { sizes, cold, traced, reference: refs, browserEstimate: est, nativeEstimate: native });
  } finally {
    await browser.close();
    await server.close();
    rmSync(snap, { recursive: true, force: true });
  }
  mach.loadAverageAtEnd = os.loadavg().map(r3);
  results.summary = summarize(results);
  results.elapsedSeconds = Math.round((Date.now() - t0) / 1000);
  const text = report(results);
  console.log(text);
  if (!flag('no-write')) {
    writeFileSync(path.join(root, 'bench/results.json'), JSON.stringify(results, null, 1) + '\n');
    writeResultsMd(results, text);
    log('wrote bench/results.json and bench/RESULTS.md');
  }
  process.exit(results.cold.some((c) => c.result != null) ? 0 : 1);
}

function summarize(R) {
  const { cold, sizes, browserEstimate: be, nativeEstimate: ne, reference } = R;
  const ok = cold.filter((c) => c.result != null);
  const pick = (k) => stats(ok.map((c) => c[k]));
  const lt = (runs, phase) => {
    const per = runs.map((c) => (phase === 'load' ? c.loadLongtasks : c.typing?.longtasks) || []);
    const all = per.flat();
    return { countPerRun: stats(per.map((l) => l.length)), longestMs: all.length ? Math.max(...all.map((l) => l.duration)) : 0, perRunLongestMs: per.map((l) => (l.length ? Math.max(...l.map((x) => x.duration)) : 0)) };
  };
  // What the first visit downloads (network log of a cold run) vs what pkg/ holds.
  const first = ok[0]?.requests || cold[0]?.requests || [];
  const loaded = first.filter((r) => r.status === 200).map((r) => ({ path: new URL(r.url).pathname, bytes: r.bytes, encoding: r.encoding }));
  const pkgLoaded = new Set(loaded.filter((l) => l.path.startsWith('/pkg/')).map((l) => l.path.slice(5)));
  const rowsLoaded = sizes.rows.filter((r) => pkgLoaded.has(r.file));
  const sum = (rows, k) => rows.reduce((a, r) => a + (r[k] || 0), 0);
  const resAt = (c, f) => c.timing.resources.find((r) => r.name.endsWith('/' + f));
  const wasmRes = ok.map((c) => resAt(c, 'kalkulator_jamsostek_bg.wasm')).filter(Boolean);
  const shellJs = ok.map((c) => Math.max(...c.timing.resources.filter((r) => r.name.endsWith('.js') && r.start < c.shell).map((r) => r.responseEnd)));
  // The waterfall of the median run (by first result).
  const med = [...ok].sort((a, b) => a.result - b.result)[ok.length >> 1];
  const waterfall = med ? med.timing.resources.map((r) => {
    const bytes = med.requests.find((q) => q.url && new URL(q.url).pathname === r.name)?.bytes ?? null;
    return { path: r.name, startMs: r1(r.start), responseStartMs: r1(r.responseStart), endMs: r1(r.responseEnd), bytes };
  }).sort((a, b) => a.startMs - b.startMs) : [];
  const failedRequests = [...new Set(cold.flatMap((c) => c.requests.filter((r) => (r.status >= 400 || r.failed) && !/\/favicon\.ico$/.test(r.url)).map((r) => `${new URL(r.url).pathname} ${r.status || r.failed}`)))];
  const nat = (k) => (ne?.[k] ? ne[k].medianMs : null);
  return {
    transfer: {
      all: sizes.totals.all, wasm: sizes.totals.wasm, js: sizes.totals.js, css: sizes.totals.css,
      firstVisit: { files: loaded, pkgFiles: [...pkgLoaded].sort(), pkgRaw: sum(rowsLoaded, 'raw'), pkgGzip: sum(rowsLoaded, 'gzip'), pkgBrotli: sum(rowsLoaded, 'brotli'), wireBytes: sum(loaded, 'bytes') },
    },
    coldStart: {
      runsWithResult: ok.length, runs: cold.length,
      shellMs: pick('shell'),
      firstResultMs: pick('result'),
      htmlResponseEndMs: stats(ok.map((c) => c.timing.navigation?.responseEnd)),
      shellJsResponseEndMs: stats(shellJs),
      wasmRequestStartMs: stats(wasmRes.map((r) => r.start)),
      wasmResponseEndMs: stats(wasmRes.map((r) => r.responseEnd)),
      wasmDownloadMs: stats(wasmRes.map((r) => r.responseEnd - r.start)),
      wasmArrivedToResultMs: stats(ok.map((c) => { const w = resAt(c, 'kalkulator_jamsostek_bg.wasm'); return w ? c.result - w.responseEnd : null; })),
      resultText: ok[0]?.resultText ?? null,
      medianRunWaterfall: waterfall,
      errors: [...new Set(cold.flatMap((c) => c.errors))],
      failedRequests,
    },
    longTasks: { load: lt(ok, 'load'), typing: lt(ok, 'typing'), referenceLoad: lt(reference, 'load'), referenceTyping: lt(reference, 'typing'),
      typingLastInputToResultMs: stats(ok.map((c) => c.typing?.lastInputToResultMs ?? null)),
      referenceTypingLastInputToResultMs: stats(reference.map((c) => c.typing?.lastInputToResultMs ?? null)),
      typingResultChanged: ok.every((c) => c.typing?.newTotal != null) },
    browser: {
      initMs: be.init.initMs, crossOriginIsolated: be.init.isolated,
      regency: stats(be.regency.samples), regencyTotals: stats(be.regencyTotals.samples), regencyDecode: stats(be.regencyDecode.samples),
      regencyThrottled: stats(be.regencyThrottled.samples),
      nationalTotals: stats(be.nationalTotals.samples), nationalDecode: stats(be.nationalDecode.samples),
      nationalCompact: stats(be.nationalCompact.samples),
      nationalUnits: stats(be.nationalUnits.samples), nationalFull: stats(be.nationalFull.samples),
      memory: { afterInit: be.init.memoryBytes, afterRegency: be.regency.memoryBytes.at(-1), afterNationalCompact: be.nationalCompact.memoryBytes.at(-1), afterNationalTotals: be.nationalTotals.memoryBytes.at(-1),
        afterNationalUnits: be.nationalUnits.memoryBytes.at(-1), afterNationalFull: be.nationalFull.memoryBytes.at(-1) },
    },
    native: ne.error || ne.skipped ? ne : { regency: nat('regency'), nationalTotals: nat('nationalTotals'), nationalUnits: nat('nationalUnits'), nationalFull: nat('nationalFull') },
    totalsMatch: ne.error || ne.skipped ? null : { ...Object.fromEntries(['regency', 'nationalTotals', 'nationalUnits', 'nationalFull'].map((k) => [k, ne[k]?.total === be[k]?.total])),
      nationalCompact: be.nationalCompact.total === be.nationalTotals.total },
  };
}

function budgets(S) {
  const longest = Math.max(S.longTasks.load.longestMs, S.longTasks.typing.longestMs);
  return [
    { name: 'total transfer (wasm + JS + CSS, brotli)', measured: S.transfer.all.brotli, budget: BUDGET.transferBrotliBytes, unit: 'B' },
    { name: 'first result visible, slow 3G + 4× CPU (median)', measured: S.coldStart.firstResultMs.median, budget: BUDGET.firstResultMs, unit: 'ms' },
    { name: 're-estimate, 150-village regency, browser (median)', measured: S.browser.regency.median, budget: BUDGET.regencyEstimateMs, unit: 'ms' },
    { name: 'longest main-thread task, load + typing, 4× CPU', measured: longest, budget: BUDGET.longTaskMs, unit: 'ms' },
    { name: 'national run (75 260 desa, totals, compact request), browser (median)', measured: S.browser.nationalCompact.median, budget: BUDGET.nationalBrowserMs, unit: 'ms' },
  ].map((b) => ({ ...b, ok: b.measured != null && b.measured <= b.budget }));
}

// ---------------------------------------------------------------------------------------------------------
function table(head, rows, align) {
  const w = head.map((h, i) => Math.max(String(h).length, ...rows.map((r) => String(r[i] ?? '').length)));
  const line = (r) => '| ' + r.map((c, i) => (align?.[i] === 'r' ? String(c ?? '').padStart(w[i]) : String(c ?? '').padEnd(w[i]))).join(' | ') + ' |';
  return [line(head), '|' + w.map((n, i) => (align?.[i] === 'r' ? '-'.repeat(n + 1) + ':' : '-'.repeat(n + 2))).join('|') + '|', ...rows.map(line)].join('\n');
}
const kb = (b) => (b == null ? '–' : (b / 1024).toFixed(1) + ' KB');
const ms = (x, d = 1) => (x == null ? '–' : x.toFixed(d) + ' ms');
const mmm = (s, d = 1) => (s.n ? `${ms(s.median, d)} (${s.min.toFixed(d)}–${s.max.toFixed(d)}, n=${s.n})` : '–');
const mib = (b) => (b == null ? '–' : (b / 1048576).toFixed(1) + ' MiB');

function report(R) {
  const S = R.summary;
  const M = R.machine;
  const out = [];
  out.push(`Benchmark (issue 4) — ${M.date}`);
  out.push(`commit ${M.gitDescribe}${M.workingTreeDirty ? ' + uncommitted changes in the working tree' : ''}; wasm sha256 ${M.wasmSha256}…`);
  out.push(`machine: ${M.cpu}, ${M.cores} cores, ${(M.memoryBytes / 2 ** 30).toFixed(1)} GiB; ${M.os}; node ${M.node}; Chromium ${M.chromium}; ${M.rustc}; load average ${M.loadAverageAtStart.join(' ')} at start, ${M.loadAverageAtEnd?.join(' ')} at end`);
  out.push(`network: latency ${R.config.network.latency} ms per request, ${R.config.network.download} B/s down, ${R.config.network.upload} B/s up (DevTools Slow 3G throughput); CPU ${R.config.cpuThrottlingRate}× slower; server sends ${R.config.serverEncoding}; ${R.config.coldRuns} cold runs, a new browser context (empty cache) each, cache disabled`);
  out.push('');
  out.push('Budgets');
  out.push(table(['budget', 'measured', 'budget', ''], budgets(S).map((b) => [b.name, b.unit === 'B' ? kb(b.measured) : ms(b.measured), b.unit === 'B' ? kb(b.budget) : ms(b.budget, 0), b.ok ? 'ok' : 'MISSED']), ['l', 'r', 'r', 'l']));
  out.push('');
  out.push('Bytes (scripts/size.mjs measure(): every file of pkg/ the widget can load, first visit or later; gzip -9, brotli -q 11)');
  const T = S.transfer;
  out.push(table(['', 'raw', 'gzip', 'brotli'], [
    ['wasm', kb(T.wasm.raw), kb(T.wasm.gzip), kb(T.wasm.brotli)],
    ['JS (glue + widget modules)', kb(T.js.raw), kb(T.js.gzip), kb(T.js.brotli)],
    T.css.raw ? [R.sizes.rows.some((r) => r.kind === 'css') ? 'CSS (styles.js, constructable sheet)' : 'CSS text (inside the JS; included in its row)', kb(T.css.raw), kb(T.css.gzip), kb(T.css.brotli)]
      : ['CSS (no styles.js in pkg/: bundled into the JS above)', '–', '–', '–'],
    ['total', kb(T.all.raw), kb(T.all.gzip), kb(T.all.brotli)],
    [`loaded on a first visit of the demo page (${T.firstVisit.pkgFiles.length} files)`, kb(T.firstVisit.pkgRaw), kb(T.firstVisit.pkgGzip), kb(T.firstVisit.pkgBrotli)],
  ], ['l', 'r', 'r', 'r']));
  out.push(`on the wire, first visit (all responses incl. the page and headers, ${R.config.serverEncoding}): ${kb(T.firstVisit.wireBytes)}; not loaded at first: ${R.sizes.rows.map((r) => r.file).filter((f) => !T.firstVisit.pkgFiles.includes(f)).join(', ') || 'none'}`);
  out.push('');
  const C = S.coldStart;
  out.push(`Cold start, slow 3G + ${R.config.cpuThrottlingRate}× CPU (ms from navigation start; median (min–max); ${C.runsWithResult} of ${C.runs} runs showed a result)`);
  out.push(table(['milestone', 'time'], [
    ['page HTML received', mmm(C.htmlResponseEndMs)],
    ['JS needed for the shell received', mmm(C.shellJsResponseEndMs)],
    ['shell visible (header + tabs)', mmm(C.shellMs)],
    ['wasm request sent', mmm(C.wasmRequestStartMs)],
    ['wasm received', mmm(C.wasmResponseEndMs)],
    ['  wasm download (request → last byte)', mmm(C.wasmDownloadMs)],
    ['first result visible ([data-total])', mmm(C.firstResultMs)],
    ['  wasm received → result on screen', mmm(C.wasmArrivedToResultMs)],
  ], ['l', 'r']));
  const floor = (bytes) => Math.round(2 * R.config.network.latency + (bytes / R.config.network.download) * 1000);
  out.push(`network floor on this profile (the page + one request for everything, no CPU): ${floor(T.firstVisit.wireBytes)} ms for today's first-visit bytes, ${floor(BUDGET.transferBrotliBytes)} ms at the 45 KB budget${floor(BUDGET.transferBrotliBytes) > BUDGET.firstResultMs ? ` — already over the ${BUDGET.firstResultMs} ms budget before any CPU work` : ''}`);
  out.push(`first result shown without any input: ${C.resultText} (the default scenario of the page's inline config: desa Wanci)`);
  if (C.medianRunWaterfall.length) {
    out.push('waterfall of the median run (ms; bytes on the wire):');
    out.push(table(['file', 'start', 'first byte', 'end', 'bytes'], C.medianRunWaterfall.map((w) => [w.path, w.startMs, w.responseStartMs, w.endMs, w.bytes ?? '']), ['l', 'r', 'r', 'r', 'r']));
  }
  if (C.errors.length) out.push('page errors: ' + C.errors.join(' | '));
  if (C.failedRequests.length) out.push('failed requests: ' + C.failedRequests.join(', '));
  if (R.traced?.trace) {
    const tr = R.traced.trace;
    out.push(`trace of one more cold run (result at ${ms(R.traced.result)}): main thread busy ${ms(tr.mainThreadBusyMs)} of ${ms(tr.windowMs)}, by kind (self time): ` +
      tr.buckets.map((x) => `${x.name} ${x.ms}`).join(', '));
    out.push('  top events (self time, ms): ' + tr.topSelfTimeMs.slice(0, 10).map((x) => `${x.name} ${x.ms}`).join(', '));
    for (const t of tr.longestTasks) out.push(`  task of ${t.ms} ms at +${t.atMs} ms: ${t.inside.join('; ')}`);
    if (tr.wasmEventsMs.length) out.push('  wasm compile events (any thread of the renderer, ms): ' + tr.wasmEventsMs.slice(0, 6).map((x) => `${x.name} ${x.ms}`).join(', '));
  }
  out.push('');
  const L = S.longTasks;
  out.push('Main-thread long tasks (> 50 ms, PerformanceObserver "longtask")');
  out.push(table(['phase', 'count per run (median, max)', 'longest'], [
    [`load, slow 3G + ${R.config.cpuThrottlingRate}× CPU`, `${L.load.countPerRun.median} (max ${L.load.countPerRun.max})`, ms(L.load.longestMs)],
    [`typing "1250" in a count field (120 ms/key), ${R.config.cpuThrottlingRate}× CPU`, `${L.typing.countPerRun.median} (max ${L.typing.countPerRun.max})`, ms(L.typing.longestMs)],
    ['load, no throttling', `${L.referenceLoad.countPerRun.median} (max ${L.referenceLoad.countPerRun.max})`, ms(L.referenceLoad.longestMs)],
    ['typing, no throttling', `${L.referenceTyping.countPerRun.median} (max ${L.referenceTyping.countPerRun.max})`, ms(L.referenceTyping.longestMs)],
  ], ['l', 'r', 'r']));
  out.push(`last keystroke → new result on screen (includes the widget's 250 ms debounce): ${mmm(L.typingLastInputToResultMs, 0)} at ${R.config.cpuThrottlingRate}× CPU; ${mmm(L.referenceTypingLastInputToResultMs, 0)} unthrottled${L.typingResultChanged ? '' : ' (WARNING: in some run the result did not change)'}`);
  out.push('');
  const Bw = S.browser;
  const N = R.nativeEstimate;
  const E = R.browserEstimate;
  const nat = (k) => (N?.[k] ? `${ms(N[k].medianMs, 2)} (${N[k].minMs.toFixed(2)}–${N[k].maxMs.toFixed(2)}, n=${N[k].runs})` : '–');
  out.push('estimate() — 5 groups per village (pekerja rentan BPU, perangkat desa PU 2 000 000, kepala desa PU 3 500 000, BPD BPU, RT/RW BPU; APBD / Dana Desa / APBDes), 12 months from 2026-01');
  out.push(table(['request', 'browser (wasm), median (min–max)', 'native (release)', 'people', 'total (Rp)'], [
    ['regency, 150 villages, detail "full"', mmm(Bw.regency, 2), nat('regency'), E.regency.people, E.regency.total],
    ['regency, 150 villages, detail "totals"', mmm(Bw.regencyTotals, 2), '', '', E.regencyTotals.total],
    ['regency, reading the request only (months: 0 → refused)', mmm(Bw.regencyDecode, 2), '', '', ''],
    [`regency, 150 villages, "full", ${R.config.cpuThrottlingRate}× CPU`, mmm(Bw.regencyThrottled, 2), '', '', ''],
    ['national, 75 260 desa, detail "totals"', mmm(Bw.nationalTotals, 0), nat('nationalTotals'), E.nationalTotals.people, E.nationalTotals.total],
    ['national, reading the request only (months: 0 → refused)', mmm(Bw.nationalDecode, 0), '', '', ''],
    ['national, 75 260 desa, compact request (estimateCompact), "totals"', mmm(Bw.nationalCompact, 0), '', E.nationalCompact.people, E.nationalCompact.total],
    ['10 000 desa, detail "units" (largest allowed)', mmm(Bw.nationalUnits, 0), nat('nationalUnits'), E.nationalUnits.people, E.nationalUnits.total],
    ['2 000 desa × 5 groups, detail "full" (largest allowed)', mmm(Bw.nationalFull, 0), nat('nationalFull'), E.nationalFull.people, E.nationalFull.total],
  ], ['l', 'r', 'r', 'r', 'r']));
  const tm = S.totalsMatch;
  out.push(`native and wasm totals equal: ${tm ? Object.entries(tm).map(([k, v]) => `${k} ${v ? 'yes' : 'NO'}`).join(', ') : 'not compared'}; timer: performance.now() on a ${Bw.crossOriginIsolated ? 'cross-origin-isolated page (5 µs)' : 'non-isolated page (100 µs)'}; import + init() ${ms(Bw.initMs)} unthrottled on loopback`);
  out.push(`wasm memory (memory.buffer.byteLength): after init ${mib(Bw.memory.afterInit)}, after the regency runs ${mib(Bw.memory.afterRegency)}, after the national compact runs ${mib(Bw.memory.afterNationalCompact)}, after the national "totals" runs (object request) ${mib(Bw.memory.afterNationalTotals)}, the largest "units" run ${mib(Bw.memory.afterNationalUnits)}, the largest "full" run ${mib(Bw.memory.afterNationalFull)} (a wasm memory never shrinks)`);
  return out.join('\n');
}

function writeResultsMd(R, text) {
  const file = path.join(root, 'bench/RESULTS.md');
  const S = R.summary;
  const b = budgets(S);
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const hist = (old.split('\n## History')[1] || '').split('\n').filter((l) => /^\| \d{4}-/.test(l));
  const v = (x) => (x.unit === 'B' ? kb(x.measured) : ms(x.measured)) + (x.ok ? '' : ' ✗');
  hist.push(`| ${R.machine.date.slice(0, 16).replace('T', ' ')} | ${(R.machine.gitCommit || '').slice(0, 8)}${R.machine.workingTreeDirty ? '+' : ''} | ${R.machine.cpu}, ${R.machine.cores} cores, load ${R.machine.loadAverageAtStart[0]}${QUICK ? ' (--quick)' : ''} | ${b.map(v).join(' | ')} |`);
  const md = `# Benchmark results (issue 4)

Produced by \`node bench/run.mjs\` (builds first; \`--no-build\` measures the current \`pkg/\`). Every sample is in
\`bench/results.json\`. The latest run replaces the section below; each run adds one line to the history.

## Latest run

\`\`\`
${text}
\`\`\`

## History

Budgets: transfer ≤ 45 KB brotli · first result ≤ 1 s (slow 3G + 4× CPU) · regency re-estimate ≤ 16 ms · no task > 50 ms · national ≤ 100 ms (browser). ✗ = missed. \`+\` after the commit = uncommitted changes in the working tree.

| date (UTC) | commit | machine | transfer (br) | first result | regency | longest task | national |
|---|---|---|---:|---:|---:|---:|---:|
${hist.join('\n')}
`;
  writeFileSync(file, md);
}

export { benchRequest, coldRun, summarizeTrace, startBenchServer };
if (import.meta.url === pathToFileURL(process.argv[1]).href) main().catch((e) => { console.error(e); process.exit(1); });
