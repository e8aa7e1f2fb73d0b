//! Starts a real server on a free port with a fresh database (and a tiny built app) for each
//! test, and talks to it over HTTP like any client. The database is a SQLite file in the test's
//! folder, or, when `PORTAL_TEST_POSTGRES` names a PostgreSQL server
//! (`postgres://user@host:port`, as `scripts/postgres.sh` starts one), a new database there
//! (see [`database_url`]).

use std::path::PathBuf;

use portal_domain::api::ApiErrorBody;
use portal_server::config::FirstAdmin;
use portal_server::{Application, Clock, Config};
use sqlx::AnyPool;
use tempfile::TempDir;

/// The inline loader scripts of the fake apps' `index.html`: their hashes must be in the CSP.
/// The smallest files of each kind that pass the upload's checks (`assistance::file_check`):
/// a 1 × 1 JPEG's markers up to its frame header, a 1 × 1 PNG's header, a PDF with one object,
/// a cross-reference pointer and its end.
pub const JPEG: &[u8] = b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\
    \xFF\xC0\x00\x0B\x08\x00\x01\x00\x01\x01\x01\x11\x00\xFF\xD9";
pub const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\
    \x00\x00\x00\x90\x77\x53\xDE";
pub const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\nstartxref\n9\n%%EOF\n";

pub const INLINE_SCRIPT: &str = "import init from '/app.js'; await init();";
/// The GI app's, the policy library's and the policy document's, as Trunk writes them: the
/// server rewrites them for the pages it draws (a product's, the library's, a document's:
/// `spa.rs`).
pub const GI_INLINE_SCRIPT: &str = "import init, * as bindings from '/apps/gi/gi.js';\n\
    const wasm = await init({ module_or_path: '/apps/gi/gi_bg.wasm' });\n\
    window.wasmBindings = bindings;";
const POLICIES_INLINE_SCRIPT: &str =
    "import init, * as bindings from '/apps/policies/policies.js';\n\
    const wasm = await init({ module_or_path: '/apps/policies/policies_bg.wasm' });\n\
    window.wasmBindings = bindings;";
const POLICY_DOCUMENT_INLINE_SCRIPT: &str =
    "import init, * as bindings from '/apps/policy-document/doc.js';\n\
    const wasm = await init({ module_or_path: '/apps/policy-document/doc_bg.wasm' });\n\
    window.wasmBindings = bindings;";

/// The public address the tests' servers are given (`PORTAL_PUBLIC_URL`).
pub const PUBLIC_URL: &str = "https://ip.example.cn";

pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
    pub dir: TempDir,
    /// The server's clock: fixed (and movable with `set`) for `spawn_app_at`, else the system's.
    pub clock: Clock,
    /// Its Prometheus metrics (`PORTAL_METRICS_ADDR`'s `/metrics`).
    pub metrics: String,
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request")
    }

    pub fn database_url(&self) -> String {
        database_url(&self.dir)
    }

    /// A connection pool on the server's database, to look at (or age) what it stored.
    pub async fn database(&self) -> AnyPool {
        sqlx::any::install_default_drivers();
        sqlx::any::AnyPoolOptions::new()
            .connect(&self.database_url())
            .await
            .unwrap()
    }
}

/// An RFC 3339 instant as the server's clock counts it (Unix seconds).
pub fn at(instant: &str) -> i64 {
    portal_server::clock::parse_instant(instant).unwrap()
}

/// The OpenAPI document the server serves.
pub async fn openapi(app: &TestApp) -> serde_json::Value {
    app.get("/api/v1/openapi.json").await.json().await.unwrap()
}

/// Asserts that the OpenAPI document `doc` describes each of `paths` and `schemas`.
pub fn assert_documented(doc: &serde_json::Value, paths: &[&str], schemas: &[&str]) {
    for path in paths {
        assert!(doc["paths"][path].is_object(), "{path}");
    }
    for schema in schemas {
        assert!(doc["components"]["schemas"][schema].is_object(), "{schema}");
    }
}

/// The body of an error answer (the API's error contract).
pub async fn error(response: reqwest::Response) -> ApiErrorBody {
    response.json().await.expect("the error contract")
}

/// The PostgreSQL server the tests run on (`PORTAL_TEST_POSTGRES`), if any.
pub fn postgres() -> Option<String> {
    std::env::var("PORTAL_TEST_POSTGRES")
        .ok()
        .filter(|url| !url.trim().is_empty())
        .map(|url| url.trim().trim_end_matches('/').to_owned())
}

/// True (with a note on the test's output) when the tests run on PostgreSQL: for the few tests
/// of what only the SQLite backend has (its file, its migrations' history, its backup).
pub fn sqlite_only(what: &str) -> bool {
    let skip = postgres().is_some();
    if skip {
        eprintln!("not on PostgreSQL: {what} is SQLite's");
    }
    skip
}

