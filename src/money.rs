//! Money: whole rupiah over `rust_decimal`, never a float, and the one rounding rule of RULES.md Part 0:
//! each programme's contribution per person per month is rounded half away from zero to the whole rupiah.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The largest amount accepted from a user: Rp 999 trillion (15 digits). Far above any wage, allocation or
/// budget, far below where `Decimal` loses anything.
pub const MAX_INPUT: Rupiah = Rupiah::from_whole(999_999_999_999_999);

/// A whole, non-negative amount of rupiah.
///
/// Invariant (kept by every constructor in this module, the field is private): the `Decimal` has scale 0,
/// so its mantissa is the number of rupiah. Sums, differences and multiples of whole amounts are then
/// exact integer operations on that mantissa (no `Decimal` addition/rescaling code in the wasm); only
/// `× rate` and the Part 0 rounding use `Decimal` arithmetic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Rupiah(Decimal);

/// Why a text is not an amount of rupiah.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountProblem {
    Empty,
    NotANumber,
    Negative,
    NotWhole,
    TooLarge,
}

impl Rupiah {
    pub const ZERO: Rupiah = Rupiah(Decimal::ZERO);

    pub const fn from_whole(n: u64) -> Rupiah {
        // lo and mid words of a u64; scale 0.
        Rupiah(Decimal::from_parts(n as u32, (n >> 32) as u32, 0, false, 0))
    }

    /// RULES.md Part 0: round half away from zero to the whole rupiah (negative results clamp to zero).
    pub fn round(d: Decimal) -> Rupiah {
        // Scale 0 after rounding to 0 decimals: the Rupiah invariant holds without `normalize`.
        let r = d.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
        if r.is_sign_negative() {
            Rupiah::ZERO
        } else {
            Rupiah(r)
        }
    }

    /// Whole rupiah below or at `d` (for "how many people a budget covers").
    pub fn floor(d: Decimal) -> Rupiah {
        Rupiah::round(d.floor())
    }

    pub const fn decimal(self) -> Decimal {
        self.0
    }

    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// `self + other`, or `None` beyond `Decimal`'s 96 bits.
    pub fn checked_add(self, other: Rupiah) -> Option<Rupiah> {
        Rupiah::from_units(self.units().checked_add(other.units())?)
    }

    /// `self - other`, or `None` when that would be negative.
    pub fn checked_sub(self, other: Rupiah) -> Option<Rupiah> {
        Rupiah::from_units(self.units().checked_sub(other.units())?)
    }

    /// `self × n`, or `None` beyond `Decimal`'s 96 bits.
    pub fn checked_mul(self, n: u64) -> Option<Rupiah> {
        Rupiah::from_units(self.units().checked_mul(u128::from(n))?)
    }

    /// `self × rate`, rounded by the Part 0 rule.
    pub fn times_rate(self, rate: Decimal) -> Option<Rupiah> {
        self.0.checked_mul(rate).map(Rupiah::round)
    }

    /// How many whole times `unit` fits in `self`, and what is left (None when `unit` is zero).
    pub fn div_rem(self, unit: Rupiah) -> Option<(u64, Rupiah)> {
        // Whole rupiah divide as integers: no `Decimal` division code in the wasm.
        let (a, b) = (self.units(), unit.units());
        let n = u64::try_from(a.checked_div(b)?).ok()?;
        Some((n, Rupiah::from_units(a.checked_rem(b)?)?))
    }

    /// `self ÷ n` rounded half away from zero (Part 0), e.g. a period total per month.
    pub fn div_round(self, n: u64) -> Option<Rupiah> {
        Rupiah::from_units(div_round(self.units(), u128::from(n))?)
    }

    /// The amount as an integer count of rupiah (every `Rupiah` is whole and non-negative).
    pub(crate) fn units(self) -> u128 {
        debug_assert_eq!(self.0.scale(), 0, "Rupiah invariant: scale 0");
        self.0.mantissa().unsigned_abs()
    }

    /// An integer count of rupiah, if it fits a `Decimal` (96 bits).
    pub(crate) fn from_units(n: u128) -> Option<Rupiah> {
        if n >> 96 != 0 {
            return None;
        }
        Some(Rupiah(Decimal::from_parts(
            n as u32,
            (n >> 32) as u32,
            (n >> 64) as u32,
            false,
            0,
        )))
    }

