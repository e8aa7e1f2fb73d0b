//! The booking being filled in, shared by the question pages and kept in the tab's
//! sessionStorage, so a reload (or a phone that drops the page) loses nothing. sessionStorage,
//! not localStorage: it ends with the tab, so a shared device does not keep someone's details.

use leptos::prelude::*;
use portal_domain::api::booking::BookingRequest;
use serde::{Deserialize, Serialize};

const DRAFT_KEY: &str = "booking.draft";

/// The question pages in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Topic,
    Venue,
    Date,
    Time,
    Details,
    Check,
}

impl Step {
    pub const QUESTIONS: u8 = 5;

    pub fn href(self) -> &'static str {
        match self {
            Step::Topic => "/booking/topic",
            Step::Venue => "/booking/venue",
            Step::Date => "/booking/date",
            Step::Time => "/booking/time",
            Step::Details => "/booking/details",
            Step::Check => "/booking/check",
        }
    }

    /// 1-based position among the questions (the check page is not one).
    pub fn number(self) -> u8 {
        match self {
            Step::Topic => 1,
            Step::Venue => 2,
            Step::Date => 3,
            Step::Time => 4,
            Step::Details => 5,
            Step::Check => 6,
        }
    }

    pub fn previous(self) -> Option<Step> {
        match self {
            Step::Topic => None,
            Step::Venue => Some(Step::Topic),
            Step::Date => Some(Step::Venue),
            Step::Time => Some(Step::Date),
            Step::Details => Some(Step::Time),
            Step::Check => Some(Step::Details),
        }
    }
}

/// What is saved between pages and reloads.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    pub request: BookingRequest,
    /// Set when the details page was completed (its fields are optional, so their being empty
    /// does not say whether it was answered).
    pub details_done: bool,
    /// The idempotency key of the last submit and the body it was sent with: sending the same
    /// body again (a retry, a reload after a lost answer) reuses the key, so the server answers
    /// with the booking it already made instead of making a second one.
    pub sent: Option<(String, String)>,
}

impl Draft {
    fn blank(value: &Option<String>) -> bool {
        value.as_deref().is_none_or(|v| v.trim().is_empty())
    }

    /// The first question not answered yet; `Check` when all are.
    pub fn first_missing(&self) -> Step {
        let r = &self.request;
        if Self::blank(&r.topic) {
            Step::Topic
        } else if Self::blank(&r.venue) {
            Step::Venue
        } else if Self::blank(&r.date) {
            Step::Date
        } else if Self::blank(&r.time) {
            Step::Time
        } else if !self.details_done {
            Step::Details
        } else {
            Step::Check
        }
    }

    pub fn is_empty(&self) -> bool {
        self.request == BookingRequest::default()
    }

    /// The idempotency key for sending the request as it is now.
    pub fn key_for_sending(&mut self) -> String {
        let body = serde_json::to_string(&self.request).unwrap_or_default();
        match &self.sent {
            Some((key, sent)) if *sent == body => key.clone(),
            _ => {
                let key = new_key();
                self.sent = Some((key.clone(), body));
                key
            }
        }
    }
}

fn new_key() -> String {
    crate::api::new_idempotency_key()
}

/// The draft, provided to all booking pages by [`provide_draft`].
#[derive(Clone, Copy)]
pub struct DraftStore(pub RwSignal<Draft>);

impl DraftStore {
    pub fn get_untracked_first_missing(&self) -> Step {
        self.0.with_untracked(Draft::first_missing)
    }

    pub fn update(&self, f: impl FnOnce(&mut Draft)) {
        self.0.update(f);
    }

    /// Forgets everything (after a booking is made). The saved copy goes at once, not only when
    /// the effect below runs: the booking's page is another app, loaded right after this.
    pub fn clear(&self) {
        self.0.set(Draft::default());
        if let Some(storage) = crate::storage::session() {
            let _ = storage.remove_item(DRAFT_KEY);
        }
    }
}

/// Reads the saved draft and saves every change to it.
pub fn provide_draft() -> DraftStore {
    let saved = crate::storage::session()
        .and_then(|s| s.get_item(DRAFT_KEY).ok().flatten())
        .and_then(|json| crate::json::from_str::<Draft>(&json))
        .unwrap_or_default();
    let store = DraftStore(RwSignal::new(saved));
    Effect::new(move |_| {
        let draft = store.0.get();
        if let Some(storage) = crate::storage::session() {
            if draft.is_empty() && draft.sent.is_none() {
                let _ = storage.remove_item(DRAFT_KEY);
            } else if let Ok(json) = serde_json::to_string(&draft) {
                let _ = storage.set_item(DRAFT_KEY, &json);
            }
        }
    });
    provide_context(store);
    store
}

pub fn use_draft() -> DraftStore {
    expect_context::<DraftStore>()
}
