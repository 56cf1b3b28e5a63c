//! The JSON body the widget sends to sign: `POST /api/campaigns/{id}/signatures`.

use super::consent::ConsentTo;
use crate::{FedNum, Lang};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;

/// A signature as the widget sends it, before validation.
///
/// ```json
/// {"campaign": "lawful-access", "partner": "ligue", "lang": "fr",
///  "fields": {"first_name": "Léa", "last_name": "Roy", "email": "lea@example.org", "postal_code": "H2X 1Y4"},
///  "riding": 24017, "consents": [{"to": "partner", "version": "3f1c…"}],
///  "idempotency_key": "k3J9…", "honeypot": "", "altcha": {"challenge": {…}, "solution": {…}}}
/// ```
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignatureSubmission {
    /// The campaign's id; the server takes it from the URL when it is left empty.
    #[serde(default)]
    pub campaign: String,
    /// The partner whose site shows the petition (`data-partner`); none on the organiser's own page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<String>,
    /// The language the person read the form in.
    pub lang: Lang,
    /// The answers by field id: texts for text and choice fields, `true`/`false` for checkboxes.
    #[serde(default)]
    pub fields: BTreeMap<String, Value>,
    /// The riding the person confirmed for their postal code, if they did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub riding: Option<FedNum>,
    /// The consent boxes the person ticked, each with the version of the wording they read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consents: Vec<GivenConsent>,
    /// A random key the widget makes once per signing (16 to 128 of `A-Z a-z 0-9 - _`), and sends again on a
    /// retry: the server then answers as it did the first time instead of signing again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idempotency_key: Option<String>,
    /// A field people never see and bots fill in. Leave it empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub honeypot: Option<String>,
    /// The solved proof-of-work challenge: `{"challenge": …, "solution": …}` (see [`super::altcha`]), or the
    /// ALTCHA widget's base64 form of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub altcha: Option<Value>,
}

/// A ticked consent box.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GivenConsent {
    /// Whose box it is.
    pub to: ConsentTo,
    /// [`super::ConsentOffer::version`] of the box the person read.
    pub version: String,
}

impl SignatureSubmission {
    /// An empty submission for `campaign` in `lang`, for the widget to fill in.
    pub fn new(campaign: &str, partner: Option<&str>, lang: Lang) -> Self {
        SignatureSubmission {
            campaign: campaign.to_owned(),
            partner: partner.map(str::to_owned),
            lang,
            fields: BTreeMap::new(),
            riding: None,
            consents: Vec::new(),
            idempotency_key: None,
            honeypot: None,
            altcha: None,
        }
    }

    /// Sets a text answer (a built-in field, a text field or a choice's id).
    pub fn set_text(&mut self, field: &str, value: &str) {
        self.fields.insert(field.to_owned(), Value::String(value.to_owned()));
    }

    /// Sets a checkbox answer.
    pub fn set_checked(&mut self, field: &str, checked: bool) {
        self.fields.insert(field.to_owned(), Value::Bool(checked));
    }

    /// Whether the hidden field was filled in: a bot. The server then answers as if it signed, and stores nothing.
    pub fn honeypot_filled(&self) -> bool {
        self.honeypot.as_deref().is_some_and(|value| !value.trim().is_empty())
    }
}

/// Shows the shape only: the answers are personal data and must never reach a log or a panic message.
impl fmt::Debug for SignatureSubmission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SignatureSubmission")
            .field("campaign", &self.campaign)
            .field("partner", &self.partner)
            .field("lang", &self.lang)
            .field("fields", &self.fields.keys().collect::<Vec<_>>())
            .field("consents", &self.consents.len())
            .finish_non_exhaustive()
    }
}
