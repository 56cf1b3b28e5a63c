//! The command line: `voix serve`, `voix check FILE...`, `voix schema`, `voix data build|refresh`, `voix lookup CODE|--at LAT,LON`.

use crate::check::{self, Format};
use crate::config::{lang_from_env, Config, PetitionSettings, DEFAULT_DATA_FILE};
use crate::db::Database;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use voix_core::Lang;

/// Voix: serve the advocacy widget and its campaigns, and check campaign files.
#[derive(Debug, Parser)]
#[command(name = "voix", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the widget bundle at /voix/, the campaigns at /campaigns/{id}.json, and a demo page at /.
    Serve(Box<ServeArgs>),
    /// Check campaign files and explain every problem (exit 0: all valid, 1: invalid, 2: unreadable).
    Check(CheckArgs),
    /// Print the JSON Schema of campaign files.
    Schema,
    /// Build or refresh the riding and MP data that the widget fetches (data/canada.json).
    Data(DataArgs),
    /// Print the federal ridings and MPs of a postal code (exit 0: found, 1: not a postal code, 2: no data).
    Lookup(LookupArgs),
    /// Write a campaign's signers and their consents to a CSV file.
    Export(ExportArgs),
    /// Manage the organisers' access tokens for /api/admin/.
    Token(TokenArgs),
    /// Remove a person everywhere: their signatures in every campaign, their consents and records (the anonymous
    /// counts stay).
    Forget(ForgetArgs),
    /// Apply the retention rules: delete letter texts N days after delivery (the campaign's
    /// letter.retention_days), expire unconfirmed letters and withdrawal requests after 7 days.
    Purge(PurgeArgs),
}

#[derive(Debug, Args)]
pub struct PurgeArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
}

/// Where the petition's data is: `--data` (SQLite) unless DATABASE_URL is a postgres:// URL.
#[derive(Debug, Args)]
pub struct DatabaseArgs {
    /// The directory of the SQLite database (voix.db), as for voix serve. Not used when DATABASE_URL is a
    /// postgres:// URL.
    #[arg(long, default_value = "./voix-data")]
    pub data: PathBuf,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The campaign's id.
    #[arg(long)]
    pub campaign: String,
    /// Only the people who consented to this partner hearing from them, with only that consent's columns.
    #[arg(long)]
    pub partner: Option<String>,
    /// The CSV file to write.
    #[arg(long, value_name = "FILE.csv")]
    pub out: PathBuf,
    /// The directory of campaign files.
    #[arg(long, default_value = "./campaigns")]
    pub campaigns: PathBuf,
    #[command(flatten)]
    pub database: DatabaseArgs,
}

#[derive(Debug, Args)]
pub struct TokenArgs {
    #[command(subcommand)]
    pub command: TokenCommand,
}

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create a token and print it once (only its hash is stored).
    Create(TokenCreateArgs),
    /// List the tokens by name and creation date (the tokens themselves are not stored, so never shown).
    List(TokenListArgs),
    /// Revoke the token named NAME: the admin API refuses it from then on.
    Revoke(TokenRevokeArgs),
}

#[derive(Debug, Args)]
pub struct TokenListArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
}

#[derive(Debug, Args)]
pub struct TokenRevokeArgs {
    /// The token's name (as `voix token list` shows it).
    pub name: String,
    #[command(flatten)]
    pub database: DatabaseArgs,
}

#[derive(Debug, Args)]
pub struct TokenCreateArgs {
    /// A name to tell tokens apart (default: "organiser-" and the date).
    #[arg(long)]
    pub name: Option<String>,
    #[command(flatten)]
    pub database: DatabaseArgs,
}

#[derive(Debug, Args)]
pub struct ForgetArgs {
    /// The person's email address.
    pub email: String,
    #[command(flatten)]
    pub database: DatabaseArgs,
}

#[derive(Debug, Args)]
pub struct DataArgs {
    #[command(subcommand)]
    pub command: DataCommand,
}

#[derive(Debug, Subcommand)]
pub enum DataCommand {
    /// Build the data file from the source CSVs (see data/README.md).
    Build(DataBuildArgs),
    /// Replace the MPs from a House of Commons members export (XML or CSV) or a saved Represent
    /// /representatives/house-of-commons/ answer (JSON), or with --fetch from the House's site itself, and print
    /// what changed.
    Refresh(DataRefreshArgs),
    /// Print how old the data file is, its vacant seats and gaps, and (with --fetch or --from) what a refresh
    /// would change, writing nothing.
    Status(DataStatusArgs),
}

