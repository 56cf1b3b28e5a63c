//! Placeholders in the campaign's letter texts: `{mp.name}` and a few others, filled in for each letter.
//!
//! The set is small on purpose: each one is a value the widget always knows (or shows as a visible gap until it
//! does). There is no escape for a literal brace: letters to MPs do not need braces, and a lone `{` is far more
//! likely to be a typo, so validation reports it.

use crate::i18n::LetterText;
use crate::Lang;

/// A value filled into the campaign's texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Placeholder {
    /// `{target.name}`: the person this copy of the letter is addressed to (the MP, or an extra recipient).
    TargetName,
    /// `{mp.name}`: the sender's own MP, even in the copy addressed to someone else.
    MpName,
    /// `{riding}`: the sender's riding.
    Riding,
    /// `{sender.name}`: the sender's name.
    SenderName,
    /// `{sender.postal_code}`: the sender's postal code.
    SenderPostalCode,
}

impl Placeholder {
    pub const ALL: [Placeholder; 5] = [
        Placeholder::TargetName,
        Placeholder::MpName,
        Placeholder::Riding,
        Placeholder::SenderName,
        Placeholder::SenderPostalCode,
    ];

    /// The name between the braces.
    pub fn name(self) -> &'static str {
        match self {
            Placeholder::TargetName => "target.name",
            Placeholder::MpName => "mp.name",
            Placeholder::Riding => "riding",
            Placeholder::SenderName => "sender.name",
            Placeholder::SenderPostalCode => "sender.postal_code",
        }
    }

    pub fn from_name(name: &str) -> Option<Placeholder> {
        Placeholder::ALL.into_iter().find(|p| p.name() == name)
    }

    /// As written in a text: `{mp.name}`.
    pub fn token(self) -> String {
        format!("{{{}}}", self.name())
    }

    /// What the letter shows while the value is unknown, e.g. "[your name]": a visible gap to fill, never an
    /// empty space that reads as a mistake.
    pub fn gap(self) -> LetterText {
        match self {
            Placeholder::TargetName => LetterText::GapTargetName,
            Placeholder::MpName => LetterText::GapMpName,
            Placeholder::Riding => LetterText::GapRiding,
            Placeholder::SenderName => LetterText::GapSenderName,
            Placeholder::SenderPostalCode => LetterText::GapPostalCode,
        }
    }
}

/// A problem in a text's placeholders, found by validation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateProblem {
    /// `{name}` where `name` is not a placeholder.
    Unknown { name: String },
    /// A `{` with no `}` after it.
    UnclosedBrace,
    /// A `}` with no `{` before it.
    StrayClosingBrace,
}

/// A run of a template: literal text, a placeholder, or something malformed (kept as written).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'t> {
    Text(&'t str),
    Value(Placeholder),
    /// `{name}` with an unknown name (the name, without braces).
    Unknown(&'t str),
    UnclosedBrace,
    StrayClosingBrace,
}

/// The pieces of a template, in order; no allocation, so that filling stays cheap on every keystroke.
pub fn pieces(template: &str) -> Pieces<'_> {
    Pieces { rest: template }
}

pub struct Pieces<'t> {
    rest: &'t str,
}

impl<'t> Iterator for Pieces<'t> {
    type Item = Piece<'t>;

    fn next(&mut self) -> Option<Piece<'t>> {
        let rest = self.rest;
        if rest.is_empty() {
            return None;
        }
        let Some(brace) = find_brace(rest) else {
            self.rest = "";
            return Some(Piece::Text(rest));
        };
        if brace > 0 {
            self.rest = &rest[brace..];
            return Some(Piece::Text(&rest[..brace]));
        }
        // Both braces are one byte, so slicing after them stays on character boundaries.
        let after = &rest[1..];
        if rest.starts_with('}') {
            self.rest = after;
            return Some(Piece::StrayClosingBrace);
        }
        match find_brace(after) {
            Some(end) if after[end..].starts_with('}') => {
                let name = &after[..end];
                self.rest = &after[end + 1..];
                Some(Placeholder::from_name(name).map_or(Piece::Unknown(name), Piece::Value))
            }
            _ => {
                self.rest = after;
                Some(Piece::UnclosedBrace)
            }
        }
    }
}

/// The byte offset of the first brace. A byte scan: braces are ASCII, and no byte of a multi-byte UTF-8 character
/// is, so this is exact and several times faster than a char search (it runs on every keystroke).
fn find_brace(text: &str) -> Option<usize> {
    text.bytes().position(|b| b == b'{' || b == b'}')
}

