//! The texts of the page that asks for extra quota (`locales/{zh,en}/pre_exam_quota.toml`,
//! turned into `PreExamQuotaTexts` at build time): a catalog of its own, so that the other
//! pre-examination apps, near their budget, do not carry them.

include!(concat!(env!("OUT_DIR"), "/texts_pre_exam_quota.rs"));

// `pq_text(|t| t.title)`: a reactive text that follows the language switch.
crate::prefs::feature_texts!(PreExamQuotaTexts, pre_exam_quota_texts, pq_text);
