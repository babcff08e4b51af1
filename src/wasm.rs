//! The only file that knows about JavaScript: plain JS objects in and out (as JSON text, json.rs), money as
//! strings of whole rupiah, and one helper that turns every error into a JS `Error` with a stable `code`.
//! Nothing here computes; every function calls the core and converts.

use crate::error::{Error, ErrorCode, Lang};
use crate::money::Rupiah;
use crate::month::Month;
use crate::{benefits, eligibility, estimate, json, rules, terbilang};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_SCALARS: &str = r#"
/** Whole rupiah as a string of digits, e.g. "16800". Inputs may also be written "1.500.000". */
export type Rupiah = string;
/** A calendar month "YYYY-MM". */
export type Month = string;
/** What every function throws on bad input: `message` is in the chosen language. */
export interface CalculatorError extends Error { code: ErrorCodeName; path: string; detail: string }
export type ErrorCodeName = "EMPTY_REQUEST" | "INVALID_MONTH" | "MONTH_OUTSIDE_RULES" | "MONTHS_OUT_OF_RANGE" | "PEOPLE_OUT_OF_RANGE" | "INVALID_AMOUNT" | "AMOUNT_OUT_OF_RANGE" | "INVALID_BASE" | "MISSING_WAGE" | "PROGRAMME_NOT_AVAILABLE" | "NO_DANA_DESA_FOR_KELURAHAN" | "TOO_MANY_ITEMS" | "TOO_LARGE" | "INVALID_AGE" | "INVALID_RISK_GROUP" | "TEXT_TOO_LONG" | "UNKNOWN_VALUE" | "INVALID_INPUT" | "FUNDER_NOT_ALLOWED" | "JP_CAP_UNKNOWN" | "INVALID_BUDGET_LINE";
export interface Band { lower: Rupiah; upper: Rupiah | null; base: Rupiah; needsVerification: boolean }
export interface Info { version: string; rulesChecked: string; tableStart: Month; tableEnd: Month }
"#;

type JsResult = Result<JsValue, JsValue>;

// Every parameter arrives as a JsValue and is read in Rust: the generated glue trusts `&str`/`String`
// parameters to be strings, and an object passed there corrupts the module's memory.
fn lang_of(lang: &JsValue) -> Result<Lang, JsValue> {
    if lang.is_undefined() || lang.is_null() {
        return Ok(Lang::Id);
    }
    match lang.as_string().as_deref() {
        Some("") | Some("id") => Ok(Lang::Id),
        Some("en") => Ok(Lang::En),
        _ => Err(js_error(
            &Error::new(ErrorCode::UnknownValue)
                .at("lang")
                .detail("id | en"),
            Lang::Id,
        )),
    }
}

fn string_of(v: &JsValue, field: &str, lang: Lang) -> Result<String, JsValue> {
    v.as_string().ok_or_else(|| {
        js_error(
            &Error::new(ErrorCode::InvalidInput)
                .at(field)
                .detail("string"),
            lang,
        )
    })
}

/// The one place errors become JS: an `Error` whose message is in `lang`, with `code`, `path`, `detail`.
fn js_error(e: &Error, lang: Lang) -> JsValue {
    let err = JsError::new(&e.message(lang));
    err.set_code(e.code_str());
    err.set_path(&e.path);
    err.set_detail(&e.detail);
    err.into()
}

#[wasm_bindgen]
extern "C" {
    /// JS `Error`, with the three fields every thrown error carries.
    #[wasm_bindgen(js_name = Error)]
    type JsError;
    #[wasm_bindgen(constructor, js_class = "Error")]
    fn new(message: &str) -> JsError;
    #[wasm_bindgen(method, setter)]
    fn set_code(this: &JsError, code: &str);
    #[wasm_bindgen(method, setter)]
    fn set_path(this: &JsError, path: &str);
    #[wasm_bindgen(method, setter)]
    fn set_detail(this: &JsError, detail: &str);

    #[wasm_bindgen(js_name = Date)]
    type JsDate;
    #[wasm_bindgen(constructor, js_class = "Date")]
    fn new() -> JsDate;
    #[wasm_bindgen(method, js_name = getFullYear)]
    fn get_full_year(this: &JsDate) -> u32;
    #[wasm_bindgen(method, js_name = getMonth)]
    fn get_month(this: &JsDate) -> u32;

    #[wasm_bindgen(js_namespace = Object, js_name = getPrototypeOf)]
    fn prototype_of(v: &JsValue) -> JsValue;
    #[wasm_bindgen(js_namespace = Reflect, js_name = getOwnPropertyDescriptor)]
    fn own_descriptor(target: &JsValue, key: &str) -> JsValue;
    #[wasm_bindgen(js_namespace = Reflect, js_name = deleteProperty)]
    fn delete_property(target: &JsValue, key: &str) -> bool;
    #[wasm_bindgen(js_namespace = Reflect, js_name = defineProperty)]
    fn define_property(target: &JsValue, key: &str, descriptor: &JsValue) -> bool;

    #[wasm_bindgen(js_namespace = JSON, js_name = stringify, catch)]
    fn json_stringify(v: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &str) -> Result<JsValue, JsValue>;
}

