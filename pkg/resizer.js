// Optional, for the page that embeds embed.html in an <iframe data-kalkulator-jamsostek>: sets the frame's
// height from the frame's own messages, so it fits without scrollbars. Only messages from that frame's window
// and origin, with the fixed shape { type: 'kalkulator-jamsostek:height', height: integer 100–20000 }, count.
// Without this script the frame keeps the height written in its tag.
(() => {
  const TYPE = 'kalkulator-jamsostek:height';
  addEventListener('message', (e) => {
    const d = e.data;
    if (!d || typeof d !== 'object' || !Object.prototype.hasOwnProperty.call(d, 'type') || d.type !== TYPE) return;
    const h = d.height;
    if (!Number.isInteger(h) || h < 100 || h > 20000) return;
    for (const f of document.querySelectorAll('iframe[data-kalkulator-jamsostek]')) {
      if (f.contentWindow !== e.source) continue;
      let origin;
      try { origin = new URL(f.src, location.href).origin; } catch { return; }
      if (e.origin !== origin) return;
      f.style.height = h + 'px';
      return;
    }
  });
})();
