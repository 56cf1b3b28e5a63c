//! What the widget does with a composed letter: the originality gauge, the mailto link, the text to copy and the
//! printed page, in both languages.

use voix_core::campaign::Letter;
use voix_core::i18n::LetterText;
use voix_core::letter::{
    compose, fits_in_mailto, mailto_link, mailto_url, originality, CampaignWording, ComposedLetter, LetterInput,
    OriginalityLevel, Recipient, Sender, MAILTO_SAFE_LENGTH,
};
use voix_core::Lang;

fn example_letter() -> Letter {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../campaigns/lawful-access.json");
    let source = std::fs::read_to_string(path).expect("the example campaign");
    let campaign = voix_core::validate_campaign(&source, Some("lawful-access")).campaign.expect("valid");
    campaign.letter.expect("a letter section")
}

fn riding(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Ottawa Centre",
        Lang::Fr => "Ottawa-Centre",
    }
}

fn own_mp(lang: Lang) -> Recipient<'static> {
    Recipient::own_mp("Yasir Naqvi", "yasir.naqvi@parl.gc.ca", riding(lang), lang)
}

fn write(letter: &Letter, lang: Lang, seed: u64, points: &[&str], story: &str) -> ComposedLetter {
    compose(
        letter,
        &LetterInput {
            lang,
            seed,
            points,
            story,
            sender: Sender { name: "Alex Martin", postal_code: "K1P 5J2", street_address: None, email: None },
            riding: Some(riding(lang)),
            mp_name: Some("Yasir Naqvi"),
            recipient: own_mp(lang),
        },
    )
}

const STORY: &str = "I am a nurse in Ottawa. My patients call and text me about their health, and they trust that \
nobody else keeps a record of it. I also help my mother, who came to Canada after she was watched by police in her \
home country. She is afraid again when she hears about this bill. I want my children to grow up free to speak and \
to look things up without being tracked.";

#[test]
fn campaign_text_alone_is_low_and_a_story_raises_it() {
    let letter = example_letter();
    let points = letter.preselected_points();
    for lang in Lang::ALL {
        let campaign_only = write(&letter, lang, 11, &points, "").originality();
        assert_eq!(campaign_only.percent, 0, "{lang:?}");
        assert_eq!(campaign_only.level, OriginalityLevel::Low);
    }
    let short = write(&letter, Lang::En, 11, &points, "I am a nurse and this bill scares me.").originality();
    let long = write(&letter, Lang::En, 11, &points, STORY).originality();
    assert!(short.percent > 0 && short.percent < long.percent, "{short:?} {long:?}");
    assert_eq!(long.level, OriginalityLevel::Medium, "{long:?}");
    let one_point = write(&letter, Lang::En, 11, &["metadata"], STORY).originality();
    assert_eq!(one_point.level, OriginalityLevel::High, "{one_point:?}");
    let only_own = originality(STORY, &write(&letter, Lang::En, 11, &points, "").campaign_texts);
    assert!(only_own.percent >= 95, "{only_own:?}");
    // A kept CampaignWording measures the same as building it each time.
    let composed = write(&letter, Lang::En, 11, &points, STORY);
    let wording = CampaignWording::new(&composed.campaign_texts);
    assert_eq!(wording.originality(&composed.message), composed.originality());
}

#[test]
fn hand_edits_count_as_own_words_and_pasted_campaign_text_does_not() {
    let letter = example_letter();
    let mut composed = write(&letter, Lang::En, 5, &["metadata"], "");
    assert_eq!(composed.originality().percent, 0);
    // Another wording of the same point, pasted in: still the campaign's words.
    let other_wordings = letter.talking_point("metadata").map(|p| p.phrasings.en.join("\n\n")).unwrap_or_default();
    composed.message = format!("{}\n\n{other_wordings}", composed.message);
    assert_eq!(composed.originality().percent, 0);
    // Rewording a sentence by hand counts.
    let edited = composed.message.replacen("metadata", "my own private records", 1).replacen(
        "I do not want",
        "I refuse to let",
        1,
    );
    composed.message = edited;
    assert!(composed.originality().percent > 0, "{:?}", composed.originality());
}

