//! Reading a list of sitting MPs, in one of three formats:
//!
//! - the House of Commons "Members of Parliament" export (ourcommons.ca/Members/en/search, Export → XML):
//!   `<ArrayOfMemberOfParliament><MemberOfParliament>` with `PersonOfficialFirstName`, `PersonOfficialLastName`,
//!   `ConstituencyName`, `ConstituencyProvinceTerritoryName`, `CaucusShortName`, `FromDateTime`, `ToDateTime`;
//! - the same export as CSV: `Honorific Title, First Name, Last Name, Constituency, Province / Territory,
//!   Political Affiliation, Start Date, End Date` (or the French export's headers);
//! - a saved Represent answer, `GET /representatives/house-of-commons/?limit=1000`: `{"objects": [{"name",
//!   "district_name", "party_name", "email", "photo_url", "related": {"boundary_url"}}], "meta": {…}}`.
//!
//! The House of Commons exports have no email, photo or district number: districts are matched by name, and
//! emails kept from the previous data when the same person still sits (see `refresh`). Members whose term has
//! an end date are former members and are skipped.

use super::ExportProblem;
use quick_xml::events::Event;
use serde_json::Value;
use voix_core::directory::{name_key, FedNum};

/// One sitting MP as an export gives them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Member {
    pub name: String,
    /// The riding's name, in English or French.
    pub district: String,
    /// The province or territory, as written (name or code), when the export gives it.
    pub province: Option<String>,
    /// The district number, when the export gives it (Represent's boundary URL).
    pub fed_num: Option<FedNum>,
    pub party: String,
    pub email: Option<String>,
    pub photo_url: Option<String>,
}

/// Which format the export was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    HouseOfCommonsXml,
    HouseOfCommonsCsv,
    Represent,
}

impl ExportKind {
    pub fn name(self) -> &'static str {
        match self {
            ExportKind::HouseOfCommonsXml => "House of Commons XML",
            ExportKind::HouseOfCommonsCsv => "House of Commons CSV",
            ExportKind::Represent => "Represent JSON",
        }
    }
}

/// The members an export lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Export {
    pub kind: ExportKind,
    pub members: Vec<Member>,
    /// A Represent answer that has a next page: the count it says exists in all, if given.
    pub incomplete: Option<Option<u64>>,
}

/// Reads an export, recognising its format from its first character.
pub fn read(text: &str) -> Result<Export, ExportProblem> {
    let text = text.trim_start_matches('\u{feff}').trim_start();
    let export = match text.chars().next() {
        Some('<') => Export { kind: ExportKind::HouseOfCommonsXml, members: read_xml(text)?, incomplete: None },
        Some('{') | Some('[') => read_represent(text)?,
        Some(_) => Export { kind: ExportKind::HouseOfCommonsCsv, members: read_csv(text)?, incomplete: None },
        None => return Err(ExportProblem::UnknownFormat),
    };
    if export.members.is_empty() {
        return Err(ExportProblem::NoMembers);
    }
    Ok(export)
}

/// A trimmed value, or `None` when blank.
fn non_blank(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_owned())
}

/// "First Last", without doubled spaces when a part is missing.
fn full_name(first: &str, last: &str) -> String {
    [first.trim(), last.trim()].into_iter().filter(|part| !part.is_empty()).collect::<Vec<_>>().join(" ")
}

/// The language an export is written in, from the names that differ between the House's two exports
/// (provinces such as "Quebec"/"Québec", caucuses such as "Liberal"/"Libéral"); `None` when nothing tells.
pub fn language(members: &[Member]) -> Option<voix_core::Lang> {
    use voix_core::Lang;
    let (mut english, mut french) = (0usize, 0usize);
    let mut count = |en: &str, fr: &str, found: &str| {
        let (en, fr, found) = (name_key(en), name_key(fr), name_key(found));
        if en != fr {
            english += usize::from(found == en);
            french += usize::from(found == fr);
        }
    };
    for member in members {
        if let Some(province) = member.province.as_deref() {
            for known in voix_core::postal::Province::ALL {
                count(known.name(Lang::En), known.name(Lang::Fr), province);
            }
        }
        for (en, fr) in [
            ("Liberal", "Libéral"),
            ("Conservative", "Conservateur"),
            ("NDP", "NPD"),
            ("Green Party", "Parti vert"),
            ("Independent", "Indépendant"),
        ] {
            count(en, fr, &member.party);
        }
    }
    match english.cmp(&french) {
        std::cmp::Ordering::Greater => Some(Lang::En),
        std::cmp::Ordering::Less => Some(Lang::Fr),
        std::cmp::Ordering::Equal => None,
    }
}

