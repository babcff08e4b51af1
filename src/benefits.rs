//! What a covered person's family receives (RULES.md Part 1 §3.1–3.3): JKM on death not from work, JKK on
//! death or total permanent disability from a work accident, JKK care, and the children's scholarships.
//!
//! Every amount names the rule-table rows that produced it and is flagged when one of them is [L] or
//! [UNCONFIRMED]. For BPU the "wage" of the JKK formulas is the declared base (RULES.md 3.3).

use crate::category::SchemeKind;
use crate::eligibility::{default_as_of, note, note_from_row, Note};
use crate::error::{Error, ErrorCode, Result};
use crate::money::Rupiah;
use crate::month::Month;
use crate::rules::{self, Param, ParamId, BANDS_SOURCE};
use serde::{Deserialize, Serialize};

/// At most this many children in one request.
pub const MAX_CHILDREN: usize = 10;
/// A PU wage above this is refused as implausible (Rp1 miliar a month).
pub const MAX_WAGE: Rupiah = Rupiah::from_whole(1_000_000_000);

/// Every row this module may read: the default month is the newest (up to the rules check) where all hold.
const ROWS: [ParamId; 31] = [
    ParamId::BpuDefaultBase,
    ParamId::JkmLumpSum,
    ParamId::JkmPeriodic,
    ParamId::JkmFuneral,
    ParamId::JkmBpuEarlyDeathTotal,
    ParamId::JkmBpuEarlyDeathMonths,
    ParamId::JkmScholarshipMinYears,
    ParamId::ScholarshipMaxChildren,
    ParamId::ScholarshipTkSdPerYear,
    ParamId::ScholarshipTkSdYears,
    ParamId::ScholarshipSmpPerYear,
    ParamId::ScholarshipSmpYears,
    ParamId::ScholarshipSmaPerYear,
    ParamId::ScholarshipSmaYears,
    ParamId::ScholarshipPtPerYear,
    ParamId::ScholarshipPtYears,
    ParamId::ScholarshipEndAge,
    ParamId::ScholarshipMaxTotal,
    ParamId::JkkDeathMultiplier,
    ParamId::JkkTotalDisabilityMultiplier,
    ParamId::JkkDeathPeriodic,
    ParamId::JkkFuneral,
    ParamId::JkkHomecareMax,
    ParamId::JkkTransportLandMax,
    ParamId::JkkTransportSeaMax,
    ParamId::JkkTransportAirMax,
    ParamId::JkkStmbFirst12Months,
    ParamId::JkkStmbAfter12Months,
    ParamId::JkkDenturesMax,
    ParamId::JkkHearingAidMax,
    ParamId::JkkGlassesMax,
];

/// School level of a child, from not yet at school to university (or training).
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SchoolLevel {
    /// Not yet at school: the scholarship starts when the child enters school (all TK–SD years ahead).
    BelumSekolah,
    TkSd,
    Smp,
    Sma,
    /// Perguruan tinggi up to S1, or job training.
    Pt,
}

impl SchoolLevel {
    /// The level after this one.
    const fn next(self) -> Option<SchoolLevel> {
        match self {
            SchoolLevel::BelumSekolah => Some(SchoolLevel::TkSd),
            SchoolLevel::TkSd => Some(SchoolLevel::Smp),
            SchoolLevel::Smp => Some(SchoolLevel::Sma),
            SchoolLevel::Sma => Some(SchoolLevel::Pt),
            SchoolLevel::Pt => None,
        }
    }

    /// The rows of the amount per year and the number of years (None for `BelumSekolah`, not a school level).
    const fn rows(self) -> Option<(ParamId, ParamId)> {
        match self {
            SchoolLevel::BelumSekolah => None,
            SchoolLevel::TkSd => Some((
                ParamId::ScholarshipTkSdPerYear,
                ParamId::ScholarshipTkSdYears,
            )),
            SchoolLevel::Smp => {
                Some((ParamId::ScholarshipSmpPerYear, ParamId::ScholarshipSmpYears))
            }
            SchoolLevel::Sma => {
                Some((ParamId::ScholarshipSmaPerYear, ParamId::ScholarshipSmaYears))
            }
            SchoolLevel::Pt => Some((ParamId::ScholarshipPtPerYear, ParamId::ScholarshipPtYears)),
        }
    }
}

/// A child of the participant.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Child {
    pub level: SchoolLevel,
    /// School years left at the current level, counting the current one; default all years of the level,
    /// clamped to them. Ignored for `belum_sekolah` (all TK–SD years are ahead).
    #[serde(default)]
    pub years_left: Option<u32>,
}

#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BenefitsRequest {
    pub scheme: SchemeKind,
    /// BPU: the declared base, one of the 33 of PP 44/2015 Lampiran II. Default Rp1.000.000.
    #[serde(default)]
    pub base: Option<Rupiah>,
    /// BPU: declared income, turned into a base when `base` is absent.
    #[serde(default)]
    pub income: Option<Rupiah>,
    /// PU: monthly wage (required).
    #[serde(default)]
    pub wage: Option<Rupiah>,
    /// Months of contributions so far; `None` = long-standing (past every waiting period).
    #[serde(default)]
    pub membership_months: Option<u32>,
    #[serde(default)]
    pub children: Vec<Child>,
    /// The "as of" month of the rule table; default: the newest month, up to the rules check, where all hold.
    #[serde(default)]
    pub month: Option<Month>,
}

/// One amount of a benefit, with the rules that produced it.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BenefitLine {
    pub key: &'static str,
    pub label_id: &'static str,
    pub label_en: &'static str,
    /// `None`: as medically needed, no ceiling.
    pub amount: Option<Rupiah>,
    pub rules: Vec<ParamId>,
    pub needs_verification: bool,
}

/// What the family receives in one event; `total` is the sum of the lines.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BenefitPackage {
    pub total: Rupiah,
    pub lines: Vec<BenefitLine>,
    /// Whether the total includes the scholarships of the eligible children.
    pub includes_scholarships: bool,
}

