//! Postal codes: the ways people type a valid code, and a specific message for each kind of impossible code.

use voix_core::postal::{CharKind, Fsa, PostalCode, PostalCodeError, Province};
use voix_core::Lang;

fn error(input: &str) -> PostalCodeError {
    match PostalCode::parse(input) {
        Ok(code) => panic!("{input:?} parsed as {code}"),
        Err(error) => error,
    }
}

#[test]
fn case_spaces_and_a_dash_are_tolerated() {
    for input in
        ["K1A 0A6", "k1a0a6", " K1A-0A6 ", "K1A\u{a0}0A6", "K1A\u{202f}0A6", "\tk1a  0a6\n", "K1A–0A6", "k 1 a 0 a 6"]
    {
        let code = PostalCode::parse(input).unwrap_or_else(|error| panic!("{input:?}: {error}"));
        assert_eq!(code.formatted(), "K1A 0A6", "{input:?}");
        assert_eq!(code.compact(), "K1A0A6");
        assert_eq!(code.fsa().as_str(), "K1A");
        assert_eq!(code.ldu(), "0A6");
        assert_eq!(code.to_string(), "K1A 0A6");
    }
    assert_eq!("h3z 2y7".parse::<PostalCode>().map(|code| code.compact().to_owned()), Ok("H3Z2Y7".to_owned()));
}

#[test]
fn w_and_z_are_fine_after_the_first_letter() {
    for input in ["K1W 0A6", "K1Z 0Z6", "T2W 1W1"] {
        assert!(PostalCode::parse(input).is_ok(), "{input}");
    }
}

#[test]
fn each_impossible_code_gets_its_own_error() {
    assert_eq!(error(""), PostalCodeError::Empty);
    assert_eq!(error("   "), PostalCodeError::Empty);
    assert_eq!(error(" - "), PostalCodeError::Empty);
    assert_eq!(error("K1A.0A6"), PostalCodeError::NotLetterOrDigit { found: '.' });
    assert_eq!(error("K1É 0A6"), PostalCodeError::NotLetterOrDigit { found: 'É' });
    assert_eq!(error("K1A 0A"), PostalCodeError::WrongLength { found: 5 });
    assert_eq!(error("K1A 0A67"), PostalCodeError::WrongLength { found: 7 });
    assert_eq!(error("K1A"), PostalCodeError::WrongLength { found: 3 });
    assert_eq!(error("KIA 0A6"), PostalCodeError::WrongKind { position: 2, expected: CharKind::Digit, found: 'I' });
    assert_eq!(error("11A 0A6"), PostalCodeError::WrongKind { position: 1, expected: CharKind::Letter, found: '1' });
    assert_eq!(error("K1A 0A"), PostalCodeError::WrongLength { found: 5 });
    assert_eq!(error("K1A 0AA"), PostalCodeError::WrongKind { position: 6, expected: CharKind::Digit, found: 'A' });
    assert_eq!(error("K1A 006"), PostalCodeError::WrongKind { position: 5, expected: CharKind::Letter, found: '0' });
    assert_eq!(error("D1A 0A6"), PostalCodeError::LetterNeverUsed { position: 1, letter: 'D' });
    assert_eq!(error("K1U 0A6"), PostalCodeError::LetterNeverUsed { position: 3, letter: 'U' });
    assert_eq!(error("k1a 0o6"), PostalCodeError::LetterNeverUsed { position: 5, letter: 'O' });
    for letter in ['D', 'F', 'I', 'O', 'Q', 'U'] {
        let input = format!("K1A 0{letter}6");
        assert_eq!(error(&input), PostalCodeError::LetterNeverUsed { position: 5, letter }, "{input}");
    }
    assert_eq!(error("W1A 0A6"), PostalCodeError::NeverFirst { letter: 'W' });
    assert_eq!(error("z1a 0a6"), PostalCodeError::NeverFirst { letter: 'Z' });
}

#[test]
fn a_mistake_is_reported_before_the_code_is_complete() {
    // The widget can say what is wrong while the person is still typing.
    assert_eq!(error("KO"), PostalCodeError::WrongKind { position: 2, expected: CharKind::Digit, found: 'O' });
    assert_eq!(error("W"), PostalCodeError::NeverFirst { letter: 'W' });
}