/// Reads a JS value into a Rust request: the browser's own `JSON.stringify`, then our small JSON reader
/// (json.rs); shape errors keep the path of the bad field.
fn from_js<T: DeserializeOwned>(v: &JsValue) -> crate::Result<T> {
    json::from_str(&stringify(v)?)
}

// The generic functions stay thin: what does not depend on the type is written once.
#[inline(never)]
fn stringify(v: &JsValue) -> crate::Result<String> {
    // Old host libraries put `toJSON` on shared prototypes (Prototype.js: Array.prototype.toJSON returns a
    // string), which JSON.stringify would call on every array of the request. Set them aside for this one
    // synchronous call and put them back exactly as they were; refuse once if one cannot be moved.
    let aside = set_aside_to_json()?;
    // undefined, functions and symbols stringify to undefined; BigInt and cycles throw.
    let text = json_stringify(v);
    for (proto, descriptor) in &aside {
        define_property(proto, "toJSON", descriptor);
    }
    text.ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| Error::new(ErrorCode::InvalidInput).detail("not JSON"))
}

/// Removes an own `toJSON` from the prototypes of the values a request holds; returns what to put back.
fn set_aside_to_json() -> crate::Result<Vec<(JsValue, JsValue)>> {
    let mut aside = Vec::new();
    // Array, Object, String, Number and Boolean.prototype, reached from values (no global lookups).
    let values = [
        json_parse("[]"),
        json_parse("{}"),
        Ok(JsValue::from_str("")),
        Ok(JsValue::from_f64(0.0)),
        Ok(JsValue::TRUE),
    ];
    for proto in values.iter().flatten().map(prototype_of) {
        let descriptor = own_descriptor(&proto, "toJSON");
        if descriptor.is_undefined() {
            continue;
        }
        if !delete_property(&proto, "toJSON") {
            for (p, d) in &aside {
                define_property(p, "toJSON", d);
            }
            return Err(Error::new(ErrorCode::InvalidInput).detail("toJSON").text(
                "Halaman ini mengunci perubahan fungsi bawaan peramban (toJSON), sehingga isian tidak dapat dibaca dengan aman; beri tahu pengelola situs",
                "This page has locked a changed browser built-in (toJSON), so the input cannot be read safely; tell the site's administrator",
            ));
        }
        aside.push((proto, descriptor));
    }
    Ok(aside)
}

#[inline(never)]
fn parse(text: crate::Result<String>, lang: Lang) -> JsResult {
    let text = text.map_err(|e| js_error(&e, lang))?;
    json_parse(&text)
        .map_err(|_| js_error(&Error::new(ErrorCode::InvalidInput).detail("JSON"), lang))
}

/// Writes a Rust result as JSON text and lets the browser's `JSON.parse` build the plain objects.
fn to_js<T: Serialize>(v: &T, lang: Lang) -> JsResult {
    parse(json::to_string(v), lang)
}

fn run<Req: DeserializeOwned, Res: Serialize>(
    req: JsValue,
    lang: JsValue,
    f: impl FnOnce(&Req) -> crate::Result<Res>,
) -> JsResult {
    let lang = lang_of(&lang)?;
    let res = from_js(&req)
        .and_then(|req| f(&req))
        .map_err(|e| js_error(&e, lang))?;
    to_js(&res, lang)
}

/// What covering every group of every unit costs over the period.
#[wasm_bindgen(unchecked_return_type = "EstimateResult")]
pub fn estimate(
    #[wasm_bindgen(unchecked_param_type = "EstimateRequest")] request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Lang | undefined")] lang: JsValue,
) -> JsResult {
    run(request, lang, estimate::estimate)
}

/// A national or province-wide estimate from a compact request: kinds of group once, one text line per unit.
#[wasm_bindgen(js_name = estimateCompact, unchecked_return_type = "EstimateResult")]
pub fn estimate_compact(
    #[wasm_bindgen(unchecked_param_type = "CompactRequest")] request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Lang | undefined")] lang: JsValue,
) -> JsResult {
    run(request, lang, estimate::estimate_compact)
}

/// How many people a budget covers for the period, and what is left over.
#[wasm_bindgen(unchecked_return_type = "CoverageResult")]
pub fn coverage(
    #[wasm_bindgen(unchecked_param_type = "CoverageRequest")] request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Lang | undefined")] lang: JsValue,
) -> JsResult {
    run(request, lang, estimate::coverage)
}

