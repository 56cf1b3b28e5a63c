//! Reading the data file's JSON into a [`Directory`], with a precise error for each problem.
//!
//! Read by hand from a `serde_json::Value` (which the widget already parses campaigns with) rather than through
//! derived `Deserialize` impls, and kept ordered by inserting into place rather than sorting: both would add
//! kilobytes of generic code to the wasm bundle.

use super::file::{Attribution, FORMAT};
use super::senate::{Senate, Senator};
use super::{index_words, name_key, Directory, DirectoryError, District, FedNum, IsoDate, Mp, Party, RidingShare};
use crate::postal::{Fsa, Province};
use serde_json::{Map, Value};

fn bad(path: impl Into<String>) -> DirectoryError {
    DirectoryError::BadField { path: path.into() }
}

fn text<'v>(object: &'v Value, name: &str, path: &str) -> Result<&'v str, DirectoryError> {
    object.get(name).and_then(Value::as_str).ok_or_else(|| bad(format!("{path}{name}")))
}

/// An optional text: absent or `null` is `None`; anything else must be a text.
fn optional_text(object: &Value, name: &str, path: &str) -> Result<Option<String>, DirectoryError> {
    match object.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(value)) => Ok(Some(value.clone())),
        Some(_) => Err(bad(format!("{path}{name}"))),
    }
}

fn object<'v>(parent: &'v Value, name: &str) -> Result<&'v Map<String, Value>, DirectoryError> {
    parent.get(name).and_then(Value::as_object).ok_or_else(|| bad(name))
}

fn fed_num(value: Option<&Value>, path: impl Fn() -> String) -> Result<FedNum, DirectoryError> {
    value.and_then(Value::as_u64).and_then(|n| u32::try_from(n).ok()).map(FedNum).ok_or_else(|| bad(path()))
}

fn text_list(parent: &Value, name: &str) -> Result<Vec<String>, DirectoryError> {
    let path = format!("attribution.{name}");
    let items = parent.get(name).and_then(Value::as_array).ok_or_else(|| bad(path.clone()))?;
    items.iter().map(|item| item.as_str().map(str::to_owned).ok_or_else(|| bad(path.clone()))).collect()
}

fn parties(root: &Value, name: &str) -> Result<Vec<Party>, DirectoryError> {
    root.get(name)
        .and_then(Value::as_object)
        .ok_or_else(|| bad(name))?
        .iter()
        .map(|(id, names)| {
            let path = format!("{name}.{id}.");
            Ok(Party {
                id: id.clone(),
                name_en: text(names, "en", &path)?.to_owned(),
                name_fr: text(names, "fr", &path)?.to_owned(),
            })
        })
        .collect()
}

fn mp(value: &Value, fed_num: FedNum, path: &str, parties: &[Party]) -> Result<Option<Mp>, DirectoryError> {
    if value.is_null() {
        return Ok(None);
    }
    let party_id = text(value, "party", path)?;
    let party = parties
        .iter()
        .find(|party| party.id == party_id)
        .cloned()
        .ok_or_else(|| DirectoryError::UnknownParty { fed_num, party: party_id.to_owned() })?;
    Ok(Some(Mp {
        name: text(value, "name", path)?.to_owned(),
        party,
        email: optional_text(value, "email", path)?,
        photo_url: optional_text(value, "photo_url", path)?,
        hill_phone: optional_text(value, "hill_phone", path)?,
        office_phone: optional_text(value, "office_phone", path)?,
    }))
}

fn district(value: &Value, index: usize, parties: &[Party]) -> Result<District, DirectoryError> {
    let path = format!("districts[{index}].");
    let fed_num = fed_num(value.get("fed_num"), || format!("{path}fed_num"))?;
    let province =
        Province::from_code(text(value, "province", &path)?).ok_or_else(|| bad(format!("{path}province")))?;
    let name_en = text(value, "name_en", &path)?.to_owned();
    let name_fr = text(value, "name_fr", &path)?.to_owned();
    let mp_value = value.get("mp").ok_or_else(|| bad(format!("{path}mp")))?;
    let mp = mp(mp_value, fed_num, &format!("{path}mp."), parties)?;
    let mut name_words = index_words(&name_en);
    name_words.extend(index_words(&name_fr));
    let mp_words = mp.as_ref().map(|mp| index_words(&mp.name)).unwrap_or_default();
    Ok(District {
        fed_num,
        province,
        name_keys: [name_key(&name_en), name_key(&name_fr)],
        name_en,
        name_fr,
        mp,
        name_words,
        mp_words,
    })
}

fn date(text: &str) -> Result<IsoDate, DirectoryError> {
    IsoDate::parse(text).ok_or_else(|| DirectoryError::BadDate { found: text.to_owned() })
}

fn optional_date(object: &Value, name: &str) -> Result<Option<IsoDate>, DirectoryError> {
    optional_text(object, name, "")?.as_deref().map(date).transpose()
}

/// The `senate` object: its date, groups and senators (each senator's group must be listed).
fn senate(value: &Value) -> Result<Senate, DirectoryError> {
    let groups = parties(value, "groups").map_err(|_| bad("senate.groups"))?;
    let list = value.get("senators").and_then(Value::as_array).ok_or_else(|| bad("senate.senators"))?;
    let mut senators = Vec::with_capacity(list.len());
    for (index, item) in list.iter().enumerate() {
        let path = format!("senate.senators[{index}].");
        let group_id = text(item, "group", &path)?;
        let group =
            groups.iter().find(|group| group.id == group_id).cloned().ok_or_else(|| bad(format!("{path}group")))?;
        senators.push(Senator {
            name: text(item, "name", &path)?.to_owned(),
            province: Province::from_code(text(item, "province", &path)?)
                .ok_or_else(|| bad(format!("{path}province")))?,
            division: optional_text(item, "division", &path)?,
            group,
            email: optional_text(item, "email", &path)?,
            retires_on: optional_date(item, "retires_on")?,
        });
    }
    Ok(Senate { as_of: date(text(value, "as_of", "senate.")?)?, senators })
}

