//! Who runs this site and how to reach the center (`GET /api/v1/site`, issue #18): loaded once
//! per page load by the frame and shared by the footer and the "contact the center" blocks.
//! Until it has loaded, or if it cannot be, they show nothing extra.

use leptos::prelude::*;
use portal_domain::api::site::SiteInfo;

use crate::api;

#[derive(Clone, Copy)]
pub struct SiteInfoResource(LocalResource<Option<SiteInfo>>);

impl SiteInfoResource {
    /// The site information once loaded (tracked).
    pub fn get(self) -> Option<SiteInfo> {
        self.0.get().flatten()
    }
}

/// Starts loading the site information and provides it to the whole app.
pub fn provide_site_info() {
    let resource = LocalResource::new(|| async { api::site_info().await.ok() });
    provide_context(SiteInfoResource(resource));
}

pub fn use_site_info() -> SiteInfoResource {
    expect_context::<SiteInfoResource>()
}
