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

/// The booking found by reference and mobile number, kept in memory only (never stored: the
/// mobile number is personal data) while its holder changes or cancels it. A reload asks for
/// the reference and number again.
#[derive(Clone, Copy)]
pub struct FoundBooking(pub RwSignal<Option<(LookupRequest, Shown)>>);

impl FoundBooking {
    pub fn new() -> FoundBooking {
        FoundBooking(RwSignal::new(None))
    }
}

pub fn use_found() -> FoundBooking {
    expect_context::<FoundBooking>()
}
