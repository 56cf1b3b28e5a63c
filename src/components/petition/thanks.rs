//! After signing: thanks, plain share links (no tracker, nothing loaded from a third party) and the next action.

use super::PetitionForm;
use crate::clipboard::copy_text;
use crate::components::text::Tr;
use leptos::prelude::*;
use std::sync::Arc;
use voix_core::i18n::{ActionText, PetitionText};
use voix_core::petition::api::SignedReply;
use voix_core::{Campaign, Lang, Part};

/// The partner's page as the reader sees it, without its query or fragment (which may carry trackers).
fn page_url() -> Option<String> {
    let location = web_sys::window()?.location();
    Some(format!("{}{}", location.origin().ok()?, location.pathname().ok()?))
}

#[component]
pub fn SignThanks(campaign: Arc<Campaign>, form: PetitionForm, lang: Signal<Lang>) -> impl IntoView {
    // Heading and message: thanks, or (double opt-in) a reminder that the signature counts once confirmed.
    let thanks = move || {
        form.signed
            .with(|s| s.as_ref().map(SignedReply::thanks))
            .unwrap_or((PetitionText::SignThanks, PetitionText::SignThanksMore))
    };
    let url = page_url().unwrap_or_default();
    let title = campaign.title.clone();
    let mailto = {
        let url = url.clone();
        move || {
            let lang = lang.get();
            let subject = js_sys::encode_uri_component(title.text(lang));
            let body = js_sys::encode_uri_component(&format!("{} {url}", PetitionText::ShareEmailBody.get(lang)));
            format!("mailto:?subject={subject}&body={body}")
        }
    };
    let copied = RwSignal::new(false);
    let copy = move |_| {
        let url = url.clone();
        leptos::task::spawn_local(async move { copied.set(copy_text(&url).await.is_ok()) });
    };
    let go = use_context::<Callback<Part>>().filter(|_| campaign.has(Part::Letter));
    let next = go.map(|go| {
        view! {
            <button type="button" class="voix-button" on:click=move |_| go.run(Part::Letter)>
                <Tr text=PetitionText::NextWriteToMp lang/>
            </button>
        }
    });
    view! {
        <section class="voix-thanks" id="voix-pet-thanks" aria-labelledby="voix-pet-thanks-heading">
            <h4 id="voix-pet-thanks-heading" tabindex="-1">{move || thanks().0.get(lang.get())}</h4>
            <p>{move || thanks().1.get(lang.get())}</p>
            <div class="voix-send">
                {next}
                <a class="voix-button voix-button--secondary" href=mailto><Tr text=PetitionText::ShareByEmail lang/></a>
                <button type="button" class="voix-button voix-button--secondary" on:click=copy>
                    <Tr text=ActionText::ShareThisPage lang/>
                </button>
            </div>
            <p class="voix-muted" aria-live="polite">{move || copied.get().then(|| ActionText::LinkCopied.get(lang.get()))}</p>
        </section>
    }
}
