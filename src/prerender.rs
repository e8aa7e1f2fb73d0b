//! Prerendering (issue #17): the first view of the citizens' entry pages, drawn at build time,
//! natively, by the same components that draw it in the browser, and written into the page the
//! server sends (`crates/prerender` draws them into `dist/prerendered/`,
//! `crates/server/src/spa.rs` serves them). The page's text paints before the WASM has arrived;
//! the app then replaces it (`crate::app::boot` removes `#shell`) with the same layout, so
//! nothing moves. The server draws a GI product's page the same way at each request, from the
//! product, which the app then starts from (`crate::first_data`).
//!
//! Natively there is no window, storage or network: the few places that reach for them while
//! drawing ask [`ACTIVE`] first. Effects and resources never run, so whatever loads data is drawn
//! as loading, as the app draws it before its data has come (unless the page has first data).

/// True in the native build, which only ever draws first views.
pub const ACTIVE: bool = !cfg!(target_arch = "wasm32");
