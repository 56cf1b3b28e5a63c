//! `voix data refresh`: replaces the MPs of the data file with those of a newer export, and says what changed.
//!
//! A district nobody in the export sits for becomes vacant (a real state the widget shows). Emails come from the
//! export when it has them; otherwise the previous email is kept only when the same person still sits, because
//! an address is never made up from a name. Districts are matched by number when the export gives one, else by
//! English or French name with case, accents, apostrophes and dashes folded.

use super::members::Member;
use super::parties::{self, Party};
use super::{province_named, DataError};
use std::collections::BTreeMap;
use voix_core::directory::file::{CanadaFile, DistrictRecord, MpRecord};
use voix_core::directory::{name_key, FedNum, IsoDate};
use voix_core::Lang;

/// A district whose MP changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seat {
    pub fed_num: FedNum,
    pub district: String,
    /// The previous MP, if the seat was filled.
    pub before: Option<String>,
    /// The MP now, if the seat is filled.
    pub after: Option<String>,
}

/// What the refresh changed, for the command's output.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RefreshReport {
    /// A different person (or someone where the seat was vacant).
    pub new_mps: Vec<Seat>,
    /// Same person, other party: (seat, previous party, new party).
    pub party_changes: Vec<(Seat, String, String)>,
    /// Seats with an MP before and nobody in the export.
    pub vacated: Vec<Seat>,
    /// Seats vacant before and still vacant.
    pub still_vacant: Vec<Seat>,
    /// Members whose riding matched no district (or more than one): "name (riding)".
    pub unmatched: Vec<String>,
    /// Members matched to a district another member of the export already took: "name (riding)".
    pub duplicates: Vec<String>,
    /// New MPs with no email in the export (find it on ourcommons.ca and add it to the file).
    pub missing_emails: Vec<Seat>,
    pub unchanged: usize,
    pub unknown_parties: Vec<String>,
}

/// Ways a person's name is written the same (case, accents, "d'Entremont"/"D’Entremont").
fn same_person(a: &str, b: &str) -> bool {
    name_key(a) == name_key(b)
}

/// The district a member sits for: by number if given and known, else the one district whose English or French
/// name matches (within the member's province when names repeat).
fn match_district(member: &Member, districts: &[DistrictRecord]) -> Option<FedNum> {
    if let Some(fed_num) = member.fed_num.filter(|fed_num| districts.iter().any(|d| d.fed_num == *fed_num)) {
        return Some(fed_num);
    }
    let key = name_key(&member.district);
    let mut found: Vec<&DistrictRecord> =
        districts.iter().filter(|d| name_key(&d.name_en) == key || name_key(&d.name_fr) == key).collect();
    if found.len() > 1 {
        if let Some(province) = member.province.as_deref().and_then(province_named) {
            found.retain(|d| d.province == province);
        }
    }
    match found.as_slice() {
        [only] => Some(only.fed_num),
        _ => None,
    }
}

/// The refreshed file (stamped `as_of`) and what changed. Does not check for partial exports: see
/// [`check_vacancies`].
pub fn refresh(previous: &CanadaFile, members: &[Member], as_of: IsoDate) -> (CanadaFile, RefreshReport) {
    let mut report = RefreshReport::default();
    let mut seated: BTreeMap<FedNum, &Member> = BTreeMap::new();
    for member in members {
        let label = format!("{} ({})", member.name, member.district);
        match match_district(member, &previous.districts) {
            None => report.unmatched.push(label),
            Some(fed_num) if seated.contains_key(&fed_num) => report.duplicates.push(label),
            Some(fed_num) => {
                seated.insert(fed_num, member);
            }
        }
    }

    let mut parties_used: BTreeMap<String, Party> = BTreeMap::new();
    let mut districts = Vec::with_capacity(previous.districts.len());
    for district in &previous.districts {
        let before = district.mp.as_ref();
        let seat = |after: Option<&str>| Seat {
            fed_num: district.fed_num,
            district: district.name_en.clone(),
            before: before.map(|mp| mp.name.clone()),
            after: after.map(str::to_owned),
        };
        let Some(member) = seated.get(&district.fed_num) else {
            match before {
                Some(_) => report.vacated.push(seat(None)),
                None => report.still_vacant.push(seat(None)),
            }
            districts.push(DistrictRecord { mp: None, ..district.clone() });
            continue;
        };
        let (party, known) = parties::identify(&member.party);
        if !known && !report.unknown_parties.contains(&member.party) {
            report.unknown_parties.push(member.party.clone());
        }
        let same = before.filter(|mp| same_person(&mp.name, &member.name));
        let email = member.email.clone().or_else(|| same.and_then(|mp| mp.email.clone()));
        let photo_url = member.photo_url.clone().or_else(|| same.and_then(|mp| mp.photo_url.clone()));
        match same {
            None => {
                report.new_mps.push(seat(Some(&member.name)));
                if email.is_none() {
                    report.missing_emails.push(seat(Some(&member.name)));
                }
            }
            Some(mp) if mp.party != party.id => {
                let before_party = previous.parties.get(&mp.party).map_or(mp.party.clone(), |p| p.en.clone());
                report.party_changes.push((seat(Some(&member.name)), before_party, party.en.clone()));
            }
            Some(_) => report.unchanged += 1,
        }
        // The exports have no telephone: the same person keeps the numbers the House's contact page gave.
        let mp = MpRecord {
            name: member.name.clone(),
            party: party.id.clone(),
            email,
            photo_url,
            hill_phone: same.and_then(|mp| mp.hill_phone.clone()),
            office_phone: same.and_then(|mp| mp.office_phone.clone()),
        };
        parties_used.insert(party.id.clone(), party);
        districts.push(DistrictRecord { mp: Some(mp), ..district.clone() });
    }

    let file = CanadaFile {
        as_of: as_of.to_string(),
        parties: parties_used.into_iter().map(|(id, party)| (id, party.record())).collect(),
        districts,
        ..previous.clone()
    };
    (file, report)
}

