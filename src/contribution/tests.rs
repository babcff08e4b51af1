//! The worked cases of RULES.md Part 1 §6.
use super::*;

fn rp(n: u64) -> Rupiah {
    Rupiah::from_whole(n)
}
fn m(y: u16, mo: u8) -> Month {
    Month::new(y, mo).unwrap()
}
fn bpu(base: u64, sector: Sector, jht: bool, funder: Funder) -> Coverage {
    Coverage {
        participant: Participant::Bpu {
            base: rp(base),
            sector,
        },
        jht,
        jp: false,
        funder,
    }
}
fn pu(wage: u64, jht: bool, jp: bool) -> Coverage {
    Coverage {
        participant: Participant::Pu {
            wage: rp(wage),
            risk_group: RiskGroup::new(1).unwrap(),
        },
        jht,
        jp,
        funder: Funder::Apbd,
    }
}
fn total(c: &Coverage, month: Month) -> u64 {
    person_month_in(c, month)
        .unwrap()
        .total
        .total
        .to_digits()
        .parse()
        .unwrap()
}

#[test]
fn rentan_apbd_is_16800_every_month_of_2026() {
    let c = bpu(1_000_000, Sector::Other, false, Funder::Apbd);
    for mo in 1..=12 {
        let pm = person_month_in(&c, m(2026, mo)).unwrap();
        assert_eq!(pm.total.total, rp(16_800), "month {mo}");
        assert_eq!(pm.total.employer, rp(16_800));
        assert_eq!(pm.total.worker, Rupiah::ZERO);
        assert_eq!(pm.line(Programme::Jkk).unwrap().total, rp(10_000));
        assert_eq!(pm.line(Programme::Jkm).unwrap().total, rp(6_800));
        assert!(pm.lines.iter().all(|l| !l.relief));
    }
}

#[test]
fn self_paid_non_transport_relief_from_april_2026() {
    let c = bpu(1_000_000, Sector::Other, false, Funder::SelfPaid);
    assert_eq!(total(&c, m(2026, 1)), 16_800); // relief starts Apr 2026
    assert_eq!(total(&c, m(2026, 3)), 16_800);
    let june = person_month_in(&c, m(2026, 6)).unwrap();
    assert_eq!(june.line(Programme::Jkk).unwrap().total, rp(5_000));
    assert_eq!(june.line(Programme::Jkm).unwrap().total, rp(3_400));
    assert_eq!(june.total.total, rp(8_400));
    assert_eq!(june.total.worker, rp(8_400));
    assert!(june.line(Programme::Jkk).unwrap().relief);
    assert!(june
        .line(Programme::Jkk)
        .unwrap()
        .rules
        .contains(&ParamId::Pp50ReliefOther));
    let with_jht = bpu(1_000_000, Sector::Other, true, Funder::SelfPaid);
    assert_eq!(total(&with_jht, m(2026, 6)), 28_400); // JHT 20.000 not reduced
    assert_eq!(total(&c, m(2027, 1)), 16_800); // window ends Dec 2026
}

#[test]
fn self_paid_transport_relief_jan_2026_to_mar_2027() {
    let c = bpu(1_000_000, Sector::Transport, false, Funder::SelfPaid);
    assert_eq!(total(&c, m(2025, 12)), 16_800);
    assert_eq!(total(&c, m(2026, 1)), 8_400);
    assert_eq!(total(&c, m(2027, 3)), 8_400);
    assert_eq!(total(&c, m(2027, 4)), 16_800);
}

#[test]
fn apbd_paid_bpu_gets_no_relief_in_june_2026() {
    for funder in [Funder::Apbd, Funder::Apbn, Funder::DanaDesa, Funder::Apbdes] {
        let c = bpu(1_000_000, Sector::Transport, false, funder);
        assert_eq!(total(&c, m(2026, 6)), 16_800, "{funder:?}");
    }
}

#[test]
fn top_band_three_programmes() {
    let c = bpu(20_700_000, Sector::Other, true, Funder::Apbd);
    let pm = person_month_in(&c, m(2026, 1)).unwrap();
    assert_eq!(pm.line(Programme::Jkk).unwrap().total, rp(207_000));
    assert_eq!(pm.line(Programme::Jht).unwrap().total, rp(414_000));
    assert_eq!(pm.total.total, rp(627_800));
    assert!(
        !pm.lines.iter().any(|l| l.needs_verification),
        "endpoint bands are [H]"
    );
}

