// Regency-admin tab: every village and office in ONE estimate request, regency totals, a sortable
// per-village table, coverage against targets, CSV import (staged, atomic) and CSV export.
//
// NOTE for widget.js (owned by the widget engineer):
//   - `adminCss` (exported below) is adopted by this module itself into the widget's shadow root (one
//     constructable sheet, removed on destroy); nothing to add in styles.js;
//   - call `renderAdminTab(container, ctx)` with ctx = { api, lang, config, t, store, announce, explain,
//     regencyKey }; it returns { destroy() }. Money never becomes a JS number here: every amount shown or
//     exported is a digit string returned by api.estimate.
import { h, clear, debounce, thisMonth } from './dom.js';
import { shareControls, summaryText } from './share.js';
import { formatRupiah as rp, formatNumber as num, formatPercent as pct, monthLabel } from './format.js';
import { importVillages, importReport, toCsv, csvMessage, nameKey, VILLAGE_CATEGORIES, MAX_BYTES, MAX_COUNT } from './csv.js';
import { explainButton } from './explain.js';

export const adminCss = `
.adm .tw{overflow-x:auto;max-width:100%}
.adm .tw th,.adm .tw td{overflow-wrap:normal}
.adm .tw tbody th{min-width:7em}
.kj .adm th .srt{border:0;background:none;color:inherit;padding:.15em 0;min-height:44px;min-width:44px;font-weight:700;text-align:inherit;border-radius:2px}
.adm th[aria-sort] .srt{text-decoration:underline}
.adm tfoot td{font-weight:700;border-top:2px solid var(--ln)}
.adm .imp{margin:.4em 0;padding-inline-start:1.2em}
.adm .imp:empty{display:none}
.adm .ck{display:inline-flex;margin-inline-end:1em}
.adm .sum th{font-weight:400}
.adm .sum td{font-weight:700}
.adm [hidden]{display:none!important}
.adm .ex{align-items:flex-end}
.adm .ln,.adm .lns{display:block}
.adm .tw th.n{white-space:normal}
.adm td.n:has(.ln){white-space:normal}
.adm .offout li{margin:.3em 0}
.adm .offout li[data-counted=false] [data-status]{font-weight:700}
`;

const CATS = [...VILLAGE_CATEGORIES, 'non_asn'];
const WAGED = ['kepala_desa', 'perangkat_desa'];
const FUNDERS = ['apbd', 'apbdes', 'dana_desa', 'apbn', 'self_paid'];
const PAGE = 200;

