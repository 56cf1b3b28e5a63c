//! A text given in each of the campaign's languages.

use crate::Lang;
use serde::{Deserialize, Serialize};

/// A text in each of the campaign's languages, for example `{"en": "Stop lawful access", "fr": "Non à l'accès légal"}`.
/// Every language listed in `languages` needs its text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Localized {
    /// English text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    /// Texte français.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fr: Option<String>,
}

impl Localized {
    pub fn new(en: &str, fr: &str) -> Self {
        Localized { en: Some(en.to_owned()), fr: Some(fr.to_owned()) }
    }

    /// The text in exactly this language, if given and not blank.
    pub fn get(&self, lang: Lang) -> Option<&str> {
        let text = match lang {
            Lang::En => self.en.as_deref(),
            Lang::Fr => self.fr.as_deref(),
        };
        text.filter(|t| !t.trim().is_empty())
    }

    /// The text in this language, else in the other one, else empty. Validation guarantees every declared
    /// language is present, so the fallback only matters for a language the campaign does not offer.
    pub fn text(&self, lang: Lang) -> &str {
        self.get(lang).or_else(|| self.get(lang.other())).unwrap_or("")
    }
}
