// Village-head journey: who is covered, by whom, for how long → cost, budget lines, benefits, RAB, CSV, link.
import { h, clear, put, app, thisMonth, debounce } from './dom.js';
import { formatRupiah as rp, formatNumber as num, formatPercent, monthLabel } from './format.js';
import { explainButton, progName, formula } from './explain.js';
import { printCss } from './styles.js';
import { VILLAGE_CATS, INSTITUTIONS, WORK_KINDS, FUNDERS } from './i18n.js';
import { slug } from './store.js';

const PU_ALWAYS = ['kepala_desa', 'perangkat_desa'];
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

// ---- state: validated on every read (storage, link), like any untrusted input ----
const str = (v, max) => (typeof v === 'string' ? v.slice(0, max) : '');
function cleanGroup(g) {
  if (!g || typeof g !== 'object') return null;
  if (!VILLAGE_CATS.includes(g.category)) return null;
  return {
    category: g.category,
    workKind: WORK_KINDS.includes(g.workKind) ? g.workKind : 'lainnya',
    people: str(g.people, 15), base: /^\d{1,12}$/.test(g.base) ? g.base : '1000000',
    wage: str(g.wage, 30), jht: g.jht === true, jp: g.jp === true,
  };
}
export function cleanState(s) {
  if (!s || typeof s !== 'object') return null;
  const groups = Array.isArray(s.groups) ? s.groups.slice(0, 30).map(cleanGroup).filter(Boolean) : [];
  return {
    name: str(s.name, 200), kind: s.kind === 'kelurahan' ? 'kelurahan' : 'desa', danaDesa: str(s.danaDesa, 30),
    funder: FUNDERS.includes(s.funder) ? s.funder : '',
    firstMonth: MONTH.test(s.firstMonth) ? s.firstMonth : thisMonth(),
    months: Number.isInteger(s.months) && s.months >= 1 && s.months <= 60 ? s.months : 12,
    groups: groups.length ? groups : [newGroup()],
    budget: str(s.budget, 30), covGroup: Number.isInteger(s.covGroup) && s.covGroup >= 0 ? s.covGroup : 0,
    sep: s.sep === ';' ? ';' : ',',
  };
}
const newGroup = (category = 'pekerja_rentan') => cleanGroup({ category });

