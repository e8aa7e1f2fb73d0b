//! One structured log line per API request. It names the route *template*
//! (`/api/v1/venues`), never the raw path or query string, and no headers or bodies, so personal
//! data (a reference in a path, a mobile number in a query) cannot reach the logs.

use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::middleware::Next;
use axum::response::Response;

pub async fn log_request(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "(unmatched)".to_owned());
    let response = next.run(request).await;
    tracing::info!(
        method = %method,
        route = %route,
        status = response.status().as_u16(),
        latency_us = started.elapsed().as_micros() as u64,
        "request"
    );
    response
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// The JSON log format writes the log message under the key `message`, so a field of that
    /// name beside it gives a line with the key twice, which log stores read differently
    /// (first wins, last wins, or the line is dropped). Reads every log call in the server's
    /// source and refuses a field named `message`.
    #[test]
    fn no_log_line_has_a_field_named_message() {
        let mut offenders = Vec::new();
        scan(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut offenders,
        );
        assert!(
            offenders.is_empty(),
            "fields named `message`: {offenders:?}"
        );
    }

    fn scan(dir: &Path, offenders: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                scan(&path, offenders);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let source = std::fs::read_to_string(&path).unwrap();
                for call in log_calls(&source) {
                    let fields = call.split(',').map(str::trim);
                    if fields.map(|f| f.trim_start_matches(['%', '?'])).any(|f| {
                        f == "message" || f.starts_with("message =") || f.starts_with("message=")
                    }) {
                        offenders.push(format!("{}: {call}", path.display()));
                    }
                }
            }
        }
    }

    /// The argument lists of `tracing::<level>!( … )` calls (to the matching parenthesis).
    fn log_calls(source: &str) -> Vec<&str> {
        let mut calls = Vec::new();
        for level in ["trace", "debug", "info", "warn", "error"] {
            let opener = format!("tracing::{level}!(");
            let mut rest = source;
            while let Some(at) = rest.find(&opener) {
                let args = &rest[at + opener.len()..];
                let mut depth = 1;
                let end = args
                    .char_indices()
                    .find(|&(_, c)| {
                        match c {
                            '(' => depth += 1,
                            ')' => depth -= 1,
                            _ => {}
                        }
                        depth == 0
                    })
                    .map_or(args.len(), |(i, _)| i);
                calls.push(&args[..end]);
                rest = &args[end..];
            }
        }
        calls
    }

    #[test]
    fn the_scan_finds_a_field_named_message() {
        let source = "tracing::info!(\n request = id,\n message = m.id,\n \"sent\"\n);";
        assert_eq!(log_calls(source).len(), 1);
        let call = log_calls(source)[0];
        assert!(call
            .split(',')
            .map(str::trim)
            .any(|f| f.starts_with("message =")));
    }
}
