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
use voix_core::directory::file::{Attribution, CanadaFile, DistrictRecord, MpRecord, FORMAT};
use voix_core::directory::{name_key, FedNum, IsoDate};
use voix_core::postal::{Fsa, Province};
use voix_core::Lang;

pub const DISTRICTS_CSV: &str = "fed2023_districts_elections_canada.csv";
pub const MPS_CSV: &str = "mps_45th_lettertool_rekeyed.csv";
pub const FSA_HINTS_CSV: &str = "fsa_to_fed2023_lettertool_single.csv";
pub const STATCAN_FSAS_CSV: &str = "statcan_fsa_2021_list.csv";
pub const OVERLAP_CSV: &str = "fsa_fed2023_overlap_area.csv";

/// The credit lines the sources' licences ask for (data/README.md).
pub fn attribution() -> Attribution {
    Attribution {
        en: vec![
            "Electoral districts: Elections Canada. Contains information licensed under the Open Government Licence – Canada.".into(),
            "MPs: Source: House of Commons (compiled by Open North's Represent and the letter-tool project).".into(),
            "Postal code areas: Statistics Canada, 2021 Census boundary files, Statistics Canada Open Licence.".into(),
        ],
        fr: vec![
            "Circonscriptions\u{a0}: Élections Canada. Contient des informations visées par la Licence du gouvernement ouvert – Canada.".into(),
            "Députés\u{a0}: Source\u{a0}: Chambre des communes (compilé par Represent d'Open North et le projet letter-tool).".into(),
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
struct MpRow {
    fed_num: u32,
    riding_en: String,
    riding_fr: String,
    name: String,
    party: String,
    email: String,
    photo_url: String,
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

/// Turns the sources in `source_dir` into the data file, stamped `as_of`.
pub fn build(source_dir: &Path, as_of: IsoDate) -> Result<(CanadaFile, BuildReport), DataError> {
    let mut report = BuildReport::default();
    let mut districts = read_districts(&source_dir.join(DISTRICTS_CSV))?;
    let mut parties_used: BTreeMap<String, Party> = BTreeMap::new();
    add_mps(&source_dir.join(MPS_CSV), &mut districts, &mut parties_used, &mut report)?;
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

fn add_mps(
    path: &Path,
    districts: &mut BTreeMap<FedNum, DistrictRecord>,
    parties_used: &mut BTreeMap<String, Party>,
    report: &mut BuildReport,
) -> Result<(), DataError> {
    for (line, row) in read_rows::<MpRow>(path)? {
        // `fed_num` was re-derived from the riding name; the riding names must still agree with the official list.
        let fed_num = FedNum(row.fed_num);
        let district = districts
            .get_mut(&fed_num)
            .ok_or_else(|| problem(path, line, SourceProblem::UnknownDistrict { fed_num }))?;
        for (found, expected) in [(&row.riding_en, &district.name_en), (&row.riding_fr, &district.name_fr)] {
            if name_key(found) != name_key(expected) {
                let mismatch =
                    SourceProblem::RidingNameMismatch { fed_num, found: found.clone(), expected: expected.clone() };
                return Err(problem(path, line, mismatch));
            }
        }
        if district.mp.is_some() {
            return Err(problem(path, line, SourceProblem::DuplicateMp { fed_num }));
        }
        let (party, known) = parties::identify(&row.party);
        if !known && !report.unknown_parties.contains(&row.party) {
            report.unknown_parties.push(row.party.clone());
        }
        district.mp = Some(MpRecord {
            name: row.name.trim().to_owned(),
            party: party.id.clone(),
            // As listed: 38 of them do not follow first.last@parl.gc.ca.
            email: non_blank(&row.email).filter(|email| email.contains('@')),
            photo_url: non_blank(&row.photo_url).filter(|url| url.starts_with("https://")),
        });
        parties_used.insert(party.id.clone(), party);
    }
    Ok(())
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
