/* tslint:disable */
/* eslint-disable */

/** Whole rupiah as a string of digits, e.g. "16800". Inputs may also be written "1.500.000". */
export type Rupiah = string;
/** A calendar month "YYYY-MM". */
export type Month = string;
/** What every function throws on bad input: `message` is in the chosen language. */
export interface CalculatorError extends Error { code: ErrorCodeName; path: string; detail: string }
export type ErrorCodeName = "EMPTY_REQUEST" | "INVALID_MONTH" | "MONTH_OUTSIDE_RULES" | "MONTHS_OUT_OF_RANGE" | "PEOPLE_OUT_OF_RANGE" | "INVALID_AMOUNT" | "AMOUNT_OUT_OF_RANGE" | "INVALID_BASE" | "MISSING_WAGE" | "PROGRAMME_NOT_AVAILABLE" | "NO_DANA_DESA_FOR_KELURAHAN" | "TOO_MANY_ITEMS" | "TOO_LARGE" | "INVALID_AGE" | "INVALID_RISK_GROUP" | "TEXT_TOO_LONG" | "UNKNOWN_VALUE" | "INVALID_INPUT" | "FUNDER_NOT_ALLOWED" | "JP_CAP_UNKNOWN" | "INVALID_BUDGET_LINE";
export interface Band { lower: Rupiah; upper: Rupiah | null; base: Rupiah; needsVerification: boolean }
export interface Info { version: string; rulesChecked: string; tableStart: Month; tableEnd: Month }


/**
 * "Rp X covers how many people for N months".
 */
export interface CoverageRequest {
    budget: Rupiah;
    firstMonth: Month;
    months: number;
    group: Group;
    funder?: Funder | null;
    unitKind?: UnitKind | null;
}

/**
 * A child of the participant.
 */
export interface Child {
    level: SchoolLevel;
    /**
     * School years left at the current level, counting the current one; default all years of the level,
     * clamped to them. Ignored for `belum_sekolah` (all TK–SD years are ahead).
     */
    yearsLeft?: number | null;
}

/**
 * A figure as the UI shows it, with its source, dates and flags.
 */
export interface ParamInfo {
    id: ParamId;
    /**
     * "rate" (value in percent), "amount" (whole rupiah), "factor" (× monthly wage), "count", "table".
     */
    kind: string;
    value: string;
    from: string;
    until: string | null;
    knownUntil: string | null;
    source: string;
    confidence: Confidence;
    needsVerification: boolean;
    /**
     * True when the month asked about is past `known_until`.
     */
    stale: boolean;
}

/**
 * A regency's own programme rules (its Perbup).
 */
export interface RegencySettings {
    /**
     * Youngest age the regency's BPU programme takes (Paser: 15).
     */
    minAge?: number | null;
    /**
     * Oldest age the regency's BPU programme takes (Paser: 64); never above the BPJS limit.
     */
    maxAge?: number | null;
    /**
     * Categories the regency funds; `None` = all.
     */
    fundedCategories?: Category[] | null;
    /**
     * Village institutions the regency registers as PU (percentage of honorarium); others are BPU.
     */
    puInstitutions?: Category[];
}

/**
 * A stretch of months with the same figures, and one person's contribution in each of those months.
 */
export interface Segment {
    from: Month;
    until: Month;
    months: number;
    perPersonMonth: PersonMonth;
}

/**
 * A worker category as regencies and villages budget them (RULES.md Part 2 §7).
 */
export type Category = "pekerja_rentan" | "kepala_desa" | "perangkat_desa" | "bpd" | "rt_rw" | "kader" | "linmas" | "lembaga_desa" | "non_asn";

/**
 * An APBDes budget line (Permendagri 20/2018 chart of accounts).
 */
export interface BudgetLine {
    /**
     * Kegiatan code, e.g. "1.1.03"; "" when neither the law nor the regency names one.
     */
    activity: string;
    /**
     * Rekening belanja, e.g. "5.1.3.04"; "" when neither the law nor the regency names one.
     */
    account: string;
    nameId: string;
    nameEn: string;
}

/**
 * An APBDes line as a request sets it: each field optional, each replacing the national one.
 */
