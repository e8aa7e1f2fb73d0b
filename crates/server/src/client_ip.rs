//! The address a request comes from, for the limits that count by client address (failed
//! booking lookups, failed staff logins; see `crate::limit`).
//!
//! Without configuration it is the TCP peer's. Behind a reverse proxy (nginx, a load balancer)
//! the peer of every request is the proxy, so every visitor would share one count: 20 failed
//! logins by anyone would refuse every member of staff for 15 minutes. `PORTAL_TRUSTED_PROXIES`
//! names the proxies, as addresses or CIDR networks separated by commas (e.g.
//! `127.0.0.1,10.0.0.0/8`). A request whose peer is one of them is counted by the address its
//! `X-Forwarded-For` gives: the right-most entry that is not itself a trusted proxy. Entries to
//! the left of that one were written by the client and could say anything, so they are never
//! used; and a request from any other peer is counted by its peer, whatever headers it sends.
//! Each proxy must append the address it received the request from (nginx:
//! `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;`).
//!
//! The address is used for counting only: it is never logged or stored.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::HeaderMap;

use crate::AppState;

const X_FORWARDED_FOR: &str = "x-forwarded-for";

/// One trusted network: its first address and prefix length (an address alone is a /32 or
/// /128). IPv4 addresses written as IPv6 (`::ffff:a.b.c.d`) are compared as IPv4.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Network {
    base: IpAddr,
    prefix: u8,
}

impl Network {
    fn parse(text: &str) -> Result<Network, String> {
        let (address, prefix) = match text.split_once('/') {
            Some((address, prefix)) => (address, Some(prefix)),
            None => (text, None),
        };
        let base: IpAddr = address
            .trim()
            .parse()
            .map_err(|_| format!("{text:?} is not an IP address or a network like 10.0.0.0/8"))?;
        let base = base.to_canonical();
        let max = if base.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(p) => p
                .trim()
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= max)
                .ok_or_else(|| format!("{text:?}: the prefix length must be 0 to {max}"))?,
            None => max,
        };
        Ok(Network {
            base: mask(base, prefix),
            prefix,
        })
    }

    fn contains(&self, ip: IpAddr) -> bool {
        let ip = ip.to_canonical();
        ip.is_ipv4() == self.base.is_ipv4() && mask(ip, self.prefix) == self.base
    }
}

/// `ip` with all but its first `prefix` bits cleared.
fn mask(ip: IpAddr, prefix: u8) -> IpAddr {
    match ip {
        IpAddr::V4(v4) => {
            let bits = u32::from(v4);
            let kept = u32::MAX.checked_shl(32 - u32::from(prefix)).unwrap_or(0);
            IpAddr::V4((bits & kept).into())
        }
        IpAddr::V6(v6) => {
            let bits = u128::from(v6);
            let kept = u128::MAX.checked_shl(128 - u32::from(prefix)).unwrap_or(0);
            IpAddr::V6((bits & kept).into())
        }
    }
}

/// The reverse proxies whose `X-Forwarded-For` is believed (`PORTAL_TRUSTED_PROXIES`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies {
    networks: Vec<Network>,
}

impl TrustedProxies {
    /// None trusted: every request is counted by its TCP peer.
    pub fn none() -> TrustedProxies {
        TrustedProxies::default()
    }

    /// Addresses or CIDR networks separated by commas; blank means none.
    pub fn parse(list: &str) -> Result<TrustedProxies, String> {
        let networks = list
            .split(',')
            .map(str::trim)
            .filter(|entry| !entry.is_empty())
            .map(Network::parse)
            .collect::<Result<_, _>>()?;
        Ok(TrustedProxies { networks })
    }

    fn trusts(&self, ip: IpAddr) -> bool {
        self.contains(ip)
    }

    /// Whether `ip` is in one of the listed networks (also used for other lists of addresses
    /// written the same way, such as `PORTAL_BOOKING_LIMIT_EXEMPT`).
    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = ip.to_canonical();
        self.networks.iter().any(|n| n.contains(ip))
    }

    /// The client of a request that came from `peer` with these headers: see the module
    /// documentation.
    pub fn client_address(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        let mut client = peer.to_canonical();
        if !self.trusts(client) {
            return client;
        }
        // Each proxy appends to the last header, so the list read in order is the path from
        // the client to the nearest proxy; walk it back from the nearest end.
        let entries: Vec<Option<IpAddr>> = headers
            .get_all(X_FORWARDED_FOR)
            .iter()
            .flat_map(|value| match value.to_str() {
                Ok(text) => text.split(',').map(parse_entry).collect::<Vec<_>>(),
                Err(_) => vec![None],
            })
            .collect();
        for entry in entries.into_iter().rev() {
            // Something that is not an address: nothing further left can be believed, so the
            // request counts as the last proxy's.
            let Some(ip) = entry else { break };
            client = ip;
            if !self.trusts(ip) {
                break;
            }
        }
        client
    }
}

