//! Campaign validation: a valid campaign passes; each kind of mistake is reported with its path, all at once.

mod common;

use common::{at, pointers};
use serde_json::{json, Value};
use voix_core::validate::{Message, OriginProblem, Severity, SyntaxKind, UrlProblem};
use voix_core::{validate_campaign, Lang};

fn valid() -> Value {
    let mut campaign = common::campaign(json!({
        "$schema": "../schema/campaign.v1.json",
        "partners": [common::ligue()],
        "theme": {"accent": "#1d4ed8", "layout": "sections"},
        "explainer": {"summary": {"en": "Summary", "fr": "Résumé"}},
        "letter": {"intro": {"en": "Write", "fr": "Écrivez"}},
        "petition": {"statement": {"en": "We ask", "fr": "Nous demandons"}, "goal": 1000}
    }));
    campaign["partners"][0]["origins"] = json!(["https://ligue.example.org", "http://localhost:8080"]);
    campaign
}

/// Applies `change` to the valid campaign and returns (path, message) for every error.
fn errors_after(change: impl FnOnce(&mut Value)) -> Vec<(String, Message)> {
    let mut campaign = valid();
    change(&mut campaign);
    common::errors(&campaign)
}

#[test]
fn a_complete_campaign_is_valid() {
    let validation = validate_campaign(&valid().to_string(), Some("test-campaign"));
    assert!(validation.problems.is_empty(), "{:?}", validation.problems);
    let campaign = validation.campaign.expect("valid");
    assert_eq!(campaign.id, "test-campaign");
    assert_eq!(campaign.partner("ligue").map(|p| p.name.text(Lang::Fr)), Some("Ligue"));
}

#[test]
fn a_minimal_campaign_is_valid() {
    let minimal = json!({
        "schema": "voix/campaign/v1", "id": "m", "languages": ["fr"],
        "title": {"fr": "T"}, "tagline": {"fr": "A"},
        "organiser": {"name": {"fr": "O"}, "mailing_address": "Montréal (Québec) H2X 1Y4", "website": "https://example.org"},
        "petition": {"statement": {"fr": "Nous demandons"}}
    });
    let validation = validate_campaign(&minimal.to_string(), None);
    assert!(validation.problems.is_empty(), "{:?}", validation.problems);
}

#[test]
fn syntax_errors_give_line_and_column() {
    let source = "{\n  \"schema\": \"voix/campaign/v1\",\n  \"id\": \"x\",\n}";
    let validation = validate_campaign(source, None);
    let problem = &validation.problems[0];
    assert_eq!(problem.position, Some((4, 1)));
    assert_eq!(problem.message, Message::Syntax(SyntaxKind::TrailingComma));
    assert_eq!(problem.describe(Lang::En), "line 4, column 1: remove the comma before this } or ]");
    assert!(problem.describe(Lang::Fr).starts_with("ligne 4, colonne 1: retirez la virgule"));

    let cases = [
        ("{\"a\": 1", SyntaxKind::EndsTooSoon),
        ("{\"a\": 1 \"b\": 2}", SyntaxKind::ExpectedCommaOrBrace),
        ("[1 2]", SyntaxKind::ExpectedCommaOrBracket),
        ("{\"a\" 1}", SyntaxKind::ExpectedColon),
        ("{\"a\": }", SyntaxKind::ExpectedValue),
        ("{\"a\": yes}", SyntaxKind::ExpectedValue),
        ("{a: 1}", SyntaxKind::KeyNotQuoted),
        ("{} x", SyntaxKind::TextAfterEnd),
        ("{\"a\": \"line\nbreak\"}", SyntaxKind::ControlCharacter),
        ("{\"a\": \"\\q\"}", SyntaxKind::InvalidEscape),
        ("{\"a\": tru}", SyntaxKind::BareWord),
    ];
    for (source, kind) in cases {
        let problems = validate_campaign(source, None).problems;
        assert_eq!(problems.len(), 1, "{source}");
        assert_eq!(problems[0].message, Message::Syntax(kind), "{source}");
        assert!(problems[0].position.is_some());
    }
}

