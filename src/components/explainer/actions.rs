//! The action buttons after each layer of the explainer: "Write to your MP" and "Sign the petition" lead to those
//! parts (the tab, the section, or the part's own placeholder elsewhere on the page).

use crate::components::text::Tr;
use leptos::prelude::*;
use std::sync::Arc;
use voix_core::i18n::Text;
use voix_core::{Campaign, Lang, Part};
use wasm_bindgen::JsCast;
use web_sys::MouseEvent;

#[component]
pub fn Actions(campaign: Arc<Campaign>, lang: Signal<Lang>) -> impl IntoView {
    let parts: Vec<Part> = [Part::Letter, Part::Petition].into_iter().filter(|part| campaign.has(*part)).collect();
    if parts.is_empty() {
        return None;
    }
    let go_to = use_context::<Callback<Part>>();
    let buttons = parts
        .into_iter()
        .enumerate()
        .map(|(index, part)| {
            let class = if index == 0 { "voix-button" } else { "voix-button voix-button--secondary" };
            view! {
                <button type="button" class=class data-action=part.attr() on:click=move |event| go(event, part, go_to)>
                    <Tr text=part.title() lang/>
                </button>
            }
        })
        .collect_view();
    Some(view! {
        <div class="voix-actions" role="group" aria-label=move || Text::ExplainerActions.get(lang.get())>{buttons}</div>
    })
}

/// Selects the part's tab when the campaign shows tabs; otherwise brings the part's section (or its placeholder
/// on the page) into view and moves focus to its heading.
fn go(event: MouseEvent, part: Part, go_to: Option<Callback<Part>>) {
    if let Some(go_to) = go_to {
        go_to.run(part);
        return;
    }
    let target = event.current_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
    let root = target.map(|node| node.get_root_node());
    let heading = root
        .and_then(|root| root.dyn_into::<web_sys::ShadowRoot>().ok())
        .and_then(|shadow| shadow.get_element_by_id(&format!("voix-heading-{}", part.attr())));
    let element = heading.or_else(|| {
        let document = web_sys::window()?.document()?;
        document.query_selector(&format!("[data-voix=\"{}\"]", part.attr())).ok().flatten()
    });
    if let Some(element) = element {
        element.scroll_into_view();
        if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
            if !element.has_attribute("tabindex") {
                let _ = element.set_attribute("tabindex", "-1");
            }
            let _ = element.focus();
        }
    }
}
