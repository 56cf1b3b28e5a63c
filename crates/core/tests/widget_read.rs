//! The widget's lean campaign check (`read_campaign`) gives the same verdict as `voix check`'s full validation
//! (`validate_campaign`) for the example campaigns and for any value put anywhere in a campaign, with one known
//! kind of exception, always lenient: serde reads a struct from an array of its fields in order, so an array where an
//! object belongs can pass the lean check, and an optional list the schema wants non-empty when present
//! (`letter.subjects`) reads the same empty as absent. `voix serve` refuses such campaigns, so only campaigns hosted
//! elsewhere could show them, and the widget shows them like their nearest valid reading.

mod common;

use common::pointers;
use serde_json::{json, Value};
use voix_core::validate::{read_campaign, Message};
use voix_core::validate_campaign;

/// A small campaign with every part and most kinds of field (the example campaign is read whole below).
fn example() -> Value {
    common::campaign(json!({
        "$schema": "../schema/campaign.v1.json",
        "partners": [common::ligue()],
        "theme": {"accent": "#1d4ed8", "layout": "sections"},
        "explainer": {"summary": {"en": "Summary", "fr": "Résumé"}},
        "letter": {
            "intro": {"en": "Write", "fr": "Écrivez"},
            "subjects": [{"en": "Subject", "fr": "Objet"}],
            "send": ["email_app", "print"]
        },
        "petition": {
            "statement": {"en": "We ask", "fr": "Nous demandons"},
            "goal": 1000,
            "fields": [{"id": "job", "label": {"en": "Job", "fr": "Métier"}, "kind": "text", "max_length": 80}]
        }
    }))
}

/// Both verdicts, after checking that a campaign both accept is read the same.
fn verdicts(source: &str, what: &str) -> (bool, bool) {
    let full = validate_campaign(source, None);
    let lean = read_campaign(source);
    if let (Some(a), Some(b)) = (&lean.campaign, &full.campaign) {
        assert_eq!(a, b, "{what}: the same campaign is read");
    }
    (lean.is_valid(), full.is_valid())
}

fn same_verdict(source: &str, what: &str) -> bool {
    let (lean, full) = verdicts(source, what);
    assert_eq!(lean, full, "{what}: lean and full validation disagree");
    full
}

#[test]
fn the_example_campaigns_read_the_same() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../campaigns");
    let mut read = 0;
    for entry in std::fs::read_dir(dir).expect("campaigns/") {
        let path = entry.expect("entry").path();
        let source = std::fs::read_to_string(&path).unwrap_or_default();
        // Campaign files only (campaigns/ also holds other JSON, such as a glossary).
        if path.extension().is_some_and(|e| e == "json") && source.contains("\"voix/campaign/v1\"") {
            assert!(same_verdict(&source, &path.display().to_string()), "{} is valid", path.display());
            read += 1;
        }
    }
    assert!(read > 0);
}

#[test]
fn any_value_anywhere_gets_the_same_verdict() {
    let places = pointers(&example());
    let replacements = [
        json!(null),
        json!(-1),
        json!(0),
        json!(1.5),
        json!(5000),
        json!(""),
        json!("x"),
        json!(true),
        json!([]),
        json!({}),
        json!(["x"]),
        json!({"en": "x", "fr": "x"}),
    ];
    let (mut runs, mut rejected, mut arrays_as_structs) = (0, 0, 0);
    for place in &places {
        let original = example().pointer(place).cloned().expect("place");
        for replacement in &replacements {
            let mut campaign = example();
            *campaign.pointer_mut(place).expect("place") = replacement.clone();
            let what = format!("{place} = {replacement}");
            let (lean, full) = verdicts(&campaign.to_string(), &what);
            if lean != full {
                // The known differences, and only in the lenient direction.
                let array_as_struct = original.is_object() && replacement.is_array();
                let empty_optional_list = place == "/letter/subjects" && *replacement == json!([]);
                assert!(lean && (array_as_struct || empty_optional_list), "{what}: lean {lean}, full {full}");
                arrays_as_structs += 1;
            }
            rejected += usize::from(!full);
            runs += 1;
        }
        // A field the schema does not know, next to every object's fields.
        let mut campaign = example();
        if let Some(Value::Object(map)) = campaign.pointer_mut(place) {
            map.insert("colour".into(), json!("red"));
            assert!(!same_verdict(&campaign.to_string(), &format!("{place}/colour")));
        }
    }
    assert!(runs > 500 && rejected > runs / 2, "{runs} variations, {rejected} rejected");
    assert!(arrays_as_structs < runs / 50, "{arrays_as_structs} arrays read as structs");
}

#[test]
fn broken_files_are_syntax_problems_with_a_position_even_after_a_wrong_field() {
    for source in ["{\"schema\": ", "{\"colour\": 1, \"schema\": ", "[1, 2", "", "{\"id\": \"x\"} trailing"] {
        let lean = read_campaign(source);
        let full = validate_campaign(source, None);
        assert!(!lean.is_valid() && !full.is_valid(), "{source}");
        assert_eq!(lean.problems.len(), 1, "{source}");
        assert!(matches!(lean.problems[0].message, Message::Syntax(_)), "{source}");
        assert_eq!(lean.problems[0].position, full.problems[0].position, "{source}");
    }
    // Well-formed JSON of the wrong shape is a settings problem, without a position.
    for source in ["[]", "{}", "{\"schema\": \"voix/campaign/v1\"}", "42"] {
        let lean = read_campaign(source);
        assert!(!lean.is_valid() && lean.problems.iter().all(|p| p.position.is_none()), "{source}");
    }
}
