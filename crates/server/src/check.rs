//! `voix check FILE...`: validates campaign files and the shared glossary (told apart by their `schema`) and
//! reports every problem, in English or French.
//!
//! The same lines are logged by `voix serve` when it refuses a campaign, so organisers see one wording everywhere.

use serde::Serialize;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use voix_core::campaign::{SharedGlossary, Term};
use voix_core::explainer::readability::format_tenths;
use voix_core::explainer::{readability_report, validate_glossary, SectionScore};
use voix_core::validate::kind::{self, Detected, FileKind};
use voix_core::validate::{validate_campaign_with, Message, Validation};
use voix_core::{validate_campaign, Lang, Problem, Severity};

/// How `voix check` and `voix lookup` print what they found (each command's `--format` help says what goes in
/// it; these lines are shown under every one of them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Lines for a person to read.
    Text,
    /// One JSON object, for a program.
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

/// The readability of one explainer section in one language, for `--format json`.
#[derive(Serialize)]
struct JsonScore {
    file: String,
    /// `explainer.summary`, `explainer.details[0]`, ….
    section: String,
    lang: &'static str,
    words: u32,
    sentences: u32,
    /// English: Flesch–Kincaid; French: the grade read from Kandel–Moles.
    grade: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    flesch_kincaid: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    kandel_moles: Option<f64>,
    lix: f64,
}

impl JsonScore {
    fn new(file: &str, score: &SectionScore) -> Self {
        let value = |tenths: i32| f64::from(tenths) / 10.0;
        JsonScore {
            file: file.to_owned(),
            section: score.path.clone(),
            lang: score.lang.code(),
            words: score.counts.words,
            sentences: score.counts.sentences,
            grade: value(score.grade_tenths),
            flesch_kincaid: score.flesch_kincaid_tenths.map(value),
            kandel_moles: score.kandel_moles_tenths.map(value),
            lix: value(score.lix_tenths),
        }
    }
}

#[derive(Serialize, Default)]
struct JsonReport {
    problems: Vec<JsonProblem>,
    readability: Vec<JsonScore>,
}

/// The shared glossary file to check a campaign against: `--glossary FILE`, else `glossary.json` next to the
/// campaign when the campaign uses the Voix server's shared glossary (`"shared_glossary": true` or a path).
fn glossary_path(campaign: &Path, source: &str, explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(explicit) = explicit {
        return Some(explicit.to_owned());
    }
    let value: serde_json::Value = serde_json::from_str(source).ok()?;
    let shared: SharedGlossary =
        serde_json::from_value(value.get("explainer")?.get("shared_glossary")?.clone()).ok()?;
    let on_server = shared.location().is_some_and(|at| at.starts_with('/') && !at.starts_with("//"));
    on_server.then(|| campaign.parent().unwrap_or(Path::new(".")).join("glossary.json"))
}

/// The line `FILE: section: grades` that `--grades` prints for one section.
pub fn grade_line(file: &str, scores: &[&SectionScore], lang: Lang) -> String {
    let parts: Vec<String> = scores
        .iter()
        .map(|score| {
            let formula = match (score.lang, score.kandel_moles_tenths) {
                (Lang::Fr, Some(ease)) => format!("Kandel–Moles {}", format_tenths(ease, lang)),
                _ => "Flesch–Kincaid".to_owned(),
            };
            let grade = match lang {
                Lang::En => "grade",
                Lang::Fr => "niveau",
            };
            format!(
                "{} {grade} {} ({formula}), LIX {}",
                score.lang.code(),
                format_tenths(score.grade_tenths, lang),
                format_tenths(score.lix_tenths, lang)
            )
        })
        .collect();
    format!("{file}: {}: {}", scores.first().map(|s| s.path.as_str()).unwrap_or(""), parts.join("; "))
}