/// Refuses a result that leaves more than a tenth of the seats empty: real vacancies are a handful, so this is
/// a partial export (one page of Represent's answer, a filtered House of Commons search).
pub fn check_vacancies(file: &CanadaFile) -> Result<(), DataError> {
    let total = file.districts.len();
    let vacant = file.districts.iter().filter(|district| district.mp.is_none()).count();
    if vacant * 10 > total {
        return Err(DataError::TooManyVacancies { vacant, total });
    }
    Ok(())
}

impl RefreshReport {
    /// The report as lines in `lang`.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let mut lines = Vec::new();
        let mut section = |title_en: &str, title_fr: &str, items: Vec<String>| {
            if items.is_empty() {
                return;
            }
            let title = if lang == Lang::En { title_en } else { title_fr };
            let colon = if lang == Lang::Fr { "\u{a0}:" } else { ":" };
            lines.push(format!("{title} ({}){colon}", items.len()));
            lines.extend(items.into_iter().map(|item| format!("  {item}")));
        };
        // The same word in both languages.
        let nobody = "(vacant)";
        let seat_line = |seat: &Seat| {
            format!(
                "{} ({}): {} → {}",
                seat.district,
                seat.fed_num,
                seat.before.as_deref().unwrap_or(nobody),
                seat.after.as_deref().unwrap_or(nobody)
            )
        };
        section("New MPs", "Nouveaux députés", self.new_mps.iter().map(seat_line).collect());
        section(
            "Party changes",
            "Changements de parti",
            self.party_changes
                .iter()
                .map(|(seat, before, after)| {
                    format!(
                        "{} ({}): {}, {before} → {after}",
                        seat.district,
                        seat.fed_num,
                        seat.after.as_deref().unwrap_or("")
                    )
                })
                .collect(),
        );
        section("Seats now vacant", "Sièges devenus vacants", self.vacated.iter().map(seat_line).collect());
        section("Seats still vacant", "Sièges toujours vacants", self.still_vacant.iter().map(seat_line).collect());
        section(
            "Not matched to a district (not applied)",
            "Sans circonscription correspondante (non appliqués)",
            self.unmatched.clone(),
        );
        section(
            "A second member for the same district (not applied)",
            "Deuxième député pour une même circonscription (non appliqués)",
            self.duplicates.clone(),
        );
        section(
            "No email in the export: add it from ourcommons.ca",
            "Aucun courriel dans l'export\u{a0}: ajoutez-le depuis noscommunes.ca",
            self.missing_emails.iter().map(seat_line).collect(),
        );
        section(
            "Unknown parties, kept as written in both languages",
            "Partis inconnus, gardés tels quels dans les deux langues",
            self.unknown_parties.clone(),
        );
        lines.push(match lang {
            Lang::En => format!("Unchanged: {} MPs.", self.unchanged),
            Lang::Fr => format!("Sans changement\u{a0}: {} députés.", self.unchanged),
        });
        lines
    }
}
