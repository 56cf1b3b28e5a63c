//! Step three: the ways of sending the campaign offers, then a thank-you with the next action.

use super::recipients::{chosen_recipients, offered_senators, OwnedRecipient};
use super::{final_letter, LetterForm};
use crate::clipboard::copy_text;
use crate::components::text::Tr;
use crate::print::{print_letter, PrintDocument};
use leptos::prelude::*;
use std::sync::Arc;
use voix_core::campaign::{Letter, SendMethod};
use voix_core::i18n::{ActionText, LetterText};
use voix_core::letter::{ComposedLetter, Recipient};
use voix_core::{Campaign, Lang, Part};

/// Lends owned recipients to core's borrowing API.
fn borrowed(list: &[OwnedRecipient]) -> Vec<Recipient<'_>> {
    list.iter().map(OwnedRecipient::as_recipient).collect()
}

#[component]
pub fn SendLetter(
    letter: Arc<Letter>,
    form: LetterForm,
    composed: Memo<ComposedLetter>,
    lang: Signal<Lang>,
    /// For "Send it for me" (the server's API).
    campaign_id: String,
) -> impl IntoView {
    let recipients = {
        let letter = letter.clone();
        Memo::new(move |_| {
            let directory = form.ready_directory();
            let district = form.riding.get().and_then(|f| directory.as_ref()?.district(f).cloned());
            let lang_now = lang.get();
            let riding = district.as_ref().map(|d| d.name(lang_now).to_owned());
            let mp = district.as_ref().and_then(|d| d.mp().cloned());
            let senators = offered_senators(&letter, directory.as_deref(), form, lang_now);
            chosen_recipients(&letter, senators, mp.as_ref(), riding.as_deref(), form, lang_now)
        })
    };
    let sending = Memo::new(move |_| final_letter(composed, form));
    let mailto = Memo::new(move |_| recipients.with(|list| sending.with(|letter| letter.mailto(&borrowed(list)))));
    let copied = RwSignal::new(false);
    let copy_failed = RwSignal::new(false);
    let buttons = letter
        .send
        .iter()
        .map(|method| match method {
            SendMethod::EmailApp => view! {
                <a class="voix-button" href=move || mailto.with(|m| m.url.clone())
                    on:click=move |_| form.sent.set(Some(SendMethod::EmailApp))>
                    <Tr text=LetterText::OpenInEmailApp lang/>
                </a>
            }
            .into_any(),
            SendMethod::Copy => view! {
                <button type="button" class="voix-button voix-button--secondary" on:click=move |_| {
                    let text = recipients.with(|list| sending.with(|letter| letter.copy_text(&borrowed(list))));
                    leptos::task::spawn_local(async move {
                        let ok = copy_text(&text).await.is_ok();
                        copied.set(ok);
                        copy_failed.set(!ok);
                        if ok { form.sent.set(Some(SendMethod::Copy)); }
                    });
                }>
                    <Tr text=LetterText::CopyLetter lang/>
                </button>
            }
            .into_any(),
            SendMethod::Print => view! {
                <button type="button" class="voix-button voix-button--secondary" on:click=move |_| {
                    let document = recipients.with(|list| sending.with(|letter| print_document(letter, list, lang.get_untracked())));
                    match print_letter(&document) {
                        Ok(_) => form.sent.set(Some(SendMethod::Print)),
                        Err(error) => web_sys::console::error_2(&"[voix] printing failed:".into(), &error),
                    }
                }>
                    <Tr text=LetterText::PrintLetter lang/>
                </button>
            }
            .into_any(),
            SendMethod::Server | SendMethod::Call => ().into_any(),
        })
        .collect_view();
    let offers_print = letter.send.contains(&SendMethod::Print);
    let offers_server = letter.send.contains(&SendMethod::Server);
    let offers_call = letter.send.contains(&SendMethod::Call);
    view! {
        <section class="voix-step" aria-labelledby="voix-send-heading">
            <h4 id="voix-send-heading"><Tr text=LetterText::SendHeading lang/></h4>
            {move || (!sending.with(ComposedLetter::is_complete)).then(|| view! {
                <p class="voix-warning">{LetterText::FillTheGaps.get(lang.get())}</p>
            })}
            {move || (!mailto.with(|m| m.has_body)).then(|| view! {
                <p class="voix-warning">{LetterText::MailtoTooLong.get(lang.get())}</p>
            })}
            <div class="voix-send">{buttons}</div>
            {offers_server.then(|| view! { <super::server_send::ServerSend campaign_id recipients sending form lang/> })}
            {offers_call.then(|| view! { <super::call::CallMp letter=letter.clone() form lang/> })}
            <p class="voix-status" role="status">
                {move || copied.get().then(|| LetterText::Copied.get(lang.get()))}
                {move || copy_failed.get().then(|| LetterText::CopyFailed.get(lang.get()))}
            </p>
            {offers_print.then(|| view! { <p class="voix-muted"><Tr text=LetterText::NoStampNeeded lang/></p> })}
        </section>
    }
}

