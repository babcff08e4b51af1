//! The rule table: every figure with the months it holds, its source and its confidence (RULES.md tags).
//! `params.rs` is the data; this file is how the rest of the library reads it.

mod funding;
mod params;

pub use funding::{
    dana_desa_rule, funding_rule, DanaDesaAnswer, DanaDesaStatus, FundingRuleRequest,
    DANA_DESA_ALTERNATIVES_ID,
};
pub use params::{Band, BANDS_SOURCE, BPU_BANDS};

use crate::error::{Error, ErrorCode, Result};
use crate::money::Rupiah;
use crate::month::Month;
use rust_decimal::Decimal;
use serde::Serialize;

/// The first month the table describes: PP 44/2015 and PP 46/2015 in force, 1 July 2015 (RULES.md Part 0
/// "Months covered"). JP needs a wage cap, known from March 2021 on.
pub const TABLE_START: Month = Month::ym(2015, 7);
/// The last month the calculator accepts. Months after a figure's `known_until` still compute, with a warning.
pub const TABLE_END: Month = Month::ym(2030, 12);
/// When ../shared/RULES.md, the source of this table, was last checked.
pub const RULES_CHECKED: &str = "2026-11-25";

/// Confidence tags of RULES.md. `Low` and `Unconfirmed` are shown with a "perlu verifikasi" mark.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Confidence {
    #[serde(rename = "H")]
    High,
    #[serde(rename = "M")]
    Medium,
    #[serde(rename = "L")]
    Low,
    #[serde(rename = "UNCONFIRMED")]
    Unconfirmed,
    #[serde(rename = "COMPUTED")]
    Computed,
}

impl Confidence {
    pub const fn needs_verification(self) -> bool {
        matches!(self, Confidence::Low | Confidence::Unconfirmed)
    }
}

/// Every figure the calculator uses has one of these ids.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ParamId {
    BpuJkkRate,
    BpuJkm,
    BpuJhtRate,
    BpuDefaultBase,
    Pp50ReliefTransport,
    Pp50ReliefOther,
    PuJkkRateGroup1,
    PuJkkRateGroup2,
    PuJkkRateGroup3,
    PuJkkRateGroup4,
    PuJkkRateGroup5,
    PuJkmRate,
    PuJhtEmployerRate,
    PuJhtWorkerRate,
    PuJpEmployerRate,
    PuJpWorkerRate,
    JpWageCap,
    JkmLumpSum,
    JkmPeriodic,
    JkmFuneral,
    JkmBpuEarlyDeathTotal,
    JkmBpuEarlyDeathMonths,
    JkmScholarshipMinYears,
    ScholarshipMaxChildren,
    ScholarshipTkSdPerYear,
    ScholarshipTkSdYears,
    ScholarshipSmpPerYear,
    ScholarshipSmpYears,
    ScholarshipSmaPerYear,
    ScholarshipSmaYears,
    ScholarshipPtPerYear,
    ScholarshipPtYears,
    ScholarshipEndAge,
    ScholarshipMaxTotal,
    JkkDeathMultiplier,
    JkkTotalDisabilityMultiplier,
    JkkDeathPeriodic,
    JkkFuneral,
    JkkHomecareMax,
    JkkTransportLandMax,
    JkkTransportSeaMax,
    JkkTransportAirMax,
    JkkStmbFirst12Months,
    JkkStmbAfter12Months,
    JkkDenturesMax,
    JkkHearingAidMax,
    JkkGlassesMax,
    BpuRegistrationAgeLimit,
    ForeignPuMinMonths,
    DanaDesaRules,
    /// Not a table row: the BPU income bands (see `BPU_BANDS`).
    BpuIncomeBands,
}

/// A figure's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value {
    /// A fraction: 0.0024 is 0,24 %.
    Rate(Decimal),
    Amount(Rupiah),
    /// A multiplier of the monthly wage (48 × wage).
    Factor(Decimal),
    /// A count: months, years, children, an age.
    Count(u32),
}

/// One row of the rule table.
#[derive(Clone, Copy, Debug)]
pub struct Param {
    pub id: ParamId,
    pub value: Value,
    /// First month the figure holds.
    pub from: Month,
    /// Last month the figure holds by law (a closed window or a superseded figure). `None`: open-ended.
    pub until: Option<Month>,
    /// Last month the figure is known to hold: it is scheduled to change after that.
    pub known_until: Option<Month>,
    /// Instrument and article.
    pub source: &'static str,
    pub confidence: Confidence,
}

impl Param {
    pub fn holds_in(&self, m: Month) -> bool {
        self.from <= m && self.until.is_none_or(|u| m <= u)
    }