#[test]
fn middle_band_is_flagged() {
    let c = bpu(2_950_000, Sector::Other, true, Funder::Apbd);
    let pm = person_month_in(&c, m(2026, 1)).unwrap();
    assert_eq!(pm.line(Programme::Jkk).unwrap().total, rp(29_500));
    assert_eq!(pm.line(Programme::Jht).unwrap().total, rp(59_000));
    assert!(pm.line(Programme::Jkk).unwrap().needs_verification);
    assert!(!pm.line(Programme::Jkm).unwrap().needs_verification);
}

#[test]
fn bpu_refuses_jp_and_unknown_bases() {
    let mut c = bpu(1_000_000, Sector::Other, false, Funder::Apbd);
    c.jp = true;
    assert_eq!(
        person_month_in(&c, m(2026, 1)).unwrap_err().code,
        ErrorCode::ProgrammeNotAvailable
    );
    let c = bpu(1_500_000, Sector::Other, false, Funder::Apbd);
    assert_eq!(
        person_month_in(&c, m(2026, 1)).unwrap_err().code,
        ErrorCode::InvalidBase
    );
}

#[test]
fn perangkat_desa_siltap_2jt() {
    let pm = person_month_in(&pu(2_000_000, false, false), m(2026, 1)).unwrap();
    assert_eq!(pm.line(Programme::Jkk).unwrap().total, rp(4_800));
    assert_eq!(pm.line(Programme::Jkm).unwrap().total, rp(6_000));
    assert_eq!(pm.total.total, rp(10_800));
    let all = person_month_in(&pu(2_000_000, true, true), m(2026, 1)).unwrap();
    assert_eq!(all.total.total, rp(184_800)); // 9,24 %
    assert_eq!(all.total.worker, rp(60_000));
    assert_eq!(all.total.employer, rp(124_800));
}

#[test]
fn siltap_1jt_two_and_three_programmes() {
    assert_eq!(total(&pu(1_000_000, false, false), m(2026, 1)), 5_400);
    assert_eq!(total(&pu(1_000_000, true, false), m(2026, 1)), 62_400);
}

#[test]
fn non_asn_above_the_jp_cap_across_march() {
    let c = pu(12_000_000, false, true);
    let feb = person_month_in(&c, m(2026, 2)).unwrap();
    let jp = feb.line(Programme::Jp).unwrap();
    assert_eq!((jp.employer, jp.worker), (rp(210_948), rp(105_474))); // cap 10.547.400
    let mar = person_month_in(&c, m(2026, 3)).unwrap();
    let jp = mar.line(Programme::Jp).unwrap();
    assert_eq!((jp.employer, jp.worker), (rp(221_726), rp(110_863))); // cap 11.086.300
    assert!(jp.rules.contains(&ParamId::JpWageCap));
    // Below the cap the wage itself is the base.
    let low = person_month_in(&pu(5_000_000, false, true), m(2026, 3)).unwrap();
    assert_eq!(low.line(Programme::Jp).unwrap().total, rp(150_000));
}

#[test]
fn pu_rounds_each_share_half_away_from_zero() {
    // 1.234.567 × 0,24 % = 2.962,9608 → 2.963; × 0,30 % = 3.703,701 → 3.704
    let pm = person_month_in(&pu(1_234_567, false, false), m(2026, 1)).unwrap();
    assert_eq!(pm.line(Programme::Jkk).unwrap().total, rp(2_963));
    assert_eq!(pm.line(Programme::Jkm).unwrap().total, rp(3_704));
    // 1.250 × 0,24 % = 3 exactly; 1.875 × 0,24 % = 4,5 → 5
    assert_eq!(
        person_month_in(&pu(1_875, false, false), m(2026, 1))
            .unwrap()
            .line(Programme::Jkk)
            .unwrap()
            .total,
        rp(5)
    );
}

#[test]
fn risk_groups() {
    let mut c = pu(2_000_000, false, false);
    let expect = [4_800u64, 10_800, 17_800, 25_400, 34_800];
    for (g, e) in (1..=5).zip(expect) {
        c.participant = Participant::Pu {
            wage: rp(2_000_000),
            risk_group: RiskGroup::new(g).unwrap(),
        };
        assert_eq!(
            person_month_in(&c, m(2026, 1))
                .unwrap()
                .line(Programme::Jkk)
                .unwrap()
                .total,
            rp(e)
        );
    }
    assert!(RiskGroup::new(0).is_none() && RiskGroup::new(6).is_none());
}

#[test]
fn self_paid_pu_is_refused() {
    let mut c = pu(2_000_000, false, false);
    c.funder = Funder::SelfPaid;
    assert_eq!(
        person_month_in(&c, m(2026, 1)).unwrap_err().code,
        ErrorCode::FunderNotAllowed
    );
}
