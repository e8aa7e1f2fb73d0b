//! The limit per client address on new drafts (see the `assistance` module documentation); the
//! uploaded bytes are limited for every service's uploads together (`crate::files`).

use crate::error::ApiError;
use crate::limit::{ClientBudget, Counts, Limited};

/// New drafts one client address may start within [`LIMIT_WINDOW_SECS`].
pub const NEW_DRAFTS_PER_CLIENT: u64 = 30;
const LIMIT_WINDOW_SECS: i64 = 60 * 60;

/// The limit per client address on new drafts (see the module documentation).
#[derive(Debug)]
pub struct ClientLimits {
    pub(crate) drafts: ClientBudget,
}

impl ClientLimits {
    pub fn new(counts: &Counts) -> Self {
        ClientLimits {
            drafts: ClientBudget::new(
                counts.clone(),
                "assistance_drafts",
                NEW_DRAFTS_PER_CLIENT,
                LIMIT_WINDOW_SECS,
            ),
        }
    }
}

pub(crate) fn drafts_rate_limited(limited: Limited) -> ApiError {
    limited.refusal(code::DRAFTS_RATE_LIMITED, |t, minutes| {
        t.assistance_drafts_rate_limited(minutes)
    })
}

use portal_domain::api::assistance::code;
