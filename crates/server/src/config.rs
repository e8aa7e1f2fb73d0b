//! Configuration from the environment, with defaults that work on a developer's machine.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;

#[derive(Debug, Clone)]
pub struct Config {
    /// `PORTAL_ADDR`, default `127.0.0.1:8080`. Port 0 picks a free port (tests).
    pub addr: SocketAddr,
    /// `DATABASE_URL`, default a SQLite file under `data/` (created on first start).
    pub database_url: String,
    /// `PORTAL_DIST`, default `dist`: the single-page app as Trunk built it.
    pub dist_dir: PathBuf,
    /// `PORTAL_NOW`, unset by default: a fixed "now" (RFC 3339 or Unix seconds) instead of the
    /// system clock, for tests and benchmarks that must not depend on today's date. Never set
    /// it in production: the clock would stand still.
    pub now_override: Option<i64>,
}

pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/portal.sqlite3";

impl Config {
    pub fn from_env() -> anyhow::Result<Config> {
        let addr = std::env::var("PORTAL_ADDR").unwrap_or_else(|_| DEFAULT_ADDR.to_owned());
        let addr = addr.parse().with_context(|| {
            format!("PORTAL_ADDR={addr:?} is not an address like {DEFAULT_ADDR}")
        })?;
        Ok(Config {
            addr,
            database_url: std::env::var("DATABASE_URL")
                .unwrap_or_else(|_| DEFAULT_DATABASE_URL.to_owned()),
            dist_dir: std::env::var_os("PORTAL_DIST")
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("dist")),
            now_override: match std::env::var("PORTAL_NOW") {
                Ok(now) if !now.trim().is_empty() => {
                    Some(crate::clock::parse_instant(&now).with_context(|| {
                        format!(
                            "PORTAL_NOW={now:?} is neither RFC 3339 \
                             (2026-09-21T09:00:00+08:00) nor Unix seconds"
                        )
                    })?)
                }
                _ => None,
            },
        })
    }
}
