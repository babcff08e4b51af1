// <kalkulator-jamsostek> — embeddable calculator of BPJS Ketenagakerjaan contributions.
// One tag: <script type="module" src=".../widget.js"></script> <kalkulator-jamsostek regency="…">
import { sheet } from './styles.js';
import { h, clear, put } from './dom.js';
import { createStore, slug } from './store.js';
import { createExplainer } from './explain.js';
import { renderVillageTab } from './village.js';
import { renderCitizenTab } from './citizen.js';
import { makeT, CATEGORIES, INSTITUTIONS, FUNDERS } from './i18n.js';
const TABS = ['desa', 'kabupaten', 'warga'];
const CSP_HINT = "script-src 'self' 'wasm-unsafe-eval'";
// The wasm file (and config-src) are fetched: a policy whose default-src is 'none' must allow that too.
const CONNECT_HINT = "connect-src 'self'";
// The last Content-Security-Policy refusal of one of the widget's own requests (issue 11 §6). The browser
// reports it as an event, sometimes after the failed fetch itself: a failed element re-renders its message.
let cspRefused = null;
document.addEventListener('securitypolicyviolation', (e) => {
  const d = String(e.effectiveDirective || e.violatedDirective || '');
  // Only refusals of the widget's own files (the host's own blocked requests are not ours to explain).
  if (!/^(connect-src|script-src)/.test(d) || !String(e.blockedURI || '').startsWith(new URL('.', import.meta.url).href)) return;
  cspRefused = d.startsWith('connect-src') ? CONNECT_HINT : CSP_HINT;
  for (const w of instances) if (w._failedWith) w._failed(w._failedWith);
});

// ---- The wasm module: loaded once per page, shared by every instance, re-created after a trap. ----
let loading = null; // Promise<api>
let glue = null; // current wasm-bindgen glue namespace
let compiled = null; // WebAssembly.Module, kept to re-instantiate after a trap
let reloading = null;
let generation = 0;
const instances = new Set();
const api = {}; // stable facade handed to the tabs; forwards to the current instance

function wrap(name) {
  return (...args) => {
    if (reloading) throw reloadedError();
    try {
      return glue[name](...args);
    } catch (e) {
      if (e && e.code) throw e;
      // A trap ("RuntimeError: unreachable") leaves the instance unusable: start a fresh one.
      reinit(e);
      throw reloadedError();
    }
  };
}

function reloadedError() {
  const e = new Error('KJ_RELOADED');
  e.code = 'KJ_RELOADED';
  e.path = '';
  return e;
}

async function instantiate(spec) {
  const g = await import(spec);
  await g.default({ module_or_path: compiled });
  return g;
}

function reinit(cause) {
  if (reloading) return;
  console.warn('[kalkulator-jamsostek] module trapped, re-initialising', cause);
  // The glue caches its instance, so a fresh copy of the glue (same file, same origin) takes the fresh instance.
  reloading = instantiate('./kalkulator_jamsostek.js?instance=' + ++generation)
    .then((g) => { glue = g; })
    .catch((e) => console.error('[kalkulator-jamsostek] re-initialisation failed', e))
    .finally(() => {
      reloading = null;
      for (const w of instances) w._reloaded();
    });
}

/** Throw the current instance away and start a fresh one (what a trap triggers; also used by the tests). */
export function reloadModule() {
  reinit(new Error('reload requested'));
  return reloading || Promise.resolve();
}

export function loadModule() {
  if (!loading) {
    loading = (async () => {
      const url = new URL('./kalkulator_jamsostek_bg.wasm', import.meta.url);
      // The glue and the wasm are fetched together: one round trip, not two in a row (bench: ~460 ms on slow 3G).
      // (a variable, so the bundler leaves the glue its own file: one instance per URL, shared with reloads)
      const spec = './kalkulator_jamsostek.js';
      const gluePromise = import(spec);
      gluePromise.catch(() => {});
      const res = await fetch(url, { credentials: 'omit' });
      if (!res.ok) throw Object.assign(new Error('HTTP ' + res.status + ' ' + url.pathname), { kind: 'missing' });
      compiled = await WebAssembly.compile(await res.arrayBuffer());
      glue = await gluePromise;
      await glue.default({ module_or_path: compiled });
      for (const k of Object.keys(glue)) {
        if (typeof glue[k] === 'function' && k !== 'default' && k !== 'initSync') api[k] = wrap(k);
      }
      return api;
    })();
    loading.catch(() => { loading = null; });
  }
  return loading;
}

