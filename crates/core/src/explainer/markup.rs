//! The explainer's markup: a small subset of Markdown, parsed into blocks and inline runs that the widget builds
//! with DOM APIs (text nodes and elements, never `innerHTML`).
//!
//! | write | get |
//! |---|---|
//! | a blank line | a new paragraph (a single line break is a space) |
//! | `*words*` | emphasis (the stars touch the words: `2 * 3 * 4` stays as is) |
//! | `**words**` | strong emphasis |
//! | `[text](https://…)` | a link: `https://`, `mailto:`, and `http://` on the local machine only (previews) |
//! | `- ` at the start of a line | a bullet list item |
//! | `1. ` at the start of a line | a numbered list item (the first number is where the list starts) |
//! | `\` before a punctuation mark | the mark as is: `\*`, `\[` |
//!
//! A line that follows a list item without a marker (and without a blank line) continues the item. Anything else is
//! text and shows exactly as typed: `<script>`, `<img onerror=…>`, `[x](javascript:…)`, `&lt;`. [`parse`] also
//! reports such things as [`Hazard`]s, which validation refuses so that the organiser sees them.

use super::chars::fold;
use crate::checks::check_url;

/// A run of text with one style.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    /// `*emphasis*`: render as `<em>`.
    pub emphasis: bool,
    /// `**strong**`: render as `<strong>`.
    pub strong: bool,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Self {
        Span { text: text.into(), emphasis: false, strong: false }
    }

    fn styled_like(&self, text: &str) -> Span {
        Span { text: text.to_owned(), ..self.clone() }
    }
}

/// A piece of a paragraph or list item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(Span),
    /// A link whose address is safe (`https://`, `mailto:`, or `http://` on the local machine).
    Link {
        href: String,
        text: Vec<Span>,
    },
    /// The first use of a glossary term in a section (added by `terms::annotate`): the widget shows it as a
    /// button that discloses the term's definition.
    Term {
        id: String,
        text: Span,
    },
}

/// A paragraph or a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    Bullets(Vec<Vec<Inline>>),
    /// A numbered list that starts at `start` (`<ol start>`).
    Numbered {
        start: u32,
        items: Vec<Vec<Inline>>,
    },
}

impl Block {
    /// The paragraph, or each list item: the units a reader reads as one.
    pub fn units(&self) -> Vec<&[Inline]> {
        match self {
            Block::Paragraph(inlines) => vec![inlines.as_slice()],
            Block::Bullets(items) | Block::Numbered { items, .. } => items.iter().map(Vec::as_slice).collect(),
        }
    }

    fn units_mut(&mut self) -> Vec<&mut Vec<Inline>> {
        match self {
            Block::Paragraph(inlines) => vec![inlines],
            Block::Bullets(items) | Block::Numbered { items, .. } => items.iter_mut().collect(),
        }
    }
}

/// Mutable access to every paragraph and list item, for the term finder.
pub(super) fn units_mut(blocks: &mut [Block]) -> impl Iterator<Item = &mut Vec<Inline>> {
    blocks.iter_mut().flat_map(Block::units_mut)
}

/// The text a reader sees in a run of inlines (link text included).
pub fn visible_text(inlines: &[Inline]) -> String {
    let mut text = String::new();
    for inline in inlines {
        match inline {
            Inline::Text(span) | Inline::Term { text: span, .. } => text.push_str(&span.text),
            Inline::Link { text: spans, .. } => spans.iter().for_each(|span| text.push_str(&span.text)),
        }
    }
    text
}

/// A parsed markup text and what in it was refused.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Markup {
    pub blocks: Vec<Block>,
    /// Things that show as plain text but that the organiser probably meant as HTML or as code: validation refuses
    /// them.
    pub hazards: Vec<Hazard>,
}

/// Something in a text that a browser would treat as code or markup if it were ever inserted as HTML.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hazard {
    pub risk: Risk,
    /// The characters concerned, as typed (shortened).
    pub snippet: String,
}

