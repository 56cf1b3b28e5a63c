//! A letter the Voix server sends for the person ("Send it for me"): what the widget posts to
//! `POST /api/campaigns/{id}/letters/server`, the named limits of each field, and the checks both sides run. The
//! widget runs [`ServerLetter::check`] before sending and shows the same problem the server would answer; the server
//! runs it again, then adds what only it can check (the recipients against its directory and the campaign, the proof
//! of work, the limits per address).
//!
//! What is deliberately not here: recipient names and the riding's name. The server takes both from its own data
//! (the MP directory, the campaign's targets), so a confirmation email never carries a name the client chose.

use crate::i18n::{format_count, LetterText};
use crate::plain_text::is_plain_line;
use crate::postal::PostalCode;
use crate::Lang;
use serde::{Deserialize, Serialize};

/// The sender's name, in characters.
pub const MAX_SENDER_NAME: usize = 200;
/// The subject line, in characters.
pub const MAX_SUBJECT: usize = 300;
/// The letter's text, in characters.
pub const MAX_BODY: usize = 12_000;
/// Recipients of one letter.
pub const MAX_RECIPIENTS: usize = 10;
/// An email address, in bytes (RFC 5321's path limit).
pub const MAX_ADDRESS: usize = 254;
/// The whole request, in bytes: the longest letter above, each character at its widest (4 bytes of UTF-8, or 2 for
/// an escaped line break or quote), still fits.
pub const MAX_REQUEST_BYTES: usize = 64 * 1024;

/// One recipient: an address only. The server finds the name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterRecipient {
    pub email: String,
}

/// The letter as the widget sends it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServerLetter {
    pub sender_name: String,
    /// The sender's address: the confirmation link goes there, and the office's replies.
    pub email: String,
    pub postal_code: String,
    /// The riding the person chose (its FED number); required when an MP is among the recipients.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fed_num: Option<u32>,
    pub subject: String,
    pub body: String,
    pub recipients: Vec<LetterRecipient>,
    /// "en" or "fr": the language of the confirmation email and pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// The solved ALTCHA challenge (as for signatures).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub altcha: Option<serde_json::Value>,
}

/// The field a letter is refused for; its [`code`](LetterProblem::code) is the `error` the server answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LetterProblem {
    SenderName,
    Email,
    PostalCode,
    Subject,
    Body,
    Recipients,
}

impl LetterProblem {
    /// Every problem, for reading a code back.
    pub const ALL: [LetterProblem; 6] = [
        LetterProblem::SenderName,
        LetterProblem::Email,
        LetterProblem::PostalCode,
        LetterProblem::Subject,
        LetterProblem::Body,
        LetterProblem::Recipients,
    ];

    /// The problem the server named in its `error`, if it is one of these.
    pub fn from_code(code: &str) -> Option<LetterProblem> {
        LetterProblem::ALL.into_iter().find(|problem| problem.code() == code)
    }

    /// What to tell the person, with the limit in it.
    pub fn text(self, lang: Lang) -> String {
        let (text, max) = match self {
            LetterProblem::SenderName => (LetterText::ServerSendNameProblem, MAX_SENDER_NAME),
            LetterProblem::Email => (LetterText::ServerSendEmailProblem, MAX_ADDRESS),
            LetterProblem::PostalCode => (LetterText::ServerSendPostalCodeProblem, 0),
            LetterProblem::Subject => (LetterText::ServerSendSubjectProblem, MAX_SUBJECT),
            LetterProblem::Body => (LetterText::ServerSendBodyProblem, MAX_BODY),
            LetterProblem::Recipients => (LetterText::ServerSendRecipientsProblem, MAX_RECIPIENTS),
        };
        text.get(lang).replace("{max}", &format_count(max as u64, lang))
    }

    /// The machine-readable code, e.g. "sender_name".
    pub fn code(self) -> &'static str {
        match self {
            LetterProblem::SenderName => "sender_name",
            LetterProblem::Email => "email",
            LetterProblem::PostalCode => "postal_code",
            LetterProblem::Subject => "subject",
            LetterProblem::Body => "body",
            LetterProblem::Recipients => "recipients",
        }
    }
}

impl ServerLetter {
    /// The checks that need nothing but the letter: each field present, within its limit, on one plain line where
    /// it goes into a header or the sender block; the postal code parsed.
    pub fn check(&self) -> Result<PostalCode, LetterProblem> {
        let name = self.sender_name.trim();
        if name.is_empty() || name.chars().count() > MAX_SENDER_NAME || !is_plain_line(name) {
            return Err(LetterProblem::SenderName);
        }
        if !looks_like_address(self.email.trim()) {
            return Err(LetterProblem::Email);
        }
        let postal_code = PostalCode::parse(&self.postal_code).map_err(|_| LetterProblem::PostalCode)?;
        let subject = self.subject.trim();
        if subject.is_empty() || subject.chars().count() > MAX_SUBJECT || !is_plain_line(subject) {
            return Err(LetterProblem::Subject);
        }
        let body_controls = self.body.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'));
        if self.body.trim().is_empty() || self.body.chars().count() > MAX_BODY || body_controls {
            return Err(LetterProblem::Body);
        }
        let count_ok = (1..=MAX_RECIPIENTS).contains(&self.recipients.len());
        if !count_ok || !self.recipients.iter().all(|recipient| looks_like_address(recipient.email.trim())) {
            return Err(LetterProblem::Recipients);
        }
        Ok(postal_code)
    }
}

