//! What a name or a one-line answer may hold: printable text only. Control characters forge lines (a CR/LF in a
//! name becomes a header or a line of the letter's sender block); zero-width characters make two names look the
//! same; bidirectional controls make a name read differently from what it is. None of them belongs in a name.

/// Whether `c` is invisible or reorders the text around it: a control character, a zero-width character, a
/// bidirectional formatting character, or another invisible format character.
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}'              // soft hyphen
            | '\u{061C}'            // Arabic letter mark
            | '\u{180E}'            // Mongolian vowel separator
            | '\u{200B}'..='\u{200F}' // zero-width space, non-joiner, joiner; left-to-right and right-to-left marks
            | '\u{202A}'..='\u{202E}' // bidirectional embeddings and overrides
            | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
            | '\u{2066}'..='\u{2069}' // bidirectional isolates
            | '\u{206A}'..='\u{206F}' // deprecated format characters
            | '\u{FEFF}'            // zero-width no-break space (byte order mark)
            | '\u{FFF9}'..='\u{FFFB}' // interlinear annotation
        )
}

/// Whether `text` is one line of printable text (see [`is_hidden`]).
pub fn is_plain_line(text: &str) -> bool {
    !text.chars().any(is_hidden)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_any_script_are_plain() {
        for name in ["Léa Béland-Côté", "O'Brien", "Nguyễn Thị Minh Khai", "محمد", "ᐃᓄᒃᑎᑐᑦ", "Zoë 李"]
        {
            assert!(is_plain_line(name), "{name}");
        }
    }

    #[test]
    fn line_breaks_zero_widths_and_bidi_controls_are_not() {
        for forged in [
            "Léa\r\nBcc: x@example.org",
            "Léa\tB",
            "Le\u{200B}a",
            "Le\u{200D}a",
            "\u{202E}gnp.exe",
            "Léa\u{2066}x\u{2069}",
            "\u{FEFF}Léa",
            "Léa\u{0085}",
        ] {
            assert!(!is_plain_line(forged), "{forged:?}");
        }
    }
}
