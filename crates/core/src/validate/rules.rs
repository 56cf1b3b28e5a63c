//! Rules that a schema cannot express: translations for every declared language, ids, addresses, contrast.
//! They run on a campaign that already has the right shape.

mod explainer;
mod letter;
mod petition;

use super::path;
use super::problem::{Message, OriginProblem, Problem, UrlProblem};
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

/// 1–64 of `a-z`, `0-9`, `-`, not starting or ending with `-`.
pub fn is_slug(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

pub use crate::checks::is_email;

/// Splits off `https://`; `http://` is allowed only for a loopback host, so that local previews and tests work.
fn split_scheme(text: &str) -> Option<(&'static str, &str)> {
    if let Some(rest) = text.strip_prefix("https://") {
        return Some(("https", rest));
    }
    let rest = text.strip_prefix("http://")?;
    let loopback = ["localhost", "127.0.0.1", "[::1]"].iter().any(|host| {
        rest.strip_prefix(host).is_some_and(|after| after.is_empty() || after.starts_with([':', '/', '?', '#']))
    });
    loopback.then_some(("http", rest))
}

pub fn check_url(url: &str) -> Result<(), UrlProblem> {
    if url.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '`')) {
        return Err(UrlProblem::HasSpaces);
    }
    let (_, rest) = split_scheme(url).ok_or(UrlProblem::NotHttps)?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || host.starts_with(':') {
        return Err(UrlProblem::NoHost);
    }
    Ok(())
}

/// A web origin exactly as browsers send it in the `Origin` header: `https://host[:port]`.
pub fn check_origin(origin: &str) -> Result<(), OriginProblem> {
    let (scheme, rest) = split_scheme(origin.trim()).ok_or(OriginProblem::NotHttps)?;
    let host_and_port = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host_and_port.is_empty() || host_and_port.starts_with(':') || host_and_port.contains(' ') {
        return Err(OriginProblem::NoHost);
    }
    // Hosts in origins are ASCII (browsers send internationalised names as punycode).
    let bare = format!("{scheme}://{}", host_and_port.to_ascii_lowercase());
    if rest.len() != host_and_port.len() || origin != origin.trim() {
        return Err(OriginProblem::HasPath { suggestion: bare });
    }
    if origin != bare {
        return Err(OriginProblem::NotLowercase { suggestion: bare });
    }
    Ok(())
}

/// Whether a text holds something shaped like a Canadian postal code (A9A 9A9, with or without the space).
/// A mailing address without one is probably incomplete; CASL requires a real mailing address.
pub fn has_postal_code(text: &str) -> bool {
    let chars: Vec<char> = text.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '-')).collect();
    chars.windows(6).any(|w| {
        w.iter().enumerate().all(|(i, c)| if i % 2 == 0 { c.is_ascii_alphabetic() } else { c.is_ascii_digit() })
    })
}
