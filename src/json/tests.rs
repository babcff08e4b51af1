use super::*;
use crate::benefits::{benefits, BenefitsRequest};
use crate::eligibility::{eligibility, EligibilityRequest};
use crate::error::ErrorCode;
use crate::estimate::{coverage, estimate, CoverageRequest, EstimateRequest};

fn err<T: DeserializeOwned + core::fmt::Debug>(json: &str) -> Error {
    from_str::<T>(json).unwrap_err()
}

/// Our writer and serde_json agree on every result shape (field order, null, escapes, numbers).
fn same_as_serde_json<T: Serialize>(v: &T) {
    let ours = to_string(v).unwrap();
    let theirs = serde_json::to_string(v).unwrap();
    assert_eq!(ours, theirs);
}

#[test]
fn writes_what_serde_json_writes() {
    let req: EstimateRequest = from_str(r#"{"firstMonth":"2026-01","months":14,"units":[{"name":"Wanci \"A\"\\\n\t\u0001é😀","danaDesa":"1.000.000.000","groups":[{"category":"pekerja_rentan","people":100,"workKind":"transportasi"},{"category":"kepala_desa","people":1,"wage":"Rp 4.000.000","jp":true,"label":"Kades"}]},{"name":"OPD","kind":"opd","groups":[{"category":"non_asn","people":30,"wage":"2500000","riskGroup":3}]}]}"#).unwrap();
    same_as_serde_json(&estimate(&req).unwrap());
    let c: CoverageRequest = from_str(r#"{"budget":"20.160.000","firstMonth":"2026-01","months":12,"group":{"category":"pekerja_rentan"},"funder":"apbd"}"#).unwrap();
    same_as_serde_json(&coverage(&c).unwrap());
    let b: BenefitsRequest = from_str(r#"{"scheme":"bpu","membershipMonths":48,"children":[{"level":"smp","yearsLeft":2},{"level":"belum_sekolah"}]}"#).unwrap();
    same_as_serde_json(&benefits(&b).unwrap());
    let e: EligibilityRequest = from_str(r#"{"age":30,"work":"village_institution","category":"rt_rw","regency":{"minAge":15,"fundedCategories":["rt_rw"],"puInstitutions":[]}}"#).unwrap();
    same_as_serde_json(&eligibility(&e).unwrap());
    same_as_serde_json(&crate::rules::in_force(crate::Month::ym(2026, 6)).unwrap());
    same_as_serde_json(&(-5i64, u64::MAX, 'x', "\u{7f}\u{2028}"));
}

#[test]
fn reads_what_serde_json_reads() {
    for json in [
        r#" { "firstMonth" : "2026-01" , "months" : 12 , "units" : [ { "name" : "x\u0041\ud83d\ude00\/" , "groups" : [ { "category" : "pekerja_rentan" , "people" : 0 } ] } ] , "extra" : [ { "a" : [ 1 , -2.5e3 , true , null , "}" ] } , { } , [ ] ] } "#,
        r#"{"firstMonth":"2026-01","months":1,"units":[{"name":"","groups":[{"category":"bpd","scheme":"pu","wage":"1","jht":false,"jp":null,"base":null}]}],"detail":"totals"}"#,
    ] {
        let ours: EstimateRequest = from_str(json).unwrap();
        let theirs: EstimateRequest = serde_json::from_str(json).unwrap();
        assert_eq!(ours, theirs);
    }
    let u: EstimateRequest = from_str(
        r#"{"firstMonth":"2026-01","months":1,"units":[{"name":"a\ud800b","groups":[]}]}"#,
    )
    .unwrap();
    assert_eq!(u.units[0].name, "a\u{FFFD}b", "lone surrogate");
}

#[test]
fn errors_carry_code_and_path() {
    let base = |group: &str| {
        format!(
            r#"{{"firstMonth":"2026-01","months":12,"units":[{{"name":"x","groups":[{{"category":"pekerja_rentan","people":1}},{group}]}}]}}"#
        )
    };
    let cases = [
        (
            base(r#"{"category":"dukun","people":1}"#),
            ErrorCode::UnknownValue,
            "units[0].groups[1].category",
        ),
        (
            base(r#"{"category":"pekerja_rentan","people":-1}"#),
            ErrorCode::InvalidInput,
            "units[0].groups[1].people",
        ),
        (
            base(r#"{"category":"pekerja_rentan","people":1.5}"#),
            ErrorCode::InvalidInput,
            "units[0].groups[1].people",
        ),
        (
            base(r#"{"category":"pekerja_rentan","people":1e3}"#),
            ErrorCode::InvalidInput,
            "units[0].groups[1].people",
        ),
        (
            base(r#"{"category":"pekerja_rentan","people":18446744073709551616}"#),
            ErrorCode::InvalidInput,
            "units[0].groups[1].people",
        ),
        (
            base(r#"{"category":"pekerja_rentan","people":"1"}"#),
            ErrorCode::InvalidInput,
            "units[0].groups[1].people",
        ),
        (
            base(r#"{"category":"non_asn","people":1,"wage":"dua juta"}"#),
            ErrorCode::InvalidAmount,
            "units[0].groups[1].wage",
        ),
        (
            base(r#"{"category":"non_asn","people":1,"wage":"9999999999999999"}"#),
            ErrorCode::AmountOutOfRange,
            "units[0].groups[1].wage",
        ),
        (
            base(r#"{"category":"non_asn","people":1,"wage":2000000}"#),
            ErrorCode::InvalidInput,
            "units[0].groups[1].wage",
        ),
        (
            base(r#"{"category":"non_asn","people":1,"riskGroup":256}"#),
            ErrorCode::InvalidInput,
            "units[0].groups[1].riskGroup",
        ),
        (
            base(r#"{"category":"non_asn","people":1,"jp":"yes"}"#),
            ErrorCode::InvalidInput,
            "units[0].groups[1].jp",
        ),
        (
            base(r#"{"people":1}"#),
            ErrorCode::InvalidInput,
            "units[0].groups[1]",
        ),
        (base(r#"[]"#), ErrorCode::InvalidInput, "units[0].groups[1]"),
        (
            r#"{"firstMonth":"Januari","months":12,"units":[]}"#.to_owned(),
            ErrorCode::InvalidMonth,
            "firstMonth",
        ),
        (
            r#"{"firstMonth":"2026-01","months":1e308,"units":[]}"#.to_owned(),
            ErrorCode::InvalidInput,
            "months",
        ),
        (
            r#"{"firstMonth":"2026-01","months":12,"units":[{"name":"x","groups":[]}],}"#
                .to_owned(),
            ErrorCode::InvalidInput,
            "",
        ),
        (
            r#"{"firstMonth":"2026-01","months":12,"units":[]} x"#.to_owned(),
            ErrorCode::InvalidInput,
            "",
        ),
        (
            r#"{"firstMonth":"2026-01","months":12,"units":[{"name":"x\u12"}]}"#.to_owned(),
            ErrorCode::InvalidInput,
            "units[0].name",
        ),
        (
            r#"{"firstMonth":"2026-01","months":12,"units":[{"name":"x"#.to_owned(),
            ErrorCode::InvalidInput,
            "units[0].name",
        ),
        ("[1,2,3]".to_owned(), ErrorCode::InvalidInput, ""),
        ("null".to_owned(), ErrorCode::InvalidInput, ""),
        ("".to_owned(), ErrorCode::InvalidInput, ""),
        ("\"string\"".to_owned(), ErrorCode::InvalidInput, ""),
    ];
    for (json, code, path) in cases {
        let e = err::<EstimateRequest>(&json);
        assert_eq!((e.code, e.path.as_str()), (code, path), "{json}: {e}");
    }
    let e = err::<EstimateRequest>(&base(r#"{"category":"dukun","people":1}"#));
    assert!(
        e.detail
            .starts_with("unknown variant `dukun`, expected one of `pekerja_rentan`"),
        "{}",
        e.detail
    );
    assert!(e.detail.chars().count() <= 160);
    let e = err::<EstimateRequest>(&base(r#"{"people":1}"#));
    assert_eq!(e.detail, "missing field `category`");
    let e =
        err::<BenefitsRequest>(r#"{"scheme":"bpu","children":[{"level":"smp"},{"level":"sd"}]}"#);
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::UnknownValue, "children[1].level")
    );
    let e = err::<EligibilityRequest>(
        r#"{"age":30,"work":"informal","regency":{"fundedCategories":["kader",7]}}"#,
    );
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidInput, "regency.fundedCategories[1]")
    );
}

#[test]
fn hostile_input_is_refused_cleanly() {
    // Deep nesting in an ignored field is skipped without recursion; as a value it is refused at once.
    let deep = format!(
        r#"{{"x":{}{},"firstMonth":"2026-01","months":1,"units":[]}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let r: EstimateRequest = from_str(&deep).unwrap();
    assert!(r.units.is_empty());
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    assert_eq!(err::<EstimateRequest>(&deep).code, ErrorCode::InvalidInput);
    // deserialize_any is depth-limited.
    let any = "[".repeat(1000) + &"]".repeat(1000);
    assert!(from_str::<serde::de::IgnoredAny>(&any).is_ok());
    assert_eq!(
        from_str::<serde_json::Value>(&any).unwrap_err().detail,
        "nested too deeply"
    );
    let ok = "[".repeat(100) + "1,-2,\"s\",{\"k\":null}" + &"]".repeat(100);
    assert_eq!(
        from_str::<serde_json::Value>(&ok).unwrap(),
        serde_json::from_str::<serde_json::Value>(&ok).unwrap()
    );
    // Truncated input anywhere never panics.
    let full = r#"{"firstMonth":"2026-01","months":12,"units":[{"name":"x\"y\u00e9","groups":[{"category":"pekerja_rentan","people":1,"z":[{"a":-1.5e-3},true,false,null]}]}]}"#;
    for i in 0..full.len() {
        if let Some(prefix) = full.get(..i) {
            assert!(from_str::<EstimateRequest>(prefix).is_err(), "{prefix}");
        }
    }
    assert!(from_str::<EstimateRequest>(full).is_ok());
    // Invalid UTF-8 cannot reach us from &str; control characters inside strings are refused.
    assert_eq!(
        err::<EstimateRequest>("{\"firstMonth\":\"2026-\u{1}01\"}").path,
        "firstMonth"
    );
}

#[test]
fn param_keys_match_serde() {
    for p in crate::rules::rows() {
        assert_eq!(
            to_string(&p.id).unwrap(),
            serde_json::to_string(&p.id).unwrap()
        );
    }
}
