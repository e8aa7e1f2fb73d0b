//! `?page=&per_page=` of the staff's paged lists.

use portal_domain::api::staff::{DEFAULT_PER_PAGE, MAX_PER_PAGE};
use serde::Deserialize;

/// `?page=&per_page=` of the paged lists.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// From 1 (default 1).
    pub page: Option<u32>,
    /// 1–200 (default 50).
    pub per_page: Option<u32>,
}

impl PageParams {
    /// (page, per_page, offset), clamped to sensible values.
    pub fn resolve(&self) -> (u32, u32, u32) {
        let page = self.page.unwrap_or(1).max(1);
        let per_page = self
            .per_page
            .unwrap_or(DEFAULT_PER_PAGE)
            .clamp(1, MAX_PER_PAGE);
        (page, per_page, (page - 1).saturating_mul(per_page))
    }
}
