//! Amounts in words ("terbilang") for budget documents: "dua puluh juta seratus enam puluh ribu rupiah".
//!
//! Works on the digit string of the amount (`Rupiah::to_digits`), three digits at a time, so no amount can
//! overflow; above the trillions the words nest ("seribu triliun"). No `std::fmt`.

use crate::error::Lang;
use crate::money::Rupiah;

const ID_UNITS: [&str; 10] = [
    "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
];
const EN_UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const EN_TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
/// Scales of the groups below a trillion, lowest first.
const ID_SCALES: [&str; 4] = ["", "ribu", "juta", "miliar"];
const EN_SCALES: [&str; 4] = ["", "thousand", "million", "billion"];
/// Digits below the trillion scale.
const BELOW_TRILLION: usize = 12;

/// The amount in words, followed by "rupiah". English uses the short scale (miliar = billion), without "and"
/// or commas; 21–99 are hyphenated ("twenty-one").
pub fn terbilang(amount: Rupiah, lang: Lang) -> String {
    let digits: Vec<u8> = amount
        .to_digits()
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b.saturating_sub(b'0'))
        .collect();
    let mut out = String::new();
    number(&digits, lang, &mut out);
    if out.is_empty() {
        word(&mut out, zero(lang));
    }
    word(&mut out, "rupiah");
    out
}

/// Appends a word, separated by a space.
fn word(out: &mut String, w: &str) {
    if w.is_empty() {
        return;
    }
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(w);
}

const fn zero(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "nol",
        Lang::En => "zero",
    }
}

/// Appends the words of the number whose decimal digits are `digits` (most significant first); nothing for 0.
fn number(digits: &[u8], lang: Lang, out: &mut String) {
    let significant = match digits.iter().position(|&d| d != 0) {
        Some(i) => digits.get(i..).unwrap_or_default(),
        None => return,
    };
    let (high, low) = match significant.len().checked_sub(BELOW_TRILLION) {
        Some(cut) => significant
            .split_at_checked(cut)
            .unwrap_or((&[], significant)),
        None => (&[][..], significant),
    };
    if !high.is_empty() {
        // "satu triliun", "seribu triliun", "dua ratus ribu triliun"…
        number(high, lang, out);
        word(
            out,
            match lang {
                Lang::Id => "triliun",
                Lang::En => "trillion",
            },
        );
    }
    let groups: Vec<u16> = low.rchunks(3).map(group_value).collect();
    for (scale, &g) in groups.iter().enumerate().rev() {
        if g == 0 {
            continue;
        }
        match lang {
            Lang::Id if g == 1 && scale == 1 => word(out, "seribu"),
            Lang::Id => {
                below_thousand_id(g, out);
                word(out, ID_SCALES.get(scale).copied().unwrap_or_default());
            }
            Lang::En => {
                below_thousand_en(g, out);
                word(out, EN_SCALES.get(scale).copied().unwrap_or_default());
            }
        }
    }
}

fn group_value(chunk: &[u8]) -> u16 {
    chunk.iter().fold(0u16, |acc, &d| {
        acc.saturating_mul(10).saturating_add(u16::from(d))
    })
}

fn unit_id(n: u16) -> &'static str {
    ID_UNITS.get(usize::from(n)).copied().unwrap_or_default()
}

fn unit_en(n: u16) -> &'static str {
    EN_UNITS.get(usize::from(n)).copied().unwrap_or_default()
}

/// 1..=999 in Indonesian: "seratus", "dua ratus", "sepuluh", "sebelas", "dua belas", "dua puluh satu".
fn below_thousand_id(n: u16, out: &mut String) {
    match n / 100 {
        0 => {}
        1 => word(out, "seratus"),
        h => {
            word(out, unit_id(h));
            word(out, "ratus");
        }
    }
    let rest = n % 100;
    match (rest / 10, rest % 10) {
        (0, 0) => {}
        (0, u) => word(out, unit_id(u)),
        (1, 0) => word(out, "sepuluh"),
        (1, 1) => word(out, "sebelas"),
        (1, u) => {
            word(out, unit_id(u));
            word(out, "belas");
        }
        (t, u) => {
            word(out, unit_id(t));
            word(out, "puluh");
            if u != 0 {
                word(out, unit_id(u));
            }
        }
    }
}