    /// The amount as digits, no separators ("1500000"): how money crosses the JS boundary.
    pub fn to_digits(self) -> String {
        let mut s = String::new();
        push_decimal_digits(&mut s, self.units(), 0);
        s
    }

    /// Parses an amount as people type it in Indonesia: "1500000", "1.500.000", "Rp 1.500.000",
    /// "Rp1.500.000,00", "1 500 000", and with a word: "20 juta", "Rp20jt", "1,5 juta", "250 rb", "2 miliar",
    /// "2,5 M". Refuses fractions of a rupiah, negatives and anything else.
    pub fn parse(text: &str) -> Result<Rupiah, AmountProblem> {
        // Byte-level (',' and '.' are ASCII, so byte positions are char boundaries): the str pattern
        // machinery (`contains`, `split_once` with chars) costs kilobytes of wasm.
        let mut s = text.trim();
        if let Some(rest) = s
            .strip_prefix("Rp")
            .or_else(|| s.strip_prefix("rp"))
            .or_else(|| s.strip_prefix("RP"))
        {
            s = rest.strip_prefix('.').unwrap_or(rest).trim_start();
        }
        if s.is_empty() {
            return Err(AmountProblem::Empty);
        }
        if s.starts_with('-') || s.starts_with('\u{2212}') {
            return Err(AmountProblem::Negative);
        }
        if let Some((number, zeros)) = split_scale_word(s) {
            return parse_scaled(number, zeros);
        }
        let all_digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
        // Decimal comma: only ",0", ",00" etc. are whole rupiah.
        let (int_part, frac) = split_at_byte(s, b',');
        if let Some(f) = frac {
            if f.is_empty() || !all_digits(f) {
                return Err(AmountProblem::NotANumber);
            }
            if f.bytes().any(|b| b != b'0') {
                return Err(AmountProblem::NotWhole);
            }
        }
        if let (a, Some(b)) = split_at_byte(int_part, b'.') {
            if !a.is_empty() && all_digits(a) && !b.is_empty() && all_digits(b) && b.len() != 3 {
                // "1.5" or "1500000.0" read as a decimal point: not whole rupiah.
                return Err(AmountProblem::NotWhole);
            }
        }
        let is_sep = |c: char| c == '.' || c == ' ' || c == '\u{a0}';
        let mut n: u64 = 0;
        let mut significant = 0usize;
        // Thousands separators: first group 1–3 digits, then groups of exactly 3 (one group: any length).
        let grouped = int_part.chars().any(is_sep);
        for (k, g) in int_part.split(is_sep).enumerate() {
            let ok_len = !grouped
                || if k == 0 {
                    (1..=3).contains(&g.len())
                } else {
                    g.len() == 3
                };
            if !ok_len || !all_digits(g) {
                return Err(AmountProblem::NotANumber);
            }
            for b in g.bytes() {
                if significant > 0 || b != b'0' {
                    significant = significant.saturating_add(1);
                }
                n = n
                    .saturating_mul(10)
                    .saturating_add(u64::from(b.saturating_sub(b'0')));
            }
        }
        if significant > 15 {
            return Err(AmountProblem::TooLarge);
        }
        let r = Rupiah::from_whole(n);
        if r > MAX_INPUT {
            return Err(AmountProblem::TooLarge);
        }
        Ok(r)
    }
}

/// "20 juta", "Rp20jt", "250 rb", "2 miliar", "2,5 M": the number before a word, and the word's power of ten.
fn split_scale_word(s: &str) -> Option<(&str, u32)> {
    let b = s.as_bytes();
    let letters = b
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    if letters == 0 {
        return None;
    }
    let cut = b.len().saturating_sub(letters);
    let mut word = [0u8; 8];
    for (w, c) in word.iter_mut().zip(b.get(cut..)?) {
        *w = c.to_ascii_lowercase();
    }
    let zeros = match word.get(..letters.min(8))? {
        b"rb" | b"ribu" => 3,
        b"jt" | b"juta" => 6,
        b"m" | b"miliar" | b"milyar" => 9,
        b"triliun" => 12,
        _ => return Some(("", 0)), // a word that is not a scale: refused below
    };
    Some((s.get(..cut)?.trim_end(), zeros))
}

