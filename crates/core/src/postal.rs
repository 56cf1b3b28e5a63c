//! Canadian postal codes ("K1A 0A6"), read the way people type them, and the province or territory their first
//! letter gives.
//!
//! Every mistake gets its own message in English and French, saying which character is wrong and why, so the
//! person can fix it without guessing.

use crate::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A province or territory of Canada.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Province {
    #[serde(rename = "NL")]
    NewfoundlandAndLabrador,
    #[serde(rename = "PE")]
    PrinceEdwardIsland,
    #[serde(rename = "NS")]
    NovaScotia,
    #[serde(rename = "NB")]
    NewBrunswick,
    #[serde(rename = "QC")]
    Quebec,
    #[serde(rename = "ON")]
    Ontario,
    #[serde(rename = "MB")]
    Manitoba,
    #[serde(rename = "SK")]
    Saskatchewan,
    #[serde(rename = "AB")]
    Alberta,
    #[serde(rename = "BC")]
    BritishColumbia,
    #[serde(rename = "YT")]
    Yukon,
    #[serde(rename = "NT")]
    NorthwestTerritories,
    #[serde(rename = "NU")]
    Nunavut,
}

use Province::*;

impl Province {
    /// East to west, then the territories: the order of Statistics Canada's codes.
    pub const ALL: [Province; 13] = [
        NewfoundlandAndLabrador,
        PrinceEdwardIsland,
        NovaScotia,
        NewBrunswick,
        Quebec,
        Ontario,
        Manitoba,
        Saskatchewan,
        Alberta,
        BritishColumbia,
        Yukon,
        NorthwestTerritories,
        Nunavut,
    ];

