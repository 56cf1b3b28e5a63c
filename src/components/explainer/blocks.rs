//! The explainer's markup tree as DOM: paragraphs, lists, emphasis, checked links, and glossary terms. Every
//! string becomes a text node.

use super::term::TermButton;
use leptos::prelude::*;
use voix_core::explainer::markup::{Block, Inline, Span};
use voix_core::i18n::Text;
use voix_core::Lang;

#[component]
pub fn Blocks(blocks: Vec<Block>, lang: Lang) -> impl IntoView {
    blocks
        .into_iter()
        .map(|block| match block {
            Block::Paragraph(inlines) => view! { <p><Inlines inlines lang/></p> }.into_any(),
            Block::Bullets(items) => {
                let items = items.into_iter().map(|inlines| view! { <li><Inlines inlines lang/></li> }).collect_view();
                view! { <ul>{items}</ul> }.into_any()
            }
            Block::Numbered { start, items } => {
                let items = items.into_iter().map(|inlines| view! { <li><Inlines inlines lang/></li> }).collect_view();
                view! { <ol start=start.to_string()>{items}</ol> }.into_any()
            }
        })
        .collect_view()
}

#[component]
pub fn Inlines(inlines: Vec<Inline>, lang: Lang) -> impl IntoView {
    inlines
        .into_iter()
        .map(|inline| match inline {
            Inline::Text(span) => styled(span),
            Inline::Link { href, text } => {
                let text = text.into_iter().map(styled).collect_view();
                view! {
                    <a href=href target="_blank" rel="noopener noreferrer">
                        {text}
                        <span class="voix-sr-only">" " {Text::OpensInNewTab.get(lang)}</span>
                    </a>
                }
                .into_any()
            }
            Inline::Term { id, text } => view! { <TermButton id text lang/> }.into_any(),
        })
        .collect_view()
}

/// A run of text with its emphasis.
pub fn styled(span: Span) -> AnyView {
    match (span.emphasis, span.strong) {
        (false, false) => span.text.into_any(),
        (true, false) => view! { <em>{span.text}</em> }.into_any(),
        (false, true) => view! { <strong>{span.text}</strong> }.into_any(),
        (true, true) => view! { <strong><em>{span.text}</em></strong> }.into_any(),
    }
}
