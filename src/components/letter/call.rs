//! "Call your MP" beside the ways of sending (`send: ["call", …]`): the MP's office numbers as `tel:` links with
//! their date, the campaign's call script filled with what the person gave, and "I called", counted like a
//! letter. Nothing is shown for a vacant seat or an MP whose number the data does not have.

use super::LetterForm;
use crate::components::text::Tr;
use leptos::prelude::*;
use std::sync::Arc;
use voix_core::campaign::{Letter, SendMethod};
use voix_core::directory::phones_as_of_line;
use voix_core::i18n::{label, LetterText};
use voix_core::letter::call::{numbers, script, tel_href};
use voix_core::letter::placeholder::Values;
use voix_core::Lang;

#[component]
pub fn CallMp(letter: Arc<Letter>, form: LetterForm, lang: Signal<Lang>) -> impl IntoView {
    move || {
        let script_text = letter.call_script.clone()?;
        let directory = form.ready_directory()?;
        let district = directory.district(form.riding.get()?)?;
        let mp = district.mp()?;
        let lang_now = lang.get();
        let lines: Vec<_> = numbers(mp)
            .into_iter()
            .map(|(office, phone)| {
                view! {
                    <li>{label(office.label(), lang_now)} " " <a href=tel_href(phone)>{phone.to_owned()}</a></li>
                }
            })
            .collect();
        if lines.is_empty() {
            return None;
        }
        let (name, postal) = (form.name.get(), form.postal_input.get());
        let values = Values {
            target_name: Some(mp.name()),
            mp_name: Some(mp.name()),
            riding: Some(district.name(lang_now)),
            sender_name: Some(name.trim()),
            sender_postal_code: Some(postal.trim()),
        };
        let said = script(&script_text, &values, lang_now);
        let as_of = directory.phones_as_of().map(|date| phones_as_of_line(&date, lang_now));
        let called = form.sent.get() == Some(SendMethod::Call);
        Some(view! {
            <section class="voix-call" aria-labelledby="voix-call-heading">
                <h5 id="voix-call-heading"><Tr text=LetterText::CallHeading lang/></h5>
                <p class="voix-card-name">{mp.name().to_owned()}</p>
                <ul class="voix-call-numbers">{lines}</ul>
                {as_of.map(|line| view! { <p class="voix-muted">{line}</p> })}
                <h6><Tr text=LetterText::CallScriptHeading lang/></h6>
                <blockquote class="voix-call-script">{said}</blockquote>
                {if called {
                    view! { <p role="status">{LetterText::CalledThanks.get(lang_now)}</p> }.into_any()
                } else {
                    view! {
                        <button type="button" class="voix-button voix-button--secondary"
                            on:click=move |_| form.sent.set(Some(SendMethod::Call))>
                            {LetterText::ICalled.get(lang_now)}
                        </button>
                    }
                    .into_any()
                }}
            </section>
        })
    }
}
