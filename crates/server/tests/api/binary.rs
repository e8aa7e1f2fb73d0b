//! The real server binary, started as the run script starts it (configured through the
//! environment, printing its URL on the first line of stdout), for the tests that check what it
//! logs and how it stops; shared so that each of them starts and stops it the same way.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};

/// Sends `request` (to the binary: no [`crate::helpers::TestApp`] there) and reads the JSON answer.
pub async fn fetch_json<T: serde::de::DeserializeOwned>(request: reqwest::RequestBuilder) -> T {
    request.send().await.unwrap().json().await.unwrap()
}

/// A running `portal-server` with a fresh database in a temp dir and its stderr in a file.
pub struct Binary {
    child: Child,
    /// The URL it printed, without the trailing `/`.
    pub base: String,
    log_path: PathBuf,
}

impl Binary {
    /// Starts the binary on `dir` (database `portal.sqlite3`, no built app, `RUST_LOG=info`,
    /// stderr into `stderr.log`), with `PORTAL_NOW` if given and whatever else `configure`
    /// sets on the command (which may override any of these).
    pub fn start(dir: &Path, now: Option<&str>, configure: impl FnOnce(&mut Command)) -> Binary {
        let log_path = dir.join("stderr.log");
        let mut command = Command::new(env!("CARGO_BIN_EXE_portal-server"));
        command
            .env("PORTAL_ADDR", "127.0.0.1:0")
            .env(
                "DATABASE_URL",
                format!("sqlite://{}/portal.sqlite3", dir.display()),
            )
            .env("PORTAL_DIST", dir.join("no-dist"))
            .env("RUST_LOG", "info")
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&log_path).unwrap());
        if let Some(now) = now {
            command.env("PORTAL_NOW", now);
        }
        configure(&mut command);
        let mut child = command.spawn().expect("the server binary starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let base = line
            .trim()
            .strip_prefix("IP portal running at ")
            .unwrap_or_else(|| panic!("first line names the URL: {line:?}"))
            .trim_end_matches('/')
            .to_owned();
        Binary {
            child,
            base,
            log_path,
        }
    }

    /// Sends SIGTERM (what a process manager sends).
    pub fn terminate(&self) {
        let killed = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
    }

    /// The exit status, if it has stopped.
    pub fn try_wait(&mut self) -> Option<ExitStatus> {
        self.child.try_wait().unwrap()
    }

    /// Sends SIGTERM, waits for a clean exit and gives what it logged.
    pub fn stop(mut self) -> String {
        self.terminate();
        assert!(self.child.wait().unwrap().success());
        std::fs::read_to_string(&self.log_path).unwrap()
    }
}
