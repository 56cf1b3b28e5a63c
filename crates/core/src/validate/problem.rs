//! A problem found in a campaign file, and its message in plain English and French.

use crate::Lang;

/// How serious a problem is: errors stop a campaign from being served; warnings are advice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem, located by a path such as `partners[2].origins[0]` (or by line and column for a syntax error).
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// Where the problem is: `partners[2].origins[0]`; `$` is the whole file.
    pub path: String,
    /// Line and column (from 1) for syntax errors.
    pub position: Option<(usize, usize)>,
    pub severity: Severity,
    pub message: Message,
}

impl Problem {
    pub fn error(path: impl Into<String>, message: Message) -> Self {
        Problem { path: path.into(), position: None, severity: Severity::Error, message }
    }

    pub fn warning(path: impl Into<String>, message: Message) -> Self {
        Problem { path: path.into(), position: None, severity: Severity::Warning, message }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Where the problem is, for people: the path, or "line 3, column 5".
    pub fn location(&self, lang: Lang) -> String {
        match (self.position, lang) {
            (Some((line, column)), Lang::En) => format!("line {line}, column {column}"),
            (Some((line, column)), Lang::Fr) => format!("ligne {line}, colonne {column}"),
            (None, _) if self.path.is_empty() => "$".to_owned(),
            (None, _) => self.path.clone(),
        }
    }

    /// `path: message` (with "warning: " before warnings), as `voix check` prints it after the file name.
    pub fn describe(&self, lang: Lang) -> String {
        let label = match (self.severity, lang) {
            (Severity::Error, _) => "",
            (Severity::Warning, Lang::En) => "warning: ",
            (Severity::Warning, Lang::Fr) => "avertissement\u{a0}: ",
        };
        format!("{}: {label}{}", self.location(lang), self.message.text(lang))
    }
}

/// The kinds of JSON value, named in plain words in messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonType {
    Text,
    WholeNumber,
    Number,
    TrueFalse,
    Group,
    List,
    Null,
}

impl JsonType {
    pub fn of(value: &serde_json::Value) -> JsonType {
        use serde_json::Value;
        match value {
            Value::String(_) => JsonType::Text,
            Value::Number(n) if n.is_i64() || n.is_u64() => JsonType::WholeNumber,
            Value::Number(_) => JsonType::Number,
            Value::Bool(_) => JsonType::TrueFalse,
            Value::Object(_) => JsonType::Group,
            Value::Array(_) => JsonType::List,
            Value::Null => JsonType::Null,
        }
    }

    /// The JSON Schema `type` keyword for this kind.
    pub fn from_schema_name(name: &str) -> Option<JsonType> {
        Some(match name {
            "string" => JsonType::Text,
            "integer" => JsonType::WholeNumber,
            "number" => JsonType::Number,
            "boolean" => JsonType::TrueFalse,
            "object" => JsonType::Group,
            "array" => JsonType::List,
            "null" => JsonType::Null,
            _ => return None,
        })
    }

    fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (JsonType::Text, Lang::En) => "a text in double quotes",
            (JsonType::Text, Lang::Fr) => "un texte entre guillemets droits",
            (JsonType::WholeNumber, Lang::En) => "a whole number",
            (JsonType::WholeNumber, Lang::Fr) => "un nombre entier",
            (JsonType::Number, Lang::En) => "a number",
            (JsonType::Number, Lang::Fr) => "un nombre",
            (JsonType::TrueFalse, Lang::En) => "true or false",
            (JsonType::TrueFalse, Lang::Fr) => "true ou false",
            (JsonType::Group, Lang::En) => "a group of fields in { }",
            (JsonType::Group, Lang::Fr) => "un groupe de champs entre { }",
            (JsonType::List, Lang::En) => "a list in [ ]",
            (JsonType::List, Lang::Fr) => "une liste entre [ ]",
            (JsonType::Null, _) => "null",
        }
    }
}

