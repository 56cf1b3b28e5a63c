//! Copying text for the reader: the async Clipboard API, or the older select-and-copy where it is unavailable
//! (pages not served over https, older browsers).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Copies `text`; `Ok` means the browser accepted it.
pub async fn copy_text(text: &str) -> Result<(), ()> {
    let window = web_sys::window().ok_or(())?;
    let navigator = window.navigator();
    // `navigator.clipboard` is undefined outside secure contexts; check before calling into it.
    let has_clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).is_ok_and(|c| !c.is_undefined());
    if has_clipboard && JsFuture::from(navigator.clipboard().write_text(text)).await.is_ok() {
        return Ok(());
    }
    copy_by_selection(&window, text)
}

fn copy_by_selection(window: &web_sys::Window, text: &str) -> Result<(), ()> {
    let document: web_sys::HtmlDocument = window.document().ok_or(())?.dyn_into().map_err(|_| ())?;
    let body = document.body().ok_or(())?;
    let area: web_sys::HtmlTextAreaElement =
        document.create_element("textarea").map_err(|_| ())?.dyn_into().map_err(|_| ())?;
    area.set_value(text);
    area.set_read_only(true);
    // Off-screen through an attribute the host page cannot style away: `hidden` would make it uncopyable.
    let _ = area.set_attribute("aria-hidden", "true");
    let _ = area.set_attribute("tabindex", "-1");
    body.append_child(&area).map_err(|_| ())?;
    area.select();
    let copied = document.exec_command("copy").unwrap_or(false);
    area.remove();
    copied.then_some(()).ok_or(())
}
