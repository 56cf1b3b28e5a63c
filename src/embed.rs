//! One embed: a script tag's campaign, its partner and the reader's language, shared by all of its mounts
//! (the whole campaign, or one shadow root per placeholder).

use crate::load::{admit, fetch_campaign, LoadError, LoadResult};
use leptos::prelude::*;
use voix_core::lang::negotiate;
use voix_core::{Campaign, Lang, Part};

use web_sys::CssStyleSheet;

/// What one shadow root shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MountKind {
    /// Everything the campaign turns on, as tabs or sections (a script tag with no placeholder).
    Whole,
    /// One part, in a `<div data-voix="…">` placeholder.
    Part(Part),
    /// A placeholder whose `data-voix` names no part: shows a message for the webmaster.
    UnknownPart,
}

/// State shared by the mounts of one script tag. Cheap to clone: everything inside is reference-counted.
#[derive(Clone)]
pub struct Embed {
    /// The campaign's absolute URL (`None` when the script tag has no `data-campaign`).
    pub campaign_url: Option<String>,
    /// `data-partner`, if any.
    pub partner: Option<String>,
    /// The riding and MP data on the Voix server (fetched only when the letter step needs it).
    pub data_url: String,
    /// The language the reader asked for (attributes first, then the EN/FR switch).
    pub preferred: ArcRwSignal<Lang>,
    /// The campaign, fetched once for all mounts (`None` while it loads) and fetched again by "Try again".
    /// A signal filled by a task rather than a resource: Leptos's async resources bring a channel and thread
    /// machinery from std that one fetch does not need (the size budget).
    pub campaign: ArcRwSignal<Option<LoadResult>>,
    theme: CssStyleSheet,
    voix_origin: String,
}

impl Embed {
    /// `preferences` are language tags in priority order: `data-lang`, `<html lang>`, the browser's languages.
    /// `theme` is the embed's own stylesheet, filled with the campaign's colours once it loads.
    pub fn new(
        campaign_url: Option<String>,
        partner: Option<String>,
        data_url: String,
        preferences: &[String],
        theme: CssStyleSheet,
    ) -> Self {
        let preferred = ArcRwSignal::new(negotiate(preferences.iter().map(String::as_str), &Lang::ALL));
        // The data file is on the Voix server this widget came from: the one origin whose word on a campaign's
        // validity the widget takes (see `fetch_campaign`).
        let voix_origin = crate::load::origin_of(&data_url).unwrap_or_default();
        let embed =
            Embed { campaign_url, partner, data_url, preferred, campaign: ArcRwSignal::new(None), theme, voix_origin };
        embed.load();
        embed
    }

    /// Fetches the campaign (again), showing "Loading" meanwhile.
    pub fn load(&self) {
        self.campaign.set(None);
        let (url, theme, voix_origin, campaign, partner) = (
            self.campaign_url.clone(),
            self.theme.clone(),
            self.voix_origin.clone(),
            self.campaign.clone(),
            self.partner.clone(),
        );
        leptos::task::spawn_local(async move {
            let result = match url {
                Some(url) => fetch_campaign(&url, &voix_origin)
                    .await
                    .and_then(|fetched| admit(fetched, &voix_origin, partner.as_deref())),
                None => Err(LoadError::NoCampaignAttribute),
            };
            // Syncing with the outside world: the theme sheet the shadow roots adopt, and the console.
            match &result {
                Ok(campaign) => {
                    let _ = theme.replace_sync(&campaign.theme.host_css());
                }
                Err(error) => web_sys::console::error_1(&format!("[voix] {error}").into()),
            }
            campaign.set(Some(result));
        });
    }

    /// The language to show, reactively: the reader's choice if the campaign offers it, else the campaign's first.
    pub fn language_for(&self, campaign: &Campaign) -> Signal<Lang> {
        let (preferred, offered) = (self.preferred.clone(), campaign.languages.clone());
        Signal::derive(move || negotiate([preferred.get().code()], &offered))
    }
}
