//! Native timing of `estimate` for the issue 4 benchmark (run by `node bench/run.mjs`):
//!   cargo run --release --example bench_estimate [-- --quick]
//! Builds, with the public Rust API, the same requests as bench/run.mjs builds in the browser (same formulas,
//! so the totals must match the wasm module's) and prints one JSON object with every sample and the medians.
//!
//! Requests: a regency of 150 villages and every desa of Indonesia (75 260, RULES.md Part 2 §5), each with
//! five groups (pekerja rentan BPU, perangkat desa PU on siltap 2 000 000, kepala desa PU on 3 500 000, BPD
//! BPU, RT/RW BPU) funded by APBD / Dana Desa / APBDes, 12 months from 2026-01.

use kalkulator_jamsostek::category::{Category, Funder, SchemeKind, WorkKind};
use kalkulator_jamsostek::estimate::{
    estimate, estimate_compact, CompactRequest, Detail, EstimateRequest, EstimateResult, Group,
    Unit, UnitKind,
};
use kalkulator_jamsostek::{Month, Rupiah};
use std::hint::black_box;
use std::time::Instant;

const REGENCY_VILLAGES: u64 = 150;
const NATIONAL_VILLAGES: u64 = 75_260;
/// The largest "units" and "full" requests the API accepts (10 000 units; 10 000 groups = 2 000 villages × 5).
const UNITS_VILLAGES: u64 = 10_000;
const FULL_VILLAGES: u64 = 2_000;
const WORK_KINDS: [WorkKind; 5] = [
    WorkKind::Nelayan,
    WorkKind::Petani,
    WorkKind::Pedagang,
    WorkKind::Buruh,
    WorkKind::Lainnya,
];

/// `(i * k) % m` without overflow or panics (the crate's lints apply to examples too).
fn mix(i: u64, k: u64, m: u64) -> u64 {
    i.wrapping_mul(k).checked_rem(m).unwrap_or(0)
}

fn group(category: Category, people: u64, funder: Funder) -> Group {
    Group {
        label: None,
        category,
        work_kind: None,
        people,
        scheme: None,
        base: None,
        income: None,
        wage: None,
        risk_group: None,
        jht: None,
        jp: None,
        funder: Some(funder),
        budget_line: None,
    }
}

/// Unit `i` of the benchmark: the formulas are repeated in bench/run.mjs (`benchRequest`). Keep them equal.
fn unit(i: u64) -> Unit {
    let base = Some(Rupiah::from_whole(1_000_000));
    let rentan = Group {
        work_kind: WORK_KINDS
            .get(usize::try_from(mix(i, 1, 5)).unwrap_or(0))
            .copied(),
        base,
        ..group(
            Category::PekerjaRentan,
            30u64.saturating_add(mix(i, 37, 171)),
            if mix(i, 1, 4) == 0 {
                Funder::Apbd
            } else {
                Funder::DanaDesa
            },
        )
    };
    let perangkat = Group {
        wage: Some(Rupiah::from_whole(2_000_000)),
        jht: Some(true),
        jp: Some(true),
        ..group(
            Category::PerangkatDesa,
            6u64.saturating_add(mix(i, 1, 7)),
            Funder::Apbdes,
        )
    };
    let kepala = Group {
        wage: Some(Rupiah::from_whole(3_500_000)),
        jht: Some(true),
        jp: Some(true),
        ..group(Category::KepalaDesa, 1, Funder::Apbdes)
    };
    let bpd = Group {
        scheme: Some(SchemeKind::Bpu),
        base,
        ..group(
            Category::Bpd,
            5u64.saturating_add(mix(i, 1, 3).saturating_mul(2)),
            Funder::Apbdes,
        )
    };
    let rt_rw = Group {
        scheme: Some(SchemeKind::Bpu),
        base,
        ..group(
            Category::RtRw,
            4u64.saturating_add(mix(i, 13, 17)),
            Funder::DanaDesa,
        )
    };
    Unit {
        name: format!("Desa {}", i.saturating_add(1)),
        kind: UnitKind::Desa,
        funder: Some(Funder::Apbdes),
        dana_desa: Some(Rupiah::from_whole(
            600_000_000u64.saturating_add(mix(i, 7919, 60).saturating_mul(10_000_000)),
        )),
        groups: vec![rentan, perangkat, kepala, bpd, rt_rw],
    }
}

fn request(villages: u64, detail: Detail) -> Option<EstimateRequest> {
    Some(EstimateRequest {
        first_month: Month::new(2026, 1)?,
        months: 12,
        units: (0..villages).map(unit).collect(),
        detail,
    })
}

