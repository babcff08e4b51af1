use super::*;

const ALWAYS: &[ParamId] = &[
    ParamId::BpuJkkRate,
    ParamId::BpuJkm,
    ParamId::BpuJhtRate,
    ParamId::BpuDefaultBase,
    ParamId::PuJkkRateGroup1,
    ParamId::PuJkkRateGroup5,
    ParamId::PuJkmRate,
    ParamId::PuJhtEmployerRate,
    ParamId::PuJhtWorkerRate,
    ParamId::PuJpEmployerRate,
    ParamId::PuJpWorkerRate,
    ParamId::JkmLumpSum,
    ParamId::JkkDeathMultiplier,
    ParamId::BpuRegistrationAgeLimit,
];

fn months() -> impl Iterator<Item = Month> {
    (0..)
        .map_while(|i| TABLE_START.plus(i))
        .take_while(|m| *m <= TABLE_END)
}

#[test]
fn every_always_figure_holds_exactly_once_in_every_month() {
    for m in months() {
        for id in ALWAYS {
            let n = params::PARAMS
                .iter()
                .filter(|p| p.id == *id && p.holds_in(m))
                .count();
            assert_eq!(n, 1, "{id:?} in {}", m.to_iso());
        }
    }
}

#[test]
fn no_figure_overlaps_itself() {
    for m in months() {
        for p in params::PARAMS {
            let n = params::PARAMS
                .iter()
                .filter(|q| q.id == p.id && q.holds_in(m))
                .count();
            assert!(n <= 1, "{:?} twice in {}", p.id, m.to_iso());
        }
    }
}

#[test]
fn every_row_has_a_source_and_sane_dates() {
    for p in params::PARAMS {
        assert!(p.source.len() > 10, "{:?}", p.id);
        assert!(p.from >= Month::ym(2015, 1));
        if let Some(u) = p.until {
            assert!(u >= p.from, "{:?}", p.id);
        }
    }
}

#[test]
fn jp_cap_changes_each_march() {
    let cap = |y, mo| {
        find(ParamId::JpWageCap, Month::ym(y, mo))
            .and_then(Param::amount)
            .map(Rupiah::to_digits)
    };
    assert_eq!(cap(2026, 2).as_deref(), Ok("10547400"));
    assert_eq!(cap(2026, 3).as_deref(), Ok("11086300"));
    assert_eq!(cap(2024, 2).as_deref(), Ok("9559600"));
    assert_eq!(cap(2024, 3).as_deref(), Ok("10042300"));
    let p = find(ParamId::JpWageCap, Month::ym(2027, 3)).ok();
    assert!(p.is_some_and(|p| p.stale_in(Month::ym(2027, 3))));
    assert!(
        !find(ParamId::JpWageCap, Month::ym(2027, 2)).is_ok_and(|p| p.stale_in(Month::ym(2027, 2)))
    );
}

#[test]
fn months_outside_the_table_are_refused() {
    assert_eq!(
        find(ParamId::BpuJkm, Month::ym(2015, 6))
            .map(|_| ())
            .map_err(|e| e.code),
        Err(ErrorCode::MonthOutsideRules)
    );
    assert!(
        find(ParamId::BpuJkm, Month::ym(2015, 7)).is_ok(),
        "RULES.md Part 0: every month since July 2015"
    );
    assert_eq!(
        find(ParamId::BpuJkm, Month::ym(2031, 1))
            .map(|_| ())
            .map_err(|e| e.code),
        Err(ErrorCode::MonthOutsideRules)
    );
    assert!(in_force(Month::ym(2015, 6)).is_err());
    assert!(in_force(Month::ym(2015, 7)).is_ok());
}

#[test]
fn relief_windows() {
    assert!(find_optional(ParamId::Pp50ReliefTransport, Month::ym(2025, 12)).is_none());
    assert!(find_optional(ParamId::Pp50ReliefTransport, Month::ym(2026, 1)).is_some());
    assert!(find_optional(ParamId::Pp50ReliefTransport, Month::ym(2027, 3)).is_some());
    assert!(find_optional(ParamId::Pp50ReliefTransport, Month::ym(2027, 4)).is_none());
    assert!(find_optional(ParamId::Pp50ReliefOther, Month::ym(2026, 3)).is_none());
    assert!(find_optional(ParamId::Pp50ReliefOther, Month::ym(2026, 4)).is_some());
    assert!(find_optional(ParamId::Pp50ReliefOther, Month::ym(2026, 12)).is_some());
    assert!(find_optional(ParamId::Pp50ReliefOther, Month::ym(2027, 1)).is_none());
}

#[test]
fn bands_are_the_33_of_lampiran_ii() {
    assert_eq!(BPU_BANDS.len(), 33);
    for w in BPU_BANDS.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        assert!(a.lower < b.lower && a.base < b.base);
        assert!(
            a.lower <= a.base && a.base < b.lower,
            "base inside its band"
        );
    }
    let base = |n| band_for_income(Rupiah::from_whole(n)).base.to_digits();
    assert_eq!(base(0), "1000000");
    assert_eq!(base(1_099_000), "1000000");
    assert_eq!(base(1_099_500), "1000000"); // the gap falls in the lower band (Part 0)
    assert_eq!(base(1_100_000), "1200000");
    assert_eq!(base(3_000_000), "2950000");
    assert_eq!(base(8_199_999), "7950000");
    assert_eq!(base(20_199_000), "19700000");
    assert_eq!(base(20_200_000), "20700000");
    assert_eq!(base(900_000_000), "20700000");
    assert!(band_for_base(Rupiah::from_whole(2_950_000)).is_some());
    assert!(band_for_base(Rupiah::from_whole(3_000_000)).is_none());
    assert!(
        BPU_BANDS[0].confidence == Confidence::High && BPU_BANDS[32].confidence == Confidence::High
    );
    assert!(BPU_BANDS[1..32]
        .iter()
        .all(|b| b.confidence.needs_verification()));
}

#[test]
fn dasar_hukum_panel_lists_what_is_in_force() {
    let v = in_force(Month::ym(2026, 6)).unwrap();
    assert!(v.iter().any(|p| p.id == ParamId::Pp50ReliefOther));
    assert!(v
        .iter()
        .any(|p| p.id == ParamId::JpWageCap && p.value == "11086300"));
    assert!(v
        .iter()
        .any(|p| p.id == ParamId::PuJkkRateGroup1 && p.value == "0.24" && p.kind == "rate"));
    assert!(v.iter().any(|p| p.id == ParamId::BpuRegistrationAgeLimit
        && p.value == "65"
        && p.confidence == Confidence::Medium));
    let v = in_force(Month::ym(2026, 2)).unwrap();
    assert!(!v.iter().any(|p| p.id == ParamId::Pp50ReliefOther));
    assert_eq!(param_key(ParamId::PuJkkRateGroup1), "pu_jkk_rate_group1");
    for id in rows().iter().map(|p| p.id).chain([ParamId::BpuIncomeBands]) {
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(
            json.trim_matches('"'),
            id.key(),
            "serde and ParamId::key agree"
        );
    }
    for p in rows() {
        let json = serde_json::to_string(&p.id).unwrap();
        assert_eq!(
            json.trim_matches('"'),
            param_key(p.id),
            "serde and param_key agree"
        );
    }
    assert_eq!(param_key(ParamId::JpWageCap), "jp_wage_cap");
}