#[test]
fn all_problems_are_reported_at_once() {
    let errors = errors_after(|c| {
        *at(c, "/partners/0/origins/0") = json!("https://ligue.example.org/");
        at(c, "/title").as_object_mut().unwrap().remove("fr");
        *at(c, "/theme/accent") = json!("#ffff00");
        *at(c, "/organiser/email") = json!("not an email");
    });
    let paths: Vec<&str> = errors.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(paths, ["title", "organiser.email", "partners[0].origins[0]", "theme.accent"], "{errors:?}");
}

#[test]
fn shape_problems_do_not_hide_the_rules_problems() {
    // An unknown field used to stop validation before the rules ran: everything must show at once.
    let errors = errors_after(|c| {
        at(c, "/theme").as_object_mut().unwrap().insert("colour".into(), json!("red"));
        *at(c, "/partners/0/origins/0") = json!("https://example.org/");
        at(c, "/title").as_object_mut().unwrap().remove("fr");
        *at(c, "/petition/goal") = json!("lots");
        *at(c, "/theme/layout") = json!("grid");
    });
    let paths: Vec<&str> = errors.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        ["petition.goal", "theme.colour", "theme.layout", "title", "partners[0].origins[0]"],
        "{errors:#?}"
    );
}

#[test]
fn a_problem_is_reported_once_even_when_the_rules_see_it_too() {
    // A missing title is a missing field; the rules, run on a repaired copy, must not add "missing translation".
    let errors = errors_after(|c| {
        c.as_object_mut().unwrap().remove("title");
        *at(c, "/partners/0/origins") = json!("https://ligue.example.org");
        *at(c, "/organiser/name") = json!(42);
    });
    assert_eq!(
        errors.iter().map(|(p, _)| p.as_str()).collect::<Vec<_>>(),
        ["title", "organiser.name", "partners[0].origins"],
        "{errors:#?}"
    );
    // A root that is not even an object reports just that.
    assert_eq!(validate_campaign("[]", None).problems.len(), 1);
    let empty: Vec<Message> = validate_campaign("{}", None).errors().map(|p| p.message.clone()).collect();
    assert_eq!(empty.iter().filter(|m| **m == Message::MissingField).count(), 6, "the six required fields");
    assert_eq!(empty.last(), Some(&Message::NoParts), "and nothing turned on: {empty:?}");
    assert_eq!(empty.len(), 7);
}

#[test]
fn structural_problems_are_all_reported_with_paths() {
    let errors = errors_after(|c| {
        at(c, "/organiser").as_object_mut().unwrap().insert("adress".into(), json!("x"));
        at(c, "/partners/0").as_object_mut().unwrap().remove("consent");
        *at(c, "/partners/0/origins") = json!("https://ligue.example.org");
        *at(c, "/languages/1") = json!("es");
        *at(c, "/theme/layout") = json!("grid");
        *at(c, "/petition/goal") = json!(-5);
        c.as_object_mut().unwrap().insert("titel".into(), json!({}));
    });
    let expected = [
        ("languages[1]", Message::NotAllowed { found: "es".into(), allowed: vec!["en".into(), "fr".into()] }),
        ("organiser.adress", Message::UnknownField { name: "adress".into(), suggestion: None }),
        ("partners[0].consent", Message::MissingField),
        (
            "partners[0].origins",
            Message::WrongType {
                expected: vec![voix_core::validate::JsonType::List],
                found: voix_core::validate::JsonType::Text,
            },
        ),
        ("petition.goal", Message::OutOfRange { min: Some(0), max: Some(4294967295) }),
        ("theme.layout", Message::NotAllowed { found: "grid".into(), allowed: vec!["tabs".into(), "sections".into()] }),
        ("titel", Message::UnknownField { name: "titel".into(), suggestion: Some("title".into()) }),
    ];
    for (path, message) in &expected {
        assert!(errors.iter().any(|(p, m)| p == path && m == message), "expected {path}: {message:?} in {errors:#?}");
    }
    assert_eq!(errors.len(), expected.len(), "{errors:#?}");
}

