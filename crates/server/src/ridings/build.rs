//! `voix data build`: the source CSVs of `data/source/` → the data file.
//!
//! Each source's known defects (data/README.md) are handled here: MPs are keyed by the re-derived `fed_num`
//! (never `src_riding_id_BROKEN`) and their riding names must agree with the official list; emails are copied as
//! listed, never made from names; an FSA hint whose district is outside the FSA's province is dropped and
//! reported; names are compared folded (apostrophes, Sœurs/Soeurs, dashes).

use super::parties::{self, Party};
use super::{DataError, SourceProblem};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;
use voix_core::directory::file::{
    Attribution, CanadaFile, DistrictRecord, MpRecord, SenateRecord, SenatorRecord, FORMAT,
};
use voix_core::directory::{name_key, FedNum, IsoDate};
use voix_core::postal::{Fsa, Province};
use voix_core::Lang;

pub const DISTRICTS_CSV: &str = "fed2023_districts_elections_canada.csv";
/// The sitting MPs (an empty name: a vacant seat), each row with the date its source confirms it.
pub const HOUSE_MEMBERS_CSV: &str = "house_members_2026.csv";
/// Every office on the House's "Addresses for current members of Parliament" page.
pub const HOUSE_OFFICES_CSV: &str = "house_offices_2026-09-02.csv";
/// The date that page was read (its rows have none of their own).
pub const HOUSE_OFFICES_AS_OF: &str = "2026-09-02";
pub const SENATORS_CSV: &str = "senators_2026-07-27.csv";
/// The MP list of 2025 (Represent and the letter-tool project): only its portrait URLs are still used.
pub const MPS_CSV: &str = "mps_45th_lettertool_rekeyed.csv";
pub const FSA_HINTS_CSV: &str = "fsa_to_fed2023_lettertool_single.csv";
pub const STATCAN_FSAS_CSV: &str = "statcan_fsa_2021_list.csv";
pub const OVERLAP_CSV: &str = "fsa_fed2023_overlap_area.csv";

/// The credit lines the sources' licences ask for (data/README.md).
pub fn attribution() -> Attribution {
    Attribution {
        en: vec![
            "Electoral districts: Elections Canada. Contains information licensed under the Open Government Licence – Canada.".into(),
            "MPs and their offices: Source: House of Commons. Senators: Senate of Canada.".into(),
            "Postal code areas: Statistics Canada, 2021 Census boundary files, Statistics Canada Open Licence.".into(),
        ],
        fr: vec![
            "Circonscriptions\u{a0}: Élections Canada. Contient des informations visées par la Licence du gouvernement ouvert – Canada.".into(),
            "Députés et leurs bureaux\u{a0}: Source\u{a0}: Chambre des communes. Sénateurs\u{a0}: Sénat du Canada.".into(),
            "Régions de tri d'acheminement\u{a0}: Statistique Canada, fichiers des limites du Recensement de 2021, Licence ouverte de Statistique Canada.".into(),
        ],
    }
}

#[derive(Deserialize)]
struct DistrictRow {
    fed_num: u32,
    prov_abbr: String,
    name_en: String,
    name_fr: String,
}

#[derive(Deserialize)]
struct MemberRow {
    fed_num: u32,
    riding_en: String,
    mp_name: String,
    party: String,
    email: String,
    hill_phone: String,
    as_of: String,
}

#[derive(Deserialize)]
struct OfficeRow {
    office_kind: String,
    phone: String,
    fed_num: Option<u32>,
    main_office: String,
    mp_name_in_roster: String,
}

#[derive(Deserialize)]
struct PhotoRow {
    fed_num: u32,
    name: String,
    party: String,
    photo_url: String,
}

#[derive(Deserialize)]
struct SenatorRow {
    name: String,
    province: String,
    division: String,
    affiliation: String,
    email: String,
    as_of: String,
    retires_on: String,
}

#[derive(Deserialize)]
struct HintRow {
    fsa: String,
    fed_num: u32,
}

#[derive(Deserialize)]
struct OverlapRow {
    fsa: String,
    fed_num: u32,
    share_of_fsa_area: f64,
}

