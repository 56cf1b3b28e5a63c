//! Campaign JSON v1: the one file an organiser edits.
//!
//! The types are the single source of truth: `schema/campaign.v1.json` is generated from them (and checked up
//! to date by a test), and validation walks that schema before the semantic rules in `validate::rules` run.
//! The `explainer` and `petition` sections hold only their first fields for now; later versions of
//! Voix add to them without breaking v1 files.

mod explainer;
mod letter;
mod petition;
mod site;

pub use explainer::{Detail, Moment, Question, SharedGlossary, Term, TermForms};
pub use letter::{Letter, Phrasings, Senators, SenatorsOf, SendMethod, TalkingPoint, Target, Targets};
pub use petition::{FieldChoice, FieldKind, PetitionField, DEFAULT_FIELD_LENGTH, MAX_FIELD_LENGTH};
pub use site::NotOnThisSite;

use crate::{Lang, Localized};
use serde::{Deserialize, Serialize};

/// The value of `schema` that this version of Voix reads.
pub const SCHEMA_ID: &str = "voix/campaign/v1";

/// A Voix campaign (`"schema": "voix/campaign/v1"`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(title = "Voix campaign (v1)"))]
#[serde(deny_unknown_fields)]
pub struct Campaign {
    /// Where your editor finds this schema, for autocompletion, e.g. "../schema/campaign.v1.json". Voix ignores it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub json_schema: Option<String>,
    /// The format of this file: always "voix/campaign/v1".
    pub schema: String,
    /// The campaign's id: lowercase letters, digits and hyphens (e.g. "lawful-access"). The file must be named
    /// `{id}.json`; partners point `data-campaign` at `/campaigns/{id}.json`.
    pub id: String,
    /// The languages the campaign is written in, the default first: ["en", "fr"]. Every text needs each of them.
    pub languages: Vec<Lang>,
    /// The campaign's name, shown as the widget's heading.
    pub title: Localized,
    /// One or two plain sentences under the title: what is at stake and what the reader can do.
    pub tagline: Localized,
    /// Who runs the campaign. Canada's anti-spam law (CASL) requires a sender's name, mailing address and a way to
    /// reach them; the widget shows these in its fine print.
    pub organiser: Organiser,
    /// The member organisations that embed the campaign on their websites.
    #[serde(default)]
    pub partners: Vec<Partner>,
    /// Colours and layout. Partners can still theme the widget with CSS custom properties (see the README).
    #[serde(default)]
    pub theme: Theme,
    /// The plain-language explainer. Leave it out to turn the explainer off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explainer: Option<Explainer>,
    /// "Contact your MP". Leave it out to turn letters off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub letter: Option<Letter>,
    /// The petition. Leave it out to turn the petition off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub petition: Option<Petition>,
}

/// The sender identity that Canada's anti-spam law requires.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Organiser {
    /// The organisation's name in each language.
    pub name: Localized,
    /// A mailing address where the organisation receives mail, on one line or several (use "\n").
    pub mailing_address: String,
    /// A contact email address. Give at least one of email, website or phone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// A contact web page (https://…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// A contact telephone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The organisation's privacy policy (https://…) in each language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy_policy: Option<Localized>,
    /// The wording of the organiser's own "keep me informed" checkbox on the petition, in each language, e.g.
    /// "Yes, the coalition may email me about this campaign." Leave it out if the organiser will not contact
    /// signers. Needs `privacy_policy`. The box is never ticked for the person, and signing never requires it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent: Option<Localized>,
}

/// A member organisation that embeds the campaign.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Partner {
    /// The value of `data-partner` in the partner's script tag: lowercase letters, digits and hyphens.
    pub id: String,
    /// The organisation's name in each language.
    pub name: Localized,
    /// The website origins allowed to embed the campaign for this partner, e.g. ["https://liguedesdroits.ca"]:
    /// scheme and host (and port if not the default), no path and no trailing slash.
    pub origins: Vec<String>,
    /// The partner's privacy policy (https://…) in each language.
    pub privacy_policy: Localized,
    /// The wording of the partner's own "keep me informed" checkbox, in each language.
    pub consent: Localized,
}

/// How the widget looks before a partner's own CSS custom properties apply.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// Accent colour for buttons and links, "#rrggbb" or "#rgb". It must be dark enough for white text on it
    /// (contrast at least 4.5:1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accent: Option<String>,
    /// How the parts appear when a page shows the whole campaign: "tabs" (default) or "sections".
    #[serde(default)]
    pub layout: Layout,
}

/// How the parts of a whole-campaign embed are arranged.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Layout {
    /// One part at a time, chosen with tabs.
    #[default]
    Tabs,
    /// All parts one after another.
    Sections,
}