/// The scholarship of one school level.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Stage {
    pub level: SchoolLevel,
    pub years: u32,
    pub per_year: Rupiah,
    pub total: Rupiah,
}

/// The scholarship of one child, from the current level to PT.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChildScholarship {
    /// The child's current level, as given.
    pub level: SchoolLevel,
    pub eligible: bool,
    pub stages: Vec<Stage>,
    pub total: Rupiah,
    pub rules: Vec<ParamId>,
    /// Why not eligible.
    pub reason: Option<Note>,
}

#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BenefitsResult {
    /// The month whose rules the amounts describe (PP 44/2015 as amended by PP 82/2019). Amounts are per
    /// person: one participant's family.
    pub month: Month,
    /// The "wage" of the JKK formulas: BPU the declared base, PU the wage.
    pub wage_basis: Rupiah,
    pub wage_basis_rules: Vec<ParamId>,
    /// Death not from a work accident.
    pub jkm: BenefitPackage,
    /// Death from a work accident.
    pub jkk_death: BenefitPackage,
    /// Total permanent disability from a work accident.
    pub jkk_disability: BenefitPackage,
    /// Care after a work accident: medical care, transport, wage while unable to work, aids.
    pub jkk_care: Vec<BenefitLine>,
    /// Per child, in the order given.
    pub scholarships: Vec<ChildScholarship>,
    pub notes: Vec<Note>,
}

/// Rows used for one amount: their ids in order, and whether any needs verification.
#[derive(Clone, Debug, Default)]
struct Used {
    ids: Vec<ParamId>,
    flagged: bool,
}

impl Used {
    fn id(&mut self, id: ParamId, flagged: bool) {
        if !self.ids.contains(&id) {
            self.ids.push(id);
        }
        self.flagged |= flagged;
    }

    fn row(&mut self, p: &Param) {
        self.id(p.id, p.confidence.needs_verification());
    }

    fn all(&mut self, other: &Used) {
        for id in &other.ids {
            self.id(*id, false);
        }
        self.flagged |= other.flagged;
    }
}

/// Reads rows of one month.
struct Table {
    month: Month,
}

impl Table {
    fn row(&self, id: ParamId) -> Result<&'static Param> {
        rules::find(id, self.month)
    }

    fn amount(&self, id: ParamId, used: &mut Used) -> Result<Rupiah> {
        let p = self.row(id)?;
        used.row(p);
        p.amount()
    }

    fn count(&self, id: ParamId, used: &mut Used) -> Result<u32> {
        let p = self.row(id)?;
        used.row(p);
        p.count()
    }

    /// `basis × factor` (or rate) of row `id`, rounded by the Part 0 rule.
    fn times(&self, basis: Rupiah, id: ParamId, used: &mut Used) -> Result<Rupiah> {
        let p = self.row(id)?;
        used.row(p);
        basis.times_rate(p.rate()?).ok_or_else(too_large)
    }
}

fn too_large() -> Error {
    Error::new(ErrorCode::TooLarge)
}

fn line(
    key: &'static str,
    label_id: &'static str,
    label_en: &'static str,
    amount: Option<Rupiah>,
    used: Used,
) -> BenefitLine {
    BenefitLine {
        key,
        label_id,
        label_en,
        amount,
        rules: used.ids,
        needs_verification: used.flagged,
    }
}

fn package(lines: Vec<BenefitLine>, includes_scholarships: bool) -> Result<BenefitPackage> {
    let mut total = Rupiah::ZERO;
    for l in &lines {
        if let Some(a) = l.amount {
            total = total.checked_add(a).ok_or_else(too_large)?;
        }
    }
    Ok(BenefitPackage {
        total,
        lines,
        includes_scholarships,
    })
}

/// Everything the family of a covered person receives, per event: the wage basis, then each package.
pub fn benefits(req: &BenefitsRequest) -> Result<BenefitsResult> {
    if req.children.len() > MAX_CHILDREN {
        let mut max = String::new();
        crate::month::push_digits(&mut max, u32::try_from(MAX_CHILDREN).unwrap_or(u32::MAX), 1);
        return Err(Error::new(ErrorCode::TooManyItems)
            .at("children")
            .detail(max));
    }
    let month = match req.month {
        Some(m) => {
            rules::check_month(m).map_err(|e| e.at("month"))?;
            m
        }
        None => default_as_of(&ROWS),
    };
    let t = Table { month };
    let mut notes: Vec<Note> = Vec::new();
    let (wage_basis, basis_used) = wage_basis(req, &t, &mut notes)?;
    let b = Basis {
        t,
        wage: wage_basis,
        used: basis_used,
    };
    let (scholarships, eligible) = scholarships(&req.children, &b.t)?;
    let jkm = jkm_package(req, &b.t, eligible.as_ref(), &mut notes)?;
    let jkk_death = jkk_death_package(&b, eligible.as_ref())?;
    let jkk_disability = {
        let (a, u) = b.times(ParamId::JkkTotalDisabilityMultiplier)?;
        let mut lines = vec![line(
            "jkk_total_disability",
            "Santunan cacat total tetap",
            "Total permanent disability benefit",
            Some(a),
            u,
        )];
        lines.extend(eligible.as_ref().map(scholarship_line));
        package(lines, eligible.is_some())?
    };
    let jkk_care = jkk_care(&b)?;
    closing_notes(req, &b.t, &mut notes)?;
    Ok(BenefitsResult {
        month,
        wage_basis,
        wage_basis_rules: b.used.ids,
        jkm,
        jkk_death,
        jkk_disability,
        jkk_care,
        scholarships,
        notes,
    })
}

