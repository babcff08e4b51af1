//! May Dana Desa pay a category's contributions in a budget year? RULES.md Part 2 §2 "Dana Desa by year" and
//! Part 0 "Funding source legality": where a ministry instrument forbids it the answer is "no" (the calculator
//! refuses); where nothing forbids or allows it, "subject to the regency's Perbup / juknis" (flagged); a year
//! with no row, "unknown" (flagged). "No" concerns Dana Desa only: the same people may be paid from APBDes
//! income other than Dana Desa (ADD, PADes, bagi hasil) or from the regency APBD.

use super::{Confidence, TABLE_END, TABLE_START};
use crate::category::Category;
use crate::error::{Error, ErrorCode, Result};
use serde::{Deserialize, Serialize};
use Category::{Bpd, KepalaDesa, PekerjaRentan, PerangkatDesa};

/// The answer for one category in one budget year.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DanaDesaStatus {
    /// An instrument forbids it.
    No,
    /// Nothing forbids or allows it: subject to the regency's Perbup / juknis.
    Conditional,
    /// No row for that year.
    Unknown,
}

/// One budget year of RULES.md Part 2 §2.
struct YearRule {
    year: u16,
    /// Categories for which Dana Desa may not pay this year.
    forbidden: &'static [Category],
    /// Instrument (and article) of the year: the prohibition, or the year's Dana Desa priorities.
    instrument: &'static str,
    /// Why not, and the lawful alternatives (Bahasa Indonesia, English).
    no: [&'static str; 2],
    /// What holds for the other categories.
    conditional: [&'static str; 2],
    /// Confidence of the prohibition (RULES.md tag).
    no_confidence: Confidence,
}

/// The lawful alternatives, in one sentence (used by the prohibitions below and by the widget).
pub const DANA_DESA_ALTERNATIVES_ID: &str = "Bayar dari APBDes selain Dana Desa (ADD, PADes, bagi hasil pajak dan retribusi) atau dari APBD kabupaten.";

#[rustfmt::skip]
static BY_YEAR: [YearRule; 4] = [
    YearRule {
        year: 2023, forbidden: &[], instrument: "Permendes PDTT 8/2022", no_confidence: Confidence::Unconfirmed,
        no: ["", ""],
        conditional: [
            "Untuk tahun anggaran 2023 tidak ditemukan instrumen yang melarang atau mengizinkan Dana Desa membayar iuran BPJS Ketenagakerjaan (Permendes PDTT 8/2022); ikuti Perbup/juknis kabupaten Anda.",
            "For budget year 2023 no instrument was found that forbids or allows Dana Desa to pay BPJS Ketenagakerjaan contributions (Permendes PDTT 8/2022); follow your regency's Perbup / juknis.",
        ],
    },
    YearRule {
        year: 2024, forbidden: &[KepalaDesa, PerangkatDesa, PekerjaRentan], instrument: "Surat Edaran Kemendes 4/PRI.00/I/2024", no_confidence: Confidence::High,
        no: [
            "Dana Desa tidak boleh membayar iuran BPJS Ketenagakerjaan kepala desa, perangkat desa, dan pekerja rentan pada tahun anggaran 2024 (Surat Edaran Kemendes 4/PRI.00/I/2024 angka 1; Permendagri 15/2023 Lampiran huruf E). Bayar dari APBDes selain Dana Desa (ADD, PADes, bagi hasil pajak dan retribusi) atau dari APBD kabupaten.",
            "Dana Desa may not pay BPJS Ketenagakerjaan contributions of village heads, village officials and vulnerable workers in budget year 2024 (Surat Edaran Kemendes 4/PRI.00/I/2024 point 1; Permendagri 15/2023 Lampiran huruf E). Pay from APBDes income other than Dana Desa (ADD, PADes, shared taxes and levies) or from the regency APBD.",
        ],
        conditional: [
            "Surat Edaran Kemendes 4/PRI.00/I/2024 tidak menyebut golongan ini; pemakaian Dana Desa tahun 2024 untuk iurannya mengikuti Perbup/juknis kabupaten Anda.",
            "Surat Edaran Kemendes 4/PRI.00/I/2024 does not name this category; using Dana Desa for its contributions in 2024 follows your regency's Perbup / juknis.",
        ],
    },
    YearRule {
        year: 2025, forbidden: &[], instrument: "Permendes PDT 2/2024", no_confidence: Confidence::Unconfirmed,
        no: ["", ""],
        conditional: [
            "Untuk tahun anggaran 2025 tidak ditemukan ketentuan iuran BPJS Ketenagakerjaan dalam Permendes PDT 2/2024; pemakaian Dana Desa mengikuti Perbup/juknis kabupaten Anda.",
            "For budget year 2025 Permendes PDT 2/2024 has no BPJS Ketenagakerjaan clause that was found; using Dana Desa follows your regency's Perbup / juknis.",
        ],
    },
    YearRule {
        year: 2026, forbidden: &[KepalaDesa, PerangkatDesa, Bpd], instrument: "Permendes PDT 16/2025 Lampiran Bab II huruf J", no_confidence: Confidence::High,
        no: [
            "Dana Desa tidak boleh membayar iuran jaminan sosial ketenagakerjaan kepala desa, perangkat desa, dan anggota BPD pada tahun anggaran 2026 (Permendes PDT 16/2025 Lampiran Bab II huruf J). Bayar dari APBDes selain Dana Desa (ADD, PADes, bagi hasil pajak dan retribusi) atau dari APBD kabupaten.",
            "Dana Desa may not pay employment social security contributions of village heads, village officials and BPD members in budget year 2026 (Permendes PDT 16/2025 Lampiran Bab II huruf J). Pay from APBDes income other than Dana Desa (ADD, PADes, shared taxes and levies) or from the regency APBD.",
        ],
        conditional: [
            "Permendes PDT 16/2025 Lampiran Bab II huruf J tidak menyebut golongan ini (hanya kepala desa, perangkat desa, dan anggota BPD); pemakaian Dana Desa tahun 2026 untuk iurannya mengikuti Perbup/juknis kabupaten Anda.",
            "Permendes PDT 16/2025 Lampiran Bab II huruf J does not name this category (only village heads, village officials and BPD members); using Dana Desa for its contributions in 2026 follows your regency's Perbup / juknis.",
        ],
    },
];

const UNKNOWN: [&str; 2] = [
    "Aturan Dana Desa untuk tahun anggaran ini belum diketahui kalkulator; periksa Permendes dan Perbup/juknis tahun itu sebelum menganggarkan.",
    "The Dana Desa rules for this budget year are not known to the calculator; check that year's Permendes and your regency's Perbup / juknis before budgeting.",
];

/// The answer, with its reason in both languages.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DanaDesaAnswer {
    pub category: Category,
    pub year: u16,
    pub status: DanaDesaStatus,
    /// The instrument that decides ("" for a year with no row).
    pub instrument: &'static str,
    pub reason_id: &'static str,
    pub reason_en: &'static str,
    /// True for "subject to Perbup", "unknown", and an unconfirmed prohibition.
    pub needs_verification: bool,
}

impl DanaDesaAnswer {
    /// The refusal an estimate raises for a forbidden combination (message = the reason, detail = instrument).
    pub fn refusal(&self) -> Error {
        Error::new(ErrorCode::FunderNotAllowed)
            .detail(self.instrument)
            .text(self.reason_id, self.reason_en)
    }
}

/// May Dana Desa pay for `category` in budget year `year`?
pub fn dana_desa_rule(category: Category, year: u16) -> DanaDesaAnswer {
    let answer =
        |status, instrument, [id, en]: [&'static str; 2], needs_verification| DanaDesaAnswer {
            category,
            year,
            status,
            instrument,
            reason_id: id,
            reason_en: en,
            needs_verification,
        };
    match BY_YEAR.iter().find(|r| r.year == year) {
        None => answer(DanaDesaStatus::Unknown, "", UNKNOWN, true),
        Some(r) if r.forbidden.contains(&category) => answer(
            DanaDesaStatus::No,
            r.instrument,
            r.no,
            r.no_confidence.needs_verification(),
        ),
        Some(r) => answer(
            DanaDesaStatus::Conditional,
            r.instrument,
            r.conditional,
            true,
        ),
    }
}

/// `fundingRule({ category, year })` of the JS API.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FundingRuleRequest {
    pub category: Category,
    /// Budget year, within the rule table's years.
    pub year: u16,
}

/// The Dana Desa answer for a request, refusing years outside the rule table.
pub fn funding_rule(req: &FundingRuleRequest) -> Result<DanaDesaAnswer> {
    if req.year < TABLE_START.year() || req.year > TABLE_END.year() {
        let mut d = String::new();
        crate::month::push_digits(&mut d, u32::from(TABLE_START.year()), 4);
        d.push_str(" – ");
        crate::month::push_digits(&mut d, u32::from(TABLE_END.year()), 4);
        return Err(Error::new(ErrorCode::MonthOutsideRules)
            .at("year")
            .detail(d));
    }
    Ok(dana_desa_rule(req.category, req.year))
}