export interface BudgetLineInput {
    /**
     * Kegiatan code, e.g. "2.4.08".
     */
    activity?: string | null;
    /**
     * Rekening belanja, e.g. "5.1.3.91".
     */
    account?: string | null;
    /**
     * The line's name as the Perbup writes it.
     */
    name?: string | null;
}

/**
 * BPU (Bukan Penerima Upah, flat amounts on a declared base) or PU (Penerima Upah, % of wage).
 */
export type SchemeKind = "bpu" | "pu";

/**
 * Confidence tags of RULES.md. `Low` and `Unconfirmed` are shown with a "perlu verifikasi" mark.
 */
export type Confidence = "H" | "M" | "L" | "UNCONFIRMED" | "COMPUTED";

/**
 * Every figure the calculator uses has one of these ids.
 */
export type ParamId = "bpu_jkk_rate" | "bpu_jkm" | "bpu_jht_rate" | "bpu_default_base" | "pp50_relief_transport" | "pp50_relief_other" | "pu_jkk_rate_group1" | "pu_jkk_rate_group2" | "pu_jkk_rate_group3" | "pu_jkk_rate_group4" | "pu_jkk_rate_group5" | "pu_jkm_rate" | "pu_jht_employer_rate" | "pu_jht_worker_rate" | "pu_jp_employer_rate" | "pu_jp_worker_rate" | "jp_wage_cap" | "jkm_lump_sum" | "jkm_periodic" | "jkm_funeral" | "jkm_bpu_early_death_total" | "jkm_bpu_early_death_months" | "jkm_scholarship_min_years" | "scholarship_max_children" | "scholarship_tk_sd_per_year" | "scholarship_tk_sd_years" | "scholarship_smp_per_year" | "scholarship_smp_years" | "scholarship_sma_per_year" | "scholarship_sma_years" | "scholarship_pt_per_year" | "scholarship_pt_years" | "scholarship_end_age" | "scholarship_max_total" | "jkk_death_multiplier" | "jkk_total_disability_multiplier" | "jkk_death_periodic" | "jkk_funeral" | "jkk_homecare_max" | "jkk_transport_land_max" | "jkk_transport_sea_max" | "jkk_transport_air_max" | "jkk_stmb_first12_months" | "jkk_stmb_after12_months" | "jkk_dentures_max" | "jkk_hearing_aid_max" | "jkk_glasses_max" | "bpu_registration_age_limit" | "foreign_pu_min_months" | "dana_desa_rules" | "bpu_income_bands";

/**
 * How much of the result to return: a national run need not send 75 000 units back to the page.
 */
export type Detail = "full" | "units" | "totals";

/**
 * Kind of work of a pekerja rentan (BPU). Only `Transport` changes a rule: the PP 50/2025 relief window.
 */
export type WorkKind = "nelayan" | "petani" | "pedagang" | "buruh" | "pekerja_keagamaan" | "transportasi" | "lainnya";

/**
 * One amount of a benefit, with the rules that produced it.
 */
export interface BenefitLine {
    key: string;
    labelId: string;
    labelEn: string;
    /**
     * `None`: as medically needed, no ceiling.
     */
    amount: Rupiah | null;
    rules: ParamId[];
    needsVerification: boolean;
}

/**
 * One person's contribution in one month.
 */
export interface PersonMonth {
    total: Shares;
    lines: Line[];
}

/**
 * One programme's contribution for one person in one month.
 */
export interface Line {
    programme: Programme;
    total: Rupiah;
    employer: Rupiah;
    worker: Rupiah;
    /**
     * The figures that produced this amount.
     */
    rules: ParamId[];
    /**
     * True when the PP 50/2025 relief reduced it.
     */
    relief: boolean;
    needsVerification: boolean;
}

/**
 * PP 50/2025 sector (RULES.md 1.5, Part 0): transport or other (default other).
 */
export type Sector = "transport" | "other";

/**
 * School level of a child, from not yet at school to university (or training).
 */
export type SchoolLevel = "belum_sekolah" | "tk_sd" | "smp" | "sma" | "pt";

/**
 * The answer for one category in one budget year.
 */
export type DanaDesaStatus = "no" | "conditional" | "unknown";

/**
 * The answer, with its reason in both languages.
 */
