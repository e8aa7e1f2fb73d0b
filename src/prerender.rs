//! Prerendering (issue #17): the first view of the citizens' entry pages, drawn at build time,
//! natively, by the same components that draw it in the browser, and written into the page the
//! server sends (`crates/prerender` draws them into `dist/prerendered/`,
//! `crates/server/src/spa.rs` serves them). The page's text paints before the WASM has arrived;
//! the app then replaces it (`crate::app::boot` removes `#shell`) with the same layout, so
//! nothing moves.
//!
//! Natively there is no window, storage or network: the few places that reach for them while
//! drawing ask [`ACTIVE`] first. Effects and resources never run, so whatever loads data is drawn
//! as loading, as the app draws it before its data has come.

/// True in the native build, which only ever prerenders.
pub const ACTIVE: bool = !cfg!(target_arch = "wasm32");
