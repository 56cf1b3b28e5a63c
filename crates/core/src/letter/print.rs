//! The printed letter: a plain model the widget lays out for printing (sender's block, date, the recipient's
//! address at the House of Commons, the letter, a line to sign on), with the reminder that it needs no stamp.

use super::compose::{paragraphs, Chamber, ComposedLetter, Recipient};
use super::wording;
use crate::directory::IsoDate;
use crate::i18n::LetterText;
use crate::Lang;

/// Everything on the printed page, top to bottom.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintedLetter {
    pub lang: Lang,
    /// The sender's name, address, postal code, riding and email, one per line (top of the page).
    pub sender_block: Vec<String>,
    /// "May 4, 2026" / "Le 4 mai 2026"; the text as given when it is not an ISO date.
    pub date: String,
    /// Name, role (and riding), "House of Commons", "Ottawa ON K1A 0A6": also what goes on the envelope.
    pub recipient_block: Vec<String>,
    /// "Re: …" / "Objet : …".
    pub subject_line: String,
    pub salutation: String,
    pub paragraphs: Vec<String>,
    pub sign_off: String,
    /// Printed under the line left blank for the handwritten signature.
    pub signature_name: String,
    /// The reminder that mail to MPs is free, for the foot of the page or the screen beside it.
    pub no_stamp_note: &'static str,
}

impl ComposedLetter {
    /// The printed page for one recipient, dated `iso_date` ("2026-05-04", today's date from the widget).
    pub fn printed(&self, recipient: &Recipient<'_>, iso_date: &str) -> PrintedLetter {
        let lang = self.lang;
        let date = match read_date(iso_date) {
            Some(date) => wording::date_line(lang, &date.text(lang)),
            None => iso_date.trim().to_owned(),
        };
        PrintedLetter {
            lang,
            sender_block: self.signature.clone(),
            date,
            recipient_block: recipient_block(recipient, lang),
            subject_line: wording::subject_line(lang, self.subject.trim()),
            // Each page is addressed to its own recipient.
            salutation: match recipient.name.trim() {
                "" => self.salutation.clone(),
                name => wording::salutation(lang, name),
            },
            paragraphs: paragraphs(&self.message).into_iter().map(str::to_owned).collect(),
            sign_off: self.sign_off.clone(),
            signature_name: self.signature.first().cloned().unwrap_or_default(),
            no_stamp_note: match recipient.chamber {
                Chamber::House => LetterText::PrintNoStampNote.get(lang),
                Chamber::Senate => LetterText::PrintNoStampNoteSenate.get(lang),
            },
        }
    }
}

/// "2026-05-04", or the date part of an ISO timestamp ("2026-05-04T13:00:00Z", as JavaScript's `toISOString`).
fn read_date(iso: &str) -> Option<IsoDate> {
    let iso = iso.trim();
    IsoDate::parse(iso.split_once('T').map_or(iso, |(date, _)| date))
}

/// The recipient's postal address: the House of Commons, where every MP (ministers included) receives mail, or the
/// Senate.
pub fn recipient_block(recipient: &Recipient<'_>, lang: Lang) -> Vec<String> {
    let mut lines = Vec::with_capacity(4);
    let name = recipient.name.trim();
    lines.push(if name.is_empty() { LetterText::GapTargetName.get(lang).to_owned() } else { name.to_owned() });
    let role = recipient.role.trim();
    match recipient.riding.map(str::trim).filter(|r| !r.is_empty()) {
        // "Member of Parliament, Ottawa Centre": a comma rather than "for"/"de", which French elision would break.
        Some(riding) if !role.is_empty() => lines.push(format!("{role}, {riding}")),
        Some(riding) => lines.push(riding.to_owned()),
        None if !role.is_empty() => lines.push(role.to_owned()),
        None => {}
    }
    let address = match recipient.chamber {
        Chamber::House => wording::house_of_commons(lang),
        Chamber::Senate => wording::senate(lang),
    };
    lines.extend(address.iter().map(|line| (*line).to_owned()));
    lines
}
