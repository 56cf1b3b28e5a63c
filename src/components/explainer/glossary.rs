//! The coalition's shared glossary, fetched only when the campaign asks for it. A failure is contained: the
//! explainer works with the campaign's own terms, and the console says why.

use crate::embed::Embed;
use crate::load::{fetch_text, FetchFailure};
use leptos::prelude::*;
use std::sync::Arc;
use voix_core::campaign::{Explainer, Term};
use voix_core::explainer::validate_glossary;

/// Starts fetching the shared glossary into `shared` when the explainer uses one.
pub fn fetch_shared(explainer: &Explainer, shared: RwSignal<Arc<Vec<Term>>>) {
    let Some(location) = explainer.shared_glossary.location() else { return };
    let base = use_context::<Embed>().and_then(|embed| embed.campaign_url);
    let url = match base {
        Some(base) => web_sys::Url::new_with_base(location, &base).map(|url| url.href()).ok(),
        None => web_sys::Url::new(location).map(|url| url.href()).ok(),
    };
    let Some(url) = url else {
        web_sys::console::warn_1(&format!("[voix] the shared glossary address \"{location}\" cannot be used").into());
        return;
    };
    leptos::task::spawn_local(async move {
        match fetch_text(&url).await {
            Ok(text) => {
                let check = validate_glossary(&text);
                match check.glossary {
                    Some(glossary) => shared.set(Arc::new(glossary.terms)),
                    None => {
                        let places = crate::load::places(&check.problems);
                        let check = "run `voix check --glossary FILE` on a campaign that uses it";
                        web_sys::console::warn_1(
                            &format!("[voix] the shared glossary {url} is not used; {check}:{places}").into(),
                        );
                    }
                }
            }
            Err(failure) => {
                let detail = match failure {
                    FetchFailure::Status(status) => format!("HTTP {status}"),
                    FetchFailure::Network(detail) => detail,
                };
                web_sys::console::warn_1(
                    &format!("[voix] the shared glossary {url} could not be loaded: {detail}").into(),
                );
            }
        }
    });
}
