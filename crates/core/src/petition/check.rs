//! [`validate`]: a submission checked against its campaign, every problem at once.

use super::consent::{consent_offers, ConsentOffer};
use super::problem::{FieldError, SignatureProblem as P};
use super::submission::SignatureSubmission;
use super::{normalise_email, sha256_hex, BUILT_IN_FIELDS, MAX_COMMENT_LENGTH, MAX_NAME_LENGTH};
use crate::campaign::{Campaign, FieldKind, Partner, PetitionField};
use crate::validate::is_email;
use crate::{FedNum, Lang, PostalCode};
use serde_json::Value;
use std::fmt;

/// A signature that passed [`validate`]: texts trimmed, the email normalised, the consents' wording resolved.
#[derive(Clone, PartialEq, Eq)]
pub struct ValidSignature {
    pub campaign: String,
    pub partner: Option<String>,
    pub lang: Lang,
    pub first_name: String,
    pub last_name: String,
    /// Trimmed and in lower case.
    pub email: String,
    pub postal_code: PostalCode,
    /// The riding the person confirmed; its province or territory is that of the postal code.
    pub riding: Option<FedNum>,
    pub comment: Option<String>,
    /// The answers to the campaign's own fields, in the campaign's order; unanswered optional fields are left out.
    pub answers: Vec<Answer>,
    /// The boxes the person ticked, with the exact text they read.
    pub consents: Vec<ConsentOffer>,
    pub idempotency_key: Option<String>,
}

/// An answer to one of the campaign's own fields.
#[derive(Clone, PartialEq, Eq)]
pub struct Answer {
    pub field: String,
    pub value: AnswerValue,
}

#[derive(Clone, PartialEq, Eq)]
pub enum AnswerValue {
    Text(String),
    /// A choice's id.
    Choice(String),
    Checked(bool),
}

impl AnswerValue {
    /// The answer as one cell of the export: the text, the choice's id, or "yes"/"no".
    pub fn as_cell(&self) -> &str {
        match self {
            AnswerValue::Text(text) | AnswerValue::Choice(text) => text,
            AnswerValue::Checked(true) => "yes",
            AnswerValue::Checked(false) => "no",
        }
    }
}

/// Checks `submission` against `campaign`. The widget runs it before sending, the server before storing.
pub fn validate(campaign: &Campaign, submission: &SignatureSubmission) -> Result<ValidSignature, Vec<FieldError>> {
    let Some(petition) = &campaign.petition else {
        return Err(vec![FieldError::new("campaign", P::NoPetition)]);
    };
    let mut errors = Vec::new();
    let mut fail = |path: String, problem| errors.push(FieldError::new(path, problem));
    if submission.campaign != campaign.id {
        fail("campaign".into(), P::WrongCampaign);
    }
    if !campaign.languages.contains(&submission.lang) {
        fail("lang".into(), P::LanguageNotOffered);
    }
    let partner = match submission.partner.as_deref() {
        None => None,
        Some(id) => {
            let found = campaign.partner(id);
            if found.is_none() {
                fail("partner".into(), P::UnknownPartner);
            }
            found
        }
    };
    for name in submission.fields.keys() {
        let known =
            name != "riding" && BUILT_IN_FIELDS.contains(&name.as_str()) && (name != "comment" || petition.comment)
                || petition.fields.iter().any(|field| &field.id == name);
        if !known {
            fail(field_path(name), P::UnknownField);
        }
    }
    let answers = Answers { submission };
    let first_name = answers.line("first_name", MAX_NAME_LENGTH, true).map_err(|p| fail(field_path("first_name"), p));
    let last_name = answers.line("last_name", MAX_NAME_LENGTH, true).map_err(|p| fail(field_path("last_name"), p));
    let email = answers.email().map_err(|p| fail(field_path("email"), p));
    let postal_code = answers.postal_code().map_err(|p| fail(field_path("postal_code"), p));
    let comment = if petition.comment {
        answers.comment().map_err(|p| fail(field_path("comment"), p)).ok().flatten()
    } else {
        None
    };
    let mut custom = Vec::new();
    for field in &petition.fields {
        match answers.custom(field) {
            Ok(Some(value)) => custom.push(Answer { field: field.id.clone(), value }),
            Ok(None) => {}
            Err(problem) => fail(field_path(&field.id), problem),
        }
    }
    if let (Some(riding), Ok(code)) = (submission.riding, &postal_code) {
        match riding.province() {
            None => fail("riding".into(), P::UnknownRiding),
            Some(province) if !code.provinces().contains(&province) => fail("riding".into(), P::RidingNotInProvince),
            Some(_) => {}
        }
    }
    let consents = given_consents(campaign, partner, submission, &mut fail);
    if let Some(key) = &submission.idempotency_key {
        if !is_idempotency_key(key) {
            fail("idempotency_key".into(), P::BadIdempotencyKey);
        }
    }
    match (first_name, last_name, email, postal_code) {
        (Ok(first_name), Ok(last_name), Ok(email), Ok(postal_code)) if errors.is_empty() => Ok(ValidSignature {
            campaign: campaign.id.clone(),
            partner: partner.map(|partner| partner.id.clone()),
            lang: submission.lang,
            first_name,
            last_name,
            email,
            postal_code,
            riding: submission.riding,
            comment,
            answers: custom,
            consents,
            idempotency_key: submission.idempotency_key.clone(),
        }),
        _ => Err(errors),
    }
}

