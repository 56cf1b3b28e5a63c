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
            Kind::String(text) => format!("string {text:?}"),
            Kind::Array(_) => "sequence".to_owned(),
            Kind::Object(_) => "map".to_owned(),
        }
    }
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