#[test]
fn unknown_fields_suggest_the_intended_name() {
    let errors = errors_after(|c| {
        at(c, "/theme").as_object_mut().unwrap().insert("Accent-Color".into(), json!("#000"));
        at(c, "/partners/0").as_object_mut().unwrap().insert("origin".into(), json!([]));
        at(c, "/organiser").as_object_mut().unwrap().insert("mailing-address".into(), json!("x"));
    });
    let suggestion = |path: &str| {
        errors.iter().find(|(p, _)| p == path).and_then(|(_, m)| match m {
            Message::UnknownField { suggestion, .. } => suggestion.clone(),
            _ => None,
        })
    };
    assert_eq!(suggestion("theme.Accent-Color"), None);
    assert_eq!(suggestion("partners[0].origin").as_deref(), Some("origins"));
    assert_eq!(suggestion("organiser.mailing-address").as_deref(), Some("mailing_address"));
}

#[test]
fn localized_texts_reject_other_languages_and_wrong_types() {
    let errors = errors_after(|c| {
        *at(c, "/tagline") = json!({"en": "x", "fr": "y", "es": "z"});
        *at(c, "/title") = json!("Title");
        *at(c, "/explainer/summary/fr") = json!(3);
    });
    let paths: Vec<&str> = errors.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(paths, ["explainer.summary.fr", "tagline.es", "title"], "{errors:?}");
}

#[test]
fn every_declared_language_needs_its_text() {
    let errors = errors_after(|c| {
        at(c, "/partners/0/consent").as_object_mut().unwrap().remove("en");
        *at(c, "/petition/statement/fr") = json!("   ");
    });
    assert_eq!(
        errors,
        [
            ("partners[0].consent".to_owned(), Message::MissingTranslation { lang: Lang::En }),
            ("petition.statement.fr".to_owned(), Message::Blank),
        ]
    );
}

#[test]
fn a_text_in_an_undeclared_language_is_a_warning() {
    let mut campaign = valid();
    *at(&mut campaign, "/languages") = json!(["fr"]);
    let validation = validate_campaign(&campaign.to_string(), None);
    assert!(validation.is_valid(), "{:?}", validation.problems);
    let warnings: Vec<&str> =
        validation.problems.iter().filter(|p| p.severity == Severity::Warning).map(|p| p.path.as_str()).collect();
    assert!(warnings.contains(&"title.en"), "{warnings:?}");
    assert!(validation.problems.iter().all(|p| p.severity == Severity::Warning));
}

#[test]
fn schema_version_id_and_languages_rules() {
    let errors = errors_after(|c| {
        *at(c, "/schema") = json!("voix/campaign/v2");
        *at(c, "/id") = json!("Lawful Access");
        *at(c, "/languages") = json!(["en", "en", "fr"]);
        *at(c, "/partners/0/id") = json!("-ligue");
    });
    assert_eq!(
        errors,
        [
            ("schema".to_owned(), Message::UnsupportedSchema { found: "voix/campaign/v2".into() }),
            ("id".to_owned(), Message::BadId { id: "Lawful Access".into() }),
            ("languages[1]".to_owned(), Message::DuplicateItem { item: "en".into() }),
            ("partners[0].id".to_owned(), Message::BadId { id: "-ligue".into() }),
        ]
    );
    assert_eq!(
        errors_after(|c| *at(c, "/languages") = json!([])),
        [("languages".to_owned(), Message::TooFewItems { min: 1 })]
    );
}

#[test]
fn a_mailing_address_without_postal_code_is_a_warning() {
    let mut campaign = valid();
    *at(&mut campaign, "/organiser/mailing_address") = json!("Ottawa, Ontario");
    let validation = validate_campaign(&campaign.to_string(), None);
    assert!(validation.is_valid());
    assert_eq!(validation.problems.len(), 1);
    assert_eq!(validation.problems[0].severity, Severity::Warning);
    assert_eq!(validation.problems[0].message, Message::NoPostalCode);
    for address in ["1 Main St, Ottawa ON K1A0A1", "Montréal (Québec) H2X 1Y4", "k1a-0a6"] {
        assert!(voix_core::validate::has_postal_code(address), "{address}");
    }
    assert!(!voix_core::validate::has_postal_code("PO Box 12, Ottawa"));
}

