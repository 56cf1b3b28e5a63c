//! Party names as sources write them ("Liberal", "NDP", "Parti vert", "Bloc Québécois") → one id and a name in
//! each language for the data file.

use voix_core::directory::file::PartyRecord;
use voix_core::directory::name_key;

/// A party as the data file records it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Party {
    pub id: String,
    pub en: String,
    pub fr: String,
}

impl Party {
    pub fn record(&self) -> PartyRecord {
        PartyRecord { en: self.en.clone(), fr: self.fr.clone() }
    }
}

/// The parties of the House of Commons: id, English name, French name, and the spellings sources use (compared
/// after [`name_key`]).
const KNOWN: &[(&str, &str, &str, &[&str])] = &[
    (
        "liberal",
        "Liberal",
        "Libéral",
        &[
            "liberal",
            "liberal party",
            "liberal party of canada",
            "parti liberal",
            "parti liberal du canada",
            "lib",
            "lpc",
            "plc",
        ],
    ),
    (
        "conservative",
        "Conservative",
        "Conservateur",
        &[
            "conservative",
            "conservative party",
            "conservative party of canada",
            "conservateur",
            "parti conservateur",
            "parti conservateur du canada",
            "cpc",
            "pcc",
        ],
    ),
    ("bloc", "Bloc Québécois", "Bloc Québécois", &["bloc quebecois", "bloc", "bq"]),
    (
        "ndp",
        "NDP",
        "NPD",
        &["ndp", "npd", "new democratic party", "nouveau parti democratique", "ndp new democratic party"],
    ),
    (
        "green",
        "Green Party",
        "Parti vert",
        &["green", "green party", "green party of canada", "parti vert", "parti vert du canada", "gp", "pv"],
    ),
    ("independent", "Independent", "Indépendant", &["independent", "independant", "independante", "ind"]),
];

/// The party a source names. An unknown party keeps its name in both languages, with an id made from it (the
/// second value is `false`, so the caller can say so).
pub fn identify(source_name: &str) -> (Party, bool) {
    let key = name_key(source_name);
    for (id, en, fr, spellings) in KNOWN {
        if spellings.contains(&key.as_str()) {
            return (Party { id: (*id).to_owned(), en: (*en).to_owned(), fr: (*fr).to_owned() }, true);
        }
    }
    let name = source_name.trim().to_owned();
    (Party { id: key.replace(' ', "-"), en: name.clone(), fr: name }, false)
}

/// The Senate's groups: the id the Senate's list puts in parentheses ("Independent Senators Group (ISG)"), and
/// the group's name in each language.
const SENATE_GROUPS: &[(&str, &str, &str)] = &[
    ("ISG", "Independent Senators Group", "Groupe des sénateurs indépendants"),
    ("CSG", "Canadian Senators Group", "Groupe des sénateurs canadiens"),
    ("PSG", "Progressive Senate Group", "Groupe progressiste du Sénat"),
    ("C", "Conservative Party of Canada", "Parti conservateur du Canada"),
    ("GRO", "Government Representative Office", "Bureau du représentant du gouvernement au Sénat"),
    ("Non-affiliated", "Non-affiliated", "Non affilié"),
];

/// The Senate group a source names, as "Name (ID)" or the id alone; `None` when unknown.
pub fn senate_group(source_name: &str) -> Option<Party> {
    let text = source_name.trim();
    let id = match (text.rfind('('), text.strip_suffix(')')) {
        (Some(open), Some(inner)) => inner.get(open + 1..).unwrap_or_default().trim(),
        _ => text,
    };
    SENATE_GROUPS.iter().find(|(known, _, _)| name_key(known) == name_key(id)).map(|(id, en, fr)| Party {
        id: (*id).to_owned(),
        en: (*en).to_owned(),
        fr: (*fr).to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_spellings_give_one_party() {
        for spelling in ["Liberal", "Libéral", "Parti libéral du Canada"] {
            assert_eq!(identify(spelling).0.id, "liberal", "{spelling}");
        }
        assert_eq!(identify("NPD").0.id, "ndp");
        assert_eq!(identify("Green").0.fr, "Parti vert");
        assert_eq!(identify("Bloc Québécois").0.id, "bloc");
        assert_eq!(identify("Indépendante").0.id, "independent");
        let (unknown, known) = identify("Parti Rhinocéros");
        assert!(!known);
        assert_eq!((unknown.id.as_str(), unknown.en.as_str()), ("parti-rhinoceros", "Parti Rhinocéros"));
    }

    #[test]
    fn the_senate_list_s_groups_are_known_by_their_id() {
        assert_eq!(senate_group("Independent Senators Group (ISG)").map(|group| group.id).as_deref(), Some("ISG"));
        assert_eq!(
            senate_group("Non-affiliated (Non-affiliated)").map(|group| group.fr).as_deref(),
            Some("Non affilié")
        );
        assert_eq!(senate_group("C").map(|group| group.en).as_deref(), Some("Conservative Party of Canada"));
        assert_eq!(senate_group("Senate Liberal Caucus (SLC)"), None);
    }
}
