//! Shadow roots with the widget's stylesheet adopted (no `<style>` element and no `style=` attribute, so pages
//! with a strict Content-Security-Policy work).

use wasm_bindgen::JsValue;
use web_sys::{CssStyleSheet, Element, HtmlElement, ShadowRootInit, ShadowRootMode};

/// The widget's styles, from `style/voix.css`, minified by build.rs.
const WIDGET_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/voix.css"));

/// A constructable stylesheet holding `css`.
pub fn stylesheet(css: &str) -> Result<CssStyleSheet, JsValue> {
    let sheet = CssStyleSheet::new()?;
    sheet.replace_sync(css)?;
    Ok(sheet)
}

pub fn widget_stylesheet() -> Result<CssStyleSheet, JsValue> {
    stylesheet(WIDGET_CSS)
}

/// Attaches an open shadow root to `host`, adopts `sheets` and returns the element to mount views into.
pub fn attach(host: &Element, sheets: &[&CssStyleSheet]) -> Result<HtmlElement, JsValue> {
    let root = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?;
    let adopted = js_sys::Array::new();
    for sheet in sheets {
        adopted.push(sheet);
    }
    root.set_adopted_style_sheets(&adopted);
    let document = host.owner_document().ok_or_else(|| JsValue::from_str("host has no document"))?;
    let container: HtmlElement = wasm_bindgen::JsCast::unchecked_into(document.create_element("div")?);
    container.set_class_name("voix-mount");
    root.append_child(&container)?;
    Ok(container)
}
