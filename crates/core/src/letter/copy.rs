//! The letter as plain text to copy and paste anywhere (an email, a contact form), with the recipients on top.

use super::compose::{ComposedLetter, Recipient};
use super::wording;

impl ComposedLetter {
    /// "To: Jane Doe <jane.doe@parl.gc.ca>, …", "Subject: …", a blank line, then the whole letter.
    pub fn copy_text(&self, recipients: &[Recipient<'_>]) -> String {
        let lang = self.lang;
        let to: Vec<String> = recipients
            .iter()
            .filter(|r| !r.email.trim().is_empty())
            .map(|r| match r.name.trim() {
                "" => r.email.trim().to_owned(),
                name => format!("{name} <{}>", r.email.trim()),
            })
            .collect();
        let body = self.body();
        let mut text = String::with_capacity(body.len() + 200);
        if !to.is_empty() {
            text.push_str(wording::to_label(lang));
            text.push_str(&to.join(", "));
            text.push('\n');
        }
        text.push_str(wording::subject_label(lang));
        text.push_str(self.subject.trim());
        text.push_str("\n\n");
        text.push_str(&body);
        text.push('\n');
        text
    }
}
