//! The riding directory, on the committed data file: candidates for postal codes (hint first, provinces, the X
//! split, single-district territories, FSAs the hint table misses) and search by name in both languages.

use voix_core::directory::{as_of_line, Directory, FedNum};
use voix_core::i18n::LetterText;
use voix_core::postal::Province;
use voix_core::{Lang, PostalCode};

const DATA: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/canada.json"));

fn directory() -> Directory {
    Directory::from_json(DATA).unwrap_or_else(|error| panic!("data/canada.json: {error}"))
}

fn code(text: &str) -> PostalCode {
    PostalCode::parse(text).unwrap_or_else(|error| panic!("{text}: {error}"))
}

/// The English names of found districts.
fn names(directory: &Directory, fed_nums: &[FedNum]) -> Vec<String> {
    fed_nums.iter().map(|n| directory.district(*n).map_or("?".into(), |d| d.name(Lang::En).to_owned())).collect()
}

#[test]
fn the_data_file_has_every_district() {
    let directory = directory();
    assert_eq!(directory.districts().len(), 343);
    for (province, count) in [(Province::Ontario, 122), (Province::Quebec, 78), (Province::PrinceEdwardIsland, 4)] {
        assert_eq!(directory.districts_in(province).count(), count, "{province:?}");
    }
    for territory in [Province::Yukon, Province::NorthwestTerritories, Province::Nunavut] {
        assert_eq!(directory.districts_in(territory).count(), 1, "{territory:?}");
    }
    for district in directory.districts() {
        assert_eq!(district.fed_num().province(), Some(district.province()), "{}", district.fed_num());
    }
    assert!(!directory.attribution(Lang::En).is_empty());
    assert_eq!(directory.attribution(Lang::En).len(), directory.attribution(Lang::Fr).len());
    assert!(directory.attribution(Lang::En).iter().any(|line| line.contains("Open Government Licence – Canada")));
    assert!(directory.attribution(Lang::Fr).iter().any(|line| line.contains("Chambre des communes")));
}

#[test]
fn districts_give_everything_the_widget_shows() {
    let directory = directory();
    let ottawa_centre = directory.district(FedNum(35079)).expect("Ottawa Centre");
    assert_eq!(ottawa_centre.name(Lang::En), "Ottawa Centre");
    assert_eq!(ottawa_centre.name(Lang::Fr), "Ottawa-Centre");
    assert_eq!(ottawa_centre.province(), Province::Ontario);
    let mp = ottawa_centre.mp().expect("a sitting MP");
    assert!(!mp.name().is_empty());
    assert!(mp.email().is_some_and(|email| email.ends_with("@parl.gc.ca")));
    assert!(mp.photo_url().is_some_and(|url| url.starts_with("https://www.ourcommons.ca/")));
    assert!(!mp.party().name(Lang::En).is_empty() && !mp.party().name(Lang::Fr).is_empty());
    assert!(directory.district(FedNum(99999)).is_none());
}

#[test]
fn emails_are_the_listed_ones_not_made_from_names() {
    let directory = directory();
    let acadie_annapolis = directory.district(FedNum(12001)).and_then(|d| d.mp()).expect("Acadie—Annapolis");
    // Listed as Chris.dEntremont@parl.gc.ca: no apostrophe, capitals kept.
    assert_eq!(acadie_annapolis.email(), Some("Chris.dEntremont@parl.gc.ca"));
}

#[test]
fn the_hint_comes_first_then_the_rest_of_the_province() {
    let directory = directory();
    let candidates = directory.candidates(&code("K1A 0A6"));
    assert_eq!(candidates.provinces(), [Province::Ontario]);
    assert_eq!(candidates.hint(), Some(FedNum(35079)));
    assert_eq!(candidates.fed_nums()[0], FedNum(35079));
    assert_eq!(candidates.len(), 122, "every Ontario district, the hint once");
    assert_eq!(candidates.others().len(), 121);
    assert!(!candidates.others().contains(&FedNum(35079)));
    assert_eq!(candidates.single(), None);
    assert!(!candidates.is_precise());
}

