//! The coalition's shared glossary (`glossary.json`, `"schema": "voix/glossary/v1"`): one list of terms that every
//! campaign can use, the coalition's memory of its words. A campaign's own terms replace shared terms with the
//! same id.

use super::message::Finding;
use crate::campaign::Term;
use crate::validate::{Message, Problem};
use crate::Lang;
use serde::{Deserialize, Serialize};

/// The value of `schema` in a shared glossary file.
pub const GLOSSARY_SCHEMA_ID: &str = "voix/glossary/v1";

/// A shared glossary file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(title = "Voix shared glossary (v1)"))]
#[serde(deny_unknown_fields)]
pub struct GlossaryFile {
    /// Where your editor finds a schema for this file. Voix ignores it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub json_schema: Option<String>,
    /// The format of this file: always "voix/glossary/v1".
    pub schema: String,
    /// The terms, each with its forms and a short, plain definition in English and French.
    pub terms: Vec<Term>,
}

/// A checked shared glossary: its terms when it has no errors, and every problem found.
#[derive(Clone, Debug, PartialEq)]
pub struct GlossaryCheck {
    pub glossary: Option<GlossaryFile>,
    pub problems: Vec<Problem>,
}

/// Reads and checks a shared glossary file. The shared glossary serves every campaign, so it needs both languages.
pub fn validate_glossary(source: &str) -> GlossaryCheck {
    // The widget reads the shared glossary as it starts, so with the small reader (serde's words, no serde_json).
    let file: GlossaryFile = match crate::json::from_str(source) {
        Ok(file) => file,
        Err(error) => {
            let problem = Problem {
                path: String::new(),
                position: Some(error.position()),
                severity: crate::Severity::Error,
                message: Message::Unreadable { detail: error.message().to_owned() },
            };
            return GlossaryCheck { glossary: None, problems: vec![problem] };
        }
    };
    let mut problems = Vec::new();
    if file.schema != GLOSSARY_SCHEMA_ID {
        problems
            .push(Problem::error("schema", Message::Explainer(Finding::GlossarySchema { found: file.schema.clone() })));
    }
    check_terms(&file.terms, "terms", &Lang::ALL, &mut problems);
    let valid = !problems.iter().any(Problem::is_error);
    GlossaryCheck { glossary: valid.then_some(file), problems }
}

/// The rules every glossary follows (a campaign's and the shared one): ids, forms and definitions in each
/// language, no id or form twice, short definitions shown as plain text.
pub fn check_terms(terms: &[Term], at: &str, languages: &[Lang], out: &mut Vec<Problem>) {
    let mut ids: Vec<&str> = Vec::new();
    for (i, term) in terms.iter().enumerate() {
        let here = format!("{at}[{i}]");
        if !crate::checks::is_slug(&term.id) {
            out.push(Problem::error(format!("{here}.id"), Message::BadId { id: term.id.clone() }));
        } else if ids.contains(&term.id.as_str()) {
            out.push(Problem::error(format!("{here}.id"), Message::DuplicateId { id: term.id.clone() }));
        }
        ids.push(&term.id);
        for &lang in languages {
            let forms_at = format!("{here}.term.{}", lang.code());
            if term.term.main(lang).is_none() {
                out.push(Problem::error(
                    format!("{here}.term"),
                    Message::Explainer(Finding::TermMissingLanguage { lang }),
                ));
            }
            for (j, form) in term.term.get(lang).iter().enumerate() {
                if form.trim().is_empty() {
                    out.push(Problem::error(format!("{forms_at}[{j}]"), Message::Blank));
                }
                // The same form in an earlier term: which definition would it open?
                let key = form_key(form);
                let earlier = terms[..i].iter().find(|other| other.term.get(lang).iter().any(|f| form_key(f) == key));
                if let (Some(other), false) = (earlier, key.is_empty()) {
                    let finding = Finding::DuplicateForm { form: form.clone(), other: other.id.clone() };
                    out.push(Problem::error(format!("{forms_at}[{j}]"), Message::Explainer(finding)));
                }
            }
            let definition_at = format!("{here}.definition");
            match term.definition.get(lang) {
                None => out.push(Problem::error(definition_at, Message::MissingTranslation { lang })),
                Some(text) => {
                    let at = format!("{definition_at}.{}", lang.code());
                    for hazard in super::markup::plain_hazards(text) {
                        out.push(Problem::error(&*at, Message::Explainer(Finding::Hazard(hazard))));
                    }
                    let words = super::readability::words(text).len() as u32;
                    if words > MAX_DEFINITION_WORDS {
                        out.push(Problem::warning(at, Message::Explainer(Finding::LongDefinition { words })));
                    }
                }
            }
        }
    }
}

