//! Finding the page's Voix script tags and placeholders, and mounting a widget for each.

use crate::components::EmbedRoot;
use crate::embed::{Embed, MountKind};
use crate::shadow;
use voix_core::embed::{assign, EmbedNode};
use voix_core::Part;
use wasm_bindgen::prelude::*;
use web_sys::{console, CssStyleSheet, Document, Element, HtmlScriptElement};

/// Marks a script tag that has been booted, so that a second boot (the module loaded again) does nothing.
const BOOTED: &str = "data-voix-booted";
/// Marks a placeholder that holds a mounted widget.
const MOUNTED: &str = "data-voix-mounted";
/// The element created after a script tag that has no placeholder.
const HOST_TAG: &str = "voix-campaign";
/// Where `voix serve` serves the riding and MP data.
const DATA_PATH: &str = "/data/canada.json";

/// Called by `voix.js` with its own URL (`import.meta.url`): mounts every embed whose script tag loads it.
/// Never throws into the host page: problems go to the console.
#[wasm_bindgen]
pub fn boot(module_url: &str) {
    #[cfg(feature = "debug-panics")]
    console_error_panic_hook::set_once();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Err(error) = boot_in(&document, module_url) {
        console::error_2(&"[voix] the widget could not start:".into(), &error);
    }
}

/// One script tag of this module, with its placeholders.
struct ScriptEmbed {
    script: HtmlScriptElement,
    campaign_url: Option<String>,
    placeholders: Vec<Element>,
}

/// Mounts the embeds of `document` whose script `src` resolves to `module_url`.
pub fn boot_in(document: &Document, module_url: &str) -> Result<(), JsValue> {
    let mut embeds: Vec<ScriptEmbed> = Vec::new();
    let mut placeholders: Vec<Element> = Vec::new();
    let mut nodes: Vec<EmbedNode> = Vec::new();
    let found = document.query_selector_all("script[src], [data-voix]")?;
    for i in 0..found.length() {
        let Some(element) = found.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
        if let Some(script) = element.dyn_ref::<HtmlScriptElement>() {
            if script.src() != module_url || script.has_attribute(BOOTED) {
                continue;
            }
            let campaign_url = script.get_attribute("data-campaign").and_then(|c| resolve(&c, module_url));
            nodes.push(EmbedNode::Script { campaign: campaign_url.clone().unwrap_or_default() });
            embeds.push(ScriptEmbed { script: script.clone(), campaign_url, placeholders: Vec::new() });
        } else if !element.has_attribute(MOUNTED) {
            let campaign = element.get_attribute("data-campaign").and_then(|c| resolve(&c, module_url));
            nodes.push(EmbedNode::Placeholder { campaign });
            placeholders.push(element);
        }
    }
    if embeds.is_empty() {
        return Ok(());
    }
    let mut placeholder_elements = placeholders.into_iter();
    for (node, owner) in nodes.iter().zip(assign(&nodes)) {
        if let EmbedNode::Placeholder { .. } = node {
            let Some(element) = placeholder_elements.next() else { break };
            match owner.and_then(|index| embeds.get_mut(index)) {
                Some(embed) => embed.placeholders.push(element),
                None => console::warn_2(
                    &"[voix] this placeholder's data-campaign matches no Voix script tag on the page:".into(),
                    &element,
                ),
            }
        }
    }
    // Campaign resources start loading before the first mount, so the async executor must run first.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let widget_sheet = shadow::widget_stylesheet()?;
    let preferences = language_preferences(document);
    for embed in embeds {
        embed.script.set_attribute(BOOTED, "")?;
        let mut tags = Vec::with_capacity(preferences.len() + 1);
        tags.extend(embed.script.get_attribute("data-lang"));
        tags.extend(preferences.iter().cloned());
        let theme_sheet = shadow::stylesheet("")?;
        let partner = embed.script.get_attribute("data-partner").filter(|p| !p.trim().is_empty());
        let shared = Embed::new(embed.campaign_url, partner, data_url(module_url), &tags, theme_sheet.clone());
        let sheets = [&widget_sheet, &theme_sheet];
        if embed.placeholders.is_empty() {
            let host = document.create_element(HOST_TAG)?;
            insert_after_script(document, &embed.script, &host)?;
            mount(&host, &sheets, shared, MountKind::Whole)?;
        } else {
            for placeholder in embed.placeholders {
                let value = placeholder.get_attribute("data-voix").unwrap_or_default();
                let kind = Part::from_attr(&value).map(MountKind::Part).unwrap_or_else(|| {
                    console::warn_1(
                        &format!("[voix] data-voix=\"{value}\" is not a part; use explainer, letter or petition")
                            .into(),
                    );
                    MountKind::UnknownPart
                });
                placeholder.set_attribute(MOUNTED, "")?;
                mount(&placeholder, &sheets, shared.clone(), kind)?;
            }
        }
    }
    Ok(())
}

/// Gives `host` a shadow root with the widget inside.
pub fn mount(host: &Element, sheets: &[&CssStyleSheet], embed: Embed, kind: MountKind) -> Result<(), JsValue> {
    let container = shadow::attach(host, sheets)?;
    leptos::mount::mount_to(container, move || leptos::view! { <EmbedRoot embed kind/> }).forget();
    Ok(())
}

/// The riding data lives on the Voix server that serves the script.
fn data_url(module_url: &str) -> String {
    web_sys::Url::new_with_base(DATA_PATH, module_url).map(|url| url.href()).unwrap_or_default()
}

/// `data-campaign` may be a full URL or a path on the Voix server (the script's origin).
fn resolve(reference: &str, module_url: &str) -> Option<String> {
    let reference = reference.trim();
    if reference.is_empty() {
        return None;
    }
    let origin_root = web_sys::Url::new_with_base("/", module_url).ok()?;
    web_sys::Url::new_with_base(reference, &origin_root.href()).ok().map(|url| url.href())
}

/// The whole campaign goes right after its script tag; a script in `<head>` cannot show anything there, so its
/// widget starts the `<body>` instead.
fn insert_after_script(document: &Document, script: &HtmlScriptElement, host: &Element) -> Result<(), JsValue> {
    let in_head = script.parent_element().is_some_and(|parent| parent.tag_name().eq_ignore_ascii_case("head"));
    match (in_head, document.body()) {
        (true, Some(body)) => body.prepend_with_node_1(host),
        _ => script.after_with_node_1(host),
    }
}

/// The host page's `<html lang>`, then the browser's languages.
fn language_preferences(document: &Document) -> Vec<String> {
    let mut tags: Vec<String> =
        document.document_element().map(|html| html.get_attribute("lang")).into_iter().flatten().collect();
    if let Some(navigator) = web_sys::window().map(|w| w.navigator()) {
        tags.extend(navigator.languages().iter().filter_map(|tag| tag.as_string()));
        tags.extend(navigator.language());
    }
    tags
}
