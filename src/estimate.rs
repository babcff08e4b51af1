//! Budget estimates: units (desa, kelurahan, regency offices) × groups × months → totals per month, unit,
//! group, programme, category and funder, with the Dana Desa share and APBDes lines. And the inverse:
//! how many people a budget covers.
//!
//! Months with the same figures form one segment (the JP cap changes each March, the PP 50/2025 relief
//! starts and ends): each distinct participant is computed once per segment, then multiplied.

use crate::category::{BudgetLine, Category, Funder, Programme, RiskGroup, SchemeKind, WorkKind};
use crate::contribution::{
    person_month, too_large, Coverage, MonthRules, Participant, PersonMonth, Shares,
};
use crate::error::{Error, ErrorCode, Result};
use crate::money::Rupiah;
use crate::month::Month;
use crate::note::Note;
use crate::rules::{self, DanaDesaStatus, Param, ParamId, ParamInfo};
use serde::{Deserialize, Serialize};

/// At most 60 months in one estimate (five budget years).
pub const MAX_MONTHS: u32 = 60;
/// More than the population of Indonesia: any count above is a typing error.
pub const MAX_PEOPLE: u64 = 300_000_000;
/// Every desa and kelurahan of Indonesia (~83 700) fits, with room for regency offices.
pub const MAX_UNITS: usize = 100_000;
pub const MAX_GROUPS_PER_UNIT: usize = 1_000;
pub const MAX_GROUPS: usize = 1_000_000;
/// Result size limits, so that no run leaves a page holding more than ~64 MiB of wasm memory (a wasm memory
/// never shrinks). Measured: a "full" result costs ~4 KB of memory per group, a "units" result ~4 KB per unit
/// (bench/RESULTS.md). Larger runs use `detail: "totals"` or `estimateCompact`.
pub const MAX_FULL_GROUPS: usize = 10_000;
pub const MAX_DETAIL_UNITS: usize = 10_000;
pub const MAX_NAME_CHARS: usize = 200;
/// A monthly wage above Rp1 miliar is a typing error.
pub const MAX_WAGE: Rupiah = Rupiah::from_whole(1_000_000_000);

#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    #[default]
    Desa,
    /// A kelurahan receives no Dana Desa (RULES.md Part 2 §5.6).
    Kelurahan,
    /// A regency office (OPD), for Non-ASN groups not tied to a village.
    Opd,
}

impl UnitKind {
    /// The funder when neither the unit nor the group names one.
    pub const fn default_funder(self) -> Funder {
        match self {
            UnitKind::Desa => Funder::Apbdes,
            UnitKind::Kelurahan | UnitKind::Opd => Funder::Apbd,
        }
    }
}

/// How much of the result to return: a national run need not send 75 000 units back to the page.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Detail {
    /// Units with their groups.
    #[default]
    Full,
    /// Units without groups.
    Units,
    /// Totals only.
    Totals,
}

#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EstimateRequest {
    pub first_month: Month,
    pub months: u32,
    pub units: Vec<Unit>,
    #[serde(default)]
    pub detail: Detail,
}

#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Unit {
    pub name: String,
    #[serde(default)]
    pub kind: UnitKind,
    #[serde(default)]
    pub funder: Option<Funder>,
    /// The village's annual Dana Desa allocation.
    #[serde(default)]
    pub dana_desa: Option<Rupiah>,
    #[serde(default)]
    pub groups: Vec<Group>,
}

#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Group {
    #[serde(default)]
    pub label: Option<String>,
    pub category: Category,
    #[serde(default)]
    pub work_kind: Option<WorkKind>,
    #[serde(default)]
    pub people: u64,
    #[serde(default)]
    pub scheme: Option<SchemeKind>,
    #[serde(default)]
    pub base: Option<Rupiah>,
    #[serde(default)]
    pub income: Option<Rupiah>,
    #[serde(default)]
    pub wage: Option<Rupiah>,
    #[serde(default)]
    pub risk_group: Option<u8>,
    #[serde(default)]
    pub jht: Option<bool>,
    #[serde(default)]
    pub jp: Option<bool>,
    #[serde(default)]
    pub funder: Option<Funder>,
    /// Sets or overrides the group's APBDes line (a regency's Perbup code for pekerja rentan, BPD…).
    #[serde(default)]
    pub budget_line: Option<BudgetLineInput>,
}

/// An APBDes line as a request sets it: each field optional, each replacing the national one.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BudgetLineInput {
    /// Kegiatan code, e.g. "2.4.08".
    #[serde(default)]
    pub activity: Option<String>,
    /// Rekening belanja, e.g. "5.1.3.91".
    #[serde(default)]
    pub account: Option<String>,
    /// The line's name as the Perbup writes it.
    #[serde(default)]
    pub name: Option<String>,
}

#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProgrammeAmount {
    pub programme: Programme,
    pub total: Shares,
}

#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MonthAmount {
    pub month: Month,
    pub total: Shares,
    pub programmes: Vec<ProgrammeAmount>,
}

#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CategoryAmount {
    pub category: Category,
    pub people: u64,
    pub total: Shares,
}

#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FunderAmount {
    pub funder: Funder,
    pub total: Shares,
}

/// A stretch of months with the same figures, and one person's contribution in each of those months.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Segment {
    pub from: Month,
    pub until: Month,
    pub months: u32,
    pub per_person_month: PersonMonth,
}

#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupResult {
    pub label: Option<String>,
    pub category: Category,
    pub scheme: SchemeKind,
    pub funder: Funder,
    pub people: u64,
    pub base: Option<Rupiah>,
    pub wage: Option<Rupiah>,
    pub risk_group: Option<u8>,
    pub programmes: Vec<Programme>,
    /// The APBDes line of a desa group paid from Dana Desa or APBDes: national codes (kepala desa, perangkat
    /// desa), else the request's; codes are "" where neither has one ("kode sesuai Perbup pedoman APBDes").
    pub budget_line: Option<BudgetLine>,
    pub per_person: Vec<Segment>,
    pub total: Shares,
    pub programme_totals: Vec<ProgrammeAmount>,
}

#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DanaDesaShare {
    pub allocation: Rupiah,
    /// The Dana Desa-funded cost of the period.
    pub used: Rupiah,
    /// used ÷ allocation in percent, two decimals ("2.37"); null when the allocation is zero.
    pub share_percent: Option<String>,
}

