//! Composing one person's letter from the campaign's material, their choices and their own words.

use super::pick::{pick, Slot};
use super::placeholder::{fill, Placeholder, Values};
use super::sender::{non_blank, Sender};
use super::wording;
use crate::campaign::{Letter, Phrasings, Target};
use crate::i18n::LetterText;
use crate::{Lang, Localized};

/// The person a copy of the letter is addressed to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Recipient<'a> {
    pub name: &'a str,
    /// Their title, e.g. "Member of Parliament" or "Minister of Public Safety".
    pub role: &'a str,
    pub email: &'a str,
    /// Their riding, if they are an MP.
    pub riding: Option<&'a str>,
    /// Where they receive mail: the House of Commons or the Senate.
    pub chamber: Chamber,
}

/// The two houses of Parliament, each with its own postal address.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Chamber {
    #[default]
    House,
    Senate,
}

impl<'a> Recipient<'a> {
    /// The sender's own MP, as found from their postal code.
    pub fn own_mp(name: &'a str, email: &'a str, riding: &'a str, lang: Lang) -> Self {
        Recipient { name, role: wording::own_mp_role(lang), email, riding: Some(riding), chamber: Chamber::House }
    }

    /// A senator; `role` from [`wording::senator_role`], `email` empty when the data has none.
    pub fn senator(name: &'a str, role: &'a str, email: &'a str) -> Self {
        Recipient { name, role, email, riding: None, chamber: Chamber::Senate }
    }

    /// One of the campaign's fixed recipients.
    pub fn from_target(target: &'a Target, lang: Lang) -> Self {
        Recipient {
            name: &target.name,
            role: target.role.text(lang),
            email: &target.email,
            riding: target.riding.as_deref(),
            chamber: Chamber::House,
        }
    }
}

/// Everything a letter depends on besides the campaign's material.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LetterInput<'a> {
    pub lang: Lang,
    /// Chosen once per person (the widget draws it when the letter opens and keeps it): it decides which wording of
    /// each part this letter uses. "Other wording" is a new seed.
    pub seed: u64,
    /// The ids of the ticked talking points, in any order: the letter follows the campaign's order.
    pub points: &'a [&'a str],
    /// The person's own paragraph(s), used as typed (never read for placeholders).
    pub story: &'a str,
    pub sender: Sender<'a>,
    /// The sender's riding, once found from their postal code.
    pub riding: Option<&'a str>,
    /// The sender's own MP, once found (none while the seat is vacant).
    pub mp_name: Option<&'a str>,
    /// Whom this copy is addressed to.
    pub recipient: Recipient<'a>,
}

/// A composed letter. The widget may overwrite `subject` and `message` with the person's edits; everything
/// derived from it (body, originality, mailto, copy, print) then uses the edited text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComposedLetter {
    pub lang: Lang,
    pub subject: String,
    /// "Dear Jane Doe," / "Madame, Monsieur,".
    pub salutation: String,
    /// The paragraphs between salutation and closing formula, separated by blank lines: opening, the ticked
    /// points, the person's story, closing. The part the person may edit.
    pub message: String,
    /// "Sincerely," / the French formal closing sentence.
    pub sign_off: String,
    /// Name, street address, postal code, riding and email, one per line.
    pub signature: Vec<String>,
    /// Every text the campaign provides for this language, filled in like this letter: the used ones first, then
    /// the other wordings (so that a person's hand edits are not mistaken for campaign text, nor campaign text
    /// pasted back for their own). What [`ComposedLetter::originality`] compares against.
    pub campaign_texts: Vec<String>,
    /// How many of `campaign_texts` (from the start) are in this letter.
    pub used_texts: usize,
    /// The values the letter still shows as gaps ("[your name]"), in order of first use.
    pub missing: Vec<Placeholder>,
}

impl ComposedLetter {
    /// The whole letter as one text: salutation, message, closing formula, signature block.
    pub fn body(&self) -> String {
        let mut body = String::with_capacity(self.salutation.len() + self.message.len() + 200);
        body.push_str(&self.salutation);
        body.push_str("\n\n");
        let message = self.message.trim();
        if !message.is_empty() {
            body.push_str(message);
            body.push_str("\n\n");
        }
        body.push_str(&self.sign_off);
        body.push_str(wording::after_sign_off(self.lang));
        body.push_str(&self.signature.join("\n"));
        body
    }

    /// The campaign texts this letter uses, filled in.
    pub fn used_campaign_texts(&self) -> &[String] {
        &self.campaign_texts[..self.used_texts.min(self.campaign_texts.len())]
    }

    /// The message's paragraphs (split on blank lines), for the printed page.
    pub fn paragraphs(&self) -> Vec<&str> {
        paragraphs(&self.message)
    }

    /// Whether the letter is ready to send: no gaps left.
    pub fn is_complete(&self) -> bool {
        self.missing.is_empty()
    }
}

