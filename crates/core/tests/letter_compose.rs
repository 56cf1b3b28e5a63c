//! Composing letters: the exact text in each language, variation between people, stability while a person edits
//! their choices, and gaps shown until every value is known.

use serde_json::json;
use voix_core::campaign::Letter;
use voix_core::letter::{compose, LetterInput, Placeholder, Recipient, Sender};
use voix_core::Lang;

fn fixture() -> Letter {
    let letter = json!({
        "intro": {"en": "Write to your MP.", "fr": "Écrivez à votre député ou députée."},
        "subjects": [
            {"en": "Please oppose Bill C-22", "fr": "Opposez-vous au projet de loi C-22"},
            {"en": "A letter from {riding} about Bill C-22", "fr": "Au sujet du projet de loi C-22"}
        ],
        "opening": {
            "en": ["I live in {riding} and I am writing about Bill C-22.", "My name is {sender.name}, and Bill C-22 worries me."],
            "fr": ["Je vous écris au sujet du projet de loi C-22.", "Je m'appelle {sender.name} et le projet de loi C-22 m'inquiète."]
        },
        "talking_points": [
            {"id": "metadata", "label": {"en": "Metadata", "fr": "Métadonnées"},
             "phrasings": {"en": ["Metadata one.", "Metadata two.", "Metadata three."],
                           "fr": ["Métadonnées un.", "Métadonnées deux.", "Métadonnées trois."]}},
            {"id": "warrants", "label": {"en": "Warrants", "fr": "Mandats"},
             "phrasings": {"en": ["Warrants one.", "Warrants two.", "Warrants three."],
                           "fr": ["Mandats un.", "Mandats deux.", "Mandats trois."]}},
            {"id": "secrecy", "label": {"en": "Secrecy", "fr": "Secret"}, "preselected": false,
             "phrasings": {"en": ["Secrecy one.", "Secrecy two."], "fr": ["Secret un.", "Secret deux."]}}
        ],
        "closing": {
            "en": ["Please tell me where you stand, {target.name}.", "Please oppose the bill."],
            "fr": ["Je vous demande de vous opposer au projet de loi.", "Merci de me dire ce que vous en pensez."]
        }
    });
    serde_json::from_value(letter).expect("the fixture is a letter")
}

const SENDER: Sender<'static> = Sender {
    name: "Alex Martin",
    postal_code: "k1p5j2",
    street_address: Some("123 Elgin Street, Apt 4"),
    email: Some("alex@example.org"),
};

fn input<'a>(lang: Lang, seed: u64, points: &'a [&'a str], story: &'a str) -> LetterInput<'a> {
    let riding = match lang {
        Lang::En => "Ottawa Centre",
        Lang::Fr => "Ottawa-Centre",
    };
    LetterInput {
        lang,
        seed,
        points,
        story,
        sender: SENDER,
        riding: Some(riding),
        mp_name: Some("Yasir Naqvi"),
        recipient: Recipient::own_mp("Yasir Naqvi", "yasir.naqvi@parl.gc.ca", riding, lang),
    }
}

const EXPECTED_EN: &str = "\
Dear Yasir Naqvi,

I live in Ottawa Centre and I am writing about Bill C-22.

Metadata two.

Warrants one.

My own story.

Please tell me where you stand, Yasir Naqvi.

Sincerely,
Alex Martin
123 Elgin Street, Apt 4
K1P 5J2
Riding: Ottawa Centre
alex@example.org";

const EXPECTED_FR: &str = "\
Madame, Monsieur,

Je vous écris au sujet du projet de loi C-22.

Métadonnées deux.

Mandats un.

My own story.

Je vous demande de vous opposer au projet de loi.

Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.

Alex Martin
123 Elgin Street, Apt 4
K1P 5J2
Circonscription\u{a0}: Ottawa-Centre
alex@example.org";

#[test]
fn a_fixed_seed_gives_this_exact_letter_in_english() {
    let letter = compose(&fixture(), &input(Lang::En, 7, &["warrants", "metadata"], "  My own story.\r\n"));
    assert_eq!(letter.subject, "A letter from Ottawa Centre about Bill C-22");
    assert_eq!(letter.body(), EXPECTED_EN);
    assert!(letter.is_complete(), "{:?}", letter.missing);
    assert_eq!(
        letter.used_campaign_texts(),
        [
            "I live in Ottawa Centre and I am writing about Bill C-22.",
            "Metadata two.",
            "Warrants one.",
            "Please tell me where you stand, Yasir Naqvi."
        ]
    );
}

