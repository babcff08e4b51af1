// Citizen journey: a few plain questions → what applies to me, what it costs, who pays, what my family receives.
import { h, clear, put, app, thisMonth, debounce } from './dom.js';
import { formatRupiah as rp } from './format.js';
import { shareControls, summaryText } from './share.js';
import { explainButton } from './explain.js';
import { renderBenefits } from './village.js';
import { WORK_KINDS, INSTITUTIONS } from './i18n.js';

// What the person does → the eligibility request's work / workKind / category.
const JOBS = [...WORK_KINDS.map((w) => [w, 'informal', w]), ['kepala_desa', 'kepala_desa'], ['perangkat_desa', 'perangkat_desa'],
  ...INSTITUTIONS.map((c) => [c, 'village_institution']), ['non_asn', 'non_asn'], ['pppk_paruh_waktu', 'pppk_paruh_waktu'],
  ['asn', 'asn'], ['private_employee', 'private_employee']];
const LEVELS = ['belum_sekolah', 'tk_sd', 'smp', 'sma', 'pt'];
const PAYERS = ['auto', 'apbd', 'apbdes', 'dana_desa', 'self_paid'];
const STATUS = { mandatory: 'stMandatory', optional: 'stOptional', not_available: 'stNo', yes: 'stYes', conditional: 'stConditional', no: 'stNo' };

