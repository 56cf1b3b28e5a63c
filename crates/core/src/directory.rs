//! The federal ridings (electoral districts), their MPs, and the lookup from a postal code to the ridings to offer.
//!
//! The data is `data/canada.json` (see [`file`]), fetched lazily by the widget. A postal code's first three
//! characters (the FSA) give its province or territory for certain, and at best a *hint*: one district the source
//! data associates with the FSA, often wrong where an FSA spans several districts. So the lookup never decides
//! alone: [`Directory::candidates`] puts the hint first, followed by every other district of the province, and the
//! person confirms. Only a territory with a single district, or an exact online lookup
//! ([`crate::represent`]) with a single answer, needs no choice.

mod date;
pub mod file;
pub mod locate;
pub mod map;
mod names;
mod read;
pub mod senate;
pub mod short_list;
mod text;

pub use date::IsoDate;
pub use names::{index_words, name_key, query_words, words_match};
pub use short_list::RidingShare;
pub use text::{
    area_share_line, as_of_line, data_too_old_line, members_page, other_ridings_heading, phones_as_of_line,
    unknown_area_line,
};

use crate::postal::{Fsa, PostalCode, Province};
use crate::represent::PostcodeDistricts;
use crate::Lang;
use file::FORMAT;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A federal electoral district number (Elections Canada's `FED_NUM`, 2023 Representation Order): `35075`.
/// Its first two digits are the province's Statistics Canada code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FedNum(pub u32);

impl FedNum {
    /// The province its first two digits name, if any.
    pub fn province(self) -> Option<Province> {
        Province::ALL.into_iter().find(|province| province.statcan_code() == self.0 / 1000)
    }
}

impl fmt::Display for FedNum {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A political party, named in each language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Party {
    id: String,
    name_en: String,
    name_fr: String,
}

impl Party {
    /// The data file's key: `liberal`, `conservative`, `bloc`, `ndp`, `green`, `independent`…
    pub fn id(&self) -> &str {
        &self.id
    }

    /// "Liberal" / "Libéral".
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.name_en,
            Lang::Fr => &self.name_fr,
        }
    }
}

/// A sitting Member of Parliament.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mp {
    name: String,
    party: Party,
    email: Option<String>,
    photo_url: Option<String>,
    hill_phone: Option<String>,
    office_phone: Option<String>,
}

impl Mp {
    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn party(&self) -> &Party {
        &self.party
    }

    /// The address the House of Commons lists, exactly as listed (never built from the name: many do not follow
    /// `first.last@parl.gc.ca`). `None` when the data does not have it yet.
    pub fn email(&self) -> Option<&str> {
        self.email.as_deref()
    }

    /// The official portrait on ourcommons.ca. Loading it is a request to the House of Commons: the widget shows
    /// it only when the campaign allows third-party requests.
    pub fn photo_url(&self) -> Option<&str> {
        self.photo_url.as_deref()
    }

    /// The Parliament Hill office's telephone, as the House lists it (`613-992-4133`), if the data has it.
    pub fn hill_phone(&self) -> Option<&str> {
        self.hill_phone.as_deref()
    }

    /// The main constituency office's telephone, if the data has it.
    pub fn office_phone(&self) -> Option<&str> {
        self.office_phone.as_deref()
    }
}

/// A federal riding and its MP, if the seat is filled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct District {
    fed_num: FedNum,
    province: Province,
    name_en: String,
    name_fr: String,
    mp: Option<Mp>,
    /// Search index: [`name_key`] of both names, and the words of both names and of the MP's name.
    name_keys: [String; 2],
    name_words: Vec<String>,
    mp_words: Vec<String>,
}

impl District {
    pub fn fed_num(&self) -> FedNum {
        self.fed_num
    }

    pub fn province(&self) -> Province {
        self.province
    }

    /// The official name in `lang`: "Ottawa Centre" / "Ottawa-Centre".
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.name_en,
            Lang::Fr => &self.name_fr,
        }
    }

    /// The sitting MP, or `None` when the seat is vacant (show [`LetterText::NoSittingMp`](crate::i18n::LetterText::NoSittingMp)).
    pub fn mp(&self) -> Option<&Mp> {
        self.mp.as_ref()
    }

    pub fn is_vacant(&self) -> bool {
        self.mp.is_none()
    }

    /// How well `query` finds this district: 0 when a name starts with it, 1 when every word starts a word of a
    /// name, 2 when it finds the MP's name; `None` otherwise.
    fn search_rank(&self, query_key: &str, query_words: &[String]) -> Option<u8> {
        if self.name_keys.iter().any(|key| key.starts_with(query_key)) {
            Some(0)
        } else if words_match(query_words, &self.name_words) {
            Some(1)
        } else if words_match(query_words, &self.mp_words) {
            Some(2)
        } else {
            None
        }
    }
}

