//! A part's own stylesheet (`style/letter.css`, `style/petition.css`, minified by build.rs), adopted by the shadow
//! root the part is shown in when it first mounts: its rules travel with the part's chunk instead of the widget's
//! first load. Each part names its sheet (a `&'static str` in its own module), so its text stays in its chunk.

use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::CssStyleSheet;

pub const LETTER_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/letter.css"));
pub const PETITION_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/petition.css"));

thread_local! {
    /// One sheet per stylesheet text for every mount of the page (a constructable stylesheet can be adopted by
    /// several roots), found by the text's address.
    static SHEETS: RefCell<Vec<(usize, Option<CssStyleSheet>)>> = const { RefCell::new(Vec::new()) };
}

fn sheet_of(css: &'static str) -> Option<CssStyleSheet> {
    let key = css.as_ptr() as usize;
    SHEETS.with(|sheets| {
        let mut sheets = sheets.borrow_mut();
        if let Some((_, sheet)) = sheets.iter().find(|(known, _)| *known == key) {
            return sheet.clone();
        }
        let sheet = crate::shadow::stylesheet(css).ok();
        sheets.push((key, sheet.clone()));
        sheet
    })
}

/// Adds the stylesheet `css` to the shadow root that holds `node`, once. A part is built before it is inserted
/// (it is shown through a suspense), so this waits, a frame at a time, until it is in place.
pub fn adopt_beside(node: web_sys::Node, css: &'static str) {
    let Some(sheet) = sheet_of(css) else { return };
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
