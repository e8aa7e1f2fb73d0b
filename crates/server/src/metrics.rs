//! Prometheus metrics for operators (issue #16), served on a listener of their own
//! (`PORTAL_METRICS_ADDR`, none by default) so that they never reach the public: put it on a
//! private interface. Each process counts its own; Prometheus adds the replicas up.
//!
//! - `portal_http_requests_total{method, route, status}` and
//!   `portal_http_request_duration_seconds{method, route}`: every request that matched a route,
//!   by the route's template (`/api/v1/bookings/{token}`), never the path itself, which may hold
//!   a token or a reference;
//! - `portal_rate_limit_refusals_total{route}`: the 429 answers (every limit answers 429);
//! - `portal_db_pool_connections{state}`: the database pool's open and idle connections, read
//!   at each scrape.

use std::sync::Arc;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use prometheus::{
    Encoder, HistogramOpts, HistogramVec, IntCounterVec, IntGaugeVec, Opts, Registry, TextEncoder,
};
use sqlx::AnyPool;

/// The metrics of one server process.
#[derive(Debug)]
pub struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    duration: HistogramVec,
    refusals: IntCounterVec,
    pool: IntGaugeVec,
}

impl Metrics {
    pub fn new() -> anyhow::Result<Metrics> {
        let registry = Registry::new_custom(Some("portal".into()), None)?;
        let requests = IntCounterVec::new(
            Opts::new(
                "http_requests_total",
                "Requests answered, by route template",
            ),
            &["method", "route", "status"],
        )?;
        let duration = HistogramVec::new(
            HistogramOpts::new(
                "http_request_duration_seconds",
                "Time to answer, by route template",
            )
            .buckets(vec![
                0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
            ]),
            &["method", "route"],
        )?;
        let refusals = IntCounterVec::new(
            Opts::new(
                "rate_limit_refusals_total",
                "Requests refused by a limit (429), by route template",
            ),
            &["route"],
        )?;
        let pool = IntGaugeVec::new(
            Opts::new("db_pool_connections", "The database pool's connections"),
            &["state"],
        )?;
        for collector in [
            Box::new(requests.clone()) as Box<dyn prometheus::core::Collector>,
            Box::new(duration.clone()),
            Box::new(refusals.clone()),
            Box::new(pool.clone()),
        ] {
            registry.register(collector)?;
        }
        Ok(Metrics {
            registry,
            requests,
            duration,
            refusals,
            pool,
        })
    }

    /// The text exposition format, with the pool read now.
    fn render(&self, db: &AnyPool) -> Result<String, prometheus::Error> {
        let open = i64::from(db.size());
        let idle = i64::try_from(db.num_idle()).unwrap_or(i64::MAX);
        self.pool.with_label_values(&["open"]).set(open);
        self.pool.with_label_values(&["idle"]).set(idle);
        let mut out = Vec::new();
        TextEncoder::new().encode(&self.registry.gather(), &mut out)?;
        Ok(String::from_utf8_lossy(&out).into_owned())
    }
}

/// Counts and times each request that matched a route (a `route_layer`, so the template is
/// known).
pub async fn track(State(metrics): State<Arc<Metrics>>, request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |p| p.as_str().to_owned());
    let method = request.method().as_str().to_owned();
    let started = Instant::now();
    let response = next.run(request).await;
    let status = response.status();
    metrics
        .duration
        .with_label_values(&[method.as_str(), route.as_str()])
        .observe(started.elapsed().as_secs_f64());
    metrics
        .requests
        .with_label_values(&[method.as_str(), route.as_str(), status.as_str()])
        .inc();
    if status == StatusCode::TOO_MANY_REQUESTS {
        metrics.refusals.with_label_values(&[route.as_str()]).inc();
    }
    response
}

/// `GET /metrics` on the operators' listener.
pub fn router(metrics: Arc<Metrics>, db: AnyPool) -> Router {
    Router::new().route(
        "/metrics",
        get(move || async move {
            match metrics.render(&db) {
                Ok(text) => (
                    [(
                        header::CONTENT_TYPE,
                        "text/plain; version=0.0.4; charset=utf-8",
                    )],
                    text,
                )
                    .into_response(),
                Err(e) => {
                    tracing::error!(error = %e, "cannot render the metrics");
                    StatusCode::INTERNAL_SERVER_ERROR.into_response()
                }
            }
        }),
    )
}
