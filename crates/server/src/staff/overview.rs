//! The overview (counts, deadlines at risk, bookings ahead) and the audit log.

use axum::extract::State;
use axum::Json;
use portal_domain::api::assistance::RequestStatus;
use portal_domain::api::booking::NamedRef;
use portal_domain::api::center_overview::CenterOverview;
use portal_domain::api::staff::{
    AuditEntry, AuditPage, DayCount, Overview, Role, StatusCount, AT_RISK_WORKING_DAYS,
    OVERVIEW_BOOKING_DAYS,
};
use portal_domain::paths;
use portal_domain::time::format_shanghai;
use serde::Deserialize;

use super::cases::summaries;
use super::paging::PageParams;
use super::user::Staff;
use crate::error::ApiError;
use crate::extract::Query;
use crate::AppState;

/// Cases by status, the open cases whose deadline is near or past, bookings per day for the
/// next 14 days, the service ratings (per level, bad ones awaiting a reply) and, for
/// administrators, the pre-examination numbers.
#[utoipa::path(get, path = paths::STAFF_OVERVIEW, tag = "staff",
    operation_id = "staff_overview",
    responses(
        (status = 200, description = "The overview", body = CenterOverview),
        crate::refusals::StaffSignedIn,
        (status = 403, description = "`staff.forbidden`: administrators and case handlers",
            body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn overview(
    State(state): State<AppState>,
    Staff(user): Staff,
) -> Result<Json<CenterOverview>, ApiError> {
    let today = state.today()?;
    let mut conn = state.db.acquire().await?;
    let counts: Vec<(String, i64)> =
        sqlx::query_as("SELECT status, COUNT(*) FROM assistance_requests GROUP BY status")
            .fetch_all(&mut *conn)
            .await?;
    let cases_by_status = RequestStatus::ALL
        .iter()
        .filter(|status| status.is_case_status())
        .map(|status| StatusCount {
            status: *status,
            count: counts
                .iter()
                .find(|(code, _)| code == status.code())
                .map_or(0, |(_, n)| (*n).max(0) as u32),
        })
        .collect();
    let mut deadlines_at_risk: Vec<_> = summaries(
        &state,
        &mut conn,
        "r.status NOT IN ('rejected', 'concluded', 'withdrawn')",
        &[],
    )
    .await?
    .into_iter()
    .filter(|c| {
        c.overdue
            || c.working_days_left
                .is_some_and(|n| n <= AT_RISK_WORKING_DAYS)
    })
    .collect();
    deadlines_at_risk.sort_by_key(|c| (c.working_days_left.unwrap_or(i32::MIN), c.id));
    let last = today.add_days(OVERVIEW_BOOKING_DAYS - 1);
    let per_day: Vec<(String, i64)> = sqlx::query_as(
        "SELECT date, COUNT(*) FROM bookings WHERE status = 'confirmed' \
         AND date BETWEEN $1 AND $2 GROUP BY date",
    )
    .bind(today.to_string())
    .bind(last.to_string())
    .fetch_all(&mut *conn)
    .await?;
    let bookings_per_day = (0..OVERVIEW_BOOKING_DAYS)
        .map(|i| {
            let date = today.add_days(i);
            DayCount {
                date,
                bookings: per_day
                    .iter()
                    .find(|(d, _)| *d == date.to_string())
                    .map_or(0, |(_, n)| (*n).max(0) as u32),
            }
        })
        .collect();
    let ratings = super::ratings::counts(&mut conn).await?;
    let venues_missing_contacts = sqlx::query_as::<_, (String, String, String)>(
        "SELECT id, name_zh, name_en FROM venues WHERE address IS NULL OR phone IS NULL \
         OR opening_hours IS NULL ORDER BY sort_order, id",
    )
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|(id, name_zh, name_en)| NamedRef {
        id,
        name_zh,
        name_en,
    })
    .collect();
    let pre_exams = if user.has(Role::Administrator) {
        Some(crate::firms::pre_exam::stats::stats(&mut conn, &state, None).await?)
    } else {
        None
    };
    let overview = Overview {
        today,
        cases_by_status,
        deadlines_at_risk,
        bookings_per_day,
        ratings,
        holidays_due: state.calendar().year_due(today),
        venues_missing_contacts,
    };
    Ok(Json(CenterOverview {
        overview,
        pre_exams,
    }))
}

#[derive(sqlx::FromRow)]
struct AuditRow {
    id: i64,
    at: i64,
    actor: Option<String>,
    action: String,
    target_type: String,
    target_id: Option<String>,
    summary: String,
}

/// `?page=&per_page=&actor=&target_type=&target_id=` of the audit log: the filters are exact
/// matches, and absent or empty ones do not filter.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditParams {
    /// From 1 (default 1).
    pub page: Option<u32>,
    /// 1–200 (default 50).
    pub per_page: Option<u32>,
    /// Only what this member of staff did or saw (a username).
    pub actor: Option<String>,
    /// Only entries about this kind of record (`case`, `case_file`, `booking`, `account`, …).
    pub target_type: Option<String>,
    /// Only entries about this record (its id as the log shows it).
    pub target_id: Option<String>,
}

/// A filter's value, `None` when absent or blank.
fn filter(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// The audit log, newest first: who changed and who saw what, and failed logins.
#[utoipa::path(get, path = paths::STAFF_AUDIT, tag = "staff",
    operation_id = "staff_audit_log", params(AuditParams),
    responses(
        (status = 200, description = "One page of the log", body = AuditPage),
        crate::refusals::StaffAdministrators,
    ))]
pub async fn audit_log(
    State(state): State<AppState>,
    Query(params): Query<AuditParams>,
) -> Result<Json<AuditPage>, ApiError> {
    let (page, per_page, offset) = PageParams {
        page: params.page,
        per_page: params.per_page,
    }
    .resolve();
    let (actor, target_type, target_id) = (
        filter(&params.actor),
        filter(&params.target_type),
        filter(&params.target_id),
    );
    const WHERE: &str = "FROM staff_audit l LEFT JOIN staff_accounts a ON a.id = l.actor_id \
         WHERE ($1 IS NULL OR a.username = $1) AND ($2 IS NULL OR l.target_type = $2) \
         AND ($3 IS NULL OR l.target_id = $3)";
    let mut conn = state.db.acquire().await?;
    let total: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) {WHERE}"))
        .bind(actor)
        .bind(target_type)
        .bind(target_id)
        .fetch_one(&mut *conn)
        .await?;
    let rows: Vec<AuditRow> = sqlx::query_as(&format!(
        "SELECT l.id, l.at, a.username AS actor, l.action, l.target_type, l.target_id, \
         l.summary {WHERE} ORDER BY l.at DESC, l.id DESC LIMIT $4 OFFSET $5"
    ))
    .bind(actor)
    .bind(target_type)
    .bind(target_id)
    .bind(i64::from(per_page))
    .bind(i64::from(offset))
    .fetch_all(&mut *conn)
    .await?;
    Ok(Json(AuditPage {
        items: rows
            .into_iter()
            .map(|r| AuditEntry {
                id: r.id,
                at: format_shanghai(r.at),
                actor: r.actor,
                action: r.action,
                target_type: r.target_type,
                target_id: r.target_id,
                summary: r.summary,
            })
            .collect(),
        total: total.max(0) as u32,
        page,
        per_page,
    }))
}