#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BudgetLineAmount {
    pub activity: String,
    pub account: String,
    pub name_id: String,
    pub name_en: String,
    pub total: Shares,
}

#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UnitResult {
    pub name: String,
    pub kind: UnitKind,
    pub people: u64,
    pub total: Shares,
    pub programmes: Vec<ProgrammeAmount>,
    pub groups: Vec<GroupResult>,
    pub dana_desa: Option<DanaDesaShare>,
    pub budget_lines: Vec<BudgetLineAmount>,
}

#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EstimateResult {
    pub first_month: Month,
    pub last_month: Month,
    pub months: u32,
    pub people: u64,
    pub total: Shares,
    /// total ÷ months, rounded (for display).
    pub monthly_average: Shares,
    pub per_month: Vec<MonthAmount>,
    pub programmes: Vec<ProgrammeAmount>,
    pub categories: Vec<CategoryAmount>,
    pub funders: Vec<FunderAmount>,
    pub units: Vec<UnitResult>,
    pub rules: Vec<ParamInfo>,
    pub warnings: Vec<Note>,
}

/// A group resolved against its unit: who the people are for the rules, and who pays.
#[derive(Clone, Copy, Debug)]
struct Resolved {
    coverage: Coverage,
    scheme: SchemeKind,
    from_income: bool,
}

fn resolve(g: &Group, kind: UnitKind, unit_funder: Option<Funder>) -> Result<Resolved> {
    if g.people > MAX_PEOPLE {
        return Err(Error::new(ErrorCode::PeopleOutOfRange)
            .at("people")
            .detail(digits(g.people)));
    }
    check_text(g.label.as_deref(), "label")?;
    let scheme = g.scheme.unwrap_or(g.category.default_scheme());
    if !g.category.allows(scheme) {
        return Err(Error::new(ErrorCode::InvalidInput).at("scheme").detail(
            match g.category.default_scheme() {
                SchemeKind::Bpu => "bpu",
                SchemeKind::Pu => "pu",
            },
        ));
    }
    let funder = g.funder.or(unit_funder).unwrap_or(kind.default_funder());
    match (kind, funder) {
        (UnitKind::Kelurahan, Funder::DanaDesa) => {
            return Err(Error::new(ErrorCode::NoDanaDesaForKelurahan).at("funder"))
        }
        (UnitKind::Opd, Funder::DanaDesa | Funder::Apbdes) => {
            return Err(Error::new(ErrorCode::FunderNotAllowed).at("funder"))
        }
        _ => {}
    }
    let mut from_income = false;
    let participant = match scheme {
        SchemeKind::Bpu => {
            // RULES.md Part 0: the user picks one of the 33 bases (default Rp1.000.000); income only suggests one.
            let base = match (g.base, g.income) {
                (Some(b), _) => b,
                (None, Some(income)) => {
                    from_income = true;
                    rules::band_for_income(income).base
                }
                (None, None) => default_base()?,
            };
            if rules::band_for_base(base).is_none() {
                return Err(Error::new(ErrorCode::InvalidBase)
                    .at("base")
                    .detail(base.to_digits()));
            }
            Participant::Bpu {
                base,
                sector: g.work_kind.unwrap_or_default().sector(),
            }
        }
        SchemeKind::Pu => {
            let wage = g
                .wage
                .filter(|w| !w.is_zero())
                .ok_or_else(|| Error::new(ErrorCode::MissingWage).at("wage"))?;
            if wage > MAX_WAGE {
                return Err(Error::new(ErrorCode::AmountOutOfRange)
                    .at("wage")
                    .detail(wage.to_digits()));
            }
            let risk_group = match g.risk_group {
                None => RiskGroup::default(),
                Some(n) => RiskGroup::new(n)
                    .ok_or_else(|| Error::new(ErrorCode::InvalidRiskGroup).at("riskGroup"))?,
            };
            Participant::Pu { wage, risk_group }
        }
    };
    if scheme == SchemeKind::Bpu && g.jp == Some(true) {
        return Err(Error::new(ErrorCode::ProgrammeNotAvailable)
            .at("jp")
            .detail("JP: PU only (RULES.md 1.4)"));
    }
    let coverage = Coverage {
        participant,
        jht: g.jht.unwrap_or(g.category.default_jht()),
        jp: g.jp.unwrap_or(false),
        funder,
    };
    Ok(Resolved {
        coverage,
        scheme,
        from_income,
    })
}

fn default_base() -> Result<Rupiah> {
    rules::find(ParamId::BpuDefaultBase, rules::TABLE_START)?.amount()
}

fn check_text(t: Option<&str>, field: &str) -> Result<()> {
    // Characters = bytes that do not continue a UTF-8 sequence (std's vectorised chars().count() is ~0.9 KB of wasm).
    if t.is_some_and(|t| t.bytes().filter(|b| b & 0xC0 != 0x80).count() > MAX_NAME_CHARS) {
        return Err(Error::new(ErrorCode::TextTooLong).at(field).detail("200"));
    }
    Ok(())
}

/// Longest APBDes code ("1.1.03", "5.1.3.04") and line name accepted.
pub const MAX_CODE_CHARS: usize = 30;
pub const MAX_LINE_NAME_CHARS: usize = 100;

/// The group's APBDes line: only for a desa paying from Dana Desa or APBDes (RULES.md Part 2 §3.5, §8).
fn budget_line(g: &Group, kind: UnitKind, funder: Funder) -> Result<Option<BudgetLine>> {
    check_budget_line(g)?;
    let input = g.budget_line.as_ref();
    if kind != UnitKind::Desa || !matches!(funder, Funder::DanaDesa | Funder::Apbdes) {
        return Ok(None);
    }
    let mut line = g.category.apbdes_line();
    if let Some(i) = input {
        if let Some(a) = &i.activity {
            line.activity.clone_from(a);
        }
        if let Some(a) = &i.account {
            line.account.clone_from(a);
        }
        if let Some(n) = &i.name {
            line.name_id.clone_from(n);
            line.name_en.clone_from(n);
        }
    }
    Ok(Some(line))
}