/// Checks each file and writes the report to `out`. Returns the exit status: 0 when every file is valid, 1 when
/// any is invalid, 2 when any cannot be read (which wins over 1).
pub fn run(files: &[impl AsRef<Path>], lang: Lang, format: Format, out: &mut impl Write) -> io::Result<u8> {
    run_with(files, &Options { lang, format, glossary: None, grades: false, data: None }, out)
}

/// What `voix check` was asked for.
#[derive(Clone, Debug)]
pub struct Options {
    pub lang: Lang,
    pub format: Format,
    /// `--glossary FILE`: the shared glossary to check campaigns against.
    pub glossary: Option<PathBuf>,
    /// `--grades`: also print each explainer section's reading grades (text format).
    pub grades: bool,
    /// `--data FILE`: the riding data, to check the senators a campaign names against (skipped when unreadable).
    pub data: Option<PathBuf>,
}

/// [`run`] with every option.
pub fn run_with(files: &[impl AsRef<Path>], options: &Options, out: &mut impl Write) -> io::Result<u8> {
    let given: Vec<PathBuf> = files.iter().map(|path| same_file_key(path.as_ref())).collect();
    let mut run = Run { options, out, report: JsonReport::default(), status: EXIT_OK, reported: Vec::new(), given };
    for path in files {
        run.file(path.as_ref())?;
    }
    if options.format == Format::Json {
        serde_json::to_writer_pretty(&mut *run.out, &run.report).map_err(io::Error::other)?;
        writeln!(run.out)?;
    }
    Ok(run.status)
}

/// How two names of one file compare (`campaigns/glossary.json` and `./campaigns/glossary.json`): the canonical
/// path when there is one, the name as given otherwise (a missing file is reported as unreadable anyway).
fn same_file_key(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
}

/// One `voix check` run: the report so far and its exit status.
struct Run<'a, W: Write> {
    options: &'a Options,
    out: &'a mut W,
    report: JsonReport,
    status: u8,
    /// Glossaries already reported, so each is reported once however many campaigns use it.
    reported: Vec<PathBuf>,
    /// The files named on the command line: a shared glossary among them is reported there, under its own name.
    given: Vec<PathBuf>,
}