/// Inserts `item` in `list`, kept ordered by `key`; `false` if the key is already there.
fn insert_ordered<T, K: Ord>(list: &mut Vec<T>, item: T, key: impl Fn(&T) -> K) -> bool {
    match list.binary_search_by(|probe| key(probe).cmp(&key(&item))) {
        Ok(_) => false,
        Err(position) => {
            list.insert(position, item);
            true
        }
    }
}

pub(super) fn directory(json: &str) -> Result<Directory, DirectoryError> {
    let root: Value =
        serde_json::from_str(json).map_err(|error| DirectoryError::NotJson { detail: error.to_string() })?;
    // The format first, so a future file says "unsupported" rather than "missing field".
    let format = root.get("format").and_then(Value::as_str).unwrap_or_default();
    if format != FORMAT {
        return Err(DirectoryError::UnsupportedFormat { found: format.to_owned() });
    }
    let as_of_text = text(&root, "as_of", "")?;
    let as_of = date(as_of_text)?;
    let attribution_value = root.get("attribution").ok_or_else(|| bad("attribution"))?;
    let attribution = Attribution { en: text_list(attribution_value, "en")?, fr: text_list(attribution_value, "fr")? };
    let parties = parties(&root, "parties")?;

    let mut districts: Vec<District> = Vec::new();
    let district_values = root.get("districts").and_then(Value::as_array).ok_or_else(|| bad("districts"))?;
    for (index, value) in district_values.iter().enumerate() {
        let district = district(value, index, &parties)?;
        let fed_num = district.fed_num;
        if !insert_ordered(&mut districts, district, |d| d.fed_num) {
            return Err(DirectoryError::DuplicateDistrict { fed_num });
        }
    }
    let mut directory = Directory {
        as_of,
        attribution,
        districts,
        fsa_hints: Vec::new(),
        fsa_ridings: Vec::new(),
        x_fsa_territories: Vec::new(),
        fsa_without_ridings: Vec::new(),
        phones_as_of: optional_date(&root, "phones_as_of")?,
        senate: root.get("senate").map(senate).transpose()?,
    };

    for (key, value) in object(&root, "fsa_hints")? {
        let fsa = Fsa::parse(key).map_err(|_| DirectoryError::BadFsa { found: key.clone() })?;
        let fed_num = fed_num(Some(value), || format!("fsa_hints.{key}"))?;
        if directory.district(fed_num).is_none() {
            return Err(DirectoryError::UnknownHintDistrict { fsa: key.clone(), fed_num });
        }
        insert_ordered(&mut directory.fsa_hints, (fsa, fed_num), |(fsa, _)| *fsa);
    }
    if let Some(lists) = root.get("fsa_ridings") {
        let lists = lists.as_object().ok_or_else(|| bad("fsa_ridings"))?;
        for (key, value) in lists {
            let fsa = Fsa::parse(key).map_err(|_| DirectoryError::BadFsa { found: key.clone() })?;
            let path = || format!("fsa_ridings.{key}");
            let mut list = Vec::new();
            for pair in value.as_array().ok_or_else(|| bad(path()))? {
                let [riding, share] = pair.as_array().map(Vec::as_slice).unwrap_or_default() else {
                    return Err(bad(path()));
                };
                let fed_num = fed_num(Some(riding), path)?;
                let permille = share.as_u64().and_then(|n| u16::try_from(n).ok()).filter(|n| *n <= 1000);
                let permille = permille.ok_or_else(|| bad(path()))?;
                if directory.district(fed_num).is_none() {
                    return Err(DirectoryError::UnknownHintDistrict { fsa: key.clone(), fed_num });
                }
                list.push(RidingShare { fed_num, permille: Some(permille) });
            }
            insert_ordered(&mut directory.fsa_ridings, (fsa, list), |(fsa, _)| *fsa);
        }
    }
    for (key, value) in object(&root, "x_fsa_territories")? {
        let territory = value.as_str().and_then(Province::from_code);
        // Only an `X` FSA needs its territory, and it can only be one of the two sharing the letter.
        let fsa = Fsa::parse(key)
            .ok()
            .filter(|fsa| fsa.first_letter() == 'X' && territory.is_some_and(|t| fsa.provinces().contains(&t)));
        match (fsa, territory) {
            (Some(fsa), Some(territory)) => {
                insert_ordered(&mut directory.x_fsa_territories, (fsa, territory), |(fsa, _)| *fsa);
            }
            _ => return Err(DirectoryError::BadFsa { found: key.clone() }),
        }
    }
    if let Some(list) = root.get("fsa_without_ridings") {
        for value in list.as_array().ok_or_else(|| bad("fsa_without_ridings"))? {
            let text = value.as_str().ok_or_else(|| bad("fsa_without_ridings"))?;
            let fsa = Fsa::parse(text).map_err(|_| DirectoryError::BadFsa { found: text.to_owned() })?;
            insert_ordered(&mut directory.fsa_without_ridings, fsa, |fsa| *fsa);
        }
    }
    Ok(directory)
}
