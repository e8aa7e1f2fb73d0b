//! The database: SQLite by default, created and migrated on first start.

use std::str::FromStr;
use std::time::Duration;

use anyhow::Context;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;

/// Waits until no other process is creating, migrating or seeding the database at `url`, and
/// keeps the others waiting until the answer is dropped: replicas started together on a new
/// database would otherwise apply the same migration twice (one dies on `duplicate column`) or
/// seed it twice. An advisory lock on a file beside the database (`<file>.lock`), held by the
/// start-up only; none for an in-memory database.
pub async fn startup_lock(url: &str) -> anyhow::Result<Option<std::fs::File>> {
    let file = SqliteConnectOptions::from_str(url)
        .context("DATABASE_URL is not a SQLite URL")?
        .get_filename()
        .to_path_buf();
    if file.as_os_str().is_empty() || file.to_string_lossy().starts_with(':') {
        return Ok(None);
    }
    if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the database folder {}", dir.display()))?;
    }
    let mut path = file.into_os_string();
    path.push(".lock");
    let path = std::path::PathBuf::from(path);
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("cannot open the start-up lock {}", path.display()))?;
    let lock = tokio::task::spawn_blocking(move || lock.lock().map(|()| lock))
        .await?
        .context("cannot take the start-up lock")?;
    Ok(Some(lock))
}

/// Opens (creating if needed) the database at `url` and applies the embedded migrations. The
/// real data is seeded by the caller (`crate::seed`); a second start keeps everything there.
pub async fn connect(url: &str) -> anyhow::Result<SqlitePool> {
    let options = SqliteConnectOptions::from_str(url)
        .with_context(|| format!("DATABASE_URL is not a SQLite URL: {url}"))?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(5));

    let file = options.get_filename().to_path_buf();
    if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the database folder {}", dir.display()))?;
    }

    let pool = SqlitePoolOptions::new()
        .max_connections(8)
        .connect_with(options)
        .await
        .with_context(|| format!("cannot open the database {}", file.display()))?;
    MIGRATOR
        .run(&pool)
        .await
        .context("database migration failed")?;
    Ok(pool)
}

/// The schema's migrations, carried in the binary (`crates/server/migrations`): run at start,
/// and compared with what the database has applied by the readiness check.
pub(crate) static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// Copies the database at `url` to the new file `to` while servers keep using it: SQLite's
/// `VACUUM INTO` writes one consistent snapshot (what was committed when it began), compacted.
/// Refuses a `to` that exists (a backup never overwrites) and a database that is not there
/// (it never creates one). The copy's size in bytes.
pub async fn backup(url: &str, to: &std::path::Path) -> anyhow::Result<u64> {
    use sqlx::{ConnectOptions, Connection};
    anyhow::ensure!(
        !to.exists(),
        "{} exists already: a backup never overwrites",
        to.display()
    );
    let options = SqliteConnectOptions::from_str(url)
        .with_context(|| format!("DATABASE_URL is not a SQLite URL: {url}"))?
        .create_if_missing(false)
        .read_only(true)
        .busy_timeout(Duration::from_secs(30));
    let mut conn = options
        .connect()
        .await
        .context("cannot open the database to back it up")?;
    let target = to.to_str().context("the backup's path is not UTF-8")?;
    sqlx::query("VACUUM INTO ?")
        .bind(target)
        .execute(&mut conn)
        .await
        .with_context(|| format!("cannot write the backup {}", to.display()))?;
    conn.close().await?;
    Ok(std::fs::metadata(to)?.len())
}

/// A statement being bound, for helpers that bind the columns several statements share.
pub(crate) type SqliteQuery<'q> =
    sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments<'q>>;
