//! Serves the single-page app that Trunk built into `dist/`: real files as they are (with the
//! precompressed `.br`/`.gz` copies the build script makes), and `index.html` for every other
//! path so deep links and reloads work; the app itself shows its "page not found". An entry
//! page gets its prerendered first view; a GI product's, a policy document's and the policy
//! library's pages get theirs drawn here, from the data they show.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderName, HeaderValue, StatusCode, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use portal_domain::api::policies::PolicyFilter;
use portal_domain::apps::{prerendered_file, App, DRAWN, PRERENDERED};
use sqlx::AnyPool;
use tower_http::services::ServeDir;

use crate::AppState;

/// The `index.html` of each of the portal's apps (see `portal_domain::apps`), and the pages
/// whose first view is prerendered (`dist/prerendered/`, written by `crates/prerender`), read
/// once at start-up.
#[derive(Clone)]
pub struct IndexHtml(Arc<Pages>);

struct Pages {
    apps: HashMap<App, axum::body::Bytes>,
    /// By path (`/gi`): the app's page with the path's first view drawn into it.
    prerendered: HashMap<String, axum::body::Bytes>,
    /// The pages of the apps whose first view is drawn here from data (see [`IndexHtml::drawn`]),
    /// with their app loaded after the first paint; missing if the app is not built as Trunk
    /// builds it.
    drawn: HashMap<App, String>,
    /// Pages drawn so far, by path: what they show never changes while the server runs.
    drawn_pages: DrawnPages,
}

/// Pages drawn so far, up to a bound (drawing one takes a few milliseconds, and a popular
/// product's page is asked for again and again). When full, an arbitrary one makes room: this
/// only saves work, it is never needed to answer.
#[derive(Default)]
struct DrawnPages(std::sync::Mutex<HashMap<String, axum::body::Bytes>>);

impl DrawnPages {
    /// A GI product's page is about 10 KB, a policy document's up to about 70: a few MB.
    const MOST: usize = 500;

    fn get(&self, path: &str) -> Option<axum::body::Bytes> {
        self.0.lock().ok()?.get(path).cloned()
    }

    fn insert(&self, path: &str, page: axum::body::Bytes) {
        let Ok(mut pages) = self.0.lock() else { return };
        if pages.len() >= Self::MOST {
            if let Some(any) = pages.keys().next().cloned() {
                pages.remove(&any);
            }
        }
        pages.insert(path.to_owned(), page);
    }
}

impl IndexHtml {
    pub fn load(dist: &Path) -> IndexHtml {
        let apps = Self::load_apps(dist);
        // None is fine: a build without prerendering serves each app's own page.
        let prerendered = PRERENDERED
            .iter()
            .filter_map(|path| {
                let bytes = std::fs::read(dist.join(prerendered_file(path))).ok()?;
                Some((path.to_string(), bytes.into()))
            })
            .collect();
        let drawn = DRAWN
            .into_iter()
            .filter_map(|app| {
                let page = std::str::from_utf8(apps.get(&app)?).ok()?;
                Some((app, portal_prerender::loader::after_first_paint(page)?))
            })
            .collect();
        IndexHtml(Arc::new(Pages {
            apps,
            prerendered,
            drawn,
            drawn_pages: DrawnPages::default(),
        }))
    }

    fn load_apps(dist: &Path) -> HashMap<App, axum::body::Bytes> {
        let mut pages = HashMap::new();
        for app in App::ALL {
            let path = dist.join(app.index_file());
            match std::fs::read(&path) {
                Ok(bytes) => {
                    pages.insert(app, bytes.into());
                }
                Err(e) => tracing::warn!(path = %path.display(), error = %e,
                    "an app is not built: its pages answer 503 (build with scripts/run.sh)"),
            }
        }
        pages
    }