/// The test's database: a SQLite file in its folder, or on PostgreSQL a database named after
/// the folder (made by [`create_database`] before the server starts).
pub fn database_url(dir: &TempDir) -> String {
    match postgres() {
        Some(server) => format!("{server}/{}", database_name(dir)),
        None => format!(
            "sqlite://{}",
            dir.path().join("db/portal.sqlite3").display()
        ),
    }
}

fn database_name(dir: &TempDir) -> String {
    let name = dir.path().file_name().unwrap().to_string_lossy();
    let name: String = name
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    format!("portal_test_{name}")
}

/// On PostgreSQL, makes the database of `url` (a [`database_url`]) unless it is there (a
/// second server of the same test shares it).
pub async fn create_database(url: &str) {
    use sqlx::Connection;
    let Some(server) = postgres() else {
        return;
    };
    let Some(name) = url.strip_prefix(&format!("{server}/")) else {
        return;
    };
    sqlx::any::install_default_drivers();
    let mut conn = sqlx::AnyConnection::connect(&format!("{server}/postgres"))
        .await
        .expect("the tests' PostgreSQL server answers");
    let there: Option<i32> = sqlx::query_scalar("SELECT 1 FROM pg_database WHERE datname = $1")
        .bind(name)
        .fetch_optional(&mut conn)
        .await
        .unwrap();
    if there.is_none() {
        // Two servers of one test may both get here: the second finds it made.
        let _ = sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut conn)
            .await;
    }
}

/// A new database in `dir` with only the migrations before `version` run: the state a database
/// was in before that migration, for the tests of what the migration does to it.
pub async fn migrated_before(dir: &TempDir, version: i64) -> sqlx::SqlitePool {
    std::fs::create_dir_all(dir.path().join("db")).unwrap();
    let options = format!("{}?mode=rwc", database_url(dir));
    let pool = sqlx::sqlite::SqlitePoolOptions::new()
        .connect(&options)
        .await
        .unwrap();
    let mut before = sqlx::migrate!("./migrations");
    before.migrations = before
        .migrations
        .iter()
        .filter(|m| m.version < version)
        .cloned()
        .collect::<Vec<_>>()
        .into();
    before.run(&pool).await.unwrap();
    pool
}

/// A server on a new, empty database.
pub async fn spawn_app() -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    spawn_app_in(dir).await
}

/// A server on a new, empty database whose clock stands at `now` (RFC 3339) until moved with
/// `app.clock.set`.
/// As [`spawn_app_at`], for tests that fill slots from one address: the tests' address
/// (127.0.0.1) is the service hall's, whose bookings are not limited per address
/// (`PORTAL_BOOKING_LIMIT_EXEMPT`).
pub async fn spawn_hall_app_at(now: &str) -> TestApp {
    let options = StaffOptions {
        booking_limit_exempt: "127.0.0.1",
        ..StaffOptions::default()
    };
    spawn_staff_app(tempfile::tempdir().expect("temp dir"), now, options).await
}

pub async fn spawn_app_at(now: &str) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let now = portal_server::clock::parse_instant(now).expect("an RFC 3339 instant");
    spawn(dir, Some(now)).await
}

/// A server on whatever database `dir` holds (to test a second start).
pub async fn spawn_app_in(dir: TempDir) -> TestApp {
    spawn(dir, None).await
}

/// How a staff test starts the server: the first administrator's account (as
/// `PORTAL_ADMIN_USERNAME` / `PORTAL_ADMIN_PASSWORD` would give it) and `Secure` cookies.
#[derive(Debug, Clone, Default)]
pub struct StaffOptions {
    pub first_admin: Option<(String, String)>,
    pub secure_cookies: bool,
    /// `PORTAL_TRUSTED_PROXIES`, e.g. `127.0.0.1` to believe the tests' `X-Forwarded-For`.
    pub trusted_proxies: &'static str,
    /// `PORTAL_BOOKING_LIMIT_EXEMPT`, e.g. `127.0.0.1` for a test that fills slots from one
    /// address as the service hall's kiosks would.
    pub booking_limit_exempt: &'static str,
}

/// A server on `dir` (a new temp dir for a fresh database) with the clock at `now` (RFC 3339)
/// and the staff options.
pub async fn spawn_staff_app(dir: TempDir, now: &str, options: StaffOptions) -> TestApp {
    let now = portal_server::clock::parse_instant(now).expect("an RFC 3339 instant");
    spawn_with(dir, Some(now), options).await
}