/// Every placeholder problem in a text, in order.
pub fn problems(template: &str) -> Vec<TemplateProblem> {
    pieces(template)
        .filter_map(|piece| match piece {
            Piece::Unknown(name) => Some(TemplateProblem::Unknown { name: name.to_owned() }),
            Piece::UnclosedBrace => Some(TemplateProblem::UnclosedBrace),
            Piece::StrayClosingBrace => Some(TemplateProblem::StrayClosingBrace),
            Piece::Text(_) | Piece::Value(_) => None,
        })
        .collect()
}

/// The placeholders a text uses, in order (for texts where none are allowed).
pub fn used(template: &str) -> impl Iterator<Item = Placeholder> + '_ {
    pieces(template).filter_map(|piece| match piece {
        Piece::Value(placeholder) => Some(placeholder),
        _ => None,
    })
}

/// The values of one letter's placeholders; `None` (or blank) while unknown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Values<'a> {
    pub target_name: Option<&'a str>,
    pub mp_name: Option<&'a str>,
    pub riding: Option<&'a str>,
    pub sender_name: Option<&'a str>,
    pub sender_postal_code: Option<&'a str>,
}

impl<'a> Values<'a> {
    /// The value, trimmed, if known and not blank.
    pub fn get(&self, placeholder: Placeholder) -> Option<&'a str> {
        let value = match placeholder {
            Placeholder::TargetName => self.target_name,
            Placeholder::MpName => self.mp_name,
            Placeholder::Riding => self.riding,
            Placeholder::SenderName => self.sender_name,
            Placeholder::SenderPostalCode => self.sender_postal_code,
        };
        value.map(str::trim).filter(|v| !v.is_empty())
    }
}

/// Fills a template: known values go in, unknown ones show their gap ("[your name]") and are added to `missing`.
/// Malformed pieces (which validation refuses) are kept as written.
pub fn fill_into(out: &mut String, template: &str, values: &Values<'_>, lang: Lang, missing: &mut Vec<Placeholder>) {
    for piece in pieces(template) {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Value(placeholder) => match values.get(placeholder) {
                Some(value) => out.push_str(value),
                None => {
                    out.push_str(placeholder.gap().get(lang));
                    if !missing.contains(&placeholder) {
                        missing.push(placeholder);
                    }
                }
            },
            Piece::Unknown(name) => {
                out.push('{');
                out.push_str(name);
                out.push('}');
            }
            Piece::UnclosedBrace => out.push('{'),
            Piece::StrayClosingBrace => out.push('}'),
        }
    }
}

/// [`fill_into`] a new string.
pub fn fill(template: &str, values: &Values<'_>, lang: Lang, missing: &mut Vec<Placeholder>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    fill_into(&mut out, template, values, lang, missing);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_split_text_and_placeholders() {
        let found: Vec<Piece> = pieces("Dear {mp.name}, from {riding}.").collect();
        assert_eq!(
            found,
            [
                Piece::Text("Dear "),
                Piece::Value(Placeholder::MpName),
                Piece::Text(", from "),
                Piece::Value(Placeholder::Riding),
                Piece::Text("."),
            ]
        );
        assert_eq!(pieces("").count(), 0);
        assert_eq!(pieces("é{riding}è").count(), 3);
    }

    #[test]
    fn malformed_braces_are_found_and_kept() {
        assert_eq!(problems("a { b"), [TemplateProblem::UnclosedBrace]);
        assert_eq!(problems("a } b"), [TemplateProblem::StrayClosingBrace]);
        assert_eq!(problems("{mp.name"), [TemplateProblem::UnclosedBrace]);
        assert_eq!(
            problems("{{mp.name}}"),
            [TemplateProblem::UnclosedBrace, TemplateProblem::StrayClosingBrace],
            "no escapes: the inner placeholder is fine, the outer braces are not"
        );
        assert_eq!(problems("{}"), [TemplateProblem::Unknown { name: String::new() }]);
        assert_eq!(problems("{ mp.name }"), [TemplateProblem::Unknown { name: " mp.name ".into() }]);
        let mut missing = Vec::new();
        assert_eq!(fill("x { y } {nope}", &Values::default(), Lang::En, &mut missing), "x { y } {nope}");
        assert!(missing.is_empty());
    }

    #[test]
    fn every_placeholder_round_trips_through_its_name() {
        for placeholder in Placeholder::ALL {
            assert_eq!(Placeholder::from_name(placeholder.name()), Some(placeholder));
            assert_eq!(used(&placeholder.token()).collect::<Vec<_>>(), [placeholder]);
        }
    }
}