/// The plain-language explainer: someone who has never heard of the issue understands it in a minute, and can go
/// deeper. Texts marked "markup" take paragraphs (a blank line), *emphasis*, **strong**, [links](https://…) and
/// "- " or "1. " lists; nothing else (no HTML). `voix check` also reports each text's reading grade (aim for grade
/// 8 or below), long sentences and paragraphs, and acronyms with no glossary entry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Explainer {
    /// The issue in one plain sentence. Shown as is.
    pub summary: Localized,
    /// "What it means for you": a short paragraph on how the issue touches the reader's own life (markup).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub what_it_means: Option<Localized>,
    /// Sections the reader can open to learn more, in order: each a title and a body (markup). Three or four are
    /// plenty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<Detail>,
    /// Key moments, oldest first: a date, what happened, and why it matters.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub timeline: Vec<Moment>,
    /// Questions people ask, with their answers (markup).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub faq: Vec<Question>,
    /// Words and acronyms this campaign defines. The widget finds them in the texts and lets readers open their
    /// definition where each first appears in a section. They replace the shared glossary's terms with the same id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub glossary: Vec<Term>,
    /// Also use the coalition's shared glossary: true for the one the Voix server publishes at /glossary.json, or
    /// its address ("https://…/glossary.json" or "/glossary.json"). Off by default.
    #[serde(default, skip_serializing_if = "SharedGlossary::is_off")]
    pub shared_glossary: SharedGlossary,
}

impl Explainer {
    /// An explainer with a summary only.
    pub fn with_summary(summary: Localized) -> Self {
        Explainer {
            summary,
            what_it_means: None,
            details: Vec::new(),
            timeline: Vec::new(),
            faq: Vec::new(),
            glossary: Vec::new(),
            shared_glossary: SharedGlossary::default(),
        }
    }
}

/// The petition. Signers give their first and last name, email and postal code (which places them in a riding),
/// then the optional comment and the campaign's own `fields`. Below them, one unticked box per organisation that
/// asks to keep in touch: the organiser's (`organiser.consent`) and that of the partner whose site shows the
/// petition (`partners[].consent`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Petition {
    /// What signers ask for, in a few sentences.
    pub statement: Localized,
    /// The number of signatures the campaign aims for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<u32>,
    /// Offer an optional comment box (up to 1000 characters). No by default: collect only what the campaign
    /// will use.
    #[serde(default)]
    pub comment: bool,
    /// Double opt-in: each signer gets an email with a link, and the signature counts only once they confirm it
    /// (unconfirmed signatures are deleted after 7 days). Needs a Voix server with email configured; without it,
    /// signatures count at once. No by default.
    #[serde(default)]
    pub confirm_by_email: bool,
    /// Questions of the campaign's own, after the built-in fields (first and last name, email, postal code).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<PetitionField>,
}

/// A part of a campaign that can be embedded on its own (`<div data-voix="letter">`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    Explainer,
    Letter,
    Petition,
}

impl Part {
    pub const ALL: [Part; 3] = [Part::Explainer, Part::Letter, Part::Petition];

    /// The value of `data-voix` that asks for this part.
    pub fn attr(self) -> &'static str {
        match self {
            Part::Explainer => "explainer",
            Part::Letter => "letter",
            Part::Petition => "petition",
        }
    }

    pub fn from_attr(value: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|part| part.attr() == value.trim().to_ascii_lowercase())
    }
}

impl Campaign {
    /// The parts this campaign turns on, in display order.
    pub fn parts(&self) -> Vec<Part> {
        Part::ALL.into_iter().filter(|part| self.has(*part)).collect()
    }

    pub fn has(&self, part: Part) -> bool {
        match part {
            Part::Explainer => self.explainer.is_some(),
            Part::Letter => self.letter.is_some(),
            Part::Petition => self.petition.is_some(),
        }
    }

    pub fn partner(&self, id: &str) -> Option<&Partner> {
        self.partners.iter().find(|partner| partner.id == id)
    }
}

impl Theme {
    /// The campaign's defaults as CSS custom properties on the widget's host, e.g.
    /// `:host{--voix-campaign-accent:#1d4ed8}`. Colours are re-serialised after parsing, so nothing an organiser
    /// types can inject other CSS.
    pub fn host_css(&self) -> String {
        let accent = self.accent.as_deref().and_then(crate::color::Rgb::parse_hex);
        match accent {
            Some(color) => format!(":host{{--voix-campaign-accent:{}}}", color.to_hex()),
            None => String::new(),
        }
    }
}
