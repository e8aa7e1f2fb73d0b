//! The pre-examination pages' texts (`locales/{zh,en}/pre_exam.toml`, turned into
//! `PreExamTexts` at build time); validation messages and the domain's labels (statuses,
//! documents, kinds, venues) come from the shared domain code, in both languages too.

use portal_domain::Lang;

include!(concat!(env!("OUT_DIR"), "/texts_pre_exam.rs"));

/// One text, named by the field that holds it: `|t| t.heading`.
pub type Tr = fn(&PreExamTexts) -> &'static str;

// `pe_text(|t| t.heading)`: a reactive text that follows the language switch.
crate::prefs::feature_texts!(PreExamTexts, pre_exam_texts, pe_text);

pub fn pick(lang: Lang, text: Tr) -> &'static str {
    text(pre_exam_texts(lang))
}
