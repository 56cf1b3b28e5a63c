//! "Call your MP": the MP's office numbers as `tel:` links and the campaign's call script with its placeholders
//! filled, for the widget's call block (`send: ["call", …]`).

use super::placeholder::{fill, Placeholder, Values};
use crate::directory::Mp;
use crate::i18n::LetterText;
use crate::{Lang, Localized};

/// An MP's numbers the data has: (which office, number as the House writes it).
pub fn numbers(mp: &Mp) -> Vec<(Office, &str)> {
    [(Office::Hill, mp.hill_phone()), (Office::Constituency, mp.office_phone())]
        .into_iter()
        .filter_map(|(office, phone)| Some((office, phone?)))
        .collect()
}

/// Which of the MP's offices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Office {
    /// On Parliament Hill, in Ottawa.
    Hill,
    /// In the riding.
    Constituency,
}

impl Office {
    pub fn label(self) -> LetterText {
        match self {
            Office::Hill => LetterText::CallHillOffice,
            Office::Constituency => LetterText::CallConstituencyOffice,
        }
    }
}

/// `tel:+1-613-992-4133` for "613-992-4133" or "1-800-665-8711" (RFC 3966, a global number: Canada is +1).
pub fn tel_href(phone: &str) -> String {
    let digits = phone.trim().trim_start_matches("1-");
    format!("tel:+1-{digits}")
}

/// The campaign's call script in `lang` with the placeholders filled; an unknown value shows its gap
/// ("[your name]"), as in the letter.
pub fn script(script: &Localized, values: &Values<'_>, lang: Lang) -> String {
    let mut missing: Vec<Placeholder> = Vec::new();
    fill(script.text(lang), values, lang, &mut missing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_become_global_tel_links() {
        assert_eq!(tel_href("613-992-4133"), "tel:+1-613-992-4133");
        assert_eq!(tel_href(" 1-800-665-8711 "), "tel:+1-800-665-8711");
    }

    #[test]
    fn the_script_is_filled_like_the_letter() {
        let text =
            Localized::new("Hello {mp.name}, I am {sender.name} from {riding}.", "Bonjour, je suis {sender.name}.");
        let values = Values { mp_name: Some("Yasir Naqvi"), riding: Some("Ottawa Centre"), ..Values::default() };
        assert_eq!(script(&text, &values, Lang::En), "Hello Yasir Naqvi, I am [your name] from Ottawa Centre.");
        assert_eq!(script(&text, &values, Lang::Fr), "Bonjour, je suis [votre nom].");
    }
}