fn check_budget_line(g: &Group) -> Result<()> {
    if let Some(i) = &g.budget_line {
        check_code(i.activity.as_deref(), "budgetLine.activity")?;
        check_code(i.account.as_deref(), "budgetLine.account")?;
        check_line_name(i.name.as_deref())?;
    }
    Ok(())
}

fn check_code(code: Option<&str>, field: &str) -> Result<()> {
    let Some(c) = code else { return Ok(()) };
    // Digits in groups separated by single dots: "5.1.3.04". Byte-wise (str patterns cost wasm bytes).
    let b = c.as_bytes();
    let mut prev_digit = false;
    let mut ok = !b.is_empty() && b.len() <= MAX_CODE_CHARS;
    for x in b {
        let digit = x.is_ascii_digit();
        ok &= digit || (*x == b'.' && prev_digit);
        prev_digit = digit;
    }
    if ok && prev_digit {
        Ok(())
    } else {
        Err(Error::new(ErrorCode::InvalidBudgetLine).at(field))
    }
}

fn check_line_name(name: Option<&str>) -> Result<()> {
    let Some(n) = name else { return Ok(()) };
    let b = n.as_bytes();
    let chars = b.iter().filter(|x| *x & 0xC0 != 0x80).count();
    // No markup and no control characters (ASCII ones; the name is printed on the RAB).
    let bad = b.iter().any(|x| matches!(x, b'<' | b'>' | 0..=0x1f | 0x7f));
    if b.iter().all(|x| *x == b' ') || chars > MAX_LINE_NAME_CHARS || bad {
        return Err(Error::new(ErrorCode::InvalidBudgetLine).at("budgetLine.name"));
    }
    Ok(())
}

fn digits(n: u64) -> String {
    Rupiah::from_whole(n).to_digits()
}

fn index_path(field: &str, i: usize) -> String {
    let mut s = String::from(field);
    s.push('[');
    s.push_str(&digits(i as u64));
    s.push(']');
    s
}

/// A stretch of months with identical figures.
struct Epoch {
    from: Month,
    until: Month,
    months: u32,
    rules: MonthRules,
}

fn epochs(first: Month, months: u32) -> Result<Vec<Epoch>> {
    let mut out: Vec<Epoch> = Vec::new();
    for i in 0..months {
        let m = first
            .plus(i)
            .ok_or_else(|| Error::new(ErrorCode::MonthOutsideRules).at("months"))?;
        let r = MonthRules::for_month(m).map_err(|e| e.at("firstMonth"))?;
        match out.last_mut() {
            Some(e) if e.rules.same_as(&r) => {
                e.until = m;
                e.months = e.months.saturating_add(1);
            }
            _ => out.push(Epoch {
                from: m,
                until: m,
                months: 1,
                rules: r,
            }),
        }
    }
    Ok(out)
}

fn programme_amounts(totals: &[Shares; 4], only_used: bool) -> Vec<ProgrammeAmount> {
    Programme::ALL
        .iter()
        .zip(totals.iter())
        .filter(|(_, t)| !only_used || !t.total.is_zero())
        .map(|(p, t)| ProgrammeAmount {
            programme: *p,
            total: *t,
        })
        .collect()
}

/// Whole rupiah being added up. Each person-month is computed and rounded with `rust_decimal`
/// (contribution.rs); here its whole-rupiah multiples and sums are counted as integers — exact, and what a
/// national run does millions of times — and turned back into `Rupiah` for every figure of the result.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Tally {
    employer: u128,
    worker: u128,
}

impl Tally {
    fn of(employer: Rupiah, worker: Rupiah) -> Tally {
        Tally {
            employer: employer.units(),
            worker: worker.units(),
        }
    }

    fn add(&mut self, o: &Tally) -> Result<()> {
        self.employer = self
            .employer
            .checked_add(o.employer)
            .ok_or_else(too_large)?;
        self.worker = self.worker.checked_add(o.worker).ok_or_else(too_large)?;
        Ok(())
    }

    fn add_times(&mut self, o: &Tally, n: u64) -> Result<()> {
        let n = u128::from(n);
        self.employer = o
            .employer
            .checked_mul(n)
            .and_then(|x| x.checked_add(self.employer))
            .ok_or_else(too_large)?;
        self.worker = o
            .worker
            .checked_mul(n)
            .and_then(|x| x.checked_add(self.worker))
            .ok_or_else(too_large)?;
        Ok(())
    }

    fn shares(&self) -> Result<Shares> {
        let r = |n: u128| Rupiah::from_units(n).ok_or_else(too_large);
        Shares::new(r(self.employer)?, r(self.worker)?)
    }
}

/// A person-month as tallies: in total and per programme (`Programme::index`).
#[derive(Clone, Copy, Debug, Default)]
struct PersonTally {
    total: Tally,
    programmes: [Tally; 4],
}

impl PersonTally {
    fn of(pm: &PersonMonth) -> PersonTally {
        let mut t = PersonTally {
            total: Tally::of(pm.total.employer, pm.total.worker),
            ..PersonTally::default()
        };
        for l in &pm.lines {
            if let Some(slot) = t.programmes.get_mut(l.programme.index()) {
                *slot = Tally::of(l.employer, l.worker);
            }
        }
        t
    }

    /// Adds `n` of this person-month to `total` and `programmes`.
    fn add_to(&self, total: &mut Tally, programmes: &mut [Tally; 4], n: u64) -> Result<()> {
        total.add_times(&self.total, n)?;
        for (acc, p) in programmes.iter_mut().zip(self.programmes.iter()) {
            acc.add_times(p, n)?;
        }
        Ok(())
    }
}

fn add_all(acc: &mut [Tally; 4], o: &[Tally; 4]) -> Result<()> {
    for (a, b) in acc.iter_mut().zip(o.iter()) {
        a.add(b)?;
    }
    Ok(())
}

fn shares4(t: &[Tally; 4]) -> Result<[Shares; 4]> {
    let mut out = [Shares::default(); 4];
    for (o, t) in out.iter_mut().zip(t.iter()) {
        *o = t.shares()?;
    }
    Ok(out)
}

/// One person's month per distinct (participant, epoch), computed once: a small open-addressing table on
/// a multiplicative hash (std's HashMap with SipHash costs ~3 KB more wasm).
#[derive(Default)]
struct Cache {
    /// Entry index + 1, 0 = empty; a power of two long, at most half full.
    slots: Vec<u32>,
    entries: Vec<(Coverage, usize, PersonMonth, PersonTally)>,
}

