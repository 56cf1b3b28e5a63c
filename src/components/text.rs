//! Translated text nodes. One small component for every catalogue string (and one for campaign texts) keeps the
//! wasm small: each `move || Text::X.get(lang.get())` written inline would be its own closure type and its own
//! copy of Leptos's rendering code.

use leptos::prelude::*;
use voix_core::i18n::Text;
use voix_core::{Lang, Localized};

/// A catalogue string in the current language.
#[component]
pub fn Tr(text: Text, lang: Signal<Lang>) -> impl IntoView {
    move || text.get(lang.get())
}

/// A campaign text in the current language.
#[component]
pub fn Loc(text: Localized, lang: Signal<Lang>) -> impl IntoView {
    move || text.text(lang.get()).to_owned()
}