/// The kinds of [`Hazard`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Risk {
    /// An HTML tag or comment: `<script>`, `</p>`, `<!--`.
    Html,
    /// A link to an address that is not `https://` or `mailto:` (`javascript:`, `data:`, `http://`, relative).
    UnsafeLink,
    /// A script address in the text: `javascript:`, `vbscript:`, `data:text/html`.
    ScriptAddress,
    /// An HTML event attribute: `onerror=`, `onload =`.
    EventAttribute,
    /// An HTML character reference: `&lt;`, `&#106;`.
    Entity,
}

/// Parses a markup text. Never fails: what is not markup is text.
pub fn parse(source: &str) -> Markup {
    let mut hazards = scan(source);
    let blocks = raw_blocks(source)
        .into_iter()
        .map(|raw| match raw {
            RawBlock::Paragraph(text) => Block::Paragraph(inlines(&text, true, &mut hazards)),
            RawBlock::Bullets(items) => {
                Block::Bullets(items.iter().map(|item| inlines(item, true, &mut hazards)).collect())
            }
            RawBlock::Numbered(start, items) => {
                Block::Numbered { start, items: items.iter().map(|item| inlines(item, true, &mut hazards)).collect() }
            }
        })
        .collect();
    hazards.dedup();
    Markup { blocks, hazards }
}

/// A text shown as is (a title, a question, a timeline entry): one run, no markup.
pub fn plain(text: &str) -> Vec<Inline> {
    if text.is_empty() {
        return Vec::new();
    }
    vec![Inline::Text(Span::plain(text))]
}

/// The hazards of a text shown as is (it has no links, so only the text itself is scanned).
pub fn plain_hazards(text: &str) -> Vec<Hazard> {
    let mut hazards = scan(text);
    hazards.dedup();
    hazards
}

/// Whether a link may point at `href`: `https://` with a host, `mailto:` with an address, or `http://` on the
/// local machine; no spaces, quotes, backslashes or control characters anywhere.
pub fn is_safe_href(href: &str) -> bool {
    let odd = |c: char| c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '`' | '\\');
    if href.chars().any(odd) {
        return false;
    }
    match href.strip_prefix("mailto:") {
        Some(address) => address.split('?').next().is_some_and(|to| to.contains('@') && !to.starts_with('@')),
        None => check_url(href).is_ok(),
    }
}

/// How many paragraphs, list items and links a text has: its two languages should match.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Shape {
    pub paragraphs: u32,
    pub list_items: u32,
    pub links: u32,
}

impl Markup {
    pub fn shape(&self) -> Shape {
        let mut shape = Shape::default();
        for block in &self.blocks {
            match block {
                Block::Paragraph(_) => shape.paragraphs += 1,
                Block::Bullets(items) | Block::Numbered { items, .. } => shape.list_items += items.len() as u32,
            }
            for unit in block.units() {
                shape.links += unit.iter().filter(|inline| matches!(inline, Inline::Link { .. })).count() as u32;
            }
        }
        shape
    }
}

enum RawBlock {
    Paragraph(String),
    Bullets(Vec<String>),
    Numbered(u32, Vec<String>),
}

fn raw_blocks(source: &str) -> Vec<RawBlock> {
    let mut blocks: Vec<RawBlock> = Vec::new();
    // Whether the next line continues the last block (no blank line since).
    let mut continuing = false;
    for line in source.lines() {
        let line = line.trim();
        if line.is_empty() {
            continuing = false;
            continue;
        }
        if let Some(item) = bullet_item(line) {
            match blocks.last_mut() {
                Some(RawBlock::Bullets(items)) if continuing => items.push(item.to_owned()),
                _ => blocks.push(RawBlock::Bullets(vec![item.to_owned()])),
            }
        } else if let Some((number, item)) = numbered_item(line) {
            match blocks.last_mut() {
                Some(RawBlock::Numbered(_, items)) if continuing => items.push(item.to_owned()),
                _ => blocks.push(RawBlock::Numbered(number, vec![item.to_owned()])),
            }
        } else {
            let last_text = match blocks.last_mut() {
                Some(RawBlock::Paragraph(text)) if continuing => Some(text),
                Some(RawBlock::Bullets(items) | RawBlock::Numbered(_, items)) if continuing => items.last_mut(),
                _ => None,
            };
            match last_text {
                Some(text) => {
                    text.push(' ');
                    text.push_str(line);
                }
                None => blocks.push(RawBlock::Paragraph(line.to_owned())),
            }
        }
        continuing = true;
    }
    blocks
}

