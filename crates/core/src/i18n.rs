//! Every string the widget shows, in English and French: one typed catalogue, so a missing translation is a
//! compile error rather than a blank on a partner's page. Views ask for `Text::X.get(lang)`.

use crate::campaign::Part;
use crate::Lang;

/// Makes a catalogue: an enum of entries, each with its English and French text. `catalogue! { … }` is the
/// widget's `Text`; `catalogue! { enum Name; … }` makes another one (the emails', which the widget never loads).
macro_rules! catalogue {
    (enum $name:ident; $( $(#[$doc:meta])* $key:ident => $en:literal, $fr:literal; )*) => {
        /// A fixed string, in English and French.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name { $( $(#[$doc])* $key, )* }

        impl $name {
            /// Every entry, for tests that look over the whole catalogue.
            pub const ALL: &'static [$name] = &[$($name::$key),*];

            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $( ($name::$key, Lang::En) => $en, ($name::$key, Lang::Fr) => $fr, )*
                }
            }
        }
    };
    ($($entries:tt)*) => { catalogue! { enum Text; $($entries)* } };
}
pub(crate) use catalogue;

// French typography: a no-break space (U+00A0) before a colon, a narrow no-break space (U+202F) before ; ! ?
catalogue! {
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
    GoalLabel => "Goal", "Objectif";
    SignaturesUnit => "signatures", "signatures";
    /// The organiser preview (index.html) shows its own lines in both languages.
    PreviewChecking => "Checking the campaign…", "Vérification de la campagne…";
    PreviewNoProblems => "No problems.", "Aucun problème.";
    PreviewLoadFailed => "The campaign file could not be loaded: is it in campaigns/?",
        "Le fichier de la campagne n'a pas pu être chargé\u{a0}: est-il dans campaigns/\u{202f}?";
    // The letter tool ("Write to your MP").
    /// Form labels.
    YourPostalCode => "Your postal code", "Votre code postal";
    PostalCodeHint => "For example K1A 0A6", "Par exemple K1A 0A6";
    FindMyMp => "Find my MP", "Trouver mon député ou ma députée";
    YourMp => "Your MP", "Votre député ou députée";
    YourName => "Your name", "Votre nom";
    YourStreetAddress => "Your street address (optional)", "Votre adresse (facultatif)";
    StreetAddressWhy => "Your MP's office uses your address to confirm that you live in the riding.",
        "Le bureau de votre député ou députée s'en sert pour vérifier que vous habitez la circonscription.";
    YourEmail => "Your email (optional)", "Votre courriel (facultatif)";
    ChoosePoints => "What do you want to say?", "Que voulez-vous dire\u{202f}?";
    YourStory => "Your story", "Votre histoire";
    YourStoryHint => "A few sentences in your own words make your letter count.",
        "Quelques phrases dans vos mots donnent du poids à votre lettre.";
    StoryIdeas => "Ideas to get started", "Des idées pour commencer";
    SubjectLabel => "Subject", "Objet";
    RecipientsLabel => "To", "À";
    /// A fixed recipient the person may untick.
    AlsoSendTo => "Also send to", "Envoyer aussi à";
    YourLetter => "Your letter", "Votre lettre";
    EditHint => "You can change anything in your letter.", "Vous pouvez tout modifier dans votre lettre.";
    /// Draws a new seed: other wordings of the same points.
    OtherWording => "Suggest other wording", "Proposer une autre formulation";
    /// Shown while the letter still has gaps such as "[your name]".
    FillTheGaps => "Fill in the parts in [brackets] before sending.",
        "Remplissez les parties entre [crochets] avant d'envoyer.";
    /// The ways of sending.
    OpenInEmailApp => "Open in my email app", "Ouvrir dans mon application de courriel";
    CopyLetter => "Copy the letter", "Copier la lettre";
    Copied => "Copied", "Copié";
    PrintLetter => "Print", "Imprimer";
    /// Shown when the letter is too long to travel inside the email link.
    MailtoTooLong => "Your letter is too long to pass to your email app. Copy it first, then paste it into the message.",
        "Votre lettre est trop longue pour passer à votre application de courriel. Copiez-la d'abord, puis collez-la dans le message.";
    NoStampNeeded => "No stamp needed: mail to MPs is free.",
        "Pas besoin de timbre\u{a0}: le courrier envoyé aux députés et députées est gratuit.";
    /// At the foot of the printed page.
    PrintNoStampNote => "Mail to a Member of Parliament at the House of Commons needs no stamp: write the address above on the envelope and post it.",
        "Le courrier adressé à un député ou une députée à la Chambre des communes n'a pas besoin de timbre\u{a0}: inscrivez l'adresse ci-dessus sur l'enveloppe et postez-la.";
    /// The originality gauge.
    OriginalityLabel => "Your own words", "Vos propres mots";
    OriginalityLow => "This is mostly the campaign's wording so far. A sentence or two about you will make your letter stand out.",
        "C'est surtout le texte de la campagne pour l'instant. Une phrase ou deux sur vous feront ressortir votre lettre.";
    OriginalityMedium => "Good: your own words are in it. Personal letters get more attention.",
        "Bien\u{a0}: vos propres mots y sont. Les lettres personnelles retiennent davantage l'attention.";
    OriginalityHigh => "Great: much of this letter is in your own words.",
        "Excellent\u{a0}: une bonne partie de cette lettre est dans vos propres mots.";
    /// The subject used when a campaign gives no subject lines.
    LetterDefaultSubject => "A letter from a constituent", "Lettre d'une personne de votre circonscription";
    /// Gaps left in the letter until the value is known.
    GapTargetName => "[recipient's name]", "[nom du ou de la destinataire]";
    GapMpName => "[your MP's name]", "[nom de votre député ou députée]";
    GapRiding => "[your riding]", "[votre circonscription]";
    GapSenderName => "[your name]", "[votre nom]";
    GapPostalCode => "[your postal code]", "[votre code postal]";
    /// The letter step's own controls.
    ThisIsMyRiding => "Yes, this is my riding", "Oui, c'est ma circonscription";
    ByEmail => "By email", "Par courriel";
    NoRecipient => "Choose at least one recipient.", "Choisissez au moins un ou une destinataire.";
    EditedNotice => "You changed the letter yourself, so new choices above no longer rewrite it.",
        "Vous avez modifié la lettre vous-même\u{a0}; vos nouveaux choix ci-dessus ne la réécrivent plus.";
    RebuildLetter => "Rebuild it from my choices", "La refaire à partir de mes choix";
    SendHeading => "Send your letter", "Envoyer votre lettre";
    CopyFailed => "Your browser did not allow copying. Select the letter above and copy it.",
        "Votre navigateur n'a pas permis la copie. Sélectionnez la lettre ci-dessus et copiez-la.";
    LetterThanks => "Thank you for writing to your MP!", "Merci d'avoir écrit à votre député ou députée\u{202f}!";
    LetterThanksMore => "Letters from constituents are read and counted. Your voice matters.",
        "Les lettres des gens de la circonscription sont lues et comptées. Votre voix compte.";
    NextSignPetition => "Next: sign the petition", "Ensuite\u{a0}: signez la pétition";
    /// Sharing the campaign after acting: a plain link, no tracker.
    ShareThisPage => "Copy a link to this page", "Copier le lien de cette page";
    LinkCopied => "Link copied: paste it in a message to a friend.",
        "Lien copié\u{a0}: collez-le dans un message à une amie ou un ami.";

    // ---- The explainer (issue 4): add its entries below this line. ----
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
    /// The organiser preview: the reading grade of each explainer section.
    PreviewGrades => "Reading grade of each explainer section (8 or below reads easily)",
        "Niveau de lecture de chaque section de l'explication (8 ou moins se lit facilement)";
    PreviewSection => "Section", "Section";

    // ---- The petition (issue 5): add its entries below this line. ----
    /// The petition form (widget).
    FirstName => "First name", "Prénom";
    LastName => "Last name", "Nom de famille";
    Email => "Email", "Courriel";
    PostalCode => "Postal code", "Code postal";
    PostalCodeWhy => "It places you in your riding, for example K1A 0A6.",
        "Il vous situe dans votre circonscription, par exemple K1A 0A6.";
    CommentOptional => "Comment (optional)", "Commentaire (facultatif)";
    OptionalMark => "(optional)", "(facultatif)";
    ChooseYourRiding => "Your riding (optional)", "Votre circonscription (facultatif)";
    ChooseRidingOption => "Choose your riding", "Choisissez votre circonscription";
    ProbablyYours => "(probably yours)", "(probablement la vôtre)";
    /// Filled in only by robots; people never see it.
    HoneypotLabel => "Leave this field empty", "Laissez ce champ vide";
    KeepInTouch => "Stay in touch (optional)", "Rester en contact (facultatif)";
    ConsentNotRequired => "You can sign without ticking any of these boxes.",
        "Vous pouvez signer sans cocher aucune de ces cases.";
    FixTheseProblems => "Please fix these problems:", "Veuillez corriger ces problèmes\u{a0}:";
    CheckingPerson => "Checking you are a person… (no data leaves this page)",
        "Vérification que vous êtes une personne… (aucune donnée ne quitte cette page)";
    SendingSignature => "Sending your signature…", "Envoi de votre signature…";
    SavedOffline => "You are offline. Your signature is saved on this device and will be sent when you are back online.",
        "Vous êtes hors ligne. Votre signature est enregistrée sur cet appareil et sera envoyée dès votre retour en ligne.";
    SavedWillRetry => "The server cannot be reached right now. Your signature is saved on this device and will be sent automatically.",
        "Le serveur est injoignable pour le moment. Votre signature est enregistrée sur cet appareil et sera envoyée automatiquement.";
    SignatureNotSent => "Your signature could not be sent.", "Votre signature n'a pas pu être envoyée.";
    SignThanks => "Thank you for signing!", "Merci d'avoir signé\u{202f}!";
    SignThanksMore => "Your signature has been counted. Petitions carry weight when many people sign: pass it on.",
        "Votre signature a été comptée. Une pétition pèse quand beaucoup de gens la signent\u{a0}: faites-la connaître.";
    /// After signing with double opt-in (`petition.confirm_by_email`): not counted until confirmed.
    SignCheckEmail => "Thank you! One more step", "Merci\u{202f}! Encore une étape";
    SignCheckEmailMore => "Check your email: your signature counts once you confirm it (the link is valid 7 days).",
        "Vérifiez vos courriels\u{a0}: votre signature comptera une fois que vous l'aurez confirmée (le lien est valable 7\u{a0}jours).";
    AlreadySigned => "You had already signed this petition: your signature counts once, and your choices about being contacted are updated.",
        "Vous aviez déjà signé cette pétition\u{a0}: votre signature compte une fois, et vos choix de contact sont mis à jour.";
    ShareByEmail => "Share by email", "Partager par courriel";
    ShareEmailBody => "I signed this petition. You can sign it too:", "J'ai signé cette pétition. Vous pouvez la signer vous aussi\u{a0}:";
    NextWriteToMp => "Next: write to your MP", "Ensuite\u{a0}: écrivez à votre député ou députée";
    /// The server's answers that a person may see (the API's `message`).
    RequestUnreadable => "The form could not be read. Reload the page, then try again.",
        "Le formulaire n'a pas pu être lu. Rechargez la page, puis réessayez.";
    RequestNotJson => "The form was not sent as JSON. Reload the page, then try again.",
        "Le formulaire n'a pas été envoyé en JSON. Rechargez la page, puis réessayez.";
    RequestTooLarge => "This is too long to send: shorten your comment or answers.",
        "C'est trop long pour être envoyé\u{a0}: raccourcissez votre commentaire ou vos réponses.";
    OriginRefused => "This website is not one of the campaign's partners, so it cannot send to it.",
        "Ce site Web ne fait pas partie des partenaires de la campagne\u{a0}; il ne peut pas lui envoyer de données.";
    PartnerMismatch => "This form is set up for another website. Tell the site's webmaster.",
        "Ce formulaire est configuré pour un autre site Web. Prévenez le webmestre du site.";
    TooManyAttempts => "Too many attempts in a short time. Please wait a few minutes, then try again.",
        "Trop de tentatives en peu de temps. Veuillez attendre quelques minutes, puis réessayer.";
    CampaignHasNoPetition => "This campaign has no petition.", "Cette campagne n'a pas de pétition.";
    CampaignHasNoLetter => "This campaign has no letter to send.", "Cette campagne n'a pas de lettre à envoyer.";
    IdempotencyKeyReused => "This form was already sent with other answers. Reload the page, then try again.",
        "Ce formulaire a déjà été envoyé avec d'autres réponses. Rechargez la page, puis réessayez.";
    TokenNeeded => "A valid access token is needed: create one with voix token create.",
        "Un jeton d'accès valide est nécessaire\u{a0}: créez-en un avec voix token create.";
    ServiceUnavailable => "The service is unavailable right now. Please try again in a few minutes.",
        "Le service n'est pas disponible pour le moment. Veuillez réessayer dans quelques minutes.";
    AnswersToFix => "Some answers need fixing: see the messages next to them.",
        "Certaines réponses sont à corriger\u{a0}: voyez les messages à côté.";
    CampaignNotFound => "This campaign is not available on this server. Check the campaign's address.",
        "Cette campagne n'est pas offerte sur ce serveur. Vérifiez l'adresse de la campagne.";
    /// The riding lookup (widget and `voix lookup`).
    RidingSuggested => "Probably your riding (from the start of your postal code: please check)",
        "Probablement votre circonscription (d'après le début de votre code postal\u{a0}: vérifiez-la)";
    YourRiding => "Your riding",
        "Votre circonscription";
    SeveralRidings => "Your postal code is shared by these ridings: choose yours",
        "Votre code postal est partagé par ces circonscriptions\u{a0}: choisissez la vôtre";
    NoSittingMp => "No sitting MP: the seat is vacant",
        "Aucun député ni aucune députée en fonction\u{a0}: le siège est vacant";
    MpNoEmail => "Email address not known yet: see ourcommons.ca",
        "Adresse courriel pas encore connue\u{a0}: voir noscommunes.ca";
    NotMyRiding => "Not my riding",
        "Ce n'est pas ma circonscription";
    RidingSearchLabel => "Find your riding by name",
        "Trouvez votre circonscription par son nom";
    RidingNoMatch => "No riding has this name. Check the spelling or try another word.",
        "Aucune circonscription ne porte ce nom. Vérifiez l'orthographe ou essayez un autre mot.";
    RidingDataUnavailable => "The list of ridings could not be loaded. Try again later.",
        "La liste des circonscriptions n'a pas pu être chargée. Réessayez plus tard.";

    // ---- Email (issue 6): add its entries below this line. ----
    /// The letter's "send it for me" option (server delivery).
    ServerSendHeading => "Or let us send it for you", "Ou laissez-nous l'envoyer pour vous";
    ServerSendExplain => "We email you a link first: your letter leaves only when you confirm it. Replies from the office come to you.",
        "Nous vous envoyons d'abord un lien par courriel\u{a0}: votre lettre ne part que lorsque vous la confirmez. Les réponses du bureau vous parviennent directement.";
    ServerSendEmail => "Your email", "Votre courriel";
    ServerSendButton => "Send it for me", "L'envoyer pour moi";
    ServerSendSending => "Sending…", "Envoi…";
    ServerSendCheckEmail => "Check your email: your letter leaves once you press the button in the link we sent.",
        "Vérifiez vos courriels\u{a0}: votre lettre part dès que vous appuyez sur le bouton du lien envoyé.";
    ServerSendFailed => "Your letter could not be sent this way. Check your email address, or use another way above.",
        "Votre lettre n'a pas pu être envoyée ainsi. Vérifiez votre adresse courriel ou utilisez un autre moyen ci-dessus.";
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
