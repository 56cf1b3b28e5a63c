//! The JSON replies of the petition API, shared by the server (which writes them) and the widget (which reads
//! them), so both sides agree on every field.
//!
//! | Request | Success | Refusals |
//! |---|---|---|
//! | `POST /api/campaigns/{id}/signatures` (a [`super::SignatureSubmission`]) | 200 [`SignedReply`] | 400, 403, 404, 413, 415, 422, 429, 503: [`ErrorReply`] |
//! | `GET /api/campaigns/{id}/stats` | 200 [`Stats`] | 404 |
//! | `GET /api/campaigns/{id}/altcha` | 200 an ALTCHA challenge (see [`super::altcha`]) | 404, 429 |
//! | `POST /api/campaigns/{id}/letters` (a [`super::LetterSent`]) | 200 [`LetterRecorded`] | as for signatures |
//!
//! Counts by riding: [`Stats::by_riding`] holds every riding with at least one signature (at most 343 entries),
//! so there is no per-riding query; the widget reads its riding's count from the map, and [`SignedReply`] gives it
//! directly after signing.
//!
//! Every refusal is an [`ErrorReply`] whose `message` is in the request's language: the `lang` of the body when
//! it could be read, else the first of `en`/`fr` in `Accept-Language` ([`Lang::from_accept_language`](crate::Lang::from_accept_language)), else
//! English. Its [`ErrorCode`] tells the widget whether a retry can help ([`ErrorCode::retry_helps`]); a 429 also
//! carries `Retry-After` (seconds) as a header and as `retry_after`.
//!
//! A repeated submission (the same `idempotency_key`) gets the reply of the first, byte for byte. The same email
//! signing again gets `already_signed: true`, the count unchanged, and its consents recorded again.

use super::FieldError;
use crate::i18n::{ApiText, PetitionText};
use crate::{FedNum, Lang};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The path of the petition's endpoints for `campaign`: `/api/campaigns/{id}/{what}`, where `what` is
/// `signatures`, `stats`, `altcha` or `letters`.
pub fn endpoint(campaign: &str, what: &str) -> String {
    format!("/api/campaigns/{campaign}/{what}")
}

/// The answer to a signature that was recorded (or had been: same key, or same email).
///
/// ```json
/// {"total": 1204, "riding_total": 37, "goal": 5000, "already_signed": false}
/// ```
///
/// With double opt-in, a new signature's reply adds `"pending_confirmation": true`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedReply {
    /// Signatures of the campaign, this one included.
    pub total: u64,
    /// Signatures in the signer's riding, this one included; absent when the submission named no riding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub riding_total: Option<u64>,
    /// The campaign's goal (`petition.goal`), if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<u32>,
    /// This email had already signed this campaign: not counted again, consents updated.
    #[serde(default)]
    pub already_signed: bool,
    /// Double opt-in (`petition.confirm_by_email`): the signature is stored but not counted (nor in `total`)
    /// until the person follows the link emailed to them. Absent (false) otherwise.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub pending_confirmation: bool,
}

impl SignedReply {
    /// The thank-you step's heading and message: a pending signature asks the person to check their email, an
    /// email that had already signed is told so, anyone else is thanked.
    pub fn thanks(&self) -> (PetitionText, PetitionText) {
        if self.pending_confirmation && self.already_signed {
            (PetitionText::SignCheckEmail, PetitionText::SignStillUnconfirmed)
        } else if self.pending_confirmation {
            (PetitionText::SignCheckEmail, PetitionText::SignCheckEmailMore)
        } else if self.already_signed {
            (PetitionText::SignThanks, PetitionText::AlreadySigned)
        } else {
            (PetitionText::SignThanks, PetitionText::SignThanksMore)
        }
    }
}

/// The campaign's counts: `GET /api/campaigns/{id}/stats`. Anonymous and public (`Cache-Control: no-cache`).
///
/// ```json
/// {"total": 1204, "goal": 5000, "by_riding": {"24017": 37, "35075": 12}, "by_partner": {"ligue": 800},
///  "letters": 310}
/// ```
///
/// `by_riding` has the riding's number (as a JSON string key) for every riding with signatures; signatures with
/// no riding count only in `total`. `by_partner` counts signatures made on each partner's site; signatures on
/// the organiser's own page count only in `total`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    pub total: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<u32>,
    #[serde(default)]
    pub by_riding: BTreeMap<FedNum, u64>,
    #[serde(default)]
    pub by_partner: BTreeMap<String, u64>,
    /// Letters recorded by `POST /api/campaigns/{id}/letters` (one per recipient).
    #[serde(default)]
    pub letters: u64,
}