// ---- Configuration: every field validated; unknown keys ignored; refusals listed. ----
const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const text = (v, max = 200) => (typeof v === 'string' && v.trim() && v.length <= max ? v.trim() : null);
const int = (v, lo, hi) => (Number.isInteger(v) && v >= lo && v <= hi ? v : null);
/** Money in configuration must be a string: "850000000" or "850.000.000". */
/** config-src: at most this long to answer, and this large (then the inline config or the default is used). */
export const CONFIG_TIMEOUT_MS = 8000;
export const CONFIG_MAX_BYTES = 1024 * 1024;

/** Fetches a same-origin config: [json, null] or [null, problem]. The final URL after redirects must still be
 * on this site; a server that does not answer in CONFIG_TIMEOUT_MS or sends more than CONFIG_MAX_BYTES is
 * refused before anything is parsed. */
async function fetchConfig(u) {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), CONFIG_TIMEOUT_MS);
  try {
    const r = await fetch(u, { credentials: 'omit', signal: ctl.signal });
    const final = new URL(r.url || u.href);
    if (final.origin !== location.origin) return [null, ['configCrossOrigin', final.origin]];
    if (!r.ok) return [null, ['configUnreadable', 'HTTP ' + r.status]];
    if (+r.headers.get('content-length') > CONFIG_MAX_BYTES) return [null, ['configTooLarge', String(CONFIG_MAX_BYTES / 1024)]];
    const text = await r.text();
    if (text.length > CONFIG_MAX_BYTES) return [null, ['configTooLarge', String(CONFIG_MAX_BYTES / 1024)]];
    return [JSON.parse(text), null];
  } catch (e) {
    if (ctl.signal.aborted) return [null, ['configTimeout', String(CONFIG_TIMEOUT_MS / 1000)]];
    return [null, ['configUnreadable', String((e && e.message) || e)]];
  } finally {
    clearTimeout(timer);
  }
}

export function amountText(v) {
  if (typeof v !== 'string') return null;
  const s = v.trim().replace(/^rp\.?\s*/i, '');
  if (/^\d{1,16}$/.test(s)) return s.replace(/^0+(?=\d)/, '');
  if (/^\d{1,3}(\.\d{3}){1,5}$/.test(s)) return s.replace(/\./g, '');
  return null;
}

const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
/** Categories whose APBDes line (kegiatan, rekening, name) the regency sets once for all villages. */
export const BUDGET_LINE_CATS = ['pekerja_rentan', 'bpd', 'rt_rw', 'kader', 'linmas', 'lembaga_desa'];
const BUDGET_LINE_FIELDS = { activity: 1, account: 1, name: 1 };
/** One field of a budget line: '' (left empty), the trimmed text, or null (refused). Codes are digits and dots
 *  ("5.1.3.04"); the name is plain text (no markup, no control characters); each at most 100 characters. */
export function budgetLineText(field, v) {
  if (typeof v !== 'string' || v.length > 100) return null;
  const s = v.trim();
  if (!s) return '';
  if (field === 'name') return /[<>\u0000-\u001f\u007f]/.test(s) ? null : s.replace(/\s+/g, ' ');
  return /^[0-9]+(\.[0-9]+)*$/.test(s) ? s : null;
}

