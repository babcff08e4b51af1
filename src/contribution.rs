//! What one person costs in one month, per programme, split between employer (the funder) and worker.
//! BPU: flat amounts on a declared base (PP 44/2015 Lampiran II); PU: percentages of the wage.
//! Rounding (RULES.md Part 0): for each programme and person-month the employer share and the worker share are each
//! rounded half away from zero to the whole rupiah; the programme's amount is their sum.

use crate::category::{Funder, Programme, RiskGroup, Sector};
use crate::error::{Error, ErrorCode, Result};
use crate::money::Rupiah;
use crate::month::Month;
use crate::rules::{self, Param, ParamId};
use serde::Serialize;

/// Total, employer (what the funder pays) and worker share. For BPU paid by a government budget, the
/// whole contribution is the employer share; for self-paid BPU it is the worker share.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Shares {
    pub total: Rupiah,
    pub employer: Rupiah,
    pub worker: Rupiah,
}

impl Shares {
    pub fn new(employer: Rupiah, worker: Rupiah) -> Result<Shares> {
        Ok(Shares {
            total: employer.checked_add(worker).ok_or_else(too_large)?,
            employer,
            worker,
        })
    }

    pub fn checked_add(&self, o: &Shares) -> Result<Shares> {
        Ok(Shares {
            total: self.total.checked_add(o.total).ok_or_else(too_large)?,
            employer: self
                .employer
                .checked_add(o.employer)
                .ok_or_else(too_large)?,
            worker: self.worker.checked_add(o.worker).ok_or_else(too_large)?,
        })
    }

    pub fn add_assign(&mut self, o: &Shares) -> Result<()> {
        *self = self.checked_add(o)?;
        Ok(())
    }

    pub fn times(&self, n: u64) -> Result<Shares> {
        Ok(Shares {
            total: self.total.checked_mul(n).ok_or_else(too_large)?,
            employer: self.employer.checked_mul(n).ok_or_else(too_large)?,
            worker: self.worker.checked_mul(n).ok_or_else(too_large)?,
        })
    }

    /// What the funder pays: the employer share, or everything when the participant pays.
    pub fn paid_by(&self, funder: Funder) -> Rupiah {
        if funder == Funder::SelfPaid {
            self.total
        } else {
            self.employer
        }
    }
}

pub(crate) fn too_large() -> Error {
    Error::new(ErrorCode::TooLarge)
}

/// Who a person is for the contribution rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Participant {
    /// BPU on a declared base (one of the 33 of Lampiran II).
    Bpu { base: Rupiah, sector: Sector },
    /// PU on a monthly wage (siltap, honorarium).
    Pu { wage: Rupiah, risk_group: RiskGroup },
}

/// A participant, the optional programmes chosen, and who pays.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Coverage {
    pub participant: Participant,
    pub jht: bool,
    pub jp: bool,
    pub funder: Funder,
}

/// One programme's contribution for one person in one month.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Line {
    pub programme: Programme,
    pub total: Rupiah,
    pub employer: Rupiah,
    pub worker: Rupiah,
    /// The figures that produced this amount.
    pub rules: Vec<ParamId>,
    /// True when the PP 50/2025 relief reduced it.
    pub relief: bool,
    pub needs_verification: bool,
}

/// One person's contribution in one month.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PersonMonth {
    pub total: Shares,
    pub lines: Vec<Line>,
}

impl PersonMonth {
    pub fn line(&self, p: Programme) -> Option<&Line> {
        self.lines.iter().find(|l| l.programme == p)
    }
}