export function renderCitizenTab(root, ctx) {
  const { api, t, lang, config, id } = ctx;
  const st = (ctx.state.citizen ||= { age: '', job: 'nelayan', income: '', payer: 'auto', jht: false, children: [] });
  const out = h('section', { class: 'res', 'aria-labelledby': id('c-res') });
  const fld = (k, label, input, hint) => {
    input.id = id('c-' + k);
    if (hint) input.setAttribute('aria-describedby', id('c-' + k + '-h'));
    return h('div', null, h('label', { for: input.id }, label), input, hint && h('p', { class: 'hint', id: id('c-' + k + '-h') }, hint));
  };
  const sel = (v, opts, on) => h('select', { onchange: (e) => { on(e.target.value); later(); } }, opts.map(([k, l]) => h('option', { value: k, selected: k === v }, l)));
  const form = h('form', { novalidate: true, onsubmit: (e) => e.preventDefault() });

  function renderForm() {
    put(form, h('p', null, t('cIntro')), h('div', { class: 'grid' },
      fld('age', t('cAge'), h('input', { type: 'number', min: 0, max: 120, inputmode: 'numeric', value: st.age, oninput: (e) => { st.age = e.target.value; later(); } })),
      fld('job', t('cJob'), sel(st.job, JOBS.map(([k]) => [k, t(WORK_KINDS.includes(k) ? 'wk_' + k : 'job_' + k)]), (v) => { st.job = v; })),
      fld('income', t('cIncome'), h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', value: st.income, oninput: (e) => { st.income = e.target.value; later(); } }), t('cIncomeHint')),
      fld('payer', t('cPayer'), sel(st.payer, PAYERS.map((p) => [p, t(p === 'auto' ? 'cPayerAuto' : 'funder_' + p)]), (v) => { st.payer = v; })),
      fld('kids', t('cKids'), sel(String(st.children.length), [['0', '0'], ['1', '1'], ['2', '2']], (v) => {
        st.children = Array.from({ length: +v }, (_, i) => st.children[i] || 'belum_sekolah');
        renderForm();
        form.querySelector('#' + CSS.escape(id('c-kids'))).focus();
      }), t('cKidsHint')),
      st.children.map((lv, i) => fld('kid' + i, t('cKidLevel', i + 1), sel(lv, LEVELS.map((l) => [l, t('lv_' + l)]), (v) => { st.children[i] = v; }))),
      h('label', { class: 'ck wide' }, h('input', { type: 'checkbox', checked: st.jht, onchange: (e) => { st.jht = e.target.checked; later(); } }), t('cJht'))));
  }

  function compute() {
    put(out, h('h3', { id: id('c-res') }, t('cResult')));
    const age = Number(st.age);
    if (st.age === '' || !Number.isInteger(age)) { app(out, h('p', { class: 'hint' }, t('cNeedAge'))); return; }
    const [, work, workKind] = JOBS.find((j) => j[0] === st.job) || JOBS[0];
    const category = work === 'informal' ? 'pekerja_rentan' : work === 'village_institution' ? st.job : ['kepala_desa', 'perangkat_desa', 'non_asn'].includes(work) ? work : undefined;
    const regency = {};
    for (const k of ['minAge', 'maxAge', 'fundedCategories', 'puInstitutions']) if (config[k] != null) regency[k] = config[k];
    const month = thisMonth();
    let el;
    try {
      el = api.eligibility({ age, work, ...(workKind ? { workKind } : null), ...(work === 'village_institution' ? { category } : null), regency, month }, lang);
    } catch (e) {
      app(out, h('p', { class: 'err', role: 'alert' }, ctx.errorText(e)));
      return;
    }
    const notes = (list) => list.map((n) => h('li', null, lang === 'en' ? n.en : n.id, n.needsVerification && h('span', { class: 'ver' }, t('needsVerification'))));
    app(out, 
      h('p', { class: 'lead', 'data-eligible': String(el.eligible) }, t(el.eligible ? (el.scheme === 'pu' ? 'cYesPu' : 'cYesBpu') : 'cNo')),
      el.reasons?.length > 0 && h('ul', null, notes(el.reasons)),
      h('h4', null, t('cProgrammes')),
      h('ul', null, el.programmes.map((p) => h('li', { 'data-programme': p.programme, 'data-status': p.status },
        h('strong', null, t('prog_' + p.programme) + ': ' + t(STATUS[p.status])), ' — ', lang === 'en' ? p.reason.en : p.reason.id))),
      h('h4', null, t('cWhoPays')),
      h('ul', null, el.funders.map((f) => h('li', null, h('strong', null, t('funder_' + f.funder) + ': ' + t(STATUS[f.status])), ' — ', lang === 'en' ? f.reason.en : f.reason.id))),
    );
    if (!el.eligible) return;
    const pu = el.scheme === 'pu';
    const cat = el.category || category || 'pekerja_rentan';
    const funder = st.payer !== 'auto' ? st.payer : el.regencyFunds ? (el.funders.find((f) => f.status === 'yes' && f.funder !== 'self_paid')?.funder || 'apbd') : 'self_paid';
    const group = { category: cat, people: 1, jht: st.jht || (el.programmes.find((p) => p.programme === 'jht')?.status === 'mandatory') };
    if (workKind) group.workKind = workKind;
    // Income typed the Indonesian way ("1,5 juta", "Rp2jt"); refused in words, never with a code.
    const income = st.income.trim() ? (() => { try { return api.parseAmount(st.income, lang); } catch { return null; } })() : '';
    if (income == null) { app(out, h('p', { class: 'err', role: 'alert' }, t('cIncomeInvalid'))); return; }
    // A programme (regency or village) pays on its own base (Rp1.000.000); the income band only for the self-paid path.
    const programme = funder !== 'self_paid';
    if (pu) { group.wage = income; if (INSTITUTIONS.includes(cat)) group.scheme = 'pu'; } else if (!programme && income) group.income = income;
    try {
      const r = api.estimate({ firstMonth: month, months: 1, units: [{ name: t('cMe'), kind: cat === 'non_asn' ? 'opd' : 'desa', funder, groups: [group] }] }, lang);
      const g = r.units[0].groups[0];
      const pm = g.perPerson[0].perPersonMonth;
      // Host-page event (widget.d.ts): the monthly figure only; no age, work or other personal data.
      ctx.emit?.('result', { tab: 'warga', total: pm.total.total, months: 1, people: 1 });
      app(out, h('h4', null, t('cCost')),
        h('p', null, h('span', { class: 'big amt', 'data-monthly': pm.total.total }, rp(pm.total.total, lang)), ' ', t('perMonthShort'),
          explainButton(ctx, { title: t('cCost'), amount: pm.total.total, lines: pm.lines, basis: g.base || g.wage, rules: r.rules, from: month, notes: r.warnings })),
        h('p', null, t('cPaidBy', t('funder_' + g.funder)), ' ', h('span', { class: 'amt' }, rp(pm.total.employer, lang)),
          pm.total.worker !== '0' && [' · ', t('cPaidByYou'), ' ', h('span', { class: 'amt' }, rp(pm.total.worker, lang))]),
        h('p', { class: 'hint', 'data-basis': programme ? 'programme' : 'self' }, pu ? t('cBaseWage', rp(g.wage, lang))
          : programme ? t('cBaseProgramme', t('funder_' + g.funder), rp(g.base, lang))
            : income ? t('cBaseSelf', rp(g.base, lang), rp(income, lang)) : t('cBaseSelfLowest', rp(g.base, lang))),
        r.warnings.map((n) => h('p', { class: 'note' }, lang === 'en' ? n.en : n.id)));
      const b = api.benefits({ scheme: g.scheme, ...(g.base ? { base: g.base } : { wage: g.wage }), membershipMonths: 36,
        children: st.children.map((level) => ({ level })), month }, lang);
      const fam = renderBenefits(ctx, b, t('cFamily'));
      assumptions(fam, b, (() => { try { return api.rulesInForce(month, lang); } catch { return []; } })());
      // Share (issue 13 §2): the amounts only (no age or work), through the share sheet or WhatsApp/copy.
      const jkkDeath = b.jkkDeath?.total;
      const sh = shareControls(ctx, () => ({
        title: t('cShareTitle'),
        text: summaryText([t('cShareTitle'), t('cShareCost', rp(pm.total.total, lang), t('funder_' + g.funder)),
          t('cShareJkm', rp(b.jkm.total, lang)), jkkDeath && t('cShareJkk', rp(jkkDeath, lang)), t('shNote')]),
        url: location.href.split('#')[0],
      }), { tab: 'warga' });
      app(out, fam, nextSteps(), h('p', { class: 'bar' }, sh.button), sh.panel);
      ctx.announce(t('cAnnounce', rp(pm.total.total, lang), rp(b.jkm.total, lang)));
    } catch (e) {
      // an income the module refuses is said in words (never a code or raw digits)
      const msg = e?.code === 'AMOUNT_OUT_OF_RANGE' ? t('amountTooBig') : e?.code === 'INVALID_AMOUNT' ? t('cIncomeInvalid') : ctx.errorText(e);
      app(out, h('p', { class: 'err', role: 'alert' }, msg));
    }
  }
  // Next steps (issue 13 §5): where to register, what to bring, how to claim — the regency's own office first
  // (config.nextSteps), then the official channels. Plain links; nothing is requested until the person clicks.
  function nextSteps() {
    const n = config.nextSteps || Object.create(null);
    const link = (href, text) => h('a', { href, target: '_blank', rel: 'noopener noreferrer', 'data-next': '' }, text);
    const office = n.office && h('li', { 'data-next-office': '' }, t('cNextOffice', n.office), n.address ? ' — ' + n.address : '',
      n.whatsapp && [' · ', link('https://wa.me/' + n.whatsapp, t('cNextWhatsapp'))], n.url && [' · ', link(n.url, t('cNextSite'))]);
    return h('section', { 'aria-labelledby': ctx.id('c-next') }, h('h4', { id: ctx.id('c-next') }, t('cNext')),
      h('ul', null, office, h('li', null, t('cNextRegister')), h('li', null, t('cNextBring')), h('li', null, t('cNextClaim')),
        h('li', null, link('https://www.bpjsketenagakerjaan.go.id', t('cNextOfficial')), ' · ', t('cNextCall'), ' ', link('tel:175', '175'))));
  }
  // The assumptions behind each family figure, next to it (not only in the explain panel).
  function assumptions(box, b, rules) {
    const factor = (id, dflt) => (rules || []).find((p) => p.id === id)?.value || dflt;
    const kids = st.children.length ? t('cAsmKids', st.children.length) : t('cAsmNoKids');
    const basis = b.wageBasis;
    // The amounts come from the module (the widget computes no money).
    const line = (pkg, key) => rp(pkg?.lines?.find((l) => l.key === key)?.amount, lang);
    const add = (key, text) => {
      const fig = box.querySelector(`[data-benefit="${key}"]`);
      fig?.closest('p')?.after(h('p', { class: 'hint asm', 'data-assume': key }, text));
    };
    const d = factor('jkk_death_multiplier', '48');
    const x = factor('jkk_total_disability_multiplier', '56');
    add('bJkm', t('cAsmJkm', kids));
    add('bJkkDeath', t('cAsmDeath', d, rp(basis, lang), line(b.jkkDeath, 'jkk_death_lump_sum'), kids));
    add('bJkkDisability', t('cAsmDisability', x, rp(basis, lang), line(b.jkkDisability, 'jkk_total_disability')));
  }
  const later = debounce(compute, 250);
  renderForm();
  root.append(form, out);
  compute();
  return { destroy() { later.cancel(); clear(root); } };
}