#[test]
fn originality_reads_in_both_languages() {
    let gauge = originality("My very own words here", &[]);
    assert_eq!(gauge.percent, 100);
    assert_eq!(gauge.level, OriginalityLevel::High);
    assert_eq!(gauge.line(Lang::En), "Your own words: 100%");
    assert_eq!(gauge.line(Lang::Fr), "Vos propres mots\u{a0}: 100\u{202f}%");
    for level in [OriginalityLevel::Low, OriginalityLevel::Medium, OriginalityLevel::High] {
        assert_ne!(level.message().get(Lang::En), level.message().get(Lang::Fr));
    }
    assert!(LetterText::OriginalityLow.get(Lang::En).contains("A sentence or two"));
}

#[test]
fn mailto_encodes_everything_but_unreserved_characters() {
    let url = mailto_url(&["a@x.ca", " ", "o'brien+mp@y.ca"], "C-22 & vous ?", "Été: 100% #1 + a=b\nFin\r\nOK\rÇa");
    assert_eq!(
        url,
        "mailto:a@x.ca,o%27brien%2Bmp@y.ca?subject=C-22%20%26%20vous%20%3F\
         &body=%C3%89t%C3%A9%3A%20100%25%20%231%20%2B%20a%3Db%0D%0AFin%0D%0AOK%0D%0A%C3%87a"
    );
    // French spacing survives as UTF-8; a line break in a subject becomes a space.
    assert_eq!(mailto_url(&[], "Objet\u{a0}: C-22\nsuite", ""), "mailto:?subject=Objet%C2%A0%3A%20C-22%20suite");
    assert_eq!(mailto_url(&["a@x.ca"], "", "x"), "mailto:a@x.ca?body=x");
}

#[test]
fn a_letter_too_long_for_a_link_falls_back_to_the_subject() {
    let prefix_len = mailto_url(&["a@x.ca"], "S", "").len() + "&body=".len();
    let fits = "a".repeat(MAILTO_SAFE_LENGTH - prefix_len);
    let link = mailto_link(&["a@x.ca"], "S", &fits);
    assert!(link.has_body);
    assert_eq!(link.url.len(), MAILTO_SAFE_LENGTH);
    assert!(fits_in_mailto(&link.url));
    let too_long = format!("{fits}é");
    let link = mailto_link(&["a@x.ca"], "S", &too_long);
    assert!(!link.has_body);
    assert_eq!(link.url, "mailto:a@x.ca?subject=S");
}

#[test]
fn a_composed_letter_gives_its_mailto_link() {
    let letter = example_letter();
    let minister = Recipient::from_target(&letter.targets.extra[0], Lang::En);
    let short = write(&letter, Lang::En, 2, &["metadata"], "");
    let link = short.mailto(&[own_mp(Lang::En), minister]);
    assert!(link.has_body, "{} characters", link.url.len());
    assert!(link.url.starts_with("mailto:yasir.naqvi@parl.gc.ca,gary.anand@parl.gc.ca?subject="));
    assert!(link.url.contains("&body=Dear%20Yasir%20Naqvi%2C%0D%0A%0D%0A"));
    // Every point in French: too long to travel in a link, so the person pastes the copied letter.
    let every_point: Vec<&str> = letter.talking_points.iter().map(|p| p.id.as_str()).collect();
    let long = write(&letter, Lang::Fr, 2, &every_point, "");
    let link = long.mailto(&[own_mp(Lang::Fr)]);
    assert!(!link.has_body);
    assert!(link.url.starts_with("mailto:yasir.naqvi@parl.gc.ca?subject=") && !link.url.contains("body="));
}

