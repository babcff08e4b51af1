// A regency portal's TypeScript, as a contractor writes it: every export of the package, the error narrowed by
// its code, and the custom element typed through HTMLElementTagNameMap. Type-checked under `tsc --strict` with
// `skipLibCheck: false` by tests/e2e/package.test.mjs; never run.
import init, {
  initSync,
  estimate,
  coverage,
  benefits,
  eligibility,
  fundingRule,
  rulesInForce,
  bpuBands,
  parseAmount,
  terbilang,
  info,
} from 'kalkulator-jamsostek';
import type { CalculatorError, EstimateRequest, EstimateResult, DanaDesaAnswer, Lang } from 'kalkulator-jamsostek';
import type { KalkulatorJamsostekElement, KalkulatorResultDetail } from 'kalkulator-jamsostek/widget.js';
import 'kalkulator-jamsostek/widget.js';

function isCalculatorError(e: unknown): e is CalculatorError {
  return e instanceof Error && typeof (e as Partial<CalculatorError>).code === 'string';
}

export async function run(wasm: BufferSource): Promise<string[]> {
  await init();
  initSync({ module: wasm });
  const lang: Lang = 'id';
  const req: EstimateRequest = {
    firstMonth: '2026-01',
    months: 12,
    units: [{ name: 'Wanci', funder: 'apbd', groups: [{ category: 'pekerja_rentan', people: 100 }] }],
  };
  const r: EstimateResult = estimate(req, lang);
  const out: string[] = [r.total.total, r.units[0]?.groups[0]?.budgetLine?.account ?? 'kode sesuai Perbup'];
  out.push(String(coverage({ budget: '20160000', firstMonth: '2026-01', months: 12, group: { category: 'pekerja_rentan', people: 0 } }).people));
  out.push(benefits({ scheme: 'bpu', membershipMonths: 48, children: [{ level: 'belum_sekolah' }] }).jkm.total);
  out.push(eligibility({ age: 30, work: 'informal', month: '2026-06' }).funders.map((f) => f.status).join());
  const rule: DanaDesaAnswer = fundingRule({ category: 'perangkat_desa', year: 2026 });
  if (rule.status === 'no') out.push(rule.instrument);
  out.push(rulesInForce('2026-06').map((p) => p.id).join(), String(bpuBands().length), parseAmount('Rp 1.500.000'));
  out.push(terbilang('20160000', 'en'), info().tableStart);
  try {
    estimate({ ...req, firstMonth: '2026-01', units: [{ name: 'x', funder: 'dana_desa', groups: [{ category: 'kepala_desa', people: 1, wage: '3000000' }] }] });
  } catch (e) {
    if (isCalculatorError(e)) {
      switch (e.code) {
        case 'FUNDER_NOT_ALLOWED':
          out.push(e.path, e.detail);
          break;
        case 'JP_CAP_UNKNOWN':
        case 'INVALID_BUDGET_LINE':
          out.push(e.message);
          break;
        default:
          out.push(e.code);
      }
    }
  }
  const el = document.querySelector('kalkulator-jamsostek');
  if (el) {
    const typed: KalkulatorJamsostekElement = el;
    typed.setAttribute('tab', 'desa');
    typed.addEventListener('kalkulator-result', (ev) => {
      const d: KalkulatorResultDetail = ev.detail;
      out.push(d.tab, d.total, String(d.months));
    });
    typed.addEventListener('kalkulator-export', (ev) => out.push(ev.detail.kind));
    typed.addEventListener('kalkulator-config-refused', (ev) => out.push(ev.detail.message));
  }
  const made = document.createElement('kalkulator-jamsostek');
  made.addEventListener('kalkulator-result', (ev) => out.push(ev.detail.total));
  return out;
}