/// What went wrong in the JSON syntax, classified from the parser's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyntaxKind {
    EndsTooSoon,
    ExpectedCommaOrBrace,
    ExpectedCommaOrBracket,
    ExpectedColon,
    ExpectedValue,
    BareWord,
    KeyNotQuoted,
    TrailingComma,
    TextAfterEnd,
    ControlCharacter,
    InvalidEscape,
    InvalidNumber,
    /// Anything else, with the parser's own (English) words.
    Other(String),
}

impl SyntaxKind {
    /// A few English words on the error, in the spirit of the parser's own: the widget's console line, which
    /// must stay small (the full EN/FR wording is `voix check`'s).
    pub fn short_words(&self) -> &str {
        match self {
            SyntaxKind::EndsTooSoon => "the file ends too soon",
            SyntaxKind::ExpectedCommaOrBrace => "expected `,` or `}`",
            SyntaxKind::ExpectedCommaOrBracket => "expected `,` or `]`",
            SyntaxKind::ExpectedColon => "expected `:`",
            SyntaxKind::ExpectedValue => "expected value",
            SyntaxKind::BareWord => "unquoted word",
            SyntaxKind::KeyNotQuoted => "key must be a string",
            SyntaxKind::TrailingComma => "trailing comma",
            SyntaxKind::TextAfterEnd => "trailing characters",
            SyntaxKind::ControlCharacter => "control character in a string",
            SyntaxKind::InvalidEscape => "invalid escape",
            SyntaxKind::InvalidNumber => "invalid number",
            SyntaxKind::Other(words) => words,
        }
    }

    /// Classifies serde_json's message (without its " at line … column …" suffix).
    pub fn classify(parser_message: &str) -> SyntaxKind {
        let m = parser_message;
        if m.starts_with("EOF while parsing") {
            SyntaxKind::EndsTooSoon
        } else if m == "expected `,` or `}`" {
            SyntaxKind::ExpectedCommaOrBrace
        } else if m == "expected `,` or `]`" {
            SyntaxKind::ExpectedCommaOrBracket
        } else if m == "expected `:`" {
            SyntaxKind::ExpectedColon
        } else if m == "expected value" {
            SyntaxKind::ExpectedValue
        } else if m == "expected ident" {
            SyntaxKind::BareWord
        } else if m == "key must be a string" {
            SyntaxKind::KeyNotQuoted
        } else if m == "trailing comma" {
            SyntaxKind::TrailingComma
        } else if m == "trailing characters" {
            SyntaxKind::TextAfterEnd
        } else if m.starts_with("control character") {
            SyntaxKind::ControlCharacter
        } else if m == "invalid escape" {
            SyntaxKind::InvalidEscape
        } else if m == "invalid number" || m == "number out of range" {
            SyntaxKind::InvalidNumber
        } else {
            SyntaxKind::Other(m.to_owned())
        }
    }
}

pub use crate::checks::{OriginProblem, UrlProblem};