#[derive(Debug, Args)]
pub struct DataBuildArgs {
    /// The folder of source CSVs.
    #[arg(long, default_value = "data/source")]
    pub source: PathBuf,
    /// The data file to write.
    #[arg(long, default_value = "data/canada.json")]
    pub out: PathBuf,
    /// The date the MP list was last known to be right, YYYY-MM-DD (default: that of data/source).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    /// The language of the messages (default: from LC_ALL, LC_MESSAGES or LANG).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

#[derive(Debug, Args)]
pub struct DataRefreshArgs {
    /// The export of the sitting members.
    #[arg(long, value_name = "FILE", required_unless_present = "fetch", conflicts_with = "fetch")]
    pub from: Option<PathBuf>,
    /// Download the House of Commons' XML members exports (English and French) and apply them: both must
    /// download in full, read as the House's XML in their language, and agree on the number of members.
    #[arg(long)]
    pub fetch: bool,
    #[command(flatten)]
    pub house: HouseArgs,
    /// The data file to update.
    #[arg(long, default_value = "data/canada.json")]
    pub data: PathBuf,
    /// The date of the export, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    /// Print what would change, write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Write even when the export looks partial (many vacant seats, one page of Represent's answer).
    #[arg(long)]
    pub force: bool,
    /// The language of the messages (default: from LC_ALL, LC_MESSAGES or LANG).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

/// Where `--fetch` downloads from.
#[derive(Debug, Args)]
pub struct HouseArgs {
    /// The House of Commons' site, or a mirror serving the same paths (/Members/en/search/XML and
    /// /Members/fr/search/XML).
    #[arg(long, value_name = "URL", default_value = crate::ridings::fetch::HOUSE_URL)]
    pub house_url: String,
}

#[derive(Debug, Args)]
pub struct DataStatusArgs {
    /// The data file.
    #[arg(long, default_value = "data/canada.json")]
    pub data: PathBuf,
    /// Also download the House's exports and print what a refresh would change.
    #[arg(long, conflicts_with = "from")]
    pub fetch: bool,
    /// Also print what a refresh from this saved export would change.
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
    #[command(flatten)]
    pub house: HouseArgs,
    /// Say so when the MP list is older than this many days (a campaign's letter.max_data_age_days sets the
    /// widget's own limit).
    #[arg(long, value_name = "DAYS", default_value_t = u32::from(voix_core::campaign::Letter::DEFAULT_MAX_DATA_AGE_DAYS))]
    pub max_age_days: u32,
    /// Today's date, YYYY-MM-DD (default: the system clock).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<String>,
    /// The language of the messages (default: from LC_ALL, LC_MESSAGES or LANG).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

#[derive(Debug, Args)]
pub struct LookupArgs {
    /// The postal code, e.g. "K1A 0A6".
    #[arg(required_unless_present_any = ["evaluate", "at"])]
    pub code: Option<String>,
    /// A location instead of a postal code, "LAT,LON" in degrees (e.g. 45.4236,-75.7009): its exact riding from
    /// the ridings' boundaries (data/boundaries/exact beside the data file). Exit status 3 when the location is in
    /// no riding of the data, or in several (a gap or overlap of the boundaries), or outside Canada.
    #[arg(long, value_name = "LAT,LON", allow_hyphen_values = true, conflicts_with_all = ["code", "evaluate"])]
    pub at: Option<String>,
    /// text: what the widget offers, for a person; json: the short list as data (`ridings`, first = the suggestion).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Measure the lookup on a CSV of real postal codes with their known riding (columns `postal_code` and
    /// `fed_number`): how often the right riding is first, in the short list, and the lists' lengths.
    #[arg(long, value_name = "FILE.csv", conflicts_with = "code")]
    pub evaluate: Option<PathBuf>,
    /// The riding data file.
    #[arg(long, default_value = DEFAULT_DATA_FILE)]
    pub data: PathBuf,
    /// The language of the output (default: from LC_ALL, LC_MESSAGES or LANG).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The address to listen on (port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: String,
    /// The directory for the SQLite database (voix.db); created if missing. Not used when DATABASE_URL is a
    /// postgres:// URL.
    #[arg(long, default_value = "./voix-data")]
    pub data: PathBuf,
    /// The directory of campaign files ({id}.json).
    #[arg(long, default_value = "./campaigns")]
    pub campaigns: PathBuf,
    /// The built widget bundle (scripts/build-widget writes it).
    #[arg(long, default_value = "./pkg")]
    pub bundle: PathBuf,
    /// The riding and MP data (voix data build writes it), served at /data/canada.json.
    #[arg(long, default_value = DEFAULT_DATA_FILE)]
    pub data_file: PathBuf,
    /// The petition's proof of work: the largest secret number of a challenge (lower is cheaper; for tests and
    /// load tests only, which start-up warns about).
    #[arg(long, default_value_t = PetitionSettings::DEFAULT_ALTCHA_MAX_NUMBER)]
    pub altcha_max_number: u32,
    /// The petition's proof of work: SHA-256 rounds per number tried.
    #[arg(long, default_value_t = PetitionSettings::DEFAULT_ALTCHA_COST)]
    pub altcha_cost: u32,
    /// Signatures and letters per client address per minute (0: no limit, for load tests only).
    #[arg(long, default_value_t = PetitionSettings::DEFAULT_RATE_PER_IP)]
    pub rate_per_ip: u32,
    /// Signatures per email address per hour (0: no limit).
    #[arg(long, default_value_t = PetitionSettings::DEFAULT_RATE_PER_EMAIL)]
    pub rate_per_email: u32,
    /// Behind a reverse proxy: take the client's address from the last X-Forwarded-For entry (the one the proxy
    /// added, over every line of the header). Only with a proxy that sets it, or anyone can choose their address.
    #[arg(long)]
    pub trusted_proxy: bool,
    /// Behind this many trusted proxies in a row (implies --trusted-proxy): the client is the N-th entry from the
    /// end of X-Forwarded-For.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=16))]
    pub trusted_proxy_hops: Option<u32>,
    /// Connections served at once; more are closed at once.
    #[arg(long, default_value_t = 1024)]
    pub max_connections: usize,
    /// Seconds a client has to send a request's headers (and, on a kept-alive connection, to start the next).
    #[arg(long, default_value_t = 10)]
    pub header_timeout_secs: u64,
    /// Seconds a request with a body (a POST) may take, its body included (408 after).
    #[arg(long, default_value_t = 30)]
    pub request_timeout_secs: u64,
    #[command(flatten)]
    pub smtp: crate::mail::SmtpArgs,
    #[command(flatten)]
    pub mail: crate::mail::MailSettings,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Campaign files to check.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The language of the messages (default: from LC_ALL, LC_MESSAGES or LANG).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// text: one line per problem; json: the problems in both languages and the explainers' reading grades.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// The coalition's shared glossary to check explainers against (default: glossary.json next to a campaign
    /// that uses the shared glossary).
    #[arg(long, value_name = "FILE")]
    pub glossary: Option<PathBuf>,
    /// The riding data, to check the senators a campaign names (letter.targets.senators) against.
    #[arg(long, value_name = "FILE", default_value = DEFAULT_DATA_FILE)]
    pub data: PathBuf,
    /// Also print each explainer section's reading grades (English Flesch–Kincaid, French Kandel–Moles, LIX).
    #[arg(long)]
    pub grades: bool,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LangArg {
    En,
    Fr,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Lang {
        match lang {
            LangArg::En => Lang::En,
            LangArg::Fr => Lang::Fr,
        }
    }
}

/// Parses the command line and runs the command.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Serve(args) => run_serve(*args),
        Command::Check(args) => run_check(args),
        Command::Schema => {
            print!("{}", voix_core::schema::campaign_schema_json());
            ExitCode::SUCCESS
        }
        Command::Data(args) => run_data(args.command),
        Command::Lookup(args) => run_lookup(args),
        Command::Export(args) => crate::organiser::run_export(args),
        Command::Token(args) => match args.command {
            TokenCommand::Create(args) => crate::organiser::run_token_create(args),
            TokenCommand::List(args) => crate::organiser::run_token_list(args),
            TokenCommand::Revoke(args) => crate::organiser::run_token_revoke(args),
        },
        Command::Forget(args) => crate::organiser::run_forget(args),
        Command::Purge(args) => crate::organiser::run_purge(args),
    }
}

fn run_data(command: DataCommand) -> ExitCode {
    use crate::ridings::commands::{self, ExportSource, RefreshOptions};
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let (result, lang) = match command {
        DataCommand::Build(args) => {
            let lang = args.lang.map(Lang::from).unwrap_or_else(lang_from_env);
            (commands::build(&args.source, &args.out, args.as_of.as_deref(), lang, &mut out), lang)
        }
        DataCommand::Refresh(args) => {
            let lang = args.lang.map(Lang::from).unwrap_or_else(lang_from_env);
            let options = RefreshOptions { dry_run: args.dry_run, force: args.force };
            let source = match &args.from {
                Some(from) => ExportSource::File(from),
                None => ExportSource::House(&args.house.house_url),
            };
            (commands::refresh(source, &args.data, args.as_of.as_deref(), options, lang, &mut out), lang)
        }
        DataCommand::Status(args) => {
            let lang = args.lang.map(Lang::from).unwrap_or_else(lang_from_env);
            let source = match (&args.from, args.fetch) {
                (Some(from), _) => Some(ExportSource::File(from)),
                (None, true) => Some(ExportSource::House(&args.house.house_url)),
                (None, false) => None,
            };
            let today = commands::parse_as_of(args.today.as_deref(), commands::today());
            let result = today.and_then(|today| {
                commands::status(&args.data, source, today, i64::from(args.max_age_days), lang, &mut out)
            });
            (result, lang)
        }
    };
    let _ = out.flush();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("voix data: {}", error.text(lang));
            ExitCode::FAILURE
        }
    }
}

