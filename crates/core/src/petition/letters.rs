//! What the widget tells the server after someone sends a letter: `POST /api/campaigns/{id}/letters`. Counts only:
//! no letter text and nothing about the person.

use super::problem::{FieldError, SignatureProblem as P};
use crate::campaign::{Campaign, SendMethod};
use crate::FedNum;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One letter sent, to one or more recipients.
///
/// ```json
/// {"partner": "ligue", "riding": 35075, "targets": ["own_mp", "extra:0"], "channel": "email_app"}
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LetterSent {
    /// The partner whose site shows the letter tool; none on the organiser's own page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<String>,
    /// The writer's riding, if they confirmed one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub riding: Option<FedNum>,
    /// Who the letter went to: the writer's own MP, and the campaign's fixed recipients by their place in
    /// `letter.targets.extra`.
    pub targets: Vec<LetterTarget>,
    /// How it was sent: "email_app", "copy", "print" or "call".
    pub channel: SendMethod,
}

/// A recipient of a letter: `"own_mp"`, or `"extra:N"` for `letter.targets.extra[N]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LetterTarget {
    OwnMp,
    Extra(usize),
    /// One or more of the senators the campaign asks (`letter.targets.senators`): counted once per letter.
    Senators,
}

impl LetterTarget {
    /// `own_mp`, `extra:N` or `senators`, as in JSON and in the counts.
    pub fn code(self) -> String {
        match self {
            LetterTarget::OwnMp => "own_mp".to_owned(),
            LetterTarget::Extra(index) => format!("extra:{index}"),
            LetterTarget::Senators => "senators".to_owned(),
        }
    }

    pub fn parse(code: &str) -> Option<LetterTarget> {
        match code {
            "own_mp" => return Some(LetterTarget::OwnMp),
            "senators" => return Some(LetterTarget::Senators),
            _ => {}
        }
        let index = code.strip_prefix("extra:")?;
        // Digits only: no sign, no spaces, so each target has one spelling.
        if index.is_empty() || !index.bytes().all(|b| b.is_ascii_digit()) || index.len() > 3 {
            return None;
        }
        index.parse().ok().map(LetterTarget::Extra)
    }
}

impl Serialize for LetterTarget {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.code())
    }
}

impl<'de> Deserialize<'de> for LetterTarget {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        LetterTarget::parse(&code)
            .ok_or_else(|| serde::de::Error::custom("a letter target is \"own_mp\", \"extra:N\" or \"senators\""))
    }
}

impl LetterSent {
    /// Checks the letter against the campaign: the letter tool is on, the recipients and the way of sending are the
    /// campaign's, the riding exists.
    pub fn check(&self, campaign: &Campaign) -> Result<(), Vec<FieldError>> {
        let Some(letter) = &campaign.letter else {
            return Err(vec![FieldError::new("campaign", P::NoLetter)]);
        };
        let mut errors = Vec::new();
        if self.partner.as_deref().is_some_and(|id| campaign.partner(id).is_none()) {
            errors.push(FieldError::new("partner", P::UnknownPartner));
        }
        if self.riding.is_some_and(|riding| riding.province().is_none()) {
            errors.push(FieldError::new("riding", P::UnknownRiding));
        }
        if self.targets.is_empty() {
            errors.push(FieldError::new("targets", P::Required));
        }
        for (i, target) in self.targets.iter().enumerate() {
            let known = match target {
                LetterTarget::OwnMp => letter.targets.own_mp,
                LetterTarget::Extra(index) => *index < letter.targets.extra.len(),
                LetterTarget::Senators => letter.targets.senators.is_some(),
            };
            if !known {
                errors.push(FieldError::new(format!("targets[{i}]"), P::UnknownTarget));
            } else if self.targets[..i].contains(target) {
                errors.push(FieldError::new(format!("targets[{i}]"), P::DuplicateTarget));
            }
        }
        if !letter.send.contains(&self.channel) || !self.channel.is_available() {
            errors.push(FieldError::new("channel", P::MethodNotOffered));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}
