// Village-head journey: who is covered, by whom, for how long → cost, budget lines, benefits, RAB, CSV, link.
import { h, clear, put, app, thisMonth, debounce } from './dom.js';
import { formatRupiah as rp, formatNumber as num, formatPercent, monthLabel, monthName, dateLabel } from './format.js';
import { explainButton, progName, formula } from './explain.js';
import { printCss } from './styles.js';
import { VILLAGE_CATS, INSTITUTIONS, WORK_KINDS, FUNDERS } from './i18n.js';
import { slug } from './store.js';
import { shareControls, summaryText } from './share.js';

const PU_ALWAYS = ['kepala_desa', 'perangkat_desa'];
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const RAB_KEYS = ['kecamatan', 'place', 'pkaTitle', 'pkaName', 'verTitle', 'verName', 'kadesName'];
const pad2 = (n) => String(n).padStart(2, '0');
/** The budget year being prepared: from October on, next year's APBDes is being drafted. */
export function defaultYear(d = new Date()) { return d.getFullYear() + (d.getMonth() >= 9 ? 1 : 0); }

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
    funder: FUNDERS.includes(g.funder) ? g.funder : '', // '' = the village's funder
  };
}
export function cleanState(s) {
  if (!s || typeof s !== 'object') return null;
  const groups = Array.isArray(s.groups) ? s.groups.slice(0, 30).map(cleanGroup).filter(Boolean) : [];
  const fm = MONTH.test(s.firstMonth) ? s.firstMonth : null;
  // The period is a budget year (Tahun Anggaran), January – December unless a part of it is chosen deliberately.
  const year = Number.isInteger(s.year) && s.year >= 2015 && s.year <= 2099 ? s.year : fm ? +fm.slice(0, 4) : defaultYear();
  const partial = s.partial === true;
  const start = partial && fm && +fm.slice(0, 4) === year ? +fm.slice(5) : 7;
  const rab = s.rab && typeof s.rab === 'object' ? s.rab : {};
  return {
    name: str(s.name, 200), kind: s.kind === 'kelurahan' ? 'kelurahan' : 'desa', danaDesa: str(s.danaDesa, 30),
    funder: FUNDERS.includes(s.funder) ? s.funder : '',
    year, partial,
    firstMonth: partial ? `${year}-${pad2(start)}` : `${year}-01`,
    months: !partial ? 12 : Number.isInteger(s.months) && s.months >= 1 && s.months <= 13 - start ? s.months : 13 - start,
    groups: groups.length ? groups : [newGroup()],
    budget: str(s.budget, 30), covGroup: Number.isInteger(s.covGroup) && s.covGroup >= 0 ? s.covGroup : 0,
    sep: s.sep === ';' ? ';' : ',',
    rab: Object.fromEntries(RAB_KEYS.map((k) => [k, str(rab[k], 100)])),
    example: s.example === true,
  };
}
const newGroup = (category = 'pekerja_rentan') => cleanGroup({ category });

