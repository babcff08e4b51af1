//! A small JSON reader and writer for the wasm boundary, as one serde `Deserializer` and one `Serializer`.
//!
//! Why not serde-wasm-bindgen: walking JS objects field by field from Rust costs ~20 KB brotli of glue and
//! per-type code, plus float formatting for its error messages. Here the binding asks the browser for
//! `JSON.stringify(request)` and hands back `JSON.parse(answer)`: both native, and the Rust side is one
//! small text reader/writer. Deliberately limited to what the API needs:
//! - numbers are whole (counts, months, ages); a fraction or exponent is refused, so no float parsing or
//!   formatting is linked in;
//! - errors are the library's own [`Error`] with a stable code and the path of the bad field
//!   (`units[0].groups[1].people`), built while the error travels back up through objects and arrays;
//! - skipping unknown fields is iterative, so deep nesting cannot exhaust the stack; everything else is
//!   bounded by the depth of the Rust types (plus a nesting limit for `deserialize_any`).

use crate::error::{Error, ErrorCode};
use crate::money::AmountProblem;
use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, Visitor};
use serde::ser::{self, Serialize};
use std::borrow::Cow;

/// Nesting allowed for values read without a Rust type to guide them (`deserialize_any`).
const MAX_DEPTH: u32 = 128;

/// Reads `text` (JSON) as a `T`; the error names the bad field.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    let mut r = Reader {
        bytes: text.as_bytes(),
        pos: 0,
        depth: 0,
    };
    let v = T::deserialize(&mut r);
    r.finish(v.as_ref().err())?;
    v.map_err(|e| *e)
}

/// Writes `value` as JSON.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    let mut w = Writer {
        out: String::with_capacity(256),
    };
    let r = value.serialize(&mut w);
    w.finish(r)
}

/// Errors while reading: boxed, so every `?` in the generated visitors moves one pointer, not a whole
/// `Error` (a few KB less wasm).
type DeError = Box<Error>;

fn bad(detail: &str) -> DeError {
    Box::new(invalid(detail))
}

/// The writer fails only on types the API never sends (floats, maps, bytes): a unit error keeps every
/// generated `serialize` small.
#[derive(Debug)]
pub struct WriteError;

impl core::fmt::Display for WriteError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("value not representable in JSON")
    }
}

impl std::error::Error for WriteError {}

fn invalid(detail: &str) -> Error {
    Error::new(ErrorCode::InvalidInput).detail(detail)
}

/// An amount problem as the error the API throws (INVALID_AMOUNT, or AMOUNT_OUT_OF_RANGE when too large).
pub fn amount_error(p: AmountProblem) -> Error {
    let code = if p == AmountProblem::TooLarge {
        ErrorCode::AmountOutOfRange
    } else {
        ErrorCode::InvalidAmount
    };
    // The message says in words what to type (the code stays in `detail` for programs).
    let [id, en] = match p {
        AmountProblem::Empty => ["Isi jumlah rupiah, misalnya 1.500.000 atau 20 juta", "Enter a rupiah amount, for example 1.500.000 or 20 juta"],
        AmountProblem::NotANumber => [
            "Tulis jumlah rupiah dengan angka, misalnya 1.500.000, Rp 1.500.000, 20 juta atau 1,5 juta",
            "Write the rupiah amount in figures, for example 1.500.000, Rp 1.500.000, 20 juta or 1,5 juta",
        ],
        AmountProblem::Negative => ["Jumlah rupiah tidak boleh negatif", "A rupiah amount cannot be negative"],
        AmountProblem::NotWhole => [
            "Tulis rupiah bulat tanpa sen, misalnya 1.500.000 (koma hanya untuk 1,5 juta)",
            "Write whole rupiah without cents, for example 1.500.000 (a comma only in 1,5 juta)",
        ],
        AmountProblem::TooLarge => [
            "Jumlah rupiah terlalu besar untuk masuk akal (paling banyak 999 triliun)",
            "The rupiah amount is too large to be plausible (at most 999 trillion)",
        ],
    };
    Error::new(code).detail(p.code()).text(id, en)
}