#[test]
fn a_wrong_pick_is_only_a_suggestion() {
    // The hint table suggests Laurier—Sainte-Marie for H3Z (Westmount), a riding the FSA's shape never reaches:
    // the area overlap offers Notre-Dame-de-Grâce—Westmount alone, and every Quebec district follows.
    let directory = directory();
    let candidates = directory.candidates(&code("H3Z 2Y7"));
    assert_eq!(names(&directory, &candidates.fed_nums()[..1]), ["Notre-Dame-de-Grâce—Westmount"]);
    assert_eq!(candidates.short_list().len(), 1);
    assert_eq!(candidates.len(), 78);
    assert!(candidates.fed_nums().contains(&FedNum(24052)), "Notre-Dame-de-Grâce—Westmount is offered");
}

#[test]
fn an_fsa_missing_from_the_hints_gets_its_area_short_list_then_its_province() {
    let directory = directory();
    let moncton = directory.candidates(&code("E1A 1A1"));
    assert_eq!(directory.fsa_hint(code("E1A 1A1").fsa()), None);
    assert_eq!(names(&directory, &moncton.fed_nums()[..2]), ["Beauséjour", "Moncton—Dieppe"]);
    assert_eq!(moncton.short_list().len(), 2);
    assert_eq!(moncton.provinces(), [Province::NewBrunswick]);
    assert_eq!(moncton.len(), 10);
    assert_eq!(moncton.rest().len(), 8);
    let rural_pei = directory.candidates(&code("C0A 1A0"));
    assert_eq!(rural_pei.short_list().len(), 2);
    assert_eq!(rural_pei.len(), 4, "Prince Edward Island has four districts: a choice remains");
    assert_eq!(rural_pei.single(), None);
    let charlottetown = directory.candidates(&code("C1A 4P3"));
    assert_eq!(names(&directory, &charlottetown.fed_nums()[..1]), ["Charlottetown"]);
}

#[test]
fn a_hint_outside_the_fsas_province_is_not_offered() {
    // R8A (Flin Flon, Manitoba) pointed to a Saskatchewan district in the source; the build dropped it.
    let directory = directory();
    let candidates = directory.candidates(&code("R8A 1A1"));
    assert_eq!(candidates.provinces(), [Province::Manitoba]);
    assert!(candidates.fed_nums().iter().all(|n| n.province() == Some(Province::Manitoba)));
    // A file that still carries such a hint is read, and the hint ignored.
    let with_wrong_hint = DATA.replacen("\"R0C\":46009", "\"R0C\":46009,\"R8A\":47003", 1);
    assert_ne!(with_wrong_hint, DATA);
    let directory = Directory::from_json(&with_wrong_hint).expect("readable");
    assert_eq!(directory.fsa_hint(code("R8A 1A1").fsa()), Some(FedNum(47003)));
    let candidates = directory.candidates(&code("R8A 1A1"));
    assert_eq!(candidates.hint(), Some(FedNum(46002)), "the area's riding, in Manitoba");
    assert!(!candidates.fed_nums().contains(&FedNum(47003)));
    assert_eq!(candidates.len(), 14);
}

#[test]
fn x_postal_codes_split_between_nunavut_and_the_northwest_territories() {
    let directory = directory();
    for (text, territory, fed_num) in [
        ("X0A 1H0", Province::Nunavut, 62001),
        ("X0B 0C0", Province::Nunavut, 62001),
        ("X0C 0A0", Province::Nunavut, 62001),
        ("X0E 0N0", Province::NorthwestTerritories, 61001),
        ("X1A 2P7", Province::NorthwestTerritories, 61001),
    ] {
        let candidates = directory.candidates(&code(text));
        assert_eq!(candidates.provinces(), [territory], "{text}");
        assert_eq!(candidates.single(), Some(FedNum(fed_num)), "{text}: one district, nothing to choose");
    }
    let unknown = directory.candidates(&code("X9Z 9Z9"));
    assert_eq!(unknown.provinces(), [Province::Nunavut, Province::NorthwestTerritories]);
    assert_eq!(unknown.fed_nums(), [FedNum(61001), FedNum(62001)]);
    assert_eq!(unknown.single(), None);
}

#[test]
fn yukon_resolves_directly() {
    let directory = directory();
    for text in ["Y1A 1A1", "Y0B 1A0", "Y0A 1A1"] {
        assert_eq!(directory.candidates(&code(text)).single(), Some(FedNum(60001)), "{text}");
    }
}

fn search(directory: &Directory, provinces: &[Province], query: &str) -> Vec<String> {
    names(directory, &directory.search(provinces, query))
}

