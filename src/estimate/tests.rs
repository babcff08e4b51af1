use super::*;
use crate::error::Lang;

fn rp(n: u64) -> Rupiah {
    Rupiah::from_whole(n)
}
fn month(s: &str) -> Month {
    Month::parse(s).unwrap()
}
fn group(category: Category, people: u64) -> Group {
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
        funder: None,
        budget_line: None,
    }
}
fn unit(name: &str, groups: Vec<Group>) -> Unit {
    Unit {
        name: name.into(),
        kind: UnitKind::Desa,
        funder: Some(Funder::Apbd),
        dana_desa: None,
        groups,
    }
}
fn req(first: &str, months: u32, units: Vec<Unit>) -> EstimateRequest {
    EstimateRequest {
        first_month: month(first),
        months,
        units,
        detail: Detail::Full,
    }
}

#[test]
fn hundred_rentan_for_a_year_is_20_160_000() {
    let r = estimate(&req(
        "2026-01",
        12,
        vec![unit("Wanci", vec![group(Category::PekerjaRentan, 100)])],
    ))
    .unwrap();
    assert_eq!(r.total.total, rp(20_160_000));
    assert_eq!(r.total.employer, rp(20_160_000));
    assert_eq!(r.monthly_average.total, rp(1_680_000));
    assert_eq!(r.per_month.len(), 12);
    assert!(r.per_month.iter().all(|m| m.total.total == rp(1_680_000)));
    assert_eq!(r.people, 100);
    let g = &r.units[0].groups[0];
    assert_eq!(g.per_person.len(), 1, "APBD-paid: same figures all year");
    assert_eq!(g.per_person[0].per_person_month.total.total, rp(16_800));
    assert_eq!(
        r.programmes
            .iter()
            .find(|p| p.programme == Programme::Jkk)
            .unwrap()
            .total
            .total,
        rp(12_000_000)
    );
    assert_eq!(
        r.programmes
            .iter()
            .find(|p| p.programme == Programme::Jkm)
            .unwrap()
            .total
            .total,
        rp(8_160_000)
    );
    assert!(r
        .warnings
        .iter()
        .any(|w| w.code == "PP50_RELIEF_NOT_FOR_APBN_APBD"));
    assert!(r
        .rules
        .iter()
        .any(|p| p.id == ParamId::BpuJkm && p.value == "6800"));
}

#[test]
fn one_rentan_worker_a_year_is_201_600() {
    let r = estimate(&req(
        "2026-01",
        12,
        vec![unit("x", vec![group(Category::PekerjaRentan, 1)])],
    ))
    .unwrap();
    assert_eq!(r.total.total, rp(201_600));
}

#[test]
fn self_paid_bpu_crosses_the_relief_start() {
    let mut g = group(Category::PekerjaRentan, 10);
    g.funder = Some(Funder::SelfPaid);
    let r = estimate(&req("2026-01", 6, vec![unit("x", vec![g])])).unwrap();
    // Jan–Mar 16.800, Apr–Jun 8.400
    assert_eq!(r.total.total, rp(10 * (3 * 16_800 + 3 * 8_400)));
    assert_eq!(r.total.worker, r.total.total);
    let segs = &r.units[0].groups[0].per_person;
    assert_eq!(segs.len(), 2);
    assert_eq!(
        (segs[0].from, segs[0].until, segs[0].months),
        (month("2026-01"), month("2026-03"), 3)
    );
    assert_eq!(segs[1].per_person_month.total.total, rp(8_400));
    assert_eq!(r.per_month[3].total.total, rp(84_000));
}

#[test]
fn non_asn_above_the_cap_across_march() {
    let mut g = group(Category::NonAsn, 2);
    g.wage = Some(rp(12_000_000));
    g.jp = Some(true);
    g.jht = Some(false);
    let mut u = unit("Dinas Kesehatan", vec![g]);
    u.kind = UnitKind::Opd;
    let r = estimate(&req("2026-01", 4, vec![u])).unwrap();
    // JKK 28.800 + JKM 36.000 each month; JP 316.422 (cap 10.547.400) Jan–Feb, 332.589 (cap 11.086.300) Mar–Apr.
    let per_person = 4 * (28_800 + 36_000) + 2 * 316_422 + 2 * 332_589;
    assert_eq!(r.total.total, rp(2 * per_person));
    assert_eq!(r.total.worker, rp(2 * (2 * 105_474 + 2 * 110_863)));
    assert_eq!(r.units[0].groups[0].per_person.len(), 2);
    assert!(
        r.rules
            .iter()
            .filter(|p| p.id == ParamId::JpWageCap)
            .count()
            == 2
    );
}