/// Keeps details short, so a hostile string cannot flood the UI.
fn clip(mut s: String) -> String {
    if let Some((i, _)) = s.char_indices().nth(160) {
        s.truncate(i);
    }
    s
}

fn quoted(out: &mut String, s: &str) {
    out.push('`');
    out.push_str(s);
    out.push('`');
}

impl de::Error for DeError {
    /// Messages of our own `Deserialize` impls: an amount problem code, or "INVALID_MONTH: …".
    fn custom<T: core::fmt::Display>(msg: T) -> Self {
        let msg = msg.to_string();
        let problems = [
            AmountProblem::Empty,
            AmountProblem::NotANumber,
            AmountProblem::Negative,
            AmountProblem::NotWhole,
            AmountProblem::TooLarge,
        ];
        if let Some(p) = problems.iter().find(|p| msg.starts_with(p.code())) {
            return Box::new(amount_error(*p));
        }
        if msg.starts_with("INVALID_MONTH") {
            return Box::new(Error::new(ErrorCode::InvalidMonth));
        }
        Box::new(Error::new(ErrorCode::InvalidInput).detail(clip(msg)))
    }

    // The defaults format `Unexpected` (floats included) through core::fmt: say what is wrong without it.
    fn invalid_type(unexp: de::Unexpected, _: &dyn de::Expected) -> Self {
        bad(match unexp {
            de::Unexpected::Bool(_) => "invalid type: boolean",
            de::Unexpected::Unsigned(_) | de::Unexpected::Signed(_) | de::Unexpected::Float(_) => {
                "invalid type: number"
            }
            de::Unexpected::Str(_) | de::Unexpected::Char(_) => "invalid type: string",
            de::Unexpected::Unit | de::Unexpected::Option => "invalid type: null",
            de::Unexpected::Seq => "invalid type: array",
            de::Unexpected::Map => "invalid type: object",
            _ => "invalid type",
        })
    }

    fn invalid_value(_: de::Unexpected, _: &dyn de::Expected) -> Self {
        bad("invalid value")
    }

    fn invalid_length(_: usize, _: &dyn de::Expected) -> Self {
        bad("invalid length")
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        let mut m = String::from("unknown variant ");
        quoted(&mut m, variant);
        m.push_str(", expected one of ");
        for (i, e) in expected.iter().enumerate() {
            if i > 0 {
                m.push_str(", ");
            }
            quoted(&mut m, e);
        }
        Box::new(Error::new(ErrorCode::UnknownValue).detail(clip(m)))
    }

    fn unknown_field(field: &str, _: &'static [&'static str]) -> Self {
        let mut m = String::from("unknown field ");
        quoted(&mut m, field);
        bad(&clip(m))
    }

    fn missing_field(field: &'static str) -> Self {
        let mut m = String::from("missing field ");
        quoted(&mut m, field);
        bad(&m)
    }

    fn duplicate_field(field: &'static str) -> Self {
        let mut m = String::from("duplicate field ");
        quoted(&mut m, field);
        bad(&m)
    }
}

impl ser::Error for WriteError {
    fn custom<T: core::fmt::Display>(_: T) -> Self {
        WriteError
    }
}

// ── Reader ────────────────────────────────────────────────────────────────────────────────────────────────

/// A JSON number as read: a whole non-negative number that fits u64, a negative one that fits i64, or
/// anything else (fraction, exponent, too large), refused by every numeric field.
enum Number {
    Unsigned(u64),
    Negative(i64),
    Other,
}

struct Reader<'de> {
    bytes: &'de [u8],
    pos: usize,
    depth: u32,
}

