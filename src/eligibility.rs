//! Who may join what, and who may pay (RULES.md Part 0; Part 1 §1.4, §2.1–2.2, §4; Part 2 §2–3).
//!
//! The answer is a plain verdict plus the reason for every programme and every funding source, each reason
//! with its legal source. Where the sources are unsure the reason says so (`needsVerification`), and the
//! calculator never claims Dana Desa use is allowed or forbidden (Part 0).

use crate::category::{Category, Funder, Programme, SchemeKind, WorkKind};
use crate::error::{Error, ErrorCode, Result};
use crate::month::Month;
use crate::rules::{self, DanaDesaStatus, Param, ParamId, RULES_CHECKED, TABLE_END, TABLE_START};
use serde::{Deserialize, Serialize};

/// The shared note type (a reason, caveat or warning with its source), re-exported here for the
/// eligibility and benefit results.
pub use crate::note::Note;

/// A note from literal texts.
pub(crate) const fn note(
    code: &'static str,
    id: &'static str,
    en: &'static str,
    source: &'static str,
    needs_verification: bool,
) -> Note {
    Note {
        code,
        id,
        en,
        source,
        needs_verification,
    }
}

/// A note whose source and flag are those of a rule-table row.
pub(crate) fn note_from_row(
    code: &'static str,
    id: &'static str,
    en: &'static str,
    row: &Param,
) -> Note {
    Note {
        code,
        id,
        en,
        source: row.source,
        needs_verification: row.confidence.needs_verification(),
    }
}

/// The default "as of" month when a request gives none: the newest month, up to the month the rules were
/// last checked (`RULES_CHECKED`), in which every row in `ids` holds. The calculator does not look past the
/// day its sources were read.
pub fn default_as_of(ids: &[ParamId]) -> Month {
    let checked = RULES_CHECKED
        .get(..7)
        .and_then(Month::parse)
        .unwrap_or(TABLE_END)
        .min(TABLE_END);
    let mut best = None;
    let mut m = TABLE_START;
    while m <= checked {
        if ids.iter().all(|id| rules::find_optional(*id, m).is_some()) {
            best = Some(m);
        }
        match m.plus(1) {
            Some(next) => m = next,
            None => break,
        }
    }
    best.unwrap_or(checked)
}

/// What the person does.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkStatus {
    /// Informal / self-employed ("pekerja rentan"): BPU.
    Informal,
    /// Non-ASN staff of the regency (honorer): PU.
    NonAsn,
    KepalaDesa,
    PerangkatDesa,
    /// BPD, RT/RW, kader, linmas, LPMD/LKD: BPU unless the regency registers them as PU.
    VillageInstitution,
    /// PNS or full-time PPPK: Taspen, not BPJS Ketenagakerjaan.
    Asn,
    /// Part-time PPPK: still paid to BPJS Ketenagakerjaan, like Non-ASN [M].
    PppkParuhWaktu,
    /// Employee of a private employer: PU, paid by the employer.
    PrivateEmployee,
}

#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Nationality {
    #[default]
    Wni,
    Wna,
}

/// A regency's own programme rules (its Perbup).
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct RegencySettings {
    /// Youngest age the regency's BPU programme takes (Paser: 15).
    pub min_age: Option<u32>,
    /// Oldest age the regency's BPU programme takes (Paser: 64); never above the BPJS limit.
    pub max_age: Option<u32>,
    /// Categories the regency funds; `None` = all.
    pub funded_categories: Option<Vec<Category>>,
    /// Village institutions the regency registers as PU (percentage of honorarium); others are BPU.
    pub pu_institutions: Vec<Category>,
}

#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EligibilityRequest {
    /// Age in whole years, 0..=120.
    pub age: u32,
    pub work: WorkStatus,
    /// Kind of informal work. No eligibility rule depends on it (RULES.md §4); kept for the widget.
    #[serde(default)]
    pub work_kind: Option<WorkKind>,
    /// For `village_institution`: bpd | rt_rw | kader | linmas | lembaga_desa (required).
    #[serde(default)]
    pub category: Option<Category>,
    #[serde(default)]
    pub nationality: Nationality,
    /// Foreigners only: months worked in Indonesia so far.
    #[serde(default)]
    pub months_working_in_indonesia: Option<u32>,
    #[serde(default)]
    pub regency: RegencySettings,
    /// The month the answer is for ("YYYY-MM"): its budget year decides the Dana Desa answer. Default: the
    /// month the rules were last checked (the JS API fills in the current month).
    #[serde(default)]
    pub month: Option<Month>,
}

#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProgrammeStatus {
    Mandatory,
    Optional,
    NotAvailable,
}

#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FunderStatus {
    Yes,
    Conditional,
    No,
}

#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProgrammeAnswer {
    pub programme: Programme,
    pub status: ProgrammeStatus,
    pub reason: Note,
}

#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FunderAnswer {
    pub funder: Funder,
    pub status: FunderStatus,
    pub reason: Note,
}

#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EligibilityResult {
    pub eligible: bool,
    /// The scheme the person joins; `None` when not eligible.
    pub scheme: Option<SchemeKind>,
    /// The budgeting category (None for ASN and private employees).
    pub category: Option<Category>,
    /// One per `Programme::ALL`, in that order.
    pub programmes: Vec<ProgrammeAnswer>,
    /// One per `Funder::ALL`, in that order.
    pub funders: Vec<FunderAnswer>,
    /// Why not eligible, and caveats; the refusal reason (if any) comes first.
    pub reasons: Vec<Note>,
    /// Whether the regency's programme funds this person's category.
    pub regency_funds: bool,
}

// ── Notes ─────────────────────────────────────────────────────────────────────────────────────────────────
// Texts carry no figure from the rule table: the figure is in the row the source points to.