#[test]
fn perangkat_desa_from_apbdes_lands_on_its_budget_line() {
    let mut g = group(Category::PerangkatDesa, 5);
    g.wage = Some(rp(2_000_000));
    let mut u = unit("Sukamaju", vec![g, group(Category::PekerjaRentan, 50)]);
    u.funder = None; // desa default: APBDes
    u.dana_desa = Some(rp(800_000_000));
    let r = estimate(&req("2026-01", 12, vec![u])).unwrap();
    let lines = &r.units[0].budget_lines;
    assert_eq!(lines.len(), 2);
    assert_eq!(
        (lines[0].activity.as_str(), lines[0].account.as_str()),
        ("1.1.03", "5.1.3.04")
    );
    assert_eq!(
        (lines[1].account.as_str(), lines[1].name_id.as_str()),
        ("", "Iuran BPJS Ketenagakerjaan Pekerja Rentan")
    );
    assert_eq!(lines[0].total.total, rp(5 * 10_800 * 12));
    assert_eq!(
        r.units[0].groups[0]
            .budget_line
            .as_ref()
            .map(|l| l.account.as_str()),
        Some("5.1.3.04")
    );
    let rentan = r.units[0].groups[1].budget_line.as_ref().unwrap();
    assert_eq!(
        (rentan.activity.as_str(), rentan.account.as_str()),
        ("", ""),
        "no national code for pekerja rentan"
    );
    let dd = r.units[0].dana_desa.as_ref().unwrap();
    assert_eq!(dd.used, Rupiah::ZERO, "APBDes outside Dana Desa");
    assert_eq!(dd.share_percent.as_deref(), Some("0.00"));
}

#[test]
fn dana_desa_share() {
    let mut g = group(Category::PekerjaRentan, 100);
    g.funder = Some(Funder::DanaDesa);
    let mut u = unit("Sukamaju", vec![g]);
    u.dana_desa = Some(rp(850_000_000));
    let r = estimate(&req("2026-01", 12, vec![u])).unwrap();
    let dd = r.units[0].dana_desa.as_ref().unwrap();
    assert_eq!(dd.used, rp(20_160_000));
    assert_eq!(dd.share_percent.as_deref(), Some("2.37")); // 20.160.000 / 850.000.000 = 2,3717 %
    assert!(r
        .warnings
        .iter()
        .any(|w| w.code == "DANA_DESA_SUBJECT_TO_PERBUP"));
    assert!(r
        .warnings
        .iter()
        .any(|w| w.code == "PP50_RELIEF_VILLAGE_FUNDED_UNCONFIRMED"));
}

#[test]
fn kelurahan_has_no_dana_desa() {
    let mut g = group(Category::PekerjaRentan, 1);
    g.funder = Some(Funder::DanaDesa);
    let mut u = unit("Mandati I", vec![g]);
    u.kind = UnitKind::Kelurahan;
    let e = estimate(&req("2026-01", 12, vec![u])).unwrap_err();
    assert_eq!(e.code, ErrorCode::NoDanaDesaForKelurahan);
    assert_eq!(e.path, "units[0].groups[0].funder");
}

