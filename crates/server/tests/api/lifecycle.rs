//! The real binary, as the run script starts it: prints its URL, serves, and stops cleanly on
//! SIGTERM (what a process manager sends) after finishing what it was doing.

use std::time::{Duration, Instant};

use crate::binary::Binary;

#[tokio::test]
async fn the_server_prints_its_url_and_stops_cleanly_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Binary::start(dir.path(), None, |command| {
        command
            .env(
                "DATABASE_URL",
                format!("sqlite://{}/nested/portal.sqlite3", dir.path().display()),
            )
            .env("RUST_LOG", "warn");
    });
    let url = &server.base;

    let health = reqwest::get(format!("{url}/api/v1/health")).await.unwrap();
    assert_eq!(health.status(), 200);
    assert!(
        dir.path().join("nested/portal.sqlite3").exists(),
        "database file created"
    );

    server.terminate();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = server.try_wait() {
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