/// The number before a scale word: "1,5" or "1.5" (a decimal mark), "1.500" (thousands), × 10^zeros;
/// the result must be whole rupiah.
fn parse_scaled(number: &str, zeros: u32) -> Result<Rupiah, AmountProblem> {
    if number.is_empty() || zeros == 0 {
        return Err(AmountProblem::NotANumber);
    }
    let b = number.as_bytes();
    // The decimal mark: a ',' anywhere, or a '.' not followed by exactly three digits.
    let mark = b.iter().rposition(|c| *c == b',').or_else(|| {
        let p = b.iter().rposition(|c| *c == b'.')?;
        (b.len().saturating_sub(p) != 4).then_some(p)
    });
    let (int_part, frac) = match mark {
        Some(p) => (
            b.get(..p).unwrap_or_default(),
            b.get(p.saturating_add(1)..).unwrap_or_default(),
        ),
        None => (b, &b""[..]),
    };
    let mut n: u64 = 0;
    let mut digits = 0u32;
    for c in int_part.iter().filter(|c| **c != b'.') {
        if !c.is_ascii_digit() {
            return Err(AmountProblem::NotANumber);
        }
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(u64::from(c.saturating_sub(b'0'))))
            .ok_or(AmountProblem::TooLarge)?;
        digits = digits.saturating_add(1);
    }
    if digits == 0
        || frac.iter().any(|c| !c.is_ascii_digit())
        || (mark.is_some() && frac.is_empty())
    {
        return Err(AmountProblem::NotANumber);
    }
    let mut scale = zeros;
    for c in frac {
        if scale == 0 {
            if *c != b'0' {
                return Err(AmountProblem::NotWhole);
            }
            continue;
        }
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(u64::from(c.saturating_sub(b'0'))))
            .ok_or(AmountProblem::TooLarge)?;
        scale = scale.saturating_sub(1);
    }
    let n = n
        .checked_mul(10u64.checked_pow(scale).ok_or(AmountProblem::TooLarge)?)
        .ok_or(AmountProblem::TooLarge)?;
    let r = Rupiah::from_whole(n);
    if r > MAX_INPUT {
        return Err(AmountProblem::TooLarge);
    }
    Ok(r)
}

/// `a ÷ b` rounded half away from zero; None when `b` is zero.
pub(crate) fn div_round(a: u128, b: u128) -> Option<u128> {
    let (q, r) = (a.checked_div(b)?, a.checked_rem(b)?);
    if r.checked_mul(2)? >= b {
        q.checked_add(1)
    } else {
        Some(q)
    }
}

/// `s` split at the first `sep` byte (an ASCII byte, so both halves are valid str).
fn split_at_byte(s: &str, sep: u8) -> (&str, Option<&str>) {
    match s.bytes().position(|b| b == sep) {
        Some(i) => (s.get(..i).unwrap_or_default(), s.get(i.saturating_add(1)..)),
        None => (s, None),
    }
}

/// Writes `n` in decimal with a point before its last `scale` digits ("0.24" for 24 and 2), without
/// `core::fmt` (the wasm build links no number formatting).
pub(crate) fn push_decimal_digits(s: &mut String, n: u128, scale: usize) {
    let mut buf = [b'0'; 40];
    let mut i = buf.len();
    let mut n = n;
    while n > 0 || buf.len().saturating_sub(i) <= scale {
        i = i.saturating_sub(1);
        if let Some(slot) = buf.get_mut(i) {
            *slot = b'0'.saturating_add((n % 10) as u8);
        }
        n /= 10;
        if i == 0 {
            break;
        }
    }
    let point = buf.len().saturating_sub(scale);
    for (k, &b) in buf.iter().enumerate().skip(i) {
        if k == point && scale > 0 {
            s.push('.');
        }
        s.push(char::from(b));
    }
}

impl AmountProblem {
    pub const fn code(self) -> &'static str {
        match self {
            AmountProblem::Empty => "AMOUNT_EMPTY",
            AmountProblem::NotANumber => "AMOUNT_NOT_A_NUMBER",
            AmountProblem::Negative => "AMOUNT_NEGATIVE",
            AmountProblem::NotWhole => "AMOUNT_NOT_WHOLE",
            AmountProblem::TooLarge => "AMOUNT_TOO_LARGE",
        }
    }
}

