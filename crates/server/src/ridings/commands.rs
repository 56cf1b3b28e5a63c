//! The `voix data build` and `voix data refresh` commands: read, transform, check, write, and say what happened.

use super::boundaries::{self, BoundarySet, WrittenBoundaries};
use super::members::{self, ExportKind};
use super::output::{self, Written};
use super::{build, refresh, DataError};
use super::{fetch, status};
use std::io::Write;
use std::path::Path;
use voix_core::directory::IsoDate;
use voix_core::Lang;

/// Today's date (UTC) from the system clock (`None` only for a clock outside years 1000–9999).
pub fn today() -> Option<IsoDate> {
    IsoDate::from_days_since_epoch(crate::ids::now_secs().div_euclid(86_400))
}

/// The `--as-of` date, else `default`.
pub fn parse_as_of(as_of: Option<&str>, default: Option<IsoDate>) -> Result<IsoDate, DataError> {
    match as_of {
        None => default.ok_or_else(|| DataError::BadDate { found: "(system clock)".to_owned() }),
        Some(text) => IsoDate::parse(text.trim()).ok_or_else(|| DataError::BadDate { found: text.to_owned() }),
    }
}

/// The closing lines: sizes and the version URL.
fn written_lines(written: &Written, lang: Lang) -> Vec<String> {
    vec![
        written.sizes.text(lang),
        match lang {
            Lang::En => format!("Served as /data/canada.json?v={}", written.hash),
            Lang::Fr => format!("Servi comme /data/canada.json?v={}", written.hash),
        },
    ]
}

/// "Wrote 13 boundary files in data/boundaries/map (largest: QC.json, 16,302 B brotli; budget 20,000)."
fn boundaries_line(folder: &Path, set: BoundarySet, files: &[WrittenBoundaries], lang: Lang) -> String {
    let largest = files.iter().max_by_key(|file| file.sizes.brotli);
    let (name, brotli) = largest.map_or((String::new(), 0), |file| {
        (file.path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default(), file.sizes.brotli)
    });
    let total: usize = files.iter().map(|file| file.sizes.brotli).sum();
    match lang {
        Lang::En => format!(
            "Wrote {} boundary files in {} ({total} B brotli in all; largest {name}, {brotli} B; budget {} per file).",
            files.len(),
            folder.display(),
            set.brotli_budget
        ),
        Lang::Fr => format!(
            "{} fichiers de limites écrits dans {} ({total} o en brotli en tout\u{a0}; le plus lourd {name}, {brotli} o\u{a0}; budget de {} par fichier).",
            files.len(),
            folder.display(),
            set.brotli_budget
        ),
    }
}

/// `voix data build`: `source` → `out_path`.
pub fn build(
    source: &Path,
    out_path: &Path,
    as_of: Option<&str>,
    lang: Lang,
    out: &mut impl Write,
) -> Result<(), DataError> {
    let as_of = as_of.map(|text| parse_as_of(Some(text), None)).transpose()?;
    let (file, report) = build::build(source, as_of)?;
    let as_of = &file.as_of;
    let written = output::write(out_path, &file, false)?;
    let mut lines = vec![match lang {
        Lang::En => format!("Wrote {} (MP list as of {as_of}).", out_path.display()),
        Lang::Fr => format!("Fichier écrit\u{a0}: {} (liste des députés à jour au {as_of}).", out_path.display()),
    }];
    lines.extend(report.lines(lang));
    lines.extend(written_lines(&written, lang));
    let folder = boundaries::folder_beside(out_path);
    for set in [boundaries::MAP, boundaries::EXACT] {
        let files = boundaries::write_set(source, &folder, set, false)?;
        lines.push(boundaries_line(&folder.join(set.kind.folder()), set, &files, lang));
    }
    for line in lines {
        let _ = writeln!(out, "{line}");
    }
    Ok(())
}

/// Options of `voix data refresh`.
#[derive(Clone, Copy, Debug, Default)]
pub struct RefreshOptions {
    /// Print what would change without writing.
    pub dry_run: bool,
    /// Write even a result that looks like a partial export.
    pub force: bool,
}