export function parseConfig(raw) {
  const refused = [];
  const cfg = { regency: null, villages: [], offices: [], fundedCategories: null, minAge: null, maxAge: null, puInstitutions: [], defaultFunder: null, siltap: {}, budgetLines: {} };
  if (raw == null) return { config: cfg, refused };
  if (!isObj(raw)) return { config: cfg, refused: ['(config)'] };
  const take = (key, fn) => {
    if (!own(raw, key)) return;
    const v = fn(raw[key]);
    if (v == null) refused.push(key);
    else cfg[key] = v;
  };
  take('regency', (v) => text(v));
  take('defaultFunder', (v) => (FUNDERS.includes(v) ? v : null));
  take('minAge', (v) => int(v, 0, 120));
  take('maxAge', (v) => int(v, 0, 120));
  if (cfg.minAge != null && cfg.maxAge != null && cfg.minAge > cfg.maxAge) { refused.push('minAge', 'maxAge'); cfg.minAge = cfg.maxAge = null; }
  const list = (key, allowed) => take(key, (v) => {
    if (!Array.isArray(v)) return null;
    const out = [];
    v.forEach((c, i) => (allowed.includes(c) && !out.includes(c) ? out.push(c) : refused.push(`${key}[${i}]`)));
    return out;
  });
  list('fundedCategories', CATEGORIES);
  list('puInstitutions', INSTITUTIONS);
  take('siltap', (v) => {
    if (!isObj(v)) return null;
    const out = {};
    for (const k of ['kepala_desa', 'perangkat_desa', ...INSTITUTIONS]) {
      if (k in v) { const a = amountText(v[k]); a == null ? refused.push('siltap.' + k) : (out[k] = a); }
    }
    return out;
  });
  take('budgetLines', (v) => {
    if (!isObj(v)) return null;
    const out = {};
    for (const c of Object.keys(v)) {
      const p = 'budgetLines.' + c;
      const x = v[c];
      if (!BUDGET_LINE_CATS.includes(c) || !isObj(x)) { refused.push(p); continue; }
      const line = {};
      for (const f of Object.keys(x)) {
        const ok = f in BUDGET_LINE_FIELDS ? budgetLineText(f, x[f]) : null;
        ok == null ? refused.push(p + '.' + f) : ok && (line[f] = ok);
      }
      if (Object.keys(line).length) out[c] = line;
    }
    return out;
  });
  take('villages', (v) => {
    if (!Array.isArray(v)) return null;
    const out = [];
    const seen = new Set();
    v.slice(0, 100000).forEach((x, i) => {
      const p = `villages[${i}]`;
      const name = isObj(x) && text(x.name);
      if (!name || seen.has(name.toLowerCase())) { refused.push(p); return; }
      seen.add(name.toLowerCase());
      const vil = { name, kind: 'desa', danaDesa: null, targets: {} };
      if ('kind' in x) ['desa', 'kelurahan'].includes(x.kind) ? (vil.kind = x.kind) : refused.push(p + '.kind');
      if ('danaDesa' in x && x.danaDesa !== null) {
        const a = amountText(x.danaDesa);
        if (a == null || vil.kind === 'kelurahan') refused.push(p + '.danaDesa'); else vil.danaDesa = a;
      }
      if ('targets' in x) {
        if (!isObj(x.targets)) refused.push(p + '.targets');
        else for (const k in x.targets) {
          const n = CATEGORIES.includes(k) && k !== 'non_asn' ? int(x.targets[k], 0, 300000000) : null;
          n == null ? refused.push(`${p}.targets.${k}`) : (vil.targets[k] = n);
        }
      }
      out.push(vil);
    });
    if (v.length > 100000) refused.push('villages[100000…]');
    return out;
  });
  take('offices', (v) => {
    if (!Array.isArray(v)) return null;
    const out = [];
    v.slice(0, 100000).forEach((x, i) => {
      const p = `offices[${i}]`;
      const name = isObj(x) && text(x.name);
      if (!name) { refused.push(p); return; }
      const o = { name, nonAsn: 0, wage: null };
      if ('nonAsn' in x) { const n = int(x.nonAsn, 0, 300000000); n == null ? refused.push(p + '.nonAsn') : (o.nonAsn = n); }
      if ('wage' in x) { const a = amountText(x.wage); a == null ? refused.push(p + '.wage') : (o.wage = a); }
      out.push(o);
    });
    return out;
  });
  return { config: cfg, refused };
}

