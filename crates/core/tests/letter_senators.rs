//! Letters to senators: which senators a campaign's `letter.targets.senators` gives for a province on a day (the
//! real data file), the field read alike by serde and the widget's reader, and the printed page addressed to the
//! Senate with its own no-stamp note and salutation.

use serde_json::json;
use voix_core::campaign::{Letter, Senators, SenatorsOf};
use voix_core::directory::IsoDate;
use voix_core::letter::senators::{senator_role, senators_to_write};
use voix_core::letter::{compose, LetterInput, Recipient, Sender};
use voix_core::postal::Province;
use voix_core::{Directory, Lang};

const DATA: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/canada.json"));

fn day(text: &str) -> IsoDate {
    IsoDate::parse(text).expect("a date")
}

#[test]
fn a_province_s_senators_are_those_sitting_on_the_day() {
    let directory = Directory::from_json(DATA).expect("the data file");
    let senate = directory.senate().expect("the senators");
    let province = Senators::Of(SenatorsOf::Province);
    let pei = senators_to_write(&province, senate, Some(Province::PrinceEdwardIsland), day("2026-12-08"));
    assert_eq!(pei.len(), 4);
    assert!(pei.iter().all(|senator| senator.province() == Province::PrinceEdwardIsland));
    // Before the postal code gives a province, nobody.
    assert!(senators_to_write(&province, senate, None, day("2026-12-08")).is_empty());
    // Named ones, case and accents folded; one retired at 75 and one unknown are left out.
    let named = Senators::Named(vec!["yuen pau woo".into(), "Donna Dasko".into(), "Nobody Listed".into()]);
    let found = senators_to_write(&named, senate, Some(Province::Quebec), day("2026-12-08"));
    assert_eq!(found.iter().map(|senator| senator.name()).collect::<Vec<_>>(), ["Yuen Pau Woo"]);
    assert_eq!(senator_role(found[0], Lang::En), "Senator for British Columbia");
    assert_eq!(senator_role(found[0], Lang::Fr), "Membre du Sénat, Colombie-Britannique");
}

#[test]
fn the_field_reads_the_same_through_serde_and_the_widget_s_reader() {
    for (senators, expected) in [
        (json!("province"), Some(Senators::Of(SenatorsOf::Province))),
        (json!(["Yuen Pau Woo", "Marc Gold"]), Some(Senators::Named(vec!["Yuen Pau Woo".into(), "Marc Gold".into()]))),
        (json!("provinces"), None),
        (json!(true), None),
        (json!([1, 2]), None),
    ] {
        let letter = json!({"intro": {"en": "Write.", "fr": "Écrivez."}, "targets": {"senators": senators}});
        let by_serde: Result<Letter, _> = serde_json::from_value(letter.clone());
        let by_widget = voix_core::json::from_str::<Letter>(&letter.to_string());
        assert_eq!(by_serde.as_ref().ok().and_then(|l| l.targets.senators.clone()), expected, "{senators}");
        assert_eq!(by_widget.as_ref().ok().and_then(|l| l.targets.senators.clone()), expected, "{senators}");
        if let (Err(serde), Err(widget)) = (&by_serde, &by_widget) {
            assert!(widget.to_string().contains("did not match any variant of untagged enum Senators"), "{widget}");
            assert!(serde.to_string().contains("did not match any variant of untagged enum Senators"), "{serde}");
        }
    }
}

#[test]
fn a_senator_s_page_is_addressed_to_the_senate_and_to_them() {
    let letter: Letter = serde_json::from_value(json!({
        "intro": {"en": "Write.", "fr": "Écrivez."},
        "subjects": [{"en": "Please stop Bill C-22", "fr": "Arrêtez le projet de loi C-22"}],
        "opening": {"en": ["I am writing about Bill C-22."], "fr": ["Je vous écris au sujet du projet de loi C-22."]},
        "closing": {"en": ["Please vote against it."], "fr": ["Votez contre, s'il vous plaît."]}
    }))
    .expect("a letter");
    for lang in Lang::ALL {
        let role = voix_core::letter::senators::senator_role_in(Province::Ontario, lang);
        let senator = Recipient::senator("Yvonne Boyer", &role, "");
        let mp = Recipient::own_mp("Yasir Naqvi", "yasir.naqvi@parl.gc.ca", "Ottawa Centre", lang);
        let input = LetterInput {
            lang,
            seed: 1,
            points: &[],
            story: "",
            sender: Sender { name: "Alex Doe", postal_code: "K1A 0A6", street_address: None, email: None },
            riding: Some("Ottawa Centre"),
            mp_name: Some("Yasir Naqvi"),
            recipient: mp,
        };
        let composed = compose(&letter, &input);
        let page = composed.printed(&senator, "2026-12-08");
        let (address, note) = match lang {
            Lang::En => (
                ["The Senate of Canada", "Ottawa ON K1A 0A4"],
                "Mail to a senator at the Senate of Canada needs no stamp",
            ),
            Lang::Fr => (
                ["Le Sénat du Canada", "Ottawa (Ontario) K1A 0A4"],
                "Le courrier adressé à un membre du Sénat du Canada n'a pas besoin de timbre",
            ),
        };
        assert_eq!(page.recipient_block[0], "Yvonne Boyer");
        assert_eq!(page.recipient_block[2..], address, "{lang:?}");
        assert!(page.no_stamp_note.starts_with(note), "{lang:?}");
        if lang == Lang::En {
            assert_eq!(page.salutation, "Dear Yvonne Boyer,", "each page is addressed to its own recipient");
        }
        // The MP's page keeps the House's address.
        assert!(
            composed.printed(&mp, "2026-12-08").recipient_block.contains(&"House of Commons".to_owned())
                || lang == Lang::Fr
        );
        // No email for the senator: the email app and the copied text address the MP only.
        assert!(!composed.mailto(&[senator, mp]).url.contains("Boyer"));
    }
}
