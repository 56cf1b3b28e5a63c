//! The plain-language lint: reading grades per section and language, long sentences and paragraphs, acronyms
//! without a glossary entry, glossary terms never used, and how far apart the two languages are. All of it is
//! advice (warnings): the formulas are a guide, not a verdict.

use super::chars::is_acronym;
use super::message::Finding;
use super::readability::{analyze, tenths, Counts};
use super::terms::Finder;
use super::{markup, Section};
use crate::campaign::{Explainer, Term};
use crate::validate::{Message, Problem};
use crate::Lang;

/// A grade above this is a warning (English: Flesch–Kincaid; French: the grade read from Kandel–Moles).
pub const MAX_GRADE: i32 = 8;
/// A sentence longer than this many words is a warning.
pub const MAX_SENTENCE_WORDS: u32 = 25;
/// A paragraph (or list item) of more sentences than this is a warning.
pub const MAX_PARAGRAPH_SENTENCES: u32 = 5;
/// LIX values of a section's two languages further apart than this (tenths) are a warning.
pub const MAX_LIX_GAP_TENTHS: i32 = 200;
/// Texts shorter than this are not graded (a formula needs some running text: "Summary" alone is not "hard").
pub const MIN_WORDS_FOR_GRADE: u32 = 10;

/// The readability of one section in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionScore {
    /// Where the section is: `explainer.summary`, `explainer.details[0]`, `explainer.timeline`, ….
    pub path: String,
    pub lang: Lang,
    pub counts: Counts,
    /// The reading grade in tenths: Flesch–Kincaid in English, the grade from Kandel–Moles in French.
    pub grade_tenths: i32,
    /// English: the Flesch–Kincaid grade (tenths).
    pub flesch_kincaid_tenths: Option<i32>,
    /// French: Kandel and Moles' reading ease, 0–100 (tenths).
    pub kandel_moles_tenths: Option<i32>,
    /// LIX, in both languages (tenths).
    pub lix_tenths: i32,
}

/// The score of one section's text in `lang`.
pub fn score(section: &Section, explainer: &Explainer, lang: Lang) -> SectionScore {
    let units = section.units(explainer, lang);
    let counts = analyze(&units, lang).counts;
    SectionScore {
        path: section.path(),
        lang,
        counts,
        grade_tenths: tenths(counts.grade(lang)),
        flesch_kincaid_tenths: (lang == Lang::En).then(|| tenths(counts.flesch_kincaid())),
        kandel_moles_tenths: (lang == Lang::Fr).then(|| tenths(counts.kandel_moles())),
        lix_tenths: tenths(counts.lix()),
    }
}

/// The scores of every section in each language: what `voix check --format json` and the organiser preview show.
pub fn readability_report(explainer: &Explainer, languages: &[Lang]) -> Vec<SectionScore> {
    let mut scores = Vec::new();
    for section in Section::all(explainer) {
        for &lang in languages {
            let score = score(&section, explainer, lang);
            if score.counts.words > 0 {
                scores.push(score);
            }
        }
    }
    scores
}

