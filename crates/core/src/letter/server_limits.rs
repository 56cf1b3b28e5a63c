//! How long each field of a letter the Voix server sends for the person may be: one list, read by the server when
//! it takes the letter (and for the widget to show the same limits).

/// The sender's name, in characters.
pub const MAX_SENDER_NAME: usize = 200;
/// The subject line, in characters.
pub const MAX_SUBJECT: usize = 300;
/// The riding's name as the widget shows it, in characters.
pub const MAX_RIDING_NAME: usize = 200;
/// A recipient's name, in characters.
pub const MAX_RECIPIENT_NAME: usize = 200;
/// The letter's text, in characters.
pub const MAX_BODY: usize = 20_000;
/// Recipients of one letter.
pub const MAX_RECIPIENTS: usize = 10;