impl<'de> Reader<'de> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn bump(&mut self) {
        self.pos = self.pos.saturating_add(1);
    }

    /// After the value: nothing but white space may follow (when the value was read at all).
    #[inline(never)]
    fn finish(&mut self, failed: Option<&DeError>) -> Result<(), Error> {
        self.skip_ws();
        if failed.is_none() && self.pos < self.bytes.len() {
            return Err(invalid("trailing characters"));
        }
        Ok(())
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.bump();
        }
    }

    /// The first byte of the next value, after white space.
    fn next_byte(&mut self) -> Result<u8, DeError> {
        self.skip_ws();
        self.peek().ok_or_else(|| bad("unexpected end of input"))
    }

    fn expect(&mut self, b: u8, what: &str) -> Result<(), DeError> {
        if self.next_byte()? == b {
            self.bump();
            Ok(())
        } else {
            Err(bad(what))
        }
    }

    fn literal(&mut self, word: &[u8]) -> Result<(), DeError> {
        let end = self.pos.saturating_add(word.len());
        if self.bytes.get(self.pos..end) == Some(word) {
            self.pos = end;
            Ok(())
        } else {
            Err(bad("invalid JSON"))
        }
    }

    fn hex4(&mut self) -> Result<u32, DeError> {
        let mut n = 0u32;
        for _ in 0..4 {
            let d = self
                .peek()
                .and_then(|b| char::from(b).to_digit(16))
                .ok_or_else(|| bad("invalid escape"))?;
            n = (n << 4) | d;
            self.bump();
        }
        Ok(n)
    }

    /// A string, after its opening quote: borrowed when it has no escapes.
    fn string(&mut self) -> Result<Cow<'de, str>, DeError> {
        let start = self.pos;
        let mut owned: Option<Vec<u8>> = None;
        let mut run = start;
        loop {
            let b = self.peek().ok_or_else(|| bad("unterminated string"))?;
            match b {
                b'"' => {
                    let tail = self.bytes.get(run..self.pos).unwrap_or_default();
                    self.bump();
                    return match owned {
                        None => core::str::from_utf8(tail)
                            .map(Cow::Borrowed)
                            .map_err(|_| bad("invalid UTF-8")),
                        Some(mut v) => {
                            v.extend_from_slice(tail);
                            String::from_utf8(v)
                                .map(Cow::Owned)
                                .map_err(|_| bad("invalid UTF-8"))
                        }
                    };
                }
                b'\\' => {
                    let v = owned.get_or_insert_with(Vec::new);
                    v.extend_from_slice(self.bytes.get(run..self.pos).unwrap_or_default());
                    self.bump();
                    let e = self.peek().ok_or_else(|| bad("unterminated string"))?;
                    self.bump();
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi)
                                && self.bytes.get(self.pos..self.pos.saturating_add(2))
                                    == Some(b"\\u")
                            {
                                self.pos = self.pos.saturating_add(2);
                                let lo = self.hex4()?;
                                if (0xDC00..0xE000).contains(&lo) {
                                    0x10000u32.saturating_add(
                                        (hi.saturating_sub(0xD800) << 10)
                                            | lo.saturating_sub(0xDC00),
                                    )
                                } else {
                                    0xFFFD
                                }
                            } else {
                                hi
                            };
                            // A lone surrogate (JSON.stringify writes them escaped) becomes U+FFFD.
                            char::from_u32(code).unwrap_or('\u{FFFD}')
                        }
                        _ => return Err(bad("invalid escape")),
                    };
                    let mut buf = [0u8; 4];
                    v.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                    run = self.pos;
                }
                0..=0x1F => return Err(bad("control character in string")),
                _ => self.bump(),
            }
        }
    }

    fn number(&mut self) -> Result<Number, DeError> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.bump();
        }
        let mut n: Option<u64> = Some(0);
        let mut digits = 0usize;
        while let Some(d @ b'0'..=b'9') = self.peek() {
            n = n
                .and_then(|n| n.checked_mul(10))
                .and_then(|n| n.checked_add(u64::from(d.saturating_sub(b'0'))));
            digits = digits.saturating_add(1);
            self.bump();
        }
        if digits == 0 {
            return Err(bad("invalid JSON"));
        }
        let mut whole = true;
        while let Some(b'.' | b'e' | b'E' | b'+' | b'-' | b'0'..=b'9') = self.peek() {
            whole = false;
            self.bump();
        }
        Ok(match (whole, negative, n) {
            (true, false, Some(n)) => Number::Unsigned(n),
            (true, true, Some(n)) => i64::try_from(n)
                .ok()
                .and_then(i64::checked_neg)
                .map_or(Number::Other, Number::Negative),
            _ => Number::Other,
        })
    }

    fn whole(&mut self) -> Result<u64, DeError> {
        let b = self.next_byte()?;
        if b != b'-' && !b.is_ascii_digit() {
            return Err(self.wrong_type(b));
        }
        match self.number()? {
            Number::Unsigned(n) => Ok(n),
            Number::Negative(_) | Number::Other => Err(bad("expected a whole number, 0 or more")),
        }
    }

    /// The error for a value of the wrong kind, named by its first byte.
    fn wrong_type(&self, b: u8) -> DeError {
        bad(match b {
            b'"' => "invalid type: string",
            b'{' => "invalid type: object",
            b'[' => "invalid type: array",
            b'n' => "invalid type: null",
            b't' | b'f' => "invalid type: boolean",
            _ => "invalid type: number",
        })
    }

    fn str_value(&mut self) -> Result<Cow<'de, str>, DeError> {
        let b = self.next_byte()?;
        if b != b'"' {
            return Err(self.wrong_type(b));
        }
        self.bump();
        self.string()
    }

    /// Skips one value without recursion (unknown fields).
    fn skip(&mut self) -> Result<(), DeError> {
        let mut depth = 0usize;
        loop {
            match self.next_byte()? {
                b'{' | b'[' => {
                    self.bump();
                    depth = depth.saturating_add(1);
                    continue;
                }
                b'}' | b']' if depth > 0 => {
                    self.bump();
                    depth = depth.saturating_sub(1);
                }
                b'"' => {
                    self.bump();
                    self.string()?;
                    if depth > 0 && self.next_byte()? == b':' {
                        self.bump();
                        continue;
                    }
                }
                b't' => self.literal(b"true")?,
                b'f' => self.literal(b"false")?,
                b'n' => self.literal(b"null")?,
                b'-' | b'0'..=b'9' => {
                    self.number()?;
                }
                _ => return Err(bad("invalid JSON")),
            }
            if depth == 0 {
                return Ok(());
            }
            if self.next_byte()? == b',' {
                self.bump();
            }
        }
    }

    /// Reads `[` or `{` (or says what came instead) and counts the nesting.
    #[inline(never)]
    fn open(&mut self, b: u8) -> Result<(), DeError> {
        let next = self.next_byte()?;
        if next != b {
            return Err(self.wrong_type(next));
        }
        self.bump();
        self.depth = self.depth.saturating_add(1);
        if self.depth > MAX_DEPTH {
            return Err(bad("nested too deeply"));
        }
        Ok(())
    }

    #[inline(never)]
    fn close(&mut self, b: u8) -> Result<(), DeError> {
        self.expect(
            b,
            if b == b']' {
                "expected `,` or `]`"
            } else {
                "expected `,` or `}`"
            },
        )?;
        self.depth = self.depth.saturating_sub(1);
        Ok(())
    }
}