    /// True when `m` is past the last month this figure is known to hold.
    pub fn stale_in(&self, m: Month) -> bool {
        self.known_until.is_some_and(|k| m > k)
    }

    pub fn rate(&self) -> Result<Decimal> {
        match self.value {
            Value::Rate(r) | Value::Factor(r) => Ok(r),
            _ => Err(internal(self.id)),
        }
    }

    pub fn amount(&self) -> Result<Rupiah> {
        match self.value {
            Value::Amount(a) => Ok(a),
            _ => Err(internal(self.id)),
        }
    }

    pub fn count(&self) -> Result<u32> {
        match self.value {
            Value::Count(c) => Ok(c),
            _ => Err(internal(self.id)),
        }
    }
}

fn internal(id: ParamId) -> Error {
    Error::new(ErrorCode::MonthOutsideRules).detail(param_key(id))
}

/// The snake_case key of an id, exactly as serde writes it across the JS boundary ("jp_wage_cap").
pub fn param_key(id: ParamId) -> String {
    String::from(id.key())
}

impl ParamId {
    /// The id's own snake_case name (a test checks it equals serde's).
    pub const fn key(self) -> &'static str {
        use ParamId::*;
        match self {
            BpuJkkRate => "bpu_jkk_rate",
            BpuJkm => "bpu_jkm",
            BpuJhtRate => "bpu_jht_rate",
            BpuDefaultBase => "bpu_default_base",
            Pp50ReliefTransport => "pp50_relief_transport",
            Pp50ReliefOther => "pp50_relief_other",
            PuJkkRateGroup1 => "pu_jkk_rate_group1",
            PuJkkRateGroup2 => "pu_jkk_rate_group2",
            PuJkkRateGroup3 => "pu_jkk_rate_group3",
            PuJkkRateGroup4 => "pu_jkk_rate_group4",
            PuJkkRateGroup5 => "pu_jkk_rate_group5",
            PuJkmRate => "pu_jkm_rate",
            PuJhtEmployerRate => "pu_jht_employer_rate",
            PuJhtWorkerRate => "pu_jht_worker_rate",
            PuJpEmployerRate => "pu_jp_employer_rate",
            PuJpWorkerRate => "pu_jp_worker_rate",
            JpWageCap => "jp_wage_cap",
            JkmLumpSum => "jkm_lump_sum",
            JkmPeriodic => "jkm_periodic",
            JkmFuneral => "jkm_funeral",
            JkmBpuEarlyDeathTotal => "jkm_bpu_early_death_total",
            JkmBpuEarlyDeathMonths => "jkm_bpu_early_death_months",
            JkmScholarshipMinYears => "jkm_scholarship_min_years",
            ScholarshipMaxChildren => "scholarship_max_children",
            ScholarshipTkSdPerYear => "scholarship_tk_sd_per_year",
            ScholarshipTkSdYears => "scholarship_tk_sd_years",
            ScholarshipSmpPerYear => "scholarship_smp_per_year",
            ScholarshipSmpYears => "scholarship_smp_years",
            ScholarshipSmaPerYear => "scholarship_sma_per_year",
            ScholarshipSmaYears => "scholarship_sma_years",
            ScholarshipPtPerYear => "scholarship_pt_per_year",
            ScholarshipPtYears => "scholarship_pt_years",
            ScholarshipEndAge => "scholarship_end_age",
            ScholarshipMaxTotal => "scholarship_max_total",
            JkkDeathMultiplier => "jkk_death_multiplier",
            JkkTotalDisabilityMultiplier => "jkk_total_disability_multiplier",
            JkkDeathPeriodic => "jkk_death_periodic",
            JkkFuneral => "jkk_funeral",
            JkkHomecareMax => "jkk_homecare_max",
            JkkTransportLandMax => "jkk_transport_land_max",
            JkkTransportSeaMax => "jkk_transport_sea_max",
            JkkTransportAirMax => "jkk_transport_air_max",
            JkkStmbFirst12Months => "jkk_stmb_first12_months",
            JkkStmbAfter12Months => "jkk_stmb_after12_months",
            JkkDenturesMax => "jkk_dentures_max",
            JkkHearingAidMax => "jkk_hearing_aid_max",
            JkkGlassesMax => "jkk_glasses_max",
            BpuRegistrationAgeLimit => "bpu_registration_age_limit",
            ForeignPuMinMonths => "foreign_pu_min_months",
            DanaDesaRules => "dana_desa_rules",
            BpuIncomeBands => "bpu_income_bands",
        }
    }
}

