//! Configuration from the environment, with defaults that work on a developer's machine.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;

use crate::client_ip::TrustedProxies;

#[derive(Debug, Clone)]
pub struct Config {
    /// `PORTAL_ADDR`, default `127.0.0.1:8080`. Port 0 picks a free port (tests).
    pub addr: SocketAddr,
    /// `DATABASE_URL`, default a SQLite file under `data/` (created on first start); or a
    /// PostgreSQL database (`postgres://…`, made and migrated on first start).
    pub database_url: String,
    /// `PORTAL_METRICS_ADDR`: where Prometheus metrics are served (`GET /metrics`), a private
    /// address; none when unset.
    pub metrics_addr: Option<SocketAddr>,
    /// `PORTAL_DIST`, default `dist`: the single-page app as Trunk built it.
    pub dist_dir: PathBuf,
    /// `PORTAL_NOW`, unset by default: a fixed "now" (RFC 3339 or Unix seconds) instead of the
    /// system clock, for tests and benchmarks that must not depend on today's date. Never set
    /// it in production: the clock would stand still.
    pub now_override: Option<i64>,
    /// The staff cookies get `Secure` and the `__Host-` prefix (browsers send them only over
    /// HTTPS, and to `http://localhost`), unless `PORTAL_INSECURE_COOKIES=1` (or `true`) says
    /// the portal is reached over plain HTTP on a closed network such as a kiosk LAN; see
    /// `staff::cookies`.
    pub secure_cookies: bool,
    /// `PORTAL_TRUSTED_PROXIES`, default none: the reverse proxies (addresses or CIDR networks,
    /// comma-separated) whose `X-Forwarded-For` names the client for the per-address limits.
    /// Set it whenever the portal runs behind a proxy; see `crate::client_ip`.
    pub trusted_proxies: TrustedProxies,
    /// `PORTAL_BOOKING_LIMIT_EXEMPT`, default none: client addresses or networks, written like
    /// `PORTAL_TRUSTED_PROXIES`, whose new bookings are not limited per address (see
    /// `booking::per_address`): the service hall's kiosks and reception desks when they reach
    /// the portal through one address. Never a public network.
    pub booking_limit_exempt: TrustedProxies,
    /// The first administrator, created at start-up only when no active administrator exists:
    /// `PORTAL_ADMIN_USERNAME` with `PORTAL_ADMIN_PASSWORD_FILE` (a file holding the password,
    /// preferred: it stays out of the process environment) or `PORTAL_ADMIN_PASSWORD`, and
    /// optionally `PORTAL_ADMIN_DISPLAY_NAME`. There is no default password.
    pub first_admin: Option<FirstAdmin>,
    /// `PORTAL_PUBLIC_URL`, unset by default: the address people reach the portal at
    /// (`https://ip.example.cn`, no path), for links the server writes into files people keep:
    /// a booking's calendar file links to its manage page. Unset, those files carry no link
    /// (the server never guesses its address from a request's `Host`, which a client chooses).
    pub public_url: Option<String>,
}

/// The account `Application::build` creates when there is no administrator yet.
#[derive(Clone)]
pub struct FirstAdmin {
    pub username: String,
    pub display_name: String,
    pub password: String,
}

impl std::fmt::Debug for FirstAdmin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FirstAdmin")
            .field("username", &self.username)
            .field("display_name", &self.display_name)
            .field("password", &"(hidden)")
            .finish()
    }
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
            database_url: database_url(
                &std::env::var("DATABASE_URL").unwrap_or_else(|_| DEFAULT_DATABASE_URL.to_owned()),
            )?,
            metrics_addr: match non_empty_var("PORTAL_METRICS_ADDR") {
                Some(addr) => Some(addr.parse().with_context(|| {
                    format!("PORTAL_METRICS_ADDR={addr:?} is not an address like 127.0.0.1:9100")
                })?),
                None => None,
            },
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
            secure_cookies: !matches!(
                std::env::var("PORTAL_INSECURE_COOKIES")
                    .as_deref()
                    .map(str::trim),
                Ok("1" | "true" | "yes")
            ),
            trusted_proxies: TrustedProxies::parse(
                &std::env::var("PORTAL_TRUSTED_PROXIES").unwrap_or_default(),
            )
            .map_err(|e| anyhow::anyhow!("PORTAL_TRUSTED_PROXIES: {e}"))?,
            booking_limit_exempt: TrustedProxies::parse(
                &std::env::var("PORTAL_BOOKING_LIMIT_EXEMPT").unwrap_or_default(),
            )
            .map_err(|e| anyhow::anyhow!("PORTAL_BOOKING_LIMIT_EXEMPT: {e}"))?,
            first_admin: first_admin_from_env()?,
            public_url: match non_empty_var("PORTAL_PUBLIC_URL") {
                Some(url) => Some(public_url(&url).map_err(|e| anyhow::anyhow!(e))?),
                None => None,
            },
        })
    }
}