/// `- item` → `item`.
fn bullet_item(line: &str) -> Option<&str> {
    line.strip_prefix("- ").or_else(|| line.strip_prefix("-\t")).map(str::trim_start)
}

/// `12. item` → (12, `item`).
fn numbered_item(line: &str) -> Option<(u32, &str)> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=9).contains(&digits) {
        return None;
    }
    let rest = line[digits..].strip_prefix(". ").or_else(|| line[digits..].strip_prefix(".\t"))?;
    Some((line[..digits].parse().ok()?, rest.trim_start()))
}

/// A piece of inline text before emphasis is resolved.
enum Token {
    Text(String),
    /// A `*` or `**` that may open and/or close emphasis; `paired` once matched.
    Stars {
        count: u8,
        can_open: bool,
        can_close: bool,
        paired: bool,
    },
    Link {
        href: String,
        text: Vec<Span>,
    },
}

fn inlines(text: &str, links_allowed: bool, hazards: &mut Vec<Hazard>) -> Vec<Inline> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut literal = String::new();
    let mut rest = text;
    let mut before: Option<char> = None;
    while let Some(c) = rest.chars().next() {
        let after_c = &rest[c.len_utf8()..];
        match c {
            '\\' if after_c.chars().next().is_some_and(|next| next.is_ascii_punctuation()) => {
                let escaped = after_c.chars().next().unwrap_or('\\');
                literal.push(escaped);
                rest = &after_c[escaped.len_utf8()..];
                before = Some(escaped);
                continue;
            }
            '[' if links_allowed => {
                if let Some(link) = link_at(rest) {
                    if is_safe_href(link.href) {
                        flush(&mut literal, &mut tokens);
                        let text = inlines(link.text, false, hazards).into_iter().filter_map(into_span).collect();
                        tokens.push(Token::Link { href: link.href.to_owned(), text });
                    } else {
                        hazards.push(Hazard { risk: Risk::UnsafeLink, snippet: shorten(link.href) });
                        literal.push_str(&rest[..link.len]);
                    }
                    before = rest[..link.len].chars().next_back();
                    rest = &rest[link.len..];
                    continue;
                }
            }
            '*' => {
                let count = rest.chars().take_while(|c| *c == '*').count();
                let after = rest[count..].chars().next();
                let can_open = after.is_some_and(|a| !a.is_whitespace());
                let can_close = before.is_some_and(|b| !b.is_whitespace());
                flush(&mut literal, &mut tokens);
                let stars = |count| Token::Stars { count, can_open, can_close, paired: false };
                match count {
                    1 => tokens.push(stars(1)),
                    2 => tokens.push(stars(2)),
                    // `***`: strong and emphasis together, opened strong-first and closed emphasis-first.
                    3 if can_open && !can_close => tokens.extend([stars(2), stars(1)]),
                    3 => tokens.extend([stars(1), stars(2)]),
                    _ => literal.push_str(&rest[..count]),
                }
                rest = &rest[count..];
                before = Some('*');
                continue;
            }
            _ => {}
        }
        literal.push(c);
        before = Some(c);
        rest = after_c;
    }
    flush(&mut literal, &mut tokens);
    pair_stars(&mut tokens);
    styled(tokens)
}

fn flush(literal: &mut String, tokens: &mut Vec<Token>) {
    if !literal.is_empty() {
        tokens.push(Token::Text(std::mem::take(literal)));
    }
}

/// Matches each closing run of stars with the nearest open run of the same length; runs in between that stay open
/// are plain stars.
fn pair_stars(tokens: &mut [Token]) {
    let mut open: Vec<usize> = Vec::new();
    for index in 0..tokens.len() {
        let Token::Stars { count, can_open, can_close, .. } = tokens[index] else { continue };
        let opener = open.iter().rposition(|&o| matches!(tokens[o], Token::Stars { count: c, .. } if c == count));
        if let (true, Some(position)) = (can_close, opener) {
            let start = open[position];
            open.truncate(position);
            for paired in [start, index] {
                if let Token::Stars { paired, .. } = &mut tokens[paired] {
                    *paired = true;
                }
            }
        } else if can_open {
            open.push(index);
        }
    }
}