#[test]
fn messages_say_what_is_wrong_in_both_languages() {
    let wrong_kind = error("KIA 0A6");
    assert_eq!(
        wrong_kind.text(Lang::En),
        "Character 2 should be a digit, not the letter \"I\": did you mean the digit 1?"
    );
    assert_eq!(
        wrong_kind.text(Lang::Fr),
        "Le caractère 2 doit être un chiffre, pas la lettre «\u{a0}I\u{a0}»\u{a0}: vouliez-vous dire le chiffre 1\u{202f}?"
    );
    assert_eq!(error("W1A 0A6").text(Lang::En), "No Canadian postal code starts with \"W\": check the first letter.");
    assert_eq!(
        error("K1A 0A").text(Lang::Fr),
        "Un code postal compte 6 lettres et chiffres, comme K1A 0A6\u{a0}; celui-ci en compte 5."
    );
    assert!(error("K1A 0Q6").text(Lang::En).contains("never use the letter \"Q\" (character 5)"));
    let samples = ["", "K1A.0A6", "K1A", "KIA 0A6", "11A 0A6", "K1A 0AB", "D1A 0A6", "W1A 0A6"];
    for input in samples {
        let error = error(input);
        for lang in Lang::ALL {
            let text = error.text(lang);
            assert!(text.ends_with(['.', '?']), "{input:?} {lang:?}: {text}");
            assert!(text.starts_with(char::is_uppercase) || text.starts_with(['"', '«']), "{text}");
        }
        let french = error.text(Lang::Fr);
        for mark in [" :", " ;", " !", " ?", "« ", " »"] {
            assert!(!french.contains(mark), "{input:?}: plain space around {mark:?} in {french}");
        }
    }
}

#[test]
fn every_first_letter_gives_its_province_or_territory() {
    use Province::*;
    let expected: &[(&str, &[Province])] = &[
        ("A1A 1A1", &[NewfoundlandAndLabrador]),
        ("B3H 1A1", &[NovaScotia]),
        ("C1A 1A1", &[PrinceEdwardIsland]),
        ("E1A 1A1", &[NewBrunswick]),
        ("G1R 1A1", &[Quebec]),
        ("H3Z 2Y7", &[Quebec]),
        ("J8X 1A1", &[Quebec]),
        ("K1A 0A6", &[Ontario]),
        ("L5B 1A1", &[Ontario]),
        ("M5V 3L9", &[Ontario]),
        ("N2L 1A1", &[Ontario]),
        ("P3E 1A1", &[Ontario]),
        ("R3C 1A1", &[Manitoba]),
        ("S4P 1A1", &[Saskatchewan]),
        ("T2P 1A1", &[Alberta]),
        ("V6B 1A1", &[BritishColumbia]),
        ("X0A 1H0", &[Nunavut, NorthwestTerritories]),
        ("X1A 2P7", &[Nunavut, NorthwestTerritories]),
        ("Y1A 1A1", &[Yukon]),
    ];
    for (input, provinces) in expected {
        let code = PostalCode::parse(input).expect("valid");
        assert_eq!(code.provinces(), *provinces, "{input}");
    }
    let covered: Vec<Province> = expected.iter().flat_map(|(_, provinces)| provinces.iter().copied()).collect();
    for province in Province::ALL {
        assert!(covered.contains(&province), "{province:?} has no postal code letter");
    }
}

#[test]
fn provinces_have_names_codes_and_abbreviations_in_both_languages() {
    assert_eq!(Province::Quebec.name(Lang::Fr), "Québec");
    assert_eq!(Province::NorthwestTerritories.name(Lang::Fr), "Territoires du Nord-Ouest");
    assert_eq!(Province::BritishColumbia.abbreviation(Lang::Fr), "C.-B.");
    assert_eq!(Province::PrinceEdwardIsland.abbreviation(Lang::En), "P.E.I.");
    assert_eq!(Province::Quebec.located(Lang::Fr), "au Québec");
    for province in Province::ALL {
        assert_eq!(Province::from_code(province.code()), Some(province));
        assert_eq!(Province::from_code(&province.code().to_lowercase()), Some(province));
        for lang in Lang::ALL {
            assert!(!province.name(lang).is_empty() && !province.abbreviation(lang).is_empty());
            assert!(province.located(lang).ends_with(province.name(lang)), "{province:?} {lang:?}");
        }
    }
    assert_eq!(Province::from_code("XX"), None);
    let json = serde_json::to_string(&Province::Nunavut).expect("serialises");
    assert_eq!(json, "\"NU\"");
}

#[test]
fn fsas_follow_the_same_rules() {
    assert_eq!(Fsa::parse("k1a").map(|fsa| fsa.to_string()), Ok("K1A".to_owned()));
    assert_eq!(Fsa::parse("K1A 0A6"), Err(PostalCodeError::WrongLength { found: 6 }));
    assert_eq!(Fsa::parse("W1A"), Err(PostalCodeError::NeverFirst { letter: 'W' }));
    assert_eq!(Fsa::parse("X0A").map(|fsa| fsa.provinces().len()), Ok(2));
}
