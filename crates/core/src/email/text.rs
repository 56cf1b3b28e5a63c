//! The emails' fixed wording, in English and French, through the same catalogue mechanism as the widget's
//! strings (a separate enum, so the widget's bundle does not carry them).

use crate::i18n::catalogue;

catalogue! {
    enum EmailText;
    Hello => "Hello", "Bonjour";
    /// Confirming a letter the server will send.
    ConfirmLetterSubject => "Confirm your letter", "Confirmez votre lettre";
    ConfirmLetterIntro => "You asked us to send your letter about this campaign to:",
        "Vous nous avez demandé d'envoyer votre lettre sur cette campagne à\u{a0}:";
    ConfirmLetterAction => "Your letter leaves only when you confirm it. Open this page and press the button:",
        "Votre lettre ne part que lorsque vous la confirmez. Ouvrez cette page et appuyez sur le bouton\u{a0}:";
    ConfirmLetterIgnore => "If you did not write this letter, ignore this email: nothing will be sent, and the letter is deleted after 7 days.",
        "Si vous n'avez pas écrit cette lettre, ne tenez pas compte de ce courriel\u{a0}: rien ne sera envoyé, et la lettre sera effacée dans 7 jours.";
    /// Confirming a petition signature (double opt-in).
    ConfirmSignatureSubject => "Confirm your signature", "Confirmez votre signature";
    ConfirmSignatureIntro => "You signed the petition of this campaign. Your signature counts once you confirm it. Open this page and press the button:",
        "Vous avez signé la pétition de cette campagne. Votre signature compte dès que vous la confirmez. Ouvrez cette page et appuyez sur le bouton\u{a0}:";
    ConfirmSignatureIgnore => "If you did not sign, ignore this email: your signature will not count, and it is deleted after 7 days.",
        "Si vous n'avez pas signé, ne tenez pas compte de ce courriel\u{a0}: votre signature ne comptera pas, et elle sera effacée dans 7 jours.";
    /// A letter the server could not deliver.
    DeliveryFailedSubject => "Your letter could not be delivered", "Votre lettre n'a pas pu être livrée";
    DeliveryFailedIntro => "We could not deliver your letter to:", "Nous n'avons pas pu livrer votre lettre à\u{a0}:";
    DeliveryFailedReason => "The mail server answered:", "Le serveur de courriel a répondu\u{a0}:";
    DeliveryFailedNext => "You can still send it yourself: your letter follows.",
        "Vous pouvez encore l'envoyer vous-même\u{a0}: votre lettre suit.";
    /// Withdrawing every consent.
    WithdrawSubject => "Confirm you want to stop hearing from us", "Confirmez que vous ne voulez plus recevoir nos messages";
    WithdrawIntro => "Someone asked to withdraw every consent this email address gave to the organisations of this coalition. Open this page and press the button to confirm:",
        "Quelqu'un a demandé de retirer tous les consentements donnés par cette adresse aux organisations de cette coalition. Ouvrez cette page et appuyez sur le bouton pour confirmer\u{a0}:";
    WithdrawIgnore => "If you did not ask, ignore this email: nothing changes.",
        "Si vous n'avez rien demandé, ne tenez pas compte de ce courriel\u{a0}: rien ne change.";
    /// The note under a letter sent to an MP's office.
    LetterSentFor => "This letter was written by a constituent and sent at their request through the campaign tool of",
        "Cette lettre a été écrite par une personne de la circonscription et envoyée à sa demande par l'outil de campagne de";
    LetterReplyTo => "Reply to this email to answer them directly.", "Répondez à ce courriel pour lui écrire directement.";
    PostalCodeLabel => "Postal code", "Code postal";
    RidingLabel => "Riding", "Circonscription";
    /// The sender identification every email carries (Canada's anti-spam law).
    FooterSentBy => "Sent by", "Envoyé par";
    FooterCampaign => "for the campaign", "pour la campagne";
    FooterContact => "Contact", "Pour nous joindre";
    FooterWithdraw => "To withdraw your consent and stop all emails from us:",
        "Pour retirer votre consentement et ne plus recevoir aucun courriel de notre part\u{a0}:";
    /// The confirmation and withdrawal pages the links open (a GET shows the button; only its POST acts).
    PageConfirmLetterTitle => "Send your letter", "Envoyer votre lettre";
    PageConfirmLetterBody => "Press the button to send your letter. Nothing has been sent yet.",
        "Appuyez sur le bouton pour envoyer votre lettre. Rien n'a encore été envoyé.";
    PageConfirmLetterButton => "Send my letter", "Envoyer ma lettre";
    PageLetterConfirmed => "Thank you: your letter is on its way. You will hear from us only if it cannot be delivered.",
        "Merci\u{a0}: votre lettre est en route. Nous vous écrirons seulement si elle ne peut pas être livrée.";
    PageLinkExpiredTitle => "This link no longer works", "Ce lien ne fonctionne plus";
    PageLinkExpired => "This link has expired or was already used.", "Ce lien est expiré ou a déjà servi.";
    PageTooManyRequests => "Too many requests came from your connection. Please try again in a minute.",
        "Trop de demandes sont venues de votre connexion. Veuillez réessayer dans une minute.";
    PageWithdrawTitle => "Withdraw your consent", "Retirer votre consentement";
    PageWithdrawBody => "Enter your email address. We will email you a link to confirm that you withdraw every consent you gave to the organisations of this coalition.",
        "Entrez votre adresse courriel. Nous vous enverrons un lien pour confirmer que vous retirez tous les consentements donnés aux organisations de cette coalition.";
    PageWithdrawEmail => "Email address", "Adresse courriel";
    PageWithdrawSend => "Email me the link", "M'envoyer le lien";
    PageWithdrawSent => "If this address is known to us, an email with a confirmation link is on its way.",
        "Si cette adresse nous est connue, un courriel avec un lien de confirmation est en route.";
    PageWithdrawConfirmBody => "Press the button to withdraw every consent this email address gave.",
        "Appuyez sur le bouton pour retirer tous les consentements donnés par cette adresse courriel.";
    PageWithdrawConfirmButton => "Withdraw my consent", "Retirer mon consentement";
    PageWithdrawn => "Done: your consent is withdrawn. You will receive no more emails from us.",
        "C'est fait\u{a0}: votre consentement est retiré. Vous ne recevrez plus de courriels de notre part.";
    TestModeNote => "TEST MODE: this letter would have gone to:", "MODE TEST\u{a0}: cette lettre serait allée à\u{a0}:";
    PageConfirmSignatureTitle => "Confirm your signature", "Confirmer votre signature";
    PageConfirmSignatureBody => "Press the button to confirm your signature. It counts once you do.",
        "Appuyez sur le bouton pour confirmer votre signature. Elle comptera dès que vous l'aurez fait.";
    PageConfirmSignatureButton => "Confirm my signature", "Confirmer ma signature";
    PageSignatureConfirmed => "Thank you: your signature is confirmed and counts.",
        "Merci\u{a0}: votre signature est confirmée et compte.";
}
