//! The data file `data/canada.json` as JSON: what `voix data build` and `voix data refresh` write and
//! [`Directory::from_json`](super::Directory::from_json) reads. One definition for both sides keeps them in step.
//!
//! ```json
//! {"format": "voix/canada/v1", "as_of": "2025-08-18",
//!  "attribution": {"en": ["…"], "fr": ["…"]},
//!  "parties": {"liberal": {"en": "Liberal", "fr": "Libéral"}},
//!  "districts": [{"fed_num": 35075, "province": "ON", "name_en": "Ottawa Centre", "name_fr": "Ottawa-Centre",
//!                 "mp": {"name": "…", "party": "liberal", "email": "…@parl.gc.ca", "photo_url": "https://…",
//!                        "hill_phone": "613-992-4133", "office_phone": "709-…"}}],
//!  "phones_as_of": "2026-09-02",
//!  "senate": {"as_of": "2026-07-27", "groups": {"ISG": {"en": "Independent Senators Group", "fr": "…"}},
//!             "senators": [{"name": "…", "province": "MB", "group": "CSG", "retires_on": "2026-08-09"}]},
//!  "fsa_hints": {"K1A": 35075},
//!  "fsa_ridings": {"K1A": [[35075, 930], [24013, 70]]},
//!  "x_fsa_territories": {"X0A": "NU", "X0E": "NT"},
//!  "fsa_without_ridings": ["L3L"]}
//! ```
//!
//! A district whose `mp` is `null` has no sitting member (a vacancy). `fsa_hints` is a suggestion only: one
//! district per Forward Sortation Area, for the FSAs the source covers. `fsa_ridings` is each FSA's short list in the order
//! offered, with each riding's share of the FSA's area in thousandths ([`super::short_list`]); FSAs without
//! geometry are not in it (the hint, then the province's list, stand in).

use super::FedNum;
use crate::postal::Province;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The value of `format` this version reads and writes; a change that old readers would misread gets a new one.
pub const FORMAT: &str = "voix/canada/v1";

/// The whole file. Maps are ordered, so the same data always gives the same bytes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CanadaFile {
    pub format: String,
    /// The date (`YYYY-MM-DD`) the MP list was last known to be right.
    pub as_of: String,
    /// Credit lines the sources' licences require, shown in the widget's fine print.
    pub attribution: Attribution,
    /// Party id → names.
    pub parties: BTreeMap<String, PartyRecord>,
    /// Every district, by `fed_num`.
    pub districts: Vec<DistrictRecord>,
    /// FSA → the district suggested first for it.
    pub fsa_hints: BTreeMap<String, FedNum>,
    /// FSA → its short list: `(riding, share of the FSA's area in thousandths)`, in the order offered.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fsa_ridings: BTreeMap<String, Vec<(FedNum, u16)>>,
    /// The territory of each `X` FSA (Nunavut or the Northwest Territories share the letter).
    pub x_fsa_territories: BTreeMap<String, Province>,
    /// FSAs in use (Statistics Canada's list) with neither a short list nor a hint: with the keys above, every
    /// FSA in use, so that a postal code of an FSA nobody uses is told so.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fsa_without_ridings: Vec<String>,
    /// The date (`YYYY-MM-DD`) the MPs' telephone numbers were read; absent when the file has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phones_as_of: Option<String>,
    /// The senators, with the date their list was read; absent when the file has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub senate: Option<SenateRecord>,
}

/// The Senate as a source listed it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SenateRecord {
    /// The date (`YYYY-MM-DD`) the list was read.
    pub as_of: String,
    /// Group id → names.
    pub groups: BTreeMap<String, PartyRecord>,
    /// Ordered by name.
    pub senators: Vec<SenatorRecord>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SenatorRecord {
    pub name: String,
    /// The province or territory the senator represents.
    pub province: Province,
    /// Quebec's senators each hold one of 24 senatorial divisions; absent when the source does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub division: Option<String>,
    /// A key of `groups`.
    pub group: String,
    /// Only where a source gives it; never made from the name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The senator's 75th birthday, when the Constitution retires them (`YYYY-MM-DD`), if the source gives it:
    /// after it, the senator is no longer offered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retires_on: Option<String>,
}

/// Credit lines in each language.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    pub en: Vec<String>,
    pub fr: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartyRecord {
    pub en: String,
    pub fr: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DistrictRecord {
    pub fed_num: FedNum,
    pub province: Province,
    pub name_en: String,
    pub name_fr: String,
    /// `None` (written `null`): the seat is vacant.
    pub mp: Option<MpRecord>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MpRecord {
    pub name: String,
    /// A key of `parties`.
    pub party: String,
    /// The address the House of Commons lists; absent when the last refresh did not give one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo_url: Option<String>,
    /// The Parliament Hill office's telephone, as the House lists it (`613-992-4133`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hill_phone: Option<String>,
    /// The main constituency office's telephone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office_phone: Option<String>,
}
