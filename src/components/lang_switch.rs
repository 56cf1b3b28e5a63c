//! The visible EN/FR switch. Choosing a language changes every mount of the embed.

use leptos::prelude::*;
use voix_core::i18n::Text;
use voix_core::Lang;

#[component]
pub fn LangSwitch(offered: Vec<Lang>, lang: Signal<Lang>, preferred: ArcRwSignal<Lang>) -> impl IntoView {
    if offered.len() < 2 {
        return None;
    }
    let buttons = offered
        .into_iter()
        .map(|option| {
            let preferred = preferred.clone();
            view! {
                <button
                    type="button"
                    class="voix-lang-option"
                    lang=option.code()
                    aria-pressed=move || (lang.get() == option).to_string()
                    on:click=move |_| preferred.set(option)
                >
                    {option.autonym()}
                </button>
            }
        })
        .collect_view();
    Some(view! {
        <div class="voix-lang" role="group" aria-label=move || Text::LanguageSwitch.get(lang.get())>
            {buttons}
        </div>
    })
}