const S = {
  id: {
    title: 'Rekap kabupaten', intro: 'Semua desa/kelurahan dan kantor (Non-ASN) dihitung sekaligus.',
    data: 'Data desa', srcConfig: '{n} desa/kelurahan dan {m} kantor dari konfigurasi.',
    srcFile: '{n} desa/kelurahan dari berkas "{f}"; {m} kantor dari konfigurasi.',
    noData: 'Belum ada desa. Unggah berkas CSV atau isi daftar desa di konfigurator.',
    upload: 'Unggah CSV desa',
    uploadHint: 'Kolom yang dikenali: desa, jenis (desa/kelurahan), pagu dana desa, pekerja rentan, kepala desa, perangkat desa, bpd, rt/rw, kader, linmas, lembaga desa, target … Pemisah ; , atau tab.',
    useConfig: 'Pakai data konfigurasi', applied: 'Data desa sekarang dari berkas: {n} desa/kelurahan (menggantikan {o}).',
    notApplied: 'Berkas tidak dipakai: {m}. Tidak ada yang diubah.',
    settings: 'Pengaturan hitungan', funder: 'Sumber dana desa/kelurahan',
    funderHint: 'Kelurahan tidak punya APBDes/Dana Desa: dihitung APBD. Kantor (Non-ASN) dibayar APBD. Penggunaan Dana Desa mengikuti Perbup/juknis kabupaten.',
    firstMonth: 'Bulan pertama (TTTT-BB)', months: 'Jumlah bulan', monthsErr: 'Isi jumlah bulan 1 sampai 60.',
    cats: 'Kelompok yang dihitung', wages: 'Siltap/upah per bulan (Rp)', nonAsnWage: 'Upah Non-ASN per bulan untuk kantor tanpa upah di konfigurasi',
    jht: 'Non-ASN ikut JHT (3,7% pemda + 2% pekerja)', wage: 'Siltap/honorarium {c}',
    busy: 'Menghitung…', period: '{a} – {b} ({n} bulan)', total: 'Biaya seluruh periode', people: 'Jumlah orang',
    employer: 'Dibayar sumber dana', worker: 'Iuran pekerja', avg: 'Rata-rata per bulan',
    byProg: 'Per program', byFunder: 'Per sumber dana', byCat: 'Per kelompok', amount: 'Jumlah',
    table: 'Per desa/kelurahan dan kantor', name: 'Nama', kind: 'Jenis', cost: 'Biaya periode', dd: 'Porsi Dana Desa',
    target: 'Target', cov: 'Capaian target', opd: 'Kantor (OPD)',
    sorted: 'Diurutkan menurut {c}, {d}.', asc: 'naik', desc: 'turun', showing: 'Menampilkan {a} dari {b} baris.',
    more: 'Tampilkan {n} baris lagi', export: 'Unduh CSV', sep: 'Pemisah CSV', semi: 'Titik koma ; (Excel Indonesia)',
    shareTitle: 'Iuran BPJS Ketenagakerjaan {r}', shareLine: '{p} orang: {t} untuk periode ini ({m} per bulan).',
    comma: 'Koma ,', exported: 'CSV diunduh: {f}', totalRow: 'Jumlah kabupaten', notes: 'Catatan',
    steps: '{n} desa/kelurahan dan {m} kantor, {p} orang, {k} bulan; setiap angka dihitung modul aturan per orang per bulan.',
    announce: 'Rekap {r}: {t} untuk {p} orang selama {n} bulan.', cat: 'Kelompok', total2: 'Total',
    ddAlloc: 'Pagu Dana Desa', progCol: 'Program', fundsrc: 'Sumber dana', targetTotal: 'Target total',
    covered: 'Terlindungi', covHint: 'Capaian target dihitung per kelompok: yang terlindungi dibagi target kelompok yang sama.',
    offOut: 'Kantor yang tidak dihitung', offOutTag: 'tidak dihitung', offNoCat: 'kelompok Non-ASN tidak dicentang di "Kelompok yang dihitung"',
    offAddCat: 'Hitung Non-ASN', offZero: 'jumlah pegawai Non-ASN belum diisi (0) di konfigurasi', offCount: 'Jumlah Non-ASN {o}',
    lines: 'Mata anggaran APBDes (dari semua desa)', lineCode: 'Kode kegiatan / rekening', lineName: 'Uraian',
    ddNo: 'Dana Desa tidak boleh dipakai untuk iuran {c} pada Tahun Anggaran {y} ({i}). Yang sah: APBDes selain Dana Desa (ADD, PAD, pendapatan lain desa) atau APBD kabupaten.', ddFix: 'Ganti ke APBDes (selain Dana Desa)',
    ddFixed: 'Sumber dana desa sekarang APBDes (selain Dana Desa).',
  },
  en: {
    title: 'Regency overview', intro: 'Every village and office (Non-ASN staff) is computed at once.',
    data: 'Village data', srcConfig: '{n} villages and {m} offices from the configuration.',
    srcFile: '{n} villages from the file "{f}"; {m} offices from the configuration.',
    noData: 'No villages yet. Upload a CSV file or list the villages in the configurator.',
    upload: 'Upload village CSV',
    uploadHint: 'Recognised columns: desa/village, jenis/kind (desa/kelurahan), dana desa, pekerja rentan, kepala desa, perangkat desa, bpd, rt/rw, kader, linmas, lembaga desa, target … Separator ; , or tab.',
    useConfig: 'Use the configuration data', applied: 'Village data now comes from the file: {n} villages (replacing {o}).',
    notApplied: 'File not used: {m}. Nothing was changed.',
    settings: 'Calculation settings', funder: 'Funding source for villages',
    funderHint: 'A kelurahan has no APBDes/Dana Desa: it is computed as APBD. Offices (Non-ASN) are paid from the APBD. Using Dana Desa depends on the regency\'s Perbup/guidelines.',
    firstMonth: 'First month (YYYY-MM)', months: 'Number of months', monthsErr: 'Enter a number of months from 1 to 60.',
    cats: 'Groups included', wages: 'Monthly siltap/wage (Rp)', nonAsnWage: 'Monthly Non-ASN wage for offices without a wage in the configuration',
    jht: 'Non-ASN get JHT (3.7% government + 2% worker)', wage: 'Siltap/honorarium {c}',
    busy: 'Calculating…', period: '{a} – {b} ({n} months)', total: 'Cost of the whole period', people: 'People',
    employer: 'Paid by the funding source', worker: 'Worker contribution', avg: 'Average per month',
    byProg: 'By programme', byFunder: 'By funding source', byCat: 'By group', amount: 'Amount',
    table: 'By village and office', name: 'Name', kind: 'Kind', cost: 'Period cost', dd: 'Dana Desa share',
    target: 'Target', cov: 'Target reached', opd: 'Office (OPD)',
    sorted: 'Sorted by {c}, {d}.', asc: 'ascending', desc: 'descending', showing: 'Showing {a} of {b} rows.',
    more: 'Show {n} more rows', export: 'Download CSV', sep: 'CSV separator', semi: 'Semicolon ; (Indonesian Excel)',
    shareTitle: 'BPJS Ketenagakerjaan contributions {r}', shareLine: '{p} people: {t} for this period ({m} a month).',
    comma: 'Comma ,', exported: 'CSV downloaded: {f}', totalRow: 'Regency total', notes: 'Notes',
    steps: '{n} villages and {m} offices, {p} people, {k} months; every figure is computed by the rules module per person per month.',
    announce: '{r} overview: {t} for {p} people over {n} months.', cat: 'Group', total2: 'Total',
    ddAlloc: 'Dana Desa allocation', progCol: 'Programme', fundsrc: 'Funding source', targetTotal: 'Total target',
    covered: 'Covered', covHint: 'Targets are compared per group: people covered divided by the target of the same group.',
    offOut: 'Offices not counted', offOutTag: 'not counted', offNoCat: 'the Non-ASN group is not ticked under "Groups included"',
    offAddCat: 'Count Non-ASN', offZero: 'no Non-ASN staff number (0) in the configuration', offCount: 'Non-ASN staff of {o}',
    lines: 'APBDes budget lines (all villages)', lineCode: 'Activity / account code', lineName: 'Description',
    ddNo: 'Dana Desa may not pay the contributions of {c} in budget year {y} ({i}). Lawful: APBDes other than Dana Desa (ADD, PAD, other village income) or the regency APBD.', ddFix: 'Switch to APBDes (other than Dana Desa)',
    ddFixed: 'Village funding source is now APBDes (other than Dana Desa).',
  },
};

let uid = 0;
let sheet = null;

// What localStorage gives back is read like any untrusted input (another script on the page, an older or
// tampered entry): only the shapes this tab writes are kept; anything else is dropped and reported.
const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
function cleanCounts(o) {
  if (!isObj(o)) return null;
  const out = {};
  for (const c of VILLAGE_CATEGORIES) if (Number.isInteger(o[c]) && o[c] >= 0 && o[c] <= MAX_COUNT) out[c] = o[c];
  return out;
}
/** Stored villages (from an earlier import) → [villages, dropped?]; names as the importer makes them. */
function cleanVillages(list) {
  if (!Array.isArray(list)) return [[], true];
  const out = [];
  const seen = new Set();
  for (const v of list.slice(0, 100000)) {
    const name = isObj(v) && typeof v.name === 'string' ? v.name.trim().replace(/\s+/g, ' ') : '';
    if (!name || name.length > 200 || seen.has(nameKey(name))) continue;
    seen.add(nameKey(name));
    const kind = v.kind === 'kelurahan' ? 'kelurahan' : 'desa';
    out.push({ name, kind, danaDesa: kind === 'desa' && typeof v.danaDesa === 'string' && /^\d{1,16}$/.test(v.danaDesa) ? v.danaDesa : null,
      people: cleanCounts(v.people), targets: cleanCounts(v.targets) });
  }
  return [out, out.length !== list.length];
}

