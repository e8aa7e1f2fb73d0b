//! The fast-track pages' texts: `locales/zh/fast_track.toml` and `locales/en/fast_track.toml`,
//! turned into `FastTrackTexts` at build time (`portal-texts-build`). Validation messages come
//! from the shared domain code (`portal_domain::api::firm`), in both languages too.

use portal_domain::Lang;

include!(concat!(env!("OUT_DIR"), "/texts_fast_track.rs"));

/// One fast-track text, named by the field that holds it: `|t| t.sign_in_heading`.
pub type Tr = fn(&FastTrackTexts) -> &'static str;

// `ft_text(|t| t.sign_in_heading)`: a reactive text that follows the language switch.
crate::prefs::feature_texts!(FastTrackTexts, fast_track_texts, ft_text);

pub fn pick(lang: Lang, text: Tr) -> &'static str {
    text(fast_track_texts(lang))
}
