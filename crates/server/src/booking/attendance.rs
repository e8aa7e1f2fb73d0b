//! A booking's attendance (checked in, or not attended), written the same way by the desk
//! (`crate::staff::desk`) and by the person at a kiosk (`super::check_in`).

use portal_domain::api::staff::Attendance;
use sqlx::AnyConnection;

use crate::audit::audit;

/// Records `attendance` of booking `id` at `now`, with its audit entry: by a member of staff
/// (`actor`) at the desk, or by the person at the kiosk (`None`, `summary` saying so). The one
/// write of attendance, on the caller's transaction.
pub(crate) async fn write_attendance(
    conn: &mut AnyConnection,
    id: i64,
    attendance: Attendance,
    actor: Option<i64>,
    summary: &str,
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE bookings SET attendance = $1, attendance_at = $2 WHERE id = $3")
        .bind(attendance.code())
        .bind(now)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    let action = match attendance {
        Attendance::CheckedIn => "booking.check_in",
        Attendance::NoShow => "booking.no_show",
    };
    audit(
        conn,
        actor,
        action,
        ("booking", Some(&id.to_string())),
        summary,
        now,
    )
    .await
}