#[test]
fn errors_name_their_field() {
    let bad = |r: EstimateRequest| estimate(&r).unwrap_err();
    assert_eq!(
        bad(req(
            "2026-01",
            0,
            vec![unit("x", vec![group(Category::PekerjaRentan, 1)])]
        ))
        .code,
        ErrorCode::MonthsOutOfRange
    );
    assert_eq!(
        bad(req(
            "2026-01",
            61,
            vec![unit("x", vec![group(Category::PekerjaRentan, 1)])]
        ))
        .code,
        ErrorCode::MonthsOutOfRange
    );
    assert_eq!(
        bad(req(
            "2015-06",
            12,
            vec![unit("x", vec![group(Category::PekerjaRentan, 1)])]
        ))
        .code,
        ErrorCode::MonthOutsideRules
    );
    assert_eq!(
        bad(req(
            "2030-06",
            12,
            vec![unit("x", vec![group(Category::PekerjaRentan, 1)])]
        ))
        .code,
        ErrorCode::MonthOutsideRules
    );
    assert_eq!(
        bad(req("2026-01", 12, vec![])).code,
        ErrorCode::EmptyRequest
    );
    assert_eq!(
        bad(req("2026-01", 12, vec![unit("x", vec![])])).code,
        ErrorCode::EmptyRequest
    );
    let e = bad(req(
        "2026-01",
        12,
        vec![
            unit("x", vec![group(Category::PekerjaRentan, 1)]),
            unit("y", vec![group(Category::PekerjaRentan, 300_000_001)]),
        ],
    ));
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::PeopleOutOfRange, "units[1].groups[0].people")
    );
    let e = bad(req(
        "2026-01",
        12,
        vec![unit("x", vec![group(Category::PerangkatDesa, 1)])],
    ));
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::MissingWage, "units[0].groups[0].wage")
    );
    let mut g = group(Category::PekerjaRentan, 1);
    g.jp = Some(true);
    assert_eq!(
        bad(req("2026-01", 12, vec![unit("x", vec![g])])).code,
        ErrorCode::ProgrammeNotAvailable
    );
    let mut g = group(Category::PekerjaRentan, 1);
    g.base = Some(rp(1_500_000));
    assert_eq!(
        bad(req("2026-01", 12, vec![unit("x", vec![g])])).code,
        ErrorCode::InvalidBase
    );
    let mut g = group(Category::PekerjaRentan, 1);
    g.scheme = Some(SchemeKind::Pu);
    assert_eq!(
        bad(req("2026-01", 12, vec![unit("x", vec![g])])).code,
        ErrorCode::InvalidInput
    );
    let mut g = group(Category::NonAsn, 1);
    g.wage = Some(rp(2_000_000_000));
    assert_eq!(
        bad(req("2026-01", 12, vec![unit("x", vec![g])])).code,
        ErrorCode::AmountOutOfRange
    );
    let mut g = group(Category::NonAsn, 1);
    g.wage = Some(rp(2_000_000));
    g.risk_group = Some(6);
    assert_eq!(
        bad(req("2026-01", 12, vec![unit("x", vec![g])])).code,
        ErrorCode::InvalidRiskGroup
    );
    assert_eq!(
        bad(req(
            "2026-01",
            12,
            vec![unit(
                &"x".repeat(201),
                vec![group(Category::PekerjaRentan, 1)]
            )]
        ))
        .code,
        ErrorCode::TextTooLong
    );
    let many: Vec<Unit> = (0..4)
        .map(|i| {
            unit(
                &i.to_string(),
                vec![group(Category::PekerjaRentan, 100_000_000)],
            )
        })
        .collect();
    assert_eq!(
        bad(req("2026-01", 12, many)).code,
        ErrorCode::PeopleOutOfRange
    );
}

#[test]
fn village_institutions_bpu_by_default_pu_when_configured() {
    let r = estimate(&req(
        "2026-01",
        1,
        vec![unit("x", vec![group(Category::RtRw, 10)])],
    ))
    .unwrap();
    assert_eq!(r.total.total, rp(168_000));
    let mut g = group(Category::RtRw, 10);
    g.scheme = Some(SchemeKind::Pu);
    g.wage = Some(rp(500_000));
    let r = estimate(&req("2026-01", 1, vec![unit("x", vec![g])])).unwrap();
    assert_eq!(r.total.total, rp(10 * (1_200 + 1_500))); // 0,54 % of Rp500.000
}

#[test]
fn income_suggests_a_base() {
    let mut g = group(Category::PekerjaRentan, 1);
    g.income = Some(rp(3_000_000));
    g.jht = Some(true);
    let r = estimate(&req("2026-01", 1, vec![unit("x", vec![g])])).unwrap();
    assert_eq!(r.total.total, rp(29_500 + 6_800 + 59_000));
    assert!(r.warnings.iter().any(|w| w.code == "BASE_FROM_INCOME"));
    assert!(r.units[0].groups[0].per_person[0].per_person_month.lines[0].needs_verification);
    assert!(r.rules.iter().any(|p| p.id == ParamId::BpuIncomeBands));
}

