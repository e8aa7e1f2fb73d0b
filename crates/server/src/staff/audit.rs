//! Reads of personal data in full by staff, in the audit log (`staff_audit`; see the `staff`
//! module documentation). Changes are written by `crate::audit::audit`.

use axum::response::Response;
use portal_domain::api::files::FileKind;

use super::user::StaffUser;
use crate::audit::audit;
use crate::error::ApiError;
use crate::files::{self, FileAsked};
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

/// A file a member of staff opens (evidence, a registration's material, a request's document):
/// the view goes to the audit log as `action` on `(target, "{owner}/{file}")`, then the file
/// itself with its real type, inline unless `download=1`.
pub(crate) async fn serve_viewed(
    state: &AppState,
    user: &StaffUser,
    (action, target): (&str, &str),
    asked: FileAsked,
    (name, kind, content): (&str, FileKind, Vec<u8>),
) -> Result<Response, ApiError> {
    let FileAsked { ids, download } = asked;
    let owner_file = format!("{}/{}", ids.id, ids.file_id);
    audit_read(state, user, action, (target, Some(&owner_file))).await?;
    files::serve(name, kind, content, download)
}