/// Prefixes the error's path with `outer` as it travels up (in place: the error stays boxed).
#[inline(never)]
fn within(mut e: DeError, outer: &str) -> DeError {
    let inner = core::mem::replace(&mut *e, Error::new(ErrorCode::InvalidInput));
    *e = inner.within(outer);
    e
}

#[inline(never)]
fn index_path(i: usize) -> String {
    let mut s = String::from("[");
    crate::month::push_digits(&mut s, u32::try_from(i).unwrap_or(u32::MAX), 1);
    s.push(']');
    s
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        match self.next_byte()? {
            b'n' => {
                self.literal(b"null")?;
                v.visit_unit()
            }
            b't' | b'f' => self.deserialize_bool(v),
            b'"' => self.deserialize_str(v),
            b'[' => self.deserialize_seq(v),
            b'{' => self.deserialize_map(v),
            _ => match self.number()? {
                Number::Unsigned(n) => v.visit_u64(n),
                Number::Negative(n) => v.visit_i64(n),
                Number::Other => Err(bad("expected a whole number")),
            },
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        match self.next_byte()? {
            b't' => {
                self.literal(b"true")?;
                v.visit_bool(true)
            }
            b'f' => {
                self.literal(b"false")?;
                v.visit_bool(false)
            }
            b => Err(self.wrong_type(b)),
        }
    }

    fn deserialize_u8<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        let n = self.whole()?;
        v.visit_u8(u8::try_from(n).map_err(|_| bad("number out of range"))?)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        let n = self.whole()?;
        v.visit_u16(u16::try_from(n).map_err(|_| bad("number out of range"))?)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        let n = self.whole()?;
        v.visit_u32(u32::try_from(n).map_err(|_| bad("number out of range"))?)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        let n = self.whole()?;
        v.visit_u64(n)
    }

    fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        match self.str_value()? {
            Cow::Borrowed(s) => v.visit_borrowed_str(s),
            Cow::Owned(s) => v.visit_string(s),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.deserialize_str(v)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.deserialize_str(v)
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        if self.next_byte()? == b'n' {
            self.literal(b"null")?;
            v.visit_none()
        } else {
            v.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        match self.next_byte()? {
            b'n' => {
                self.literal(b"null")?;
                v.visit_unit()
            }
            b => Err(self.wrong_type(b)),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        v: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_unit(v)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        v: V,
    ) -> Result<V::Value, DeError> {
        v.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.open(b'[')?;
        let value = v.visit_seq(Seq { r: self, index: 0 })?;
        self.close(b']')?;
        Ok(value)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, v: V) -> Result<V::Value, DeError> {
        self.deserialize_seq(v)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        v: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_seq(v)
    }

    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.open(b'{')?;
        let value = v.visit_map(Map {
            r: self,
            first: true,
            key: Cow::Borrowed(""),
        })?;
        self.close(b'}')?;
        Ok(value)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_map(v)
    }

    /// Enums cross as their snake_case name: unit variants only.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, DeError> {
        let s = self.str_value()?;
        let d: de::value::StrDeserializer<'_, DeError> = s.as_ref().into_deserializer();
        v.visit_enum(d)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.skip()?;
        v.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u128 f32 f64 char bytes byte_buf
    }
}

