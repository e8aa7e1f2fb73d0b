//! The citizen-facing single-page apps (see `portal_domain::apps`): each binary (`main.rs`,
//! `bin/*.rs`) mounts the shared [`app::Shell`] with its own routes, so each WASM carries only
//! its own pages. Built by Trunk into `dist/`, served by `portal-server`.

// Natively, built with the prerendering (`crates/prerender`: tachys' `ssr` feature), the view
// types nest deeper than the default limit.
#![recursion_limit = "256"]

pub mod api;
pub mod app;
pub mod app_links;
pub mod components;
pub mod dates;
pub mod first_data;
pub mod i18n;
pub mod json;
pub mod pages;
pub mod prefs;
pub mod prerender;
pub mod services;
pub mod storage;
