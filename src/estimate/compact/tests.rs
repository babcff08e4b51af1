use super::*;
use crate::category::{Category, Funder};
use crate::estimate::{estimate, EstimateRequest, Unit};

fn group(category: Category, funder: Option<Funder>) -> Group {
    Group {
        label: None,
        category,
        work_kind: None,
        people: 0,
        scheme: None,
        base: None,
        income: None,
        wage: (category == Category::PerangkatDesa).then(|| Rupiah::from_whole(2_000_000)),
        risk_group: None,
        jht: None,
        jp: None,
        funder,
        budget_line: None,
    }
}

fn req(units: &str, detail: Detail) -> CompactRequest {
    CompactRequest {
        first_month: Month::ym(2026, 1),
        months: 12,
        groups: vec![
            group(Category::PekerjaRentan, Some(Funder::Apbd)),
            group(Category::PerangkatDesa, None),
        ],
        units: String::from(units),
        detail,
    }
}

#[test]
fn compact_equals_the_object_request() {
    let text = "Wanci;desa;850000000;100;5\r\nMandati I;kelurahan;;40;\n\nOPD Naker;opd;;7\n";
    let c = estimate_compact(&req(text, Detail::Units)).unwrap();
    let unit = |name: &str, kind, dd: Option<u64>, rentan: u64, perangkat: u64| {
        let mut gs = vec![Group {
            people: rentan,
            ..group(Category::PekerjaRentan, Some(Funder::Apbd))
        }];
        if perangkat > 0 {
            gs.push(Group {
                people: perangkat,
                ..group(Category::PerangkatDesa, None)
            });
        }
        Unit {
            name: name.into(),
            kind,
            funder: None,
            dana_desa: dd.map(Rupiah::from_whole),
            groups: gs,
        }
    };
    let o = estimate(&EstimateRequest {
        first_month: Month::ym(2026, 1),
        months: 12,
        units: vec![
            unit("Wanci", UnitKind::Desa, Some(850_000_000), 100, 5),
            unit("Mandati I", UnitKind::Kelurahan, None, 40, 0),
            unit("OPD Naker", UnitKind::Opd, None, 7, 0),
        ],
        detail: Detail::Units,
    })
    .unwrap();
    assert_eq!(c.total, o.total);
    assert_eq!(c.people, 152);
    assert_eq!(
        c.total.total,
        Rupiah::from_whole((147 * 16_800 + 5 * 10_800) * 12)
    );
    assert_eq!(
        c.units, o.units,
        "units, their budget lines and Dana Desa share alike"
    );
    assert_eq!(c.categories, o.categories);
    assert_eq!(c.funders, o.funders);
    assert_eq!(c.warnings, o.warnings);
    let t = estimate_compact(&req(text, Detail::Totals)).unwrap();
    assert!(t.units.is_empty());
    assert_eq!(t.total, o.total);
}

#[test]
fn compact_refusals_name_the_line_and_field() {
    let bad = |text: &str| estimate_compact(&req(text, Detail::Totals)).unwrap_err();
    let e = bad("A;desa;;1;2\nB;kota;;1");
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::UnknownValue, "units[1].kind")
    );
    let e = bad("A;desa;;1;x");
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidInput, "units[0].people[1]")
    );
    let e = bad("A;desa;;1;2;3");
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::TooManyItems, "units[0].people")
    );
    let e = bad("A;kelurahan;5000;1");
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::NoDanaDesaForKelurahan, "units[0].danaDesa")
    );
    let e = bad("A;desa;12,5;1");
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidAmount, "units[0].danaDesa")
    );
    assert_eq!(bad("\n\n").code, ErrorCode::EmptyRequest);
    let e = estimate_compact(&CompactRequest {
        detail: Detail::Full,
        ..req("A;desa;;1", Detail::Full)
    })
    .unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidInput, "detail")
    );
    // Dana Desa for perangkat desa in 2026: refused at the kind of group that carries the funder.
    let mut r = req("A;desa;;0;3", Detail::Totals);
    r.groups[1].funder = Some(Funder::DanaDesa);
    let e = estimate_compact(&r).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::FunderNotAllowed, "groups[1].funder")
    );
    let many = "A;desa;;1\n".repeat(MAX_UNITS + 1);
    assert_eq!(bad(&many).code, ErrorCode::TooManyItems);
}
