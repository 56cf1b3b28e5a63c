//! The petition's strings ("Sign the petition"), the server's thank-you answers included. Only the petition's
//! chunk refers to them, so they leave the widget's first download.

use super::catalogue;

// French typography: see `crate::i18n`.
catalogue! {
    enum PetitionText;
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
    /// The group of ridings sharing the postal code's area, in the riding list.
    PostalAreaRidings => "Ridings of your postal code area", "Circonscriptions de votre secteur postal";
    OtherRidings => "Other ridings of your province or territory", "Autres circonscriptions de votre province ou territoire";
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
    /// Signed again while the first signature waits for its confirmation (double opt-in).
    SignStillUnconfirmed => "Your signature is still waiting for your confirmation: look for our email with the link (we send it again, up to 3 times a day; check your spam folder too).",
        "Votre signature attend encore votre confirmation\u{a0}: cherchez notre courriel et son lien (nous le renvoyons, jusqu'à 3\u{a0}fois par jour\u{a0}; vérifiez aussi vos courriels indésirables).";
    AlreadySigned => "You had already signed this petition: your signature counts once, and your choices about being contacted are updated.",
        "Vous aviez déjà signé cette pétition\u{a0}: votre signature compte une fois, et vos choix de contact sont mis à jour.";
    ShareByEmail => "Share by email", "Partager par courriel";
    ShareEmailBody => "I signed this petition. You can sign it too:", "J'ai signé cette pétition. Vous pouvez la signer vous aussi\u{a0}:";
    NextWriteToMp => "Next: write to your MP", "Ensuite\u{a0}: écrivez à votre député ou députée";
    /// The riding choice when a postal code spans several.
    SeveralRidings => "Your postal code is shared by these ridings: choose yours",
        "Votre code postal est partagé par ces circonscriptions\u{a0}: choisissez la vôtre";
    /// The goal line over the form: "Goal: 10,000 signatures".
    GoalLabel => "Goal", "Objectif";
    SignaturesUnit => "signatures", "signatures";
}
