// "How was this figure computed?" panel: formula, rules with their regulation, validity and verification marks.
import { h, clear, put } from './dom.js';
import { formatRupiah as rp, formatPercent, formatNumber, monthLabel } from './format.js';

const PROG = { jkk: 'JKK', jkm: 'JKM', jht: 'JHT', jp: 'JP' };

/** A rule's value in words: rates in percent, amounts in rupiah, factors as "48×". */
export function ruleValue(p, lang) {
  if (!p) return '';
  if (p.kind === 'rate') return formatPercent(p.value, lang);
  if (p.kind === 'amount') return rp(p.value, lang);
  if (p.kind === 'factor') return p.value + '×';
  if (p.kind === 'count') return formatNumber(p.value, lang);
  return String(p.value);
}

const byId = (rules) => new Map((rules || []).map((r) => [r.id, r]));

/** "JKK 1 % × Rp1.000.000 + JKM Rp6.800" for a person-month's lines. */
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
    put(body, 
      h('h2', null, info.title),
      info.amount != null && h('p', { class: 'big' }, rp(info.amount, lang)),
      info.lines?.length > 0 && h('p', null, rp(info.amount, lang) + ' = ' + formula(info.lines, info.rules, info.basis, lang)),
      info.lines?.length > 0 && h('table', null,
        h('thead', null, h('tr', null, h('th', null, t('programme')), h('th', { class: 'n' }, t('amount')),
          h('th', { class: 'n' }, t('employer')), h('th', { class: 'n' }, t('worker')))),
        h('tbody', null, info.lines.map((l) => h('tr', null,
          h('td', null, progName(l.programme), l.relief && h('small', null, ' (' + t('relief') + ')'),
            l.needsVerification && h('span', { class: 'ver' }, t('needsVerification'))),
          h('td', { class: 'n' }, rp(l.total, lang)), h('td', { class: 'n' }, rp(l.employer, lang)),
          h('td', { class: 'n' }, rp(l.worker, lang)))))),
      info.steps?.length > 0 && h('ul', null, info.steps.map((s) => h('li', null, s))),
      info.from && h('p', null, t('validFor', monthLabel(info.from, lang) + (info.until && info.until !== info.from ? ' – ' + monthLabel(info.until, lang) : ''))),
      ids.size > 0 && [h('h3', null, t('legalBasis')), [...ids].map((id) => ruleBlock(m.get(id) || { id }, t, lang))],
      info.notes?.length > 0 && [h('h3', null, t('notes')), info.notes.map((n) => noteBlock(n, t, lang))],
    );
    opener = host.getRootNode().activeElement;
    dlg.setAttribute('aria-label', info.title);
    if (!dlg.open) dlg.showModal();
    close.focus();
  }

  return { open, destroy: () => { dlg.close?.(); dlg.remove(); } };
}

export function ruleBlock(p, t, lang) {
  return h('div', { class: 'rule' },
    h('p', null, h('code', null, p.id), p.value != null && ' = ' + ruleValue(p, lang),
      (p.needsVerification ?? p.needs_verification) && h('span', { class: 'ver' }, t('needsVerification')),
      p.stale && h('span', { class: 'ver' }, t('stale'))),
    p.source && h('p', { class: 'hint' }, t('source') + ': ' + p.source),
    p.from && h('p', { class: 'hint' }, t('inForce', monthLabel(p.from, lang), p.until ? monthLabel(p.until, lang) : t('noEnd'))
      + (p.confidence ? ' · ' + t('confidence') + ': ' + p.confidence : '')));
}

export function noteBlock(n, t, lang) {
  return h('p', { class: 'note' }, lang === 'en' ? n.en : n.id,
    n.needsVerification && h('span', { class: 'ver' }, t('needsVerification')),
    n.source && h('small', null, ' (' + n.source + ')'));
}