/// A definition longer than this many words is no longer short (a warning).
pub const MAX_DEFINITION_WORDS: u32 = 40;

/// A form compared without case or spacing differences.
fn form_key(form: &str) -> String {
    form.split_whitespace().collect::<Vec<_>>().join(" ").chars().map(super::chars::fold).collect()
}

/// The glossary a campaign's explainer uses: its own terms, then the shared terms it does not replace.
pub fn merge(shared: &[Term], campaign: &[Term]) -> Vec<Term> {
    let mut merged: Vec<Term> = campaign.to_vec();
    merged.extend(shared.iter().filter(|term| !campaign.iter().any(|own| own.id == term.id)).cloned());
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaign::TermForms;
    use crate::Localized;

    fn term(id: &str, en: &str, definition: &str) -> Term {
        Term { id: id.into(), term: TermForms::new(&[en], &[en]), definition: Localized::new(definition, definition) }
    }

    #[test]
    fn campaign_terms_override_shared_ones() {
        let shared = vec![term("csis", "CSIS", "shared"), term("cse", "CSE", "shared")];
        let own = vec![term("csis", "CSIS", "own"), term("mp", "MP", "own")];
        let merged = merge(&shared, &own);
        let ids: Vec<(&str, &str)> = merged.iter().map(|t| (t.id.as_str(), t.definition.text(Lang::En))).collect();
        assert_eq!(ids, [("csis", "own"), ("mp", "own"), ("cse", "shared")]);
    }

    #[test]
    fn a_valid_shared_glossary() {
        let check = validate_glossary(
            r#"{"schema": "voix/glossary/v1", "terms": [{"id": "csis", "term": {"en": ["CSIS"], "fr": ["SCRS"]},
                "definition": {"en": "Canada's spy agency.", "fr": "L'agence d'espionnage du Canada."}}]}"#,
        );
        assert_eq!(check.problems, []);
        assert_eq!(check.glossary.map(|g| g.terms.len()), Some(1));
    }

    #[test]
    fn shared_glossary_problems() {
        let check = validate_glossary(
            r#"{"schema": "voix/glossary/v2", "terms": [
                {"id": "csis", "term": {"en": ["CSIS"], "fr": ["SCRS"]}, "definition": {"en": "<script>Spies", "fr": "Espions."}},
                {"id": "csis", "term": {"en": ["csis"]}, "definition": {"en": "Again."}},
                {"id": "Bad Id", "term": {"en": ["X"], "fr": ["X"]}, "definition": {"en": "x", "fr": "x"}}
            ]}"#,
        );
        assert!(check.glossary.is_none());
        let paths: Vec<&str> = check.problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "schema",
                "terms[0].definition.en",
                "terms[1].id",
                "terms[1].term.en[0]",
                "terms[1].term",
                "terms[1].definition",
                "terms[2].id",
            ]
        );
        assert!(check.problems.iter().all(Problem::is_error));
        // Broken JSON is one problem with its position.
        let broken = validate_glossary("{\"schema\": ");
        assert_eq!(broken.problems.len(), 1);
        assert!(broken.problems[0].position.is_some());
    }
}
