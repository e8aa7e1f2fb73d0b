//! The real binary, as the run script starts it: prints its URL, serves, and stops cleanly on
//! SIGTERM (what a process manager sends) after finishing what it was doing.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[tokio::test]
async fn the_server_prints_its_url_and_stops_cleanly_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_portal-server"))
        .env("PORTAL_ADDR", "127.0.0.1:0")
        .env(
            "DATABASE_URL",
            format!("sqlite://{}/nested/portal.sqlite3", dir.path().display()),
        )
        .env("PORTAL_DIST", dir.path().join("no-dist"))
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the server binary starts");

    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .trim()
        .strip_prefix("IP portal running at ")
        .unwrap_or_else(|| panic!("first line names the URL: {line:?}"))
        .to_owned();

    let health = reqwest::get(format!("{url}api/v1/health")).await.unwrap();
    assert_eq!(health.status(), 200);
    assert!(
        dir.path().join("nested/portal.sqlite3").exists(),
        "database file created"
    );

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "still running 10 s after SIGTERM"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(status.success(), "exit status {status:?}");
}
