//! `voix_core::petition::validate`: what the widget checks before sending and the server before storing.

mod common;

use serde_json::json;
use voix_core::petition::{
    consent_offers, sha256_hex, validate, AnswerValue, ConsentTo, FieldError, GivenConsent, SignatureProblem as P,
    SignatureSubmission,
};
use voix_core::{validate_campaign, Campaign, FedNum, Lang, PostalCode};

fn campaign() -> Campaign {
    let source = common::campaign(json!({
        "id": "test-petition",
        "organiser": {
            "name": {"en": "The Coalition", "fr": "La Coalition"},
            "mailing_address": "1 Main St\nOttawa ON K1A 0A1",
            "email": "info@coalition.example.org",
            "privacy_policy": {
                "en": "https://coalition.example.org/privacy",
                "fr": "https://coalition.example.org/vie-privee"
            },
            "consent": {"en": "Yes, the Coalition may email me.", "fr": "Oui, la Coalition peut m'écrire."}
        },
        "partners": [common::ligue()],
        "petition": {
            "statement": {"en": "We ask", "fr": "Nous demandons"},
            "goal": 1000,
            "comment": true,
            "fields": [
                {"id": "occupation", "label": {"en": "Occupation", "fr": "Profession"}, "kind": "text",
                 "max_length": 20},
                {"id": "heard", "label": {"en": "How did you hear?", "fr": "Comment l'avez-vous su?"}, "kind": "choice",
                 "choices": [{"id": "friend", "label": {"en": "A friend", "fr": "Une amie"}},
                             {"id": "news", "label": {"en": "The news", "fr": "Les nouvelles"}}]},
                {"id": "adult", "label": {"en": "I am 16 or older", "fr": "J'ai 16 ans ou plus"}, "kind": "checkbox",
                 "required": true}
            ]
        }
    }));
    let validation = validate_campaign(&source.to_string(), None);
    let errors: Vec<String> = validation.errors().map(|p| p.describe(Lang::En)).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    validation.campaign.expect("valid campaign")
}

fn submission(partner: Option<&str>) -> SignatureSubmission {
    let mut submission = SignatureSubmission::new("test-petition", partner, Lang::En);
    submission.set_text("first_name", "  Léa ");
    submission.set_text("last_name", "Roy");
    submission.set_text("email", " Lea.Roy@Example.ORG ");
    submission.set_text("postal_code", "k1a0a6");
    submission.set_checked("adult", true);
    submission
}

fn paths(errors: &[FieldError]) -> Vec<&str> {
    errors.iter().map(|error| error.path.as_str()).collect()
}

fn problem_at<'e>(errors: &'e [FieldError], path: &str) -> &'e P {
    &errors.iter().find(|error| error.path == path).unwrap_or_else(|| panic!("no error at {path}: {errors:?}")).problem
}

#[test]
fn a_complete_signature_is_trimmed_and_normalised() {
    let campaign = campaign();
    let mut sub = submission(Some("ligue"));
    sub.set_text("comment", "Line one\r\nline two");
    sub.set_text("occupation", " Nurse ");
    sub.set_text("heard", "news");
    sub.riding = Some(FedNum(35075));
    sub.idempotency_key = Some("abcdefghijklmnop-_123".into());
    let valid = validate(&campaign, &sub).expect("valid");
    assert_eq!(valid.first_name, "Léa");
    assert_eq!(valid.email, "lea.roy@example.org");
    assert_eq!(valid.postal_code, PostalCode::parse("K1A 0A6").expect("code"));
    assert_eq!(valid.partner.as_deref(), Some("ligue"));
    assert_eq!(valid.riding, Some(FedNum(35075)));
    assert_eq!(valid.comment.as_deref(), Some("Line one\nline two"));
    assert_eq!(valid.answer("occupation"), Some(&AnswerValue::Text("Nurse".into())));
    assert_eq!(valid.answer("heard"), Some(&AnswerValue::Choice("news".into())));
    assert_eq!(valid.answer("adult"), Some(&AnswerValue::Checked(true)));
    assert!(valid.consents.is_empty());
}