/// The "wage" of the JKK formulas and the rows it came from: BPU the declared base (RULES.md 3.3), PU the wage.
fn wage_basis(req: &BenefitsRequest, t: &Table, notes: &mut Vec<Note>) -> Result<(Rupiah, Used)> {
    let mut used = Used::default();
    let basis = match req.scheme {
        SchemeKind::Pu => {
            let wage = req
                .wage
                .filter(|w| !w.is_zero())
                .ok_or_else(|| Error::new(ErrorCode::MissingWage).at("wage"))?;
            if wage > MAX_WAGE {
                return Err(Error::new(ErrorCode::AmountOutOfRange)
                    .at("wage")
                    .detail(MAX_WAGE.to_digits()));
            }
            wage
        }
        SchemeKind::Bpu => {
            let band = match (req.base, req.income) {
                (Some(base), _) => Some(rules::band_for_base(base).ok_or_else(|| {
                    Error::new(ErrorCode::InvalidBase)
                        .at("base")
                        .detail(base.to_digits())
                })?),
                (None, Some(income)) => {
                    notes.push(BASE_FROM_INCOME);
                    Some(rules::band_for_income(income))
                }
                (None, None) => None,
            };
            let base = match band {
                Some(b) => {
                    let flagged = b.confidence.needs_verification();
                    used.id(ParamId::BpuIncomeBands, flagged);
                    if flagged {
                        notes.push(BAND_UNVERIFIED);
                    }
                    b.base
                }
                None => t.amount(ParamId::BpuDefaultBase, &mut used)?,
            };
            notes.push(BPU_WAGE_IS_BASE);
            base
        }
    };
    Ok((basis, used))
}

/// The rule table of the month and the wage basis with its rows.
struct Basis {
    t: Table,
    wage: Rupiah,
    used: Used,
}

impl Basis {
    /// `basis × factor` of row `id`, naming the row and then the rows of the basis.
    fn times(&self, id: ParamId) -> Result<(Rupiah, Used)> {
        let mut u = Used::default();
        let a = self.t.times(self.wage, id, &mut u)?;
        u.all(&self.used);
        Ok((a, u))
    }
}

fn scholarship_line(e: &EligibleTotal) -> BenefitLine {
    line(
        "scholarships",
        "Beasiswa anak",
        "Children's scholarships",
        Some(e.total),
        e.used.clone(),
    )
}

/// A line of one fixed amount of the table.
fn amount_line(
    t: &Table,
    id: ParamId,
    key: &'static str,
    label_id: &'static str,
    label_en: &'static str,
) -> Result<BenefitLine> {
    let mut u = Used::default();
    let a = t.amount(id, &mut u)?;
    Ok(line(key, label_id, label_en, Some(a), u))
}

/// JKM: death not from a work accident (PP 44/2015 Pasal 34 as amended by PP 82/2019); the BPU first-months
/// rule; scholarships only after the minimum years of membership.
fn jkm_package(
    req: &BenefitsRequest,
    t: &Table,
    eligible: Option<&EligibleTotal>,
    notes: &mut Vec<Note>,
) -> Result<BenefitPackage> {
    let mut early_used = Used::default();
    let early_months = t.count(ParamId::JkmBpuEarlyDeathMonths, &mut early_used)?;
    let joined_recently = req.membership_months.is_some_and(|m| m < early_months);
    if joined_recently && req.scheme == SchemeKind::Bpu {
        let mut u = early_used;
        let total = t.amount(ParamId::JkmBpuEarlyDeathTotal, &mut u)?;
        notes.push(Note {
            needs_verification: true,
            ..note_from_row(
                "JKM_BPU_EARLY_DEATH",
                EARLY_ID,
                EARLY_EN,
                t.row(ParamId::JkmBpuEarlyDeathTotal)?,
            )
        });
        let l = line(
            "jkm_early_death_total",
            "Santunan kematian untuk peserta BPU yang baru bergabung (jumlah seluruhnya)",
            "Death benefit for a newly joined BPU participant (the whole amount)",
            Some(total),
            u,
        );
        return package(vec![l], false);
    }
    if joined_recently {
        notes.push(PU_NO_EARLY_RULE);
    }
    let mut lines = vec![
        amount_line(
            t,
            ParamId::JkmLumpSum,
            "jkm_lump_sum",
            "Santunan kematian sekaligus",
            "Lump-sum death benefit",
        )?,
        amount_line(
            t,
            ParamId::JkmPeriodic,
            "jkm_periodic",
            "Santunan berkala (dibayar sekaligus)",
            "Periodic benefit (paid at once)",
        )?,
        amount_line(
            t,
            ParamId::JkmFuneral,
            "jkm_funeral",
            "Biaya pemakaman",
            "Funeral costs",
        )?,
    ];
    let mut min_used = Used::default();
    let min_years = t.count(ParamId::JkmScholarshipMinYears, &mut min_used)?;
    let long_enough = req
        .membership_months
        .is_none_or(|m| m >= min_years.saturating_mul(12));
    let mut includes = false;
    if let Some(total) = eligible {
        if long_enough {
            let mut l = scholarship_line(total);
            l.rules.push(ParamId::JkmScholarshipMinYears);
            lines.push(l);
            includes = true;
        } else {
            notes.push(note_from_row(
                "JKM_SCHOLARSHIP_MIN_YEARS",
                JKM_MIN_ID,
                JKM_MIN_EN,
                t.row(ParamId::JkmScholarshipMinYears)?,
            ));
        }
    }
    package(lines, includes)
}

/// JKK: death from a work accident, 48 × the wage basis but at least the JKM lump sum (PP 82/2019).
fn jkk_death_package(b: &Basis, eligible: Option<&EligibleTotal>) -> Result<BenefitPackage> {
    let (by_wage, mut u) = b.times(ParamId::JkkDeathMultiplier)?;
    let floor = b.t.amount(ParamId::JkmLumpSum, &mut u)?;
    let mut lines = vec![
        line(
            "jkk_death_lump_sum",
            "Santunan kematian karena kecelakaan kerja",
            "Death benefit for a work accident",
            Some(by_wage.max(floor)),
            u,
        ),
        amount_line(
            &b.t,
            ParamId::JkkDeathPeriodic,
            "jkk_death_periodic",
            "Santunan berkala (dibayar sekaligus)",
            "Periodic benefit (paid at once)",
        )?,
        amount_line(
            &b.t,
            ParamId::JkkFuneral,
            "jkk_funeral",
            "Biaya pemakaman",
            "Funeral costs",
        )?,
    ];
    lines.extend(eligible.map(scholarship_line));
    package(lines, eligible.is_some())
}

