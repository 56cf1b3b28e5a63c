//! Loading and failure states: never a blank box.

use super::text::Tr;
use leptos::prelude::*;
use voix_core::i18n::Text;
use voix_core::Lang;

#[component]
pub fn Loading(lang: Signal<Lang>) -> impl IntoView {
    view! { <p class="voix-status" role="status"><Tr text=Text::Loading lang/></p> }
}

/// A short message for the reader; for set-up problems, a pointer to the console for the webmaster; a retry
/// button when trying again can help.
#[component]
pub fn Failure(text: Text, setup: bool, lang: Signal<Lang>, retry: Option<Callback<()>>) -> impl IntoView {
    view! {
        <div class="voix-error" role="alert">
            <p>{move || text.get(lang.get())}</p>
            {setup.then(|| view! { <p class="voix-muted"><Tr text=Text::ErrorDetailsInConsole lang/></p> })}
            {retry.map(|retry| {
                view! {
                    <button type="button" class="voix-button" on:click=move |_| retry.run(())>
                        <Tr text=Text::TryAgain lang/>
                    </button>
                }
            })}
        </div>
    }
}