    /// The text of every page (the CSP hashes their inline scripts).
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        let Pages {
            apps,
            prerendered,
            drawn,
            ..
        } = &*self.0;
        apps.values()
            .chain(prerendered.values())
            .filter_map(|b| std::str::from_utf8(b).ok())
            .chain(drawn.values().map(String::as_str))
    }

    /// A page that shows data the server holds (`portal_domain::apps::DRAWN`): a GI product
    /// (`/gi/GI00829`), a policy document (`/policies/{slug}`) or the library's list
    /// (`/policies`): its first view drawn here, natively, by the app's own components from that
    /// data (`portal_prerender::first_view`), and its JSON (the API's answer) written beside it
    /// for the app (`ip_portal::first_data`). So its text paints before the app has arrived (and
    /// is there for search engines), and the app takes over the same view without waiting for
    /// it. `None` for any other path, or one that names nothing: those get the app's page, or
    /// the prerendered one, as before.
    fn drawn(
        &self,
        path: &str,
        query: Option<&str>,
        state: &AppState,
    ) -> Option<axum::body::Bytes> {
        let app = App::for_path(path);
        let page = self.0.drawn.get(&app)?;
        // Filtered, the library is drawn by the app: the renderer is given no query (what the
        // other pages' queries ask for, such as a search's marks, the app adds where it is).
        if app == App::Policies && query.is_some_and(|q| !q.is_empty()) {
            return None;
        }
        if let Some(page) = self.0.drawn_pages.get(path) {
            return Some(page);
        }
        let segments = path.trim_start_matches('/').split('/').collect::<Vec<_>>();
        let json = match (app, &segments[..]) {
            (App::Gi, [_, id]) => serde_json::to_string(&state.gi.detail(state.gi.find(id)?)),
            (App::PolicyDocument, [_, slug]) => {
                serde_json::to_string(state.policies.document(slug)?)
            }
            (App::Policies, [_]) => {
                serde_json::to_string(&state.policies.answer(&PolicyFilter::default()))
            }
            _ => return None,
        }
        .ok()?;
        // A component that cannot draw itself natively costs the page its first view, not the
        // answer: the app draws it, as it would without one.
        let drawn =
            std::panic::catch_unwind(|| portal_prerender::first_view(page, path, Some(&json)));
        match drawn {
            Ok(Some(page)) => {
                let page = with_data_block(page.as_bytes(), "first-data", &json);
                self.0.drawn_pages.insert(path, page.clone());
                Some(page)
            }
            Ok(None) => None,
            Err(_) => {
                tracing::error!(
                    path,
                    "the first view could not be drawn: the app's page is sent"
                );
                None
            }
        }
    }

    /// The page for `path`: drawn with what it shows, or prerendered, if it is one of those;
    /// else its app's.
    fn page(&self, path: &str, query: Option<&str>, state: &AppState) -> Option<axum::body::Bytes> {
        let trimmed = match path.trim_end_matches('/') {
            "" => "/",
            p => p,
        };
        self.drawn(trimmed, query, state).or_else(|| {
            self.0
                .prerendered
                .get(trimmed)
                .or_else(|| self.0.apps.get(&App::for_path(path)))
                .cloned()
        })
    }

    /// The app's page, with who runs the site and the center's contacts written into it
    /// (`crate::site`): `<script type="application/json" id="site-info">` before `</head>`, so
    /// every app's footer shows them without a request of its own (a data block: never run, so
    /// the Content-Security-Policy does not concern it). Without the database the page is
    /// served as built, and the footer shows nothing extra.
    async fn response(&self, path: &str, query: Option<&str>, state: &AppState) -> Response {
        match self.page(path, query, state) {
            Some(bytes) => {
                let mut response = (
                    [
                        (
                            header::CONTENT_TYPE,
                            HeaderValue::from_static("text/html; charset=utf-8"),
                        ),
                        // Always revalidate: it names the fingerprinted files of the current build.
                        (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
                    ],
                    Body::from(with_site_info(&bytes, &state.db).await),
                )
                    .into_response();
                if !App::for_path(path).indexable() {
                    response.headers_mut().insert(
                        HeaderName::from_static("x-robots-tag"),
                        HeaderValue::from_static("noindex, nofollow"),
                    );
                }
                response
            }
            None => (
                StatusCode::SERVICE_UNAVAILABLE,
                "The web app has not been built. Run scripts/run.sh.",
            )
                .into_response(),
        }
    }
}

