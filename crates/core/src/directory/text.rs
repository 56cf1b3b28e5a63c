//! Riding-lookup lines built from data (provinces, dates); the fixed words are in `crate::i18n::LetterText`.

use crate::postal::Province;
use crate::Lang;

/// "Other ridings in Ontario" / "Autres circonscriptions au Québec" ("… in Nunavut or in the Northwest
/// Territories" for an `X` postal code the data does not place).
pub fn other_ridings_heading(provinces: &[Province], lang: Lang) -> String {
    let places: Vec<&str> = provinces.iter().map(|province| province.located(lang)).collect();
    match lang {
        Lang::En => format!("Other ridings {}", places.join(" or ")),
        Lang::Fr => format!("Autres circonscriptions {}", places.join(" ou ")),
    }
}

/// A postal code whose FSA is not in use: said, and the province's ridings still offered.
pub fn unknown_area_line(fsa: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "No postal code starts with {fsa} in Statistics Canada's list of postal code areas: check the first three characters. If they are right, choose your riding from the list."
        ),
        Lang::Fr => format!(
            "Aucun code postal ne commence par {fsa} dans la liste des secteurs postaux de Statistique Canada\u{a0}: vérifiez les trois premiers caractères. S'ils sont justes, choisissez votre circonscription dans la liste."
        ),
    }
}

/// The MP list is older than the campaign allows (`letter.max_data_age_days`): said beside the riding, with where
/// to check (the House of Commons' list of members, [`members_page`]).
pub fn data_too_old_line(date: &super::IsoDate, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "This list of MPs dates from {}: your MP may have changed since. Check on the House of Commons' list of members before you send.",
            date.text(lang)
        ),
        Lang::Fr => format!(
            "Cette liste des députés date du {}\u{a0}: votre député a pu changer depuis. Vérifiez dans la liste des députés de la Chambre des communes avant d'envoyer.",
            date.text(lang)
        ),
    }
}

/// The House of Commons' list of members, in `lang`.
pub fn members_page(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "https://www.ourcommons.ca/Members/en",
        Lang::Fr => "https://www.noscommunes.ca/Members/fr",
    }
}

/// "Numbers as of September 2, 2026" / "Numéros à jour au 2 septembre 2026".
pub fn phones_as_of_line(date: &super::IsoDate, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Numbers as of {}", date.text(lang)),
        Lang::Fr => format!("Numéros à jour au {}", date.text(lang)),
    }
}

/// "MP list as of August 18, 2025" / "Liste des députés à jour au 18 août 2025".
pub fn as_of_line(date: &super::IsoDate, lang: Lang) -> String {
    match lang {
        Lang::En => format!("MP list as of {}", date.text(lang)),
        Lang::Fr => format!("Liste des députés à jour au {}", date.text(lang)),
    }
}

/// "93% of the area" / "93 % de la surface" ("less than 1% of the area" for a sliver).
pub fn area_share_line(permille: u16, lang: Lang) -> String {
    let percent = (u32::from(permille) + 5) / 10;
    match (percent, lang) {
        (0, Lang::En) => "less than 1% of the area".to_owned(),
        (0, Lang::Fr) => "moins de 1\u{a0}% de la surface".to_owned(),
        (_, Lang::En) => format!("{percent}% of the area"),
        (_, Lang::Fr) => format!("{percent}\u{a0}% de la surface"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_area_share_reads_as_a_percentage() {
        assert_eq!(area_share_line(585, Lang::En), "59% of the area");
        assert_eq!(area_share_line(4, Lang::Fr), "moins de 1\u{a0}% de la surface");
    }

    #[test]
    fn the_other_ridings_heading_names_both_territories() {
        // The fixed strings are checked with the rest of the catalogue in `crate::i18n`.
        assert_eq!(
            other_ridings_heading(&[Province::Nunavut, Province::NorthwestTerritories], Lang::Fr),
            "Autres circonscriptions au Nunavut ou dans les Territoires du Nord-Ouest"
        );
    }
}
