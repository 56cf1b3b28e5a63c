//! The exact riding of a full postal code, from Open North's Represent API (`GET {base}/postcodes/{CODE}/`).
//!
//! The widget calls it only when a campaign enables it (it is a request to a third party). This module has no
//! I/O: it builds the URL and reads the answer; [`crate::directory::Directory::candidates_from_represent`] turns
//! the answer into districts to offer.
//!
//! An answer lists boundaries of every level (federal, provincial, municipal) in two lists:
//! `boundaries_concordance`, from official postal code concordances (a code may map to several districts), and
//! `boundaries_centroid`, the boundaries containing the code's centre point. Each boundary looks like
//! `{"url": "/boundaries/federal-electoral-districts-2023-representation-order/35075/", "name": "Ottawa Centre",
//! "boundary_set_name": "Federal electoral district", "external_id": "35075",
//! "related": {"boundary_set_url": "/boundary-sets/federal-electoral-districts-2023-representation-order/"}}`.
//! The 2023 federal set's slug has varied (`…-2023-representation-order`, `2023-federal-electoral-districts`), and
//! both federal sets share the `boundary_set_name` "Federal electoral district", so the set is recognised
//! liberally from its URL, and an entry of a set without a year is kept apart for the directory to confirm by name.

use crate::directory::FedNum;
use crate::postal::PostalCode;
use crate::Lang;
use serde_json::Value;
use std::fmt;

/// The lookup URL for a postal code: `postcode_url("https://represent.opennorth.ca", K1A 0A6)` is
/// `https://represent.opennorth.ca/postcodes/K1A0A6/`.
pub fn postcode_url(base: &str, code: &PostalCode) -> String {
    format!("{}/postcodes/{}/", base.trim().trim_end_matches('/'), code.compact())
}

/// Which list of the answer the districts came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// Official concordance: every district the postal code touches.
    Concordance,
    /// The district containing the postal code's centre point.
    Centroid,
}

/// A federal district named in an answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RepresentDistrict {
    pub fed_num: FedNum,
    /// The boundary's name, as Represent gives it.
    pub name: String,
    /// `true` when the boundary set names the 2023 Representation Order; `false` for a federal set without a year,
    /// which is only trusted when the name agrees with the directory.
    pub versioned_set: bool,
}

/// The federal districts of a postal code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PostcodeDistricts {
    pub basis: Basis,
    pub districts: Vec<RepresentDistrict>,
}

/// Why an answer gives no district.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RepresentError {
    /// The body is not JSON (an error page, a cut-off response).
    NotJson,
    /// No federal district of the 2023 Representation Order in either list.
    NoFederalDistrict,
}

impl RepresentError {
    /// The message in `lang`; the widget then falls back to the list from the postal code's first characters.
    pub fn text(&self, lang: Lang) -> &'static str {
        match (self, lang) {
            (RepresentError::NotJson, Lang::En) => "The exact riding lookup gave an unreadable answer.",
            (RepresentError::NotJson, Lang::Fr) => {
                "La recherche exacte de circonscription a donné une réponse illisible."
            }
            (RepresentError::NoFederalDistrict, Lang::En) => "The exact riding lookup did not find a federal riding.",
            (RepresentError::NoFederalDistrict, Lang::Fr) => {
                "La recherche exacte de circonscription n'a pas trouvé de circonscription fédérale."
            }
        }
    }
}

impl fmt::Display for RepresentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text(Lang::En))
    }
}

impl std::error::Error for RepresentError {}

/// How a boundary relates to the 2023 federal districts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SetKind {
    Federal2023,
    FederalWithoutYear,
    Other,
}

/// Whether `text` contains a four-digit year (1900–2099) other than 2023.
fn has_other_year(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.windows(4).enumerate().any(|(start, window)| {
        let digits = window.iter().all(u8::is_ascii_digit);
        let bounded_before = start == 0 || !bytes[start - 1].is_ascii_digit();
        let bounded_after = bytes.get(start + 4).is_none_or(|b| !b.is_ascii_digit());
        digits
            && bounded_before
            && bounded_after
            && (window.starts_with(b"19") || window.starts_with(b"20"))
            && window != b"2023"
    })
}

/// Classifies a set from its slug or name, already in lower case with words joined by `-`.
fn classify(set: &str) -> SetKind {
    if !set.contains("federal-electoral-district") {
        SetKind::Other
    } else if set.contains("2023") {
        SetKind::Federal2023
    } else if has_other_year(set) {
        SetKind::Other
    } else {
        SetKind::FederalWithoutYear
    }
}

