//! The parts of the `explainer` section beyond its summary: expandable details, a timeline, questions people ask
//! and a glossary (see `crate::explainer` for how they are shown and checked).
//!
//! Texts described as "markup" take the small markup of `crate::explainer::markup`: paragraphs (a blank line),
//! *emphasis*, **strong**, [links](https://…), "- " and "1. " lists. The other texts are shown exactly as written.

use crate::Lang;
use crate::Localized;
use serde::{Deserialize, Serialize};

/// A section the reader opens to learn more.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Detail {
    /// The section's heading, a few plain words, e.g. "What changes for police". Shown as is.
    pub title: Localized,
    /// The section's text (markup: paragraphs, *emphasis*, **strong**, [links](https://…), "- " and "1. " lists).
    pub body: Localized,
}

/// A key moment of the timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Moment {
    /// When it happened, as precisely as known: "2026-03-12", "2026-03" or "2026".
    pub date: String,
    /// What happened, in one plain sentence. Shown as is.
    pub what: Localized,
    /// Why it matters, in a sentence or two. Shown as is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<Localized>,
}

/// A question people ask, with its answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// The question, as a reader would ask it, e.g. "Does this affect me if I have nothing to hide?". Shown as is.
    pub question: Localized,
    /// The answer (markup: paragraphs, *emphasis*, **strong**, [links](https://…), "- " and "1. " lists).
    pub answer: Localized,
}

/// A word or acronym that readers can open a definition for. The widget finds it in the explainer's texts by
/// itself and marks its first use in each section.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// A short name for the term, unique in its glossary: lowercase letters, digits and hyphens (e.g. "csis").
    /// A campaign's term replaces the shared glossary's term with the same id.
    pub id: String,
    /// How the term is written in each language: the main form first, then its variants, plurals, and the acronym
    /// or what it stands for, e.g. {"en": ["CSIS", "Canadian Security Intelligence Service"], "fr": ["SCRS",
    /// "Service canadien du renseignement de sécurité"]}. Acronyms (two or more capitals, no small letters) are
    /// found with their exact capitals; other forms in any case, and with a final "s" too.
    pub term: TermForms,
    /// What the term means, in one or two short, plain sentences. Shown as is.
    pub definition: Localized,
}

/// The forms of a term in each language: {"en": ["…", "…"], "fr": ["…"]}. Each declared language needs at least
/// one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TermForms {
    /// The English forms, the main one first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub en: Vec<String>,
    /// Les formes françaises, la principale d'abord.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fr: Vec<String>,
}

impl TermForms {
    pub fn new(en: &[&str], fr: &[&str]) -> Self {
        let owned = |forms: &[&str]| forms.iter().map(|f| (*f).to_owned()).collect();
        TermForms { en: owned(en), fr: owned(fr) }
    }

    /// The forms in one language (empty when none are given).
    pub fn get(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::En => &self.en,
            Lang::Fr => &self.fr,
        }
    }

    /// The main form in `lang`: the first one that is not blank.
    pub fn main(&self, lang: Lang) -> Option<&str> {
        self.get(lang).iter().map(String::as_str).find(|form| !form.trim().is_empty())
    }
}

/// Whether the explainer also uses the coalition's shared glossary: `true` for the one that the Voix server serving
/// the campaign publishes at /glossary.json, or where it is ("https://…/glossary.json", or a path on the Voix
/// server such as "/glossary.json"). Off (`false`) by default.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum SharedGlossary {
    /// true: the shared glossary of the Voix server that serves the campaign (/glossary.json); false: none.
    Enabled(bool),
    /// The shared glossary's address: "https://…/glossary.json", or a path on the Voix server ("/glossary.json").
    At(String),
}

impl Default for SharedGlossary {
    fn default() -> Self {
        SharedGlossary::Enabled(false)
    }
}

impl SharedGlossary {
    /// Where the Voix server publishes the shared glossary.
    pub const SERVER_PATH: &'static str = "/glossary.json";

    pub fn is_off(&self) -> bool {
        *self == SharedGlossary::Enabled(false)
    }

    /// Where to fetch the shared glossary: a path on the campaign's Voix server (resolve it against the campaign's
    /// URL) or a full https:// address; `None` when the campaign does not use it.
    pub fn location(&self) -> Option<&str> {
        match self {
            SharedGlossary::Enabled(true) => Some(Self::SERVER_PATH),
            SharedGlossary::Enabled(false) => None,
            SharedGlossary::At(location) => Some(location),
        }
    }
}
