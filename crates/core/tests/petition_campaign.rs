//! The campaign file's `petition` section and the organiser's consent: what `voix check` refuses.

mod common;

use serde_json::{json, Value};
use voix_core::validate::problem::Message;
use voix_core::Lang;

fn base() -> Value {
    common::campaign(json!({"petition": {"statement": {"en": "S", "fr": "S"}}}))
}

fn field(extra: Value) -> Value {
    let mut field = json!({"id": "occupation", "label": {"en": "L", "fr": "L"}, "kind": "text"});
    if let (Some(field), Some(extra)) = (field.as_object_mut(), extra.as_object()) {
        field.extend(extra.clone());
    }
    field
}

#[test]
fn a_petition_with_fields_and_consents_is_valid() {
    let mut campaign = base();
    campaign["organiser"]["privacy_policy"] = json!({"en": "https://o.example.org/p", "fr": "https://o.example.org/p"});
    campaign["organiser"]["consent"] = json!({"en": "Yes", "fr": "Oui"});
    campaign["petition"]["comment"] = json!(true);
    campaign["petition"]["fields"] = json!([
        field(json!({"max_length": 50, "required": true})),
        field(json!({"id": "heard", "kind": "choice", "choices": [
            {"id": "a", "label": {"en": "A", "fr": "A"}}, {"id": "b", "label": {"en": "B", "fr": "B"}}]})),
        field(json!({"id": "adult", "kind": "checkbox"})),
    ]);
    assert_eq!(common::errors(&campaign), []);
}

#[test]
fn field_ids_are_unique_slugs_and_not_built_in() {
    let mut campaign = base();
    campaign["petition"]["fields"] =
        json!([field(json!({"id": "email"})), field(json!({"id": "Job"})), field(json!({})), field(json!({}))]);
    let found = common::errors(&campaign);
    assert_eq!(found[0], ("petition.fields[0].id".into(), Message::ReservedFieldId { id: "email".into() }));
    assert_eq!(found[1], ("petition.fields[1].id".into(), Message::BadId { id: "Job".into() }));
    assert_eq!(found[2], ("petition.fields[3].id".into(), Message::DuplicateId { id: "occupation".into() }));
    assert_eq!(found.len(), 3, "{found:?}");
}

#[test]
fn each_kind_takes_only_its_own_settings() {
    let mut campaign = base();
    campaign["petition"]["fields"] = json!([
        field(json!({"kind": "checkbox", "max_length": 10})),
        field(json!({"id": "b", "choices": [{"id": "a", "label": {"en": "A", "fr": "A"}}]})),
        field(json!({"id": "c", "kind": "choice", "choices": [{"id": "a", "label": {"en": "A", "fr": "A"}}]})),
        field(json!({"id": "d", "kind": "choice", "choices": [
            {"id": "a", "label": {"en": "A", "fr": "A"}}, {"id": "a", "label": {"en": "B"}}]})),
        field(json!({"id": "e", "kind": "text", "max_length": 5000})),
        field(json!({"id": "f", "kind": "slider"})),
    ]);
    let found = common::errors(&campaign);
    let at = |path: &str| found.iter().filter(|(p, _)| p == path).map(|(_, m)| m.clone()).collect::<Vec<_>>();
    assert!(matches!(at("petition.fields[0].max_length")[..], [Message::NotForKind { .. }]));
    assert!(matches!(at("petition.fields[1].choices")[..], [Message::NotForKind { .. }]));
    assert_eq!(at("petition.fields[2].choices"), [Message::TooFewItems { min: 2 }]);
    assert_eq!(at("petition.fields[3].choices[1].id"), [Message::DuplicateId { id: "a".into() }]);
    assert_eq!(at("petition.fields[3].choices[1].label"), [Message::MissingTranslation { lang: Lang::Fr }]);
    assert!(matches!(at("petition.fields[4].max_length")[..], [Message::OutOfRange { .. }]));
    assert!(matches!(at("petition.fields[5].kind")[..], [Message::NotAllowed { .. }]));
}

#[test]
fn the_organisers_consent_needs_a_privacy_policy_and_both_languages() {
    let mut campaign = base();
    campaign["organiser"]["consent"] = json!({"en": "Yes"});
    let found = common::errors(&campaign);
    assert!(found.contains(&("organiser.consent".into(), Message::MissingTranslation { lang: Lang::Fr })));
    assert!(found.contains(&("organiser.consent".into(), Message::ConsentNeedsPrivacyPolicy)));
    for lang in Lang::ALL {
        assert!(!Message::ConsentNeedsPrivacyPolicy.text(lang).is_empty());
        let reserved = Message::ReservedFieldId { id: "email".into() }.text(lang);
        assert!(reserved.contains("email"), "{reserved}");
    }
}
