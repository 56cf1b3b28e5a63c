//! What can be wrong with a signature, located by a path and said in English and French.

use crate::postal::PostalCodeError;
use crate::Lang;
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

/// One problem with a submission: `{"path": "fields.email", "message": {"en": "…", "fr": "…"}}` in JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// Where: `fields.email`, `fields.postal_code`, `riding`, `consents[1]`, `altcha`, `lang`, …
    pub path: String,
    pub problem: SignatureProblem,
}

/// Every problem a signature (or a letter count) can have. Messages never repeat what the person typed, so that
/// they can be shown and sent anywhere.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignatureProblem {
    /// The campaign has no petition.
    NoPetition,
    /// The submission names another campaign than the one it was sent to.
    WrongCampaign,
    /// The campaign is not written in the submission's language.
    LanguageNotOffered,
    /// The partner is not one of the campaign's.
    UnknownPartner,
    /// The form has no field of this name.
    UnknownField,
    /// A required field is missing or blank.
    Required,
    /// A required checkbox is not ticked.
    MustTick,
    /// Longer than allowed.
    TooLong { max: usize },
    /// A line break, tab or other invisible character where plain text belongs.
    Unprintable,
    /// Not a plausible email address.
    BadEmail,
    /// Not a postal code, and why.
    PostalCode(PostalCodeError),
    /// A text where a tick belongs or the reverse: a form that does not match the campaign.
    WrongKind,
    /// Not one of the field's choices.
    UnknownChoice,
    /// No riding has this number.
    UnknownRiding,
    /// The riding is not in the province or territory of the postal code.
    RidingNotInProvince,
    /// A consent box this site does not show (the partner's box without a partner, or the organiser's when it
    /// asks for none).
    ConsentNotOffered,
    /// The same box ticked twice.
    DuplicateConsent,
    /// The box's wording changed since the page was loaded.
    ConsentWordingChanged,
    /// The idempotency key is not 16 to 128 of `A-Z a-z 0-9 - _`.
    BadIdempotencyKey,
    /// The proof-of-work answer is missing, wrong, expired or already used.
    RobotCheckFailed,
    /// The campaign has no letter tool.
    NoLetter,
    /// Not one of the letter's recipients.
    UnknownTarget,
    /// The same recipient twice.
    DuplicateTarget,
    /// A way of sending the campaign does not offer.
    MethodNotOffered,
}

impl FieldError {
    pub fn new(path: impl Into<String>, problem: SignatureProblem) -> Self {
        FieldError { path: path.into(), problem }
    }

    /// The message in `lang`, as a full sentence.
    pub fn message(&self, lang: Lang) -> String {
        self.problem.text(lang)
    }
}

impl Serialize for FieldError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Message {
            en: String,
            fr: String,
        }
        let mut out = serializer.serialize_struct("FieldError", 2)?;
        out.serialize_field("path", &self.path)?;
        let message = Message { en: self.message(Lang::En), fr: self.message(Lang::Fr) };
        out.serialize_field("message", &message)?;
        out.end()
    }
}

