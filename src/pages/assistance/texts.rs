//! The rights-assistance pages' texts in both languages, in three catalogs so that each app
//! carries only its own: applying (`assistance`), a submitted request's pages
//! (`assistance_request`) and uploading files, which both do (`assistance_upload`). The names of
//! sections, kinds of right, legal statuses, kinds of help and statuses, and every validation
//! message, come from the shared domain code (`portal_domain::api::assistance`), in both
//! languages too.

include!(concat!(env!("OUT_DIR"), "/texts_assistance.rs"));
include!(concat!(env!("OUT_DIR"), "/texts_assistance_request.rs"));
include!(concat!(env!("OUT_DIR"), "/texts_assistance_upload.rs"));

crate::prefs::feature_texts!(AssistanceTexts, assistance_texts, assistance_text);
crate::prefs::feature_texts!(RequestTexts, request_texts, request_text);
crate::prefs::feature_texts!(UploadTexts, upload_texts, upload_text);
