//! Signing the petition: what the widget sends, and the one validation both the widget (before sending) and the
//! server (before storing) run, so that a person sees the same answer in both places.
//!
//! A [`SignatureSubmission`] is the JSON body of `POST /api/campaigns/{id}/signatures`. [`validate`] checks it
//! against its campaign and gives either a [`ValidSignature`] (trimmed, normalised, with the consents' exact
//! wording) or every problem at once, each a [`FieldError`] with a path (`fields.email`, `consents[1]`) and a
//! message in English and French.
//!
//! Consent follows Canada's anti-spam law (CASL): one unticked box per organisation that asks to keep in touch
//! (the organiser, and the partner whose site shows the petition; see [`consent_offers`]), each naming the
//! organisation, how to reach it and how to withdraw. Signing never requires a consent. The widget sends the
//! version (a SHA-256 of the text shown) of each box the person ticked, so the server records exactly what they
//! read.
//!
//! [`altcha`] solves the server's proof-of-work challenge in the widget. Personal data never appears in `Debug`
//! output of these types, so it cannot leak into a log line or a panic message.

pub mod altcha;
pub mod api;
mod check;
mod consent;
pub mod display;
mod letters;
pub mod outbox;
mod problem;
mod submission;

pub use check::{validate, Answer, AnswerValue, ValidSignature};
pub use consent::{consent_offers, ConsentOffer, ConsentTo};
pub use letters::{LetterSent, LetterTarget};
pub use problem::{FieldError, SignatureProblem};
pub use submission::{GivenConsent, SignatureSubmission};

/// The built-in fields of the petition form (`fields.{name}` in a submission). A campaign's own fields cannot use
/// these ids.
pub const BUILT_IN_FIELDS: [&str; 6] = ["first_name", "last_name", "email", "postal_code", "comment", "riding"];

/// The most characters in a first or last name.
pub const MAX_NAME_LENGTH: usize = 100;

/// Confirmation emails (of a signature, a letter or a withdrawal) one address can receive in a day: a stranger's
/// address cannot be flooded with the organiser's emails. The widget's texts say the same number.
pub const CONFIRMATIONS_PER_DAY: u32 = 3;

/// The most characters in the optional comment.
pub const MAX_COMMENT_LENGTH: usize = 1000;

/// SHA-256 of `bytes`, as 64 lowercase hex digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    hex(&Sha256::digest(bytes))
}

/// Lowercase hex digits of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        out.push(char::from(DIGITS[usize::from(byte >> 4)]));
        out.push(char::from(DIGITS[usize::from(byte & 0x0f)]));
    }
    out
}

/// An email address as stored and compared: trimmed and in lower case.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}
