// Sharing a result: a short plain-text summary with the scenario link. Through the Web Share API where the browser
// has it (phones: WhatsApp, Telegram, mail … chosen by the user); elsewhere a WhatsApp link and copy-to-clipboard.
// Nothing is opened, sent or requested without the user's click. Used by the village journey; made for the regency
// and citizen journeys too: a journey gives only a function that returns { title, text, url } (or null: no result).
import { h, put } from './dom.js';

/** A summary fits a chat message preview and an SMS-length read: at most this many characters (the link apart). */
export const SUMMARY_MAX = 500;

const cut = (s, n) => (s.length > n ? s.slice(0, n - 1).trimEnd() + '…' : s);

/**
 * Lines of plain text → one text of at most `max` characters: empty lines dropped, whitespace and control
 * characters flattened; whole lines kept while they fit, the first line shortened with "…" if it alone is too long.
 */
export function summaryText(lines, max = SUMMARY_MAX) {
  // eslint-disable-next-line no-control-regex
  const clean = lines.filter((l) => l != null && l !== false).map((l) => String(l).replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim()).filter(Boolean);
  let out = '';
  for (const l of clean) {
    const next = out ? out + '\n' + l : l;
    if (next.length <= max) out = next;
    else if (!out) out = cut(l, max);
    else break;
  }
  return out;
}

/** The WhatsApp "click to chat" address carrying the text and the link (https, so dom.js h() accepts it as a link). */
export const whatsappHref = (text, url) => 'https://wa.me/?text=' + encodeURIComponent(url ? text + '\n' + url : text);

/**
 * The "Bagikan" control of a journey. getSummary() → { title, text, url } | null (read at the click: always the
 * result on screen). Returns { button, panel }: the button goes with the journey's other output buttons, the panel
 * (the WhatsApp link, the copy button and the text itself, shown where there is no Web Share) right after them.
 * Emits `kalkulator-export` { tab, kind: 'link' } when the user shares, opens the WhatsApp link or copies.
 */
export function shareControls(ctx, getSummary, { tab } = {}) {
  const { t, id } = ctx;
  const panel = h('div', { class: 'row', hidden: true, 'data-share': 'panel' });
  const shared = () => ctx.emit?.('export', { tab, kind: 'link' });

  async function copy(all, area) {
    let ok = false;
    try { await navigator.clipboard.writeText(all); ok = true; } catch { /* the text is in the box, selected, to copy by hand */ }
    if (!ok) { area.focus(); area.select(); }
    ctx.announce(t(ok ? 'shareCopied' : 'shareSelect'));
    shared();
  }

  function fallback(s) {
    const all = s.url ? s.text + '\n' + s.url : s.text;
    const area = h('textarea', { readonly: true, rows: 7, id: id('share-t'), value: all, 'data-share': 'text' });
    put(panel,
      h('p', { class: 'hint' }, t('shareHow')),
      h('p', { class: 'bar' },
        h('a', { class: 'btn', href: whatsappHref(s.text, s.url), target: '_blank', rel: 'noopener noreferrer', 'data-share': 'wa', onclick: shared }, t('shareWa')),
        h('button', { type: 'button', 'data-share': 'copy', onclick: () => copy(all, area) }, t('shareCopy'))),
      h('label', { for: id('share-t') }, t('shareText')), area);
    panel.hidden = false;
    panel.querySelector('a').focus();
  }

  const button = h('button', { type: 'button', 'data-share': 'open', onclick: async () => {
    const s = getSummary();
    if (!s) return;
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title: s.title, text: s.text, url: s.url });
        shared();
        return;
      } catch (e) {
        if (e && e.name === 'AbortError') return; // the user closed the share sheet
      }
    }
    fallback(s);
  } }, t('shareBtn'));
  return { button, panel };
}