#[derive(Deserialize)]
struct StatcanRow {
    fsa: String,
    prov_abbr: String,
}

/// A hint left out because its district is in another province than its FSA.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DroppedHint {
    pub fsa: String,
    pub fed_num: FedNum,
    pub district_province: Province,
    pub fsa_provinces: Vec<Province>,
}

/// What the build found, for the command's summary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BuildReport {
    pub districts: usize,
    pub mps: usize,
    /// The latest date a source confirms the MP list on (the file's `as_of` unless `--as-of` says otherwise).
    pub members_as_of: Option<IsoDate>,
    pub hill_phones: usize,
    pub office_phones: usize,
    pub photos: usize,
    pub senators: usize,
    pub senate_as_of: Option<IsoDate>,
    pub hints: usize,
    pub dropped_hints: Vec<DroppedHint>,
    pub x_fsas: usize,
    /// FSAs with a short list from the area overlap, and how many have 1, 2, 3 and more ridings.
    pub short_lists: usize,
    pub short_list_lengths: [usize; 4],
    /// Overlap rows left out because the riding is in another province than the FSA.
    pub cross_border_rows: usize,
    /// Party names the catalogue does not know (kept as written, in both languages).
    pub unknown_parties: Vec<String>,
}

impl BuildReport {
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let mut lines = vec![match lang {
            Lang::En => format!(
                "{} districts, {} MPs, {} vacant seats, {} FSA hints, {} X FSAs placed in Nunavut or the Northwest Territories.",
                self.districts,
                self.mps,
                self.districts - self.mps,
                self.hints,
                self.x_fsas
            ),
            Lang::Fr => format!(
                "{} circonscriptions, {} députés, {} sièges vacants, {} suggestions par RTA, {} RTA en X situées au Nunavut ou dans les Territoires du Nord-Ouest.",
                self.districts,
                self.mps,
                self.districts - self.mps,
                self.hints,
                self.x_fsas
            ),
        }];
        lines.push(match lang {
            Lang::En => format!(
                "Telephones: {} Parliament Hill offices, {} constituency offices (as of {HOUSE_OFFICES_AS_OF}); {} portraits kept; {} senators (as of {}).",
                self.hill_phones,
                self.office_phones,
                self.photos,
                self.senators,
                self.senate_as_of.map(|date| date.to_string()).unwrap_or_default()
            ),
            Lang::Fr => format!(
                "Téléphones\u{a0}: {} bureaux sur la Colline du Parlement, {} bureaux de circonscription (au {HOUSE_OFFICES_AS_OF})\u{a0}; {} portraits gardés\u{a0}; {} sénateurs (au {}).",
                self.hill_phones,
                self.office_phones,
                self.photos,
                self.senators,
                self.senate_as_of.map(|date| date.to_string()).unwrap_or_default()
            ),
        });
        let [one, two, three, more] = self.short_list_lengths;
        lines.push(match lang {
            Lang::En => format!(
                "{} FSAs with a short list from the area overlap ({one} with one riding, {two} with two, {three} with three, {more} with more); {} overlap rows across a provincial border left out.",
                self.short_lists, self.cross_border_rows
            ),
            Lang::Fr => format!(
                "{} RTA avec une courte liste tirée du recouvrement des surfaces ({one} à une circonscription, {two} à deux, {three} à trois, {more} à plus)\u{a0}; {} lignes de recouvrement au-delà d'une frontière provinciale écartées.",
                self.short_lists, self.cross_border_rows
            ),
        });
        for dropped in &self.dropped_hints {
            let fsa_provinces: Vec<&str> = dropped.fsa_provinces.iter().map(|province| province.code()).collect();
            lines.push(match lang {
                Lang::En => format!(
                    "Hint dropped: {} → district {}, which is in {}, but {} is in {}.",
                    dropped.fsa,
                    dropped.fed_num,
                    dropped.district_province.code(),
                    dropped.fsa,
                    fsa_provinces.join("/")
                ),
                Lang::Fr => format!(
                    "Suggestion écartée\u{a0}: {} → circonscription {}, située en {}, alors que {} est en {}.",
                    dropped.fsa,
                    dropped.fed_num,
                    dropped.district_province.code(),
                    dropped.fsa,
                    fsa_provinces.join("/")
                ),
            });
        }
        for party in &self.unknown_parties {
            lines.push(match lang {
                Lang::En => format!("Unknown party \"{party}\": kept as written in both languages."),
                Lang::Fr => format!("Parti inconnu «\u{a0}{party}\u{a0}»\u{a0}: gardé tel quel dans les deux langues."),
            });
        }
        lines
    }
}

