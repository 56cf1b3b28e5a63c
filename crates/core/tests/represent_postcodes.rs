//! Reading Represent's `/postcodes/{CODE}/` answers, on fixtures written from the documented format: every level
//! of boundary in two lists, concordance preferred over centroid, the 2023 federal set picked out of the others.

use voix_core::directory::FedNum;
use voix_core::represent::{parse_postcode, postcode_url, Basis, RepresentError};
use voix_core::PostalCode;

/// A postal code on a district line: the concordance names two 2023 districts (and a 2013 one and a provincial
/// one that must be ignored); the centroid list names one.
const STRADDLING: &str = r#"{
  "code": "K1A0A6", "city": "Ottawa", "province": "ON",
  "centroid": {"type": "Point", "coordinates": [-75.69, 45.42]},
  "boundaries_concordance": [
    {"url": "/boundaries/federal-electoral-districts-2023-representation-order/35079/", "name": "Ottawa Centre",
     "boundary_set_name": "Federal electoral district", "external_id": "35079",
     "related": {"boundary_set_url": "/boundary-sets/federal-electoral-districts-2023-representation-order/"}},
    {"url": "/boundaries/federal-electoral-districts/35075/", "name": "Ottawa Centre",
     "boundary_set_name": "Federal electoral district", "external_id": "35075",
     "related": {"boundary_set_url": "/boundary-sets/federal-electoral-districts/"}},
    {"url": "/boundaries/ontario-electoral-districts-representation-act-2015/64/", "name": "Ottawa Centre",
     "boundary_set_name": "Ontario electoral district", "external_id": "64",
     "related": {"boundary_set_url": "/boundary-sets/ontario-electoral-districts-representation-act-2015/"}},
    {"url": "/boundaries/federal-electoral-districts-2023-representation-order/35081/", "name": "Ottawa—Vanier—Gloucester",
     "boundary_set_name": "Federal electoral district", "external_id": "35081",
     "related": {"boundary_set_url": "/boundary-sets/federal-electoral-districts-2023-representation-order/"}}
  ],
  "boundaries_centroid": [
    {"url": "/boundaries/federal-electoral-districts-2023-representation-order/35079/", "name": "Ottawa Centre",
     "boundary_set_name": "Federal electoral district", "external_id": "35079",
     "related": {"boundary_set_url": "/boundary-sets/federal-electoral-districts-2023-representation-order/"}},
    {"url": "/boundaries/ottawa-wards/14/", "name": "Somerset", "boundary_set_name": "Ottawa ward", "external_id": "14",
     "related": {"boundary_set_url": "/boundary-sets/ottawa-wards/"}}
  ],
  "representatives_centroid": []
}"#;

/// The usual case: an empty concordance, the district from the centroid, with the older set listed too.
const CENTROID_ONLY: &str = r#"{
  "code": "X0A1H0", "city": "Iqaluit", "province": "NU",
  "boundaries_concordance": [],
  "boundaries_centroid": [
    {"url": "/boundaries/federal-electoral-districts-2013-representation-order/62001/", "name": "Nunavut",
     "boundary_set_name": "Federal electoral district", "external_id": "62001",
     "related": {"boundary_set_url": "/boundary-sets/federal-electoral-districts-2013-representation-order/"}},
    {"url": "/boundaries/2023-federal-electoral-districts/62001/", "name": "Nunavut",
     "boundary_set_name": "2023 Federal electoral district", "external_id": 62001}
  ]
}"#;

#[test]
fn the_concordance_is_preferred_and_other_sets_are_ignored() {
    let parsed = parse_postcode(STRADDLING).expect("districts");
    assert_eq!(parsed.basis, Basis::Concordance);
    let fed_nums: Vec<FedNum> = parsed.districts.iter().map(|d| d.fed_num).collect();
    assert_eq!(fed_nums, [FedNum(35079), FedNum(35081)]);
    assert!(parsed.districts.iter().all(|d| d.versioned_set));
    assert_eq!(parsed.districts[1].name, "Ottawa—Vanier—Gloucester");
}

#[test]
fn the_centroid_is_used_when_the_concordance_is_empty() {
    let parsed = parse_postcode(CENTROID_ONLY).expect("districts");
    assert_eq!(parsed.basis, Basis::Centroid);
    assert_eq!(parsed.districts.len(), 1, "the 2013 set is ignored, the numeric external_id read");
    assert_eq!(parsed.districts[0].fed_num, FedNum(62001));
}

#[test]
fn a_federal_set_without_a_year_is_kept_for_the_directory_to_confirm() {
    let json = r#"{"boundaries_centroid": [
        {"url": "/boundaries/federal-electoral-districts/35079/", "name": "Ottawa Centre",
         "boundary_set_name": "Federal electoral district"}]}"#;
    let parsed = parse_postcode(json).expect("districts");
    assert_eq!(parsed.districts[0].fed_num, FedNum(35079), "the number from the URL when external_id is missing");
    assert!(!parsed.districts[0].versioned_set);
    // Without URLs, the set name decides.
    let by_name = r#"{"boundaries_centroid": [{"name": "Nunavut", "external_id": "62001",
        "boundary_set_name": "Federal electoral district (2023 Representation Order)"}]}"#;
    assert!(parse_postcode(by_name).expect("districts").districts[0].versioned_set);
}

#[test]
fn answers_without_a_federal_district_are_errors() {
    assert_eq!(parse_postcode("<html>Bad gateway</html>"), Err(RepresentError::NotJson));
    assert_eq!(parse_postcode(r#"{"error": "Not found"}"#), Err(RepresentError::NoFederalDistrict));
    let provincial_only = r#"{"boundaries_concordance": null, "boundaries_centroid": [
        {"url": "/boundaries/ontario-electoral-districts-representation-act-2015/64/", "external_id": "64"}]}"#;
    assert_eq!(parse_postcode(provincial_only), Err(RepresentError::NoFederalDistrict));
    assert!(!RepresentError::NoFederalDistrict.text(voix_core::Lang::Fr).is_empty());
}

#[test]
fn the_url_uses_the_compact_code() {
    let code = PostalCode::parse("k1a 0a6").expect("valid");
    assert_eq!(
        postcode_url("https://represent.opennorth.ca", &code),
        "https://represent.opennorth.ca/postcodes/K1A0A6/"
    );
    assert_eq!(
        postcode_url("https://represent.opennorth.ca/ ", &code),
        "https://represent.opennorth.ca/postcodes/K1A0A6/"
    );
}