    /// Canada Post's two-letter symbol, the same in both languages: `NL`, `QC`, `NU`.
    pub fn code(self) -> &'static str {
        match self {
            NewfoundlandAndLabrador => "NL",
            PrinceEdwardIsland => "PE",
            NovaScotia => "NS",
            NewBrunswick => "NB",
            Quebec => "QC",
            Ontario => "ON",
            Manitoba => "MB",
            Saskatchewan => "SK",
            Alberta => "AB",
            BritishColumbia => "BC",
            Yukon => "YT",
            NorthwestTerritories => "NT",
            Nunavut => "NU",
        }
    }

    /// Reads a two-letter symbol (`QC`, `qc`).
    pub fn from_code(code: &str) -> Option<Province> {
        Province::ALL.into_iter().find(|province| province.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The Statistics Canada code, which is also the first two digits of a federal district number
    /// (`35` for Ontario: district 35075 is in Ontario).
    pub fn statcan_code(self) -> u32 {
        match self {
            NewfoundlandAndLabrador => 10,
            PrinceEdwardIsland => 11,
            NovaScotia => 12,
            NewBrunswick => 13,
            Quebec => 24,
            Ontario => 35,
            Manitoba => 46,
            Saskatchewan => 47,
            Alberta => 48,
            BritishColumbia => 59,
            Yukon => 60,
            NorthwestTerritories => 61,
            Nunavut => 62,
        }
    }

    /// The name in `lang`: "Northwest Territories" / "Territoires du Nord-Ouest".
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (NewfoundlandAndLabrador, Lang::En) => "Newfoundland and Labrador",
            (NewfoundlandAndLabrador, Lang::Fr) => "Terre-Neuve-et-Labrador",
            (PrinceEdwardIsland, Lang::En) => "Prince Edward Island",
            (PrinceEdwardIsland, Lang::Fr) => "Île-du-Prince-Édouard",
            (NovaScotia, Lang::En) => "Nova Scotia",
            (NovaScotia, Lang::Fr) => "Nouvelle-Écosse",
            (NewBrunswick, Lang::En) => "New Brunswick",
            (NewBrunswick, Lang::Fr) => "Nouveau-Brunswick",
            (Quebec, Lang::En) => "Quebec",
            (Quebec, Lang::Fr) => "Québec",
            (Ontario, _) => "Ontario",
            (Manitoba, _) => "Manitoba",
            (Saskatchewan, _) => "Saskatchewan",
            (Alberta, _) => "Alberta",
            (BritishColumbia, Lang::En) => "British Columbia",
            (BritishColumbia, Lang::Fr) => "Colombie-Britannique",
            (Yukon, _) => "Yukon",
            (NorthwestTerritories, Lang::En) => "Northwest Territories",
            (NorthwestTerritories, Lang::Fr) => "Territoires du Nord-Ouest",
            (Nunavut, _) => "Nunavut",
        }
    }

    /// The name after "in", with the preposition each language needs: "in the Northwest Territories",
    /// "au Québec", "en Ontario", "à l'Île-du-Prince-Édouard".
    pub fn located(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (NewfoundlandAndLabrador, Lang::En) => "in Newfoundland and Labrador",
            (NewfoundlandAndLabrador, Lang::Fr) => "à Terre-Neuve-et-Labrador",
            (PrinceEdwardIsland, Lang::En) => "in Prince Edward Island",
            (PrinceEdwardIsland, Lang::Fr) => "à l'Île-du-Prince-Édouard",
            (NovaScotia, Lang::En) => "in Nova Scotia",
            (NovaScotia, Lang::Fr) => "en Nouvelle-Écosse",
            (NewBrunswick, Lang::En) => "in New Brunswick",
            (NewBrunswick, Lang::Fr) => "au Nouveau-Brunswick",
            (Quebec, Lang::En) => "in Quebec",
            (Quebec, Lang::Fr) => "au Québec",
            (Ontario, Lang::En) => "in Ontario",
            (Ontario, Lang::Fr) => "en Ontario",
            (Manitoba, Lang::En) => "in Manitoba",
            (Manitoba, Lang::Fr) => "au Manitoba",
            (Saskatchewan, Lang::En) => "in Saskatchewan",
            (Saskatchewan, Lang::Fr) => "en Saskatchewan",
            (Alberta, Lang::En) => "in Alberta",
            (Alberta, Lang::Fr) => "en Alberta",
            (BritishColumbia, Lang::En) => "in British Columbia",
            (BritishColumbia, Lang::Fr) => "en Colombie-Britannique",
            (Yukon, Lang::En) => "in Yukon",
            (Yukon, Lang::Fr) => "au Yukon",
            (NorthwestTerritories, Lang::En) => "in the Northwest Territories",
            (NorthwestTerritories, Lang::Fr) => "dans les Territoires du Nord-Ouest",
            (Nunavut, Lang::En) => "in Nunavut",
            (Nunavut, Lang::Fr) => "au Nunavut",
        }
    }

    /// The abbreviation used in running text (Government of Canada style): "Que." / "Qc", "N.W.T." / "T.N.-O.".
    pub fn abbreviation(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (NewfoundlandAndLabrador, Lang::En) => "N.L.",
            (NewfoundlandAndLabrador, Lang::Fr) => "T.-N.-L.",
            (PrinceEdwardIsland, Lang::En) => "P.E.I.",
            (PrinceEdwardIsland, Lang::Fr) => "Î.-P.-É.",
            (NovaScotia, Lang::En) => "N.S.",
            (NovaScotia, Lang::Fr) => "N.-É.",
            (NewBrunswick, Lang::En) => "N.B.",
            (NewBrunswick, Lang::Fr) => "N.-B.",
            (Quebec, Lang::En) => "Que.",
            (Quebec, Lang::Fr) => "Qc",
            (Ontario, _) => "Ont.",
            (Manitoba, _) => "Man.",
            (Saskatchewan, _) => "Sask.",
            (Alberta, Lang::En) => "Alta.",
            (Alberta, Lang::Fr) => "Alb.",
            (BritishColumbia, Lang::En) => "B.C.",
            (BritishColumbia, Lang::Fr) => "C.-B.",
            (Yukon, Lang::En) => "Y.T.",
            (Yukon, Lang::Fr) => "Yn",
            (NorthwestTerritories, Lang::En) => "N.W.T.",
            (NorthwestTerritories, Lang::Fr) => "T.N.-O.",
            (Nunavut, Lang::En) => "Nvt.",
            (Nunavut, Lang::Fr) => "Nt",
        }
    }

    /// The provinces or territories whose postal codes start with `letter` (upper case). `X` is shared by Nunavut
    /// and the Northwest Territories; letters that start no postal code give none.
    pub fn from_first_letter(letter: char) -> &'static [Province] {
        match letter {
            'A' => &[NewfoundlandAndLabrador],
            'B' => &[NovaScotia],
            'C' => &[PrinceEdwardIsland],
            'E' => &[NewBrunswick],
            'G' | 'H' | 'J' => &[Quebec],
            'K' | 'L' | 'M' | 'N' | 'P' => &[Ontario],
            'R' => &[Manitoba],
            'S' => &[Saskatchewan],
            'T' => &[Alberta],
            'V' => &[BritishColumbia],
            'X' => &[Nunavut, NorthwestTerritories],
            'Y' => &[Yukon],
            _ => &[],
        }
    }
}

