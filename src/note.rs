//! A note attached to a result: a caveat or warning, in both languages, with its source.

use serde::Serialize;

#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Note {
    /// Stable code, e.g. "DANA_DESA_SUBJECT_TO_PERBUP".
    pub code: &'static str,
    /// Bahasa Indonesia.
    pub id: &'static str,
    /// English.
    pub en: &'static str,
    /// Instrument and article, or where the statement comes from.
    pub source: &'static str,
    pub needs_verification: bool,
}
