//! Properties of the rules core over generated inputs (proptest): totals are the sum of their parts,
//! they grow linearly with people and add up over months, and no input makes the library panic.
//! `PROPTEST_CASES` sets the number of cases (default 256 per property; the fuzz run uses millions).
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

use kalkulator_jamsostek::category::{Category, Funder, SchemeKind, WorkKind};
use kalkulator_jamsostek::estimate::{
    coverage, estimate, estimate_compact, BudgetLineInput, CompactRequest, CoverageRequest, Detail,
    EstimateRequest, EstimateResult, Group, Unit, UnitKind,
};
use kalkulator_jamsostek::rules::BPU_BANDS;
use kalkulator_jamsostek::{Month, Rupiah};
use proptest::prelude::*;

fn cat() -> impl Strategy<Value = Category> {
    prop::sample::select(Category::ALL.to_vec())
}
fn funder() -> impl Strategy<Value = Funder> {
    prop::sample::select(vec![
        Funder::Apbn,
        Funder::Apbd,
        Funder::DanaDesa,
        Funder::Apbdes,
        Funder::SelfPaid,
    ])
}
fn work() -> impl Strategy<Value = WorkKind> {
    prop::sample::select(vec![
        WorkKind::Nelayan,
        WorkKind::Petani,
        WorkKind::Pedagang,
        WorkKind::Buruh,
        WorkKind::PekerjaKeagamaan,
        WorkKind::Transportasi,
        WorkKind::Lainnya,
    ])
}

/// A valid group: the category's own scheme, a legal base, a plausible wage, funders it may have.
fn valid_group() -> impl Strategy<Value = Group> {
    (
        cat(),
        0u64..5_000,
        0usize..33,
        500_000u64..30_000_000,
        1u8..=5,
        any::<bool>(),
        any::<bool>(),
        work(),
        funder(),
        any::<bool>(),
    )
        .prop_map(
            |(category, people, band, wage, risk, jht, jp, wk, f, inst_pu)| {
                let scheme = if category.is_village_institution() && inst_pu {
                    SchemeKind::Pu
                } else {
                    category.default_scheme()
                };
                let pu = scheme == SchemeKind::Pu;
                Group {
                    label: None,
                    category,
                    work_kind: Some(wk),
                    people,
                    scheme: Some(scheme),
                    base: (!pu).then(|| BPU_BANDS[band].base),
                    income: None,
                    wage: pu.then(|| Rupiah::from_whole(wage)),
                    risk_group: Some(risk),
                    jht: Some(jht),
                    jp: Some(jp && pu),
                    funder: Some(match f {
                        Funder::SelfPaid if pu => Funder::Apbd,
                        // Forbidden in 2024 or 2026 (RULES.md Part 2 §2): the lawful village source instead.
                        Funder::DanaDesa
                            if matches!(
                                category,
                                Category::KepalaDesa
                                    | Category::PerangkatDesa
                                    | Category::Bpd
                                    | Category::PekerjaRentan
                            ) =>
                        {
                            Funder::Apbdes
                        }
                        f => f,
                    }),
                    budget_line: None,
                }
            },
        )
}

fn valid_request() -> impl Strategy<Value = EstimateRequest> {
    (
        prop::collection::vec(prop::collection::vec(valid_group(), 1..5), 1..6),
        0u32..36,
        1u32..=36,
    )
        .prop_map(|(units, start, months)| EstimateRequest {
            first_month: Month::new(2024, 1).unwrap().plus(start).unwrap(),
            months,
            units: units
                .into_iter()
                .enumerate()
                .map(|(i, groups)| Unit {
                    name: format!("Desa {i}"),
                    kind: UnitKind::Desa,
                    funder: None,
                    dana_desa: Some(Rupiah::from_whole(800_000_000)),
                    groups,
                })
                .collect(),
            detail: Detail::Full,
        })
}

fn sum<'a>(it: impl Iterator<Item = &'a Rupiah>) -> Rupiah {
    it.fold(Rupiah::ZERO, |a, b| a.checked_add(*b).unwrap())
}