impl Stats {
    /// The signatures in `riding` (0 when none).
    pub fn riding(&self, riding: FedNum) -> u64 {
        self.by_riding.get(&riding).copied().unwrap_or(0)
    }
}

/// The answer to `POST /api/campaigns/{id}/letters`.
///
/// ```json
/// {"letters": 311}
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterRecorded {
    /// Letters of the campaign, these included (one per recipient).
    pub letters: u64,
}

/// Every refusal of the API.
///
/// ```json
/// {"code": "invalid", "message": "Some answers need fixing.",
///  "errors": [{"path": "fields.email", "message": "Enter an email address like name@example.org."}]}
/// ```
///
/// ```json
/// {"code": "too_many_attempts", "message": "Too many attempts in a short time. …", "retry_after": 60}
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorReply {
    pub code: ErrorCode,
    /// What went wrong, for a person, in the request's language.
    pub message: String,
    /// For `invalid`: each problem, located by its path in the submission (`fields.email`, `consents[0]`,
    /// `riding`, `altcha`, …), in the request's language.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldMessage>,
    /// For `too_many_attempts`: seconds to wait before trying again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
}

/// One problem of a submission: where, and what, in one language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldMessage {
    pub path: String,
    pub message: String,
}

impl FieldMessage {
    pub fn new(error: &FieldError, lang: Lang) -> Self {
        FieldMessage { path: error.path.clone(), message: error.message(lang) }
    }
}

/// Why a request was refused (`code` in an [`ErrorReply`]), with its HTTP status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// 400: the body is not JSON, or not of the expected shape.
    Unreadable,
    /// 415: the body is not sent as `application/json`.
    NotJson,
    /// 413: the body is over the limit (16 KiB).
    TooLarge,
    /// 404: no campaign of this id is served (or the path is unknown).
    UnknownCampaign,
    /// 403: the request's `Origin` is not one of the campaign's partners' origins.
    OriginRefused,
    /// 403: the submission's `partner` is not the partner of the request's `Origin`.
    PartnerMismatch,
    /// 422: answers to fix; see `errors` (this includes a failed proof-of-work check, at path `altcha`).
    Invalid,
    /// 422: the idempotency key was already used with other answers.
    IdempotencyKeyReused,
    /// 429: too many requests from this address or for this email; see `retry_after`.
    TooManyAttempts,
    /// 401: `/api/admin/` without a valid bearer token.
    TokenNeeded,
    /// 503 (or 500): the server cannot record anything right now.
    Unavailable,
}

impl ErrorCode {
    /// The HTTP status that carries this code.
    pub fn status(self) -> u16 {
        match self {
            ErrorCode::Unreadable => 400,
            ErrorCode::NotJson => 415,
            ErrorCode::TooLarge => 413,
            ErrorCode::UnknownCampaign => 404,
            ErrorCode::OriginRefused | ErrorCode::PartnerMismatch => 403,
            ErrorCode::Invalid | ErrorCode::IdempotencyKeyReused => 422,
            ErrorCode::TooManyAttempts => 429,
            ErrorCode::TokenNeeded => 401,
            ErrorCode::Unavailable => 503,
        }
    }

    /// The catalogue entry of the message a person reads.
    pub fn text(self) -> ApiText {
        match self {
            ErrorCode::Unreadable => ApiText::RequestUnreadable,
            ErrorCode::NotJson => ApiText::RequestNotJson,
            ErrorCode::TooLarge => ApiText::RequestTooLarge,
            ErrorCode::UnknownCampaign => ApiText::CampaignNotFound,
            ErrorCode::OriginRefused => ApiText::OriginRefused,
            ErrorCode::PartnerMismatch => ApiText::PartnerMismatch,
            ErrorCode::Invalid => ApiText::AnswersToFix,
            ErrorCode::IdempotencyKeyReused => ApiText::IdempotencyKeyReused,
            ErrorCode::TooManyAttempts => ApiText::TooManyAttempts,
            ErrorCode::TokenNeeded => ApiText::TokenNeeded,
            ErrorCode::Unavailable => ApiText::ServiceUnavailable,
        }
    }

