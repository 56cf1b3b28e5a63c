//! JSON text (RFC 8259) into a [`Value`] tree. Errors name the same place and use the same words as serde_json's
//! `from_str::<serde_json::Value>`, which `voix check` reports, so the widget's console and `voix check` agree.
//! The parser walks byte by byte the way serde_json does: an error found on a byte it has read is placed at that
//! byte (`error`), one found on a byte it only looked at is placed one further (`peek_error`).

use super::value::{Kind, Member, Value};

/// How deep arrays and objects may nest: serde_json's limit (127 levels open at once), which also keeps the
/// recursive parser's stack small.
const MAX_DEPTH: u8 = 128;

/// A JSON syntax error, with serde_json's position: 1-based line, and the column of the byte where it was found
/// (counted in bytes; 0 when the error is at a line's very start, e.g. a raw newline in a string).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub code: SyntaxCode,
    pub line: usize,
    pub column: usize,
}

/// What is wrong, one case per serde_json `ErrorCode` a well-formed `&str` can give.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxCode {
    EofWhileParsingList,
    EofWhileParsingObject,
    EofWhileParsingString,
    EofWhileParsingValue,
    ExpectedColon,
    ExpectedListCommaOrEnd,
    ExpectedObjectCommaOrEnd,
    ExpectedSomeIdent,
    ExpectedSomeValue,
    InvalidEscape,
    InvalidNumber,
    NumberOutOfRange,
    ControlCharacterWhileParsingString,
    KeyMustBeAString,
    LoneLeadingSurrogateInHexEscape,
    TrailingComma,
    TrailingCharacters,
    UnexpectedEndOfHexEscape,
    RecursionLimitExceeded,
}

impl SyntaxCode {
    /// serde_json's words, which `SyntaxKind::classify` sorts into the messages people read.
    pub fn message(self) -> &'static str {
        match self {
            SyntaxCode::EofWhileParsingList => "EOF while parsing a list",
            SyntaxCode::EofWhileParsingObject => "EOF while parsing an object",
            SyntaxCode::EofWhileParsingString => "EOF while parsing a string",
            SyntaxCode::EofWhileParsingValue => "EOF while parsing a value",
            SyntaxCode::ExpectedColon => "expected `:`",
            SyntaxCode::ExpectedListCommaOrEnd => "expected `,` or `]`",
            SyntaxCode::ExpectedObjectCommaOrEnd => "expected `,` or `}`",
            SyntaxCode::ExpectedSomeIdent => "expected ident",
            SyntaxCode::ExpectedSomeValue => "expected value",
            SyntaxCode::InvalidEscape => "invalid escape",
            SyntaxCode::InvalidNumber => "invalid number",
            SyntaxCode::NumberOutOfRange => "number out of range",
            SyntaxCode::ControlCharacterWhileParsingString => {
                "control character (\\u0000-\\u001F) found while parsing a string"
            }
            SyntaxCode::KeyMustBeAString => "key must be a string",
            SyntaxCode::LoneLeadingSurrogateInHexEscape => "lone leading surrogate in hex escape",
            SyntaxCode::TrailingComma => "trailing comma",
            SyntaxCode::TrailingCharacters => "trailing characters",
            SyntaxCode::UnexpectedEndOfHexEscape => "unexpected end of hex escape",
            SyntaxCode::RecursionLimitExceeded => "recursion limit exceeded",
        }
    }
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at line {} column {}", self.code.message(), self.line, self.column)
    }
}

/// Parses a whole JSON text: one value, with only whitespace around it.
pub fn parse(source: &str) -> Result<Value, SyntaxError> {
    let mut parser = Parser { source, bytes: source.as_bytes(), index: 0, remaining_depth: MAX_DEPTH };
    let failed = |at: Failure| {
        let (line, column) = position(source, at.offset);
        SyntaxError { code: at.code, line, column }
    };
    let value = parser.value().map_err(failed)?;
    match parser.skip_whitespace() {
        Some(_) => Err(failed(parser.peek_error(SyntaxCode::TrailingCharacters))),
        None => Ok(value),
    }
}

