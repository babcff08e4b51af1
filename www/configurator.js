// Configurator: a form that builds the embed snippet of <kalkulator-jamsostek> with a live preview, so a
// regency web admin never edits JSON by hand. No inline scripts/styles (works under the strict CSP).
import { loadModule, parseConfig, budgetLineText, BUDGET_LINE_CATS } from '../pkg/widget.js';
import { parseRupiah } from './widget/format.js';
import { importVillages, importReport, parseCount, VILLAGE_CATEGORIES, MAX_BYTES, csvMessage } from './widget/csv.js';

const CATS = [...VILLAGE_CATEGORIES, 'non_asn'];
const INST = ['bpd', 'rt_rw', 'kader', 'linmas', 'lembaga_desa'];
const FUNDERS = ['apbd', 'apbdes', 'dana_desa', 'apbn', 'self_paid'];
const TABS = ['desa', 'kabupaten', 'warga'];
const PAGE = 200;
const KEY = 'kj-configurator:v1';
const PLACEHOLDER_SRC = 'https://YOUR-SITE/path/widget.js';

const S = {
  id: {
    title: 'Konfigurator Kalkulator Jamsostek',
    intro: 'Isi formulir ini untuk membuat kode pasang (embed) kalkulator di situs kabupaten. Tidak perlu menulis JSON.',
    toggle: 'English', reset: 'Mulai dari awal', resetConfirm: 'Hapus semua isian konfigurator?',
    widget: 'Widget', regency: 'Nama kabupaten/kota', lang: 'Bahasa widget', tab: 'Tab pertama yang dibuka',
    funder: 'Sumber dana bawaan', funderNone: '(bawaan widget)', minAge: 'Usia minimal peserta', maxAge: 'Usia maksimal peserta',
    ageHint: 'Kosongkan bila mengikuti aturan umum (di bawah 65 tahun).', ageErr: 'Isi bilangan bulat 0 sampai 120.',
    ageOrder: 'Usia maksimal harus sama atau lebih dari usia minimal.',
    funded: 'Kelompok yang didanai kabupaten', pu: 'Lembaga desa yang dihitung sebagai penerima upah (PU, persen dari honorarium)',
    puHint: 'Yang tidak dicentang dihitung BPU (iuran tetap per orang).',
    siltap: 'Siltap/honorarium per bulan (Rp)', siltapOf: 'Siltap/honorarium {c}',
    villages: 'Desa dan kelurahan', importCsv: 'Impor CSV desa (menggantikan daftar di bawah)',
    importHint: 'Kolom: desa, jenis (desa/kelurahan), pagu dana desa, target … (atau jumlah per kelompok). Pemisah ; , atau tab.',
    village: 'Desa {n}', name: 'Nama', kind: 'Jenis', dd: 'Pagu Dana Desa setahun (Rp)', targetOf: 'Target {c} (orang)',
    desa: 'Desa', kelurahan: 'Kelurahan', remove: 'Hapus', removeV: 'Hapus desa {n} {v}', addV: 'Tambah desa',
    more: 'Tampilkan {n} desa lagi', count: '{n} desa/kelurahan.',
    offices: 'Kantor (OPD) dengan pegawai Non-ASN', office: 'Kantor {n}', nonAsn: 'Jumlah Non-ASN', wage: 'Upah Non-ASN per bulan (Rp)',
    removeO: 'Hapus kantor {n} {v}', addO: 'Tambah kantor',
    codeWhen: 'Pakai kode ini bila editor situs Anda menerima <script> (HTML biasa, WordPress untuk administrator).',
    frameCode: 'Kode iframe', frameWhen: 'Pakai kode ini bila editor membuang <script> (OpenSID, OpenDK, WordPress tanpa unfiltered_html, page builder). Unggah juga resizer.js bila ingin tinggi bingkai menyesuaikan isi.',
    snippet: 'Kode pasang', src: 'Alamat widget.js di situs Anda', mode: 'Letak konfigurasi',
    inline: 'Di dalam kode pasang (atribut config)', file: 'Berkas config.json terpisah (atribut config-src)',
    cfgUrl: 'Alamat config.json (harus di situs yang sama)', code: 'Kode untuk ditempel di halaman situs',
    copy: 'Salin kode', copied: 'Kode disalin.', copyFail: 'Tidak bisa menyalin otomatis: kode sudah dipilih, tekan Ctrl+C.',
    download: 'Unduh config.json', downloaded: 'config.json diunduh.',
    problems: '{n} isian belum benar dan tidak dimasukkan ke kode:', ok: 'Semua isian sah.',
    preview: 'Pratinjau langsung', previewHint: 'Widget sungguhan dengan pengaturan di atas; berubah saat formulir diubah.',
    countErr: 'Isi bilangan bulat 0 sampai 300.000.000.', nameMissing: 'Nama kosong.', nameLong: 'Nama lebih dari 200 karakter.',
    dup: 'Nama sudah dipakai di {w}.', ddKel: 'Kelurahan tidak menerima Dana Desa.', loading: 'Memuat modul…',
    autoFunded: 'Kelompok dicentang karena ada targetnya di berkas: {v}.', targetsFromPeople: 'Berkas tidak punya kolom target: jumlah orang per kelompok dipakai sebagai target.',
    tab_desa: 'Desa (kepala desa)', tab_kabupaten: 'Kabupaten (admin)', tab_warga: 'Warga',
    pekerja_rentan: 'Pekerja rentan', kepala_desa: 'Kepala desa', perangkat_desa: 'Perangkat desa', bpd: 'BPD',
    rt_rw: 'RT/RW', kader: 'Kader', linmas: 'Linmas', lembaga_desa: 'Lembaga desa lain', non_asn: 'Non-ASN',
    apbd: 'APBD', apbdes: 'APBDes', dana_desa: 'Dana Desa', apbn: 'APBN', self_paid: 'Bayar sendiri',
    l_id: 'Bahasa Indonesia', l_en: 'English',
    amountErr: 'Tulis jumlah rupiah dengan angka, misalnya 1.500.000, 20 juta, 1,5 juta atau Rp20jt.',
    lines: 'Mata anggaran APBDes (sekali untuk semua desa)',
    linesHint: 'Kode kegiatan dan kode rekening menurut Perbup pedoman APBDes kabupaten. Kosongkan bila belum ditetapkan: desa melihat "kode sesuai Perbup pedoman APBDes". Kepala desa dan perangkat desa memakai kode nasional (5.1.3.03 / 5.1.3.04).',
    blActivity: 'Kode kegiatan', blAccount: 'Kode rekening', blName: 'Nama mata anggaran',
    blCodeErr: 'Tulis kode dengan angka dan titik saja, misalnya 5.4.1.01 (paling banyak 100 karakter).',
    blNameErr: 'Nama tanpa tanda < atau >, paling banyak 100 karakter.',
    ddNo: 'Dana Desa tidak boleh dipakai untuk iuran {c} pada Tahun Anggaran {y} ({i}). Yang sah: APBDes selain Dana Desa (ADD, PAD, pendapatan lain desa) atau APBD kabupaten.',
    ddFix: 'Ganti ke APBDes (selain Dana Desa)', ddFixed: 'Sumber dana bawaan sekarang APBDes (selain Dana Desa).',
    offOut: 'Kantor ini tidak dihitung: {r}.', offNoCat: 'Non-ASN tidak dicentang di "Kelompok yang didanai kabupaten"', offZero: 'jumlah Non-ASN belum diisi',
    offFix: 'Centang Non-ASN', offIn: 'Dihitung: {n} pegawai Non-ASN.',
  },
  en: {
    title: 'Jamsostek Calculator configurator',
    intro: 'Fill in this form to build the embed code of the calculator for the regency website. No JSON editing needed.',
    toggle: 'Bahasa Indonesia', reset: 'Start over', resetConfirm: 'Clear everything in the configurator?',
    widget: 'Widget', regency: 'Regency/city name', lang: 'Widget language', tab: 'Tab opened first',
    funder: 'Default funding source', funderNone: '(widget default)', minAge: 'Minimum participant age', maxAge: 'Maximum participant age',
    ageHint: 'Leave empty to follow the general rule (under 65).', ageErr: 'Enter a whole number from 0 to 120.',
    ageOrder: 'The maximum age must be at least the minimum age.',
    funded: 'Groups the regency funds', pu: 'Village institutions counted as wage earners (PU, percent of honorarium)',
    puHint: 'Unticked ones are counted as BPU (a fixed contribution per person).',
    siltap: 'Monthly siltap/honorarium (Rp)', siltapOf: 'Siltap/honorarium {c}',
    villages: 'Villages (desa and kelurahan)', importCsv: 'Import village CSV (replaces the list below)',
    importHint: 'Columns: desa/village, jenis/kind (desa/kelurahan), dana desa, target … (or counts per group). Separator ; , or tab.',
    village: 'Village {n}', name: 'Name', kind: 'Kind', dd: 'Annual Dana Desa allocation (Rp)', targetOf: 'Target {c} (people)',
    desa: 'Desa', kelurahan: 'Kelurahan', remove: 'Remove', removeV: 'Remove village {n} {v}', addV: 'Add village',
    more: 'Show {n} more villages', count: '{n} villages.',
    offices: 'Offices (OPD) with Non-ASN staff', office: 'Office {n}', nonAsn: 'Non-ASN staff', wage: 'Monthly Non-ASN wage (Rp)',
    removeO: 'Remove office {n} {v}', addO: 'Add office',
    codeWhen: 'Use this code when your site editor accepts <script> (plain HTML, WordPress for administrators).',
    frameCode: 'Iframe code', frameWhen: 'Use this code when the editor strips <script> (OpenSID, OpenDK, WordPress without unfiltered_html, page builders). Add resizer.js to let the frame fit its content.',
    snippet: 'Embed code', src: 'Address of widget.js on your site', mode: 'Where the configuration lives',
    inline: 'Inside the embed code (config attribute)', file: 'A separate config.json file (config-src attribute)',
    cfgUrl: 'Address of config.json (must be on the same site)', code: 'Code to paste into the website page',
    copy: 'Copy code', copied: 'Code copied.', copyFail: 'Could not copy automatically: the code is selected, press Ctrl+C.',
    download: 'Download config.json', downloaded: 'config.json downloaded.',
    problems: '{n} fields are not valid and were left out of the code:', ok: 'All fields are valid.',
    preview: 'Live preview', previewHint: 'The real widget with the settings above; it changes as the form changes.',
    countErr: 'Enter a whole number from 0 to 300,000,000.', nameMissing: 'The name is empty.', nameLong: 'The name is longer than 200 characters.',
    dup: 'Name already used in {w}.', ddKel: 'A kelurahan receives no Dana Desa.', loading: 'Loading the module…',
    autoFunded: 'Groups ticked because the file has targets for them: {v}.', targetsFromPeople: 'The file has no target columns: the people per group are used as targets.',
    tab_desa: 'Village (village head)', tab_kabupaten: 'Regency (admin)', tab_warga: 'Citizen',
    pekerja_rentan: 'Vulnerable workers', kepala_desa: 'Village head', perangkat_desa: 'Village officials', bpd: 'BPD',
    rt_rw: 'RT/RW', kader: 'Cadres', linmas: 'Linmas', lembaga_desa: 'Other village institutions', non_asn: 'Non-ASN',
    apbd: 'APBD', apbdes: 'APBDes', dana_desa: 'Dana Desa', apbn: 'APBN', self_paid: 'Self-paid',
    l_id: 'Bahasa Indonesia', l_en: 'English',
    amountErr: 'Type an amount in rupiah with digits, e.g. 1.500.000, 20 juta, 1,5 juta or Rp20jt.',
    lines: 'APBDes budget lines (once for all villages)',
    linesHint: 'Activity and account codes from the regency’s APBDes guideline (Perbup). Leave empty if not set: villages then see "code as in the regency’s APBDes guideline". Village heads and officials use the national codes (5.1.3.03 / 5.1.3.04).',
    blActivity: 'Activity code', blAccount: 'Account code', blName: 'Budget line name',
    blCodeErr: 'Type the code with digits and dots only, e.g. 5.4.1.01 (at most 100 characters).',
    blNameErr: 'A name without < or >, at most 100 characters.',
    ddNo: 'Dana Desa may not pay the contributions of {c} in budget year {y} ({i}). Lawful: APBDes other than Dana Desa (ADD, PAD, other village income) or the regency APBD.',
    ddFix: 'Switch to APBDes (other than Dana Desa)', ddFixed: 'Default funding source is now APBDes (other than Dana Desa).',
    offOut: 'This office is not counted: {r}.', offNoCat: 'Non-ASN is not ticked under "Groups the regency funds"', offZero: 'no Non-ASN staff number yet',
    offFix: 'Tick Non-ASN', offIn: 'Counted: {n} Non-ASN staff.',
  },
};