impl Cache {
    fn hash(c: &Coverage, ei: usize) -> usize {
        let (amount, tag) = match c.participant {
            Participant::Bpu { base, sector } => (
                base,
                u64::from(sector == crate::category::Sector::Transport),
            ),
            Participant::Pu { wage, risk_group } => {
                (wage, u64::from(risk_group.get()).wrapping_add(2))
            }
        };
        // The whole number of rupiah (every Rupiah has scale 0), so equal amounts hash alike.
        let m = amount.units() as u64;
        let h = m
            ^ (tag << 56)
            ^ (u64::from(c.jht) << 60)
            ^ (u64::from(c.jp) << 61)
            ^ ((c.funder.index() as u64) << 48)
            ^ ((ei as u64) << 40);
        (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize
    }

    /// The entry of `(c, ei)`, or the empty slot where it belongs.
    fn find(&self, c: &Coverage, ei: usize) -> core::result::Result<usize, usize> {
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = Cache::hash(c, ei) & mask;
        // At most half full: an empty slot always ends the probe.
        while let Some(&k) = self.slots.get(i) {
            let e = (k as usize).wrapping_sub(1);
            match self.entries.get(e) {
                None => return Err(i),
                Some((c2, e2, _, _)) if c2 == c && *e2 == ei => return Ok(e),
                Some(_) => i = i.wrapping_add(1) & mask,
            }
        }
        Err(i)
    }

    fn get(&self, e: usize) -> Option<(&PersonMonth, &PersonTally)> {
        self.entries.get(e).map(|x| (&x.2, &x.3))
    }

    fn insert(
        &mut self,
        slot: usize,
        c: Coverage,
        ei: usize,
        pm: PersonMonth,
    ) -> Option<(&PersonMonth, &PersonTally)> {
        let mut slot = slot;
        if self.entries.len().saturating_add(1).saturating_mul(2) > self.slots.len() {
            self.slots = vec![0; self.slots.len().saturating_mul(2).max(64)];
            for k in 0..self.entries.len() {
                let (c2, e2) = self.entries.get(k).map(|x| (x.0, x.1))?;
                let free = self.find(&c2, e2).err()?;
                *self.slots.get_mut(free)? = u32::try_from(k.saturating_add(1)).ok()?;
            }
            slot = self.find(&c, ei).err()?;
        }
        let tally = PersonTally::of(&pm);
        self.entries.push((c, ei, pm, tally));
        *self.slots.get_mut(slot)? = u32::try_from(self.entries.len()).ok()?;
        self.get(self.entries.len().saturating_sub(1))
    }
}

/// What the estimate noticed, collected while computing.
#[derive(Default)]
struct Flags {
    dana_desa: bool,
    apbn: bool,
    gov_bpu_in_relief: bool,
    village_funded_bpu_in_relief: bool,
    from_income: bool,
    dana_desa_over: bool,
    dana_desa_no_rules: bool,
    /// A unit gave its Dana Desa allocation.
    dana_desa_allocation: bool,
    used: Vec<(*const Param, usize)>,
}

/// Estimates what covering every group of every unit costs over the period, in four steps: validate the
/// request; for each group resolve its funder and check it is lawful in every month (RULES.md Part 2 §2);
/// look up each month's figures (one computation per distinct participant and stretch of equal months);
/// tally per month, unit, group, programme, category and funder.
pub fn estimate(req: &EstimateRequest) -> Result<EstimateResult> {
    let last = validate(req)?;
    let epochs = epochs(req.first_month, req.months)?;
    let period = Period {
        first: req.first_month,
        last,
        months: req.months,
        detail: req.detail,
    };
    let mut run = Run::new(period, &epochs, req.units.len());
    for (ui, unit) in req.units.iter().enumerate() {
        let meta = UnitMeta::of(unit);
        let in_unit = |e: Error| e.within(&index_path("units", ui));
        let mut u = UnitTally::default();
        for (gi, g) in unit.groups.iter().enumerate() {
            let in_group = |e: Error| in_unit(e.within(&index_path("groups", gi)));
            let placed = place(g, &meta, &run.period, &in_group, &in_unit)?;
            run.tally(&mut u, g.category, g.people, placed, Some(g))
                .map_err(in_group)?;
        }
        run.close_unit(u, &meta)?;
    }
    run.finish()
}

/// Refuses a request whose result would exceed the documented size (`MAX_FULL_GROUPS`, `MAX_DETAIL_UNITS`).
fn check_result_size(detail: Detail, n_units: usize, n_groups: usize) -> Result<()> {
    let (n, max, what) = match detail {
        Detail::Full => (
            n_groups,
            MAX_FULL_GROUPS,
            " (detail \"full\"): use \"units\" or \"totals\"",
        ),
        Detail::Units => (
            n_units,
            MAX_DETAIL_UNITS,
            " (detail \"units\"): use \"totals\"",
        ),
        Detail::Totals => return Ok(()),
    };
    if n > max {
        let mut d = digits(max as u64);
        d.push_str(what);
        return Err(Error::new(ErrorCode::TooManyItems).at("detail").detail(d));
    }
    Ok(())
}

/// The period: 1..=60 months inside the rule table. Returns its last month.
fn validate_period(first: Month, months: u32) -> Result<Month> {
    if months == 0 || months > MAX_MONTHS {
        return Err(Error::new(ErrorCode::MonthsOutOfRange)
            .at("months")
            .detail(digits(u64::from(months))));
    }
    rules::check_month(first).map_err(|e| e.at("firstMonth"))?;
    let last = first
        .plus(months.saturating_sub(1))
        .ok_or_else(|| Error::new(ErrorCode::MonthOutsideRules).at("months"))?;
    rules::check_month(last).map_err(|e| e.at("months"))?;
    Ok(last)
}

/// Step 1: the request's shape and limits. Returns the last month of the period.
fn validate(req: &EstimateRequest) -> Result<Month> {
    let last = validate_period(req.first_month, req.months)?;
    if req.units.is_empty() {
        return Err(Error::new(ErrorCode::EmptyRequest).at("units"));
    }
    if req.units.len() > MAX_UNITS {
        return Err(Error::new(ErrorCode::TooManyItems)
            .at("units")
            .detail(digits(MAX_UNITS as u64)));
    }
    let mut n_groups = 0usize;
    let mut n_people = 0u64;
    for (i, u) in req.units.iter().enumerate() {
        let here = || index_path("units", i);
        check_text(Some(&u.name), "name").map_err(|e| e.within(&here()))?;
        if u.groups.len() > MAX_GROUPS_PER_UNIT {
            return Err(Error::new(ErrorCode::TooManyItems)
                .at("groups")
                .within(&here())
                .detail(digits(MAX_GROUPS_PER_UNIT as u64)));
        }
        if u.kind == UnitKind::Kelurahan && u.dana_desa.is_some_and(|d| !d.is_zero()) {
            return Err(Error::new(ErrorCode::NoDanaDesaForKelurahan)
                .at("danaDesa")
                .within(&here()));
        }
        n_groups = n_groups.saturating_add(u.groups.len());
        for g in &u.groups {
            n_people = n_people.saturating_add(g.people);
        }
    }
    if n_groups == 0 {
        return Err(Error::new(ErrorCode::EmptyRequest).at("units"));
    }
    if n_groups > MAX_GROUPS {
        return Err(Error::new(ErrorCode::TooManyItems)
            .at("units")
            .detail(digits(MAX_GROUPS as u64)));
    }
    check_result_size(req.detail, req.units.len(), n_groups)?;
    // Each group is checked on its own later (with its path); this catches the sum.
    if n_people > MAX_PEOPLE
        && !req
            .units
            .iter()
            .flat_map(|u| u.groups.iter())
            .any(|g| g.people > MAX_PEOPLE)
    {
        return Err(Error::new(ErrorCode::PeopleOutOfRange)
            .at("units")
            .detail(digits(n_people)));
    }
    Ok(last)
}

/// Step 2: Dana Desa may not pay a category in a budget year whose instrument forbids it (RULES.md Part 0
/// "Funding source legality", Part 2 §2 "Dana Desa by year"). A period crossing into such a year is refused
/// too. Returns whether a "subject to Perbup" or an "unknown year" note applies.
fn check_funder_by_year(category: Category, funder: Funder, p: &Period) -> Result<(bool, bool)> {
    let (mut conditional, mut unknown) = (false, false);
    if funder != Funder::DanaDesa {
        return Ok((conditional, unknown));
    }
    for year in p.first.year()..=p.last.year() {
        let a = rules::dana_desa_rule(category, year);
        match a.status {
            DanaDesaStatus::No => return Err(a.refusal().at("funder")),
            DanaDesaStatus::Conditional => conditional = true,
            DanaDesaStatus::Unknown => unknown = true,
        }
    }
    Ok((conditional, unknown))
}

/// The period and how much detail to return.
struct Period {
    first: Month,
    last: Month,
    months: u32,
    detail: Detail,
}

/// A unit as the tally needs it (from a request's `Unit`, or a line of a compact request).
struct UnitMeta<'u> {
    name: &'u str,
    kind: UnitKind,
    funder: Option<Funder>,
    dana_desa: Option<Rupiah>,
}