/// Every message validation can give, each in English and French.
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    Syntax(SyntaxKind),
    UnknownField {
        name: String,
        suggestion: Option<String>,
    },
    MissingField,
    WrongType {
        expected: Vec<JsonType>,
        found: JsonType,
    },
    NotAllowed {
        found: String,
        allowed: Vec<String>,
    },
    TooFewItems {
        min: u64,
    },
    DuplicateItem {
        item: String,
    },
    /// An object that names the same field twice. JSON readers disagree on what that means (serde_json's map keeps
    /// the last one; the widget, like serde's derives, refuses the file), so the organiser must keep one.
    DuplicateField {
        name: String,
    },
    OutOfRange {
        min: Option<i64>,
        max: Option<i64>,
    },
    UnsupportedSchema {
        found: String,
    },
    /// A file whose `schema` names no kind of file Voix reads (see [`super::kind::FileKind`]).
    UnknownFileKind {
        found: String,
    },
    BadId {
        id: String,
    },
    MissingTranslation {
        lang: Lang,
    },
    UndeclaredTranslation {
        lang: Lang,
    },
    Blank,
    BadEmail {
        value: String,
    },
    BadUrl {
        value: String,
        problem: UrlProblem,
    },
    BadOrigin {
        value: String,
        problem: OriginProblem,
    },
    NoContact,
    NoPostalCode,
    DuplicateId {
        id: String,
    },
    BadColor {
        value: String,
    },
    /// The contrast ratio in tenths (45 is 4.5:1): integers keep float formatting out of the wasm bundle.
    LowContrast {
        value: String,
        ratio_tenths: u32,
    },
    NoParts,
    FileNameMismatch {
        expected_file: String,
    },
    /// The file passed the schema but could not be read into a campaign (a gap in validation; reported as is).
    Unreadable {
        detail: String,
    },
    /// `{name}` in a letter text where `name` is not one of the placeholders.
    UnknownPlaceholder {
        name: String,
        suggestion: Option<String>,
    },
    /// A `{` with no `}` after it in a letter text.
    UnclosedBrace,
    /// A `}` with no `{` before it in a letter text.
    StrayClosingBrace,
    /// A placeholder in a text that is shown as is (a checkbox label, a story prompt, the intro).
    PlaceholderNotAllowed {
        name: String,
    },
    /// A list of wordings with none in a declared language.
    NoPhrasing {
        lang: Lang,
    },
    /// The letter gives wording but no subject line.
    LetterNeedsSubject,
    /// "call" is a way of sending but the letter has no call script.
    CallNeedsScript,
    /// A senator the letter names is not in the Senate list of the riding data (dated `as_of`).
    UnknownSenator {
        name: String,
        as_of: String,
    },
    /// A senator the letter names has reached 75 and left the Senate.
    RetiredSenator {
        name: String,
        retired_on: String,
    },
    /// The letter goes to neither the person's MP nor anyone else.
    NoRecipients,
    /// A way of sending that a later version of Voix will offer.
    SendMethodNotYet {
        method: String,
    },
    /// A petition field whose id is one of the built-in fields (`email`, …).
    ReservedFieldId {
        id: String,
    },
    /// A setting a petition field of this kind does not take (`choices` on a text field, …).
    NotForKind {
        field: String,
        kind: String,
    },
    /// A consent box from an organisation that gives no privacy policy.
    ConsentNeedsPrivacyPolicy,
    /// About the explainer or a glossary: see `crate::explainer::Finding`.
    Explainer(crate::explainer::Finding),
}

/// The placeholders, as a list for messages: {target.name}, {mp.name}, ….
fn placeholder_list(lang: Lang) -> String {
    let tokens: Vec<String> = crate::letter::Placeholder::ALL.iter().map(|p| p.token()).collect();
    let or = if lang == Lang::En { "or" } else { "ou" };
    match tokens.split_last() {
        Some((last, rest)) => format!("{} {or} {last}", rest.join(", ")),
        None => String::new(),
    }
}

fn quoted(items: &[String], lang: Lang) -> String {
    let quote = |s: &String| match lang {
        Lang::En => format!("\"{s}\""),
        Lang::Fr => format!("«\u{a0}{s}\u{a0}»"),
    };
    let mut parts: Vec<String> = items.iter().map(quote).collect();
    let last = parts.pop().unwrap_or_default();
    if parts.is_empty() {
        return last;
    }
    let or = if lang == Lang::En { "or" } else { "ou" };
    format!("{} {or} {last}", parts.join(", "))
}

pub(super) fn q(s: &str, lang: Lang) -> String {
    quoted(&[s.to_owned()], lang)
}