/// JKK care: medical care without ceiling, capped items, and the wage while unable to work (STMB).
fn jkk_care(b: &Basis) -> Result<Vec<BenefitLine>> {
    let mut care = vec![line(
        "jkk_medical_care",
        "Perawatan dan pengobatan sesuai kebutuhan medis, tanpa batas biaya",
        "Medical care as medically needed, with no cost ceiling",
        None,
        Used::default(),
    )];
    for (key, id, label_id, label_en) in CARE_CAPS_BEFORE_STMB {
        care.push(amount_line(&b.t, id, key, label_id, label_en)?);
    }
    let (a, u) = b.times(ParamId::JkkStmbFirst12Months)?;
    care.push(line(
        "jkk_stmb_months_1_12",
        "Pengganti upah selama tidak mampu bekerja, bulan ke-1 sampai ke-12, per bulan",
        "Wage while unable to work, months 1 to 12, per month",
        Some(a),
        u,
    ));
    let (a, u) = b.times(ParamId::JkkStmbAfter12Months)?;
    care.push(line(
        "jkk_stmb_from_month_13",
        "Pengganti upah selama tidak mampu bekerja, mulai bulan ke-13 sampai sembuh, per bulan",
        "Wage while unable to work, from month 13 until fit, per month",
        Some(a),
        u,
    ));
    for (key, id, label_id, label_en) in CARE_CAPS_AIDS {
        care.push(amount_line(&b.t, id, key, label_id, label_en)?);
    }
    Ok(care)
}

fn closing_notes(req: &BenefitsRequest, t: &Table, notes: &mut Vec<Note>) -> Result<()> {
    if !req.children.is_empty() {
        notes.push(note_from_row(
            "SCHOLARSHIP_ENDS",
            SCHOLARSHIP_END_ID,
            SCHOLARSHIP_END_EN,
            t.row(ParamId::ScholarshipEndAge)?,
        ));
    }
    if req
        .children
        .iter()
        .any(|c| c.level == SchoolLevel::BelumSekolah)
    {
        notes.push(NOT_YET_AT_SCHOOL);
    }
    notes.push(PARTIAL_DISABILITY);
    notes.push(JHT_BALANCE);
    notes.push(STMB_OLD_RULE);
    Ok(())
}

/// The scholarships of all eligible children together, with the rows used.
struct EligibleTotal {
    total: Rupiah,
    used: Used,
}

/// Per-child scholarships, and the total of the eligible children with its rules (None when no child is
/// eligible).
fn scholarships(
    children: &[Child],
    t: &Table,
) -> Result<(Vec<ChildScholarship>, Option<EligibleTotal>)> {
    if children.is_empty() {
        return Ok((Vec::new(), None));
    }
    let mut max_used = Used::default();
    let max_children = t.count(ParamId::ScholarshipMaxChildren, &mut max_used)?;
    let max_children = usize::try_from(max_children).unwrap_or(usize::MAX);
    let mut out = Vec::with_capacity(children.len());
    let mut sum = Rupiah::ZERO;
    let mut sum_used = Used::default();
    let mut any = false;
    for (i, child) in children.iter().enumerate() {
        if i >= max_children {
            out.push(ChildScholarship {
                level: child.level,
                eligible: false,
                stages: Vec::new(),
                total: Rupiah::ZERO,
                rules: max_used.ids.clone(),
                reason: Some(note_from_row(
                    "SCHOLARSHIP_MAX_CHILDREN",
                    MAX_CHILDREN_ID,
                    MAX_CHILDREN_EN,
                    t.row(ParamId::ScholarshipMaxChildren)?,
                )),
            });
            continue;
        }
        let mut used = max_used.clone();
        let mut stages = Vec::new();
        let mut total = Rupiah::ZERO;
        let mut level = Some(child.level);
        let mut first = true;
        while let Some(l) = level {
            if let Some((per_year_id, years_id)) = l.rows() {
                let per_year = t.amount(per_year_id, &mut used)?;
                let all_years = t.count(years_id, &mut used)?;
                let years = if first {
                    child.years_left.map_or(all_years, |y| y.min(all_years))
                } else {
                    all_years
                };
                if years > 0 {
                    let stage_total = per_year
                        .checked_mul(u64::from(years))
                        .ok_or_else(too_large)?;
                    total = total.checked_add(stage_total).ok_or_else(too_large)?;
                    stages.push(Stage {
                        level: l,
                        years,
                        per_year,
                        total: stage_total,
                    });
                }
            }
            // `years_left` counts at the child's own level only: for `belum_sekolah` (no school rows)
            // every TK–SD year is still ahead.
            first = false;
            level = l.next();
        }
        sum = sum.checked_add(total).ok_or_else(too_large)?;
        sum_used.all(&used);
        any = true;
        out.push(ChildScholarship {
            level: child.level,
            eligible: true,
            stages,
            total,
            rules: used.ids,
            reason: None,
        });
    }
    if !any {
        return Ok((out, None));
    }
    // The published cap for all children together (RULES.md 3.2); the stages never exceed it.
    let cap = t.amount(ParamId::ScholarshipMaxTotal, &mut sum_used)?;
    Ok((
        out,
        Some(EligibleTotal {
            total: sum.min(cap),
            used: sum_used,
        }),
    ))
}

const CARE_CAPS_BEFORE_STMB: [(&str, ParamId, &str, &str); 4] = [
    (
        "jkk_homecare",
        ParamId::JkkHomecareMax,
        "Perawatan di rumah (homecare), paling banyak",
        "Home care, at most",
    ),
    (
        "jkk_transport_land",
        ParamId::JkkTransportLandMax,
        "Biaya angkutan darat, sungai atau danau, paling banyak",
        "Transport by land, river or lake, at most",
    ),
    (
        "jkk_transport_sea",
        ParamId::JkkTransportSeaMax,
        "Biaya angkutan laut, paling banyak",
        "Transport by sea, at most",
    ),
    (
        "jkk_transport_air",
        ParamId::JkkTransportAirMax,
        "Biaya angkutan udara, paling banyak",
        "Transport by air, at most",
    ),
];

