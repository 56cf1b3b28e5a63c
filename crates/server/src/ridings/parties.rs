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
}
