//! Writing the data file: the same data always gives the same bytes, one district per line so a refresh reads as
//! a short diff, and the file is checked by the reader the widget uses before it replaces the old one.

use super::{DataError, BROTLI_BUDGET};
use crate::bundle::content_hash;
use crate::compression;
use std::fmt::Write as _;
use std::path::Path;
use voix_core::directory::file::CanadaFile;
use voix_core::{Directory, Lang};

/// `serde_json` text of a value whose types always serialise (strings, numbers, maps with string keys).
fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// The file's text: top-level fields one per line, one district per line, FSA hints one line per first letter.
pub fn to_json(file: &CanadaFile) -> String {
    let mut out = String::with_capacity(128 * 1024);
    out.push('{');
    let _ = writeln!(out, "\"format\":{},\"as_of\":{},", json(&file.format), json(&file.as_of));
    let _ = writeln!(out, "\"attribution\":{},", json(&file.attribution));
    let _ = writeln!(out, "\"parties\":{},", json(&file.parties));
    out.push_str("\"districts\":[\n");
    let districts: Vec<String> = file.districts.iter().map(json).collect();
    out.push_str(&districts.join(",\n"));
    out.push_str("\n],\n\"fsa_hints\":{");
    let mut previous_letter = None;
    for (index, (fsa, fed_num)) in file.fsa_hints.iter().enumerate() {
        let letter = fsa.chars().next();
        if index > 0 {
            out.push(',');
        }
        if letter != previous_letter {
            out.push('\n');
            previous_letter = letter;
        }
        let _ = write!(out, "{}:{}", json(fsa), json(fed_num));
    }
    out.push_str("\n},\n");
    if !file.fsa_ridings.is_empty() {
        // One FSA per line: a change of boundaries or of the rule reads as a diff of the FSAs it moved.
        let lists: Vec<String> =
            file.fsa_ridings.iter().map(|(fsa, list)| format!("{}:{}", json(fsa), json(list))).collect();
        let _ = write!(out, "\"fsa_ridings\":{{\n{}\n}},\n", lists.join(",\n"));
    }
    // The last fields, one per line (the senators one per line too).
    let mut last = vec![format!("\"x_fsa_territories\":{}", json(&file.x_fsa_territories))];
    if !file.fsa_without_ridings.is_empty() {
        last.push(format!("\"fsa_without_ridings\":{}", json(&file.fsa_without_ridings)));
    }
    if let Some(phones_as_of) = &file.phones_as_of {
        last.push(format!("\"phones_as_of\":{}", json(phones_as_of)));
    }
    if let Some(senate) = &file.senate {
        let senators: Vec<String> = senate.senators.iter().map(json).collect();
        last.push(format!(
            "\"senate\":{{\"as_of\":{},\"groups\":{},\"senators\":[\n{}\n]}}",
            json(&senate.as_of),
            json(&senate.groups),
            senators.join(",\n")
        ));
    }
    out.push_str(&last.join(",\n"));
    out.push_str("\n}\n");
    out
}

/// Sizes of the file as served.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sizes {
    pub raw: usize,
    pub gzip: usize,
    pub brotli: usize,
}

impl Sizes {
    pub fn of(text: &str) -> Sizes {
        Sizes {
            raw: text.len(),
            gzip: compression::gzip(text.as_bytes()).len(),
            brotli: compression::brotli(text.as_bytes()).len(),
        }
    }

    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::En => format!(
                "Sizes: {} bytes raw, {} gzip, {} brotli (budget {BROTLI_BUDGET}).",
                self.raw, self.gzip, self.brotli
            ),
            Lang::Fr => format!(
                "Tailles\u{a0}: {} octets bruts, {} en gzip, {} en brotli (budget de {BROTLI_BUDGET}).",
                self.raw, self.gzip, self.brotli
            ),
        }
    }
}

/// Reads an existing data file.
pub fn read(path: &Path) -> Result<CanadaFile, DataError> {
    read_with_directory(path).map(|(file, _)| file)
}

/// Reads an existing data file, also as the widget reads it.
pub fn read_with_directory(path: &Path) -> Result<(CanadaFile, Directory), DataError> {
    let text = std::fs::read_to_string(path).map_err(|source| DataError::Read { path: path.into(), source })?;
    // The widget's reader first, so a file it would refuse is refused here with the same words.
    let directory = Directory::from_json(&text).map_err(|source| DataError::Directory { path: path.into(), source })?;
    let file = serde_json::from_str(&text).map_err(|error| DataError::Directory {
        path: path.into(),
        source: voix_core::directory::DirectoryError::NotJson { detail: error.to_string() },
    })?;
    Ok((file, directory))
}

/// What was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    pub sizes: Sizes,
    /// The version hash the server gives the file (`/data/canada.json?v=<hash>`).
    pub hash: String,
}

/// Checks `file` (the widget's reader accepts it, brotli within budget), then replaces `path` with it: written
/// beside it first and renamed, so a reader never sees half a file. With `dry_run`, checks only.
pub fn write(path: &Path, file: &CanadaFile, dry_run: bool) -> Result<Written, DataError> {
    let text = to_json(file);
    Directory::from_json(&text).map_err(|source| DataError::Directory { path: path.into(), source })?;
    let sizes = Sizes::of(&text);
    if sizes.brotli > BROTLI_BUDGET {
        return Err(DataError::OverBudget { brotli: sizes.brotli });
    }
    if !dry_run {
        let mut temporary = path.as_os_str().to_owned();
        temporary.push(".tmp");
        let temporary = Path::new(&temporary);
        if let Some(parent) = path.parent().filter(|parent| !parent.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| DataError::Write { path: parent.into(), source })?;
        }
        std::fs::write(temporary, &text).map_err(|source| DataError::Write { path: temporary.into(), source })?;
        std::fs::rename(temporary, path).map_err(|source| DataError::Write { path: path.into(), source })?;
    }
    Ok(Written { sizes, hash: content_hash(text.as_bytes()) })
}
