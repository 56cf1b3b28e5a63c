//! Every string the widget shows, in English and French: one typed catalogue, so a missing translation is a
//! compile error rather than a blank on a partner's page. Views ask for `Text::X.get(lang)`.

use crate::campaign::Part;
use crate::Lang;

macro_rules! catalogue {
    ($( $(#[$doc:meta])* $key:ident => $en:literal, $fr:literal; )*) => {
        /// A fixed string of the interface.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Text { $( $(#[$doc])* $key, )* }

        impl Text {
            /// Every entry, for tests that look over the whole catalogue.
            pub const ALL: &'static [Text] = &[$(Text::$key),*];

            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $( (Text::$key, Lang::En) => $en, (Text::$key, Lang::Fr) => $fr, )*
                }
            }
        }
    };
}

// French typography: a no-break space (U+00A0) before a colon, a narrow no-break space (U+202F) before ; ! ?
catalogue! {
    Loading => "Loading the campaign…", "Chargement de la campagne…";
    LanguageSwitch => "Language", "Langue";
    PartsNav => "Campaign actions", "Actions de la campagne";
    ExplainerTitle => "Understand the issue", "Comprendre l'enjeu";
    LetterTitle => "Write to your MP", "Écrire à votre député ou députée";
    PetitionTitle => "Sign the petition", "Signer la pétition";
    /// Short tab labels; the panels carry the full titles as headings.
    ExplainerTab => "Understand", "Comprendre";
    LetterTab => "Write", "Écrire";
    PetitionTab => "Sign", "Signer";
    /// Label styles ("Campaign: …") avoid the French article problem of "Campagne de [name]".
    CampaignBy => "Campaign", "Campagne";
    SharedBy => "Partner", "Partenaire";
    MailingAddress => "Mailing address", "Adresse postale";
    Contact => "Contact", "Contact";
    PrivacyPolicy => "Privacy policy", "Politique de confidentialité";
    OpensInNewTab => "(opens in a new tab)", "(s'ouvre dans un nouvel onglet)";
    TryAgain => "Try again", "Réessayer";
    /// The campaign URL answered 404.
    ErrorNotFound => "This campaign could not be found. It may have ended or moved.",
        "Cette campagne est introuvable. Elle est peut-être terminée ou a été déplacée.";
    /// The network failed or the server answered with an error.
    ErrorUnreachable => "The campaign could not be loaded. Check your connection, then try again.",
        "La campagne n'a pas pu être chargée. Vérifiez votre connexion, puis réessayez.";
    /// The campaign file is not JSON.
    ErrorNotJson => "This campaign's file is damaged, so it cannot be shown.",
        "Le fichier de cette campagne est endommagé\u{a0}; elle ne peut pas être affichée.";
    /// The campaign file failed validation.
    ErrorInvalid => "This campaign has errors in its settings, so it cannot be shown.",
        "Les réglages de cette campagne contiennent des erreurs\u{a0}; elle ne peut pas être affichée.";
    /// The script tag lacks data-campaign.
    ErrorNoCampaign => "The Voix script tag has no data-campaign attribute.",
        "La balise script de Voix n'a pas d'attribut data-campaign.";
    /// Said after each error meant for the site's webmaster.
    ErrorDetailsInConsole => "Details for the site's webmaster are in the browser console.",
        "Les détails destinés au webmestre du site sont dans la console du navigateur.";
    /// A placeholder asks for a part name Voix does not know.
    ErrorUnknownPart => "This placeholder asks for an unknown part. Use data-voix=\"explainer\", \"letter\" or \"petition\".",
        "Cet emplacement demande une partie inconnue. Utilisez data-voix=\"explainer\", \"letter\" ou \"petition\".";
    /// A placeholder asks for a part the campaign has turned off.
    ErrorPartOff => "This campaign does not include this part.",
        "Cette campagne ne comprend pas cette partie.";
    GoalLabel => "Goal", "Objectif";
    SignaturesUnit => "signatures", "signatures";
    LetterComing => "The letter tool opens here.", "L'outil de lettre s'ouvre ici.";
    /// The organiser preview (index.html) shows its own lines in both languages.
    PreviewChecking => "Checking the campaign…", "Vérification de la campagne…";
    PreviewNoProblems => "No problems.", "Aucun problème.";
    PreviewLoadFailed => "The campaign file could not be loaded: is it in campaigns/?",
        "Le fichier de la campagne n'a pas pu être chargé\u{a0}: est-il dans campaigns/\u{202f}?";
}

impl Part {
    /// The heading and tab label of a part.
    pub fn title(self) -> Text {
        match self {
            Part::Explainer => Text::ExplainerTitle,
            Part::Letter => Text::LetterTitle,
            Part::Petition => Text::PetitionTitle,
        }
    }

    /// The short label of the part's tab.
    pub fn tab_label(self) -> Text {
        match self {
            Part::Explainer => Text::ExplainerTab,
            Part::Letter => Text::LetterTab,
            Part::Petition => Text::PetitionTab,
        }
    }
}

/// A label followed by a colon, with French spacing: "Campaign:" / "Campagne :".
pub fn label(text: Text, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{}:", text.get(lang)),
        Lang::Fr => format!("{}\u{a0}:", text.get(lang)),
    }
}

/// A count written the way each language writes it: 12,500 / 12 500 (with a narrow no-break space).
pub fn format_count(n: u64, lang: Lang) -> String {
    let digits = n.to_string();
    let separator = match lang {
        Lang::En => ",",
        Lang::Fr => "\u{202f}",
    };
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(digit);
    }
    out
}

/// "Goal: 10,000 signatures" / "Objectif : 10 000 signatures".
pub fn goal_line(goal: u32, lang: Lang) -> String {
    let colon = if lang == Lang::Fr { "\u{a0}:" } else { ":" };
    format!(
        "{}{colon} {} {}",
        Text::GoalLabel.get(lang),
        format_count(u64::from(goal), lang),
        Text::SignaturesUnit.get(lang)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_has_both_languages() {
        for text in Text::ALL {
            for lang in Lang::ALL {
                assert!(!text.get(lang).trim().is_empty(), "{text:?} is blank in {lang:?}");
            }
        }
    }

    #[test]
    fn french_punctuation_has_no_plain_space_before_it() {
        for text in Text::ALL {
            let fr = text.get(Lang::Fr);
            for mark in [" :", " ;", " !", " ?"] {
                assert!(!fr.contains(mark), "{text:?} has a breaking space before {mark}: {fr}");
            }
        }
    }

    #[test]
    fn counts_follow_each_language() {
        assert_eq!(format_count(0, Lang::En), "0");
        assert_eq!(format_count(999, Lang::En), "999");
        assert_eq!(format_count(12_500, Lang::En), "12,500");
        assert_eq!(format_count(1_234_567, Lang::Fr), "1\u{202f}234\u{202f}567");
        assert_eq!(goal_line(10_000, Lang::Fr), "Objectif\u{a0}: 10\u{202f}000 signatures");
        assert_eq!(goal_line(500, Lang::En), "Goal: 500 signatures");
    }
}