/// The districts to offer for a postal code: the likeliest first, then the others of its province or territory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidates {
    provinces: Vec<Province>,
    hint: Option<FedNum>,
    /// The ridings the postal code's area is shared by, in the order offered (first = the suggestion).
    short_list: Vec<RidingShare>,
    fed_nums: Vec<FedNum>,
    precise: bool,
}

impl Candidates {
    /// The province or territory of the postal code (two only for an `X` FSA the data does not place).
    pub fn provinces(&self) -> &[Province] {
        &self.provinces
    }

    /// The suggested district, first in [`Self::fed_nums`]: the FSA's hint, or the exact lookup's answer.
    pub fn hint(&self) -> Option<FedNum> {
        self.hint
    }

    /// The ridings the postal code's area is shared by, in the order offered, each with its share of the area when
    /// known: one for most codes, two or three for a split FSA; empty when nothing is known beyond the province.
    pub fn short_list(&self) -> &[RidingShare] {
        &self.short_list
    }

    /// Every district to offer, the hint first.
    pub fn fed_nums(&self) -> &[FedNum] {
        &self.fed_nums
    }

    /// The districts after the short list: the rest of the province, for the person who is in none of them.
    pub fn rest(&self) -> &[FedNum] {
        self.fed_nums.get(self.short_list.len()..).unwrap_or_default()
    }

    /// The districts after the hint.
    pub fn others(&self) -> &[FedNum] {
        let skip = usize::from(self.hint.is_some());
        self.fed_nums.get(skip..).unwrap_or_default()
    }

    /// The district when there is exactly one, so the person has nothing to choose (Yukon, the Northwest
    /// Territories, Nunavut, or an exact lookup that found one).
    pub fn single(&self) -> Option<FedNum> {
        match self.fed_nums.as_slice() {
            [only] => Some(*only),
            _ => None,
        }
    }

    /// Whether these came from an exact lookup of the full postal code rather than from its first three
    /// characters.
    pub fn is_precise(&self) -> bool {
        self.precise
    }

    pub fn len(&self) -> usize {
        self.fed_nums.len()
    }

    pub fn is_empty(&self) -> bool {
        self.fed_nums.is_empty()
    }
}

/// Why the data file cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DirectoryError {
    NotJson {
        detail: String,
    },
    /// A field that is missing or of the wrong kind, by its path: `districts[3].name_en`.
    BadField {
        path: String,
    },
    UnsupportedFormat {
        found: String,
    },
    BadDate {
        found: String,
    },
    DuplicateDistrict {
        fed_num: FedNum,
    },
    UnknownParty {
        fed_num: FedNum,
        party: String,
    },
    BadFsa {
        found: String,
    },
    UnknownHintDistrict {
        fsa: String,
        fed_num: FedNum,
    },
}

impl DirectoryError {
    /// The message in plain words in `lang` (for organisers and logs; readers see
    /// [`LetterText::RidingDataUnavailable`](crate::i18n::LetterText::RidingDataUnavailable)).
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Fr};
        match (self, lang) {
            (DirectoryError::NotJson { detail }, En) => format!("the riding data file is not valid JSON: {detail}"),
            (DirectoryError::NotJson { detail }, Fr) => {
                format!("le fichier des circonscriptions n'est pas du JSON valide\u{a0}: {detail}")
            }
            (DirectoryError::BadField { path }, En) => {
                format!("the riding data file has no valid {path}")
            }
            (DirectoryError::BadField { path }, Fr) => {
                format!("le fichier des circonscriptions n'a pas de {path} valide")
            }
            (DirectoryError::UnsupportedFormat { found }, En) => format!(
                "the riding data file says it is \"{found}\", but this version of Voix reads \"{FORMAT}\""
            ),
            (DirectoryError::UnsupportedFormat { found }, Fr) => format!(
                "le fichier des circonscriptions se dit «\u{a0}{found}\u{a0}», mais cette version de Voix lit «\u{a0}{FORMAT}\u{a0}»"
            ),
            (DirectoryError::BadDate { found }, En) => {
                format!("the riding data file's as_of \"{found}\" is not a date written YYYY-MM-DD")
            }
            (DirectoryError::BadDate { found }, Fr) => format!(
                "la date as_of «\u{a0}{found}\u{a0}» du fichier des circonscriptions n'est pas une date AAAA-MM-JJ"
            ),
            (DirectoryError::DuplicateDistrict { fed_num }, En) => {
                format!("the riding data file lists district {fed_num} twice")
            }
            (DirectoryError::DuplicateDistrict { fed_num }, Fr) => {
                format!("le fichier des circonscriptions donne deux fois la circonscription {fed_num}")
            }
            (DirectoryError::UnknownParty { fed_num, party }, En) => {
                format!("the MP of district {fed_num} has the party \"{party}\", which the parties list lacks")
            }
            (DirectoryError::UnknownParty { fed_num, party }, Fr) => format!(
                "le député de la circonscription {fed_num} a le parti «\u{a0}{party}\u{a0}», absent de la liste des partis"
            ),
            (DirectoryError::BadFsa { found }, En) => format!("\"{found}\" in fsa_hints is not a postal code start"),
            (DirectoryError::BadFsa { found }, Fr) => {
                format!("«\u{a0}{found}\u{a0}» dans fsa_hints n'est pas un début de code postal")
            }
            (DirectoryError::UnknownHintDistrict { fsa, fed_num }, En) => {
                format!("fsa_hints sends {fsa} to district {fed_num}, which the file does not list")
            }
            (DirectoryError::UnknownHintDistrict { fsa, fed_num }, Fr) => format!(
                "fsa_hints associe {fsa} à la circonscription {fed_num}, absente du fichier"
            ),
        }
    }
}

