//! The `petition` section's own types: the fields a campaign adds to the form. The petition's built-in fields
//! (first and last name, email, postal code, optional comment) and its consent checkboxes are described in
//! [`crate::petition`].

use crate::Localized;
use serde::{Deserialize, Serialize};

/// The longest text a campaign's own text field can allow.
pub const MAX_FIELD_LENGTH: u32 = 1000;

/// How long a campaign's text field can be when the campaign does not say.
pub const DEFAULT_FIELD_LENGTH: u32 = 200;

/// A question the campaign adds to the petition form, after the built-in fields.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PetitionField {
    /// A short name for the field, unique in the petition: lowercase letters, digits and hyphens (e.g.
    /// "occupation"). It names the column of the export. Cannot be one of the built-in fields (first_name,
    /// last_name, email, postal_code, comment, riding).
    pub id: String,
    /// The field's label on the form.
    pub label: Localized,
    /// "text" (a line of text), "choice" (one of `choices`) or "checkbox" (a box to tick).
    pub kind: FieldKind,
    /// Whether signing needs an answer (for a checkbox: a tick). No by default. Never make a checkbox about being
    /// contacted required: signing never requires consent.
    #[serde(default)]
    pub required: bool,
    /// For "text" fields: the most characters allowed (default 200, at most 1000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 1000)))]
    pub max_length: Option<u32>,
    /// For "choice" fields: the options, at least two.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<FieldChoice>,
}

/// What kind of answer a petition field takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum FieldKind {
    /// One line of text.
    Text,
    /// One of the field's `choices`.
    Choice,
    /// A box to tick.
    Checkbox,
}

/// One option of a "choice" field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FieldChoice {
    /// The value recorded for this option: lowercase letters, digits and hyphens, unique in the field.
    pub id: String,
    /// The option as the form shows it.
    pub label: Localized,
}

impl FieldKind {
    /// The value in campaign files ("text").
    pub fn code(self) -> &'static str {
        match self {
            FieldKind::Text => "text",
            FieldKind::Choice => "choice",
            FieldKind::Checkbox => "checkbox",
        }
    }
}

impl PetitionField {
    /// The most characters a text answer may have.
    pub fn max_length(&self) -> usize {
        self.max_length.unwrap_or(DEFAULT_FIELD_LENGTH).min(MAX_FIELD_LENGTH) as usize
    }

    pub fn choice(&self, id: &str) -> Option<&FieldChoice> {
        self.choices.iter().find(|choice| choice.id == id)
    }
}
