// Tiny DOM builder: text only through textContent, listeners through addEventListener, no innerHTML.
// Hostile hosts: only the props object's own keys are read (a polluted Object.prototype adds nothing), and
// only allowlisted attributes are set — never srcdoc, src, style or an on* attribute; links only to safe URLs.
const PROPS = new Set(['value', 'checked', 'disabled', 'hidden', 'selected', 'open', 'htmlFor', 'readOnly']);
const ATTRS = new Set(['id', 'type', 'role', 'scope', 'for', 'name', 'lang', 'title', 'href', 'download', 'tabindex',
  'autocomplete', 'inputmode', 'accept', 'spellcheck', 'rows', 'cols', 'readonly', 'placeholder', 'min', 'max',
  'step', 'list', 'novalidate', 'colspan', 'rowspan', 'headers', 'dir', 'datetime', 'rel', 'target', 'start',
  'maxlength', 'minlength', 'pattern', 'required', 'multiple', 'size', 'for', 'form', 'enterkeyhint', 'translate',
  'label']);
const ATTR_OK = (k) => ATTRS.has(k) || /^(data|aria)-[a-z][a-z0-9-]*$/.test(k);
// blob: downloads, same-page fragments, http(s) and wa.me-style links; never javascript:, data:, vbscript:.
const SAFE_URL = /^(?:blob:|#|https?:|mailto:|tel:|\.?\/|[^:/?#]*(?:[/?#]|$))/i;

export function h(tag, props, ...kids) {
  const el = document.createElement(tag);
  if (props) {
    for (const k of Object.keys(props)) {
      const v = props[k];
      if (v == null || v === false) continue;
      if (k.startsWith('on')) {
        if (typeof v === 'function') el.addEventListener(k.slice(2), v);
      } else if (k === 'text') el.textContent = v;
      else if (k === 'class') el.className = v;
      else if (PROPS.has(k)) el[k] = v;
      else if (ATTR_OK(k)) {
        const text = v === true ? '' : String(v);
        // eslint-disable-next-line no-control-regex
        if (k === 'href' && !SAFE_URL.test(text.replace(/[\u0000-\u0020]/g, ''))) continue;
        el.setAttribute(k, text);
      }
    }
  }
  add(el, kids);
  return el;
}

function add(el, kids) {
  for (const k of kids) {
    if (k == null || k === false) continue;
    if (Array.isArray(k)) add(el, k);
    else el.append(typeof k === 'object' ? k : String(k));
  }
}

export function clear(el) {
  el.replaceChildren();
  return el;
}

/** Append children like h() does (arrays flattened, null/false skipped). */
export function app(el, ...kids) {
  add(el, kids);
  return el;
}

/** Replace an element's children (nested arrays flattened, null/false skipped). */
export function put(el, ...kids) {
  add(clear(el), kids);
  return el;
}

/** Current month as "YYYY-MM" (local calendar). */
export function thisMonth() {
  const d = new Date();
  return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0');
}

/** Debounce with cancel() for teardown and flush() to run a pending call now (page hidden, element removed). */
export function debounce(fn, ms) {
  let id = 0;
  let pending = null;
  const d = (...a) => {
    clearTimeout(id);
    pending = a;
    id = setTimeout(() => { pending = null; fn(...a); }, ms);
  };
  d.cancel = () => { clearTimeout(id); pending = null; };
  d.flush = () => {
    if (!pending) return;
    const a = pending;
    d.cancel();
    fn(...a);
  };
  return d;
}
