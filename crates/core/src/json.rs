//! A small JSON reader for the files the widget reads as it starts (the campaign and the shared glossary).
//!
//! serde_json with the types' derived `Deserialize` costs the widget's first download about 100 KB of generated
//! code, and its error messages link float formatting; this reader is one non-generic parser into a [`Value`]
//! tree, and one [`FromJson`] per type written once with a macro. It reads what serde_json reads, refuses what
//! serde refuses in the same words and at the same line and column (`tests/json_reader.rs` and
//! `tests/widget_read.rs` compare them), and keeps numbers as text. The server, the CLI and the schema still use
//! serde.

pub mod from_json;
mod parse;
mod shapes;
mod value;

pub use from_json::{FromJson, ShapeError};
pub use parse::{parse, position, SyntaxCode, SyntaxError};
pub use value::{integer, Kind, Member, Value};

use std::fmt;

/// Why a text could not be read as a type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// Not JSON.
    Syntax(SyntaxError),
    /// JSON, but not of the type's shape: serde's message and where serde_json places it.
    Shape { message: String, line: usize, column: usize },
}

impl Error {
    /// The message without its position.
    pub fn message(&self) -> &str {
        match self {
            Error::Syntax(error) => error.code.message(),
            Error::Shape { message, .. } => message,
        }
    }

    /// serde_json's 1-based line and byte column.
    pub fn position(&self) -> (usize, usize) {
        match self {
            Error::Syntax(error) => (error.line, error.column),
            Error::Shape { line, column, .. } => (*line, *column),
        }
    }
}

/// serde_json's wording: "missing field `id` at line 3 column 1".
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (line, column) = self.position();
        write!(f, "{} at line {line} column {column}", self.message())
    }
}

/// Reads a whole text as a `T`: syntax first, over the whole text, then the shape.
pub fn from_str<T: FromJson>(source: &str) -> Result<T, Error> {
    let value = parse(source).map_err(Error::Syntax)?;
    from_value(source, value)
}

/// Reads a value parsed from `source` as a `T`.
pub fn from_value<T: FromJson>(source: &str, value: Value) -> Result<T, Error> {
    let end = value.end;
    T::from_json(value).map_err(|error| {
        let (line, column) = position(source, error.at.unwrap_or(end));
        Error::Shape { message: error.message, line, column }
    })
}
