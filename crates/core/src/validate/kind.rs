//! What kind of Voix file a text is, read from its `schema` field: a campaign or the coalition's shared glossary.
//!
//! `voix check campaigns/*.json` meets both in one folder; each is checked by its own rules, and a file that names
//! another kind gets one clear error listing the kinds this version reads, instead of a campaign's every complaint.

use crate::campaign::SCHEMA_ID as CAMPAIGN_SCHEMA_ID;
use crate::explainer::GLOSSARY_SCHEMA_ID;
use crate::Lang;
use serde_json::Value;

/// The kinds of file Voix reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// `voix/campaign/v1`: one campaign.
    Campaign,
    /// `voix/glossary/v1`: the coalition's shared glossary.
    Glossary,
}

/// What [`detect`] found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Detected {
    Known(FileKind),
    /// A `schema` string that names no kind this version reads.
    Unknown(String),
    /// No readable `schema` string (not JSON, not an object, or the field is missing): checked as a campaign, whose
    /// rules then say exactly what is wrong.
    Unstated,
}

impl FileKind {
    pub const ALL: [FileKind; 2] = [FileKind::Campaign, FileKind::Glossary];

    /// The `schema` value that names this kind.
    pub fn schema_id(self) -> &'static str {
        match self {
            FileKind::Campaign => CAMPAIGN_SCHEMA_ID,
            FileKind::Glossary => GLOSSARY_SCHEMA_ID,
        }
    }

    /// What this kind is, in plain words.
    pub fn describe(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (FileKind::Campaign, Lang::En) => "a campaign",
            (FileKind::Campaign, Lang::Fr) => "une campagne",
            (FileKind::Glossary, Lang::En) => "the coalition's shared glossary",
            (FileKind::Glossary, Lang::Fr) => "le glossaire commun de la coalition",
        }
    }

    /// `"voix/campaign/v1" (a campaign) and "voix/glossary/v1" (…)`, in `lang`'s quotes and words.
    pub fn known_list(lang: Lang) -> String {
        let items: Vec<String> = Self::ALL
            .iter()
            .map(|kind| format!("{} ({})", super::problem::q(kind.schema_id(), lang), kind.describe(lang)))
            .collect();
        let and = match lang {
            Lang::En => " and ",
            Lang::Fr => " et ",
        };
        items.join(and)
    }
}

/// Reads the `schema` field of a file's text.
pub fn detect(source: &str) -> Detected {
    let Ok(Value::Object(fields)) = serde_json::from_str::<Value>(source) else {
        return Detected::Unstated;
    };
    match fields.get("schema") {
        Some(Value::String(found)) => FileKind::ALL
            .into_iter()
            .find(|kind| kind.schema_id() == found)
            .map_or_else(|| Detected::Unknown(found.clone()), Detected::Known),
        _ => Detected::Unstated,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::{Message, Problem};

    #[test]
    fn each_kind_is_read_from_its_schema() {
        assert_eq!(detect(r#"{"schema": "voix/campaign/v1", "id": "x"}"#), Detected::Known(FileKind::Campaign));
        assert_eq!(detect(r#"{"terms": [], "schema": "voix/glossary/v1"}"#), Detected::Known(FileKind::Glossary));
        assert_eq!(detect(r#"{"schema": "voix/petition/v9"}"#), Detected::Unknown("voix/petition/v9".into()));
    }

    #[test]
    fn without_a_readable_schema_it_is_left_to_the_campaign_rules() {
        for source in [r#"{"id": "x"}"#, r#"{"schema": 1}"#, "[1]", "{not json"] {
            assert_eq!(detect(source), Detected::Unstated, "{source}");
        }
    }

    #[test]
    fn the_unknown_kind_message_names_every_known_kind() {
        let problem = Problem::error("schema", Message::UnknownFileKind { found: "voix/petition/v9".into() });
        let en = problem.describe(Lang::En);
        assert_eq!(
            en,
            "schema: this file says it is \"voix/petition/v9\"; Voix reads \"voix/campaign/v1\" (a campaign) and \
             \"voix/glossary/v1\" (the coalition's shared glossary)"
        );
        let fr = problem.describe(Lang::Fr);
        assert!(fr.contains("«\u{a0}voix/glossary/v1\u{a0}» (le glossaire commun de la coalition)"), "{fr}");
    }
}
