// The no-script embed page (embed.html): URL parameters → the element's attributes, validated like them;
// the page's height → the parent (postMessage with a fixed shape, no personal data) so an iframe can fit.
import './widget.js';

/** Parameters the page accepts, each with its own check (the element validates the values again). */
const PARAMS = {
  regency: (v) => v.length <= 200,
  tab: (v) => v === 'desa' || v === 'kabupaten' || v === 'warga',
  lang: (v) => v === 'id' || v === 'en',
  funder: (v) => ['apbd', 'apbn', 'dana_desa', 'apbdes', 'self_paid'].includes(v),
  config: (v) => v.length <= 20000,
  'config-src': (v) => v.length <= 2000,
};

/** The element for `search` (a location.search string); refused parameters are listed, never applied. */
export function elementFor(search) {
  const el = document.createElement('kalkulator-jamsostek');
  const refused = [];
  let params;
  try {
    params = new URLSearchParams(String(search).slice(0, 40000));
  } catch {
    params = new URLSearchParams();
  }
  for (const [k, v] of params) {
    const ok = Object.prototype.hasOwnProperty.call(PARAMS, k) && PARAMS[k](v);
    if (ok) el.setAttribute(k, v);
    else refused.push(k.slice(0, 40));
  }
  return { el, refused };
}

function start() {
  const main = document.getElementById('kj-embed');
  if (!main) return;
  const { el, refused } = elementFor(location.search);
  const lang = el.getAttribute('lang') === 'en' ? 'en' : 'id';
  document.documentElement.lang = lang;
  main.replaceChildren(el);
  if (refused.length) {
    const p = document.createElement('p');
    p.setAttribute('role', 'status');
    p.textContent = (lang === 'en' ? 'Ignored URL parameters: ' : 'Parameter alamat yang diabaikan: ') + refused.join(', ');
    main.append(p);
  }
  if (window.parent === window) return;
  let last = 0;
  const report = () => {
    const height = Math.ceil(document.documentElement.scrollHeight);
    if (height === last) return;
    last = height;
    // Only a number leaves the frame; any parent may read it (the optional resizer checks the origin).
    window.parent.postMessage({ type: 'kalkulator-jamsostek:height', height }, '*');
  };
  new ResizeObserver(report).observe(document.body);
  report();
}

start();