#[test]
fn organiser_needs_a_way_to_be_reached() {
    let errors = errors_after(|c| {
        at(c, "/organiser").as_object_mut().unwrap().remove("email");
        *at(c, "/organiser/mailing_address") = json!(" ");
    });
    assert_eq!(
        errors,
        [("organiser.mailing_address".to_owned(), Message::Blank), ("organiser".to_owned(), Message::NoContact),]
    );
    let errors = errors_after(|c| {
        at(c, "/organiser").as_object_mut().unwrap().insert("website".into(), json!("http://example.org"));
        at(c, "/organiser").as_object_mut().unwrap().insert("phone".into(), json!(""));
    });
    assert_eq!(
        errors,
        [
            (
                "organiser.website".to_owned(),
                Message::BadUrl { value: "http://example.org".into(), problem: UrlProblem::NotHttps }
            ),
            ("organiser.phone".to_owned(), Message::Blank),
        ]
    );
}

#[test]
fn partner_rules() {
    let errors = errors_after(|c| {
        let partner = at(c, "/partners/0").clone();
        at(c, "/partners").as_array_mut().unwrap().push(partner);
        *at(c, "/partners/1/origins") = json!([]);
        *at(c, "/partners/1/privacy_policy/fr") = json!("https://exa mple.org");
    });
    assert_eq!(
        errors,
        [
            ("partners[1].id".to_owned(), Message::DuplicateId { id: "ligue".into() }),
            ("partners[1].origins".to_owned(), Message::TooFewItems { min: 1 }),
            (
                "partners[1].privacy_policy.fr".to_owned(),
                Message::BadUrl { value: "https://exa mple.org".into(), problem: UrlProblem::HasSpaces }
            ),
        ]
    );
}

#[test]
fn origins_must_be_exact_origins() {
    let cases = [
        ("https://Ligue.org", Some(OriginProblem::NotLowercase { suggestion: "https://ligue.org".into() })),
        ("https://ligue.org/", Some(OriginProblem::HasPath { suggestion: "https://ligue.org".into() })),
        ("https://ligue.org/fr/page", Some(OriginProblem::HasPath { suggestion: "https://ligue.org".into() })),
        ("http://ligue.org", Some(OriginProblem::NotHttps)),
        ("ligue.org", Some(OriginProblem::NotHttps)),
        ("https://", Some(OriginProblem::NoHost)),
        ("https://ligue.org:8443", None),
        ("http://127.0.0.1:8080", None),
        ("http://[::1]:3000", None),
        ("http://localhost", None),
        ("http://localhost.evil.org", Some(OriginProblem::NotHttps)),
    ];
    for (origin, expected) in cases {
        assert_eq!(voix_core::validate::check_origin(origin).err(), expected, "{origin}");
    }
}

#[test]
fn theme_colours_must_parse_and_contrast() {
    assert_eq!(
        errors_after(|c| *at(c, "/theme/accent") = json!("blue")),
        [("theme.accent".to_owned(), Message::BadColor { value: "blue".into() })]
    );
    let errors = errors_after(|c| *at(c, "/theme/accent") = json!("#ffcc00"));
    assert!(matches!(&errors[..], [(p, Message::LowContrast { ratio_tenths: 15, .. })] if p == "theme.accent"));
    assert!(errors[0].1.text(Lang::En).contains("contrast 1.5:1"));
    assert!(errors[0].1.text(Lang::Fr).contains("contraste de 1,5\u{a0}:1"));
}

#[test]
fn a_campaign_must_turn_something_on() {
    let errors = errors_after(|c| {
        for part in ["explainer", "letter", "petition"] {
            c.as_object_mut().unwrap().remove(part);
        }
    });
    assert_eq!(errors, [(String::new(), Message::NoParts)]);
    assert_eq!(errors_after(|c| *at(c, "/letter") = json!(null)), []);
}