export interface DanaDesaAnswer {
    category: Category;
    year: number;
    status: DanaDesaStatus;
    /**
     * The instrument that decides ("" for a year with no row).
     */
    instrument: string;
    reasonId: string;
    reasonEn: string;
    /**
     * True for "subject to Perbup", "unknown", and an unconfirmed prohibition.
     */
    needsVerification: boolean;
}

/**
 * The language of messages. Bahasa Indonesia first.
 */
export type Lang = "id" | "en";

/**
 * The programmes of BPJS Ketenagakerjaan the calculator budgets. JKP is not budgeted (RULES.md 2.1: likely
 * not applicable to Pemda/Desa).
 */
export type Programme = "jkk" | "jkm" | "jht" | "jp";

/**
 * The scholarship of one child, from the current level to PT.
 */
export interface ChildScholarship {
    /**
     * The child's current level, as given.
     */
    level: SchoolLevel;
    eligible: boolean;
    stages: Stage[];
    total: Rupiah;
    rules: ParamId[];
    /**
     * Why not eligible.
     */
    reason: Note | null;
}

/**
 * The scholarship of one school level.
 */
export interface Stage {
    level: SchoolLevel;
    years: number;
    perYear: Rupiah;
    total: Rupiah;
}

/**
 * Total, employer (what the funder pays) and worker share. For BPU paid by a government budget, the
 * whole contribution is the employer share; for self-paid BPU it is the worker share.
 */
export interface Shares {
    total: Rupiah;
    employer: Rupiah;
    worker: Rupiah;
}

/**
 * What the family receives in one event; `total` is the sum of the lines.
 */
export interface BenefitPackage {
    total: Rupiah;
    lines: BenefitLine[];
    /**
     * Whether the total includes the scholarships of the eligible children.
     */
    includesScholarships: boolean;
}

/**
 * What the person does.
 */
export type WorkStatus = "informal" | "non_asn" | "kepala_desa" | "perangkat_desa" | "village_institution" | "asn" | "pppk_paruh_waktu" | "private_employee";

/**
 * Who pays the employer (or, for BPU, the whole) contribution.
 */
export type Funder = "apbn" | "apbd" | "dana_desa" | "apbdes" | "self_paid";

/**
 * `estimateCompact()`'s request.
 */
export interface CompactRequest {
    firstMonth: Month;
    months: number;
    /**
     * The kinds of group (1..=64); their `people` is ignored: the counts are in `units`.
     */
    groups: Group[];
    /**
     * One line per unit: `name;kind;danaDesa;n0;n1;…` — kind `desa` (or empty), `kelurahan` or `opd`;
     * danaDesa the yearly allocation in whole rupiah or empty; `ni` the people of `groups[i]` (empty or
     * missing = 0). Names may not contain `;` or line breaks. Empty lines are skipped.
     */
    units: string;
    /**
     * "totals" (default) or "units"; per-group detail needs `estimate()`.
     */
    detail?: Detail;
}

/**
 * `fundingRule({ category, year })` of the JS API.
 */
export interface FundingRuleRequest {
    category: Category;
    /**
     * Budget year, within the rule table's years.
     */
    year: number;
}

export interface BenefitsRequest {
    scheme: SchemeKind;
    /**
     * BPU: the declared base, one of the 33 of PP 44/2015 Lampiran II. Default Rp1.000.000.
     */
    base?: Rupiah | null;
    /**
     * BPU: declared income, turned into a base when `base` is absent.
     */
    income?: Rupiah | null;
    /**
     * PU: monthly wage (required).
     */
    wage?: Rupiah | null;
    /**
     * Months of contributions so far; `None` = long-standing (past every waiting period).
     */
    membershipMonths?: number | null;
    children?: Child[];
    /**
     * The "as of" month of the rule table; default: the newest month, up to the rules check, where all hold.
     */
    month?: Month | null;
}

export interface BenefitsResult {
    /**
     * The month whose rules the amounts describe (PP 44/2015 as amended by PP 82/2019). Amounts are per
     * person: one participant's family.
     */
    month: Month;
    /**
     * The "wage" of the JKK formulas: BPU the declared base, PU the wage.
     */
    wageBasis: Rupiah;
    wageBasisRules: ParamId[];
    /**
     * Death not from a work accident.
     */
    jkm: BenefitPackage;
    /**
     * Death from a work accident.
     */
    jkkDeath: BenefitPackage;
    /**
     * Total permanent disability from a work accident.
     */
    jkkDisability: BenefitPackage;
    /**
     * Care after a work accident: medical care, transport, wage while unable to work, aids.
     */
    jkkCare: BenefitLine[];
    /**
     * Per child, in the order given.
     */
    scholarships: ChildScholarship[];
    notes: Note[];
}

