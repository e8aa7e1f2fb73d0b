//! Reads of personal data in full by staff, in the audit log (`staff_audit`; see the `staff`
//! module documentation). Changes are written by `crate::audit::audit`.

use super::user::StaffUser;
use crate::audit::audit;
use crate::error::ApiError;
use crate::AppState;

/// A member of staff was shown personal data in full (a case, an evidence file, the desk's
/// bookings): who, what and when go to the audit log, never the data itself. Written on its own
/// connection: a read has no transaction.
pub(crate) async fn audit_read(
    state: &AppState,
    user: &StaffUser,
    action: &str,
    target: (&str, Option<&str>),
) -> Result<(), ApiError> {
    let mut conn = state.db.acquire().await?;
    audit(
        &mut conn,
        Some(user.account_id),
        action,
        target,
        "viewed in full",
        state.clock.now(),
    )
    .await?;
    Ok(())
}
