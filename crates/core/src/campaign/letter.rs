//! The `letter` section: the material a person's letter to their MP is composed from (see `crate::letter`).
//!
//! Everything but `intro` is optional, so that a letter section written for an earlier Voix (an intro only, the
//! person writes the rest) stays valid.

use crate::{Lang, Localized};
use serde::{Deserialize, Serialize};

/// "Contact your MP": the material each person's letter is composed from. Texts that go into the letter
/// (`subjects`, `opening`, talking point `phrasings`, `closing`) may contain placeholders: {target.name},
/// {mp.name}, {riding}, {sender.name} and {sender.postal_code}.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Letter {
    /// Why writing to an MP matters now, in a sentence or two.
    pub intro: Localized,
    /// Subject lines; each letter gets one of them (the person can edit it). Several make letters differ.
    /// Required as soon as the letter has an opening, talking points or a closing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub subjects: Vec<Localized>,
    /// Ways to word the first paragraph, several per language: {"en": ["…", "…"], "fr": ["…", "…"]}.
    /// Each letter uses one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opening: Option<Phrasings>,
    /// The points the person can tick. Each ticked point adds one paragraph, in this order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub talking_points: Vec<TalkingPoint>,
    /// Questions that help the person write a paragraph of their own, e.g. "How does this affect you or your
    /// community?". Shown next to the story box; never put in the letter.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub story_prompts: Vec<Localized>,
    /// Ways to word the last paragraph (the request), several per language. Each letter uses one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closing: Option<Phrasings>,
    /// Who receives the letter: the person's own MP (by default), fixed extra recipients, and senators.
    #[serde(default)]
    pub targets: Targets,
    /// How the person can send the letter: any of "email_app" (opens their email app with the letter filled
    /// in), "copy" (copies it to paste anywhere) and "print" (a letter to post; mail to MPs needs no stamp).
    /// All three by default. Also "server" (the Voix server sends it after the person confirms) and "call" (the
    /// MP's office numbers with `call_script`).
    #[serde(default = "SendMethod::all_available")]
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub send: Vec<SendMethod>,
    /// With "call" in `send`: what to say on the phone, a few plain sentences (placeholders as in the letter, e.g.
    /// "Hello, my name is {sender.name} and I live in {riding}…").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call_script: Option<Localized>,
    /// The address of a Represent-style lookup service (https://…) that finds the MP for an exact address.
    /// Off by default: without it, postal codes are matched inside the browser and never leave it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub represent_url: Option<String>,
    /// Show the MPs' photos. Off by default: photos are loaded from another site, which then sees the reader's
    /// visit.
    #[serde(default)]
    pub mp_photos: bool,
    /// With "server" in `send`: days a delivered letter's text is kept before `voix purge` deletes it (default
    /// 30, from 1 to 365).
    #[serde(default = "default_retention_days")]
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = Letter::MAX_RETENTION_DAYS)))]
    pub retention_days: u16,
    /// The oldest the MP list may be, in days, before the widget tells readers that it may be out of date and
    /// where to check (default 120, from 1 to 3650). The list's date is in the riding data (`voix data status`).
    #[serde(default = "default_max_data_age_days")]
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = Letter::MAX_DATA_AGE_DAYS)))]
    pub max_data_age_days: u16,
}

fn default_retention_days() -> u16 {
    Letter::DEFAULT_RETENTION_DAYS
}

fn default_max_data_age_days() -> u16 {
    Letter::DEFAULT_MAX_DATA_AGE_DAYS
}

/// Several wordings of the same text, for each language: {"en": ["…", "…"], "fr": ["…", "…"]}.
/// Each declared language needs at least one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Phrasings {
    /// English wordings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub en: Vec<String>,
    /// Formulations en français.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fr: Vec<String>,
}

impl Phrasings {
    pub fn new(en: &[&str], fr: &[&str]) -> Self {
        let owned = |texts: &[&str]| texts.iter().map(|t| (*t).to_owned()).collect();
        Phrasings { en: owned(en), fr: owned(fr) }
    }

    /// The wordings in one language (empty when none are given).
    pub fn get(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::En => &self.en,
            Lang::Fr => &self.fr,
        }
    }
}

/// One point the person can put in their letter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TalkingPoint {
    /// A short name for the point, unique in the letter: lowercase letters, digits and hyphens (e.g. "metadata").
    /// It keeps each person's choice of wording steady while they tick other points.
    pub id: String,
    /// The text of the point's checkbox: a few plain words.
    pub label: Localized,
    /// Ways to word the point's paragraph, several per language. Each letter uses one, so that letters differ
    /// while saying the same thing.
    pub phrasings: Phrasings,
    /// Whether the point starts ticked. Yes by default.
    #[serde(default = "yes")]
    pub preselected: bool,
}

