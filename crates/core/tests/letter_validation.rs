//! Validation of the `letter` section: placeholders, wordings in every language, ids, recipients, ways of sending;
//! each problem with its path, and a letter section from before these fields still valid.

mod common;

use common::{at, pointers};
use serde_json::{json, Value};
use voix_core::validate::{Message, Severity, UrlProblem};
use voix_core::{validate_campaign, Lang};

fn campaign_with(letter: Value) -> Value {
    common::campaign(json!({"letter": letter}))
}

fn full_letter() -> Value {
    json!({
        "intro": {"en": "Write", "fr": "Écrivez"},
        "subjects": [{"en": "About {riding}", "fr": "Au sujet de C-22"}],
        "opening": {"en": ["Dear {target.name}: I live in {riding}."], "fr": ["Je m'appelle {sender.name}."]},
        "talking_points": [
            {"id": "metadata", "label": {"en": "Metadata", "fr": "Métadonnées"},
             "phrasings": {"en": ["One.", "Two, says {sender.postal_code}."], "fr": ["Un.", "Deux, dit {mp.name}."]}},
            {"id": "warrants", "label": {"en": "Warrants", "fr": "Mandats"}, "preselected": false,
             "phrasings": {"en": ["One."], "fr": ["Un."]}}
        ],
        "story_prompts": [{"en": "How does this affect you?", "fr": "En quoi cela vous touche-t-il\u{202f}?"}],
        "closing": {"en": ["Thanks."], "fr": ["Merci."]},
        "targets": {"own_mp": true, "extra": [{
            "name": "Gary Anandasangaree",
            "role": {"en": "Minister of Public Safety", "fr": "Ministre de la Sécurité publique"},
            "email": "gary.anand@parl.gc.ca",
            "optional": true
        }]},
        "send": ["email_app", "copy", "print"],
        "represent_url": "https://represent.opennorth.ca",
        "mp_photos": false
    })
}

/// Applies `change` to the full letter and returns (path, message) for every error.
fn errors_after(change: impl FnOnce(&mut Value)) -> Vec<(String, Message)> {
    let mut letter = full_letter();
    change(&mut letter);
    common::errors(&campaign_with(letter))
}

#[test]
fn a_full_letter_section_is_valid() {
    let validation = validate_campaign(&campaign_with(full_letter()).to_string(), None);
    assert!(validation.problems.is_empty(), "{:#?}", validation.problems);
    let letter = validation.campaign.and_then(|c| c.letter).expect("a letter");
    assert_eq!(letter.preselected_points(), ["metadata"]);
    assert!(letter.targets.own_mp && letter.targets.extra[0].optional);
}

#[test]
fn an_intro_only_letter_section_stays_valid_with_defaults() {
    let validation =
        validate_campaign(&campaign_with(json!({"intro": {"en": "Write", "fr": "Écrivez"}})).to_string(), None);
    assert!(validation.problems.is_empty(), "{:#?}", validation.problems);
    let letter = validation.campaign.and_then(|c| c.letter).expect("a letter");
    assert!(letter.targets.own_mp);
    assert_eq!(letter.send, voix_core::campaign::SendMethod::AVAILABLE);
    assert!(!letter.mp_photos && letter.represent_url.is_none());
}

#[test]
fn unknown_placeholders_are_errors_with_their_path_and_the_allowed_list() {
    let errors = errors_after(|l| {
        *at(l, "/talking_points/1/phrasings/fr/0") = json!("Selon {mp.nom}, c'est bien.");
        *at(l, "/subjects/0/en") = json!("About {postal_code}");
    });
    assert_eq!(
        errors,
        [
            (
                "letter.subjects[0].en".to_owned(),
                Message::UnknownPlaceholder { name: "postal_code".into(), suggestion: None }
            ),
            (
                "letter.talking_points[1].phrasings.fr[0]".to_owned(),
                Message::UnknownPlaceholder { name: "mp.nom".into(), suggestion: Some("mp.name".into()) }
            ),
        ]
    );
    let en = errors[1].1.text(Lang::En);
    assert_eq!(
        en,
        "unknown placeholder \"{mp.nom}\": use {target.name}, {mp.name}, {riding}, {sender.name} or \
         {sender.postal_code}. Did you mean {mp.name}?"
    );
    let fr = errors[1].1.text(Lang::Fr);
    assert!(fr.starts_with("variable inconnue «\u{a0}{mp.nom}\u{a0}»\u{a0}: utilisez {target.name}, "), "{fr}");
    assert!(fr.ends_with(" ou {sender.postal_code}. Vouliez-vous dire {mp.name}\u{202f}?"), "{fr}");
}

