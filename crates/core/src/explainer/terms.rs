//! The term finder: where the glossary's words and acronyms appear in the explainer's texts.
//!
//! - Whole words only: "CSE" is not found in "CSEC", "access" not in "accessible".
//! - Acronyms (two or more capitals, no small letters: "CSIS", "SCRS") are found with their exact capitals; other
//!   forms in any case, accented capitals included ("MÉTADONNÉES"), and a capital written without its accent
//!   (French often drops it: "Etat") still matches the accented form.
//! - Accents otherwise count: "résumé" is not "resume".
//! - A final "s" (and in French "x") is a plural: "warrants", "réseaux"; acronyms take a small "s" ("MPs").
//! - French elisions: « l'ASFC », « d’accès légal », « qu'un mandat » (typewriter or typographic apostrophe) are
//!   found, because an apostrophe ends a word; « du SCRS » is just a space.
//! - Spaces in a form match any run of spaces (no-break spaces and line breaks too); apostrophes and hyphens match
//!   any of their kinds.
//! - Longest match first: "Communications Security Establishment" wins over a "Security" term inside it; where two
//!   matches overlap, the longer one is kept.
//! - First occurrence per section: the widget marks a term once per section, where it first appears.
//! - Never inside a link's text (a button cannot sit inside a link); nor across a change of style.

use super::chars::{fold, is_acronym, is_apostrophe, is_capital, is_hyphen, is_word_char};
use super::markup::{split_span, units_mut, Block, Inline};
use crate::campaign::Term;
use crate::Lang;

/// One form of a term, ready to match.
#[derive(Clone, Debug)]
struct Pattern {
    /// Index of the term in the glossary.
    term: usize,
    chars: Vec<char>,
    acronym: bool,
}

/// A term found in a text: byte offsets of its first and one-past-last characters, and the term's index in the
/// glossary given to [`Finder::new`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub term: usize,
}

/// Finds the terms of a glossary in texts of one language.
#[derive(Clone, Debug)]
pub struct Finder<'g> {
    terms: &'g [Term],
    patterns: Vec<Pattern>,
    lang: Lang,
}

impl<'g> Finder<'g> {
    pub fn new(terms: &'g [Term], lang: Lang) -> Self {
        let mut patterns = Vec::new();
        for (index, term) in terms.iter().enumerate() {
            for form in term.term.get(lang) {
                let form = form.trim();
                if form.is_empty() {
                    continue;
                }
                patterns.push(Pattern { term: index, chars: form.chars().collect(), acronym: is_acronym(form) });
            }
        }
        Finder { terms, patterns, lang }
    }

