//! The law as data. One line per figure: value, the months it holds, its legal source and the confidence
//! tag of ../shared/RULES.md. A rule change is a one-line edit here; nothing else in the code holds a rate.
//!
//! `from = TABLE_START` means "in force before this table starts": RULES.md gives no start date for the
//! figure and none is typed in from memory. `known_until` marks a figure that is scheduled to change
//! (the JP cap each March): after it the calculator keeps using the figure and warns.

use super::{Confidence, Param, ParamId, Value, TABLE_START};
use crate::money::Rupiah;
use crate::month::Month;
use rust_decimal_macros::dec;
use Confidence::{Computed, High, Low, Medium, Unconfirmed};
use ParamId::*;

const fn rp(n: u64) -> Value {
    Value::Amount(Rupiah::from_whole(n))
}

const S: Month = TABLE_START;
const fn m(y: u16, mo: u8) -> Month {
    Month::ym(y, mo)
}

#[rustfmt::skip]
pub(crate) static PARAMS: &[Param] = &[
// ── BPU (Bukan Penerima Upah: pekerja rentan, informal) contributions — RULES.md Part 1 §1 ──────────────────
Param { id: BpuJkkRate,  value: Value::Rate(dec!(0.01)), from: S, until: None, known_until: None, confidence: High, source: "PP 44/2015 Lampiran II (as amended by PP 49/2023), restated in PP 50/2025 Pasal 4: JKK 1% of the declared income base" },
Param { id: BpuJkm,      value: rp(6_800), from: S, until: None, known_until: None, confidence: High, source: "PP 44/2015 as amended by PP 49/2023 (article not identified), restated in PP 50/2025 Pasal 4: JKM Rp6.800 per month" },
Param { id: BpuJhtRate,  value: Value::Rate(dec!(0.02)), from: S, until: None, known_until: None, confidence: High, source: "PP 46/2015 jo. PP 60/2015 (BPU JHT participants: Pasal 4; article fixing 2% not identified)" },
Param { id: BpuDefaultBase, value: rp(1_000_000), from: S, until: None, known_until: None, confidence: High, source: "PP 44/2015 Lampiran II lowest band; Rp16.800 = JKK Rp10.000 + JKM Rp6.800 paid by regency programmes (RULES.md 1.2, Part 0)" },
// PP 50/2025 (promulgated 22 Dec 2025) Pasal 4 ayat (1): BPU JKK and JKM at 50%; self-paid BPU only (Pasal 3 excludes APBN/APBD-paid).
Param { id: Pp50ReliefTransport, value: Value::Rate(dec!(0.5)), from: m(2026, 1), until: Some(m(2027, 3)), known_until: None, confidence: High, source: "PP 50/2025 Pasal 4 ayat (1) (50%); Pasal 3 (who); transport sector Jan 2026 – Mar 2027 (article holding the period not identified)" },
Param { id: Pp50ReliefOther,     value: Value::Rate(dec!(0.5)), from: m(2026, 4), until: Some(m(2026, 12)), known_until: None, confidence: High, source: "PP 50/2025 Pasal 4 ayat (1) (50%); Pasal 3 (who); other sectors Apr 2026 – Dec 2026 (article holding the period not identified)" },

// ── PU (Penerima Upah: Non-ASN, kepala desa, perangkat desa) — RULES.md Part 1 §2 ─────────────────────────
Param { id: PuJkkRateGroup1, value: Value::Rate(dec!(0.0024)), from: S, until: None, known_until: None, confidence: High, source: "PP 44/2015 Pasal 16 ayat (1): JKK kelompok I (sangat rendah; jasa pemerintahan, Lampiran I)" },
Param { id: PuJkkRateGroup2, value: Value::Rate(dec!(0.0054)), from: S, until: None, known_until: None, confidence: High, source: "PP 44/2015 Pasal 16 ayat (1): JKK kelompok II (rendah)" },
Param { id: PuJkkRateGroup3, value: Value::Rate(dec!(0.0089)), from: S, until: None, known_until: None, confidence: High, source: "PP 44/2015 Pasal 16 ayat (1): JKK kelompok III (sedang)" },
Param { id: PuJkkRateGroup4, value: Value::Rate(dec!(0.0127)), from: S, until: None, known_until: None, confidence: High, source: "PP 44/2015 Pasal 16 ayat (1): JKK kelompok IV (tinggi)" },
Param { id: PuJkkRateGroup5, value: Value::Rate(dec!(0.0174)), from: S, until: None, known_until: None, confidence: High, source: "PP 44/2015 Pasal 16 ayat (1): JKK kelompok V (sangat tinggi)" },
Param { id: PuJkmRate,       value: Value::Rate(dec!(0.003)),  from: S, until: None, known_until: None, confidence: High, source: "PP 44/2015 Pasal 18 ayat (1): JKM 0,30% of wage, employer" },
Param { id: PuJhtEmployerRate, value: Value::Rate(dec!(0.037)), from: S, until: None, known_until: None, confidence: High, source: "PP 46/2015 Pasal 16 ayat (1): JHT 5,7%, employer 3,7%" },
Param { id: PuJhtWorkerRate,   value: Value::Rate(dec!(0.02)),  from: S, until: None, known_until: None, confidence: High, source: "PP 46/2015 Pasal 16 ayat (1): JHT 5,7%, worker 2%" },
Param { id: PuJpEmployerRate,  value: Value::Rate(dec!(0.02)),  from: S, until: None, known_until: None, confidence: High, source: "PP 45/2015 Pasal 28 ayat (3): JP 3%, employer 2%" },
Param { id: PuJpWorkerRate,    value: Value::Rate(dec!(0.01)),  from: S, until: None, known_until: None, confidence: High, source: "PP 45/2015 Pasal 28 ayat (3): JP 3%, worker 1%" },
// JP wage cap, PP 45/2015 Pasal 29: raised each March by the previous year's GDP growth; Jan–Feb keep the old cap [M].
Param { id: JpWageCap, value: rp(8_754_600),  from: m(2021, 3), until: Some(m(2022, 2)), known_until: None, confidence: Low,    source: "PP 45/2015 Pasal 29; Rp8.754.600 from March 2021 (after 2020's negative growth) in one public payroll code only" },
Param { id: JpWageCap, value: rp(9_077_600),  from: m(2022, 3), until: Some(m(2023, 2)), known_until: None, confidence: Medium, source: "PP 45/2015 Pasal 29; Rp9.077.600 from March 2022 (8.754.600 × 1,0369, 2021 growth, truncated to Rp100)" },
Param { id: JpWageCap, value: rp(9_559_600),  from: m(2023, 3), until: Some(m(2024, 2)), known_until: None, confidence: High,   source: "PP 45/2015 Pasal 29; BPJS Ketenagakerjaan letter B/77/022023" },
Param { id: JpWageCap, value: rp(10_042_300), from: m(2024, 3), until: Some(m(2025, 2)), known_until: None, confidence: High,   source: "PP 45/2015 Pasal 29; BPJS Ketenagakerjaan letter B/1387/022024" },
Param { id: JpWageCap, value: rp(10_547_400), from: m(2025, 3), until: Some(m(2026, 2)), known_until: None, confidence: Medium, source: "PP 45/2015 Pasal 29; BPJS Ketenagakerjaan letter B/726/022025" },
Param { id: JpWageCap, value: rp(11_086_300), from: m(2026, 3), until: None, known_until: Some(m(2027, 2)), confidence: Medium, source: "PP 45/2015 Pasal 29; BPJS Ketenagakerjaan letter B/1226/022026 (25 Feb 2026, +5,11%)" },

// ── JKM benefits — RULES.md Part 1 §3.1 ──────────────────────────────────────────────────────────────────
Param { id: JkmLumpSum,  value: rp(20_000_000), from: S, until: None, known_until: None, confidence: High, source: "PP 44/2015 Pasal 34 as amended by PP 82/2019: santunan sekaligus" },
Param { id: JkmPeriodic, value: rp(12_000_000), from: S, until: None, known_until: None, confidence: High, source: "PP 44/2015 Pasal 34 as amended by PP 82/2019: santunan berkala (24 months, paid at once)" },
Param { id: JkmFuneral,  value: rp(10_000_000), from: S, until: None, known_until: None, confidence: High, source: "PP 44/2015 Pasal 34 as amended by PP 82/2019: biaya pemakaman" },
Param { id: JkmBpuEarlyDeathTotal,  value: rp(10_000_000), from: S, until: None, known_until: None, confidence: Medium, source: "BPJS Ketenagakerjaan branches (Meulaboh 2025; Brosur BPU 2026): BPU dying within 3 months of joining; legal basis and composition unconfirmed" },
Param { id: JkmBpuEarlyDeathMonths, value: Value::Count(3), from: S, until: None, known_until: None, confidence: Medium, source: "BPJS Ketenagakerjaan branches (Meulaboh 2025; Brosur BPU 2026): the first 3 months of BPU membership" },
Param { id: JkmScholarshipMinYears, value: Value::Count(3), from: S, until: None, known_until: None, confidence: High, source: "PP 44/2015 Pasal 34 as amended by PP 82/2019: beasiswa via JKM after at least 3 years of contributions" },

// ── Beasiswa (JKK and JKM) — RULES.md Part 1 §3.2 ────────────────────────────────────────────────────────
Param { id: ScholarshipMaxChildren, value: Value::Count(2), from: S, until: None, known_until: None, confidence: High, source: "PP 82/2019 (amending PP 44/2015): beasiswa for at most 2 children" },
Param { id: ScholarshipTkSdPerYear, value: rp(1_500_000),  from: S, until: None, known_until: None, confidence: High, source: "PP 82/2019: beasiswa TK–SD Rp1.500.000 per child per year" },
Param { id: ScholarshipTkSdYears,   value: Value::Count(8), from: S, until: None, known_until: None, confidence: High, source: "PP 82/2019: TK–SD at most 8 years" },
Param { id: ScholarshipSmpPerYear,  value: rp(2_000_000),  from: S, until: None, known_until: None, confidence: High, source: "PP 82/2019: beasiswa SMP Rp2.000.000 per child per year" },
Param { id: ScholarshipSmpYears,    value: Value::Count(3), from: S, until: None, known_until: None, confidence: High, source: "PP 82/2019: SMP at most 3 years" },
Param { id: ScholarshipSmaPerYear,  value: rp(3_000_000),  from: S, until: None, known_until: None, confidence: High, source: "PP 82/2019: beasiswa SMA Rp3.000.000 per child per year" },
Param { id: ScholarshipSmaYears,    value: Value::Count(3), from: S, until: None, known_until: None, confidence: High, source: "PP 82/2019: SMA at most 3 years" },
Param { id: ScholarshipPtPerYear,   value: rp(12_000_000), from: S, until: None, known_until: None, confidence: High, source: "PP 82/2019: beasiswa perguruan tinggi (to S1) or training Rp12.000.000 per child per year" },
Param { id: ScholarshipPtYears,     value: Value::Count(5), from: S, until: None, known_until: None, confidence: High, source: "PP 82/2019: perguruan tinggi at most 5 years" },
Param { id: ScholarshipEndAge,      value: Value::Count(23), from: S, until: None, known_until: None, confidence: High, source: "PP 82/2019: beasiswa ends at age 23, marriage or work" },

// ── JKK benefits — RULES.md Part 1 §3.3 (PP 44/2015 Pasal 25 as amended by PP 82/2019) ──────────────────────
Param { id: JkkDeathMultiplier,          value: Value::Factor(dec!(48)), from: S, until: None, known_until: None, confidence: High, source: "PP 44/2015 Pasal 25 as amended by PP 82/2019: death from work accident 60% × 80 × monthly wage" },
Param { id: JkkTotalDisabilityMultiplier, value: Value::Factor(dec!(56)), from: S, until: None, known_until: None, confidence: High, source: "PP 44/2015 Pasal 25 as amended by PP 82/2019: total permanent disability 70% × 80 × monthly wage" },
Param { id: JkkDeathPeriodic, value: rp(12_000_000), from: S, until: None, known_until: None, confidence: High, source: "PP 44/2015 Pasal 25 as amended by PP 82/2019: santunan berkala on death from work accident" },
Param { id: JkkFuneral,       value: rp(10_000_000), from: S, until: None, known_until: None, confidence: High, source: "PP 44/2015 Pasal 25 as amended by PP 82/2019: biaya pemakaman on death from work accident" },
Param { id: JkkHomecareMax,   value: rp(20_000_000), from: S, until: None, known_until: None, confidence: High, source: "PP 44/2015 Pasal 25 as amended by PP 82/2019: homecare at most Rp20.000.000 for at most 1 year" },
Param { id: JkkTransportLandMax, value: rp(5_000_000),  from: S, until: None, known_until: None, confidence: High, source: "PP 44/2015 Pasal 25 as amended by PP 82/2019: transport by land, river or lake at most Rp5.000.000" },
Param { id: JkkTransportSeaMax,  value: rp(2_000_000),  from: S, until: None, known_until: None, confidence: High, source: "PP 44/2015 Pasal 25 as amended by PP 82/2019: transport by sea at most Rp2.000.000" },
Param { id: JkkTransportAirMax,  value: rp(10_000_000), from: S, until: None, known_until: None, confidence: High, source: "PP 44/2015 Pasal 25 as amended by PP 82/2019: transport by air at most Rp10.000.000" },
Param { id: JkkStmbFirst12Months, value: Value::Rate(dec!(1)),   from: S, until: None, known_until: None, confidence: High, source: "PP 44/2015 Pasal 25 as amended by PP 82/2019: STMB months 1–12 at 100% of wage" },
Param { id: JkkStmbAfter12Months, value: Value::Rate(dec!(0.5)), from: S, until: None, known_until: None, confidence: High, source: "PP 44/2015 Pasal 25 as amended by PP 82/2019: STMB from month 13 at 50% of wage until fit" },
Param { id: JkkDenturesMax,   value: rp(5_000_000), from: S, until: None, known_until: None, confidence: Low, source: "Single third-party summary (sapa-chatbot) of PP 82/2019: dentures at most Rp5.000.000" },
Param { id: JkkHearingAidMax, value: rp(2_500_000), from: S, until: None, known_until: None, confidence: Low, source: "Single third-party summary (sapa-chatbot) of PP 82/2019: hearing aid at most Rp2.500.000" },
Param { id: JkkGlassesMax,    value: rp(1_000_000), from: S, until: None, known_until: None, confidence: Low, source: "Single third-party summary (sapa-chatbot) of PP 82/2019: glasses at most Rp1.000.000" },
Param { id: ScholarshipMaxTotal, value: rp(174_000_000), from: S, until: None, known_until: None, confidence: Computed, source: "RULES.md 3.2: 12+6+9+60 = Rp87 juta per child, Rp174 juta for 2 children (also the published figure)" },

// ── Eligibility — RULES.md Part 1 §4 ─────────────────────────────────────────────────────────────────────
// RULES.md Part 0 "BPU age": registration only while under 65 (age 65 refused). Value [M], instrument [UNCONFIRMED].
Param { id: BpuRegistrationAgeLimit, value: Value::Count(65), from: S, until: None, known_until: None, confidence: Medium, source: "BPJS Ketenagakerjaan Brosur BPU 2026 and Tegal branch (2022): BPU register while under 65 (\"belum mencapai usia 65 tahun\"); no regulation article found" },
Param { id: ForeignPuMinMonths,    value: Value::Count(6),  from: S, until: None, known_until: None, confidence: High, source: "PP 49/2023 Pasal 5 ayat (2) huruf c; PP 46/2015 Pasal 4 ayat (2) huruf c: foreigners working in Indonesia at least 6 months" },

// ── Dana Desa — RULES.md Part 2 §2 (one line per budget year; which categories each forbids: rules/funding.rs) ──
Param { id: DanaDesaRules, value: Value::Count(2026), from: m(2026, 1), until: Some(m(2026, 12)), known_until: None, confidence: High, source: "Permendes PDT 16/2025 Lampiran Bab II huruf J: Dana Desa may not pay jamsostek contributions of kepala desa, perangkat desa and anggota BPD; PMK 7/2026: 58,03% of each pagu earmarked for Koperasi Desa Merah Putih" },
Param { id: DanaDesaRules, value: Value::Count(2025), from: m(2025, 1), until: Some(m(2025, 12)), known_until: None, confidence: Unconfirmed, source: "Permendes PDT 2/2024 (fokus Dana Desa 2025); PMK 108/2024: no BPJS Ketenagakerjaan clause found" },
Param { id: DanaDesaRules, value: Value::Count(2024), from: m(2024, 1), until: Some(m(2024, 12)), known_until: None, confidence: High, source: "Surat Edaran Kemendes Ditjen PDP 4/PRI.00/I/2024 (5 Jan 2024) point 1, resting on Permendagri 15/2023 Lampiran huruf E: Dana Desa may not pay BPJS Ketenagakerjaan contributions of kepala desa, perangkat desa and pekerja rentan" },
Param { id: DanaDesaRules, value: Value::Count(2023), from: m(2023, 1), until: Some(m(2023, 12)), known_until: None, confidence: Unconfirmed, source: "Permendes PDTT 8/2022; PMK 201/2022: article allowing or forbidding jamsostek not found" },
];