#[test]
fn signing_never_requires_a_consent() {
    let campaign = campaign();
    for partner in [None, Some("ligue")] {
        let valid = validate(&campaign, &submission(partner)).expect("valid without any consent");
        assert!(valid.consents.is_empty());
    }
}

#[test]
fn missing_fields_are_each_reported_with_their_path() {
    let campaign = campaign();
    let sub = SignatureSubmission::new("test-petition", None, Lang::Fr);
    let errors = validate(&campaign, &sub).expect_err("empty");
    assert_eq!(
        paths(&errors),
        ["fields.first_name", "fields.last_name", "fields.email", "fields.postal_code", "fields.adult"]
    );
    assert_eq!(problem_at(&errors, "fields.email"), &P::Required);
    assert_eq!(problem_at(&errors, "fields.adult"), &P::MustTick);
}

#[test]
fn each_field_has_its_own_check() {
    let campaign = campaign();
    let mut sub = submission(None);
    sub.set_text("first_name", &"x".repeat(101));
    sub.set_text("last_name", "Roy\nDROP");
    sub.set_text("email", "lea at example.org");
    sub.set_text("postal_code", "K1A 0A");
    sub.set_text("comment", &"é".repeat(1001));
    sub.set_text("occupation", &"y".repeat(21));
    sub.set_text("heard", "radio");
    sub.set_text("adult", "yes");
    sub.set_text("shoe_size", "42");
    let errors = validate(&campaign, &sub).expect_err("invalid");
    assert_eq!(problem_at(&errors, "fields.first_name"), &P::TooLong { max: 100 });
    assert_eq!(problem_at(&errors, "fields.last_name"), &P::Unprintable);
    assert_eq!(problem_at(&errors, "fields.email"), &P::BadEmail);
    assert!(matches!(problem_at(&errors, "fields.postal_code"), P::PostalCode(_)));
    assert_eq!(problem_at(&errors, "fields.comment"), &P::TooLong { max: 1000 });
    assert_eq!(problem_at(&errors, "fields.occupation"), &P::TooLong { max: 20 });
    assert_eq!(problem_at(&errors, "fields.heard"), &P::UnknownChoice);
    assert_eq!(problem_at(&errors, "fields.adult"), &P::WrongKind);
    assert_eq!(problem_at(&errors, "fields.shoe_size"), &P::UnknownField);
    assert_eq!(errors.len(), 9, "{errors:?}");
}

#[test]
fn names_with_zero_width_or_direction_characters_are_refused() {
    let campaign = campaign();
    for forged in ["L\u{e9}a\u{200b}", "\u{202e}yoR", "Roy\u{2066}x\u{2069}", "\u{feff}Roy"] {
        let mut sub = submission(None);
        sub.set_text("first_name", forged);
        sub.set_text("last_name", forged);
        let errors = validate(&campaign, &sub).expect_err("invalid");
        assert_eq!(problem_at(&errors, "fields.first_name"), &P::Unprintable, "{forged:?}");
        assert_eq!(problem_at(&errors, "fields.last_name"), &P::Unprintable, "{forged:?}");
    }
    assert!(P::Unprintable.text(voix_core::Lang::En).contains("invisible characters"));
}

#[test]
fn the_postal_code_message_is_the_lookups_own() {
    let campaign = campaign();
    let mut sub = submission(None);
    sub.set_text("postal_code", "K1O 0A6");
    let errors = validate(&campaign, &sub).expect_err("invalid");
    let expected = PostalCode::parse("K1O 0A6").expect_err("invalid code");
    assert_eq!(errors[0].message(Lang::Fr), expected.text(Lang::Fr));
}

