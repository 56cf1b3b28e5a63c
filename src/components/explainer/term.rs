//! A glossary term as a disclosure: a real button (`aria-expanded`, `aria-controls`) that shows the term's short
//! definition inline, right after it. Enter or Space opens and closes it, Escape closes it and focus stays on
//! the button; nothing depends on hovering.

use super::blocks::styled;
use super::Glossary;
use leptos::prelude::*;
use std::sync::atomic::{AtomicU32, Ordering};
use voix_core::explainer::markup::Span;
use voix_core::i18n::Text;
use voix_core::Lang;
use web_sys::KeyboardEvent;

static NEXT_ID: AtomicU32 = AtomicU32::new(0);

#[component]
pub fn TermButton(id: String, text: Span, lang: Lang) -> impl IntoView {
    let definition = use_context::<Glossary>().map(|glossary| glossary.definition(&id, lang)).unwrap_or_default();
    let open = RwSignal::new(false);
    let definition_id = format!("voix-term-{}", NEXT_ID.fetch_add(1, Ordering::Relaxed));
    let on_keydown = move |event: KeyboardEvent| {
        if event.key() == "Escape" && open.get_untracked() {
            event.prevent_default();
            event.stop_propagation();
            open.set(false);
        }
    };
    view! {
        <span class="voix-term">
            <button
                type="button"
                class="voix-term__button"
                data-term=id
                aria-expanded=move || open.get().to_string()
                aria-controls=definition_id.clone()
                on:click=move |_| open.update(|open| *open = !*open)
                on:keydown=on_keydown
            >
                {styled(text)}
                <span class="voix-sr-only">" " {Text::ExplainerTermHint.get(lang)}</span>
            </button>
            <span id=definition_id class="voix-term__definition" hidden=move || !open.get()>
                {definition}
            </span>
        </span>
    }
}