#[test]
fn a_fixed_seed_gives_this_exact_letter_in_french() {
    let letter = compose(&fixture(), &input(Lang::Fr, 7, &["warrants", "metadata"], "My own story."));
    assert_eq!(letter.subject, "Au sujet du projet de loi C-22");
    assert_eq!(letter.body(), EXPECTED_FR);
    assert_eq!(letter.salutation, "Madame, Monsieur,");
}

#[test]
fn switching_language_keeps_the_same_choice_of_wording() {
    for seed in 0..50 {
        let en = compose(&fixture(), &input(Lang::En, seed, &["metadata"], ""));
        let fr = compose(&fixture(), &input(Lang::Fr, seed, &["metadata"], ""));
        let number = |text: &str, words: [&str; 3]| words.iter().position(|w| text.contains(w));
        assert_eq!(
            number(&en.message, ["Metadata one", "Metadata two", "Metadata three"]),
            number(&fr.message, ["Métadonnées un", "Métadonnées deux", "Métadonnées trois"]),
            "seed {seed}"
        );
    }
}

#[test]
fn the_same_seed_gives_the_same_letter() {
    let points = ["metadata", "warrants", "secrecy"];
    let first = compose(&fixture(), &input(Lang::En, 99, &points, "Story."));
    let again = compose(&fixture(), &input(Lang::En, 99, &points, "Story."));
    assert_eq!(first, again);
}

#[test]
fn different_seeds_give_different_letters() {
    let points = ["metadata", "warrants", "secrecy"];
    let mut letters: Vec<String> = (0..200u64)
        .map(|seed| {
            let letter = compose(&fixture(), &input(Lang::En, seed.wrapping_mul(0x2545_F491_4F6C_DD1D), &points, ""));
            format!("{}\n{}", letter.subject, letter.body())
        })
        .collect();
    letters.sort();
    letters.dedup();
    // 2 subjects × 2 openings × 3 × 3 × 2 points × 2 closings = 144 possible letters.
    assert!(letters.len() >= 80, "only {} different letters out of 200", letters.len());
}

#[test]
fn a_points_wording_stays_put_when_other_points_are_ticked() {
    let wording_of_metadata = |letter: &voix_core::letter::ComposedLetter| {
        ["Metadata one.", "Metadata two.", "Metadata three."].into_iter().find(|w| letter.message.contains(w))
    };
    for seed in 0..300u64 {
        let alone = compose(&fixture(), &input(Lang::En, seed, &["metadata"], ""));
        let expected = wording_of_metadata(&alone);
        assert!(expected.is_some());
        for others in [&["metadata", "warrants"][..], &["secrecy", "metadata"], &["warrants", "secrecy", "metadata"]] {
            let letter = compose(&fixture(), &input(Lang::En, seed, others, "A story"));
            assert_eq!(wording_of_metadata(&letter), expected, "seed {seed} with {others:?}");
            assert_eq!(letter.subject, alone.subject);
        }
    }
}

#[test]
fn wordings_are_picked_about_evenly() {
    let mut counts = [0u32; 3];
    let mut openings = [0u32; 2];
    const LETTERS: u64 = 6000;
    for seed in 0..LETTERS {
        let letter = compose(&fixture(), &input(Lang::En, seed, &["warrants"], ""));
        let index =
            ["Warrants one.", "Warrants two.", "Warrants three."].iter().position(|w| letter.message.contains(w));
        counts[index.expect("one wording of the point")] += 1;
        openings[usize::from(letter.message.starts_with("My name"))] += 1;
    }
    // Each of 3 wordings expects 2,000 ± 37 (one standard deviation); 5 % either way is ~5.5 deviations.
    for count in counts {
        assert!((1900..=2100).contains(&count), "{counts:?}");
    }
    for count in openings {
        assert!((2850..=3150).contains(&count), "{openings:?}");
    }
}

