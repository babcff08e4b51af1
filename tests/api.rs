//! The real JS boundary, round-tripped under wasm-bindgen-test: plain JS objects in, plain objects out,
//! money as strings, errors as JS `Error`s with a stable `code`. Runs in Node (`wasm-pack test --node`)
//! and in headless Chromium (`WASM_BINDGEN_USE_BROWSER=1 wasm-pack test --headless --chrome`).
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

// The glue exports are reached through the crate's public wasm functions.
use kalkulator_jamsostek::wasm as api;

fn js(json: &str) -> JsValue {
    JSON::parse(json).expect("test JSON")
}

fn get(v: &JsValue, path: &str) -> JsValue {
    let mut cur = v.clone();
    for key in path.split('.') {
        cur = match key.parse::<u32>() {
            Ok(i) => Array::from(&cur).get(i),
            Err(_) => Reflect::get(&cur, &key.into()).expect("property"),
        };
    }
    cur
}

fn s(v: &JsValue, path: &str) -> String {
    get(v, path)
        .as_string()
        .unwrap_or_else(|| panic!("{path} is not a string: {:?}", get(v, path)))
}

fn code(e: &JsValue) -> String {
    s(e, "code")
}

#[wasm_bindgen_test]
fn estimate_round_trips_plain_objects_and_string_money() {
    let req = js(
        r#"{"firstMonth":"2026-01","months":12,"units":[{"name":"Wanci","funder":"apbd","groups":[{"category":"pekerja_rentan","people":100}]}]}"#,
    );
    let r = api::estimate(req, JsValue::UNDEFINED).expect("estimate");
    assert!(
        r.is_object() && !r.is_instance_of::<js_sys::Map>(),
        "plain object, not Map"
    );
    assert_eq!(s(&r, "total.total"), "20160000");
    assert_eq!(s(&r, "total.employer"), "20160000");
    assert_eq!(
        s(
            &r,
            "units.0.groups.0.perPerson.0.perPersonMonth.total.total"
        ),
        "16800"
    );
    assert_eq!(s(&r, "firstMonth"), "2026-01");
    assert_eq!(s(&r, "lastMonth"), "2026-12");
    assert_eq!(get(&r, "people").as_f64(), Some(100.0));
    assert!(
        get(&r, "units.0.danaDesa").is_null(),
        "None crosses as null"
    );
    assert_eq!(s(&r, "programmes.0.programme"), "jkk");
}

#[wasm_bindgen_test]
fn indonesian_amount_text_is_accepted() {
    let req = js(
        r#"{"firstMonth":"2026-01","months":1,"units":[{"name":"Desa","groups":[{"category":"perangkat_desa","people":1,"wage":"Rp 2.000.000"}]}]}"#,
    );
    let r = api::estimate(req, JsValue::from_str("id")).expect("estimate");
    assert_eq!(s(&r, "total.total"), "10800");
    assert_eq!(
        api::parse_amount("1.500.000".into(), JsValue::UNDEFINED).unwrap(),
        "1500000"
    );
}

