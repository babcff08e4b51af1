// "How was this figure computed?" panel: formula, rules with their regulation, validity and verification marks.
import { h, clear, put } from './dom.js';
import { formatRupiah as rp, formatPercent, formatNumber, monthLabel } from './format.js';
import { RULE_LABELS, RULE_SOURCE_ID } from './i18n.js';

const PROG = { jkk: 'JKK', jkm: 'JKM', jht: 'JHT', jp: 'JP' };

/** A rule's value in words: rates in percent, amounts in rupiah, factors as "48×". */
export function ruleValue(p, lang) {
  if (!p) return '';
  if (p.kind === 'rate') return formatPercent(p.value, lang);
  if (p.kind === 'amount') return rp(p.value, lang);
  if (p.kind === 'factor') return p.value + '×';
  if (p.kind === 'count') return formatNumber(p.value, lang);
  return ''; // a table (income bands) or a marker: no single value to show
}

const byId = (rules) => new Map((rules || []).map((r) => [r.id, r]));

/** "JKK 1% × Rp1.000.000 + JKM Rp6.800" for a person-month's lines. */
export function formula(lines, rules, basis, lang) {
  const m = byId(rules);
  return lines.map((l) => {
    const ps = (l.rules || []).map((id) => m.get(id)).filter(Boolean);
    const rates = ps.filter((p) => p.kind === 'rate').map((p) => ruleValue(p, lang));
    const rest = ps.filter((p) => p.kind !== 'rate').map((p) => ruleValue(p, lang));
    let e = rates.length ? (rates.length > 1 ? '(' + rates.join(' + ') + ')' : rates[0]) + (basis ? ' × ' + rp(basis, lang) : '') : rest.shift() || rp(l.total, lang);
    if (rates.length && rest.length) e += ' (' + rest.join(', ') + ')';
    return (PROG[l.programme] || l.programme) + ' ' + e;
  }).join(' + ');
}

export const progName = (p) => PROG[p] || p;

/** A small button that opens the explanation of one figure. */
export function explainButton(ctx, info) {
  const label = ctx.t('explainOf', info.title + (info.amount != null ? ' ' + rp(info.amount, ctx.lang) : ''));
  return h('button', { type: 'button', class: 'x', 'aria-label': label, title: label, onclick: () => ctx.explain(info) }, '?');
}

/**
 * The dialog. info = { title, amount?, steps?: string[], lines?: Line[], basis?: digits, rules?: ParamInfo[],
 *   ids?: string[] (rule ids to cite; default: those of `lines`), from?, until?, notes?: Note[] }.
 */
let seq = 0;
export function createExplainer(host, getCtx) {
  const body = h('div');
  const close = h('button', { type: 'button', class: 'pri' });
  const dlg = h('dialog', null, body, h('p', { class: 'bar' }, close));
  let opener = null;
  close.addEventListener('click', () => dlg.close());
  dlg.addEventListener('close', () => { const o = opener; opener = null; o?.focus?.(); });
  host.append(dlg);

  function open(info) {
    const { t, lang } = getCtx();
    close.textContent = t('close');
    const m = byId(info.rules);
    const ids = new Set(info.ids || []);
    for (const l of info.lines || []) for (const id of l.rules || []) ids.add(id);
    const head = h('h2', { tabindex: '-1', id: 'kjx' + ++seq, class: 'xh' }, info.title);
    const known = [...ids].filter((id) => m.has(id) || RULE_LABELS[id]);
    const confs = new Set(known.map((id) => m.get(id)?.confidence).filter(Boolean));
    put(body,
      head,
      info.amount != null && h('p', { class: 'big' }, rp(info.amount, lang)),
      info.lines?.length > 0 && h('p', null, rp(info.amount, lang) + ' = ' + formula(info.lines, info.rules, info.basis, lang)),
      info.lines?.length > 0 && h('table', { class: 'rf' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('programme')), h('th', { class: 'n', scope: 'col' }, t('amount')),
          h('th', { class: 'n', scope: 'col' }, t('employer')), h('th', { class: 'n', scope: 'col' }, t('worker')))),
        h('tbody', null, info.lines.map((l) => h('tr', null,
          h('th', { scope: 'row' }, progName(l.programme), l.relief && h('small', null, ' (' + t('relief') + ')'),
            l.needsVerification && h('span', { class: 'ver' }, t('needsVerification'))),
          h('td', { class: 'n', 'data-label': t('amount') }, rp(l.total, lang)), h('td', { class: 'n', 'data-label': t('employer') }, rp(l.employer, lang)),
          h('td', { class: 'n', 'data-label': t('worker') }, rp(l.worker, lang)))))),
      // RULES.md Part 0 "Rounding": said once, in one plain sentence, wherever per-person amounts are shown.
      info.lines?.length > 0 && h('p', { class: 'hint', 'data-rounding': '' }, t('roundingRule')),
      info.steps?.length > 0 && h('ul', null, info.steps.map((s) => h('li', null, s))),
      info.from && h('p', null, t('validFor', monthLabel(info.from, lang) + (info.until && info.until !== info.from ? ' – ' + monthLabel(info.until, lang) : ''))),
      known.length > 0 && [h('h3', null, t('legalBasis')), known.map((id) => ruleBlock(m.get(id) || { id }, t, lang)),
        confs.size > 0 && h('p', { class: 'hint' }, t('confLegend'))],
      info.notes?.length > 0 && [h('h3', null, t('notes')), info.notes.map((n) => noteBlock(n, t, lang))],
    );
    opener = host.getRootNode().activeElement;
    dlg.setAttribute('aria-labelledby', head.id);
    if (!dlg.open) dlg.showModal();
    // opens at its top, on its heading (not on the Close button at the bottom)
    dlg.scrollTop = 0;
    head.focus({ preventScroll: true });
  }

  return { open, destroy: () => { dlg.close?.(); dlg.remove(); } };
}