/// Letters Canada Post never uses anywhere in a postal code (they look like digits or other letters).
const NEVER_USED: [char; 6] = ['D', 'F', 'I', 'O', 'Q', 'U'];
/// Letters used in postal codes but never as the first letter.
const NEVER_FIRST: [char; 2] = ['W', 'Z'];

/// What a position of a postal code holds: letter, digit, letter, digit, letter, digit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CharKind {
    Letter,
    Digit,
}

impl CharKind {
    /// The kind at `index` (from 0) of the six characters.
    fn at(index: usize) -> CharKind {
        if index.is_multiple_of(2) {
            CharKind::Letter
        } else {
            CharKind::Digit
        }
    }
}

/// Why a text is not a postal code. Positions count from 1 over the six letters and digits (spaces and a dash
/// do not count).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PostalCodeError {
    /// Nothing was typed.
    Empty,
    /// A character that is neither a letter nor a digit (spaces and a dash are allowed and ignored).
    NotLetterOrDigit { found: char },
    /// Not six letters and digits.
    WrongLength { found: usize },
    /// A letter where a digit belongs, or a digit where a letter belongs.
    WrongKind { position: usize, expected: CharKind, found: char },
    /// D, F, I, O, Q or U, which postal codes never use.
    LetterNeverUsed { position: usize, letter: char },
    /// W or Z as the first letter, which no postal code has.
    NeverFirst { letter: char },
}

/// A letter or digit between quotation marks, as each language writes them.
fn quoted(c: char, lang: Lang) -> String {
    match lang {
        Lang::En => format!("\"{c}\""),
        Lang::Fr => format!("«\u{a0}{c}\u{a0}»"),
    }
}

/// The digit a person probably meant when typing a look-alike letter.
fn digit_look_alike(letter: char) -> Option<char> {
    match letter {
        'O' => Some('0'),
        'I' | 'L' => Some('1'),
        _ => None,
    }
}

