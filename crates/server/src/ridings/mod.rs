//! The riding and MP data file, `data/canada.json` (format: `voix_core::directory::file`).
//!
//! `voix data build` makes it from the source CSVs in `data/source/` ([`build`]); `voix data refresh` replaces
//! its MPs from a House of Commons or Represent export ([`members`] reads those, [`refresh`] applies them); both
//! write it the same way ([`output`]). `data/README.md` tells where each source comes from and which defects
//! they have.

pub mod boundaries;
pub mod build;
pub mod commands;
pub mod fetch;
pub mod members;
pub mod output;
pub mod parties;
pub mod refresh;
pub mod status;

use std::fmt;
use std::path::PathBuf;
use voix_core::directory::{DirectoryError, FedNum};
use voix_core::Lang;

/// The province a source names (English or French name, or code), as the House's exports and the Senate's list
/// write them.
pub fn province_named(text: &str) -> Option<voix_core::postal::Province> {
    use voix_core::postal::Province;
    let key = voix_core::directory::name_key(text);
    Province::from_code(text).or_else(|| {
        Province::ALL
            .into_iter()
            .find(|province| Lang::ALL.iter().any(|lang| voix_core::directory::name_key(province.name(*lang)) == key))
    })
}

/// The most the data file may weigh with brotli, since every reader who looks up their MP downloads it.
pub const BROTLI_BUDGET: usize = 40_000;

/// Where a source file disagrees with itself or with the other sources.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceProblem {
    UnknownProvince { code: String },
    NumberOutsideProvince { fed_num: FedNum, code: String },
    DuplicateDistrict { fed_num: FedNum },
    UnknownDistrict { fed_num: FedNum },
    RidingNameMismatch { fed_num: FedNum, found: String, expected: String },
    DuplicateMp { fed_num: FedNum },
    BadFsa { fsa: String },
    FsaOutsideProvince { fsa: String, code: String },
    BadShare { fsa: String, share: String },
    BadBoundaries { detail: String },
    BadPhone { phone: String },
    BadDate { date: String },
    UnknownSenateGroup { group: String },
}

impl SourceProblem {
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Fr};
        match (self, lang) {
            (SourceProblem::UnknownProvince { code }, En) => format!("\"{code}\" is not a province or territory"),
            (SourceProblem::UnknownProvince { code }, Fr) => {
                format!("«\u{a0}{code}\u{a0}» n'est pas une province ni un territoire")
            }
            (SourceProblem::NumberOutsideProvince { fed_num, code }, En) => {
                format!("district {fed_num} is given as in {code}, but its number says otherwise")
            }
            (SourceProblem::NumberOutsideProvince { fed_num, code }, Fr) => {
                format!("la circonscription {fed_num} est indiquée en {code}, mais son numéro dit autre chose")
            }
            (SourceProblem::DuplicateDistrict { fed_num }, En) => format!("district {fed_num} appears twice"),
            (SourceProblem::DuplicateDistrict { fed_num }, Fr) => {
                format!("la circonscription {fed_num} figure deux fois")
            }
            (SourceProblem::UnknownDistrict { fed_num }, En) => {
                format!("district {fed_num} is not in the list of districts")
            }
            (SourceProblem::UnknownDistrict { fed_num }, Fr) => {
                format!("la circonscription {fed_num} n'est pas dans la liste des circonscriptions")
            }
            (SourceProblem::RidingNameMismatch { fed_num, found, expected }, En) => {
                format!("district {fed_num} is named \"{found}\" here but \"{expected}\" in the list of districts")
            }
            (SourceProblem::RidingNameMismatch { fed_num, found, expected }, Fr) => format!(
                "la circonscription {fed_num} s'appelle «\u{a0}{found}\u{a0}» ici, mais «\u{a0}{expected}\u{a0}» dans la liste des circonscriptions"
            ),
            (SourceProblem::DuplicateMp { fed_num }, En) => format!("district {fed_num} has two MPs"),
            (SourceProblem::DuplicateMp { fed_num }, Fr) => {
                format!("la circonscription {fed_num} a deux députés")
            }
            (SourceProblem::BadFsa { fsa }, En) => format!("\"{fsa}\" is not the start of a postal code"),
            (SourceProblem::BadFsa { fsa }, Fr) => format!("«\u{a0}{fsa}\u{a0}» n'est pas un début de code postal"),
            (SourceProblem::FsaOutsideProvince { fsa, code }, En) => {
                format!("{fsa} is given as in {code}, but its first letter says otherwise")
            }
            (SourceProblem::FsaOutsideProvince { fsa, code }, Fr) => {
                format!("{fsa} est indiquée en {code}, mais sa première lettre dit autre chose")
            }
            (SourceProblem::BadShare { fsa, share }, En) => {
                format!("{fsa} has a share of area of {share}, which is not between 0 and 1")
            }
            (SourceProblem::BadShare { fsa, share }, Fr) => {
                format!("{fsa} a une part de surface de {share}, qui n'est pas entre 0 et 1")
            }
            (SourceProblem::BadBoundaries { detail }, En) => format!("not riding boundaries in TopoJSON: {detail}"),
            (SourceProblem::BadBoundaries { detail }, Fr) => {
                format!("pas des limites de circonscriptions en TopoJSON\u{a0}: {detail}")
            }
            (SourceProblem::BadPhone { phone }, En) => {
                format!("\"{phone}\" is not a telephone number written 613-992-4133")
            }
            (SourceProblem::BadPhone { phone }, Fr) => {
                format!("«\u{a0}{phone}\u{a0}» n'est pas un numéro de téléphone écrit 613-992-4133")
            }
            (SourceProblem::BadDate { date }, En) => format!("\"{date}\" is not a date written YYYY-MM-DD"),
            (SourceProblem::BadDate { date }, Fr) => {
                format!("«\u{a0}{date}\u{a0}» n'est pas une date écrite AAAA-MM-JJ")
            }
            (SourceProblem::UnknownSenateGroup { group }, En) => format!(
                "\"{group}\" is not a Senate group this build knows (add it, with its French name, to the list in ridings/parties.rs)"
            ),
            (SourceProblem::UnknownSenateGroup { group }, Fr) => format!(
                "«\u{a0}{group}\u{a0}» n'est pas un groupe du Sénat connu (l'ajouter, avec son nom anglais, à la liste de ridings/parties.rs)"
            ),
        }
    }
}