/// The fields of one `<MemberOfParliament>` being read.
#[derive(Default)]
struct XmlMember {
    first: String,
    last: String,
    constituency: String,
    province: String,
    caucus: String,
    to_date: String,
}

impl XmlMember {
    fn field(&mut self, element: &str) -> Option<&mut String> {
        match element {
            "PersonOfficialFirstName" => Some(&mut self.first),
            "PersonOfficialLastName" => Some(&mut self.last),
            "ConstituencyName" => Some(&mut self.constituency),
            "ConstituencyProvinceTerritoryName" => Some(&mut self.province),
            "CaucusShortName" => Some(&mut self.caucus),
            "ToDateTime" => Some(&mut self.to_date),
            _ => None,
        }
    }

    fn into_member(self) -> Option<Member> {
        // A member with an end date has left the House.
        if !self.to_date.trim().is_empty() || self.constituency.trim().is_empty() {
            return None;
        }
        Some(Member {
            name: full_name(&self.first, &self.last),
            district: self.constituency.trim().to_owned(),
            province: non_blank(&self.province),
            party: self.caucus.trim().to_owned(),
            ..Member::default()
        })
    }
}

/// The text an entity reference stands for (`&amp;`, `&#39;`).
fn entity_text(reference: &quick_xml::events::BytesRef<'_>) -> Option<String> {
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        return Some(c.to_string());
    }
    let text = match &**reference {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => return None,
    };
    Some(text.to_owned())
}

fn read_xml(text: &str) -> Result<Vec<Member>, ExportProblem> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut members = Vec::new();
    let mut current: Option<XmlMember> = None;
    let mut field: Option<String> = None;
    loop {
        let event = reader.read_event().map_err(|error| ExportProblem::Xml { detail: error.to_string() })?;
        match event {
            Event::Start(start) => {
                let name = start.local_name().as_ref().to_owned();
                if name == "MemberOfParliament" {
                    current = Some(XmlMember::default());
                } else {
                    field = Some(name);
                }
            }
            Event::Text(content) => {
                if let (Some(member), Some(name)) = (current.as_mut(), field.as_deref()) {
                    if let Some(value) = member.field(name) {
                        value.push_str(&content);
                    }
                }
            }
            Event::GeneralRef(reference) => {
                if let (Some(member), Some(name)) = (current.as_mut(), field.as_deref()) {
                    if let (Some(value), Some(text)) = (member.field(name), entity_text(&reference)) {
                        value.push_str(&text);
                    }
                }
            }
            Event::End(end) => {
                if end.local_name().as_ref() == "MemberOfParliament" {
                    members.extend(current.take().and_then(XmlMember::into_member));
                }
                field = None;
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(members)
}

/// The column named by one of `headers` (compared case-insensitively, spaces trimmed).
fn column(header: &csv::StringRecord, names: &[&str]) -> Option<usize> {
    header.iter().position(|found| names.iter().any(|name| found.trim().eq_ignore_ascii_case(name)))
}

fn read_csv(text: &str) -> Result<Vec<Member>, ExportProblem> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let header = reader.headers().map_err(|_| ExportProblem::UnknownFormat)?.clone();
    let required = |names: &[&str], column_name: &'static str| {
        column(&header, names).ok_or(ExportProblem::MissingColumn { column: column_name })
    };
    let constituency = required(&["Constituency", "Circonscription"], "Constituency")?;
    let first = required(&["First Name", "Prénom"], "First Name")?;
    let last = required(&["Last Name", "Nom de famille", "Nom"], "Last Name")?;
    let party = required(&["Political Affiliation", "Affiliation politique", "Caucus"], "Political Affiliation")?;
    let province = column(
        &header,
        &["Province / Territory", "Province/Territory", "Province / Territoire", "Province/Territoire"],
    );
    let end = column(&header, &["End Date", "Date de fin"]);
    let mut members = Vec::new();
    for record in reader.records() {
        let Ok(record) = record else { continue };
        let get = |index: usize| record.get(index).unwrap_or_default();
        if end.is_some_and(|end| !get(end).trim().is_empty()) || get(constituency).trim().is_empty() {
            continue;
        }
        members.push(Member {
            name: full_name(get(first), get(last)),
            district: get(constituency).trim().to_owned(),
            province: province.and_then(|province| non_blank(get(province))),
            party: get(party).trim().to_owned(),
            ..Member::default()
        });
    }
    Ok(members)
}