#[test]
fn the_copied_text_has_the_recipients_on_top() {
    let letter = example_letter();
    let minister = Recipient::from_target(&letter.targets.extra[0], Lang::Fr);
    let composed = write(&letter, Lang::Fr, 4, &["warrants"], "Mon histoire.");
    let text = composed.copy_text(&[own_mp(Lang::Fr), minister]);
    let expected_top = format!(
        "À\u{a0}: Yasir Naqvi <yasir.naqvi@parl.gc.ca>, Gary Anandasangaree <gary.anand@parl.gc.ca>\n\
         Objet\u{a0}: {}\n\nMadame, Monsieur,\n\n",
        composed.subject
    );
    assert!(text.starts_with(&expected_top), "{text}");
    assert!(text.ends_with("Circonscription\u{a0}: Ottawa-Centre\n"), "{text}");
    let english = write(&letter, Lang::En, 4, &["warrants"], "").copy_text(&[own_mp(Lang::En)]);
    assert!(english.starts_with("To: Yasir Naqvi <yasir.naqvi@parl.gc.ca>\nSubject: "), "{english}");
}

#[test]
fn the_printed_letter_in_english() {
    let letter = example_letter();
    let mut composed = write(&letter, Lang::En, 9, &["metadata", "security"], "My story.\n\nMore of it.");
    composed.subject = "My own subject".into();
    let page = composed.printed(&own_mp(Lang::En), "2026-05-04");
    assert_eq!(page.sender_block, ["Alex Martin", "K1P 5J2", "Riding: Ottawa Centre"]);
    assert_eq!(page.date, "May 4, 2026");
    assert_eq!(
        page.recipient_block,
        ["Yasir Naqvi", "Member of Parliament, Ottawa Centre", "House of Commons", "Ottawa ON K1A 0A6"]
    );
    assert_eq!(page.subject_line, "Re: My own subject");
    assert_eq!(page.salutation, "Dear Yasir Naqvi,");
    assert_eq!(page.paragraphs.len(), 1 + 2 + 2 + 1, "{:#?}", page.paragraphs);
    assert_eq!(page.paragraphs[3], "My story.");
    assert_eq!(page.sign_off, "Sincerely,");
    assert_eq!(page.signature_name, "Alex Martin");
    assert_eq!(
        page.no_stamp_note,
        "Mail to a Member of Parliament at the House of Commons needs no stamp: write the address above on the \
         envelope and post it."
    );
}

#[test]
fn the_printed_letter_in_french() {
    let letter = example_letter();
    let mut composed = write(&letter, Lang::Fr, 9, &["metadata"], "");
    composed.message = "Mon texte à moi.\n\n\n   \nDeuxième paragraphe.".into();
    let page = composed.printed(&own_mp(Lang::Fr), "2026-06-01");
    assert_eq!(page.date, "Le 1er juin 2026");
    assert_eq!(
        page.recipient_block,
        ["Yasir Naqvi", "Député ou députée, Ottawa-Centre", "Chambre des communes", "Ottawa (Ontario) K1A 0A6"]
    );
    assert!(page.subject_line.starts_with("Objet\u{a0}: "));
    assert_eq!(page.paragraphs, ["Mon texte à moi.", "Deuxième paragraphe."]);
    assert_eq!(page.salutation, "Madame, Monsieur,");
    assert!(page.sign_off.starts_with("Je vous prie d'agréer, Madame, Monsieur,"));
    assert!(page.no_stamp_note.starts_with("Le courrier adressé à un député ou une députée"));
    assert!(page.no_stamp_note.contains("timbre\u{a0}:"));

    let minister = Recipient::from_target(&letter.targets.extra[0], Lang::Fr);
    let page = composed.printed(&minister, "pas une date");
    assert_eq!(page.date, "pas une date", "an unreadable date is printed as given");
    assert_eq!(
        page.recipient_block,
        ["Gary Anandasangaree", "Ministre de la Sécurité publique", "Chambre des communes", "Ottawa (Ontario) K1A 0A6"]
    );
}

#[test]
fn the_printed_date_takes_a_date_or_a_timestamp() {
    let composed = write(&example_letter(), Lang::En, 1, &[], "");
    assert_eq!(composed.printed(&own_mp(Lang::En), " 2026-12-31T23:59:59.000Z").date, "December 31, 2026");
    assert_eq!(composed.printed(&own_mp(Lang::En), "2026-02-30").date, "2026-02-30");
}