    pub fn terms(&self) -> &'g [Term] {
        self.terms
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Every term in `text`, longest first where matches overlap, in the order they appear. A term may be found
    /// several times.
    pub fn find(&self, text: &str) -> Vec<Found> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut candidates: Vec<Found> = Vec::new();
        for at in 0..chars.len() {
            if at > 0 && is_word_char(chars[at - 1].1) {
                continue;
            }
            if !is_word_char(chars[at].1) {
                continue;
            }
            for pattern in &self.patterns {
                if let Some(end) = match_at(&chars, at, pattern, self.lang) {
                    let end_byte = chars.get(end).map(|(i, _)| *i).unwrap_or(text.len());
                    candidates.push(Found { start: chars[at].0, end: end_byte, term: pattern.term });
                }
            }
        }
        // Longest first (then leftmost, then the earlier term); a candidate overlapping one already kept is dropped.
        // The order is total, so the unstable sort (less code in the widget) gives what a stable one would.
        candidates.sort_unstable_by(|a, b| {
            (b.end - b.start).cmp(&(a.end - a.start)).then(a.start.cmp(&b.start)).then(a.term.cmp(&b.term))
        });
        // Kept in the order they appear: each goes in at its place (no second sort, so less code in the widget).
        let mut kept: Vec<Found> = Vec::new();
        for candidate in candidates {
            if kept.iter().all(|k| candidate.end <= k.start || candidate.start >= k.end) {
                let at = kept.partition_point(|k| k.start < candidate.start);
                kept.insert(at, candidate);
            }
        }
        kept
    }

    /// Whether the term at `index` appears anywhere in `text`.
    pub fn uses(&self, text: &str, index: usize) -> bool {
        self.find(text).iter().any(|found| found.term == index)
    }

    /// Marks the first occurrence of each term in one section (its paragraphs and list items, in order) as
    /// [`Inline::Term`]. `seen` holds the terms already marked in the section; text inside links is left alone.
    pub fn annotate_units<'u>(&self, units: impl IntoIterator<Item = &'u mut Vec<Inline>>, seen: &mut Vec<usize>) {
        for unit in units {
            let inlines = std::mem::take(unit);
            let mut out = Vec::with_capacity(inlines.len());
            for inline in inlines {
                let Inline::Text(span) = inline else {
                    out.push(inline);
                    continue;
                };
                let mut rest = span;
                let mut consumed = 0usize;
                let founds: Vec<Found> = self.find(&rest.text);
                for found in founds {
                    if seen.contains(&found.term) {
                        continue;
                    }
                    seen.push(found.term);
                    let (before, term, after) = split_span(&rest, found.start - consumed, found.end - consumed);
                    if !before.text.is_empty() {
                        out.push(Inline::Text(before));
                    }
                    out.push(Inline::Term { id: self.terms[found.term].id.clone(), text: term });
                    consumed = found.end;
                    rest = after;
                }
                if !rest.text.is_empty() {
                    out.push(Inline::Text(rest));
                }
            }
            *unit = out;
        }
    }

    /// Marks the first occurrence of each term in a section made of blocks.
    pub fn annotate_blocks(&self, blocks: &mut [Block], seen: &mut Vec<usize>) {
        self.annotate_units(units_mut(blocks), seen);
    }
}

/// The index just past a match of `pattern` starting at `at` (whole words), or `None`.
fn match_at(text: &[(usize, char)], at: usize, pattern: &Pattern, lang: Lang) -> Option<usize> {
    let mut i = at;
    let mut form = pattern.chars.iter().peekable();
    while let Some(&f) = form.next() {
        let (_, t) = *text.get(i)?;
        if f.is_whitespace() {
            if !t.is_whitespace() {
                return None;
            }
            while text.get(i).is_some_and(|(_, c)| c.is_whitespace()) {
                i += 1;
            }
            while form.peek().is_some_and(|c| c.is_whitespace()) {
                form.next();
            }
            continue;
        }
        let same = if is_apostrophe(f) {
            is_apostrophe(t)
        } else if is_hyphen(f) {
            is_hyphen(t)
        } else if pattern.acronym {
            t == f
        } else {
            same_letter(t, f)
        };
        if !same {
            return None;
        }
        i += 1;
    }
    let ends_word = |i: usize| text.get(i).is_none_or(|(_, c)| !is_word_char(*c));
    if ends_word(i) {
        return Some(i);
    }
    // A plural: a final "s" (French also "x"); after an acronym, a small "s" only.
    let plural = text.get(i).is_some_and(|(_, c)| match (pattern.acronym, lang) {
        (true, _) => *c == 's',
        (false, Lang::En) => fold(*c) == 's',
        (false, Lang::Fr) => matches!(fold(*c), 's' | 'x'),
    });
    (plural && ends_word(i + 1)).then_some(i + 1)
}

/// The same letter in any case; a capital without its accent also matches the accented letter.
fn same_letter(text: char, form: char) -> bool {
    let (t, f) = (fold(text), fold(form));
    t == f || (is_capital(text) && t == strip_accent(f))
}

