//! `voix lookup CODE` (and `--at LAT,LON`, in [`at`]): the federal ridings of a postal code and their MPs, as the widget offers them: the short list
//! of ridings sharing the postal code's area (first = the suggestion), then the rest of the province. With
//! `--format json`, the short list as data; with `--evaluate FILE.csv`, how good the lookup is on real codes.

use crate::check::Format;
use std::io::{self, Write};
use std::path::Path;
use std::time::Instant;
use voix_core::directory::{area_share_line, as_of_line, other_ridings_heading, unknown_area_line, RidingShare};
use voix_core::i18n::{ActionText, LetterText};
use voix_core::{Candidates, Directory, District, FedNum, Lang, PostalCode};

mod at;
pub use at::{run_at, EXIT_NO_RIDING_THERE};

/// Exit status: the code is valid and its ridings were printed.
pub const EXIT_FOUND: u8 = 0;
/// Exit status: the text is not a postal code (or the evaluation file cannot be read).
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

/// Two lines: the riding (with its share of the postal code's area, when known), then its MP or the vacancy.
fn write_district(out: &mut impl Write, district: &District, share: Option<u16>, lang: Lang) -> io::Result<()> {
    let share = share.map(|permille| format!(", {}", area_share_line(permille, lang))).unwrap_or_default();
    writeln!(out, "  {} ({}{share})", district.name(lang), district.fed_num())?;
    match district.mp() {
        None => writeln!(out, "    {}", LetterText::NoSittingMp.get(lang)),
        Some(mp) => {
            let email = mp.email().map_or_else(|| format!("({})", LetterText::MpNoEmail.get(lang)), str::to_owned);
            writeln!(out, "    {}, {}, {email}", mp.name(), mp.party().name(lang))
        }
    }
}

/// Reads the data file, or says why not on `err`.
fn read_directory(data: &Path, lang: Lang, err: &mut impl Write) -> io::Result<Option<Directory>> {
    let problem = match std::fs::read_to_string(data) {
        Err(error) => match lang {
            Lang::En => format!("cannot read {}: {error}", data.display()),
            Lang::Fr => format!("impossible de lire {}\u{a0}: {error}", data.display()),
        },
        Ok(text) => match Directory::from_json(&text) {
            Ok(directory) => return Ok(Some(directory)),
            Err(problem) => problem.text(lang),
        },
    };
    writeln!(err, "{} ({problem})", LetterText::RidingDataUnavailable.get(lang))?;
    Ok(None)
}

