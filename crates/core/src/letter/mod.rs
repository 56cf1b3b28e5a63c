//! "Contact your MP": composing a person's letter from the campaign's material, measuring how much of it is in
//! their own words, and the three ways of sending it (email app, copy, print).
//!
//! Everything here is pure and fast enough to run on every keystroke: the widget keeps a [`ComposedLetter`],
//! lets the person edit its `subject` and `message`, and asks it for the mailto link, the text to copy or the
//! printed page.
//!
//! ```text
//! let mut letter = compose(&campaign_letter, &input);   // on every change of points, story, sender, recipient
//! letter.message = edited_text;                         // if the person edited the letter by hand
//! letter.originality();                                 // 0–100 % own words, with an encouraging message
//!                                                       // (keep a CampaignWording to skip rebuilding it per edit)
//! letter.mailto(&recipients);                           // full link, or subject-only when too long
//! letter.copy_text(&recipients);                        // recipients' addresses on top
//! letter.printed(&recipient, "2026-05-04");             // the page to print and post without a stamp
//! ```

pub mod call;
mod compose;
mod copy;
mod mailto;
mod originality;
pub mod pick;
pub mod placeholder;
mod print;
pub mod senators;
mod sender;
pub mod server;
mod wording;

pub use compose::{compose, Chamber, ComposedLetter, LetterInput, Recipient};
pub use mailto::{fits_in_mailto, mailto_link, mailto_url, MailtoLink, MAILTO_SAFE_LENGTH};
pub use originality::{originality, CampaignWording, Originality, OriginalityLevel};
pub use placeholder::{Placeholder, TemplateProblem};
pub use print::{recipient_block, PrintedLetter};
pub use sender::Sender;
