//! What the browser app and the server agree on: the JSON shapes of the API (`api`), the
//! user's language (`lang`) and the validated identifiers people type (`ids`).
//!
//! Parse, don't validate: every identifier is a newtype whose `parse` either returns a value
//! that is known to be well-formed or a typed error with a message in both languages.

pub mod api;
pub mod apps;
pub mod calendar;
mod choice;
pub mod ids;
pub mod lang;
pub mod paths;
pub mod reference;
pub mod text;
mod texts;
pub mod time;

pub use lang::{Lang, Localized};
