// The village journey's OpenSID resident import, loaded only when a village head chooses a resident file (its own
// file in pkg/, with opensid.js and csv.js, so widget.js does not grow): reads the file, shows the counts it would set
// and what it skipped and why, and hands the counts on only when the user confirms. Names, NIK and birth dates never
// leave opensid.js (read one row at a time and dropped); only counts per work kind come out.
import { h, put } from './dom.js';
import { importResidents, residentsReport, opensidMessage, MAX_BYTES, WORK_KINDS } from './opensid.js';
import { RESIDENT_STRINGS } from './i18n.js';

const key = (x) => String(x).trim().replace(/\s+/g, ' ').toLowerCase().replace(/^(desa|kelurahan)\s+/, '');

/**
 * Read `file` for the village `name` and show the outcome in `box`.
 * opts: { ctx, file, box, name, asOf: 'YYYY-MM', minAge, maxAge, isCurrent() (false: a newer file or another village
 * was chosen meanwhile: show nothing), onApply({ rentan: { workKind: n }, pu: { kepala_desa: n, perangkat_desa: n } }),
 * onCancel() }.
 */
export async function showResidents({ ctx, file, box, name, asOf, minAge, maxAge, isCurrent = () => true, onApply, onCancel }) {
  const { t, lang, id } = ctx;
  const d = RESIDENT_STRINGS[lang] || RESIDENT_STRINGS.id;
  const s = (k, ...a) => String(d[k] ?? RESIDENT_STRINGS.id[k]).replace(/\{(\d)\}/g, (_, i) => String(a[i] ?? ''));
  const num = (n) => new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'id-ID').format(n);
  let res;
  if (file.size > MAX_BYTES) res = { error: { message: opensidMessage('TOO_LARGE', null, lang) } };
  else {
    let bytes = null;
    try { bytes = new Uint8Array(await file.arrayBuffer()); } catch { /* unreadable file */ }
    if (!isCurrent()) return;
    res = bytes ? importResidents(bytes, {
      // The village counts its own kepala and perangkat desa too (the village pays them, whatever the regency funds).
      funded: ['pekerja_rentan', 'kepala_desa', 'perangkat_desa'], minAge, maxAge, asOf, villageName: name, lang,
    }) : { error: { message: s('osUnreadable') } };
  }
  const alert = (...kids) => put(box, h('div', { class: 'row', role: 'alert' }, kids));
  if (res.error) { alert(h('p', { class: 'err' }, res.error.message)); return; }
  const report = residentsReport(res, lang);
  const head = h('p', null, h('strong', null, report[0]));
  const rest = report.slice(1).map((l) => h('p', { class: 'hint' }, l));
  // An OpenDK file holds every village of the kecamatan: this village's, by name ("Desa " prefix ignored).
  const v = res.villages.length === 1 ? res.villages[0] : res.villages.find((x) => key(x.name) === key(name));
  if (!v) {
    alert(head, h('p', { class: 'err' }, res.villages.length ? s('osWhich', name, res.villages.slice(0, 8).map((x) => x.name).join(', ')) : s('osNothing')), rest);
    return;
  }
  const rentan = Object.fromEntries(WORK_KINDS.map((k) => [k, v.byWorkKind?.[k] || 0]));
  const pu = { kepala_desa: v.counts.kepala_desa || 0, perangkat_desa: v.counts.perangkat_desa || 0 };
  const lines = [...WORK_KINDS.filter((k) => rentan[k] > 0).map((k) => [t('cat_pekerja_rentan') + ' — ' + t('wk_' + k), rentan[k]]),
    ...Object.keys(pu).filter((c) => pu[c] > 0).map((c) => [t('cat_' + c), pu[c]])];
  if (!lines.length) { alert(head, h('p', { class: 'err' }, s('osNothing')), rest); return; }
  let done = false;
  const apply = h('button', { type: 'button', class: 'pri', 'data-k': 'opensid-apply', onclick: () => { if (!done) { done = true; onApply({ rentan, pu }); } } }, s('osApply'));
  put(box, h('div', { class: 'row', role: 'group', 'aria-labelledby': id('os-h') },
    h('p', { id: id('os-h') }, h('strong', null, s('osFound', v.name))), head,
    h('p', null, s('osWill')),
    h('ul', { 'data-opensid': 'counts' }, lines.map(([label, n]) => h('li', null, label + ': ' + t('resPeople', num(n))))),
    h('p', { class: 'hint' }, s('osReplace')),
    rest.length > 0 && h('details', null, h('summary', null, s('osDetails')), rest),
    h('p', { class: 'bar' }, apply,
      h('button', { type: 'button', 'data-k': 'opensid-cancel', onclick: () => { done = true; put(box, h('p', { role: 'status' }, s('osCancelled'))); onCancel?.(); } }, s('osCancel')))));
  apply.focus();
  ctx.announce(s('osFound', v.name) + ' ' + report[0]);
}