// ------------------------------------------------------------------ helpers
function h(tag, props, ...kids) {
  const el = document.createElement(tag);
  for (const k in props || {}) {
    const v = props[k];
    if (v == null || v === false) continue;
    if (k === 'text') el.textContent = v;
    else if (k === 'class') el.className = v;
    else if (k === 'value' || k === 'checked' || k === 'selected' || k === 'hidden' || k === 'readOnly') el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of kids.flat(Infinity)) if (c != null && c !== false) el.append(c);
  return el;
}
/** Attribute-safe text: & ' < " (and >) escaped, so the value is safe in single or double quotes. */
export function escAttr(s) {
  return String(s).replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/>/g, '&gt;');
}
const fresh = () => ({
  ui: 'id', regency: '', lang: 'id', tab: 'desa', funder: '', minAge: '', maxAge: '',
  funded: ['pekerja_rentan'], pu: [], siltap: {}, villages: [], offices: [], budgetLines: {},
  src: PLACEHOLDER_SRC, useSrc: false, cfgUrl: 'https://YOUR-SITE/path/config.json',
});
function load() {
  try {
    const s = JSON.parse(localStorage.getItem(KEY));
    if (!s || typeof s !== 'object' || !Array.isArray(s.villages) || !Array.isArray(s.offices)) return null;
    const d = fresh();
    for (const k in d) if (k in s && typeof s[k] === typeof d[k] && Array.isArray(s[k]) === Array.isArray(d[k])) d[k] = s[k];
    d.villages = d.villages.filter((v) => v && typeof v === 'object').map((v) => ({ name: String(v.name || ''), kind: v.kind === 'kelurahan' ? 'kelurahan' : 'desa', dd: String(v.dd || ''), t: v.t && typeof v.t === 'object' ? v.t : {} }));
    const bl = {};
    for (const c of BUDGET_LINE_CATS) {
      const x = d.budgetLines[c];
      if (x && typeof x === 'object') bl[c] = { activity: String(x.activity ?? ''), account: String(x.account ?? ''), name: String(x.name ?? '') };
    }
    d.budgetLines = bl;
    d.offices = d.offices.filter((o) => o && typeof o === 'object').map((o) => ({ name: String(o.name || ''), nonAsn: String(o.nonAsn || ''), wage: String(o.wage || '') }));
    return d;
  } catch { return null; }
}