const CARE_CAPS_AIDS: [(&str, ParamId, &str, &str); 3] = [
    (
        "jkk_dentures",
        ParamId::JkkDenturesMax,
        "Gigi tiruan, paling banyak",
        "Dentures, at most",
    ),
    (
        "jkk_hearing_aid",
        ParamId::JkkHearingAidMax,
        "Alat bantu dengar, paling banyak",
        "Hearing aid, at most",
    ),
    (
        "jkk_glasses",
        ParamId::JkkGlassesMax,
        "Kacamata, paling banyak",
        "Glasses, at most",
    ),
];

// Texts carry no figure from the rule table: the figure is in the rows the line or note points to.
const EARLY_ID: &str = "Peserta BPU yang meninggal bukan karena kecelakaan kerja pada bulan-bulan pertama kepesertaan hanya menerima jumlah ini, menurut kantor cabang BPJS Ketenagakerjaan. Dasar hukum dan rinciannya belum pasti.";
const EARLY_EN: &str = "A BPU participant who dies, not from a work accident, in the first months of membership receives only this amount, according to BPJS Ketenagakerjaan branches. Its legal basis and breakdown are not certain.";
const JKM_MIN_ID: &str = "Beasiswa lewat JKM (meninggal bukan karena kecelakaan kerja) memerlukan masa iur minimum yang belum terpenuhi. Lewat JKK (kecelakaan kerja) tidak ada masa minimum.";
const JKM_MIN_EN: &str = "Scholarships through JKM (death not from a work accident) need a minimum contribution period, not yet reached. Through JKK (work accident) there is no minimum period.";
const MAX_CHILDREN_ID: &str =
    "Beasiswa hanya untuk jumlah anak yang terbatas; anak ini di luar batas itu.";
const MAX_CHILDREN_EN: &str =
    "Scholarships cover a limited number of children; this child is beyond that limit.";
const SCHOLARSHIP_END_ID: &str = "Beasiswa diklaim setiap tahun dan berhenti bila anak mencapai batas umur, menikah atau bekerja.";
const SCHOLARSHIP_END_EN: &str =
    "Scholarships are claimed each year and stop when the child reaches the age limit, marries or starts work.";

const BASE_FROM_INCOME: Note = note(
    "BASE_FROM_INCOME",
    "Dasar iuran BPU diperkirakan dari penghasilan; peserta memilih sendiri dasar iurannya dari tabel.",
    "The BPU contribution base was suggested from the income; participants choose their base from the table.",
    "PP 44/2015 Lampiran II; RULES.md Part 0",
    true,
);
const BAND_UNVERIFIED: Note = note(
    "BAND_NEEDS_VERIFICATION",
    "Dasar iuran ini berasal dari tabel penghasilan yang baru bersumber satu salinan; perlu dicek ke BPJS Ketenagakerjaan.",
    "This contribution base comes from an income table known from a single transcription; check with BPJS Ketenagakerjaan.",
    BANDS_SOURCE,
    true,
);
const BPU_WAGE_IS_BASE: Note = note(
    "BPU_WAGE_IS_BASE",
    "Untuk peserta BPU, 'upah' dalam rumus santunan adalah dasar iuran yang dilaporkan.",
    "For a BPU participant, the 'wage' in the benefit formulas is the declared contribution base.",
    "RULES.md 3.3: idxchannel (PKL Bandung: STMB '100% penghasilan yang dilaporkan') [H]",
    false,
);
const PU_NO_EARLY_RULE: Note = note(
    "JKM_PU_FULL_FROM_FIRST_MONTH",
    "Peserta penerima upah mendapat JKM penuh walaupun baru bergabung.",
    "A wage earner receives the full JKM even when newly joined.",
    "RULES.md 3.1: a perangkat desa who died after 1 month got the full JKM (jatengdaily 2019) [M]",
    false,
);
const NOT_YET_AT_SCHOOL: Note = note(
    "SCHOLARSHIP_ON_ENTERING_SCHOOL",
    "Anak yang belum sekolah menerima beasiswa mulai saat masuk sekolah.",
    "A child not yet at school receives the scholarship from entering school.",
    "PP 82/2019 as reported by news.detik.com (14 Jan 2020, BPJS Ketenagakerjaan Dirut) [H]",
    false,
);
const PARTIAL_DISABILITY: Note = note(
    "JKK_PARTIAL_DISABILITY_NOT_MODELLED",
    "Cacat sebagian dihitung dari tabel persentase lampiran PP 82/2019 dan tidak dihitung di sini. Alat bantu gerak (ortosis/prostesis) diganti menurut harga rumah sakit pemerintah.",
    "Partial disability is paid from the percentage table of the PP 82/2019 annex and is not computed here. Orthoses and prostheses are paid at government-hospital prices.",
    "PP 44/2015 Pasal 25 as amended by PP 82/2019 [H]; full disability table not seen [UNCONFIRMED]",
    true,
);
const JHT_BALANCE: Note = note(
    "JHT_IS_A_BALANCE",
    "JHT adalah saldo tabungan (iuran ditambah hasil pengembangan), dibayar saat usia pensiun, cacat total, meninggal atau berhenti bekerja. Kalkulator tidak menghitung angkanya.",
    "JHT is a savings balance (contributions plus returns), paid at retirement age, total disability, death or on stopping work. The calculator does not compute a figure for it.",
    "PP 46/2015 jo. PP 60/2015; RULES.md 3.4 [M]; no guaranteed return to model [UNCONFIRMED]",
    false,
);
const STMB_OLD_RULE: Note = note(
    "STMB_OLD_RULE_IGNORED",
    "Aturan lama pengganti upah dari sebelum PP 82/2019 masih muncul di artikel lama; kalkulator memakai aturan PP 82/2019.",
    "The pre-PP 82/2019 wage-replacement rule still appears in old articles; the calculator uses the PP 82/2019 rule.",
    "PP 44/2015 Pasal 25 as amended by PP 82/2019 [H]",
    false,
);

