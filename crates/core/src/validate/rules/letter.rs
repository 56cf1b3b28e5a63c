//! Rules for the `letter` section: wordings in every language, placeholders, talking point ids, recipients and
//! ways of sending.

use super::super::path;
use super::super::problem::{Message, Problem};
use super::super::structure::closest;
use super::{is_email, Rules};
use crate::campaign::{Letter, Phrasings, SendMethod, Targets};
use crate::letter::placeholder::{self, Placeholder, TemplateProblem};
use crate::{Lang, Localized};

impl Rules<'_> {
    pub(super) fn letter(&mut self, letter: &Letter) {
        self.shown_as_is("letter.intro", &letter.intro);
        if letter.has_wording() && letter.subjects.is_empty() {
            self.error("letter.subjects", Message::LetterNeedsSubject);
        }
        for (i, subject) in letter.subjects.iter().enumerate() {
            self.template_text(&path::index("letter.subjects", i), subject);
        }
        if let Some(opening) = &letter.opening {
            self.phrasings("letter.opening", opening);
        }
        let mut ids: Vec<&str> = Vec::new();
        for (i, point) in letter.talking_points.iter().enumerate() {
            let at = path::index("letter.talking_points", i);
            let id_at = path::key(&at, "id");
            self.id(&id_at, &point.id);
            if ids.contains(&point.id.as_str()) {
                self.error(id_at, Message::DuplicateId { id: point.id.clone() });
            }
            ids.push(&point.id);
            self.shown_as_is(&path::key(&at, "label"), &point.label);
            self.phrasings(&path::key(&at, "phrasings"), &point.phrasings);
        }
        for (i, prompt) in letter.story_prompts.iter().enumerate() {
            self.shown_as_is(&path::index("letter.story_prompts", i), prompt);
        }
        if let Some(closing) = &letter.closing {
            self.phrasings("letter.closing", closing);
        }
        self.targets(&letter.targets);
        self.send(&letter.send);
        match (&letter.call_script, letter.send.contains(&SendMethod::Call)) {
            (Some(script), _) => self.template_text("letter.call_script", script),
            (None, true) => self.error("letter.call_script", Message::CallNeedsScript),
            (None, false) => {}
        }
        if let Some(url) = &letter.represent_url {
            self.url("letter.represent_url", url);
        }
    }

    /// A text shown as is: translated, and without placeholders (nothing fills them there).
    fn shown_as_is(&mut self, at: &str, text: &Localized) {
        self.text(at, text);
        for lang in self.campaign.languages.clone() {
            if let Some(given) = text.get(lang) {
                for placeholder in placeholder::used(given) {
                    let name = placeholder.name().to_owned();
                    self.error(path::key(at, lang.code()), Message::PlaceholderNotAllowed { name });
                }
            }
        }
    }

    /// A text that goes into the letter: translated, with well-formed placeholders.
    fn template_text(&mut self, at: &str, text: &Localized) {
        self.text(at, text);
        for lang in self.campaign.languages.clone() {
            if let Some(given) = text.get(lang) {
                self.template(&path::key(at, lang.code()), given);
            }
        }
    }

    /// Several wordings per language: at least one in each declared language, none blank, placeholders known.
    fn phrasings(&mut self, at: &str, phrasings: &Phrasings) {
        for lang in Lang::ALL {
            let declared = self.campaign.languages.contains(&lang);
            let list = phrasings.get(lang);
            let list_at = path::key(at, lang.code());
            if !declared {
                if !list.is_empty() && !self.campaign.languages.is_empty() {
                    self.out.push(Problem::warning(list_at, Message::UndeclaredTranslation { lang }));
                }
                continue;
            }
            if list.is_empty() {
                self.error(at, Message::NoPhrasing { lang });
            }
            for (i, text) in list.iter().enumerate() {
                let text_at = path::index(&list_at, i);
                if text.trim().is_empty() {
                    self.error(text_at, Message::Blank);
                } else {
                    self.template(&text_at, text);
                }
            }
        }
    }

    fn template(&mut self, at: &str, text: &str) {
        for problem in placeholder::problems(text) {
            let message = match problem {
                TemplateProblem::Unknown { name } => {
                    let known = Placeholder::ALL.iter().map(|p| p.name()).collect();
                    let suggestion = closest(&name, known).map(str::to_owned);
                    Message::UnknownPlaceholder { name, suggestion }
                }
                TemplateProblem::UnclosedBrace => Message::UnclosedBrace,
                TemplateProblem::StrayClosingBrace => Message::StrayClosingBrace,
            };
            self.error(at, message);
        }
    }

    fn targets(&mut self, targets: &Targets) {
        if !targets.own_mp && targets.extra.is_empty() && targets.senators.is_none() {
            self.error("letter.targets", Message::NoRecipients);
        }
        if let Some(crate::campaign::Senators::Named(names)) = &targets.senators {
            if names.is_empty() {
                self.error("letter.targets.senators", Message::Blank);
            }
            for (i, name) in names.iter().enumerate() {
                if name.trim().is_empty() {
                    self.error(path::index("letter.targets.senators", i), Message::Blank);
                }
            }
        }
        for (i, target) in targets.extra.iter().enumerate() {
            let at = path::index("letter.targets.extra", i);
            if target.name.trim().is_empty() {
                self.error(path::key(&at, "name"), Message::Blank);
            }
            self.shown_as_is(&path::key(&at, "role"), &target.role);
            if !is_email(&target.email) {
                self.error(path::key(&at, "email"), Message::BadEmail { value: target.email.clone() });
            }
            if target.riding.as_ref().is_some_and(|riding| riding.trim().is_empty()) {
                self.error(path::key(&at, "riding"), Message::Blank);
            }
            if let Some(party) = &target.party {
                self.shown_as_is(&path::key(&at, "party"), party);
            }
        }
    }

    fn send(&mut self, methods: &[SendMethod]) {
        if methods.is_empty() {
            self.error("letter.send", Message::TooFewItems { min: 1 });
        }
        for (i, method) in methods.iter().enumerate() {
            let at = path::index("letter.send", i);
            if methods[..i].contains(method) {
                self.error(at, Message::DuplicateItem { item: method.code().to_owned() });
            } else if !method.is_available() {
                self.error(at, Message::SendMethodNotYet { method: method.code().to_owned() });
            }
        }
    }
}
