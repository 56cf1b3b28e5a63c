//! How much of a letter is in the person's own words: the share of its word triples (3-grams) that appear in no
//! campaign text. Offices give more weight to letters that are not copies, so the widget encourages a few
//! sentences of one's own; the measure never blocks sending.
//!
//! Triples rather than words: campaign and person share most words ("the", "bill", "privacy"), but a reworded
//! sentence shares few triples with the original, and one changed word changes the three triples around it.

use super::compose::ComposedLetter;
use crate::i18n::LetterText;
use crate::Lang;

/// How original a letter is, for the widget's gauge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum OriginalityLevel {
    /// Below 15 %: mostly the campaign's wording.
    Low,
    /// 15 % to 39 %: the person's words are clearly in it (a short story beside four points lands here).
    Medium,
    /// 40 % and more.
    High,
}

impl OriginalityLevel {
    fn of(percent: u8) -> OriginalityLevel {
        match percent {
            0..=14 => OriginalityLevel::Low,
            15..=39 => OriginalityLevel::Medium,
            _ => OriginalityLevel::High,
        }
    }

    /// An encouraging sentence for this level.
    pub fn message(self) -> LetterText {
        match self {
            OriginalityLevel::Low => LetterText::OriginalityLow,
            OriginalityLevel::Medium => LetterText::OriginalityMedium,
            OriginalityLevel::High => LetterText::OriginalityHigh,
        }
    }
}

/// The share of the letter in the person's own words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Originality {
    /// 0 to 100, rounded down.
    pub percent: u8,
    pub level: OriginalityLevel,
}

impl Originality {
    /// "Your own words: 35%" / "Vos propres mots : 35 %".
    pub fn line(self, lang: Lang) -> String {
        match lang {
            Lang::En => format!("{}: {}%", LetterText::OriginalityLabel.get(lang), self.percent),
            Lang::Fr => format!("{}\u{a0}: {}\u{202f}%", LetterText::OriginalityLabel.get(lang), self.percent),
        }
    }
}

impl ComposedLetter {
    /// The originality of the message (as edited): the salutation, closing formula and address are left out,
    /// being neither the campaign's argument nor the person's.
    pub fn originality(&self) -> Originality {
        originality(&self.message, &self.campaign_texts)
    }
}

/// The originality of `message` against the campaign's texts. A message too short to hold a triple counts as
/// 0 %: there is nothing yet to judge.
pub fn originality(message: &str, campaign_texts: &[String]) -> Originality {
    CampaignWording::new(campaign_texts).originality(message)
}

/// The campaign's texts, reduced to their word triples. Building it is most of the cost of [`originality`]; the
/// widget can keep one while only the message changes (it depends on `campaign_texts` alone).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CampaignWording {
    /// Sorted and deduplicated triple hashes.
    triples: Vec<u64>,
}

impl CampaignWording {
    pub fn new(campaign_texts: &[String]) -> Self {
        let mut triples = Vec::with_capacity(campaign_texts.iter().map(|t| t.len() / 5).sum());
        for text in campaign_texts {
            for_each_triple(text, |triple| triples.push(triple));
        }
        triples.sort_unstable();
        triples.dedup();
        CampaignWording { triples }
    }

    /// The share of `message`'s triples that are not the campaign's.
    pub fn originality(&self, message: &str) -> Originality {
        let (mut total, mut own) = (0u32, 0u32);
        for_each_triple(message, |triple| {
            total += 1;
            if self.triples.binary_search(&triple).is_err() {
                own += 1;
            }
        });
        // No triple yet (an empty or very short message): nothing to judge, 0 %.
        let percent = (own * 100).checked_div(total).unwrap_or(0) as u8;
        Originality { percent, level: OriginalityLevel::of(percent) }
    }
}

/// Calls `f` with a hash of each run of three consecutive words, within a line (a triple spanning two paragraphs
/// is neither the campaign's nor the person's). Words are runs of letters and digits, case-folded; apostrophes,
/// hyphens and punctuation separate them ("l'accès" is "l" and "accès"). One pass over the characters: this runs
/// on every keystroke.
fn for_each_triple(text: &str, mut f: impl FnMut(u64)) {
    const FNV_OFFSET: u64 = 0xCBF2_9CE4_8422_2325;
    const FNV_PRIME: u64 = 0x0000_0100_0000_01B3;
    let mut window = [0u64; 3];
    let mut words_in_line = 0usize;
    let mut word = FNV_OFFSET;
    let mut in_word = false;
    for c in text.chars().chain(std::iter::once('\n')) {
        if is_word_char(c) {
            word = (word ^ u64::from(fold_case(c))).wrapping_mul(FNV_PRIME);
            in_word = true;
            continue;
        }
        if in_word {
            window = [window[1], window[2], word];
            words_in_line += 1;
            if words_in_line >= 3 {
                f(combine(window));
            }
            word = FNV_OFFSET;
            in_word = false;
        }
        if c == '\n' {
            words_in_line = 0;
        }
    }
}

/// One hash for an ordered triple: each word rotated by its position, then mixed.
#[inline]
fn combine([first, second, third]: [u64; 3]) -> u64 {
    super::pick::splitmix64(first ^ second.rotate_left(21) ^ third.rotate_left(42))
}

/// Letters and digits of English and French text, without Unicode tables (which would weigh on the wasm bundle):
/// ASCII letters and digits, and everything from U+00C0 on except the punctuation and spaces writers use there.
#[inline]
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || (c >= '\u{c0}' && !matches!(c, '\u{d7}' | '\u{f7}' | '\u{2000}'..='\u{206f}' | '\u{3000}' | '\u{feff}'))
}

/// Lower case for ASCII and the Latin-1 and Latin Extended-A capitals French uses (É, À, Ç, Œ…).
#[inline]
fn fold_case(c: char) -> char {
    match c {
        'A'..='Z' | '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{de}' => char::from_u32(c as u32 + 32).unwrap_or(c),
        // Latin Extended-A pairs capitals and small letters as even/odd code points (Œ U+0152, œ U+0153).
        '\u{100}'..='\u{137}' | '\u{14a}'..='\u{177}' if (c as u32).is_multiple_of(2) => {
            char::from_u32(c as u32 + 1).unwrap_or(c)
        }
        '\u{178}' => '\u{ff}',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_punctuation_do_not_make_words_original() {
        let campaign = vec!["Élargir l'accès légal menace la vie privée.".to_owned()];
        assert_eq!(originality("ÉLARGIR L’ACCÈS LÉGAL, MENACE LA VIE PRIVÉE !", &campaign).percent, 0);
        assert_eq!(fold_case('Œ'), 'œ');
        assert_eq!(fold_case('Ÿ'), 'ÿ');
        assert_eq!(fold_case('×'), '×');
    }

    #[test]
    fn short_messages_count_as_nothing_yet() {
        assert_eq!(originality("", &[]).percent, 0);
        assert_eq!(originality("Two words", &[]).level, OriginalityLevel::Low);
        assert_eq!(originality("Three whole words", &[]).percent, 100);
    }
}