impl Message {
    /// The message in plain words in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Fr};
        match (self, lang) {
            (Message::Syntax(kind), _) => syntax_text(kind, lang),
            (Message::UnknownField { name, suggestion }, _) => {
                let base = match lang {
                    En => format!("unknown field {}: campaigns do not have it", q(name, lang)),
                    Fr => format!("champ inconnu {}\u{a0}: les campagnes ne l'ont pas", q(name, lang)),
                };
                match (suggestion, lang) {
                    (Some(s), En) => format!("{base}. Did you mean {}?", q(s, lang)),
                    (Some(s), Fr) => format!("{base}. Vouliez-vous dire {}\u{202f}?", q(s, lang)),
                    (None, _) => base,
                }
            }
            (Message::MissingField, En) => "this field is required but missing".into(),
            (Message::MissingField, Fr) => "ce champ est obligatoire mais absent".into(),
            (Message::WrongType { expected, found }, _) => {
                let wanted: Vec<&str> = expected.iter().map(|t| t.name(lang)).collect();
                let or = if lang == En { " or " } else { " ou " };
                match lang {
                    En => format!("expected {}, found {}", wanted.join(or), found.name(lang)),
                    Fr => format!("attendu\u{a0}: {}\u{a0}; trouvé\u{a0}: {}", wanted.join(or), found.name(lang)),
                }
            }
            (Message::NotAllowed { found, allowed }, En) => {
                format!("{} is not allowed here; use {}", q(found, lang), quoted(allowed, lang))
            }
            (Message::NotAllowed { found, allowed }, Fr) => {
                format!("{} n'est pas permis ici\u{a0}; utilisez {}", q(found, lang), quoted(allowed, lang))
            }
            (Message::TooFewItems { min }, En) => {
                format!("this list needs at least {min} item{}", if *min == 1 { "" } else { "s" })
            }
            (Message::TooFewItems { min }, Fr) => {
                format!("cette liste doit avoir au moins {min} élément{}", if *min == 1 { "" } else { "s" })
            }
            (Message::DuplicateItem { item }, En) => format!("{} appears twice in this list", q(item, lang)),
            (Message::DuplicateItem { item }, Fr) => format!("{} figure deux fois dans cette liste", q(item, lang)),
            (Message::DuplicateField { name }, En) => {
                format!("the field {} is written twice in the same place: keep only one", q(name, lang))
            }
            (Message::DuplicateField { name }, Fr) => {
                format!("le champ {} est écrit deux fois au même endroit\u{a0}: n'en gardez qu'un", q(name, lang))
            }
            (Message::OutOfRange { min, max }, _) => range_text(*min, *max, lang),
            (Message::UnsupportedSchema { found }, En) => format!(
                "this file says it is {}, but this version of Voix reads \"voix/campaign/v1\"",
                q(found, lang)
            ),
            (Message::UnsupportedSchema { found }, Fr) => format!(
                "ce fichier se dit {}, mais cette version de Voix lit «\u{a0}voix/campaign/v1\u{a0}»",
                q(found, lang)
            ),
            (Message::UnknownFileKind { found }, En) => {
                format!("this file says it is {}; Voix reads {}", q(found, lang), super::kind::FileKind::known_list(lang))
            }
            (Message::UnknownFileKind { found }, Fr) => format!(
                "ce fichier se dit {}\u{a0}; Voix lit {}",
                q(found, lang),
                super::kind::FileKind::known_list(lang)
            ),
            (Message::BadId { id }, En) => format!(
                "{} cannot be an id: use 1 to 64 lowercase letters (a–z), digits and hyphens, not starting or ending with a hyphen",
                q(id, lang)
            ),
            (Message::BadId { id }, Fr) => format!(
                "{} ne peut pas servir d'identifiant\u{a0}: utilisez de 1 à 64 lettres minuscules (a à z), chiffres et traits d'union, sans trait d'union au début ni à la fin",
                q(id, lang)
            ),
            (Message::MissingTranslation { lang: missing }, En) => format!(
                "the {} text is missing; the campaign's languages include {}",
                missing.name_in(En),
                missing.name_in(En)
            ),
            (Message::MissingTranslation { lang: missing }, Fr) => format!(
                "le texte en {} manque\u{a0}; les langues de la campagne comprennent le {}",
                missing.name_in(Fr),
                missing.name_in(Fr)
            ),
            (Message::UndeclaredTranslation { lang: extra }, En) => format!(
                "this {} text is not shown: add \"{}\" to languages to use it",
                extra.name_in(En),
                extra.code()
            ),
            (Message::UndeclaredTranslation { lang: extra }, Fr) => format!(
                "ce texte en {} n'est pas affiché\u{a0}: ajoutez «\u{a0}{}\u{a0}» à languages pour l'utiliser",
                extra.name_in(Fr),
                extra.code()
            ),
            (Message::Blank, En) => "this text is empty".into(),
            (Message::Blank, Fr) => "ce texte est vide".into(),
            (Message::BadEmail { value }, En) => {
                format!("{} is not an email address (like name@example.org)", q(value, lang))
            }
            (Message::BadEmail { value }, Fr) => {
                format!("{} n'est pas une adresse courriel (comme nom@exemple.org)", q(value, lang))
            }
            (Message::BadUrl { value, problem }, _) => url_text(value, *problem, lang),
            (Message::BadOrigin { value, problem }, _) => origin_text(value, problem, lang),
            (Message::NoContact, En) => {
                "give at least one way to reach the organiser: email, website or phone (Canada's anti-spam law requires it)".into()
            }
            (Message::NoContact, Fr) => {
                "indiquez au moins un moyen de joindre l'organisateur\u{a0}: email, website ou phone (la loi canadienne anti-pourriel l'exige)".into()
            }
            (Message::NoPostalCode, En) => {
                "this mailing address has no postal code; give the full address where the organisation receives mail".into()
            }
            (Message::NoPostalCode, Fr) => {
                "cette adresse postale n'a pas de code postal\u{a0}; donnez l'adresse complète où l'organisation reçoit son courrier".into()
            }
            (Message::DuplicateId { id }, En) => format!("the id {} is used twice", q(id, lang)),
            (Message::DuplicateId { id }, Fr) => format!("l'identifiant {} est utilisé deux fois", q(id, lang)),
            (Message::BadColor { value }, En) => {
                format!("{} is not a colour: write it as \"#rrggbb\", e.g. \"#1d4ed8\"", q(value, lang))
            }
            (Message::BadColor { value }, Fr) => format!(
                "{} n'est pas une couleur\u{a0}: écrivez-la «\u{a0}#rrvvbb\u{a0}», p. ex. «\u{a0}#1d4ed8\u{a0}»",
                q(value, lang)
            ),
            (Message::LowContrast { value, ratio_tenths }, En) => format!(
                "{} is too light for white text on buttons: contrast {}.{}:1, needs at least 4.5:1",
                q(value, lang),
                ratio_tenths / 10,
                ratio_tenths % 10
            ),
            (Message::LowContrast { value, ratio_tenths }, Fr) => format!(
                "{} est trop pâle pour du texte blanc sur les boutons\u{a0}: contraste de {},{}\u{a0}:1, il faut au moins 4,5\u{a0}:1",
                q(value, lang),
                ratio_tenths / 10,
                ratio_tenths % 10
            ),
            (Message::NoParts, En) => {
                "the campaign turns nothing on: add at least one of explainer, letter or petition".into()
            }
            (Message::NoParts, Fr) => {
                "la campagne n'active rien\u{a0}: ajoutez au moins explainer, letter ou petition".into()
            }
            (Message::FileNameMismatch { expected_file }, En) => {
                format!("the file must be named {} so that its URL matches its id", q(expected_file, lang))
            }
            (Message::FileNameMismatch { expected_file }, Fr) => format!(
                "le fichier doit s'appeler {} pour que son adresse corresponde à son identifiant",
                q(expected_file, lang)
            ),
            (Message::Unreadable { detail }, En) => format!("this campaign cannot be read: {detail}"),
            (Message::Unreadable { detail }, Fr) => format!("cette campagne est illisible\u{a0}: {detail}"),
            (Message::UnknownPlaceholder { name, suggestion }, _) => {
                let token = q(&format!("{{{name}}}"), lang);
                let base = match lang {
                    En => format!("unknown placeholder {token}: use {}", placeholder_list(lang)),
                    Fr => format!("variable inconnue {token}\u{a0}: utilisez {}", placeholder_list(lang)),
                };
                match (suggestion, lang) {
                    (Some(s), En) => format!("{base}. Did you mean {{{s}}}?"),
                    (Some(s), Fr) => format!("{base}. Vouliez-vous dire {{{s}}}\u{202f}?"),
                    (None, _) => base,
                }
            }
            (Message::UnclosedBrace, En) => {
                "a \"{\" is not closed: placeholders are written like {mp.name}, and a brace cannot stand alone".into()
            }
            (Message::UnclosedBrace, Fr) => {
                "une accolade «\u{a0}{\u{a0}» n'est pas fermée\u{a0}: les variables s'écrivent comme {mp.name}, et une accolade ne peut pas être seule".into()
            }
            (Message::StrayClosingBrace, En) => {
                "a \"}\" has no \"{\" before it: placeholders are written like {mp.name}, and a brace cannot stand alone".into()
            }
            (Message::StrayClosingBrace, Fr) => {
                "une accolade «\u{a0}}\u{a0}» n'a pas de «\u{a0}{\u{a0}» avant elle\u{a0}: les variables s'écrivent comme {mp.name}, et une accolade ne peut pas être seule".into()
            }
            (Message::PlaceholderNotAllowed { name }, En) => {
                format!("placeholders are not filled in here: {{{name}}} would show as is")
            }
            (Message::PlaceholderNotAllowed { name }, Fr) => {
                format!("les variables ne sont pas remplacées ici\u{a0}: {{{name}}} s'afficherait tel quel")
            }
            (Message::NoPhrasing { lang: missing }, En) => format!(
                "give at least one wording in {}: the campaign's languages include {}",
                missing.name_in(En),
                missing.name_in(En)
            ),
            (Message::NoPhrasing { lang: missing }, Fr) => format!(
                "donnez au moins une formulation en {}\u{a0}; les langues de la campagne comprennent le {}",
                missing.name_in(Fr),
                missing.name_in(Fr)
            ),
            (Message::LetterNeedsSubject, En) => {
                "give at least one subject line: a letter with an opening, talking points or a closing needs one".into()
            }
            (Message::LetterNeedsSubject, Fr) => {
                "donnez au moins un objet\u{a0}: une lettre avec une ouverture, des arguments ou une conclusion en a besoin".into()
            }
            (Message::UnknownSenator { name, as_of }, En) => format!(
                "\"{name}\" is not in the list of senators of {as_of}: check the spelling against sencanada.ca (the widget leaves this name out)"
            ),
            (Message::UnknownSenator { name, as_of }, Fr) => format!(
                "«\u{a0}{name}\u{a0}» n'est pas dans la liste des sénateurs du {as_of}\u{a0}: vérifiez l'orthographe sur sencanada.ca (le widget laisse ce nom de côté)"
            ),
            (Message::RetiredSenator { name, retired_on }, En) => {
                format!("{name} retired from the Senate on {retired_on} (the widget leaves this name out)")
            }
            (Message::RetiredSenator { name, retired_on }, Fr) => {
                format!("{name} a quitté le Sénat le {retired_on} (le widget laisse ce nom de côté)")
            }
            (Message::CallNeedsScript, En) => {
                "\"call\" is in send: give a call_script, what the person says on the phone (a few plain sentences)".into()
            }
            (Message::CallNeedsScript, Fr) => {
                "«\u{a0}call\u{a0}» figure dans send\u{a0}: donnez un call_script, ce que la personne dit au téléphone (quelques phrases simples)".into()
            }
            (Message::NoRecipients, En) => {
                "the letter goes to no one: set own_mp to true, or add a recipient to extra".into()
            }
            (Message::NoRecipients, Fr) => {
                "la lettre n'a aucun destinataire\u{a0}: mettez own_mp à true, ou ajoutez un destinataire dans extra".into()
            }
            (Message::SendMethodNotYet { method }, En) => format!(
                "sending by {} is not available yet in this version of Voix: use \"email_app\", \"copy\" or \"print\"",
                q(method, lang)
            ),
            (Message::SendMethodNotYet { method }, Fr) => format!(
                "l'envoi par {} n'est pas encore offert dans cette version de Voix\u{a0}: utilisez «\u{a0}email_app\u{a0}», «\u{a0}copy\u{a0}» ou «\u{a0}print\u{a0}»",
                q(method, lang)
            ),
            (Message::ReservedFieldId { id }, En) => format!(
                "{} is one of the petition's own fields: give this field another id",
                q(id, lang)
            ),
            (Message::ReservedFieldId { id }, Fr) => format!(
                "{} est l'un des champs propres à la pétition\u{a0}: donnez un autre identifiant à ce champ",
                q(id, lang)
            ),
            (Message::NotForKind { field, kind }, En) => format!(
                "fields of kind {} do not take {}: remove it",
                q(kind, lang),
                q(field, lang)
            ),
            (Message::NotForKind { field, kind }, Fr) => format!(
                "les champs de type {} ne prennent pas {}\u{a0}: retirez-le",
                q(kind, lang),
                q(field, lang)
            ),
            (Message::ConsentNeedsPrivacyPolicy, En) => {
                "a consent box needs the organisation's privacy policy: add privacy_policy".into()
            }
            (Message::ConsentNeedsPrivacyPolicy, Fr) => {
                "une case de consentement exige la politique de confidentialité de l'organisation\u{a0}: ajoutez privacy_policy".into()
            }
            (Message::Explainer(finding), _) => finding.text(lang),
        }
    }
}