#[test]
fn the_comment_is_refused_when_the_campaign_does_not_ask_for_one() {
    let mut campaign = campaign();
    if let Some(petition) = campaign.petition.as_mut() {
        petition.comment = false;
    }
    let mut sub = submission(None);
    sub.set_text("comment", "hello");
    let errors = validate(&campaign, &sub).expect_err("no comment box");
    assert_eq!(paths(&errors), ["fields.comment"]);
}

#[test]
fn the_riding_must_be_in_the_postal_codes_province() {
    let campaign = campaign();
    let mut sub = submission(None);
    sub.riding = Some(FedNum(24017)); // a Quebec riding for an Ottawa postal code
    assert_eq!(problem_at(&validate(&campaign, &sub).expect_err("elsewhere"), "riding"), &P::RidingNotInProvince);
    sub.riding = Some(FedNum(99001));
    assert_eq!(problem_at(&validate(&campaign, &sub).expect_err("no such"), "riding"), &P::UnknownRiding);
}

#[test]
fn the_envelope_is_checked_too() {
    let mut campaign = campaign();
    campaign.languages = vec![Lang::En];
    let mut sub = submission(Some("nobody"));
    sub.campaign = "other".into();
    sub.lang = Lang::Fr;
    sub.idempotency_key = Some("short".into());
    let errors = validate(&campaign, &sub).expect_err("invalid");
    assert_eq!(paths(&errors), ["campaign", "lang", "partner", "idempotency_key"]);
}

#[test]
fn consents_match_the_boxes_shown_on_this_site() {
    let campaign = campaign();
    let offers = consent_offers(&campaign, campaign.partner("ligue"), Lang::En);
    assert_eq!(offers.iter().map(|o| o.to).collect::<Vec<_>>(), [ConsentTo::Organiser, ConsentTo::Partner]);
    let organiser = &offers[0];
    assert_eq!(organiser.version, sha256_hex(organiser.text.as_bytes()));
    assert!(organiser.text.starts_with("Yes, the Coalition may email me.\n"));
    assert!(organiser.text.contains("withdraw this consent at any time"));
    assert!(organiser.text.contains("1 Main St, Ottawa ON K1A 0A1, info@coalition.example.org"));
    assert!(organiser.text.contains("https://coalition.example.org/privacy"));
    assert!(offers[1].text.contains("League") && offers[1].text.contains("https://ligue.example.org/privacy"));
    let french = consent_offers(&campaign, campaign.partner("ligue"), Lang::Fr);
    assert_ne!(french[0].version, organiser.version, "each language's wording has its own version");

    let mut sub = submission(Some("ligue"));
    sub.consents = vec![
        GivenConsent { to: ConsentTo::Partner, version: offers[1].version.clone() },
        GivenConsent { to: ConsentTo::Organiser, version: organiser.version.clone() },
    ];
    let valid = validate(&campaign, &sub).expect("valid");
    assert_eq!(valid.consents, [offers[1].clone(), organiser.clone()]);

    sub.consents.push(GivenConsent { to: ConsentTo::Partner, version: offers[1].version.clone() });
    sub.consents[1].version = french[0].version.clone();
    let errors = validate(&campaign, &sub).expect_err("invalid");
    assert_eq!(problem_at(&errors, "consents[1]"), &P::ConsentWordingChanged);
    assert_eq!(problem_at(&errors, "consents[2]"), &P::DuplicateConsent);

    let mut direct = submission(None);
    direct.consents = vec![GivenConsent { to: ConsentTo::Partner, version: offers[1].version.clone() }];
    let errors = validate(&campaign, &direct).expect_err("no partner box on the organiser's page");
    assert_eq!(problem_at(&errors, "consents[0]"), &P::ConsentNotOffered);
}

#[test]
fn an_organiser_without_a_consent_wording_offers_no_box() {
    let mut campaign = campaign();
    campaign.organiser.consent = None;
    let offers = consent_offers(&campaign, None, Lang::En);
    assert!(offers.is_empty());
}