/// The plain-language findings (all warnings). `shared` is the shared glossary when the campaign uses one and it
/// is at hand; without it, acronyms are not checked (they may be defined there).
pub fn lint(explainer: &Explainer, languages: &[Lang], shared: Option<&[Term]>) -> Vec<Problem> {
    let mut out = Vec::new();
    let warn = |out: &mut Vec<Problem>, at: String, finding: Finding| {
        out.push(Problem::warning(at, Message::Explainer(finding)));
    };
    let glossary = super::glossary::merge(shared.unwrap_or(&[]), &explainer.glossary);
    let knows_all_terms = explainer.shared_glossary.is_off() || shared.is_some();
    for section in Section::all(explainer) {
        let mut lix: Vec<(Lang, i32)> = Vec::new();
        for &lang in languages {
            let units = section.units(explainer, lang);
            let analysis = analyze(&units, lang);
            if analysis.counts.words == 0 {
                continue;
            }
            let graded = analysis.counts.words >= MIN_WORDS_FOR_GRADE;
            let at = section.text_path(lang);
            let grade_tenths = tenths(analysis.counts.grade(lang));
            if graded && grade_tenths > MAX_GRADE * 10 {
                warn(&mut out, at.clone(), Finding::HardToRead { lang, grade_tenths });
            }
            if graded {
                lix.push((lang, tenths(analysis.counts.lix())));
            }
            for sentence in &analysis.sentences {
                if sentence.words > MAX_SENTENCE_WORDS {
                    let finding = Finding::LongSentence { words: sentence.words, start: sentence.start.clone() };
                    warn(&mut out, at.clone(), finding);
                }
            }
            for unit in 0..units.len() {
                let sentences = analysis.sentences_in(unit);
                if sentences > MAX_PARAGRAPH_SENTENCES {
                    warn(&mut out, at.clone(), Finding::LongParagraph { sentences });
                }
            }
        }
        if let ([(Lang::En, en), (Lang::Fr, fr)], true) = (lix.as_slice(), lix.len() == 2) {
            if (en - fr).abs() > MAX_LIX_GAP_TENTHS {
                warn(&mut out, section.path(), Finding::LixGap { en_tenths: *en, fr_tenths: *fr });
            }
        }
    }
    for &lang in languages {
        let texts: Vec<(String, String)> = Section::all(explainer)
            .iter()
            .flat_map(|section| {
                let at = section.text_path(lang);
                section.all_units(explainer, lang).into_iter().map(move |unit| (at.clone(), unit))
            })
            .collect();
        if knows_all_terms {
            let known = known_words(&glossary, lang);
            let mut reported: Vec<String> = Vec::new();
            for (at, text) in &texts {
                for word in super::readability::words(text) {
                    let Some(acronym) = acronym_of(word) else { continue };
                    if known.iter().any(|k| k == acronym) || reported.iter().any(|r| r == acronym) {
                        continue;
                    }
                    reported.push(acronym.to_owned());
                    warn(&mut out, at.clone(), Finding::UnknownAcronym { acronym: acronym.to_owned() });
                }
            }
        }
        let finder = Finder::new(&explainer.glossary, lang);
        for (index, term) in explainer.glossary.iter().enumerate() {
            let Some(form) = term.term.main(lang) else { continue };
            if !texts.iter().any(|(_, text)| finder.uses(text, index)) {
                let at = format!("explainer.glossary[{index}]");
                warn(&mut out, at, Finding::UnusedTerm { form: form.to_owned(), lang });
            }
        }
    }
    out
}

/// The acronym a word is, without a plural "s" or an elided article: "CSIS", "MPs" → "MP", "l'ASFC" → "ASFC".
fn acronym_of(word: &str) -> Option<&str> {
    word.split(super::chars::is_apostrophe).find_map(|part| {
        let bare = part.strip_suffix('s').filter(|bare| is_acronym(bare)).unwrap_or(part);
        let plain = !bare.chars().any(|c| c.is_ascii_digit() || super::chars::is_hyphen(c));
        (is_acronym(bare) && plain).then_some(bare)
    })
}

/// Every word of every form of the glossary in `lang`: an acronym among them is explained.
fn known_words(glossary: &[Term], lang: Lang) -> Vec<String> {
    glossary
        .iter()
        .flat_map(|term| term.term.get(lang).iter())
        .flat_map(|form| super::readability::words(form).into_iter().map(str::to_owned).collect::<Vec<_>>())
        .collect()
}