#[test]
fn jp_past_the_known_cap_warns() {
    let mut g = group(Category::NonAsn, 1);
    g.wage = Some(rp(12_000_000));
    g.jp = Some(true);
    let mut u = unit("x", vec![g]);
    u.kind = UnitKind::Opd;
    let r = estimate(&req("2027-01", 6, vec![u.clone()])).unwrap();
    assert!(r
        .warnings
        .iter()
        .any(|w| w.code == "FIGURE_PAST_KNOWN_DATE"));
    let r = estimate(&req("2026-03", 6, vec![u])).unwrap();
    assert!(!r
        .warnings
        .iter()
        .any(|w| w.code == "FIGURE_PAST_KNOWN_DATE"));
}

#[test]
fn detail_levels() {
    let mk = |detail| EstimateRequest {
        detail,
        ..req(
            "2026-01",
            12,
            vec![unit("x", vec![group(Category::PekerjaRentan, 3)])],
        )
    };
    let full = estimate(&mk(Detail::Full)).unwrap();
    let units = estimate(&mk(Detail::Units)).unwrap();
    let totals = estimate(&mk(Detail::Totals)).unwrap();
    assert_eq!(full.total, totals.total);
    assert!(units.units[0].groups.is_empty() && !full.units[0].groups.is_empty());
    assert!(totals.units.is_empty());
}

#[test]
fn coverage_inverse() {
    let c = coverage(&CoverageRequest {
        budget: rp(20_160_000),
        first_month: month("2026-01"),
        months: 12,
        group: group(Category::PekerjaRentan, 0),
        funder: Some(Funder::Apbd),
        unit_kind: None,
    })
    .unwrap();
    assert_eq!(
        (c.people, c.left_over, c.per_person_period),
        (100, Rupiah::ZERO, rp(201_600))
    );
    let c = coverage(&CoverageRequest {
        budget: rp(20_000_000),
        first_month: month("2026-01"),
        months: 12,
        group: group(Category::PekerjaRentan, 0),
        funder: Some(Funder::Apbd),
        unit_kind: None,
    })
    .unwrap();
    assert_eq!((c.people, c.left_over), (99, rp(20_000_000 - 99 * 201_600)));
    assert_eq!(c.cost.total, rp(99 * 201_600));
    let c = coverage(&CoverageRequest {
        budget: rp(100),
        first_month: month("2026-01"),
        months: 12,
        group: group(Category::PekerjaRentan, 0),
        funder: None,
        unit_kind: None,
    })
    .unwrap();
    assert_eq!((c.people, c.left_over), (0, rp(100)));
    // A PU group: the budget pays the employer share only.
    let mut g = group(Category::PerangkatDesa, 0);
    g.wage = Some(rp(2_000_000));
    g.jht = Some(true);
    let c = coverage(&CoverageRequest {
        budget: rp(10_000_000),
        first_month: month("2026-01"),
        months: 12,
        group: g,
        funder: None,
        unit_kind: None,
    })
    .unwrap();
    assert_eq!(c.per_person_period, rp(12 * (4_800 + 6_000 + 74_000)));
    let e = coverage(&CoverageRequest {
        budget: rp(1),
        first_month: month("2026-01"),
        months: 12,
        group: group(Category::PerangkatDesa, 0),
        funder: None,
        unit_kind: None,
    })
    .unwrap_err();
    assert_eq!(e.path, "group.wage");
}

// ── Dana Desa by budget year and category (RULES.md Part 2 §2 "Dana Desa by year") ─────────────────────────

fn dana_desa_group(category: Category) -> Group {
    let mut g = group(category, 3);
    if category.default_scheme() == SchemeKind::Pu {
        g.wage = Some(rp(2_000_000));
    }
    g
}

/// Estimates one group of `category` paid from Dana Desa (by the group itself, or by the unit) in `year`.
fn dd_in(category: Category, year: u16, on_group: bool) -> Result<EstimateResult> {
    let mut g = dana_desa_group(category);
    let mut u = unit("Lamanggau", vec![]);
    if on_group {
        g.funder = Some(Funder::DanaDesa);
    } else {
        u.funder = Some(Funder::DanaDesa);
    }
    u.groups = vec![dana_desa_group(Category::PekerjaRentan), g];
    u.groups[0].funder = Some(Funder::Apbdes);
    let mut first = String::new();
    first.push_str(&Month::ym(year, 1).to_iso());
    estimate(&req(&first, 12, vec![u]))
}

