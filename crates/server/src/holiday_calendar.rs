//! The official working-day calendar as the server builds it: the seed file
//! `data/seed/cn_public_holidays.json` compiled into the binary, with the years administrators
//! published (`holiday_years`, see `crate::staff::admin`) laid over it. Built at start-up for
//! `AppState::holiday_calendar` and again by every publication: on the replica that published
//! it at once, and on every other replica of the same database within a second ([`follow`]).

use anyhow::Context;
use portal_domain::calendar::{CalendarFile, Date, HolidayCalendar, HolidayRange, YearEntry};
use std::sync::Arc;
use std::time::Duration;

use sqlx::{AnyConnection, AnyPool};

use crate::SharedCalendar;

const CALENDAR_JSON: &str = include_str!("../../../data/seed/cn_public_holidays.json");

/// The official working-day calendar file compiled into the binary; administrators publish
/// further years into the database ([`load_calendar`] merges them).
pub fn seed_calendar_file() -> anyhow::Result<CalendarFile> {
    serde_json::from_str(CALENDAR_JSON).context("data/seed/cn_public_holidays.json")
}

#[derive(sqlx::FromRow)]
pub(crate) struct YearRow {
    pub(crate) year: i64,
    pub(crate) source_title: String,
    pub(crate) source_url: String,
    pub(crate) holidays: String,
    pub(crate) working_days: String,
    pub(crate) published_at: i64,
    pub(crate) published_by: Option<String>,
}

impl YearRow {
    pub(crate) fn days(&self) -> anyhow::Result<(Vec<HolidayRange>, Vec<Date>)> {
        let holidays = serde_json::from_str(&self.holidays)
            .with_context(|| format!("holiday_years {}: holidays", self.year))?;
        let working_days = serde_json::from_str(&self.working_days)
            .with_context(|| format!("holiday_years {}: working_days", self.year))?;
        Ok((holidays, working_days))
    }
}

/// The years administrators published, oldest first.
pub(crate) async fn year_rows(conn: &mut AnyConnection) -> sqlx::Result<Vec<YearRow>> {
    sqlx::query_as(
        "SELECT y.year, y.source_title, y.source_url, y.holidays, y.working_days, \
         y.published_at, a.username AS published_by \
         FROM holiday_years y LEFT JOIN staff_accounts a ON a.id = y.published_by ORDER BY y.year",
    )
    .fetch_all(&mut *conn)
    .await
}

/// The seed file with the database's years laid over it, checked as a whole.
pub(crate) async fn build_calendar(conn: &mut AnyConnection) -> anyhow::Result<HolidayCalendar> {
    let mut file: CalendarFile = seed_calendar_file()?;
    for row in year_rows(conn).await? {
        let (holidays, working_days) = row.days()?;
        file.years.insert(
            format!("{:04}", row.year),
            YearEntry {
                source: row.source_title,
                holidays,
                working_days,
            },
        );
    }
    HolidayCalendar::from_file(file)
        .map_err(|e| anyhow::anyhow!("the holiday calendar (seed file + holiday_years): {e}"))
}

/// The calendar as the database has it (at start-up).
pub async fn load_calendar(db: &AnyPool) -> anyhow::Result<HolidayCalendar> {
    let mut conn = db.acquire().await?;
    build_calendar(&mut conn).await
}

/// What the published years are now, cheaply: how many, and the sum of their publication times
/// (a year published again is published later). Changes with every publication.
async fn published_mark(db: &AnyPool) -> sqlx::Result<(i64, i64)> {
    sqlx::query_as(
        "SELECT COUNT(*), CAST(COALESCE(SUM(published_at), 0) AS BIGINT) FROM holiday_years",
    )
    .fetch_one(db)
    .await
}

/// How often a replica looks for years another one published.
const FOLLOW_EVERY: Duration = Duration::from_millis(500);

/// Keeps `calendar` in step with the database for as long as the server runs: another process
/// on the same database (a second replica) may publish a year, and this one must count working
/// days with it within a second, not at its next restart. A failed look is logged and tried
/// again at the next tick; the calendar in use stays as it was.
pub async fn follow(db: AnyPool, calendar: Arc<SharedCalendar>) -> anyhow::Result<()> {
    let mut seen = published_mark(&db).await?;
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(FOLLOW_EVERY);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            let mark = match published_mark(&db).await {
                Ok(mark) if mark == seen => continue,
                Ok(mark) => mark,
                Err(e) => {
                    tracing::warn!(error = %e, "cannot look for newly published holiday years");
                    continue;
                }
            };
            match load_calendar(&db).await {
                Ok(newer) => {
                    calendar.replace(newer);
                    seen = mark;
                    tracing::info!("holiday calendar reloaded: a year was published");
                }
                Err(e) => tracing::warn!(error = %e, "cannot reload the holiday calendar"),
            }
        }
    });
    Ok(())
}
