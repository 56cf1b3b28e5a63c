//! Folding names for matching and search: case, accents, apostrophes and dashes stop mattering.
//!
//! The source data mixes straight and curly apostrophes, "Sœurs" and "Soeurs", em dashes and hyphens; people
//! type none of these reliably. A small hand table folds the accents of French and common Latin names, so the
//! wasm bundle carries no Unicode normalisation tables.

/// How a character behaves once folded.
enum Folded {
    /// Part of a word, written as these lower-case letters (most characters map to one, "œ" to two).
    Letters(&'static str),
    /// One character: an ASCII letter or digit in lower case, or a letter outside the table, kept as is.
    Char(char),
    /// An apostrophe: it both joins ("St. John's" → "johns") and splits ("L'Érable" → "l", "erable").
    Apostrophe,
    /// Spaces, dashes and other punctuation: a word boundary.
    Boundary,
}

fn fold_char(c: char) -> Folded {
    if c.is_ascii_alphanumeric() {
        return Folded::Char(c.to_ascii_lowercase());
    }
    let letters = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "a",
        'ç' | 'Ç' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        'ß' => "ss",
        '\'' | '’' | '‘' | 'ʼ' | '`' | '´' => return Folded::Apostrophe,
        // Spaces, ASCII punctuation, dashes, quotation marks: word boundaries. Other characters count as letters
        // (`char::is_alphanumeric` would bring Unicode tables into the wasm bundle for no benefit here).
        _ if c.is_whitespace() || c.is_ascii() || ('\u{2010}'..='\u{2027}').contains(&c) || "«»‹›·".contains(c) => {
            return Folded::Boundary
        }
        _ => return Folded::Char(c),
    };
    Folded::Letters(letters)
}

/// Moves a finished piece of a word into `pieces`.
fn end_piece(piece: &mut String, pieces: &mut Vec<String>) {
    if !piece.is_empty() {
        pieces.push(std::mem::take(piece));
    }
}

/// The words of `text`, each as its pieces between apostrophes: "St. John's East" → [["st"], ["john", "s"],
/// ["east"]].
fn words_with_pieces(text: &str) -> Vec<Vec<String>> {
    let mut words: Vec<Vec<String>> = Vec::new();
    let mut pieces: Vec<String> = Vec::new();
    let mut piece = String::new();
    for c in text.chars() {
        match fold_char(c) {
            Folded::Letters(letters) => piece.push_str(letters),
            Folded::Char(c) => piece.push(c),
            Folded::Apostrophe => end_piece(&mut piece, &mut pieces),
            Folded::Boundary => {
                end_piece(&mut piece, &mut pieces);
                if !pieces.is_empty() {
                    words.push(std::mem::take(&mut pieces));
                }
            }
        }
    }
    end_piece(&mut piece, &mut pieces);
    if !pieces.is_empty() {
        words.push(pieces);
    }
    words
}

/// The comparison key of a name: folded words, apostrophes dropped, one space between words.
/// "Ville-Marie—Le Sud-Ouest—Île-des-Sœurs" → "ville marie le sud ouest ile des soeurs";
/// "St. John’s East" and "St. John's East" → "st johns east".
pub fn name_key(text: &str) -> String {
    let words: Vec<String> = words_with_pieces(text).into_iter().map(|pieces| pieces.concat()).collect();
    words.join(" ")
}

/// The words a name can be found by: each word folded, and for a word with an apostrophe both the joined word and
/// its pieces, so "johns", "john" and "l", "erable" all find their names.
pub fn index_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for pieces in words_with_pieces(text) {
        if pieces.len() > 1 {
            out.push(pieces.concat());
        }
        out.extend(pieces);
    }
    out
}

/// The words of a search query: folded and split at apostrophes too (see [`index_words`]).
pub fn query_words(text: &str) -> Vec<String> {
    words_with_pieces(text).into_iter().flatten().collect()
}

/// Whether every query word starts some word of the name (in any order).
pub fn words_match(query: &[String], name: &[String]) -> bool {
    !query.is_empty() && query.iter().all(|q| name.iter().any(|word| word.starts_with(q.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_accents_apostrophes_and_dashes() {
        assert_eq!(name_key("Ville-Marie—Le Sud-Ouest—Île-des-Sœurs"), "ville marie le sud ouest ile des soeurs");
        assert_eq!(
            name_key("Ville-Marie—Le Sud-Ouest—Île-des-Soeurs"),
            name_key("VILLE MARIE – le sud ouest, île des sœurs")
        );
        assert_eq!(name_key("St. John’s East"), name_key("St. John's East"));
        assert_eq!(name_key("  Mégantic—L’Érable  "), "megantic lerable");
        assert_eq!(name_key(""), "");
    }

    #[test]
    fn apostrophes_both_join_and_split() {
        assert_eq!(index_words("St. John's"), ["st", "johns", "john", "s"]);
        assert_eq!(query_words("l’érable"), ["l", "erable"]);
        let name = index_words("Mégantic—L’Érable—Lotbinière");
        assert!(words_match(&query_words("erable"), &name));
        assert!(words_match(&query_words("lerable"), &name));
        assert!(words_match(&query_words("L'Érable"), &name));
        assert!(!words_match(&query_words(""), &name));
    }
}
