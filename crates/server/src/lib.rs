//! The portal's server: the JSON API under `/api/v1` (one module per service, each owning its
//! router) and the built single-page app for every other path.

mod assistance;
mod audit;
mod booking;
pub mod client_ip;
pub mod clock;
pub mod config;
pub mod db;
mod error;
mod extract;
mod files;
pub mod firms;
mod gi;
mod health;
mod holiday_calendar;
mod idempotency;
mod json_object;
mod json_settings;
mod limit;
mod lookup;
pub mod metrics;
mod notices;
mod openapi;
mod policies;
mod rating;
mod refusals;
mod request_log;
mod retention;
mod security;
mod seed;
pub mod sign_in;
mod site;
mod spa;
pub mod staff;
mod texts;
mod tokens;
mod venues;

use std::net::SocketAddr;
use std::sync::{Arc, RwLock};

use anyhow::Context;
use axum::routing::any;
use axum::{middleware, Router};
use portal_domain::calendar::HolidayCalendar;
use sqlx::AnyPool;
use tokio::net::TcpListener;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::{CompressionLayer, CompressionLevel};

pub use clock::Clock;
pub use config::Config;

#[derive(Clone)]
pub struct AppState {
    pub db: AnyPool,
    /// `PORTAL_PUBLIC_URL`: where people reach the portal, for links in files they keep.
    pub public_url: Option<Arc<str>>,
    /// Built from the database at start-up; see `gi::GiIndex` on why it never changes.
    pub gi: Arc<gi::GiIndex>,
    /// Read from the database at start-up; see `policies::PolicyLibrary`.
    pub policies: Arc<policies::PolicyLibrary>,
    /// "Now" for booking windows and deadlines: the system clock unless `PORTAL_NOW` pins it.
    pub clock: Clock,
    /// The official working-day calendar: `data/seed/cn_public_holidays.json` with the years
    /// administrators published laid over it, swapped when one is published here or by another
    /// replica (`holiday_calendar::follow`). Read it with [`AppState::calendar`].
    pub holiday_calendar: Arc<SharedCalendar>,
    /// Failed booking lookups by reference + mobile number, counted in the database (shared by
    /// every server process on it); see the `booking` module on the limit and `limit`.
    pub lookups: Arc<limit::LookupLimiter>,
    /// The staff workbench's login limiter and cookie settings; see the `staff` module.
    pub staff: Arc<staff::StaffState>,
    /// The fast track's firm accounts: sign-in and sign-up limits and cookie settings; see
    /// the `firms` module.
    pub firm: Arc<firms::FirmState>,
    /// New rights-assistance drafts per client address; see `assistance`.
    pub assistance: Arc<assistance::ClientLimits>,
    /// Uploaded bytes per client address for every service's uploads; see `files`.
    pub files: Arc<files::FileLimits>,
    /// Whose `X-Forwarded-For` names the client (`PORTAL_TRUSTED_PROXIES`); see `client_ip`.
    pub trusted_proxies: Arc<client_ip::TrustedProxies>,
    /// Client addresses whose new bookings are not limited (`PORTAL_BOOKING_LIMIT_EXEMPT`); see
    /// `booking::per_address`.
    pub booking_limit_exempt: Arc<client_ip::TrustedProxies>,
    /// This process's Prometheus metrics; see `metrics`.
    pub metrics: Arc<metrics::Metrics>,
}

impl AppState {
    /// The working-day calendar as it is now; a request keeps the one it got.
    pub fn calendar(&self) -> Arc<HolidayCalendar> {
        self.holiday_calendar.current()
    }

    /// Working days left from `today` until `due` (negative: overdue by so many); none where
    /// the count runs into a year whose holidays are not published.
    pub(crate) fn days_left(
        &self,
        today: portal_domain::calendar::Date,
        due: Option<portal_domain::calendar::Date>,
    ) -> Option<i32> {
        self.calendar().working_days_left(today, due?).ok()
    }

