//! The letter's strings ("Write to your MP"), with the riding lookup it starts with (`voix lookup` prints some
//! of them too). Only the letter's chunk refers to them, so they leave the widget's first download.

use super::catalogue;

// French typography: see `crate::i18n`.
catalogue! {
    enum LetterText;
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
    PrintNoStampNoteSenate => "Mail to a senator at the Senate of Canada needs no stamp: write the address above on the envelope and post it.",
        "Le courrier adressé à un membre du Sénat du Canada n'a pas besoin de timbre\u{a0}: inscrivez l'adresse ci-dessus sur l'enveloppe et postez-la.";
    /// A senator's card: how the letter reaches them when the data has no email.
    SenatorByPost => "By post (no stamp needed) or copy: no published email",
        "Par la poste (sans timbre) ou en copiant la lettre\u{a0}: aucun courriel publié";
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
    /// The riding lookup (widget and `voix lookup`).
    /// A split FSA: the ridings sharing it, each a choice.
    RidingsShared => "Your postal code area is shared by these ridings",
        "Votre secteur postal est partagé entre ces circonscriptions";
    RidingNotListed => "Not listed? Find your riding", "Elle n'y est pas\u{a0}? Trouvez votre circonscription";
    RidingSuggested => "Probably your riding (from the start of your postal code: please check)",
        "Probablement votre circonscription (d'après le début de votre code postal\u{a0}: vérifiez-la)";
    NoSittingMp => "No sitting MP: the seat is vacant",
        "Aucun député ni aucune députée en fonction\u{a0}: le siège est vacant";
    MembersList => "Members of Parliament (ourcommons.ca)", "Députés (noscommunes.ca)";
    /// "Call your MP" (`send: ["call"]`).
    CallHeading => "Or call your MP", "Ou appelez votre député ou députée";
    CallHillOffice => "Parliament Hill office", "Bureau sur la Colline du Parlement";
    CallConstituencyOffice => "Constituency office", "Bureau de circonscription";
    CallScriptHeading => "What you can say", "Ce que vous pouvez dire";
    ICalled => "I called", "J'ai appelé";
    CalledThanks => "Thank you for calling. Calls are noted by the MP's office.",
        "Merci d'avoir appelé. Le bureau prend note des appels.";
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
    /// The letter's "send it for me" option (server delivery).
    ServerSendHeading => "Or let us send it for you", "Ou laissez-nous l'envoyer pour vous";
    ServerSendExplain => "We email you a link first: your letter leaves only when you confirm it. Replies from the office come to you.",
        "Nous vous envoyons d'abord un lien par courriel\u{a0}: votre lettre ne part que lorsque vous la confirmez. Les réponses du bureau vous parviennent directement.";
    ServerSendEmail => "Your email", "Votre courriel";
    ServerSendButton => "Send it for me", "L'envoyer pour moi";
    ServerSendSending => "Sending…", "Envoi…";
    ServerSendCheckEmail => "Check your email: your letter leaves once you press the button in the link we sent.",
        "Vérifiez vos courriels\u{a0}: votre lettre part dès que vous appuyez sur le bouton du lien envoyé.";
    /// Refused: the address has had its confirmation emails for the day.
    ServerSendTooManyConfirmations => "This address has received its confirmation emails for today: look for the link in your inbox (and spam folder), or try again tomorrow.",
        "Cette adresse a reçu ses courriels de confirmation pour aujourd'hui\u{a0}: cherchez le lien dans votre boîte de réception (et vos indésirables), ou réessayez demain.";
    /// Why a letter cannot be sent this way; `{max}` is the field's limit.
    ServerSendNameProblem => "Give your name in plain text, at most {max} characters.",
        "Indiquez votre nom en texte simple, d'au plus {max}\u{a0}caractères.";
    ServerSendEmailProblem => "Check your email address: it should look like name@example.org.",
        "Vérifiez votre adresse courriel\u{a0}: elle devrait ressembler à nom@exemple.org.";
    ServerSendPostalCodeProblem => "Check your postal code: it should look like K1A 0A6.",
        "Vérifiez votre code postal\u{a0}: il devrait ressembler à K1A 0A6.";
    ServerSendSubjectProblem => "The subject must be one line of at most {max} characters.",
        "L'objet doit tenir sur une ligne d'au plus {max}\u{a0}caractères.";
    ServerSendBodyProblem => "Your letter is longer than we can send ({max} characters at most): shorten it, or use another way above.",
        "Votre lettre est plus longue que ce que nous pouvons envoyer ({max}\u{a0}caractères au plus)\u{a0}: raccourcissez-la ou utilisez un autre moyen ci-dessus.";
    ServerSendRecipientsProblem => "We can send this letter only to your MP and the campaign's recipients, {max} at most.",
        "Nous ne pouvons envoyer cette lettre qu'à votre député ou députée et aux destinataires de la campagne, {max}\u{a0}au plus.";
    /// The robot check could not be solved or was refused.
    ServerSendRobotCheck => "The automatic robot check did not go through. Try again in a moment.",
        "La vérification automatique anti-robot n'a pas abouti. Réessayez dans un instant.";
    ServerSendFailed => "Your letter could not be sent this way. Check your email address, or use another way above.",
        "Votre lettre n'a pas pu être envoyée ainsi. Vérifiez votre adresse courriel ou utilisez un autre moyen ci-dessus.";
}