// Instruments quoted verbatim from a source text: "PP 44/2015 Pasal 16 ayat (1)", "Permendes PDT 16/2025 Lampiran Bab II huruf J".
const INSTRUMENT = /\b(?:PP|PMK|Perpres|Permendagri|Permenaker|Permendes(?: PDTT?)?|UU|Surat Edaran Kemendes|SE Kemendes)\s+[\w.]*\d+\/[\w.\/]*\d{4}(?:\s+(?:Pasal|ayat|huruf|angka|Lampiran|Bab)(?:\s+(?:\(\w+\)|[IVXLC]+\b|\d+\b|[a-zA-Z]\b))?)*/g;
export function instruments(source) {
  const out = [];
  for (const x of String(source || '').match(INSTRUMENT) || []) if (!out.includes(x.trim())) out.push(x.trim());
  return out;
}
/** A source as shown: never a file name, never an internal tag like [UNCONFIRMED]; in Indonesian only the
 *  instruments (the module's descriptions are English) unless the rule has an Indonesian source text. */
const FILE = /\b[\w-]+\.(?:md|rs|js|mjs|html?|json|csv|toml|txt)\b/i;
const FILE_LEAD = /^[^:;()]*\b[\w-]+\.(?:md|rs|js|mjs|html?|json|csv|toml|txt)\b[^:;()]*:\s*/i; // "RULES.md 3.2: …"
export function sourceText(id, source, lang) {
  if (lang !== 'en') return RULE_SOURCE_ID[id] || instruments(source).join('; ');
  return String(source || '')
    .split(/;\s*/).map((seg) => seg.replace(FILE_LEAD, '')).filter((seg) => seg && !FILE.test(seg)).join('; ')
    .replace(/\s*\[(?:H|M|L|UNCONFIRMED|COMPUTED)\]/g, '').trim();
}
export function ruleLabel(id, lang) {
  const l = RULE_LABELS[id];
  return l ? l[lang === 'en' ? 1 : 0] : null;
}

export function ruleBlock(p, t, lang) {
  const v = p.value != null ? ruleValue(p, lang) : '';
  const src = sourceText(p.id, p.source, lang);
  return h('div', { class: 'rule' },
    h('p', null, h('strong', null, ruleLabel(p.id, lang) || t('ruleOther')), v && ': ' + v,
      (p.needsVerification ?? p.needs_verification) && h('span', { class: 'ver' }, t('needsVerification')),
      p.stale && h('span', { class: 'ver' }, t('stale'))),
    src && h('p', { class: 'hint' }, t('source') + ': ' + src),
    p.from && h('p', { class: 'hint' }, t('inForce', monthLabel(p.from, lang), p.until ? monthLabel(p.until, lang) : t('noEnd'))
      + (p.confidence ? ' · ' + t('confidence') + ': ' + t('conf_' + p.confidence) : '')));
}

export function noteBlock(n, t, lang) {
  const src = sourceText(null, n.source, lang);
  return h('p', { class: 'note' }, lang === 'en' ? n.en : n.id,
    n.needsVerification && h('span', { class: 'ver' }, t('needsVerification')),
    src && h('small', null, ' (' + src + ')'));
}