    /// Today's date in Shanghai by the server's clock.
    pub(crate) fn today(&self) -> Result<portal_domain::calendar::Date, error::ApiError> {
        clock::shanghai_date(self.clock.now())
    }
}

/// The working-day calendar, swappable while requests read it.
#[derive(Debug)]
pub struct SharedCalendar {
    current: RwLock<Arc<HolidayCalendar>>,
}

impl SharedCalendar {
    pub fn new(calendar: HolidayCalendar) -> SharedCalendar {
        SharedCalendar {
            current: RwLock::new(Arc::new(calendar)),
        }
    }

    /// The calendar as it is now (an `Arc`: a request keeps the one it started with).
    pub fn current(&self) -> Arc<HolidayCalendar> {
        // A poisoned lock still holds a whole calendar: a swap is a single assignment.
        self.current
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    pub(crate) fn replace(&self, calendar: HolidayCalendar) {
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(calendar);
    }
}

/// The API routes, without the app: `/api/v1/...`, JSON errors for anything unknown below `/api`.
fn api_router(state: AppState) -> Router {
    let v1 = Router::new()
        .merge(health::router())
        .merge(venues::router())
        .merge(notices::router())
        .merge(retention::router())
        .merge(site::router())
        .merge(gi::router())
        .merge(policies::router())
        .merge(booking::router())
        .merge(assistance::router())
        .merge(staff::router(state.clone()))
        .merge(firms::router(state.clone()))
        .merge(openapi::router())
        .fallback(error::api_not_found)
        .method_not_allowed_fallback(error::api_method_not_allowed)
        .with_state(state)
        .layer(middleware::from_fn(json_object::require_object))
        .layer(middleware::from_fn(request_log::log_request));
    let api = Router::new().nest("/v1", v1).fallback(error::api_not_found);
    let api = Router::new()
        .nest("/api", api)
        // `nest` leaves the bare prefix with a trailing slash to the app; it is API space too.
        .route("/api/", any(error::api_not_found));
    error_layers(api)
        // JSON and CSV shrink several-fold; people on slow mobile networks feel it. The fastest
        // level keeps the cost per request small.
        .layer(CompressionLayer::new().quality(CompressionLevel::Fastest))
}

/// Every error answer gets its JSON body in the asker's language (`error::localize`), a
/// handler's panic included: the panic is caught inside `localize`, so its 500 carries the
/// error contract like every other 5xx.
fn error_layers(router: Router) -> Router {
    router
        .layer(CatchPanicLayer::custom(error::panic_response))
        .layer(middleware::from_fn(error::localize))
}

pub fn router(state: AppState, config: &Config) -> anyhow::Result<Router> {
    let index = spa::IndexHtml::load(&config.dist_dir);
    let spa_state = state.clone();
    let metrics = state.metrics.clone();
    let headers = security::headers(&security::content_security_policy(index.texts()))?;
    Ok(api_router(state)
        .merge(spa::router(&config.dist_dir, index, spa_state))
        .route_layer(middleware::from_fn_with_state(metrics, metrics::track))
        .layer(middleware::from_fn_with_state(
            headers,
            security::add_headers,
        )))
}

/// A server bound to its address, ready to run.
pub struct Application {
    listener: TcpListener,
    router: Router,
    clock: Clock,
    /// `PORTAL_METRICS_ADDR`'s listener and what it serves.
    metrics: Option<(TcpListener, Router)>,
}

impl Application {
    /// Opens the database (creating, migrating and seeding it as needed) and binds the address.
    pub async fn build(config: Config) -> anyhow::Result<Application> {
        let starting = db::startup_lock(&config.database_url).await?;
        let db = db::connect(&config.database_url).await?;
        seed::seed_if_empty(&db).await?;
        drop(starting);
        let gi = Arc::new(gi::GiIndex::load(&db).await?);
        let policies = Arc::new(policies::PolicyLibrary::load(&db).await?);
        let clock = match config.now_override {
            Some(now) => {
                tracing::warn!(
                    now,
                    "PORTAL_NOW is set: the clock stands still at this instant"
                );
                Clock::fixed(now)
            }
            None => Clock::system(),
        };
        let holiday_calendar = Arc::new(SharedCalendar::new(
            holiday_calendar::load_calendar(&db).await?,
        ));
        holiday_calendar::follow(db.clone(), holiday_calendar.clone()).await?;
        staff::ensure_first_admin(&db, config.first_admin.as_ref(), clock.now()).await?;
        retention::start(db.clone(), clock.clone()).await;
        let counts = limit::Counts::load(db.clone())
            .await
            .context("cannot read the limits' key")?;
        let state = AppState {
            db,
            gi,
            policies,
            clock: clock.clone(),
            holiday_calendar,
            lookups: Arc::new(limit::LookupLimiter::new(counts.clone())),
            assistance: Arc::new(assistance::ClientLimits::new(&counts)),
            files: Arc::new(files::FileLimits::new(&counts)),
            trusted_proxies: Arc::new(config.trusted_proxies.clone()),
            booking_limit_exempt: Arc::new(config.booking_limit_exempt.clone()),
            metrics: Arc::new(metrics::Metrics::new()?),
            public_url: config.public_url.as_deref().map(Arc::from),
            staff: Arc::new(staff::StaffState::new(config.secure_cookies, &counts)?),
            firm: Arc::new(firms::FirmState::new(config.secure_cookies, &counts)),
        };
        let metrics = match config.metrics_addr {
            Some(addr) => Some((
                TcpListener::bind(addr).await.with_context(|| {
                    format!("cannot listen on {addr} (set PORTAL_METRICS_ADDR)")
                })?,
                metrics::router(state.metrics.clone(), state.db.clone()),
            )),
            None => None,
        };
        let router = router(state, &config)?;
        let listener = TcpListener::bind(config.addr)
            .await
            .with_context(|| format!("cannot listen on {} (set PORTAL_ADDR)", config.addr))?;
        Ok(Application {
            listener,
            router,
            clock,
            metrics,
        })
    }