/// One band of PP 44/2015 Lampiran II: incomes from `lower` (inclusive) up to the next band's `lower`
/// take `base`. RULES.md 1.3: endpoints [H]; bands 2–32 from a single transcription [L].
#[derive(Clone, Copy, Debug)]
pub struct Band {
    pub lower: Rupiah,
    pub base: Rupiah,
    pub confidence: Confidence,
}

const fn band(lower: u64, base: u64, confidence: Confidence) -> Band {
    Band {
        lower: Rupiah::from_whole(lower),
        base: Rupiah::from_whole(base),
        confidence,
    }
}

pub const BANDS_SOURCE: &str = "PP 44/2015 Lampiran II (income bands and bases); endpoints confirmed by the press, bands 2–32 from a single transcription (hibahtiar/jaga-pekerja, simulasi-bpu.html TIERS)";

#[rustfmt::skip]
pub static BPU_BANDS: [Band; 33] = [
    band(0, 1_000_000, High),
    band(1_100_000, 1_200_000, Low), band(1_300_000, 1_400_000, Low), band(1_500_000, 1_600_000, Low),
    band(1_700_000, 1_800_000, Low), band(1_900_000, 2_000_000, Low), band(2_100_000, 2_200_000, Low),
    band(2_300_000, 2_400_000, Low), band(2_500_000, 2_600_000, Low),
    band(2_700_000, 2_950_000, Low), band(3_200_000, 3_450_000, Low), band(3_700_000, 3_950_000, Low),
    band(4_200_000, 4_450_000, Low), band(4_700_000, 4_950_000, Low), band(5_200_000, 5_450_000, Low),
    band(5_700_000, 5_950_000, Low), band(6_200_000, 6_450_000, Low), band(6_700_000, 6_950_000, Low),
    band(7_200_000, 7_450_000, Low), band(7_700_000, 7_950_000, Low),
    band(8_200_000, 8_700_000, Low), band(9_200_000, 9_700_000, Low), band(10_200_000, 10_700_000, Low),
    band(11_200_000, 11_700_000, Low), band(12_200_000, 12_700_000, Low), band(13_200_000, 13_700_000, Low),
    band(14_200_000, 14_700_000, Low), band(15_200_000, 15_700_000, Low), band(16_200_000, 16_700_000, Low),
    band(17_200_000, 17_700_000, Low), band(18_200_000, 18_700_000, Low), band(19_200_000, 19_700_000, Low),
    band(20_200_000, 20_700_000, High),
];