/// Turns tokens into styled runs: paired stars switch emphasis on and off; unpaired ones are text.
fn styled(tokens: Vec<Token>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    let (mut emphasis, mut strong) = (false, false);
    let push_text = |out: &mut Vec<Inline>, text: &str, emphasis: bool, strong: bool| {
        if let Some(Inline::Text(last)) = out.last_mut() {
            if last.emphasis == emphasis && last.strong == strong {
                last.text.push_str(text);
                return;
            }
        }
        out.push(Inline::Text(Span { text: text.to_owned(), emphasis, strong }));
    };
    for token in tokens {
        match token {
            Token::Text(text) => push_text(&mut out, &text, emphasis, strong),
            Token::Stars { count, paired: true, .. } => match count {
                1 => emphasis = !emphasis,
                _ => strong = !strong,
            },
            Token::Stars { count, .. } => push_text(&mut out, &"*".repeat(usize::from(count)), emphasis, strong),
            Token::Link { href, text } => {
                let text = text
                    .into_iter()
                    .map(|span| Span { emphasis: span.emphasis || emphasis, strong: span.strong || strong, ..span })
                    .collect();
                out.push(Inline::Link { href, text });
            }
        }
    }
    out
}

fn into_span(inline: Inline) -> Option<Span> {
    match inline {
        Inline::Text(span) | Inline::Term { text: span, .. } => Some(span),
        Inline::Link { .. } => None,
    }
}

/// `[text](href)` at the start of `source`.
struct LinkSource<'s> {
    text: &'s str,
    href: &'s str,
    /// Bytes from the `[` to just after the `)`.
    len: usize,
}

fn link_at(source: &str) -> Option<LinkSource<'_>> {
    let close_bracket = matching(source, '[', ']')?;
    let after = &source[close_bracket + 1..];
    if !after.starts_with('(') {
        return None;
    }
    let close_paren = matching(after, '(', ')')?;
    let text = &source[1..close_bracket];
    if text.trim().is_empty() {
        return None;
    }
    let href = after[1..close_paren].trim_matches(' ');
    Some(LinkSource { text, href, len: close_bracket + 1 + close_paren + 1 })
}

/// The byte index of the `close` that balances the `open` at the start of `source` (escaped ones skipped).
fn matching(source: &str, open: char, close: char) -> Option<usize> {
    let mut depth = 0usize;
    let mut escaped = false;
    for (index, c) in source.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == open {
            depth += 1;
        } else if c == close {
            depth = depth.checked_sub(1)?;
            if depth == 0 {
                return Some(index);
            }
        }
    }
    None
}

const SNIPPET_CHARS: usize = 40;

fn shorten(text: &str) -> String {
    match text.char_indices().nth(SNIPPET_CHARS) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

/// Finds what looks like HTML or code anywhere in a text (links included).
fn scan(source: &str) -> Vec<Hazard> {
    let mut hazards = Vec::new();
    html_tags(source, &mut hazards);
    entities(source, &mut hazards);
    script_addresses(source, &mut hazards);
    event_attributes(source, &mut hazards);
    hazards
}

/// `<` followed by a letter, `/`, `!` or `?`: a tag, a closing tag, a comment or a processing instruction.
fn html_tags(source: &str, out: &mut Vec<Hazard>) {
    for (index, _) in source.match_indices('<') {
        let after = &source[index + 1..];
        let mut next = after.chars();
        let tag_like = match next.next() {
            Some(c) if c.is_ascii_alphabetic() || c == '!' || c == '?' => true,
            Some('/') => next.next().is_some_and(|c| c.is_ascii_alphabetic()),
            _ => false,
        };
        if tag_like {
            let end = after.find('>').map(|end| index + 1 + end + 1).unwrap_or(source.len());
            out.push(Hazard { risk: Risk::Html, snippet: shorten(&source[index..end]) });
        }
    }
}

/// `&#…`, `&#x…` (with or without `;`: browsers read both) and named references such as `&lt;` or `&colon;`.
fn entities(source: &str, out: &mut Vec<Hazard>) {
    for (index, _) in source.match_indices('&') {
        let after = &source[index + 1..];
        let numeric = after
            .strip_prefix('#')
            .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit() || c == 'x' || c == 'X'));
        let name_len = after.bytes().take_while(u8::is_ascii_alphanumeric).count();
        let named = (2..=32).contains(&name_len) && after[name_len..].starts_with(';');
        if numeric || named {
            let end = after.find(';').filter(|end| *end <= 12).map(|end| index + 1 + end + 1);
            let end = end.unwrap_or_else(|| index + 1 + after.len().min(8));
            let end = (index..=end).rev().find(|e| source.is_char_boundary(*e)).unwrap_or(index);
            out.push(Hazard { risk: Risk::Entity, snippet: shorten(&source[index..end]) });
        }
    }
}