impl PostalCodeError {
    /// The message in plain words in `lang`, as a full sentence.
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Fr};
        match (self, lang) {
            (PostalCodeError::Empty, En) => "Enter your postal code, for example K1A 0A6.".into(),
            (PostalCodeError::Empty, Fr) => "Entrez votre code postal, par exemple K1A 0A6.".into(),
            (PostalCodeError::NotLetterOrDigit { found }, En) => format!(
                "{} cannot be part of a postal code: use only letters and digits, like K1A 0A6.",
                quoted(*found, lang)
            ),
            (PostalCodeError::NotLetterOrDigit { found }, Fr) => format!(
                "{} ne peut pas faire partie d'un code postal\u{a0}: utilisez seulement des lettres et des chiffres, comme K1A 0A6.",
                quoted(*found, lang)
            ),
            (PostalCodeError::WrongLength { found }, En) => format!(
                "A postal code has 6 letters and digits, like K1A 0A6; this one has {found}."
            ),
            (PostalCodeError::WrongLength { found }, Fr) => format!(
                "Un code postal compte 6 lettres et chiffres, comme K1A 0A6\u{a0}; celui-ci en compte {found}."
            ),
            (PostalCodeError::WrongKind { position, expected: CharKind::Digit, found }, _) => {
                wrong_kind_digit(*position, *found, lang)
            }
            (PostalCodeError::WrongKind { position, expected: CharKind::Letter, found }, En) => format!(
                "Character {position} should be a letter, not the digit {}: postal codes alternate letter and digit, like K1A 0A6.",
                quoted(*found, lang)
            ),
            (PostalCodeError::WrongKind { position, expected: CharKind::Letter, found }, Fr) => format!(
                "Le caractère {position} doit être une lettre, pas le chiffre {}\u{a0}: les codes postaux alternent lettre et chiffre, comme K1A 0A6.",
                quoted(*found, lang)
            ),
            (PostalCodeError::LetterNeverUsed { position, letter }, En) => format!(
                "Postal codes never use the letter {} (character {position}): check the code on your mail.",
                quoted(*letter, lang)
            ),
            (PostalCodeError::LetterNeverUsed { position, letter }, Fr) => format!(
                "Les codes postaux n'utilisent jamais la lettre {} (caractère {position})\u{a0}: vérifiez le code sur votre courrier.",
                quoted(*letter, lang)
            ),
            (PostalCodeError::NeverFirst { letter }, En) => format!(
                "No Canadian postal code starts with {}: check the first letter.",
                quoted(*letter, lang)
            ),
            (PostalCodeError::NeverFirst { letter }, Fr) => format!(
                "Aucun code postal canadien ne commence par {}\u{a0}: vérifiez la première lettre.",
                quoted(*letter, lang)
            ),
        }
    }
}

fn wrong_kind_digit(position: usize, found: char, lang: Lang) -> String {
    let base = match lang {
        Lang::En => format!("Character {position} should be a digit, not the letter {}", quoted(found, lang)),
        Lang::Fr => format!("Le caractère {position} doit être un chiffre, pas la lettre {}", quoted(found, lang)),
    };
    match (digit_look_alike(found), lang) {
        (Some(digit), Lang::En) => format!("{base}: did you mean the digit {digit}?"),
        (Some(digit), Lang::Fr) => format!("{base}\u{a0}: vouliez-vous dire le chiffre {digit}\u{202f}?"),
        (None, Lang::En) => format!("{base}: postal codes alternate letter and digit, like K1A 0A6."),
        (None, Lang::Fr) => format!("{base}\u{a0}: les codes postaux alternent lettre et chiffre, comme K1A 0A6."),
    }
}

impl fmt::Display for PostalCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for PostalCodeError {}

/// Spaces of any kind and dashes people put between the two halves ("K1A 0A6", "K1A-0A6", "K1A\u{a0}0A6").
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}')
}

/// Checks one character at `index` (from 0) against the postal code rules; `found` is upper case.
fn check_char(index: usize, found: char) -> Result<(), PostalCodeError> {
    let position = index + 1;
    match CharKind::at(index) {
        CharKind::Letter if !found.is_ascii_uppercase() => {
            return Err(PostalCodeError::WrongKind { position, expected: CharKind::Letter, found });
        }
        CharKind::Digit if !found.is_ascii_digit() => {
            return Err(PostalCodeError::WrongKind { position, expected: CharKind::Digit, found });
        }
        _ => {}
    }
    if NEVER_USED.contains(&found) {
        return Err(PostalCodeError::LetterNeverUsed { position, letter: found });
    }
    if index == 0 && NEVER_FIRST.contains(&found) {
        return Err(PostalCodeError::NeverFirst { letter: found });
    }
    Ok(())
}