impl SignatureProblem {
    /// The message in plain words in `lang`, as a full sentence.
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Fr};
        use SignatureProblem as P;
        let text = match (self, lang) {
            (P::PostalCode(error), _) => return error.text(lang),
            (P::TooLong { max }, En) => return format!("This is too long: use at most {max} characters."),
            (P::TooLong { max }, Fr) => {
                return format!("C'est trop long\u{a0}: utilisez au plus {max}\u{a0}caractères.");
            }
            (P::NoPetition, En) => "This campaign has no petition.",
            (P::NoPetition, Fr) => "Cette campagne n'a pas de pétition.",
            (P::WrongCampaign, En) => "This form belongs to another campaign: reload the page.",
            (P::WrongCampaign, Fr) => "Ce formulaire appartient à une autre campagne\u{a0}: rechargez la page.",
            (P::LanguageNotOffered, En) => "This campaign is not offered in this language.",
            (P::LanguageNotOffered, Fr) => "Cette campagne n'est pas offerte dans cette langue.",
            (P::UnknownPartner, En) => "This site is not one of the campaign's partners.",
            (P::UnknownPartner, Fr) => "Ce site ne fait pas partie des partenaires de la campagne.",
            (P::UnknownField, En) => "This petition has no such field: reload the page.",
            (P::UnknownField, Fr) => "Cette pétition n'a pas ce champ\u{a0}: rechargez la page.",
            (P::Required, En) => "This field is required.",
            (P::Required, Fr) => "Ce champ est obligatoire.",
            (P::MustTick, En) => "Tick this box to sign.",
            (P::MustTick, Fr) => "Cochez cette case pour signer.",
            (P::Unprintable, En) => {
                "Remove the line breaks and the invisible characters (zero-width or direction marks), then try again."
            }
            (P::Unprintable, Fr) => {
                "Retirez les sauts de ligne et les caractères invisibles (de largeur nulle ou de direction du texte), \
                 puis réessayez."
            }
            (P::BadEmail, En) => "Enter an email address like name@example.org.",
            (P::BadEmail, Fr) => "Entrez une adresse courriel comme nom@exemple.org.",
            (P::WrongKind, En) => "This answer cannot be read: reload the page.",
            (P::WrongKind, Fr) => "Cette réponse est illisible\u{a0}: rechargez la page.",
            (P::UnknownChoice, En) => "Choose one of the options offered.",
            (P::UnknownChoice, Fr) => "Choisissez l'une des options proposées.",
            (P::UnknownRiding, En) => "There is no riding with this number: choose your riding again.",
            (P::UnknownRiding, Fr) => {
                "Aucune circonscription ne porte ce numéro\u{a0}: choisissez de nouveau votre circonscription."
            }
            (P::RidingNotInProvince, En) => {
                "This riding is not in the province or territory of your postal code: check both."
            }
            (P::RidingNotInProvince, Fr) => {
                "Cette circonscription n'est pas dans la province ou le territoire de votre code postal\u{a0}: vérifiez les deux."
            }
            (P::ConsentNotOffered, En) => "This box is not offered on this site: reload the page.",
            (P::ConsentNotOffered, Fr) => "Cette case n'est pas offerte sur ce site\u{a0}: rechargez la page.",
            (P::DuplicateConsent, En) => "This box was sent twice: reload the page.",
            (P::DuplicateConsent, Fr) => "Cette case a été envoyée deux fois\u{a0}: rechargez la page.",
            (P::ConsentWordingChanged, En) => {
                "The wording of this box has changed: reload the page and read it again before ticking it."
            }
            (P::ConsentWordingChanged, Fr) => {
                "Le texte de cette case a changé\u{a0}: rechargez la page et relisez-le avant de la cocher."
            }
            (P::BadIdempotencyKey, En) => "This form sent an unusable key: reload the page.",
            (P::BadIdempotencyKey, Fr) => "Ce formulaire a envoyé une clé inutilisable\u{a0}: rechargez la page.",
            (P::RobotCheckFailed, En) => "The automatic anti-robot check did not pass: please try again.",
            (P::RobotCheckFailed, Fr) => "La vérification automatique anti-robot n'a pas réussi\u{a0}: veuillez réessayer.",
            (P::NoLetter, En) => "This campaign has no letter to send.",
            (P::NoLetter, Fr) => "Cette campagne n'a pas de lettre à envoyer.",
            (P::UnknownTarget, En) => "This letter has no such recipient: reload the page.",
            (P::UnknownTarget, Fr) => "Cette lettre n'a pas ce destinataire\u{a0}: rechargez la page.",
            (P::DuplicateTarget, En) => "This recipient was sent twice: reload the page.",
            (P::DuplicateTarget, Fr) => "Ce destinataire a été envoyé deux fois\u{a0}: rechargez la page.",
            (P::MethodNotOffered, En) => "This campaign does not offer this way of sending.",
            (P::MethodNotOffered, Fr) => "Cette campagne n'offre pas ce moyen d'envoi.",
        };
        text.to_owned()
    }
}