let st = load() || fresh();
let api = null;
let shown = PAGE;
const T = (k, p) => (S[st.ui][k] || k).replace(/\{(\w+)\}/g, (_, x) => (p && p[x] !== undefined ? p[x] : ''));
const app = document.getElementById('app');
const formBox = h('div', { class: 'form' });
const outBox = h('div', { class: 'out' });
const preview = document.createElement('kalkulator-jamsostek');
preview.id = 'preview';
const pvTitle = h('h2', { id: 'h-p' });
const pvHint = h('p', { class: 'hint' });
const pvBox = h('section', { 'aria-labelledby': 'h-p', class: 'pv' }, pvTitle, pvHint, preview);
let errEls = new Map();
let funderNote = null;
const offEls = new Map();
function offStatus(i) {
  const el = h('div', { class: 'ostat', 'data-office-status': String(i) });
  offEls.set(i, el);
  return el;
}
/** Offices the widget would not count, said next to the office with the reason and the fix. */
function renderOfficeStatus() {
  for (const [i, el] of offEls) {
    const o = st.offices[i];
    if (!o || !el.isConnected) continue;
    const n = /^\d[\d.]*$/.test(o.nonAsn.trim()) ? Number(o.nonAsn.trim().replace(/\./g, '')) : 0;
    if (!o.name.trim()) { el.replaceChildren(); continue; }
    const why = !st.funded.includes('non_asn') ? 'offNoCat' : !(n > 0) ? 'offZero' : null;
    el.replaceChildren(why
      ? h('p', { class: 'warn', 'data-counted': 'false' }, T('offOut', { r: T(why) }), why === 'offNoCat' && ' ',
        why === 'offNoCat' && h('button', { type: 'button', 'data-act': 'fund:non_asn' }, T('offFix')))
      : h('p', { class: 'hint', 'data-counted': 'true' }, T('offIn', { n: new Intl.NumberFormat('id-ID').format(n) })));
  }
}
/** Dana Desa as the default funder for a group a ministry instrument forbids it for this year: said next to the field. */
function renderFunderNote() {
  if (!funderNote) return;
  funderNote.replaceChildren();
  const sel = errEls.get('funder')?.control;
  if (st.funder !== 'dana_desa' || !api || typeof api.fundingRule !== 'function') { sel?.removeAttribute('aria-invalid'); return; }
  const year = new Date().getFullYear();
  const no = [];
  let instrument = '';
  for (const c of CATS.filter((x) => x !== 'non_asn' && st.funded.includes(x))) {
    let r = null;
    try { r = api.fundingRule({ category: c, year }); } catch { r = null; }
    if (r && r.status === 'no') { no.push(T(c)); instrument = r.instrument; }
  }
  if (!no.length) { sel?.removeAttribute('aria-invalid'); return; }
  funderNote.append(h('p', { class: 'err', id: 'funder-no' }, T('ddNo', { c: no.join(', '), y: year, i: instrument })),
    h('p', { class: 'bar' }, h('button', { type: 'button', 'data-act': 'fixfunder' }, T('ddFix'))));
  if (sel) { sel.setAttribute('aria-invalid', 'true'); sel.setAttribute('aria-describedby', sel.getAttribute('aria-describedby').replace(/ funder-no$/, '') + ' funder-no'); }
}
let importLines = [];
let status = '';

