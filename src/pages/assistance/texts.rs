//! The rights-assistance pages' texts in both languages. The names of sections, kinds of
//! right, legal statuses, kinds of help and statuses, and every validation message, come from
//! the shared domain code (`portal_domain::api::assistance`), in both languages too.

include!(concat!(env!("OUT_DIR"), "/texts_assistance.rs"));

crate::prefs::feature_texts!(AssistanceTexts, assistance_texts, assistance_text);