/// Who receives the letter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Targets {
    /// Write to the person's own MP, found from their postal code. Yes by default.
    #[serde(default = "yes")]
    pub own_mp: bool,
    /// Fixed recipients besides the person's MP, e.g. the minister responsible for the bill.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<Target>,
    /// Senators too, for a bill before the Senate: "province" (the senators of the person's province, from their
    /// postal code) or a list of senators by name, as the Senate lists them. Letters to senators are printed or
    /// copied (mail to a senator needs no stamp); emailed only where the data has an address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub senators: Option<Senators>,
}

impl Default for Targets {
    fn default() -> Self {
        Targets { own_mp: true, extra: Vec::new(), senators: None }
    }
}

/// Which senators receive the letter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Senators {
    /// "province": the senators of the person's province or territory.
    Of(SenatorsOf),
    /// These senators, by name (e.g. the sponsor of the bill in the Senate).
    Named(Vec<String>),
}

/// The one word `letter.targets.senators` may be instead of a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SenatorsOf {
    /// The person's province's senators (Quebec's by senatorial division where the data has it).
    Province,
}

/// A fixed recipient of the letter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// Full name, e.g. "Gary Anandasangaree".
    pub name: String,
    /// Their title in each language, e.g. {"en": "Minister of Public Safety", "fr": "Ministre de la Sécurité publique"}.
    pub role: Localized,
    /// Their email address.
    pub email: String,
    /// Their riding, if they are an MP.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub riding: Option<String>,
    /// Their party, in each language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<Localized>,
    /// Whether the person may untick this recipient. No by default: every letter goes to them.
    #[serde(default)]
    pub optional: bool,
}

/// A way of sending the letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SendMethod {
    /// Open the person's email app with the recipients, subject and letter filled in.
    EmailApp,
    /// Copy the letter, with the recipients' addresses on top, to paste anywhere.
    Copy,
    /// Print a letter to post (mail to MPs needs no stamp).
    Print,
    /// The Voix server sends the letter for the person, after they confirm it from an email (only when the
    /// server has SMTP configured; otherwise the widget does not offer it).
    Server,
    /// Call the MP instead: their Parliament Hill and constituency office numbers, with the campaign's
    /// `call_script`. Shown only for an MP whose number the data has; "I called" is counted like a letter.
    Call,
}

impl SendMethod {
    /// The ways this version of Voix offers, in the order the widget shows them.
    pub const AVAILABLE: [SendMethod; 3] = [SendMethod::EmailApp, SendMethod::Copy, SendMethod::Print];

    pub(crate) fn all_available() -> Vec<SendMethod> {
        SendMethod::AVAILABLE.to_vec()
    }

    /// Whether this version of Voix can send this way ("server" and "call" too: they are not defaults,
    /// campaigns opt in).
    pub fn is_available(self) -> bool {
        SendMethod::AVAILABLE.contains(&self) || matches!(self, SendMethod::Server | SendMethod::Call)
    }

    /// The value in campaign files ("email_app").
    pub fn code(self) -> &'static str {
        match self {
            SendMethod::EmailApp => "email_app",
            SendMethod::Copy => "copy",
            SendMethod::Print => "print",
            SendMethod::Server => "server",
            SendMethod::Call => "call",
        }
    }
}

impl Letter {
    /// How long a delivered letter's text is kept when the campaign does not say (`retention_days`).
    pub const DEFAULT_RETENTION_DAYS: u16 = 30;
    /// The longest `retention_days` may be (the schema, `voix check` and the server's purge read it here).
    pub const MAX_RETENTION_DAYS: u16 = 365;
    /// The oldest the MP list may be when the campaign does not say (`max_data_age_days`).
    pub const DEFAULT_MAX_DATA_AGE_DAYS: u16 = 120;
    /// The longest `max_data_age_days` may be.
    pub const MAX_DATA_AGE_DAYS: u16 = 3650;

    /// Whether an MP list as of `as_of` is older than the campaign allows on `today`.
    pub fn data_too_old(&self, as_of: crate::directory::IsoDate, today: crate::directory::IsoDate) -> bool {
        as_of.days_until(today) > i64::from(self.max_data_age_days)
    }

    /// A letter section with an intro only: the person writes the whole letter.
    pub fn with_intro(intro: Localized) -> Self {
        Letter {
            intro,
            subjects: Vec::new(),
            opening: None,
            talking_points: Vec::new(),
            story_prompts: Vec::new(),
            closing: None,
            targets: Targets::default(),
            send: SendMethod::all_available(),
            represent_url: None,
            mp_photos: false,
            retention_days: default_retention_days(),
            max_data_age_days: default_max_data_age_days(),
            call_script: None,
        }
    }

    /// Whether the campaign gives any wording for the letter itself (then it needs subject lines too).
    pub fn has_wording(&self) -> bool {
        self.opening.is_some() || self.closing.is_some() || !self.talking_points.is_empty()
    }

    pub fn talking_point(&self, id: &str) -> Option<&TalkingPoint> {
        self.talking_points.iter().find(|point| point.id == id)
    }

    /// The ids of the points that start ticked, in order.
    pub fn preselected_points(&self) -> Vec<&str> {
        self.talking_points.iter().filter(|point| point.preselected).map(|point| point.id.as_str()).collect()
    }
}

fn yes() -> bool {
    true
}