/// Why an export of the members of Parliament cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportProblem {
    /// Neither XML, JSON nor CSV with the expected columns.
    UnknownFormat,
    MissingColumn {
        column: &'static str,
    },
    Xml {
        detail: String,
    },
    Json {
        detail: String,
    },
    NoMembers,
}

impl ExportProblem {
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Fr};
        match (self, lang) {
            (ExportProblem::UnknownFormat, En) => "this is not a House of Commons members export (XML or CSV) nor a Represent representatives answer (JSON)".into(),
            (ExportProblem::UnknownFormat, Fr) => "ce n'est ni un export des députés de la Chambre des communes (XML ou CSV) ni une réponse «\u{a0}representatives\u{a0}» de Represent (JSON)".into(),
            (ExportProblem::MissingColumn { column }, En) => format!("the CSV export has no \"{column}\" column"),
            (ExportProblem::MissingColumn { column }, Fr) => {
                format!("l'export CSV n'a pas de colonne «\u{a0}{column}\u{a0}»")
            }
            (ExportProblem::Xml { detail }, En) => format!("the XML export cannot be read: {detail}"),
            (ExportProblem::Xml { detail }, Fr) => format!("l'export XML est illisible\u{a0}: {detail}"),
            (ExportProblem::Json { detail }, En) => format!("the JSON answer cannot be read: {detail}"),
            (ExportProblem::Json { detail }, Fr) => format!("la réponse JSON est illisible\u{a0}: {detail}"),
            (ExportProblem::NoMembers, En) => "the export lists no sitting member".into(),
            (ExportProblem::NoMembers, Fr) => "l'export ne donne aucun député en fonction".into(),
        }
    }
}

/// Why `voix data build` or `voix data refresh` stopped (nothing is written then).
#[derive(Debug)]
pub enum DataError {
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    Csv {
        path: PathBuf,
        source: csv::Error,
    },
    Source {
        path: PathBuf,
        line: Option<u64>,
        problem: SourceProblem,
    },
    Export {
        path: PathBuf,
        problem: ExportProblem,
    },
    Directory {
        path: PathBuf,
        source: DirectoryError,
    },
    BadDate {
        found: String,
    },
    OverBudget {
        brotli: usize,
    },
    /// A province's boundary file over its set's budget.
    BoundariesOverBudget {
        path: PathBuf,
        brotli: usize,
        budget: usize,
    },
    /// The export would leave more seats empty than real vacancies ever do: probably a partial export.
    TooManyVacancies {
        vacant: usize,
        total: usize,
    },
    /// A Represent answer that is one page of several.
    IncompleteExport {
        listed: usize,
        total: Option<u64>,
    },
    /// `--fetch`: the download failed, was cut, or answered an HTTP error.
    Download {
        url: String,
        detail: String,
    },
    /// `--fetch`: the English address answered in French, or the other way round.
    WrongLanguage {
        url: String,
        expected: Lang,
        found: Lang,
    },
    /// `--fetch`: the English and French exports do not list as many sitting members.
    ExportsDisagree {
        english: usize,
        french: usize,
    },
}