struct Seq<'a, 'de> {
    r: &'a mut Reader<'de>,
    index: usize,
}

impl Seq<'_, '_> {
    /// Moves to the next element (counting it); false at the end of the array.
    #[inline(never)]
    fn next_element(&mut self) -> Result<bool, DeError> {
        let b = self.r.next_byte()?;
        if b == b']' {
            return Ok(false);
        }
        if self.index > 0 {
            if b != b',' {
                return Err(bad("expected `,` or `]`"));
            }
            self.r.bump();
        }
        self.index = self.index.saturating_add(1);
        Ok(true)
    }
}

impl<'de> de::SeqAccess<'de> for Seq<'_, 'de> {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        if !self.next_element()? {
            return Ok(None);
        }
        let i = self.index.saturating_sub(1);
        seed.deserialize(&mut *self.r)
            .map(Some)
            .map_err(|e| within(e, &index_path(i)))
    }
}

struct Map<'a, 'de> {
    r: &'a mut Reader<'de>,
    first: bool,
    /// The key of the value being read, for the error path.
    key: Cow<'de, str>,
}

// Not generic: written once, not once per struct and field type (the same for Seq and the writer).
impl Map<'_, '_> {
    /// Reads the next key into `self.key`; false at the end of the object.
    #[inline(never)]
    fn next_key(&mut self) -> Result<bool, DeError> {
        let b = self.r.next_byte()?;
        if b == b'}' {
            return Ok(false);
        }
        if !self.first {
            if b != b',' {
                return Err(bad("expected `,` or `}`"));
            }
            self.r.bump();
        }
        self.first = false;
        self.r.expect(b'"', "expected a field name")?;
        self.key = self.r.string()?;
        self.r.expect(b':', "expected `:`")?;
        Ok(true)
    }

    #[inline(never)]
    fn at_key(&self, e: DeError) -> DeError {
        within(e, &self.key)
    }
}

impl<'de> de::MapAccess<'de> for Map<'_, 'de> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        if !self.next_key()? {
            return Ok(None);
        }
        let d: de::value::StrDeserializer<'_, DeError> = self.key.as_ref().into_deserializer();
        seed.deserialize(d).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        seed.deserialize(&mut *self.r).map_err(|e| self.at_key(e))
    }
}

// ── Writer ────────────────────────────────────────────────────────────────────────────────────────────────