/// One printed page per recipient: each gets a letter addressed to them.
fn print_document(letter: &ComposedLetter, recipients: &[OwnedRecipient], lang: Lang) -> PrintDocument {
    // The printed date is today's in the reader's time zone (left blank should the clock be unreadable).
    let today = super::today().map(|date| date.to_string()).unwrap_or_default();
    let mut blocks: Vec<(&'static str, Vec<String>)> = Vec::new();
    for (index, recipient) in recipients.iter().enumerate() {
        let page = letter.printed(&recipient.as_recipient(), &today);
        if index > 0 {
            blocks.push(("page-break", Vec::new()));
        }
        blocks.push(("sender", page.sender_block));
        blocks.push(("date", vec![page.date]));
        blocks.push(("recipient", page.recipient_block));
        blocks.push(("subject", vec![page.subject_line]));
        blocks.push(("salutation", vec![page.salutation]));
        blocks.push(("body", page.paragraphs));
        blocks.push(("signature", vec![page.sign_off]));
        blocks.push(("signature-line", vec![page.signature_name]));
        blocks.push(("no-stamp", vec![page.no_stamp_note.to_owned()]));
    }
    PrintDocument { lang, title: letter.subject.clone(), blocks }
}

/// After sending: thanks, and the next action.
#[component]
pub fn Thanks(campaign: Arc<Campaign>, lang: Signal<Lang>) -> impl IntoView {
    let has_petition = campaign.has(Part::Petition);
    let go_to_petition = use_context::<Callback<Part>>();
    let link_copied = RwSignal::new(false);
    // The partner's page as the reader sees it, without its query or fragment (which may carry trackers).
    let share = move |_| {
        let page = web_sys::window().and_then(|w| {
            let location = w.location();
            Some(format!("{}{}", location.origin().ok()?, location.pathname().ok()?))
        });
        if let Some(page) = page {
            leptos::task::spawn_local(async move { link_copied.set(copy_text(&page).await.is_ok()) });
        }
    };
    view! {
        <section class="voix-thanks" role="status" aria-labelledby="voix-thanks-heading">
            <h4 id="voix-thanks-heading"><Tr text=LetterText::LetterThanks lang/></h4>
            <p><Tr text=LetterText::LetterThanksMore lang/></p>
            {(has_petition && go_to_petition.is_some()).then(|| {
                let go = go_to_petition;
                view! {
                    <button type="button" class="voix-button" on:click=move |_| { if let Some(go) = go { go.run(Part::Petition) } }>
                        <Tr text=LetterText::NextSignPetition lang/>
                    </button>
                }
            })}
            " "
            <button type="button" class="voix-button voix-button--secondary" on:click=share>
                <Tr text=ActionText::ShareThisPage lang/>
            </button>
            <p class="voix-muted" aria-live="polite">{move || link_copied.get().then(|| ActionText::LinkCopied.get(lang.get()))}</p>
        </section>
    }
}