fn check_parts(r: &EstimateResult) {
    let t = r.total.total;
    assert_eq!(r.total.employer.checked_add(r.total.worker), Some(t));
    assert_eq!(sum(r.units.iter().map(|u| &u.total.total)), t, "units");
    assert_eq!(sum(r.per_month.iter().map(|m| &m.total.total)), t, "months");
    assert_eq!(
        sum(r.programmes.iter().map(|p| &p.total.total)),
        t,
        "programmes"
    );
    assert_eq!(
        sum(r.categories.iter().map(|c| &c.total.total)),
        t,
        "categories"
    );
    assert_eq!(sum(r.funders.iter().map(|f| &f.total.total)), t, "funders");
    assert_eq!(r.per_month.len(), r.months as usize);
    for u in r
        .units
        .iter()
        .filter(|_| r.units.iter().any(|u| !u.groups.is_empty()))
    {
        assert_eq!(
            sum(u.groups.iter().map(|g| &g.total.total)),
            u.total.total,
            "groups of {}",
            u.name
        );
        assert_eq!(
            sum(u.programmes.iter().map(|p| &p.total.total)),
            u.total.total
        );
        for g in &u.groups {
            assert_eq!(
                g.total.employer.checked_add(g.total.worker),
                Some(g.total.total)
            );
            assert_eq!(g.per_person.iter().map(|s| s.months).sum::<u32>(), r.months);
            // The group total is its per-person months times people.
            let per_person = g.per_person.iter().fold(Rupiah::ZERO, |a, s| {
                a.checked_add(
                    s.per_person_month
                        .total
                        .total
                        .checked_mul(u64::from(s.months))
                        .unwrap(),
                )
                .unwrap()
            });
            assert_eq!(per_person.checked_mul(g.people), Some(g.total.total));
            for s in &g.per_person {
                assert_eq!(
                    sum(s.per_person_month.lines.iter().map(|l| &l.total)),
                    s.per_person_month.total.total
                );
            }
        }
    }
    for m in &r.per_month {
        assert_eq!(
            sum(m.programmes.iter().map(|p| &p.total.total)),
            m.total.total
        );
    }
}

proptest! {
    #[test]
    fn totals_are_the_sum_of_their_parts(req in valid_request()) {
        let r = estimate(&req).unwrap();
        check_parts(&r);
    }

    #[test]
    fn totals_grow_linearly_with_people(req in valid_request(), k in 1u64..50) {
        let r1 = estimate(&req).unwrap();
        let mut scaled = req.clone();
        for u in &mut scaled.units { for g in &mut u.groups { g.people *= k; } }
        let rk = estimate(&scaled).unwrap();
        prop_assert_eq!(r1.total.total.checked_mul(k), Some(rk.total.total));
        prop_assert_eq!(r1.total.worker.checked_mul(k), Some(rk.total.worker));
    }

    #[test]
    fn periods_add_up_month_by_month(req in valid_request(), k in 0u32..1000) {
        prop_assume!(req.months >= 2);
        let split = 1 + k % (req.months - 1);
        let whole = estimate(&req).unwrap();
        let first = estimate(&EstimateRequest { months: split, ..req.clone() }).unwrap();
        let rest = estimate(&EstimateRequest { first_month: req.first_month.plus(split).unwrap(), months: req.months - split, ..req.clone() }).unwrap();
        prop_assert_eq!(first.total.total.checked_add(rest.total.total), Some(whole.total.total));
    }

    #[test]
    fn constant_rules_grow_linearly_with_months(people in 0u64..10_000, months in 1u32..=12) {
        // APBD-paid rentan workers: Rp16.800 a month whatever the month (no relief, no cap).
        let g = Group { label: None, category: Category::PekerjaRentan, work_kind: None, people, scheme: None, base: None, income: None, wage: None, risk_group: None, jht: None, jp: None, funder: Some(Funder::Apbd), budget_line: None };
        let req = EstimateRequest { first_month: Month::new(2026, 1).unwrap(), months, units: vec![Unit { name: "x".into(), kind: UnitKind::Desa, funder: None, dana_desa: None, groups: vec![g] }], detail: Detail::Totals };
        let r = estimate(&req).unwrap();
        prop_assert_eq!(r.total.total, Rupiah::from_whole(16_800 * people * u64::from(months)));
    }

    #[test]
    fn coverage_is_the_inverse_of_the_estimate(g in valid_group(), budget in 0u64..10_000_000_000, months in 1u32..=24) {
        let req = CoverageRequest { budget: Rupiah::from_whole(budget), first_month: Month::new(2026, 1).unwrap(), months, group: g, funder: None, unit_kind: None };
        let c = coverage(&req).unwrap();
        // people × per-person + left over = budget, and the left over is less than one more person.
        prop_assert_eq!(c.per_person_period.checked_mul(c.people).and_then(|x| x.checked_add(c.left_over)), Some(Rupiah::from_whole(budget)));
        prop_assert!(c.left_over < c.per_person_period || c.per_person_period.is_zero());
    }

    #[test]
    fn no_input_panics(
        people in any::<u64>(), months in any::<u32>(), year in 1900u16..3000, mo in 1u8..=12,
        base in any::<u64>(), wage in any::<u64>(), risk in any::<u8>(), cat in cat(), f in funder(),
        scheme in prop::option::of(prop::sample::select(vec![SchemeKind::Bpu, SchemeKind::Pu])),
        kind in prop::sample::select(vec![UnitKind::Desa, UnitKind::Kelurahan, UnitKind::Opd]),
        jp in any::<Option<bool>>(), name in ".{0,300}", n_units in 0usize..3,
    ) {
        let g = Group { label: Some(name.clone()), category: cat, work_kind: None, people, scheme, base: Some(Rupiah::from_whole(base % 1_000_000_000_000_000)), income: None, wage: Some(Rupiah::from_whole(wage % 1_000_000_000_000_000)), risk_group: Some(risk), jht: None, jp, funder: Some(f), budget_line: Some(BudgetLineInput { activity: Some(name.clone()), account: (n_units == 1).then(|| String::from("5.1.3.99")), name: Some(name.clone()) }) };
        let units = (0..n_units).map(|_| Unit { name: name.clone(), kind, funder: None, dana_desa: Some(Rupiah::from_whole(base % 1_000_000_000_000_000)), groups: vec![g.clone()] }).collect();
        let req = EstimateRequest { first_month: Month::new(year, mo).unwrap(), months, units, detail: Detail::Full };
        if let Ok(r) = estimate(&req) { check_parts(&r); }
        let _ = coverage(&CoverageRequest { budget: Rupiah::from_whole(wage % 1_000_000_000_000_000), first_month: req.first_month, months, group: g, funder: None, unit_kind: Some(kind) });
    }

    #[test]
    fn amount_and_month_parsers_never_panic(s in ".{0,40}") {
        let _ = Rupiah::parse(&s);
        let _ = Month::parse(&s);
    }

    /// The boundary's hand-written JSON reader, fuzzed directly: JSON-shaped noise (brackets, quotes, escapes,
    /// numbers, the request's own keys) never panics, and every request it accepts computes or is refused.
    #[test]
    fn json_reader_never_panics(s in r#"(\{|\}|\[|\]|"|,|:|\\|u00|[0-9]{1,3}|-|\.|e|true|null|"firstMonth"|"months"|"units"|"groups"|"category"|"pekerja_rentan"|"people"|"2026-01"|"wage"|"budgetLine"| ){0,80}"#) {
        if let Ok(req) = kalkulator_jamsostek::json::from_str::<EstimateRequest>(&s) {
            if let Ok(r) = estimate(&req) { check_parts(&r); }
        }
        let _ = kalkulator_jamsostek::json::from_str::<CompactRequest>(&s);
    }

    #[test]
    fn amounts_round_trip(n in 0u64..=999_999_999_999_999) {
        let r = Rupiah::from_whole(n);
        prop_assert_eq!(Rupiah::parse(&r.to_digits()), Ok(r));
    }
}