    /// The server's clock. With `Config::now_override` set, tests move it (`Clock::set`) to
    /// make time pass; the system clock cannot be moved.
    pub fn clock(&self) -> Clock {
        self.clock.clone()
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    /// Where the metrics are served, if `PORTAL_METRICS_ADDR` is set.
    pub fn metrics_addr(&self) -> Option<SocketAddr> {
        self.metrics
            .as_ref()
            .and_then(|(listener, _)| listener.local_addr().ok())
    }

    /// Serves until SIGTERM or Ctrl-C, then lets requests in flight finish. Each request
    /// carries its peer's address (`ConnectInfo<SocketAddr>`), which the limit on failed
    /// booking lookups counts by.
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        if let Some((listener, router)) = self.metrics {
            // Ends with the process; a scrape in flight at shutdown is not worth waiting for.
            tokio::spawn(async move {
                if let Err(e) = axum::serve(listener, router).await {
                    tracing::error!(error = %e, "the metrics listener stopped");
                }
            });
        }
        let service = self
            .router
            .into_make_service_with_connect_info::<SocketAddr>();
        axum::serve(self.listener, service)
            .with_graceful_shutdown(shutdown_signal())
            .await
            .context("server error")
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}

#[cfg(test)]
mod tests {
    use axum::routing::get;

    use super::*;

    /// Over real HTTP: a handler that panics is answered with the JSON error contract, in the
    /// asker's language.
    #[tokio::test]
    async fn a_panic_is_answered_with_the_json_error_contract() {
        async fn boom() -> &'static str {
            panic!("test panic")
        }
        let router = error_layers(Router::new().route("/boom", get(boom)));
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, router).await });
        let response = reqwest::Client::new()
            .get(format!("http://{addr}/boom"))
            .header("Accept-Language", "en")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 500);
        assert!(response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json"));
        let body: portal_domain::api::ApiErrorBody = response.json().await.unwrap();
        assert_eq!(body.code, "internal_error");
        assert!(body.message.is_ascii(), "in English: {}", body.message);
    }
}
