//! The database: SQLite by default, created and migrated on first start; PostgreSQL for
//! several replicas.
//!
//! Every statement's parameters are numbered, `$1`, `$2`…: PostgreSQL's way, which sqlx's
//! SQLite driver also reads (by number, so one value may be used twice). Never `?`: a statement
//! that mixes the two binds the wrong values on SQLite, and PostgreSQL refuses `?`.

use std::str::FromStr;
use std::time::Duration;

use anyhow::Context;
use sqlx::any::AnyPoolOptions;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode};
use sqlx::{Any, AnyPool};

/// The database a `DATABASE_URL` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// `sqlite:path`: the embedded default, one file.
    Sqlite,
    /// `postgres://…` (or `postgresql://…`): for several replicas.
    Postgres,
}

impl Backend {
    /// The backend of `url`, by its scheme; `None` for one the server cannot use.
    pub fn of(url: &str) -> Option<Backend> {
        let url = url.trim();
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Backend::Postgres)
        } else if url
            .strip_prefix("sqlite:")
            .is_some_and(|rest| !rest.trim_start_matches('/').is_empty())
        {
            Some(Backend::Sqlite)
        } else {
            None
        }
    }

    /// The backend a pool was opened on.
    pub fn of_pool(pool: &AnyPool) -> Backend {
        match pool.connect_options().database_url.scheme() {
            "postgres" | "postgresql" => Backend::Postgres,
            _ => Backend::Sqlite,
        }
    }

    /// The schema's migrations for this backend: the same versions, each written for it.
    pub fn migrator(self) -> &'static sqlx::migrate::Migrator {
        match self {
            Backend::Sqlite => &MIGRATOR,
            Backend::Postgres => &POSTGRES_MIGRATOR,
        }
    }
}

/// Held while a process creates, migrates and seeds the database ([`startup_lock`]).
#[derive(Debug)]
pub enum StartupLock {
    /// An advisory lock on a file beside a SQLite database.
    File(std::fs::File),
    /// A PostgreSQL session holding an advisory lock.
    Session(sqlx::AnyConnection),
    /// An in-memory database: nothing to share.
    None,
}

/// The PostgreSQL advisory lock the start-up holds (any number; the portal's own database).
const STARTUP_LOCK_KEY: i64 = 0x6970_706f_7274;
/// The PostgreSQL advisory lock every write transaction holds ([`write`]).
const WRITE_LOCK_KEY: i64 = 0x6970_7772_6974;

/// Waits until no other process is creating, migrating or seeding the database at `url`, and
/// keeps the others waiting until the answer is dropped: replicas started together on a new
/// database would otherwise apply the same migration twice (one dies on `duplicate column`) or
/// seed it twice. On SQLite an advisory lock on a file beside the database (`<file>.lock`),
/// none for an in-memory database; on PostgreSQL a session's advisory lock, given back when
/// its connection closes.
pub async fn startup_lock(url: &str) -> anyhow::Result<StartupLock> {
    if Backend::of(url) == Some(Backend::Postgres) {
        use sqlx::Connection;
        sqlx::any::install_default_drivers();
        let mut conn = sqlx::AnyConnection::connect(url)
            .await
            .context("cannot reach the PostgreSQL database")?;
        sqlx::query("SELECT pg_advisory_lock($1)")
            .bind(STARTUP_LOCK_KEY)
            .execute(&mut conn)
            .await
            .context("cannot take the start-up lock")?;
        return Ok(StartupLock::Session(conn));
    }
    let file = SqliteConnectOptions::from_str(url)
        .context("DATABASE_URL is not a SQLite URL")?
        .get_filename()
        .to_path_buf();
    if file.as_os_str().is_empty() || file.to_string_lossy().starts_with(':') {
        return Ok(StartupLock::None);
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
    Ok(StartupLock::File(lock))
}

/// Opens the database at `url` (a SQLite file is created if needed) and applies the embedded
/// migrations. The real data is seeded by the caller (`crate::seed`); a second start keeps
/// everything there.
///
/// The server speaks to its database through sqlx's `Any` driver, so that one code path serves
/// every backend; what differs between backends is said here, once each. A SQLite file is
/// created (in write-ahead-log mode, which the file keeps) with SQLite's own options, then
/// opened through `Any`, each connection set up as the server needs ([`SQLITE_SESSION`]).
pub async fn connect(url: &str) -> anyhow::Result<AnyPool> {
    sqlx::any::install_default_drivers();
    let backend = Backend::of(url).context("DATABASE_URL names no database this server uses")?;
    let pool = match backend {
        Backend::Postgres => AnyPoolOptions::new()
            .max_connections(8)
            .connect(url)
            .await
            .context("cannot open the PostgreSQL database")?,
        Backend::Sqlite => connect_sqlite(url).await?,
    };
    backend
        .migrator()
        .run(&pool)
        .await
        .context("database migration failed")?;
    Ok(pool)
}

async fn connect_sqlite(url: &str) -> anyhow::Result<AnyPool> {
    use sqlx::{ConnectOptions, Connection};
    let options = SqliteConnectOptions::from_str(url)
        .with_context(|| format!("DATABASE_URL is not a SQLite URL: {url}"))?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .busy_timeout(Duration::from_secs(5));

    let file = options.get_filename().to_path_buf();
    if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the database folder {}", dir.display()))?;
    }
    options
        .connect()
        .await
        .with_context(|| format!("cannot open the database {}", file.display()))?
        .close()
        .await?;

    AnyPoolOptions::new()
        .max_connections(8)
        .after_connect(|conn, _meta| {
            Box::pin(async move {
                sqlx::Executor::execute(&mut *conn, SQLITE_SESSION).await?;
                Ok(())
            })
        })
        .connect(url)
        .await
        .with_context(|| format!("cannot open the database {}", file.display()))
}

