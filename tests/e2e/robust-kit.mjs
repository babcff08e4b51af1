// Shared by the robustness tests (injection, uploads, storage, hosts, trap): the hostile-string corpus,
// a page guard that notices anything a payload could make happen, and small page-side helpers.
import { readFileSync } from 'node:fs';

export const W = 'kalkulator-jamsostek';

/** The corpus, with "repeat" expanded: [{ id, s }]. */
export function loadCorpus() {
  const c = JSON.parse(readFileSync(new URL('./corpus/hostile-strings.json', import.meta.url), 'utf8'));
  return c.entries.map((e) => ({ id: e.id, s: e.repeat ? e.payload.repeat(e.repeat) : e.payload }));
}

/** Report-only copy of the strict policy: payloads still run if they can (so window.__pwned notices them) and
 * any inline script, eval or style attribute is also reported as a securitypolicyviolation event. */
export const REPORT_ONLY_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/**
 * Init script (runs before the page's own scripts). window.__guard collects:
 *   csp       — securitypolicyviolation events (directive, blocked URI, sample)
 *   injected  — elements or attributes the widget never creates, seen by MutationObservers on the document and
 *               on every shadow root (attachShadow is wrapped to observe each one as it is made)
 *   blobs     — every Blob given to URL.createObjectURL (the CSV files the user downloads)
 * window.__t holds helpers used by the tests' page-side code.
 */