/// Looks `code` up in the data file at `data` and prints the candidate ridings in `lang`; errors go to `err`.
/// Returns the exit status.
pub fn run(
    code: &str,
    data: &Path,
    format: Format,
    lang: Lang,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<u8> {
    let code = match PostalCode::parse(code) {
        Ok(code) => code,
        Err(problem) => {
            writeln!(err, "{}", problem.text(lang))?;
            return Ok(EXIT_BAD_CODE);
        }
    };
    let Some(directory) = read_directory(data, lang, err)? else { return Ok(EXIT_NO_DATA) };
    let candidates = directory.candidates(&code);
    let known = directory.knows_fsa(code.fsa());
    match format {
        Format::Json => {
            let mut answer = lookup_json(&directory, &code, &candidates);
            if !known {
                let fsa = code.fsa().to_string();
                answer["reason"] = "unknown_area".into();
                answer["message"] = serde_json::json!({"en": unknown_area_line(&fsa, Lang::En), "fr": unknown_area_line(&fsa, Lang::Fr)});
            }
            writeln!(out, "{answer}")?;
        }
        Format::Text => {
            if !known {
                writeln!(err, "{}", unknown_area_line(&code.fsa().to_string(), lang))?;
            }
            write_text(out, &directory, &code, &candidates, lang)?;
        }
    }
    Ok(EXIT_FOUND)
}

fn write_text(
    out: &mut impl Write,
    directory: &Directory,
    code: &PostalCode,
    candidates: &Candidates,
    lang: Lang,
) -> io::Result<()> {
    let provinces: Vec<&str> = candidates.provinces().iter().map(|province| province.name(lang)).collect();
    let or = if lang == Lang::En { " or " } else { " ou " };
    writeln!(out, "{} {}", heading(&code.formatted(), lang), provinces.join(or))?;
    let lookup = |fed_num| directory.district(fed_num);
    if let Some(only) = candidates.single().and_then(lookup) {
        writeln!(out, "{}", heading(ActionText::YourRiding.get(lang), lang))?;
        write_district(out, only, None, lang)?;
    } else {
        let short = candidates.short_list();
        let title = if short.len() > 1 { LetterText::RidingsShared } else { LetterText::RidingSuggested };
        if !short.is_empty() {
            writeln!(out, "{}", heading(title.get(lang), lang))?;
        }
        for riding in short {
            if let Some(district) = lookup(riding.fed_num) {
                write_district(out, district, riding.permille.filter(|_| short.len() > 1), lang)?;
            }
        }
        writeln!(out, "{}", heading(&other_ridings_heading(candidates.provinces(), lang), lang))?;
        for district in candidates.rest().iter().filter_map(|fed_num| lookup(*fed_num)) {
            write_district(out, district, None, lang)?;
        }
    }
    writeln!(out, "{}.", as_of_line(&directory.as_of(), lang))
}

/// `{"postal_code", "ridings": [{"fed_num", "name_en", "name_fr", "share", "mp"}], "exact", "as_of", "provinces"}`:
/// `ridings` is the short list in the order offered, `share` the riding's share of the postal code's area (0 to
/// 1, `null` when only the older one-riding hint names it), `mp` `null` for a vacant seat.
fn lookup_json(directory: &Directory, code: &PostalCode, candidates: &Candidates) -> serde_json::Value {
    let ridings: Vec<serde_json::Value> = candidates
        .short_list()
        .iter()
        .filter_map(|riding| Some(riding_json(directory.district(riding.fed_num)?, riding.permille)))
        .collect();
    let provinces: Vec<&str> = candidates.provinces().iter().map(|province| province.code()).collect();
    serde_json::json!({
        "postal_code": code.formatted(),
        "ridings": ridings,
        "exact": candidates.is_precise(),
        "as_of": directory.as_of().to_string(),
        "provinces": provinces,
    })
}

/// One riding of the JSON contract: `{"fed_num", "name_en", "name_fr", "share", "mp"}`.
fn riding_json(district: &District, share_permille: Option<u16>) -> serde_json::Value {
    let mp =
        district.mp().map(|mp| serde_json::json!({"name": mp.name(), "party": mp.party().id(), "email": mp.email()}));
    serde_json::json!({
        "fed_num": district.fed_num().0,
        "name_en": district.name(Lang::En),
        "name_fr": district.name(Lang::Fr),
        "share": share_permille.map(|permille| f64::from(permille) / 1000.0),
        "mp": mp,
    })
}

/// What `--evaluate` counts.
#[derive(Debug, Default)]
struct Evaluation {
    codes: usize,
    first: usize,
    listed: usize,
    /// Lists of 0, 1, 2, 3 and more ridings.
    lengths: [usize; 5],
    nanos: u128,
}

/// The point-in-polygon's time per location, on a grid of 20,000 points over southern Canada and the territories
/// (`None` without boundary files): what `--at` and the widget's "Use my location" spend after reading the files.
fn point_in_polygon_time(data: &Path) -> Option<(usize, f64)> {
    let shapes = at::read_shapes(
        &crate::ridings::boundaries::folder_beside(data).join(crate::ridings::boundaries::EXACT.kind.folder()),
    )
    .ok()?;
    let points: Vec<(f64, f64)> = (0..200)
        .flat_map(|i| (0..100).map(move |j| (-140.0 + f64::from(i) * 0.43, 42.0 + f64::from(j) * 0.25)))
        .collect();
    let started = Instant::now();
    let found = points.iter().filter(|point| voix_core::directory::locate::riding_at(&shapes, **point).is_ok()).count();
    let micros = started.elapsed().as_secs_f64() * 1e6 / points.len() as f64;
    std::hint::black_box(found);
    Some((points.len(), micros))
}

/// Runs the lookup on every `postal_code` of `csv` and compares with its `fed_number`.
pub fn evaluate(csv: &Path, data: &Path, lang: Lang, out: &mut impl Write, err: &mut impl Write) -> io::Result<u8> {
    let Some(directory) = read_directory(data, lang, err)? else { return Ok(EXIT_NO_DATA) };
    let mut reader = match csv::Reader::from_path(csv) {
        Ok(reader) => reader,
        Err(error) => {
            writeln!(err, "{}: {error}", csv.display())?;
            return Ok(EXIT_BAD_CODE);
        }
    };
    #[derive(serde::Deserialize)]
    struct Row {
        postal_code: String,
        fed_number: u32,
    }
    let mut evaluation = Evaluation::default();
    for (index, row) in reader.deserialize::<Row>().enumerate() {
        let row = match row {
            Ok(row) => row,
            Err(error) => {
                writeln!(err, "{} (row {}): {error}", csv.display(), index + 2)?;
                return Ok(EXIT_BAD_CODE);
            }
        };
        let Ok(code) = PostalCode::parse(&row.postal_code) else {
            writeln!(err, "{} (row {}): {}", csv.display(), index + 2, row.postal_code)?;
            return Ok(EXIT_BAD_CODE);
        };
        let started = Instant::now();
        let candidates = directory.candidates(&code);
        evaluation.nanos += started.elapsed().as_nanos();
        let short: &[RidingShare] = candidates.short_list();
        let right = FedNum(row.fed_number);
        evaluation.codes += 1;
        evaluation.first += usize::from(short.first().is_some_and(|riding| riding.fed_num == right));
        evaluation.listed += usize::from(short.iter().any(|riding| riding.fed_num == right));
        evaluation.lengths[short.len().min(4)] += 1;
    }
    let pip = point_in_polygon_time(data);
    let n = evaluation.codes.max(1) as f64;
    let percent = |count: usize| 100.0 * count as f64 / n;
    let [none, one, two, three, more] = evaluation.lengths;
    writeln!(
        out,
        "voix lookup --evaluate codes={} first={:.1}% in_list={:.1}% list_1_to_3={:.1}% lengths=0:{none},1:{one},2:{two},3:{three},4+:{more} us_per_lookup={:.2}",
        evaluation.codes,
        percent(evaluation.first),
        percent(evaluation.listed),
        percent(one + two + three),
        evaluation.nanos as f64 / n / 1000.0
    )?;
    if let Some((points, micros)) = pip {
        writeln!(out, "voix lookup --at points={points} us_per_point={micros:.2} (exact boundaries, every province)")?;
    }
    Ok(EXIT_FOUND)
}
