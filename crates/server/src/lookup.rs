//! `voix lookup CODE`: the federal ridings of a postal code and their MPs, as the widget offers them.

use std::io::{self, Write};
use std::path::Path;
use voix_core::directory::{as_of_line, other_ridings_heading};
use voix_core::i18n::{ActionText, LetterText};
use voix_core::{Directory, District, Lang, PostalCode};

/// Exit status: the code is valid and its ridings were printed.
pub const EXIT_FOUND: u8 = 0;
/// Exit status: the text is not a postal code.
pub const EXIT_BAD_CODE: u8 = 1;
/// Exit status: the data file cannot be read.
pub const EXIT_NO_DATA: u8 = 2;

/// "Your riding:" / "Votre circonscription :".
fn heading(text: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{text}:"),
        Lang::Fr => format!("{text}\u{a0}:"),
    }
}

/// Two lines: the riding, then its MP (name, party, email) or the vacancy.
fn write_district(out: &mut impl Write, district: &District, lang: Lang) -> io::Result<()> {
    writeln!(out, "  {} ({})", district.name(lang), district.fed_num())?;
    match district.mp() {
        None => writeln!(out, "    {}", LetterText::NoSittingMp.get(lang)),
        Some(mp) => {
            let email = mp.email().map_or_else(|| format!("({})", LetterText::MpNoEmail.get(lang)), str::to_owned);
            writeln!(out, "    {}, {}, {email}", mp.name(), mp.party().name(lang))
        }
    }
}

/// Looks `code` up in the data file at `data` and prints the candidate ridings in `lang`; errors go to `err`.
/// Returns the exit status.
pub fn run(code: &str, data: &Path, lang: Lang, out: &mut impl Write, err: &mut impl Write) -> io::Result<u8> {
    let code = match PostalCode::parse(code) {
        Ok(code) => code,
        Err(problem) => {
            writeln!(err, "{}", problem.text(lang))?;
            return Ok(EXIT_BAD_CODE);
        }
    };
    let directory = match std::fs::read_to_string(data) {
        Err(error) => {
            let reason = match lang {
                Lang::En => format!("cannot read {}: {error}", data.display()),
                Lang::Fr => format!("impossible de lire {}\u{a0}: {error}", data.display()),
            };
            writeln!(err, "{} ({reason})", LetterText::RidingDataUnavailable.get(lang))?;
            return Ok(EXIT_NO_DATA);
        }
        Ok(text) => match Directory::from_json(&text) {
            Ok(directory) => directory,
            Err(problem) => {
                writeln!(err, "{} ({})", LetterText::RidingDataUnavailable.get(lang), problem.text(lang))?;
                return Ok(EXIT_NO_DATA);
            }
        },
    };
    let candidates = directory.candidates(&code);
    let provinces: Vec<&str> = candidates.provinces().iter().map(|province| province.name(lang)).collect();
    let or = if lang == Lang::En { " or " } else { " ou " };
    writeln!(out, "{} {}", heading(&code.formatted(), lang), provinces.join(or))?;
    let lookup = |fed_num| directory.district(fed_num);
    if let Some(only) = candidates.single().and_then(lookup) {
        writeln!(out, "{}", heading(ActionText::YourRiding.get(lang), lang))?;
        write_district(out, only, lang)?;
    } else {
        if let Some(hint) = candidates.hint().and_then(lookup) {
            writeln!(out, "{}", heading(LetterText::RidingSuggested.get(lang), lang))?;
            write_district(out, hint, lang)?;
        }
        writeln!(out, "{}", heading(&other_ridings_heading(candidates.provinces(), lang), lang))?;
        for district in candidates.others().iter().filter_map(|fed_num| lookup(*fed_num)) {
            write_district(out, district, lang)?;
        }
    }
    writeln!(out, "{}.", as_of_line(&directory.as_of(), lang))?;
    Ok(EXIT_FOUND)
}