/// `javascript:`, `vbscript:`, `livescript:`, and `data:` followed by a media type, in any case and with spaces,
/// tabs or line breaks inside (browsers strip them from addresses).
fn script_addresses(source: &str, out: &mut Vec<Hazard>) {
    // The text without ASCII whitespace and control characters, folded, with each character's byte offset.
    let squeezed: Vec<(usize, char)> = source
        .char_indices()
        .filter(|(_, c)| !c.is_ascii_whitespace() && !c.is_control())
        .map(|(i, c)| (i, fold(c)))
        .collect();
    let starts_with = |at: usize, word: &str| {
        let mut chars = squeezed[at..].iter().map(|(_, c)| *c);
        word.chars().all(|w| chars.next() == Some(w))
    };
    for at in 0..squeezed.len() {
        let after_word = at == 0 || !squeezed[at - 1].1.is_alphanumeric();
        let scheme_len = ["javascript:", "vbscript:", "livescript:"]
            .into_iter()
            .find(|scheme| starts_with(at, scheme))
            .map(|scheme| scheme.len())
            .or_else(|| (after_word && starts_with(at, "data:") && media_type_at(&squeezed[at + 5..])).then_some(5));
        if let Some(len) = scheme_len {
            let start = squeezed[at].0;
            let end = squeezed.get(at + len).map(|(i, _)| *i).unwrap_or(source.len());
            out.push(Hazard { risk: Risk::ScriptAddress, snippet: shorten(&source[start..end]) });
        }
    }
}

/// `text/html`, `image/svg+xml`…: letters, then `/`.
fn media_type_at(chars: &[(usize, char)]) -> bool {
    let letters = chars.iter().take_while(|(_, c)| c.is_ascii_alphabetic()).count();
    letters >= 2 && chars.get(letters).is_some_and(|(_, c)| *c == '/')
}

/// `on` + at least three letters + optional spaces + `=`, starting a word: `onerror=`, `onmouseover =`.
fn event_attributes(source: &str, out: &mut Vec<Hazard>) {
    let bytes = source.as_bytes();
    for index in 0..bytes.len() {
        let starts_word = index == 0 || !(bytes[index - 1].is_ascii_alphanumeric() || bytes[index - 1] >= 0x80);
        if !starts_word
            || !bytes[index..].starts_with(b"on")
                && !bytes[index..].get(..2).is_some_and(|b| b.eq_ignore_ascii_case(b"on"))
        {
            continue;
        }
        let letters = bytes[index + 2..].iter().take_while(|b| b.is_ascii_alphabetic()).count();
        let mut end = index + 2 + letters;
        while end < bytes.len() && bytes[end].is_ascii_whitespace() {
            end += 1;
        }
        if letters >= 3 && bytes.get(end) == Some(&b'=') {
            out.push(Hazard { risk: Risk::EventAttribute, snippet: shorten(&source[index..=end]) });
        }
    }
}

/// The spans of `text` that a term found at `start..end` (byte offsets) splits off, for the term finder.
pub(super) fn split_span(span: &Span, start: usize, end: usize) -> (Span, Span, Span) {
    (
        span.styled_like(&span.text[..start]),
        span.styled_like(&span.text[start..end]),
        span.styled_like(&span.text[end..]),
    )
}
