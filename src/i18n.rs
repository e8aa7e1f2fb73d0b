//! The texts every app shares (header, footer, errors, kiosk, forms), in Simplified Chinese (the
//! default) and English: `locales/zh/common.toml` and `locales/en/common.toml`, turned into the
//! `Strings` struct at build time (`portal-texts-build`), so a text missing in one language is a
//! build error, not a blank on screen. Service names and descriptions live with the services
//! (`services.rs`); each service's own texts in its catalog beside this one.

include!(concat!(env!("OUT_DIR"), "/texts_common.rs"));
