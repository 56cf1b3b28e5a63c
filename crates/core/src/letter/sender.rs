//! The person writing, and the block under their letter that shows the MP's office they are a constituent.

use super::placeholder::Placeholder;
use super::wording;
use crate::postal::PostalCode;
use crate::Lang;

/// Who writes the letter, as typed in the form. Blank fields count as not given.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sender<'a> {
    pub name: &'a str,
    pub postal_code: &'a str,
    /// Street address, on one line or several.
    pub street_address: Option<&'a str>,
    pub email: Option<&'a str>,
}

impl<'a> Sender<'a> {
    pub(super) fn name(&self) -> Option<&'a str> {
        non_blank(self.name)
    }

    /// The postal code as Canada Post writes it ("K1A 0A6"), or as typed when it is not six letters and digits.
    pub fn postal_code(&self) -> Option<String> {
        non_blank(self.postal_code).map(format_postal_code)
    }

    /// The lines under the signature: name, street address, postal code, riding, email. A missing name or postal
    /// code shows its gap ("[your name]") and is added to `missing`: offices check both to recognise a
    /// constituent. The riding line appears once the riding is known.
    pub(super) fn signature(&self, riding: Option<&str>, lang: Lang, missing: &mut Vec<Placeholder>) -> Vec<String> {
        let mut lines = Vec::with_capacity(5);
        let mut line_or_gap = |value: Option<String>, placeholder: Placeholder, lines: &mut Vec<String>| match value {
            Some(value) => lines.push(value),
            None => {
                lines.push(placeholder.gap().get(lang).to_owned());
                if !missing.contains(&placeholder) {
                    missing.push(placeholder);
                }
            }
        };
        line_or_gap(self.name().map(str::to_owned), Placeholder::SenderName, &mut lines);
        for line in self.street_address.unwrap_or("").lines() {
            if let Some(line) = non_blank(line) {
                lines.push(line.to_owned());
            }
        }
        line_or_gap(self.postal_code(), Placeholder::SenderPostalCode, &mut lines);
        if let Some(riding) = riding.and_then(non_blank) {
            lines.push(wording::riding_line(lang, riding));
        }
        if let Some(email) = self.email.and_then(non_blank) {
            lines.push(email.to_owned());
        }
        lines
    }
}

pub(super) fn non_blank(text: &str) -> Option<&str> {
    Some(text.trim()).filter(|t| !t.is_empty())
}

/// Canada Post's form when the code reads as one ("k1a-0a6" → "K1A 0A6"); else as typed (trimmed), since a
/// wrong-looking code is still the person's to fix.
fn format_postal_code(code: &str) -> String {
    PostalCode::parse(code).map(|code| code.formatted()).unwrap_or_else(|_| code.trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postal_codes_take_canada_posts_shape() {
        assert_eq!(format_postal_code("k1a0a6"), "K1A 0A6");
        assert_eq!(format_postal_code(" h2x-1y4 "), "H2X 1Y4");
        assert_eq!(format_postal_code("12345"), "12345");
        assert_eq!(format_postal_code(" K1A 0A6é "), "K1A 0A6é");
    }

    #[test]
    fn the_signature_marks_what_is_missing() {
        let sender = Sender { name: " ", postal_code: "", street_address: Some("12 Elm St\n\n Apt 3 "), email: None };
        let mut missing = Vec::new();
        let lines = sender.signature(Some("Ottawa Centre"), Lang::En, &mut missing);
        assert_eq!(lines, ["[your name]", "12 Elm St", "Apt 3", "[your postal code]", "Riding: Ottawa Centre"]);
        assert_eq!(missing, [Placeholder::SenderName, Placeholder::SenderPostalCode]);
    }
}
