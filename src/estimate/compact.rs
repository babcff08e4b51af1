//! A compact estimate request for national or province-wide runs (issue 12): the kinds of group once, then one
//! line of text per unit with the people of each kind. 75 260 desa × 5 groups is ~2 MB of text instead of
//! ~22 MB of JSON objects, and the same rules, steps and result as `estimate()` (without per-group detail).

use super::{
    check_text, digits, epochs, index_path, place, validate_period, Detail, EstimateResult, Group,
    Period, Placed, Run, UnitKind, UnitMeta, UnitTally, MAX_PEOPLE, MAX_UNITS,
};
use crate::error::{Error, ErrorCode, Result};
use crate::money::Rupiah;
use crate::month::Month;
use serde::Deserialize;

/// At most this many kinds of group in one compact request.
pub const MAX_COMPACT_GROUPS: usize = 64;

/// `estimateCompact()`'s request.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CompactRequest {
    pub first_month: Month,
    pub months: u32,
    /// The kinds of group (1..=64); their `people` is ignored: the counts are in `units`.
    pub groups: Vec<Group>,
    /// One line per unit: `name;kind;danaDesa;n0;n1;…` — kind `desa` (or empty), `kelurahan` or `opd`;
    /// danaDesa the yearly allocation in whole rupiah or empty; `ni` the people of `groups[i]` (empty or
    /// missing = 0). Names may not contain `;` or line breaks. Empty lines are skipped.
    pub units: String,
    /// "totals" (default) or "units"; per-group detail needs `estimate()`.
    #[serde(default = "totals")]
    pub detail: Detail,
}

fn totals() -> Detail {
    Detail::Totals
}

/// Estimates a compact request: the same rules and steps as `estimate()`, each kind of group resolved and
/// checked once per unit kind.
pub fn estimate_compact(req: &CompactRequest) -> Result<EstimateResult> {
    let last = validate_period(req.first_month, req.months)?;
    if req.detail == Detail::Full {
        return Err(Error::new(ErrorCode::InvalidInput)
            .at("detail")
            .detail("totals | units"));
    }
    if req.groups.is_empty() || req.groups.len() > MAX_COMPACT_GROUPS {
        return Err(Error::new(ErrorCode::TooManyItems)
            .at("groups")
            .detail(digits(MAX_COMPACT_GROUPS as u64)));
    }
    let epochs = epochs(req.first_month, req.months)?;
    let period = Period {
        first: req.first_month,
        last,
        months: req.months,
        detail: req.detail,
    };
    let lines = || {
        split(&req.units, b'\n')
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
            .filter(|l| !l.is_empty())
    };
    let keep = if req.detail == Detail::Totals {
        0
    } else {
        lines().count()
    };
    let mut run = Run::new(period, &epochs, keep);
    // Each kind of group placed once per unit kind (desa, kelurahan, opd), on first use.
    let mut placed: Vec<[Option<Placed>; 3]> =
        req.groups.iter().map(|_| [None, None, None]).collect();
    let mut n_units = 0usize;
    let mut n_people = 0u64;
    for (ui, line) in lines().enumerate() {
        if ui >= MAX_UNITS {
            return Err(Error::new(ErrorCode::TooManyItems)
                .at("units")
                .detail(digits(MAX_UNITS as u64)));
        }
        n_units = ui.saturating_add(1);
        let in_unit = |e: Error| e.within(&index_path("units", ui));
        let mut fields = split(line, b';');
        let meta = unit_meta(&mut fields).map_err(in_unit)?;
        let mut u = UnitTally::default();
        for (gi, field) in fields.enumerate() {
            let people = count(field).map_err(|e| in_unit(e.at(index_path("people", gi))))?;
            if people == 0 {
                continue;
            }
            n_people = n_people.saturating_add(people);
            if n_people > MAX_PEOPLE {
                return Err(Error::new(ErrorCode::PeopleOutOfRange)
                    .at("units")
                    .detail(digits(n_people)));
            }
            let (g, slot) = match (req.groups.get(gi), placed.get_mut(gi)) {
                (Some(g), Some(slots)) => (g, slots.get_mut(kind_index(meta.kind))),
                _ => {
                    return Err(in_unit(
                        Error::new(ErrorCode::TooManyItems)
                            .at("people")
                            .detail(digits(req.groups.len() as u64)),
                    ))
                }
            };
            let slot = slot.ok_or_else(|| Error::new(ErrorCode::InvalidInput))?;
            let p = match slot {
                Some(p) => p.clone(),
                None => {
                    let in_group = |e: Error| e.within(&index_path("groups", gi));
                    let p = place(g, &meta, &run.period, &in_group, &in_unit)?;
                    *slot = Some(p.clone());
                    p
                }
            };
            run.tally(&mut u, g.category, people, p, None)
                .map_err(|e| e.within(&index_path("groups", gi)))?;
        }
        run.close_unit(u, &meta)?;
    }
    if n_units == 0 {
        return Err(Error::new(ErrorCode::EmptyRequest).at("units"));
    }
    run.finish()
}

/// `text` cut at every `sep` (an ASCII byte, so every piece is valid UTF-8). Byte-wise: std's str patterns
/// cost kilobytes of wasm.
fn split(text: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut start = 0usize;
    let mut done = false;
    core::iter::from_fn(move || {
        if done {
            return None;
        }
        let rest = text.get(start..).unwrap_or("");
        match rest.bytes().position(|b| b == sep) {
            Some(i) => {
                start = start.saturating_add(i).saturating_add(1);
                rest.get(..i)
            }
            None => {
                done = true;
                Some(rest)
            }
        }
    })
}

const fn kind_index(k: UnitKind) -> usize {
    match k {
        UnitKind::Desa => 0,
        UnitKind::Kelurahan => 1,
        UnitKind::Opd => 2,
    }
}

/// `name;kind;danaDesa` of a line.
fn unit_meta<'a>(fields: &mut impl Iterator<Item = &'a str>) -> Result<UnitMeta<'a>> {
    let name = fields.next().unwrap_or("");
    check_text(Some(name), "name")?;
    let kind = match fields.next().unwrap_or("") {
        "" | "desa" => UnitKind::Desa,
        "kelurahan" => UnitKind::Kelurahan,
        "opd" => UnitKind::Opd,
        _ => {
            return Err(Error::new(ErrorCode::UnknownValue)
                .at("kind")
                .detail("desa | kelurahan | opd"))
        }
    };
    let dana_desa = match fields.next().unwrap_or("") {
        "" => None,
        t => Some(Rupiah::parse(t).map_err(|p| crate::json::amount_error(p).at("danaDesa"))?),
    };
    if kind == UnitKind::Kelurahan && dana_desa.is_some_and(|d| !d.is_zero()) {
        return Err(Error::new(ErrorCode::NoDanaDesaForKelurahan).at("danaDesa"));
    }
    Ok(UnitMeta {
        name,
        kind,
        funder: None,
        dana_desa,
    })
}

/// A count of people: digits only (at most 9), empty = 0.
fn count(t: &str) -> Result<u64> {
    let b = t.as_bytes();
    if !b.iter().all(u8::is_ascii_digit) {
        return Err(Error::new(ErrorCode::InvalidInput).detail("0–999999999"));
    }
    if b.len() > 9 {
        return Err(Error::new(ErrorCode::PeopleOutOfRange).detail("0–999999999"));
    }
    Ok(b.iter().fold(0u64, |n, d| {
        n.saturating_mul(10)
            .saturating_add(u64::from(d.saturating_sub(b'0')))
    }))
}

#[cfg(test)]
mod tests;
