//! The organisers' commands: `voix export`, `voix token create`, `voix forget`. Each opens the same database as
//! `voix serve` (`--data`, or `DATABASE_URL`) and applies any pending migration first.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressStyle};
use sqlx::AnyPool;

use crate::campaigns::Campaigns;
use crate::cli::{DatabaseArgs, ExportArgs, ForgetArgs, TokenCreateArgs};
use crate::config::lang_from_env;
use crate::db::{self, Database};
use crate::error::Error;
use crate::ids::now_secs;
use crate::petition::store;

/// Exports of at least this many signers show a progress bar.
const PROGRESS_FROM: u64 = 1000;

fn run<T>(name: &str, work: impl std::future::Future<Output = Result<T, Error>>) -> Result<T, ExitCode> {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(|error| {
        eprintln!("voix {name}: cannot start the async runtime: {error}");
        ExitCode::FAILURE
    })?;
    runtime.block_on(work).map_err(|error| {
        eprintln!("voix {name}: {error}");
        ExitCode::FAILURE
    })
}

async fn connect(args: &DatabaseArgs) -> Result<AnyPool, Error> {
    let database = Database::choose(std::env::var("DATABASE_URL").ok(), args.data.clone());
    db::connect(&database).await
}

/// `voix export --campaign ID [--partner P] --out FILE.csv`.
pub fn run_export(args: ExportArgs) -> ExitCode {
    match run("export", export(&args)) {
        Ok(rows) => {
            println!("Wrote {rows} signer(s) to {}", args.out.display());
            ExitCode::SUCCESS
        }
        Err(code) => code,
    }
}

async fn export(args: &ExportArgs) -> Result<u64, Error> {
    let campaigns = Campaigns::load(&args.campaigns, lang_from_env());
    let Some(served) = campaigns.get(&args.campaign) else {
        return Err(Error::Message(format!(
            "no valid campaign {:?} in {} (voix check explains why a campaign is refused)",
            args.campaign,
            args.campaigns.display()
        )));
    };
    if let Some(partner) = &args.partner {
        if served.campaign.partner(partner).is_none() {
            return Err(Error::Message(format!("the campaign has no partner {partner:?}")));
        }
    }
    let pool = connect(&args.database).await?;
    let file = crate::private_file::create_private(&args.out)?;
    let mut out = BufWriter::new(file);
    let bar = ProgressBar::hidden();
    let progress = |done: u64, all: u64| {
        if all >= PROGRESS_FROM && bar.is_hidden() && done < all {
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            bar.set_length(all);
            if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} signers ({eta} left)") {
                bar.set_style(style);
            }
        }
        bar.set_position(done);
    };
    let rows = store::export(&pool, &served.campaign, args.partner.as_deref(), &mut out, progress).await?;
    bar.finish_and_clear();
    out.flush().map_err(|error| Error::io("write", &args.out, error))?;
    pool.close().await;
    Ok(rows)
}

/// `voix token create [--name N]`.
pub fn run_token_create(args: TokenCreateArgs) -> ExitCode {
    let name = args.name.clone().unwrap_or_else(|| format!("organiser-{}", &store::iso_time(now_secs())[..10]));
    let work = async {
        let pool = connect(&args.database).await?;
        let token = store::create_token(&pool, &name).await;
        pool.close().await;
        token
    };
    match run("token create", work) {
        Ok(token) => {
            println!("{token}");
            eprintln!(
                "Token {name:?} created. Keep it now: it is shown only once (Voix keeps only its hash). Send it as \
                 \"Authorization: Bearer <token>\" to /api/admin/."
            );
            ExitCode::SUCCESS
        }
        Err(code) => code,
    }
}

/// `voix token list`: one line per token, name and creation date (UTC).
pub fn run_token_list(args: crate::cli::TokenListArgs) -> ExitCode {
    let work = async {
        let pool = connect(&args.database).await?;
        let tokens = store::list_tokens(&pool).await;
        pool.close().await;
        tokens
    };
    match run("token list", work) {
        Ok(tokens) if tokens.is_empty() => {
            println!("No tokens. Create one with `voix token create --name NAME`.");
            ExitCode::SUCCESS
        }
        Ok(tokens) => {
            for (name, created_at) in tokens {
                println!("{name}\tcreated {}", store::iso_time(created_at));
            }
            ExitCode::SUCCESS
        }
        Err(code) => code,
    }
}

/// `voix token revoke NAME`.
pub fn run_token_revoke(args: crate::cli::TokenRevokeArgs) -> ExitCode {
    let work = async {
        let pool = connect(&args.database).await?;
        let revoked = store::revoke_token(&pool, &args.name).await;
        pool.close().await;
        revoked
    };
    match run("token revoke", work) {
        Ok(true) => {
            println!("Token {:?} revoked: the admin API refuses it from now on.", args.name);
            ExitCode::SUCCESS
        }
        Ok(false) => {
            eprintln!("voix token revoke: no token is named {:?}; `voix token list` shows their names.", args.name);
            ExitCode::FAILURE
        }
        Err(code) => code,
    }
}

/// `voix forget EMAIL`.
pub fn run_forget(args: ForgetArgs) -> ExitCode {
    let work = async {
        let pool = connect(&args.database).await?;
        let forgotten = crate::personal_data::forget(&pool, &args.email).await;
        pool.close().await;
        forgotten
    };
    match run("forget", work) {
        Ok(forgotten) if forgotten.is_empty() => {
            println!("Nothing about this email address is stored: nothing to remove.");
            ExitCode::SUCCESS
        }
        Ok(forgotten) => {
            println!(
                "Removed {} signature(s) (campaigns: {}), {} consent record(s), {} retry record(s), {} letter(s), \
                 {} email(s) and {} withdrawal request(s). The anonymous counts are kept.",
                forgotten.campaigns.len(),
                forgotten.campaigns.join(", "),
                forgotten.consents,
                forgotten.idempotency_records,
                forgotten.letters,
                forgotten.emails,
                forgotten.withdrawal_requests
            );
            ExitCode::SUCCESS
        }
        Err(code) => code,
    }
}

/// `voix purge`: prints what it deleted (counts only).
pub fn run_purge(args: crate::cli::PurgeArgs) -> ExitCode {
    let work = async {
        let pool = connect(&args.database).await?;
        let purged = crate::mail::purge::purge(&pool, now_secs()).await?;
        pool.close().await;
        Ok(purged)
    };
    match run("purge", work) {
        Ok(purged) => {
            println!(
                "Deleted {} letter text(s) past their retention; expired {} unconfirmed letter(s) and {} withdrawal \
                 request(s); deleted {} unconfirmed signature(s); emptied {} sent email(s)",
                purged.letter_bodies_deleted,
                purged.unconfirmed_expired,
                purged.withdrawal_requests_expired,
                purged.unconfirmed_signatures_deleted,
                purged.emails_emptied
            );
            ExitCode::SUCCESS
        }
        Err(code) => code,
    }
}