/// Every figure a month's contributions need, looked up once per month (not once per person).
#[derive(Clone, Debug)]
pub struct MonthRules {
    pub bpu_jkk_rate: &'static Param,
    pub bpu_jkm: &'static Param,
    pub bpu_jht_rate: &'static Param,
    pub relief_transport: Option<&'static Param>,
    pub relief_other: Option<&'static Param>,
    pub pu_jkk: [&'static Param; 5],
    pub pu_jkm_rate: &'static Param,
    pub pu_jht_employer: &'static Param,
    pub pu_jht_worker: &'static Param,
    pub pu_jp_employer: &'static Param,
    pub pu_jp_worker: &'static Param,
    /// None before the first known cap (March 2021): JP is then refused, the other programmes compute.
    pub jp_cap: Option<&'static Param>,
    /// The (first) month these figures are for; not part of `same_as`.
    pub month: Month,
}

impl MonthRules {
    pub fn for_month(m: Month) -> Result<MonthRules> {
        let f = |id| rules::find(id, m);
        Ok(MonthRules {
            bpu_jkk_rate: f(ParamId::BpuJkkRate)?,
            bpu_jkm: f(ParamId::BpuJkm)?,
            bpu_jht_rate: f(ParamId::BpuJhtRate)?,
            relief_transport: rules::find_optional(ParamId::Pp50ReliefTransport, m),
            relief_other: rules::find_optional(ParamId::Pp50ReliefOther, m),
            pu_jkk: [
                f(ParamId::PuJkkRateGroup1)?,
                f(ParamId::PuJkkRateGroup2)?,
                f(ParamId::PuJkkRateGroup3)?,
                f(ParamId::PuJkkRateGroup4)?,
                f(ParamId::PuJkkRateGroup5)?,
            ],
            pu_jkm_rate: f(ParamId::PuJkmRate)?,
            pu_jht_employer: f(ParamId::PuJhtEmployerRate)?,
            pu_jht_worker: f(ParamId::PuJhtWorkerRate)?,
            pu_jp_employer: f(ParamId::PuJpEmployerRate)?,
            pu_jp_worker: f(ParamId::PuJpWorkerRate)?,
            jp_cap: rules::find_optional(ParamId::JpWageCap, m),
            month: m,
        })
    }