/// The same villages as a compact request (bench/run.mjs `benchCompact`): 14 kinds of group, one line each.
fn compact(villages: u64) -> Option<CompactRequest> {
    let base = Some(Rupiah::from_whole(1_000_000));
    let mut groups = Vec::new();
    for funder in [Funder::Apbd, Funder::DanaDesa] {
        for wk in WORK_KINDS {
            groups.push(Group {
                work_kind: Some(wk),
                base,
                ..group(Category::PekerjaRentan, 0, funder)
            });
        }
    }
    let u0 = unit(0);
    for g in u0.groups.iter().skip(1) {
        groups.push(Group {
            people: 0,
            ..g.clone()
        });
    }
    let mut text = String::new();
    for i in 0..villages {
        let mut n = [0u64; 14];
        let k = usize::try_from(
            (if mix(i, 1, 4) == 0 { 0u64 } else { 5 }).saturating_add(mix(i, 1, 5)),
        )
        .ok()?;
        *n.get_mut(k)? = 30u64.saturating_add(mix(i, 37, 171));
        n[10] = 6u64.saturating_add(mix(i, 1, 7));
        n[11] = 1;
        n[12] = 5u64.saturating_add(mix(i, 1, 3).saturating_mul(2));
        n[13] = 4u64.saturating_add(mix(i, 13, 17));
        let dd = 600_000_000u64.saturating_add(mix(i, 7919, 60).saturating_mul(10_000_000));
        let counts: Vec<String> = n
            .iter()
            .map(|c| {
                if *c == 0 {
                    String::new()
                } else {
                    c.to_string()
                }
            })
            .collect();
        text.push_str(&format!(
            "Desa {};desa;{dd};{}\n",
            i.saturating_add(1),
            counts.join(";")
        ));
    }
    Some(CompactRequest {
        first_month: Month::new(2026, 1)?,
        months: 12,
        groups,
        units: text,
        detail: Detail::Totals,
    })
}

fn time_compact(req: &CompactRequest, runs: usize) -> Result<Timing, String> {
    let mut samples = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs.saturating_add(1) {
        let t = Instant::now();
        let r = estimate_compact(black_box(req)).map_err(|e| format!("{e:?}"))?;
        samples.push(t.elapsed().as_secs_f64() * 1000.0);
        last = Some(black_box(r));
    }
    samples.remove(0);
    let r = last.ok_or("no run")?;
    Ok(Timing {
        samples,
        total: r.total.total.to_digits(),
        people: r.people,
        units: r.units.len(),
    })
}

struct Timing {
    samples: Vec<f64>,
    total: String,
    people: u64,
    units: usize,
}

fn time(req: &EstimateRequest, warmup: usize, runs: usize) -> Result<Timing, String> {
    let once = || -> Result<(f64, EstimateResult), String> {
        let t = Instant::now();
        let r = estimate(black_box(req)).map_err(|e| format!("{e:?}"))?;
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        Ok((ms, black_box(r)))
    };
    let mut last = None;
    for _ in 0..warmup {
        last = Some(once()?.1);
    }
    let mut samples = Vec::with_capacity(runs);
    for _ in 0..runs {
        let (ms, r) = once()?;
        samples.push(ms);
        last = Some(r);
    }
    let r = last.ok_or("no run")?;
    Ok(Timing {
        samples,
        total: r.total.total.to_digits(),
        people: r.people,
        units: r.units.len(),
    })
}

fn median(v: &[f64]) -> f64 {
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    let n = s.len();
    let hi = s.get(n / 2).copied().unwrap_or(f64::NAN);
    if n % 2 == 1 {
        hi
    } else {
        (s.get((n / 2).saturating_sub(1)).copied().unwrap_or(hi) + hi) / 2.0
    }
}

fn json(name: &str, villages: u64, detail: &str, t: &Timing) -> String {
    let samples: Vec<String> = t.samples.iter().map(|x| format!("{x:.4}")).collect();
    let min = t.samples.iter().copied().fold(f64::INFINITY, f64::min);
    let max = t.samples.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    format!(
        "\"{name}\":{{\"villages\":{villages},\"groupsPerVillage\":5,\"months\":12,\"detail\":\"{detail}\",\"people\":{},\"unitsReturned\":{},\"total\":\"{}\",\"runs\":{},\"medianMs\":{:.4},\"minMs\":{min:.4},\"maxMs\":{max:.4},\"samplesMs\":[{}]}}",
        t.people,
        t.units,
        t.total,
        t.samples.len(),
        median(&t.samples),
        samples.join(",")
    )
}

fn main() -> Result<(), String> {
    let quick = std::env::args().any(|a| a == "--quick");
    let (reg_runs, nat_runs) = if quick { (30, 3) } else { (200, 5) };
    let regency = request(REGENCY_VILLAGES, Detail::Full).ok_or("month")?;
    let nat_totals = request(NATIONAL_VILLAGES, Detail::Totals).ok_or("month")?;
    // "units" and "full" results are capped (estimate::MAX_DETAIL_UNITS, MAX_FULL_GROUPS): the largest allowed.
    let nat_units = request(UNITS_VILLAGES, Detail::Units).ok_or("month")?;
    let nat_full = request(FULL_VILLAGES, Detail::Full).ok_or("month")?;
    let r = time(&regency, 5, reg_runs)?;
    let nt = time(&nat_totals, 1, nat_runs)?;
    let nu = time(&nat_units, 1, nat_runs)?;
    let nf = time(&nat_full, 1, nat_runs)?;
    let nc = time_compact(&compact(NATIONAL_VILLAGES).ok_or("compact")?, nat_runs)?;
    println!(
        "{{{},{},{},{},{}}}",
        json("regency", REGENCY_VILLAGES, "full", &r),
        json("nationalTotals", NATIONAL_VILLAGES, "totals", &nt),
        json("nationalUnits", UNITS_VILLAGES, "units", &nu),
        json("nationalFull", FULL_VILLAGES, "full", &nf),
        json("nationalCompact", NATIONAL_VILLAGES, "totals", &nc)
    );
    Ok(())
}
