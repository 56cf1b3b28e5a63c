//! The campaign explainer: the issue in one sentence, "What it means for you", details to open, a timeline,
//! questions people ask, and a glossary whose terms readers can open where they appear.
//!
//! - [`markup`]: the small markup of the explainer's longer texts, parsed into blocks the widget builds with DOM
//!   APIs (never HTML), and what in a text looks like HTML or code ([`markup::Hazard`]s, refused by validation).
//! - [`terms`]: finds glossary terms in texts (whole words, case- and accent-aware, French elisions, plurals,
//!   longest match first) and marks their first occurrence in each section.
//! - [`readability`]: Flesch–Kincaid (English), Kandel–Moles (French) and LIX (both).
//! - [`lint`]: the plain-language lint of `voix check` and the organiser preview.
//! - [`glossary`]: the coalition's shared glossary file, and how a campaign's terms override it.

pub mod chars;
pub mod glossary;
pub mod lint;
pub mod markup;
pub mod message;
pub mod readability;
pub mod terms;

pub use glossary::{merge, validate_glossary, GlossaryCheck, GlossaryFile, GLOSSARY_SCHEMA_ID};
pub use lint::{lint, readability_report, SectionScore};
pub use message::Finding;
pub use terms::Finder;

use crate::campaign::Explainer;
use crate::date::month_name;
use crate::Lang;
use markup::{Block, Inline};

/// A section of the explainer: a unit for reading grades and for marking each term once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Summary,
    WhatItMeans,
    Detail(usize),
    /// Every moment of the timeline, read as one text.
    Timeline,
    Question(usize),
}

impl Section {
    /// The explainer's sections, in reading order (the ones it has).
    pub fn all(explainer: &Explainer) -> Vec<Section> {
        let mut all = vec![Section::Summary];
        if explainer.what_it_means.is_some() {
            all.push(Section::WhatItMeans);
        }
        all.extend((0..explainer.details.len()).map(Section::Detail));
        if !explainer.timeline.is_empty() {
            all.push(Section::Timeline);
        }
        all.extend((0..explainer.faq.len()).map(Section::Question));
        all
    }

    /// Where the section is in the campaign file.
    pub fn path(self) -> String {
        match self {
            Section::Summary => "explainer.summary".into(),
            Section::WhatItMeans => "explainer.what_it_means".into(),
            Section::Detail(i) => format!("explainer.details[{i}]"),
            Section::Timeline => "explainer.timeline".into(),
            Section::Question(i) => format!("explainer.faq[{i}]"),
        }
    }

    /// Where the section's main text in `lang` is (for messages about it).
    pub fn text_path(self, lang: Lang) -> String {
        let code = lang.code();
        match self {
            Section::Summary | Section::WhatItMeans => format!("{}.{code}", self.path()),
            Section::Detail(i) => format!("explainer.details[{i}].body.{code}"),
            Section::Timeline => "explainer.timeline".into(),
            Section::Question(i) => format!("explainer.faq[{i}].answer.{code}"),
        }
    }

    /// The running text that the reading grade is computed on: paragraphs and list items (headings and questions
    /// left out), each a unit that ends a sentence.
    pub fn units(self, explainer: &Explainer, lang: Lang) -> Vec<String> {
        match self {
            Section::Summary => vec![explainer.summary.text(lang).to_owned()],
            Section::WhatItMeans => {
                explainer.what_it_means.as_ref().map(|t| lint::markup_units(t.text(lang))).unwrap_or_default()
            }
            Section::Detail(i) => {
                explainer.details.get(i).map(|d| lint::markup_units(d.body.text(lang))).unwrap_or_default()
            }
            Section::Timeline => explainer
                .timeline
                .iter()
                .flat_map(|moment| {
                    std::iter::once(moment.what.text(lang).to_owned())
                        .chain(moment.why.as_ref().map(|why| why.text(lang).to_owned()))
                })
                .collect(),
            Section::Question(i) => {
                explainer.faq.get(i).map(|q| lint::markup_units(q.answer.text(lang))).unwrap_or_default()
            }
        }
    }

    /// Every text a reader sees in the section, headings and questions included.
    pub fn all_units(self, explainer: &Explainer, lang: Lang) -> Vec<String> {
        let mut units = match self {
            Section::Detail(i) => explainer.details.get(i).map(|d| vec![d.title.text(lang).to_owned()]),
            Section::Question(i) => explainer.faq.get(i).map(|q| vec![q.question.text(lang).to_owned()]),
            _ => None,
        }
        .unwrap_or_default();
        units.extend(self.units(explainer, lang));
        units
    }
}

/// A markup text as blocks, with the first use of each term of `finder` in the section marked (`seen` carries the
/// terms already marked in the section).
pub fn marked_markup(text: &str, finder: &Finder, seen: &mut Vec<usize>) -> Vec<Block> {
    let mut blocks = markup::parse(text).blocks;
    finder.annotate_blocks(&mut blocks, seen);
    blocks
}

/// A text shown as is, with the first use of each term marked.
pub fn marked_plain(text: &str, finder: &Finder, seen: &mut Vec<usize>) -> Vec<Inline> {
    let mut inlines = markup::plain(text);
    finder.annotate_units([&mut inlines], seen);
    inlines
}

/// A timeline date ("2026-03-12", "2026-03" or "2026") as year, month and day, when it is one.
pub fn parse_date(date: &str) -> Option<(u16, Option<u8>, Option<u8>)> {
    let mut parts = date.split('-');
    let year = parts.next().filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))?.parse().ok()?;
    let number = |part: Option<&str>, max: u8| -> Option<Option<u8>> {
        match part {
            None => Some(None),
            Some(p) if p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()) => {
                let n: u8 = p.parse().ok()?;
                (1..=max).contains(&n).then_some(Some(n))
            }
            Some(_) => None,
        }
    };
    let month = number(parts.next(), 12)?;
    let day = number(parts.next(), 31)?;
    if parts.next().is_some() || (month.is_none() && day.is_some()) {
        return None;
    }
    Some((year, month, day))
}

/// A timeline date in words: "12 March 2026" / "12 mars 2026", "March 2026", "2026"; the date as given when it
/// is not one.
pub fn format_date(date: &str, lang: Lang) -> String {
    let Some((year, month, day)) = parse_date(date) else { return date.to_owned() };
    match (month, day) {
        (Some(m), Some(1)) if lang == Lang::Fr => format!("1er {} {year}", month_name(m, lang)),
        (Some(m), Some(d)) => format!("{d} {} {year}", month_name(m, lang)),
        (Some(m), None) => format!("{} {year}", month_name(m, lang)),
        _ => year.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(parse_date("2026-03-12"), Some((2026, Some(3), Some(12))));
        assert_eq!(parse_date("2026-03"), Some((2026, Some(3), None)));
        assert_eq!(parse_date("2026"), Some((2026, None, None)));
        for bad in ["26-03-12", "2026-13", "2026-3-12", "2026-03-32", "March 2026", "2026-03-12-01", ""] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        assert_eq!(format_date("2026-03-12", Lang::En), "12 March 2026");
        assert_eq!(format_date("2026-04-01", Lang::Fr), "1er avril 2026");
        assert_eq!(format_date("2026-08", Lang::Fr), "août 2026");
        assert_eq!(format_date("soon", Lang::Fr), "soon");
    }
}