const ASN: Note = note(
    "ASN_TASPEN",
    "ASN (PNS dan PPPK penuh waktu) dilindungi Taspen untuk kecelakaan kerja dan kematian, bukan BPJS Ketenagakerjaan.",
    "ASN civil servants (PNS and full-time PPPK) are covered by Taspen for work accidents and death, not by BPJS Ketenagakerjaan.",
    "PP 49/2023 Pasal 5 ayat (1) huruf a (JKK/JKM of CPNS, PNS and PPPK are not run by BPJS Ketenagakerjaan) [H]; PP 70/2015 jo. PP 66/2017 (JKK/JKM of ASN via Taspen) [M]",
    false,
);
const PPPK_PARUH_WAKTU: Note = note(
    "PPPK_PARUH_WAKTU",
    "PPPK paruh waktu saat ini masih didaftarkan ke BPJS Ketenagakerjaan sebagai penerima upah, seperti Non-ASN, sambil menunggu aturan baru.",
    "Part-time PPPK are still registered with BPJS Ketenagakerjaan as wage earners, like Non-ASN staff, pending new rules.",
    "RULES.md 2.1: practice pending rules (medan.inews.id) [M]; full-time PPPK go to Taspen (PP 70/2015 jo. PP 66/2017)",
    false,
);
const PRIVATE_EMPLOYER_PAYS: Note = note(
    "PRIVATE_EMPLOYER_PAYS",
    "Karyawan swasta didaftarkan dan dibayar iurannya oleh pemberi kerjanya, bukan oleh APBD, APBDes atau Dana Desa.",
    "A private employee is registered and paid for by the employer, not from the APBD, the APBDes or Dana Desa.",
    "Perpres 109/2013 Pasal 6 (employer duty by business scale) [H]; PP 44/2015 Pasal 16, 18 (employer pays JKK and JKM) [H]",
    false,
);
const PU_NO_AGE_LIMIT: Note = note(
    "PU_NO_AGE_LIMIT",
    "Untuk penerima upah tidak ditemukan batas umur selama orangnya masih bekerja. Perlu dicek ke BPJS Ketenagakerjaan.",
    "No age limit was found for wage earners while they still work. Check with BPJS Ketenagakerjaan.",
    "RULES.md §4: BPJS Ketenagakerjaan Tegal branch (portalbrebes, 22 Jun 2022) [M]; no regulation found [UNCONFIRMED]",
    true,
);
const REGENCY_AGE_RANGE: Note = note(
    "REGENCY_AGE_RANGE",
    "Umur di luar rentang umur program kabupaten ini.",
    "The age is outside the age range of this regency's programme.",
    "Regency setting (its Perbup, e.g. Perbup Paser 4/2022); RULES.md Part 0: a regency can narrow the BPU age range",
    false,
);
const FOREIGN_BPU: Note = note(
    "FOREIGN_BPU",
    "Warga negara asing tidak dapat mendaftar sebagai pekerja bukan penerima upah (BPU): pendaftaran BPU memerlukan NIK/KTP.",
    "A foreigner cannot register as a non-wage (BPU) participant: BPU registration needs an Indonesian NIK/KTP.",
    "RULES.md §4: BPJS Ketenagakerjaan (sapa-chatbot) [L]; treated as unsupported",
    true,
);
const FOREIGN_MONTHS_UNKNOWN: Note = note(
    "FOREIGN_MONTHS_UNKNOWN",
    "Untuk warga negara asing, isi berapa bulan orang itu sudah bekerja di Indonesia.",
    "For a foreigner, give how many months the person has worked in Indonesia.",
    "PP 49/2023 Pasal 5 ayat (2) huruf c; PP 46/2015 Pasal 4 ayat (2) huruf c [H]",
    false,
);
const INSTITUTION_BPU: Note = note(
    "VILLAGE_INSTITUTION_BPU",
    "Lembaga desa didaftarkan sebagai pekerja bukan penerima upah (BPU) kecuali kabupaten memilih penerima upah. Tidak ada aturan nasional tentang ini.",
    "Village institutions are registered as non-wage (BPU) participants unless the regency chooses wage-earner (PU) registration. No national rule covers this.",
    "RULES.md Part 0 (project default: BPU flat); RULES.md 2.2: no national rule found [UNCONFIRMED]",
    true,
);
const INSTITUTION_PU: Note = note(
    "VILLAGE_INSTITUTION_PU",
    "Kabupaten ini mendaftarkan lembaga desa ini sebagai penerima upah (persentase dari honorarium). Tidak ada aturan nasional tentang ini.",
    "This regency registers this village institution as wage earners (a percentage of the honorarium). No national rule covers this.",
    "Regency setting; RULES.md Part 0 and 2.2: no national rule found [UNCONFIRMED]",
    true,
);
const REGENCY_NOT_FUNDING_BPU: Note = note(
    "REGENCY_DOES_NOT_FUND",
    "Program kabupaten ini tidak menanggung kategori pekerja ini. Orangnya tetap bisa ikut dengan membayar iuran sendiri.",
    "This regency's programme does not fund this category of worker. The person can still join and pay the contribution themselves.",
    "Regency setting (its Perbup / programme rules)",
    false,
);
const REGENCY_NOT_FUNDING_PU: Note = note(
    "REGENCY_DOES_NOT_FUND",
    "Program kabupaten ini tidak menanggung kategori pekerja ini; iurannya menjadi tanggungan pemberi kerjanya.",
    "This regency's programme does not fund this category of worker; the contribution falls to the employer.",
    "Regency setting (its Perbup / programme rules)",
    false,
);

