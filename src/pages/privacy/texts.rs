//! The privacy notice's and the accessibility statement's texts in both languages
//! (`locales/*/privacy.toml`).

include!(concat!(env!("OUT_DIR"), "/texts_privacy.rs"));

crate::prefs::feature_texts!(PrivacyTexts, privacy_texts, privacy_text);