impl Serialize for Rupiah {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_digits())
    }
}

impl<'de> Deserialize<'de> for Rupiah {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Rupiah;
            fn expecting(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
                f.write_str(
                    "an amount of whole rupiah as a string, e.g. \"1500000\" or \"1.500.000\"",
                )
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Rupiah, E> {
                Rupiah::parse(v).map_err(|p| E::custom(p.code()))
            }
        }
        d.deserialize_str(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(Rupiah::round(dec!(221725.5)), Rupiah::from_whole(221726));
        assert_eq!(Rupiah::round(dec!(221725.49)), Rupiah::from_whole(221725));
        assert_eq!(Rupiah::round(dec!(0.5)), Rupiah::from_whole(1));
        assert_eq!(Rupiah::round(dec!(-3)), Rupiah::ZERO);
    }

    #[test]
    fn parses_amounts_written_with_a_word() {
        let ok = |t: &str, n: u64| assert_eq!(Rupiah::parse(t), Ok(Rupiah::from_whole(n)), "{t}");
        ok("20 juta", 20_000_000);
        ok("Rp20jt", 20_000_000);
        ok("Rp 20 JUTA", 20_000_000);
        ok("1,5 juta", 1_500_000);
        ok("1.5 juta", 1_500_000);
        ok("2,75 jt", 2_750_000);
        ok("250 rb", 250_000);
        ok("250 ribu", 250_000);
        ok("2 miliar", 2_000_000_000);
        ok("2 milyar", 2_000_000_000);
        ok("Rp2,5 M", 2_500_000_000);
        ok("1.500 juta", 1_500_000_000);
        ok("1,50 ribu", 1_500);
        let bad = |t: &str, p: AmountProblem| assert_eq!(Rupiah::parse(t), Err(p), "{t}");
        bad("juta", AmountProblem::NotANumber);
        bad("Rp jt", AmountProblem::NotANumber);
        bad("20 jutaan", AmountProblem::NotANumber);
        bad("20 kilo", AmountProblem::NotANumber);
        bad("1,2345 ribu", AmountProblem::NotWhole);
        bad("1, juta", AmountProblem::NotANumber);
        bad("-2 juta", AmountProblem::Negative);
        bad("2 juta 500", AmountProblem::NotANumber);
        bad("999999 triliun", AmountProblem::TooLarge);
    }

    #[test]
    fn parses_as_indonesians_type() {
        let m = Rupiah::from_whole(1_500_000);
        for ok in [
            "1500000",
            "1.500.000",
            "Rp 1.500.000",
            "Rp1.500.000,00",
            "Rp. 1.500.000",
            "1 500 000",
            " 01500000 ",
        ] {
            assert_eq!(Rupiah::parse(ok), Ok(m), "{ok}");
        }
        assert_eq!(Rupiah::parse("0"), Ok(Rupiah::ZERO));
        assert_eq!(Rupiah::parse(""), Err(AmountProblem::Empty));
        assert_eq!(Rupiah::parse("Rp"), Err(AmountProblem::Empty));
        assert_eq!(Rupiah::parse("-5"), Err(AmountProblem::Negative));
        assert_eq!(Rupiah::parse("1.5"), Err(AmountProblem::NotWhole));
        assert_eq!(Rupiah::parse("1500,50"), Err(AmountProblem::NotWhole));
        assert_eq!(Rupiah::parse("1.50.000"), Err(AmountProblem::NotANumber));
        assert_eq!(Rupiah::parse("abc"), Err(AmountProblem::NotANumber));
        assert_eq!(Rupiah::parse("1e6"), Err(AmountProblem::NotANumber));
        assert_eq!(Rupiah::parse("NaN"), Err(AmountProblem::NotANumber));
        assert_eq!(Rupiah::parse("1500000.0"), Err(AmountProblem::NotWhole));
        assert_eq!(
            Rupiah::parse("9999999999999999"),
            Err(AmountProblem::TooLarge)
        );
        assert_eq!(Rupiah::parse("999999999999999"), Ok(MAX_INPUT));
    }