#[test]
fn largest_plausible_request_does_not_overflow() {
    // 300 million people (the cap), the top base with JHT, 60 months: exact, no overflow.
    let g = Group {
        label: None,
        category: Category::PekerjaRentan,
        work_kind: None,
        people: 300_000_000,
        scheme: None,
        base: Some(Rupiah::from_whole(20_700_000)),
        income: None,
        wage: None,
        risk_group: None,
        jht: Some(true),
        jp: None,
        funder: Some(Funder::Apbd),
        budget_line: None,
    };
    let req = EstimateRequest {
        first_month: Month::new(2026, 1).unwrap(),
        months: 60,
        units: vec![Unit {
            name: "x".into(),
            kind: UnitKind::Desa,
            funder: None,
            dana_desa: None,
            groups: vec![g],
        }],
        detail: Detail::Full,
    };
    let r = estimate(&req).unwrap();
    assert_eq!(
        r.total.total,
        Rupiah::from_whole(627_800 * 300_000_000 * 60)
    );
    check_parts(&r);
}

proptest! {
    #[test]
    fn compact_text_never_panics(text in "[A-Za-z0-9;\n\r., ]{0,400}", months in 0u32..70, detail in prop::sample::select(vec![Detail::Totals, Detail::Units, Detail::Full])) {
        let g = Group { label: None, category: Category::PekerjaRentan, work_kind: None, people: 0, scheme: None, base: None, income: None, wage: None, risk_group: None, jht: None, jp: None, funder: None, budget_line: None };
        let req = CompactRequest { first_month: Month::new(2026, 1).unwrap(), months, groups: vec![g.clone(), Group { category: Category::PerangkatDesa, wage: Some(Rupiah::from_whole(2_000_000)), ..g }], units: text, detail };
        // Units are listed (and must add up) only with detail "units".
        if let Ok(r) = estimate_compact(&req) { if req.detail == Detail::Units { check_parts(&r); } }
    }
}
