//! What the server answers a person in the API's `message` (petition signatures and letters it sends). The
//! widget shows the server's own wording, so it never carries these.

use super::catalogue;

// French typography: see `crate::i18n`.
catalogue! {
    enum ApiText;
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
}