#[test]
fn unbalanced_braces_are_errors() {
    let errors = errors_after(|l| {
        *at(l, "/opening/en/0") = json!("I live in {riding.");
        *at(l, "/closing/fr/0") = json!("Merci} et {sender.name}");
    });
    assert_eq!(
        errors,
        [
            ("letter.opening.en[0]".to_owned(), Message::UnclosedBrace),
            ("letter.closing.fr[0]".to_owned(), Message::StrayClosingBrace),
        ]
    );
    assert!(errors[0].1.text(Lang::En).contains("{mp.name}"));
    assert!(errors[1].1.text(Lang::Fr).contains("accolade"));
}

#[test]
fn texts_shown_as_is_cannot_hold_placeholders() {
    let errors = errors_after(|l| {
        *at(l, "/talking_points/0/label/en") = json!("Tell {mp.name}");
        *at(l, "/story_prompts/0/fr") = json!("Et à {riding}\u{202f}?");
        *at(l, "/intro/en") = json!("Write to {mp.name}");
    });
    let paths: Vec<&str> = errors.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(paths, ["letter.intro.en", "letter.talking_points[0].label.en", "letter.story_prompts[0].fr"]);
    assert_eq!(errors[0].1, Message::PlaceholderNotAllowed { name: "mp.name".into() });
}

#[test]
fn each_declared_language_needs_a_wording() {
    let errors = errors_after(|l| {
        at(l, "/talking_points/0/phrasings").as_object_mut().unwrap().remove("fr");
        *at(l, "/opening/en") = json!([]);
        *at(l, "/closing/fr/0") = json!("  ");
    });
    assert_eq!(
        errors,
        [
            ("letter.opening".to_owned(), Message::NoPhrasing { lang: Lang::En }),
            ("letter.talking_points[0].phrasings".to_owned(), Message::NoPhrasing { lang: Lang::Fr }),
            ("letter.closing.fr[0]".to_owned(), Message::Blank),
        ]
    );
    assert_eq!(
        errors[0].1.text(Lang::En),
        "give at least one wording in English: the campaign's languages include English"
    );
}

#[test]
fn wordings_in_an_undeclared_language_are_a_warning() {
    let mut campaign = campaign_with(full_letter());
    *at(&mut campaign, "/languages") = json!(["en"]);
    for pointer in ["/title", "/tagline", "/organiser/name"] {
        at(&mut campaign, pointer).as_object_mut().unwrap().remove("fr");
    }
    let validation = validate_campaign(&campaign.to_string(), None);
    assert!(validation.is_valid(), "{:#?}", validation.problems);
    assert!(validation.problems.iter().all(|p| p.severity == Severity::Warning));
    let paths: Vec<&str> = validation.problems.iter().map(|p| p.path.as_str()).collect();
    assert!(paths.contains(&"letter.opening.fr") && paths.contains(&"letter.talking_points[0].phrasings.fr"));
}

#[test]
fn talking_point_ids_are_slugs_and_unique() {
    let errors = errors_after(|l| {
        *at(l, "/talking_points/1/id") = json!("metadata");
        let mut third = at(l, "/talking_points/0").clone();
        third["id"] = json!("Secret Orders");
        at(l, "/talking_points").as_array_mut().unwrap().push(third);
    });
    assert_eq!(
        errors,
        [
            ("letter.talking_points[1].id".to_owned(), Message::DuplicateId { id: "metadata".into() }),
            ("letter.talking_points[2].id".to_owned(), Message::BadId { id: "Secret Orders".into() }),
        ]
    );
}

#[test]
fn a_letter_with_wording_needs_a_subject() {
    let errors = errors_after(|l| {
        l.as_object_mut().unwrap().remove("subjects");
    });
    assert_eq!(errors, [("letter.subjects".to_owned(), Message::LetterNeedsSubject)]);
    let errors = errors_after(|l| *at(l, "/subjects") = json!([]));
    assert_eq!(errors, [("letter.subjects".to_owned(), Message::TooFewItems { min: 1 })]);
}

#[test]
fn recipients_need_valid_emails_and_someone_to_write_to() {
    let errors = errors_after(|l| {
        *at(l, "/targets/extra/0/email") = json!("gary.anand at parl.gc.ca");
        *at(l, "/targets/extra/0/name") = json!(" ");
        at(l, "/targets/extra/0/role").as_object_mut().unwrap().remove("fr");
    });
    assert_eq!(
        errors,
        [
            ("letter.targets.extra[0].name".to_owned(), Message::Blank),
            ("letter.targets.extra[0].role".to_owned(), Message::MissingTranslation { lang: Lang::Fr }),
            (
                "letter.targets.extra[0].email".to_owned(),
                Message::BadEmail { value: "gary.anand at parl.gc.ca".into() }
            ),
        ]
    );
    let errors = errors_after(|l| *at(l, "/targets") = json!({"own_mp": false}));
    assert_eq!(errors, [("letter.targets".to_owned(), Message::NoRecipients)]);
    let errors =
        errors_after(|l| at(l, "/targets/extra/0").as_object_mut().unwrap().remove("email").map(|_| ()).unwrap());
    assert_eq!(errors, [("letter.targets.extra[0].email".to_owned(), Message::MissingField)]);
}