/// Where `voix data refresh` and `voix data status` get the sitting members from.
#[derive(Clone, Copy, Debug)]
pub enum ExportSource<'a> {
    /// A saved export (House of Commons XML or CSV, or a Represent answer).
    File(&'a Path),
    /// The House of Commons' site (or a mirror of it): both exports downloaded.
    House(&'a str),
}

/// The export read, and the line saying where from.
struct Obtained {
    export: members::Export,
    line: String,
}

fn format_name(kind: ExportKind, lang: Lang) -> String {
    match (kind, lang) {
        (ExportKind::Represent, _) | (_, Lang::En) => kind.name().to_owned(),
        (ExportKind::HouseOfCommonsXml, Lang::Fr) => "XML de la Chambre des communes".to_owned(),
        (ExportKind::HouseOfCommonsCsv, Lang::Fr) => "CSV de la Chambre des communes".to_owned(),
    }
}

fn obtain(source: ExportSource<'_>, force: bool, lang: Lang) -> Result<Obtained, DataError> {
    match source {
        ExportSource::File(from) => {
            let text = std::fs::read_to_string(from).map_err(|source| DataError::Read { path: from.into(), source })?;
            let export = members::read(&text).map_err(|problem| DataError::Export { path: from.into(), problem })?;
            let format = format_name(export.kind, lang);
            let count = export.members.len();
            let line = match lang {
                Lang::En => format!("Read {count} sitting members from {} ({format}).", from.display()),
                Lang::Fr => format!("{count} députés en fonction lus dans {} ({format}).", from.display()),
            };
            Ok(Obtained { export, line })
        }
        ExportSource::House(house_url) => {
            let fetched = fetch::fetch(house_url, force)?;
            let (count, french) = (fetched.english.members.len(), fetched.french_members);
            let line = match lang {
                Lang::En => format!(
                    "Downloaded {count} sitting members from {} (House of Commons XML; the French export lists {french}).",
                    fetched.url
                ),
                Lang::Fr => format!(
                    "{count} députés en fonction téléchargés de {} (XML de la Chambre des communes\u{a0}; l'export français en donne {french}).",
                    fetched.url
                ),
            };
            Ok(Obtained { export: fetched.english, line })
        }
    }
}

/// `voix data refresh`: the members of `source` replace the MPs of `data`.
pub fn refresh(
    source: ExportSource<'_>,
    data: &Path,
    as_of: Option<&str>,
    options: RefreshOptions,
    lang: Lang,
    out: &mut impl Write,
) -> Result<(), DataError> {
    let as_of = parse_as_of(as_of, today())?;
    let obtained = obtain(source, options.force, lang)?;
    let export = obtained.export;
    if let (Some(total), false) = (export.incomplete, options.force) {
        return Err(DataError::IncompleteExport { listed: export.members.len(), total });
    }
    let previous = output::read(data)?;
    let (file, report) = refresh::refresh(&previous, &export.members, as_of);
    if !options.force {
        refresh::check_vacancies(&file)?;
    }
    let mut lines = vec![obtained.line];
    lines.extend(report.lines(lang));
    let written = output::write(data, &file, options.dry_run)?;
    lines.push(match (options.dry_run, lang) {
        (true, Lang::En) => "Dry run: nothing written.".to_owned(),
        (true, Lang::Fr) => "Essai\u{a0}: rien n'est écrit.".to_owned(),
        (false, Lang::En) => format!("Wrote {} (MP list as of {as_of}).", data.display()),
        (false, Lang::Fr) => format!("Fichier écrit\u{a0}: {} (liste des députés à jour au {as_of}).", data.display()),
    });
    lines.extend(written_lines(&written, lang));
    for line in lines {
        let _ = writeln!(out, "{line}");
    }
    Ok(())
}

/// `voix data status`: how old the data file is, its vacant seats and gaps, and, given a newer export, what a
/// refresh would change (nothing is written).
pub fn status(
    data: &Path,
    source: Option<ExportSource<'_>>,
    today: IsoDate,
    max_age_days: i64,
    lang: Lang,
    out: &mut impl Write,
) -> Result<(), DataError> {
    let (file, directory) = output::read_with_directory(data)?;
    let mut lines = status::lines(&directory, data, today, max_age_days, lang);
    match source {
        Some(source) => {
            let obtained = obtain(source, false, lang)?;
            let (_, report) = refresh::refresh(&file, &obtained.export.members, today);
            lines.push(String::new());
            lines.push(obtained.line);
            lines.push(match lang {
                Lang::En => "What a refresh would change:".to_owned(),
                Lang::Fr => "Ce qu'une mise à jour changerait\u{a0}:".to_owned(),
            });
            lines.extend(report.lines(lang));
            lines.push(match lang {
                Lang::En => "Nothing written: `voix data refresh` applies it.".to_owned(),
                Lang::Fr => "Rien n'est écrit\u{a0}: `voix data refresh` l'applique.".to_owned(),
            });
        }
        None => lines.push(match lang {
            Lang::En => "To see what a refresh would change: voix data status --fetch (or --from FILE).".to_owned(),
            Lang::Fr => {
                "Pour voir ce qu'une mise à jour changerait\u{a0}: voix data status --fetch (ou --from FICHIER)."
                    .to_owned()
            }
        }),
    }
    for line in lines {
        let _ = writeln!(out, "{line}");
    }
    Ok(())
}
