//! Lookups by reference + mobile number (a booking's and an assistance request's): the one path
//! through the limit on failed lookups they share (`AppState::lookups`, see `crate::limit` and
//! the `booking` module on the rules). A refused lookup is answered before the row is looked
//! for; one that finds nothing counts; one that finds its row, or fails, does not.

use std::future::Future;

use crate::client_ip::ClientIp;
use crate::error::ApiError;
use crate::limit::{Limited, WINDOW_SECS};
use crate::AppState;

/// Runs `find` for `key` (the reference, in the service's own key space) unless the limit is
/// reached (then the 429 `refused` makes); `Ok(None)` from `find` is the 404 that counts.
/// `service` names the lookup in the log line written when a limit is reached (never the key,
/// the number or the address).
pub(crate) async fn limited<T>(
    state: &AppState,
    client: &ClientIp,
    key: &str,
    now: i64,
    refused: fn(Limited) -> ApiError,
    service: &str,
    find: impl Future<Output = Result<Option<T>, ApiError>>,
) -> Result<T, ApiError> {
    let attempt = state
        .lookups
        .begin(key, client.0, now)
        .await?
        .map_err(refused)?;
    match find.await {
        Ok(Some(found)) => {
            state.lookups.forgive(attempt).await?;
            Ok(found)
        }
        Ok(None) => {
            for rule in attempt.reached() {
                tracing::warn!(
                    rule = rule.as_str(),
                    window_secs = WINDOW_SECS,
                    "{service} lookup limit reached: lookups by reference are refused for a while"
                );
            }
            Err(ApiError::NotFound)
        }
        Err(e) => {
            state.lookups.forgive(attempt).await?;
            Err(e)
        }
    }
}
