//! The emails Voix sends, composed as plain data: the server only delivers them.
//!
//! Every email exists in English and French, as plain text plus a simple HTML alternative, and ends with the
//! sender identification Canada's anti-spam law requires (the organiser's name, mailing address and a contact).
//! Emails to people also carry the link to withdraw consent; a letter to an MP's office carries instead who wrote
//! it (name, postal code, riding) so the office can weigh it as a constituent's.
//!
//! Nothing here decides who receives what or when: see the server's delivery queue.

mod text;

pub use text::EmailText;

use crate::campaign::{Campaign, Organiser};
use crate::Lang;
use std::fmt;

/// One email's content.
#[derive(Clone, PartialEq, Eq)]
pub struct Email {
    pub lang: Lang,
    pub subject: String,
    /// The plain-text body (lines end with "\n").
    pub text: String,
    /// The HTML alternative: the same paragraphs, every value escaped.
    pub html: String,
}

/// Shows the subject's length only: bodies hold names, addresses and letters.
impl fmt::Debug for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Email").field("lang", &self.lang).field("text_bytes", &self.text.len()).finish()
    }
}

/// The confirmation a person receives after asking the server to send their letter.
pub struct LetterConfirmation<'a> {
    pub sender_name: &'a str,
    /// The recipients as "Name (riding)" or "Name, title".
    pub recipients: &'a [String],
    /// The page whose button confirms (a GET of it changes nothing).
    pub confirm_url: &'a str,
    pub withdraw_url: &'a str,
}

/// A letter as it reaches an MP's office.
pub struct LetterForTarget<'a> {
    pub subject: &'a str,
    /// The letter as the person wrote it, sender block included.
    pub body: &'a str,
    pub sender_name: &'a str,
    pub postal_code: &'a str,
    /// The riding's name, when the person confirmed one.
    pub riding: Option<&'a str>,
}

/// The notice a person receives when a letter could not be delivered to one recipient.
pub struct DeliveryFailure<'a> {
    pub recipient: &'a str,
    /// The mail server's answer, e.g. "550 5.1.1 mailbox unavailable".
    pub reason: &'a str,
    pub letter: &'a str,
    pub withdraw_url: &'a str,
}

/// Paragraphs of an email, each either plain text or a link, rendered to both text and HTML.
#[derive(Default)]
struct Body {
    blocks: Vec<Block>,
}

enum Block {
    Paragraph(String),
    Link(String),
    /// Kept exactly, line by line (a letter).
    Verbatim(String),
    Rule,
}

impl Body {
    fn para(mut self, text: impl Into<String>) -> Self {
        self.blocks.push(Block::Paragraph(text.into()));
        self
    }

    fn link(mut self, url: &str) -> Self {
        self.blocks.push(Block::Link(url.to_owned()));
        self
    }

    fn verbatim(mut self, text: &str) -> Self {
        self.blocks.push(Block::Verbatim(text.to_owned()));
        self
    }

    fn rule(mut self) -> Self {
        self.blocks.push(Block::Rule);
        self
    }

    fn into_email(self, lang: Lang, subject: String) -> Email {
        let mut text = String::new();
        let mut html = format!(
            "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head>\n\
             <body style=\"font-family:sans-serif;line-height:1.5;max-width:40em\">\n",
            lang.code(),
            escape(&subject)
        );
        for block in &self.blocks {
            match block {
                Block::Paragraph(paragraph) => {
                    text.push_str(paragraph);
                    html.push_str(&format!("<p>{}</p>\n", escape(paragraph).replace('\n', "<br>\n")));
                }
                Block::Link(url) => {
                    text.push_str(url);
                    let url = escape(url);
                    html.push_str(&format!("<p><a href=\"{url}\">{url}</a></p>\n"));
                }
                Block::Verbatim(letter) => {
                    text.push_str(letter.trim_end());
                    html.push_str(&format!(
                        "<div style=\"white-space:pre-wrap\">{}</div>\n",
                        escape(letter.trim_end())
                    ));
                }
                Block::Rule => {
                    text.push_str("--");
                    html.push_str("<hr>\n");
                }
            }
            text.push_str("\n\n");
        }
        html.push_str("</body></html>\n");
        let text = format!("{}\n", text.trim_end());
        Email { lang, subject, text, html }
    }
}

/// The CASL sender identification, and (for people) how to withdraw consent.
fn footer(body: Body, campaign: &Campaign, lang: Lang, withdraw_url: Option<&str>) -> Body {
    let organiser = &campaign.organiser;
    let mut body = body.rule().para(format!(
        "{} {} {} « {} ».\n{}\n{}",
        EmailText::FooterSentBy.get(lang),
        organiser.name.text(lang),
        EmailText::FooterCampaign.get(lang),
        campaign.title.text(lang),
        organiser.mailing_address,
        contact_line(organiser, lang),
    ));
    if let Some(url) = withdraw_url {
        body = body.para(EmailText::FooterWithdraw.get(lang)).link(url);
    }
    body
}