    /// Whether sending the same submission again later may succeed (the widget keeps it in its queue): only for
    /// `too_many_attempts` and `unavailable` (and for network failures, which have no reply at all). Every other
    /// refusal needs the person (or the page) to change something first.
    pub fn retry_helps(self) -> bool {
        matches!(self, ErrorCode::TooManyAttempts | ErrorCode::Unavailable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stats_round_trip_with_riding_numbers_as_keys() {
        let mut stats = Stats { total: 3, goal: Some(10), letters: 1, ..Stats::default() };
        stats.by_riding.insert(FedNum(35075), 2);
        stats.by_partner.insert("ligue".into(), 1);
        let json = serde_json::to_string(&stats).unwrap();
        assert_eq!(json, r#"{"total":3,"goal":10,"by_riding":{"35075":2},"by_partner":{"ligue":1},"letters":1}"#);
        let back: Stats = serde_json::from_str(&json).unwrap();
        assert_eq!(back, stats);
        assert_eq!(back.riding(FedNum(35075)), 2);
        assert_eq!(back.riding(FedNum(24017)), 0);
    }

    #[test]
    fn replies_have_the_documented_shape() {
        let signed =
            SignedReply { total: 5, riding_total: None, goal: None, already_signed: true, pending_confirmation: false };
        assert_eq!(serde_json::to_string(&signed).unwrap(), r#"{"total":5,"already_signed":true}"#);
        let pending = SignedReply { already_signed: false, pending_confirmation: true, ..signed.clone() };
        assert_eq!(
            serde_json::to_string(&pending).unwrap(),
            r#"{"total":5,"already_signed":false,"pending_confirmation":true}"#
        );
        // A reply stored before the field existed (a replayed idempotency key) reads as counted.
        let old: SignedReply = serde_json::from_str(r#"{"total":5,"already_signed":true}"#).unwrap();
        assert_eq!(old, signed);
        let error = ErrorReply {
            code: ErrorCode::TooManyAttempts,
            message: "wait".into(),
            errors: vec![],
            retry_after: Some(60),
        };
        assert_eq!(
            serde_json::to_string(&error).unwrap(),
            r#"{"code":"too_many_attempts","message":"wait","retry_after":60}"#
        );
        assert!(ErrorCode::TooManyAttempts.retry_helps());
        assert!(!ErrorCode::Invalid.retry_helps());
    }

    #[test]
    fn a_pending_signature_asks_to_check_email_instead_of_thanking() {
        let counted = SignedReply {
            total: 5,
            riding_total: None,
            goal: None,
            already_signed: false,
            pending_confirmation: false,
        };
        assert_eq!(counted.thanks(), (PetitionText::SignThanks, PetitionText::SignThanksMore));
        let again = SignedReply { already_signed: true, ..counted.clone() };
        assert_eq!(again.thanks(), (PetitionText::SignThanks, PetitionText::AlreadySigned));
        let pending = SignedReply { pending_confirmation: true, ..counted };
        assert_eq!(pending.thanks(), (PetitionText::SignCheckEmail, PetitionText::SignCheckEmailMore));
        let waiting = SignedReply { already_signed: true, ..pending.clone() };
        assert_eq!(waiting.thanks(), (PetitionText::SignCheckEmail, PetitionText::SignStillUnconfirmed));
        let per_day = super::super::CONFIRMATIONS_PER_DAY;
        assert!(PetitionText::SignStillUnconfirmed.get(Lang::En).contains(&format!("up to {per_day} times a day")));
        assert!(PetitionText::SignStillUnconfirmed.get(Lang::Fr).contains(&format!("jusqu'à {per_day}\u{a0}fois")));
        assert!(PetitionText::SignCheckEmailMore.get(Lang::En).contains("7 days"));
        assert!(PetitionText::SignCheckEmailMore.get(Lang::Fr).contains("7\u{a0}jours"));
    }
}
