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

    /// The language of a request's `Accept-Language` header: the first of English or French it lists (by quality,
    /// then order), else English. The one reader of language headers and tags, with [`Lang::from_tag`].
    pub fn from_accept_language(header: Option<&str>) -> Lang {
        let Some(header) = header else { return Lang::En };
        let mut best: Option<(f32, Lang)> = None;
        for item in header.split(',') {
            let mut parts = item.split(';');
            let Some(lang) = Lang::from_tag(parts.next().unwrap_or("")) else { continue };
            let quality = parts
                .filter_map(|part| part.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if quality > 0.0 && best.is_none_or(|(q, _)| quality > q) {
                best = Some((quality, lang));
            }
        }
        best.map_or(Lang::En, |(_, lang)| lang)
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
    #[test]
    fn accept_language_picks_the_preferred_of_english_and_french() {
        assert_eq!(Lang::from_accept_language(None), Lang::En);
        assert_eq!(Lang::from_accept_language(Some("fr-CA,fr;q=0.9,en;q=0.8")), Lang::Fr);
        assert_eq!(Lang::from_accept_language(Some("de, en;q=0.5, fr;q=0.7")), Lang::Fr);
        assert_eq!(Lang::from_accept_language(Some("es, en-GB")), Lang::En);
        assert_eq!(Lang::from_accept_language(Some("fr;q=0, en;q=0.1")), Lang::En);
        assert_eq!(Lang::from_accept_language(Some("*")), Lang::En);
        assert_eq!(Lang::from_accept_language(Some("FR_ca")), Lang::Fr);
    }

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
