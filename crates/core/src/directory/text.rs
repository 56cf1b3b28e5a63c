//! The fixed words of the riding lookup, in English and French, for the widget and `voix lookup`.

use crate::postal::Province;
use crate::Lang;

/// A fixed string of the riding lookup.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LookupText {
    /// Above the suggested riding, which comes from the first three characters of the postal code.
    Suggested,
    /// The only riding of the postal code's territory, or the one an exact lookup found.
    YourRiding,
    /// When an exact lookup found several ridings for one postal code.
    SeveralRidings,
    /// A vacant seat.
    NoSittingMp,
    /// An MP whose email address the data does not have.
    NoEmail,
    /// The link or button for choosing another riding.
    NotMyRiding,
    /// The field for searching ridings by name.
    SearchLabel,
    /// A search with no result.
    NoMatch,
    /// The data file could not be fetched or read.
    DataUnavailable,
}

impl LookupText {
    pub const ALL: &'static [LookupText] = &[
        LookupText::Suggested,
        LookupText::YourRiding,
        LookupText::SeveralRidings,
        LookupText::NoSittingMp,
        LookupText::NoEmail,
        LookupText::NotMyRiding,
        LookupText::SearchLabel,
        LookupText::NoMatch,
        LookupText::DataUnavailable,
    ];

    pub fn get(self, lang: Lang) -> &'static str {
        use Lang::{En, Fr};
        match (self, lang) {
            (LookupText::Suggested, En) => "Probably your riding (from the start of your postal code: please check)",
            (LookupText::Suggested, Fr) => {
                "Probablement votre circonscription (d'après le début de votre code postal\u{a0}: vérifiez-la)"
            }
            (LookupText::YourRiding, En) => "Your riding",
            (LookupText::YourRiding, Fr) => "Votre circonscription",
            (LookupText::SeveralRidings, En) => "Your postal code is shared by these ridings: choose yours",
            (LookupText::SeveralRidings, Fr) => {
                "Votre code postal est partagé par ces circonscriptions\u{a0}: choisissez la vôtre"
            }
            (LookupText::NoSittingMp, En) => "No sitting MP: the seat is vacant",
            (LookupText::NoSittingMp, Fr) => "Aucun député ni aucune députée en fonction\u{a0}: le siège est vacant",
            (LookupText::NoEmail, En) => "Email address not known yet: see ourcommons.ca",
            (LookupText::NoEmail, Fr) => "Adresse courriel pas encore connue\u{a0}: voir noscommunes.ca",
            (LookupText::NotMyRiding, En) => "Not my riding",
            (LookupText::NotMyRiding, Fr) => "Ce n'est pas ma circonscription",
            (LookupText::SearchLabel, En) => "Find your riding by name",
            (LookupText::SearchLabel, Fr) => "Trouvez votre circonscription par son nom",
            (LookupText::NoMatch, En) => "No riding has this name. Check the spelling or try another word.",
            (LookupText::NoMatch, Fr) => {
                "Aucune circonscription ne porte ce nom. Vérifiez l'orthographe ou essayez un autre mot."
            }
            (LookupText::DataUnavailable, En) => "The list of ridings could not be loaded. Try again later.",
            (LookupText::DataUnavailable, Fr) => {
                "La liste des circonscriptions n'a pas pu être chargée. Réessayez plus tard."
            }
        }
    }
}

/// "Other ridings in Ontario" / "Autres circonscriptions au Québec" ("… in Nunavut or in the Northwest
/// Territories" for an `X` postal code the data does not place).
pub fn other_ridings_heading(provinces: &[Province], lang: Lang) -> String {
    let places: Vec<&str> = provinces.iter().map(|province| province.located(lang)).collect();
    match lang {
        Lang::En => format!("Other ridings {}", places.join(" or ")),
        Lang::Fr => format!("Autres circonscriptions {}", places.join(" ou ")),
    }
}

/// "MP list as of August 18, 2025" / "Liste des députés à jour au 18 août 2025".
pub fn as_of_line(date: &super::IsoDate, lang: Lang) -> String {
    match lang {
        Lang::En => format!("MP list as of {}", date.text(lang)),
        Lang::Fr => format!("Liste des députés à jour au {}", date.text(lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_has_both_languages_and_french_spacing() {
        for text in LookupText::ALL {
            assert!(!text.get(Lang::En).is_empty() && !text.get(Lang::Fr).is_empty());
            for mark in [" :", " ;", " !", " ?"] {
                assert!(!text.get(Lang::Fr).contains(mark), "{text:?}");
            }
        }
        assert_eq!(
            other_ridings_heading(&[Province::Nunavut, Province::NorthwestTerritories], Lang::Fr),
            "Autres circonscriptions au Nunavut ou dans les Territoires du Nord-Ouest"
        );
    }
}
