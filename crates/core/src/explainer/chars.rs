//! Character rules shared by the term finder, the readability formulas and the lint.
//!
//! Case folding covers ASCII and the Latin letters that English and French use (Latin-1, œ, Ÿ): enough for Voix's
//! two languages, and it keeps Unicode's case tables out of the widget's wasm.

/// The letter in lower case (ASCII and Latin-1 letters, œ/Œ, ÿ/Ÿ); any other character unchanged.
pub fn fold(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        // Latin-1 capitals À–Þ sit 32 below their small letters; × (U+00D7) is not a letter.
        'À'..='Þ' if c != '×' => char::from_u32(c as u32 + 32).unwrap_or(c),
        'Œ' => 'œ',
        'Ÿ' => 'ÿ',
        _ => c,
    }
}

/// Whether the character is a capital letter (ASCII, Latin-1, Œ, Ÿ).
pub fn is_capital(c: char) -> bool {
    fold(c) != c
}

/// Whether the character is a letter other than a capital (uncased letters count as small).
pub fn is_small(c: char) -> bool {
    c.is_alphabetic() && !is_capital(c)
}

/// Apostrophes are one character for matching: ’ (typographic), ʼ (modifier letter) and ' (typewriter).
pub fn unify_apostrophe(c: char) -> char {
    match c {
        '\u{2019}' | '\u{02bc}' => '\'',
        _ => c,
    }
}

pub fn is_apostrophe(c: char) -> bool {
    unify_apostrophe(c) == '\''
}

/// Hyphens that join the parts of a word ("C-22", "peut-être").
pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Whether `c` is part of a word (a letter or a digit).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// An acronym: two or more capitals and no small letters ("CSIS", "IRCC", "C-22" is not: one capital).
pub fn is_acronym(form: &str) -> bool {
    form.chars().filter(|c| is_capital(*c)).count() >= 2 && !form.chars().any(is_small)
}