/// One `local@domain` of printable ASCII within [`MAX_ADDRESS`], with no quotes, spaces or second `@` (the server
/// parses it fully; this is what the widget can say before sending).
pub fn looks_like_address(address: &str) -> bool {
    let Some((local, domain)) = address.split_once('@') else { return false };
    address.len() <= MAX_ADDRESS
        && !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && address.bytes().all(|b| b.is_ascii_graphic() && b != b'"' && b != b'\\')
        && !domain.contains('@')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn letter() -> ServerLetter {
        ServerLetter {
            sender_name: "Léa Béland-Côté".into(),
            email: "lea@example.org".into(),
            postal_code: "h4a 1t2".into(),
            fed_num: Some(24052),
            subject: "Projet de loi C-22".into(),
            body: "Madame, Monsieur,\n\nJe m'inquiète.".into(),
            recipients: vec![LetterRecipient { email: "anna.gainey@parl.gc.ca".into() }],
            lang: Some("fr".into()),
            altcha: None,
        }
    }

    #[test]
    fn a_plain_letter_passes_and_gives_its_parsed_postal_code() {
        assert_eq!(letter().check().map(|code| code.to_string()), Ok("H4A 1T2".to_owned()));
    }

    #[test]
    fn each_field_is_refused_past_its_limit_or_with_hidden_characters() {
        type Change = fn(&mut ServerLetter);
        let cases: Vec<(Change, LetterProblem)> = vec![
            (|l| l.sender_name = "x".repeat(MAX_SENDER_NAME + 1), LetterProblem::SenderName),
            (|l| l.sender_name = "Léa\u{202e}Côté".into(), LetterProblem::SenderName),
            (|l| l.sender_name = "  ".into(), LetterProblem::SenderName),
            (|l| l.email = "\"x@evil.example\"@example.org".into(), LetterProblem::Email),
            (|l| l.email = format!("{}@example.org", "a".repeat(MAX_ADDRESS)), LetterProblem::Email),
            (|l| l.postal_code = "H4A 1T2\r\nBcc: x".into(), LetterProblem::PostalCode),
            (|l| l.subject = "Subject\nBcc: x@evil.example".into(), LetterProblem::Subject),
            (|l| l.subject = "s".repeat(MAX_SUBJECT + 1), LetterProblem::Subject),
            (|l| l.body = "b".repeat(MAX_BODY + 1), LetterProblem::Body),
            (|l| l.recipients.clear(), LetterProblem::Recipients),
            (
                |l| l.recipients = vec![LetterRecipient { email: "a@parl.gc.ca".into() }; MAX_RECIPIENTS + 1],
                LetterProblem::Recipients,
            ),
            (|l| l.recipients[0].email = "x@evil.example\"@parl.gc.ca".into(), LetterProblem::Recipients),
        ];
        for (change, problem) in cases {
            let mut changed = letter();
            change(&mut changed);
            assert_eq!(changed.check().map(|_| ()), Err(problem), "{changed:?}");
        }
        let mut longest = letter();
        longest.body = "é".repeat(MAX_BODY);
        assert!(longest.check().is_ok(), "exactly at the limit");
    }

    #[test]
    fn the_longest_letter_fits_in_the_request_limit() {
        let mut longest = letter();
        longest.sender_name = "n".repeat(MAX_SENDER_NAME);
        longest.subject = "s".repeat(MAX_SUBJECT);
        longest.body = "😀".repeat(MAX_BODY);
        longest.recipients =
            vec![LetterRecipient { email: format!("{}@parl.gc.ca", "a".repeat(MAX_ADDRESS - 12)) }; MAX_RECIPIENTS];
        longest.altcha = Some(serde_json::json!({"payload": "p".repeat(1_000)}));
        let size = serde_json::to_string(&longest).expect("JSON").len();
        assert!(size < MAX_REQUEST_BYTES, "{size} bytes");
    }

    #[test]
    fn each_problem_reads_back_from_its_code_and_says_its_limit() {
        for problem in LetterProblem::ALL {
            assert_eq!(LetterProblem::from_code(problem.code()), Some(problem));
        }
        assert!(LetterProblem::Body.text(Lang::En).contains("12,000"), "{}", LetterProblem::Body.text(Lang::En));
        assert!(LetterProblem::Body.text(Lang::Fr).contains("12\u{202f}000"), "{}", LetterProblem::Body.text(Lang::Fr));
        assert!(LetterProblem::ALL.iter().all(|p| !p.text(Lang::Fr).contains("{max}")));
        assert_eq!(LetterProblem::from_code("rate_limited"), None);
    }

    #[test]
    fn a_letter_may_hold_line_breaks_tabs_and_any_script_but_no_other_control() {
        let mut letter = letter();
        letter.body = "Madame,\r\n\tJe suis \u{200f}عربي\u{200f} et 👨\u{200d}👩\u{200d}👧.".into();
        assert!(letter.check().is_ok());
        letter.body.push('\u{7}');
        assert_eq!(letter.check().map(|_| ()), Err(LetterProblem::Body));
    }

    #[test]
    fn recipients_without_a_name_and_old_fields_are_read() {
        let json = r#"{"sender_name":"A","email":"a@example.org","postal_code":"K1A0A6","riding":"x",
            "subject":"S","body":"B","recipients":[{"name":"Chosen by the client","email":"m@parl.gc.ca"}]}"#;
        let letter: ServerLetter = serde_json::from_str(json).expect("read");
        assert_eq!(letter.recipients, vec![LetterRecipient { email: "m@parl.gc.ca".into() }]);
        assert_eq!(letter.fed_num, None);
    }
}