// ------------------------------------------------------------------ state by key
function getK(k) {
  const p = k.split(':');
  if (p[0] === 'v') { const v = st.villages[+p[1]]; return p[2] === 't' ? v.t[p[3]] || '' : v[p[2]]; }
  if (p[0] === 'o') return st.offices[+p[1]][p[2]];
  if (p[0] === 's') return st.siltap[p[1]] || '';
  if (p[0] === 'bl') return st.budgetLines[p[1]]?.[p[2]] || '';
  return st[k];
}
function setK(k, val) {
  const p = k.split(':');
  if (p[0] === 'v') { const v = st.villages[+p[1]]; if (p[2] === 't') v.t[p[3]] = val; else v[p[2]] = val; }
  else if (p[0] === 'o') st.offices[+p[1]][p[2]] = val;
  else if (p[0] === 's') st.siltap[p[1]] = val;
  else if (p[0] === 'bl') (st.budgetLines[p[1]] ||= { activity: '', account: '', name: '' })[p[2]] = val;
  else if (p[0] === 'fund' || p[0] === 'pu') {
    const arr = st[p[0] === 'fund' ? 'funded' : 'pu'];
    const i = arr.indexOf(p[1]);
    if (val && i < 0) arr.push(p[1]);
    if (!val && i >= 0) arr.splice(i, 1);
  } else st[k] = val;
}