#[test]
fn server_sending_is_accepted_and_duplicates_refused() {
    let errors = errors_after(|l| *at(l, "/send") = json!(["copy", "server", "copy"]));
    assert_eq!(errors, [("letter.send[2]".to_owned(), Message::DuplicateItem { item: "copy".into() })]);
    assert_eq!(errors_after(|l| *at(l, "/send") = json!(["server"])), []);
    assert_eq!(
        errors_after(|l| *at(l, "/send") = json!([])),
        [("letter.send".to_owned(), Message::TooFewItems { min: 1 })]
    );
    let errors = errors_after(|l| *at(l, "/send") = json!(["fax"]));
    assert!(matches!(&errors[..], [(p, Message::NotAllowed { .. })] if p == "letter.send[0]"), "{errors:?}");
}

#[test]
fn the_represent_url_must_be_a_web_address() {
    let errors = errors_after(|l| *at(l, "/represent_url") = json!("http://represent.opennorth.ca"));
    assert_eq!(
        errors,
        [(
            "letter.represent_url".to_owned(),
            Message::BadUrl { value: "http://represent.opennorth.ca".into(), problem: UrlProblem::NotHttps }
        )]
    );
}

#[test]
fn shape_problems_in_the_letter_are_reported_once() {
    let errors = errors_after(|l| {
        *at(l, "/talking_points/0/phrasings/fr") = json!("Un seul texte");
        *at(l, "/mp_photos") = json!("no");
        at(l, "/targets").as_object_mut().unwrap().insert("ministers".into(), json!([]));
    });
    let paths: Vec<&str> = errors.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        ["letter.mp_photos", "letter.talking_points[0].phrasings.fr", "letter.targets.ministers"],
        "{errors:#?}"
    );
}

#[test]
fn every_letter_message_reads_in_both_languages_with_french_spacing() {
    let messages = [
        Message::UnknownPlaceholder { name: "x".into(), suggestion: Some("riding".into()) },
        Message::UnclosedBrace,
        Message::StrayClosingBrace,
        Message::PlaceholderNotAllowed { name: "riding".into() },
        Message::NoPhrasing { lang: Lang::Fr },
        Message::LetterNeedsSubject,
        Message::NoRecipients,
        Message::SendMethodNotYet { method: "server".into() },
    ];
    for message in messages {
        let (en, fr) = (message.text(Lang::En), message.text(Lang::Fr));
        assert!(!en.is_empty() && !fr.is_empty() && en != fr, "{message:?}");
        for mark in [" :", " ;", " !", " ?"] {
            assert!(!fr.contains(mark), "{message:?}: {fr}");
        }
    }
}

/// French texts of the example campaign follow French typography (no plain space before : ; ! ?).
#[test]
fn the_example_letter_follows_french_typography() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../campaigns/lawful-access.json");
    let campaign: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("example")).expect("json");
    let mut french = Vec::new();
    collect_french(&campaign["letter"], false, &mut french);
    assert!(french.len() > 30, "{}", french.len());
    for text in french {
        for mark in [" :", " ;", " !", " ?", "« ", " »"] {
            assert!(!text.contains(mark), "plain space around {mark:?} in: {text}");
        }
    }
}

fn collect_french<'v>(value: &'v Value, in_french: bool, out: &mut Vec<&'v str>) {
    match value {
        Value::String(text) if in_french => out.push(text),
        Value::Object(map) => map.iter().for_each(|(key, v)| collect_french(v, in_french || key == "fr", out)),
        Value::Array(items) => items.iter().for_each(|v| collect_french(v, in_french, out)),
        _ => {}
    }
}

#[test]
fn any_value_anywhere_in_the_letter_gets_a_report_and_never_a_panic() {
    // Every place, the whole letter last.
    let mut places = pointers(&full_letter());
    places.push(String::new());
    let replacements =
        [json!(null), json!(-1), json!(""), json!("{x"), json!("{mp.name}"), json!(true), json!([]), json!({})];
    for place in &places {
        for replacement in &replacements {
            let mut letter = full_letter();
            match place.as_str() {
                "" => letter = replacement.clone(),
                _ => *at(&mut letter, place) = replacement.clone(),
            }
            let validation = validate_campaign(&campaign_with(letter).to_string(), None);
            assert_eq!(validation.is_valid(), validation.errors().next().is_none(), "{place} = {replacement}");
            for problem in &validation.problems {
                assert!(problem.path.starts_with("letter") || problem.path.is_empty(), "{place}: {problem:?}");
                assert!(!problem.describe(Lang::En).is_empty() && !problem.describe(Lang::Fr).is_empty());
            }
            let original = full_letter().pointer(place).cloned().unwrap_or(Value::Null);
            let same_kind = std::mem::discriminant(&original) == std::mem::discriminant(replacement);
            if !same_kind && !replacement.is_null() {
                assert!(!validation.problems.is_empty(), "{place} = {replacement} passed without a word");
            }
        }
    }
}