export function renderAdminTab(container, ctx) {
  const L = S[ctx.lang === 'en' ? 'en' : 'id'];
  const T = (k, p) => (L[k] || k).replace(/\{(\w+)\}/g, (_, x) => (p && p[x] !== undefined ? p[x] : ''));
  // category / programme / funder / kind names come from the widget's strings (i18n.js)
  const lab = (k) => (ctx.t ? ctx.t(k) : k);
  const catL = (c) => lab('cat_' + c);
  const funL = (f) => lab('funder_' + f);
  const lang = ctx.lang === 'en' ? 'en' : 'id';
  const cfg = ctx.config || {};
  const store = ctx.store || { get() {}, set() {}, remove() {} };
  const ac = new AbortController();
  const on = (el, type, fn) => el.addEventListener(type, fn, { signal: ac.signal });
  const timers = new Set();
  const id = (s) => `kja${++uid}-${s}`;
  let dead = false;
  const errText = (e) => (ctx.errorText ? ctx.errorText(e) : (e && e.message) || String(e));
  const shadow = container.getRootNode();
  if (!sheet && typeof CSSStyleSheet === 'function') { try { sheet = new CSSStyleSheet(); sheet.replaceSync(adminCss); } catch { sheet = null; } }
  const adopt = sheet && shadow && shadow.adoptedStyleSheets && !shadow.adoptedStyleSheets.includes(sheet);
  if (adopt) shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];

  const offices = (cfg.offices || []).filter((o) => o && o.name);
  const puSet = new Set(cfg.puInstitutions || []);
  const fromConfig = () => (cfg.villages || []).map((v) => ({
    name: v.name, kind: v.kind === 'kelurahan' ? 'kelurahan' : 'desa', danaDesa: v.danaDesa || null, people: null, targets: v.targets || {},
  }));
  const stored = store.get('admin');
  const saved = isObj(stored) ? stored : {};
  const savedData = store.get('adminData');
  const [savedVillages, dropped] = isObj(savedData) ? cleanVillages(savedData.villages) : [[], savedData != null];
  if (dropped || (stored != null && !isObj(stored))) store.notice?.('storageCorrupt');
  const savedWages = {};
  if (isObj(saved.wages)) for (const c of VILLAGE_CATEGORIES) if (typeof saved.wages[c] === 'string') savedWages[c] = saved.wages[c];
  const st = {
    funder: FUNDERS.includes(saved.funder) ? saved.funder : FUNDERS.includes(ctx.defaultFunder || cfg.defaultFunder) ? ctx.defaultFunder || cfg.defaultFunder : 'apbd',
    firstMonth: typeof saved.firstMonth === 'string' ? saved.firstMonth : thisMonth(),
    months: typeof saved.months === 'string' ? saved.months : '12',
    sep: saved.sep === ',' ? ',' : ';',
    cats: Array.isArray(saved.cats) ? new Set(saved.cats.filter((c) => CATS.includes(c))) : null,
    wages: { ...(cfg.siltap || {}), ...savedWages },
    nonAsnWage: typeof saved.nonAsnWage === 'string' ? saved.nonAsnWage : '',
    jht: saved.jht !== false,
    // office name → staff number typed here (a null-prototype map: office names are untrusted text)
    officeCounts: Object.assign(Object.create(null), isObj(saved.officeCounts)
      ? Object.fromEntries(Object.entries(saved.officeCounts).filter(([, v]) => typeof v === 'string' && v.length < 20)) : {}),
    villages: savedVillages.length ? savedVillages : fromConfig(),
    file: savedVillages.length ? (typeof savedData.file === 'string' && savedData.file.trim() ? savedData.file : 'CSV') : '',
    sort: null, shown: PAGE, result: null, rows: null, meta: null,
  };
  if (!st.cats) {
    const f = (cfg.fundedCategories || []).filter((c) => CATS.includes(c));
    st.cats = new Set(f.length ? f : CATS);
  }
  const save = () => store.set('admin', {
    funder: st.funder, firstMonth: st.firstMonth, months: st.months, sep: st.sep, cats: [...st.cats],
    wages: st.wages, nonAsnWage: st.nonAsnWage, jht: st.jht, officeCounts: st.officeCounts,
  });

  // ------------------------------------------------------------------ layout
  const field = (key, label, input, hint) => {
    input.id = id(key);
    const err = h('p', { class: 'err', id: id(key + '-e'), role: 'alert' });
    const hintEl = hint && h('p', { class: 'hint', id: id(key + '-h') }, hint);
    input.setAttribute('aria-describedby', err.id + (hintEl ? ' ' + hintEl.id : ''));
    fields[key] = { input, err };
    return h('div', null, h('label', { for: input.id }, label), input, hintEl, err);
  };
  const fields = {};
  const fileIn = h('input', { type: 'file', accept: '.csv,text/csv' });
  const srcText = h('p');
  const impList = h('ul', { class: 'imp' });
  const useCfg = h('button', { type: 'button' }, T('useConfig'));
  const funderSel = h('select', null, FUNDERS.map((f) => h('option', { value: f, selected: f === st.funder }, funL(f))));
  const monthIn = h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', value: st.firstMonth, placeholder: '2026-01' });
  const monthsIn = h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', value: st.months });
  const catBox = h('fieldset', null);
  const wageBox = h('div');
  const generalErr = h('p', { class: 'err', role: 'alert' });
  const funderNote = h('div', { class: 'fnote' });
  const offBox = h('div', { class: 'offout' });
  const busy = h('p', { class: 'hint', hidden: true }, T('busy'));
  const res = h('section', { class: 'res', 'aria-labelledby': id('rt'), hidden: true });
  const sepSel = h('select', null, h('option', { value: ';', selected: st.sep === ';' }, T('semi')), h('option', { value: ',', selected: st.sep === ',' }, T('comma')));
  const root = h('div', { class: 'adm' },
    h('h3', null, T('title') + (cfg.regency ? ' — ' + cfg.regency : '')),
    h('p', { class: 'hint' }, T('intro')),
    h('fieldset', null, h('legend', null, T('data')), srcText,
      field('file', T('upload'), fileIn, T('uploadHint')), impList, h('p', { class: 'bar' }, useCfg)),
    h('fieldset', null, h('legend', null, T('settings')),
      h('div', { class: 'grid g3' }, h('div', null, field('funder', T('funder'), funderSel), funderNote), field('firstMonth', T('firstMonth'), monthIn), field('months', T('months'), monthsIn)),
      h('p', { class: 'hint' }, T('funderHint')), catBox, wageBox, offBox),
    generalErr, busy, res);
  clear(container).append(root);

  // ------------------------------------------------------------------ data source & settings
  function present() {
    const s = new Set();
    for (const v of st.villages) for (const o of [v.people, v.targets]) if (o) for (const c in o) if (o[c] > 0) s.add(c);
    if (offices.length) s.add('non_asn');
    return CATS.filter((c) => s.has(c));
  }
  function renderSource() {
    srcText.textContent = !st.villages.length && !offices.length ? T('noData')
      : st.file ? T('srcFile', { n: num(st.villages.length, lang), f: st.file, m: num(offices.length, lang) })
        : T('srcConfig', { n: num(st.villages.length, lang), m: num(offices.length, lang) });
    useCfg.hidden = !st.file;
    const cats = present();
    clear(catBox).append(h('legend', null, T('cats')), ...cats.map((c) => h('label', { class: 'ck' },
      h('input', { type: 'checkbox', value: c, checked: st.cats.has(c), 'data-cat': c }), catL(c))));
    renderWages();
  }
  function renderWages() {
    const cats = present().filter((c) => st.cats.has(c) && (WAGED.includes(c) || puSet.has(c)));
    const needOfficeWage = st.cats.has('non_asn') && offices.some((o) => !o.wage);
    for (const k in fields) if (k.startsWith('w:') || k === 'nonAsnWage') delete fields[k];
    clear(wageBox);
    if (cats.length || needOfficeWage) {
      wageBox.append(h('div', { class: 'grid' },
        cats.map((c) => field('w:' + c, T('wage', { c: catL(c) }), h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', value: st.wages[c] || '', 'data-wage': c }))),
        needOfficeWage && field('nonAsnWage', T('nonAsnWage'), h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', value: st.nonAsnWage, 'data-wage': '' }))));
    }
    if (st.cats.has('non_asn') && offices.length) {
      wageBox.append(h('label', { class: 'ck' }, h('input', { type: 'checkbox', checked: st.jht, 'data-jht': '1' }), T('jht')));
    }
  }

  // ------------------------------------------------------------------ request
  function unitFunder(kind) {
    if (kind === 'kelurahan' && (st.funder === 'apbdes' || st.funder === 'dana_desa')) return 'apbd';
    return st.funder;
  }
  /** A money field: digits, '' when empty, or null (refused; the field says what to type). */
  function money(text) {
    const s = String(text ?? '').trim();
    if (!s) return '';
    // The module reads "1.500.000", "20 juta", "1,5 juta", "2 miliar"; the widget parses no money itself.
    try { return ctx.api.parseAmount(s, lang); } catch { return null; }
  }
  function officeCount(o) {
    if (o.nonAsn > 0) return o.nonAsn;
    const typed = String(st.officeCounts[o.name] ?? '').trim().replace(/\./g, '');
    return /^\d{1,9}$/.test(typed) ? +typed : 0;
  }
  function build() {
    const units = [];
    const meta = [];
    const problems = [];
    const skipped = [];
    // money fields read when a group uses them (a stale value of a group not counted is never an error)
    const read = new Map();
    const wageOf = (key, text) => {
      if (!read.has(key)) {
        const d = money(text);
        if (d == null) problems.push([key, lab('amountInvalid')]);
        read.set(key, d || '');
      }
      return read.get(key);
    };
    const wageFor = (c) => (st.wages[c] ? wageOf('w:' + c, st.wages[c]) : '');
    const nonAsnWageOf = () => (st.nonAsnWage ? wageOf('nonAsnWage', st.nonAsnWage) : '');
    const lines = cfg.budgetLines || {};
    for (const v of st.villages) {
      const counts = v.people || v.targets || {};
      const groups = [];
      for (const c of VILLAGE_CATEGORIES) {
        const n = counts[c];
        if (!(n > 0) || !st.cats.has(c)) continue;
        const g = { category: c, people: n };
        if (puSet.has(c) && !WAGED.includes(c)) g.scheme = 'pu';
        const w = WAGED.includes(c) || puSet.has(c) ? wageFor(c) : '';
        if (w) g.wage = w;
        if (lines[c] && v.kind === 'desa') g.budgetLine = { ...lines[c] };
        groups.push(g);
      }
      if (!groups.length) groups.push({ category: 'pekerja_rentan', people: 0 });
      const u = { name: v.name, kind: v.kind, funder: unitFunder(v.kind), groups };
      if (v.kind === 'desa' && v.danaDesa) u.danaDesa = v.danaDesa;
      // targets per group: each group is compared with its own target, never with the sum of all
      const targets = {};
      if (v.targets) for (const c in v.targets) if (st.cats.has(c) && v.targets[c] > 0) targets[c] = v.targets[c];
      units.push(u);
      meta.push({ targets, dd: u.danaDesa || null });
    }
    for (const o of offices) {
      if (!st.cats.has('non_asn')) { skipped.push({ o, why: 'cat' }); continue; }
      const n = officeCount(o);
      if (!(n > 0)) { skipped.push({ o, why: 'zero' }); continue; }
      const g = { category: 'non_asn', people: n, jht: st.jht };
      const w = o.wage || nonAsnWageOf();
      if (w) g.wage = w;
      units.push({ name: o.name, kind: 'opd', funder: 'apbd', groups: [g] });
      meta.push({ targets: {}, dd: null, office: o });
    }
    return { req: { firstMonth: st.firstMonth.trim(), months: Number(st.months.trim()), units }, meta, problems, skipped };
  }

  // ------------------------------------------------------------------ estimate
  function clearErrors() {
    generalErr.textContent = '';
    for (const k in fields) { fields[k].err.textContent = ''; fields[k].input.removeAttribute('aria-invalid'); }
  }
  function fieldError(key, msg) {
    const f = fields[key];
    if (!f) return false;
    f.err.textContent = msg;
    f.input.setAttribute('aria-invalid', 'true');
    return true;
  }
  function showError(e, req, meta) {
    // amounts the module refuses: said in words (never the raw digits or a code)
    const msg = e && e.code === 'AMOUNT_OUT_OF_RANGE' ? lab('amountTooBig') : e && e.code === 'INVALID_AMOUNT' ? lab('amountInvalid') : errText(e);
    const path = (e && e.path) || '';
    let m;
    if (path === 'firstMonth' || path === 'months') { if (fieldError(path, msg)) return; }
    if (e && e.code === 'FUNDER_NOT_ALLOWED') { showFunderProblem(msg); return; }
    if ((m = /^units\[(\d+)\](?:\.groups\[(\d+)\])?(?:\.(\w+))?/.exec(path))) {
      const u = req.units[+m[1]];
      const g = u && m[2] !== undefined ? u.groups[+m[2]] : null;
      if (g && m[3] === 'wage') {
        if (g.category === 'non_asn' ? !meta[+m[1]].office.wage && fieldError('nonAsnWage', msg) : fieldError('w:' + g.category, msg)) return;
      }
      generalErr.textContent = (u ? u.name + ': ' : '') + msg;
      return;
    }
    generalErr.textContent = msg;
  }

  // ---- offices that are not in the totals: said, with the reason and the fix, never silently dropped
  let offNames = null;
  const offStatus = new Map();
  function renderOffices(skipped) {
    const why = new Map(skipped.map((x) => [x.o.name, x.why]));
    const list = offices.filter((o) => why.has(o.name) || (!(o.nonAsn > 0) && String(st.officeCounts[o.name] ?? '') !== ''));
    const names = list.map((o) => o.name + '\u0000' + (why.get(o.name) === 'cat')).join('\u0001');
    if (names !== offNames) {
      offNames = names;
      offStatus.clear();
      for (const k in fields) if (k.startsWith('oc:')) delete fields[k];
      clear(offBox);
      if (list.length) {
        offBox.append(h('div', { class: 'note', role: 'group', 'aria-label': T('offOut') }, h('p', null, h('strong', null, T('offOut'))),
          h('ul', null, list.map((o, i) => {
            const status = h('span', { 'data-status': '' });
            offStatus.set(o.name, status);
            const fix = why.get(o.name) === 'cat'
              ? h('button', { type: 'button', 'data-addcat': 'non_asn' }, T('offAddCat'))
              : !(o.nonAsn > 0) && field('oc:' + i, T('offCount', { o: o.name }),
                h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', value: st.officeCounts[o.name] || '', 'data-office-count': o.name }));
            return h('li', { 'data-office': o.name }, h('strong', null, o.name), ' — ', status, fix);
          }))));
      }
    }
    for (const o of list) {
      const w = why.get(o.name);
      const el = offStatus.get(o.name);
      if (el) {
        el.textContent = w ? T('offOutTag') + ': ' + T(w === 'cat' ? 'offNoCat' : 'offZero') : num(officeCount(o), lang) + ' ' + lab('persons');
        el.parentNode.dataset.counted = String(!w);
      }
    }
  }
  // ---- Dana Desa chosen for a group a ministry instrument forbids it for in that budget year: said before computing
  function funderCheck() {
    clear(funderNote);
    if (st.funder !== 'dana_desa' || typeof ctx.api.fundingRule !== 'function') return null;
    const m = /^(\d{4})-(\d{2})$/.exec(st.firstMonth.trim());
    const n = Number(st.months.trim());
    if (!m || !(n >= 1 && n <= 60)) return null;
    const years = [];
    for (let y = +m[1]; y <= +m[1] + Math.floor((+m[2] - 1 + n - 1) / 12); y++) years.push(y);
    const cats = present().filter((c) => c !== 'non_asn' && st.cats.has(c));
    const out = [];
    for (const y of years) {
      const no = [];
      let instrument = '';
      for (const c of cats) {
        let r = null;
        try { r = ctx.api.fundingRule({ category: c, year: y }); } catch { r = null; }
        if (r && r.status === 'no') { no.push(catL(c)); instrument = r.instrument; }
      }
      if (no.length) out.push(T('ddNo', { c: no.join(', '), y, i: instrument }));
    }
    if (!out.length) return null;
    showFunderProblem(out.join(' '));
    return out.join(' ');
  }
  function showFunderProblem(msg) {
    clear(funderNote).append(h('p', { class: 'err', id: id('fn') }, msg),
      h('p', { class: 'bar' }, h('button', { type: 'button', 'data-fix-funder': 'apbdes' }, T('ddFix'))));
    funderSel.setAttribute('aria-invalid', 'true');
    funderSel.setAttribute('aria-describedby', fields.funder.err.id + ' ' + funderNote.firstChild.id);
  }

  function run() {
    if (dead) return;
    schedule.cancel();
    clearErrors();
    busy.hidden = true;
    res.removeAttribute('aria-busy');
    st.result = null;
    const { req, meta, problems, skipped } = build();
    renderOffices(skipped);
    const forbidden = funderCheck();
    if (!/^\d{1,3}$/.test(st.months.trim())) { res.hidden = true; fieldError('months', T('monthsErr')); return; }
    if (problems.length || forbidden) {
      res.hidden = true;
      for (const [k, msg] of problems) fieldError(k, msg);
      ctx.announce?.(forbidden || problems[0][1]);
      return;
    }
    if (!req.units.length) { res.hidden = true; return; }
    let r;
    try {
      r = ctx.api.estimate(req, lang);
    } catch (e) {
      res.hidden = true;
      showError(e, req, meta);
      ctx.announce?.(generalErr.textContent || errText(e));
      return;
    }
    st.result = r;
    st.meta = meta;
    // Host-page event (widget.d.ts): figures only, once per new result.
    if (r.total.total !== st.emitted) {
      st.emitted = r.total.total;
      ctx.emit?.('result', { tab: 'kabupaten', total: r.total.total, months: r.months, people: r.people });
    }
    st.rows = r.units.map((u, i) => {
      const md = meta[i];
      const per = {};
      for (const g of u.groups) per[g.category] = (per[g.category] || 0) + g.people;
      // each targeted group against its own target (pekerja rentan first: it sorts the column)
      const covs = Object.keys(md.targets).sort((a, b) => (b === 'pekerja_rentan') - (a === 'pekerja_rentan') || CATS.indexOf(a) - CATS.indexOf(b))
        .map((c) => {
          const cov = Math.round(((per[c] || 0) * 1000) / md.targets[c]);
          return { c, people: per[c] || 0, target: md.targets[c], cov, covS: Math.floor(cov / 10) + '.' + (cov % 10) };
        });
      const first = covs[0] || null;
      return {
        i, u, name: u.name, kind: u.kind, people: u.people, cost: BigInt(u.total.total),
        dd: u.danaDesa ? Number(u.danaDesa.sharePercent) : null, covs,
        target: first ? first.target : null, cov: first ? first.cov : null, covS: first ? first.covS : null,
      };
    });
    if (st.sort) sortRows();
    st.shown = PAGE;
    renderResult();
    ctx.announce?.(T('announce', { r: cfg.regency || '', t: rp(r.total.total, lang), p: num(r.people, lang), n: num(r.months, lang) }));
  }
  const schedule = debounce(run, 400);
  function later() {
    busy.hidden = false;
    res.setAttribute('aria-busy', 'true');
    schedule();
  }

  // ------------------------------------------------------------------ results
  const COLS = [
    { key: 'name', num: false }, { key: 'kind', num: false }, { key: 'people', num: true }, { key: 'cost', num: true },
    { key: 'dd', num: true }, { key: 'target', num: true }, { key: 'cov', num: true },
  ];
  const collator = new Intl.Collator(lang === 'en' ? 'en' : 'id', Object.assign(Object.create(null), { sensitivity: 'base', numeric: true }));
  function sortRows() {
    const { key, dir } = st.sort;
    const sgn = dir === 'asc' ? 1 : -1;
    st.rows.sort((a, b) => {
      const x = a[key]; const y = b[key];
      let c;
      if (x === null || y === null) c = x === y ? 0 : x === null ? 1 : -1; // empty cells last either way
      else {
        c = key === 'name' || key === 'kind' ? collator.compare(x, y) : x < y ? -1 : x > y ? 1 : 0;
        c *= sgn;
      }
      return c || a.i - b.i;
    });
  }
  const kindLabel = (k) => (k === 'opd' ? T('opd') : lab('kind_' + k));
  let tbody; let moreBtn; let showing; const heads = {};

  function renderResult() {
    const r = st.result;
    const dl = (rows) => h('table', { class: 'sum' }, h('tbody', null, rows.map(([k, v]) => h('tr', null, h('th', { scope: 'row' }, k), h('td', { class: 'n' }, v)))));
    const shares = (title, head, list, label) => h('div', { class: 'tw', role: 'region', 'aria-label': title, tabindex: '0' }, h('table', { class: 'sh rf' }, h('caption', null, title),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, head), h('th', { class: 'n', scope: 'col' }, T('total2')),
        h('th', { class: 'n', scope: 'col' }, T('employer')), h('th', { class: 'n', scope: 'col' }, T('worker')))),
      h('tbody', null, list.map((x) => h('tr', null, h('th', { scope: 'row' }, label(x)), h('td', { class: 'n', 'data-label': T('total2') }, rp(x.total.total, lang)),
        h('td', { class: 'n', 'data-label': T('employer') }, rp(x.total.employer, lang)), h('td', { class: 'n', 'data-label': T('worker') }, rp(x.total.worker, lang)))))));
    let words = '';
    try { words = ctx.api.terbilang(r.total.total, lang); } catch { words = ''; }
    const nVill = r.units.filter((u) => u.kind !== 'opd').length;
    // per group, over the whole regency: covered in the villages that have a target for it vs the sum of those targets
    const catTargets = {};
    for (const x of st.rows) for (const g of x.covs) {
      const a = (catTargets[g.c] ||= { target: 0, people: 0 });
      a.target += g.target; a.people += g.people;
    }
    for (const c in catTargets) { const a = catTargets[c]; const cov = Math.round((a.people * 1000) / a.target); a.covS = Math.floor(cov / 10) + '.' + (cov % 10); }
    // APBDes lines of all villages, summed per (kegiatan, rekening, name)
    const lineMap = new Map();
    for (const u of r.units) for (const b of u.budgetLines || []) {
      const k = [b.activity, b.account, b.nameId].join('\u0000');
      const a = lineMap.get(k) || lineMap.set(k, { ...b, employer: 0n }).get(k);
      a.employer += BigInt(b.total.employer);
    }
    const budgetLines = [...lineMap.values()];
    const info = {
      title: T('title') + (cfg.regency ? ' — ' + cfg.regency : ''), amount: r.total.total, rules: r.rules,
      ids: r.rules.map((p) => p.id), notes: r.warnings, from: r.firstMonth, until: r.lastMonth,
      steps: [T('steps', { n: num(nVill, lang), m: num(r.units.length - nVill, lang), p: num(r.people, lang), k: num(r.months, lang) }),
        ...r.categories.map((c) => `${catL(c.category)}: ${num(c.people, lang)} → ${rp(c.total.total, lang)}`)],
    };
    const headRow = h('tr', null, COLS.map((c) => {
      const b = h('button', { type: 'button', class: 'srt', 'data-sort': c.key }, T(c.key), h('span', { 'aria-hidden': 'true' }, ''));
      const th = h('th', { scope: 'col', class: c.num ? 'n' : null }, b);
      heads[c.key] = th;
      return th;
    }));
    tbody = h('tbody');
    moreBtn = h('button', { type: 'button', 'data-more': '1' });
    showing = h('p', { class: 'hint', 'aria-live': 'polite' });
    // Share (issue 13 §2): the regency's figures in a short text, through the phone's share sheet or WhatsApp/copy.
    const share = shareControls(ctx, () => ({
      title: T('shareTitle', { r: cfg.regency || '' }),
      text: summaryText([
        T('shareTitle', { r: cfg.regency || '' }),
        T('period', { a: monthLabel(r.firstMonth, lang), b: monthLabel(r.lastMonth, lang), n: num(r.months, lang) }),
        T('shareLine', { p: num(r.people, lang), t: rp(r.total.total, lang), m: rp(r.monthlyAverage.total, lang) }),
        r.funders.map((f) => funL(f.funder) + ' ' + rp(f.total.employer, lang)).join(' · '),
        ctx.t('shNote'),
      ]),
      url: location.href.split('#')[0],
    }), { tab: 'kabupaten' });
    clear(res).append(...[
      h('h3', { id: id('rt') }, T('title') + (cfg.regency ? ' — ' + cfg.regency : '')),
      h('p', { class: 'hint' }, T('period', { a: monthLabel(r.firstMonth, lang), b: monthLabel(r.lastMonth, lang), n: num(r.months, lang) })),
      h('p', { class: 'big', 'data-total': r.total.total }, h('span', { class: 'amt' }, rp(r.total.total, lang)), explainButton(ctx, info)),
      words && h('p', { class: 'words' }, words),
      dl([[T('people'), num(r.people, lang)], [T('total'), rp(r.total.total, lang)], [T('employer'), rp(r.total.employer, lang)],
        [T('worker'), rp(r.total.worker, lang)], [T('avg'), rp(r.monthlyAverage.total, lang)]]),
      shares(T('byProg'), T('progCol'), r.programmes, (x) => lab('prog_' + x.programme)), shares(T('byFunder'), T('fundsrc'), r.funders, (x) => funL(x.funder)),
      h('div', { class: 'tw', role: 'region', 'aria-label': T('byCat'), tabindex: '0' }, h('table', { class: 'sh bycat rf' }, h('caption', null, T('byCat')),
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, T('cat')), h('th', { class: 'n', scope: 'col' }, T('covered')), h('th', { class: 'n', scope: 'col' }, T('total2')),
          h('th', { class: 'n', scope: 'col' }, T('target')), h('th', { class: 'n', scope: 'col' }, T('cov')))),
        h('tbody', null, r.categories.map((c) => {
          const g = catTargets[c.category];
          return h('tr', { 'data-cat': c.category }, h('th', { scope: 'row' }, catL(c.category)), h('td', { class: 'n', 'data-label': T('covered') }, num(c.people, lang)),
            h('td', { class: 'n', 'data-label': T('total2') }, rp(c.total.total, lang)),
            h('td', { class: 'n', 'data-label': T('target') }, g ? num(g.target, lang) : '—'), h('td', { class: 'n', 'data-label': T('cov'), 'data-cov': g ? g.covS : '' }, g ? pct(g.covS, lang) : '—'));
        })))),
      h('p', { class: 'hint' }, T('covHint')),
      budgetLines.length > 0 && h('div', { class: 'tw', role: 'region', 'aria-label': T('lines'), tabindex: '0' }, h('table', { class: 'sh lines rf' }, h('caption', null, T('lines')),
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, T('lineCode')), h('th', { scope: 'col' }, T('lineName')), h('th', { class: 'n', scope: 'col' }, T('employer')))),
        h('tbody', null, budgetLines.map((b) => h('tr', { 'data-account': b.account },
          h('td', { 'data-label': T('lineCode') }, [b.activity, b.account].filter(Boolean).join(' / ') || lab('codePerbup')), h('td', { 'data-label': T('lineName') }, lang === 'en' ? b.nameEn : b.nameId),
          h('td', { class: 'n', 'data-label': T('employer') }, rp(String(b.employer), lang))))))),
      r.warnings.length > 0 && h('div', null, h('h4', null, T('notes')), r.warnings.map((n) => h('p', { class: 'note' }, lang === 'en' ? n.en : n.id))),
      h('h3', null, T('table')),
      h('div', { class: 'tw', role: 'region', 'aria-label': T('table'), tabindex: '0' },
        h('table', { class: 'vt rf st' }, h('caption', { class: 'sr' }, T('table')), h('thead', null, headRow), tbody,
          h('tfoot', null, h('tr', null, h('th', { scope: 'row' }, T('totalRow')), h('td', { class: 'e' }), h('td', { class: 'n', 'data-label': T('people') }, num(r.people, lang)),
            h('td', { class: 'n', 'data-label': T('cost'), 'data-cost': r.total.total }, rp(r.total.total, lang)), h('td', { class: 'e' }), h('td', { class: 'e' }), h('td', { class: 'e' }))))),
      showing, h('p', { class: 'bar' }, moreBtn),
      h('div', { class: 'bar ex' }, field('sep', T('sep'), sepSel), h('div', null, h('button', { type: 'button', class: 'pri', 'data-export': '1' }, T('export')), ' ', share.button)),
      share.panel].filter(Boolean));
    renderRows();
    res.hidden = false;
  }

  function renderRows() {
    const frag = document.createDocumentFragment();
    const n = Math.min(st.shown, st.rows.length);
    for (let k = 0; k < n; k++) {
      const x = st.rows[k];
      frag.append(h('tr', { 'data-name': x.name },
        h('th', { scope: 'row' }, x.name), h('td', { 'data-label': T('kind') }, kindLabel(x.kind)), h('td', { class: 'n', 'data-label': T('people') }, num(x.people, lang)),
        h('td', { class: 'n', 'data-label': T('cost'), 'data-cost': x.u.total.total }, rp(x.u.total.total, lang)),
        h('td', { class: 'n', 'data-label': T('dd') }, x.u.danaDesa ? pct(x.u.danaDesa.sharePercent, lang) : '—'),
        h('td', { class: 'n', 'data-label': T('target') }, !x.covs.length ? '—' : x.covs.length === 1 ? num(x.target, lang)
          : h('span', { class: 'lns' }, x.covs.map((g) => h('span', { class: 'ln' }, catL(g.c) + ': ' + num(g.target, lang))))),
        h('td', { class: 'n', 'data-label': T('cov'), 'data-cov': x.covs.map((g) => g.c + '=' + g.covS).join(' ') }, !x.covs.length ? '—' : x.covs.length === 1 ? pct(x.covS, lang)
          : h('span', { class: 'lns' }, x.covs.map((g) => h('span', { class: 'ln' }, catL(g.c) + ': ' + pct(g.covS, lang)))))));
    }
    clear(tbody).append(frag);
    const left = st.rows.length - n;
    moreBtn.hidden = left <= 0;
    moreBtn.textContent = T('more', { n: num(Math.min(PAGE, left), lang) });
    showing.textContent = st.rows.length > PAGE ? T('showing', { a: num(n, lang), b: num(st.rows.length, lang) }) : '';
    for (const c of COLS) {
      const th = heads[c.key];
      const on = st.sort && st.sort.key === c.key;
      if (on) th.setAttribute('aria-sort', st.sort.dir === 'asc' ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
      th.firstChild.lastChild.textContent = on ? (st.sort.dir === 'asc' ? ' ▲' : ' ▼') : '';
    }
  }

  function exportCsv() {
    const r = st.result;
    if (!r) return;
    const sep = st.sep;
    const dec = (s) => (s === null || s === undefined ? '' : sep === ';' ? String(s).replace('.', ',') : String(s));
    const cats = CATS.filter((c) => r.categories.some((x) => x.category === c && x.people > 0));
    // targets and capaian per group (each group against its own target), as the table shows them
    const tcats = CATS.filter((c) => st.rows.some((x) => x.covs.some((g) => g.c === c)));
    const rows = [[T('name'), T('kind'), T('people'), ...cats.map(catL), ...tcats.flatMap((c) => [T('target') + ' ' + catL(c), T('cov') + ' ' + catL(c) + ' (%)']),
      T('cost') + ' (Rp)', T('employer') + ' (Rp)', T('worker') + ' (Rp)', T('ddAlloc') + ' (Rp)', T('dd') + ' (%)', T('fundsrc')]];
    for (const x of st.rows) {
      const u = x.u;
      const per = {};
      for (const g of u.groups) per[g.category] = (per[g.category] || 0) + g.people;
      const cv = Object.fromEntries(x.covs.map((g) => [g.c, g]));
      rows.push([u.name, u.kind, u.people, ...cats.map((c) => per[c] || 0), ...tcats.flatMap((c) => (cv[c] ? [cv[c].target, dec(cv[c].covS)] : ['', ''])),
        u.total.total, u.total.employer, u.total.worker, u.danaDesa ? u.danaDesa.allocation : '', dec(u.danaDesa && u.danaDesa.sharePercent),
        [...new Set(u.groups.map((g) => g.funder))].join(' + ')]);
    }
    rows.push([T('totalRow'), 'total', r.people, ...cats.map((c) => r.categories.find((x) => x.category === c).people), ...tcats.flatMap(() => ['', '']),
      r.total.total, r.total.employer, r.total.worker, '', '', '']);
    const text = toCsv(rows, { separator: sep });
    const slug = String(cfg.regency || 'kabupaten').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'kabupaten';
    const fname = `jamsostek-${slug}-${r.firstMonth}-${r.months}.csv`;
    const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
    const a = h('a', { href: url, download: fname, hidden: true });
    root.append(a);
    a.click();
    a.remove();
    const t = setTimeout(() => { timers.delete(t); URL.revokeObjectURL(url); }, 30000);
    timers.add(t);
    ctx.announce?.(T('exported', { f: fname }));
    ctx.emit?.('export', { tab: 'kabupaten', kind: 'csv' });
  }

  // ------------------------------------------------------------------ import
  // An error the module finds in the villages themselves (not in a setting typed here, such as a siltap).
  const DATA_PATH = /^units(\[\d+\](\.(name|kind|danaDesa|groups(\[\d+\](\.people)?)?))?)?$/;
  /** The staged villages, tried before they replace the current ones: the module's objection, or null. */
  function trial(villages) {
    const current = st.villages;
    st.villages = villages;
    try {
      const { req } = build();
      if (req.units.length && /^\d{1,3}$/.test(st.months.trim())) ctx.api.estimate(req, lang);
      return null;
    } catch (e) {
      if (!(e && DATA_PATH.test(e.path || ''))) return null;
      const m = /^units\[(\d+)\]/.exec(e.path);
      const u = m && villages[+m[1]];
      return (u ? u.name + ': ' : '') + errText(e);
    } finally { st.villages = current; }
  }

  let fileSeq = 0;
  async function onFile() {
    const f = fileIn.files && fileIn.files[0];
    if (!f) return;
    const seq = ++fileSeq; // a later choice of file wins over one still being read
    clear(impList);
    clearErrors();
    let lines;
    let result = null;
    if (f.size > MAX_BYTES) lines = [csvMessage('TOO_LARGE', null, lang)];
    else {
      let buf;
      try { buf = await f.arrayBuffer(); } catch (e) { buf = null; lines = [String((e && e.message) || e)]; }
      if (dead || seq !== fileSeq) return;
      if (buf) {
        try {
          result = importVillages(new Uint8Array(buf), { parseAmount: (t, l) => ctx.api.parseAmount(t, l), lang });
          lines = importReport(result, lang);
        } catch (e) { result = null; lines = [errText(e)]; }
      }
    }
    fileIn.value = '';
    const staged = result && result.ok ? result.villages.map(({ name, kind, danaDesa, people, targets }) => ({ name, kind, danaDesa, people, targets })) : null;
    const objection = staged && trial(staged);
    if (objection) {
      result = null;
      lines = [T('notApplied', { m: objection })];
    }
    if (result && result.ok) {
      // staged → applied in one step
      const old = st.villages.length;
      st.villages = staged;
      st.file = f.name;
      lines.unshift(T('applied', { n: num(st.villages.length, lang), o: num(old, lang) }));
      const data = { file: st.file, villages: st.villages };
      store.set('adminData', data, JSON.stringify(data).length < 2e6); // too big to save: kept for this visit
      renderSource();
      run();
    } else fieldError('file', lines[0]);
    impList.append(...lines.map((l) => h('li', null, l)));
    ctx.announce?.(lines.slice(0, 3).join(' '));
  }

  // ------------------------------------------------------------------ events (delegated, removed on destroy)
  on(root, 'input', (e) => {
    const t = e.target;
    if (t === monthIn) st.firstMonth = t.value;
    else if (t === monthsIn) st.months = t.value;
    else if (t.dataset && t.dataset.wage !== undefined) { if (t.dataset.wage) st.wages[t.dataset.wage] = t.value; else st.nonAsnWage = t.value; }
    else if (t.dataset && t.dataset.officeCount !== undefined) st.officeCounts[t.dataset.officeCount] = t.value;
    else return;
    save();
    later();
  });
  on(root, 'change', (e) => {
    const t = e.target;
    if (t === fileIn) { onFile(); return; }
    if (t === funderSel) st.funder = t.value;
    else if (t === sepSel) { st.sep = t.value; save(); return; }
    else if (t.dataset && t.dataset.cat) { if (t.checked) st.cats.add(t.dataset.cat); else st.cats.delete(t.dataset.cat); renderWages(); }
    else if (t.dataset && t.dataset.jht) st.jht = t.checked;
    else return;
    save();
    later();
  });
  on(root, 'click', (e) => {
    const b = e.target.closest && e.target.closest('button');
    if (!b) return;
    if (b.dataset.addcat) {
      st.cats.add(b.dataset.addcat);
      save(); renderSource(); run();
      catBox.querySelector(`[data-cat="${b.dataset.addcat}"]`)?.focus();
      return;
    }
    if (b.dataset.fixFunder) {
      st.funder = b.dataset.fixFunder;
      funderSel.value = st.funder;
      save(); run();
      funderSel.focus();
      ctx.announce?.(T('ddFixed'));
      return;
    }
    if (b === useCfg) {
      st.villages = fromConfig(); st.file = ''; store.remove('adminData'); clear(impList); renderSource(); run();
      fileIn.focus();
    } else if (b.dataset.sort) {
      const key = b.dataset.sort;
      const col = COLS.find((c) => c.key === key);
      st.sort = st.sort && st.sort.key === key ? { key, dir: st.sort.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: col.num ? 'desc' : 'asc' };
      sortRows();
      renderRows();
      ctx.announce?.(T('sorted', { c: T(key), d: T(st.sort.dir) }));
    } else if (b.dataset.more) {
      st.shown += PAGE;
      renderRows();
    } else if (b.dataset.export) exportCsv();
  });

  renderSource();
  run();

  return {
    destroy() {
      dead = true;
      schedule.cancel();
      ac.abort();
      for (const t of timers) clearTimeout(t);
      timers.clear();
      root.remove();
      if (adopt) shadow.adoptedStyleSheets = shadow.adoptedStyleSheets.filter((x) => x !== sheet);
    },
  };
}