// ------------------------------------------------------------------ config from the form
export function buildConfig() {
  const errors = new Map();
  const cfg = {};
  const amount = (k, text) => {
    const s = String(text || '').trim();
    if (!s) return null;
    // The module reads it ("1.500.000", "20 juta", "1,5 juta"); before it has loaded, the same reading in JS.
    if (!api) return parseRupiah(s);
    try { return api.parseAmount(s, st.ui); } catch { errors.set(k, T('amountErr')); return null; }
  };
  const count = (k, text) => {
    const n = parseCount(text == null ? '' : text);
    if (Number.isNaN(n)) { errors.set(k, T('countErr')); return null; }
    return n;
  };
  const age = (k) => {
    const s = String(st[k]).trim();
    if (!s) return null;
    if (!/^\d{1,3}$/.test(s) || +s > 120) { errors.set(k, T('ageErr')); return null; }
    return +s;
  };
  if (st.regency.trim()) cfg.regency = st.regency.trim().slice(0, 200);
  if (FUNDERS.includes(st.funder)) cfg.defaultFunder = st.funder;
  const mn = age('minAge');
  const mx = age('maxAge');
  if (mn !== null && mx !== null && mn > mx) errors.set('maxAge', T('ageOrder'));
  else { if (mn !== null) cfg.minAge = mn; if (mx !== null) cfg.maxAge = mx; }
  cfg.fundedCategories = CATS.filter((c) => st.funded.includes(c));
  const pu = INST.filter((c) => st.pu.includes(c));
  if (pu.length) cfg.puInstitutions = pu;
  const siltap = {};
  for (const c of ['kepala_desa', 'perangkat_desa', ...pu]) { const a = amount('s:' + c, st.siltap[c]); if (a) siltap[c] = a; }
  if (Object.keys(siltap).length) cfg.siltap = siltap;
  const tcats = cfg.fundedCategories.filter((c) => c !== 'non_asn');
  const seen = new Map();
  const villages = [];
  st.villages.forEach((v, i) => {
    const name = v.name.trim().replace(/\s+/g, ' ');
    const hasData = v.dd.trim() || tcats.some((c) => String(v.t[c] || '').trim());
    if (!name) { if (hasData) errors.set(`v:${i}:name`, T('nameMissing')); return; }
    if (name.length > 200) { errors.set(`v:${i}:name`, T('nameLong')); return; }
    const key = name.toLowerCase();
    if (seen.has(key)) { errors.set(`v:${i}:name`, T('dup', { w: T('village', { n: seen.get(key) + 1 }) })); return; }
    seen.set(key, i);
    const out = { name, kind: v.kind === 'kelurahan' ? 'kelurahan' : 'desa' };
    if (v.dd.trim()) {
      if (out.kind === 'kelurahan') errors.set(`v:${i}:dd`, T('ddKel'));
      else { const a = amount(`v:${i}:dd`, v.dd); if (a) out.danaDesa = a; }
    }
    const targets = {};
    for (const c of tcats) { const n = count(`v:${i}:t:${c}`, v.t[c]); if (n !== null) targets[c] = n; }
    if (Object.keys(targets).length) out.targets = targets;
    villages.push(out);
  });
  if (villages.length) cfg.villages = villages;
  const offices = [];
  st.offices.forEach((o, i) => {
    const name = o.name.trim().replace(/\s+/g, ' ');
    if (!name) { if (o.nonAsn.trim() || o.wage.trim()) errors.set(`o:${i}:name`, T('nameMissing')); return; }
    if (name.length > 200) { errors.set(`o:${i}:name`, T('nameLong')); return; }
    const out = { name, nonAsn: count(`o:${i}:nonAsn`, o.nonAsn) || 0 };
    const w = amount(`o:${i}:wage`, o.wage);
    if (w) out.wage = w;
    offices.push(out);
  });
  if (offices.length) cfg.offices = offices;
  const lines = {};
  for (const c of BUDGET_LINE_CATS) {
    const x = st.budgetLines[c];
    if (!x) continue;
    const line = {};
    for (const f of ['activity', 'account', 'name']) {
      const v = budgetLineText(f, String(x[f] ?? ''));
      if (v == null) errors.set(`bl:${c}:${f}`, T(f === 'name' ? 'blNameErr' : 'blCodeErr'));
      else if (v) line[f] = v;
    }
    if (Object.keys(line).length) lines[c] = line;
  }
  if (Object.keys(lines).length) cfg.budgetLines = lines;
  // The widget's own validator must accept everything we produce.
  const { refused } = parseConfig(cfg);
  return { config: cfg, errors, refused };
}

export function snippetFor(config) {
  const attrs = [];
  if (config.regency) attrs.push(['regency', config.regency]);
  attrs.push(['lang', st.lang], ['tab', st.tab]);
  if (config.defaultFunder) attrs.push(['funder', config.defaultFunder]);
  if (st.useSrc) attrs.push(['config-src', st.cfgUrl.trim()]);
  else attrs.push(['config', JSON.stringify(config)]);
  return `<script type="module" src="${escAttr(st.src.trim() || PLACEHOLDER_SRC)}"></script>\n<kalkulator-jamsostek`
    + attrs.map(([k, v]) => (k === 'config' ? `\n  ${k}='${escAttr(v)}'` : `\n  ${k}="${escAttr(v)}"`)).join('')
    + '>\n</kalkulator-jamsostek>\n';
}

