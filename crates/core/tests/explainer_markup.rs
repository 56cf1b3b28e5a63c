//! The explainer's markup against XSS payloads: every payload stays text (no link to anything but https:// or
//! mailto:, nothing but text, emphasis and safe links in the tree), and validation refuses it, so the organiser
//! hears about it.

mod common;

use voix_core::explainer::markup::{is_safe_href, parse, plain_hazards, visible_text, Block, Inline};
use voix_core::{validate_campaign, Lang};

const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<img src=x onError = alert(1)>",
    "<svg/onload=alert(1)>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<a href=\"javascript:alert(1)\">click</a>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click]( javascript:alert(1) )",
    "[click](java\tscript:alert(1))",
    "[click](java&#x09;script:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](javascript&colon;alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](DATA:text/html,<script>alert(1)</script>)",
    "[click](vbscript:msgbox(1))",
    "[click](VBScript:msgbox(1))",
    "[click](//evil.example/)",
    "[click](http://evil.example/)",
    "[click](https://ok.example/\"onmouseover=\"alert(1))",
    "[[nested](javascript:alert(1))](https://ok.example)",
    "[x]([y](javascript:alert(1)))",
    "<!-- hidden --> text",
    "<!--<script>alert(1)</script>-->",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<div style=\"background:url(javascript:alert(1))\">",
    "text onmouseover=alert(1) more",
    "<body onload=alert(1)>",
    "<math><mtext></mtext><mglyph><style><img src=x onerror=alert(1)></style></mglyph></math>",
    "</p><script>alert(1)</script><p>",
    "<<script>script>alert(1)<</script>/script>",
    "*<script>*alert(1)",
    "**[x](javascript:alert(1))**",
];

/// Every link in the parsed text, and whether anything other than text and safe links came out.
fn links(blocks: &[Block]) -> Vec<String> {
    let mut hrefs = Vec::new();
    for block in blocks {
        for unit in block.units() {
            for inline in unit {
                if let Inline::Link { href, .. } = inline {
                    hrefs.push(href.clone());
                }
            }
        }
    }
    hrefs
}

#[test]
fn every_payload_is_inert_text_and_reported() {
    for payload in PAYLOADS {
        let markup = parse(payload);
        assert!(!markup.hazards.is_empty(), "no hazard reported for {payload:?}");
        for href in links(&markup.blocks) {
            assert!(is_safe_href(&href), "unsafe link {href:?} from {payload:?}");
            assert!(href.starts_with("https://"), "{href:?} from {payload:?}");
        }
        // What the reader sees keeps the payload's characters as text (nothing is dropped or interpreted).
        let seen: String = markup.blocks.iter().flat_map(|b| b.units()).map(visible_text).collect();
        for dangerous in ["<script", "onerror", "javascript:", "&#106;"] {
            if payload.to_ascii_lowercase().contains(dangerous) && !payload.contains("](") {
                assert!(seen.to_ascii_lowercase().contains(dangerous), "{payload:?} lost {dangerous:?}: {seen:?}");
            }
        }
    }
}

#[test]
fn safe_markup_is_not_a_hazard() {
    for text in [
        "A *plain* text with **strong** words and a [link](https://example.org/a?b=c#d).",
        "- one\n- two\n\n1. first\n2. second",
        "Write to [the office](mailto:office@example.org).",
        "2 < 3 and 5 > 4; R&D; x = on = off; a data: point; on the record.",
        "Ligue des droits et libertés : l'accès légal « aujourd'hui ».",
    ] {
        let markup = parse(text);
        assert_eq!(markup.hazards, [], "{text:?}");
    }
}

#[test]
fn links_only_to_safe_addresses() {
    for (href, safe) in [
        ("https://example.org", true),
        ("mailto:a@example.org", true),
        ("http://localhost:8080/x", true),
        ("http://example.org", false),
        ("javascript:alert(1)", false),
        ("JAVASCRIPT:alert(1)", false),
        ("data:text/html,x", false),
        ("vbscript:x", false),
        ("/relative", false),
        ("//evil.example", false),
        ("https://ex ample.org", false),
        ("https://example.org\"onclick", false),
        ("mailto:", false),
    ] {
        assert_eq!(is_safe_href(href), safe, "{href}");
    }
}

fn campaign_with_explainer(explainer: &str) -> String {
    let explainer: serde_json::Value = serde_json::from_str(explainer).expect("explainer JSON");
    common::campaign(serde_json::json!({"explainer": explainer})).to_string()
}

#[test]
fn validation_refuses_every_payload_in_every_text() {
    for payload in PAYLOADS {
        let text = serde_json::to_string(payload).expect("json string");
        // Texts shown as is never make links: there a link to a plain web page is just text, and harmless.
        let harmless_as_plain = plain_hazards(payload).is_empty();
        if harmless_as_plain {
            assert!(payload.starts_with("[click](") && !payload.contains("script"), "{payload:?}");
        }
        let markup_texts = [
            format!(r#"{{"summary": {{"en": "S.", "fr": "S."}}, "what_it_means": {{"en": "Fine.", "fr": {text}}}}}"#),
            format!(
                r#"{{"summary": {{"en": "S.", "fr": "S."}}, "details": [{{"title": {{"en": "T", "fr": "T"}}, "body": {{"en": {text}, "fr": "B."}}}}]}}"#
            ),
        ];
        let plain_texts = [
            format!(r#"{{"summary": {{"en": {text}, "fr": "Résumé."}}}}"#),
            format!(
                r#"{{"summary": {{"en": "S.", "fr": "S."}}, "faq": [{{"question": {{"en": {text}, "fr": "Q ?"}}, "answer": {{"en": "A.", "fr": "R."}}}}]}}"#
            ),
            format!(
                r#"{{"summary": {{"en": "S.", "fr": "S."}}, "timeline": [{{"date": "2026", "what": {{"en": "W.", "fr": {text}}}}}]}}"#
            ),
        ];
        let plain = plain_texts.iter().filter(|_| !harmless_as_plain);
        for explainer in markup_texts.iter().chain(plain) {
            let validation = validate_campaign(&campaign_with_explainer(explainer), None);
            assert!(!validation.is_valid(), "{payload:?} accepted in {explainer}");
            assert!(
                validation.errors().any(|p| p.path.starts_with("explainer.")),
                "{payload:?}: {:?}",
                validation.problems.iter().map(|p| p.describe(Lang::En)).collect::<Vec<_>>()
            );
        }
    }
}
