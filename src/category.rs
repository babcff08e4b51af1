//! Who is covered and who pays: worker categories, participant kinds (BPU / PU), programmes, funders,
//! and the APBDes budget lines RULES.md names.

use serde::{Deserialize, Serialize};

/// A worker category as regencies and villages budget them (RULES.md Part 2 §7).
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Informal "pekerja rentan" (BPU): fishers, farmers, vendors, labourers, religious workers…
    PekerjaRentan,
    /// Kepala desa (PU on siltap; UU 3/2024 Pasal 26(3)(c)).
    KepalaDesa,
    /// Perangkat desa (PU on siltap; UU 3/2024 Pasal 50A(b)).
    PerangkatDesa,
    /// Badan Permusyawaratan Desa members (UU 3/2024 Pasal 62(f)); BPU or PU per regency.
    Bpd,
    /// RT/RW heads; BPU or PU per regency.
    RtRw,
    /// Kader posyandu / PKK; BPU or PU per regency.
    Kader,
    /// Linmas; BPU or PU per regency.
    Linmas,
    /// LPMD / LKD and other village institutions; BPU or PU per regency.
    LembagaDesa,
    /// Non-ASN staff of the regency (PU; PP 49/2023 Pasal 5(1)a; Permenaker 1/2025 Pasal 3A).
    NonAsn,
}

impl Category {
    pub const ALL: [Category; 9] = [
        Category::PekerjaRentan,
        Category::KepalaDesa,
        Category::PerangkatDesa,
        Category::Bpd,
        Category::RtRw,
        Category::Kader,
        Category::Linmas,
        Category::LembagaDesa,
        Category::NonAsn,
    ];

    /// Village institutions whose scheme a regency chooses (RULES.md Part 0: default BPU flat).
    pub const fn is_village_institution(self) -> bool {
        matches!(
            self,
            Category::Bpd
                | Category::RtRw
                | Category::Kader
                | Category::Linmas
                | Category::LembagaDesa
        )
    }

    /// The scheme when the request does not choose one.
    pub const fn default_scheme(self) -> SchemeKind {
        match self {
            Category::KepalaDesa | Category::PerangkatDesa | Category::NonAsn => SchemeKind::Pu,
            _ => SchemeKind::Bpu,
        }
    }

    /// Whether `scheme` is allowed for this category: village institutions may be either; pekerja rentan
    /// are BPU; apparatus and Non-ASN are PU (RULES.md 2.1, 2.2).
    pub const fn allows(self, scheme: SchemeKind) -> bool {
        self.is_village_institution()
            || matches!(
                (self.default_scheme(), scheme),
                (SchemeKind::Bpu, SchemeKind::Bpu) | (SchemeKind::Pu, SchemeKind::Pu)
            )
    }

    /// Default optional programmes (RULES.md Part 0): Non-ASN JKK+JKM+JHT (Permenaker 1/2025 Pasal 3A);
    /// everyone else JKK+JKM. JP is never on by default.
    pub const fn default_jht(self) -> bool {
        matches!(self, Category::NonAsn)
    }

    /// The APBDes budget line RULES.md Part 2 §3.5 names for this category, if any.
    pub const fn apbdes_line(self) -> Option<BudgetLine> {
        match self {
            Category::KepalaDesa => Some(BudgetLine {
                activity: "1.1.03",
                account: "5.1.3.03",
                name_id: "Jaminan Ketenagakerjaan Kepala Desa",
                name_en: "Employment social security, village head",
            }),
            Category::PerangkatDesa => Some(BudgetLine {
                activity: "1.1.03",
                account: "5.1.3.04",
                name_id: "Jaminan Ketenagakerjaan Perangkat Desa",
                name_en: "Employment social security, village officials",
            }),
            Category::Bpd => Some(BudgetLine {
                activity: "",
                account: "5.1.4",
                name_id: "Tunjangan BPD",
                name_en: "BPD allowances",
            }),
            Category::RtRw => Some(BudgetLine {
                activity: "1.1.07",
                account: "",
                name_id: "Insentif/operasional RT/RW",
                name_en: "RT/RW incentives and operations",
            }),
            _ => None,
        }
    }
}