    #[test]
    fn digits_round_trip() {
        for n in [0u64, 1, 16_800, 201_600, 20_160_000, 999_999_999_999_999] {
            let r = Rupiah::from_whole(n);
            assert_eq!(r.to_digits(), n.to_string());
            assert_eq!(Rupiah::parse(&r.to_digits()), Ok(r));
        }
        assert_eq!(Rupiah::round(dec!(10800.000)).to_digits(), "10800");
    }

    /// The parser before it was rewritten byte by byte for size: the rewrite must agree on every input.
    #[rustfmt::skip]
    fn reference_parse(text: &str) -> Result<Rupiah, AmountProblem> {
        let mut s = text.trim();
        if let Some(rest) = s.strip_prefix("Rp").or_else(|| s.strip_prefix("rp")).or_else(|| s.strip_prefix("RP")) {
            s = rest.strip_prefix('.').unwrap_or(rest).trim_start();
        }
        if s.is_empty() {
            return Err(AmountProblem::Empty);
        }
        if s.starts_with('-') || s.starts_with('\u{2212}') {
            return Err(AmountProblem::Negative);
        }
        // Decimal comma: only ",0", ",00" etc. are whole rupiah.
        let (int_part, frac) = match s.split_once(',') {
            Some((i, f)) => (i, Some(f)),
            None => (s, None),
        };
        if let Some(f) = frac {
            if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
                return Err(AmountProblem::NotANumber);
            }
            if f.bytes().any(|b| b != b'0') {
                return Err(AmountProblem::NotWhole);
            }
        }
        let mut digits = String::with_capacity(int_part.len());
        let grouped = int_part.contains('.') || int_part.contains(' ') || int_part.contains('\u{a0}');
        if let Some((a, b)) = int_part.split_once('.') {
            let digits_only = |t: &str| !t.is_empty() && t.bytes().all(|c| c.is_ascii_digit());
            if digits_only(a) && digits_only(b) && b.len() != 3 {
                // "1.5" or "1500000.0" read as a decimal point: not whole rupiah.
                return Err(AmountProblem::NotWhole);
            }
        }
        if grouped {
            // Thousands separators: first group 1–3 digits, then groups of exactly 3.
            let groups: Vec<&str> = int_part.split(['.', ' ', '\u{a0}']).collect();
            for (k, g) in groups.iter().enumerate() {
                let ok_len = if k == 0 { (1..=3).contains(&g.len()) } else { g.len() == 3 };
                if !ok_len || !g.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(AmountProblem::NotANumber);
                }
                digits.push_str(g);
            }
        } else {
            if !int_part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(AmountProblem::NotANumber);
            }
            digits.push_str(int_part);
        }
        let trimmed = digits.trim_start_matches('0');
        if trimmed.len() > 15 {
            return Err(AmountProblem::TooLarge);
        }
        let n: u64 = if trimmed.is_empty() { 0 } else { trimmed.parse().map_err(|_| AmountProblem::NotANumber)? };
        let r = Rupiah::from_whole(n);
        if r > MAX_INPUT {
            return Err(AmountProblem::TooLarge);
        }
        Ok(r)
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn parse_agrees_with_reference(s in "(Rp|rp|RP)?[.]?[ \u{a0}]?[-\u{2212}]?[0-9., \u{a0}]{0,24}(,[0-9a]{0,3})?|.{0,30}") {
            proptest::prop_assert_eq!(Rupiah::parse(&s), reference_parse(&s), "{}", s);
        }
    }

    #[test]
    fn parse_agrees_with_reference_on_edges() {
        for t in [
            "",
            ",",
            ",00",
            ",0",
            ".",
            "..",
            "1.",
            ".1",
            "1..000",
            "1.000.",
            "000.000",
            "0000000000000000001",
            "1 000 000",
            "1\u{a0}000",
            "1 000.000",
            "１２３",
            "Rp.",
            "Rp. 1.500.000,00",
            "rp 0",
            "9.999.999.999.999.999",
            "999999999999999",
            "0999999999999999",
            "1000000000000000",
            "1.0",
            "1,5",
            "1,",
            "12,000",
            "1.000,5",
            "\u{2212}1",
            " \t1500000\n",
        ] {
            assert_eq!(Rupiah::parse(t), reference_parse(t), "{t:?}");
        }
    }

    #[test]
    fn decimal_digits_match_display() {
        for d in [
            dec!(0),
            dec!(0.00),
            dec!(0.24),
            dec!(48),
            dec!(2.30),
            dec!(0.0024),
            dec!(100.00),
            dec!(12345.67),
            dec!(0.05),
            dec!(79228162514264337593543950335),
            dec!(0.0000000000000000000000000001),
        ] {
            let mut s = String::new();
            push_decimal_digits(&mut s, d.mantissa().unsigned_abs(), d.scale() as usize);
            assert_eq!(s, d.to_string());
        }
    }

    #[test]
    fn whole_amount_arithmetic_matches_decimal_and_keeps_scale_zero() {
        let max = Rupiah::from_units((1u128 << 96) - 1).unwrap();
        let vals = [
            Rupiah::ZERO,
            Rupiah::from_whole(1),
            Rupiah::from_whole(16_800),
            MAX_INPUT,
            Rupiah::from_whole(u64::MAX),
            max,
            Rupiah::round(dec!(221725.5)),
            Rupiah::round(dec!(-3)),
        ];
        for a in vals {
            assert_eq!(a.decimal().scale(), 0);
            for b in vals {
                assert_eq!(
                    a.checked_add(b).map(Rupiah::decimal),
                    a.decimal().checked_add(b.decimal()),
                    "{a:?} + {b:?}"
                );
                let d = a
                    .decimal()
                    .checked_sub(b.decimal())
                    .filter(|d| !d.is_sign_negative() || d.is_zero());
                assert_eq!(a.checked_sub(b).map(Rupiah::decimal), d, "{a:?} - {b:?}");
                for r in [a.checked_add(b), a.checked_sub(b)].into_iter().flatten() {
                    assert_eq!(r.decimal().scale(), 0);
                }
            }
            for n in [0u64, 1, 12, 300_000_000, u64::MAX] {
                let d = a.decimal().checked_mul(Decimal::from(n));
                assert_eq!(a.checked_mul(n).map(Rupiah::decimal), d, "{a:?} × {n}");
            }
        }
        assert_eq!(max.checked_add(Rupiah::from_whole(1)), None);
        assert_eq!(
            Rupiah::from_whole(1)
                .times_rate(dec!(0.0024))
                .map(|r| r.decimal().scale()),
            Some(0)
        );
    }

    #[test]
    fn division() {
        let b = Rupiah::from_whole(20_160_000);
        assert_eq!(
            b.div_rem(Rupiah::from_whole(201_600)),
            Some((100, Rupiah::ZERO))
        );
        assert_eq!(
            b.div_rem(Rupiah::from_whole(201_601)),
            Some((99, Rupiah::from_whole(201_501)))
        );
        assert_eq!(b.div_rem(Rupiah::ZERO), None);
        assert_eq!(
            Rupiah::from_whole(7).div_rem(Rupiah::from_whole(7)),
            Some((1, Rupiah::ZERO))
        );
        assert_eq!(
            Rupiah::ZERO.div_rem(Rupiah::from_whole(7)),
            Some((0, Rupiah::ZERO))
        );
        assert_eq!(
            MAX_INPUT.div_rem(Rupiah::from_whole(1)),
            Some((999_999_999_999_999, Rupiah::ZERO))
        );
        let huge = Rupiah::from_whole(u64::MAX).checked_mul(1 << 31).unwrap();
        assert_eq!(
            huge.div_rem(Rupiah::from_whole(1)),
            None,
            "quotient above u64"
        );
        // Rounded division agrees with Decimal division + the Part 0 rounding.
        for (a, n) in [
            (5u64, 2u64),
            (7, 2),
            (20_160_000, 12),
            (201_601, 12),
            (0, 5),
            (11, 60),
            (29, 60),
            (30, 60),
            (89, 60),
            (999_999_999_999_999, 7),
        ] {
            let want = Rupiah::round(Rupiah::from_whole(a).decimal() / Decimal::from(n));
            assert_eq!(Rupiah::from_whole(a).div_round(n), Some(want), "{a} / {n}");
        }
        assert_eq!(Rupiah::from_whole(1).div_round(0), None);
        assert_eq!(Rupiah::round(dec!(10800.000)).units(), 10800);
        assert_eq!(
            Rupiah::from_whole(1).checked_sub(Rupiah::from_whole(2)),
            None
        );
    }
}
