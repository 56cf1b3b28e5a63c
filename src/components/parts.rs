//! The campaign's parts, as tabs or sections, and each part's content.

use super::split::SplitPart;
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;
use voix_core::campaign::Layout;
use voix_core::i18n::Text;
use voix_core::{Campaign, Lang, Part};
use web_sys::KeyboardEvent;

/// Every part the campaign turns on: tabs (one panel at a time) or sections, as the campaign's theme says.
#[component]
pub fn PartsLayout(campaign: Arc<Campaign>, lang: Signal<Lang>) -> impl IntoView {
    let parts = campaign.parts();
    if parts.len() > 1 && campaign.theme.layout == Layout::Tabs {
        view! { <PartTabs campaign parts lang/> }.into_any()
    } else {
        let sections = parts
            .into_iter()
            .map(|part| {
                view! {
                    <section class="voix-section" aria-labelledby=format!("voix-heading-{}", part.attr())>
                        <h3 id=format!("voix-heading-{}", part.attr())>{move || part.title().get(lang.get())}</h3>
                        <PartBody campaign=campaign.clone() part lang/>
                    </section>
                }
            })
            .collect_view();
        view! { <div class="voix-sections">{sections}</div> }.into_any()
    }
}

/// The WAI-ARIA tabs pattern: arrow keys, Home and End move between tabs; only the selected tab is in the
/// tab order; each panel is labelled by its tab.
#[component]
fn PartTabs(campaign: Arc<Campaign>, parts: Vec<Part>, lang: Signal<Lang>) -> impl IntoView {
    let selected = RwSignal::new(0usize);
    // A panel renders when its tab is first selected, then stays (what is typed in it is kept): the letter's and
    // the petition's code is only fetched if the reader opens them.
    let opened: Vec<RwSignal<bool>> = (0..parts.len()).map(|index| RwSignal::new(index == 0)).collect();
    let select = {
        let opened = opened.clone();
        move |index: usize| {
            selected.set(index);
            if let Some(opened) = opened.get(index).filter(|opened| !opened.get_untracked()) {
                opened.set(true);
            }
        }
    };
    let tab_refs: Vec<NodeRef<html::Button>> = parts.iter().map(|_| NodeRef::new()).collect();
    let count = parts.len();
    let focus_tab = {
        let tab_refs = tab_refs.clone();
        let select = select.clone();
        move |index: usize| {
            select(index);
            if let Some(button) = tab_refs.get(index).and_then(|r| r.get()) {
                let _ = button.focus();
            }
        }
    };
    // "Sign the petition" after a letter: selects that part's tab.
    let index_of = parts.clone();
    let focus_tab_keys = focus_tab.clone();
    provide_context(Callback::new(move |part: Part| {
        if let Some(index) = index_of.iter().position(|p| *p == part) {
            focus_tab(index);
        }
    }));
    let on_keydown = move |event: KeyboardEvent| {
        let current = selected.get_untracked();
        let next = match event.key().as_str() {
            "ArrowRight" => (current + 1) % count,
            "ArrowLeft" => (current + count - 1) % count,
            "Home" => 0,
            "End" => count - 1,
            _ => return,
        };
        event.prevent_default();
        focus_tab_keys(next);
    };
    let tabs = parts
        .iter()
        .enumerate()
        .map(|(index, part)| {
            let part = *part;
            let is_selected = move || selected.get() == index;
            view! {
                <button
                    type="button"
                    role="tab"
                    class="voix-tab"
                    id=format!("voix-tab-{}", part.attr())
                    aria-controls=format!("voix-panel-{}", part.attr())
                    aria-selected=move || is_selected().to_string()
                    tabindex=move || if is_selected() { "0" } else { "-1" }
                    node_ref=tab_refs[index]
                    on:click={
                        let select = select.clone();
                        move |_| select(index)
                    }
                >
                    {move || part.tab_label().get(lang.get())}
                </button>
            }
        })
        .collect_view();
    let panels = parts
        .iter()
        .enumerate()
        .map(|(index, part)| {
            let part = *part;
            view! {
                <div
                    role="tabpanel"
                    class="voix-panel"
                    id=format!("voix-panel-{}", part.attr())
                    aria-labelledby=format!("voix-tab-{}", part.attr())
                    tabindex="0"
                    hidden=move || selected.get() != index
                >
                    <h3>{move || part.title().get(lang.get())}</h3>
                    {
                        let campaign = campaign.clone();
                        let opened = opened[index];
                        move || opened.get().then(|| view! { <PartBody campaign=campaign.clone() part lang/> })
                    }
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="voix-tabs">
            <div role="tablist" class="voix-tablist" aria-label=move || Text::PartsNav.get(lang.get()) on:keydown=on_keydown>
                {tabs}
            </div>
            {panels}
        </div>
    }
}

/// One part's content. The letter and the petition come from their own wasm chunks (see `split`).
#[component]
pub fn PartBody(campaign: Arc<Campaign>, part: Part, lang: Signal<Lang>) -> impl IntoView {
    match part {
        Part::Explainer => campaign.explainer.clone().map(|explainer| {
            view! { <super::explainer::ExplainerPart campaign=campaign.clone() explainer lang/> }.into_any()
        }),
        Part::Letter | Part::Petition => {
            campaign.has(part).then(|| view! { <SplitPart campaign part lang/> }.into_any())
        }
    }
}