// Programmes.
const BPU_JKK_JKM: Note = note(
    "BPU_JKK_JKM",
    "Pekerja bukan penerima upah (BPU) ikut paling sedikit JKK dan JKM.",
    "Non-wage (BPU) participants join at least JKK and JKM.",
    "PP 44/2015 Pasal 5 ayat (3) as amended by PP 49/2023; BPJS Ketenagakerjaan (RULES.md 1.4) [H]",
    false,
);
const BPU_JHT_OPTIONAL: Note = note(
    "BPU_JHT_OPTIONAL",
    "BPU boleh menambah JHT (tabungan hari tua).",
    "BPU participants may add JHT (old-age savings).",
    "PP 46/2015 Pasal 4 (BPU are JHT participants); BPJS Ketenagakerjaan (RULES.md 1.4) [H]",
    false,
);
const BPU_NO_JP: Note = note(
    "BPU_NO_JP",
    "JP (jaminan pensiun) tidak tersedia untuk BPU.",
    "JP (pension) is not available to BPU participants.",
    "PP 45/2015 (JP for wage earners); BPJS Ketenagakerjaan (RULES.md 1.4) [H]",
    false,
);
const NON_ASN_MANDATORY: Note = note(
    "NON_ASN_JKK_JKM_JHT",
    "Pemda wajib mendaftarkan Non-ASN dalam JKK, JKM dan JHT.",
    "The regency must register Non-ASN staff in JKK, JKM and JHT.",
    "Permenaker 1/2025 Pasal 3A ayat (1) [H]",
    false,
);
const NON_ASN_JP_OPTIONAL: Note = note(
    "NON_ASN_JP_OPTIONAL",
    "JP (jaminan pensiun) untuk Non-ASN tidak diwajibkan oleh aturan yang ditemukan; boleh dipilih.",
    "JP (pension) for Non-ASN staff is not mandatory under any rule found; it may be chosen.",
    "PP 45/2015 Pasal 4 (JP registration duty on employers other than penyelenggara negara); Permenaker 1/2025 Pasal 3A names no JP [M]",
    false,
);
const APPARATUS_MINIMUM: Note = note(
    "DESA_APPARATUS_JKK_JKM",
    "Kepala desa dan perangkat desa paling sedikit ikut JKK dan JKM.",
    "Village heads and village officials join at least JKK and JKM.",
    "UU 3/2024 Pasal 26 ayat (3) huruf c and Pasal 50A huruf b (right to employment social security) [H]; minimum JKK+JKM per BPJS Ketenagakerjaan (kompas Malang 2018) and Kab. Semarang practice [M]",
    false,
);
const APPARATUS_OPTIONAL: Note = note(
    "DESA_APPARATUS_JHT_JP_OPTIONAL",
    "JHT dan JP boleh ditambah sesuai kemampuan keuangan desa.",
    "JHT and JP may be added as the village's finances allow.",
    "RULES.md 2.2: BPJS Ketenagakerjaan (kompas Malang 2018); Kab. Semarang practice (jatengdaily 2019) [M]; no national rule found",
    false,
);
const INSTITUTION_PU_MINIMUM: Note = note(
    "INSTITUTION_PU_JKK_JKM",
    "Lembaga desa yang didaftarkan sebagai penerima upah ikut paling sedikit JKK dan JKM, seperti perangkat desa.",
    "A village institution registered as wage earners joins at least JKK and JKM, like village officials.",
    "RULES.md 2.2 and Part 0 (treated like perangkat desa); no national rule found [UNCONFIRMED]",
    true,
);
const INSTITUTION_PU_OPTIONAL: Note = note(
    "INSTITUTION_PU_JHT_JP_OPTIONAL",
    "JHT dan JP boleh ditambah sesuai kemampuan keuangan desa.",
    "JHT and JP may be added as the village's finances allow.",
    "RULES.md 2.2 and Part 0 (treated like perangkat desa); no national rule found [UNCONFIRMED]",
    true,
);
const PRIVATE_JKK_JKM: Note = note(
    "PRIVATE_JKK_JKM",
    "Pemberi kerja swasta wajib mendaftarkan karyawannya paling sedikit dalam JKK dan JKM.",
    "A private employer must register its employees in at least JKK and JKM.",
    "Perpres 109/2013 Pasal 6 [H]",
    false,
);
const PRIVATE_JHT_JP: Note = note(
    "PRIVATE_JHT_JP_BY_SCALE",
    "JHT wajib mulai usaha kecil, JP mulai usaha menengah dan besar; keduanya urusan pemberi kerja.",
    "JHT is mandatory from small businesses up and JP from medium and large businesses; both are the employer's duty.",
    "Perpres 109/2013 Pasal 6 (micro JKK+JKM; small +JHT; medium/large +JP) [H]",
    false,
);

// Funders.
const APBN_BPU: Note = note(
    "APBN_NO_NATIONAL_SCHEME",
    "Belum ada program nasional yang membayar iuran dari APBN (PBI Jamsostek); hanya bila ada program pusat yang menanggung orang ini.",
    "No national APBN-paid scheme (PBI Jamsosnaker) was found running; only if a central programme covers this person.",
    "djsn.go.id (Sep 2022): PBI-Jamsosnaker not implemented [M]",
    false,
);
const APBN_PU: Note = note(
    "APBN_PU_EMPLOYER",
    "Iuran penerima upah dibayar pemberi kerjanya, bukan APBN.",
    "A wage earner's contribution is paid by the employer, not from the APBN.",
    "PP 44/2015 Pasal 16, 18 (employer pays JKK and JKM) [H]; PBI-Jamsosnaker not implemented (djsn.go.id Sep 2022) [M]",
    false,
);
const APBD_YES: Note = note(
    "APBD_INPRES",
    "Pemda diminta mengatur dan menganggarkan jaminan sosial ketenagakerjaan bagi pekerja rentan, Non-ASN, aparatur desa dan lembaga desa.",
    "Regencies are instructed to regulate and budget employment social security for vulnerable workers, Non-ASN staff, village apparatus and village institutions.",
    "Inpres 2/2021 (bupati/wali kota: regulate and allocate budget) [H]; Permendagri 15/2023 (APBD 2024 guideline) [M]",
    false,
);
const APBDES_APPARATUS: Note = note(
    "APBDES_APPARATUS",
    "Desa menganggarkan jaminan ketenagakerjaan kepala desa dan perangkat desa di APBDes.",
    "The village budgets the employment social security of its head and officials in the APBDes.",
    "UU 3/2024 Pasal 26 ayat (3) huruf c, Pasal 50A huruf b [H]; Permendagri 20/2018 lampiran: kegiatan 1.1.03, rekening 5.1.3.03 / 5.1.3.04 [H]",
    false,
);
const APBDES_CONDITIONAL: Note = note(
    "APBDES_VILLAGE_FINANCES",
    "Boleh dibayar dari APBDes sesuai kemampuan keuangan desa.",
    "May be paid from the APBDes as the village's finances allow.",
    "Juknis Kemendagri–BPJS Ketenagakerjaan (6 Mar 2023) and PKS Oct 2024 ('sesuai kemampuan keuangan desa') [H]; UU 3/2024 Pasal 62 huruf f (BPD) [H]",
    false,
);
const APBDES_NON_ASN: Note = note(
    "APBDES_NOT_VILLAGE_STAFF",
    "Non-ASN adalah pegawai pemda: iurannya dari DPA perangkat daerah, bukan APBDes.",
    "Non-ASN staff work for the regency: their contributions come from the regency office's DPA, not the APBDes.",
    "Permenaker 1/2025 Pasal 3A (the Pejabat Pembina Kepegawaian registers them) [H]; RULES.md Part 2 §8 (Non-ASN in each OPD's DPA) [M]",
    false,
);
const SELF_PAID_BPU: Note = note(
    "SELF_PAID_BPU",
    "Peserta BPU boleh membayar iurannya sendiri, sendiri-sendiri atau lewat wadah/kelompok.",
    "A BPU participant may pay the contribution themselves, individually or through a group.",
    "PP 44/2015 (BPU pay individually or via a wadah) as summarised by kontan.co.id [M]; RULES.md 1.6",
    false,
);
const SELF_PAID_PU: Note = note(
    "SELF_PAID_PU",
    "Iuran penerima upah dibayar pemberi kerja; bagian pekerja untuk JHT dan JP dipotong dari upah.",
    "A wage earner's contribution is paid by the employer; the worker's JHT and JP shares are deducted from the wage.",
    "PP 44/2015 Pasal 16, 18; PP 46/2015 Pasal 16 ayat (1); PP 45/2015 Pasal 28 ayat (3) [H]",
    false,
);