#[wasm_bindgen_test]
fn errors_are_js_errors_with_code_path_and_language() {
    let req = js(
        r#"{"firstMonth":"2026-01","months":12,"units":[{"name":"x","groups":[{"category":"pekerja_rentan","people":400000000}]}]}"#,
    );
    let e = api::estimate(req.clone(), JsValue::from_str("en")).unwrap_err();
    assert!(e.is_instance_of::<js_sys::Error>());
    assert_eq!(code(&e), "PEOPLE_OUT_OF_RANGE");
    assert_eq!(s(&e, "path"), "units[0].groups[0].people");
    assert!(s(&e, "message").contains("not plausible"));
    let e = api::estimate(req, JsValue::UNDEFINED).unwrap_err();
    assert!(
        s(&e, "message").contains("tidak masuk akal"),
        "Bahasa Indonesia by default"
    );

    let cases = [
        (
            r#"{"firstMonth":"2026-01","months":12,"units":[{"name":"x","groups":[{"category":"dukun","people":1}]}]}"#,
            "UNKNOWN_VALUE",
            "units[0].groups[0].category",
        ),
        (
            r#"{"firstMonth":"2026-01","months":12,"units":[{"name":"x","groups":[{"category":"pekerja_rentan","people":-1}]}]}"#,
            "INVALID_INPUT",
            "units[0].groups[0].people",
        ),
        (
            r#"{"firstMonth":"2026-01","months":12,"units":[{"name":"x","groups":[{"category":"pekerja_rentan","people":1.5}]}]}"#,
            "INVALID_INPUT",
            "units[0].groups[0].people",
        ),
        (
            r#"{"firstMonth":"2026-01","months":12,"units":[{"name":"x","groups":[{"category":"non_asn","people":1,"wage":"dua juta"}]}]}"#,
            "INVALID_AMOUNT",
            "units[0].groups[0].wage",
        ),
        (
            r#"{"firstMonth":"2026-01","months":12,"units":[{"name":"x","groups":[{"category":"non_asn","people":1,"wage":2000000}]}]}"#,
            "INVALID_INPUT",
            "units[0].groups[0].wage",
        ),
        (
            r#"{"firstMonth":"Januari","months":12,"units":[]}"#,
            "INVALID_MONTH",
            "firstMonth",
        ),
        (
            r#"{"firstMonth":"2026-01","months":0,"units":[{"name":"x","groups":[{"category":"pekerja_rentan","people":1}]}]}"#,
            "MONTHS_OUT_OF_RANGE",
            "months",
        ),
        (
            r#"{"firstMonth":"2026-01","months":12,"units":[]}"#,
            "EMPTY_REQUEST",
            "units",
        ),
        (r#"[1,2,3]"#, "INVALID_INPUT", ""),
        (r#"null"#, "INVALID_INPUT", ""),
    ];
    for (json, want, path) in cases {
        let e = api::estimate(js(json), JsValue::UNDEFINED).unwrap_err();
        assert_eq!(code(&e), want, "{json}");
        assert_eq!(s(&e, "path"), path, "{json}");
    }
    let e = api::estimate(js("{}"), JsValue::from_str("fr")).unwrap_err();
    assert_eq!(code(&e), "UNKNOWN_VALUE");
    // Non-strings where strings belong are refused by Rust, not trusted by the glue.
    for bad in [
        js(r#"{"a":1}"#),
        js("[1,2]"),
        JsValue::from_f64(5.0),
        JsValue::TRUE,
    ] {
        assert_eq!(
            code(&api::estimate(js("{}"), bad.clone()).unwrap_err()),
            "UNKNOWN_VALUE"
        );
        assert_eq!(
            code(&api::terbilang(bad.clone(), JsValue::UNDEFINED).unwrap_err()),
            "INVALID_INPUT"
        );
        assert_eq!(
            code(&api::parse_amount(bad.clone(), JsValue::UNDEFINED).unwrap_err()),
            "INVALID_INPUT"
        );
        assert_eq!(
            code(&api::rules_in_force(bad, JsValue::UNDEFINED).unwrap_err()),
            "INVALID_INPUT"
        );
    }
}

#[wasm_bindgen_test]
fn coverage_benefits_eligibility_and_helpers() {
    let c = api::coverage(js(r#"{"budget":"20.160.000","firstMonth":"2026-01","months":12,"group":{"category":"pekerja_rentan"},"funder":"apbd"}"#), JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&c, "people").as_f64(), Some(100.0));
    assert_eq!(s(&c, "leftOver"), "0");

    let b = api::benefits(
        js(r#"{"scheme":"bpu","membershipMonths":48}"#),
        JsValue::UNDEFINED,
    )
    .unwrap();
    assert_eq!(s(&b, "jkm.total"), "42000000");

    let el = api::eligibility(
        js(r#"{"age":30,"work":"informal","workKind":"nelayan"}"#),
        JsValue::UNDEFINED,
    )
    .unwrap();
    assert_eq!(get(&el, "eligible").as_bool(), Some(true));
    assert_eq!(s(&el, "scheme"), "bpu");

    assert_eq!(
        api::terbilang("20160000".into(), JsValue::UNDEFINED).unwrap(),
        "dua puluh juta seratus enam puluh ribu rupiah"
    );
    assert_eq!(
        code(&api::terbilang("12,5".into(), JsValue::UNDEFINED).unwrap_err()),
        "INVALID_AMOUNT"
    );
    let bands = Array::from(&api::bpu_bands().unwrap());
    assert_eq!(bands.length(), 33);
    assert_eq!(s(&bands.get(0), "upper"), "1099999");
    let rules = Array::from(&api::rules_in_force("2026-06".into(), JsValue::UNDEFINED).unwrap());
    assert!(rules.length() > 20);
    assert_eq!(
        code(&api::rules_in_force("2015-06".into(), JsValue::UNDEFINED).unwrap_err()),
        "MONTH_OUTSIDE_RULES"
    );
    let info = api::info().unwrap();
    assert_eq!(s(&info, "tableStart"), "2015-07");
}

#[wasm_bindgen_test]
fn hostile_shapes_get_clean_errors_and_the_module_keeps_answering() {
    let deep = "[".repeat(5000) + &"]".repeat(5000);
    let proto = r#"{"__proto__":{"polluted":1},"constructor":{"prototype":{}},"firstMonth":"2026-01","months":12,"units":[{"name":"<img src=x onerror=alert(1)>","groups":[{"category":"pekerja_rentan","people":1}]}]}"#;
    let long = format!(
        r#"{{"firstMonth":"2026-01","months":12,"units":[{{"name":"{}","groups":[{{"category":"pekerja_rentan","people":1}}]}}]}}"#,
        "x".repeat(100_000)
    );
    for json in [
        deep.as_str(),
        r#"{"firstMonth":"2026-01","months":1e308,"units":[]}"#,
        long.as_str(),
        r#""string""#,
        "true",
    ] {
        if let Ok(v) = JSON::parse(json) {
            let e = api::estimate(v, JsValue::UNDEFINED).unwrap_err();
            assert!(!code(&e).is_empty(), "{}", &json[..json.len().min(40)]);
        }
    }
    // Not an error: names are data, returned as data.
    let r = api::estimate(js(proto), JsValue::UNDEFINED).unwrap();
    assert_eq!(s(&r, "units.0.name"), "<img src=x onerror=alert(1)>");
    assert!(Reflect::get(&Object::new(), &"polluted".into())
        .unwrap()
        .is_undefined());
    for v in [
        JsValue::from_f64(f64::NAN),
        JsValue::from_f64(f64::INFINITY),
        JsValue::UNDEFINED,
        JsValue::from_f64(-0.0),
    ] {
        assert!(!code(&api::estimate(v, JsValue::UNDEFINED).unwrap_err()).is_empty());
    }
    let r = api::estimate(js(r#"{"firstMonth":"2026-01","months":12,"units":[{"name":"x","groups":[{"category":"pekerja_rentan","people":1}]}]}"#), JsValue::UNDEFINED).unwrap();
    assert_eq!(s(&r, "total.total"), "201600");
}

#[wasm_bindgen_test]
fn dana_desa_by_year_crosses_the_boundary() {
    // Perangkat desa paid from Dana Desa in 2026: refused, at the group's funder, naming the instrument.
    let req = js(
        r#"{"firstMonth":"2026-01","months":12,"units":[{"name":"Lamanggau","groups":[{"category":"pekerja_rentan","people":10},{"category":"perangkat_desa","people":5,"wage":"2.000.000","funder":"dana_desa"}]}]}"#,
    );
    let e = api::estimate(req, JsValue::from_str("id")).unwrap_err();
    assert!(e.is_instance_of::<js_sys::Error>());
    assert_eq!(code(&e), "FUNDER_NOT_ALLOWED");
    assert_eq!(s(&e, "path"), "units[0].groups[1].funder");
    assert_eq!(
        s(&e, "detail"),
        "Permendes PDT 16/2025 Lampiran Bab II huruf J"
    );
    let msg = s(&e, "message");
    assert!(
        msg.contains("Permendes PDT 16/2025") && msg.contains("APBDes selain Dana Desa"),
        "{msg}"
    );
    // The unit's funder decides: the path says so. 2024 forbids it for pekerja rentan.
    let req = js(
        r#"{"firstMonth":"2024-01","months":12,"units":[{"name":"x","funder":"dana_desa","groups":[{"category":"pekerja_rentan","people":10}]}]}"#,
    );
    let e = api::estimate(req, JsValue::from_str("en")).unwrap_err();
    assert_eq!(
        (code(&e), s(&e, "path")),
        ("FUNDER_NOT_ALLOWED".into(), "units[0].funder".into())
    );
    assert!(s(&e, "message").contains("Surat Edaran Kemendes 4/PRI.00/I/2024"));

    let rule = |cat: &str, year: u32| {
        api::funding_rule(
            js(&format!(r#"{{"category":"{cat}","year":{year}}}"#)),
            JsValue::UNDEFINED,
        )
    };
    let r = rule("bpd", 2026).unwrap();
    assert_eq!(s(&r, "status"), "no");
    assert_eq!(
        s(&r, "instrument"),
        "Permendes PDT 16/2025 Lampiran Bab II huruf J"
    );
    let r = rule("pekerja_rentan", 2026).unwrap();
    assert_eq!(s(&r, "status"), "conditional");
    assert_eq!(get(&r, "needsVerification"), JsValue::TRUE);
    assert_eq!(s(&rule("kepala_desa", 2027).unwrap(), "status"), "unknown");
    assert_eq!(
        code(&rule("kepala_desa", 2014).unwrap_err()),
        "MONTH_OUTSIDE_RULES"
    );
    assert_eq!(code(&rule("lurah", 2026).unwrap_err()), "UNKNOWN_VALUE");

    // eligibility({month}): the Dana Desa answer of that month's year.
    let el = |month: &str| {
        api::eligibility(
            js(&format!(
                r#"{{"age":40,"work":"perangkat_desa","month":"{month}"}}"#
            )),
            JsValue::UNDEFINED,
        )
        .unwrap()
    };
    assert_eq!(s(&el("2026-03"), "funders.2.status"), "no");
    assert_eq!(s(&el("2025-03"), "funders.2.status"), "conditional");
    assert_eq!(s(&el("2024-03"), "funders.2.status"), "no");
    assert!(s(&el("2024-03"), "funders.2.reason.source").contains("4/PRI.00/I/2024"));
    // Without a month: the browser's current month (a year from 2015 on: some answer, never an error).
    let now = api::eligibility(
        js(r#"{"age":40,"work":"perangkat_desa"}"#),
        JsValue::UNDEFINED,
    )
    .unwrap();
    assert!(["no", "conditional"].contains(&s(&now, "funders.2.status").as_str()));
    assert_eq!(s(&api::info().unwrap(), "tableStart"), "2015-07");
}

#[wasm_bindgen_test]
fn jp_before_its_first_known_cap_is_refused_naming_the_month() {
    let req = js(
        r#"{"firstMonth":"2020-10","months":3,"units":[{"name":"Dinas","kind":"opd","groups":[{"category":"non_asn","people":1,"wage":"5000000","jp":true}]}]}"#,
    );
    let e = api::estimate(req, JsValue::UNDEFINED).unwrap_err();
    assert_eq!(
        (code(&e), s(&e, "path"), s(&e, "detail")),
        (
            "JP_CAP_UNKNOWN".into(),
            "units[0].groups[0].jp".into(),
            "2020-10".into()
        )
    );
    let req = js(
        r#"{"firstMonth":"2020-10","months":3,"units":[{"name":"Dinas","kind":"opd","groups":[{"category":"non_asn","people":1,"wage":"5000000"}]}]}"#,
    );
    assert!(
        api::estimate(req, JsValue::UNDEFINED).is_ok(),
        "without JP the same months compute"
    );
    let req = js(
        r#"{"firstMonth":"2026-01","months":1,"units":[{"name":"x","groups":[{"category":"rt_rw","people":1,"budgetLine":{"account":"5.1.3.92","name":"<img src=x>"}}]}]}"#,
    );
    let e = api::estimate(req, JsValue::UNDEFINED).unwrap_err();
    assert_eq!(
        (code(&e), s(&e, "path")),
        (
            "INVALID_BUDGET_LINE".into(),
            "units[0].groups[0].budgetLine.name".into()
        )
    );
}

#[wasm_bindgen_test]
fn patched_to_json_on_shared_prototypes_changes_nothing() {
    // Prototype.js-era hosts: Array.prototype.toJSON returns a string, String/Number get one too.
    let req = r#"{"firstMonth":"2026-01","months":12,"units":[{"name":"Wanci","funder":"apbd","groups":[{"category":"pekerja_rentan","people":100},{"category":"perangkat_desa","people":2,"wage":"2000000"}]}]}"#;
    let clean = s(
        &api::estimate(js(req), JsValue::UNDEFINED).unwrap(),
        "total.total",
    );
    let patch = js_sys::Function::new_with_args("", "return 'patched'");
    let protos: Vec<JsValue> = ["Array", "String", "Number", "Object"]
        .iter()
        .map(|n| {
            Reflect::get(
                &Reflect::get(&js_sys::global(), &(*n).into()).unwrap(),
                &"prototype".into(),
            )
            .unwrap()
        })
        .collect();
    for p in &protos {
        Reflect::set(p, &"toJSON".into(), &patch).unwrap();
    }
    let r = api::estimate(js(req), JsValue::UNDEFINED);
    let still = protos
        .iter()
        .all(|p| Reflect::get(p, &"toJSON".into()).unwrap() == JsValue::from(patch.clone()));
    for p in &protos {
        Reflect::delete_property(&Object::from(p.clone()), &"toJSON".into()).unwrap();
    }
    assert_eq!(
        s(&r.expect("computes despite the patches"), "total.total"),
        clean
    );
    assert!(still, "the host's patches are put back");
    // A toJSON the module cannot move (non-configurable): refused once, with a clear message.
    let arr = protos[0].clone();
    let desc = js("{\"value\":1,\"configurable\":false,\"writable\":false,\"enumerable\":false}");
    let locked_proto = Object::create(&Object::from(arr));
    Reflect::define_property(&locked_proto, &"toJSON".into(), &Object::from(desc)).unwrap();
    assert_eq!(
        s(
            &api::estimate(js(req), JsValue::UNDEFINED).unwrap(),
            "total.total"
        ),
        clean,
        "only the shared prototypes matter"
    );
}

#[wasm_bindgen_test]
fn compact_requests_cross_the_boundary() {
    let req = js(
        r#"{"firstMonth":"2026-01","months":12,"groups":[{"category":"pekerja_rentan","people":0,"funder":"apbd"},{"category":"perangkat_desa","people":0,"wage":"2.000.000"}],"units":"Wanci;desa;850000000;100;5\nMandati I;kelurahan;;40\n"}"#,
    );
    let r = api::estimate_compact(req, JsValue::UNDEFINED).expect("compact");
    assert_eq!(
        s(&r, "total.total"),
        ((140 * 16_800 + 5 * 10_800) * 12).to_string()
    );
    assert_eq!(
        Array::from(&get(&r, "units")).length(),
        0,
        "totals by default"
    );
    let bad = js(
        r#"{"firstMonth":"2026-01","months":12,"groups":[{"category":"pekerja_rentan","people":0}],"units":"A;desa;;1\nB;kota;;1"}"#,
    );
    let e = api::estimate_compact(bad, JsValue::from_str("en")).unwrap_err();
    assert_eq!(
        (code(&e), s(&e, "path")),
        ("UNKNOWN_VALUE".into(), "units[1].kind".into())
    );
}