/// What a covered person's family receives (JKM, JKK, scholarships).
#[wasm_bindgen(unchecked_return_type = "BenefitsResult")]
pub fn benefits(
    #[wasm_bindgen(unchecked_param_type = "BenefitsRequest")] request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Lang | undefined")] lang: JsValue,
) -> JsResult {
    run(request, lang, benefits::benefits)
}

/// Which programmes apply to a person, and who may pay, in `month` (default: the current month).
#[wasm_bindgen(unchecked_return_type = "EligibilityResult")]
pub fn eligibility(
    #[wasm_bindgen(unchecked_param_type = "EligibilityRequest")] request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Lang | undefined")] lang: JsValue,
) -> JsResult {
    run(request, lang, |req: &eligibility::EligibilityRequest| {
        if req.month.is_some() {
            return eligibility::eligibility(req);
        }
        let mut req = req.clone();
        req.month = current_month();
        eligibility::eligibility(&req)
    })
}

/// This month by the browser's clock (None if the clock is outside the rule table: the core then uses the
/// month its rules were checked).
fn current_month() -> Option<Month> {
    let d = JsDate::new();
    let m = Month::new(
        u16::try_from(d.get_full_year()).ok()?,
        u8::try_from(d.get_month().saturating_add(1)).ok()?,
    )?;
    rules::check_month(m).ok().map(|_| m)
}

/// May Dana Desa pay this category's contributions in this budget year? (`no` | `conditional` | `unknown`)
#[wasm_bindgen(js_name = fundingRule, unchecked_return_type = "DanaDesaAnswer")]
pub fn funding_rule(
    #[wasm_bindgen(unchecked_param_type = "FundingRuleRequest")] request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Lang | undefined")] lang: JsValue,
) -> JsResult {
    run(request, lang, rules::funding_rule)
}

/// Every figure in force in a month, with its source: the "Dasar hukum" panel.
#[wasm_bindgen(js_name = rulesInForce, unchecked_return_type = "ParamInfo[]")]
pub fn rules_in_force(
    #[wasm_bindgen(unchecked_param_type = "Month")] month: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Lang | undefined")] lang: JsValue,
) -> JsResult {
    let lang = lang_of(&lang)?;
    let month = string_of(&month, "month", lang)?;
    let m = Month::parse(&month)
        .ok_or_else(|| js_error(&Error::new(ErrorCode::InvalidMonth).at("month"), lang))?;
    let v = rules::in_force(m).map_err(|e| js_error(&e.at("month"), lang))?;
    to_js(&v, lang)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct BandOut {
    lower: Rupiah,
    upper: Option<Rupiah>,
    base: Rupiah,
    needs_verification: bool,
}

/// The 33 BPU bases of PP 44/2015 Lampiran II with their income bands.
#[wasm_bindgen(js_name = bpuBands, unchecked_return_type = "Band[]")]
pub fn bpu_bands() -> JsResult {
    let bands = rules::BPU_BANDS;
    let out: Vec<BandOut> = bands
        .iter()
        .enumerate()
        .map(|(i, b)| BandOut {
            lower: b.lower,
            upper: bands
                .get(i.saturating_add(1))
                .and_then(|n| n.lower.checked_sub(Rupiah::from_whole(1))),
            base: b.base,
            needs_verification: b.confidence.needs_verification(),
        })
        .collect();
    to_js(&out, Lang::Id)
}

/// "1.500.000" → "1500000"; throws INVALID_AMOUNT or AMOUNT_OUT_OF_RANGE.
#[wasm_bindgen(js_name = parseAmount)]
pub fn parse_amount(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Lang | undefined")] lang: JsValue,
) -> Result<String, JsValue> {
    let lang = lang_of(&lang)?;
    let text = string_of(&text, "text", lang)?;
    Rupiah::parse(&text)
        .map(Rupiah::to_digits)
        .map_err(|p| js_error(&json::amount_error(p), lang))
}

/// An amount in words for budget documents: "dua puluh juta seratus enam puluh ribu rupiah".
#[wasm_bindgen]
pub fn terbilang(
    #[wasm_bindgen(unchecked_param_type = "Rupiah")] amount: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Lang | undefined")] lang: JsValue,
) -> Result<String, JsValue> {
    let lang = lang_of(&lang)?;
    let amount = string_of(&amount, "amount", lang)?;
    let a = Rupiah::parse(&amount).map_err(|p| js_error(&json::amount_error(p), lang))?;
    Ok(terbilang::terbilang(a, lang))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct InfoOut {
    version: &'static str,
    rules_checked: &'static str,
    table_start: Month,
    table_end: Month,
}

/// Version of the module and the span of its rule table.
#[wasm_bindgen(unchecked_return_type = "Info")]
pub fn info() -> JsResult {
    to_js(
        &InfoOut {
            version: env!("CARGO_PKG_VERSION"),
            rules_checked: rules::RULES_CHECKED,
            table_start: rules::TABLE_START,
            table_end: rules::TABLE_END,
        },
        Lang::Id,
    )
}