/// What every SQLite connection of the server is set to: foreign keys checked, a write that
/// finds the database locked waits up to 5 s (other processes on the same file), and commits
/// synced at checkpoints only (safe with write-ahead logging; a power cut may lose the last
/// commits, never corrupt the file).
const SQLITE_SESSION: &str =
    "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";

/// A write transaction that holds the database's write lock from its first statement, so that
/// what it reads cannot change before it writes (a booking's free seats, a limit's count): on
/// SQLite `BEGIN IMMEDIATE`; on PostgreSQL one advisory lock that every such transaction takes
/// first, so they run one after another on every replica alike, as on SQLite.
pub async fn write(pool: &AnyPool) -> sqlx::Result<sqlx::Transaction<'static, Any>> {
    match Backend::of_pool(pool) {
        Backend::Sqlite => pool.begin_with("BEGIN IMMEDIATE").await,
        Backend::Postgres => {
            let mut tx = pool.begin().await?;
            sqlx::query("SELECT pg_advisory_xact_lock($1)")
                .bind(WRITE_LOCK_KEY)
                .execute(&mut *tx)
                .await?;
            Ok(tx)
        }
    }
}

/// The schema's migrations, carried in the binary (`crates/server/migrations`): run at start,
/// and compared with what the database has applied by the readiness check.
pub(crate) static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// The same schema for PostgreSQL (`crates/server/migrations-postgres`): its first migration
/// is the SQLite schema as of migration 0026, with SQLite's JSON functions that the checks use
/// written for PostgreSQL; each later one has the number of its SQLite twin.
pub(crate) static POSTGRES_MIGRATOR: sqlx::migrate::Migrator =
    sqlx::migrate!("./migrations-postgres");

/// Copies the database at `url` to the new file `to` while servers keep using it: SQLite's
/// `VACUUM INTO` writes one consistent snapshot (what was committed when it began), compacted.
/// Refuses a `to` that exists (a backup never overwrites) and a database that is not there
/// (it never creates one). The copy's size in bytes.
pub async fn backup(url: &str, to: &std::path::Path) -> anyhow::Result<u64> {
    use sqlx::{ConnectOptions, Connection};
    anyhow::ensure!(
        Backend::of(url) != Some(Backend::Postgres),
        "a PostgreSQL database is backed up with its own tool, pg_dump"
    );
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
    sqlx::query("VACUUM INTO $1")
        .bind(target)
        .execute(&mut conn)
        .await
        .with_context(|| format!("cannot write the backup {}", to.display()))?;
    conn.close().await?;
    Ok(std::fs::metadata(to)?.len())
}

/// A statement being bound, for helpers that bind the columns several statements share.
pub(crate) type AnyQuery<'q> = sqlx::query::Query<'q, Any, sqlx::any::AnyArguments<'q>>;

/// A yes/no column, read as `bool` (`#[sqlx(try_from = "Flag")]`) or `Option<bool>`. The
/// schema keeps yes/no as the integers 0 and 1 on both backends (SQLite has no other way),
/// which sqlx's `Any` driver reads only as integers; a comparison such as `EXISTS (…)` comes as
/// an integer from SQLite, a `bool` from PostgreSQL. Written as `i64::from(b)`: PostgreSQL
/// refuses a `bool` for an integer column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flag(Option<bool>);

impl Flag {
    /// Yes (not no, not NULL).
    pub fn yes(self) -> bool {
        self.0 == Some(true)
    }
}

impl sqlx::Type<Any> for Flag {
    fn type_info() -> sqlx::any::AnyTypeInfo {
        <bool as sqlx::Type<Any>>::type_info()
    }

    fn compatible(ty: &sqlx::any::AnyTypeInfo) -> bool {
        let kind = ty.kind();
        kind == sqlx::any::AnyTypeInfoKind::Bool || kind.is_integer()
    }
}

impl<'r> sqlx::Decode<'r, Any> for Flag {
    fn decode(value: sqlx::any::AnyValueRef<'r>) -> Result<Flag, sqlx::error::BoxDynError> {
        use sqlx::ValueRef;
        if value.is_null() {
            return Ok(Flag(None));
        }
        match <i64 as sqlx::Decode<Any>>::decode(value.clone()) {
            Ok(number) => Ok(Flag(Some(number != 0))),
            Err(_) => <bool as sqlx::Decode<Any>>::decode(value).map(|b| Flag(Some(b))),
        }
    }
}

impl TryFrom<Flag> for bool {
    type Error = &'static str;

    fn try_from(flag: Flag) -> Result<bool, &'static str> {
        flag.0.ok_or("a yes/no column is NULL")
    }
}

impl From<Flag> for Option<bool> {
    fn from(flag: Flag) -> Option<bool> {
        flag.0
    }
}
