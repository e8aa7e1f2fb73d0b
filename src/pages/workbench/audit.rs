use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use portal_domain::api::staff::AuditPage as AuditList;

use super::guard::{Guard, StaffProblem};
use super::list_table::list_table;
use super::page_table::StaffPage;
use super::texts::*;
use super::use_staff_title;
use crate::api;
use crate::components::loading::Loading;
use crate::prefs::use_prefs;

/// `/staff/audit?page=&actor=&target_type=&target_id=`: the audit log, newest first, for
/// administrators, filtered by person and by record.
#[component]
pub fn AuditPage() -> impl IntoView {
    use_staff_title(|t| t.audit_heading);
    view! {
        <Guard page=StaffPage::Audit>
            <Audit/>
        </Guard>
    }
}

/// The filters of the log by name, in the order of the form and the query string.
const FILTERS: [(&str, Tr); 3] = [
    ("actor", |t| t.audit_filter_actor),
    ("target_type", |t| t.audit_filter_type),
    ("target_id", |t| t.audit_filter_id),
];

/// `actor=…&target_type=…` of the filters that have a value.
fn filter_query(values: &[String; 3]) -> String {
    FILTERS
        .iter()
        .zip(values)
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|((name, _), v)| format!("{name}={}", portal_domain::api::percent_encode(v.trim())))
        .collect::<Vec<_>>()
        .join("&")
}

#[component]
fn Audit() -> impl IntoView {
    let prefs = use_prefs();
    let query = use_query_map();
    let navigate = use_navigate();
    let page = Memo::new(move |_| {
        query.with(|q| {
            q.get("page")
                .and_then(|p| p.parse::<u32>().ok())
                .unwrap_or(1)
                .max(1)
        })
    });
    let asked = Memo::new(move |_| {
        query.with(|q| FILTERS.map(|(name, _)| q.get(name).unwrap_or_default()))
    });
    let fields: [RwSignal<String>; 3] = std::array::from_fn(|_| RwSignal::new(String::new()));
    // The form follows the address.
    Effect::new(move |_| {
        let values = asked.get();
        for (field, value) in fields.iter().zip(values) {
            field.set(value);
        }
    });
    let log = LocalResource::new(move || {
        let (page, filters) = (page.get(), filter_query(&asked.get()));
        async move { api::staff_audit(page, &filters, prefs.lang.get_untracked()).await }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let values = fields.map(|f| f.get_untracked());
        navigate(
            &format!("/staff/audit?{}", filter_query(&values)),
            Default::default(),
        );
    };
    let filtered = move || asked.with(|values| values.iter().any(|v| !v.trim().is_empty()));
    let inputs = FILTERS
        .iter()
        .zip(fields)
        .map(|((name, label), field)| {
            let id = format!("audit-{name}");
            view! {
                <div class="form-group">
                    <label class="label" for=id.clone()>{tr(*label)}</label>
                    <input id=id class="input" type="text" autocomplete="off"
                        prop:value=move || field.get()
                        on:input=move |ev| field.set(event_target_value(&ev))/>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="container page">
            <h1 tabindex="-1">{tr(|t| t.audit_heading)}</h1>
            <p class="lead">{tr(|t| t.audit_lead)}</p>
            <form class="staff-filters" novalidate on:submit=on_submit>
                {inputs}
                <div class="button-row">
                    <button type="submit" class="button">{tr(|t| t.show)}</button>
                    <A href="/staff/audit" attr:class="button button--secondary">{tr(|t| t.clear_filters)}</A>
                </div>
            </form>
            {move || match log.get() {
                None => view! { <Loading label=Signal::derive(tr(|t| t.loading))/> }.into_any(),
                Some(Ok(list)) => {
                    let filters = filter_query(&asked.get_untracked());
                    view! { <AuditTable list=list filters=filters filtered=filtered()/> }.into_any()
                }
                Some(Err(error)) => view! { <StaffProblem error=error on_retry=move |_| log.refetch()/> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn AuditTable(list: AuditList, filters: String, filtered: bool) -> impl IntoView {
    let prefs = use_prefs();
    if list.items.is_empty() {
        let empty: Tr = if filtered {
            |t| t.audit_filter_none
        } else {
            |t| t.audit_empty
        };
        return view! { <p class="empty-state">{tr(empty)}</p> }.into_any();
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
                        None => view! { <span>{tr(|t| t.system)}</span> }.into_any(),
                    }}</td>
                    <td><code>{e.action}</code></td>
                    <td>{target}</td>
                    <td>{e.summary}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        {list_table(
            "audit-caption",
            view! { <caption id="audit-caption">{move || workbench_texts(prefs.lang.get()).page_of(page, pages)}</caption> },
            &[|t| t.col_time, |t| t.col_actor, |t| t.col_action, |t| t.col_target, |t| t.col_summary],
            rows,
        )}
        {(pages > 1).then(|| view! {
            <nav class="pagination" aria-label=move || workbench_texts(prefs.lang.get()).page_of(page, pages)>
                {(page > 1).then(|| view! { <A href=format!("/staff/audit?page={}&{filters}", page - 1) attr:class="button button--secondary">{tr(|t| t.previous)}</A> })}
                {(page < pages).then(|| view! { <A href=format!("/staff/audit?page={}&{filters}", page + 1) attr:class="button button--secondary">{tr(|t| t.next)}</A> })}
            </nav>
        })}
    }
    .into_any()
}
