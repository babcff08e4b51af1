//! One error type for the whole library: a stable machine code, where it happened, and a message in
//! Bahasa Indonesia or English. Nothing in the library panics; every bad input ends here.

use serde::Serialize;

/// The language of messages. Bahasa Indonesia first.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, serde::Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Id,
    En,
}

/// Stable machine codes: tests and the widget match on these, never on message text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ErrorCode {
    /// The request has no unit, or a unit has no group.
    EmptyRequest,
    /// Not a month written YYYY-MM.
    InvalidMonth,
    /// A month before or after the rule table.
    MonthOutsideRules,
    /// Number of months is 0 or above the maximum.
    MonthsOutOfRange,
    /// A count of people above the population of Indonesia (or otherwise absurd).
    PeopleOutOfRange,
    /// An amount that is not whole rupiah, negative, empty or not a number.
    InvalidAmount,
    /// An amount far beyond any real wage, income, allocation or budget.
    AmountOutOfRange,
    /// A BPU base that is not one of the 33 values of PP 44/2015 Lampiran II.
    InvalidBase,
    /// A wage-earner (PU) group with no wage or siltap.
    MissingWage,
    /// A programme this kind of participant cannot join (e.g. JP for BPU).
    ProgrammeNotAvailable,
    /// Dana Desa chosen for a kelurahan (kelurahan receive no Dana Desa).
    NoDanaDesaForKelurahan,
    /// Too many units or groups in one request.
    TooManyItems,
    /// A result too large to compute exactly.
    TooLarge,
    /// An age outside 0–120, or an age range that is empty.
    InvalidAge,
    /// A JKK risk group other than 1–5.
    InvalidRiskGroup,
    /// A name or label longer than allowed.
    TextTooLong,
    /// A value that is not one of the known ones (category, funder, language…).
    UnknownValue,
    /// Input of the wrong shape (from the JS boundary).
    InvalidInput,
    /// A funding source that cannot pay for this group (self-paid wage earners; Dana Desa for a category in a
    /// year where an instrument forbids it).
    FunderNotAllowed,
    /// JP asked for a month whose JP wage cap the calculator does not know (before March 2021).
    JpCapUnknown,
    /// A budget line (APBDes code or name) that is empty, too long or carries markup.
    InvalidBudgetLine,
}

/// A library error: what went wrong, where in the input, and the offending value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub code: ErrorCode,
    /// Where in the input, e.g. `units[3].groups[0].people`. Empty when not tied to a field.
    pub path: String,
    /// Extra detail: the bad value or the allowed range, already readable.
    pub detail: String,
    /// A whole sentence that replaces the code's generic one (Bahasa Indonesia, English), e.g. the instrument
    /// that forbids a funder and the lawful alternatives.
    pub text: Option<[&'static str; 2]>,
}

pub type Result<T> = core::result::Result<T, Error>;

impl Error {
    pub fn new(code: ErrorCode) -> Error {
        Error {
            code,
            path: String::new(),
            detail: String::new(),
            text: None,
        }
    }

    /// Replaces the code's generic sentence with a specific one; `message` then gives it without the detail.
    pub fn text(mut self, id: &'static str, en: &'static str) -> Error {
        self.text = Some([id, en]);
        self
    }

    pub fn at(mut self, path: impl Into<String>) -> Error {
        self.path = path.into();
        self
    }

    pub fn detail(mut self, detail: impl Into<String>) -> Error {
        self.detail = detail.into();
        self
    }

    /// Prefixes the path with an outer field, so inner code can say `people` and outer code `units[2]`.
    pub fn within(mut self, outer: &str) -> Error {
        if self.path.is_empty() {
            self.path = outer.to_owned();
        } else if self.path.starts_with('[') {
            self.path.insert_str(0, outer);
        } else {
            let mut p = String::with_capacity(
                outer
                    .len()
                    .saturating_add(self.path.len())
                    .saturating_add(1),
            );
            p.push_str(outer);
            p.push('.');
            p.push_str(&self.path);
            self.path = p;
        }
        self
    }

