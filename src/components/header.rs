//! Headings: the campaign's (whole embed) or a part's (placeholder).

use super::lang_switch::LangSwitch;
use super::text::Loc;
use leptos::prelude::*;
use std::sync::Arc;
use voix_core::{Campaign, Lang, Part};

#[component]
pub fn CampaignHeader(campaign: Arc<Campaign>, lang: Signal<Lang>, preferred: ArcRwSignal<Lang>) -> impl IntoView {
    let (title, tagline) = (campaign.title.clone(), campaign.tagline.clone());
    view! {
        <div class="voix-header">
            <h2 class="voix-title"><Loc text=title.clone() lang/></h2>
            <LangSwitch offered=campaign.languages.clone() lang preferred/>
        </div>
        <p class="voix-tagline"><Loc text=tagline.clone() lang/></p>
    }
}

#[component]
pub fn PartHeader(
    campaign: Arc<Campaign>,
    part: Part,
    lang: Signal<Lang>,
    preferred: ArcRwSignal<Lang>,
) -> impl IntoView {
    view! {
        <div class="voix-header">
            <h2 class="voix-title">{move || part.title().get(lang.get())}</h2>
            <LangSwitch offered=campaign.languages.clone() lang preferred/>
        </div>
    }
}
