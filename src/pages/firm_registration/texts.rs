//! The registration pages' texts (`locales/{zh,en}/registration.toml`, turned into
//! `RegistrationTexts` at build time), shared by the firm's pages and the workbench's review;
//! validation messages come from the shared domain code, in both languages too.

use portal_domain::Lang;

include!(concat!(env!("OUT_DIR"), "/texts_registration.rs"));

/// One registration text, named by the field that holds it: `|t| t.heading`.
pub type Tr = fn(&RegistrationTexts) -> &'static str;

// `reg_text(|t| t.heading)`: a reactive text that follows the language switch.
crate::prefs::feature_texts!(RegistrationTexts, registration_texts, reg_text);

pub fn pick(lang: Lang, text: Tr) -> &'static str {
    text(registration_texts(lang))
}