impl fmt::Display for DirectoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for DirectoryError {}

/// The ridings, their MPs and the FSA hints, read from `data/canada.json`.
#[derive(Clone, Debug)]
pub struct Directory {
    as_of: IsoDate,
    attribution: file::Attribution,
    /// Sorted by `fed_num`, which also sorts each province's districts by English name.
    districts: Vec<District>,
    /// Sorted by FSA, for binary search.
    fsa_hints: Vec<(Fsa, FedNum)>,
    /// Sorted by FSA: each FSA's short list in the order offered.
    fsa_ridings: Vec<(Fsa, Vec<RidingShare>)>,
    x_fsa_territories: Vec<(Fsa, Province)>,
    fsa_without_ridings: Vec<Fsa>,
    phones_as_of: Option<IsoDate>,
    senate: Option<senate::Senate>,
}

impl Directory {
    /// Reads the data file's text (see [`file`] for its format).
    pub fn from_json(json: &str) -> Result<Directory, DirectoryError> {
        read::directory(json)
    }

    /// The date the MP list was last known to be right: show it in the fine print ([`as_of_line`]).
    pub fn as_of(&self) -> IsoDate {
        self.as_of
    }

    /// The date the MPs' telephone numbers were read, if the data has numbers.
    pub fn phones_as_of(&self) -> Option<IsoDate> {
        self.phones_as_of
    }

    /// The senators, if the data has them.
    pub fn senate(&self) -> Option<&senate::Senate> {
        self.senate.as_ref()
    }