export interface BudgetLineAmount {
    activity: string;
    account: string;
    nameId: string;
    nameEn: string;
    total: Shares;
}

export interface CategoryAmount {
    category: Category;
    people: number;
    total: Shares;
}

export interface CoverageResult {
    people: number;
    /**
     * What the budget pays for one person over the period.
     */
    perPersonPeriod: Rupiah;
    /**
     * The cost of covering `people`.
     */
    cost: Shares;
    leftOver: Rupiah;
    perPerson: Segment[];
    warnings: Note[];
}

export interface DanaDesaShare {
    allocation: Rupiah;
    /**
     * The Dana Desa-funded cost of the period.
     */
    used: Rupiah;
    /**
     * used ÷ allocation in percent, two decimals ("2.37"); null when the allocation is zero.
     */
    sharePercent: string | null;
}

export interface EligibilityRequest {
    /**
     * Age in whole years, 0..=120.
     */
    age: number;
    work: WorkStatus;
    /**
     * Kind of informal work. No eligibility rule depends on it (RULES.md §4); kept for the widget.
     */
    workKind?: WorkKind | null;
    /**
     * For `village_institution`: bpd | rt_rw | kader | linmas | lembaga_desa (required).
     */
    category?: Category | null;
    nationality?: Nationality;
    /**
     * Foreigners only: months worked in Indonesia so far.
     */
    monthsWorkingInIndonesia?: number | null;
    regency?: RegencySettings;
    /**
     * The month the answer is for ("YYYY-MM"): its budget year decides the Dana Desa answer. Default: the
     * month the rules were last checked (the JS API fills in the current month).
     */
    month?: Month | null;
}

export interface EligibilityResult {
    eligible: boolean;
    /**
     * The scheme the person joins; `None` when not eligible.
     */
    scheme: SchemeKind | null;
    /**
     * The budgeting category (None for ASN and private employees).
     */
    category: Category | null;
    /**
     * One per `Programme::ALL`, in that order.
     */
    programmes: ProgrammeAnswer[];
    /**
     * One per `Funder::ALL`, in that order.
     */
    funders: FunderAnswer[];
    /**
     * Why not eligible, and caveats; the refusal reason (if any) comes first.
     */
    reasons: Note[];
    /**
     * Whether the regency's programme funds this person's category.
     */
    regencyFunds: boolean;
}

export interface EstimateRequest {
    firstMonth: Month;
    months: number;
    units: Unit[];
    detail?: Detail;
}

export interface EstimateResult {
    firstMonth: Month;
    lastMonth: Month;
    months: number;
    people: number;
    total: Shares;
    /**
     * total ÷ months, rounded (for display).
     */
    monthlyAverage: Shares;
    perMonth: MonthAmount[];
    programmes: ProgrammeAmount[];
    categories: CategoryAmount[];
    funders: FunderAmount[];
    units: UnitResult[];
    rules: ParamInfo[];
    warnings: Note[];
}

export interface FunderAmount {
    funder: Funder;
    total: Shares;
}

export interface FunderAnswer {
    funder: Funder;
    status: FunderStatus;
    reason: Note;
}

export interface Group {
    label?: string | null;
    category: Category;
    workKind?: WorkKind | null;
    people?: number;
    scheme?: SchemeKind | null;
    base?: Rupiah | null;
    income?: Rupiah | null;
    wage?: Rupiah | null;
    riskGroup?: number | null;
    jht?: boolean | null;
    jp?: boolean | null;
    funder?: Funder | null;
    /**
     * Sets or overrides the group's APBDes line (a regency's Perbup code for pekerja rentan, BPD…).
     */
    budgetLine?: BudgetLineInput | null;
}