#[cfg(test)]
mod tests {
    use super::*;

    fn rp(n: u64) -> Rupiah {
        Rupiah::from_whole(n)
    }

    fn bpu() -> BenefitsRequest {
        BenefitsRequest {
            scheme: SchemeKind::Bpu,
            base: None,
            income: None,
            wage: None,
            membership_months: None,
            children: Vec::new(),
            month: None,
        }
    }

    fn pu(wage: u64) -> BenefitsRequest {
        BenefitsRequest {
            scheme: SchemeKind::Pu,
            wage: Some(rp(wage)),
            ..bpu()
        }
    }

    fn two_from_scratch() -> Vec<Child> {
        vec![
            Child {
                level: SchoolLevel::BelumSekolah,
                years_left: None
            };
            2
        ]
    }

    fn amount(lines: &[BenefitLine], key: &str) -> Option<Rupiah> {
        lines.iter().find(|l| l.key == key).unwrap().amount
    }

    fn lines_sum(p: &BenefitPackage) -> Rupiah {
        p.lines
            .iter()
            .filter_map(|l| l.amount)
            .fold(Rupiah::ZERO, |a, b| a.checked_add(b).unwrap())
    }

    #[test]
    fn jkm_with_two_children_to_s1() {
        let r = benefits(&BenefitsRequest {
            children: two_from_scratch(),
            ..bpu()
        })
        .unwrap();
        assert_eq!(r.jkm.total, rp(42_000_000 + 174_000_000));
        assert!(r.jkm.includes_scholarships);
        assert_eq!(amount(&r.jkm.lines, "jkm_lump_sum"), Some(rp(20_000_000)));
        assert_eq!(amount(&r.jkm.lines, "jkm_periodic"), Some(rp(12_000_000)));
        assert_eq!(amount(&r.jkm.lines, "jkm_funeral"), Some(rp(10_000_000)));
        assert_eq!(amount(&r.jkm.lines, "scholarships"), Some(rp(174_000_000)));
        for c in &r.scholarships {
            assert!(c.eligible);
            assert_eq!(c.total, rp(87_000_000));
            let years: Vec<(SchoolLevel, u32)> =
                c.stages.iter().map(|s| (s.level, s.years)).collect();
            assert_eq!(
                years,
                vec![
                    (SchoolLevel::TkSd, 8),
                    (SchoolLevel::Smp, 3),
                    (SchoolLevel::Sma, 3),
                    (SchoolLevel::Pt, 5)
                ]
            );
            assert_eq!(c.stages[0].per_year, rp(1_500_000));
            assert_eq!(c.stages[3].total, rp(60_000_000));
        }
        assert_eq!(lines_sum(&r.jkm), r.jkm.total);
        // Scholarships via JKM name the 3-year rule.
        let l = r
            .jkm
            .lines
            .iter()
            .find(|l| l.key == "scholarships")
            .unwrap();
        assert!(l.rules.contains(&ParamId::JkmScholarshipMinYears));
        assert!(l.rules.contains(&ParamId::ScholarshipMaxTotal));
    }

    #[test]
    fn work_death_bpu_base_one_million() {
        let r = benefits(&bpu()).unwrap();
        assert_eq!(r.wage_basis, rp(1_000_000));
        assert_eq!(r.wage_basis_rules, vec![ParamId::BpuDefaultBase]);
        assert_eq!(r.jkk_death.total, rp(70_000_000));
        assert!(!r.jkk_death.includes_scholarships);
        assert_eq!(
            amount(&r.jkk_death.lines, "jkk_death_lump_sum"),
            Some(rp(48_000_000))
        );
        let first = &r.jkk_death.lines[0];
        assert!(
            first.rules.contains(&ParamId::JkkDeathMultiplier)
                && first.rules.contains(&ParamId::BpuDefaultBase)
        );
        assert!(!first.needs_verification);
        assert_eq!(r.jkm.total, rp(42_000_000));

        let r = benefits(&BenefitsRequest {
            children: two_from_scratch(),
            ..bpu()
        })
        .unwrap();
        assert_eq!(r.jkk_death.total, rp(70_000_000 + 174_000_000));
        assert!(r.jkk_death.includes_scholarships);
        assert_eq!(lines_sum(&r.jkk_death), r.jkk_death.total);
    }

    #[test]
    fn work_death_is_at_least_the_jkm_lump_sum() {
        // 48 × 300.000 = 14,4 juta < 20 juta.
        let r = benefits(&pu(300_000)).unwrap();
        assert_eq!(
            amount(&r.jkk_death.lines, "jkk_death_lump_sum"),
            Some(rp(20_000_000))
        );
        let r = benefits(&pu(5_000_000)).unwrap();
        assert_eq!(
            amount(&r.jkk_death.lines, "jkk_death_lump_sum"),
            Some(rp(240_000_000))
        );
    }

    #[test]
    fn bpu_death_in_month_two_is_ten_million_only() {
        let r = benefits(&BenefitsRequest {
            membership_months: Some(2),
            children: two_from_scratch(),
            ..bpu()
        })
        .unwrap();
        assert_eq!(r.jkm.total, rp(10_000_000));
        assert_eq!(r.jkm.lines.len(), 1);
        assert!(!r.jkm.includes_scholarships);
        assert_eq!(
            r.jkm.lines[0].rules,
            vec![
                ParamId::JkmBpuEarlyDeathMonths,
                ParamId::JkmBpuEarlyDeathTotal
            ]
        );
        assert!(!r.jkm.lines[0].needs_verification, "the total is [M]");
        assert!(r
            .notes
            .iter()
            .any(|n| n.code == "JKM_BPU_EARLY_DEATH" && n.needs_verification));
        // Work accidents have no waiting period.
        assert_eq!(r.jkk_death.total, rp(70_000_000 + 174_000_000));
        // From month 3 on, the full JKM.
        let r = benefits(&BenefitsRequest {
            membership_months: Some(3),
            ..bpu()
        })
        .unwrap();
        assert_eq!(r.jkm.total, rp(42_000_000));
        let r = benefits(&BenefitsRequest {
            membership_months: Some(0),
            ..bpu()
        })
        .unwrap();
        assert_eq!(r.jkm.total, rp(10_000_000));
    }

