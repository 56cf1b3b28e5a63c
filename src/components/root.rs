//! The root of one shadow root: loading, failure, or the campaign.

use super::fine_print::FinePrint;
use super::header::{CampaignHeader, PartHeader};
use super::parts::{PartBody, PartsLayout};
use super::status::{Failure, Loading};
use crate::embed::{Embed, MountKind};
use leptos::prelude::*;
use std::sync::Arc;
use voix_core::i18n::Text;
use voix_core::Campaign;

#[component]
pub fn EmbedRoot(embed: Embed, kind: MountKind) -> impl IntoView {
    // Parts deep in the tree (the letter's data URL) read the embed from context.
    provide_context(embed.clone());
    let preferred = embed.preferred.clone();
    let fallback_lang = preferred.clone();
    let lang_attr = move || preferred.get().code();
    let content = move || {
        let loaded = embed.campaign.get();
        match loaded {
            None => view! { <Loading lang=Signal::from(fallback_lang.clone())/> }.into_any(),
            Some(Ok(campaign)) => view! { <Loaded embed=embed.clone() campaign kind/> }.into_any(),
            Some(Err(error)) => {
                let retry = error.can_retry().then(|| {
                    let embed = embed.clone();
                    Callback::new(move |_| embed.load())
                });
                let lang = Signal::from(embed.preferred.clone());
                view! { <Failure text=error.text() setup=error.is_setup_problem() lang retry/> }.into_any()
            }
        }
    };
    view! { <div class="voix" lang=lang_attr>{content}</div> }
}

/// A loaded campaign: the whole of it, or one part.
#[component]
fn Loaded(embed: Embed, campaign: Arc<Campaign>, kind: MountKind) -> impl IntoView {
    let lang = embed.language_for(&campaign);
    let preferred = embed.preferred.clone();
    // `admit` refused the campaign already when the tag names a partner it does not have.
    let partner = embed.partner.as_deref().and_then(|id| campaign.partner(id)).cloned();
    let body = match kind {
        MountKind::Whole => view! {
            <CampaignHeader campaign=campaign.clone() lang preferred/>
            <PartsLayout campaign=campaign.clone() lang/>
        }
        .into_any(),
        MountKind::Part(part) if campaign.has(part) => view! {
            <PartHeader campaign=campaign.clone() part lang preferred/>
            <PartBody campaign=campaign.clone() part lang/>
        }
        .into_any(),
        MountKind::Part(_) => view! { <Failure text=Text::ErrorPartOff setup=true lang retry=None/> }.into_any(),
        MountKind::UnknownPart => {
            view! { <Failure text=Text::ErrorUnknownPart setup=true lang retry=None/> }.into_any()
        }
    };
    view! {
        <div class="voix-campaign" lang=move || lang.get().code()>
            {body}
            <FinePrint campaign partner lang/>
        </div>
    }
}