const BPU_AGE_OVER_ID: &str = "Peserta BPU hanya dapat mendaftar sebelum mencapai umur 65 tahun (BPJS Ketenagakerjaan, Brosur BPU 2026; pasal peraturannya belum ditemukan). Yang sudah terdaftar sebelum umur itu boleh terus membayar.";
const BPU_AGE_OVER_EN: &str = "Non-wage (BPU) participants can register only before they turn 65 (BPJS Ketenagakerjaan, BPU brochure 2026; no regulation article found). Someone registered before that age may keep paying.";
const FOREIGN_SHORT_ID: &str =
    "Warga negara asing baru bisa ikut sebagai penerima upah setelah bekerja di Indonesia selama masa minimum dalam PP 49/2023.";
const FOREIGN_SHORT_EN: &str =
    "A foreigner can join as a wage earner only after working in Indonesia for the minimum period of PP 49/2023.";

/// Refuses more than this many categories in a regency list (there are 9; duplicates are harmless).
const MAX_LIST: usize = 32;
/// The oldest age accepted.
const MAX_AGE: u32 = 120;

/// How the person would be registered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Informal,
    NonAsn,
    Apparatus,
    InstitutionBpu,
    InstitutionPu,
    Private,
}

/// Who may join BPJS Ketenagakerjaan, which programmes apply, and who may pay.
pub fn eligibility(req: &EligibilityRequest) -> Result<EligibilityResult> {
    validate(req)?;
    let as_of = req.month.unwrap_or_else(|| {
        default_as_of(&[
            ParamId::BpuRegistrationAgeLimit,
            ParamId::ForeignPuMinMonths,
        ])
    });
    rules::check_month(as_of).map_err(|e| e.at("month"))?;

    let (kind, category) = match req.work {
        WorkStatus::Asn => return Ok(refused(None, vec![ASN])),
        WorkStatus::Informal => (Kind::Informal, Some(Category::PekerjaRentan)),
        WorkStatus::NonAsn | WorkStatus::PppkParuhWaktu => (Kind::NonAsn, Some(Category::NonAsn)),
        WorkStatus::KepalaDesa => (Kind::Apparatus, Some(Category::KepalaDesa)),
        WorkStatus::PerangkatDesa => (Kind::Apparatus, Some(Category::PerangkatDesa)),
        WorkStatus::PrivateEmployee => (Kind::Private, None),
        WorkStatus::VillageInstitution => {
            // `validate` made sure the category is a village institution.
            let c = req.category.unwrap_or(Category::LembagaDesa);
            if req.regency.pu_institutions.contains(&c) {
                (Kind::InstitutionPu, Some(c))
            } else {
                (Kind::InstitutionBpu, Some(c))
            }
        }
    };
    let scheme = match kind {
        Kind::Informal | Kind::InstitutionBpu => SchemeKind::Bpu,
        Kind::NonAsn | Kind::Apparatus | Kind::InstitutionPu | Kind::Private => SchemeKind::Pu,
    };

    let mut caveats: Vec<Note> = Vec::new();
    match (req.work, kind) {
        (WorkStatus::PppkParuhWaktu, _) => caveats.push(PPPK_PARUH_WAKTU),
        (_, Kind::InstitutionBpu) => caveats.push(INSTITUTION_BPU),
        (_, Kind::InstitutionPu) => caveats.push(INSTITUTION_PU),
        (_, Kind::Private) => caveats.push(PRIVATE_EMPLOYER_PAYS),
        _ => {}
    }

    // Foreigners: PU only, after the minimum months of work in Indonesia; BPU unsupported.
    if req.nationality == Nationality::Wna {
        if scheme == SchemeKind::Bpu {
            return Ok(refused(category, prepend(FOREIGN_BPU, caveats)));
        }
        let row = rules::find(ParamId::ForeignPuMinMonths, as_of)?;
        let min = row.count()?;
        match req.months_working_in_indonesia {
            None => return Ok(refused(category, prepend(FOREIGN_MONTHS_UNKNOWN, caveats))),
            Some(n) if n < min => {
                let refusal = note_from_row(
                    "FOREIGN_PU_TOO_SHORT",
                    FOREIGN_SHORT_ID,
                    FOREIGN_SHORT_EN,
                    row,
                );
                return Ok(refused(category, prepend(refusal, caveats)));
            }
            Some(_) => {}
        }
    }

    // Age: BPU register only while under the limit (RULES.md Part 0 "BPU age": 65 and over refused).
    match scheme {
        SchemeKind::Bpu => {
            let row = rules::find(ParamId::BpuRegistrationAgeLimit, as_of)?;
            if req.age >= row.count()? {
                // The value is [M], the instrument [UNCONFIRMED]: the refusal is flagged.
                let refusal = Note {
                    needs_verification: true,
                    ..note_from_row("BPU_AGE_LIMIT", BPU_AGE_OVER_ID, BPU_AGE_OVER_EN, row)
                };
                return Ok(refused(category, prepend(refusal, caveats)));
            }
            let below_min = req.regency.min_age.is_some_and(|a| req.age < a);
            let above_max = req.regency.max_age.is_some_and(|a| req.age > a);
            if below_min || above_max {
                return Ok(refused(category, prepend(REGENCY_AGE_RANGE, caveats)));
            }
        }
        SchemeKind::Pu => caveats.push(PU_NO_AGE_LIMIT),
    }

    let regency_funds = match category {
        Some(c) if kind != Kind::Private => req
            .regency
            .funded_categories
            .as_ref()
            .is_none_or(|v| v.contains(&c)),
        _ => false,
    };
    if !regency_funds && kind != Kind::Private {
        caveats.push(match scheme {
            SchemeKind::Bpu => REGENCY_NOT_FUNDING_BPU,
            SchemeKind::Pu => REGENCY_NOT_FUNDING_PU,
        });
    }

    let programmes = Programme::ALL
        .iter()
        .map(|&p| programme_answer(p, kind))
        .collect();
    let dana_desa = dana_desa_note(category, as_of);
    let funders = Funder::ALL
        .iter()
        .map(|&f| funder_answer(f, kind, regency_funds, &dana_desa))
        .collect();
    Ok(EligibilityResult {
        eligible: true,
        scheme: Some(scheme),
        category,
        programmes,
        funders,
        reasons: caveats,
        regency_funds,
    })
}

