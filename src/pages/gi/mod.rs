//! Geographical-indication product lookup: the search page (`/gi`) and a product's page
//! (`/gi/{id}`).

mod last_search;
mod product;
mod search;
mod terms;
mod texts;

pub use product::GiProductPage;
pub use search::GiSearchPage;