fn field_path(name: &str) -> String {
    format!("fields.{name}")
}

/// 16 to 128 of `A-Z a-z 0-9 - _`: random enough to be unique, and safe anywhere.
fn is_idempotency_key(key: &str) -> bool {
    (16..=128).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The ticked boxes, each matched to a box this page shows and to the version of its wording.
fn given_consents(
    campaign: &Campaign,
    partner: Option<&Partner>,
    submission: &SignatureSubmission,
    fail: &mut impl FnMut(String, P),
) -> Vec<ConsentOffer> {
    let offers = consent_offers(campaign, partner, submission.lang);
    let mut given: Vec<ConsentOffer> = Vec::new();
    for (i, consent) in submission.consents.iter().enumerate() {
        let at = format!("consents[{i}]");
        match offers.iter().find(|offer| offer.to == consent.to) {
            None => fail(at, P::ConsentNotOffered),
            Some(_) if given.iter().any(|offer| offer.to == consent.to) => fail(at, P::DuplicateConsent),
            Some(offer) if offer.version != consent.version => fail(at, P::ConsentWordingChanged),
            Some(offer) => given.push(offer.clone()),
        }
    }
    given
}

/// Reads the answers of a submission.
struct Answers<'s> {
    submission: &'s SignatureSubmission,
}

