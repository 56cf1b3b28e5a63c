//! Readability formulas for the plain-language lint: a guide for organisers, never a verdict.
//!
//! - English: the Flesch–Kincaid grade, `0.39 × words/sentences + 11.8 × syllables/words − 15.59` (a US school
//!   grade; 8 is what most adults read easily).
//! - French: Kandel and Moles' adaptation of Flesch's reading ease for French,
//!   `207 − 1.015 × words/sentences − 73.6 × syllables/words` (0 to 100, higher is easier), and a grade read from
//!   it the way Flesch read his own scale (90 → grade 5, 60 → grade 8): `(100 − ease) / 10 + 4`.
//! - Both: Björnsson's LIX, `words/sentences + 100 × long words/words` (long: more than six letters), which needs
//!   no syllables, so the two languages of a text can be compared (below 40 is easy; 50 and up is hard).
//!
//! Counting rules: a text is a list of units (a paragraph, a list item, a title); sentences end at `.`, `!`, `?`
//! or `…` followed by a space (not after "e.g.", "p. ex.", "M." and other short abbreviations), and at the end of
//! each unit. Words are runs of letters and digits, joined by inner apostrophes and hyphens ("l'ASFC", "C-22",
//! "peut-être" are one word each). Syllables are counted from vowel groups with each language's silent endings;
//! acronyms are spelled out (one syllable per letter, "W" three); a number counts two.

use super::chars::{fold, is_acronym, is_apostrophe, is_capital, is_hyphen};
use crate::Lang;

/// The counts behind the formulas.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub sentences: u32,
    pub words: u32,
    pub syllables: u32,
    /// Words of more than six letters (LIX).
    pub long_words: u32,
}

impl Counts {
    fn per_sentence(&self) -> f64 {
        f64::from(self.words) / f64::from(self.sentences.max(1))
    }

    fn syllables_per_word(&self) -> f64 {
        f64::from(self.syllables) / f64::from(self.words.max(1))
    }

    /// The Flesch–Kincaid grade (English).
    pub fn flesch_kincaid(&self) -> f64 {
        0.39 * self.per_sentence() + 11.8 * self.syllables_per_word() - 15.59
    }

    /// Kandel and Moles' reading ease (French): 0–100, higher is easier.
    pub fn kandel_moles(&self) -> f64 {
        207.0 - 1.015 * self.per_sentence() - 73.6 * self.syllables_per_word()
    }

    /// LIX: words per sentence plus the percentage of long words.
    pub fn lix(&self) -> f64 {
        self.per_sentence() + 100.0 * f64::from(self.long_words) / f64::from(self.words.max(1))
    }

    /// The reading grade in `lang`: Flesch–Kincaid in English; in French, the grade read from Kandel–Moles.
    pub fn grade(&self, lang: Lang) -> f64 {
        match lang {
            Lang::En => self.flesch_kincaid(),
            Lang::Fr => grade_from_ease(self.kandel_moles()),
        }
    }
}

/// The school grade that a Flesch-style reading ease corresponds to: 90 → 5, 70 → 7, 60 → 8, 50 → 9.
pub fn grade_from_ease(ease: f64) -> f64 {
    (100.0 - ease) / 10.0 + 4.0
}

/// A value in tenths, rounded (messages and reports print tenths without float formatting).
pub fn tenths(value: f64) -> i32 {
    (value * 10.0).round() as i32
}

/// "7.4" / "7,4" from tenths.
pub fn format_tenths(tenths: i32, lang: Lang) -> String {
    let sign = if tenths < 0 { "-" } else { "" };
    let separator = if lang == Lang::Fr { ',' } else { '.' };
    format!("{sign}{}{separator}{}", tenths.unsigned_abs() / 10, tenths.unsigned_abs() % 10)
}

/// One sentence of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// The unit (paragraph, list item) it belongs to.
    pub unit: usize,
    pub words: u32,
    /// Its first words, to point at it in a message.
    pub start: String,
}

/// The analysis of a text: the counts, and each sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Analysis {
    pub counts: Counts,
    pub sentences: Vec<Sentence>,
}

impl Analysis {
    /// How many sentences each unit has.
    pub fn sentences_in(&self, unit: usize) -> u32 {
        self.sentences.iter().filter(|s| s.unit == unit).count() as u32
    }
}