/// serde_json's line and column of a byte offset: the column is the number of bytes from the line's start to the
/// offset, so an error "at" the byte just read shows that byte's 1-based column.
pub fn position(source: &str, offset: usize) -> (usize, usize) {
    let before = &source.as_bytes()[..offset.min(source.len())];
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |newline| newline + 1);
    let line = 1 + before[..line_start].iter().filter(|&&b| b == b'\n').count();
    (line, before.len() - line_start)
}

/// An error before its offset is turned into a line and column.
struct Failure {
    code: SyntaxCode,
    offset: usize,
}

type Parsed<T> = Result<T, Failure>;

struct Parser<'a> {
    source: &'a str,
    bytes: &'a [u8],
    index: usize,
    remaining_depth: u8,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.index).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.index += 1;
        Some(byte)
    }

    /// An error caused by the byte just read.
    fn error(&self, code: SyntaxCode) -> Failure {
        Failure { code, offset: self.index }
    }

    /// An error caused by the byte looked at but not read.
    fn peek_error(&self, code: SyntaxCode) -> Failure {
        Failure { code, offset: (self.index + 1).min(self.bytes.len()) }
    }

    /// Skips whitespace and returns the next byte without reading it.
    fn skip_whitespace(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.index += 1;
        }
        self.peek()
    }

    fn value(&mut self) -> Parsed<Value> {
        let Some(first) = self.skip_whitespace() else { return Err(self.peek_error(SyntaxCode::EofWhileParsingValue)) };
        let start = self.index;
        let kind = match first {
            b'n' => self.word(b"null", Kind::Null)?,
            b't' => self.word(b"true", Kind::Bool(true))?,
            b'f' => self.word(b"false", Kind::Bool(false))?,
            b'-' | b'0'..=b'9' => {
                self.number()?;
                Kind::Number(self.source[start..self.index].to_owned())
            }
            b'"' => {
                self.index += 1;
                Kind::String(self.string()?)
            }
            b'[' => {
                self.enter()?;
                let items = self.array_items();
                self.remaining_depth += 1;
                Kind::Array(items?)
            }
            b'{' => {
                self.enter()?;
                let members = self.object_members();
                self.remaining_depth += 1;
                Kind::Object(members?)
            }
            _ => return Err(self.peek_error(SyntaxCode::ExpectedSomeValue)),
        };
        Ok(Value { kind, start, end: self.index })
    }

    /// Opens an array or object, within the depth limit.
    fn enter(&mut self) -> Parsed<()> {
        self.remaining_depth -= 1;
        if self.remaining_depth == 0 {
            self.remaining_depth += 1;
            return Err(self.peek_error(SyntaxCode::RecursionLimitExceeded));
        }
        self.index += 1;
        Ok(())
    }

    /// `null`, `true` or `false`, whose first byte was seen.
    fn word(&mut self, word: &[u8], kind: Kind) -> Parsed<Kind> {
        self.index += 1;
        for expected in &word[1..] {
            match self.next() {
                None => return Err(self.error(SyntaxCode::EofWhileParsingValue)),
                Some(byte) if byte != *expected => return Err(self.error(SyntaxCode::ExpectedSomeIdent)),
                Some(_) => {}
            }
        }
        Ok(kind)
    }

    /// Checks a number's grammar and range; its text is kept as written.
    fn number(&mut self) -> Parsed<()> {
        if self.peek() == Some(b'-') {
            self.index += 1;
        }
        let integer_start = self.index;
        match self.next() {
            None => return Err(self.error(SyntaxCode::EofWhileParsingValue)),
            Some(b'0') if matches!(self.peek(), Some(b'0'..=b'9')) => {
                return Err(self.peek_error(SyntaxCode::InvalidNumber))
            }
            Some(b'0') => {}
            Some(b'1'..=b'9') => self.digits(),
            Some(_) => return Err(self.error(SyntaxCode::InvalidNumber)),
        }
        let integer = &self.bytes[integer_start..self.index];
        let mut fraction: &[u8] = &[];
        if self.peek() == Some(b'.') {
            self.index += 1;
            let fraction_start = self.index;
            self.digits();
            if self.index == fraction_start {
                let code =
                    if self.peek().is_some() { SyntaxCode::InvalidNumber } else { SyntaxCode::EofWhileParsingValue };
                return Err(self.peek_error(code));
            }
            fraction = &self.bytes[fraction_start..self.index];
        }
        let mut exponent: i64 = 0;
        if let Some(b'e' | b'E') = self.peek() {
            self.index += 1;
            let negative = self.peek() == Some(b'-');
            if let Some(b'+' | b'-') = self.peek() {
                self.index += 1;
            }
            let mut magnitude = match self.next() {
                None => return Err(self.error(SyntaxCode::EofWhileParsingValue)),
                Some(digit @ b'0'..=b'9') => i32::from(digit - b'0'),
                Some(_) => return Err(self.error(SyntaxCode::InvalidNumber)),
            };
            while let Some(digit @ b'0'..=b'9') = self.peek() {
                self.index += 1;
                match magnitude.checked_mul(10).and_then(|m| m.checked_add(i32::from(digit - b'0'))) {
                    Some(larger) => magnitude = larger,
                    // Like serde_json: an exponent beyond i32 is out of range at once, unless the number is 0 or
                    // the exponent negative (then it reads as 0).
                    None if !negative && integer.iter().chain(fraction).any(|&digit| digit != b'0') => {
                        return Err(self.error(SyntaxCode::NumberOutOfRange));
                    }
                    None => {
                        self.digits();
                        break;
                    }
                }
            }
            exponent = if negative { -i64::from(magnitude) } else { i64::from(magnitude) };
        }
        if is_beyond_f64(integer, fraction, exponent) {
            return Err(self.error(SyntaxCode::NumberOutOfRange));
        }
        Ok(())
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.index += 1;
        }
    }

    /// A string's text after its opening quote, up to and including the closing quote.
    fn string(&mut self) -> Parsed<String> {
        let mut text = String::new();
        let mut plain_start = self.index;
        loop {
            let Some(byte) = self.peek() else { return Err(self.error(SyntaxCode::EofWhileParsingString)) };
            match byte {
                b'"' | b'\\' => {
                    // Quotes and backslashes are ASCII, so the slice ends on a character boundary.
                    text.push_str(&self.source[plain_start..self.index]);
                    self.index += 1;
                    if byte == b'"' {
                        return Ok(text);
                    }
                    self.escape(&mut text)?;
                    plain_start = self.index;
                }
                0x00..=0x1F => {
                    self.index += 1;
                    return Err(self.error(SyntaxCode::ControlCharacterWhileParsingString));
                }
                _ => self.index += 1,
            }
        }
    }

    /// One escape, after its backslash.
    fn escape(&mut self, text: &mut String) -> Parsed<()> {
        let Some(letter) = self.next() else { return Err(self.error(SyntaxCode::EofWhileParsingString)) };
        let unescaped = match letter {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => self.unicode_escape()?,
            _ => return Err(self.error(SyntaxCode::InvalidEscape)),
        };
        text.push(unescaped);
        Ok(())
    }

    /// `\uXXXX` after its `\u`, or a surrogate pair `\uD83D\uDE00`; a lone surrogate is an error.
    fn unicode_escape(&mut self) -> Parsed<char> {
        let first = self.hex_escape()?;
        if (0xDC00..=0xDFFF).contains(&first) {
            return Err(self.error(SyntaxCode::LoneLeadingSurrogateInHexEscape));
        }
        if !(0xD800..=0xDBFF).contains(&first) {
            return Ok(char::from_u32(u32::from(first)).unwrap_or(char::REPLACEMENT_CHARACTER));
        }
        for expected in [b'\\', b'u'] {
            match self.peek() {
                None => return Err(self.error(SyntaxCode::EofWhileParsingString)),
                Some(byte) => {
                    self.index += 1;
                    if byte != expected {
                        return Err(self.error(SyntaxCode::UnexpectedEndOfHexEscape));
                    }
                }
            }
        }
        let second = self.hex_escape()?;
        if !(0xDC00..=0xDFFF).contains(&second) {
            return Err(self.error(SyntaxCode::LoneLeadingSurrogateInHexEscape));
        }
        let code = 0x1_0000 + ((u32::from(first) - 0xD800) << 10 | (u32::from(second) - 0xDC00));
        Ok(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER))
    }

    /// The four hex digits of a `\u` escape.
    fn hex_escape(&mut self) -> Parsed<u16> {
        let Some(digits) = self.bytes.get(self.index..self.index + 4) else {
            self.index = self.bytes.len();
            return Err(self.error(SyntaxCode::EofWhileParsingString));
        };
        self.index += 4;
        let value = digits.iter().try_fold(0u16, |n, &digit| Some(n << 4 | u16::from(hex_value(digit)?)));
        value.ok_or_else(|| self.error(SyntaxCode::InvalidEscape))
    }

    /// The items of an array after its `[`, up to and including its `]`.
    fn array_items(&mut self) -> Parsed<Vec<Value>> {
        let mut items = Vec::new();
        loop {
            let Some(next) = self.skip_whitespace() else {
                return Err(self.peek_error(SyntaxCode::EofWhileParsingList));
            };
            if next == b']' {
                self.index += 1;
                return Ok(items);
            }
            if !items.is_empty() {
                if next != b',' {
                    return Err(self.peek_error(SyntaxCode::ExpectedListCommaOrEnd));
                }
                self.index += 1;
                match self.skip_whitespace() {
                    Some(b']') => return Err(self.peek_error(SyntaxCode::TrailingComma)),
                    Some(_) => {}
                    None => return Err(self.peek_error(SyntaxCode::EofWhileParsingValue)),
                }
            }
            items.push(self.value()?);
        }
    }

    /// The members of an object after its `{`, up to and including its `}`. Keys may repeat: what a repeat means
    /// is the reader's business (a campaign refuses it).
    fn object_members(&mut self) -> Parsed<Vec<Member>> {
        let mut members = Vec::new();
        loop {
            let Some(next) = self.skip_whitespace() else {
                return Err(self.peek_error(SyntaxCode::EofWhileParsingObject));
            };
            if next == b'}' {
                self.index += 1;
                return Ok(members);
            }
            if !members.is_empty() {
                if next != b',' {
                    return Err(self.peek_error(SyntaxCode::ExpectedObjectCommaOrEnd));
                }
                self.index += 1;
                match self.skip_whitespace() {
                    Some(b'"') => {}
                    Some(b'}') => return Err(self.peek_error(SyntaxCode::TrailingComma)),
                    Some(_) => return Err(self.peek_error(SyntaxCode::KeyMustBeAString)),
                    None => return Err(self.peek_error(SyntaxCode::EofWhileParsingValue)),
                }
            } else if next != b'"' {
                return Err(self.peek_error(SyntaxCode::KeyMustBeAString));
            }
            self.index += 1;
            let key = self.string()?;
            match self.skip_whitespace() {
                Some(b':') => {}
                Some(_) => return Err(self.peek_error(SyntaxCode::ExpectedColon)),
                None => return Err(self.peek_error(SyntaxCode::EofWhileParsingObject)),
            }
            let key_error_at = self.index;
            self.index += 1;
            let value = self.value()?;
            // Where serde_json places an error about the value found by the object's reader (after closing it).
            let value_error_at = match self.skip_whitespace() {
                Some(b'}') => self.index + 1,
                _ => self.index,
            };
            members.push(Member { key, key_error_at, value, value_error_at });
        }
    }
}

fn hex_value(digit: u8) -> Option<u8> {
    match digit {
        b'0'..=b'9' => Some(digit - b'0'),
        b'a'..=b'f' => Some(digit - b'a' + 10),
        b'A'..=b'F' => Some(digit - b'A' + 10),
        _ => None,
    }
}

/// Whether a number is too large for a 64-bit float (serde_json's "number out of range"), decided on its digits
/// so that no float code is linked: beyond 1.7976931348623157e308 in its first 17 significant digits.
fn is_beyond_f64(integer: &[u8], fraction: &[u8], exponent: i64) -> bool {
    const MAX_DIGITS: &[u8] = b"17976931348623157";
    let digits = || integer.iter().chain(fraction).copied();
    let Some(leading_zeros) = digits().position(|digit| digit != b'0') else { return false };
    // The power of ten of the first significant digit.
    let magnitude = (integer.len() as i64 - 1 - leading_zeros as i64).saturating_add(exponent);
    match magnitude {
        ..=307 => false,
        308 => {
            let significant = digits().skip(leading_zeros).chain(std::iter::repeat(b'0')).take(MAX_DIGITS.len());
            significant.gt(MAX_DIGITS.iter().copied())
        }
        _ => true,
    }
}