#[test]
fn the_file_name_must_match_the_id() {
    let validation = validate_campaign(&valid().to_string(), Some("other-name"));
    assert!(!validation.is_valid());
    assert_eq!(
        validation.problems[0].message,
        Message::FileNameMismatch { expected_file: "test-campaign.json".into() }
    );
}

#[test]
fn the_root_must_be_an_object() {
    let validation = validate_campaign("[]", None);
    assert_eq!(validation.problems.len(), 1);
    assert_eq!(validation.problems[0].location(Lang::En), "$");
}

#[test]
fn every_message_reads_in_both_languages() {
    let mut c = valid();
    *at(&mut c, "/theme/accent") = json!("#ffcc00");
    *at(&mut c, "/partners/0/origins/0") = json!("https://ligue.example.org/");
    c.as_object_mut().unwrap().insert("titel".into(), json!(1));
    for problem in validate_campaign(&c.to_string(), None).problems {
        let (en, fr) = (problem.describe(Lang::En), problem.describe(Lang::Fr));
        assert!(!en.is_empty() && !fr.is_empty() && en != fr, "{en} / {fr}");
    }
}

#[test]
fn any_value_anywhere_gets_a_report_and_never_a_panic() {
    let places = pointers(&valid());
    let replacements = [json!(null), json!(-1), json!(1.5), json!(""), json!("x"), json!(true), json!([]), json!({})];
    let mut runs = 0;
    for place in &places {
        for replacement in &replacements {
            let mut campaign = valid();
            *at(&mut campaign, place) = replacement.clone();
            let validation = validate_campaign(&campaign.to_string(), None);
            runs += 1;
            // Whatever the change, the verdict agrees with the report, and every problem reads in both languages.
            assert_eq!(validation.is_valid(), validation.errors().next().is_none(), "{place} = {replacement}");
            for problem in &validation.problems {
                assert!(!problem.describe(Lang::En).is_empty() && !problem.describe(Lang::Fr).is_empty());
            }
            // A value of another kind than the original is never silently accepted, except where null means "absent".
            let original = valid().pointer(place).cloned().unwrap_or(Value::Null);
            let same_kind = std::mem::discriminant(&original) == std::mem::discriminant(replacement);
            let optional = replacement.is_null() && validation.is_valid();
            if !same_kind && !optional {
                assert!(!validation.problems.is_empty(), "{place} = {replacement} passed without a word");
            }
        }
    }
    assert!(runs > 300, "{runs} variations");
}

#[test]
fn a_call_needs_a_script_with_known_placeholders() {
    let no_script = errors_after(|c| c["letter"]["send"] = json!(["email_app", "call"]));
    assert_eq!(no_script, vec![("letter.call_script".to_owned(), Message::CallNeedsScript)]);
    let typo = errors_after(|c| {
        c["letter"]["send"] = json!(["call"]);
        c["letter"]["call_script"] = json!({"en": "Hello {mp.nme}", "fr": "Bonjour {mp.name}"});
    });
    assert_eq!(
        typo,
        vec![(
            "letter.call_script.en".to_owned(),
            Message::UnknownPlaceholder { name: "mp.nme".into(), suggestion: Some("mp.name".into()) }
        )]
    );
    assert!(errors_after(|c| {
        c["letter"]["send"] = json!(["call"]);
        c["letter"]["call_script"] = json!({"en": "Hello {mp.name}", "fr": "Bonjour {mp.name}"});
    })
    .is_empty());
}

#[test]
fn senators_are_recipients_too() {
    // Senators alone are someone to write to; an empty list or a blank name is not.
    assert!(errors_after(|c| {
        c["letter"]["targets"] = json!({"own_mp": false, "senators": "province"});
    })
    .is_empty());
    let blank = errors_after(|c| c["letter"]["targets"] = json!({"senators": ["Yuen Pau Woo", " "]}));
    assert_eq!(blank, vec![("letter.targets.senators[1]".to_owned(), Message::Blank)]);
    let word = errors_after(|c| c["letter"]["targets"] = json!({"senators": "everyone"}));
    assert_eq!(word.len(), 1, "{word:?}");
    assert_eq!(word[0].0, "letter.targets.senators");
}
