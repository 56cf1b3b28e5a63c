//! The data file format on small hand-written files: vacancies, the checks `Directory::from_json` makes, and
//! candidates after an exact online lookup.

use voix_core::directory::{Directory, DirectoryError, FedNum};
use voix_core::postal::Province;
use voix_core::represent::{Basis, PostcodeDistricts, RepresentDistrict};
use voix_core::{Lang, PostalCode};

/// Prince Edward Island's four districts, one of them vacant, and two FSA hints.
fn file() -> serde_json::Value {
    serde_json::json!({
        "format": "voix/canada/v1",
        "as_of": "2026-02-01",
        "attribution": {"en": ["Source: House of Commons"], "fr": ["Source\u{a0}: Chambre des communes"]},
        "parties": {"liberal": {"en": "Liberal", "fr": "Libéral"}},
        "districts": [
            {"fed_num": 11001, "province": "PE", "name_en": "Cardigan", "name_fr": "Cardigan",
             "mp": {"name": "A Member", "party": "liberal", "email": "a.member@parl.gc.ca"}},
            {"fed_num": 11002, "province": "PE", "name_en": "Charlottetown", "name_fr": "Charlottetown", "mp": null},
            {"fed_num": 11003, "province": "PE", "name_en": "Egmont", "name_fr": "Egmont",
             "mp": {"name": "Another Member", "party": "liberal"}},
            {"fed_num": 11004, "province": "PE", "name_en": "Malpeque", "name_fr": "Malpeque",
             "mp": {"name": "Third Member", "party": "liberal", "email": "third@parl.gc.ca",
                    "photo_url": "https://www.ourcommons.ca/x.jpg"}}
        ],
        "fsa_hints": {"C1A": 11002, "C1N": 11003},
        "x_fsa_territories": {}
    })
}

fn read(value: &serde_json::Value) -> Result<Directory, DirectoryError> {
    Directory::from_json(&value.to_string())
}

fn code(text: &str) -> PostalCode {
    PostalCode::parse(text).expect("valid postal code")
}

#[test]
fn a_vacant_seat_has_no_mp() {
    let directory = read(&file()).expect("valid");
    let charlottetown = directory.district(FedNum(11002)).expect("listed");
    assert!(charlottetown.is_vacant());
    assert!(charlottetown.mp().is_none());
    let egmont = directory.district(FedNum(11003)).and_then(|d| d.mp()).expect("filled");
    assert_eq!(egmont.email(), None, "an email the data does not have stays unknown");
    assert_eq!(egmont.photo_url(), None);
    assert_eq!(egmont.party().name(Lang::Fr), "Libéral");
    assert_eq!(egmont.party().id(), "liberal");
    assert_eq!(directory.as_of().to_string(), "2026-02-01");
    // The vacant hint is still offered first: the widget shows the vacancy.
    assert_eq!(directory.candidates(&code("C1A 1A1")).hint(), Some(FedNum(11002)));
}

#[test]
fn files_the_widget_cannot_use_are_refused_with_a_reason() {
    assert!(matches!(Directory::from_json("{"), Err(DirectoryError::NotJson { .. })));
    let mut future = file();
    future["format"] = "voix/canada/v2".into();
    assert_eq!(read(&future).err(), Some(DirectoryError::UnsupportedFormat { found: "voix/canada/v2".into() }));
    let mut bad_date = file();
    bad_date["as_of"] = "autumn 2025".into();
    assert!(matches!(read(&bad_date), Err(DirectoryError::BadDate { .. })));
    let mut unknown_party = file();
    unknown_party["districts"][0]["mp"]["party"] = "whig".into();
    assert_eq!(
        read(&unknown_party).err(),
        Some(DirectoryError::UnknownParty { fed_num: FedNum(11001), party: "whig".into() })
    );
    let mut stray_hint = file();
    stray_hint["fsa_hints"]["C1B"] = 35079.into();
    assert_eq!(
        read(&stray_hint).err(),
        Some(DirectoryError::UnknownHintDistrict { fsa: "C1B".into(), fed_num: FedNum(35079) })
    );
    let mut bad_fsa = file();
    bad_fsa["fsa_hints"]["W1A"] = 11001.into();
    assert!(matches!(read(&bad_fsa), Err(DirectoryError::BadFsa { .. })));
    let mut misplaced = file();
    misplaced["x_fsa_territories"]["X0A"] = "ON".into();
    assert_eq!(read(&misplaced).err(), Some(DirectoryError::BadFsa { found: "X0A".into() }));
    let mut duplicate = file();
    let first = duplicate["districts"][0].clone();
    duplicate["districts"].as_array_mut().expect("list").push(first);
    assert_eq!(read(&duplicate).err(), Some(DirectoryError::DuplicateDistrict { fed_num: FedNum(11001) }));
    let message = DirectoryError::UnsupportedFormat { found: "x".into() }.text(Lang::Fr);
    assert!(message.contains("«\u{a0}voix/canada/v1\u{a0}»"), "{message}");
}

fn answer(basis: Basis, districts: &[(u32, &str, bool)]) -> PostcodeDistricts {
    PostcodeDistricts {
        basis,
        districts: districts
            .iter()
            .map(|(fed_num, name, versioned_set)| RepresentDistrict {
                fed_num: FedNum(*fed_num),
                name: (*name).to_owned(),
                versioned_set: *versioned_set,
            })
            .collect(),
    }
}

#[test]
fn an_exact_lookup_narrows_the_choice() {
    let directory = read(&file()).expect("valid");
    let one =
        directory.candidates_from_represent(&code("C1A 4P3"), &answer(Basis::Centroid, &[(11004, "Malpeque", true)]));
    assert_eq!(one.single(), Some(FedNum(11004)));
    assert!(one.is_precise());
    let two = directory.candidates_from_represent(
        &code("C1A 4P3"),
        &answer(Basis::Concordance, &[(11002, "Charlottetown", true), (11004, "Malpeque", true)]),
    );
    assert_eq!(two.fed_nums(), [FedNum(11002), FedNum(11004)]);
    assert_eq!(two.single(), None);
    assert_eq!(two.provinces(), [Province::PrinceEdwardIsland]);
}

#[test]
fn an_exact_lookup_that_disagrees_falls_back_to_the_fsa() {
    let directory = read(&file()).expect("valid");
    let fallback = directory.candidates(&code("C1A 4P3"));
    // A district this data does not have, one in another province, and a set without a year whose name differs
    // (the 2013 order reuses numbers) all fall back to the FSA's candidates.
    for districts in [&[(99001, "Nowhere", true)][..], &[(35079, "Ottawa Centre", true)], &[(11001, "Malpeque", false)]]
    {
        let candidates = directory.candidates_from_represent(&code("C1A 4P3"), &answer(Basis::Centroid, districts));
        assert_eq!(candidates, fallback, "{districts:?}");
        assert!(!candidates.is_precise());
    }
    // A set without a year is trusted when its name agrees.
    let agreeing =
        directory.candidates_from_represent(&code("C1A 4P3"), &answer(Basis::Centroid, &[(11001, "Cardigan", false)]));
    assert_eq!(agreeing.single(), Some(FedNum(11001)));
}
