//! The policy library (政策解读): the list of documents (`/policies`), full-text search
//! (`/policies/search`) and a document's page (`/policies/{slug}`).

mod document;
mod layout;
mod library;
mod search;
mod search_form;
mod targets;
mod texts;
mod visit;

pub use document::PolicyDocumentPage;
pub use library::PolicyLibraryPage;
pub use search::PolicySearchPage;