#[test]
fn dana_desa_by_year_every_row() {
    use Category::*;
    let village = [
        PekerjaRentan,
        KepalaDesa,
        PerangkatDesa,
        Bpd,
        RtRw,
        Kader,
        Linmas,
        LembagaDesa,
    ];
    for year in [2023u16, 2024, 2025, 2026, 2027] {
        for c in village {
            let forbidden = match year {
                2024 => matches!(c, KepalaDesa | PerangkatDesa | PekerjaRentan),
                2026 => matches!(c, KepalaDesa | PerangkatDesa | Bpd),
                _ => false,
            };
            for on_group in [true, false] {
                let r = dd_in(c, year, on_group);
                if forbidden {
                    let e = r.expect_err("forbidden");
                    assert_eq!(e.code, ErrorCode::FunderNotAllowed, "{c:?} {year}");
                    let path = if on_group {
                        "units[0].groups[1].funder"
                    } else {
                        "units[0].funder"
                    };
                    assert_eq!(e.path, path, "{c:?} {year}");
                    let instrument = if year == 2026 {
                        "Permendes PDT 16/2025 Lampiran Bab II huruf J"
                    } else {
                        "Surat Edaran Kemendes 4/PRI.00/I/2024"
                    };
                    assert_eq!(e.detail, instrument);
                    let id = e.message(Lang::Id);
                    assert!(
                        id.contains(instrument)
                            && id.contains("APBDes selain Dana Desa")
                            && id.contains("APBD kabupaten"),
                        "{id}"
                    );
                    assert!(e.message(Lang::En).contains("regency APBD"));
                } else {
                    let r = r.unwrap_or_else(|e| panic!("{c:?} {year}: {e}"));
                    let code = if year == 2027 {
                        "DANA_DESA_RULES_UNKNOWN_YEAR"
                    } else {
                        "DANA_DESA_SUBJECT_TO_PERBUP"
                    };
                    let note = r
                        .warnings
                        .iter()
                        .find(|n| n.code == code)
                        .unwrap_or_else(|| panic!("{c:?} {year}: {code}"));
                    assert!(note.needs_verification);
                    assert!(r.funders.iter().any(|f| f.funder == Funder::DanaDesa));
                }
            }
        }
    }
}

#[test]
fn a_period_crossing_into_a_forbidden_year_is_refused() {
    let mut g = dana_desa_group(Category::PerangkatDesa);
    g.funder = Some(Funder::DanaDesa);
    // July 2025 – June 2026: 2025 is "subject to Perbup", 2026 forbids it.
    let e = estimate(&req("2025-07", 12, vec![unit("x", vec![g.clone()])])).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::FunderNotAllowed, "units[0].groups[0].funder")
    );
    assert!(estimate(&req("2025-01", 12, vec![unit("x", vec![g])])).is_ok());
}

#[test]
fn the_lawful_alternative_computes_the_same_cost() {
    let mut g = dana_desa_group(Category::PerangkatDesa);
    g.funder = Some(Funder::Apbdes);
    let r = estimate(&req("2026-01", 12, vec![unit("x", vec![g])])).unwrap();
    assert_eq!(r.total.total, rp(3 * 10_800 * 12));
    assert!(!r.warnings.iter().any(|n| n.code.starts_with("DANA_DESA")));
}

#[test]
fn coverage_refuses_a_forbidden_funder_at_its_field() {
    let g = dana_desa_group(Category::KepalaDesa);
    let cov = |funder: Option<Funder>, group_funder: Option<Funder>| {
        coverage(&CoverageRequest {
            budget: rp(10_000_000),
            first_month: month("2026-01"),
            months: 12,
            group: Group {
                funder: group_funder,
                ..g.clone()
            },
            funder,
            unit_kind: None,
        })
    };
    let e = cov(Some(Funder::DanaDesa), None).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::FunderNotAllowed, "funder")
    );
    let e = cov(None, Some(Funder::DanaDesa)).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::FunderNotAllowed, "group.funder")
    );
    assert_eq!(
        cov(Some(Funder::Apbdes), Some(Funder::DanaDesa))
            .unwrap()
            .people,
        77,
        "10 jt ÷ (10.800 × 12)"
    );
}

// ── Months since July 2015 (RULES.md Part 0 "Months covered") ─────────────────────────────────────────────

