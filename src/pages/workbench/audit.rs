use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use portal_domain::api::staff::{AuditPage as AuditList, Role};

use super::auth::{Guard, StaffProblem};
use super::texts::*;
use super::use_staff_title;
use crate::api;
use crate::components::loading::Loading;
use crate::prefs::use_prefs;

/// `/staff/audit?page=`: the audit log, newest first, for administrators.
#[component]
pub fn AuditPage() -> impl IntoView {
    use_staff_title(AUDIT_HEADING);
    view! {
        <Guard roles=&[Role::Administrator]>
            <Audit/>
        </Guard>
    }
}

#[component]
fn Audit() -> impl IntoView {
    let prefs = use_prefs();
    let query = use_query_map();
    let page = Memo::new(move |_| {
        query.with(|q| {
            q.get("page")
                .and_then(|p| p.parse::<u32>().ok())
                .unwrap_or(1)
                .max(1)
        })
    });
    let log = LocalResource::new(move || {
        let page = page.get();
        async move { api::staff_audit(page, prefs.lang.get_untracked()).await }
    });
    view! {
        <div class="container page">
            <h1 tabindex="-1">{tr(AUDIT_HEADING)}</h1>
            <p class="lead">{tr(AUDIT_LEAD)}</p>
            {move || match log.get() {
                None => view! { <Loading label=Signal::derive(tr(LOADING))/> }.into_any(),
                Some(Ok(list)) => view! { <AuditTable list=list/> }.into_any(),
                Some(Err(error)) => view! { <StaffProblem error=error on_retry=move |_| log.refetch()/> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn AuditTable(list: AuditList) -> impl IntoView {
    let prefs = use_prefs();
    if list.items.is_empty() {
        return view! { <p class="empty-state">{tr(AUDIT_EMPTY)}</p> }.into_any();
    }
    let page = list.page;
    let pages = list.total.div_ceil(list.per_page.max(1)).max(1);
    let rows = list
        .items
        .into_iter()
        .map(|e| {
            let target = match &e.target_id {
                Some(id) => format!("{} {id}", e.target_type),
                None => e.target_type.clone(),
            };
            view! {
                <tr>
                    <td>{short_time(&e.at)}</td>
                    <td>{match e.actor {
                        Some(a) => view! { <span>{a}</span> }.into_any(),
                        None => view! { <span>{tr(SYSTEM)}</span> }.into_any(),
                    }}</td>
                    <td><code>{e.action}</code></td>
                    <td>{target}</td>
                    <td>{e.summary}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="staff-scroll-hint">{tr(TABLE_SCROLL_HINT)}</p>
        <div class="table-scroll" role="region" aria-labelledby="audit-caption" tabindex="0">
            <table class="staff-table">
                <caption id="audit-caption">{move || page_of(prefs.lang.get(), page, pages)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr(COL_TIME)}</th>
                        <th scope="col">{tr(COL_ACTOR)}</th>
                        <th scope="col">{tr(COL_ACTION)}</th>
                        <th scope="col">{tr(COL_TARGET)}</th>
                        <th scope="col">{tr(COL_SUMMARY)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {(pages > 1).then(|| view! {
            <nav class="pagination" aria-label=move || page_of(prefs.lang.get(), page, pages)>
                {(page > 1).then(|| view! { <A href=format!("/staff/audit?page={}", page - 1) attr:class="button button--secondary">{tr(PREVIOUS)}</A> })}
                {(page < pages).then(|| view! { <A href=format!("/staff/audit?page={}", page + 1) attr:class="button button--secondary">{tr(NEXT)}</A> })}
            </nav>
        })}
    }
    .into_any()
}
