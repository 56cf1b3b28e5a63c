//! The widget's lean campaign check (`read_campaign`) gives the same verdict as `voix check`'s full validation
//! (`validate_campaign`) for the example campaigns and for any value put anywhere in a campaign. The widget reads
//! with its own small JSON reader (`voix_core::json`); it reads every campaign exactly as serde_json with the
//! derived `Deserialize` does, and refuses the same ones in the same words at the same line and column, except
//! where serde is more lenient than the schema (a struct read from an array of its fields, a unit enum from
//! `{"name": null}`): it refuses those, as `voix check` does.

mod common;

use common::pointers;
use serde_json::{json, Value};
use voix_core::validate::{read_campaign, Message};
use voix_core::{json as reader, validate_campaign, Campaign};

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

/// The small reader reads `source` as serde does: the same campaign, or the same error at the same place. Where
/// serde is lenient (`lenient`: an array for a struct, an object for a unit enum), it refuses instead.
fn reads_as_serde(source: &str, what: &str, lenient: bool) {
    let ours = reader::from_str::<Campaign>(source);
    let serde = serde_json::from_str::<Campaign>(source);
    match (&ours, &serde) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "{what}: the same campaign"),
        (Err(a), Err(b)) if !lenient => assert_eq!(a.to_string(), b.to_string(), "{what}: the same error"),
        (Err(_), _) if lenient => {}
        _ => panic!("{what}: ours {ours:?}, serde {serde:?}"),
    }
}

/// The campaign's text two ways, compact and indented, so that positions are compared across lines too.
fn texts(campaign: &Value) -> [String; 2] {
    [campaign.to_string(), serde_json::to_string_pretty(campaign).expect("serialises")]
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
            reads_as_serde(&source, &path.display().to_string(), false);
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
    let (mut runs, mut rejected) = (0, 0);
    for place in &places {
        let original = example().pointer(place).cloned().expect("place");
        for replacement in &replacements {
            let mut campaign = example();
            *campaign.pointer_mut(place).expect("place") = replacement.clone();
            let what = format!("{place} = {replacement}");
            let (lean, full) = verdicts(&campaign.to_string(), &what);
            assert_eq!(lean, full, "{what}: lean and full validation disagree");
            // serde reads a struct from an array of its fields, and a unit enum from {"name": null}.
            let lenient =
                (original.is_object() && replacement.is_array()) || (original.is_string() && replacement.is_object());
            for text in texts(&campaign) {
                reads_as_serde(&text, &what, lenient);
            }
            rejected += usize::from(!full);
            runs += 1;
        }
        // A field the schema does not know, next to every object's fields.
        let mut campaign = example();
        if let Some(Value::Object(map)) = campaign.pointer_mut(place) {
            map.insert("colour".into(), json!("red"));
            assert!(!same_verdict(&campaign.to_string(), &format!("{place}/colour")));
            for text in texts(&campaign) {
                reads_as_serde(&text, &format!("{place}/colour"), false);
            }
        }
    }
    assert!(runs > 500 && rejected > runs / 2, "{runs} variations, {rejected} rejected");
}

/// A JSON pointer as a validation path: `/letter/subjects/0/en` is `letter.subjects[0].en`.
fn dotted(pointer: &str) -> String {
    let mut path = String::new();
    for step in pointer.split('/').skip(1) {
        match step.parse::<usize>() {
            Ok(index) => path.push_str(&format!("[{index}]")),
            Err(_) if path.is_empty() => path.push_str(step),
            Err(_) => path.push_str(&format!(".{step}")),
        }
    }
    path
}

#[test]
fn a_repeated_field_is_refused_by_the_widget_and_by_voix_check() {
    let example = example();
    let mut repeated = 0;
    for place in pointers(&example) {
        let Some(Value::Object(map)) = example.pointer(&place) else { continue };
        let Some((key, value)) = map.iter().next() else { continue };
        // The object's text with its first member written twice (serde_json::Value cannot hold a repeat).
        let object = Value::Object(map.clone()).to_string();
        let twice = format!("{{{}:{value},{}", json!(key), &object[1..]);
        let mut campaign = example.clone();
        *campaign.pointer_mut(&place).expect("place") = json!("@@here@@");
        let source = campaign.to_string().replacen("\"@@here@@\"", &twice, 1);
        reads_as_serde(&source, &format!("{place}/{key} twice"), false);
        assert!(!same_verdict(&source, &format!("{place}/{key} twice")), "{place}/{key} twice");
        // `voix check` names the field and where it is (serde_json's own map would keep the second silently).
        let full = validate_campaign(&source, None);
        let duplicate = full.errors().find(|p| p.message == Message::DuplicateField { name: key.clone() });
        let duplicate = duplicate.unwrap_or_else(|| panic!("{place}/{key} twice: {:?}", full.problems));
        assert_eq!(duplicate.path, dotted(&format!("{place}/{key}")), "{place}/{key} twice");
        let (line, column) = duplicate.position.expect("a position");
        // serde_json's place for it, as the widget's message gives: the key's closing quote, before its colon.
        let there = source.lines().nth(line - 1).and_then(|text| text.get(column - 1..));
        assert!(there.is_some_and(|rest| rest.starts_with("\":")), "{place}/{key}: at {line}:{column}");
        repeated += 1;
    }
    assert!(repeated > 10);
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
