//! Strings both the letter and the petition show (never the shell): they load with whichever is opened first.

use super::catalogue;

// French typography: see `crate::i18n`.
catalogue! {
    enum ActionText;
    /// Sharing the campaign after acting: a plain link, no tracker.
    ShareThisPage => "Copy a link to this page", "Copier le lien de cette page";
    LinkCopied => "Link copied: paste it in a message to a friend.",
        "Lien copié\u{a0}: collez-le dans un message à une amie ou un ami.";
    /// The riding the postal code points to (letter, petition and `voix lookup`).
    YourRiding => "Your riding", "Votre circonscription";
}
