//! Rules that a schema cannot express: translations for every declared language, ids, addresses, contrast.
//! They run on a campaign that already has the right shape.

mod explainer;
mod letter;
mod petition;

use super::path;
use super::problem::{Message, Problem};
use crate::campaign::{Campaign, SCHEMA_ID};
use crate::color::Rgb;
use crate::{Lang, Localized};

pub(super) struct Rules<'c> {
    campaign: &'c Campaign,
    out: Vec<Problem>,
}

/// Whether the rules also give the explainer's plain-language advice (warnings only), and with which shared
/// glossary. The widget skips it: advice does not change whether a campaign can be shown.
#[derive(Clone, Copy)]
pub(super) enum Advice<'g> {
    Skip,
    Give { shared_glossary: Option<&'g [crate::campaign::Term]> },
}

impl<'c> Rules<'c> {
    /// The rules, without the explainer's plain-language advice.
    pub(super) fn check(campaign: &'c Campaign) -> Vec<Problem> {
        Self::check_with(campaign, Advice::Skip)
    }

    pub(super) fn check_with(campaign: &'c Campaign, advice: Advice<'_>) -> Vec<Problem> {
        let mut rules = Rules { campaign, out: Vec::new() };
        rules.run();
        if let (Some(explainer), Advice::Give { shared_glossary }) = (&campaign.explainer, advice) {
            rules.explainer_lint(explainer, shared_glossary);
        }
        rules.out
    }

    fn run(&mut self) {
        let c = self.campaign;
        if c.schema != SCHEMA_ID {
            self.error("schema", Message::UnsupportedSchema { found: c.schema.clone() });
        }
        self.id("id", &c.id);
        self.languages();
        self.text("title", &c.title);
        self.text("tagline", &c.tagline);
        self.organiser();
        self.partners();
        if let Some(accent) = &c.theme.accent {
            self.accent("theme.accent", accent);
        }
        if c.parts().is_empty() {
            self.error("", Message::NoParts);
        }
        if let Some(explainer) = &c.explainer {
            self.explainer(explainer);
        }
        if let Some(letter) = &c.letter {
            self.letter(letter);
        }
        if let Some(petition) = &c.petition {
            self.petition(petition);
        }
    }

    fn error(&mut self, at: impl Into<String>, message: Message) {
        self.out.push(Problem::error(at, message));
    }

    fn languages(&mut self) {
        if self.campaign.languages.is_empty() {
            self.error("languages", Message::TooFewItems { min: 1 });
        }
        let mut seen = Vec::new();
        for (i, lang) in self.campaign.languages.iter().enumerate() {
            if seen.contains(lang) {
                self.error(path::index("languages", i), Message::DuplicateItem { item: lang.code().to_owned() });
            }
            seen.push(*lang);
        }
    }

    /// Every declared language has a non-blank text; a text in an undeclared language is never shown.
    fn text(&mut self, at: &str, text: &Localized) {
        for lang in Lang::ALL {
            let given = match lang {
                Lang::En => text.en.as_deref(),
                Lang::Fr => text.fr.as_deref(),
            };
            let declared = self.campaign.languages.contains(&lang);
            let at = path::key(at, lang.code());
            match given {
                None if declared => self.error(path_parent(&at), Message::MissingTranslation { lang }),
                Some(t) if declared && t.trim().is_empty() => self.error(at, Message::Blank),
                Some(_) if !declared && !self.campaign.languages.is_empty() => {
                    self.out.push(Problem::warning(at, Message::UndeclaredTranslation { lang }))
                }
                _ => {}
            }
        }
    }

    fn id(&mut self, at: &str, id: &str) {
        if !is_slug(id) {
            self.error(at, Message::BadId { id: id.to_owned() });
        }
    }

    fn organiser(&mut self) {
        let organiser = &self.campaign.organiser;
        self.text("organiser.name", &organiser.name);
        if organiser.mailing_address.trim().is_empty() {
            self.error("organiser.mailing_address", Message::Blank);
        } else if !has_postal_code(&organiser.mailing_address) {
            self.out.push(Problem::warning("organiser.mailing_address", Message::NoPostalCode));
        }
        if let Some(email) = &organiser.email {
            if !is_email(email) {
                self.error("organiser.email", Message::BadEmail { value: email.clone() });
            }
        }
        if let Some(website) = &organiser.website {
            self.url("organiser.website", website);
        }
        if let Some(phone) = &organiser.phone {
            if phone.trim().is_empty() {
                self.error("organiser.phone", Message::Blank);
            }
        }
        if organiser.email.is_none() && organiser.website.is_none() && organiser.phone.is_none() {
            self.error("organiser", Message::NoContact);
        }
        if let Some(policy) = &organiser.privacy_policy {
            self.localized_urls("organiser.privacy_policy", policy);
        }
        self.organiser_consent();
    }

    fn partners(&mut self) {
        let mut seen: Vec<&str> = Vec::new();
        for (i, partner) in self.campaign.partners.iter().enumerate() {
            let at = path::index("partners", i);
            self.id(&path::key(&at, "id"), &partner.id);
            if seen.contains(&partner.id.as_str()) {
                self.error(path::key(&at, "id"), Message::DuplicateId { id: partner.id.clone() });
            }
            seen.push(&partner.id);
            self.text(&path::key(&at, "name"), &partner.name);
            if partner.origins.is_empty() {
                self.error(path::key(&at, "origins"), Message::TooFewItems { min: 1 });
            }
            for (j, origin) in partner.origins.iter().enumerate() {
                if let Err(problem) = check_origin(origin) {
                    let value = origin.clone();
                    self.error(path::index(&path::key(&at, "origins"), j), Message::BadOrigin { value, problem });
                }
            }
            self.localized_urls(&path::key(&at, "privacy_policy"), &partner.privacy_policy);
            self.text(&path::key(&at, "consent"), &partner.consent);
        }
    }

    fn localized_urls(&mut self, at: &str, urls: &Localized) {
        self.text(at, urls);
        for lang in self.campaign.languages.clone() {
            if let Some(url) = urls.get(lang) {
                self.url(&path::key(at, lang.code()), url);
            }
        }
    }

    fn url(&mut self, at: &str, url: &str) {
        if let Err(problem) = check_url(url) {
            self.error(at, Message::BadUrl { value: url.to_owned(), problem });
        }
    }

    fn accent(&mut self, at: &str, accent: &str) {
        match Rgb::parse_hex(accent) {
            None => self.error(at, Message::BadColor { value: accent.to_owned() }),
            Some(color) => {
                let ratio = color.contrast(Rgb::WHITE);
                if ratio < 4.5 {
                    let ratio_tenths = (ratio * 10.0).round() as u32;
                    self.error(at, Message::LowContrast { value: accent.to_owned(), ratio_tenths });
                }
            }
        }
    }
}

/// A missing translation is reported on the text itself (`title`), not on the absent key (`title.fr`).
fn path_parent(at: &str) -> String {
    at.rsplit_once('.').map(|(parent, _)| parent.to_owned()).unwrap_or_default()
}

pub use crate::checks::{check_origin, check_url, has_postal_code, is_email, is_slug};