    pub fn code_str(&self) -> &'static str {
        self.code.as_str()
    }

    /// The message in `lang`: the sentence, then the detail when there is one. The field is in `path`,
    /// not in the message, so a form can show the message next to the field it names.
    pub fn message(&self, lang: Lang) -> String {
        if let Some([id, en]) = self.text {
            return String::from(if lang == Lang::En { en } else { id });
        }
        let mut m = String::from(self.code.sentence(lang));
        if !self.detail.is_empty() {
            m.push_str(": ");
            m.push_str(&self.detail);
        }
        m
    }
}

impl ErrorCode {
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorCode::EmptyRequest => "EMPTY_REQUEST",
            ErrorCode::InvalidMonth => "INVALID_MONTH",
            ErrorCode::MonthOutsideRules => "MONTH_OUTSIDE_RULES",
            ErrorCode::MonthsOutOfRange => "MONTHS_OUT_OF_RANGE",
            ErrorCode::PeopleOutOfRange => "PEOPLE_OUT_OF_RANGE",
            ErrorCode::InvalidAmount => "INVALID_AMOUNT",
            ErrorCode::AmountOutOfRange => "AMOUNT_OUT_OF_RANGE",
            ErrorCode::InvalidBase => "INVALID_BASE",
            ErrorCode::MissingWage => "MISSING_WAGE",
            ErrorCode::ProgrammeNotAvailable => "PROGRAMME_NOT_AVAILABLE",
            ErrorCode::NoDanaDesaForKelurahan => "NO_DANA_DESA_FOR_KELURAHAN",
            ErrorCode::TooManyItems => "TOO_MANY_ITEMS",
            ErrorCode::TooLarge => "TOO_LARGE",
            ErrorCode::InvalidAge => "INVALID_AGE",
            ErrorCode::InvalidRiskGroup => "INVALID_RISK_GROUP",
            ErrorCode::TextTooLong => "TEXT_TOO_LONG",
            ErrorCode::UnknownValue => "UNKNOWN_VALUE",
            ErrorCode::InvalidInput => "INVALID_INPUT",
            ErrorCode::FunderNotAllowed => "FUNDER_NOT_ALLOWED",
            ErrorCode::JpCapUnknown => "JP_CAP_UNKNOWN",
            ErrorCode::InvalidBudgetLine => "INVALID_BUDGET_LINE",
        }
    }

    /// The plain-language sentence for this code.
    pub const fn sentence(self, lang: Lang) -> &'static str {
        use ErrorCode::*;
        match (self, lang) {
            (EmptyRequest, Lang::Id) => "Permintaan kosong: tambahkan minimal satu desa dan satu kelompok peserta",
            (EmptyRequest, Lang::En) => "The request is empty: add at least one village and one group of people",
            (InvalidMonth, Lang::Id) => "Bulan harus ditulis TTTT-BB, misalnya 2026-01",
            (InvalidMonth, Lang::En) => "A month is written YYYY-MM, for example 2026-01",
            (MonthOutsideRules, Lang::Id) => "Bulan ini di luar rentang tabel aturan yang diketahui kalkulator",
            (MonthOutsideRules, Lang::En) => "This month is outside the rule table the calculator knows",
            (MonthsOutOfRange, Lang::Id) => "Jumlah bulan harus antara 1 dan 60",
            (MonthsOutOfRange, Lang::En) => "The number of months must be between 1 and 60",
            (PeopleOutOfRange, Lang::Id) => "Jumlah orang tidak masuk akal (maksimal 300.000.000, lebih dari penduduk Indonesia)",
            (PeopleOutOfRange, Lang::En) => "The number of people is not plausible (at most 300,000,000, more than Indonesia's population)",
            (InvalidAmount, Lang::Id) => "Nilai rupiah tidak valid: tulis angka rupiah bulat, misalnya 1.500.000",
            (InvalidAmount, Lang::En) => "Invalid rupiah amount: write whole rupiah, for example 1.500.000",
            (AmountOutOfRange, Lang::Id) => "Nilai rupiah terlalu besar untuk masuk akal",
            (AmountOutOfRange, Lang::En) => "The rupiah amount is too large to be plausible",
            (InvalidBase, Lang::Id) => "Dasar iuran BPU harus salah satu dari 33 nilai Lampiran II PP 44/2015",
            (InvalidBase, Lang::En) => "The BPU contribution base must be one of the 33 values of PP 44/2015 Annex II",
            (MissingWage, Lang::Id) => "Peserta penerima upah memerlukan upah atau siltap per bulan",
            (MissingWage, Lang::En) => "Wage-earning participants need a monthly wage or siltap",
            (ProgrammeNotAvailable, Lang::Id) => "Program ini tidak tersedia untuk jenis peserta ini",
            (ProgrammeNotAvailable, Lang::En) => "This programme is not available to this kind of participant",
            (NoDanaDesaForKelurahan, Lang::Id) => "Kelurahan tidak menerima Dana Desa; pilih sumber dana lain",
            (NoDanaDesaForKelurahan, Lang::En) => "A kelurahan receives no Dana Desa; choose another funding source",
            (TooManyItems, Lang::Id) => "Terlalu banyak desa atau kelompok dalam satu permintaan",
            (TooManyItems, Lang::En) => "Too many villages or groups in one request",
            (TooLarge, Lang::Id) => "Hasil terlalu besar untuk dihitung dengan tepat",
            (TooLarge, Lang::En) => "The result is too large to compute exactly",
            (InvalidAge, Lang::Id) => "Umur tidak valid (0–120 tahun, batas bawah tidak melebihi batas atas)",
            (InvalidAge, Lang::En) => "Invalid age (0–120 years, lower limit not above upper limit)",
            (InvalidRiskGroup, Lang::Id) => "Kelompok risiko JKK harus 1 sampai 5",
            (InvalidRiskGroup, Lang::En) => "The JKK risk group must be 1 to 5",
            (TextTooLong, Lang::Id) => "Teks terlalu panjang",
            (TextTooLong, Lang::En) => "The text is too long",
            (UnknownValue, Lang::Id) => "Nilai tidak dikenal",
            (UnknownValue, Lang::En) => "Unknown value",
            (InvalidInput, Lang::Id) => "Masukan tidak valid",
            (InvalidInput, Lang::En) => "Invalid input",
            (FunderNotAllowed, Lang::Id) => "Sumber dana ini tidak dapat membayar iuran kelompok ini (iuran penerima upah dibayar pemberi kerja)",
            (FunderNotAllowed, Lang::En) => "This funding source cannot pay for this group (wage earners' contributions are paid by the employer)",
            (JpCapUnknown, Lang::Id) => "Batas upah JP untuk bulan ini belum diketahui kalkulator (diketahui sejak Maret 2021); matikan JP untuk bulan itu atau pilih periode lain",
            (JpCapUnknown, Lang::En) => "The JP wage cap for this month is not known to the calculator (known from March 2021); switch JP off for that month or choose another period",
            (InvalidBudgetLine, Lang::Id) => "Kode atau nama rekening APBDes tidak valid: kode hanya angka dan titik (mis. 5.1.3.04), nama 1–100 huruf tanpa tanda < >",
            (InvalidBudgetLine, Lang::En) => "Invalid APBDes code or name: codes are digits and dots (e.g. 5.1.3.04), names 1–100 characters without < >",
        }
    }
}

impl core::fmt::Display for Error {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.code.as_str())?;
        f.write_str(": ")?;
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_nest_and_messages_carry_them() {
        let e = Error::new(ErrorCode::PeopleOutOfRange)
            .at("people")
            .within("groups[1]")
            .within("units[0]")
            .detail("400000000");
        assert_eq!(e.path, "units[0].groups[1].people");
        assert_eq!(e.code_str(), "PEOPLE_OUT_OF_RANGE");
        assert!(
            !e.message(Lang::Id).contains("units[0]"),
            "the path is not repeated in the message"
        );
        assert!(e.message(Lang::En).ends_with(": 400000000"));
        let e = Error::new(ErrorCode::EmptyRequest)
            .at("[2]")
            .within("units");
        assert_eq!(e.path, "units[2]");
    }
}