/// 1..=999 in English: "one hundred", "twenty-one", "one hundred sixty".
fn below_thousand_en(n: u16, out: &mut String) {
    let hundreds = n / 100;
    if hundreds != 0 {
        word(out, unit_en(hundreds));
        word(out, "hundred");
    }
    let rest = n % 100;
    if rest == 0 {
        return;
    }
    if rest < 20 {
        word(out, unit_en(rest));
        return;
    }
    word(
        out,
        EN_TENS
            .get(usize::from(rest / 10))
            .copied()
            .unwrap_or_default(),
    );
    let units = rest % 10;
    if units != 0 {
        out.push('-');
        out.push_str(unit_en(units));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::MAX_INPUT;

    fn id(n: u64) -> String {
        terbilang(Rupiah::from_whole(n), Lang::Id)
    }

    fn en(n: u64) -> String {
        terbilang(Rupiah::from_whole(n), Lang::En)
    }

    #[test]
    fn indonesian_examples() {
        assert_eq!(
            id(20_160_000),
            "dua puluh juta seratus enam puluh ribu rupiah"
        );
        assert_eq!(id(0), "nol rupiah");
        assert_eq!(id(1_000), "seribu rupiah");
        assert_eq!(id(1_100_000), "satu juta seratus ribu rupiah");
        assert_eq!(id(11), "sebelas rupiah");
        assert_eq!(id(1_000_000_000), "satu miliar rupiah");
        assert_eq!(id(1_000_000_000_000), "satu triliun rupiah");
        assert_eq!(
            id(2_500_000_000_000),
            "dua triliun lima ratus miliar rupiah"
        );
        assert_eq!(id(1_001_000), "satu juta seribu rupiah");
        assert_eq!(id(201_600), "dua ratus satu ribu enam ratus rupiah");
        assert_eq!(id(16_800), "enam belas ribu delapan ratus rupiah");
        assert_eq!(id(174_000_000), "seratus tujuh puluh empat juta rupiah");
        assert_eq!(
            id(2_239_339_680),
            "dua miliar dua ratus tiga puluh sembilan juta tiga ratus tiga puluh sembilan ribu enam ratus delapan puluh rupiah"
        );
        assert_eq!(id(11_000), "sebelas ribu rupiah");
        assert_eq!(id(100_000), "seratus ribu rupiah");
        assert_eq!(id(1_000_001), "satu juta satu rupiah");
    }

    #[test]
    fn the_largest_input() {
        assert_eq!(Rupiah::parse("999999999999999"), Ok(MAX_INPUT));
        assert_eq!(
            terbilang(MAX_INPUT, Lang::Id),
            "sembilan ratus sembilan puluh sembilan triliun sembilan ratus sembilan puluh sembilan miliar \
             sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan ribu \
             sembilan ratus sembilan puluh sembilan rupiah"
        );
        assert_eq!(
            terbilang(MAX_INPUT, Lang::En),
            "nine hundred ninety-nine trillion nine hundred ninety-nine billion nine hundred ninety-nine million \
             nine hundred ninety-nine thousand nine hundred ninety-nine rupiah"
        );
    }

    #[test]
    fn beyond_the_largest_input_nests() {
        // Sums can exceed MAX_INPUT; the words still come out, never a panic.
        assert_eq!(id(1_000_000_000_000_000), "seribu triliun rupiah");
        assert_eq!(en(1_000_000_000_000_000), "one thousand trillion rupiah");
        assert!(id(u64::MAX).ends_with(" rupiah"));
        let big = Rupiah::from_whole(1_000_000_000_000)
            .checked_mul(1_000_000_000_000)
            .unwrap();
        assert_eq!(terbilang(big, Lang::Id), "satu triliun triliun rupiah");
        let big = Rupiah::from_whole(u64::MAX).checked_mul(1_000_000).unwrap();
        assert!(terbilang(big, Lang::Id).starts_with("delapan belas triliun"));
    }

    #[test]
    fn english_examples() {
        assert_eq!(
            en(20_160_000),
            "twenty million one hundred sixty thousand rupiah"
        );
        assert_eq!(en(0), "zero rupiah");
        assert_eq!(en(1_000), "one thousand rupiah");
        assert_eq!(en(11), "eleven rupiah");
        assert_eq!(en(21), "twenty-one rupiah");
        assert_eq!(en(1_000_000_000), "one billion rupiah");
        assert_eq!(en(3_000_000_000_000), "three trillion rupiah");
        assert_eq!(en(1_100_000), "one million one hundred thousand rupiah");
        assert_eq!(en(16_800), "sixteen thousand eight hundred rupiah");
        for n in [
            0u64,
            7,
            19,
            20,
            99,
            101,
            999,
            1_234_567,
            999_999_999_999_999,
        ] {
            let s = en(n);
            assert!(!s.contains(" and ") && !s.contains(','), "{s}");
        }
    }

    #[test]
    fn spot_checks_up_to_two_thousand() {
        let cases: &[(u64, &str)] = &[
            (1, "satu"),
            (9, "sembilan"),
            (10, "sepuluh"),
            (12, "dua belas"),
            (19, "sembilan belas"),
            (20, "dua puluh"),
            (21, "dua puluh satu"),
            (99, "sembilan puluh sembilan"),
            (100, "seratus"),
            (101, "seratus satu"),
            (110, "seratus sepuluh"),
            (111, "seratus sebelas"),
            (115, "seratus lima belas"),
            (200, "dua ratus"),
            (999, "sembilan ratus sembilan puluh sembilan"),
            (1_001, "seribu satu"),
            (1_010, "seribu sepuluh"),
            (1_100, "seribu seratus"),
            (1_999, "seribu sembilan ratus sembilan puluh sembilan"),
            (2_000, "dua ribu"),
            (200_000, "dua ratus ribu"),
        ];
        for (n, words) in cases {
            let mut expected = String::from(*words);
            expected.push_str(" rupiah");
            assert_eq!(id(*n), expected, "{n}");
        }
    }

    #[test]
    fn every_amount_to_two_thousand_is_well_formed() {
        for n in 0..=2000u64 {
            for lang in [Lang::Id, Lang::En] {
                let s = terbilang(Rupiah::from_whole(n), lang);
                assert!(s.ends_with(" rupiah"), "{s}");
                assert!(!s.contains("  ") && !s.starts_with(' '), "{s}");
                if n > 0 {
                    assert!(!s.contains("nol") && !s.contains("zero"), "{s}");
                }
            }
            let s = id(n);
            assert!(
                !s.contains("satu ratus")
                    && !s.contains("satu puluh")
                    && !s.contains("satu belas")
                    && !s.contains("satu ribu"),
                "{s}"
            );
        }
        // Distinct words for distinct amounts.
        let mut all: Vec<String> = (0..=2000u64).map(id).collect();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), 2001);
    }
}
