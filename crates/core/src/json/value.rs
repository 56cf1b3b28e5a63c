//! A parsed JSON value, with where it was in the text so that a reader's errors can say where.

/// A JSON value and its place in the text (byte offsets: `start` at its first byte, `end` just after its last).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Value {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}

/// What a JSON value is. Numbers keep their text, so that reading one links no float code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Value>),
    /// Members in the order written, repeats included.
    Object(Vec<Member>),
}

/// One `"key": value` of an object, with the offsets where serde_json places errors about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    pub key: String,
    /// An unknown or repeated key: at its colon.
    pub key_error_at: usize,
    pub value: Value,
    /// A value the object's reader refuses as a whole (no variant of an untagged enum fits): after the `,` or `}`
    /// that follows it.
    pub value_error_at: usize,
}

impl Value {
    /// The value of an object's first member named `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match &self.kind {
            Kind::Object(members) => members.iter().find(|member| member.key == key).map(|member| &member.value),
            _ => None,
        }
    }

    /// How serde names a value it did not expect ("integer `5`", "string \"x\"", "map").
    pub fn unexpected(&self) -> String {
        match &self.kind {
            Kind::Null => "null".to_owned(),
            Kind::Bool(value) => format!("boolean `{value}`"),
            Kind::Number(text) if integer(text).is_some() => format!("integer `{text}`"),
            Kind::Number(text) => format!("floating point `{text}`"),
            Kind::String(text) => format!("string {}", quoted(text)),
            Kind::Array(_) => "sequence".to_owned(),
            Kind::Object(_) => "map".to_owned(),
        }
    }
}

/// `text` as `{:?}` prints it, written out by hand: the release bundle is built with `-Zfmt-debug=none`, under
/// which `{:?}` prints nothing. str's Debug escapes each char as `char::escape_debug` does, except `'`.
fn quoted(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        match c {
            '\'' => quoted.push(c),
            _ => quoted.extend(c.escape_debug()),
        }
    }
    quoted.push('"');
    quoted
}

/// A number that serde_json reads as an integer: no fraction or exponent, within u64 (or i64 when negative), and
/// not `-0` (a float there). Returns whether it is negative, and its magnitude.
pub fn integer(text: &str) -> Option<(bool, u64)> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(digits) => (true, digits),
        None => (false, text),
    };
    let magnitude = digits.bytes().try_fold(0u64, |n, digit| {
        digit.is_ascii_digit().then_some(())?;
        n.checked_mul(10)?.checked_add(u64::from(digit - b'0'))
    })?;
    let fits = !negative || (1..=1u64 << 63).contains(&magnitude);
    (fits && !digits.is_empty()).then_some((negative, magnitude))
}

#[cfg(test)]
mod tests {
    use super::quoted;

    #[test]
    fn quoted_matches_debug_for_str() {
        let texts = [
            "",
            "plain",
            "l'état « fiché »",
            "\"double\" and 'single'",
            "back\\slash",
            "\t\r\n\0\u{1}\u{7f}\u{85}",
            "\u{301}leading combining accent, e\u{301} inside",
            "zero\u{200b}width, soft\u{ad}hyphen, bidi\u{202e}override",
            "emoji 🇨🇦 and \u{fffe} and \u{e000}",
        ];
        for text in texts {
            assert_eq!(quoted(text), format!("{text:?}"), "{text}");
        }
    }
}
