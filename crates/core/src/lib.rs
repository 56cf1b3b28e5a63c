//! Voix domain rules, shared by the widget (wasm), the server and the CLI.
//!
//! Pure Rust with no I/O: campaign schema and validation, languages and the UI text catalogue,
//! colour contrast, and how an embed's placeholders are assigned to its script tags.

pub mod campaign;
pub mod checks;
pub mod color;
pub mod date;
pub mod directory;
pub mod email;
pub mod embed;
pub mod explainer;
pub mod i18n;
pub mod json;
pub mod lang;
pub mod letter;
pub mod localized;
pub mod petition;
pub mod plain_text;
pub mod postal;
pub mod represent;
#[cfg(feature = "schema")]
pub mod schema;
pub mod validate;

pub use campaign::{Campaign, Part};
pub use directory::{Candidates, Directory, District, FedNum};
pub use lang::Lang;
pub use localized::Localized;
pub use postal::{PostalCode, PostalCodeError, Province};
pub use validate::{validate_campaign, Problem, Severity};
