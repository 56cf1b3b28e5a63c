//! The letter's own stylesheet (`style/letter.css`, minified by build.rs), adopted by the shadow root the letter is
//! shown in when it first mounts: its rules travel with the letter's chunk instead of the widget's first load.

use std::cell::OnceCell;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::CssStyleSheet;

const LETTER_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/letter.css"));

thread_local! {
    /// One sheet for every mount of the page (a constructable stylesheet can be adopted by several roots).
    static SHEET: OnceCell<Option<CssStyleSheet>> = const { OnceCell::new() };
}

/// Adds the letter's stylesheet to the shadow root that holds `node`, once. The letter is built before it is
/// inserted (its part is shown through a suspense), so this waits, a frame at a time, until it is in place.
pub fn adopt_beside(node: web_sys::Node) {
    let Some(sheet) = SHEET.with(|cell| cell.get_or_init(|| crate::shadow::stylesheet(LETTER_CSS).ok()).clone()) else {
        return;
    };
    let sheet = JsValue::from(sheet);
    leptos::task::spawn_local(async move {
        for _ in 0..120 {
            if let Some(shadow) = node.get_root_node().dyn_ref::<web_sys::ShadowRoot>() {
                let adopted = shadow.adopted_style_sheets();
                if !adopted.iter().any(|adopted| adopted == sheet) {
                    adopted.push(&sheet);
                    shadow.set_adopted_style_sheets(&adopted);
                }
                return;
            }
            crate::load::sleep_ms(16).await;
        }
    });
}