#[test]
fn search_ignores_accents_case_and_punctuation() {
    let directory = directory();
    let quebec = [Province::Quebec];
    for query in ["notre dame de grace", "Notre-Dame-de-Grâce", "NOTRE DAME", "grace westmount", "westm"] {
        assert_eq!(search(&directory, &quebec, query), ["Notre-Dame-de-Grâce—Westmount"], "{query}");
    }
    let sisters = ["Ville-Marie—Le Sud-Ouest—Île-des-Soeurs"];
    for query in ["soeurs", "sœurs", "Sœurs", "SOEURS", "ile des soeurs", "Île-des-Sœurs", "sud ouest soeurs"] {
        assert_eq!(search(&directory, &quebec, query), sisters, "{query}");
    }
    for query in ["ville marie le sud ouest", "Ville-Marie—Le Sud-Ouest", "ville–marie – le sud–ouest"] {
        assert_eq!(search(&directory, &quebec, query), sisters, "{query}: dashes are spaces");
    }
}

#[test]
fn apostrophes_straight_curly_or_missing_are_equal() {
    let directory = directory();
    for query in ["St. John's East", "st john’s east", "st johns east", "john's", "johns", "ST JOHN`S"] {
        assert_eq!(search(&directory, &[Province::NewfoundlandAndLabrador], query), ["St. John's East"], "{query}");
    }
    for query in ["l'érable", "L’Érable", "lerable", "erable", "megantic l erable"] {
        assert_eq!(search(&directory, &[Province::Quebec], query), ["Mégantic—L’Érable—Lotbinière"], "{query}");
    }
    for query in ["Pays-d'en-Haut", "pays d en haut", "pays den haut"] {
        assert_eq!(search(&directory, &[Province::Quebec], query), ["Les Pays-d'en-Haut"], "{query}");
    }
}

#[test]
fn search_finds_both_languages_and_ranks_name_starts_first() {
    let directory = directory();
    let ontario = [Province::Ontario];
    assert_eq!(search(&directory, &ontario, "Ottawa-Centre"), ["Ottawa Centre"]);
    assert_eq!(search(&directory, &ontario, "ottawa ouest"), ["Ottawa West—Nepean"]);
    assert_eq!(search(&directory, &[Province::NewfoundlandAndLabrador], "john’s-est"), ["St. John's East"]);
    let ottawa = search(&directory, &ontario, "ottawa");
    assert_eq!(ottawa[..4], ["Ottawa Centre", "Ottawa South", "Ottawa—Vanier—Gloucester", "Ottawa West—Nepean"]);
    // Other words of the name match too, after the names that start with the query.
    let centre = search(&directory, &[Province::Manitoba], "centre");
    assert_eq!(centre, ["Winnipeg Centre", "Winnipeg South Centre"]);
}

#[test]
fn search_stays_in_the_provinces_asked() {
    let directory = directory();
    assert!(search(&directory, &[Province::Ontario], "soeurs").is_empty());
    assert_eq!(search(&directory, &[], "soeurs").len(), 1, "no province: all of Canada");
    assert!(search(&directory, &[Province::Quebec], "").is_empty());
    assert!(search(&directory, &[Province::Quebec], " - ' ").is_empty());
    assert!(search(&directory, &[Province::Quebec], "zzzz").is_empty());
    let centres = search(&directory, &[Province::Ontario, Province::Quebec], "centre");
    assert!(centres.contains(&"Québec Centre".to_owned()) && centres.contains(&"Toronto Centre".to_owned()));
}

#[test]
fn search_finds_a_district_by_its_mps_name_last() {
    let directory = directory();
    let mp = directory.district(FedNum(35079)).and_then(|d| d.mp()).map(|mp| mp.name().to_owned()).expect("MP");
    let found = directory.search(&[Province::Ontario], &mp);
    assert_eq!(found.first(), Some(&FedNum(35079)), "{mp}");
}

#[test]
fn the_as_of_date_is_shown_in_both_languages() {
    let directory = directory();
    assert_eq!(directory.as_of().to_string(), "2026-09-18");
    assert_eq!(as_of_line(&directory.as_of(), Lang::En), "MP list as of September 18, 2026");
    assert_eq!(as_of_line(&directory.as_of(), Lang::Fr), "Liste des députés à jour au 18 septembre 2026");
    assert!(!LetterText::NoSittingMp.get(Lang::Fr).is_empty());
}