impl<'u> UnitMeta<'u> {
    fn of(u: &'u Unit) -> UnitMeta<'u> {
        UnitMeta {
            name: &u.name,
            kind: u.kind,
            funder: u.funder,
            dana_desa: u.dana_desa,
        }
    }
}

/// A group resolved against its unit and checked: who the people are for the rules, who pays (lawfully in
/// every month), and its APBDes line.
#[derive(Clone)]
struct Placed {
    r: Resolved,
    line: Option<BudgetLine>,
    dana_desa_conditional: bool,
    dana_desa_unknown: bool,
}

/// Steps 1–2 for one group. Errors carry the group's path, except a refusal decided by the unit's funder,
/// which carries the unit's.
fn place(
    g: &Group,
    unit: &UnitMeta,
    p: &Period,
    in_group: &dyn Fn(Error) -> Error,
    in_unit: &dyn Fn(Error) -> Error,
) -> Result<Placed> {
    let r = resolve(g, unit.kind, unit.funder).map_err(in_group)?;
    let funder = r.coverage.funder;
    let (dana_desa_conditional, dana_desa_unknown) = check_funder_by_year(g.category, funder, p)
        .map_err(|e| {
            if g.funder.is_some() {
                in_group(e)
            } else {
                in_unit(e)
            }
        })?;
    // Lines are only returned with units: a national "totals" run allocates none.
    let line = match p.detail {
        Detail::Totals => None,
        _ => budget_line(g, unit.kind, funder).map_err(in_group)?,
    };
    if p.detail == Detail::Totals {
        check_budget_line(g).map_err(in_group)?;
    }
    Ok(Placed {
        r,
        line,
        dana_desa_conditional,
        dana_desa_unknown,
    })
}

/// One group's cost over the period.
struct GroupTally {
    total: Tally,
    programmes: [Tally; 4],
    segments: Vec<Segment>,
}

/// One unit's running totals.
#[derive(Default)]
struct UnitTally {
    total: Tally,
    programmes: [Tally; 4],
    people: u64,
    dana_desa_used: u128,
    lines: Vec<(BudgetLine, Tally)>,
    groups: Vec<GroupResult>,
}

/// The whole run's running totals (step 4).
struct Run<'a> {
    period: Period,
    epochs: &'a [Epoch],
    cache: Cache,
    flags: Flags,
    total: Tally,
    programmes: [Tally; 4],
    people: u64,
    /// Per epoch: what one month of it costs, in total and per programme.
    epoch_month: Vec<(Tally, [Tally; 4])>,
    /// Per category in `Category::ALL` order (their sort order): seen, people, total. No sort code linked.
    categories: [(bool, u64, Tally); Category::ALL.len()],
    funders: [Tally; 5],
    units: Vec<UnitResult>,
}