#[test]
fn points_follow_the_campaigns_order_and_unknown_ids_are_ignored() {
    let letter = compose(&fixture(), &input(Lang::En, 1, &["secrecy", "nope", "metadata"], ""));
    let metadata = letter.message.find("Metadata").expect("metadata is in");
    let secrecy = letter.message.find("Secrecy").expect("secrecy is in");
    assert!(metadata < secrecy);
    assert!(!letter.message.contains("Warrants"));
}

#[test]
fn the_story_is_kept_as_typed_and_never_filled_in() {
    let story = "My {mp.name} is {not a placeholder}.\r\n\r\nSecond paragraph of mine.";
    let letter = compose(&fixture(), &input(Lang::En, 3, &[], story));
    assert!(letter.message.contains("My {mp.name} is {not a placeholder}.\n\nSecond paragraph of mine."));
    assert!(!letter.campaign_texts.iter().any(|text| text.contains("Second paragraph")));
}

#[test]
fn unknown_values_show_as_gaps_until_given() {
    let mut incomplete = input(Lang::En, 7, &["metadata"], "");
    incomplete.sender = Sender { name: " ", postal_code: "", street_address: None, email: None };
    incomplete.riding = None;
    incomplete.mp_name = None;
    incomplete.recipient = Recipient { name: "", role: "", email: "", riding: None, chamber: Default::default() };
    let letter = compose(&fixture(), &incomplete);
    assert_eq!(letter.subject, "A letter from [your riding] about Bill C-22");
    assert_eq!(letter.salutation, "Dear [recipient's name],");
    assert_eq!(letter.signature, ["[your name]", "[your postal code]"]);
    assert_eq!(
        letter.missing,
        [Placeholder::Riding, Placeholder::TargetName, Placeholder::SenderName, Placeholder::SenderPostalCode]
    );
    assert!(!letter.is_complete());

    let mut french = incomplete;
    french.lang = Lang::Fr;
    french.seed = 8;
    let letter = compose(&fixture(), &french);
    assert_eq!(letter.signature, ["[votre nom]", "[votre code postal]"]);
}

#[test]
fn a_letter_section_with_an_intro_only_still_composes() {
    let letter = Letter::with_intro(voix_core::Localized::new("Write.", "Écrivez."));
    let composed = compose(&letter, &input(Lang::Fr, 1, &["anything"], "Mon histoire."));
    assert_eq!(composed.subject, "Lettre d'une personne de votre circonscription");
    assert_eq!(composed.message, "Mon histoire.");
    assert!(composed.campaign_texts.is_empty());
}

#[test]
fn every_campaign_wording_is_kept_for_the_originality_measure() {
    let letter = compose(&fixture(), &input(Lang::En, 7, &["metadata"], ""));
    // The used texts first, then the other wordings of every part, subjects included, each once.
    assert_eq!(letter.used_texts, 3);
    assert_eq!(letter.campaign_texts.len(), 2 + 3 + 3 + 2 + 2 + 2, "{:#?}", letter.campaign_texts);
    assert!(letter.campaign_texts.contains(&"Warrants three.".to_owned()));
}

#[test]
fn the_example_campaign_composes_in_both_languages() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../campaigns/lawful-access.json");
    let source = std::fs::read_to_string(path).expect("the example campaign");
    let campaign = voix_core::validate_campaign(&source, Some("lawful-access")).campaign.expect("valid");
    let letter = campaign.letter.expect("the example has a letter");
    for lang in Lang::ALL {
        let points = letter.preselected_points();
        // Two points ticked at first keep the default letter short enough for the email-app link.
        assert_eq!(points.len(), 2);
        let story =
            "I am a nurse. My patients trust me with private things, and records about them should not be kept.";
        for seed in 0..100 {
            let composed = compose(&letter, &input(lang, seed, &points, story));
            assert!(composed.is_complete(), "{lang:?} seed {seed}: {:?}", composed.missing);
            assert!(!composed.body().contains('{') && !composed.body().contains('}'));
            assert_eq!(composed.paragraphs().len(), 1 + 2 + 1 + 1);
            let to = voix_core::letter::Recipient {
                name: "Yasir Naqvi",
                role: "MP",
                email: "yasir.naqvi@parl.gc.ca",
                riding: None,
                chamber: voix_core::letter::Chamber::House,
            };
            let link = composed.mailto(&[to]);
            assert!(
                link.has_body,
                "{lang:?} seed {seed}: the default letter must fit in a mailto link ({} chars)",
                link.url.len()
            );
        }
    }
}
