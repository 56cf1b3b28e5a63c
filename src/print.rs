//! The postage-free printed letter. It prints from a window of its own: printing the partner's page would mean
//! restyling the page (the widget's CSS must not leak), and a separate document lays out as a proper letter.
//! The window's styles are a constructable stylesheet from `style/print.css`, so strict CSPs still work.

use voix_core::Lang;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element};

/// `style/print.css`, minified by build.rs.
const PRINT_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/print.css"));

/// A letter laid out for print: blocks of lines, top to bottom.
pub struct PrintDocument {
    pub lang: Lang,
    pub title: String,
    /// (CSS class, lines): sender address, date, recipient address, salutation, body paragraphs, signature…
    pub blocks: Vec<(&'static str, Vec<String>)>,
}

/// Opens the letter in a new window and asks the browser to print it. Returns the window (tests read it).
pub fn print_letter(letter: &PrintDocument) -> Result<web_sys::Window, JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let popup = window.open_with_url_and_target("", "_blank")?.ok_or("the print window was blocked")?;
    let document = popup.document().ok_or("the print window has no document")?;
    fill(&document, letter)?;
    adopt_print_styles(&popup, &document)?;
    // Let the new document lay out before the print dialog opens.
    let popup_for_print = popup.clone();
    let print = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = popup_for_print.print();
    });
    popup.set_timeout_with_callback_and_timeout_and_arguments_0(print.unchecked_ref(), 50)?;
    Ok(popup)
}

fn fill(document: &Document, letter: &PrintDocument) -> Result<(), JsValue> {
    let html = document.document_element().ok_or("no <html>")?;
    html.set_attribute("lang", letter.lang.code())?;
    document.set_title(&letter.title);
    let body = document.body().ok_or("no <body>")?;
    let page = document.create_element("main")?;
    page.set_class_name("letter");
    for (class, lines) in &letter.blocks {
        let block = document.create_element("div")?;
        block.set_class_name(class);
        for line in lines {
            let paragraph: Element = document.create_element("p")?;
            paragraph.set_text_content(Some(line));
            block.append_child(&paragraph)?;
        }
        page.append_child(&block)?;
    }
    body.append_child(&page)?;
    Ok(())
}

/// A stylesheet must be constructed in the realm of the document that adopts it. Objects of the print window's
/// realm fail `instanceof` checks against this realm's classes, hence the unchecked casts.
fn adopt_print_styles(popup: &web_sys::Window, document: &Document) -> Result<(), JsValue> {
    let constructor: js_sys::Function = js_sys::Reflect::get(popup, &"CSSStyleSheet".into())?.unchecked_into();
    let sheet: web_sys::CssStyleSheet =
        js_sys::Reflect::construct(&constructor, &js_sys::Array::new())?.unchecked_into();
    sheet.replace_sync(PRINT_CSS)?;
    document.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    Ok(())
}