    /// Same figures (by identity): months with equal rules share one computation.
    pub fn same_as(&self, o: &MonthRules) -> bool {
        let same = |a: &Param, b: &Param| core::ptr::eq(a, b);
        let same_opt = |a: Option<&Param>, b: Option<&Param>| match (a, b) {
            (Some(a), Some(b)) => same(a, b),
            (None, None) => true,
            _ => false,
        };
        same(self.bpu_jkk_rate, o.bpu_jkk_rate)
            && same(self.bpu_jkm, o.bpu_jkm)
            && same(self.bpu_jht_rate, o.bpu_jht_rate)
            && same_opt(self.relief_transport, o.relief_transport)
            && same_opt(self.relief_other, o.relief_other)
            && self
                .pu_jkk
                .iter()
                .zip(o.pu_jkk.iter())
                .all(|(a, b)| same(a, b))
            && same(self.pu_jkm_rate, o.pu_jkm_rate)
            && same(self.pu_jht_employer, o.pu_jht_employer)
            && same(self.pu_jht_worker, o.pu_jht_worker)
            && same(self.pu_jp_employer, o.pu_jp_employer)
            && same(self.pu_jp_worker, o.pu_jp_worker)
            && same_opt(self.jp_cap, o.jp_cap)
    }
}

/// One person's contribution in the month whose figures are `r`.
pub fn person_month(c: &Coverage, r: &MonthRules) -> Result<PersonMonth> {
    let mut lines = Vec::with_capacity(4);
    match c.participant {
        Participant::Bpu { base, sector } => {
            if c.jp {
                // RULES.md 1.4: JP and JKP are not available to BPU.
                return Err(Error::new(ErrorCode::ProgrammeNotAvailable)
                    .at("jp")
                    .detail("JP: PU only (RULES.md 1.4)"));
            }
            let band = rules::band_for_base(base).ok_or_else(|| {
                Error::new(ErrorCode::InvalidBase)
                    .at("base")
                    .detail(base.to_digits())
            })?;
            let band_unsure = band.confidence.needs_verification();
            // PP 50/2025 Pasal 3–4: relief only for self-paid BPU, in the window of its sector.
            let relief = if c.funder.gets_pp50_relief() {
                match sector {
                    Sector::Transport => r.relief_transport,
                    Sector::Other => r.relief_other,
                }
            } else {
                None
            };
            let jkk = base
                .times_rate(r.bpu_jkk_rate.rate()?)
                .ok_or_else(too_large)?;
            lines.push(bpu_line(
                Programme::Jkk,
                jkk,
                relief,
                c.funder,
                vec![r.bpu_jkk_rate.id],
                band_unsure,
                r.bpu_jkk_rate,
            )?);
            let jkm = r.bpu_jkm.amount()?;
            lines.push(bpu_line(
                Programme::Jkm,
                jkm,
                relief,
                c.funder,
                vec![r.bpu_jkm.id],
                false,
                r.bpu_jkm,
            )?);
            if c.jht {
                // JHT is not reduced by PP 50/2025.
                let jht = base
                    .times_rate(r.bpu_jht_rate.rate()?)
                    .ok_or_else(too_large)?;
                lines.push(bpu_line(
                    Programme::Jht,
                    jht,
                    None,
                    c.funder,
                    vec![r.bpu_jht_rate.id],
                    band_unsure,
                    r.bpu_jht_rate,
                )?);
            }
        }
        Participant::Pu { wage, risk_group } => {
            if c.funder == Funder::SelfPaid {
                return Err(Error::new(ErrorCode::FunderNotAllowed).at("funder"));
            }
            let jkk_rate = r
                .pu_jkk
                .get(usize::from(risk_group.get().saturating_sub(1)))
                .copied()
                .ok_or_else(|| Error::new(ErrorCode::InvalidRiskGroup))?;
            lines.push(pu_line(Programme::Jkk, wage, Some(jkk_rate), None, vec![])?);
            lines.push(pu_line(
                Programme::Jkm,
                wage,
                Some(r.pu_jkm_rate),
                None,
                vec![],
            )?);
            if c.jht {
                lines.push(pu_line(
                    Programme::Jht,
                    wage,
                    Some(r.pu_jht_employer),
                    Some(r.pu_jht_worker),
                    vec![],
                )?);
            }
            if c.jp {
                // PP 45/2015 Pasal 28–29: JP on the wage up to the cap in force that month, used as published.
                // RULES.md Part 0 "Months covered": no cap known for the month → JP refused, naming the month.
                let cap_row = r.jp_cap.ok_or_else(|| {
                    Error::new(ErrorCode::JpCapUnknown)
                        .at("jp")
                        .detail(r.month.to_iso())
                })?;
                let cap = cap_row.amount()?;
                let base = if wage > cap { cap } else { wage };
                let mut jp = pu_line(
                    Programme::Jp,
                    base,
                    Some(r.pu_jp_employer),
                    Some(r.pu_jp_worker),
                    vec![cap_row.id],
                )?;
                // A cap from a single source ([L], March 2021) flags the line.
                jp.needs_verification |= cap_row.confidence.needs_verification();
                lines.push(jp);
            }
        }
    }
    let mut total = Shares::default();
    for l in &lines {
        total.add_assign(&Shares {
            total: l.total,
            employer: l.employer,
            worker: l.worker,
        })?;
    }
    Ok(PersonMonth { total, lines })
}

fn bpu_line(
    programme: Programme,
    normal: Rupiah,
    relief: Option<&Param>,
    funder: Funder,
    mut ids: Vec<ParamId>,
    unsure: bool,
    p: &Param,
) -> Result<Line> {
    let amount = match relief {
        Some(rp) => {
            ids.push(rp.id);
            normal.times_rate(rp.rate()?).ok_or_else(too_large)?
        }
        None => normal,
    };
    if unsure {
        ids.push(ParamId::BpuIncomeBands);
    }
    let (employer, worker) = if funder == Funder::SelfPaid {
        (Rupiah::ZERO, amount)
    } else {
        (amount, Rupiah::ZERO)
    };
    Ok(Line {
        programme,
        total: amount,
        employer,
        worker,
        rules: ids,
        relief: relief.is_some(),
        needs_verification: unsure
            || p.confidence.needs_verification()
            || relief.is_some_and(|r| r.confidence.needs_verification()),
    })
}

fn pu_line(
    programme: Programme,
    base: Rupiah,
    employer_rate: Option<&Param>,
    worker_rate: Option<&Param>,
    mut ids: Vec<ParamId>,
) -> Result<Line> {
    let mut unsure = false;
    let mut part = |p: Option<&Param>| -> Result<Rupiah> {
        match p {
            Some(p) => {
                ids.insert(0, p.id);
                unsure |= p.confidence.needs_verification();
                base.times_rate(p.rate()?).ok_or_else(too_large)
            }
            None => Ok(Rupiah::ZERO),
        }
    };
    let worker = part(worker_rate)?;
    let employer = part(employer_rate)?;
    let total = employer.checked_add(worker).ok_or_else(too_large)?;
    Ok(Line {
        programme,
        total,
        employer,
        worker,
        rules: ids,
        relief: false,
        needs_verification: unsure,
    })
}

/// Convenience: one person's contribution in month `m` (looks the figures up).
pub fn person_month_in(c: &Coverage, m: Month) -> Result<PersonMonth> {
    person_month(c, &MonthRules::for_month(m)?)
}

#[cfg(test)]
mod tests;
