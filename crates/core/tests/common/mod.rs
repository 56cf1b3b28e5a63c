//! Helpers the integration tests share (`mod common;`): a campaign to start from, its errors, and places in JSON.
// Each test file is its own crate and uses only some of these.
#![allow(dead_code)]

use serde_json::{json, Value};
use voix_core::validate::Message;
use voix_core::validate_campaign;

/// A valid campaign with no part yet (schema, id, both languages, title, tagline, an organiser reached by email),
/// with `parts`' top-level fields added or put in place of these.
pub fn campaign(parts: Value) -> Value {
    let mut campaign = json!({
        "schema": "voix/campaign/v1",
        "id": "test-campaign",
        "languages": ["en", "fr"],
        "title": {"en": "Title", "fr": "Titre"},
        "tagline": {"en": "Tagline", "fr": "Accroche"},
        "organiser": {
            "name": {"en": "Coalition", "fr": "Coalition"},
            "mailing_address": "1 Main St, Ottawa ON K1A 0A1",
            "email": "info@example.org"
        }
    });
    if let (Some(fields), Value::Object(parts)) = (campaign.as_object_mut(), parts) {
        fields.extend(parts);
    }
    campaign
}

/// A partner site, the League, with its consent wording and privacy policy.
pub fn ligue() -> Value {
    json!({
        "id": "ligue",
        "name": {"en": "League", "fr": "Ligue"},
        "origins": ["https://ligue.example.org"],
        "privacy_policy": {
            "en": "https://ligue.example.org/privacy",
            "fr": "https://ligue.example.org/confidentialite"
        },
        "consent": {"en": "Keep me informed", "fr": "Tenez-moi au courant"}
    })
}

/// The campaign's errors as (path, message), after checking that it is valid exactly when it has none.
pub fn errors(campaign: &Value) -> Vec<(String, Message)> {
    let validation = validate_campaign(&campaign.to_string(), None);
    assert_eq!(
        validation.is_valid(),
        validation.errors().next().is_none(),
        "a campaign is valid exactly when it has no errors"
    );
    validation.errors().map(|p| (p.path.clone(), p.message.clone())).collect()
}

/// The value at a JSON pointer, which the fixture must have.
pub fn at<'v>(value: &'v mut Value, pointer: &str) -> &'v mut Value {
    value.pointer_mut(pointer).unwrap_or_else(|| panic!("no {pointer} in the fixture"))
}

/// Every place below the root of a JSON value, as JSON pointers, each after the places inside it.
pub fn pointers(value: &Value) -> Vec<String> {
    fn walk(value: &Value, at: String, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => map.iter().for_each(|(k, v)| walk(v, format!("{at}/{k}"), out)),
            Value::Array(items) => items.iter().enumerate().for_each(|(i, v)| walk(v, format!("{at}/{i}"), out)),
            _ => {}
        }
        if !at.is_empty() {
            out.push(at);
        }
    }
    let mut out = Vec::new();
    walk(value, String::new(), &mut out);
    out
}