/// The district number in a Represent boundary URL of the 2023 federal set
/// (`/boundaries/federal-electoral-districts-2023-representation-order/35075/`).
fn fed_num_from_boundary_url(url: &str) -> Option<FedNum> {
    let mut parts = url.split("/boundaries/").nth(1)?.split('/');
    let set = parts.next()?;
    let id = parts.next()?;
    (set.contains("federal-electoral-district") && set.contains("2023")).then_some(())?;
    id.parse().ok().map(FedNum)
}

fn text_field(object: &Value, name: &str) -> Option<String> {
    object.get(name).and_then(Value::as_str).and_then(non_blank)
}

fn read_represent(text: &str) -> Result<Export, ExportProblem> {
    let answer: Value =
        serde_json::from_str(text).map_err(|error| ExportProblem::Json { detail: error.to_string() })?;
    let objects = match &answer {
        Value::Array(objects) => objects.as_slice(),
        _ => answer.get("objects").and_then(Value::as_array).map(Vec::as_slice).ok_or(ExportProblem::UnknownFormat)?,
    };
    let members = objects
        .iter()
        .filter(|object| text_field(object, "elected_office").is_none_or(|office| office.eq_ignore_ascii_case("MP")))
        .filter_map(|object| {
            Some(Member {
                name: text_field(object, "name")?,
                district: text_field(object, "district_name")?,
                province: None,
                fed_num: object
                    .pointer("/related/boundary_url")
                    .and_then(Value::as_str)
                    .and_then(fed_num_from_boundary_url),
                party: text_field(object, "party_name").unwrap_or_default(),
                email: text_field(object, "email").filter(|email| email.contains('@')),
                photo_url: text_field(object, "photo_url").filter(|url| url.starts_with("https://")),
            })
        })
        .collect();
    let has_next = answer.pointer("/meta/next").is_some_and(|next| !next.is_null());
    let total = answer.pointer("/meta/total_count").and_then(Value::as_u64);
    Ok(Export { kind: ExportKind::Represent, members, incomplete: has_next.then_some(total) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundary_urls_give_2023_numbers_only() {
        let url = "/boundaries/federal-electoral-districts-2023-representation-order/35075/";
        assert_eq!(fed_num_from_boundary_url(url), Some(FedNum(35075)));
        assert_eq!(fed_num_from_boundary_url("/boundaries/federal-electoral-districts/35075/"), None);
        assert_eq!(fed_num_from_boundary_url("/boundaries/toronto-wards-2018/1/"), None);
    }

    #[test]
    fn xml_entities_and_former_members() {
        let xml = "<ArrayOfMemberOfParliament>\
            <MemberOfParliament><PersonOfficialFirstName>Chris</PersonOfficialFirstName>\
            <PersonOfficialLastName>d&apos;Entremont</PersonOfficialLastName><ConstituencyName>Acadie&#8212;Annapolis</ConstituencyName>\
            <ConstituencyProvinceTerritoryName>Nova Scotia</ConstituencyProvinceTerritoryName><CaucusShortName>Liberal</CaucusShortName>\
            <ToDateTime xsi:nil=\"true\" /></MemberOfParliament>\
            <MemberOfParliament><PersonOfficialFirstName>Old</PersonOfficialFirstName><PersonOfficialLastName>Member</PersonOfficialLastName>\
            <ConstituencyName>Avalon</ConstituencyName><CaucusShortName>Liberal</CaucusShortName>\
            <ToDateTime>2025-03-23T00:00:00</ToDateTime></MemberOfParliament></ArrayOfMemberOfParliament>";
        let members = read_xml(xml).expect("readable");
        assert_eq!(members.len(), 1);
        assert_eq!(members[0].name, "Chris d'Entremont");
        assert_eq!(members[0].district, "Acadie—Annapolis");
        assert_eq!(members[0].province.as_deref(), Some("Nova Scotia"));
    }
}
