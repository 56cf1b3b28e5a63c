//! Browser tests of the widget (wasm-bindgen-test in headless Chromium): mounting in shadow roots, language
//! choice and switch, error states, placeholders, and embeds that do not interfere.
//! Campaigns are served as `data:` URLs (and a real 404 from the test server), so no other server is needed.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Document, Element, HtmlElement, KeyboardEvent, KeyboardEventInit, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

const CAMPAIGN: &str = include_str!("../campaigns/lawful-access.json");

fn document() -> Document {
    web_sys::window().and_then(|w| w.document()).expect("a document")
}

fn data_url(json: &str) -> String {
    format!("data:application/json;charset=utf-8,{}", String::from(js_sys::encode_uri_component(json)))
}

/// A test page fragment: `html` goes into a fresh container; the script tags in it use `module` as their src.
/// Scripts get a type the browser does not run, so nothing is fetched; `boot_in` is called directly.
struct Page {
    container: Element,
    module: String,
}

impl Page {
    fn new(name: &str, html: &str) -> Page {
        // The widget served from the page's own origin, as the Voix server's demo page is: campaigns run there
        // without a partner listing (`Campaign::check_site`).
        let origin = web_sys::window().and_then(|w| w.location().origin().ok()).expect("the page's origin");
        let module = format!("{origin}/{name}/voix.js");
        let container = document().create_element("div").expect("div");
        container.set_inner_html(&html.replace("MODULE", &module));
        document().body().expect("body").append_child(&container).expect("append");
        Page { container, module }
    }

    fn boot(&self) {
        voix_widget::boot_in(&document(), &self.module).expect("boot");
    }

