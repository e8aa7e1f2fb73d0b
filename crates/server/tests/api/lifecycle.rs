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

/// Two replicas started together on one new database file (a deployment's first start): the
/// one that comes first creates, migrates and seeds it while the other waits, then both serve
/// the same data.
#[tokio::test]
async fn two_servers_started_together_on_a_new_database_both_come_up() {
    let shared = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/portal.sqlite3", shared.path().display());
    let starts: Vec<_> = (0..2)
        .map(|_| {
            let url = url.clone();
            std::thread::spawn(move || {
                let dir = tempfile::tempdir().unwrap();
                let server = Binary::start(dir.path(), None, |command| {
                    command.env("DATABASE_URL", &url).env("RUST_LOG", "warn");
                });
                (dir, server)
            })
        })
        .collect();
    let servers: Vec<_> = starts.into_iter().map(|s| s.join().unwrap()).collect();
    for (_, server) in &servers {
        let venues = reqwest::get(format!("{}/api/v1/venues", server.base))
            .await
            .unwrap();
        assert_eq!(venues.status(), 200);
        let venues: serde_json::Value = venues.json().await.unwrap();
        assert!(!venues["items"].as_array().unwrap().is_empty(), "{venues}");
    }
    for (_, server) in servers {
        server.stop();
    }
}

/// A `DATABASE_URL` the server cannot use is refused at start, saying what it takes and without
/// repeating the URL (it may hold a password); nothing is created where it was started.
#[test]
fn a_database_url_the_server_cannot_use_is_refused_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = std::process::Command::new(env!("CARGO_BIN_EXE_portal-server"))
        .current_dir(dir.path())
        .env("PORTAL_ADDR", "127.0.0.1:0")
        .env("DATABASE_URL", "mysql://portal:secret@db.example/portal")
        .env("PORTAL_DIST", dir.path().join("no-dist"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // (Before the check it started and served, so waiting for it to end would never end.)
    let started = Instant::now();
    let status = loop {
        if let Some(status) = server.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(10) {
            server.kill().unwrap();
            panic!("still running 10 s after starting with a MySQL URL");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(!status.success());
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut server.stderr.take().unwrap(), &mut stderr).unwrap();
    assert!(stderr.contains("sqlite://"), "{stderr}");
    assert!(stderr.contains("postgres://"), "{stderr}");
    assert!(!stderr.contains("secret"), "{stderr}");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing created"
    );
}