const b64 = {
  enc: (o) => btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(o)))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
  dec: (s) => JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)))),
};
export function stateFromHash(hash) {
  return readLink(hash)?.state || null;
}
// What a link may carry: cleanState's limits encoded stay well under this (30 groups, 200-character name, RAB names).
const LINK_MAX = 20000;
// "kj=" as written, or percent-encoded once or more (%3D, %253D …) after ?, #, & (or their encodings).
const LINK_MARK = /(?:^|[?#&]|%(?:25)*(?:23|26|3f))kj(?:=|%(?:25)*3d)/i;
/**
 * The scenario in a page address (search and fragment): { state } when the whole scenario was read; { broken: true }
 * when the address carries a scenario link that cannot be read whole — cut by a chat app, malformed %, extra or
 * missing characters, too long —; null when there is no scenario link. A link percent-encoded once or twice by a mail
 * client (#%23kj%3D…) is decoded and used: the payload's alphabet (A–Z a–z 0–9 - _) has no % of its own, so the
 * decoded text is the original exactly, and it is used only when it then reads whole.
 */
export function readLink(href) {
  const s = String(href || '');
  const at = s.search(/[?#]/);
  let part = at < 0 ? '' : s.slice(at);
  if (!LINK_MARK.test(part)) return null;
  for (let round = 0; round < 3; round++) {
    const m = /[?#&]kj=([^&#]*)/.exec(part);
    if (m) {
      if (!/^[A-Za-z0-9_-]+$/.test(m[1]) || m[1].length > LINK_MAX) return { broken: true };
      let st = null;
      try { st = cleanState(b64.dec(m[1])); } catch { /* cut or altered */ }
      return st ? { state: st } : { broken: true };
    }
    try { part = decodeURIComponent(part); } catch { return { broken: true }; }
  }
  return { broken: true };
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

// Permendagri 20/2018 classification (APBDES.md §3): names printed on the RAB for the codes the rules give.
const BIDANG = { 1: 'Penyelenggaraan Pemerintahan Desa', 2: 'Pelaksanaan Pembangunan Desa', 3: 'Pembinaan Kemasyarakatan Desa',
  4: 'Pemberdayaan Masyarakat Desa', 5: 'Penanggulangan Bencana, Keadaan Darurat dan Mendesak Desa' };
const SUB_BIDANG = { '1.1': 'Penyelenggaraan Belanja Siltap, Tunjangan dan Operasional Pemerintahan Desa' };
const KEGIATAN = { '1.1.03': 'Penyediaan Jaminan Sosial bagi Kepala Desa dan Perangkat Desa' };
// Instruments named in the rules' sources, for the RAB's "Dasar hukum".
const INSTRUMENT = /\b(?:PP|UU|Perpres|Permendagri|Permendes(?: PDT)?|Permenaker|PMK|Perbup)\s+(?:No\.?\s*)?\d+\/\d{4}|\bSurat Edaran [A-Za-z]+ \d+\/[A-Z.]+\/[IVX]+\/\d{4}/g;

export function renderVillageTab(root, ctx) {
  const { api, t, lang, config, store, id } = ctx;
  const cfgVillages = config.villages || [];
  const findVillage = (name) => cfgVillages.find((v) => v.name.toLowerCase() === String(name).trim().toLowerCase());
  const isPU = (cat) => PU_ALWAYS.includes(cat) || (config.puInstitutions || []).includes(cat);
  let bands = [];
  try { bands = api.bpuBands(); } catch { /* the base select then offers the default only */ }

  function fromConfig(name) {
    const v = findVillage(name);
    const st = cleanState({ name: v ? v.name : name, kind: v?.kind, danaDesa: v?.danaDesa || '', rab: { kecamatan: typeof v?.kecamatan === 'string' ? v.kecamatan : '' } });
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
  let linkBroken = false;
  let st = ctx.state.village;
  if (!st) {
    // A damaged link is said plainly; nothing of it is shown or saved (the visitor's own data stays as it was).
    const link = readLink(location.href);
    const linked = link?.state || null;
    linkBroken = !!link?.broken;
    const last = store.get('last');
    if (last != null && typeof last !== 'string') store.notice?.('storageCorrupt');
    st = linked || (typeof last === 'string' && saved(last)) || null;
    if (!st) {
      // Nothing of the user's own: the regency's first village (or an empty form), marked as an example.
      st = fromConfig(typeof last === 'string' ? last : cfgVillages[0]?.name || '');
      st.example = typeof last !== 'string' && cfgVillages.length > 0;
    }
    fromLink = !!linked;
    ctx.state.village = st;
  }
  const fillSiltap = () => { for (const g of st.groups) if (isPU(g.category) && !g.wage) g.wage = config.siltap?.[g.category] || ''; };
  fillSiltap();
  // The village whose data `st` holds: a name typed but not yet committed (change) is not saved under its own key.
  let loadedAs = ctx.state.villageKey ?? slug(st.name);
  const setLoaded = (k) => { loadedAs = ctx.state.villageKey = k; };
  let switchNote = '';

  const form = h('form', { novalidate: true, onsubmit: (e) => e.preventDefault() });
  const status = h('p', { class: 'err', role: 'alert' });
  const out = h('section', { class: 'res', 'aria-labelledby': id('res-h') });
  const fields = new Map(); // error path → input
  const errs = new Map(); // error path → message element
  let last = null; // last good result, for print/CSV
  let lastReq = null;

  app(root, fromLink ? h('p', { class: 'note' }, t('fromLink')) : null,
    linkBroken ? h('p', { class: 'note', role: 'alert', 'data-link': 'broken' }, t('linkBroken')) : null, form, status, out);

  // ---- form ----
  function field(path, label, input, hint, extra) {
    const fid = id('f-' + path.replace(/\W+/g, '-'));
    input.id = fid;
    input.dataset.k = path;
    const err = h('p', { class: 'err', id: fid + '-e' });
    input.setAttribute('aria-describedby', fid + '-e' + (hint ? ' ' + fid + '-h' : ''));
    fields.set(path, input);
    errs.set(path, err);
    return h('div', { class: 'fld' }, h('label', { for: fid }, label), input, hint && h('p', { class: 'hint', id: fid + '-h' }, hint), err, extra);
  }
  const text = (value, on, extra) => h('input', { type: 'text', value, autocomplete: 'off', oninput: (e) => { on(e.target.value); changed(); }, ...extra });
  const select = (value, opts, on) => h('select', { onchange: (e) => on(e.target.value) },
    opts.map(([v, label, disabled]) => h('option', { value: v, selected: v === value, disabled }, label)));
  const funderOf = () => {
    const f = st.funder || ctx.defaultFunder || (st.kind === 'desa' ? 'apbdes' : 'apbd');
    return st.kind === 'kelurahan' && (f === 'dana_desa' || f === 'apbdes') ? 'apbd' : f;
  };
  const groupFunder = (g) => {
    const f = g.funder || funderOf();
    return st.kind === 'kelurahan' && (f === 'dana_desa' || f === 'apbdes') ? 'apbd' : f;
  };
  const startMonth = () => +st.firstMonth.slice(5);

  // Dana Desa where a ministry instrument forbids it for this category in this budget year (api.fundingRule).
  function forbidden() {
    if (typeof api.fundingRule !== 'function') return [];
    const bad = [];
    st.groups.forEach((g, i) => {
      if (groupFunder(g) !== 'dana_desa') return;
      let r = null;
      try { r = api.fundingRule({ category: g.category, year: st.year }); } catch { return; }
      if (r && r.status === 'no') bad.push({ i, g, instrument: r.instrument || '', path: g.funder ? `groups[${i}].funder` : 'funder' });
    });
    return bad;
  }
  const uniq = (xs) => [...new Set(xs.filter(Boolean))];
  const catsOf = (list) => uniq(list.map((b) => t('cat_' + b.g.category))).join(', ');
  const forbiddenText = (list) => t('ddForbidden', catsOf(list), st.year, uniq(list.map((b) => b.instrument)).join('; '));
  function switchButton(list) {
    return h('button', { type: 'button', class: 'pri', 'data-k': 'switch-' + list[0].path, onclick: () => {
      for (const b of list) st.groups[b.i].funder = 'apbdes';
      renderForm();
      changed();
      (fields.get(list[0].path) || fields.get(`groups[${list[0].i}].funder`))?.focus();
      ctx.announce(t('ddSwitched', catsOf(list)));
    } }, t('ddSwitch', catsOf(list)));
  }

  let rendering = false;
  function renderForm() {
    // Removing a focused control can fire its change event: never re-enter while rebuilding.
    if (rendering) return;
    rendering = true;
    try { buildForm(); } finally { rendering = false; }
  }
  function syncPeriod(start) {
    if (!st.partial) { st.firstMonth = `${st.year}-01`; st.months = 12; return; }
    const s = start || (+st.firstMonth.slice(0, 4) === st.year && startMonth() > 1 ? startMonth() : 7);
    st.firstMonth = `${st.year}-${pad2(s)}`;
    if (start || !Number.isInteger(st.months) || st.months < 1 || st.months > 13 - s) st.months = 13 - s;
  }
  function buildForm() {
    const focusKey = root.getRootNode().activeElement?.dataset?.k;
    fields.clear();
    errs.clear();
    const dl = h('datalist', { id: id('villages') }, cfgVillages.map((v) => h('option', { value: v.name })));
    const kelurahan = st.kind === 'kelurahan';
    const funder = funderOf();
    const bad = forbidden();
    const badUnit = bad.filter((b) => b.path === 'funder');
    const yNow = new Date().getFullYear();
    const years = [...new Set([yNow, yNow + 1, st.year])].sort((a, b) => a - b);
    const rabText = (k, label, hint) => field('rab.' + k, label, h('input', { type: 'text', value: st.rab[k], autocomplete: 'off', maxlength: 100,
      oninput: (e) => { st.rab[k] = e.target.value; persistSoon(); } }), hint);
    const who = h('fieldset', { oninput: unExample, onchange: unExample }, h('legend', null, t('vWho')),
      st.example && h('p', { class: 'note', 'data-example': '' }, t('vExample', st.name)),
      st.groups.map((g, i) => groupRow(g, i, bad.filter((b) => b.path === `groups[${i}].funder`))),
      h('p', { class: 'bar' }, h('button', { type: 'button', 'data-k': 'add', onclick: () => { st.groups.push(newGroup()); renderForm(); changed(); fields.get(`groups[${st.groups.length - 1}].category`)?.focus(); } }, t('vAdd'))),
      residentInput());
    put(form,
      h('fieldset', null, h('legend', null, t('vVillage')),
        h('div', { class: 'grid' },
          field('name', t('vName'), text(st.name, (v) => { st.name = v; }, {
            list: id('villages'),
            onchange: (e) => pickVillage(e.target.value),
          }), switchNote || (cfgVillages.length ? t('vNameHint') : null)),
          dl,
          h('div', { class: 'fld' }, h('span', { class: 'lbl', id: id('kind-l') }, t('vKind')),
            h('div', { role: 'radiogroup', 'aria-labelledby': id('kind-l') },
              ['desa', 'kelurahan'].map((k) => h('label', { class: 'ck' },
                h('input', { type: 'radio', name: id('kind'), value: k, checked: st.kind === k, 'data-k': 'kind-' + k,
                  onchange: () => { st.kind = k; renderForm(); changed(); } }), t('kind_' + k))))),
          !kelurahan && field('danaDesa', t('vDanaDesa'), text(st.danaDesa, (v) => { st.danaDesa = v; }), t('vDanaDesaHint')),
          field('funder', t('vFunder'), select(funder, FUNDERS.map((f) => [f, t('funder_' + f), kelurahan && (f === 'dana_desa' || f === 'apbdes')]),
            (v) => { st.funder = v; renderForm(); changed(); }), kelurahan ? t('vKelurahanNoDD') : funder === 'dana_desa' ? t('vDDCaveat') : null,
          badUnit.length > 0 && switchButton(badUnit)))),
      who,
      h('fieldset', null, h('legend', null, t('vPeriod')),
        h('div', { class: 'grid' },
          field('year', t('vYear'), select(String(st.year), years.map((y) => [String(y), String(y)]), (v) => { st.year = +v; syncPeriod(); renderForm(); changed(); }),
            st.partial ? null : t('vYearHint')),
          h('div', { class: 'fld' }, h('span', { class: 'lbl', 'aria-hidden': 'true' }, '\u00a0'),
            h('label', { class: 'ck' }, h('input', { type: 'checkbox', checked: st.partial, 'data-k': 'partial',
              onchange: (e) => { st.partial = e.target.checked; syncPeriod(); renderForm(); changed(); } }), t('vPartial'))),
          st.partial && field('startMonth', t('vStartMonth'), select(String(startMonth()), Array.from({ length: 12 }, (_, i) => [String(i + 1), monthName(i + 1, lang) + ' ' + st.year]),
            (v) => { syncPeriod(+v); renderForm(); changed(); })),
          st.partial && field('months', t('vMonths'), h('input', { type: 'number', min: 1, max: 13 - startMonth(), step: 1, value: st.months, inputmode: 'numeric',
            oninput: (e) => { st.months = +e.target.value; changed(); } }), t('vPartialHint', 13 - startMonth())))),
      st.kind === 'desa' && h('fieldset', null, h('legend', null, t('vRab')), h('p', { class: 'hint' }, t('vRabHint')),
        h('div', { class: 'grid' },
          rabText('kecamatan', t('vKecamatan')), rabText('place', t('vPlace')),
          rabText('pkaTitle', t('vPkaTitle'), t('vTitleDefault', 'Kaur Keuangan')), rabText('pkaName', t('vPkaName')),
          rabText('verTitle', t('vVerTitle'), t('vTitleDefault', 'Sekretaris Desa')), rabText('verName', t('vVerName')),
          rabText('kadesName', t('vKadesName')))),
    );
    if (focusKey) form.querySelector(`[data-k="${CSS.escape(focusKey)}"]`)?.focus();
  }
  function unExample() {
    if (!st.example) return;
    st.example = false;
    form.querySelector('[data-example]')?.remove();
  }

  function groupRow(g, i, bad) {
    const p = `groups[${i}]`;
    const pu = isPU(g.category);
    const kelurahan = st.kind === 'kelurahan';
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
          ? field(p + '.wage', t(g.category === 'kepala_desa' || g.category === 'perangkat_desa' ? 'vSiltap' : 'vHonor'), text(g.wage, upd('wage')), t('vWageHint'))
          : field(p + '.base', t('vBase'), select(g.base, (bands.length ? bands : [{ base: '1000000' }]).map((b) => [b.base,
            rp(b.base, lang) + (b.lower ? ' — ' + t('vBand', rp(b.lower, lang), b.upper ? rp(b.upper, lang) : '∞') : '') + (b.needsVerification ? ' (' + t('needsVerification') + ')' : '')]),
          (v) => { g.base = v; changed(); }), t('vBaseHint')),
        field(p + '.funder', t('vGroupFunder'), select(g.funder, [['', t('vSameFunder', t('funder_' + funderOf()))],
          ...FUNDERS.map((f) => [f, t('funder_' + f), kelurahan && (f === 'dana_desa' || f === 'apbdes')])], (v) => { g.funder = v; renderForm(); changed(); }),
        null, bad.length > 0 && switchButton(bad))),
      h('div', { class: 'bar' },
        h('label', { class: 'ck' }, h('input', { type: 'checkbox', checked: g.jht, 'data-k': p + '.jht', onchange: (e) => { g.jht = e.target.checked; changed(); } }), t('vJht')),
        pu && h('label', { class: 'ck' }, h('input', { type: 'checkbox', checked: g.jp, 'data-k': p + '.jp', onchange: (e) => { g.jp = e.target.checked; changed(); } }), t('vJp')),
        st.groups.length > 1 && h('button', { type: 'button', onclick: () => { st.groups.splice(i, 1); renderForm(); changed(); form.querySelector('[data-k=add]')?.focus(); } }, t('vRemove', i + 1))));
  }

  // ---- OpenSID resident export → groups: residents.js (with opensid.js, loaded when a file is chosen) shows what it
  // counted and skipped; only counts per work kind reach this journey, and only when the user confirms.
  const residentBox = h('div', { 'data-opensid': 'report' });
  let residentSeq = 0;
  const residentsOff = () => { residentSeq++; clear(residentBox); };
  function residentInput() {
    const fid = id('opensid');
    return h('div', { class: 'fld' },
      h('label', { for: fid }, t('osImport')),
      h('input', { type: 'file', id: fid, accept: '.csv,.xls,text/csv,text/html', 'data-k': 'opensid', 'aria-describedby': fid + '-h',
        onchange: (e) => { e.stopPropagation(); readResidents(e.target); } }),
      h('p', { class: 'hint', id: fid + '-h' }, t('osHint')),
      residentBox);
  }
  async function readResidents(input) {
    const file = input.files?.[0];
    if (!file) return;
    const seq = ++residentSeq;
    const isCurrent = () => seq === residentSeq;
    put(residentBox, h('p', { role: 'status' }, t('osReading')));
    let mod = null;
    try { mod = await import('./residents.js'); } catch (e) { console.warn('[kalkulator-jamsostek] OpenSID reader unavailable', e); }
    if (!isCurrent()) return;
    if (!mod) { put(residentBox, h('p', { class: 'err', role: 'alert' }, t('osMissing'))); return; }
    await mod.showResidents({ ctx, file, box: residentBox, name: st.name.trim() || t('vUnnamed'), asOf: st.firstMonth,
      minAge: config.minAge, maxAge: config.maxAge, isCurrent,
      onApply: (counts) => { if (isCurrent()) applyResidents(counts); },
      onCancel: () => form.querySelector('[data-k=opensid]')?.focus() });
    input.value = ''; // the same file may be chosen again
  }
  function applyResidents({ rentan, pu }) {
    // Base, JHT and funder of the first pekerja rentan group carry over to the new ones; other groups stay.
    const tpl = st.groups.find((g) => g.category === 'pekerja_rentan') || newGroup();
    const made = WORK_KINDS.filter((k) => rentan[k] > 0).map((k) => ({ ...tpl, workKind: k, people: String(rentan[k]) }));
    const keep = st.groups.filter((g) => !(made.length && g.category === 'pekerja_rentan'));
    for (const c of Object.keys(pu)) {
      if (!(pu[c] > 0)) continue;
      const g = keep.find((x) => x.category === c);
      if (g) g.people = String(pu[c]);
      else keep.push({ ...newGroup(c), people: String(pu[c]), wage: config.siltap?.[c] || '' });
    }
    st.groups = [...made, ...keep].slice(0, 30);
    unExample();
    const n = num([...Object.values(rentan), ...Object.values(pu)].reduce((a, x) => a + x, 0), lang);
    put(residentBox, h('p', { role: 'status' }, t('osApplied', n)));
    renderForm();
    changed();
    fields.get('groups[0].people')?.focus();
    ctx.announce(t('osApplied', n));
  }

  // Committing another village's name (change): that village's own saved data, else the regency's figures, else empty.
  // The period chosen stays; the village left behind keeps its saved data.
  function pickVillage(name) {
    if (!name.trim()) return;
    const key = slug(name);
    const cfg = findVillage(name);
    if (key === loadedAs) {
      if (cfg && st.name !== cfg.name) { st.name = cfg.name; renderForm(); changed(); }
      return;
    }
    const own = saved(name);
    const next = own || fromConfig(cfg ? cfg.name : name.trim());
    residentsOff(); // counts read for the village left behind are not offered to this one
    const keep = { year: st.year, partial: st.partial, firstMonth: st.firstMonth, months: st.months };
    for (const k of Object.keys(st)) delete st[k];
    Object.assign(st, next, keep, { example: false });
    fillSiltap();
    setLoaded(key);
    switchNote = own || cfg ? t('vLoadedVillage', st.name) : t('vNewVillage', st.name);
    later.cancel();
    renderForm();
    compute();
    ctx.announce(switchNote);
  }

  // ---- compute ----
  function request() {
    const problems = [];
    const money = (path, text) => {
      if (!String(text).trim()) return '';
      const d = amount(text);
      if (d.error) problems.push([path, d.error]);
      return d.digits ?? '';
    };
    const groups = st.groups.map((g, i) => {
      const n = people(g.people);
      if (n == null) problems.push([`groups[${i}].people`, t('vPeopleInvalid')]);
      const r = { category: g.category, people: n ?? 0, jht: g.jht };
      if (g.category === 'pekerja_rentan') r.workKind = g.workKind;
      if (isPU(g.category)) Object.assign(r, { wage: money(`groups[${i}].wage`, g.wage), jp: g.jp }, INSTITUTIONS.includes(g.category) ? { scheme: 'pu' } : null);
      else r.base = g.base;
      if (g.funder) r.funder = groupFunder(g);
      // The regency's APBDes line for this category (configurator), sent as given; the module checks it.
      const line = config.budgetLines?.[g.category];
      if (line && typeof line === 'object') {
        const bl = Object.fromEntries(['activity', 'account', 'name'].filter((k) => typeof line[k] === 'string' && line[k].trim()).map((k) => [k, line[k].trim()]));
        if (Object.keys(bl).length) r.budgetLine = bl;
      }
      return r;
    });
    const bad = forbidden();
    for (const path of uniq(bad.map((b) => b.path))) problems.push([path, forbiddenText(bad.filter((b) => b.path === path))]);
    const maxMonths = 13 - startMonth();
    if (!Number.isInteger(st.months) || st.months < 1 || st.months > maxMonths) problems.push(['months', t('vMonthsInYear', maxMonths, st.year)]);
    const unit = { name: st.name.trim() || t('vUnnamed'), kind: st.kind, funder: funderOf(), groups };
    if (st.kind === 'desa' && st.danaDesa.trim()) unit.danaDesa = money('danaDesa', st.danaDesa);
    return { problems, req: { firstMonth: st.firstMonth, months: st.months, units: [unit] } };
  }
  // Never a raw code: amount refusals say what to type.
  const errText = (e) => (e?.code === 'INVALID_AMOUNT' ? t('amountInvalid') : e?.code === 'AMOUNT_OUT_OF_RANGE' ? t('amountTooBig') : ctx.errorText(e));
  /** A typed amount read by the module (parseAmount: whole rupiah as digits; no money arithmetic in JS). */
  function amount(text) {
    try { return { digits: String(api.parseAmount(String(text), lang)) }; } catch (e) { return { error: errText(e) }; }
  }

  const extraButtons = [];
  function showErrors(list) {
    for (const [k, input] of fields) { input.removeAttribute('aria-invalid'); errs.get(k).textContent = ''; }
    for (const b of extraButtons.splice(0)) b.remove();
    status.textContent = '';
    const loose = [];
    for (const [path, msg, code] of list) {
      let k = String(path || '').replace(/^units\[0\]\.?/, '');
      if (k === 'firstMonth') k = st.partial ? 'startMonth' : 'year';
      const input = fields.get(k) || fields.get(k.replace(/\.[^.]*$/, '.people'));
      if (input && k) {
        input.setAttribute('aria-invalid', 'true');
        const err = errs.get(input.dataset.k);
        err.textContent = msg;
        // The module refused Dana Desa for this budget year: offer the lawful funder at once.
        if (code === 'FUNDER_NOT_ALLOWED' && !err.parentNode.querySelector('button.pri')) {
          const gi = /^groups\[(\d+)\]/.exec(k);
          const b = h('button', { type: 'button', class: 'pri', 'data-k': 'switch-' + k, onclick: () => {
            if (gi) st.groups[+gi[1]].funder = 'apbdes'; else st.funder = 'apbdes';
            renderForm(); changed(); ctx.announce(t('ddSwitchAny'));
          } }, t('ddSwitchAny'));
          err.after(b);
          extraButtons.push(b);
        }
      } else loose.push(msg);
    }
    if (list.length) status.textContent = loose.length ? loose.join(' ') : t('fixFields');
  }

  const persist = () => {
    if (slug(st.name) !== loadedAs) return; // a name being typed: saved once committed (pickVillage)
    store.set('village:' + loadedAs, st);
    store.set('last', st.name);
  };
  const persistSoon = debounce(persist, 300);

  function compute(save = true) {
    out.removeAttribute('aria-busy');
    const { problems, req } = request();
    if (save) persist();
    let res = null;
    if (!problems.length) {
      try { res = api.estimate(req, lang); } catch (e) { problems.push([e.path, errText(e), e.code]); }
    }
    showErrors(problems);
    if (!res) {
      // never leave a stale result looking current
      last = null;
      emitted = '';
      put(out, h('h3', { id: id('res-h') }, t('result')), h('p', { class: 'hint' }, t('noResult')));
      return;
    }
    last = res;
    lastReq = req;
    renderResult(res);
    ctx.announce(t('announceTotal', rp(res.total.total, lang), res.months, num(res.people, lang)));
    emitResult(res);
  }
  // Host-page event (widget.d.ts): figures only, once per result shown (a recomputation giving the same figures is not new).
  let emitted = '';
  function emitResult(res) {
    const detail = { tab: 'desa', total: String(res.total.total), months: Number(res.months), people: Number(res.people) };
    const key = JSON.stringify(detail);
    if (key === emitted) return;
    emitted = key;
    ctx.emit?.('result', detail);
  }
  const exported = (kind) => ctx.emit?.('export', { tab: 'desa', kind });
  const later = debounce(compute, 250);
  const changed = () => { out.setAttribute('aria-busy', 'true'); later(); };
  changed.cancel = later.cancel;

  // ---- results ----
  const ex = (info) => explainButton(ctx, { rules: last?.rules, from: last?.firstMonth, until: last?.lastMonth, ...info });
  const amt = (digits, info) => h('span', { class: 'amt' }, rp(digits, lang), info && ex({ amount: digits, ...info }));
  const fname = (f) => t('funder_' + f);

  /** "1.1.03 / 5.1.3.04"; "kode sesuai Perbup pedoman APBDes" where the rules and the regency set none — never a blank. */
  const codeText = (b) => [b?.activity, b?.account].filter(Boolean).join(' / ') || t('codePerbup');
  const rabFunder = (f) => (typeof config.funderLabels?.[f] === 'string' && config.funderLabels[f].trim()) || t('rabFunder_' + f);

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
            ' · ' + t('groupPeriod') + ' ', h('span', { class: 'amt' }, rp(g.total.total, lang))),
          h('br'), h('small', { 'data-code': gi }, t('vCode') + ': ', h('code', null, codeText(g.budgetLine)), ' · ' + rabFunder(g.funder))),
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
        h('td', null, h('code', null, codeText(b)), ' ', lang === 'en' ? b.nameEn : b.nameId),
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
    const inp = h('input', { type: 'text', value: st.budget, id: id('cov-b'), autocomplete: 'off', 'aria-describedby': id('cov-o'),
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
    const { digits: budget, error } = amount(st.budget);
    if (error) { app(cov, h('p', { class: 'err' }, error)); return; }
    try {
      const c = api.coverage({ budget, firstMonth: st.firstMonth, months: st.months, group: g, funder: funderOf(), unitKind: st.kind }, lang);
      app(cov, h('p', { 'data-people': c.people }, h('strong', null, t('covResult', num(c.people, lang), st.months))),
        h('p', null, t('covCost'), ' ', h('span', { class: 'amt' }, rp(c.cost.employer, lang))),
        h('p', null, t('covPerPerson'), ' ', h('span', { class: 'amt' }, rp(c.perPersonPeriod, lang)),
          ex({ amount: c.perPersonPeriod, title: t('covPerPerson'), lines: c.perPerson[0]?.perPersonMonth.lines, basis: g.base || g.wage,
            steps: c.perPerson.map((s) => t('stepSegment', monthLabel(s.from, lang), monthLabel(s.until, lang), rp(s.perPersonMonth.total.total, lang), s.months)) }),
          ' · ', t('covLeft'), ' ', h('span', { class: 'amt' }, rp(c.leftOver, lang))),
        c.warnings.map((n) => h('p', { class: 'note' }, lang === 'en' ? n.en : n.id)));
      ctx.announce(t('covResult', num(c.people, lang), st.months));
    } catch (e) {
      app(cov, h('p', { class: 'err' }, errText(e)));
    }
  }

  // ---- outputs: print (RAB), CSV, link, reset ----
  const linkOut = h('input', { type: 'text', readonly: true, id: id('link'), 'aria-label': t('linkLabel') });
  function actions() {
    const sep = select(st.sep, [[',', t('csvComma')], [';', t('csvSemicolon')]], (v) => { st.sep = v; persist(); });
    sep.id = id('sep');
    const sh = shareControls(ctx, shareSummary, { tab: 'desa' });
    return h('div', null, h('h4', null, t('outputs')),
      h('div', { class: 'bar' },
        h('button', { type: 'button', onclick: printRab }, t('print')),
        // The same one-page A4 RAB as a file: the browser's own "Save as PDF" in its print window (no PDF library).
        h('button', { type: 'button', 'data-k': 'pdf', 'aria-describedby': id('pdf-h'), onclick: () => { ctx.announce(t('pdfHow')); printRab(); } }, t('pdf')),
        h('button', { type: 'button', onclick: downloadCsv }, t('csv')),
        sh.button,
        h('button', { type: 'button', onclick: share }, t('share')),
        h('button', { type: 'button', onclick: reset }, t('reset'))),
      h('p', { class: 'hint', id: id('pdf-h') }, t('pdfHow')),
      sh.panel,
      h('div', { class: 'grid' }, h('div', null, h('label', { for: id('sep') }, t('csvSep')), sep)),
      h('div', { class: 'fld', hidden: !linkOut.value }, h('label', { for: id('link') }, t('linkLabel')), linkOut));
  }

  // ---- the RAB (Rencana Anggaran Biaya): one model for the printed sheet and the CSV (APBDES.md §2–4) ----
  function rabModel() {
    const res = last;
    const u = res.units[0];
    const reqGroups = lastReq.units[0].groups;
    const rows = [];
    u.groups.forEach((g, gi) => {
      const wk = reqGroups[gi]?.workKind;
      const who = (g.label || t('cat_' + g.category)) + (wk ? ' (' + t('wk_' + wk) + ')' : '');
      const basis = g.base ? t('rabBasisBase', rp(g.base, lang))
        : t(PU_ALWAYS.includes(g.category) ? 'rabBasisSiltap' : 'rabBasisHonor', rp(g.wage, lang));
      const uraian = t('rabUraian', g.programmes.map(progName).join(' + '), who, basis);
      const activity = g.budgetLine?.activity || '';
      const account = g.budgetLine?.account || '';
      // Jumlah = Volume × Harga Satuan, in whole rupiah (BigInt); checked against the module's group total below.
      const segs = g.perPerson.map((s) => ({ s, amount: BigInt(g.people) * BigInt(s.months) * BigInt(s.perPersonMonth.total.employer) }));
      const exact = segs.reduce((a, x) => a + x.amount, 0n) === BigInt(g.total.employer);
      segs.forEach(({ s, amount }, i) => rows.push({
        gi, activity, account, funder: g.funder, people: g.people, months: s.months, from: s.from, until: s.until,
        code: account || t('codePerbup'),
        uraian: uraian + (segs.length > 1 ? ` (${monthLabel(s.from, lang)} – ${monthLabel(s.until, lang)})` : ''),
        volume: t('rabVolume', num(g.people, lang), s.months), unit: t('rabUnit'), price: s.perPersonMonth.total.employer,
        monthly: String(BigInt(g.people) * BigInt(s.perPersonMonth.total.employer)),
        amount: exact ? String(amount) : i === segs.length - 1 ? g.total.employer : null,
      }));
    });
    // Rows grouped by kegiatan (activity code), in order of first appearance.
    const kegiatan = uniq(rows.map((r) => r.activity || '-')).map((a) => {
      const code = a === '-' ? '' : a;
      const parts = code.split('.');
      return {
        code, rows: rows.filter((r) => (r.activity || '') === code),
        bidang: code ? [parts[0], BIDANG[parts[0]]].filter(Boolean).join(' ') : t('codePerbup'),
        sub: code && parts.length > 2 ? [parts.slice(0, 2).join('.'), SUB_BIDANG[parts.slice(0, 2).join('.')]].filter(Boolean).join(' ') : t('codePerbup'),
        title: code ? KEGIATAN[code] || t('kegPerbup') : t('codePerbup'),
      };
    }).map((k) => ({ ...k, name: k.code ? k.code + ' ' + k.title : k.title }));
    let words = '';
    try { words = api.terbilang(res.total.employer, lang); } catch { /* shown without words */ }
    let inf = {};
    try { inf = api.info(); } catch { /* optional */ }
    // Dasar hukum: every instrument named by the rules behind these figures, with the programmes it sets.
    const topics = new Map();
    for (const r of res.rules || []) {
      const prog = /(?:^|_)(jkk|jkm|jht|jp)(?:_|$)/.exec(r.id)?.[1]?.toUpperCase();
      for (const m of String(r.source).match(INSTRUMENT) || []) {
        if (!topics.has(m)) topics.set(m, new Set());
        if (prog) topics.get(m).add(prog);
      }
    }
    for (const n of res.warnings || []) for (const m of String(n.source).match(INSTRUMENT) || []) if (!topics.has(m)) topics.set(m, new Set());
    const legal = [...topics].map(([m, p]) => m + (p.size ? ' — ' + t('programme') + ' ' + [...p].join(', ') : ''));
    legal.push(t('rabPermendagri'));
    if (rows.some((r) => !r.account)) legal.push(t('rabPerbup', st.year));
    const drawMonths = res.perMonth.map((m) => m.month);
    return {
      res, u, rows, kegiatan, words, legal, drawMonths,
      checked: inf.rulesChecked ? t('rabChecked', dateLabel(inf.rulesChecked, lang), inf.version) : '',
      funders: res.funders.map((f) => ({ funder: f.funder, label: rabFunder(f.funder), amount: f.total.employer })),
      when: monthLabel(res.firstMonth, lang) + ' – ' + monthLabel(res.lastMonth, lang),
      output: t('rabOutputVal', num(res.people, lang)),
    };
  }
  // A forbidden funder never reaches a row's sumber dana (the module refuses it too, with the new rules).
  const rowsForbidden = (m) => m.rows.some((r) => {
    if (r.funder !== 'dana_desa' || typeof api.fundingRule !== 'function') return false;
    try { return api.fundingRule({ category: m.u.groups[r.gi].category, year: st.year }).status === 'no'; } catch { return false; }
  });
  const signers = () => [
    [t('rabPka') + ',', st.rab.pkaTitle.trim() || 'Kaur Keuangan', st.rab.pkaName.trim()],
    [t('rabVer') + ',', st.rab.verTitle.trim() || 'Sekretaris Desa', st.rab.verName.trim()],
    [t('rabAppr') + ',', t(last.units[0].kind === 'kelurahan' ? 'rabLurah' : 'rabKades', last.units[0].name.replace(/^(desa|kelurahan)\s+/i, '')), st.rab.kadesName.trim()],
  ];

  /** The RAB as a document in the same-origin print iframe, built with createElement/textContent only. */
  function printRab() {
    if (!last) return;
    const m = rabModel();
    if (rowsForbidden(m)) { status.textContent = t('rabForbidden'); return; }
    const u = m.u;
    root.querySelector('iframe')?.remove();
    const frame = h('iframe', { class: 'frame', title: t('print'), 'aria-hidden': 'true', tabindex: '-1' });
    root.append(frame);
    const doc = frame.contentDocument;
    const win = frame.contentWindow;
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(printCss);
    doc.adoptedStyleSheets = [sheet];
    const H = (tag, props, ...kids) => {
      const e = doc.createElement(tag);
      for (const [k, v] of Object.entries(props || {})) if (v != null) k === 'class' ? (e.className = v) : e.setAttribute(k, String(v));
      for (const k of kids.flat(9)) if (k != null && k !== false) e.append(k);
      return e;
    };
    const money = (d) => (d == null ? '' : num(d, lang));
    const kecamatan = st.rab.kecamatan.trim();
    doc.documentElement.lang = lang;
    doc.title = t('rabTitle') + ' — ' + u.name;
    const cols = [t('rabNo'), t('rabAccount'), t('rabDesc'), t('rabVol'), t('rabUnitH'), t('rabPrice'), t('rabAmount'), t('rabSource')];
    let no = 0;
    app(doc.body,
      H('header', { class: 'kop' },
        ctx.regency && H('p', { 'data-rab': 'kab' }, t('rabGov', ctx.regency)),
        kecamatan && H('p', { 'data-rab': 'kec' }, t('rabKec', kecamatan)),
        H('p', { 'data-rab': 'desa' }, t('rabGov', (/^(desa|kelurahan)\s/i.test(u.name) ? '' : u.kind === 'kelurahan' ? 'Kelurahan ' : 'Desa ') + u.name)),
        H('h1', null, t('rabTitle')),
        H('p', { class: 'ta', 'data-rab': 'year' }, t('rabYear', st.year)),
        st.example && H('p', { class: 'ex', 'data-rab': 'example' }, t('rabExample'))),
      H('table', { class: 'info' }, H('tbody', null,
        [[t('rabBidang'), m.kegiatan.map((k) => k.bidang)], [t('rabSub'), m.kegiatan.map((k) => k.sub)], [t('rabKeg'), m.kegiatan.map((k) => k.name)],
          [t('rabWhen'), [m.when]], [t('rabOutput'), [m.output]]]
          .map(([k, vs], i) => H('tr', null, H('td', { class: 'k' }, `${i + 1}. ${k}`), H('td', null, ':'), H('td', null, uniq(vs).flatMap((v, j) => (j ? [H('br'), v] : [v]))))))),
      H('table', { class: 'rab' },
        H('colgroup', null, ['no', 'code', 'desc', 'vol', 'unit', 'price', 'amt', 'src'].map((c) => H('col', { class: 'c-' + c }))),
        H('thead', null, H('tr', null, cols.map((x, i) => H('th', i === 5 || i === 6 ? { class: 'n' } : null, x)))),
        H('tbody', null, m.kegiatan.map((k) => [
          m.kegiatan.length > 1 || k.code ? H('tr', { class: 'sub' }, H('td', null, ''), H('td', null, k.code), H('td', { colspan: 6 }, k.title)) : null,
          k.rows.map((r) => H('tr', { 'data-row': '' }, H('td', null, String(++no)), H('td', { class: r.account ? 'code' : 'code pb' }, r.code), H('td', null, r.uraian), H('td', null, r.volume),
            H('td', null, r.unit), H('td', { class: 'n' }, money(r.price)), H('td', { class: 'n' }, money(r.amount)), H('td', null, rabFunder(r.funder)))),
        ])),
        H('tfoot', null,
          m.funders.length > 1 && m.funders.map((f) => H('tr', null, H('td', { colspan: 6 }, t('rabTotalOf', f.label)), H('td', { class: 'n' }, money(f.amount)), H('td', null, f.label))),
          H('tr', { class: 'grand' }, H('td', { colspan: 6 }, t('rabGrand')), H('td', { class: 'n' }, money(m.res.total.employer)),
            H('td', null, m.funders.length === 1 ? m.funders[0].label : '')))),
      m.words && H('p', { class: 'words', 'data-rab': 'words' }, t('rabWords') + ': ', H('em', null, m.words)),
      H('p', { class: 'small' }, t('rabOB')),
      m.res.total.worker !== '0' ? H('p', { class: 'small' }, t('rabWorkerNote', rp(m.res.total.worker, lang))) : null,
      H('p', { class: 'legal', 'data-rab': 'legal' }, H('strong', null, t('rabLegal') + ': '), m.legal.map((x, i) => `${i + 1}) ${x}${i < m.legal.length - 1 ? '; ' : '. '}`), m.checked),
      H('p', { class: 'place' }, t('rabPlace', st.rab.place.trim() || u.name)),
      H('div', { class: 'sig' }, signers().map(([what, role, name]) => H('div', { 'data-sign': '' }, H('p', null, what), H('p', null, role),
        H('p', { class: 'nm' }, name || '(……………………………)')))),
    );
    win.focus();
    win.print();
    exported('print');
  }

  function csvText() {
    const sep = st.sep;
    const m = rabModel();
    const u = m.u;
    const forbiddenRows = rowsForbidden(m);
    const rows = [
      [t('csvVillage'), u.name], [t('vKind'), t('kind_' + u.kind)],
      ...(st.rab.kecamatan.trim() ? [[t('vKecamatan'), st.rab.kecamatan.trim()]] : []),
      ...(ctx.regency ? [[t('csvRegency'), ctx.regency]] : []),
      [t('vYear'), st.year], [t('rabWhen'), m.when], [t('vMonths'), last.months], [t('rabOutput'), m.output],
      [],
      [t('rabNo'), t('rabAccount'), t('rabKeg'), t('rabDesc'), t('rabVol'), t('rabUnitH'), t('rabPrice'), t('rabAmount'), t('rabSource')],
      ...m.rows.map((r, i) => [i + 1, r.code, m.kegiatan.find((k) => k.rows.includes(r)).name, r.uraian, r.volume, r.unit, r.price, r.amount ?? '', forbiddenRows ? '' : rabFunder(r.funder)]),
      ...(m.funders.length > 1 ? m.funders.map((f) => ['', '', '', t('rabTotalOf', f.label), '', '', '', f.amount, f.label]) : []),
      ['', '', '', t('rabGrand'), '', '', '', last.total.employer, m.funders.length === 1 ? m.funders[0].label : ''],
      [t('rabWords'), m.words],
      ...(last.total.worker !== '0' ? [[t('worker'), last.total.worker]] : []),
      [],
      [t('rabLegal')], ...m.legal.map((x) => ['', x]), ...(m.checked ? [['', m.checked]] : []),
      [],
      // The monthly drawdown (DPA): what each row pays each month of the period.
      [t('rabDrawdown')],
      [t('rabAccount'), t('rabDesc'), t('rabSource'), ...m.drawMonths, t('rabAmount')],
      ...m.rows.map((r) => [r.code, r.uraian, forbiddenRows ? '' : rabFunder(r.funder),
        ...m.drawMonths.map((mo) => (mo >= r.from && mo <= r.until ? r.monthly : '0')), r.amount ?? '']),
      [t('rabGrand'), '', '', ...last.perMonth.map((x) => x.total.employer), last.total.employer],
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
    exported('csv');
  }

  // the link carries what a link may carry (cleanState's limits), so it always fits what readLink reads
  const scenarioUrl = () => location.href.split('#')[0] + '#kj=' + b64.enc(cleanState(st));

  /** What "Bagikan" sends: key figures in plain words (no codes), ≤ 500 characters, and the scenario link. */
  function shareSummary() {
    if (!last) return null;
    const res = last;
    const u = res.units[0];
    const name = u.name.length > 80 ? u.name.slice(0, 79).trimEnd() + '…' : u.name;
    const byCat = new Map();
    for (const g of u.groups) byCat.set(g.category, (byCat.get(g.category) || 0n) + BigInt(g.people));
    const cats = [...byCat].filter(([, n]) => n > 0n).map(([c, n]) => t('cat_' + c) + ' ' + num(n, lang)).join(', ');
    const title = t('shTitle', name);
    const text = summaryText([
      t('shHead', name, st.year),
      t('shPeriod', monthLabel(res.firstMonth, lang), monthLabel(res.lastMonth, lang), res.months),
      t('shPeople', num(res.people, lang), cats),
      res.months === 12 ? t('shCostYear', rp(res.monthlyAverage.total, lang), rp(res.total.total, lang))
        : t('shCostPeriod', rp(res.monthlyAverage.total, lang), rp(res.total.total, lang), res.months),
      res.total.worker !== '0' && t('shWorker', rp(res.total.worker, lang)),
      t('shFunders', res.funders.map((f) => fname(f.funder)).join(', ')),
      st.example && t('shExample'),
      t('shNote'),
    ]);
    return { title, text, url: scenarioUrl() };
  }

  async function share() {
    const url = scenarioUrl();
    linkOut.value = url;
    linkOut.parentElement.hidden = false;
    linkOut.focus();
    linkOut.select();
    let copied = false;
    try { await navigator.clipboard.writeText(url); copied = true; } catch { /* the field shows the link to copy by hand */ }
    ctx.announce(copied ? t('linkCopied') : t('linkReady'));
    exported('link');
  }

  function reset() {
    later.cancel();
    residentsOff();
    store.remove('village:' + slug(st.name));
    store.remove('last');
    const fresh = fromConfig(st.name);
    for (const k of Object.keys(st)) delete st[k];
    Object.assign(st, fresh);
    setLoaded(slug(st.name));
    switchNote = '';
    renderForm();
    compute(false);
    ctx.announce(t('resetDone'));
    fields.get('name')?.focus();
  }

  renderForm();
  compute(false);
  return {
    destroy() { changed.cancel(); covLater.cancel(); persistSoon.cancel(); clear(root); },
    // Page hidden or element removed (widget.js): what was typed and not yet saved is saved now.
    flush() { persistSoon.flush?.(); later.flush?.(); },
    csvText: () => last && csvText(),
  };
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