#[test]
fn apbd_p_2022_for_pekerja_rentan_computes() {
    // Paser's APBD-P 2022: October–December 2022, 32.268 pekerja rentan at Rp16.800.
    let mut u = unit("Paser", vec![group(Category::PekerjaRentan, 32_268)]);
    u.kind = UnitKind::Opd;
    let r = estimate(&req("2022-10", 3, vec![u])).unwrap();
    assert_eq!(r.total.total, rp(32_268 * 16_800 * 3));
    let r = estimate(&req(
        "2015-07",
        1,
        vec![unit("x", vec![group(Category::PekerjaRentan, 1)])],
    ))
    .unwrap();
    assert_eq!(r.total.total, rp(16_800));
}

#[test]
fn jp_needs_a_known_cap() {
    let mut g = group(Category::NonAsn, 1);
    g.wage = Some(rp(12_000_000));
    g.jp = Some(true);
    let mut u = unit("Dinas", vec![g.clone()]);
    u.kind = UnitKind::Opd;
    // February 2021 has no cap in RULES.md: refused, naming the month; March 2021 uses Rp8.754.600 [L].
    let e = estimate(&req("2021-01", 3, vec![u.clone()])).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str(), e.detail.as_str()),
        (ErrorCode::JpCapUnknown, "units[0].groups[0].jp", "2021-01")
    );
    assert!(e.message(Lang::Id).contains("Maret 2021"));
    let r = estimate(&req("2021-03", 1, vec![u.clone()])).unwrap();
    let jp = r.units[0].groups[0].per_person[0]
        .per_person_month
        .line(Programme::Jp)
        .unwrap();
    assert_eq!(
        (jp.employer, jp.worker),
        (rp(175_092), rp(87_546)),
        "2% and 1% of 8.754.600"
    );
    assert!(jp.needs_verification, "the 2021 cap is [L]");
    // With JP off the same months compute.
    u.groups[0].jp = Some(false);
    assert!(estimate(&req("2021-01", 3, vec![u])).is_ok());
}

#[test]
fn jp_cap_rows() {
    // (month, cap) for every row of RULES.md Part 1 §2 "JP wage cap".
    let rows = [
        ("2021-03", 8_754_600u64),
        ("2022-02", 8_754_600),
        ("2022-03", 9_077_600),
        ("2023-02", 9_077_600),
        ("2023-03", 9_559_600),
        ("2024-03", 10_042_300),
        ("2025-03", 10_547_400),
        ("2026-03", 11_086_300),
    ];
    for (m, cap) in rows {
        let mut g = group(Category::NonAsn, 1);
        g.wage = Some(rp(50_000_000));
        g.jp = Some(true);
        g.jht = Some(false);
        let mut u = unit("Dinas", vec![g]);
        u.kind = UnitKind::Opd;
        let r = estimate(&req(m, 1, vec![u])).unwrap();
        let jp = r.units[0].groups[0].per_person[0]
            .per_person_month
            .line(Programme::Jp)
            .unwrap()
            .total;
        assert_eq!(
            jp,
            Rupiah::round(rp(cap).decimal() * rust_decimal_macros::dec!(0.03)),
            "{m}"
        );
    }
}

// ── Rounding per share (RULES.md Part 0) ──────────────────────────────────────────────────────────────────

#[test]
fn jht_rounds_each_share() {
    // JHT on Rp1.000.009: employer 3,7% = 37.000,333 → 37.000; worker 2% = 20.000,18 → 20.000; sum 57.000
    // (rounding the 5,7% total would give 57.001).
    let mut g = group(Category::NonAsn, 1);
    g.wage = Some(rp(1_000_009));
    g.jht = Some(true);
    let mut u = unit("Dinas", vec![g]);
    u.kind = UnitKind::Opd;
    let r = estimate(&req("2026-01", 1, vec![u])).unwrap();
    let jht = r.units[0].groups[0].per_person[0]
        .per_person_month
        .line(Programme::Jht)
        .unwrap()
        .clone();
    assert_eq!(
        (jht.employer, jht.worker, jht.total),
        (rp(37_000), rp(20_000), rp(57_000))
    );
}

// ── APBDes budget lines (RULES.md Part 2 §3.5, §8) ────────────────────────────────────────────────────────

