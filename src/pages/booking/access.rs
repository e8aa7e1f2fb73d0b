//! How a booking's page was opened: by its secret manage link, or by reference and mobile
//! number. Changing and cancelling work the same way for both; only the API calls and where to
//! go back to differ.

use leptos::prelude::*;
use portal_domain::api::booking::{LookupRequest, RescheduleRequest};
use portal_domain::Lang;

use super::shown::Shown;
use crate::api::{self, ApiError};

#[derive(Debug, Clone, PartialEq)]
pub enum Access {
    Token(String),
    Found(LookupRequest),
}

impl Access {
    /// The booking's own page.
    pub fn page(&self) -> String {
        match self {
            Access::Token(token) => format!("/booking/manage/{token}"),
            Access::Found(_) => "/booking/find".to_owned(),
        }
    }

    pub async fn reschedule(
        &self,
        slot: &RescheduleRequest,
        lang: Lang,
    ) -> Result<Shown, ApiError> {
        match self {
            Access::Token(token) => api::reschedule_booking(token, slot, lang)
                .await
                .map(Into::into),
            Access::Found(lookup) => api::lookup_reschedule_booking(lookup, slot, lang)
                .await
                .map(Into::into),
        }
    }

    pub async fn cancel(&self, lang: Lang) -> Result<Shown, ApiError> {
        match self {
            Access::Token(token) => api::cancel_booking(token, lang).await.map(Into::into),
            Access::Found(lookup) => api::lookup_cancel_booking(lookup, lang)
                .await
                .map(Into::into),
        }
    }
}

/// The booking found by reference and mobile number, while its holder looks at it, changes or
/// cancels it. Its reference and mobile number are kept in this tab's session storage, like a
/// booking's draft, because changing it is another app (a page load): the booking itself is asked
/// for again there. "Find another booking", the tab's closing and a kiosk's end of session (which
/// clears the session storage) forget them.
#[derive(Clone, Copy)]
pub struct FoundBooking(pub RwSignal<Option<(LookupRequest, Shown)>>);

const FOUND_KEY: &str = "booking-found";

impl FoundBooking {
    pub fn new() -> FoundBooking {
        FoundBooking(RwSignal::new(None))
    }

    /// A booking just found (or changed, or cancelled): shown, and its lookup kept.
    pub fn set(&self, lookup: LookupRequest, shown: Shown) {
        if let (Some(storage), Ok(json)) =
            (crate::storage::session(), serde_json::to_string(&lookup))
        {
            let _ = storage.set_item(FOUND_KEY, &json);
        }
        self.0.set(Some((lookup, shown)));
    }

    /// "Find another booking".
    pub fn forget(&self) {
        if let Some(storage) = crate::storage::session() {
            let _ = storage.remove_item(FOUND_KEY);
        }
        self.0.set(None);
    }

    /// The lookup kept by a page of the other app or before a reload, if any.
    fn kept() -> Option<LookupRequest> {
        let json = crate::storage::session()?
            .get_item(FOUND_KEY)
            .ok()
            .flatten()?;
        crate::json::from_str(&json)
    }
}

pub fn use_found() -> FoundBooking {
    expect_context::<FoundBooking>()
}

/// Draws `page` with the found booking: at once when this app found it, else found again with
/// the kept lookup (a page of the other app, a reload); `none` when there is nothing to find.
#[component]
pub fn WithFound(
    page: fn(LookupRequest, Shown) -> AnyView,
    none: fn() -> AnyView,
) -> impl IntoView {
    let found = use_found();
    if let Some((lookup, shown)) = found.0.get_untracked() {
        return page(lookup, shown);
    }
    let Some(lookup) = FoundBooking::kept() else {
        return none();
    };
    let prefs = crate::prefs::use_prefs();
    let again = LocalResource::new(move || {
        let lookup = lookup.clone();
        async move {
            let summary = api::lookup_booking(&lookup, prefs.lang.get_untracked()).await;
            (lookup, summary)
        }
    });
    view! {
        <Suspense fallback=move || view! {
            <crate::components::loading::Loading label=Signal::derive(super::texts::booking_text(|t| t.loading))/>
        }>
            {move || Suspend::new(async move {
                match again.await {
                    (lookup, Ok(summary)) => {
                        let shown: Shown = summary.into();
                        found.0.set(Some((lookup.clone(), shown.clone())));
                        page(lookup, shown)
                    }
                    // Not found any more (erased, say) or refused: search again.
                    (_, Err(ApiError::NotFound | ApiError::Validation(_))) => {
                        found.forget();
                        none()
                    }
                    (_, Err(error)) => view! {
                        <h1 tabindex="-1">{super::texts::booking_manage_text(|t| t.find_heading)}</h1>
                        <crate::components::error_panel::ErrorPanel error=error on_retry=move |_| again.refetch()/>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}