const b64 = {
  enc: (o) => btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(o)))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
  dec: (s) => JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)))),
};
export function stateFromHash(hash) {
  const m = /[#&]kj=([A-Za-z0-9_-]{1,20000})/.exec(hash || '');
  if (!m) return null;
  try { return cleanState(b64.dec(m[1])); } catch { return null; }
}

/** "1.000" → 1000 people; anything else that is not a whole number is refused. */
function people(text) {
  const s = String(text).trim();
  if (s === '') return 0;
  if (/^\d{1,9}$/.test(s)) return +s;
  if (/^\d{1,3}(\.\d{3}){1,2}$/.test(s)) return +s.replace(/\./g, '');
  return null;
}

// Formula injection: = + - @ tab CR at the start of the cell or after , ; tab, a line break or a quote get a ' (as csv.js).
const csvCell = (v, sep) => {
  const s = String(v ?? '').replace(/(?:^|(?<=[,;\t\r\n"]))(?=[=+\-@\t\r])/g, "'");
  return /["\n\r]/.test(s) || s.includes(sep) ? '"' + s.replace(/"/g, '""') + '"' : s;
};

export function renderVillageTab(root, ctx) {
  const { api, t, lang, config, store, id } = ctx;
  const cfgVillages = config.villages || [];
  const findVillage = (name) => cfgVillages.find((v) => v.name.toLowerCase() === String(name).trim().toLowerCase());
  const isPU = (cat) => PU_ALWAYS.includes(cat) || (config.puInstitutions || []).includes(cat);
  let bands = [];
  try { bands = api.bpuBands(); } catch { /* the base select then offers the default only */ }

  function fromConfig(name) {
    const v = findVillage(name);
    const st = cleanState({ name: v ? v.name : name, kind: v?.kind, danaDesa: v?.danaDesa || '' });
    if (v && Object.keys(v.targets).length) {
      st.groups = Object.entries(v.targets).map(([c, n]) => ({ ...newGroup(c), people: String(n) }));
    }
    return st;
  }
  const saved = (name) => {
    const d = store.get('village:' + slug(name));
    const s = cleanState(d);
    if (d != null && !s) store.notice?.('storageCorrupt');
    return s;
  };

  let fromLink = false;
  let st = ctx.state.village;
  if (!st) {
    const linked = stateFromHash(location.hash);
    const last = store.get('last');
    if (last != null && typeof last !== 'string') store.notice?.('storageCorrupt');
    st = linked || (typeof last === 'string' && saved(last)) || fromConfig(typeof last === 'string' ? last : cfgVillages[0]?.name || '');
    fromLink = !!linked;
    ctx.state.village = st;
  }
  for (const g of st.groups) if (isPU(g.category) && !g.wage) g.wage = config.siltap?.[g.category] || '';

  const form = h('form', { novalidate: true, onsubmit: (e) => e.preventDefault() });
  const status = h('p', { class: 'err', role: 'alert' });
  const out = h('section', { class: 'res', 'aria-labelledby': id('res-h') });
  const fields = new Map(); // error path → input
  const errs = new Map(); // error path → message element
  let last = null; // last good result, for print/CSV
  let lastReq = null;

  app(root, fromLink ? h('p', { class: 'note' }, t('fromLink')) : null, form, status, out);

  // ---- form ----
  function field(path, label, input, hint) {
    const fid = id('f-' + path.replace(/\W+/g, '-'));
    input.id = fid;
    input.dataset.k = path;
    const err = h('p', { class: 'err', id: fid + '-e' });
    input.setAttribute('aria-describedby', fid + '-e' + (hint ? ' ' + fid + '-h' : ''));
    fields.set(path, input);
    errs.set(path, err);
    return h('div', { class: 'fld' }, h('label', { for: fid }, label), input, hint && h('p', { class: 'hint', id: fid + '-h' }, hint), err);
  }
  const text = (value, on, extra) => h('input', { type: 'text', value, autocomplete: 'off', oninput: (e) => { on(e.target.value); changed(); }, ...extra });
  const select = (value, opts, on) => h('select', { onchange: (e) => on(e.target.value) },
    opts.map(([v, label, disabled]) => h('option', { value: v, selected: v === value, disabled }, label)));
  const funderOf = () => {
    const f = st.funder || ctx.defaultFunder || (st.kind === 'desa' ? 'apbdes' : 'apbd');
    return st.kind === 'kelurahan' && (f === 'dana_desa' || f === 'apbdes') ? 'apbd' : f;
  };

  let rendering = false;
  function renderForm() {
    // Removing a focused control can fire its change event: never re-enter while rebuilding.
    if (rendering) return;
    rendering = true;
    try { buildForm(); } finally { rendering = false; }
  }
  function buildForm() {
    const focusKey = root.getRootNode().activeElement?.dataset?.k;
    fields.clear();
    errs.clear();
    const dl = h('datalist', { id: id('villages') }, cfgVillages.map((v) => h('option', { value: v.name })));
    const kelurahan = st.kind === 'kelurahan';
    const funder = funderOf();
    put(form, 
      h('fieldset', null, h('legend', null, t('vVillage')),
        h('div', { class: 'grid' },
          field('name', t('vName'), text(st.name, (v) => { st.name = v; }, {
            list: id('villages'),
            onchange: (e) => pickVillage(e.target.value),
          }), cfgVillages.length ? t('vNameHint') : null),
          dl,
          h('div', { class: 'fld' }, h('span', { class: 'lbl', id: id('kind-l') }, t('vKind')),
            h('div', { role: 'radiogroup', 'aria-labelledby': id('kind-l') },
              ['desa', 'kelurahan'].map((k) => h('label', { class: 'ck' },
                h('input', { type: 'radio', name: id('kind'), value: k, checked: st.kind === k, 'data-k': 'kind-' + k,
                  onchange: () => { st.kind = k; renderForm(); changed(); } }), t('kind_' + k))))),
          !kelurahan && field('danaDesa', t('vDanaDesa'), text(st.danaDesa, (v) => { st.danaDesa = v; }, { inputmode: 'numeric' }), t('vDanaDesaHint')),
          field('funder', t('vFunder'), select(funder, FUNDERS.map((f) => [f, t('funder_' + f), kelurahan && (f === 'dana_desa' || f === 'apbdes')]),
            (v) => { st.funder = v; renderForm(); changed(); }), kelurahan ? t('vKelurahanNoDD') : funder === 'dana_desa' ? t('vDDCaveat') : null))),
      h('fieldset', null, h('legend', null, t('vWho')), st.groups.map(groupRow),
        h('p', { class: 'bar' }, h('button', { type: 'button', 'data-k': 'add', onclick: () => { st.groups.push(newGroup()); renderForm(); changed(); fields.get(`groups[${st.groups.length - 1}].category`)?.focus(); } }, t('vAdd')))),
      h('fieldset', null, h('legend', null, t('vPeriod')),
        h('div', { class: 'grid' },
          field('firstMonth', t('vFirstMonth'), h('input', { type: 'month', value: st.firstMonth, min: '2015-07', max: '2099-12',
            oninput: (e) => { if (MONTH.test(e.target.value)) { st.firstMonth = e.target.value; changed(); } } })),
          field('months', t('vMonths'), h('input', { type: 'number', min: 1, max: 60, step: 1, value: st.months, inputmode: 'numeric',
            oninput: (e) => { const n = +e.target.value; st.months = n; changed(); } })))),
    );
    if (focusKey) form.querySelector(`[data-k="${CSS.escape(focusKey)}"]`)?.focus();
  }

  function groupRow(g, i) {
    const p = `groups[${i}]`;
    const pu = isPU(g.category);
    const upd = (k) => (v) => { g[k] = v; };
    return h('fieldset', { class: 'row' }, h('legend', null, t('vGroup', i + 1)),
      h('div', { class: 'grid g3' },
        field(p + '.category', t('vCategory'), select(g.category, VILLAGE_CATS.map((c) => [c, t('cat_' + c)]), (v) => {
          g.category = v;
          if (isPU(v)) g.wage = g.wage || config.siltap?.[v] || '';
          else g.jp = false;
          renderForm(); changed();
        })),
        g.category === 'pekerja_rentan' && field(p + '.workKind', t('vWorkKind'), select(g.workKind, WORK_KINDS.map((w) => [w, t('wk_' + w)]), (v) => { g.workKind = v; changed(); })),
        field(p + '.people', t('vPeople'), text(g.people, upd('people'), { inputmode: 'numeric' })),
        pu
          ? field(p + '.wage', t(g.category === 'kepala_desa' || g.category === 'perangkat_desa' ? 'vSiltap' : 'vHonor'), text(g.wage, upd('wage'), { inputmode: 'numeric' }), t('vWageHint'))
          : field(p + '.base', t('vBase'), select(g.base, (bands.length ? bands : [{ base: '1000000' }]).map((b) => [b.base,
            rp(b.base, lang) + (b.lower ? ' — ' + t('vBand', rp(b.lower, lang), b.upper ? rp(b.upper, lang) : '∞') : '') + (b.needsVerification ? ' (' + t('needsVerification') + ')' : '')]),
          (v) => { g.base = v; changed(); }), t('vBaseHint'))),
      h('div', { class: 'bar' },
        h('label', { class: 'ck' }, h('input', { type: 'checkbox', checked: g.jht, 'data-k': p + '.jht', onchange: (e) => { g.jht = e.target.checked; changed(); } }), t('vJht')),
        pu && h('label', { class: 'ck' }, h('input', { type: 'checkbox', checked: g.jp, 'data-k': p + '.jp', onchange: (e) => { g.jp = e.target.checked; changed(); } }), t('vJp')),
        st.groups.length > 1 && h('button', { type: 'button', onclick: () => { st.groups.splice(i, 1); renderForm(); changed(); form.querySelector('[data-k=add]')?.focus(); } }, t('vRemove', i + 1))));
  }

  function pickVillage(name) {
    const key = slug(name);
    if (!name.trim() || slug(st.name) === key && findVillage(name)?.name === st.name) return;
    const next = saved(name) || (findVillage(name) ? fromConfig(name) : null);
    if (next) {
      Object.assign(st, next, { firstMonth: st.firstMonth, months: st.months });
      for (const g of st.groups) if (isPU(g.category) && !g.wage) g.wage = config.siltap?.[g.category] || '';
      renderForm();
      changed();
    }
  }

  // ---- compute ----
  function request() {
    const problems = [];
    const groups = st.groups.map((g, i) => {
      const n = people(g.people);
      if (n == null) problems.push([`groups[${i}].people`, t('vPeopleInvalid')]);
      const r = { category: g.category, people: n ?? 0, jht: g.jht };
      if (g.category === 'pekerja_rentan') r.workKind = g.workKind;
      if (isPU(g.category)) Object.assign(r, { wage: g.wage, jp: g.jp }, INSTITUTIONS.includes(g.category) ? { scheme: 'pu' } : null);
      else r.base = g.base;
      return r;
    });
    if (!Number.isInteger(st.months) || st.months < 1 || st.months > 60) problems.push(['months', t('vMonthsInvalid')]);
    const unit = { name: st.name.trim() || t('vUnnamed'), kind: st.kind, funder: funderOf(), groups };
    if (st.kind === 'desa' && st.danaDesa.trim()) unit.danaDesa = st.danaDesa;
    return { problems, req: { firstMonth: st.firstMonth, months: st.months, units: [unit] } };
  }

  function showErrors(list) {
    for (const [k, input] of fields) { input.removeAttribute('aria-invalid'); errs.get(k).textContent = ''; }
    status.textContent = '';
    const loose = [];
    for (const [path, msg] of list) {
      const k = String(path || '').replace(/^units\[0\]\.?/, '');
      const input = fields.get(k) || fields.get(k.replace(/\.[^.]*$/, '.people'));
      if (input && k) { input.setAttribute('aria-invalid', 'true'); errs.get(input.dataset.k).textContent = msg; } else loose.push(msg);
    }
    if (list.length) status.textContent = loose.length ? loose.join(' ') : t('fixFields');
  }

  const persist = () => {
    store.set('village:' + slug(st.name), st);
    store.set('last', st.name);
  };

  function compute(save = true) {
    out.removeAttribute('aria-busy');
    const { problems, req } = request();
    if (save) persist();
    let res = null;
    if (!problems.length) {
      try { res = api.estimate(req, lang); } catch (e) { problems.push([e.path, ctx.errorText(e)]); }
    }
    showErrors(problems);
    if (!res) {
      // never leave a stale result looking current
      last = null;
      put(out, h('h3', { id: id('res-h') }, t('result')), h('p', { class: 'hint' }, t('noResult')));
      return;
    }
    last = res;
    lastReq = req;
    renderResult(res);
    ctx.announce(t('announceTotal', rp(res.total.total, lang), res.months, num(res.people, lang)));
  }
  const later = debounce(compute, 250);
  const changed = () => { out.setAttribute('aria-busy', 'true'); later(); };
  changed.cancel = later.cancel;

  // ---- results ----
  const ex = (info) => explainButton(ctx, { rules: last?.rules, from: last?.firstMonth, until: last?.lastMonth, ...info });
  const amt = (digits, info) => h('span', { class: 'amt' }, rp(digits, lang), info && ex({ amount: digits, ...info }));
  const fname = (f) => t('funder_' + f);

  function groupLabel(g) {
    return t('cat_' + g.category) + (g.base ? ' · ' + t('vBaseShort', rp(g.base, lang)) : g.wage ? ' · ' + t('vWageShort', rp(g.wage, lang)) : '');
  }

  const splitSteps = (k) => last.units[0].groups.map((g) => t('stepGroup', groupLabel(g), num(g.people, lang), rp(g.total[k], lang)));
  const allIds = (u) => u.groups.flatMap((g) => g.perPerson.flatMap((s) => s.perPersonMonth.lines.flatMap((l) => l.rules)));

  function renderResult(res) {
    const u = res.units[0];
    const title = t('resTotal', monthLabel(res.firstMonth, lang), monthLabel(res.lastMonth, lang));
    let words = '';
    try { words = api.terbilang(res.total.total, lang); } catch { /* optional */ }
    const groupSteps = u.groups.map((g) => t('stepGroup', groupLabel(g), num(g.people, lang), rp(g.total.total, lang)));
    put(out, 
      h('h3', { id: id('res-h') }, t('result'), st.name.trim() ? ' — ' + st.name.trim() : ''),
      h('p', null, title),
      h('p', { class: 'big', 'data-total': res.total.total }, amt(res.total.total, { title, steps: groupSteps, ids: allIds(u), notes: res.warnings })),
      words && h('p', { class: 'words' }, words),
      h('p', null, t('resMonthly'), ' ', amt(res.monthlyAverage.total, { title: t('resMonthly'), steps: [t('stepAverage', rp(res.total.total, lang), res.months)] }),
        ' · ', t('resPeople', num(res.people, lang))),
      h('p', null, t('resEmployer', res.funders.map((f) => fname(f.funder)).join(', ')), ' ', amt(res.total.employer, { title: t('employer'), steps: splitSteps('employer') }),
        res.total.worker !== '0' && [' · ', t('resWorker'), ' ', amt(res.total.worker, { title: t('worker'), steps: splitSteps('worker') })]),
      h('div', { class: 'cols' },
        h('div', null, h('h4', null, t('resPerPerson')), h('table', null, h('tbody', null, u.groups.flatMap((g, gi) => g.perPerson.map((s) => h('tr', null,
          h('td', null, g.label || groupLabel(g), h('br'), h('small', null, num(g.people, lang) + ' ' + t('persons') + (g.perPerson.length > 1 ? ' · ' + monthLabel(s.from, lang) + ' – ' + monthLabel(s.until, lang) : ''),
            ' · ' + t('groupPeriod') + ' ', h('span', { class: 'amt' }, rp(g.total.total, lang)))),
          h('td', { class: 'n', 'data-g': gi }, amt(s.perPersonMonth.total.total, {
            title: t('perPersonMonthOf', t('cat_' + g.category)), lines: s.perPersonMonth.lines, basis: g.base || g.wage, from: s.from, until: s.until,
          }), h('br'), h('small', null, t('perMonthShort'))))))))),
        h('div', null, h('h4', null, t('resPerProgramme')), h('table', null, h('tbody', null, res.programmes.map((p) => h('tr', null,
          h('td', null, t('prog_' + p.programme)), h('td', { class: 'n' }, amt(p.total.total, {
            title: t('prog_' + p.programme),
            ids: u.groups.flatMap((g) => g.perPerson.flatMap((s) => s.perPersonMonth.lines.filter((l) => l.programme === p.programme).flatMap((l) => l.rules))),
            steps: u.groups.map((g) => [g, g.programmeTotals.find((x) => x.programme === p.programme)]).filter(([, x]) => x)
              .map(([g, x]) => t('stepGroup', groupLabel(g), num(g.people, lang), rp(x.total.total, lang))),
          })))))))),
      u.danaDesa && u.danaDesa.used !== '0' && h('p', null, t('resDanaDesa', formatPercent(u.danaDesa.sharePercent, lang), rp(u.danaDesa.allocation, lang)), ' ',
        ex({ title: t('danaDesaShare'), steps: [t('stepDanaDesa', rp(u.danaDesa.used, lang), rp(u.danaDesa.allocation, lang), formatPercent(u.danaDesa.sharePercent, lang))] })),
      u.budgetLines?.length > 0 && [h('h4', null, t('resBudgetLines')), h('table', null, h('tbody', null, u.budgetLines.map((b) => h('tr', null,
        h('td', null, h('code', null, [b.activity, b.account].filter(Boolean).join(' / ')), ' ', lang === 'en' ? b.nameEn : b.nameId),
        h('td', { class: 'n' }, amt(b.total.total, { title: b.account + ' ' + (lang === 'en' ? b.nameEn : b.nameId),
          steps: [t('employer') + ': ' + rp(b.total.employer, lang), t('worker') + ': ' + rp(b.total.worker, lang)] }))))))],
      res.warnings?.length > 0 && [h('h4', null, t('notes')), res.warnings.map((n) => h('p', { class: 'note' }, lang === 'en' ? n.en : n.id,
        n.needsVerification && h('span', { class: 'ver' }, t('needsVerification'))))],
      benefitsBlock(),
      coverageBlock(),
      actions(),
    );
  }

  // What the cost buys: what one covered person's family would receive.
  function benefitsBlock() {
    const g = st.groups.find((x) => people(x.people) > 0) || st.groups[0];
    const pu = isPU(g.category);
    const req = { scheme: pu ? 'pu' : 'bpu', ...(pu ? { wage: g.wage } : { base: g.base }), membershipMonths: 36, month: st.firstMonth };
    try {
      const b = api.benefits(req, lang);
      // The most two children can receive (both from their first school year), as a separate, plainly stated figure.
      const two = api.benefits({ ...req, children: [{ level: 'belum_sekolah' }, { level: 'belum_sekolah' }] }, lang);
      const sch = two.jkm.lines.find((l) => l.key === 'scholarships');
      return renderBenefits(ctx, b, t('benefitsFor', t('cat_' + g.category)), sch);
    } catch (e) {
      return h('p', { class: 'hint' }, t('benefitsUnavailable', ctx.errorText(e)));
    }
  }

  // Inverse: a budget covers how many people for N months.
  const cov = h('div');
  const covLater = debounce(() => runCoverage(), 250);
  function coverageBlock() {
    const sel = select(String(Math.min(st.covGroup, st.groups.length - 1)), st.groups.map((g, i) => [String(i), t('vGroup', i + 1) + ': ' + t('cat_' + g.category)]), (v) => { st.covGroup = +v; persist(); runCoverage(); });
    sel.id = id('cov-g');
    const inp = h('input', { type: 'text', value: st.budget, id: id('cov-b'), inputmode: 'numeric', autocomplete: 'off', 'aria-describedby': id('cov-o'),
      oninput: (e) => { st.budget = e.target.value; persist(); covLater(); } });
    const box = h('div', { class: 'row' }, h('h4', null, t('covTitle', st.months)),
      h('div', { class: 'grid' }, h('div', null, h('label', { for: id('cov-b') }, t('covBudget')), inp),
        h('div', null, h('label', { for: id('cov-g') }, t('covGroup')), sel)),
      clear(cov));
    cov.id = id('cov-o');
    runCoverage();
    return box;
  }
  function runCoverage() {
    clear(cov);
    if (!st.budget.trim()) return;
    const { req } = request();
    const g = req.units[0].groups[Math.min(st.covGroup, req.units[0].groups.length - 1)];
    try {
      const c = api.coverage({ budget: st.budget, firstMonth: st.firstMonth, months: st.months, group: g, funder: funderOf(), unitKind: st.kind }, lang);
      app(cov, h('p', { 'data-people': c.people }, h('strong', null, t('covResult', num(c.people, lang), st.months))),
        h('p', null, t('covCost'), ' ', h('span', { class: 'amt' }, rp(c.cost.employer, lang))),
        h('p', null, t('covPerPerson'), ' ', h('span', { class: 'amt' }, rp(c.perPersonPeriod, lang)),
          ex({ amount: c.perPersonPeriod, title: t('covPerPerson'), lines: c.perPerson[0]?.perPersonMonth.lines, basis: g.base || g.wage,
            steps: c.perPerson.map((s) => t('stepSegment', monthLabel(s.from, lang), monthLabel(s.until, lang), rp(s.perPersonMonth.total.total, lang), s.months)) }),
          ' · ', t('covLeft'), ' ', h('span', { class: 'amt' }, rp(c.leftOver, lang))),
        c.warnings.map((n) => h('p', { class: 'note' }, lang === 'en' ? n.en : n.id)));
      ctx.announce(t('covResult', num(c.people, lang), st.months));
    } catch (e) {
      app(cov, h('p', { class: 'err' }, ctx.errorText(e)));
    }
  }

  // ---- outputs: print (RAB), CSV, link, reset ----
  const linkOut = h('input', { type: 'text', readonly: true, id: id('link'), 'aria-label': t('linkLabel') });
  function actions() {
    const sep = select(st.sep, [[',', t('csvComma')], [';', t('csvSemicolon')]], (v) => { st.sep = v; persist(); });
    sep.id = id('sep');
    return h('div', null, h('h4', null, t('outputs')),
      h('div', { class: 'bar' },
        h('button', { type: 'button', onclick: printRab }, t('print')),
        h('button', { type: 'button', onclick: downloadCsv }, t('csv')),
        h('button', { type: 'button', onclick: share }, t('share')),
        h('button', { type: 'button', onclick: reset }, t('reset'))),
      h('div', { class: 'grid' }, h('div', null, h('label', { for: id('sep') }, t('csvSep')), sep)),
      h('div', { class: 'fld', hidden: !linkOut.value }, h('label', { for: id('link') }, t('linkLabel')), linkOut));
  }

  function rabRows() {
    const u = last.units[0];
    const rows = [];
    u.groups.forEach((g) => {
      const what = t('rabItem', g.programmes.map(progName).join('+'), g.label || groupLabel(g));
      g.perPerson.forEach((s, i) => rows.push([
        what + (g.perPerson.length > 1 ? ` (${monthLabel(s.from, lang)} – ${monthLabel(s.until, lang)})` : ''),
        t('rabVolume', num(g.people, lang), s.months), t('rabUnit'), s.perPersonMonth.total.employer,
        g.perPerson.length === 1 ? g.total.employer : i === g.perPerson.length - 1 ? g.total.employer : null,
      ]));
    });
    return rows;
  }

  function printRab() {
    if (!last) return;
    const u = last.units[0];
    root.querySelector('iframe')?.remove();
    const frame = h('iframe', { class: 'frame', title: t('print'), 'aria-hidden': 'true', tabindex: '-1' });
    root.append(frame);
    const doc = frame.contentDocument;
    const win = frame.contentWindow;
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(printCss);
    doc.adoptedStyleSheets = [sheet];
    const H = (tag, props, ...kids) => { const e = doc.createElement(tag); if (props?.class) e.className = props.class; for (const k of kids.flat(9)) if (k != null && k !== false) e.append(k); return e; };
    doc.documentElement.lang = lang;
    doc.title = t('rabTitle');
    const lines = u.budgetLines || [];
    app(doc.body,
      H('h1', null, t('rabTitle')),
      H('p', null, t('rabVillage', u.name, t('kind_' + u.kind)) + (ctx.regency ? ' — ' + ctx.regency : '')),
      H('p', null, t('rabPeriod', monthLabel(last.firstMonth, lang), monthLabel(last.lastMonth, lang), last.months)),
      H('p', null, t('vFunder') + ': ' + last.funders.map((f) => fname(f.funder)).join(', ')),
      lines.map((b) => H('p', null, t('rabCode') + ': ' + [b.activity, b.account].filter(Boolean).join(' / ') + ' — ' + (lang === 'en' ? b.nameEn : b.nameId) + ' (' + rp(b.total.employer, lang) + ')')),
      H('table', null,
        H('thead', null, H('tr', null, ['No', t('rabDesc'), t('rabVol'), t('rabUnitH'), t('rabPrice'), t('rabAmount')].map((x, i) => H('th', i > 3 ? { class: 'n' } : null, x)))),
        H('tbody', null, rabRows().map((r, i) => H('tr', null, H('td', null, String(i + 1)), H('td', null, r[0]), H('td', null, r[1]), H('td', null, r[2]),
          H('td', { class: 'n' }, rp(r[3], lang)), H('td', { class: 'n' }, r[4] == null ? '' : rp(r[4], lang))))),
        H('tfoot', null, H('tr', null, H('td', null, ''), H('td', null, t('rabTotal')), H('td', null, ''), H('td', null, ''), H('td', null, ''), H('td', { class: 'n' }, rp(last.total.employer, lang))))),
      H('p', null, t('rabWords') + ': ' + (() => { try { return api.terbilang(last.total.employer, lang); } catch { return ''; } })()),
      last.total.worker !== '0' ? H('p', null, t('rabWorkerNote', rp(last.total.worker, lang))) : null,
      H('div', { class: 'sig' }, H('p', null, t('rabMade')), H('p', null, t('rabApproved'))),
    );
    win.focus();
    win.print();
  }

  function csvText() {
    const sep = st.sep;
    const u = last.units[0];
    const rows = [
      [t('csvVillage'), u.name], [t('vKind'), t('kind_' + u.kind)],
      [t('vPeriod'), last.firstMonth + ' – ' + last.lastMonth], [t('vMonths'), last.months],
      [t('vFunder'), last.funders.map((f) => fname(f.funder)).join(', ')], [],
      [t('rabDesc'), t('vCategory'), t('vPeople'), t('vMonths'), t('csvPerPersonMonth'), t('rabAmount'), t('employer'), t('worker')],
      ...u.groups.map((g) => [g.label || groupLabel(g), t('cat_' + g.category), g.people, last.months,
        g.perPerson.map((s) => s.perPersonMonth.total.total).join(' / '), g.total.total, g.total.employer, g.total.worker]),
      [], [t('programme'), '', '', '', '', t('rabAmount'), t('employer'), t('worker')],
      ...last.programmes.map((p) => [t('prog_' + p.programme), '', '', '', '', p.total.total, p.total.employer, p.total.worker]),
      ...(u.budgetLines || []).map((b) => [[b.activity, b.account].filter(Boolean).join(' / ') + ' ' + (lang === 'en' ? b.nameEn : b.nameId), '', '', '', '', b.total.total, b.total.employer, b.total.worker]),
      [t('rabTotal'), '', last.people, last.months, '', last.total.total, last.total.employer, last.total.worker],
    ];
    return '\ufeff' + rows.map((r) => r.map((c) => csvCell(c, sep)).join(sep)).join('\r\n') + '\r\n';
  }

  function downloadCsv() {
    if (!last) return;
    const url = URL.createObjectURL(new Blob([csvText()], { type: 'text/csv;charset=utf-8' }));
    const a = h('a', { href: url, download: `iuran-bpjstk-${slug(last.units[0].name)}-${last.firstMonth}.csv`, hidden: true });
    root.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 5000);
  }

  async function share() {
    // the link carries what a link may carry (cleanState's limits), so it always fits what stateFromHash reads
    const url = location.href.split('#')[0] + '#kj=' + b64.enc(cleanState(st));
    linkOut.value = url;
    linkOut.parentElement.hidden = false;
    linkOut.focus();
    linkOut.select();
    let copied = false;
    try { await navigator.clipboard.writeText(url); copied = true; } catch { /* the field shows the link to copy by hand */ }
    ctx.announce(copied ? t('linkCopied') : t('linkReady'));
  }

  function reset() {
    later.cancel();
    store.remove('village:' + slug(st.name));
    store.remove('last');
    const fresh = fromConfig(st.name);
    for (const k of Object.keys(st)) delete st[k];
    Object.assign(st, fresh);
    renderForm();
    compute(false);
    ctx.announce(t('resetDone'));
    fields.get('name')?.focus();
  }

  renderForm();
  compute(false);
  return { destroy() { changed.cancel(); covLater.cancel(); clear(root); }, csvText: () => last && csvText() };
}

/** Benefits of one covered person, in words a village meeting understands (shared with the citizen tab). */
export function renderBenefits(ctx, b, heading, scholarship) {
  const { t, lang } = ctx;
  const label = (l) => (lang === 'en' ? l.labelEn : l.labelId);
  const ver = (x) => (x.needsVerification ?? x.needs_verification) && h('span', { class: 'ver' }, t('needsVerification'));
  const L = (l) => h('li', null, label(l) + ': ', l.amount == null ? t('asNeeded') : h('span', { class: 'amt' }, rp(l.amount, lang)), ver(l));
  const rules = safeRules(ctx);
  const pack = (key, p) => p && h('div', null,
    h('p', null, h('strong', null, t(key) + ' '), h('span', { class: 'amt', 'data-benefit': key }, rp(p.total, lang)),
      explainButton(ctx, { title: t(key), amount: p.total, ids: [...(b.wageBasisRules || []), ...p.lines.flatMap((l) => l.rules || [])], rules,
        steps: p.lines.map((l) => label(l) + ': ' + (l.amount == null ? t('asNeeded') : rp(l.amount, lang))) })),
    p.lines.length > 1 && h('ul', null, p.lines.map(L)));
  const notEligible = (b.scholarships || []).filter((s) => !s.eligible && s.reason);
  return h('div', { class: 'row' }, h('h4', null, heading),
    pack('bJkm', b.jkm), pack('bJkkDeath', b.jkkDeath), pack('bJkkDisability', b.jkkDisability),
    scholarship && h('p', null, h('strong', null, t('bScholarshipUpTo') + ' '), h('span', { class: 'amt' }, rp(scholarship.amount, lang)),
      explainButton(ctx, { title: t('bScholarshipUpTo'), amount: scholarship.amount, ids: scholarship.rules, rules })),
    notEligible.map((s) => h('p', { class: 'note' }, lang === 'en' ? s.reason.en : s.reason.id)),
    b.jkkCare?.length > 0 && h('details', null, h('summary', null, t('bJkkCare')), h('ul', null, b.jkkCare.map(L))),
    b.notes?.length > 0 && h('details', null, h('summary', null, t('notes')), b.notes.map((n) => h('p', { class: 'note' }, lang === 'en' ? n.en : n.id, ver(n)))));
}

function safeRules(ctx) {
  try { return ctx.api.rulesInForce(ctx.state.village?.firstMonth || thisMonth(), ctx.lang); } catch { return []; }
}