impl Answers<'_> {
    /// The trimmed text of a field, `None` when absent or blank.
    fn text(&self, name: &str) -> Result<Option<&str>, P> {
        match self.submission.fields.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(text)) if text.trim().is_empty() => Ok(None),
            Some(Value::String(text)) => Ok(Some(text.trim())),
            Some(_) => Err(P::WrongKind),
        }
    }

    /// One line of plain text: no line breaks, control, zero-width or bidirectional characters.
    fn line(&self, name: &str, max: usize, required: bool) -> Result<String, P> {
        let Some(text) = self.text(name)? else {
            return if required { Err(P::Required) } else { Ok(String::new()) };
        };
        if !crate::plain_text::is_plain_line(text) {
            return Err(P::Unprintable);
        }
        if text.chars().count() > max {
            return Err(P::TooLong { max });
        }
        Ok(text.to_owned())
    }

    fn email(&self) -> Result<String, P> {
        let email = normalise_email(self.text("email")?.ok_or(P::Required)?);
        if is_email(&email) {
            Ok(email)
        } else {
            Err(P::BadEmail)
        }
    }

    fn postal_code(&self) -> Result<PostalCode, P> {
        let text = self.text("postal_code")?.ok_or(P::Required)?;
        PostalCode::parse(text).map_err(P::PostalCode)
    }

    /// Several lines are fine in a comment; other control characters are not.
    fn comment(&self) -> Result<Option<String>, P> {
        let Some(text) = self.text("comment")? else { return Ok(None) };
        if text.chars().any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t') {
            return Err(P::Unprintable);
        }
        if text.chars().count() > MAX_COMMENT_LENGTH {
            return Err(P::TooLong { max: MAX_COMMENT_LENGTH });
        }
        Ok(Some(text.replace("\r\n", "\n")))
    }

    fn custom(&self, field: &PetitionField) -> Result<Option<AnswerValue>, P> {
        match field.kind {
            FieldKind::Text => {
                let text = self.line(&field.id, field.max_length(), field.required)?;
                Ok((!text.is_empty()).then_some(AnswerValue::Text(text)))
            }
            FieldKind::Choice => match self.text(&field.id)? {
                None if field.required => Err(P::Required),
                None => Ok(None),
                Some(id) if field.choice(id).is_some() => Ok(Some(AnswerValue::Choice(id.to_owned()))),
                Some(_) => Err(P::UnknownChoice),
            },
            FieldKind::Checkbox => {
                let checked = match self.submission.fields.get(&field.id) {
                    None | Some(Value::Null) => false,
                    Some(Value::Bool(checked)) => *checked,
                    Some(_) => return Err(P::WrongKind),
                };
                if field.required && !checked {
                    return Err(P::MustTick);
                }
                Ok(Some(AnswerValue::Checked(checked)))
            }
        }
    }
}

impl ValidSignature {
    /// A digest of everything the person submitted (not the idempotency key), to tell a retry of the same
    /// submission from another submission that reuses its key.
    pub fn fingerprint(&self) -> String {
        let mut parts: Vec<String> = vec![
            self.campaign.clone(),
            self.partner.clone().unwrap_or_default(),
            self.lang.code().to_owned(),
            self.first_name.clone(),
            self.last_name.clone(),
            self.email.clone(),
            self.postal_code.compact().to_owned(),
            self.riding.map(|riding| riding.to_string()).unwrap_or_default(),
            self.comment.clone().unwrap_or_default(),
        ];
        parts.extend(self.answers.iter().map(|answer| format!("{}={}", answer.field, answer.value.as_cell())));
        parts.extend(self.consents.iter().map(|consent| consent.version.clone()));
        // Lengths first, so that no two different lists join to the same text.
        let joined: String = parts.iter().map(|part| format!("{}:{part};", part.len())).collect();
        sha256_hex(joined.as_bytes())
    }

    /// The answer to the campaign's field `id`, if given.
    pub fn answer(&self, id: &str) -> Option<&AnswerValue> {
        self.answers.iter().find(|answer| answer.field == id).map(|answer| &answer.value)
    }
}

/// The field only: answers can be personal data.
impl fmt::Debug for Answer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Answer").field("field", &self.field).finish_non_exhaustive()
    }
}

impl fmt::Debug for AnswerValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerValue::Text(_) => f.write_str("Text(..)"),
            AnswerValue::Choice(id) => f.debug_tuple("Choice").field(id).finish(),
            AnswerValue::Checked(checked) => f.debug_tuple("Checked").field(checked).finish(),
        }
    }
}

/// Shows the shape only: names, email, postal code and answers are personal data.
impl fmt::Debug for ValidSignature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ValidSignature")
            .field("campaign", &self.campaign)
            .field("partner", &self.partner)
            .field("lang", &self.lang)
            .field("answers", &self.answers.len())
            .field("consents", &self.consents.iter().map(|consent| consent.to).collect::<Vec<_>>())
            .finish_non_exhaustive()
    }
}