// ---- Colour: readable text on the accent, and the accent darkened/lightened for use as text. ----
function rgb(s) {
  const m = /^rgba?\(\s*([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)/.exec(s) || /^color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)/.exec(s);
  if (!m) return null;
  const k = s.startsWith('color(') ? 255 : 1;
  return [+m[1] * k, +m[2] * k, +m[3] * k];
}
const lum = (c) => {
  const [r, g, b] = c.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
const css = (c) => `rgb(${c.map(Math.round).join(' ')})`;

let seq = 0;

class KalkulatorJamsostek extends HTMLElement {
  static get observedAttributes() { return ['regency', 'tab', 'lang', 'funder', 'config', 'config-src']; }

  constructor() {
    super();
    this._uid = 'kj' + ++seq;
    this._root = this.attachShadow({ mode: 'open' });
    this._root.adoptedStyleSheets = [sheet()];
    const touch = () => this._want();
    this._root.addEventListener('focusin', touch);
    this._root.addEventListener('pointerdown', touch);
    this._state = {}; // what the user typed in this visit, per tab
    this._stores = new Map(); // regency key → store: its in-memory copy outlives re-renders (storage may be failing)
    this._storeNotes = new Set(); // storage problems seen, repeated after every re-render
    this._view = null;
    this._tabName = null;
    this._cfg = null;
  }

  connectedCallback() {
    instances.add(this);
    // Nothing typed is lost (issue 11 §5): pending saves run when the page is hidden or left.
    this._onHide ??= (e) => { if (e.type === 'pagehide' || document.visibilityState !== 'visible') this._flush(); };
    addEventListener('pagehide', this._onHide);
    document.addEventListener('visibilitychange', this._onHide);
    this._render();
    this._watch();
  }

  disconnectedCallback() {
    instances.delete(this);
    removeEventListener('pagehide', this._onHide);
    document.removeEventListener('visibilitychange', this._onHide);
    this._flush(); // a CMS that re-parses the block: the new element reads what was saved here
    this._io?.disconnect();
    this._io = null;
    this._view?.destroy();
    this._view = null;
    this._explainer?.destroy();
    clear(this._root);
  }

  attributeChangedCallback(name, oldV, newV) {
    if (oldV === newV) return;
    if (name === 'config' || name === 'config-src') this._cfg = null;
    if (name === 'tab') this._tabName = null;
    if (!this.isConnected || this._queued) return;
    this._queued = true;
    queueMicrotask(() => { this._queued = false; if (this.isConnected) this._render(); });
  }

  // Load the wasm when the widget becomes visible or is touched, not before.
  _watch() {
    if (this._wanted || this._io) return;
    if (!('IntersectionObserver' in window)) return this._want();
    this._io = new IntersectionObserver((es) => es.some((e) => e.isIntersecting) && this._want());
    this._io.observe(this);
  }

  _want() {
    if (this._wanted) return;
    this._wanted = true;
    this._io?.disconnect();
    this._io = null;
    this._renderTab();
  }

  _flush() {
    try { this._view?.flush?.(); } catch { /* storage faults are reported by the store */ }
  }

  /** Dispatches `kalkulator-<name>` on the element (bubbles; the detail is a frozen plain object). */
  _emit(name, detail) {
    try {
      this.dispatchEvent(new CustomEvent('kalkulator-' + name, { bubbles: true, detail: Object.freeze({ ...detail }) }));
    } catch { /* a host listener's error is the host's */ }
  }

  // Not named `lang`: HTMLElement.lang must keep working for the host page.
  get _lang() { return this.getAttribute('lang') === 'en' ? 'en' : 'id'; }

  _config() {
    if (!this._cfg) {
      const src = this.getAttribute('config-src');
      const inline = this.getAttribute('config');
      this._cfg = (async () => {
        let raw = null;
        let problem = null;
        try {
          if (inline != null && inline.trim()) raw = JSON.parse(inline);
          else if (src) {
            const u = new URL(src, document.baseURI);
            if (u.origin !== location.origin) problem = ['configCrossOrigin', u.origin];
            else [raw, problem] = await fetchConfig(u);
          }
        } catch (e) {
          problem = ['configUnreadable', String(e.message || e)];
        }
        return { ...parseConfig(raw), problem };
      })();
    }
    return this._cfg;
  }

  _render() {
    const t = makeT(this._lang);
    const id = (n) => this._uid + '-' + n;
    this._view?.destroy();
    this._view = null;
    this._explainer?.destroy();
    clear(this._root);
    this._t = t;
    const tabs = TABS.map((name) => h('button', {
      type: 'button', role: 'tab', id: id('tab-' + name), 'aria-controls': id('panel'), 'data-tab': name,
      onclick: () => this._select(name), onkeydown: (e) => this._tabKey(e),
    }, t('tab_' + name)));
    this._tabs = tabs;
    // A named region (not a page banner): header and footer inside a section are not landmarks of their own.
    this._wrap = h('section', { class: 'kj', lang: this._lang, 'aria-labelledby': id('title') },
      h('header', { class: 'hd' }, h('h2', { id: id('title') }, t('title')), this._regEl = h('p', { class: 'rg' }, this.getAttribute('regency') || '')),
      this._notice = h('div', { class: 'note', role: 'status' }),
      h('div', { class: 'tabs', role: 'tablist', 'aria-label': t('tabsLabel') }, tabs),
      this._panel = h('div', { role: 'tabpanel', id: id('panel'), tabindex: '0' }),
      this._live = h('p', { class: 'sr', 'aria-live': 'polite', role: 'status' }),
      this._foot = h('footer', { class: 'ft' }),
      this._probe = h('span', { class: 'sr', 'aria-hidden': 'true' }),
    );
    this._root.append(this._wrap);
    this._explainer = createExplainer(this._wrap, () => ({ t: this._t, lang: this._lang }));
    this._colours();
    this._select(this._tabName || (TABS.includes(this.getAttribute('tab')) ? this.getAttribute('tab') : 'desa'), false);
  }

  _colours() {
    const accent = rgb(this._resolve('--a'));
    const bg = rgb(this._resolve('--bg')) || [255, 255, 255];
    if (!accent) return;
    const on = contrast(accent, [0, 0, 0]) >= contrast(accent, [255, 255, 255]) ? '#000' : '#fff';
    let at = accent;
    const dir = lum(bg) > 0.4 ? 0 : 255;
    for (let i = 0; i < 30 && contrast(at, bg) < 4.6; i++) at = at.map((v) => v + (dir - v) * 0.12);
    this._wrap.style.setProperty('--on', on);
    this._wrap.style.setProperty('--at', css(at));
  }

  _resolve(prop) {
    this._probe.style.setProperty('color', `var(${prop})`);
    const c = getComputedStyle(this._probe).color;
    this._probe.style.removeProperty('color');
    return c;
  }

  _tabKey(e) {
    const i = TABS.indexOf(e.currentTarget.dataset.tab);
    const n = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: TABS.length - 1 }[e.key];
    if (n === undefined) return;
    e.preventDefault();
    this._select(TABS[(n + TABS.length) % TABS.length]);
    this._tabs[TABS.indexOf(this._tabName)].focus();
  }

  _select(name, user = true) {
    if (user && name === this._tabName && this._view) return;
    this._tabName = name;
    for (const b of this._tabs) {
      const on = b.dataset.tab === name;
      b.setAttribute('aria-selected', String(on));
      b.tabIndex = on ? 0 : -1;
    }
    this._panel.setAttribute('aria-labelledby', this._uid + '-tab-' + name);
    this._renderTab();
  }

  async _renderTab() {
    this._failedWith = null;
    const seqNo = (this._seq = (this._seq || 0) + 1);
    const t = this._t;
    this._view?.destroy();
    this._view = null;
    const panel = clear(this._panel);
    panel.append(h('p', { role: 'status' }, t('loading')));
    if (!this._wanted) return;
    let cfg, mod;
    try {
      [cfg, mod] = await Promise.all([this._config(), loadModule()]);
    } catch (e) {
      if (seqNo !== this._seq) return;
      return this._failed(e);
    }
    if (seqNo !== this._seq || !this.isConnected) return;
    const { config, refused, problem } = cfg;
    const regency = this.getAttribute('regency') || config.regency || '';
    this._regEl.textContent = regency;
    const notes = [];
    if (problem) notes.push(t(problem[0], problem[1]));
    if (refused.length) notes.push(t('configRefused', refused.slice(0, 20).join(', ') + (refused.length > 20 ? ' …' : '')));
    if (notes.length) this._emit('config-refused', { message: notes.join(' ') });
    for (const code of this._storeNotes) notes.push(t(code));
    put(this._notice, notes.join(' '));
    const regencyKey = slug(regency || 'default');
    const funderAttr = this.getAttribute('funder');
    const ctx = {
      api: mod, lang: this._lang, t, config, regency, regencyKey, uid: this._uid,
      id: (n) => this._uid + '-' + n,
      store: this._store(regencyKey),
      state: this._state,
      defaultFunder: FUNDERS.includes(funderAttr) ? funderAttr : config.defaultFunder,
      announce: (s) => { this._live.textContent = ''; setTimeout(() => { this._live.textContent = s; }, 30); },
      explain: (info) => this._explainer.open(info),
      errorText: (e) => (e && e.code === 'KJ_RELOADED' ? t('reloaded') : (e && e.message) || String(e)),
      // Events for the host page (widget.d.ts): figures as strings, no personal data.
      emit: (name, detail) => this._emit(name, detail),
    };
    this._ctx = ctx;
    try {
      const inf = mod.info();
      put(this._foot, t('footer', inf.version, inf.rulesChecked));
    } catch { /* footer is optional */ }
    clear(panel);
    const name = this._tabName;
    try {
      if (name === 'desa') this._view = renderVillageTab(panel, ctx);
      else if (name === 'warga') this._view = renderCitizenTab(panel, ctx);
      else {
        let admin = null;
        try { admin = await import('./admin.js'); } catch (e) { console.warn('[kalkulator-jamsostek] admin tab unavailable', e); }
        if (seqNo !== this._seq) return;
        if (admin?.renderAdminTab) this._view = admin.renderAdminTab(panel, ctx);
        else panel.append(h('p', { class: 'note' }, t('adminMissing')));
      }
    } catch (e) {
      console.error(e);
      panel.append(h('p', { class: 'err', role: 'alert' }, ctx.errorText(e)));
    }
  }

  _store(key) {
    let s = this._stores.get(key);
    if (!s) {
      s = createStore(key, (code) => { this._storeNotes.add(code); this._addNotice(this._t(code)); });
      this._stores.set(key, s);
    }
    return s;
  }

  _addNotice(s) {
    if (!this._notice.textContent.includes(s)) this._notice.append((this._notice.textContent ? ' ' : '') + s);
  }

  _failed(e) {
    if (this._failedWith !== e) console.error('[kalkulator-jamsostek] could not start', e);
    this._failedWith = e;
    const t = this._t;
    const wasmCsp = /Content.Security|wasm-eval|unsafe-eval|CompileError/i.test(String(e && (e.name + ' ' + e.message)));
    const hint = wasmCsp ? CSP_HINT : cspRefused;
    const csp = !!hint;
    // The CSP case names the one directive to add; the browser's own text (in the console) would also name
    // 'unsafe-eval', which is more than the widget needs.
    put(this._panel, h('div', { role: 'alert', class: 'note' },
      h('p', null, h('strong', null, t('loadFailed'))),
      csp ? h('p', null, t(hint === CONNECT_HINT ? 'cspConnectHint' : 'cspHint'), ' ', h('code', null, hint)) : h('p', null, t('loadFailedHint')),
      !csp && h('p', { class: 'hint' }, String(e && e.message || e))),
    h('p', { class: 'bar' }, h('button', { type: 'button', onclick: () => this._renderTab() }, t('retry'))));
  }

  _reloaded() {
    if (!this._wanted || !this.isConnected) return;
    this._renderTab().then(() => {
      this._addNotice(this._t('reloaded'));
      this._ctx?.announce(this._t('reloaded'));
    });
  }
}

if (!customElements.get('kalkulator-jamsostek')) customElements.define('kalkulator-jamsostek', KalkulatorJamsostek);
