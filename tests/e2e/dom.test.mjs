// The DOM helper on a hostile host (issue 11, class 1): a polluted Object.prototype adds nothing to what h()
// builds, only allowlisted attributes are set, and links never get a script URL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('h(): own keys only, allowlisted attributes, safe links — with Object.prototype polluted first', async () => {
  const page = await openPage(browser, server.url + '/tests/e2e/pages/embed.html');
  const r = await page.evaluate(async () => {
    window.__pwned = 0;
    const bad = { srcdoc: '<script>parent.__pwned=1<\/script>', src: 'javascript:parent.__pwned=2', onload: 'parent.__pwned=3',
      style: 'background:url(javascript:x)', formaction: 'javascript:x', innerHTML: '<img src=x onerror=__pwned=4>', text: 'POLLUTED' };
    for (const [k, v] of Object.entries(bad)) Object.prototype[k] = v;
    try {
      const { h } = await import('/www/widget/dom.js');
      const frame = h('iframe', { class: 'frame', title: 'RAB' });
      document.body.append(frame);
      const a = h('a', { href: 'javascript:parent.__pwned=5', download: 'x.csv' }, 'x');
      const b = h('a', { href: ' JaVa\tScRiPt:parent.__pwned=6' }, 'y');
      const ok = h('a', { href: 'https://wa.me/?text=Halo', 'data-k': 'share', 'aria-label': 'Bagikan', onclick: 'parent.__pwned=7' }, 'z');
      const weird = h('div', { srcdoc: 'x', style: 'color:red', 'on-x': 'y', foo: 'bar' });
      await new Promise((res) => setTimeout(res, 300));
      return {
        frameAttrs: [...frame.attributes].map((x) => x.name).sort(),
        frameText: frame.textContent,
        a: a.getAttribute('href'), b: b.getAttribute('href'), ok: ok.getAttribute('href'), okAttrs: [...ok.attributes].map((x) => x.name).sort(),
        weird: [...weird.attributes].map((x) => x.name),
        pwned: window.__pwned,
      };
    } finally {
      for (const k of Object.keys(bad)) delete Object.prototype[k];
    }
  });
  assert.deepEqual(r.frameAttrs, ['class', 'title'], 'nothing inherited reaches the iframe');
  assert.equal(r.frameText, '');
  assert.equal(r.a, null, 'javascript: link dropped');
  assert.equal(r.b, null, 'obfuscated javascript: link dropped');
  assert.equal(r.ok, 'https://wa.me/?text=Halo');
  assert.deepEqual(r.okAttrs, ['aria-label', 'data-k', 'href']);
  assert.deepEqual(r.weird, [], 'srcdoc, style and unknown attributes are never set');
  assert.equal(r.pwned, 0, 'no script ran');
  await page.close();
});