/// The base letter of an accented Latin letter used in English or French.
pub fn strip_accent(c: char) -> char {
    match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => 'a',
        'ç' => 'c',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' | 'í' | 'ì' => 'i',
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' => 'o',
        'ù' | 'û' | 'ü' | 'ú' => 'u',
        'ÿ' | 'ý' => 'y',
        'ñ' => 'n',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaign::TermForms;
    use crate::explainer::markup::{parse, plain, Span};
    use crate::Localized;

    fn term(id: &str, en: &[&str], fr: &[&str]) -> Term {
        Term { id: id.into(), term: TermForms::new(en, fr), definition: Localized::new("d", "d") }
    }

    fn glossary() -> Vec<Term> {
        vec![
            term(
                "csis",
                &["CSIS", "Canadian Security Intelligence Service"],
                &["SCRS", "Service canadien du renseignement de sécurité"],
            ),
            term(
                "cbsa",
                &["CBSA", "Canada Border Services Agency"],
                &["ASFC", "Agence des services frontaliers du Canada"],
            ),
            term("security", &["security"], &["sécurité"]),
            term("warrant", &["warrant"], &["mandat"]),
            term("metadata", &["metadata"], &["métadonnées"]),
            term("lawful-access", &["lawful access"], &["accès légal"]),
            term("access", &["access"], &["accès"]),
            term("network", &["network"], &["réseau"]),
            term("mp", &["MP"], &["député"]),
        ]
    }

    /// The texts found, in order.
    fn found(text: &str, lang: Lang) -> Vec<String> {
        let terms = glossary();
        let finder = Finder::new(&terms, lang);
        finder.find(text).iter().map(|f| text[f.start..f.end].to_owned()).collect()
    }

    #[test]
    fn whole_words_only() {
        assert_eq!(found("CSIS, CSISX and XCSIS; (CSIS)", Lang::En), ["CSIS", "CSIS"]);
        assert_eq!(found("accessible access", Lang::En), ["access"]);
        assert!(found("inaccessible", Lang::En).is_empty());
    }

    #[test]
    fn acronyms_need_their_capitals_other_forms_any_case() {
        assert!(found("csis and Csis", Lang::En).is_empty());
        assert_eq!(found("LAWFUL ACCESS and Lawful Access", Lang::En), ["LAWFUL ACCESS", "Lawful Access"]);
    }

    #[test]
    fn longest_match_first() {
        // "Canadian Security Intelligence Service" contains the "security" term: the long form wins.
        assert_eq!(
            found("The Canadian Security Intelligence Service and security", Lang::En),
            ["Canadian Security Intelligence Service", "security"]
        );
        // "lawful access" beats "access" inside it.
        let terms = glossary();
        let finder = Finder::new(&terms, Lang::En);
        let hits = finder.find("lawful access, then access");
        assert_eq!(hits.len(), 2);
        assert_eq!(terms[hits[0].term].id, "lawful-access");
        assert_eq!(terms[hits[1].term].id, "access");
    }

    #[test]
    fn overlapping_forms_keep_the_longer() {
        let terms = vec![term("a", &["border agency"], &["x"]), term("b", &["agency staff"], &["y"])];
        let finder = Finder::new(&terms, Lang::En);
        // "border agency staffing": only "border agency" is a whole-word match; "agency staff" is not ("staffing").
        let hits = finder.find("border agency staffing");
        assert_eq!(hits.len(), 1);
        // Both match whole words and overlap: the longer ("border agency" is 13, "agency staff" 12) wins.
        let hits = finder.find("border agency staff");
        assert_eq!(hits.len(), 1);
        assert_eq!(terms[hits[0].term].id, "a");
    }

    #[test]
    fn plurals() {
        assert_eq!(found("Warrants and warrant", Lang::En), ["Warrants", "warrant"]);
        assert_eq!(found("les réseaux et le réseau", Lang::Fr), ["réseaux", "réseau"]);
        assert_eq!(found("Ask MPs and your MP", Lang::En), ["MPs", "MP"]);
        // An acronym's plural is a small s only; other endings are other words.
        assert!(found("MPS MPx warranty", Lang::En).is_empty());
        assert!(found("warrantss", Lang::En).is_empty());
    }

    #[test]
    fn accents_and_case() {
        assert_eq!(found("Les MÉTADONNÉES, les Métadonnées", Lang::Fr), ["MÉTADONNÉES", "Métadonnées"]);
        // A capital without its accent still matches (French capitals often drop it).
        assert_eq!(found("METADONNEES", Lang::Fr), ["METADONNEES"]);
        // A small letter without its accent is another word.
        assert!(found("metadonnees", Lang::Fr).is_empty());
        assert!(found("securite", Lang::Fr).is_empty());
        assert_eq!(found("la sécurité", Lang::Fr), ["sécurité"]);
    }

    #[test]
    fn french_elisions() {
        assert_eq!(found("l'ASFC et l’ASFC", Lang::Fr), ["ASFC", "ASFC"]);
        assert_eq!(found("les pouvoirs du SCRS", Lang::Fr), ["SCRS"]);
        assert_eq!(found("d'accès légal, qu’un mandat", Lang::Fr), ["accès légal", "mandat"]);
        assert_eq!(found("jusqu'aux députés", Lang::Fr), ["députés"]);
        // English possessives too.
        assert_eq!(found("CSIS's powers, CSIS’s", Lang::En), ["CSIS", "CSIS"]);
    }

    #[test]
    fn spaces_apostrophes_and_hyphens_of_any_kind() {
        assert_eq!(
            found("lawful\u{a0}access and lawful\n  access", Lang::En),
            ["lawful\u{a0}access", "lawful\n  access"]
        );
        let terms = vec![term("c22", &["Bill C-22"], &["projet de loi C-22"]), term("l", &["l'accès"], &["l'accès"])];
        let finder = Finder::new(&terms, Lang::Fr);
        assert_eq!(finder.find("le projet de loi C\u{2011}22").len(), 1);
        assert_eq!(finder.find("l’accès").len(), 1);
        assert!(finder.find("projet de loi C-223").is_empty());
    }

    #[test]
    fn first_occurrence_per_section_and_never_in_links() {
        let terms = glossary();
        let finder = Finder::new(&terms, Lang::En);
        let mut markup = parse("[CSIS rules](https://example.org) say CSIS and CSIS.\n\nCSIS again; a warrant.");
        let mut seen = Vec::new();
        finder.annotate_blocks(&mut markup.blocks, &mut seen);
        let marked: Vec<(String, String)> = markup
            .blocks
            .iter()
            .flat_map(|b| b.units().into_iter().flatten().cloned().collect::<Vec<_>>())
            .filter_map(|inline| match inline {
                Inline::Term { id, text } => Some((id, text.text)),
                _ => None,
            })
            .collect();
        assert_eq!(marked, [("csis".to_owned(), "CSIS".to_owned()), ("warrant".to_owned(), "warrant".to_owned())]);
        // The link is untouched, and the first CSIS outside it is the one marked.
        let Block::Paragraph(first) = &markup.blocks[0] else { panic!("a paragraph") };
        assert!(matches!(&first[0], Inline::Link { text, .. } if text[0].text == "CSIS rules"));
        assert_eq!(first[1], Inline::Text(Span::plain(" say ")));
        // A new section starts afresh.
        let mut other = plain("CSIS");
        let mut seen = Vec::new();
        finder.annotate_units([&mut other], &mut seen);
        assert!(matches!(&other[0], Inline::Term { id, .. } if id == "csis"));
    }

    #[test]
    fn styles_are_kept_around_a_term() {
        let terms = glossary();
        let finder = Finder::new(&terms, Lang::En);
        let mut markup = parse("**Ask your MP now**");
        finder.annotate_blocks(&mut markup.blocks, &mut Vec::new());
        let Block::Paragraph(inlines) = &markup.blocks[0] else { panic!("a paragraph") };
        assert_eq!(inlines.len(), 3);
        assert!(matches!(&inlines[1], Inline::Term { text, .. } if text.strong && text.text == "MP"));
        assert!(matches!(&inlines[2], Inline::Text(span) if span.strong && span.text == " now"));
    }
}
