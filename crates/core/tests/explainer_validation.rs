//! Validation of the explainer: structural problems are errors (a text, timeline entry, question or term in one
//! language only; bad dates; a glossary id or form twice; a bad shared glossary address), advice is warnings.

mod common;

use voix_core::validate::Severity;
use voix_core::{validate_campaign, Lang};

fn check(explainer: serde_json::Value) -> Vec<(String, Severity, String)> {
    let campaign = common::campaign(serde_json::json!({"explainer": explainer}));
    validate_campaign(&campaign.to_string(), None)
        .problems
        .into_iter()
        .map(|p| (p.path.clone(), p.severity, p.message.text(Lang::En)))
        .collect()
}

fn errors(problems: &[(String, Severity, String)]) -> Vec<&str> {
    problems.iter().filter(|(_, s, _)| *s == Severity::Error).map(|(p, _, _)| p.as_str()).collect()
}

#[test]
fn a_complete_bilingual_explainer_is_valid() {
    let problems = check(serde_json::json!({
        "summary": {"en": "The bill lets police see more.", "fr": "Le projet de loi en montre plus à la police."},
        "what_it_means": {"en": "Your *data* is kept.", "fr": "Vos *données* sont gardées."},
        "details": [{"title": {"en": "Part 1", "fr": "Partie 1"}, "body": {"en": "- a\n- b", "fr": "- a\n- b"}}],
        "timeline": [{"date": "2014", "what": {"en": "A ruling.", "fr": "Un arrêt."}},
                     {"date": "2026-03-12", "what": {"en": "The bill.", "fr": "Le projet."},
                      "why": {"en": "It matters.", "fr": "C'est important."}}],
        "faq": [{"question": {"en": "Why?", "fr": "Pourquoi ?"}, "answer": {"en": "Because.", "fr": "Parce que."}}],
        "glossary": [{"id": "police", "term": {"en": ["police"], "fr": ["police"]},
                      "definition": {"en": "The police.", "fr": "La police."}}]
    }));
    assert_eq!(errors(&problems), Vec::<&str>::new(), "{problems:#?}");
}

#[test]
fn parity_between_languages_is_an_error() {
    let problems = check(serde_json::json!({
        "summary": {"en": "S.", "fr": "S."},
        "details": [{"title": {"en": "Only English"}, "body": {"en": "Body.", "fr": "Corps."}}],
        "timeline": [{"date": "2026", "what": {"en": "W."}, "why": {"fr": "Pourquoi."}}],
        "faq": [{"question": {"en": "Q?", "fr": "Q ?"}, "answer": {"fr": "R."}}],
        "glossary": [{"id": "csis", "term": {"en": ["CSIS"]}, "definition": {"en": "Spies.", "fr": "Espions."}}]
    }));
    assert_eq!(
        errors(&problems),
        [
            "explainer.details[0].title",
            "explainer.timeline[0].what",
            "explainer.timeline[0].why",
            "explainer.faq[0].answer",
            "explainer.glossary[0].term",
        ],
        "{problems:#?}"
    );
    let term = problems.iter().find(|(p, _, _)| p == "explainer.glossary[0].term").expect("term problem");
    assert_eq!(term.2, "give this term at least one form in French");
}

#[test]
fn dates_ids_forms_and_addresses() {
    let problems = check(serde_json::json!({
        "summary": {"en": "S.", "fr": "S."},
        "timeline": [{"date": "2026-04-20", "what": {"en": "Later.", "fr": "Après."}},
                     {"date": "2014", "what": {"en": "Earlier.", "fr": "Avant."}},
                     {"date": "March 2026", "what": {"en": "Bad.", "fr": "Mauvais."}}],
        "glossary": [
            {"id": "csis", "term": {"en": ["CSIS"], "fr": ["SCRS"]}, "definition": {"en": "A.", "fr": "A."}},
            {"id": "csis", "term": {"en": ["Csis"], "fr": ["Scrs"]}, "definition": {"en": "B.", "fr": "B."}},
            {"id": "Not An Id", "term": {"en": ["x"], "fr": ["x"]}, "definition": {"en": "C.", "fr": "C."}}
        ],
        "shared_glossary": "ftp://example.org/glossary.json"
    }));
    assert_eq!(
        errors(&problems),
        [
            "explainer.timeline[2].date",
            "explainer.glossary[1].id",
            "explainer.glossary[1].term.en[0]",
            "explainer.glossary[1].term.fr[0]",
            "explainer.glossary[2].id",
            "explainer.shared_glossary",
        ],
        "{problems:#?}"
    );
    assert!(problems
        .iter()
        .any(|(p, s, m)| p == "explainer.timeline[1].date" && *s == Severity::Warning && m.contains("oldest first")));
    for ok in [serde_json::json!(true), serde_json::json!("/glossary.json"), serde_json::json!("https://x.org/g.json")]
    {
        let problems = check(serde_json::json!({"summary": {"en": "S.", "fr": "S."}, "shared_glossary": ok}));
        assert_eq!(errors(&problems), Vec::<&str>::new(), "{ok}");
    }
}

#[test]
fn markup_of_different_shapes_is_a_warning() {
    let problems = check(serde_json::json!({
        "summary": {"en": "S.", "fr": "S."},
        "what_it_means": {"en": "One.\n\nTwo.", "fr": "Un seul paragraphe."}
    }));
    assert_eq!(errors(&problems), Vec::<&str>::new());
    let shape = problems.iter().find(|(p, _, _)| p == "explainer.what_it_means").expect("shape warning");
    assert_eq!(shape.1, Severity::Warning);
    assert!(shape.2.contains("English has 2 paragraph(s)"), "{}", shape.2);
}