/// Keeps the letters and digits of `input` in upper case, or says which character does not belong.
fn letters_and_digits(input: &str) -> Result<Vec<char>, PostalCodeError> {
    let mut kept = Vec::with_capacity(6);
    for c in input.chars().filter(|c| !is_separator(*c)) {
        if !c.is_ascii_alphanumeric() {
            return Err(PostalCodeError::NotLetterOrDigit { found: c });
        }
        kept.push(c.to_ascii_uppercase());
    }
    Ok(kept)
}

/// Copies six checked ASCII characters into bytes.
fn to_bytes<const N: usize>(chars: &[char]) -> [u8; N] {
    let mut bytes = [0u8; N];
    for (byte, c) in bytes.iter_mut().zip(chars) {
        // Only ASCII letters and digits reach here, so the cast keeps the character.
        *byte = *c as u8;
    }
    bytes
}

/// ASCII bytes as text; every constructor checks the bytes are ASCII letters and digits.
fn ascii_str(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).unwrap_or("")
}

/// A Forward Sortation Area: the first three characters of a postal code ("K1A"), which fix its province and
/// roughly its area.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Fsa([u8; 3]);

impl Fsa {
    /// Reads an FSA such as `k1a` or `K1A`, with the postal code rules for its three characters.
    pub fn parse(input: &str) -> Result<Fsa, PostalCodeError> {
        let chars = letters_and_digits(input)?;
        if chars.is_empty() {
            return Err(PostalCodeError::Empty);
        }
        if chars.len() != 3 {
            return Err(PostalCodeError::WrongLength { found: chars.len() });
        }
        for (index, c) in chars.iter().enumerate() {
            check_char(index, *c)?;
        }
        Ok(Fsa(to_bytes(&chars)))
    }

    pub fn as_str(&self) -> &str {
        ascii_str(&self.0)
    }

    /// The first letter, which gives the province or territory.
    pub fn first_letter(&self) -> char {
        char::from(self.0[0])
    }

    /// The provinces or territories this FSA can be in: one, except two for `X` (Nunavut or the Northwest
    /// Territories; the directory knows which X FSA is which).
    pub fn provinces(&self) -> &'static [Province] {
        Province::from_first_letter(self.first_letter())
    }
}

impl fmt::Display for Fsa {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A postal code that follows Canada Post's rules (it may still be unassigned).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PostalCode([u8; 6]);

impl PostalCode {
    /// Reads a postal code as people type it: any case, spaces (including no-break spaces) or a dash between the
    /// halves, spaces around. `"k1a0a6"`, `" K1A-0A6 "` and `"K1A 0A6"` are the same code.
    pub fn parse(input: &str) -> Result<PostalCode, PostalCodeError> {
        let chars = letters_and_digits(input)?;
        if chars.is_empty() {
            return Err(PostalCodeError::Empty);
        }
        // Check the characters typed so far before the length, so "K1O" says what is wrong with "O".
        for (index, c) in chars.iter().take(6).enumerate() {
            check_char(index, *c)?;
        }
        if chars.len() != 6 {
            return Err(PostalCodeError::WrongLength { found: chars.len() });
        }
        Ok(PostalCode(to_bytes(&chars)))
    }

    /// The Forward Sortation Area: `K1A`.
    pub fn fsa(&self) -> Fsa {
        Fsa([self.0[0], self.0[1], self.0[2]])
    }

    /// The Local Delivery Unit, the last three characters: `0A6`.
    pub fn ldu(&self) -> &str {
        ascii_str(&self.0[3..])
    }

    /// As Canada Post writes it: `K1A 0A6`.
    pub fn formatted(&self) -> String {
        format!("{} {}", self.fsa(), self.ldu())
    }

    /// Without the space, as URLs and APIs take it: `K1A0A6`.
    pub fn compact(&self) -> &str {
        ascii_str(&self.0)
    }

    /// The provinces or territories this code can be in (see [`Fsa::provinces`]).
    pub fn provinces(&self) -> &'static [Province] {
        self.fsa().provinces()
    }
}

impl fmt::Display for PostalCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.fsa(), self.ldu())
    }
}

impl std::str::FromStr for PostalCode {
    type Err = PostalCodeError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PostalCode::parse(s)
    }
}