    #[test]
    fn pu_with_one_month_gets_the_full_jkm() {
        let r = benefits(&BenefitsRequest {
            membership_months: Some(1),
            ..pu(2_000_000)
        })
        .unwrap();
        assert_eq!(r.jkm.total, rp(42_000_000));
        assert!(r
            .notes
            .iter()
            .any(|n| n.code == "JKM_PU_FULL_FROM_FIRST_MONTH"));
    }

    #[test]
    fn jkm_scholarships_need_three_years() {
        let req = |m| BenefitsRequest {
            membership_months: Some(m),
            children: two_from_scratch(),
            ..pu(2_000_000)
        };
        let r = benefits(&req(35)).unwrap();
        assert_eq!(r.jkm.total, rp(42_000_000));
        assert!(!r.jkm.includes_scholarships);
        assert!(r
            .notes
            .iter()
            .any(|n| n.code == "JKM_SCHOLARSHIP_MIN_YEARS"));
        // …but the JKK route has no minimum.
        assert!(r.jkk_death.includes_scholarships);
        assert!(r.jkk_disability.includes_scholarships);
        let r = benefits(&req(36)).unwrap();
        assert_eq!(r.jkm.total, rp(42_000_000 + 174_000_000));
    }

    #[test]
    fn total_disability_is_56_times_the_wage() {
        let r = benefits(&pu(3_000_000)).unwrap();
        assert_eq!(r.wage_basis, rp(3_000_000));
        assert!(r.wage_basis_rules.is_empty());
        assert_eq!(r.jkk_disability.total, rp(168_000_000));
        assert_eq!(
            r.jkk_disability.lines[0].rules,
            vec![ParamId::JkkTotalDisabilityMultiplier]
        );
        let r = benefits(&bpu()).unwrap();
        assert_eq!(r.jkk_disability.total, rp(56_000_000));
        let r = benefits(&BenefitsRequest {
            children: vec![Child {
                level: SchoolLevel::Sma,
                years_left: Some(1),
            }],
            ..pu(3_000_000)
        })
        .unwrap();
        // SMA 1 year × 3 jt + PT 5 × 12 jt = 63 jt.
        assert_eq!(r.jkk_disability.total, rp(168_000_000 + 63_000_000));
    }

    #[test]
    fn stmb_and_care_lines() {
        let r = benefits(&pu(2_500_000)).unwrap();
        let c = &r.jkk_care;
        assert_eq!(amount(c, "jkk_medical_care"), None);
        assert_eq!(amount(c, "jkk_stmb_months_1_12"), Some(rp(2_500_000)));
        assert_eq!(amount(c, "jkk_stmb_from_month_13"), Some(rp(1_250_000)));
        assert_eq!(amount(c, "jkk_homecare"), Some(rp(20_000_000)));
        assert_eq!(amount(c, "jkk_transport_land"), Some(rp(5_000_000)));
        assert_eq!(amount(c, "jkk_transport_sea"), Some(rp(2_000_000)));
        assert_eq!(amount(c, "jkk_transport_air"), Some(rp(10_000_000)));
        for key in ["jkk_dentures", "jkk_hearing_aid", "jkk_glasses"] {
            assert!(
                c.iter().find(|l| l.key == key).unwrap().needs_verification,
                "{key}"
            );
        }
        assert!(
            !c.iter()
                .find(|l| l.key == "jkk_homecare")
                .unwrap()
                .needs_verification
        );
        assert_eq!(amount(c, "jkk_glasses"), Some(rp(1_000_000)));
        // Odd wages round half away from zero.
        let r = benefits(&pu(1_000_001)).unwrap();
        assert_eq!(
            amount(&r.jkk_care, "jkk_stmb_from_month_13"),
            Some(rp(500_001))
        );
        // BPU: the declared base.
        let r = benefits(&bpu()).unwrap();
        assert_eq!(
            amount(&r.jkk_care, "jkk_stmb_months_1_12"),
            Some(rp(1_000_000))
        );
        assert!(r.notes.iter().any(|n| n.code == "STMB_OLD_RULE_IGNORED"));
        assert!(r.notes.iter().any(|n| n.code == "JHT_IS_A_BALANCE"));
    }

    #[test]
    fn third_child_is_not_eligible() {
        let children = vec![
            Child {
                level: SchoolLevel::Pt,
                years_left: Some(2),
            },
            Child {
                level: SchoolLevel::Smp,
                years_left: None,
            },
            Child {
                level: SchoolLevel::TkSd,
                years_left: Some(3),
            },
        ];
        let r = benefits(&BenefitsRequest { children, ..bpu() }).unwrap();
        assert_eq!(r.scholarships.len(), 3);
        assert!(r.scholarships[0].eligible && r.scholarships[1].eligible);
        assert_eq!(r.scholarships[0].total, rp(24_000_000));
        assert_eq!(
            r.scholarships[1].total,
            rp(6_000_000 + 9_000_000 + 60_000_000)
        );
        let third = &r.scholarships[2];
        assert!(!third.eligible);
        assert_eq!(third.level, SchoolLevel::TkSd);
        assert_eq!(third.total, Rupiah::ZERO);
        assert_eq!(
            third.reason.as_ref().unwrap().code,
            "SCHOLARSHIP_MAX_CHILDREN"
        );
        assert_eq!(
            amount(&r.jkm.lines, "scholarships"),
            Some(rp(24_000_000 + 75_000_000))
        );
        assert!(r.notes.iter().any(|n| n.code == "SCHOLARSHIP_ENDS"));
    }