/// Composes the letter. Pure and cheap (a few microseconds): call it on every change.
pub fn compose(letter: &Letter, input: &LetterInput<'_>) -> ComposedLetter {
    let lang = input.lang;
    let values = Values {
        target_name: Some(input.recipient.name),
        mp_name: input.mp_name,
        riding: input.riding,
        sender_name: Some(input.sender.name),
        sender_postal_code: Some(input.sender.postal_code),
    };
    let mut missing = Vec::new();
    let mut used = Vec::new();
    let mut paragraphs: Vec<String> = Vec::new();

    let subject = match pick_localized(&letter.subjects, input.seed, lang) {
        Some(template) => fill(template, &values, lang, &mut missing),
        None => LetterText::LetterDefaultSubject.get(lang).to_owned(),
    };
    let salutation = match non_blank(input.recipient.name) {
        Some(name) => wording::salutation(lang, name),
        None => wording::salutation(lang, gap(Placeholder::TargetName, lang, &mut missing)),
    };
    let mut add = |template: &str, missing: &mut Vec<Placeholder>, paragraphs: &mut Vec<String>| {
        let text = fill(template, &values, lang, missing);
        used.push(text.clone());
        paragraphs.push(text);
    };
    if let Some(template) = pick_phrasing(letter.opening.as_ref(), input.seed, Slot::Opening, lang) {
        add(template, &mut missing, &mut paragraphs);
    }
    for point in letter.talking_points.iter().filter(|point| input.points.contains(&point.id.as_str())) {
        if let Some(template) = pick_phrasing(Some(&point.phrasings), input.seed, Slot::Point(&point.id), lang) {
            add(template, &mut missing, &mut paragraphs);
        }
    }
    let story = input.story.replace("\r\n", "\n");
    if let Some(story) = non_blank(&story) {
        paragraphs.push(story.to_owned());
    }
    if let Some(template) = pick_phrasing(letter.closing.as_ref(), input.seed, Slot::Closing, lang) {
        add(template, &mut missing, &mut paragraphs);
    }
    let signature = input.sender.signature(input.riding, lang, &mut missing);

    let used_texts = used.len();
    let mut campaign_texts = used;
    // The rest of the campaign's wording, filled the same way; their gaps are not this letter's.
    let mut ignored = Vec::new();
    for template in other_templates(letter, lang) {
        let text = fill(template, &values, lang, &mut ignored);
        if !campaign_texts.contains(&text) {
            campaign_texts.push(text);
        }
    }

    ComposedLetter {
        lang,
        subject,
        salutation,
        message: paragraphs.join("\n\n"),
        sign_off: wording::sign_off(lang).to_owned(),
        signature,
        campaign_texts,
        used_texts,
        missing,
    }
}

fn gap(placeholder: Placeholder, lang: Lang, missing: &mut Vec<Placeholder>) -> &'static str {
    if !missing.contains(&placeholder) {
        missing.push(placeholder);
    }
    placeholder.gap().get(lang)
}

fn pick_localized(texts: &[Localized], seed: u64, lang: Lang) -> Option<&str> {
    let index = pick(seed, Slot::Subject, texts.len());
    texts.get(index).map(|text| text.text(lang)).filter(|text| !text.trim().is_empty())
}

fn pick_phrasing<'l>(phrasings: Option<&'l Phrasings>, seed: u64, slot: Slot<'_>, lang: Lang) -> Option<&'l str> {
    let options = phrasings?.get(lang);
    let index = pick(seed, slot, options.len());
    options.get(index).map(String::as_str).filter(|text| !text.trim().is_empty())
}

/// Every wording the campaign gives in this language (whether used or not), including the story prompts, which
/// people sometimes copy into their story.
fn other_templates(letter: &Letter, lang: Lang) -> impl Iterator<Item = &str> {
    phrasings_in(letter.opening.as_ref(), lang)
        .chain(letter.talking_points.iter().flat_map(move |point| phrasings_in(Some(&point.phrasings), lang)))
        .chain(phrasings_in(letter.closing.as_ref(), lang))
        .chain(localized_in(&letter.subjects, lang))
        .chain(localized_in(&letter.story_prompts, lang))
}

fn phrasings_in(phrasings: Option<&Phrasings>, lang: Lang) -> impl Iterator<Item = &str> {
    phrasings.map(|p| p.get(lang)).unwrap_or(&[]).iter().map(String::as_str)
}

fn localized_in(texts: &[Localized], lang: Lang) -> impl Iterator<Item = &str> {
    texts.iter().filter_map(move |text| text.get(lang))
}

/// Splits on blank lines, trimming each paragraph and dropping empty ones.
pub(super) fn paragraphs(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push(text[s..end].trim());
            }
        } else {
            start.get_or_insert(offset);
            end = offset + line.len();
        }
        offset += line.len();
    }
    if let Some(s) = start {
        out.push(text[s..end].trim());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::paragraphs;

    #[test]
    fn paragraphs_split_on_blank_lines() {
        assert_eq!(paragraphs("a\nb\n\n  \nc\r\n\r\nd "), ["a\nb", "c", "d"]);
        assert!(paragraphs(" \n\n").is_empty());
    }
}
