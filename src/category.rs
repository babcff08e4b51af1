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

    /// The APBDes line of this category: the national codes of Permendagri 20/2018 for kepala desa and
    /// perangkat desa (RULES.md Part 2 §3.5); no national code for the others (§8: the regency's Perbup sets
    /// them; "" here). 5.1.4 is Tunjangan BPD (allowances), not a jamsostek line.
    pub fn apbdes_line(self) -> BudgetLine {
        let (activity, account, name_id, name_en) = match self {
            Category::KepalaDesa => (
                "1.1.03",
                "5.1.3.03",
                "Jaminan Ketenagakerjaan Kepala Desa",
                "Employment social security, village head",
            ),
            Category::PerangkatDesa => (
                "1.1.03",
                "5.1.3.04",
                "Jaminan Ketenagakerjaan Perangkat Desa",
                "Employment social security, village officials",
            ),
            Category::PekerjaRentan => (
                "",
                "",
                "Iuran BPJS Ketenagakerjaan Pekerja Rentan",
                "BPJS Ketenagakerjaan contributions, vulnerable workers",
            ),
            Category::Bpd => (
                "",
                "",
                "Jaminan Ketenagakerjaan Anggota BPD",
                "Employment social security, BPD members",
            ),
            Category::RtRw => (
                "",
                "",
                "Jaminan Ketenagakerjaan Ketua RT/RW",
                "Employment social security, RT/RW heads",
            ),
            Category::Kader => (
                "",
                "",
                "Jaminan Ketenagakerjaan Kader Desa",
                "Employment social security, village cadres",
            ),
            Category::Linmas => (
                "",
                "",
                "Jaminan Ketenagakerjaan Linmas",
                "Employment social security, Linmas",
            ),
            Category::LembagaDesa => (
                "",
                "",
                "Jaminan Ketenagakerjaan Lembaga Desa",
                "Employment social security, village institutions",
            ),
            Category::NonAsn => (
                "",
                "",
                "Jaminan Ketenagakerjaan Pegawai Non-ASN",
                "Employment social security, Non-ASN staff",
            ),
        };
        BudgetLine {
            activity: activity.into(),
            account: account.into(),
            name_id: name_id.into(),
            name_en: name_en.into(),
        }
    }
}

/// Source of the APBDes codes (Permendagri 20/2018 annex, as reproduced by village-finance apps) [H].
pub const APBDES_LINES_SOURCE: &str = "Permendagri 20/2018 lampiran (kode rekening APBDes): kegiatan 1.1.03 Penyediaan Jaminan Sosial bagi Kepala Desa dan Perangkat Desa; 5.1.3.03 Jaminan Ketenagakerjaan Kepala Desa; 5.1.3.04 Jaminan Ketenagakerjaan Perangkat Desa. No national code for pekerja rentan, BPD, RT/RW, kader, linmas or lembaga desa: the regency's Perbup pedoman APBDes sets them.";

/// An APBDes budget line (Permendagri 20/2018 chart of accounts).
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BudgetLine {
    /// Kegiatan code, e.g. "1.1.03"; "" when neither the law nor the regency names one.
    pub activity: String,
    /// Rekening belanja, e.g. "5.1.3.04"; "" when neither the law nor the regency names one.
    pub account: String,
    pub name_id: String,
    pub name_en: String,
}

impl BudgetLine {
    /// Same codes and name: the same line of the APBDes.
    pub fn same_line(&self, o: &BudgetLine) -> bool {
        self.activity == o.activity && self.account == o.account && self.name_id == o.name_id
    }
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