/// One entry of `X-Forwarded-For`: an address, perhaps with a port (`1.2.3.4:5678`,
/// `[2001:db8::1]:443`).
fn parse_entry(entry: &str) -> Option<IpAddr> {
    let entry = entry.trim();
    entry
        .parse::<IpAddr>()
        .or_else(|_| entry.parse::<SocketAddr>().map(|a| a.ip()))
        .ok()
        .map(|ip| ip.to_canonical())
}

/// The client address of a request, when the server was started with peer addresses
/// (`Application::run_until_stopped` serves with `into_make_service_with_connect_info`).
/// `None` for a router driven without one (a test calling it directly): the per-address limits
/// are then not applied.
pub struct ClientIp(pub Option<IpAddr>);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<ClientIp, Self::Rejection> {
        Ok(ClientIp(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|ConnectInfo(peer)| {
                    state
                        .trusted_proxies
                        .client_address(peer.ip(), &parts.headers)
                }),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn forwarded(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for v in values {
            headers.append(X_FORWARDED_FOR, HeaderValue::from_str(v).unwrap());
        }
        headers
    }

    #[test]
    fn without_trusted_proxies_the_header_is_ignored() {
        let none = TrustedProxies::parse("  ").unwrap();
        assert_eq!(none, TrustedProxies::none());
        let headers = forwarded(&["198.51.100.9"]);
        assert_eq!(
            none.client_address(ip("203.0.113.7"), &headers),
            ip("203.0.113.7")
        );
    }

    #[test]
    fn a_trusted_proxy_is_believed_and_the_client_cannot_choose_its_address() {
        let proxies = TrustedProxies::parse("127.0.0.1, 10.0.0.0/8").unwrap();
        let peer = ip("127.0.0.1");
        assert_eq!(
            proxies.client_address(peer, &forwarded(&["203.0.113.7"])),
            ip("203.0.113.7")
        );
        // The client wrote the first entry itself; the proxy appended the real one.
        assert_eq!(
            proxies.client_address(peer, &forwarded(&["198.51.100.9, 203.0.113.7"])),
            ip("203.0.113.7")
        );
        // Two proxies: the inner one is skipped, across several header lines too.
        assert_eq!(
            proxies.client_address(peer, &forwarded(&["198.51.100.9, 203.0.113.7", "10.1.2.3"])),
            ip("203.0.113.7")
        );
        // Ports and bracketed IPv6.
        assert_eq!(
            proxies.client_address(peer, &forwarded(&["203.0.113.7:51234"])),
            ip("203.0.113.7")
        );
        assert_eq!(
            proxies.client_address(peer, &forwarded(&["[2001:db8::1]:443"])),
            ip("2001:db8::1")
        );
        // No header, or garbage after a trusted hop: the last trusted hop.
        assert_eq!(proxies.client_address(peer, &HeaderMap::new()), peer);
        assert_eq!(
            proxies.client_address(peer, &forwarded(&["203.0.113.7, unknown, 10.0.0.5"])),
            ip("10.0.0.5")
        );
        // A peer outside the list is counted as itself.
        assert_eq!(
            proxies.client_address(ip("192.0.2.1"), &forwarded(&["203.0.113.7"])),
            ip("192.0.2.1")
        );
    }

    #[test]
    fn networks_match_by_prefix_and_ipv4_written_as_ipv6() {
        let proxies = TrustedProxies::parse("10.0.0.0/8,fd00::/8").unwrap();
        assert!(proxies.trusts(ip("10.255.1.2")));
        assert!(!proxies.trusts(ip("11.0.0.1")));
        assert!(proxies.trusts(ip("::ffff:10.0.0.1")));
        assert!(proxies.trusts(ip("fd12::1")));
        assert!(!proxies.trusts(ip("fe80::1")));
        assert!(TrustedProxies::parse("0.0.0.0/0")
            .unwrap()
            .trusts(ip("8.8.8.8")));
    }

    #[test]
    fn a_bad_list_is_refused_with_its_entry() {
        for bad in ["localhost", "10.0.0.0/33", "::/129", "10.0.0.0/x"] {
            let error = TrustedProxies::parse(bad).unwrap_err();
            assert!(error.contains(bad), "{error}");
        }
    }
}
