//! The notices' table (`notices`): every query and the mapping of a row to the public and the
//! staff views, for the public route (`super`) and the administrators' (`crate::staff::notices`).

use portal_domain::api::notices::{CheckedNotice, Notice, NoticeLevel, NoticeState, StaffNotice};
use portal_domain::calendar::Date;
use portal_domain::time::format_shanghai;
use sqlx::{AnyConnection, AnyPool, Row};

use crate::db::AnyQuery;
use crate::error::ApiError;

#[derive(Debug, sqlx::FromRow)]
pub(crate) struct NoticeRow {
    id: i64,
    level: String,
    title_zh: String,
    title_en: String,
    body_zh: String,
    body_en: String,
    starts_on: String,
    ends_on: Option<String>,
    pub(crate) withdrawn_at: Option<i64>,
    updated_at: i64,
    updated_by: Option<String>,
}

const SELECT: &str = "SELECT n.id, n.level, n.title_zh, n.title_en, n.body_zh, n.body_en, \
     n.starts_on, n.ends_on, n.withdrawn_at, n.updated_at, a.username AS updated_by \
     FROM notices n LEFT JOIN staff_accounts a ON a.id = n.updated_by";

impl NoticeRow {
    pub(crate) fn notice(&self) -> Result<Notice, ApiError> {
        let bad =
            |what: &str| ApiError::Internal(anyhow::anyhow!("notice {} has a bad {what}", self.id));
        Ok(Notice {
            id: self.id,
            level: NoticeLevel::from_code(&self.level).ok_or_else(|| bad("level"))?,
            title_zh: self.title_zh.clone(),
            title_en: self.title_en.clone(),
            body_zh: self.body_zh.clone(),
            body_en: self.body_en.clone(),
            starts_on: Date::parse(&self.starts_on).map_err(|_| bad("first day"))?,
            ends_on: match &self.ends_on {
                Some(d) => Some(Date::parse(d).map_err(|_| bad("last day"))?),
                None => None,
            },
        })
    }

    pub(crate) fn staff_view(&self, today: Date) -> Result<StaffNotice, ApiError> {
        let notice = self.notice()?;
        Ok(StaffNotice {
            state: NoticeState::on(
                today,
                notice.starts_on,
                notice.ends_on,
                self.withdrawn_at.is_some(),
            ),
            notice,
            updated_at: format_shanghai(self.updated_at),
            updated_by: self.updated_by.clone(),
        })
    }
}

/// The notices in force on `today`: important first, then the newest.
pub(crate) async fn in_force(db: &AnyPool, today: Date) -> Result<Vec<NoticeRow>, ApiError> {
    Ok(sqlx::query_as(&format!(
        "{SELECT} WHERE n.withdrawn_at IS NULL AND n.starts_on <= $1 \
         AND (n.ends_on IS NULL OR n.ends_on >= $1) \
         ORDER BY n.level = 'important' DESC, n.starts_on DESC, n.id DESC"
    ))
    .bind(today.to_string())
    .fetch_all(db)
    .await?)
}

/// Every notice: shown and scheduled first, then the others; newest first.
pub(crate) async fn all(db: &AnyPool, today: Date) -> Result<Vec<NoticeRow>, ApiError> {
    Ok(sqlx::query_as(&format!(
        "{SELECT} ORDER BY n.withdrawn_at IS NOT NULL, \
         (n.ends_on IS NOT NULL AND n.ends_on < $1), n.starts_on DESC, n.id DESC"
    ))
    .bind(today.to_string())
    .fetch_all(db)
    .await?)
}

/// One notice; 404 when there is none with this id.
pub(crate) async fn row(conn: &mut AnyConnection, id: i64) -> Result<NoticeRow, ApiError> {
    sqlx::query_as(&format!("{SELECT} WHERE n.id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(ApiError::NotFound)
}

/// Binds the notice's columns in the order both writes name them: level, the titles and
/// bodies, the first and last day.
fn bind_notice<'q>(query: AnyQuery<'q>, n: &'q CheckedNotice) -> AnyQuery<'q> {
    query
        .bind(n.level.code())
        .bind(&n.title_zh)
        .bind(&n.title_en)
        .bind(&n.body_zh)
        .bind(&n.body_en)
        .bind(n.starts_on.to_string())
        .bind(n.ends_on.map(|d| d.to_string()))
}

/// Stores a new notice; its id.
pub(crate) async fn insert(
    conn: &mut AnyConnection,
    n: &CheckedNotice,
    by: i64,
    now: i64,
) -> sqlx::Result<i64> {
    let query = sqlx::query(
        "INSERT INTO notices (level, title_zh, title_en, body_zh, body_en, starts_on, ends_on, \
         created_at, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    );
    bind_notice(query, n)
        .bind(now)
        .bind(now)
        .bind(by)
        .fetch_one(&mut *conn)
        .await?
        .try_get("id")
}

/// Replaces a notice's texts, level and days; whether there was one with this id.
pub(crate) async fn update(
    conn: &mut AnyConnection,
    id: i64,
    n: &CheckedNotice,
    by: i64,
    now: i64,
) -> sqlx::Result<bool> {
    let query = sqlx::query(
        "UPDATE notices SET level = $1, title_zh = $2, title_en = $3, body_zh = $4, body_en = $5, \
         starts_on = $6, ends_on = $7, updated_at = $8, updated_by = $9 WHERE id = $10",
    );
    let changed = bind_notice(query, n)
        .bind(now)
        .bind(by)
        .bind(id)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    Ok(changed > 0)
}

/// Marks a notice withdrawn.
pub(crate) async fn withdraw(
    conn: &mut AnyConnection,
    id: i64,
    by: i64,
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE notices SET withdrawn_at = $1, updated_at = $2, updated_by = $3 WHERE id = $4",
    )
    .bind(now)
    .bind(now)
    .bind(by)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
