//! The fixed wording of a letter in each language: salutation, closing formula, the House of Commons address.
//! Letter conventions, not interface strings, so they live here rather than in the UI catalogue.

use crate::Lang;

/// The greeting line.
///
/// English: "Dear {name}," with the full name, which needs no title and so no guess at gender.
/// French: the data has no gender, and the name alone ("Cher Jean Tremblay") would need one in "Cher/Chère".
/// "Madame, Monsieur," is the formal salutation French administrative letters use when the recipient's gender is
/// not known (the Office québécois de la langue française gives it in its letter models); it suits an MP and a
/// minister alike, whereas "Madame la Députée, Monsieur le Député," is wrong for a minister and heavy in an email.
pub fn salutation(lang: Lang, name: &str) -> String {
    match lang {
        Lang::En => format!("Dear {name},"),
        Lang::Fr => "Madame, Monsieur,".to_owned(),
    }
}

/// The closing formula before the signature.
///
/// English: "Sincerely," (neutral, usual in Canadian letters to officials).
/// French: a full formal sentence repeating the salutation, as French correspondence requires ("Salutations
/// distinguées" alone is a shortcut for emails between acquaintances).
pub fn sign_off(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Sincerely,",
        Lang::Fr => "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
    }
}

/// What separates the closing formula from the signature: a line break after the English "Sincerely,", a blank
/// line after the French sentence, which is a paragraph of its own.
pub fn after_sign_off(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "\n",
        Lang::Fr => "\n\n",
    }
}

/// The role of the sender's own MP, for address blocks.
pub fn own_mp_role(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Member of Parliament",
        // Both forms, as elsewhere in Voix, since the data has no gender.
        Lang::Fr => "Député ou députée",
    }
}

/// The last lines of an address at the House of Commons, as Canada Post and the House write them. Mail sent there
/// to any MP (K1A 0A6) needs no stamp.
pub fn house_of_commons(lang: Lang) -> [&'static str; 2] {
    match lang {
        Lang::En => ["House of Commons", "Ottawa ON K1A 0A6"],
        Lang::Fr => ["Chambre des communes", "Ottawa (Ontario) K1A 0A6"],
    }
}

/// Where every senator receives mail (postage-free, as for MPs: Canada Post Corporation Act, s. 35(2)(b)).
pub fn senate(lang: Lang) -> [&'static str; 2] {
    match lang {
        Lang::En => ["The Senate of Canada", "Ottawa ON K1A 0A4"],
        Lang::Fr => ["Le Sénat du Canada", "Ottawa (Ontario) K1A 0A4"],
    }
}

/// "Senator for Ontario" / "Membre du Sénat, Ontario" (a comma rather than "de", which French elision and the
/// provinces' articles would break; no gender is known from the data).
pub fn senator_role(province: crate::postal::Province, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Senator for {}", province.name(lang)),
        Lang::Fr => format!("Membre du Sénat, {}", province.name(lang)),
    }
}

/// "Riding: Ottawa Centre" / "Circonscription : Ottawa-Centre" in the sender's block. A label rather than a
/// phrase such as "de {riding}", which French elision would break ("d'Outremont").
pub fn riding_line(lang: Lang, riding: &str) -> String {
    match lang {
        Lang::En => format!("Riding: {riding}"),
        Lang::Fr => format!("Circonscription\u{a0}: {riding}"),
    }
}

/// The date line of a letter: "May 4, 2026" / "Le 4 mai 2026" (French letters put the article before the date).
pub fn date_line(lang: Lang, long_date: &str) -> String {
    match lang {
        Lang::En => long_date.to_owned(),
        Lang::Fr => format!("Le {long_date}"),
    }
}

/// "Re: subject" / "Objet : subject" on the printed page.
pub fn subject_line(lang: Lang, subject: &str) -> String {
    match lang {
        Lang::En => format!("Re: {subject}"),
        Lang::Fr => format!("Objet\u{a0}: {subject}"),
    }
}

/// The header lines on top of the text to copy.
pub fn to_label(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "To: ",
        Lang::Fr => "À\u{a0}: ",
    }
}

pub fn subject_label(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Subject: ",
        Lang::Fr => "Objet\u{a0}: ",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_wording_uses_no_break_spaces_before_colons() {
        for text in [riding_line(Lang::Fr, "X"), subject_line(Lang::Fr, "X"), to_label(Lang::Fr).to_owned()] {
            assert!(!text.contains(" :"), "{text}");
            assert!(text.contains("\u{a0}:"), "{text}");
        }
    }
}