struct Writer {
    out: String,
}

impl Writer {
    #[inline(never)]
    fn finish(self, r: Result<(), WriteError>) -> Result<String, Error> {
        r.map(|()| self.out)
            .map_err(|_| invalid("value not representable in JSON"))
    }

    #[inline(never)]
    fn str(&mut self, s: &str) {
        self.out.push('"');
        let mut run = 0;
        for (i, b) in s.bytes().enumerate() {
            let esc = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0..=0x1F => "",
                _ => continue,
            };
            self.out.push_str(s.get(run..i).unwrap_or_default());
            if esc.is_empty() {
                self.out.push_str("\\u00");
                for nibble in [b >> 4, b & 0xF] {
                    self.out
                        .push(char::from_digit(u32::from(nibble), 16).unwrap_or('0'));
                }
            } else {
                self.out.push_str(esc);
            }
            run = i.saturating_add(1);
        }
        self.out.push_str(s.get(run..).unwrap_or_default());
        self.out.push('"');
    }

    fn unsigned(&mut self, n: u64) {
        let mut buf = [b'0'; 20];
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
        for &b in buf.get(i..).unwrap_or_default() {
            self.out.push(char::from(b));
        }
    }
}

fn unsupported() -> WriteError {
    WriteError
}

/// Arrays and objects being written: whether a comma is due.
struct Compound<'a> {
    w: &'a mut Writer,
    first: bool,
}

impl Compound<'_> {
    /// `,"key":` — field names are Rust identifiers, nothing to escape.
    #[inline(never)]
    fn key(&mut self, key: &str) {
        self.comma();
        self.w.out.push('"');
        self.w.out.push_str(key);
        self.w.out.push_str("\":");
    }

    #[inline(never)]
    fn comma(&mut self) {
        if !self.first {
            self.w.out.push(',');
        }
        self.first = false;
    }
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = WriteError;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = ser::Impossible<(), WriteError>;
    type SerializeMap = ser::Impossible<(), WriteError>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = ser::Impossible<(), WriteError>;

    fn serialize_bool(self, v: bool) -> Result<(), WriteError> {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), WriteError> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<(), WriteError> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<(), WriteError> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Result<(), WriteError> {
        if v < 0 {
            self.out.push('-');
        }
        self.unsigned(v.unsigned_abs());
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), WriteError> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<(), WriteError> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<(), WriteError> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result<(), WriteError> {
        self.unsigned(v);
        Ok(())
    }
    /// Money and rates are strings; no float crosses the boundary.
    fn serialize_f32(self, _: f32) -> Result<(), WriteError> {
        Err(unsupported())
    }
    fn serialize_f64(self, _: f64) -> Result<(), WriteError> {
        Err(unsupported())
    }
    fn serialize_char(self, v: char) -> Result<(), WriteError> {
        let mut buf = [0u8; 4];
        self.str(v.encode_utf8(&mut buf));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), WriteError> {
        self.str(v);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), WriteError> {
        Err(unsupported())
    }
    fn serialize_none(self) -> Result<(), WriteError> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), WriteError> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), WriteError> {
        self.out.push_str("null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), WriteError> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), WriteError> {
        self.str(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), WriteError> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), WriteError> {
        Err(unsupported())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, WriteError> {
        self.out.push('[');
        Ok(Compound {
            w: self,
            first: true,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>, WriteError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        len: usize,
    ) -> Result<Compound<'a>, WriteError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, WriteError> {
        Err(unsupported())
    }
    /// No map type crosses the boundary.
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, WriteError> {
        Err(unsupported())
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, WriteError> {
        self.out.push('{');
        Ok(Compound {
            w: self,
            first: true,
        })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, WriteError> {
        Err(unsupported())
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = WriteError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), WriteError> {
        self.comma();
        v.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), WriteError> {
        self.w.out.push(']');
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = WriteError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), WriteError> {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> Result<(), WriteError> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = WriteError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), WriteError> {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> Result<(), WriteError> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = WriteError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), WriteError> {
        self.key(key);
        v.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), WriteError> {
        self.w.out.push('}');
        Ok(())
    }
}

#[cfg(test)]
mod tests;