/// The visible text of a markup text's paragraphs and list items.
pub fn markup_units(text: &str) -> Vec<String> {
    markup::parse(text).blocks.iter().flat_map(|block| block.units()).map(markup::visible_text).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaign::{Detail, TermForms};
    use crate::Localized;

    fn explainer() -> Explainer {
        let mut e = Explainer::with_summary(Localized::new(
            "The CSIS can ask your phone company for data. Ask your MP to stop it.",
            "Le SCRS veut vos données. Dites non à votre député.",
        ));
        e.glossary = vec![
            Term {
                id: "csis".into(),
                term: TermForms::new(&["CSIS"], &["SCRS"]),
                definition: Localized::new("Canada's spy agency.", "L'agence d'espionnage du Canada."),
            },
            Term {
                id: "warrant".into(),
                term: TermForms::new(&["warrant"], &["mandat"]),
                definition: Localized::new("A judge's permission.", "La permission d'un juge."),
            },
        ];
        e
    }

    fn findings(problems: &[Problem]) -> Vec<(String, String)> {
        problems.iter().map(|p| (p.path.clone(), p.message.text(Lang::En))).collect()
    }

    #[test]
    fn acronyms_without_an_entry_and_unused_terms() {
        let problems = lint(&explainer(), &Lang::ALL, None);
        assert!(problems.iter().all(|p| !p.is_error()));
        let found = findings(&problems);
        assert_eq!(
            found,
            [
                (
                    "explainer.summary.en".to_owned(),
                    "the acronym \"MP\" has no glossary entry: add one so readers can open its meaning".to_owned()
                ),
                (
                    "explainer.glossary[1]".to_owned(),
                    "the term \"warrant\" never appears in the English texts: use it or remove it".to_owned()
                ),
                (
                    "explainer.glossary[1]".to_owned(),
                    "the term \"mandat\" never appears in the French texts: use it or remove it".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn a_shared_glossary_explains_acronyms_and_is_needed_to_judge_them() {
        let mut e = explainer();
        e.shared_glossary = crate::campaign::SharedGlossary::Enabled(true);
        // Without the shared glossary at hand, acronyms are not judged.
        assert!(!findings(&lint(&e, &Lang::ALL, None)).iter().any(|(_, m)| m.contains("acronym")));
        let shared = vec![Term {
            id: "mp".into(),
            term: TermForms::new(&["MP", "Member of Parliament"], &["député"]),
            definition: Localized::new("Your representative.", "Votre représentant."),
        }];
        assert!(!findings(&lint(&e, &Lang::ALL, Some(&shared))).iter().any(|(_, m)| m.contains("acronym")));
        // Shared terms never used are not the campaign's concern.
        assert!(!findings(&lint(&e, &Lang::ALL, Some(&shared))).iter().any(|(_, m)| m.contains("\"MP\"")));
    }

    #[test]
    fn hard_text_long_sentences_and_paragraphs() {
        let mut e = explainer();
        let long = "Notwithstanding considerable institutional deliberation, the parliamentary examination of \
                    surveillance legislation necessitates comprehensive understanding of constitutional jurisprudence \
                    concerning informational privacy expectations, proportionality, accountability and transparency for citizens.";
        let many = "One. Two. Three. Four. Five. Six.";
        e.details = vec![Detail {
            title: Localized::new("Hard", "Difficile"),
            body: Localized::new(
                &format!("{long}\n\n{many}"),
                "Un texte court. Des mots simples. Une idée par phrase. Rien de plus.",
            ),
        }];
        let found = findings(&lint(&e, &Lang::ALL, None));
        let at_detail: Vec<&str> =
            found.iter().filter(|(p, _)| p == "explainer.details[0].body.en").map(|(_, m)| m.as_str()).collect();
        assert_eq!(at_detail.len(), 3, "{at_detail:#?}");
        assert!(at_detail[0].starts_with("the English text reads at grade"));
        assert!(at_detail[1].starts_with("a sentence of 26 words (more than 25): split \"Notwithstanding"));
        assert_eq!(at_detail[2], "a paragraph of 6 sentences (more than 5): split it");
        assert!(found.iter().any(|(p, m)| p == "explainer.details[0]" && m.contains("LIX")));
    }

    #[test]
    fn acronym_forms() {
        assert_eq!(acronym_of("CSIS"), Some("CSIS"));
        assert_eq!(acronym_of("MPs"), Some("MP"));
        assert_eq!(acronym_of("l'ASFC"), Some("ASFC"));
        assert_eq!(acronym_of("CSIS's"), Some("CSIS"));
        assert_eq!(acronym_of("C-22"), None);
        assert_eq!(acronym_of("Bill"), None);
        assert_eq!(acronym_of("A"), None);
    }

    #[test]
    fn report_has_every_section_in_each_language() {
        let report = readability_report(&explainer(), &Lang::ALL);
        assert_eq!(report.len(), 2);
        assert_eq!(report[0].path, "explainer.summary");
        assert!(report[0].flesch_kincaid_tenths.is_some() && report[0].kandel_moles_tenths.is_none());
        assert!(report[1].kandel_moles_tenths.is_some() && report[1].flesch_kincaid_tenths.is_none());
    }
}