fn validate(req: &EligibilityRequest) -> Result<()> {
    let age_error = |path: &str, age: u32| {
        let mut d = String::new();
        crate::month::push_digits(&mut d, age, 1);
        d.push_str(" (0–120)");
        Error::new(ErrorCode::InvalidAge).at(path).detail(d)
    };
    if req.age > MAX_AGE {
        return Err(age_error("age", req.age));
    }
    let r = &req.regency;
    if let Some(a) = r.min_age.filter(|a| *a > MAX_AGE) {
        return Err(age_error("regency.minAge", a));
    }
    if let Some(a) = r.max_age.filter(|a| *a > MAX_AGE) {
        return Err(age_error("regency.maxAge", a));
    }
    if let (Some(lo), Some(hi)) = (r.min_age, r.max_age) {
        if lo > hi {
            let mut d = String::new();
            crate::month::push_digits(&mut d, lo, 1);
            d.push_str(" > ");
            crate::month::push_digits(&mut d, hi, 1);
            return Err(Error::new(ErrorCode::InvalidAge).at("regency").detail(d));
        }
    }
    let too_many = |path: &str| {
        let mut d = String::new();
        crate::month::push_digits(&mut d, u32::try_from(MAX_LIST).unwrap_or(u32::MAX), 1);
        Error::new(ErrorCode::TooManyItems).at(path).detail(d)
    };
    if r.funded_categories
        .as_ref()
        .is_some_and(|v| v.len() > MAX_LIST)
    {
        return Err(too_many("regency.fundedCategories"));
    }
    if r.pu_institutions.len() > MAX_LIST {
        return Err(too_many("regency.puInstitutions"));
    }
    if req.work == WorkStatus::VillageInstitution {
        match req.category {
            Some(c) if c.is_village_institution() => {}
            _ => {
                return Err(Error::new(ErrorCode::InvalidInput)
                    .at("category")
                    .detail("bpd | rt_rw | kader | linmas | lembaga_desa"));
            }
        }
    }
    Ok(())
}

fn prepend(first: Note, mut rest: Vec<Note>) -> Vec<Note> {
    rest.insert(0, first);
    rest
}

/// Not eligible: every programme not available and every funder "no", for the first reason.
fn refused(category: Option<Category>, reasons: Vec<Note>) -> EligibilityResult {
    let main = reasons.first().cloned().unwrap_or(ASN);
    EligibilityResult {
        eligible: false,
        scheme: None,
        category,
        programmes: Programme::ALL
            .iter()
            .map(|&programme| ProgrammeAnswer {
                programme,
                status: ProgrammeStatus::NotAvailable,
                reason: main.clone(),
            })
            .collect(),
        funders: Funder::ALL
            .iter()
            .map(|&funder| FunderAnswer {
                funder,
                status: FunderStatus::No,
                reason: main.clone(),
            })
            .collect(),
        reasons,
        regency_funds: false,
    }
}

fn programme_answer(programme: Programme, kind: Kind) -> ProgrammeAnswer {
    use ProgrammeStatus::{Mandatory, NotAvailable, Optional};
    let (status, reason) = match (kind, programme) {
        (Kind::Informal | Kind::InstitutionBpu, Programme::Jkk | Programme::Jkm) => {
            (Mandatory, BPU_JKK_JKM)
        }
        (Kind::Informal | Kind::InstitutionBpu, Programme::Jht) => (Optional, BPU_JHT_OPTIONAL),
        (Kind::Informal | Kind::InstitutionBpu, Programme::Jp) => (NotAvailable, BPU_NO_JP),
        (Kind::NonAsn, Programme::Jkk | Programme::Jkm | Programme::Jht) => {
            (Mandatory, NON_ASN_MANDATORY)
        }
        (Kind::NonAsn, Programme::Jp) => (Optional, NON_ASN_JP_OPTIONAL),
        (Kind::Apparatus, Programme::Jkk | Programme::Jkm) => (Mandatory, APPARATUS_MINIMUM),
        (Kind::Apparatus, Programme::Jht | Programme::Jp) => (Optional, APPARATUS_OPTIONAL),
        (Kind::InstitutionPu, Programme::Jkk | Programme::Jkm) => {
            (Mandatory, INSTITUTION_PU_MINIMUM)
        }
        (Kind::InstitutionPu, Programme::Jht | Programme::Jp) => {
            (Optional, INSTITUTION_PU_OPTIONAL)
        }
        (Kind::Private, Programme::Jkk | Programme::Jkm) => (Mandatory, PRIVATE_JKK_JKM),
        (Kind::Private, Programme::Jht | Programme::Jp) => (Optional, PRIVATE_JHT_JP),
    };
    ProgrammeAnswer {
        programme,
        status,
        reason,
    }
}

/// The Dana Desa answer for the category in the budget year of `as_of` (RULES.md Part 2 §2 "Dana Desa by year").
fn dana_desa_note(category: Option<Category>, as_of: Month) -> (FunderStatus, Note) {
    let Some(c) = category else {
        return (FunderStatus::No, PRIVATE_EMPLOYER_PAYS);
    };
    let a = rules::dana_desa_rule(c, as_of.year());
    let (status, code) = match a.status {
        DanaDesaStatus::No => (FunderStatus::No, "DANA_DESA_FORBIDDEN"),
        DanaDesaStatus::Conditional => (FunderStatus::Conditional, "DANA_DESA_SUBJECT_TO_PERBUP"),
        DanaDesaStatus::Unknown => (FunderStatus::Conditional, "DANA_DESA_RULES_UNKNOWN_YEAR"),
    };
    let source = if a.instrument.is_empty() {
        DANA_DESA_BY_YEAR
    } else {
        a.instrument
    };
    (
        status,
        note(code, a.reason_id, a.reason_en, source, a.needs_verification),
    )
}

const DANA_DESA_BY_YEAR: &str = "Dana Desa rules by budget year: Permendes PDTT 8/2022 (2023), Surat Edaran Kemendes 4/PRI.00/I/2024 (2024), Permendes PDT 2/2024 (2025), Permendes PDT 16/2025 (2026)";