/** The same configuration for hosts that strip scripts: the package's embed.html in an <iframe> (issue 13 §1). */
export function iframeSnippetFor(config) {
  const src = st.src.trim() || PLACEHOLDER_SRC;
  const base = /widget\.js(\?[^#]*)?$/.test(src) ? src.replace(/widget\.js(\?[^#]*)?$/, 'embed.html') : src.replace(/[^/]*$/, 'embed.html');
  const q = new URLSearchParams();
  if (config.regency) q.set('regency', config.regency);
  q.set('lang', st.lang);
  q.set('tab', st.tab);
  if (config.defaultFunder) q.set('funder', config.defaultFunder);
  if (st.useSrc) q.set('config-src', st.cfgUrl.trim());
  else q.set('config', JSON.stringify(config));
  return `<iframe src="${escAttr(base + '?' + q)}" title="Kalkulator Iuran BPJS Ketenagakerjaan"\n  width="100%" height="1400" loading="lazy" data-kalkulator-jamsostek></iframe>\n`;
}

// ------------------------------------------------------------------ rendering
let uid = 0;
function field(k, label, control, hint) {
  control.id = 'f' + ++uid;
  control.dataset.k = k;
  const err = h('p', { class: 'err', id: control.id + 'e' });
  errEls.set(k, { err, control });
  const hi = hint ? h('p', { class: 'hint', id: control.id + 'h' }, hint) : null;
  control.setAttribute('aria-describedby', err.id + (hi ? ' ' + hi.id : ''));
  return h('div', { class: 'fld' }, h('label', { for: control.id }, label), control, hi, err);
}
const text = (k, attrs) => h('input', { type: 'text', autocomplete: 'off', value: String(getK(k) ?? ''), ...attrs });
const select = (k, opts) => h('select', null, opts.map(([v, l]) => h('option', { value: v, selected: String(getK(k)) === v }, l)));
const check = (k, label, on) => {
  const c = h('input', { type: 'checkbox', checked: on });
  c.dataset.k = k;
  return h('label', { class: 'ck' }, c, ' ', label);
};

function render() {
  const active = document.activeElement;
  const focusK = active && active.dataset ? active.dataset.k || active.dataset.act : null;
  document.documentElement.lang = st.ui;
  document.getElementById('title').textContent = T('title');
  document.getElementById('intro').textContent = T('intro');
  document.title = T('title');
  errEls = new Map();
  offEls.clear();
  const amountIn = (k) => text(k, { inputmode: 'numeric' });
  const tcats = CATS.filter((c) => c !== 'non_asn' && st.funded.includes(c));
  const villages = st.villages.slice(0, shown).map((v, i) => h('fieldset', { class: 'row' },
    h('legend', null, T('village', { n: i + 1 })),
    h('div', { class: 'grid' },
      field(`v:${i}:name`, T('name'), text(`v:${i}:name`, { maxlength: '200' })),
      field(`v:${i}:kind`, T('kind'), select(`v:${i}:kind`, [['desa', T('desa')], ['kelurahan', T('kelurahan')]])),
      field(`v:${i}:dd`, T('dd'), amountIn(`v:${i}:dd`)),
      tcats.map((c) => field(`v:${i}:t:${c}`, T('targetOf', { c: T(c) }), text(`v:${i}:t:${c}`, { inputmode: 'numeric' })))),
    h('p', { class: 'bar' }, h('button', { type: 'button', 'data-act': 'rmv:' + i, 'aria-label': T('removeV', { n: i + 1, v: v.name }) }, T('remove')))));
  const offices = st.offices.map((o, i) => h('fieldset', { class: 'row' },
    h('legend', null, T('office', { n: i + 1 })),
    h('div', { class: 'grid' },
      field(`o:${i}:name`, T('name'), text(`o:${i}:name`, { maxlength: '200' })),
      field(`o:${i}:nonAsn`, T('nonAsn'), text(`o:${i}:nonAsn`, { inputmode: 'numeric' })),
      field(`o:${i}:wage`, T('wage'), amountIn(`o:${i}:wage`))),
    offStatus(i),
    h('p', { class: 'bar' }, h('button', { type: 'button', 'data-act': 'rmo:' + i, 'aria-label': T('removeO', { n: i + 1, v: o.name }) }, T('remove')))));
  const fileIn = h('input', { type: 'file', accept: '.csv,text/csv' });
  const left = st.villages.length - shown;
  formBox.replaceChildren(
    h('p', { class: 'bar' },
      h('button', { type: 'button', 'data-act': 'ui', lang: st.ui === 'id' ? 'en' : 'id' }, T('toggle')),
      h('button', { type: 'button', 'data-act': 'reset' }, T('reset'))),
    h('section', { 'aria-labelledby': 'h-w' }, h('h2', { id: 'h-w' }, T('widget')),
      h('div', { class: 'grid' },
        field('regency', T('regency'), text('regency', { maxlength: '200' })),
        field('lang', T('lang'), select('lang', [['id', T('l_id')], ['en', T('l_en')]])),
        field('tab', T('tab'), select('tab', TABS.map((t) => [t, T('tab_' + t)]))),
        h('div', null, field('funder', T('funder'), select('funder', [['', T('funderNone')], ...FUNDERS.map((f) => [f, T(f)])])), funderNote = h('div', { class: 'fnote', id: 'funder-note' })),
        field('minAge', T('minAge'), text('minAge', { inputmode: 'numeric' }), T('ageHint')),
        field('maxAge', T('maxAge'), text('maxAge', { inputmode: 'numeric' }))),
      h('fieldset', null, h('legend', null, T('funded')), CATS.map((c) => check('fund:' + c, T(c), st.funded.includes(c)))),
      h('fieldset', null, h('legend', null, T('pu')), h('p', { class: 'hint' }, T('puHint')), INST.map((c) => check('pu:' + c, T(c), st.pu.includes(c)))),
      h('fieldset', null, h('legend', null, T('siltap')), h('div', { class: 'grid' },
        ['kepala_desa', 'perangkat_desa', ...INST.filter((c) => st.pu.includes(c))].map((c) => field('s:' + c, T('siltapOf', { c: T(c) }), amountIn('s:' + c)))))),
    h('section', { 'aria-labelledby': 'h-bl' }, h('h2', { id: 'h-bl' }, T('lines')), h('p', { class: 'hint' }, T('linesHint')),
      BUDGET_LINE_CATS.map((c) => h('fieldset', { class: 'row' }, h('legend', null, T(c)), h('div', { class: 'grid' },
        field(`bl:${c}:activity`, T('blActivity'), text(`bl:${c}:activity`, { maxlength: '100', inputmode: 'decimal', placeholder: '2.1.01' })),
        field(`bl:${c}:account`, T('blAccount'), text(`bl:${c}:account`, { maxlength: '100', inputmode: 'decimal', placeholder: '5.4.1.01' })),
        field(`bl:${c}:name`, T('blName'), text(`bl:${c}:name`, { maxlength: '100' })))))),
    h('section', { 'aria-labelledby': 'h-v' }, h('h2', { id: 'h-v' }, T('villages')),
      field('csv', T('importCsv'), fileIn, T('importHint')),
      h('ul', { class: 'imp', id: 'imp' }, importLines.map((l) => h('li', null, l))),
      h('p', { class: 'hint' }, T('count', { n: st.villages.length })),
      villages,
      left > 0 && h('p', { class: 'bar' }, h('button', { type: 'button', 'data-act': 'more' }, T('more', { n: Math.min(PAGE, left) }))),
      h('p', { class: 'bar' }, h('button', { type: 'button', 'data-act': 'addv' }, T('addV')))),
    h('section', { 'aria-labelledby': 'h-o' }, h('h2', { id: 'h-o' }, T('offices')), offices,
      h('p', { class: 'bar' }, h('button', { type: 'button', 'data-act': 'addo' }, T('addO')))));
  renderOut();
  if (focusK) {
    const el = app.querySelector(`[data-k="${CSS.escape(focusK)}"]:checked`) || app.querySelector(`[data-k="${CSS.escape(focusK)}"]`) || app.querySelector(`[data-act="${CSS.escape(focusK)}"]`);
    if (el) el.focus();
  }
  update(true);
}

let codeArea; let frameArea; let probList; let statusEl;
function renderOut() {
  codeArea = h('textarea', { readOnly: true, rows: '10', spellcheck: 'false', class: 'code' });
  frameArea = h('textarea', { readOnly: true, rows: '4', spellcheck: 'false', class: 'frame-code', 'data-k': 'frame' });
  probList = h('div', { class: 'probs' });
  statusEl = h('p', { class: 'status', role: 'status' }, status);
  outBox.replaceChildren(
    h('section', { 'aria-labelledby': 'h-s' }, h('h2', { id: 'h-s' }, T('snippet')),
      field('src', T('src'), text('src', { inputmode: 'url', spellcheck: 'false' })),
      h('fieldset', null, h('legend', null, T('mode')),
        h('label', { class: 'ck' }, h('input', { type: 'radio', name: 'mode', value: '0', checked: !st.useSrc, 'data-k': 'useSrc' }), ' ', T('inline')),
        h('label', { class: 'ck' }, h('input', { type: 'radio', name: 'mode', value: '1', checked: st.useSrc, 'data-k': 'useSrc' }), ' ', T('file'))),
      st.useSrc && field('cfgUrl', T('cfgUrl'), text('cfgUrl', { inputmode: 'url', spellcheck: 'false' })),
      field('code', T('code'), codeArea, T('codeWhen')),
      field('frame', T('frameCode'), frameArea, T('frameWhen')),
      h('p', { class: 'bar' },
        h('button', { type: 'button', class: 'pri', 'data-act': 'copy' }, T('copy')),
        h('button', { type: 'button', 'data-act': 'download' }, T('download'))),
      statusEl, probList));
  pvTitle.textContent = T('preview');
  pvHint.textContent = T('previewHint');
}

let current = null;
let pvTimer = 0;
let saveTimer = 0;
function update(now) {
  const built = buildConfig();
  current = built;
  for (const [k, { err, control }] of errEls) {
    const m = built.errors.get(k) || '';
    err.textContent = m;
    if (m) control.setAttribute('aria-invalid', 'true'); else control.removeAttribute('aria-invalid');
  }
  codeArea.value = snippetFor(built.config);
  frameArea.value = iframeSnippetFor(built.config);
  renderFunderNote();
  renderOfficeStatus();
  const probs = [...built.errors.keys()].map((k) => labelOf(k) + ': ' + built.errors.get(k));
  for (const r of built.refused) probs.push(r);
  probList.replaceChildren(probs.length
    ? h('div', { class: 'warn' }, h('p', null, T('problems', { n: probs.length })), h('ul', null, probs.slice(0, 10).map((p) => h('li', null, p))))
    : h('p', { class: 'hint' }, T('ok')));
  clearTimeout(pvTimer);
  if (now) applyPreview(); else pvTimer = setTimeout(applyPreview, 400);
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => { try { localStorage.setItem(KEY, JSON.stringify(st)); } catch { /* storage off: fine */ } }, 500);
}
function labelOf(k) {
  const { control } = errEls.get(k) || {};
  const lab = control && control.labels && control.labels[0] ? control.labels[0].textContent : k;
  const fs = control && control.closest('fieldset.row');
  return (fs ? fs.querySelector('legend').textContent + ' · ' : '') + lab;
}
function applyPreview() {
  if (!current) return;
  const c = current.config;
  const set = (k, v) => { if (v == null || v === '') preview.removeAttribute(k); else if (preview.getAttribute(k) !== v) preview.setAttribute(k, v); };
  set('regency', c.regency || '');
  set('lang', st.lang);
  set('tab', st.tab);
  set('funder', c.defaultFunder || '');
  set('config', JSON.stringify(c));
}

function download(name, textBody, type) {
  const url = URL.createObjectURL(new Blob([textBody], { type }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}
function say(s) { status = s; statusEl.textContent = ''; setTimeout(() => { statusEl.textContent = s; }, 30); }

async function onFile(input) {
  const f = input.files && input.files[0];
  if (!f) return;
  let res = null;
  if (f.size > MAX_BYTES) importLines = [csvMessage('TOO_LARGE', null, st.ui)];
  else {
    const buf = new Uint8Array(await f.arrayBuffer());
    res = importVillages(buf, { parseAmount: (t, l) => api.parseAmount(t, l), lang: st.ui });
    importLines = importReport(res, st.ui);
  }
  if (res && res.ok) {
    const fmt = new Intl.NumberFormat('id-ID');
    const auto = [];
    st.villages = res.villages.map((v) => {
      const src = res.hasTargets ? v.targets : v.people || {};
      const t = {};
      for (const c in src) {
        t[c] = String(src[c]);
        if (src[c] > 0 && !st.funded.includes(c)) { st.funded.push(c); auto.push(T(c)); }
      }
      return { name: v.name, kind: v.kind, dd: v.danaDesa ? fmt.format(BigInt(v.danaDesa)) : '', t };
    });
    if (!res.hasTargets && res.hasPeople) importLines.push(T('targetsFromPeople'));
    if (auto.length) importLines.push(T('autoFunded', { v: auto.join(', ') }));
    shown = PAGE;
  }
  render();
  const fi = app.querySelector('[data-k="csv"]');
  if (fi) fi.focus();
  say(importLines.slice(0, 2).join(' '));
}

// ------------------------------------------------------------------ events
app.addEventListener('input', (e) => {
  const k = e.target.dataset && e.target.dataset.k;
  if (!k || e.target.type === 'checkbox' || e.target.type === 'radio' || e.target.type === 'file') return;
  setK(k, e.target.value);
  if (k.endsWith(':name')) { const b = e.target.closest('fieldset.row')?.querySelector('button[data-act]'); if (b) b.setAttribute('aria-label', T(k[0] === 'v' ? 'removeV' : 'removeO', { n: +k.split(':')[1] + 1, v: e.target.value })); }
  update(false);
});
app.addEventListener('change', (e) => {
  const t = e.target;
  const k = t.dataset && t.dataset.k;
  if (!k) return;
  if (k === 'csv') { onFile(t); return; }
  if (t.type === 'checkbox') { setK(k, t.checked); render(); return; }
  if (t.type === 'radio') { st.useSrc = t.value === '1'; render(); return; }
  if (t.tagName === 'SELECT') { setK(k, t.value); update(false); }
});
app.addEventListener('click', (e) => {
  const b = e.target.closest && e.target.closest('button[data-act]');
  if (!b) return;
  const [act, arg] = b.dataset.act.split(':');
  if (act === 'fund') {
    setK('fund:' + arg, true);
    render();
    app.querySelector(`[data-k="fund:${arg}"]`)?.focus();
    return;
  }
  if (act === 'fixfunder') {
    st.funder = 'apbdes';
    render();
    app.querySelector('[data-k="funder"]')?.focus();
    say(T('ddFixed'));
    return;
  }
  if (act === 'ui') { st.ui = st.ui === 'id' ? 'en' : 'id'; importLines = []; render(); }
  else if (act === 'reset') { if (confirm(T('resetConfirm'))) { const ui = st.ui; st = fresh(); st.ui = ui; importLines = []; shown = PAGE; render(); } }
  else if (act === 'addv') {
    st.villages.push({ name: '', kind: 'desa', dd: '', t: {} });
    shown = Math.max(shown, st.villages.length);
    render();
    app.querySelector(`[data-k="v:${st.villages.length - 1}:name"]`)?.focus();
  } else if (act === 'addo') {
    st.offices.push({ name: '', nonAsn: '', wage: '' });
    render();
    app.querySelector(`[data-k="o:${st.offices.length - 1}:name"]`)?.focus();
  } else if (act === 'rmv' || act === 'rmo') {
    const list = act === 'rmv' ? st.villages : st.offices;
    list.splice(+arg, 1);
    render();
    const p = act === 'rmv' ? 'v' : 'o';
    const next = app.querySelector(`[data-k="${p}:${Math.min(+arg, list.length - 1)}:name"]`) || app.querySelector(`[data-act="${act === 'rmv' ? 'addv' : 'addo'}"]`);
    next?.focus();
  } else if (act === 'more') { shown += PAGE; render(); }
  else if (act === 'copy') {
    const s = codeArea.value;
    const fallback = () => { codeArea.focus(); codeArea.select(); let ok = false; try { ok = document.execCommand('copy'); } catch { ok = false; } say(T(ok ? 'copied' : 'copyFail')); };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(s).then(() => say(T('copied')), fallback);
    else fallback();
  } else if (act === 'download') {
    download('config.json', JSON.stringify(current.config, null, 2) + '\n', 'application/json');
    say(T('downloaded'));
  }
});

// ------------------------------------------------------------------ start
app.replaceChildren(formBox, outBox, pvBox);
render();
say(T('loading'));
loadModule().then((m) => { api = m; say(''); update(true); }, (e) => say(String((e && e.message) || e)));
