//! `voix check FILE...`: validates campaign files and reports every problem, in English or French.
//!
//! The same lines are logged by `voix serve` when it refuses a campaign, so organisers see one wording everywhere.

use serde::Serialize;
use std::io::{self, Write};
use std::path::Path;
use voix_core::validate::Validation;
use voix_core::{validate_campaign, Lang, Problem, Severity};

/// How `voix check` prints its report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One line per problem: `FILE: path: message`.
    Text,
    /// A JSON array of problems with both languages.
    Json,
}

/// Exit statuses of `voix check`.
pub const EXIT_OK: u8 = 0;
pub const EXIT_INVALID: u8 = 1;
pub const EXIT_UNREADABLE: u8 = 2;

/// The name of the file without `.json`: the campaign id it must have.
pub fn file_stem(path: &Path) -> Option<&str> {
    path.file_stem().and_then(|stem| stem.to_str())
}

/// Validates the text of a campaign file, passing its stem so the id is checked against the file name.
pub fn validate_file(path: &Path, source: &str) -> Validation {
    validate_campaign(source, file_stem(path))
}

/// The report lines for one file: `FILE: path: message` per problem, or `FILE: ok` when it has none at all.
pub fn report_lines(file: &str, validation: &Validation, lang: Lang) -> Vec<String> {
    if validation.problems.is_empty() {
        return vec![format!("{file}: ok")];
    }
    validation.problems.iter().map(|problem| format!("{file}: {}", problem.describe(lang))).collect()
}

/// Why a file could not be read, in plain words.
pub fn read_error_reason(error: &io::Error, lang: Lang) -> String {
    use io::ErrorKind::*;
    let known = match (error.kind(), lang) {
        (NotFound, Lang::En) => "no such file",
        (NotFound, Lang::Fr) => "ce fichier n'existe pas",
        (PermissionDenied, Lang::En) => "permission denied",
        (PermissionDenied, Lang::Fr) => "permission refusée",
        (InvalidData, Lang::En) => "it is not UTF-8 text",
        (InvalidData, Lang::Fr) => "ce n'est pas du texte UTF-8",
        (IsADirectory, Lang::En) => "it is a folder",
        (IsADirectory, Lang::Fr) => "c'est un dossier",
        _ => return error.to_string(),
    };
    known.to_owned()
}

/// `FILE: cannot read: <reason>` in `lang`.
pub fn read_error_line(file: &str, error: &io::Error, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{file}: cannot read: {}", read_error_reason(error, lang)),
        Lang::Fr => format!("{file}: lecture impossible\u{a0}: {}", read_error_reason(error, lang)),
    }
}

/// Reads a file as UTF-8 text; a directory is refused up front (reading one fails differently per platform).
fn read_source(path: &Path) -> io::Result<String> {
    if path.is_dir() {
        return Err(io::Error::new(io::ErrorKind::IsADirectory, "is a directory"));
    }
    std::fs::read_to_string(path)
}

#[derive(Serialize)]
struct JsonMessage {
    en: String,
    fr: String,
}

#[derive(Serialize)]
struct JsonProblem {
    file: String,
    path: String,
    line: Option<usize>,
    column: Option<usize>,
    severity: &'static str,
    message: JsonMessage,
}

impl JsonProblem {
    fn from_problem(file: &str, problem: &Problem) -> Self {
        let path = if problem.path.is_empty() { "$".to_owned() } else { problem.path.clone() };
        JsonProblem {
            file: file.to_owned(),
            path,
            line: problem.position.map(|(line, _)| line),
            column: problem.position.map(|(_, column)| column),
            severity: match problem.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            message: JsonMessage { en: problem.message.text(Lang::En), fr: problem.message.text(Lang::Fr) },
        }
    }

    fn unreadable(file: &str, error: &io::Error) -> Self {
        let message = JsonMessage {
            en: format!("cannot read: {}", read_error_reason(error, Lang::En)),
            fr: format!("lecture impossible\u{a0}: {}", read_error_reason(error, Lang::Fr)),
        };
        JsonProblem {
            file: file.to_owned(),
            path: "$".to_owned(),
            line: None,
            column: None,
            severity: "error",
            message,
        }
    }
}

/// Checks each file and writes the report to `out`. Returns the exit status: 0 when every file is valid, 1 when
/// any is invalid, 2 when any cannot be read (which wins over 1).
pub fn run(files: &[impl AsRef<Path>], lang: Lang, format: Format, out: &mut impl Write) -> io::Result<u8> {
    let mut status = EXIT_OK;
    let mut json: Vec<JsonProblem> = Vec::new();
    for path in files {
        let path = path.as_ref();
        let file = path.display().to_string();
        let source = match read_source(path) {
            Ok(source) => source,
            Err(error) => {
                status = EXIT_UNREADABLE;
                match format {
                    Format::Text => writeln!(out, "{}", read_error_line(&file, &error, lang))?,
                    Format::Json => json.push(JsonProblem::unreadable(&file, &error)),
                }
                continue;
            }
        };
        let validation = validate_file(path, &source);
        if !validation.is_valid() && status == EXIT_OK {
            status = EXIT_INVALID;
        }
        match format {
            Format::Text => {
                for line in report_lines(&file, &validation, lang) {
                    writeln!(out, "{line}")?;
                }
            }
            Format::Json => {
                json.extend(validation.problems.iter().map(|problem| JsonProblem::from_problem(&file, problem)))
            }
        }
    }
    if format == Format::Json {
        serde_json::to_writer_pretty(&mut *out, &json).map_err(io::Error::other)?;
        writeln!(out)?;
    }
    Ok(status)
}