/// Reads every row of a CSV file into `T` (columns by header name; extra columns ignored), with its line number.
fn read_rows<T: serde::de::DeserializeOwned>(path: &Path) -> Result<Vec<(Option<u64>, T)>, DataError> {
    let mut reader = csv::Reader::from_path(path).map_err(|source| DataError::Csv { path: path.into(), source })?;
    let mut rows = Vec::new();
    for (index, result) in reader.deserialize::<T>().enumerate() {
        let row = result.map_err(|source| DataError::Csv { path: path.into(), source })?;
        // The header is line 1 and the sources have no line breaks inside fields.
        rows.push((u64::try_from(index + 2).ok(), row));
    }
    Ok(rows)
}

fn problem(path: &Path, line: Option<u64>, problem: SourceProblem) -> DataError {
    DataError::Source { path: path.into(), line, problem }
}

/// Turns the sources in `source_dir` into the data file, stamped `as_of` (default: the latest date the members'
/// sources confirm).
pub fn build(source_dir: &Path, as_of: Option<IsoDate>) -> Result<(CanadaFile, BuildReport), DataError> {
    let mut report = BuildReport::default();
    let mut districts = read_districts(&source_dir.join(DISTRICTS_CSV))?;
    let mut parties_used: BTreeMap<String, Party> = BTreeMap::new();
    add_mps(&source_dir.join(HOUSE_MEMBERS_CSV), &mut districts, &mut parties_used, &mut report)?;
    add_office_phones(&source_dir.join(HOUSE_OFFICES_CSV), &mut districts, &mut report)?;
    add_photos(&source_dir.join(MPS_CSV), &mut districts, &mut report)?;
    let senate = read_senate(&source_dir.join(SENATORS_CSV), &mut report)?;
    let path = source_dir.join(HOUSE_MEMBERS_CSV);
    let as_of = as_of
        .or(report.members_as_of)
        .ok_or_else(|| problem(&path, None, SourceProblem::BadDate { date: String::new() }))?;
    let x_fsa_territories = read_x_fsas(&source_dir.join(STATCAN_FSAS_CSV))?;
    let fsa_hints = read_hints(&source_dir.join(FSA_HINTS_CSV), &districts, &x_fsa_territories, &mut report)?;
    let fsa_ridings =
        read_short_lists(&source_dir.join(OVERLAP_CSV), &districts, &x_fsa_territories, &fsa_hints, &mut report)?;
    let fsa_without_ridings: Vec<String> = read_rows::<StatcanRow>(&source_dir.join(STATCAN_FSAS_CSV))?
        .into_iter()
        .map(|(_, row)| row.fsa)
        .filter(|fsa| {
            !fsa_ridings.contains_key(fsa) && !fsa_hints.contains_key(fsa) && !x_fsa_territories.contains_key(fsa)
        })
        .collect();

    report.districts = districts.len();
    report.mps = districts.values().filter(|district| district.mp.is_some()).count();
    report.hints = fsa_hints.len();
    report.x_fsas = x_fsa_territories.len();
    let file = CanadaFile {
        format: FORMAT.to_owned(),
        as_of: as_of.to_string(),
        attribution: attribution(),
        parties: parties_used.into_iter().map(|(id, party)| (id, party.record())).collect(),
        districts: districts.into_values().collect(),
        fsa_hints,
        fsa_ridings,
        x_fsa_territories,
        fsa_without_ridings,
        phones_as_of: Some(HOUSE_OFFICES_AS_OF.to_owned()),
        senate: Some(senate),
    };
    Ok((file, report))
}