#[test]
fn budget_lines_national_configured_and_refused() {
    let line =
        |activity: Option<&str>, account: Option<&str>, name: Option<&str>| BudgetLineInput {
            activity: activity.map(String::from),
            account: account.map(String::from),
            name: name.map(String::from),
        };
    let mut rentan = group(Category::PekerjaRentan, 10);
    rentan.budget_line = Some(line(
        Some("2.4.08"),
        Some("5.1.3.91"),
        Some("Iuran BPJS TK Pekerja Rentan Desa"),
    ));
    let bpd = group(Category::Bpd, 5);
    let mut kades = dana_desa_group(Category::KepalaDesa);
    kades.budget_line = Some(line(None, None, Some("Jamsostek Kepala Desa")));
    let mut u = unit("Sukamaju", vec![rentan, bpd, kades]);
    u.funder = Some(Funder::Apbdes);
    let r = estimate(&req("2026-01", 12, vec![u.clone()])).unwrap();
    let g = &r.units[0].groups;
    let codes = |i: usize| {
        g[i].budget_line
            .as_ref()
            .map(|l| (l.activity.as_str(), l.account.as_str(), l.name_id.as_str()))
    };
    assert_eq!(
        codes(0),
        Some(("2.4.08", "5.1.3.91", "Iuran BPJS TK Pekerja Rentan Desa")),
        "the regency's code"
    );
    assert_eq!(
        codes(1),
        Some(("", "", "Jaminan Ketenagakerjaan Anggota BPD")),
        "BPD: no national code, never 5.1.4"
    );
    assert_eq!(
        codes(2),
        Some(("1.1.03", "5.1.3.03", "Jamsostek Kepala Desa")),
        "national codes kept, name overridden"
    );
    assert_eq!(r.units[0].budget_lines.len(), 3);
    assert_eq!(r.units[0].budget_lines[0].total.total, rp(10 * 16_800 * 12));
    // Paid by the APBD: not an APBDes line.
    u.funder = Some(Funder::Apbd);
    assert!(estimate(&req("2026-01", 12, vec![u.clone()]))
        .unwrap()
        .units[0]
        .groups
        .iter()
        .all(|g| g.budget_line.is_none()));
    // Bad lines: empty, overlong, markup, letters in a code. Each names its field.
    let long = "x".repeat(101);
    for (bad, field) in [
        (line(Some(""), None, None), "activity"),
        (line(None, Some("5.1.3.04<script>"), None), "account"),
        (line(None, Some("5..1"), None), "account"),
        (line(None, Some("A.1"), None), "account"),
        (line(None, None, Some("")), "name"),
        (line(None, None, Some("  ")), "name"),
        (line(None, None, Some(&long)), "name"),
        (line(None, None, Some("<b>Iuran</b>")), "name"),
    ] {
        let mut u2 = u.clone();
        u2.groups[1].budget_line = Some(bad);
        let e = estimate(&req("2026-01", 12, vec![u2])).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidBudgetLine);
        assert_eq!(e.path, format!("units[0].groups[1].budgetLine.{field}"));
        assert!(e.message(Lang::Id).contains("kode hanya angka dan titik"));
    }
}

#[test]
fn result_size_is_capped_by_detail() {
    // ~4 KB of wasm memory per group in a "full" result: more than 10 000 groups would pass 64 MiB.
    let units: Vec<Unit> = (0..2_001)
        .map(|i| {
            unit(
                &format!("Desa {i}"),
                vec![group(Category::PekerjaRentan, 1); 5],
            )
        })
        .collect();
    let e = estimate(&EstimateRequest {
        detail: Detail::Full,
        ..req("2026-01", 12, units.clone())
    })
    .unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::TooManyItems, "detail")
    );
    assert!(e.detail.starts_with("10000 (detail \"full\")"));
    let r = estimate(&EstimateRequest {
        detail: Detail::Totals,
        ..req("2026-01", 12, units)
    })
    .unwrap();
    assert_eq!(r.people, 10_005);
    let many: Vec<Unit> = (0..10_001)
        .map(|i| {
            unit(
                &format!("Desa {i}"),
                vec![group(Category::PekerjaRentan, 1)],
            )
        })
        .collect();
    let e = estimate(&EstimateRequest {
        detail: Detail::Units,
        ..req("2026-01", 12, many)
    })
    .unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::TooManyItems, "detail")
    );
}