/// Analyses a text made of units (paragraphs, list items, titles) in `lang`.
pub fn analyze<S: AsRef<str>>(units: &[S], lang: Lang) -> Analysis {
    let mut analysis = Analysis::default();
    for (index, unit) in units.iter().enumerate() {
        for sentence in sentences(unit.as_ref()) {
            let words = words(sentence);
            if words.is_empty() {
                continue;
            }
            for word in &words {
                analysis.counts.syllables += syllables(word, lang);
                if word.chars().filter(|c| c.is_alphabetic()).count() > 6 {
                    analysis.counts.long_words += 1;
                }
            }
            analysis.counts.words += words.len() as u32;
            analysis.counts.sentences += 1;
            let start: Vec<&str> = words.iter().take(6).copied().collect();
            analysis.sentences.push(Sentence { unit: index, words: words.len() as u32, start: start.join(" ") });
        }
    }
    analysis
}

/// Abbreviations after which a full stop does not end a sentence (folded, without their final stop).
const ABBREVIATIONS: &[&str] =
    &["e.g", "i.e", "etc", "mr", "mrs", "ms", "dr", "st", "vs", "v", "no", "p", "ex", "art", "cf", "m", "mme", "ste"];

/// Splits a unit into sentences.
pub fn sentences(unit: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = unit.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if matches!(c, '.' | '!' | '?' | '…') {
            // The whole run of end marks and closing quotes or brackets.
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '.' | '!' | '?' | '…' | '"' | '”' | '’' | '»' | ')' | '\'')
            {
                j += 1;
            }
            let at_end = j == chars.len();
            let spaced = at_end || chars[j].1.is_whitespace();
            if spaced && !(c == '.' && j == i + 1 && is_abbreviation(&unit[start..at])) {
                let end = chars.get(j).map(|(b, _)| *b).unwrap_or(unit.len());
                let sentence = unit[start..end].trim();
                if !sentence.is_empty() {
                    out.push(sentence);
                }
                start = end;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    let rest = unit[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// Whether the text before a full stop ends with an abbreviation ("e.g", "p", "M").
fn is_abbreviation(before: &str) -> bool {
    let last = before.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
    let folded: String = last.chars().map(fold).collect();
    ABBREVIATIONS.contains(&folded.as_str())
}

/// The words of a sentence: runs of letters and digits joined by inner apostrophes and hyphens.
pub fn words(sentence: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = sentence.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].1.is_alphanumeric() {
            i += 1;
            continue;
        }
        let start = chars[i].0;
        let mut j = i;
        loop {
            while j < chars.len() && chars[j].1.is_alphanumeric() {
                j += 1;
            }
            let joined = j + 1 < chars.len()
                && (is_apostrophe(chars[j].1) || is_hyphen(chars[j].1))
                && chars[j + 1].1.is_alphanumeric();
            if !joined {
                break;
            }
            j += 1;
        }
        let end = chars.get(j).map(|(b, _)| *b).unwrap_or(sentence.len());
        out.push(&sentence[start..end]);
        i = j;
    }
    out
}

/// The syllables of a word in `lang` (at least one).
pub fn syllables(word: &str, lang: Lang) -> u32 {
    let total: u32 = word
        .split(|c: char| is_apostrophe(c) || is_hyphen(c))
        .filter(|part| !part.is_empty())
        .map(|part| {
            if part.chars().all(|c| c.is_ascii_digit()) {
                2
            } else if is_acronym(part) || (part.chars().count() == 1 && part.chars().all(is_capital)) {
                part.chars().filter(|c| c.is_alphabetic()).map(|c| if fold(c) == 'w' { 3 } else { 1 }).sum()
            } else {
                let letters: String = part.chars().filter(|c| c.is_alphabetic()).map(fold).collect();
                match lang {
                    Lang::En => english_syllables(&letters),
                    Lang::Fr => french_syllables(&letters),
                }
            }
        })
        .sum();
    total.max(1)
}

fn vowel_groups(word: &[char], is_vowel: impl Fn(usize) -> bool) -> u32 {
    let mut groups = 0;
    let mut in_group = false;
    for index in 0..word.len() {
        let vowel = is_vowel(index);
        if vowel && !in_group {
            groups += 1;
        }
        in_group = vowel;
    }
    groups
}

/// English: vowel groups (a e i o u y), less a silent final "e", "es" or "ed"; a leading "y" is a consonant.
pub fn english_syllables(word: &str) -> u32 {
    let mut w: Vec<char> = word.chars().collect();
    let is_v = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    // An elided part ("don't", "l'") has no vowel and no syllable of its own.
    if !w.iter().any(|c| is_v(*c)) {
        return 0;
    }
    if w.len() <= 3 {
        return 1;
    }
    let n = w.len();
    let before = |k: usize| w[n - k];
    let silent_ed = w.ends_with(&['e', 'd']) && !matches!(before(3), 't' | 'd');
    let silent_es =
        w.ends_with(&['e', 's']) && !matches!(before(3), 's' | 'x' | 'z' | 'c' | 'g' | 'h' | 'l') && !is_v(before(3));
    // A final "e" is silent after a consonant, except in "-le" after a consonant ("table").
    let silent_e = w.ends_with(&['e']) && !is_v(before(2)) && (before(2) != 'l' || is_v(before(3)));
    if silent_ed || silent_es {
        w.truncate(n - 2);
    } else if silent_e {
        w.truncate(n - 1);
    }
    if w.first() == Some(&'y') {
        w.remove(0);
    }
    vowel_groups(&w, |i| is_v(w[i])).max(1)
}

/// French: vowel groups (with accented vowels, œ; "u" after "q", and after "g" before a vowel, is silent), less a
/// mute final "e" or "es" after a consonant.
pub fn french_syllables(word: &str) -> u32 {
    let w: Vec<char> = word.chars().collect();
    let is_v = |c: char| "aeiouyàâäéèêëîïôöùûüÿœæ".contains(c);
    let vowel_at = |i: usize| {
        let c = w[i];
        if c == 'u' && i > 0 && (w[i - 1] == 'q' || (w[i - 1] == 'g' && w.get(i + 1).is_some_and(|n| is_v(*n)))) {
            return false;
        }
        is_v(c)
    };
    let mut groups = vowel_groups(&w, vowel_at);
    let n = w.len();
    let mute_e_at = if w.ends_with(&['e']) {
        Some(n - 1)
    } else if w.ends_with(&['e', 's']) {
        Some(n - 2)
    } else {
        None
    };
    if let Some(e) = mute_e_at {
        if groups > 1 && e > 0 && !is_v(w[e - 1]) {
            groups -= 1;
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_syllables_by_hand() {
        for (word, expected) in [
            ("the", 1),
            ("police", 2),
            ("table", 2),
            ("people", 2),
            ("free", 1),
            ("year", 1),
            ("privacy", 3),
            ("information", 4),
            ("makes", 1),
            ("boxes", 2),
            ("judges", 2),
            ("companies", 3),
            ("wanted", 2),
            ("jumped", 1),
            ("everyone", 3),
            ("beautiful", 3),
        ] {
            assert_eq!(syllables(word, Lang::En), expected, "{word}");
        }
        assert_eq!(syllables("CSIS", Lang::En), 4);
        assert_eq!(syllables("WWW", Lang::En), 9);
        assert_eq!(syllables("C-22", Lang::En), 3);
        assert_eq!(syllables("2026", Lang::En), 2);
        assert_eq!(syllables("don't", Lang::En), 1);
    }

    #[test]
    fn french_syllables_by_hand() {
        for (word, expected) in [
            ("loi", 1),
            ("police", 2),
            ("données", 2),
            ("entreprises", 3),
            ("téléphone", 3),
            ("quatre", 1),
            ("guerre", 1),
            ("aiguille", 2),
            ("eau", 1),
            ("juge", 1),
            ("sécurité", 4),
            ("mandat", 2),
        ] {
            assert_eq!(syllables(word, Lang::Fr), expected, "{word}");
        }
        // Elisions: "l" has no vowel, so "l'ASFC" is the acronym's four letters.
        assert_eq!(syllables("l'ASFC", Lang::Fr), 4);
        assert_eq!(syllables("peut-être", Lang::Fr), 2);
    }

    #[test]
    fn sentences_and_words() {
        assert_eq!(sentences("One. Two! Three? Four… Five"), ["One.", "Two!", "Three?", "Four…", "Five"]);
        assert_eq!(
            sentences("It costs 4.5 dollars. Next, e.g. this one. Done"),
            ["It costs 4.5 dollars.", "Next, e.g. this one.", "Done"]
        );
        assert_eq!(sentences("Voir p. 3 et M. Roy. Fin."), ["Voir p. 3 et M. Roy.", "Fin."]);
        assert_eq!(sentences("He said \"stop.\" Then left."), ["He said \"stop.\"", "Then left."]);
        assert_eq!(
            words("l'ASFC, Bill C-22 et peut-être 2026 — fin."),
            ["l'ASFC", "Bill", "C-22", "et", "peut-être", "2026", "fin"]
        );
        assert_eq!(words("rock 'n' roll"), ["rock", "n", "roll"]);
    }

    /// The formulas against values computed by hand.
    #[test]
    fn english_text_by_hand() {
        // "The cat sat on the mat. It was happy." 2 sentences, 9 words; syllables: the 1, cat 1, sat 1, on 1,
        // the 1, mat 1, it 1, was 1, happy 2 = 10. FK = 0.39 × 4.5 + 11.8 × 10/9 − 15.59 = 1.755 + 13.111 − 15.59
        // = −0.724. LIX = 4.5 + 100 × 0/9 = 4.5.
        let a = analyze(&["The cat sat on the mat. It was happy."], Lang::En);
        assert_eq!(a.counts, Counts { sentences: 2, words: 9, syllables: 10, long_words: 0 });
        assert_eq!(tenths(a.counts.flesch_kincaid()), -7);
        assert_eq!(tenths(a.counts.lix()), 45);

        // "Police should need a warrant before they get information about you." 1 sentence, 11 words;
        // syllables: police 2, should 1, need 1, a 1, warrant 2, before 2, they 1, get 1, information 4,
        // about 2, you 1 = 18. FK = 0.39 × 11 + 11.8 × 18/11 − 15.59 = 4.29 + 19.309 − 15.59 = 8.009.
        // Long words (> 6 letters): warrant, information = 2; LIX = 11 + 200/11 = 29.18.
        let a = analyze(&["Police should need a warrant before they get information about you."], Lang::En);
        assert_eq!(a.counts, Counts { sentences: 1, words: 11, syllables: 18, long_words: 2 });
        assert_eq!(tenths(a.counts.flesch_kincaid()), 80);
        assert_eq!(tenths(a.counts.lix()), 292);
    }

    #[test]
    fn french_text_by_hand() {
        // « La police devrait avoir un mandat. » 1 phrase, 6 mots ; syllabes : la 1, police 2, devrait 2,
        // avoir 2, un 1, mandat 2 = 10. Kandel–Moles = 207 − 1,015 × 6 − 73,6 × 10/6 = 207 − 6,09 − 122,667
        // = 78,243 ; grade = (100 − 78,243)/10 + 4 = 6,18. Mots longs : devrait (7) = 1 ; LIX = 6 + 100/6 = 22,67.
        let a = analyze(&["La police devrait avoir un mandat."], Lang::Fr);
        assert_eq!(a.counts, Counts { sentences: 1, words: 6, syllables: 10, long_words: 1 });
        assert_eq!(tenths(a.counts.kandel_moles()), 782);
        assert_eq!(tenths(a.counts.grade(Lang::Fr)), 62);
        assert_eq!(tenths(a.counts.lix()), 227);
    }

    #[test]
    fn units_end_sentences() {
        let a = analyze(&["A list item without a stop", "Another one. With two"], Lang::En);
        assert_eq!(a.counts.sentences, 3);
        assert_eq!(a.sentences_in(0), 1);
        assert_eq!(a.sentences_in(1), 2);
        assert_eq!(a.sentences[0].start, "A list item without a stop");
    }

    #[test]
    fn tenths_are_formatted_per_language() {
        assert_eq!(format_tenths(74, Lang::En), "7.4");
        assert_eq!(format_tenths(74, Lang::Fr), "7,4");
        assert_eq!(format_tenths(-7, Lang::En), "-0.7");
        assert_eq!(format_tenths(120, Lang::En), "12.0");
    }
}