fn read_districts(path: &Path) -> Result<BTreeMap<FedNum, DistrictRecord>, DataError> {
    let mut districts = BTreeMap::new();
    for (line, row) in read_rows::<DistrictRow>(path)? {
        let fed_num = FedNum(row.fed_num);
        let province = Province::from_code(&row.prov_abbr)
            .ok_or_else(|| problem(path, line, SourceProblem::UnknownProvince { code: row.prov_abbr.clone() }))?;
        if fed_num.province() != Some(province) {
            return Err(problem(path, line, SourceProblem::NumberOutsideProvince { fed_num, code: row.prov_abbr }));
        }
        let record = DistrictRecord {
            fed_num,
            province,
            name_en: row.name_en.trim().to_owned(),
            name_fr: row.name_fr.trim().to_owned(),
            mp: None,
        };
        if districts.insert(fed_num, record).is_some() {
            return Err(problem(path, line, SourceProblem::DuplicateDistrict { fed_num }));
        }
    }
    Ok(districts)
}

/// A trimmed value, or `None` when blank.
fn non_blank(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_owned())
}

/// A telephone number as the House writes it, `613-992-4133` (or toll-free, `1-800-665-8711`).
fn phone(path: &Path, line: Option<u64>, text: &str) -> Result<Option<String>, DataError> {
    let Some(text) = non_blank(text) else { return Ok(None) };
    let digits = |part: &str, count: usize| part.len() == count && part.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = text.split('-').collect();
    let local = match parts.as_slice() {
        ["1", rest @ ..] | rest => rest,
    };
    match local {
        [area, exchange, number] if digits(area, 3) && digits(exchange, 3) && digits(number, 4) => Ok(Some(text)),
        _ => Err(problem(path, line, SourceProblem::BadPhone { phone: text })),
    }
}

fn date(path: &Path, line: Option<u64>, text: &str) -> Result<IsoDate, DataError> {
    IsoDate::parse(text.trim()).ok_or_else(|| problem(path, line, SourceProblem::BadDate { date: text.to_owned() }))
}

/// The sitting MPs, one row per district (a blank name: the seat is vacant).
fn add_mps(
    path: &Path,
    districts: &mut BTreeMap<FedNum, DistrictRecord>,
    parties_used: &mut BTreeMap<String, Party>,
    report: &mut BuildReport,
) -> Result<(), DataError> {
    for (line, row) in read_rows::<MemberRow>(path)? {
        let fed_num = FedNum(row.fed_num);
        let district = districts
            .get_mut(&fed_num)
            .ok_or_else(|| problem(path, line, SourceProblem::UnknownDistrict { fed_num }))?;
        if name_key(&row.riding_en) != name_key(&district.name_en) {
            let mismatch = SourceProblem::RidingNameMismatch {
                fed_num,
                found: row.riding_en.clone(),
                expected: district.name_en.clone(),
            };
            return Err(problem(path, line, mismatch));
        }
        let confirmed_on = date(path, line, &row.as_of)?;
        report.members_as_of = report.members_as_of.max(Some(confirmed_on));
        let Some(name) = non_blank(&row.mp_name) else { continue };
        if district.mp.is_some() {
            return Err(problem(path, line, SourceProblem::DuplicateMp { fed_num }));
        }
        let (party, known) = parties::identify(&row.party);
        if !known && !report.unknown_parties.contains(&row.party) {
            report.unknown_parties.push(row.party.clone());
        }
        let hill_phone = phone(path, line, &row.hill_phone)?;
        report.hill_phones += usize::from(hill_phone.is_some());
        district.mp = Some(MpRecord {
            name,
            party: party.id.clone(),
            // As listed, never made from the name (38 of 2025's did not follow first.last@parl.gc.ca).
            email: non_blank(&row.email).filter(|email| email.contains('@')),
            photo_url: None,
            hill_phone,
            office_phone: None,
        });
        parties_used.insert(party.id.clone(), party);
    }
    Ok(())
}

