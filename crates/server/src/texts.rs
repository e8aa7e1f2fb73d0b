//! The server's messages (the `message` of an error answer and its fields) in both languages:
//! `locales/zh/server.toml` and `locales/en/server.toml`, turned into `ServerTexts` at build
//! time (`portal-texts-build`), like every text of the apps. A message is named by a picker,
//! `|t| t.booking_cancelled` ([`Pick`]); `error::Text::of` holds it in both languages.

include!(concat!(env!("OUT_DIR"), "/texts_server.rs"));

/// One server message, named by the field that holds it.
pub type Pick = fn(&ServerTexts) -> &'static str;
