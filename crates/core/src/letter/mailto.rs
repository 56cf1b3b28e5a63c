//! `mailto:` links that open the person's email app with the letter filled in (RFC 6068).

use super::compose::{ComposedLetter, Recipient};

/// The longest mailto link sent with its body. Browsers and email apps cut or refuse longer ones at different
/// lengths (some near 2,000 characters), so past this the link carries the subject only and the person pastes
/// the copied letter.
pub const MAILTO_SAFE_LENGTH: usize = 1800;

/// A mailto link, and whether it carries the letter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MailtoLink {
    pub url: String,
    /// False when the letter was too long to fit: the link has the recipients and subject only, and the widget
    /// asks the person to copy the letter and paste it into the message.
    pub has_body: bool,
}

/// `mailto:a@x.ca,b@y.ca?subject=…&body=…`, every character but the unreserved ones percent-encoded as UTF-8
/// (spaces as %20, never "+"), line breaks as %0D%0A as RFC 6068 requires. Blank addresses are skipped.
pub fn mailto_url(to: &[&str], subject: &str, body: &str) -> String {
    let mut url = String::with_capacity(32 + subject.len() * 2 + body.len() * 2);
    url.push_str("mailto:");
    let mut first = true;
    for address in to.iter().map(|a| a.trim()).filter(|a| !a.is_empty()) {
        if !first {
            url.push(',');
        }
        first = false;
        // "@" may stay as is in the address part; everything else that is not unreserved is encoded.
        encode_into(&mut url, address, b"@");
    }
    let mut separator = '?';
    let subject = subject.trim();
    if !subject.is_empty() {
        url.push(separator);
        url.push_str("subject=");
        // A subject is one line: a stray line break would be refused or mangled by email apps.
        encode_into(&mut url, &subject.replace(['\r', '\n'], " "), b"");
        separator = '&';
    }
    if !body.is_empty() {
        url.push(separator);
        url.push_str("body=");
        encode_into(&mut url, &crlf(body), b"");
    }
    url
}

/// Whether a mailto link is short enough to rely on.
pub fn fits_in_mailto(url: &str) -> bool {
    url.len() <= MAILTO_SAFE_LENGTH
}

/// The full link if it fits, else the link with the subject only.
pub fn mailto_link(to: &[&str], subject: &str, body: &str) -> MailtoLink {
    let full = mailto_url(to, subject, body);
    if fits_in_mailto(&full) {
        MailtoLink { url: full, has_body: true }
    } else {
        MailtoLink { url: mailto_url(to, subject, ""), has_body: false }
    }
}

impl ComposedLetter {
    /// The link for the "Open in my email app" button, addressed to every recipient.
    pub fn mailto(&self, recipients: &[Recipient<'_>]) -> MailtoLink {
        let to: Vec<&str> = recipients.iter().map(|r| r.email).collect();
        mailto_link(&to, &self.subject, &self.body())
    }
}

/// Every line break as CR LF.
fn crlf(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n").replace('\n', "\r\n")
}

/// Percent-encodes every byte except RFC 3986's unreserved characters and those in `keep`.
fn encode_into(out: &mut String, text: &str, keep: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') || keep.contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xF)]));
        }
    }
}