    /// The credit lines the sources require, in `lang`.
    pub fn attribution(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::En => &self.attribution.en,
            Lang::Fr => &self.attribution.fr,
        }
    }

    /// Every district, by `fed_num`.
    pub fn districts(&self) -> &[District] {
        &self.districts
    }

    pub fn district(&self, fed_num: FedNum) -> Option<&District> {
        self.districts
            .binary_search_by_key(&fed_num, |district| district.fed_num)
            .ok()
            .and_then(|index| self.districts.get(index))
    }

    /// The districts of one province or territory, by `fed_num` (alphabetical by English name).
    pub fn districts_in(&self, province: Province) -> impl Iterator<Item = &District> {
        self.districts.iter().filter(move |district| district.province == province)
    }

    /// The province or territory of an FSA: from its first letter, and for `X` from the data's list of Nunavut and
    /// Northwest Territories FSAs (both when the FSA is not on it, for example a new one).
    pub fn provinces_of(&self, fsa: Fsa) -> Vec<Province> {
        if fsa.first_letter() == 'X' {
            if let Ok(index) = self.x_fsa_territories.binary_search_by_key(&fsa, |(key, _)| *key) {
                return vec![self.x_fsa_territories[index].1];
            }
        }
        fsa.provinces().to_vec()
    }

    /// The district the data suggests for an FSA, if any (possibly wrong: see [`Directory::candidates`]).
    pub fn fsa_hint(&self, fsa: Fsa) -> Option<FedNum> {
        let index = self.fsa_hints.binary_search_by_key(&fsa, |(key, _)| *key).ok()?;
        Some(self.fsa_hints[index].1)
    }

    /// The FSA's short list from the data file (empty for an FSA without geometry).
    /// Whether `fsa` is in use, as far as the data knows (a short list, a hint, a territory, or listed as in use
    /// without either). A data file without that last list (older than it) knows every FSA.
    pub fn knows_fsa(&self, fsa: Fsa) -> bool {
        self.fsa_without_ridings.is_empty()
            || self.fsa_without_ridings.binary_search(&fsa).is_ok()
            || self.fsa_ridings.binary_search_by_key(&fsa, |(key, _)| *key).is_ok()
            || self.fsa_hints.binary_search_by_key(&fsa, |(key, _)| *key).is_ok()
            || self.x_fsa_territories.binary_search_by_key(&fsa, |(key, _)| *key).is_ok()
    }

    pub fn fsa_short_list(&self, fsa: Fsa) -> &[RidingShare] {
        match self.fsa_ridings.binary_search_by_key(&fsa, |(key, _)| *key) {
            Ok(index) => &self.fsa_ridings[index].1,
            Err(_) => &[],
        }
    }

    /// The districts to offer for a postal code: its FSA's short list (the ridings sharing its area, in the order
    /// of [`short_list`]), or for an FSA without geometry its hint; then every other district of the province or
    /// territory, for the person who is not in any of them. Only districts of the code's province(s) are offered.
    pub fn candidates(&self, code: &PostalCode) -> Candidates {
        let provinces = self.provinces_of(code.fsa());
        let in_province =
            |fed_num: FedNum| self.district(fed_num).is_some_and(|district| provinces.contains(&district.province));
        let mut short: Vec<RidingShare> =
            self.fsa_short_list(code.fsa()).iter().copied().filter(|riding| in_province(riding.fed_num)).collect();
        if short.is_empty() {
            short.extend(
                self.fsa_hint(code.fsa())
                    .filter(|fed_num| in_province(*fed_num))
                    .map(|fed_num| RidingShare { fed_num, permille: None }),
            );
        }
        // A territory with one district: that district, whatever the FSA tables say.
        if short.is_empty() {
            if let [only] = self.districts.iter().filter(|d| provinces.contains(&d.province)).collect::<Vec<_>>()[..] {
                short.push(RidingShare { fed_num: only.fed_num, permille: None });
            }
        }
        self.candidates_with(provinces, short, false)
    }

    /// The districts to offer after an exact online lookup ([`crate::represent::parse_postcode`]): the districts
    /// it found, if they are in this directory and in the postal code's province or territory, then the others
    /// there. When the answer names nothing usable, this is [`Directory::candidates`].
    ///
    /// An answer from a boundary set without a year (which Represent may use for either representation order)
    /// counts only when its name is the directory's name for that number.
    pub fn candidates_from_represent(&self, code: &PostalCode, answer: &PostcodeDistricts) -> Candidates {
        let provinces = self.provinces_of(code.fsa());
        let mut found: Vec<FedNum> = Vec::new();
        for district in &answer.districts {
            let Some(known) = self.district(district.fed_num) else { continue };
            let name_agrees = district.versioned_set || known.name_keys.contains(&name_key(&district.name));
            if name_agrees && provinces.contains(&known.province) && !found.contains(&known.fed_num) {
                found.push(known.fed_num);
            }
        }
        let short_list: Vec<RidingShare> =
            found.iter().map(|fed_num| RidingShare { fed_num: *fed_num, permille: None }).collect();
        match found.as_slice() {
            [] => self.candidates(code),
            [only] => Candidates { provinces, hint: Some(*only), short_list, fed_nums: vec![*only], precise: true },
            // A postal code straddling districts: offer only those (the person can still search for another).
            several => Candidates { provinces, hint: None, short_list, fed_nums: several.to_vec(), precise: true },
        }
    }

    fn candidates_with(&self, provinces: Vec<Province>, short_list: Vec<RidingShare>, precise: bool) -> Candidates {
        let hint = short_list.first().map(|riding| riding.fed_num);
        let mut fed_nums: Vec<FedNum> = short_list.iter().map(|riding| riding.fed_num).collect();
        let listed = fed_nums.clone();
        fed_nums.extend(
            self.districts
                .iter()
                .filter(|district| provinces.contains(&district.province) && !listed.contains(&district.fed_num))
                .map(|district| district.fed_num),
        );
        Candidates { provinces, hint, short_list, fed_nums, precise }
    }

    /// Finds districts by name in `provinces` (all of Canada when empty), ignoring case, accents, apostrophes and
    /// punctuation; each word of the query must start a word of the English or French name ("notre dame de
    /// grace", "soeurs", "st johns"). Names starting with the query come first, then other name matches, then
    /// districts whose MP's name matches; within each, by `fed_num`. A blank query finds nothing.
    pub fn search(&self, provinces: &[Province], query: &str) -> Vec<FedNum> {
        let words = query_words(query);
        if words.is_empty() {
            return Vec::new();
        }
        let key = name_key(query);
        // One list per rank, each filled in fed_num order: no sorting (it would weigh on the wasm bundle).
        let mut by_rank: [Vec<FedNum>; 3] = Default::default();
        for district in self.districts.iter().filter(|d| provinces.is_empty() || provinces.contains(&d.province)) {
            if let Some(rank) = district.search_rank(&key, &words) {
                by_rank[usize::from(rank)].push(district.fed_num);
            }
        }
        by_rank.concat()
    }
}
