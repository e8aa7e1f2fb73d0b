//! The pre-examination numbers, for the center (the staff overview) and for one firm (its
//! numbers page): one store query for the submitted requests, handed to the domain's
//! `pre_exam_stats`, which does all the counting.

use portal_domain::api::firm::pre_exam::{
    pre_exam_stats, Examination, PreExamRequest, PreExamStats, Quota, StatsRow,
};
use sqlx::AnyConnection;

use super::store;
use crate::error::ApiError;
use crate::AppState;

/// The numbers of every submitted request (`firm`: of that firm only, and no quota list: the
/// firm has its own quota). The center's list of firms near their quota counts the firms that
/// submitted this year.
pub(crate) async fn stats(
    conn: &mut AnyConnection,
    state: &AppState,
    firm: Option<i64>,
) -> Result<PreExamStats, ApiError> {
    let today = state.today()?;
    let stored = store::submitted_for_stats(conn, firm).await?;
    let rows: Vec<StatsRow> = stored
        .iter()
        .filter_map(|(_, _, request, examination)| {
            // Written by this server from the same types, so they read back.
            let request: PreExamRequest = serde_json::from_str(request.as_deref()?).ok()?;
            let examination: Examination = serde_json::from_str(examination.as_deref()?).ok()?;
            Some(StatsRow {
                field: request.field,
                venue: request.venue,
                examination,
            })
        })
        .collect();
    let mut quotas: Vec<(String, Quota)> = Vec::new();
    if firm.is_none() {
        let settings = store::settings(conn).await?;
        let mut firms: Vec<(i64, &String)> = stored.iter().map(|(id, n, _, _)| (*id, n)).collect();
        firms.sort();
        firms.dedup();
        for (id, name) in firms {
            let quota = store::quota(conn, id, today.year(), &settings).await?;
            quotas.push((name.clone(), quota));
        }
    }
    let fields = crate::firms::registration::store::settings(conn)
        .await?
        .fields;
    Ok(pre_exam_stats(
        &rows,
        &fields,
        &quotas,
        today,
        &state.calendar(),
    ))
}