/// `page` with the site information's data block before `</head>`.
async fn with_site_info(page: &axum::body::Bytes, db: &AnyPool) -> axum::body::Bytes {
    let info = match db.acquire().await {
        Ok(mut conn) => crate::site::load(&mut conn).await,
        Err(e) => Err(e),
    };
    let json = match info {
        Ok(info) => serde_json::to_string(&info).unwrap_or_default(),
        Err(e) => {
            tracing::error!(error = %e, "site information not written into the page");
            return page.clone();
        }
    };
    with_data_block(page, "site-info", &json)
}

/// `page` with `json` in a data block (`<script type="application/json" id="{id}">`) before
/// `</head>`: never run, so the Content-Security-Policy does not concern it.
fn with_data_block(page: &[u8], id: &str, json: &str) -> axum::body::Bytes {
    let Some(at) = page.windows(7).position(|w| w == b"</head>") else {
        return axum::body::Bytes::copy_from_slice(page);
    };
    // `<` written as an escape, so no value can end the data block (`</script>`) early.
    let json = json.replace('<', "\\u003c");
    let mut out = Vec::with_capacity(page.len() + json.len() + 64);
    out.extend_from_slice(&page[..at]);
    out.extend_from_slice(format!("<script type=\"application/json\" id=\"{id}\">").as_bytes());
    out.extend_from_slice(json.as_bytes());
    out.extend_from_slice(b"</script>");
    out.extend_from_slice(&page[at..]);
    out.into()
}

pub fn router(dist: &Path, index: IndexHtml, state: AppState) -> Router {
    let fallback = (index.clone(), state.clone());
    let files = ServeDir::new(dist)
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(false)
        .fallback(get(move |request: Request| {
            let (index, state) = fallback.clone();
            async move { app_or_missing_file(&index, &state, request.uri()).await }
        }));
    Router::new()
        .route(
            "/",
            get(move || async move { index.response("/", None, &state).await }),
        )
        .fallback_service(files)
        .layer(middleware::from_fn(cache_headers))
}

/// A path whose last segment looks like a file name is a missing file (a 404 that a browser
/// or a stale cache should see); anything else is a route of the app.
async fn app_or_missing_file(index: &IndexHtml, state: &AppState, uri: &Uri) -> Response {
    let path = uri.path();
    let last = path.rsplit('/').next().unwrap_or("");
    if last.contains('.') && last != "index.html" {
        (StatusCode::NOT_FOUND, "Not found").into_response()
    } else {
        index.response(path, uri.query(), state).await
    }
}

async fn cache_headers(request: Request, next: Next) -> Response {
    let fingerprinted = is_fingerprinted(request.uri().path());
    let service_worker = request.uri().path() == SERVICE_WORKER;
    let mut response = next.run(request).await;
    if response.status().is_success() && !response.headers().contains_key(header::CACHE_CONTROL) {
        let value = if fingerprinted {
            "public, max-age=31536000, immutable"
        } else if service_worker {
            // The browser looks for a new worker at every page load: never an hour-old one.
            "no-cache"
        } else {
            "public, max-age=3600"
        };
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    }
    response
}

/// The service worker (`public/sw.js`), at the root so that its scope is every page.
const SERVICE_WORKER: &str = "/sw.js";

/// Trunk names built files `name-<hash>[_bg].ext`, the hash in hex without leading zeros (so 12 to
/// 16 digits in practice): such a file never changes.
fn is_fingerprinted(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or("");
    name.split(['-', '_', '.'])
        .any(|part| (12..=16).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trunk_output_names_are_fingerprinted() {
        assert!(is_fingerprinted("/ip-portal-0123456789abcdef_bg.wasm"));
        assert!(is_fingerprinted("/ip-portal-0123456789abcdef.js"));
        assert!(is_fingerprinted("/style-0123456789abcdef.css"));
        // Trunk writes the hash in hex without leading zeros.
        assert!(is_fingerprinted(
            "/apps/gi/ip-portal-gi-b5549c3bee58cee_bg.wasm"
        ));
        assert!(!is_fingerprinted("/apps/gi/ip-portal-gi.wasm"));
        assert!(!is_fingerprinted("/favicon.svg"));
        assert!(!is_fingerprinted("/index.html"));
        assert!(!is_fingerprinted(SERVICE_WORKER));
    }
}
