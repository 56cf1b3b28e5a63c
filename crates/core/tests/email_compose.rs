//! The emails' content: both languages, the anti-spam law's sender identification in every one, the withdrawal
//! link in every email to a person, the constituent's details under a letter to an MP, and escaping in HTML.

use voix_core::email::{
    delivery_failed, letter_confirmation, letter_for_target, signature_confirmation, withdrawal_confirmation,
    DeliveryFailure, Email, EmailText, LetterConfirmation, LetterForTarget,
};
use voix_core::{Campaign, Lang};

fn campaign() -> Campaign {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../campaigns/lawful-access.json");
    let source = std::fs::read_to_string(path).expect("the example campaign");
    serde_json::from_str(&source).expect("a valid campaign")
}

const CONFIRM: &str = "https://action.example.org/confirm/3f9c1a";
const WITHDRAW: &str = "https://action.example.org/withdraw/7be21d";

fn every_email(campaign: &Campaign, lang: Lang) -> Vec<(&'static str, Email)> {
    let recipients = vec!["Jane Doe (Ottawa Centre)".to_owned()];
    vec![
        (
            "letter confirmation",
            letter_confirmation(
                campaign,
                lang,
                &LetterConfirmation {
                    sender_name: "Léa Roy",
                    recipients: &recipients,
                    confirm_url: CONFIRM,
                    withdraw_url: WITHDRAW,
                },
            ),
        ),
        ("signature confirmation", signature_confirmation(campaign, lang, "Léa", CONFIRM, WITHDRAW)),
        (
            "letter to an MP",
            letter_for_target(
                campaign,
                lang,
                &LetterForTarget {
                    subject: "Bill C-22",
                    body: "Dear Jane Doe,\n\nPlease oppose Bill C-22.\n\nSincerely,\nLéa Roy",
                    sender_name: "Léa Roy",
                    postal_code: "K1A 0A6",
                    riding: Some("Ottawa Centre"),
                },
            ),
        ),
        (
            "delivery failure",
            delivery_failed(
                campaign,
                lang,
                &DeliveryFailure {
                    recipient: "Jane Doe <jane.doe@parl.gc.ca>",
                    reason: "550 5.1.1 mailbox unavailable",
                    letter: "Dear Jane Doe,\n\nPlease oppose Bill C-22.",
                    withdraw_url: WITHDRAW,
                },
            ),
        ),
        ("withdrawal confirmation", withdrawal_confirmation(campaign, lang, CONFIRM)),
    ]
}

#[test]
fn every_email_identifies_the_sender_in_both_languages() {
    let campaign = campaign();
    for lang in [Lang::En, Lang::Fr] {
        for (name, email) in every_email(&campaign, lang) {
            let organiser = campaign.organiser.name.text(lang);
            for body in [&email.text, &email.html] {
                assert!(body.contains(organiser), "{name} ({lang:?}) names the organiser");
                assert!(body.contains(campaign.organiser.mailing_address.as_str()), "{name}: mailing address");
                assert!(body.contains(EmailText::FooterContact.get(lang)), "{name}: a contact");
            }
            assert!(email.html.starts_with("<!DOCTYPE html>"), "{name}");
            assert!(email.html.contains(&format!("lang=\"{}\"", lang.code())), "{name}");
            assert!(!email.subject.is_empty() && !email.subject.contains('\n'), "{name}: one-line subject");
        }
    }
}

#[test]
fn emails_to_people_carry_the_withdrawal_link_and_letters_to_mps_the_constituent() {
    let campaign = campaign();
    for lang in [Lang::En, Lang::Fr] {
        for (name, email) in every_email(&campaign, lang) {
            match name {
                "letter to an MP" => {
                    assert!(!email.text.contains(WITHDRAW));
                    assert!(email.text.contains("K1A 0A6") && email.text.contains("Ottawa Centre"));
                    assert!(email.text.starts_with("Dear Jane Doe,\n\nPlease oppose Bill C-22."));
                    assert_eq!(email.subject, "Bill C-22");
                }
                // The request to withdraw is itself the withdrawal: its link is the confirmation.
                "withdrawal confirmation" => assert!(email.text.contains(CONFIRM)),
                _ => {
                    assert!(email.text.contains(WITHDRAW), "{name} ({lang:?}) has the withdrawal link");
                    assert!(email.html.contains(&format!("<a href=\"{WITHDRAW}\">")), "{name}");
                }
            }
        }
    }
}

#[test]
fn french_emails_are_in_french() {
    let campaign = campaign();
    let email = letter_confirmation(
        &campaign,
        Lang::Fr,
        &LetterConfirmation {
            sender_name: "Léa",
            recipients: &["Jane Doe".to_owned()],
            confirm_url: CONFIRM,
            withdraw_url: WITHDRAW,
        },
    );
    assert!(email.subject.starts_with("Confirmez votre lettre — "));
    assert!(email.text.starts_with("Bonjour Léa,\n\n"));
    assert!(email.text.contains("Vous nous avez demandé d'envoyer votre lettre"));
    assert!(email.text.contains(campaign.title.text(Lang::Fr)));
}

#[test]
fn html_escapes_what_people_typed() {
    let campaign = campaign();
    let email = letter_for_target(
        &campaign,
        Lang::En,
        &LetterForTarget {
            subject: "Hi",
            body: "<script>alert(1)</script> & \"quotes\"",
            sender_name: "<img src=x onerror=alert(1)>",
            postal_code: "K1A 0A6",
            riding: None,
        },
    );
    assert!(!email.html.contains("<script>") && !email.html.contains("<img"));
    assert!(email.html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"));
    // The plain-text part keeps the letter exactly as typed.
    assert!(email.text.contains("<script>alert(1)</script> & \"quotes\""));
    assert!(!email.text.contains("Riding"), "no riding line without a riding");
}

#[test]
fn debug_output_holds_no_personal_data() {
    let campaign = campaign();
    for (_, email) in every_email(&campaign, Lang::En) {
        let shown = format!("{email:?}");
        assert!(!shown.contains("Léa") && !shown.contains("K1A"), "{shown}");
    }
}

#[test]
fn the_email_catalogue_is_complete() {
    for text in EmailText::ALL {
        for lang in [Lang::En, Lang::Fr] {
            assert!(!text.get(lang).trim().is_empty(), "{text:?} in {lang:?}");
        }
        assert_ne!(text.get(Lang::En), text.get(Lang::Fr), "{text:?} is translated");
    }
}
