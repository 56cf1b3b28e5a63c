//! Reading typed values out of a [`Value`] the way the types' serde derives read them from serde_json: the same
//! refusals (unknown, repeated and missing fields, wrong kinds of value, integers out of range) in the same words
//! and at the same place, so that `voix check` and the widget describe a wrong campaign alike. Only stricter where
//! serde is lenient beyond the schema: a struct is never read from an array, nor a unit enum from an object.

use super::value::{integer, Kind, Member, Value};

/// A value of the wrong shape: serde's message, and the byte offset serde_json reports it at (when known here; the
/// enclosing reader fills it in otherwise, as serde_json does).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShapeError {
    pub message: String,
    pub at: Option<usize>,
}

impl ShapeError {
    pub fn at(message: String, at: usize) -> Self {
        ShapeError { message, at: Some(at) }
    }

    /// Places an error that has no place yet.
    #[inline(never)]
    fn or_at(self, at: usize) -> Self {
        ShapeError { at: self.at.or(Some(at)), ..self }
    }
}

/// A type read from JSON.
pub trait FromJson: Sized {
    fn from_json(value: Value) -> Result<Self, ShapeError>;
}

/// serde's "invalid type" (placed after a scalar, or before an array or object, as serde_json does).
pub fn invalid_type(value: &Value, expected: &str) -> ShapeError {
    let at = match value.kind {
        Kind::Array(_) | Kind::Object(_) => value.start,
        _ => value.end,
    };
    ShapeError::at(format!("invalid type: {}, expected {expected}", value.unexpected()), at)
}

impl FromJson for String {
    fn from_json(value: Value) -> Result<Self, ShapeError> {
        match value.kind {
            Kind::String(text) => Ok(text),
            _ => Err(invalid_type(&value, "a string")),
        }
    }
}

impl FromJson for bool {
    fn from_json(value: Value) -> Result<Self, ShapeError> {
        match value.kind {
            Kind::Bool(value) => Ok(value),
            _ => Err(invalid_type(&value, "a boolean")),
        }
    }
}

/// An integer from 0 to `max`; `expected` is serde's name for the type ("u32").
fn unsigned(value: Value, max: u64, expected: &str) -> Result<u64, ShapeError> {
    let Kind::Number(text) = &value.kind else { return Err(invalid_type(&value, expected)) };
    match integer(text) {
        Some((false, n)) if n <= max => Ok(n),
        Some(_) => Err(ShapeError::at(format!("invalid value: integer `{text}`, expected {expected}"), value.end)),
        None => Err(invalid_type(&value, expected)),
    }
}

impl FromJson for u16 {
    fn from_json(value: Value) -> Result<Self, ShapeError> {
        unsigned(value, u16::MAX.into(), "u16").map(|n| n as u16)
    }
}

impl FromJson for u32 {
    fn from_json(value: Value) -> Result<Self, ShapeError> {
        unsigned(value, u32::MAX.into(), "u32").map(|n| n as u32)
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: Value) -> Result<Self, ShapeError> {
        match value.kind {
            Kind::Null => Ok(None),
            _ => T::from_json(value).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: Value) -> Result<Self, ShapeError> {
        match value.kind {
            Kind::Array(items) => {
                // A plain loop: `collect::<Result<_, _>>()` costs the widget an iterator adapter per item type.
                let mut read = Vec::with_capacity(items.len());
                for item in items {
                    read.push(T::from_json(item)?);
                }
                Ok(read)
            }
            _ => Err(invalid_type(&value, "a sequence")),
        }
    }
}

/// A unit enum from its name (`"en"`), as serde_derive reads one.
pub fn unit_variant<T: Copy>(value: Value, variants: &[(&str, T)]) -> Result<T, ShapeError> {
    let Kind::String(name) = &value.kind else {
        // serde_json says "expected value" for anything but a string or an object; an object ({"en": null}) it
        // reads too, beyond the schema, and this reader refuses the same way.
        return Err(ShapeError::at("expected value".to_owned(), value.start + 1));
    };
    match variants.iter().find(|(known, _)| known == name) {
        Some((_, variant)) => Ok(*variant),
        None => {
            let names: Vec<&str> = variants.iter().map(|(known, _)| *known).collect();
            let message = format!("unknown variant `{name}`, expected {}", one_of(&names));
            Err(ShapeError::at(message, value.end))
        }
    }
}

/// A field of a struct being read: empty until its member is read (generic per field type, not per field).
pub trait Slot {
    fn is_filled(&self) -> bool;
    fn fill(&mut self, value: Value) -> Result<(), ShapeError>;
}

impl<T: FromJson> Slot for Option<T> {
    fn is_filled(&self) -> bool {
        self.is_some()
    }