impl<'a> Run<'a> {
    fn new(period: Period, epochs: &'a [Epoch], n_units: usize) -> Run<'a> {
        let keep = if period.detail == Detail::Totals {
            0
        } else {
            n_units
        };
        Run {
            period,
            epochs,
            cache: Cache::default(),
            flags: Flags::default(),
            total: Tally::default(),
            programmes: [Tally::default(); 4],
            people: 0,
            epoch_month: epochs
                .iter()
                .map(|_| (Tally::default(), [Tally::default(); 4]))
                .collect(),
            categories: [(false, 0u64, Tally::default()); Category::ALL.len()],
            funders: [Tally::default(); 5],
            units: Vec::with_capacity(keep),
        }
    }

    /// Steps 3–4 for one placed group of `people`: its cost, added to its unit and to every total.
    /// `g` is the request's group when the result lists groups.
    fn tally(
        &mut self,
        u: &mut UnitTally,
        category: Category,
        people: u64,
        placed: Placed,
        g: Option<&Group>,
    ) -> Result<()> {
        self.flags.dana_desa |= placed.dana_desa_conditional;
        self.flags.dana_desa_no_rules |= placed.dana_desa_unknown;
        let gt = self.group(people, &placed.r)?;
        self.add_group(u, category, people, gt, placed, g)
    }

    /// Closes a unit: its totals into the run's, its result (unless only totals are asked for).
    fn close_unit(&mut self, u: UnitTally, unit: &UnitMeta) -> Result<()> {
        self.total.add(&u.total)?;
        add_all(&mut self.programmes, &u.programmes)?;
        self.people = self.people.saturating_add(u.people);
        self.flags.dana_desa_allocation |= unit.dana_desa.is_some();
        let dana_desa = match (unit.kind, unit.dana_desa) {
            (UnitKind::Desa, Some(allocation)) => {
                let used = Rupiah::from_units(u.dana_desa_used).ok_or_else(too_large)?;
                self.flags.dana_desa_over |= used > allocation;
                Some(DanaDesaShare {
                    allocation,
                    used,
                    share_percent: percent(used, allocation),
                })
            }
            _ => None,
        };
        if self.period.detail == Detail::Totals {
            return Ok(());
        }
        let mut budget_lines = Vec::with_capacity(u.lines.len());
        for (l, t) in u.lines {
            budget_lines.push(BudgetLineAmount {
                activity: l.activity,
                account: l.account,
                name_id: l.name_id,
                name_en: l.name_en,
                total: t.shares()?,
            });
        }
        self.units.push(UnitResult {
            name: String::from(unit.name),
            kind: unit.kind,
            people: u.people,
            total: u.total.shares()?,
            programmes: programme_amounts(&shares4(&u.programmes)?, true),
            groups: u.groups,
            dana_desa,
            budget_lines,
        });
        Ok(())
    }

    /// Step 3: one group's cost, month by month (one computation per distinct participant and epoch).
    fn group(&mut self, people: u64, r: &Resolved) -> Result<GroupTally> {
        self.flags.from_income |= r.from_income;
        self.flags.apbn |= r.coverage.funder == Funder::Apbn;
        let mut gt = GroupTally {
            total: Tally::default(),
            programmes: [Tally::default(); 4],
            segments: Vec::new(),
        };
        for (ei, ep) in self.epochs.iter().enumerate() {
            let (pm, pt) = match self.cache.find(&r.coverage, ei) {
                Ok(e) => self.cache.get(e),
                Err(slot) => {
                    let pm = person_month(&r.coverage, &ep.rules)?;
                    note_used(&mut self.flags, &pm, ep, ei, &r.coverage);
                    self.cache.insert(slot, r.coverage, ei, pm)
                }
            }
            .ok_or_else(too_large)?;
            let n = people
                .checked_mul(u64::from(ep.months))
                .ok_or_else(too_large)?;
            pt.add_to(&mut gt.total, &mut gt.programmes, n)?;
            if let Some((m_total, m_prog)) = self.epoch_month.get_mut(ei) {
                pt.add_to(m_total, m_prog, people)?;
            }
            if self.period.detail == Detail::Full {
                // Epochs split on any rule change; a group unaffected by it keeps one segment.
                match gt.segments.last_mut() {
                    Some(last) if last.per_person_month == *pm => {
                        last.until = ep.until;
                        last.months = last.months.saturating_add(ep.months);
                    }
                    _ => gt.segments.push(Segment {
                        from: ep.from,
                        until: ep.until,
                        months: ep.months,
                        per_person_month: pm.clone(),
                    }),
                }
            }
        }
        Ok(gt)
    }

    /// Step 4: adds a group to its unit and to the totals by funder and category.
    fn add_group(
        &mut self,
        u: &mut UnitTally,
        category: Category,
        people: u64,
        gt: GroupTally,
        placed: Placed,
        g: Option<&Group>,
    ) -> Result<()> {
        let r = placed.r;
        let funder = r.coverage.funder;
        if funder == Funder::DanaDesa {
            // Dana Desa pays the employer share (for BPU, the whole contribution).
            u.dana_desa_used = u
                .dana_desa_used
                .checked_add(gt.total.employer)
                .ok_or_else(too_large)?;
        }
        if let Some(line) = &placed.line {
            match u.lines.iter_mut().find(|(l, _)| l.same_line(line)) {
                Some((_, t)) => t.add(&gt.total)?,
                None => u.lines.push((line.clone(), gt.total)),
            }
        }
        u.total.add(&gt.total)?;
        add_all(&mut u.programmes, &gt.programmes)?;
        u.people = u.people.saturating_add(people);
        if let Some(f) = self.funders.get_mut(funder.index()) {
            f.add(&gt.total)?;
        }
        if let Some(c) = self.categories.get_mut(category as usize) {
            c.0 = true;
            c.1 = c.1.saturating_add(people);
            c.2.add(&gt.total)?;
        }
        if let (Detail::Full, Some(g)) = (self.period.detail, g) {
            u.groups.push(group_result(
                g,
                &r,
                placed.line,
                gt.segments,
                &gt.total,
                &gt.programmes,
            )?);
        }
        Ok(())
    }

    fn finish(self) -> Result<EstimateResult> {
        let p = &self.period;
        let mut per_month = Vec::with_capacity(p.months as usize);
        for (ep, (m_total, m_prog)) in self.epochs.iter().zip(self.epoch_month.iter()) {
            let (m_total, m_prog) = (
                m_total.shares()?,
                programme_amounts(&shares4(m_prog)?, true),
            );
            for k in 0..ep.months {
                let month = ep.from.plus(k).ok_or_else(too_large)?;
                per_month.push(MonthAmount {
                    month,
                    total: m_total,
                    programmes: m_prog.clone(),
                });
            }
        }
        let total = self.total.shares()?;
        let avg = |r: Rupiah| r.div_round(u64::from(p.months)).unwrap_or(Rupiah::ZERO);
        let mut categories = Vec::new();
        for (category, (seen, people, t)) in Category::ALL.iter().zip(self.categories.iter()) {
            if *seen {
                categories.push(CategoryAmount {
                    category: *category,
                    people: *people,
                    total: t.shares()?,
                });
            }
        }
        let mut funders = Vec::new();
        for (funder, t) in Funder::ALL.iter().zip(self.funders.iter()) {
            if *t != Tally::default() {
                funders.push(FunderAmount {
                    funder: *funder,
                    total: t.shares()?,
                });
            }
        }
        Ok(EstimateResult {
            first_month: p.first,
            last_month: p.last,
            months: p.months,
            people: self.people,
            monthly_average: Shares {
                total: avg(total.total),
                employer: avg(total.employer),
                worker: avg(total.worker),
            },
            total,
            per_month,
            programmes: programme_amounts(&shares4(&self.programmes)?, true),
            categories,
            funders,
            rules: rules_used(&self.flags, self.epochs, p.first, p.last),
            warnings: warnings(&self.flags, p, self.epochs),
            units: self.units,
        })
    }
}

fn group_result(
    g: &Group,
    r: &Resolved,
    budget_line: Option<BudgetLine>,
    per_person: Vec<Segment>,
    total: &Tally,
    programmes: &[Tally; 4],
) -> Result<GroupResult> {
    let (base, wage, risk_group) = match r.coverage.participant {
        Participant::Bpu { base, .. } => (Some(base), None, None),
        Participant::Pu { wage, risk_group } => (None, Some(wage), Some(risk_group.get())),
    };
    let mut progs = vec![Programme::Jkk, Programme::Jkm];
    if r.coverage.jht {
        progs.push(Programme::Jht);
    }
    if r.coverage.jp {
        progs.push(Programme::Jp);
    }
    Ok(GroupResult {
        label: g.label.clone(),
        category: g.category,
        scheme: r.scheme,
        funder: r.coverage.funder,
        people: g.people,
        base,
        wage,
        risk_group,
        programmes: progs,
        budget_line,
        per_person,
        total: total.shares()?,
        programme_totals: programme_amounts(&shares4(programmes)?, true),
    })
}

fn note_used(flags: &mut Flags, pm: &PersonMonth, ep: &Epoch, ei: usize, c: &Coverage) {
    for l in &pm.lines {
        for id in &l.rules {
            if let Ok(p) = rules::find(*id, ep.from) {
                let key = (p as *const Param, ei);
                if !flags.used.contains(&key) {
                    flags.used.push(key);
                }
            }
        }
    }
    if let Participant::Bpu { sector, .. } = c.participant {
        let window = match sector {
            crate::category::Sector::Transport => ep.rules.relief_transport,
            crate::category::Sector::Other => ep.rules.relief_other,
        };
        if window.is_some() && !c.funder.gets_pp50_relief() {
            match c.funder {
                Funder::DanaDesa | Funder::Apbdes => flags.village_funded_bpu_in_relief = true,
                _ => flags.gov_bpu_in_relief = true,
            }
        }
    }
}

fn rules_used(flags: &Flags, epochs: &[Epoch], first: Month, last: Month) -> Vec<ParamInfo> {
    let mut out: Vec<ParamInfo> = Vec::new();
    let mut seen: Vec<*const Param> = Vec::new();
    for (p, ei) in &flags.used {
        if seen.contains(p) {
            continue;
        }
        seen.push(*p);
        // The pointer came from the static table; find the row again instead of dereferencing it.
        if let Some(row) = rules::rows().iter().find(|r| core::ptr::eq(*r, *p)) {
            let until = epochs.get(*ei).map_or(last, |e| e.until);
            out.push(ParamInfo::of(row, until));
        }
    }
    if flags.dana_desa || flags.dana_desa_no_rules {
        // The Dana Desa rule of each budget year of the period that has one (the "Dasar hukum" of the note).
        for row in rules::rows()
            .iter()
            .filter(|r| r.id == ParamId::DanaDesaRules)
        {
            if row.from <= last && row.until.is_none_or(|u| first <= u) {
                out.push(ParamInfo::of(row, last));
            }
        }
    }
    if flags.from_income || out.iter().any(|p| p.id == ParamId::BpuIncomeBands) {
        out.retain(|p| p.id != ParamId::BpuIncomeBands);
        out.push(ParamInfo::bands());
    }
    out
}

fn percent(part: Rupiah, whole: Rupiah) -> Option<String> {
    if whole.is_zero() {
        return None;
    }
    // Hundredths of a percent, rounded half away from zero: part × 10 000 ÷ whole in whole numbers.
    let h = crate::money::div_round(part.units().checked_mul(10_000)?, whole.units())?;
    let mut s = String::new();
    crate::money::push_decimal_digits(&mut s, h, 2);
    Some(s)
}

fn warnings(flags: &Flags, p: &Period, epochs: &[Epoch]) -> Vec<Note> {
    let mut w = Vec::new();
    if flags.dana_desa {
        w.push(Note {
            code: "DANA_DESA_SUBJECT_TO_PERBUP",
            id: "Penggunaan Dana Desa untuk iuran BPJS Ketenagakerjaan tunduk pada Perbup/juknis kabupaten masing-masing.",
            en: "Using Dana Desa for BPJS Ketenagakerjaan contributions is subject to the regency's own Perbup / juknis.",
            source: "Dana Desa by budget year: Permendes PDTT 8/2022 (2023), Surat Edaran Kemendes 4/PRI.00/I/2024 (2024), Permendes PDT 2/2024 (2025), Permendes PDT 16/2025 Lampiran Bab II huruf J (2026): none forbids it for these categories",
            needs_verification: true,
        });
    }
    if flags.dana_desa_no_rules {
        w.push(Note {
            code: "DANA_DESA_RULES_UNKNOWN_YEAR",
            id: "Aturan Dana Desa untuk sebagian tahun periode ini belum diketahui kalkulator.",
            en: "The Dana Desa rules for part of this period's years are not yet known to the calculator.",
            source: "Dana Desa rules are known for budget years 2023–2026",
            needs_verification: true,
        });
    }
    if flags.dana_desa_over {
        w.push(Note {
            code: "DANA_DESA_EXCEEDED",
            id: "Biaya yang dibiayai Dana Desa melebihi pagu Dana Desa desa tersebut.",
            en: "The Dana Desa-funded cost exceeds the village's Dana Desa allocation.",
            source: "",
            needs_verification: false,
        });
    }
    if flags.dana_desa && flags.dana_desa_allocation && (p.months != 12 || p.first.month() != 1) {
        w.push(Note {
            code: "DANA_DESA_SHARE_PERIOD",
            id: "Persentase Dana Desa membandingkan biaya periode ini dengan pagu satu tahun anggaran.",
            en: "The Dana Desa share compares this period's cost with one budget year's allocation.",
            source: "",
            needs_verification: false,
        });
    }
    if flags.gov_bpu_in_relief {
        w.push(Note {
            code: "PP50_RELIEF_NOT_FOR_APBN_APBD",
            id: "Keringanan iuran 50% PP 50/2025 tidak berlaku untuk peserta BPU yang iurannya dibayar APBN/APBD; dihitung tarif penuh.",
            en: "The PP 50/2025 50% relief does not apply to BPU whose contributions are paid by APBN/APBD; full rates are used.",
            source: "PP 50/2025 Pasal 3 (article placement [M])",
            needs_verification: false,
        });
    }
    if flags.village_funded_bpu_in_relief {
        w.push(Note {
            code: "PP50_RELIEF_VILLAGE_FUNDED_UNCONFIRMED",
            id: "Belum ada sumber apakah keringanan PP 50/2025 berlaku bila iuran dibayar Dana Desa/APBDes; dihitung tarif penuh (anggaran lebih aman).",
            en: "No source says whether the PP 50/2025 relief applies when Dana Desa/APBDes pays; full rates are used (the safer budget).",
            source: "RULES.md Part 0 and 1.5 [UNCONFIRMED]",
            needs_verification: true,
        });
    }
    if flags.apbn {
        w.push(Note {
            code: "APBN_NO_NATIONAL_SCHEME",
            id: "Belum ada program nasional (PBI Jamsosnaker) yang membayar iuran dari APBN.",
            en: "No national scheme (PBI Jamsosnaker) paying contributions from APBN had been implemented.",
            source: "djsn.go.id (Sep 2022), RULES.md Part 1 §4 [M]",
            needs_verification: false,
        });
    }
    if flags.from_income {
        w.push(Note {
            code: "BASE_FROM_INCOME",
            id: "Dasar iuran BPU diperkirakan dari penghasilan; peserta memilih sendiri dasar iurannya dari tabel.",
            en: "The BPU contribution base was suggested from the income; participants choose their base from the table.",
            source: "PP 44/2015 Lampiran II; RULES.md Part 0",
            needs_verification: true,
        });
    }
    let stale = flags.used.iter().any(|(p, ei)| {
        rules::rows()
            .iter()
            .any(|r| core::ptr::eq(r, *p) && epochs.get(*ei).is_some_and(|e| r.stale_in(e.until)))
    });
    if stale {
        w.push(Note {
            code: "FIGURE_PAST_KNOWN_DATE",
            id: "Sebagian bulan berada setelah tanggal terakhir suatu angka diketahui berlaku (mis. batas upah JP naik setiap Maret); angka terakhir yang diketahui dipakai.",
            en: "Some months are past the last date a figure is known to hold (e.g. the JP wage cap rises each March); the last known figure is used.",
            source: "PP 45/2015 Pasal 29",
            needs_verification: true,
        });
    }
    w
}

/// "Rp X covers how many people for N months".
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CoverageRequest {
    pub budget: Rupiah,
    pub first_month: Month,
    pub months: u32,
    pub group: Group,
    #[serde(default)]
    pub funder: Option<Funder>,
    #[serde(default)]
    pub unit_kind: Option<UnitKind>,
}

#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CoverageResult {
    pub people: u64,
    /// What the budget pays for one person over the period.
    pub per_person_period: Rupiah,
    /// The cost of covering `people`.
    pub cost: Shares,
    pub left_over: Rupiah,
    pub per_person: Vec<Segment>,
    pub warnings: Vec<Note>,
}

