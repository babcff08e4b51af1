//! Money: whole rupiah over `rust_decimal`, never a float, and the one rounding rule of RULES.md Part 0:
//! each programme's contribution per person per month is rounded half away from zero to the whole rupiah.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The largest amount accepted from a user: Rp 999 trillion (15 digits). Far above any wage, allocation or
/// budget, far below where `Decimal` loses anything.
pub const MAX_INPUT: Rupiah = Rupiah::from_whole(999_999_999_999_999);

/// A whole, non-negative amount of rupiah.
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
        let r = d.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
        if r.is_sign_negative() {
            Rupiah::ZERO
        } else {
            Rupiah(r.normalize())
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

    pub fn checked_add(self, other: Rupiah) -> Option<Rupiah> {
        self.0.checked_add(other.0).map(Rupiah)
    }

    /// `self - other`, or `None` when that would be negative.
    pub fn checked_sub(self, other: Rupiah) -> Option<Rupiah> {
        let d = self.0.checked_sub(other.0)?;
        (!d.is_sign_negative() || d.is_zero()).then_some(Rupiah(d))
    }

    pub fn checked_mul(self, n: u64) -> Option<Rupiah> {
        self.0.checked_mul(Decimal::from(n)).map(Rupiah)
    }

    /// `self × rate`, rounded by the Part 0 rule.
    pub fn times_rate(self, rate: Decimal) -> Option<Rupiah> {
        self.0.checked_mul(rate).map(Rupiah::round)
    }

    /// How many whole times `unit` fits in `self`, and what is left (None when `unit` is zero).
    pub fn div_rem(self, unit: Rupiah) -> Option<(u64, Rupiah)> {
        if unit.is_zero() {
            return None;
        }
        let q = self.0.checked_div(unit.0)?.floor();
        let n = u64::try_from(q).ok()?;
        let used = unit.checked_mul(n)?;
        Some((n, self.checked_sub(used)?))
    }

    /// The amount as digits, no separators ("1500000"): how money crosses the JS boundary.
    pub fn to_digits(self) -> String {
        // Whole and non-negative by construction: the mantissa is the value (scale 0 after normalize).
        let mut d = self.0;
        d.rescale(0);
        let mut n = d.mantissa().unsigned_abs();
        if n == 0 {
            return String::from("0");
        }
        let mut buf = [0u8; 40];
        let mut i = buf.len();
        while n > 0 {
            i = i.saturating_sub(1);
            if let Some(slot) = buf.get_mut(i) {
                *slot = b'0'.saturating_add((n % 10) as u8);
            }
            n /= 10;
        }
        buf.get(i..).unwrap_or_default().iter().map(|&b| char::from(b)).collect()
    }

    /// Parses an amount as people type it in Indonesia: "1500000", "1.500.000", "Rp 1.500.000",
    /// "Rp1.500.000,00", "1 500 000". Refuses fractions of a rupiah, negatives and anything else.
    pub fn parse(text: &str) -> Result<Rupiah, AmountProblem> {
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
                f.write_str("an amount of whole rupiah as a string, e.g. \"1500000\" or \"1.500.000\"")
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
    fn parses_as_indonesians_type() {
        let m = Rupiah::from_whole(1_500_000);
        for ok in ["1500000", "1.500.000", "Rp 1.500.000", "Rp1.500.000,00", "Rp. 1.500.000", "1 500 000", " 01500000 "] {
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
        assert_eq!(Rupiah::parse("9999999999999999"), Err(AmountProblem::TooLarge));
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

    #[test]
    fn division() {
        let b = Rupiah::from_whole(20_160_000);
        assert_eq!(b.div_rem(Rupiah::from_whole(201_600)), Some((100, Rupiah::ZERO)));
        assert_eq!(b.div_rem(Rupiah::from_whole(201_601)), Some((99, Rupiah::from_whole(201_501))));
        assert_eq!(b.div_rem(Rupiah::ZERO), None);
        assert_eq!(Rupiah::from_whole(1).checked_sub(Rupiah::from_whole(2)), None);
    }
}
