//! What validation and the plain-language lint say about an explainer and a glossary, in English and French.
//! Carried by `validate::Message::Explainer`.

use super::markup::{Hazard, Risk};
use super::readability::format_tenths;
use crate::Lang;

/// A problem or piece of advice about an explainer or a glossary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    /// Something that looks like HTML or code in a text (an error: it would show as is).
    Hazard(Hazard),
    /// A glossary term without any form in a language the campaign (or the shared glossary) needs.
    TermMissingLanguage { lang: Lang },
    /// A form that an earlier term already has.
    DuplicateForm { form: String, other: String },
    /// A timeline date that is not "YYYY-MM-DD", "YYYY-MM" or "YYYY".
    BadDate { value: String },
    /// A timeline moment older than the one before it.
    TimelineOrder,
    /// `shared_glossary` is neither true/false nor an https:// address or a path on the Voix server.
    BadSharedGlossary { value: String },
    /// A shared glossary file with another `schema`.
    GlossarySchema { found: String },
    /// The English and French versions of a markup text have different numbers of paragraphs, list items or links.
    ShapeMismatch { en: (u32, u32, u32), fr: (u32, u32, u32) },
    /// A reading grade above the target (tenths).
    HardToRead { lang: Lang, grade_tenths: i32 },
    /// A sentence of more than `MAX_SENTENCE_WORDS` words.
    LongSentence { words: u32, start: String },
    /// A paragraph or list item of more than `MAX_PARAGRAPH_SENTENCES` sentences.
    LongParagraph { sentences: u32 },
    /// An acronym that no glossary term explains.
    UnknownAcronym { acronym: String },
    /// A term of the campaign's glossary that the explainer never uses in `lang`.
    UnusedTerm { form: String, lang: Lang },
    /// A definition of more than `MAX_DEFINITION_WORDS` words.
    LongDefinition { words: u32 },
    /// The English and French LIX of one section are far apart: one version is much harder to read (tenths).
    LixGap { en_tenths: i32, fr_tenths: i32 },
}

fn q(text: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("\"{text}\""),
        Lang::Fr => format!("«\u{a0}{text}\u{a0}»"),
    }
}

fn risk_text(risk: Risk, lang: Lang) -> &'static str {
    match (risk, lang) {
        (Risk::Html, Lang::En) => "HTML is not allowed in campaign texts (use the explainer's markup: *emphasis*, [link](https://…), \"- \" lists)",
        (Risk::Html, Lang::Fr) => "le HTML n'est pas permis dans les textes de la campagne (utilisez le balisage de l'explication\u{a0}: *emphase*, [lien](https://…), listes «\u{a0}- \u{a0}»)",
        (Risk::UnsafeLink, Lang::En) => "links must go to an https:// address or a mailto: address",
        (Risk::UnsafeLink, Lang::Fr) => "les liens doivent mener à une adresse https:// ou mailto:",
        (Risk::ScriptAddress, Lang::En) => "script addresses (javascript:, vbscript:, data:) are not allowed",
        (Risk::ScriptAddress, Lang::Fr) => "les adresses de script (javascript:, vbscript:, data:) ne sont pas permises",
        (Risk::EventAttribute, Lang::En) => "HTML event attributes (onerror=, onload=…) are not allowed",
        (Risk::EventAttribute, Lang::Fr) => "les attributs d'événement HTML (onerror=, onload=…) ne sont pas permis",
        (Risk::Entity, Lang::En) => "HTML character references (&lt;, &#106;…) are not allowed: type the character itself",
        (Risk::Entity, Lang::Fr) => "les références de caractères HTML (&lt;, &#106;…) ne sont pas permises\u{a0}: tapez le caractère lui-même",
    }
}

fn shape_text(shape: (u32, u32, u32), lang: Lang) -> String {
    match lang {
        Lang::En => format!("{} paragraph(s), {} list item(s), {} link(s)", shape.0, shape.1, shape.2),
        Lang::Fr => format!("{} paragraphe(s), {} élément(s) de liste, {} lien(s)", shape.0, shape.1, shape.2),
    }
}

