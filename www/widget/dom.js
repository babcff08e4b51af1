// Tiny DOM builder: text only through textContent, listeners through addEventListener, no innerHTML.
const PROPS = new Set(['value', 'checked', 'disabled', 'hidden', 'selected', 'open', 'htmlFor']);

export function h(tag, props, ...kids) {
  const el = document.createElement(tag);
  if (props) {
    for (const k in props) {
      const v = props[k];
      if (v == null || v === false) continue;
      if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else if (k === 'text') el.textContent = v;
      else if (k === 'class') el.className = v;
      else if (PROPS.has(k)) el[k] = v;
      else el.setAttribute(k, v === true ? '' : String(v));
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

/** Debounce with a cancel() for teardown. */
export function debounce(fn, ms) {
  let id = 0;
  const d = (...a) => { clearTimeout(id); id = setTimeout(() => fn(...a), ms); };
  d.cancel = () => clearTimeout(id);
  return d;
}
