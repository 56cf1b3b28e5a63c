//! The two languages Voix speaks, and how the display language is chosen.

use serde::{Deserialize, Serialize};

/// A language of the campaign and of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English
    En,
    /// French
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// The BCP 47 code used in `lang` attributes and campaign files.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// The language's own name, as shown on the language switch.
    pub fn autonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
        }
    }

    /// The name of `self` written in `in_lang` ("French" / "français").
    pub fn name_in(self, in_lang: Lang) -> &'static str {
        match (self, in_lang) {
            (Lang::En, Lang::En) => "English",
            (Lang::Fr, Lang::En) => "French",
            (Lang::En, Lang::Fr) => "anglais",
            (Lang::Fr, Lang::Fr) => "français",
        }
    }

    /// Reads a language tag such as `fr`, `fr-CA`, `EN_us`; only the primary subtag counts.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        match primary.to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            _ => None,
        }
    }

    /// The other language (for the EN/FR switch).
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Fr,
            Lang::Fr => Lang::En,
        }
    }
}

/// Chooses the display language from preferences in priority order (the embed's `data-lang`, the host page's
/// `<html lang>`, then the browser's languages), keeping only languages the campaign offers.
/// Falls back to the campaign's first language, then English.
pub fn negotiate<'a>(preferences: impl IntoIterator<Item = &'a str>, offered: &[Lang]) -> Lang {
    let offered_or_all: &[Lang] = if offered.is_empty() { &Lang::ALL } else { offered };
    preferences
        .into_iter()
        .filter_map(Lang::from_tag)
        .find(|lang| offered_or_all.contains(lang))
        .unwrap_or(offered_or_all[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_read_the_primary_subtag() {
        assert_eq!(Lang::from_tag("fr-CA"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag(" EN_us "), Some(Lang::En));
        assert_eq!(Lang::from_tag("es"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn negotiation_takes_the_first_offered_preference() {
        let both = [Lang::En, Lang::Fr];
        assert_eq!(negotiate(["fr"], &both), Lang::Fr);
        assert_eq!(negotiate(["", "es", "fr-CA", "en"], &both), Lang::Fr);
        assert_eq!(negotiate(["de"], &both), Lang::En);
        assert_eq!(negotiate(["en"], &[Lang::Fr]), Lang::Fr, "a French-only campaign stays French");
        assert_eq!(negotiate([], &[]), Lang::En);
    }
}
