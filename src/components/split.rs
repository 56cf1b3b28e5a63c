//! The letter and the petition, each in its own wasm chunk.
//!
//! `scripts/build-widget` builds with `--cfg voix_split` and runs wasm-split: the code only these functions reach
//! moves out of the first download, and is fetched the first time the part is shown. A partner page then loads
//! the shell and the explainer before the widget is interactive (the budget). Builds that are not
//! post-processed (browser tests, the Trunk preview) call the same functions directly.

use super::letter::LetterPart;
use super::petition::PetitionPart;
use super::status::Failure;
use super::text::Tr;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use std::sync::Arc;
use voix_core::i18n::Text;
use voix_core::{Campaign, Lang, Part};

/// The letter or the petition, once its chunk has arrived; on a failed fetch, a message and a retry button.
#[component]
pub fn SplitPart(campaign: Arc<Campaign>, part: Part, lang: Signal<Lang>) -> impl IntoView {
    let attempt = RwSignal::new(0u32);
    let retry = Callback::new(move |_| attempt.update(|n| *n += 1));
    let body = move || {
        attempt.track();
        let campaign = campaign.clone();
        Suspend::new(async move {
            match load(part, campaign, lang).await {
                Ok(view) => view,
                Err(_) => {
                    view! { <Failure text=Text::ErrorPartUnreachable setup=false lang retry=Some(retry)/> }.into_any()
                }
            }
        })
    };
    let loading = move || view! { <p class="voix-status" role="status"><Tr text=Text::LoadingPart lang/></p> };
    view! { <Suspense fallback=loading>{body}</Suspense> }
}

async fn load(part: Part, campaign: Arc<Campaign>, lang: Signal<Lang>) -> Result<AnyView, SplitLoaderError> {
    // Split, these functions are async (they fetch their chunk first); otherwise they are plain calls.
    #[cfg(voix_split)]
    return match part {
        Part::Letter => letter_view(campaign, lang).await,
        Part::Petition => petition_view(campaign, lang).await,
        Part::Explainer => Ok(().into_any()),
    };
    #[cfg(not(voix_split))]
    match part {
        Part::Letter => letter_view(campaign, lang),
        Part::Petition => petition_view(campaign, lang),
        Part::Explainer => Ok(().into_any()),
    }
}

#[cfg_attr(voix_split, leptos::wasm_split::wasm_split(voix_letter, wasm_split_path = ::leptos::wasm_split, fallible))]
fn letter_view(campaign: Arc<Campaign>, lang: Signal<Lang>) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <LetterPart campaign lang/> }.into_any())
}

#[cfg_attr(voix_split, leptos::wasm_split::wasm_split(voix_petition, wasm_split_path = ::leptos::wasm_split, fallible))]
fn petition_view(campaign: Arc<Campaign>, lang: Signal<Lang>) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <PetitionPart campaign lang/> }.into_any())
}