export function guardInit() {
  const g = (window.__guard = { csp: [], injected: [], blobs: [] });
  const MO = window.MutationObserver; // the guard's own observers stay out of any later instrumentation
  document.addEventListener('securitypolicyviolation', (e) => g.csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample || ''}`.trim()));
  // What the widget itself creates inside its shadow root (dom.js h() calls, explain.js, village.js, admin.js, citizen.js).
  const SHADOW_OK = new Set(['DIV', 'HEADER', 'FOOTER', 'H2', 'H3', 'H4', 'P', 'BUTTON', 'FORM', 'FIELDSET', 'LEGEND', 'LABEL', 'INPUT',
    'SELECT', 'OPTION', 'DATALIST', 'SECTION', 'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'TD', 'TH', 'CAPTION', 'BR', 'SMALL', 'SPAN',
    'STRONG', 'CODE', 'UL', 'LI', 'DETAILS', 'SUMMARY', 'DIALOG', 'IFRAME', 'A']);
  const URL_ATTRS = ['href', 'src', 'srcdoc', 'action', 'formaction', 'data', 'xlink:href', 'background', 'poster'];
  const where = (n) => { const r = n.getRootNode(); return r instanceof ShadowRoot ? 'shadow' : 'light'; };
  const page = new WeakSet(); // the host page's own elements, as parsed
  // The widget sets only its colour custom properties (and a probe colour) through CSSOM.
  const ownStyle = (v) => /^(\s*(--on|--at|color)\s*:[^;]*;?)*\s*$/.test(v);
  function check(el, kind = where(el)) {
    if (!(el instanceof Element) || page.has(el)) return;
    const inShadow = kind === 'shadow';
    const tag = el.tagName;
    let bad = null;
    if (inShadow && !SHADOW_OK.has(tag)) bad = 'element <' + tag.toLowerCase() + '>';
    else if (!inShadow && !['KALKULATOR-JAMSOSTEK', 'DIV'].includes(tag)) bad = 'light-DOM element <' + tag.toLowerCase() + '>';
    else if (tag === 'IFRAME' && !(inShadow && el.className === 'frame' && !el.hasAttribute('src') && !el.hasAttribute('srcdoc'))) bad = 'iframe';
    // The widget's own links: blob: downloads, and the citizen's next steps (data-next: https: or tel:).
    else if (tag === 'A' && !(el.hasAttribute('download') && /^blob:/.test(el.getAttribute('href') || ''))
      && !(el.hasAttribute('data-next') && /^(https:\/\/|tel:)/.test(el.getAttribute('href') || ''))) bad = 'link';
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) bad = 'attribute ' + a.name;
      else if (a.name === 'style' && !(inShadow && ownStyle(a.value))) bad = 'style attribute';
      else if (URL_ATTRS.includes(a.name.toLowerCase()) && !(tag === 'A' && a.name === 'href' && (/^blob:/.test(a.value) || (el.hasAttribute('data-next') && /^(https:\/\/|tel:)/.test(a.value))))) bad = 'attribute ' + a.name;
    }
    if (bad) g.injected.push(bad + ' in ' + kind + ': ' + el.outerHTML.slice(0, 120));
  }
  // kind: the observed root's (an added node may already have been removed again by the time we look)
  const seen = (muts, kind) => {
    for (const m of muts) {
      if (m.type === 'attributes') check(m.target, kind);
      for (const n of m.addedNodes || []) {
        if (n.nodeType !== 1) continue;
        check(n, kind);
        for (const d of n.querySelectorAll('*')) check(d, kind);
      }
    }
  };
  const watch = (root) => new MO((m) => seen(m, root instanceof ShadowRoot ? 'shadow' : 'light'))
    .observe(root, { childList: true, subtree: true, attributes: true });
  const start = () => { for (const el of document.querySelectorAll('*')) page.add(el); watch(document); };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (...a) { const r = attach.apply(this, a); watch(r); return r; };
  const createURL = URL.createObjectURL;
  URL.createObjectURL = function (b) { if (b instanceof Blob) g.blobs.push(b); return createURL.call(this, b); };

  const T = (window.__t = {});
  T.sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  T.until = async (fn, ms = 15000, what = 'condition') => {
    const end = performance.now() + ms;
    for (;;) {
      const v = fn();
      if (v) return v;
      if (performance.now() > end) throw new Error('timed out waiting for ' + what);
      await T.sleep(15);
    }
  };
  /** A new widget in #host (or `parent`), woken at once (a touch: no need to scroll it into view). */
  T.mount = async (attrs, parent) => {
    await customElements.whenDefined('kalkulator-jamsostek');
    const el = document.createElement('kalkulator-jamsostek');
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    (parent || document.getElementById('host') || document.body).append(el);
    el.shadowRoot.dispatchEvent(new Event('pointerdown'));
    return el;
  };
  T.type = (input, v) => { input.value = v; input.dispatchEvent(new Event('input', { bubbles: true, composed: true })); };
  T.pick = (input, v) => { input.value = v; input.dispatchEvent(new Event('change', { bubbles: true, composed: true })); };
  T.button = (root, text) => [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === text);
  /** Village tab: the debounced recomputation has run. */
  T.villageSettled = (r) => T.until(() => { const o = r.querySelector('.res'); return o && !o.hasAttribute('aria-busy'); }, 15000, 'village result');
  /** Admin tab: the debounced re-estimate has run. */
  T.adminSettled = (r) => T.until(() => { const s = r.querySelector('.adm section.res'); return s && !s.hasAttribute('aria-busy'); }, 15000, 'admin result');
  /** Text of the newest downloaded file (a Blob handed to createObjectURL), BOM removed. */
  T.download = async (click) => {
    const n = g.blobs.length;
    click();
    await T.until(() => g.blobs.length > n, 5000, 'download');
    const t = await g.blobs[g.blobs.length - 1].text();
    return t.replace(/^\ufeff/, '');
  };
  /** RFC 4180 reader, as a spreadsheet would read the file with this delimiter. */
  T.csv = (text, d) => {
    const rows = []; let row = []; let f = ''; let i = 0; let q = false;
    while (i < text.length) {
      const c = text[i];
      if (q) {
        if (c === '"') { if (text[i + 1] === '"') { f += '"'; i += 2; continue; } q = false; i++; continue; }
        f += c; i++; continue;
      }
      if (c === '"' && f === '') { q = true; i++; continue; }
      if (c === d) { row.push(f); f = ''; i++; continue; }
      if (c === '\r' || c === '\n') { row.push(f); rows.push(row); row = []; f = ''; i += c === '\r' && text[i + 1] === '\n' ? 2 : 1; continue; }
      f += c; i++;
    }
    if (f !== '' || row.length) { row.push(f); rows.push(row); }
    return rows;
  };
  /** Cells a spreadsheet would take for a formula, whichever of , ; or tab it splits the file on. */
  T.formulaCells = (text) => {
    const out = [];
    for (const d of [',', ';', '\t']) for (const r of T.csv(text, d)) for (const c of r) if (/^[=+\-@\t\r]/.test(c)) out.push(JSON.stringify(d) + ': ' + c.slice(0, 60));
    return out;
  };
  /** The export's rule against formula injection (csv.js neutralizeCell). */
  T.neutral = (s) => s.replace(/(?:^|(?<=[,;\t\r\n"]))(?=[=+\-@\t\r])/g, "'");
  T.wellFormed = (s) => s.toWellFormed();
  T.stripNl = (s) => s.replace(/[\r\n]/g, '');
  /** Accepted by the configuration's text fields: trimmed, not empty, at most 200 UTF-16 units before trimming. */
  T.cfgText = (s) => (s.trim() && s.length <= 200 ? s.trim() : null);
  /** Elements anywhere (document, shadow roots, same-origin frames) that the widget never creates. */
  T.scan = () => {
    const out = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) walk(el.shadowRoot);
        if (el.tagName === 'IFRAME') {
          try {
            const d = el.contentDocument;
            if (d) for (const x of d.querySelectorAll('*')) {
              // What village.js printRab() creates: the RAB's elements, classes, colspan and its data-rab/-row/-sign markers.
              if (!['HTML', 'HEAD', 'BODY', 'TITLE', 'HEADER', 'H1', 'P', 'TABLE', 'COLGROUP', 'COL', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'TH', 'TD', 'DIV', 'EM', 'STRONG'].includes(x.tagName)
                || [...x.attributes].some((a) => !['class', 'lang', 'colspan', 'data-rab', 'data-row', 'data-sign'].includes(a.name))
                || (x.hasAttribute('colspan') && !/^\d$/.test(x.getAttribute('colspan')))) out.push('in print frame: ' + x.outerHTML.slice(0, 100));
            }
          } catch { out.push('cross-origin frame'); }
        }
      }
    };
    walk(document);
    const before = g.injected.length;
    const mo = []; // re-check every element now present
    const all = (root) => { for (const el of root.querySelectorAll('*')) { mo.push(el); if (el.shadowRoot) all(el.shadowRoot); } };
    all(document);
    for (const el of mo) check(el);
    out.push(...g.injected.splice(before));
    return out;
  };
  /** Anything a payload could have done, as a list of findings (empty when nothing happened). */
  T.findings = () => {
    const f = [];
    if (window.__pwned !== undefined) f.push('window.__pwned = ' + String(window.__pwned));
    if (Object.prototype.__pwned !== undefined || ({}).polluted !== undefined) f.push('Object.prototype polluted');
    f.push(...g.csp.map((x) => 'CSP: ' + x));
    f.push(...g.injected.map((x) => 'injected: ' + x));
    f.push(...T.scan().map((x) => 'scan: ' + x));
    for (const el of document.querySelectorAll('kalkulator-jamsostek')) {
      const k = el.shadowRoot.querySelector('.kj');
      if (k && getComputedStyle(k).display === 'none') f.push('a widget was hidden');
    }
    if (getComputedStyle(document.body).display === 'none') f.push('the page body was hidden');
    return f;
  };
  /** Run fn over items with k concurrent workers (each worker keeps its own widget). */
  T.parallel = async (items, k, fn) => {
    let next = 0;
    await Promise.all(Array.from({ length: Math.min(k, items.length) }, async (_, w) => {
      while (next < items.length) { const i = next++; await fn(items[i], i, w); }
    }));
  };
}
