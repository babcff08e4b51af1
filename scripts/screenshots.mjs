// Screenshots of each journey (Desa, Kabupaten, Warga) at 360 and 1280 px, and the village's RAB as a PDF, into
// test-artifacts/screens/ (git-ignored). Uses the bundled widget in pkg/ and Debian Chromium: `node scripts/screenshots.mjs`.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, launch, openPage, artifacts } from '../tests/e2e/harness.mjs';

const out = path.join(artifacts, 'screens');
mkdirSync(out, { recursive: true });
const W = 'kalkulator-jamsostek';
const ready = {
  desa: (w) => { const r = document.querySelector(w).shadowRoot; return !!r.querySelector('.res .big') && !r.querySelector('.res[aria-busy]'); },
  kabupaten: (w) => !!document.querySelector(w).shadowRoot.querySelector('.adm section.res:not([aria-busy])'),
  warga: (w) => !!document.querySelector(w).shadowRoot.querySelector('[role=tabpanel] form'),
};

const server = await startServer();
const browser = await launch();
const written = [];
try {
  for (const width of [360, 1280]) {
    const page = await openPage(browser, server.url + '/www/index.html', { width, height: 900 });
    const widget = page.locator(W).first();
    await widget.scrollIntoViewIfNeeded();
    for (const tab of ['desa', 'kabupaten', 'warga']) {
      await widget.locator(`[data-tab="${tab}"]`).click();
      await page.waitForFunction(ready[tab], W, { timeout: 20000 }).catch(() => console.warn(`${tab} @${width}: not settled, shot anyway`));
      await page.waitForTimeout(300);
      const file = path.join(out, `${tab}-${width}.png`);
      await widget.screenshot({ path: file });
      written.push(file);
    }
    if (width === 1280) {
      // The RAB: the print iframe's document, its sheet inlined, printed by Chromium as A4.
      await widget.locator('[data-tab="desa"]').click();
      await page.waitForFunction(ready.desa, W, { timeout: 20000 });
      await widget.locator('.res').getByRole('button', { name: 'Cetak RAB' }).click();
      const html = await page.evaluate((w) => {
        const d = document.querySelector(w).shadowRoot.querySelector('iframe').contentDocument;
        const css = [...d.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n');
        return `<!doctype html><html lang="${d.documentElement.lang}"><head><meta charset="utf-8"><style>${css}</style></head>${d.body.outerHTML}</html>`;
      }, W);
      const ctx = await browser.newContext();
      const p = await ctx.newPage();
      await p.setContent(html);
      const pdf = await p.pdf({ format: 'A4' });
      const file = path.join(out, 'rab-desa.pdf');
      writeFileSync(file, pdf);
      written.push(file);
      await p.emulateMedia({ media: 'print' });
      await p.setViewportSize({ width: 695, height: 1000 });
      const png = path.join(out, 'rab-desa.png');
      await p.screenshot({ path: png, fullPage: true });
      written.push(png);
      await ctx.close();
    }
    await page.context().close();
  }
} finally {
  await browser.close();
  await server.close();
}
for (const f of written) console.log(path.relative(process.cwd(), f));