/// The portal's public address as links need it: `http(s)://host[:port]`, its trailing `/`
/// dropped; anything else (a path, a query, spaces) is refused with what is expected.
pub fn public_url(input: &str) -> Result<String, String> {
    let url = input.trim().trim_end_matches('/');
    let host = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or_default();
    let plain = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']');
    if host.is_empty() || !host.chars().all(plain) {
        return Err(format!(
            "PORTAL_PUBLIC_URL={input:?} is not an address like https://ip.example.cn \
             (scheme and host, with a port if needed, and no path)"
        ));
    }
    Ok(url.to_owned())
}

/// `DATABASE_URL` if it names a database this server can use: a SQLite file
/// (`sqlite://path`, `sqlite:path`) or a PostgreSQL database (`postgres://…`,
/// `postgresql://…`). Anything else is refused at start, naming what is taken and not the
/// value, which may hold a password.
fn database_url(url: &str) -> anyhow::Result<String> {
    match crate::db::Backend::of(url) {
        Some(_) => Ok(url.trim().to_owned()),
        None => {
            let scheme = url.trim().split_once(':').map_or("", |(scheme, _)| scheme);
            anyhow::bail!(
                "DATABASE_URL (scheme {scheme:?}) is not a database this server can use: it \
                 takes a SQLite file, e.g. {DEFAULT_DATABASE_URL}, or a PostgreSQL database, \
                 postgres://user:password@host/name"
            )
        }
    }
}

fn non_empty_var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// `PORTAL_ADMIN_USERNAME` + (`PORTAL_ADMIN_PASSWORD_FILE` | `PORTAL_ADMIN_PASSWORD`).
fn first_admin_from_env() -> anyhow::Result<Option<FirstAdmin>> {
    let Some(username) = non_empty_var("PORTAL_ADMIN_USERNAME") else {
        if non_empty_var("PORTAL_ADMIN_PASSWORD").is_some()
            || non_empty_var("PORTAL_ADMIN_PASSWORD_FILE").is_some()
        {
            anyhow::bail!("PORTAL_ADMIN_PASSWORD(_FILE) is set without PORTAL_ADMIN_USERNAME");
        }
        return Ok(None);
    };
    let password = match non_empty_var("PORTAL_ADMIN_PASSWORD_FILE") {
        Some(path) => {
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("cannot read PORTAL_ADMIN_PASSWORD_FILE={path:?}"))?;
            // A trailing line break is the file's, not the password's.
            text.trim_end_matches(['\n', '\r']).to_owned()
        }
        None => std::env::var("PORTAL_ADMIN_PASSWORD").unwrap_or_default(),
    };
    if password.is_empty() {
        anyhow::bail!(
            "PORTAL_ADMIN_USERNAME is set but neither PORTAL_ADMIN_PASSWORD_FILE nor \
             PORTAL_ADMIN_PASSWORD gives a password"
        );
    }
    Ok(Some(FirstAdmin {
        display_name: non_empty_var("PORTAL_ADMIN_DISPLAY_NAME")
            .unwrap_or_else(|| username.trim().to_owned()),
        username,
        password,
    }))
}

#[cfg(test)]
mod tests {
    use super::public_url;

    #[test]
    fn a_public_url_is_a_scheme_and_a_host() {
        assert_eq!(
            public_url(" https://ip.example.cn/ "),
            Ok("https://ip.example.cn".into())
        );
        assert_eq!(
            public_url("http://10.0.0.5:8080"),
            Ok("http://10.0.0.5:8080".into())
        );
        for wrong in [
            "ip.example.cn",
            "https://",
            "https://ip.example.cn/portal",
            "ftp://x",
            "https://a b",
        ] {
            assert!(public_url(wrong).is_err(), "{wrong}");
        }
    }
}
