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
    fn the_other_ridings_heading_names_both_territories() {
        // The fixed strings are checked with the rest of the catalogue in `crate::i18n`.
        assert_eq!(
            other_ridings_heading(&[Province::Nunavut, Province::NorthwestTerritories], Lang::Fr),
            "Autres circonscriptions au Nunavut ou dans les Territoires du Nord-Ouest"
        );
    }
}