export interface GroupResult {
    label: string | null;
    category: Category;
    scheme: SchemeKind;
    funder: Funder;
    people: number;
    base: Rupiah | null;
    wage: Rupiah | null;
    riskGroup: number | null;
    programmes: Programme[];
    /**
     * The APBDes line of a desa group paid from Dana Desa or APBDes: national codes (kepala desa, perangkat
     * desa), else the request's; codes are "" where neither has one ("kode sesuai Perbup pedoman APBDes").
     */
    budgetLine: BudgetLine | null;
    perPerson: Segment[];
    total: Shares;
    programmeTotals: ProgrammeAmount[];
}

export interface MonthAmount {
    month: Month;
    total: Shares;
    programmes: ProgrammeAmount[];
}

export interface Note {
    /**
     * Stable code, e.g. "DANA_DESA_SUBJECT_TO_PERBUP".
     */
    code: string;
    /**
     * Bahasa Indonesia.
     */
    id: string;
    /**
     * English.
     */
    en: string;
    /**
     * Instrument and article, or where the statement comes from.
     */
    source: string;
    needsVerification: boolean;
}

export interface ProgrammeAmount {
    programme: Programme;
    total: Shares;
}

export interface ProgrammeAnswer {
    programme: Programme;
    status: ProgrammeStatus;
    reason: Note;
}

export interface Unit {
    name: string;
    kind?: UnitKind;
    funder?: Funder | null;
    /**
     * The village's annual Dana Desa allocation.
     */
    danaDesa?: Rupiah | null;
    groups?: Group[];
}

export interface UnitResult {
    name: string;
    kind: UnitKind;
    people: number;
    total: Shares;
    programmes: ProgrammeAmount[];
    groups: GroupResult[];
    danaDesa: DanaDesaShare | null;
    budgetLines: BudgetLineAmount[];
}

export type FunderStatus = "yes" | "conditional" | "no";

export type Nationality = "wni" | "wna";

export type ProgrammeStatus = "mandatory" | "optional" | "not_available";

export type UnitKind = "desa" | "kelurahan" | "opd";


/**
 * What a covered person's family receives (JKM, JKK, scholarships).
 */
export function benefits(request: BenefitsRequest, lang?: Lang): BenefitsResult;

/**
 * The 33 BPU bases of PP 44/2015 Lampiran II with their income bands.
 */
export function bpuBands(): Band[];

/**
 * How many people a budget covers for the period, and what is left over.
 */
export function coverage(request: CoverageRequest, lang?: Lang): CoverageResult;

/**
 * Which programmes apply to a person, and who may pay, in `month` (default: the current month).
 */
export function eligibility(request: EligibilityRequest, lang?: Lang): EligibilityResult;

/**
 * What covering every group of every unit costs over the period.
 */
export function estimate(request: EstimateRequest, lang?: Lang): EstimateResult;

/**
 * A national or province-wide estimate from a compact request: kinds of group once, one text line per unit.
 */
export function estimateCompact(request: CompactRequest, lang?: Lang): EstimateResult;

/**
 * May Dana Desa pay this category's contributions in this budget year? (`no` | `conditional` | `unknown`)
 */
export function fundingRule(request: FundingRuleRequest, lang?: Lang): DanaDesaAnswer;

/**
 * Version of the module and the span of its rule table.
 */
export function info(): Info;

/**
 * "1.500.000" → "1500000"; throws INVALID_AMOUNT or AMOUNT_OUT_OF_RANGE.
 */
export function parseAmount(text: string, lang?: Lang): string;

/**
 * Every figure in force in a month, with its source: the "Dasar hukum" panel.
 */
export function rulesInForce(month: Month, lang?: Lang): ParamInfo[];

/**
 * An amount in words for budget documents: "dua puluh juta seratus enam puluh ribu rupiah".
 */
export function terbilang(amount: Rupiah, lang?: Lang): string;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly benefits: (a: any, b: any) => [number, number, number];
    readonly bpuBands: () => [number, number, number];
    readonly coverage: (a: any, b: any) => [number, number, number];
    readonly eligibility: (a: any, b: any) => [number, number, number];
    readonly estimate: (a: any, b: any) => [number, number, number];
    readonly estimateCompact: (a: any, b: any) => [number, number, number];
    readonly fundingRule: (a: any, b: any) => [number, number, number];
    readonly info: () => [number, number, number];
    readonly parseAmount: (a: any, b: any) => [number, number, number, number];
    readonly rulesInForce: (a: any, b: any) => [number, number, number];
    readonly terbilang: (a: any, b: any) => [number, number, number, number];
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