/// Source of the APBDes codes (Permendagri 20/2018 annex, as reproduced by village-finance apps) [H].
pub const APBDES_LINES_SOURCE: &str = "Permendagri 20/2018 lampiran (kode rekening APBDes): kegiatan 1.1.03 Penyediaan Jaminan Sosial bagi Kepala Desa dan Perangkat Desa; 5.1.3.03/04; 5.1.4 Tunjangan BPD; 1.1.07 insentif RT/RW. No national code found for pekerja rentan.";

/// An APBDes budget line (Permendagri 20/2018 chart of accounts).
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BudgetLine {
    /// Kegiatan code, e.g. "1.1.03" (empty when RULES.md names only the account).
    pub activity: &'static str,
    /// Rekening belanja, e.g. "5.1.3.04" (empty when RULES.md names only the activity).
    pub account: &'static str,
    pub name_id: &'static str,
    pub name_en: &'static str,
}

/// Kind of work of a pekerja rentan (BPU). Only `Transport` changes a rule: the PP 50/2025 relief window.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum WorkKind {
    Nelayan,
    Petani,
    Pedagang,
    Buruh,
    /// Imam, marbot, guru ngaji, pekerja syara and other religious workers.
    PekerjaKeagamaan,
    /// Ojek online/pangkalan, sopir, kurir: the PP 50/2025 transport sector.
    Transportasi,
    #[default]
    Lainnya,
}

/// PP 50/2025 sector (RULES.md 1.5, Part 0): transport or other (default other).
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    Transport,
    #[default]
    Other,
}

impl WorkKind {
    pub const fn sector(self) -> Sector {
        match self {
            WorkKind::Transportasi => Sector::Transport,
            _ => Sector::Other,
        }
    }
}

/// BPU (Bukan Penerima Upah, flat amounts on a declared base) or PU (Penerima Upah, % of wage).
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SchemeKind {
    Bpu,
    Pu,
}

/// The programmes of BPJS Ketenagakerjaan the calculator budgets. JKP is not budgeted (RULES.md 2.1: likely
/// not applicable to Pemda/Desa).
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Programme {
    /// Jaminan Kecelakaan Kerja (work accident).
    Jkk,
    /// Jaminan Kematian (death).
    Jkm,
    /// Jaminan Hari Tua (old-age savings).
    Jht,
    /// Jaminan Pensiun (pension; PU only).
    Jp,
}

impl Programme {
    pub const ALL: [Programme; 4] = [
        Programme::Jkk,
        Programme::Jkm,
        Programme::Jht,
        Programme::Jp,
    ];

    pub const fn index(self) -> usize {
        match self {
            Programme::Jkk => 0,
            Programme::Jkm => 1,
            Programme::Jht => 2,
            Programme::Jp => 3,
        }
    }
}

/// Who pays the employer (or, for BPU, the whole) contribution.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Funder {
    Apbn,
    Apbd,
    DanaDesa,
    /// APBDes from sources other than Dana Desa (ADD, PADes…).
    Apbdes,
    /// The participant pays (BPU only in practice).
    SelfPaid,
}

impl Funder {
    pub const ALL: [Funder; 5] = [
        Funder::Apbn,
        Funder::Apbd,
        Funder::DanaDesa,
        Funder::Apbdes,
        Funder::SelfPaid,
    ];

    /// PP 50/2025 relief applies only to self-paid BPU (Pasal 3 excludes APBN/APBD; RULES.md Part 0
    /// extends the exclusion to Dana Desa and APBDes, the conservative reading).
    pub const fn gets_pp50_relief(self) -> bool {
        matches!(self, Funder::SelfPaid)
    }

    pub const fn index(self) -> usize {
        match self {
            Funder::Apbn => 0,
            Funder::Apbd => 1,
            Funder::DanaDesa => 2,
            Funder::Apbdes => 3,
            Funder::SelfPaid => 4,
        }
    }
}

/// JKK risk group I–V (PP 44/2015 Pasal 16). Government services are group I (Lampiran I).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct RiskGroup(u8);

impl RiskGroup {
    pub const fn new(n: u8) -> Option<RiskGroup> {
        if n >= 1 && n <= 5 {
            Some(RiskGroup(n))
        } else {
            None
        }
    }

    pub const fn get(self) -> u8 {
        if self.0 == 0 {
            1
        } else {
            self.0
        }
    }
}