fn syntax_text(kind: &SyntaxKind, lang: Lang) -> String {
    use Lang::{En, Fr};
    let text = match (kind, lang) {
        (SyntaxKind::EndsTooSoon, En) => "the file ends too soon: a closing } or ], or a closing quote, is missing",
        (SyntaxKind::EndsTooSoon, Fr) => {
            "le fichier se termine trop tôt\u{a0}: il manque un } ou un ] fermant, ou un guillemet fermant"
        }
        (SyntaxKind::ExpectedCommaOrBrace, En) => "expected a comma before the next field, or a } to close the group",
        (SyntaxKind::ExpectedCommaOrBrace, Fr) => {
            "il faut une virgule avant le champ suivant, ou un } pour fermer le groupe"
        }
        (SyntaxKind::ExpectedCommaOrBracket, En) => "expected a comma before the next item, or a ] to close the list",
        (SyntaxKind::ExpectedCommaOrBracket, Fr) => {
            "il faut une virgule avant l'élément suivant, ou un ] pour fermer la liste"
        }
        (SyntaxKind::ExpectedColon, En) => "expected a colon (:) after the field name",
        (SyntaxKind::ExpectedColon, Fr) => "il faut un deux-points (:) après le nom du champ",
        (SyntaxKind::ExpectedValue, En) => {
            "expected a value: a text in double quotes, a number, true, false, null, { } or [ ]"
        }
        (SyntaxKind::ExpectedValue, Fr) => {
            "il faut une valeur\u{a0}: un texte entre guillemets droits, un nombre, true, false, null, { } ou [ ]"
        }
        (SyntaxKind::BareWord, En) => "unquoted word: put texts in double quotes (only true, false and null go bare)",
        (SyntaxKind::BareWord, Fr) => {
            "mot sans guillemets\u{a0}: mettez les textes entre guillemets droits (seuls true, false et null s'en passent)"
        }
        (SyntaxKind::KeyNotQuoted, En) => "field names must be in double quotes, like \"title\"",
        (SyntaxKind::KeyNotQuoted, Fr) => {
            "les noms de champ doivent être entre guillemets droits, comme \"title\""
        }
        (SyntaxKind::TrailingComma, En) => "remove the comma before this } or ]",
        (SyntaxKind::TrailingComma, Fr) => "retirez la virgule avant ce } ou ce ]",
        (SyntaxKind::TextAfterEnd, En) => "there is more text after the end of the campaign's closing }",
        (SyntaxKind::TextAfterEnd, Fr) => "il reste du texte après le } qui ferme la campagne",
        (SyntaxKind::ControlCharacter, En) => {
            "a line break or tab inside a quoted text: write it as \\n or \\t"
        }
        (SyntaxKind::ControlCharacter, Fr) => {
            "un saut de ligne ou une tabulation dans un texte entre guillemets\u{a0}: écrivez \\n ou \\t"
        }
        (SyntaxKind::InvalidEscape, En) => "a backslash starts an unknown escape: write \\\\ for a backslash",
        (SyntaxKind::InvalidEscape, Fr) => {
            "une barre oblique inverse commence un échappement inconnu\u{a0}: écrivez \\\\ pour une barre oblique inverse"
        }
        (SyntaxKind::InvalidNumber, En) => "this number cannot be read",
        (SyntaxKind::InvalidNumber, Fr) => "ce nombre est illisible",
        (SyntaxKind::Other(detail), En) => return format!("JSON syntax error: {detail}"),
        (SyntaxKind::Other(detail), Fr) => return format!("erreur de syntaxe JSON\u{a0}: {detail}"),
    };
    text.to_owned()
}

