//! Rules for the `explainer` section. Structural problems are errors: a text in one language and not the other
//! (a section, a timeline entry, a question, a term), markup that looks like HTML or code, a bad date, a glossary
//! id or form given twice. The plain-language lint (`crate::explainer::lint`) adds advice as warnings.

use super::super::path;
use super::super::problem::{Message, Problem};
use super::Rules;
use crate::campaign::{Explainer, SharedGlossary};
use crate::explainer::markup::{self, Hazard};
use crate::explainer::{glossary, parse_date, Finding};
use crate::{Lang, Localized};

/// How a text of the explainer is written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Shown exactly as written.
    Plain,
    /// The explainer's markup.
    Markup,
}

impl Rules<'_> {
    pub(super) fn explainer(&mut self, explainer: &Explainer) {
        self.explainer_text("explainer.summary", &explainer.summary, Kind::Plain);
        if let Some(what) = &explainer.what_it_means {
            self.explainer_text("explainer.what_it_means", what, Kind::Markup);
        }
        for (i, detail) in explainer.details.iter().enumerate() {
            let at = path::index("explainer.details", i);
            self.explainer_text(&path::key(&at, "title"), &detail.title, Kind::Plain);
            self.explainer_text(&path::key(&at, "body"), &detail.body, Kind::Markup);
        }
        let mut previous: Option<(u16, u8, u8)> = None;
        for (i, moment) in explainer.timeline.iter().enumerate() {
            let at = path::index("explainer.timeline", i);
            match parse_date(&moment.date) {
                None => self.explainer_error(path::key(&at, "date"), Finding::BadDate { value: moment.date.clone() }),
                Some((year, month, day)) => {
                    let start = (year, month.unwrap_or(1), day.unwrap_or(1));
                    let end = (year, month.unwrap_or(12), day.unwrap_or(31));
                    if previous.is_some_and(|before| end < before) {
                        self.out
                            .push(Problem::warning(path::key(&at, "date"), Message::Explainer(Finding::TimelineOrder)));
                    }
                    previous = Some(start);
                }
            }
            self.explainer_text(&path::key(&at, "what"), &moment.what, Kind::Plain);
            if let Some(why) = &moment.why {
                self.explainer_text(&path::key(&at, "why"), why, Kind::Plain);
            }
        }
        for (i, question) in explainer.faq.iter().enumerate() {
            let at = path::index("explainer.faq", i);
            self.explainer_text(&path::key(&at, "question"), &question.question, Kind::Plain);
            self.explainer_text(&path::key(&at, "answer"), &question.answer, Kind::Markup);
        }
        let languages = self.campaign.languages.clone();
        glossary::check_terms(&explainer.glossary, "explainer.glossary", &languages, &mut self.out);
        if let SharedGlossary::At(location) = &explainer.shared_glossary {
            let on_server = location.starts_with('/') && !location.starts_with("//");
            if !on_server && super::check_url(location).is_err() {
                let finding = Finding::BadSharedGlossary { value: location.clone() };
                self.explainer_error("explainer.shared_glossary", finding);
            }
        }
    }

    /// The plain-language advice on the explainer (warnings), with the shared glossary when it is at hand.
    pub(super) fn explainer_lint(&mut self, explainer: &Explainer, shared: Option<&[crate::campaign::Term]>) {
        let languages = self.campaign.languages.clone();
        self.out.extend(crate::explainer::lint(explainer, &languages, shared));
    }

    fn explainer_error(&mut self, at: impl Into<String>, finding: Finding) {
        self.out.push(Problem::error(at, Message::Explainer(finding)));
    }

    /// A text in every language, without HTML or code; a markup text the same shape in both languages.
    fn explainer_text(&mut self, at: &str, text: &Localized, kind: Kind) {
        self.text(at, text);
        let mut shapes = Vec::new();
        for lang in self.campaign.languages.clone() {
            let Some(value) = text.get(lang) else { continue };
            let hazards: Vec<Hazard> = match kind {
                Kind::Plain => markup::plain_hazards(value),
                Kind::Markup => {
                    let parsed = markup::parse(value);
                    shapes.push((lang, parsed.shape()));
                    parsed.hazards
                }
            };
            for hazard in hazards {
                self.explainer_error(path::key(at, lang.code()), Finding::Hazard(hazard));
            }
        }
        if let [(Lang::En, en), (Lang::Fr, fr)] | [(Lang::Fr, fr), (Lang::En, en)] = shapes.as_slice() {
            if en != fr {
                let triple = |s: &markup::Shape| (s.paragraphs, s.list_items, s.links);
                let finding = Finding::ShapeMismatch { en: triple(en), fr: triple(fr) };
                self.out.push(Problem::warning(at, Message::Explainer(finding)));
            }
        }
    }
}