/// How many people of `group` a budget covers for the period, and what is left over. The budget pays the
/// funder's share (employer share; everything for self-paid groups).
pub fn coverage(req: &CoverageRequest) -> Result<CoverageResult> {
    let mut group = req.group.clone();
    group.people = 1;
    // The request's funder is the unit's (it overrides the group's own): an error then points at `funder`.
    if req.funder.is_some() {
        group.funder = None;
    }
    let unit = Unit {
        name: String::new(),
        kind: req.unit_kind.unwrap_or_default(),
        funder: req.funder,
        dana_desa: None,
        groups: vec![group],
    };
    let one = estimate(&EstimateRequest {
        first_month: req.first_month,
        months: req.months,
        units: vec![unit],
        detail: Detail::Full,
    })
    .map_err(|e| {
        let rest = e
            .path
            .strip_prefix("units[0].groups[0]")
            .map(|r| ("group", r))
            .or_else(|| e.path.strip_prefix("units[0].").map(|r| ("", r)));
        match rest {
            Some((head, rest)) => {
                let mut e2 = e.clone();
                e2.path = String::from(head);
                e2.path.push_str(rest);
                e2
            }
            None => e,
        }
    })?;
    let g = one
        .units
        .first()
        .and_then(|u| u.groups.first())
        .ok_or_else(|| Error::new(ErrorCode::EmptyRequest))?;
    let per_person = g.total;
    let pays = per_person.paid_by(g.funder);
    // div_rem is None only for a zero cost, which no participant has; then nobody is "covered".
    let (people, left_over) = req.budget.div_rem(pays).unwrap_or((0, req.budget));
    Ok(CoverageResult {
        people,
        per_person_period: pays,
        cost: per_person.times(people)?,
        left_over,
        per_person: g.per_person.clone(),
        warnings: one.warnings,
    })
}

mod compact;
pub use compact::{estimate_compact, CompactRequest, MAX_COMPACT_GROUPS};

#[cfg(test)]
mod tests;