impl<W: Write> Run<'_, W> {
    /// Raises the exit status: unreadable (2) wins over invalid (1), which wins over ok.
    fn fail(&mut self, status: u8) {
        self.status = self.status.max(status);
    }

    fn unreadable(&mut self, file: &str, error: &io::Error) -> io::Result<()> {
        self.fail(EXIT_UNREADABLE);
        match self.options.format {
            Format::Text => writeln!(self.out, "{}", read_error_line(file, error, self.options.lang)),
            Format::Json => {
                self.report.problems.push(JsonProblem::unreadable(file, error));
                Ok(())
            }
        }
    }

    /// Reports `problems` under `file`; with `ok_line`, a file without any says `FILE: ok` (text format).
    fn problems(&mut self, file: &str, problems: &[Problem], ok_line: bool) -> io::Result<()> {
        match self.options.format {
            Format::Text if problems.is_empty() && ok_line => writeln!(self.out, "{file}: ok")?,
            Format::Text => {
                for problem in problems {
                    writeln!(self.out, "{file}: {}", problem.describe(self.options.lang))?;
                }
            }
            Format::Json => {
                self.report.problems.extend(problems.iter().map(|problem| JsonProblem::from_problem(file, problem)))
            }
        }
        Ok(())
    }

    /// Checks one file named on the command line, by the kind its `schema` says it is.
    fn file(&mut self, path: &Path) -> io::Result<()> {
        let file = path.display().to_string();
        let source = match read_source(path) {
            Ok(source) => source,
            Err(error) => return self.unreadable(&file, &error),
        };
        match kind::detect(&source) {
            Detected::Known(FileKind::Glossary) => {
                self.reported.push(same_file_key(path));
                self.glossary(&file, &source, true).map(drop)
            }
            Detected::Unknown(found) => {
                self.fail(EXIT_INVALID);
                self.problems(&file, &[Problem::error("schema", Message::UnknownFileKind { found })], true)
            }
            Detected::Known(FileKind::Campaign) | Detected::Unstated => self.campaign(path, &file, &source),
        }
    }

    /// Checks a shared glossary's text; its terms when it is valid.
    fn glossary(&mut self, file: &str, source: &str, ok_line: bool) -> io::Result<Option<Vec<Term>>> {
        let check = validate_glossary(source);
        self.problems(file, &check.problems, ok_line)?;
        if check.glossary.is_none() {
            self.fail(EXIT_INVALID);
        }
        Ok(check.glossary.map(|glossary| glossary.terms))
    }

    /// The shared glossary a campaign uses, checked as well; reported once, under the name it was given on the
    /// command line when it was given there.
    fn shared_glossary_of(&mut self, campaign: &Path, source: &str) -> io::Result<Option<Vec<Term>>> {
        let Some(glossary) = glossary_path(campaign, source, self.options.glossary.as_deref()) else {
            return Ok(None);
        };
        let key = same_file_key(&glossary);
        let report = !self.reported.contains(&key) && !self.given.contains(&key);
        if report {
            self.reported.push(key);
        }
        let glossary_file = glossary.display().to_string();
        match read_source(&glossary) {
            Err(error) if report => self.unreadable(&glossary_file, &error).map(|()| None),
            Err(_) => {
                self.fail(EXIT_UNREADABLE);
                Ok(None)
            }
            Ok(text) if report => self.glossary(&glossary_file, &text, false),
            Ok(text) => Ok(validate_glossary(&text).glossary.map(|glossary| glossary.terms)),
        }
    }

    /// Warnings for senators the campaign names that the riding data does not list (or lists as retired today).
    fn senator_problems(&self, campaign: Option<&voix_core::Campaign>) -> Vec<Problem> {
        // Only names need the data file ("province" names nobody).
        let targets = campaign.and_then(|c| c.letter.as_ref()).and_then(|l| l.targets.senators.as_ref());
        let Some(targets @ voix_core::campaign::Senators::Named(_)) = targets else { return Vec::new() };
        let directory = self.options.data.as_ref().and_then(|path| std::fs::read_to_string(path).ok());
        let directory = directory.and_then(|text| voix_core::Directory::from_json(&text).ok());
        match (directory.as_ref().and_then(|d| d.senate()), crate::ridings::commands::today()) {
            (Some(senate), Some(today)) => voix_core::letter::senators::name_problems(targets, senate, today),
            _ => Vec::new(),
        }
    }

    fn campaign(&mut self, path: &Path, file: &str, source: &str) -> io::Result<()> {
        let shared = self.shared_glossary_of(path, source)?;
        let validation = validate_campaign_with(source, file_stem(path), shared.as_deref());
        if !validation.is_valid() {
            self.fail(EXIT_INVALID);
        }
        let scores = validation
            .campaign
            .as_ref()
            .and_then(|c| c.explainer.as_ref().map(|e| readability_report(e, &c.languages)))
            .unwrap_or_default();
        let mut problems = validation.problems.clone();
        problems.extend(self.senator_problems(validation.campaign.as_ref()));
        self.problems(file, &problems, true)?;
        match self.options.format {
            Format::Text if self.options.grades => {
                let mut sections: Vec<&str> = scores.iter().map(|s| s.path.as_str()).collect();
                sections.dedup();
                for section in sections {
                    let of_section: Vec<&SectionScore> = scores.iter().filter(|s| s.path == section).collect();
                    writeln!(self.out, "{}", grade_line(file, &of_section, self.options.lang))?;
                }
            }
            Format::Text => {}
            Format::Json => self.report.readability.extend(scores.iter().map(|score| JsonScore::new(file, score))),
        }
        Ok(())
    }
}