/// A second server on the database of `of`, as another replica of one deployment: its own
/// process (limits, caches, clock at `now`), the same data. (Its `dir` holds only its app
/// files; `database_url` is `of`'s.)
pub async fn spawn_replica(of: &TestApp, now: &str, options: StaffOptions) -> TestApp {
    let now = portal_server::clock::parse_instant(now).expect("an RFC 3339 instant");
    let dir = tempfile::tempdir().expect("temp dir");
    spawn_on(dir, of.database_url(), Some(now), options).await
}

async fn spawn(dir: TempDir, now_override: Option<i64>) -> TestApp {
    spawn_with(dir, now_override, StaffOptions::default()).await
}

async fn spawn_with(dir: TempDir, now_override: Option<i64>, options: StaffOptions) -> TestApp {
    let url = database_url(&dir);
    spawn_on(dir, url, now_override, options).await
}

async fn spawn_on(
    dir: TempDir,
    database: String,
    now_override: Option<i64>,
    options: StaffOptions,
) -> TestApp {
    create_database(&database).await;
    let dist = dir.path().join("dist");
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(
        dist.join("index.html"),
        format!(
            "<!doctype html><html><head><script type=\"module\">{INLINE_SCRIPT}</script></head>\
             <body><p>app shell</p></body></html>"
        ),
    )
    .unwrap();
    std::fs::write(dist.join("app-0123456789abcdef.js"), "export default 1;").unwrap();
    std::fs::write(dist.join("sw.js"), "const VERSION = 'test';").unwrap();
    for (app, script) in [
        ("gi", GI_INLINE_SCRIPT),
        ("policies", POLICIES_INLINE_SCRIPT),
        ("policy-document", POLICY_DOCUMENT_INLINE_SCRIPT),
        ("booking", "await 2;"),
        ("booking-details", "await 16;"),
        ("booking-manage", "await 14;"),
        ("booking-change", "await 17;"),
        ("booking-find", "await 18;"),
        ("booking-check-in", "await 15;"),
        ("assistance", "await 3;"),
        ("assistance-tracking", "await 5;"),
        ("assistance-lookup", "await 16;"),
        ("assistance-actions", "await 15;"),
        ("workbench", "await 4;"),
        ("fast-track", "await 6;"),
        ("firm-registration", "await 7;"),
        ("registration-questions", "await 8;"),
        ("pre-exam", "await 10;"),
        ("pre-exam-questions", "await 12;"),
        ("pre-exam-tracking", "await 11;"),
        ("pre-exam-quota", "await 13;"),
        ("privacy", "await 9;"),
    ] {
        let dir = dist.join("apps").join(app);
        std::fs::create_dir_all(&dir).unwrap();
        // Each with its static shell, as Trunk builds `index.html`.
        std::fs::write(
            dir.join("index.html"),
            format!(
                "<!doctype html><html><head><script type=\"module\">{script}</script></head>\
                 <body><div id=\"shell\"><p>{app} app shell</p></div></body></html>"
            ),
        )
        .unwrap();
    }
    // Pages with their first view prerendered (`crates/prerender`), as the build writes them.
    for (file, text) in [
        ("gi.html", "<p>gi app prerendered: 地理标志产品查询</p>"),
        (
            "assistance/track.html",
            "<p>assistance-lookup app prerendered</p>",
        ),
    ] {
        let file = dist.join("prerendered").join(file);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(
            file,
            format!("<!doctype html><html><head></head><body>{text}</body></html>"),
        )
        .unwrap();
    }

    let config = Config {
        addr: "127.0.0.1:0".parse().unwrap(),
        database_url: database,
        // Every test server serves its metrics too (on a port of its own): see `metrics.rs`.
        metrics_addr: Some("127.0.0.1:0".parse().unwrap()),
        dist_dir: PathBuf::from(&dist),
        now_override,
        secure_cookies: options.secure_cookies,
        trusted_proxies: portal_server::client_ip::TrustedProxies::parse(options.trusted_proxies)
            .expect("a valid list of trusted proxies"),
        booking_limit_exempt: portal_server::client_ip::TrustedProxies::parse(
            options.booking_limit_exempt,
        )
        .expect("a valid list of addresses"),
        public_url: Some(PUBLIC_URL.to_owned()),
        first_admin: options.first_admin.map(|(username, password)| FirstAdmin {
            display_name: format!("{username} (first administrator)"),
            username,
            password,
        }),
    };
    let app = Application::build(config).await.expect("server starts");
    let base = format!("http://{}", app.local_addr());
    let metrics = format!(
        "http://{}/metrics",
        app.metrics_addr().expect("metrics served")
    );
    let clock = app.clock();
    tokio::spawn(app.run_until_stopped());
    TestApp {
        base,
        client: reqwest::Client::new(),
        dir,
        clock,
        metrics,
    }
}