    fn hosts(&self, selector: &str) -> Vec<Element> {
        let list = self.container.query_selector_all(selector).expect("query");
        (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
    }

    fn shadow(&self, selector: &str) -> ShadowRoot {
        self.hosts(selector).first().and_then(Element::shadow_root).expect("an open shadow root")
    }
}

impl Drop for Page {
    fn drop(&mut self) {
        self.container.remove();
    }
}

fn text(root: &ShadowRoot, selector: &str) -> Option<String> {
    root.query_selector(selector).ok().flatten().and_then(|e| e.text_content())
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().expect("window").set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = JsFuture::from(promise).await;
}

/// Waits until `selector` has text in the shadow root (the campaign loads asynchronously).
async fn wait_for_text(root: &ShadowRoot, selector: &str) -> String {
    for _ in 0..200 {
        if let Some(found) = text(root, selector).filter(|t| !t.is_empty()) {
            return found;
        }
        sleep(20).await;
    }
    panic!("nothing matched {selector}; shadow root holds: {}", root.inner_html());
}

fn click(root: &ShadowRoot, selector: &str) {
    let element: HtmlElement = root.query_selector(selector).ok().flatten().expect(selector).unchecked_into();
    element.click();
}

fn campaign_script(campaign: &str, extra: &str) -> String {
    format!(r#"<script type="text/x-voix-test" src="MODULE" data-campaign="{campaign}" {extra}></script>"#)
}

#[wasm_bindgen_test]
async fn mounts_the_whole_campaign_in_a_shadow_root_after_the_script() {
    let page = Page::new(
        "whole",
        &format!("{}<p id=after>after</p>", campaign_script(&data_url(CAMPAIGN), "data-lang=\"en\"")),
    );
    page.boot();
    let host = page.hosts("voix-campaign").pop().expect("a host element");
    let next = page.hosts("script").pop().and_then(|s| s.next_element_sibling()).expect("a sibling");
    assert_eq!(next.tag_name().to_lowercase(), "voix-campaign", "the widget follows its script tag");
    let root = host.shadow_root().expect("open shadow root");
    assert_eq!(wait_for_text(&root, ".voix-title").await, "Stop Bill C-22, the lawful access bill");
    assert_eq!(root.adopted_style_sheets().length(), 2, "widget sheet + theme sheet");
    assert!(root.query_selector("style, [style]").expect("query").is_none(), "no inline style anywhere");
    assert_eq!(root.query_selector_all("[role=tab]").expect("tabs").length(), 3);
}

#[wasm_bindgen_test]
async fn data_lang_wins_and_the_switch_changes_language() {
    let page = Page::new("lang", &campaign_script(&data_url(CAMPAIGN), "data-lang=\"fr\""));
    page.boot();
    let root = page.shadow("voix-campaign");
    assert_eq!(wait_for_text(&root, ".voix-title").await, "Stoppons le projet de loi C-22 sur l'accès légal");
    assert_eq!(
        root.query_selector(".voix-campaign").ok().flatten().and_then(|e| e.get_attribute("lang")),
        Some("fr".into())
    );
    click(&root, ".voix-lang-option[lang=en]");
    sleep(30).await;
    assert_eq!(text(&root, ".voix-title").as_deref(), Some("Stop Bill C-22, the lawful access bill"));
    let pressed =
        root.query_selector(".voix-lang-option[aria-pressed=true]").ok().flatten().and_then(|e| e.text_content());
    assert_eq!(pressed.as_deref(), Some("English"));
}

#[wasm_bindgen_test]
async fn without_data_lang_the_page_language_is_used() {
    let html = document().document_element().expect("html");
    let before = html.get_attribute("lang");
    html.set_attribute("lang", "fr-CA").expect("lang");
    let page = Page::new("htmllang", &campaign_script(&data_url(CAMPAIGN), ""));
    page.boot();
    let root = page.shadow("voix-campaign");
    let title = wait_for_text(&root, ".voix-title").await;
    match before {
        Some(lang) => html.set_attribute("lang", &lang).expect("restore"),
        None => html.remove_attribute("lang").expect("restore"),
    }
    assert_eq!(title, "Stoppons le projet de loi C-22 sur l'accès légal");
}

#[wasm_bindgen_test]
async fn a_missing_campaign_shows_the_not_found_message() {
    // data-campaign resolves against the script's origin; the test server's own origin answers 404.
    let origin = web_sys::window().expect("window").location().origin().expect("origin");
    let page = Page::new("missing", &campaign_script(&format!("{origin}/no-such-campaign.json"), "data-lang=\"en\""));
    page.boot();
    let root = page.shadow("voix-campaign");
    let message = wait_for_text(&root, "[role=alert] p").await;
    assert_eq!(message, "This campaign could not be found. It may have ended or moved.");
}

#[wasm_bindgen_test]
async fn broken_json_and_invalid_campaigns_show_their_messages() {
    let broken = data_url("{\"schema\": ");
    let invalid = data_url(&CAMPAIGN.replace("\"fr\": \"Stoppons", "\"de\": \"Stoppons"));
    let html =
        format!("{}{}", campaign_script(&broken, "data-lang=\"fr\""), campaign_script(&invalid, "data-lang=\"en\""));
    let page = Page::new("broken", &html);
    page.boot();
    let hosts = page.hosts("voix-campaign");
    assert_eq!(hosts.len(), 2);
    let (first, second) = (hosts[0].shadow_root().expect("root"), hosts[1].shadow_root().expect("root"));
    assert_eq!(
        wait_for_text(&first, "[role=alert] p").await,
        "Le fichier de cette campagne est endommagé\u{a0}; elle ne peut pas être affichée."
    );
    assert_eq!(
        wait_for_text(&second, "[role=alert] p").await,
        "This campaign has errors in its settings, so it cannot be shown."
    );
    assert!(text(&second, "[role=alert]").unwrap_or_default().contains("browser console"));
}

#[wasm_bindgen_test]
async fn a_script_without_data_campaign_explains_itself() {
    let page = Page::new("noattr", r#"<script type="text/x-voix-test" src="MODULE" data-lang="en"></script>"#);
    page.boot();
    let root = page.shadow("voix-campaign");
    assert_eq!(wait_for_text(&root, "[role=alert] p").await, "The Voix script tag has no data-campaign attribute.");
}

#[wasm_bindgen_test]
async fn placeholders_each_get_their_part_and_share_the_language() {
    let html = format!(
        r#"<div data-voix="petition" id=p></div>{}<div data-voix="explainer" id=e></div><div data-voix="petiton" id=u></div>"#,
        campaign_script(&data_url(CAMPAIGN), "data-lang=\"en\"")
    );
    let page = Page::new("slots", &html);
    page.boot();
    assert!(page.hosts("voix-campaign").is_empty(), "with placeholders, nothing is added after the script");
    let (petition, explainer, unknown) = (page.shadow("#p"), page.shadow("#e"), page.shadow("#u"));
    assert_eq!(wait_for_text(&petition, ".voix-title").await, "Sign the petition");
    assert_eq!(wait_for_text(&explainer, ".voix-title").await, "Understand the issue");
    assert!(wait_for_text(&petition, ".voix-goal").await.contains("10,000"));
    assert!(wait_for_text(&unknown, "[role=alert] p").await.contains("unknown part"));
    click(&petition, ".voix-lang-option[lang=fr]");
    sleep(30).await;
    assert_eq!(text(&explainer, ".voix-title").as_deref(), Some("Comprendre l'enjeu"), "one switch, every part");
    assert!(text(&petition, ".voix-goal").unwrap_or_default().contains("10\u{202f}000"));
}

#[wasm_bindgen_test]
async fn two_embeds_on_one_page_are_independent() {
    let other = CAMPAIGN.replace("\"layout\": \"tabs\"", "\"layout\": \"sections\"");
    let html = format!(
        "{}<hr>{}",
        campaign_script(&data_url(CAMPAIGN), "data-lang=\"en\""),
        campaign_script(&data_url(&other), "data-lang=\"en\"")
    );
    let page = Page::new("two", &html);
    page.boot();
    let hosts = page.hosts("voix-campaign");
    assert_eq!(hosts.len(), 2, "one widget per script tag");
    let (first, second) = (hosts[0].shadow_root().expect("root"), hosts[1].shadow_root().expect("root"));
    wait_for_text(&first, ".voix-title").await;
    wait_for_text(&second, ".voix-title").await;
    assert!(first.query_selector("[role=tablist]").expect("q").is_some());
    assert!(second.query_selector("[role=tablist]").expect("q").is_none(), "the second campaign uses sections");
    click(&first, ".voix-lang-option[lang=fr]");
    sleep(30).await;
    assert_eq!(text(&first, ".voix-title").as_deref(), Some("Stoppons le projet de loi C-22 sur l'accès légal"));
    assert_eq!(text(&second, ".voix-title").as_deref(), Some("Stop Bill C-22, the lawful access bill"));
    // Booting again (the module evaluated twice) mounts nothing new.
    page.boot();
    assert_eq!(page.hosts("voix-campaign").len(), 2);
}

#[wasm_bindgen_test]
async fn tabs_follow_the_keyboard() {
    let page = Page::new("tabs", &campaign_script(&data_url(CAMPAIGN), "data-lang=\"en\""));
    page.boot();
    let root = page.shadow("voix-campaign");
    wait_for_text(&root, ".voix-title").await;
    let init = KeyboardEventInit::new();
    init.set_key("ArrowRight");
    init.set_bubbles(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    let first_tab = root.query_selector("[role=tab]").ok().flatten().expect("tab");
    first_tab.dispatch_event(&event).expect("dispatch");
    sleep(30).await;
    let selected = root.query_selector("[role=tab][aria-selected=true]").ok().flatten().expect("a selected tab");
    assert_eq!(selected.id(), "voix-tab-letter");
    assert_eq!(selected.get_attribute("tabindex").as_deref(), Some("0"));
    let visible_panel = root.query_selector("[role=tabpanel]:not([hidden])").ok().flatten().expect("a panel");
    assert_eq!(visible_panel.id(), "voix-panel-letter");
    let active = root.active_element().map(|e| e.id());
    assert_eq!(active.as_deref(), Some("voix-tab-letter"), "focus moves with the selection");
}

/// The explainer's glossary terms are disclosure buttons: a click flips `aria-expanded` and shows the definition,
/// Escape closes it. (The campaign asks for the shared glossary, which a `data:` campaign cannot reach: the
/// campaign's own terms still work.)
#[wasm_bindgen_test]
async fn explainer_terms_disclose_their_definition() {
    let page = Page::new("terms", &campaign_script(&data_url(CAMPAIGN), "data-lang=\"en\""));
    page.boot();
    let root = page.shadow("voix-campaign");
    wait_for_text(&root, ".voix-explainer .voix-summary").await;
    let details: Vec<Element> = (0..root.query_selector_all("details").expect("details").length())
        .filter_map(|i| root.query_selector_all("details").ok()?.item(i)?.dyn_into().ok())
        .collect();
    assert!(details.len() >= 4, "details and questions");
    let button: HtmlElement = root
        .query_selector(".voix-term__button[data-term=\"core-provider\"]")
        .ok()
        .flatten()
        .expect("the campaign's own term, marked")
        .unchecked_into();
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("false"));
    let definition_id = button.get_attribute("aria-controls").expect("aria-controls");
    let definition = root.get_element_by_id(&definition_id).expect("the definition");
    assert!(definition.has_attribute("hidden"));
    button.click();
    sleep(20).await;
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert!(!definition.has_attribute("hidden"));
    assert!(definition.text_content().unwrap_or_default().contains("phone, internet and app companies"));
    let init = KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let escape = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    button.dispatch_event(&escape).expect("dispatch");
    sleep(20).await;
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert!(definition.has_attribute("hidden"));
    // Nothing was inserted as HTML: no script, no inline style.
    assert!(root.query_selector("script, [style]").expect("query").is_none());
}

/// The build script's minifier (build/css.rs), for the tricky cases below.
#[path = "../build/css.rs"]
mod css;

/// The browser's reading of a stylesheet: each rule as the CSSOM serialises it (nested rules included). A value
/// with `var()` is kept as written, so spaces next to its commas and brackets (which mean nothing) are dropped.
fn css_rules(css: &str) -> Vec<String> {
    let sheet = web_sys::CssStyleSheet::new().expect("a stylesheet");
    sheet.replace_sync(css).expect("the CSS parses");
    let rules = sheet.css_rules().expect("readable rules");
    (0..rules.length()).filter_map(|i| rules.item(i)).map(|rule| without_spaces_in_lists(&rule.css_text())).collect()
}

fn without_spaces_in_lists(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.clone().find(|c| *c != ' ');
        let dropped = c == ' ' && (out.ends_with([',', '(']) || matches!(next, Some(',' | ')')));
        if !dropped {
            out.push(c);
        }
    }
    out
}

/// `css` with comments and every whitespace outside strings removed, and no `;` before `}`: what minifying may
/// not change.
fn without_layout(css: &str) -> String {
    let mut out = String::new();
    let mut chars = css.chars().peekable();
    let mut quote = None;
    while let Some(c) = chars.next() {
        match quote {
            Some(q) => {
                out.push(c);
                if c == '\\' {
                    out.extend(chars.next());
                } else if c == q {
                    quote = None;
                }
            }
            None if c == '/' && chars.peek() == Some(&'*') => {
                chars.next();
                let mut star = false;
                for c in chars.by_ref() {
                    if star && c == '/' {
                        break;
                    }
                    star = c == '*';
                }
            }
            None if c.is_whitespace() => {}
            None => {
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                if c == '"' || c == '\'' {
                    quote = Some(c);
                }
                out.push(c);
            }
        }
    }
    out
}

#[wasm_bindgen_test]
fn minified_stylesheets_have_the_same_rules() {
    let sheets = [
        (include_str!("../style/voix.css"), include_str!(concat!(env!("OUT_DIR"), "/voix.css"))),
        (include_str!("../style/print.css"), include_str!(concat!(env!("OUT_DIR"), "/print.css"))),
    ];
    for (original, minified) in sheets {
        assert!(minified.len() < original.len() * 3 / 4, "comments and layout are gone");
        assert_eq!(without_layout(minified), without_layout(original), "only whitespace and comments differ");
        let rules = css_rules(original);
        assert!(rules.len() > 10, "the whole sheet is read");
        assert_eq!(css_rules(minified), rules);
    }
}

#[wasm_bindgen_test]
fn the_minifier_keeps_strings_urls_and_meaningful_spaces() {
    let tricky = r#"
        /* a comment */ .voix :focus-visible , .a > .b{ outline : 3px solid var( --x , red ) !important ; }
        .c::after { content: "/* not a comment */  ;}" ; }
        .d { background: url(data:image/svg+xml;utf8,a/*b*/c) ; width: calc( 1em + 2px ); }
        .e :is( .f , .g ) .h{ color: red }
        @media screen and (max-width: 30em) { .i { margin: 0 auto } }
        .j/**/.k { font-family: "Segoe UI", 'Helvetica Neue' , sans-serif }
    "#;
    let minified = css::minify(tricky);
    assert!(minified.contains(r#"content:"/* not a comment */  ;}""#), "{minified}");
    assert!(minified.contains("url(data:image/svg+xml;utf8,a/*b*/c)"), "{minified}");
    assert!(minified.contains(".voix :focus-visible,.a>.b{"), "{minified}");
    assert!(minified.contains("calc(1em + 2px)"), "{minified}");
    assert!(minified.contains("@media screen and (max-width:30em){"), "{minified}");
    assert!(!minified.contains(".j .k"), "a comment is not a space: {minified}");
    assert_eq!(css_rules(&minified), css_rules(tricky));
}