    #[test]
    fn years_left_is_ignored_before_school() {
        let r = benefits(&BenefitsRequest {
            children: vec![Child {
                level: SchoolLevel::BelumSekolah,
                years_left: Some(2),
            }],
            ..bpu()
        })
        .unwrap();
        let c = &r.scholarships[0];
        assert_eq!(
            c.stages.first().map(|s| (s.level, s.years)),
            Some((SchoolLevel::TkSd, 8))
        );
        assert_eq!(c.total, rp(87_000_000), "12 + 6 + 9 + 60 juta");
        let r = benefits(&BenefitsRequest {
            children: vec![Child {
                level: SchoolLevel::TkSd,
                years_left: Some(2),
            }],
            ..bpu()
        })
        .unwrap();
        assert_eq!(
            r.scholarships[0].stages[0].years, 2,
            "at the child's own level it counts"
        );
    }

    #[test]
    fn years_left_are_clamped() {
        let children = vec![
            Child {
                level: SchoolLevel::TkSd,
                years_left: Some(40),
            },
            Child {
                level: SchoolLevel::Pt,
                years_left: Some(0),
            },
        ];
        let r = benefits(&BenefitsRequest { children, ..bpu() }).unwrap();
        assert_eq!(r.scholarships[0].stages[0].years, 8);
        assert_eq!(r.scholarships[0].total, rp(87_000_000));
        assert!(r.scholarships[1].stages.is_empty());
        assert_eq!(r.scholarships[1].total, Rupiah::ZERO);
    }

    #[test]
    fn bpu_base_and_income() {
        let r = benefits(&BenefitsRequest {
            base: Some(rp(2_950_000)),
            ..bpu()
        })
        .unwrap();
        assert_eq!(r.wage_basis, rp(2_950_000));
        assert_eq!(r.wage_basis_rules, vec![ParamId::BpuIncomeBands]);
        assert!(r.jkk_disability.lines[0].needs_verification, "band [L]");
        assert!(r.notes.iter().any(|n| n.code == "BAND_NEEDS_VERIFICATION"));
        let r = benefits(&BenefitsRequest {
            income: Some(rp(3_000_000)),
            ..bpu()
        })
        .unwrap();
        assert_eq!(r.wage_basis, rp(2_950_000));
        assert!(r.notes.iter().any(|n| n.code == "BASE_FROM_INCOME"));
        let r = benefits(&BenefitsRequest {
            income: Some(rp(25_000_000)),
            ..bpu()
        })
        .unwrap();
        assert_eq!(r.wage_basis, rp(20_700_000));
        assert!(!r.jkk_death.lines[0].needs_verification, "top band [H]");
        // The base wins over the income.
        let r = benefits(&BenefitsRequest {
            base: Some(rp(1_000_000)),
            income: Some(rp(9_000_000)),
            ..bpu()
        })
        .unwrap();
        assert_eq!(r.wage_basis, rp(1_000_000));
    }

    #[test]
    fn errors() {
        let e = benefits(&BenefitsRequest {
            scheme: SchemeKind::Pu,
            ..bpu()
        })
        .unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::MissingWage, "wage"));
        assert_eq!(benefits(&pu(0)).unwrap_err().code, ErrorCode::MissingWage);
        let e = benefits(&pu(1_000_000_001)).unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str()),
            (ErrorCode::AmountOutOfRange, "wage")
        );
        assert!(benefits(&pu(1_000_000_000)).is_ok());
        let e = benefits(&BenefitsRequest {
            base: Some(rp(1_500_000)),
            ..bpu()
        })
        .unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str(), e.detail.as_str()),
            (ErrorCode::InvalidBase, "base", "1500000")
        );
        let children = vec![
            Child {
                level: SchoolLevel::Smp,
                years_left: None
            };
            11
        ];
        let e = benefits(&BenefitsRequest { children, ..bpu() }).unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str(), e.detail.as_str()),
            (ErrorCode::TooManyItems, "children", "10")
        );
        let children = vec![
            Child {
                level: SchoolLevel::Smp,
                years_left: None
            };
            10
        ];
        assert!(benefits(&BenefitsRequest { children, ..bpu() }).is_ok());
        let e = benefits(&BenefitsRequest {
            month: Month::new(2015, 6),
            ..bpu()
        })
        .unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str()),
            (ErrorCode::MonthOutsideRules, "month")
        );
        assert!(benefits(&BenefitsRequest {
            month: Month::new(2015, 7),
            ..bpu()
        })
        .is_ok());
    }

    #[test]
    fn default_month_holds_every_row() {
        let m = default_as_of(&ROWS);
        assert_eq!(m, Month::ym(2026, 11));
        for id in ROWS {
            assert!(rules::find(id, m).is_ok(), "{id:?}");
        }
    }

    #[test]
    fn serde_shapes() {
        let q: BenefitsRequest = serde_json::from_str(
            r#"{"scheme":"bpu","base":"1.000.000","membershipMonths":40,"children":[{"level":"belum_sekolah"},{"level":"tk_sd","yearsLeft":2}],"month":"2026-06","extra":true}"#,
        )
        .unwrap();
        assert_eq!(
            q.children[1],
            Child {
                level: SchoolLevel::TkSd,
                years_left: Some(2)
            }
        );
        let q2: BenefitsRequest =
            serde_json::from_str(r#"{"scheme":"pu","wage":"2500000"}"#).unwrap();
        assert_eq!(q2.wage, Some(rp(2_500_000)));
        let v = serde_json::to_value(benefits(&q).unwrap()).unwrap();
        assert_eq!(v["wageBasis"], "1000000");
        assert_eq!(v["wageBasisRules"][0], "bpu_income_bands");
        assert_eq!(v["jkm"]["includesScholarships"], true);
        assert_eq!(
            v["jkm"]["lines"][0]["labelId"],
            "Santunan kematian sekaligus"
        );
        assert_eq!(v["jkm"]["lines"][0]["rules"][0], "jkm_lump_sum");
        assert_eq!(v["jkkCare"][0]["amount"], serde_json::Value::Null);
        assert_eq!(v["scholarships"][0]["level"], "belum_sekolah");
        assert_eq!(v["scholarships"][0]["stages"][0]["perYear"], "1500000");
        assert_eq!(v["scholarships"][0]["reason"], serde_json::Value::Null);
        assert!(v["notes"][0]["needsVerification"].is_boolean());
    }
}