impl DataError {
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Fr};
        match (self, lang) {
            (DataError::Read { path, source }, En) => format!("cannot read {}: {source}", path.display()),
            (DataError::Read { path, source }, Fr) => format!("impossible de lire {}\u{a0}: {source}", path.display()),
            (DataError::Write { path, source }, En) => format!("cannot write {}: {source}", path.display()),
            (DataError::Write { path, source }, Fr) => {
                format!("impossible d'écrire {}\u{a0}: {source}", path.display())
            }
            (DataError::Csv { path, source }, En) => format!("{}: {source}", path.display()),
            (DataError::Csv { path, source }, Fr) => format!("{}\u{a0}: {source}", path.display()),
            (DataError::Source { path, line: Some(line), problem }, En) => {
                format!("{}, line {line}: {}", path.display(), problem.text(lang))
            }
            (DataError::Source { path, line: Some(line), problem }, Fr) => {
                format!("{}, ligne {line}\u{a0}: {}", path.display(), problem.text(lang))
            }
            (DataError::Source { path, line: None, problem }, En) => {
                format!("{}: {}", path.display(), problem.text(lang))
            }
            (DataError::Source { path, line: None, problem }, Fr) => {
                format!("{}\u{a0}: {}", path.display(), problem.text(lang))
            }
            (DataError::Export { path, problem }, En) => format!("{}: {}", path.display(), problem.text(lang)),
            (DataError::Export { path, problem }, Fr) => format!("{}\u{a0}: {}", path.display(), problem.text(lang)),
            (DataError::Directory { path, source }, En) => format!("{}: {}", path.display(), source.text(lang)),
            (DataError::Directory { path, source }, Fr) => {
                format!("{}\u{a0}: {}", path.display(), source.text(lang))
            }
            (DataError::BadDate { found }, En) => format!("\"{found}\" is not a date written YYYY-MM-DD"),
            (DataError::BadDate { found }, Fr) => format!("«\u{a0}{found}\u{a0}» n'est pas une date AAAA-MM-JJ"),
            (DataError::OverBudget { brotli }, En) => format!(
                "the data file would weigh {brotli} bytes with brotli, over the budget of {BROTLI_BUDGET}: nothing written"
            ),
            (DataError::OverBudget { brotli }, Fr) => format!(
                "le fichier de données pèserait {brotli} octets avec brotli, au-delà du budget de {BROTLI_BUDGET}\u{a0}: rien n'est écrit"
            ),
            (DataError::BoundariesOverBudget { path, brotli, budget }, En) => format!(
                "{} would weigh {brotli} bytes with brotli, over its budget of {budget}: nothing written",
                path.display()
            ),
            (DataError::BoundariesOverBudget { path, brotli, budget }, Fr) => format!(
                "{} pèserait {brotli} octets avec brotli, au-delà de son budget de {budget}\u{a0}: rien n'est écrit",
                path.display()
            ),
            (DataError::TooManyVacancies { vacant, total }, En) => format!(
                "the export would leave {vacant} of {total} seats without an MP: is it complete? Nothing written (--force writes it anyway)"
            ),
            (DataError::TooManyVacancies { vacant, total }, Fr) => format!(
                "l'export laisserait {vacant} sièges sur {total} sans député\u{a0}: est-il complet\u{202f}? Rien n'est écrit (--force l'écrit quand même)"
            ),
            (DataError::IncompleteExport { listed, total }, En) => format!(
                "this Represent answer is one page ({listed} of {} representatives): save it with ?limit=1000. Nothing written (--force writes it anyway)",
                total.map_or_else(|| "more".to_owned(), |total| total.to_string())
            ),
            (DataError::IncompleteExport { listed, total }, Fr) => format!(
                "cette réponse de Represent n'est qu'une page ({listed} représentants sur {})\u{a0}: enregistrez-la avec ?limit=1000. Rien n'est écrit (--force l'écrit quand même)",
                total.map_or_else(|| "davantage".to_owned(), |total| total.to_string())
            ),
            (DataError::Download { url, detail }, En) => {
                format!("cannot download {url}: {detail}. Nothing written; the data file is unchanged")
            }
            (DataError::Download { url, detail }, Fr) => format!(
                "impossible de télécharger {url}\u{a0}: {detail}. Rien n'est écrit\u{a0}; le fichier de données est inchangé"
            ),
            (DataError::WrongLanguage { url, expected, found }, En) => format!(
                "{url} should be the {} export but reads as {}: nothing written (--force applies it anyway)",
                expected.name_in(En),
                found.name_in(En)
            ),
            (DataError::WrongLanguage { url, expected, found }, Fr) => format!(
                "{url} devrait être l'export en {} mais est en {}\u{a0}: rien n'est écrit (--force l'applique quand même)",
                expected.name_in(Fr),
                found.name_in(Fr)
            ),
            (DataError::ExportsDisagree { english, french }, En) => format!(
                "the English export lists {english} sitting members and the French one {french}: one of them is incomplete or older. Nothing written (--force applies the English one anyway)"
            ),
            (DataError::ExportsDisagree { english, french }, Fr) => format!(
                "l'export anglais donne {english} députés en fonction et le français {french}\u{a0}: l'un des deux est incomplet ou plus ancien. Rien n'est écrit (--force applique quand même l'anglais)"
            ),
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for DataError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DataError::Read { source, .. } | DataError::Write { source, .. } => Some(source),
            DataError::Csv { source, .. } => Some(source),
            DataError::Directory { source, .. } => Some(source),
            _ => None,
        }
    }
}