fn range_text(min: Option<i64>, max: Option<i64>, lang: Lang) -> String {
    match (min, max, lang) {
        (Some(lo), Some(hi), Lang::En) => format!("use a number from {lo} to {hi}"),
        (Some(lo), Some(hi), Lang::Fr) => format!("utilisez un nombre de {lo} à {hi}"),
        (Some(lo), None, Lang::En) => format!("use a number of at least {lo}"),
        (Some(lo), None, Lang::Fr) => format!("utilisez un nombre d'au moins {lo}"),
        (None, Some(hi), Lang::En) => format!("use a number of at most {hi}"),
        (None, Some(hi), Lang::Fr) => format!("utilisez un nombre d'au plus {hi}"),
        (None, None, Lang::En) => "this number is out of range".into(),
        (None, None, Lang::Fr) => "ce nombre est hors limites".into(),
    }
}

fn url_text(value: &str, problem: UrlProblem, lang: Lang) -> String {
    let v = q(value, lang);
    match (problem, lang) {
        (UrlProblem::NotHttps, Lang::En) => {
            format!("{v} must be a web address starting with https://")
        }
        (UrlProblem::NotHttps, Lang::Fr) => {
            format!("{v} doit être une adresse web commençant par https://")
        }
        (UrlProblem::NoHost, Lang::En) => format!("{v} has no site name after https://"),
        (UrlProblem::NoHost, Lang::Fr) => format!("{v} n'a pas de nom de site après https://"),
        (UrlProblem::HasSpaces, Lang::En) => {
            format!("{v} contains spaces or quotes; web addresses cannot")
        }
        (UrlProblem::HasSpaces, Lang::Fr) => {
            format!("{v} contient des espaces ou des guillemets, ce qu'une adresse web ne peut pas contenir")
        }
    }
}