    fn fill(&mut self, value: Value) -> Result<(), ShapeError> {
        *self = Some(T::from_json(value)?);
        Ok(())
    }
}

/// Reads a struct's object into its fields' slots, in the order written, as serde_derive does: an unknown or
/// repeated key, or a value of the wrong shape, stops at once. Returns where the object ends, where serde_json
/// places a missing field. One function for every struct, so each struct's own code is only its field list.
pub fn read_struct(
    value: Value,
    expected: &str,
    fields: &[&str],
    slots: &mut [&mut dyn Slot],
) -> Result<usize, ShapeError> {
    let Kind::Object(members) = value.kind else { return Err(invalid_type(&value, expected)) };
    for member in members {
        let Some(slot) = fields.iter().position(|field| *field == member.key).and_then(|i| slots.get_mut(i)) else {
            return Err(unknown_field(&member, fields));
        };
        if slot.is_filled() {
            return Err(ShapeError::at(format!("duplicate field `{}`", member.key), member.key_error_at));
        }
        slot.fill(member.value).map_err(|error| error.or_at(member.value_error_at))?;
    }
    Ok(value.end)
}

/// serde's refusal of a key a struct does not have (`deny_unknown_fields`).
pub fn unknown_field(member: &Member, fields: &[&str]) -> ShapeError {
    let expected = match fields {
        [] => "there are no fields".to_owned(),
        _ => format!("expected {}", one_of(fields)),
    };
    ShapeError::at(format!("unknown field `{}`, {expected}", member.key), member.key_error_at)
}

pub fn missing_field(name: &str, object_end: usize) -> ShapeError {
    ShapeError::at(format!("missing field `{name}`"), object_end)
}

/// serde's list of what was expected: "`a`", "`a` or `b`", "one of `a`, `b`, `c`".
fn one_of(names: &[&str]) -> String {
    match names {
        [one] => format!("`{one}`"),
        [first, second] => format!("`{first}` or `{second}`"),
        _ => format!("one of {}", names.iter().map(|name| format!("`{name}`")).collect::<Vec<_>>().join(", ")),
    }
}

/// `impl FromJson` for a struct with `deny_unknown_fields`: each JSON key with its field, and what a missing
/// field becomes (`or` an expression, like `#[serde(default)]`; without it the field is required). Fields are
/// listed in declaration order, which is the order serde reports missing fields in.
macro_rules! json_struct {
    ($type:ident { $($key:literal => $field:ident $(or $default:expr)?),* $(,)? }) => {
        impl $crate::json::FromJson for $type {
            fn from_json(value: $crate::json::Value) -> Result<Self, $crate::json::ShapeError> {
                use $crate::json::from_json as read;
                $(let mut $field = None;)*
                #[allow(unused_variables)] // when every field has a default
                let end = read::read_struct(
                    value,
                    concat!("struct ", stringify!($type)),
                    &[$($key),*],
                    &mut [$(&mut $field),*],
                )?;
                Ok($type { $($field: read::or_missing!($field, $key, end $(, $default)?),)* })
            }
        }
    };
}

/// A field's value, its default, or serde's "missing field".
macro_rules! or_missing {
    ($field:ident, $key:literal, $end:ident) => {
        match $field {
            Some(value) => value,
            None => return Err($crate::json::from_json::missing_field($key, $end)),
        }
    };
    ($field:ident, $key:literal, $end:ident, $default:expr) => {
        $field.unwrap_or_else(|| $default)
    };
}

pub(crate) use {json_struct, or_missing};
