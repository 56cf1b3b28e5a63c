//! The database: SQLite in `--data/voix.db` by default, PostgreSQL when `DATABASE_URL` names one.
//!
//! Both go through sqlx's `Any` driver, so there is one set of migrations (`crates/server/migrations/`) and one
//! set of queries, written in the SQL that SQLite and PostgreSQL share (`$1` parameters work in both).

use crate::error::Error;
use sqlx::any::AnyPoolOptions;
use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode};
use sqlx::{AnyPool, ConnectOptions, Connection};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The migrations, embedded at build time.
pub static MIGRATOR: Migrator = sqlx::migrate!("./migrations");

/// The SQLite file's name under `--data`.
pub const SQLITE_FILE: &str = "voix.db";

/// How long a health check waits for the database.
const PING_TIMEOUT: Duration = Duration::from_secs(3);

/// Which database to use.
#[derive(Clone)]
pub enum Database {
    /// `voix.db` in this directory (created if missing).
    Sqlite { data_dir: PathBuf },
    /// A PostgreSQL URL (`postgres://…`). Never logged: it may hold a password.
    Postgres { url: String },
}

impl std::fmt::Debug for Database {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Database::Sqlite { data_dir } => f.debug_struct("Sqlite").field("data_dir", data_dir).finish(),
            Database::Postgres { .. } => f.write_str("Postgres { .. }"),
        }
    }
}

impl Database {
    /// PostgreSQL when `database_url` (the value of `DATABASE_URL`) starts with `postgres://` or `postgresql://`,
    /// otherwise SQLite under `data_dir`.
    pub fn choose(database_url: Option<String>, data_dir: PathBuf) -> Database {
        match database_url {
            Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
                Database::Postgres { url }
            }
            Some(_) => {
                tracing::warn!("DATABASE_URL is not a postgres:// URL, so it is ignored; using SQLite");
                Database::Sqlite { data_dir }
            }
            None => Database::Sqlite { data_dir },
        }
    }
}

/// Connects, applies the migrations and makes sure the instance row exists.
pub async fn connect(database: &Database) -> Result<AnyPool, Error> {
    sqlx::any::install_default_drivers();
    let url = match database {
        Database::Sqlite { data_dir } => {
            let path = prepare_sqlite(data_dir).await?;
            tracing::info!("database: SQLite at {}", path.display());
            sqlite_url(&path)
        }
        Database::Postgres { url } => {
            tracing::info!("database: PostgreSQL (from DATABASE_URL)");
            url.clone()
        }
    };
    // One plain connection first: a pool that cannot connect only reports a timeout, this reports why.
    sqlx::AnyConnection::connect(&url).await?.close().await?;
    let pool = AnyPoolOptions::new()
        .max_connections(8)
        .acquire_timeout(Duration::from_secs(10))
        .after_connect(|connection, _| {
            Box::pin(async move {
                if connection.backend_name() == "SQLite" {
                    // 64 MiB of page cache (the default is 2 MiB): the indexes of a large petition stay in memory.
                    sqlx::query("PRAGMA cache_size = -65536").execute(&mut *connection).await?;
                    // Said rather than assumed: each commit is written to the WAL and fsync'd before it returns,
                    // so an acknowledged signature survives a crash or a power cut (NORMAL would not).
                    sqlx::query("PRAGMA synchronous = FULL").execute(&mut *connection).await?;
                }
                Ok(())
            })
        })
        .connect(&url)
        .await?;
    MIGRATOR.run(&pool).await?;
    let instance = ensure_instance(&pool).await?;
    tracing::info!("instance {instance}");
    Ok(pool)
}

/// Creates the data directory (0700) and the SQLite file (0600) in WAL mode (the mode is stored in the file, so the pool's
/// connections, which only know the URL, use it too). Returns the file's absolute path.
async fn prepare_sqlite(data_dir: &Path) -> Result<PathBuf, Error> {
    crate::private_file::private_dir(data_dir)?;
    let data_dir =
        std::fs::canonicalize(data_dir).map_err(|error| Error::io("find the data folder", data_dir, error))?;
    let path = data_dir.join(SQLITE_FILE);
    // SQLite gives its -wal and -shm files the database file's permissions: 0600 for all three.
    if !path.exists() {
        crate::private_file::create_private(&path)?;
    }
    for file in [path.clone(), data_dir.join(format!("{SQLITE_FILE}-wal")), data_dir.join(format!("{SQLITE_FILE}-shm"))]
    {
        crate::private_file::restrict_if_present(&file)?;
    }
    let connection = SqliteConnectOptions::new()
        .filename(&path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .connect()
        .await?;
    connection.close().await?;
    Ok(path)
}

/// Begins a transaction that writes. On SQLite it takes the write lock at once (`BEGIN IMMEDIATE`), waiting up
/// to the busy timeout for another writer: a deferred `BEGIN` that reads first and writes later fails at once
/// with "database is locked" when another connection wrote in between, which reached signers as a 503.
/// PostgreSQL's row locks need no such thing.
pub async fn begin_write(pool: &AnyPool) -> Result<sqlx::Transaction<'static, sqlx::Any>, sqlx::Error> {
    if pool.connect_options().database_url.scheme() == "sqlite" {
        pool.begin_with("BEGIN IMMEDIATE").await
    } else {
        pool.begin().await
    }
}

/// `sqlite:///abs/path?mode=rw`, with the path percent-encoded (sqlx decodes it back).
fn sqlite_url(path: &Path) -> String {
    let mut encoded = String::new();
    for &byte in path.as_os_str().as_encoded_bytes() {
        if byte.is_ascii_alphanumeric() || b"/-_.~".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    format!("sqlite://{encoded}?mode=rw")
}

/// Inserts this instance's row the first time (a random id and the time), and returns the id.
pub async fn ensure_instance(pool: &AnyPool) -> Result<String, Error> {
    let id = voix_core::petition::hex(&crate::ids::random_bytes::<16>().map_err(Error::Random)?);
    let created_at = crate::ids::now_secs();
    sqlx::query("INSERT INTO instance (singleton, id, created_at) VALUES (1, $1, $2) ON CONFLICT DO NOTHING")
        .bind(id)
        .bind(created_at)
        .execute(pool)
        .await?;
    let id: String = sqlx::query_scalar("SELECT id FROM instance WHERE singleton = 1").fetch_one(pool).await?;
    Ok(id)
}

/// `SELECT 1`, within a few seconds.
pub async fn ping(pool: &AnyPool) -> Result<(), Error> {
    match tokio::time::timeout(PING_TIMEOUT, sqlx::query("SELECT 1").execute(pool)).await {
        Ok(result) => result.map(|_| ()).map_err(Error::from),
        Err(_) => Err(Error::Database(sqlx::Error::PoolTimedOut)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_postgres_urls_choose_postgres() {
        let dir = PathBuf::from("data");
        assert!(matches!(Database::choose(None, dir.clone()), Database::Sqlite { .. }));
        assert!(matches!(Database::choose(Some("sqlite://x.db".into()), dir.clone()), Database::Sqlite { .. }));
        assert!(matches!(Database::choose(Some("postgres://h/db".into()), dir.clone()), Database::Postgres { .. }));
        assert!(matches!(Database::choose(Some("postgresql://h/db".into()), dir), Database::Postgres { .. }));
    }

    #[test]
    fn sqlite_paths_are_percent_encoded() {
        assert_eq!(sqlite_url(Path::new("/tmp/a b/v#1?.db")), "sqlite:///tmp/a%20b/v%231%3F.db?mode=rw");
    }
}