#[test]
fn errors_serialise_with_both_languages() {
    let campaign = campaign();
    let mut sub = submission(None);
    sub.set_text("email", "nope");
    let errors = validate(&campaign, &sub).expect_err("invalid");
    let json = serde_json::to_value(&errors).expect("JSON");
    assert_eq!(
        json,
        json!([{"path": "fields.email", "message": {
            "en": "Enter an email address like name@example.org.",
            "fr": "Entrez une adresse courriel comme nom@exemple.org."
        }}])
    );
}

#[test]
fn every_message_is_bilingual_and_repeats_nothing_typed() {
    use voix_core::postal::PostalCodeError;
    let problems = [
        P::NoPetition,
        P::WrongCampaign,
        P::LanguageNotOffered,
        P::UnknownPartner,
        P::UnknownField,
        P::Required,
        P::MustTick,
        P::TooLong { max: 7 },
        P::Unprintable,
        P::BadEmail,
        P::PostalCode(PostalCodeError::Empty),
        P::WrongKind,
        P::UnknownChoice,
        P::UnknownRiding,
        P::RidingNotInProvince,
        P::ConsentNotOffered,
        P::DuplicateConsent,
        P::ConsentWordingChanged,
        P::BadIdempotencyKey,
        P::RobotCheckFailed,
        P::NoLetter,
        P::UnknownTarget,
        P::DuplicateTarget,
        P::MethodNotOffered,
    ];
    for problem in problems {
        let (en, fr) = (problem.text(Lang::En), problem.text(Lang::Fr));
        assert!(!en.is_empty() && !fr.is_empty() && en != fr, "{problem:?}");
        for mark in [" :", " ;", " !", " ?"] {
            assert!(!fr.contains(mark), "{problem:?}: breaking space before {mark}: {fr}");
        }
    }
}

#[test]
fn debug_output_holds_no_personal_data() {
    let campaign = campaign();
    let mut sub = submission(Some("ligue"));
    sub.set_text("occupation", "Journalist");
    let valid = validate(&campaign, &sub).expect("valid");
    for shown in [format!("{sub:?}"), format!("{valid:?}"), format!("{:?}", valid.answers)] {
        for secret in ["Léa", "Roy", "example", "K1A", "k1a", "Journalist"] {
            assert!(!shown.contains(secret), "{secret} in {shown}");
        }
    }
}

#[test]
fn the_fingerprint_follows_every_answer_but_not_the_key() {
    let campaign = campaign();
    let mut sub = submission(None);
    let first = validate(&campaign, &sub).expect("valid").fingerprint();
    sub.idempotency_key = Some("a-different-key-123456".into());
    assert_eq!(validate(&campaign, &sub).expect("valid").fingerprint(), first);
    sub.set_text("occupation", "Nurse");
    assert_ne!(validate(&campaign, &sub).expect("valid").fingerprint(), first);
}

#[test]
fn submissions_read_the_json_the_widget_sends() {
    let body = json!({
        "campaign": "test-petition", "partner": "ligue", "lang": "fr",
        "fields": {"first_name": "Léa", "last_name": "Roy", "email": "lea@example.org", "postal_code": "K1A 0A6",
                   "adult": true},
        "riding": 35075, "consents": [{"to": "partner", "version": "abc"}],
        "idempotency_key": "0123456789abcdef", "honeypot": "", "altcha": {"challenge": {}, "solution": {}}
    });
    let sub: SignatureSubmission = serde_json::from_value(body).expect("reads");
    assert_eq!(sub.lang, Lang::Fr);
    assert_eq!(sub.riding, Some(FedNum(35075)));
    assert!(!sub.honeypot_filled());
    let unknown = json!({"lang": "en", "nickname": "x"});
    assert!(serde_json::from_value::<SignatureSubmission>(unknown).is_err(), "typos are refused");
}
