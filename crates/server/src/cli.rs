//! The command line: `voix serve`, `voix check FILE...`, `voix schema`.

use crate::check::{self, Format};
use crate::config::{lang_from_env, Config};
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
    Serve(ServeArgs),
    /// Check campaign files and explain every problem (exit 0: all valid, 1: invalid, 2: unreadable).
    Check(CheckArgs),
    /// Print the JSON Schema of campaign files.
    Schema,
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
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Campaign files to check.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The language of the messages (default: from LC_ALL, LC_MESSAGES or LANG).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// text: one line per problem; json: an array of problems in both languages.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
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
        Command::Serve(args) => run_serve(args),
        Command::Check(args) => run_check(args),
        Command::Schema => {
            print!("{}", voix_core::schema::campaign_schema_json());
            ExitCode::SUCCESS
        }
    }
}

fn run_check(args: CheckArgs) -> ExitCode {
    let lang = args.lang.map(Lang::from).unwrap_or_else(lang_from_env);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match check::run(&args.files, lang, args.format, &mut out) {
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
        database: Database::choose(std::env::var("DATABASE_URL").ok(), args.data),
        lang: lang_from_env(),
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
