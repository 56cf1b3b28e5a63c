//! Voix domain rules, shared by the widget (wasm), the server and the CLI. Pure Rust with no I/O.
//!
//! - Leaves: `lang` (languages, `Accept-Language`), `localized` (EN/FR texts), `checks` (email, ids, URLs, origins),
//!   `date`, `postal` (postal codes, provinces), `color` (contrast).
//! - `campaign`: the campaign file's types; `json`: the small JSON reader the widget uses for them; `schema`:
//!   the generated JSON Schema.
//! - `explainer` (markup, glossary, reading grades), `letter` (composing, printing, recipients, calls),
//!   `petition` (signatures, consents, the API's shapes), `directory` (ridings, MPs, senators, the lookup,
//!   boundaries), `represent` (the optional online lookup), `email` (the emails the server sends), `embed` (the
//!   script tag's placeholders).
//! - `validate`: everything `voix check` reports; `i18n`: the interface's EN/FR catalogues.
//!
//! `docs/architecture.md` says which module to open for which change.

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