/// The set slug of a boundary: from `related.boundary_set_url` (`/boundary-sets/{slug}/`), else from its own
/// `url` (`/boundaries/{slug}/{id}/`).
fn set_slug(boundary: &Value) -> Option<String> {
    let from_set_url = boundary
        .pointer("/related/boundary_set_url")
        .and_then(Value::as_str)
        .and_then(|url| url.split("/boundary-sets/").nth(1))
        .and_then(|rest| rest.split('/').next());
    let from_url = || {
        boundary
            .get("url")
            .and_then(Value::as_str)
            .and_then(|url| url.split("/boundaries/").nth(1))
            .and_then(|rest| rest.split('/').next())
    };
    from_set_url.or_else(from_url).filter(|slug| !slug.is_empty()).map(str::to_ascii_lowercase)
}

fn kind_of(boundary: &Value) -> SetKind {
    if let Some(slug) = set_slug(boundary) {
        return classify(&slug);
    }
    let name = boundary.get("boundary_set_name").and_then(Value::as_str).unwrap_or_default();
    let slug: Vec<String> = name.split_whitespace().map(str::to_ascii_lowercase).collect();
    classify(&slug.join("-"))
}

/// The district number: `external_id` (text or number), else the last part of the boundary's URL.
fn fed_num_of(boundary: &Value) -> Option<FedNum> {
    let from_external_id = match boundary.get("external_id") {
        Some(Value::String(id)) => id.trim().parse().ok(),
        Some(Value::Number(id)) => id.as_u64().and_then(|id| u32::try_from(id).ok()),
        _ => None,
    };
    let from_url = || {
        let url = boundary.get("url").and_then(Value::as_str)?;
        url.trim_end_matches('/').rsplit('/').next()?.parse().ok()
    };
    from_external_id.or_else(from_url).map(FedNum)
}

/// The 2023 federal districts of one list: those of a set naming 2023, else those of a federal set without a year.
fn federal_districts(list: Option<&Value>) -> Vec<RepresentDistrict> {
    let boundaries = list.and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    let mut versioned = Vec::new();
    let mut unversioned = Vec::new();
    for boundary in boundaries {
        let Some(fed_num) = fed_num_of(boundary) else { continue };
        let name = boundary.get("name").and_then(Value::as_str).unwrap_or_default().to_owned();
        match kind_of(boundary) {
            SetKind::Federal2023 => versioned.push(RepresentDistrict { fed_num, name, versioned_set: true }),
            SetKind::FederalWithoutYear => unversioned.push(RepresentDistrict { fed_num, name, versioned_set: false }),
            SetKind::Other => {}
        }
    }
    let mut chosen = if versioned.is_empty() { unversioned } else { versioned };
    let mut seen = Vec::new();
    chosen.retain(|district| {
        let new = !seen.contains(&district.fed_num);
        seen.push(district.fed_num);
        new
    });
    chosen
}

/// Reads a `/postcodes/{CODE}/` answer: the 2023 federal districts of `boundaries_concordance` when it has any,
/// else those of `boundaries_centroid`.
pub fn parse_postcode(json: &str) -> Result<PostcodeDistricts, RepresentError> {
    let answer: Value = serde_json::from_str(json).map_err(|_| RepresentError::NotJson)?;
    let concordance = federal_districts(answer.get("boundaries_concordance"));
    if !concordance.is_empty() {
        return Ok(PostcodeDistricts { basis: Basis::Concordance, districts: concordance });
    }
    let centroid = federal_districts(answer.get("boundaries_centroid"));
    if !centroid.is_empty() {
        return Ok(PostcodeDistricts { basis: Basis::Centroid, districts: centroid });
    }
    Err(RepresentError::NoFederalDistrict)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_are_recognised_from_slugs_and_names() {
        assert_eq!(classify("federal-electoral-districts-2023-representation-order"), SetKind::Federal2023);
        assert_eq!(classify("2023-federal-electoral-districts"), SetKind::Federal2023);
        assert_eq!(classify("federal-electoral-districts"), SetKind::FederalWithoutYear);
        assert_eq!(classify("federal-electoral-districts-2013-representation-order"), SetKind::Other);
        assert_eq!(classify("ontario-electoral-districts-representation-act-2015"), SetKind::Other);
        assert_eq!(classify("federal-electoral-district"), SetKind::FederalWithoutYear);
    }
}