/// The main constituency office's telephone of each MP the page lists under the same name as the roster.
fn add_office_phones(
    path: &Path,
    districts: &mut BTreeMap<FedNum, DistrictRecord>,
    report: &mut BuildReport,
) -> Result<(), DataError> {
    for (line, row) in read_rows::<OfficeRow>(path)? {
        if row.office_kind != "constituency" || row.main_office != "yes" {
            continue;
        }
        let Some(fed_num) = row.fed_num.map(FedNum) else { continue };
        let district = districts
            .get_mut(&fed_num)
            .ok_or_else(|| problem(path, line, SourceProblem::UnknownDistrict { fed_num }))?;
        let phone = phone(path, line, &row.phone)?;
        // An office of an MP who has since left is not the seat's office any more.
        if let Some(mp) = district.mp.as_mut().filter(|mp| name_key(&mp.name) == name_key(&row.mp_name_in_roster)) {
            report.office_phones += usize::from(phone.is_some() && mp.office_phone.is_none());
            mp.office_phone = mp.office_phone.take().or(phone);
        }
    }
    Ok(())
}

/// Portrait URLs of 2025, for the MPs who still sit for the same district and party (the URL names the party).
fn add_photos(
    path: &Path,
    districts: &mut BTreeMap<FedNum, DistrictRecord>,
    report: &mut BuildReport,
) -> Result<(), DataError> {
    for (_, row) in read_rows::<PhotoRow>(path)? {
        let Some(mp) = districts.get_mut(&FedNum(row.fed_num)).and_then(|district| district.mp.as_mut()) else {
            continue;
        };
        if name_key(&mp.name) == name_key(&row.name) && parties::identify(&row.party).0.id == mp.party {
            mp.photo_url = non_blank(&row.photo_url).filter(|url| url.starts_with("https://"));
            report.photos += usize::from(mp.photo_url.is_some());
        }
    }
    Ok(())
}

/// The senators, by name; an unknown province or group stops the build.
fn read_senate(path: &Path, report: &mut BuildReport) -> Result<SenateRecord, DataError> {
    let mut groups = BTreeMap::new();
    let mut senators = Vec::new();
    let mut as_of = None;
    for (line, row) in read_rows::<SenatorRow>(path)? {
        let province = super::province_named(&row.province)
            .ok_or_else(|| problem(path, line, SourceProblem::UnknownProvince { code: row.province.clone() }))?;
        let group = parties::senate_group(&row.affiliation)
            .ok_or_else(|| problem(path, line, SourceProblem::UnknownSenateGroup { group: row.affiliation.clone() }))?;
        as_of = as_of.max(Some(date(path, line, &row.as_of)?));
        let retires_on = match non_blank(&row.retires_on) {
            Some(text) => Some(date(path, line, &text)?.to_string()),
            None => None,
        };
        senators.push(SenatorRecord {
            name: row.name.trim().to_owned(),
            province,
            division: non_blank(&row.division),
            group: group.id.clone(),
            email: non_blank(&row.email).filter(|email| email.contains('@')),
            retires_on,
        });
        groups.insert(group.id.clone(), group.record());
    }
    senators.sort_by_key(|senator| name_key(&senator.name));
    let as_of = as_of.ok_or_else(|| problem(path, None, SourceProblem::BadDate { date: String::new() }))?;
    report.senators = senators.len();
    report.senate_as_of = Some(as_of);
    Ok(SenateRecord { as_of: as_of.to_string(), groups, senators })
}

/// The territory of each `X` FSA in Statistics Canada's list.
fn read_x_fsas(path: &Path) -> Result<BTreeMap<String, Province>, DataError> {
    let mut x_fsas = BTreeMap::new();
    for (line, row) in read_rows::<StatcanRow>(path)? {
        let fsa =
            Fsa::parse(&row.fsa).map_err(|_| problem(path, line, SourceProblem::BadFsa { fsa: row.fsa.clone() }))?;
        let province = Province::from_code(&row.prov_abbr)
            .ok_or_else(|| problem(path, line, SourceProblem::UnknownProvince { code: row.prov_abbr.clone() }))?;
        if !fsa.provinces().contains(&province) {
            let outside = SourceProblem::FsaOutsideProvince { fsa: fsa.to_string(), code: row.prov_abbr.clone() };
            return Err(problem(path, line, outside));
        }
        if fsa.first_letter() == 'X' {
            x_fsas.insert(fsa.to_string(), province);
        }
    }
    Ok(x_fsas)
}

