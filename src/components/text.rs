//! Translated text nodes. One small component for every catalogue string (and one for campaign texts) keeps the
//! wasm small: each `move || Text::X.get(lang.get())` written inline would be its own closure type and its own
//! copy of Leptos's rendering code.

use leptos::prelude::*;
use voix_core::i18n::Catalogue;
use voix_core::{Lang, Localized};

/// A catalogue string in the current language. One copy per catalogue: the letter's and the petition's live in
/// their chunks, with their strings.
#[component]
pub fn Tr<C: Catalogue>(text: C, lang: Signal<Lang>) -> impl IntoView {
    move || text.get(lang.get())
}

/// A campaign text in the current language.
#[component]
pub fn Loc(text: Localized, lang: Signal<Lang>) -> impl IntoView {
    move || text.text(lang.get()).to_owned()
}
