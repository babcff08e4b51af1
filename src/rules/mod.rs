//! The rule table: every figure with the months it holds, its source and its confidence (RULES.md tags).
//! `params.rs` is the data; this file is how the rest of the library reads it.

mod params;

pub use params::{Band, BANDS_SOURCE, BPU_BANDS};

use crate::error::{Error, ErrorCode, Result};
use crate::money::Rupiah;
use crate::month::Month;
use rust_decimal::Decimal;
use serde::Serialize;

/// The first month the table describes (the earliest JP wage cap with a published letter, March 2023).
pub const TABLE_START: Month = Month::ym(2023, 3);
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
    BpuMaxRegistrationAge,
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
    // serde's own name for the variant (no `Debug` formatting in the wasm build).
    let mut key = crate::json::to_string(&id).unwrap_or_default();
    key.retain(|c| c != '"');
    key
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
