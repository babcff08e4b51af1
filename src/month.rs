//! A calendar month ("YYYY-MM"): contributions are owed per month and rules change on month boundaries.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar month. Ordered; `index()` counts months from year 0 so ranges are plain integers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    year: u16,
    /// 1..=12
    month: u8,
}

impl Month {
    /// A month, if `month` is 1..=12 and the year is 1900..=2999.
    pub const fn new(year: u16, month: u8) -> Option<Month> {
        if month >= 1 && month <= 12 && year >= 1900 && year <= 2999 {
            Some(Month { year, month })
        } else {
            None
        }
    }

    /// For the rule tables: a month known to be valid at compile time.
    pub(crate) const fn ym(year: u16, month: u8) -> Month {
        Month { year, month }
    }

    pub const fn year(self) -> u16 {
        self.year
    }

    pub const fn month(self) -> u8 {
        self.month
    }

    /// Months since January of year 0 (always fits: year ≤ 2999).
    pub const fn index(self) -> u32 {
        // year ≤ 2999 and month ≤ 12: at most 36 000, no overflow possible.
        #[allow(clippy::arithmetic_side_effects)]
        let i = self.year as u32 * 12 + (self.month as u32 - 1);
        i
    }

    /// The month `n` months later, if it stays in range.
    pub fn plus(self, n: u32) -> Option<Month> {
        let i = self.index().checked_add(n)?;
        let year = u16::try_from(i / 12).ok()?;
        let month = u8::try_from(i % 12).ok()?.checked_add(1)?;
        Month::new(year, month)
    }

    /// Parses "YYYY-MM" (also "YYYY-M").
    pub fn parse(s: &str) -> Option<Month> {
        // Byte by byte: four digits, '-', one or two digits (no str patterns or FromStr in the wasm).
        let b = s.trim().as_bytes();
        if !(6..=7).contains(&b.len()) || b.get(4) != Some(&b'-') {
            return None;
        }
        let mut year = 0u16;
        let mut month = 0u8;
        for (i, &c) in b.iter().enumerate() {
            let d = c.wrapping_sub(b'0');
            match i {
                4 => continue,
                _ if d > 9 => return None,
                0..=3 => year = year.saturating_mul(10).saturating_add(u16::from(d)),
                _ => month = month.saturating_mul(10).saturating_add(d),
            }
        }
        Month::new(year, month)
    }

    /// "YYYY-MM".
    pub fn to_iso(self) -> String {
        let mut s = String::with_capacity(7);
        push_digits(&mut s, u32::from(self.year), 4);
        s.push('-');
        push_digits(&mut s, u32::from(self.month), 2);
        s
    }
}

/// Writes `n` with at least `width` digits, without `std::fmt` (keeps the wasm small).
pub(crate) fn push_digits(s: &mut String, n: u32, width: usize) {
    let mut buf = [b'0'; 10];
    let mut i = buf.len();
    let mut n = n;
    loop {
        i = i.saturating_sub(1);
        if let Some(slot) = buf.get_mut(i) {
            *slot = b'0'.saturating_add((n % 10) as u8);
        }
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let start = i.min(buf.len().saturating_sub(width));
    for &b in buf.get(start..).unwrap_or_default() {
        s.push(char::from(b));
    }
}

impl Serialize for Month {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_iso())
    }
}

impl<'de> Deserialize<'de> for Month {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Month::parse(&s).ok_or_else(|| {
            serde::de::Error::custom("INVALID_MONTH: a month is written YYYY-MM, e.g. 2026-01")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        assert_eq!(Month::parse("2026-03"), Month::new(2026, 3));
        assert_eq!(Month::parse("2026-3"), Month::new(2026, 3));
        assert_eq!(
            Month::parse(" 2026-12 ").map(Month::to_iso).as_deref(),
            Some("2026-12")
        );
        for bad in [
            "2026-13", "2026-00", "26-01", "2026/01", "2026-1a", "", "-", "2026-", "+026-01",
            "0999-01",
        ] {
            assert_eq!(Month::parse(bad), None, "{bad}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// The byte-level parser agrees with the str-pattern one it replaced (smaller wasm).
        #[test]
        fn parse_agrees_with_reference(s in "[ ]?[0-9+-]{0,5}-?[0-9a-]{0,3}[ ]?|.{0,9}") {
            let reference = |s: &str| -> Option<Month> {
                let (y, m) = s.trim().split_once('-')?;
                if y.len() != 4 || m.is_empty() || m.len() > 2 || !y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
                    return None;
                }
                Month::new(y.parse().ok()?, m.parse().ok()?)
            };
            proptest::prop_assert_eq!(Month::parse(&s), reference(&s), "{}", s);
        }
    }

    #[test]
    fn adds_months_across_years() {
        let m = Month::ym(2026, 11);
        assert_eq!(m.plus(2), Some(Month::ym(2027, 1)));
        assert_eq!(m.plus(0), Some(m));
        assert_eq!(Month::ym(2999, 12).plus(1), None);
        assert_eq!(m.plus(u32::MAX), None);
    }

    #[test]
    fn digits() {
        let mut s = String::new();
        push_digits(&mut s, 7, 2);
        push_digits(&mut s, 0, 1);
        push_digits(&mut s, 123456, 2);
        assert_eq!(s, "070123456");
    }
}
