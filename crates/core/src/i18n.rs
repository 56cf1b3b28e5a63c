//! Every string the widget shows, in English and French: typed catalogues, so a missing translation is a compile
//! error rather than a blank on a partner's page. Views ask for `Text::X.get(lang)`.
//!
//! One catalogue per part of the widget: `Text` for the shell, the explainer and the errors, `LetterText` and
//! `PetitionText` for what only the letter or only the petition shows, `ActionText` for what both of them (and no
//! other part) show. A catalogue's strings are referenced only from the code of its users, so the letter's and the
//! petition's move into their lazily loaded wasm chunks with that code (the first-load budget); one
//! catalogue for everything kept every string in the first download. `PreviewText` is the organiser preview's,
//! `ApiText` the server's, and the emails' `EmailText` lives in `crate::email`.

mod action;
mod api;
mod letter;
mod location;
mod petition;
mod preview;

pub use action::ActionText;
pub use api::ApiText;
pub use letter::LetterText;
pub use location::LocationText;
pub use petition::PetitionText;
pub use preview::PreviewText;

use crate::campaign::Part;
use crate::Lang;
use std::fmt::Debug;

/// What every catalogue offers, so code that takes "a fixed string" (`label`, the widget's `Tr`) takes one from
/// any catalogue.
pub trait Catalogue: Copy + Debug + Send + Sync + 'static {
    /// Every entry, for tests that look over the whole catalogue.
    const ALL: &'static [Self];

    /// The entry's text in a language.
    fn get(self, lang: Lang) -> &'static str;
}

/// Makes a catalogue: `catalogue! { enum Name; Key => "English", "Français"; … }`, an enum of entries with its
/// English and French text. The inherent `get` and `ALL` spare callers an import of [`Catalogue`].
macro_rules! catalogue {
    (enum $name:ident; $( $(#[$doc:meta])* $key:ident => $en:literal, $fr:literal; )*) => {
        /// A fixed string, in English and French.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name { $( $(#[$doc])* $key, )* }

        impl $name {
            /// Every entry, for tests that look over the whole catalogue.
            pub const ALL: &'static [$name] = &[$($name::$key),*];

            pub fn get(self, lang: $crate::Lang) -> &'static str {
                match (self, lang) {
                    $( ($name::$key, $crate::Lang::En) => $en, ($name::$key, $crate::Lang::Fr) => $fr, )*
                }
            }
        }

        impl $crate::i18n::Catalogue for $name {
            const ALL: &'static [$name] = $name::ALL;

            fn get(self, lang: $crate::Lang) -> &'static str {
                $name::get(self, lang)
            }
        }
    };
}
pub(crate) use catalogue;

// French typography: a no-break space (U+00A0) before a colon, a narrow no-break space (U+202F) before ; ! ?
catalogue! {
    enum Text;
    Loading => "Loading the campaign…", "Chargement de la campagne…";
    /// The letter or petition while its code arrives (it is fetched the first time it is shown).
    LoadingPart => "Loading…", "Chargement…";
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
    /// The organiser has not listed this website for the campaign (or the tag names an unknown partner).
    ErrorNotOnThisSite => "This campaign is not available on this website.",
        "Cette campagne n'est pas offerte sur ce site web.";
    /// The letter's or petition's code could not be fetched.
    ErrorPartUnreachable => "This part could not be loaded. Check your connection, then try again.",
        "Cette partie n'a pas pu être chargée. Vérifiez votre connexion, puis réessayez.";
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

    // ---- The explainer: add its entries below this line. ----
    /// The layers under the one-sentence summary.
    ExplainerWhatItMeans => "What it means for you", "Ce que ça change pour vous";
    ExplainerDetails => "The details", "Les détails";
    ExplainerTimeline => "Key moments", "Les moments clés";
    ExplainerFaq => "Questions people ask", "Les questions qu'on se pose";
    /// Before "why it matters" in a timeline entry.
    ExplainerWhyItMatters => "Why it matters", "Pourquoi c'est important";
    /// The group of action buttons after each layer.
    ExplainerActions => "Take action", "Agir";
    /// After a glossary term's button, for screen readers: the button opens the term's meaning.
    ExplainerTermHint => "(what it means)", "(ce que ça veut dire)";
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
pub fn label(text: impl Catalogue, lang: Lang) -> String {
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
        PetitionText::GoalLabel.get(lang),
        format_count(u64::from(goal), lang),
        PetitionText::SignaturesUnit.get(lang)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every entry of every catalogue, the emails' included: (entry, language, text).
    fn every_entry() -> Vec<(String, Lang, &'static str)> {
        fn entries<C: Catalogue>() -> impl Iterator<Item = (String, Lang, &'static str)> {
            C::ALL.iter().flat_map(|&text| Lang::ALL.map(|lang| (format!("{text:?}"), lang, text.get(lang))))
        }
        entries::<Text>()
            .chain(entries::<LetterText>())
            .chain(entries::<PetitionText>())
            .chain(entries::<ActionText>())
            .chain(entries::<LocationText>())
            .chain(entries::<PreviewText>())
            .chain(entries::<ApiText>())
            .chain(entries::<crate::email::EmailText>())
            .collect()
    }

    #[test]
    fn every_entry_has_both_languages() {
        for (text, lang, string) in every_entry() {
            assert!(!string.trim().is_empty(), "{text} is blank in {lang:?}");
        }
    }

    #[test]
    fn french_punctuation_has_no_plain_space_before_it() {
        for (text, _, fr) in every_entry().into_iter().filter(|(_, lang, _)| *lang == Lang::Fr) {
            for mark in [" :", " ;", " !", " ?"] {
                assert!(!fr.contains(mark), "{text} has a breaking space before {mark}: {fr}");
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