fn origin_text(value: &str, problem: &OriginProblem, lang: Lang) -> String {
    let v = q(value, lang);
    match (problem, lang) {
        (OriginProblem::NotHttps, Lang::En) => {
            format!("{v} must start with https:// (http:// is allowed only for localhost)")
        }
        (OriginProblem::NotHttps, Lang::Fr) => {
            format!("{v} doit commencer par https:// (http:// n'est permis que pour localhost)")
        }
        (OriginProblem::NoHost, Lang::En) => format!("{v} has no site name after https://"),
        (OriginProblem::NoHost, Lang::Fr) => format!("{v} n'a pas de nom de site après https://"),
        (OriginProblem::HasPath { suggestion }, Lang::En) => {
            format!("{v} is a page, not a website origin: write {} (no path, no trailing slash)", q(suggestion, lang))
        }
        (OriginProblem::HasPath { suggestion }, Lang::Fr) => format!(
            "{v} est une page, pas l'origine d'un site\u{a0}: écrivez {} (sans chemin ni barre oblique finale)",
            q(suggestion, lang)
        ),
        (OriginProblem::NotLowercase { suggestion }, Lang::En) => {
            format!("write the origin in lower case: {}", q(suggestion, lang))
        }
        (OriginProblem::NotLowercase { suggestion }, Lang::Fr) => {
            format!("écrivez l'origine en minuscules\u{a0}: {}", q(suggestion, lang))
        }
    }
}