impl Finding {
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Fr};
        match (self, lang) {
            (Finding::Hazard(hazard), _) => {
                let colon = if lang == Fr { "\u{a0}:" } else { ":" };
                format!("{}{colon} {}", risk_text(hazard.risk, lang), q(&hazard.snippet, lang))
            }
            (Finding::TermMissingLanguage { lang: missing }, En) => {
                format!("give this term at least one form in {}", missing.name_in(En))
            }
            (Finding::TermMissingLanguage { lang: missing }, Fr) => {
                format!("donnez à ce terme au moins une forme en {}", missing.name_in(Fr))
            }
            (Finding::DuplicateForm { form, other }, En) => {
                format!("{} is already a form of the term {}: a form belongs to one term", q(form, lang), q(other, lang))
            }
            (Finding::DuplicateForm { form, other }, Fr) => format!(
                "{} est déjà une forme du terme {}\u{a0}: une forme n'appartient qu'à un terme",
                q(form, lang),
                q(other, lang)
            ),
            (Finding::BadDate { value }, En) => {
                format!("{} is not a date: write \"2026-03-12\", \"2026-03\" or \"2026\"", q(value, lang))
            }
            (Finding::BadDate { value }, Fr) => format!(
                "{} n'est pas une date\u{a0}: écrivez «\u{a0}2026-03-12\u{a0}», «\u{a0}2026-03\u{a0}» ou «\u{a0}2026\u{a0}»",
                q(value, lang)
            ),
            (Finding::TimelineOrder, En) => "this moment is older than the one before it: list moments oldest first".into(),
            (Finding::TimelineOrder, Fr) => {
                "ce moment est plus ancien que le précédent\u{a0}: classez les moments du plus ancien au plus récent".into()
            }
            (Finding::BadSharedGlossary { value }, En) => format!(
                "{} is not a glossary address: use true, an https:// address or a path such as \"/glossary.json\"",
                q(value, lang)
            ),
            (Finding::BadSharedGlossary { value }, Fr) => format!(
                "{} n'est pas l'adresse d'un glossaire\u{a0}: utilisez true, une adresse https:// ou un chemin comme «\u{a0}/glossary.json\u{a0}»",
                q(value, lang)
            ),
            (Finding::GlossarySchema { found }, En) => format!(
                "this file says it is {}, but this version of Voix reads \"voix/glossary/v1\"",
                q(found, lang)
            ),
            (Finding::GlossarySchema { found }, Fr) => format!(
                "ce fichier se dit {}, mais cette version de Voix lit «\u{a0}voix/glossary/v1\u{a0}»",
                q(found, lang)
            ),
            (Finding::ShapeMismatch { en, fr }, En) => format!(
                "the English and French texts differ in shape: English has {}, French has {}",
                shape_text(*en, En),
                shape_text(*fr, En)
            ),
            (Finding::ShapeMismatch { en, fr }, Fr) => format!(
                "les textes anglais et français n'ont pas la même forme\u{a0}: l'anglais a {}, le français {}",
                shape_text(*en, Fr),
                shape_text(*fr, Fr)
            ),
            (Finding::HardToRead { lang: of, grade_tenths }, En) => format!(
                "the {} text reads at grade {} ({}): aim for 8 or below with shorter sentences and everyday words",
                of.name_in(En),
                format_tenths(*grade_tenths, En),
                formula(*of, En)
            ),
            (Finding::HardToRead { lang: of, grade_tenths }, Fr) => format!(
                "le texte {} se lit au niveau {} ({})\u{a0}: visez 8 ou moins, avec des phrases plus courtes et des mots courants",
                adjective(*of),
                format_tenths(*grade_tenths, Fr),
                formula(*of, Fr)
            ),
            (Finding::LongSentence { words, start }, En) => format!(
                "a sentence of {words} words (more than {}): split {}",
                super::lint::MAX_SENTENCE_WORDS,
                q(&format!("{start}…"), lang)
            ),
            (Finding::LongSentence { words, start }, Fr) => format!(
                "une phrase de {words} mots (plus de {})\u{a0}: coupez {}",
                super::lint::MAX_SENTENCE_WORDS,
                q(&format!("{start}…"), lang)
            ),
            (Finding::LongParagraph { sentences }, En) => format!(
                "a paragraph of {sentences} sentences (more than {}): split it",
                super::lint::MAX_PARAGRAPH_SENTENCES
            ),
            (Finding::LongParagraph { sentences }, Fr) => format!(
                "un paragraphe de {sentences} phrases (plus de {})\u{a0}: coupez-le",
                super::lint::MAX_PARAGRAPH_SENTENCES
            ),
            (Finding::UnknownAcronym { acronym }, En) => {
                format!("the acronym {} has no glossary entry: add one so readers can open its meaning", q(acronym, lang))
            }
            (Finding::UnknownAcronym { acronym }, Fr) => format!(
                "le sigle {} n'est pas dans le glossaire\u{a0}: ajoutez-le pour que les lecteurs puissent en voir le sens",
                q(acronym, lang)
            ),
            (Finding::UnusedTerm { form, lang: of }, En) => format!(
                "the term {} never appears in the {} texts: use it or remove it",
                q(form, lang),
                of.name_in(En)
            ),
            (Finding::UnusedTerm { form, lang: of }, Fr) => format!(
                "le terme {} n'apparaît jamais dans les textes en {}\u{a0}: utilisez-le ou retirez-le",
                q(form, lang),
                of.name_in(Fr)
            ),
            (Finding::LongDefinition { words }, En) => format!(
                "a definition of {words} words: keep it to one or two short sentences ({} words at most)",
                super::glossary::MAX_DEFINITION_WORDS
            ),
            (Finding::LongDefinition { words }, Fr) => format!(
                "une définition de {words} mots\u{a0}: tenez-vous-en à une ou deux phrases courtes ({} mots au plus)",
                super::glossary::MAX_DEFINITION_WORDS
            ),
            (Finding::LixGap { en_tenths, fr_tenths }, En) => format!(
                "the English (LIX {}) and French (LIX {}) versions differ a lot in difficulty: simplify the harder one",
                format_tenths(*en_tenths, En),
                format_tenths(*fr_tenths, En)
            ),
            (Finding::LixGap { en_tenths, fr_tenths }, Fr) => format!(
                "les versions anglaise (LIX {}) et française (LIX {}) sont de difficulté très différente\u{a0}: simplifiez la plus difficile",
                format_tenths(*en_tenths, Fr),
                format_tenths(*fr_tenths, Fr)
            ),
        }
    }
}

fn formula(of: Lang, lang: Lang) -> &'static str {
    match (of, lang) {
        (Lang::En, _) => "Flesch–Kincaid",
        (Lang::Fr, Lang::En) => "from the Kandel–Moles reading ease",
        (Lang::Fr, Lang::Fr) => "d'après l'indice de lisibilité de Kandel et Moles",
    }
}

fn adjective(of: Lang) -> &'static str {
    match of {
        Lang::En => "anglais",
        Lang::Fr => "français",
    }
}
