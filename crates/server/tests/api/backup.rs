//! `portal-server backup <file>`: a consistent copy of the database while the server runs, that
//! a server started on it serves from; never over an existing file.

use std::process::Command;

use crate::binary::Binary;

fn backup(database_url: &str, to: &std::path::Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_portal-server"))
        .args(["backup", to.to_str().unwrap()])
        .env("DATABASE_URL", database_url)
        .env("RUST_LOG", "warn")
        .output()
        .expect("the backup runs")
}

#[tokio::test]
async fn a_backup_taken_while_the_server_runs_holds_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let server = Binary::start(dir.path(), None, |command| {
        command.env("RUST_LOG", "warn");
    });
    let url = format!("sqlite://{}/portal.sqlite3", dir.path().display());
    // Something only this database has: a new rights-assistance draft.
    let client = reqwest::Client::new();
    let created: serde_json::Value = client
        .post(format!("{}/api/v1/assistance/drafts", server.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = created["token"].as_str().expect("a draft token").to_owned();

    let copy = dir.path().join("copy/portal-backup.sqlite3");
    std::fs::create_dir_all(copy.parent().unwrap()).unwrap();
    let done = backup(&url, &copy);
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    assert!(String::from_utf8_lossy(&done.stdout).starts_with("backup written to"));

    // A second backup never overwrites the first.
    let size = std::fs::metadata(&copy).unwrap().len();
    let again = backup(&url, &copy);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("exists already"));
    assert_eq!(std::fs::metadata(&copy).unwrap().len(), size);
    server.stop();

    // A server on the copy has the draft.
    let restored = tempfile::tempdir().unwrap();
    let copy_url = format!("sqlite://{}", copy.display());
    let server = Binary::start(restored.path(), None, |command| {
        command
            .env("DATABASE_URL", &copy_url)
            .env("RUST_LOG", "warn");
    });
    let draft = client
        .get(format!("{}/api/v1/assistance/drafts/{token}", server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(draft.status(), 200);
    server.stop();

    // No database there: nothing is created.
    let missing = dir.path().join("none.sqlite3");
    let refused = backup(
        &format!("sqlite://{}", missing.display()),
        &dir.path().join("none-copy.sqlite3"),
    );
    assert!(!refused.status.success());
    assert!(!missing.exists());
}

/// A PostgreSQL database has its own tool: the command says so, and touches nothing.
#[test]
fn a_postgresql_database_is_backed_up_with_pg_dump() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.sqlite3");
    let done = backup("postgres://portal:secret@127.0.0.1:1/portal", &copy);
    assert!(!done.status.success());
    let stderr = String::from_utf8_lossy(&done.stderr);
    assert!(stderr.contains("pg_dump"), "{stderr}");
    assert!(!stderr.contains("secret"), "{stderr}");
    assert!(!copy.exists());
}