fn funder_answer(
    funder: Funder,
    kind: Kind,
    regency_funds: bool,
    dana_desa: &(FunderStatus, Note),
) -> FunderAnswer {
    use FunderStatus::{Conditional, No, Yes};
    let bpu = matches!(kind, Kind::Informal | Kind::InstitutionBpu);
    let (status, reason) = match (funder, kind) {
        (_, Kind::Private) => (No, PRIVATE_EMPLOYER_PAYS),
        (Funder::Apbn, _) if bpu => (Conditional, APBN_BPU),
        (Funder::Apbn, _) => (No, APBN_PU),
        (Funder::Apbd, _) if !regency_funds => (
            No,
            if bpu {
                REGENCY_NOT_FUNDING_BPU
            } else {
                REGENCY_NOT_FUNDING_PU
            },
        ),
        (Funder::Apbd, _) => (Yes, APBD_YES),
        (Funder::DanaDesa, _) => dana_desa.clone(),
        (Funder::Apbdes, Kind::Apparatus) => (Yes, APBDES_APPARATUS),
        (Funder::Apbdes, Kind::NonAsn) => (No, APBDES_NON_ASN),
        (Funder::Apbdes, _) => (Conditional, APBDES_CONDITIONAL),
        (Funder::SelfPaid, _) if bpu => (Yes, SELF_PAID_BPU),
        (Funder::SelfPaid, _) => (No, SELF_PAID_PU),
    };
    FunderAnswer {
        funder,
        status,
        reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(age: u32, work: WorkStatus) -> EligibilityRequest {
        EligibilityRequest {
            age,
            work,
            work_kind: None,
            category: None,
            nationality: Nationality::Wni,
            months_working_in_indonesia: None,
            regency: RegencySettings::default(),
            month: None,
        }
    }

    fn programme(r: &EligibilityResult, p: Programme) -> ProgrammeStatus {
        r.programmes
            .iter()
            .find(|a| a.programme == p)
            .unwrap()
            .status
    }

    fn funder(r: &EligibilityResult, f: Funder) -> &FunderAnswer {
        r.funders.iter().find(|a| a.funder == f).unwrap()
    }

    fn has(r: &EligibilityResult, code: &str) -> bool {
        r.reasons.iter().any(|n| n.code == code)
    }

    #[test]
    fn fisher_of_thirty_is_bpu() {
        let mut q = req(30, WorkStatus::Informal);
        q.work_kind = Some(WorkKind::Nelayan);
        let r = eligibility(&q).unwrap();
        assert!(r.eligible);
        assert_eq!(r.scheme, Some(SchemeKind::Bpu));
        assert_eq!(r.category, Some(Category::PekerjaRentan));
        assert_eq!(programme(&r, Programme::Jkk), ProgrammeStatus::Mandatory);
        assert_eq!(programme(&r, Programme::Jkm), ProgrammeStatus::Mandatory);
        assert_eq!(programme(&r, Programme::Jht), ProgrammeStatus::Optional);
        assert_eq!(programme(&r, Programme::Jp), ProgrammeStatus::NotAvailable);
        let dd = funder(&r, Funder::DanaDesa);
        assert_eq!(dd.status, FunderStatus::Conditional);
        assert!(
            dd.reason
                .en
                .contains("follows your regency's Perbup / juknis"),
            "2026: rentan not in the prohibition"
        );
        assert!(dd.reason.source.contains("Permendes PDT 16/2025"));
        assert!(dd.reason.needs_verification);
        assert_eq!(funder(&r, Funder::SelfPaid).status, FunderStatus::Yes);
        assert_eq!(funder(&r, Funder::Apbd).status, FunderStatus::Yes);
        assert_eq!(funder(&r, Funder::Apbdes).status, FunderStatus::Conditional);
        assert_eq!(funder(&r, Funder::Apbn).status, FunderStatus::Conditional);
        assert!(r.regency_funds);
        assert_eq!(r.programmes.len(), Programme::ALL.len());
        assert_eq!(r.funders.len(), Funder::ALL.len());
        for (a, p) in r.programmes.iter().zip(Programme::ALL) {
            assert_eq!(a.programme, p);
        }
        for (a, f) in r.funders.iter().zip(Funder::ALL) {
            assert_eq!(a.funder, f);
        }
    }

    #[test]
    fn informal_worker_of_66_is_refused_with_a_flag() {
        let r = eligibility(&req(66, WorkStatus::Informal)).unwrap();
        assert!(!r.eligible);
        assert_eq!(r.scheme, None);
        let first = &r.reasons[0];
        assert_eq!(first.code, "BPU_AGE_LIMIT");
        assert!(first.needs_verification);
        assert!(first.source.contains("no regulation article found"));
        assert!(r
            .programmes
            .iter()
            .all(|p| p.status == ProgrammeStatus::NotAvailable));
        assert!(r.funders.iter().all(|f| f.status == FunderStatus::No));
        assert!(!r.regency_funds);
    }

    #[test]
    fn bpu_registers_under_65_only() {
        // RULES.md Part 0 "BPU age": "belum mencapai usia 65 tahun"; 65 is refused, with the reason.
        let r = eligibility(&req(65, WorkStatus::Informal)).unwrap();
        assert!(!r.eligible);
        assert_eq!(r.reasons[0].code, "BPU_AGE_LIMIT");
        assert!(r.reasons[0].id.contains("sebelum mencapai umur 65 tahun"));
        assert!(r.reasons[0].source.contains("Brosur BPU 2026"));
        let r = eligibility(&req(64, WorkStatus::Informal)).unwrap();
        assert!(r.eligible && r.reasons.is_empty());
        // A wage earner of 65 is not refused (no age limit for PU while working).
        assert!(
            eligibility(&req(65, WorkStatus::PerangkatDesa))
                .unwrap()
                .eligible
        );
    }

    #[test]
    fn paser_range_refuses_65() {
        let mut q = req(65, WorkStatus::Informal);
        q.regency.min_age = Some(15);
        q.regency.max_age = Some(64);
        let r = eligibility(&q).unwrap();
        assert!(!r.eligible);
        assert_eq!(
            r.reasons[0].code, "BPU_AGE_LIMIT",
            "the BPJS limit is checked first"
        );
        q.regency.max_age = Some(60);
        q.age = 61;
        assert_eq!(
            eligibility(&q).unwrap().reasons[0].code,
            "REGENCY_AGE_RANGE"
        );
        q.regency.max_age = Some(64);
        q.age = 14;
        assert!(!eligibility(&q).unwrap().eligible);
        q.age = 15;
        assert!(eligibility(&q).unwrap().eligible);
        q.age = 64;
        assert!(eligibility(&q).unwrap().eligible);
    }

    #[test]
    fn regency_range_does_not_apply_to_wage_earners() {
        let mut q = req(70, WorkStatus::PerangkatDesa);
        q.regency.max_age = Some(64);
        let r = eligibility(&q).unwrap();
        assert!(r.eligible);
        assert!(r
            .reasons
            .iter()
            .any(|n| n.code == "PU_NO_AGE_LIMIT" && n.needs_verification));
    }

    #[test]
    fn asn_is_not_eligible() {
        let r = eligibility(&req(40, WorkStatus::Asn)).unwrap();
        assert!(!r.eligible);
        assert_eq!(r.scheme, None);
        assert_eq!(r.category, None);
        assert_eq!(r.reasons[0].code, "ASN_TASPEN");
        assert!(r.reasons[0]
            .source
            .contains("PP 49/2023 Pasal 5 ayat (1) huruf a"));
        assert!(r.reasons[0].source.contains("PP 70/2015"));
    }

    #[test]
    fn non_asn_jht_mandatory_jp_optional() {
        let r = eligibility(&req(35, WorkStatus::NonAsn)).unwrap();
        assert!(r.eligible);
        assert_eq!(r.scheme, Some(SchemeKind::Pu));
        assert_eq!(r.category, Some(Category::NonAsn));
        for p in [Programme::Jkk, Programme::Jkm, Programme::Jht] {
            assert_eq!(programme(&r, p), ProgrammeStatus::Mandatory);
        }
        assert_eq!(programme(&r, Programme::Jp), ProgrammeStatus::Optional);
        assert!(r.programmes[2]
            .reason
            .source
            .contains("Permenaker 1/2025 Pasal 3A ayat (1)"));
        assert_eq!(funder(&r, Funder::SelfPaid).status, FunderStatus::No);
        assert_eq!(funder(&r, Funder::Apbd).status, FunderStatus::Yes);
        assert_eq!(funder(&r, Funder::Apbn).status, FunderStatus::No);
        assert_eq!(
            funder(&r, Funder::DanaDesa).status,
            FunderStatus::Conditional
        );
    }

    #[test]
    fn pppk_paruh_waktu_is_pu_like_non_asn() {
        let r = eligibility(&req(35, WorkStatus::PppkParuhWaktu)).unwrap();
        assert!(r.eligible);
        assert_eq!(r.scheme, Some(SchemeKind::Pu));
        assert_eq!(programme(&r, Programme::Jht), ProgrammeStatus::Mandatory);
        assert!(has(&r, "PPPK_PARUH_WAKTU"));
    }

    #[test]
    fn village_apparatus() {
        for w in [WorkStatus::KepalaDesa, WorkStatus::PerangkatDesa] {
            let r = eligibility(&req(45, w)).unwrap();
            assert!(r.eligible);
            assert_eq!(r.scheme, Some(SchemeKind::Pu));
            assert_eq!(programme(&r, Programme::Jkk), ProgrammeStatus::Mandatory);
            assert_eq!(programme(&r, Programme::Jkm), ProgrammeStatus::Mandatory);
            assert_eq!(programme(&r, Programme::Jht), ProgrammeStatus::Optional);
            assert_eq!(programme(&r, Programme::Jp), ProgrammeStatus::Optional);
            let apbdes = funder(&r, Funder::Apbdes);
            assert_eq!(apbdes.status, FunderStatus::Yes);
            assert!(apbdes.reason.source.contains("UU 3/2024"));
            assert_eq!(funder(&r, Funder::Apbd).status, FunderStatus::Yes);
            // 2026 (the default month's year): Permendes PDT 16/2025 forbids Dana Desa for apparatus.
            let dd = funder(&r, Funder::DanaDesa);
            assert_eq!(dd.status, FunderStatus::No);
            assert_eq!(dd.reason.code, "DANA_DESA_FORBIDDEN");
            assert_eq!(
                dd.reason.source,
                "Permendes PDT 16/2025 Lampiran Bab II huruf J"
            );
            assert!(
                dd.reason.id.contains("APBDes selain Dana Desa"),
                "names the lawful alternative"
            );
        }
    }

    #[test]
    fn dana_desa_answer_follows_the_month_asked() {
        let at = |work, category, month: Month| {
            let mut q = req(40, work);
            q.category = category;
            q.month = Some(month);
            let r = eligibility(&q).unwrap();
            let a = funder(&r, Funder::DanaDesa);
            (a.status, a.reason.code)
        };
        use FunderStatus::{Conditional, No};
        let (inf, app, inst) = (
            WorkStatus::Informal,
            WorkStatus::PerangkatDesa,
            WorkStatus::VillageInstitution,
        );
        assert_eq!(
            at(inf, None, Month::ym(2024, 5)),
            (No, "DANA_DESA_FORBIDDEN")
        );
        assert_eq!(
            at(inf, None, Month::ym(2025, 5)),
            (Conditional, "DANA_DESA_SUBJECT_TO_PERBUP")
        );
        assert_eq!(
            at(inf, None, Month::ym(2026, 5)),
            (Conditional, "DANA_DESA_SUBJECT_TO_PERBUP")
        );
        assert_eq!(
            at(app, None, Month::ym(2023, 5)),
            (Conditional, "DANA_DESA_SUBJECT_TO_PERBUP")
        );
        assert_eq!(
            at(app, None, Month::ym(2024, 5)),
            (No, "DANA_DESA_FORBIDDEN")
        );
        assert_eq!(
            at(inst, Some(Category::Bpd), Month::ym(2026, 1)),
            (No, "DANA_DESA_FORBIDDEN")
        );
        assert_eq!(
            at(inst, Some(Category::Bpd), Month::ym(2024, 1)),
            (Conditional, "DANA_DESA_SUBJECT_TO_PERBUP")
        );
        assert_eq!(
            at(inf, None, Month::ym(2027, 1)),
            (Conditional, "DANA_DESA_RULES_UNKNOWN_YEAR")
        );
        assert_eq!(
            at(inf, None, Month::ym(2019, 1)),
            (Conditional, "DANA_DESA_RULES_UNKNOWN_YEAR")
        );
        let mut q = req(40, inf);
        q.month = Some(Month::ym(2015, 6));
        let e = eligibility(&q).unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str()),
            (ErrorCode::MonthOutsideRules, "month")
        );
    }

    #[test]
    fn foreigners() {
        let mut q = req(30, WorkStatus::Informal);
        q.nationality = Nationality::Wna;
        let r = eligibility(&q).unwrap();
        assert!(!r.eligible);
        assert_eq!(r.reasons[0].code, "FOREIGN_BPU");
        assert!(r.reasons[0].needs_verification);

        let mut q = req(30, WorkStatus::PrivateEmployee);
        q.nationality = Nationality::Wna;
        q.months_working_in_indonesia = Some(3);
        let r = eligibility(&q).unwrap();
        assert!(!r.eligible);
        assert_eq!(r.reasons[0].code, "FOREIGN_PU_TOO_SHORT");
        assert!(r.reasons[0]
            .source
            .contains("PP 49/2023 Pasal 5 ayat (2) huruf c"));
        q.months_working_in_indonesia = Some(6);
        let r = eligibility(&q).unwrap();
        assert!(r.eligible);
        assert_eq!(r.scheme, Some(SchemeKind::Pu));
        q.months_working_in_indonesia = None;
        let r = eligibility(&q).unwrap();
        assert!(!r.eligible);
        assert_eq!(r.reasons[0].code, "FOREIGN_MONTHS_UNKNOWN");
    }

    #[test]
    fn private_employee_is_paid_by_the_employer() {
        let r = eligibility(&req(30, WorkStatus::PrivateEmployee)).unwrap();
        assert!(r.eligible);
        assert_eq!(r.scheme, Some(SchemeKind::Pu));
        assert_eq!(r.category, None);
        assert!(!r.regency_funds);
        for f in Funder::ALL {
            assert_eq!(funder(&r, f).status, FunderStatus::No, "{f:?}");
        }
        assert!(has(&r, "PRIVATE_EMPLOYER_PAYS"));
        assert!(!has(&r, "REGENCY_DOES_NOT_FUND"));
    }

    #[test]
    fn rt_rw_is_bpu_by_default_and_pu_when_configured() {
        let mut q = req(50, WorkStatus::VillageInstitution);
        q.category = Some(Category::RtRw);
        let r = eligibility(&q).unwrap();
        assert!(r.eligible);
        assert_eq!(r.scheme, Some(SchemeKind::Bpu));
        assert_eq!(r.category, Some(Category::RtRw));
        assert_eq!(programme(&r, Programme::Jp), ProgrammeStatus::NotAvailable);
        assert_eq!(funder(&r, Funder::Apbdes).status, FunderStatus::Conditional);
        assert_eq!(funder(&r, Funder::SelfPaid).status, FunderStatus::Yes);
        assert!(r
            .reasons
            .iter()
            .any(|n| n.code == "VILLAGE_INSTITUTION_BPU" && n.needs_verification));

        q.regency.pu_institutions = vec![Category::RtRw, Category::Bpd];
        let r = eligibility(&q).unwrap();
        assert_eq!(r.scheme, Some(SchemeKind::Pu));
        assert_eq!(programme(&r, Programme::Jp), ProgrammeStatus::Optional);
        assert_eq!(funder(&r, Funder::SelfPaid).status, FunderStatus::No);
        assert!(has(&r, "VILLAGE_INSTITUTION_PU"));

        // Kader is not in the PU list: BPU.
        q.category = Some(Category::Kader);
        assert_eq!(eligibility(&q).unwrap().scheme, Some(SchemeKind::Bpu));
    }

    #[test]
    fn village_institution_needs_an_institution_category() {
        let mut q = req(50, WorkStatus::VillageInstitution);
        let e = eligibility(&q).unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str()),
            (ErrorCode::InvalidInput, "category")
        );
        q.category = Some(Category::KepalaDesa);
        assert_eq!(eligibility(&q).unwrap_err().code, ErrorCode::InvalidInput);
    }

    #[test]
    fn regency_not_funding_still_lets_bpu_self_pay() {
        let mut q = req(30, WorkStatus::Informal);
        q.regency.funded_categories = Some(vec![Category::RtRw]);
        let r = eligibility(&q).unwrap();
        assert!(r.eligible);
        assert!(!r.regency_funds);
        assert!(has(&r, "REGENCY_DOES_NOT_FUND"));
        assert_eq!(funder(&r, Funder::Apbd).status, FunderStatus::No);
        assert_eq!(funder(&r, Funder::SelfPaid).status, FunderStatus::Yes);
        q.regency.funded_categories = Some(vec![Category::PekerjaRentan]);
        assert!(eligibility(&q).unwrap().regency_funds);
    }

    #[test]
    fn bad_ages() {
        let e = eligibility(&req(121, WorkStatus::Informal)).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidAge, "age"));
        assert!(eligibility(&req(120, WorkStatus::Informal)).is_ok());
        assert!(eligibility(&req(0, WorkStatus::Informal)).is_ok());
        let mut q = req(30, WorkStatus::Informal);
        q.regency.min_age = Some(40);
        q.regency.max_age = Some(20);
        let e = eligibility(&q).unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str()),
            (ErrorCode::InvalidAge, "regency")
        );
        q.regency.min_age = Some(200);
        q.regency.max_age = None;
        assert_eq!(eligibility(&q).unwrap_err().code, ErrorCode::InvalidAge);
    }

    #[test]
    fn too_many_categories() {
        let mut q = req(30, WorkStatus::Informal);
        q.regency.pu_institutions = vec![Category::Bpd; 33];
        let e = eligibility(&q).unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str(), e.detail.as_str()),
            (ErrorCode::TooManyItems, "regency.puInstitutions", "32")
        );
    }

    #[test]
    fn serde_shapes() {
        let q: EligibilityRequest = serde_json::from_str(
            r#"{"age":30,"work":"village_institution","category":"rt_rw","nationality":"wni","unknown":1,
                "regency":{"minAge":15,"maxAge":64,"puInstitutions":["rt_rw"]}}"#,
        )
        .unwrap();
        assert_eq!(q.regency.pu_institutions, vec![Category::RtRw]);
        assert_eq!(q.regency.funded_categories, None);
        let q2: EligibilityRequest =
            serde_json::from_str(r#"{"age":30,"work":"informal","workKind":"nelayan"}"#).unwrap();
        assert_eq!(q2.nationality, Nationality::Wni);
        let v = serde_json::to_value(eligibility(&q).unwrap()).unwrap();
        assert_eq!(v["scheme"], "pu");
        assert_eq!(v["category"], "rt_rw");
        assert_eq!(v["regencyFunds"], true);
        assert_eq!(v["programmes"][3]["status"], "optional");
        assert_eq!(v["funders"][2]["funder"], "dana_desa");
        assert_eq!(v["funders"][2]["status"], "conditional");
        assert!(v["funders"][2]["reason"]["needsVerification"].is_boolean());
        assert!(v["reasons"][0]["code"].is_string());
    }

    #[test]
    fn default_month_is_the_checked_month() {
        assert_eq!(
            default_as_of(&[ParamId::BpuRegistrationAgeLimit]),
            Month::ym(2026, 11)
        );
        // The 2026 Dana Desa row is the newest.
        assert_eq!(
            default_as_of(&[ParamId::DanaDesaRules]),
            Month::ym(2026, 11)
        );
    }
}