fn run_lookup(args: LookupArgs) -> ExitCode {
    let lang = args.lang.map(Lang::from).unwrap_or_else(lang_from_env);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    let result = match (&args.evaluate, &args.at, &args.code) {
        (Some(csv), _, _) => crate::lookup::evaluate(csv, &args.data, lang, &mut out, &mut err),
        (None, Some(at), _) => crate::lookup::run_at(at, &args.data, args.format, lang, &mut out, &mut err),
        (None, None, Some(code)) => crate::lookup::run(code, &args.data, args.format, lang, &mut out, &mut err),
        (None, None, None) => Ok(crate::lookup::EXIT_BAD_CODE),
    };
    match result {
        Ok(status) => {
            let _ = out.flush();
            ExitCode::from(status)
        }
        // Writing to stdout failed (a closed pipe): nothing more can be said.
        Err(_) => ExitCode::from(crate::lookup::EXIT_NO_DATA),
    }
}

fn run_check(args: CheckArgs) -> ExitCode {
    let lang = args.lang.map(Lang::from).unwrap_or_else(lang_from_env);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let options = check::Options {
        lang,
        format: args.format,
        glossary: args.glossary,
        grades: args.grades,
        data: Some(args.data),
    };
    match check::run_with(&args.files, &options, &mut out) {
        Ok(status) => {
            let _ = out.flush();
            ExitCode::from(status)
        }
        Err(error) => {
            eprintln!("voix check: {error}");
            ExitCode::from(check::EXIT_UNREADABLE)
        }
    }
}

fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        // PostgreSQL's notices ("relation already exists, skipping") are not news.
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx::postgres::notice=warn"));
    let ansi = std::io::stderr().is_terminal();
    tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).with_ansi(ansi).init();
}

fn run_serve(args: ServeArgs) -> ExitCode {
    init_logging();
    let config = Config {
        bundle_dir: args.bundle,
        campaigns_dir: args.campaigns,
        data_file: args.data_file,
        database: Database::choose(std::env::var("DATABASE_URL").ok(), args.data),
        lang: lang_from_env(),
        petition: PetitionSettings {
            altcha_max_number: args.altcha_max_number,
            altcha_cost: args.altcha_cost,
            rate_per_ip: args.rate_per_ip,
            rate_per_email: args.rate_per_email,
            proxy_hops: match (args.trusted_proxy_hops, args.trusted_proxy) {
                (Some(hops), _) => hops,
                (None, true) => 1,
                (None, false) => 0,
            },
        },
        mail: Some(crate::mail::MailConfig { smtp: args.smtp.clone(), settings: args.mail.clone() }),
        limits: crate::listen::Limits {
            max_connections: args.max_connections.max(1),
            header_timeout: std::time::Duration::from_secs(args.header_timeout_secs.max(1)),
            request_timeout: std::time::Duration::from_secs(args.request_timeout_secs.max(1)),
        },
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("voix serve: cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(crate::serve::serve(&args.addr, &config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("voix serve: {error}");
            ExitCode::FAILURE
        }
    }
}