/// Every row of the table.
pub fn rows() -> &'static [Param] {
    params::PARAMS
}

/// Checks that `m` is inside the table.
pub fn check_month(m: Month) -> Result<()> {
    if m < TABLE_START || m > TABLE_END {
        return Err(Error::new(ErrorCode::MonthOutsideRules).detail(range_text()));
    }
    Ok(())
}

fn range_text() -> String {
    let mut s = TABLE_START.to_iso();
    s.push_str(" – ");
    s.push_str(&TABLE_END.to_iso());
    s
}

/// The row of `id` in force in month `m`.
pub fn find(id: ParamId, m: Month) -> Result<&'static Param> {
    check_month(m)?;
    params::PARAMS
        .iter()
        .find(|p| p.id == id && p.holds_in(m))
        .ok_or_else(|| Error::new(ErrorCode::MonthOutsideRules).detail(param_key(id)))
}

/// The row of `id` in force in `m`, if any (for figures that hold only in some months, like the relief).
pub fn find_optional(id: ParamId, m: Month) -> Option<&'static Param> {
    params::PARAMS.iter().find(|p| p.id == id && p.holds_in(m))
}

/// Every row in force in `m`: the "Dasar hukum" panel.
pub fn in_force(m: Month) -> Result<Vec<ParamInfo>> {
    check_month(m)?;
    let mut v: Vec<ParamInfo> = params::PARAMS
        .iter()
        .filter(|p| p.holds_in(m))
        .map(|p| ParamInfo::of(p, m))
        .collect();
    v.push(ParamInfo::bands());
    Ok(v)
}

/// A figure as the UI shows it, with its source, dates and flags.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParamInfo {
    pub id: ParamId,
    /// "rate" (value in percent), "amount" (whole rupiah), "factor" (× monthly wage), "count", "table".
    pub kind: &'static str,
    pub value: String,
    pub from: String,
    pub until: Option<String>,
    pub known_until: Option<String>,
    pub source: &'static str,
    pub confidence: Confidence,
    pub needs_verification: bool,
    /// True when the month asked about is past `known_until`.
    pub stale: bool,
}

impl ParamInfo {
    pub fn of(p: &Param, m: Month) -> ParamInfo {
        let (kind, value) = match p.value {
            Value::Rate(r) => (
                "rate",
                decimal_text(r.checked_mul(Decimal::ONE_HUNDRED).unwrap_or(r)),
            ),
            Value::Amount(a) => ("amount", a.to_digits()),
            Value::Factor(f) => ("factor", decimal_text(f)),
            Value::Count(c) => ("count", {
                let mut s = String::new();
                crate::month::push_digits(&mut s, c, 1);
                s
            }),
        };
        ParamInfo {
            id: p.id,
            kind,
            value,
            from: p.from.to_iso(),
            until: p.until.map(Month::to_iso),
            known_until: p.known_until.map(Month::to_iso),
            source: p.source,
            confidence: p.confidence,
            needs_verification: p.confidence.needs_verification(),
            stale: p.stale_in(m),
        }
    }

    /// The BPU income-band table as one entry.
    pub fn bands() -> ParamInfo {
        ParamInfo {
            id: ParamId::BpuIncomeBands,
            kind: "table",
            value: String::from("33"),
            from: TABLE_START.to_iso(),
            until: None,
            known_until: None,
            source: BANDS_SOURCE,
            confidence: Confidence::Low,
            needs_verification: true,
            stale: false,
        }
    }
}

fn decimal_text(d: Decimal) -> String {
    fixed_text(d.normalize())
}

/// `d` with exactly its own number of decimals ("0.24", "48", "2.30"), without `core::fmt`.
pub(crate) fn fixed_text(d: Decimal) -> String {
    let mut s = String::new();
    if d.is_sign_negative() && !d.is_zero() {
        s.push('-');
    }
    crate::money::push_decimal_digits(&mut s, d.mantissa().unsigned_abs(), d.scale() as usize);
    s
}

/// The band an income falls in: the last band whose lower bound is at or below it (RULES.md Part 0:
/// an income between one band's upper bound and the next band's lower bound falls in the lower band).
pub fn band_for_income(income: Rupiah) -> &'static Band {
    let mut found = &BPU_BANDS[0];
    for b in BPU_BANDS.iter() {
        if b.lower <= income {
            found = b;
        }
    }
    found
}

/// The band whose base is exactly `base`, if `base` is one of the 33 legal values.
pub fn band_for_base(base: Rupiah) -> Option<&'static Band> {
    BPU_BANDS.iter().find(|b| b.base == base)
}

#[cfg(test)]
mod tests;