fn read_hints(
    path: &Path,
    districts: &BTreeMap<FedNum, DistrictRecord>,
    x_fsa_territories: &BTreeMap<String, Province>,
    report: &mut BuildReport,
) -> Result<BTreeMap<String, FedNum>, DataError> {
    let mut hints = BTreeMap::new();
    for (line, row) in read_rows::<HintRow>(path)? {
        let fsa =
            Fsa::parse(&row.fsa).map_err(|_| problem(path, line, SourceProblem::BadFsa { fsa: row.fsa.clone() }))?;
        let fed_num = FedNum(row.fed_num);
        let district =
            districts.get(&fed_num).ok_or_else(|| problem(path, line, SourceProblem::UnknownDistrict { fed_num }))?;
        let fsa_provinces = fsa_provinces(&fsa, x_fsa_territories);
        if !fsa_provinces.contains(&district.province) {
            report.dropped_hints.push(DroppedHint {
                fsa: fsa.to_string(),
                fed_num,
                district_province: district.province,
                fsa_provinces,
            });
            continue;
        }
        hints.insert(fsa.to_string(), fed_num);
    }
    Ok(hints)
}

/// The FSA's province(s): its first letter's, or for `X` the territory Statistics Canada places it in.
fn fsa_provinces(fsa: &Fsa, x_fsa_territories: &BTreeMap<String, Province>) -> Vec<Province> {
    match x_fsa_territories.get(fsa.as_str()) {
        Some(territory) => vec![*territory],
        None => fsa.provinces().to_vec(),
    }
}

/// Each FSA's short list ([`voix_core::directory::short_list`]) from the area-overlap table, keeping only ridings
/// of the FSA's province(s).
fn read_short_lists(
    path: &Path,
    districts: &BTreeMap<FedNum, DistrictRecord>,
    x_fsa_territories: &BTreeMap<String, Province>,
    hints: &BTreeMap<String, FedNum>,
    report: &mut BuildReport,
) -> Result<BTreeMap<String, Vec<(FedNum, u16)>>, DataError> {
    let mut shares: BTreeMap<String, Vec<(FedNum, f64)>> = BTreeMap::new();
    for (line, row) in read_rows::<OverlapRow>(path)? {
        let fsa =
            Fsa::parse(&row.fsa).map_err(|_| problem(path, line, SourceProblem::BadFsa { fsa: row.fsa.clone() }))?;
        let fed_num = FedNum(row.fed_num);
        let district =
            districts.get(&fed_num).ok_or_else(|| problem(path, line, SourceProblem::UnknownDistrict { fed_num }))?;
        if !(0.0..=1.0).contains(&row.share_of_fsa_area) {
            let bad = SourceProblem::BadShare { fsa: fsa.to_string(), share: row.share_of_fsa_area.to_string() };
            return Err(problem(path, line, bad));
        }
        if !fsa_provinces(&fsa, x_fsa_territories).contains(&district.province) {
            report.cross_border_rows += 1;
            continue;
        }
        shares.entry(fsa.to_string()).or_default().push((fed_num, row.share_of_fsa_area));
    }
    let mut lists = BTreeMap::new();
    for (fsa, shares) in shares {
        let list = voix_core::directory::short_list::short_list(&shares, hints.get(&fsa).copied());
        let list: Vec<(FedNum, u16)> =
            list.iter().filter_map(|riding| Some((riding.fed_num, riding.permille?))).collect();
        if list.is_empty() {
            continue;
        }
        report.short_list_lengths[(list.len() - 1).min(3)] += 1;
        lists.insert(fsa, list);
    }
    report.short_lists = lists.len();
    Ok(lists)
}
