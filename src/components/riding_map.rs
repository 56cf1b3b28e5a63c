//! The two helps beside a list of ridings to choose from, for the letter and the petition alike: a small map of
//! the ridings a postal code area is shared by (drawn from their boundaries; the list stays the way to choose),
//! and "Use my location to be sure" (the browser's location, compared in the page, sent nowhere).

use super::letter::focus_after_update;
use crate::embed::Embed;
use crate::geometry::{map_of, riding_here};
use leptos::prelude::*;
use std::sync::Arc;
use voix_core::directory::map::Drawing;
use voix_core::directory::{Directory, FedNum};
use voix_core::i18n::LocationText;
use voix_core::postal::Province;
use voix_core::Lang;
use wasm_bindgen::JsCast;

fn data_url() -> String {
    use_context::<Embed>().map(|embed| embed.data_url).unwrap_or_default()
}

/// The map of `ridings`, each outline labelled with its name; nothing at all when it cannot be drawn.
/// (Plain functions, not components: the bundle is built with Leptos's `erase_components`, under which each
/// component is a type-erased view whose table of functions the first download carries.)
///
/// Generic over the part that shows it, as [`locate_riding`] is, for the same reason.
pub fn riding_map<Part: 'static>(directory: Arc<Directory>, ridings: Vec<FedNum>, lang: Signal<Lang>) -> impl IntoView {
    let part = std::marker::PhantomData::<fn() -> Part>;
    let drawing: RwSignal<Option<Drawing>> = RwSignal::new(None);
    let url = data_url();
    leptos::task::spawn_local(async move {
        drawing.set(map_of(&url, ridings).await);
    });
    move || {
        let _ = part;
        let drawing = drawing.get()?;
        let lang_now = lang.get();
        let names: Vec<&str> = drawing
            .ridings
            .iter()
            .map(|riding| directory.district(riding.fed_num).map_or("", |district| district.name(lang_now)))
            .collect();
        // Markup made by `Drawing::to_svg` from numbers and escaped names: no element of the map comes from input.
        let svg = drawing.to_svg(LocationText::MapTitle.get(lang_now), &names);
        Some(view! { <div class="voix-map" inner_html=svg></div> })
    }
}

/// "Use my location to be sure": on success the riding goes into `riding` and focus moves to the element `focus`
/// (the answer it reveals); otherwise a message says why, and the list stays as it was. One render closure for the
/// whole block: each closure the widget holds costs the first download a stub (wasm-split keeps the function
/// table there).
///
/// Generic over the part that shows it (`Part`, a marker type), so that each part has its own instance: with one
/// instance for both, the split bundle's petition rendered nothing here (the closures' code went with the letter's
/// chunk only); the browser test of the petition's button holds this.
pub fn locate_riding<Part: 'static>(
    provinces: Vec<Province>,
    riding: RwSignal<Option<FedNum>>,
    focus: &'static str,
    lang: Signal<Lang>,
) -> impl IntoView {
    // `None`: not asked yet; `Some(LocationText::Locating)` while asking; otherwise why there is no answer.
    let state: RwSignal<Option<LocationText>> = RwSignal::new(None);
    let part = std::marker::PhantomData::<fn() -> Part>;
    let url = data_url();
    let locate = move |event: leptos::ev::MouseEvent| {
        let _ = part;
        if state.get_untracked() == Some(LocationText::Locating) {
            return;
        }
        let root =
            event.target().and_then(|target| target.dyn_into::<web_sys::Node>().ok()).map(|node| node.get_root_node());
        state.set(Some(LocationText::Locating));
        let (url, provinces) = (url.clone(), provinces.clone());
        leptos::task::spawn_local(async move {
            match riding_here(&url, &provinces).await {
                Ok(fed_num) => {
                    state.set(None);
                    riding.set(Some(fed_num));
                    focus_after_update(root, focus);
                }
                Err(text) => state.set(Some(text)),
            }
        });
    };
    // The button and its promise change only with the language; the status line stays in place (a live region
    // announces changes to its text, not a new element).
    let ask = move || {
        let _ = part;
        let lang = lang.get();
        view! {
            <button type="button" class="voix-button voix-button--secondary" on:click=locate.clone()
                aria-describedby="voix-locate-promise">
                {LocationText::UseMyLocation.get(lang)}
            </button>
            <p id="voix-locate-promise" class="voix-muted">{LocationText::StaysInBrowser.get(lang)}</p>
        }
    };
    view! {
        <div>
            {ask}
            <p class="voix-muted" role="status">{move || {
                let _ = part;
                state.get().map(|text| text.get(lang.get()))
            }}</p>
        </div>
    }
}
