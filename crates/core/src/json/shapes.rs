//! The campaign file and the shared glossary file as [`FromJson`]: one entry per field, mirroring the types'
//! serde attributes (`rename`, `rename_all`, `default`, `untagged`, `deny_unknown_fields` everywhere).
//! `tests/widget_read.rs` checks that this reads every campaign exactly as serde does.

use super::from_json::{json_struct, unit_variant, FromJson, ShapeError};
use super::value::{Kind, Value};
use crate::campaign::{
    Campaign, Detail, Explainer, FieldChoice, FieldKind, Layout, Letter, Moment, Organiser, Partner, Petition,
    PetitionField, Phrasings, Question, Senators, SenatorsOf, SendMethod, SharedGlossary, TalkingPoint, Target,
    Targets, Term, TermForms, Theme,
};
use crate::explainer::GlossaryFile;
use crate::{Lang, Localized};

json_struct!(Campaign {
    "$schema" => json_schema or None,
    "schema" => schema,
    "id" => id,
    "languages" => languages,
    "title" => title,
    "tagline" => tagline,
    "organiser" => organiser,
    "partners" => partners or Vec::new(),
    "theme" => theme or Theme::default(),
    "explainer" => explainer or None,
    "letter" => letter or None,
    "petition" => petition or None,
});

json_struct!(Organiser {
    "name" => name,
    "mailing_address" => mailing_address,
    "email" => email or None,
    "website" => website or None,
    "phone" => phone or None,
    "privacy_policy" => privacy_policy or None,
    "consent" => consent or None,
});

json_struct!(Partner {
    "id" => id,
    "name" => name,
    "origins" => origins,
    "privacy_policy" => privacy_policy,
    "consent" => consent,
});

json_struct!(Theme {
    "accent" => accent or None,
    "layout" => layout or Layout::default(),
});

json_struct!(Localized {
    "en" => en or None,
    "fr" => fr or None,
});

json_struct!(Explainer {
    "summary" => summary,
    "what_it_means" => what_it_means or None,
    "details" => details or Vec::new(),
    "timeline" => timeline or Vec::new(),
    "faq" => faq or Vec::new(),
    "glossary" => glossary or Vec::new(),
    "shared_glossary" => shared_glossary or SharedGlossary::default(),
});

json_struct!(Detail {
    "title" => title,
    "body" => body,
});

json_struct!(Moment {
    "date" => date,
    "what" => what,
    "why" => why or None,
});

json_struct!(Question {
    "question" => question,
    "answer" => answer,
});

json_struct!(Term {
    "id" => id,
    "term" => term,
    "definition" => definition,
});

json_struct!(TermForms {
    "en" => en or Vec::new(),
    "fr" => fr or Vec::new(),
});

json_struct!(Letter {
    "intro" => intro,
    "subjects" => subjects or Vec::new(),
    "opening" => opening or None,
    "talking_points" => talking_points or Vec::new(),
    "story_prompts" => story_prompts or Vec::new(),
    "closing" => closing or None,
    "targets" => targets or Targets::default(),
    "send" => send or SendMethod::all_available(),
    "call_script" => call_script or None,
    "represent_url" => represent_url or None,
    "mp_photos" => mp_photos or false,
    "retention_days" => retention_days or Letter::DEFAULT_RETENTION_DAYS,
    "max_data_age_days" => max_data_age_days or Letter::DEFAULT_MAX_DATA_AGE_DAYS,
});

json_struct!(Phrasings {
    "en" => en or Vec::new(),
    "fr" => fr or Vec::new(),
});

json_struct!(TalkingPoint {
    "id" => id,
    "label" => label,
    "phrasings" => phrasings,
    "preselected" => preselected or true,
});

json_struct!(Targets {
    "own_mp" => own_mp or true,
    "extra" => extra or Vec::new(),
    "senators" => senators or None,
});

/// `#[serde(untagged)]`: "province", or a list of names.
impl FromJson for Senators {
    fn from_json(value: Value) -> Result<Self, ShapeError> {
        match &value.kind {
            Kind::String(word) if word == "province" => Ok(Senators::Of(SenatorsOf::Province)),
            Kind::Array(_) => Vec::<String>::from_json(value).map(Senators::Named).map_err(|_| untagged("Senators")),
            _ => Err(untagged("Senators")),
        }
    }
}

json_struct!(Target {
    "name" => name,
    "role" => role,
    "email" => email,
    "riding" => riding or None,
    "party" => party or None,
    "optional" => optional or false,
});

json_struct!(Petition {
    "statement" => statement,
    "goal" => goal or None,
    "comment" => comment or false,
    "confirm_by_email" => confirm_by_email or false,
    "fields" => fields or Vec::new(),
});

json_struct!(PetitionField {
    "id" => id,
    "label" => label,
    "kind" => kind,
    "required" => required or false,
    "max_length" => max_length or None,
    "choices" => choices or Vec::new(),
});

json_struct!(FieldChoice {
    "id" => id,
    "label" => label,
});

json_struct!(GlossaryFile {
    "$schema" => json_schema or None,
    "schema" => schema,
    "terms" => terms,
});

impl FromJson for Lang {
    fn from_json(value: Value) -> Result<Self, ShapeError> {
        unit_variant(value, &[("en", Lang::En), ("fr", Lang::Fr)])
    }
}

impl FromJson for Layout {
    fn from_json(value: Value) -> Result<Self, ShapeError> {
        unit_variant(value, &[("tabs", Layout::Tabs), ("sections", Layout::Sections)])
    }
}

impl FromJson for SendMethod {
    fn from_json(value: Value) -> Result<Self, ShapeError> {
        let methods = [SendMethod::EmailApp, SendMethod::Copy, SendMethod::Print, SendMethod::Server, SendMethod::Call];
        unit_variant(value, &methods.map(|method| (method.code(), method)))
    }
}

impl FromJson for FieldKind {
    fn from_json(value: Value) -> Result<Self, ShapeError> {
        let kinds = [FieldKind::Text, FieldKind::Choice, FieldKind::Checkbox];
        unit_variant(value, &kinds.map(|kind| (kind.code(), kind)))
    }
}

/// `#[serde(untagged)]`: the first variant whose type fits.
impl FromJson for SharedGlossary {
    fn from_json(value: Value) -> Result<Self, ShapeError> {
        match value.kind {
            Kind::Bool(enabled) => Ok(SharedGlossary::Enabled(enabled)),
            Kind::String(location) => Ok(SharedGlossary::At(location)),
            // serde places this one where the enclosing object's reader stands.
            _ => Err(untagged("SharedGlossary")),
        }
    }
}

/// serde's refusal of a value that fits no variant of an untagged enum (placed where the enclosing object's reader
/// stands, as serde does).
fn untagged(name: &str) -> ShapeError {
    ShapeError { message: format!("data did not match any variant of untagged enum {name}"), at: None }
}