fn contact_line(organiser: &Organiser, lang: Lang) -> String {
    let contacts: Vec<&str> = [organiser.email.as_deref(), organiser.website.as_deref(), organiser.phone.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    format!("{} {}", label(EmailText::FooterContact, lang), contacts.join(" · "))
}

/// "Postal code:" / "Code postal :".
fn label(text: EmailText, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{}:", text.get(lang)),
        Lang::Fr => format!("{}\u{a0}:", text.get(lang)),
    }
}

/// "Hello Léa," / "Bonjour Léa,".
fn greeting(name: &str, lang: Lang) -> String {
    format!("{} {},", EmailText::Hello.get(lang), name.trim())
}

/// "Confirm your letter — Lawful access".
fn subject_for(text: EmailText, campaign: &Campaign, lang: Lang) -> String {
    format!("{} — {}", text.get(lang), campaign.title.text(lang))
}

/// The email asking a person to confirm the letter they asked the server to send.
pub fn letter_confirmation(campaign: &Campaign, lang: Lang, letter: &LetterConfirmation) -> Email {
    let recipients: String = letter.recipients.iter().map(|name| format!("- {name}\n")).collect();
    let body = Body::default()
        .para(greeting(letter.sender_name, lang))
        .para(format!("{}\n{}", EmailText::ConfirmLetterIntro.get(lang), recipients.trim_end()))
        .para(EmailText::ConfirmLetterAction.get(lang))
        .link(letter.confirm_url)
        .para(EmailText::ConfirmLetterIgnore.get(lang));
    footer(body, campaign, lang, Some(letter.withdraw_url))
        .into_email(lang, subject_for(EmailText::ConfirmLetterSubject, campaign, lang))
}

/// The email asking a person to confirm their petition signature (when the campaign asks for double opt-in).
pub fn signature_confirmation(
    campaign: &Campaign,
    lang: Lang,
    first_name: &str,
    confirm_url: &str,
    withdraw_url: &str,
) -> Email {
    let body = Body::default()
        .para(greeting(first_name, lang))
        .para(EmailText::ConfirmSignatureIntro.get(lang))
        .link(confirm_url)
        .para(EmailText::ConfirmSignatureIgnore.get(lang));
    footer(body, campaign, lang, Some(withdraw_url))
        .into_email(lang, subject_for(EmailText::ConfirmSignatureSubject, campaign, lang))
}

/// The letter as an MP's office receives it: the person's own text, then who wrote it and how it was sent.
pub fn letter_for_target(campaign: &Campaign, lang: Lang, letter: &LetterForTarget) -> Email {
    let mut constituent =
        format!("{}\n{} {}", letter.sender_name.trim(), label(EmailText::PostalCodeLabel, lang), letter.postal_code);
    if let Some(riding) = letter.riding {
        constituent.push_str(&format!("\n{} {riding}", label(EmailText::RidingLabel, lang)));
    }
    let body = Body::default().verbatim(letter.body).rule().para(constituent).para(format!(
        "{} {}. {}",
        EmailText::LetterSentFor.get(lang),
        campaign.organiser.name.text(lang),
        EmailText::LetterReplyTo.get(lang)
    ));
    footer(body, campaign, lang, None).into_email(lang, letter.subject.trim().to_owned())
}

/// The notice that a letter could not reach one recipient, with the letter so the person can send it themselves.
pub fn delivery_failed(campaign: &Campaign, lang: Lang, failure: &DeliveryFailure) -> Email {
    let body = Body::default()
        .para(format!("{}\n- {}", EmailText::DeliveryFailedIntro.get(lang), failure.recipient))
        .para(format!("{} {}", EmailText::DeliveryFailedReason.get(lang), failure.reason))
        .para(EmailText::DeliveryFailedNext.get(lang))
        .verbatim(failure.letter);
    footer(body, campaign, lang, Some(failure.withdraw_url))
        .into_email(lang, subject_for(EmailText::DeliveryFailedSubject, campaign, lang))
}

/// The email confirming a request to withdraw every consent coalition-wide. It names the campaign whose
/// organiser runs this Voix server (the sender the person knows).
pub fn withdrawal_confirmation(campaign: &Campaign, lang: Lang, confirm_url: &str) -> Email {
    let body = Body::default()
        .para(EmailText::WithdrawIntro.get(lang))
        .link(confirm_url)
        .para(EmailText::WithdrawIgnore.get(lang));
    footer(body, campaign, lang, None).into_email(lang, EmailText::WithdrawSubject.get(lang).to_owned())
}

/// Escapes text for HTML element content and double-quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
