//! `/staff/pre-exams`: the pre-examination requests of the officer's venue (issue #15), the
//! earliest due first (the server's order), with the server's filters in the address
//! (`?due=near|overdue&status=…`, so a filtered queue can be bookmarked); working days left or
//! overdue in words, never colour alone.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use portal_domain::api::firm::pre_exam::{PreExamQueue, PreExamStatus};

use super::guard::{loaded, Guard};
use super::list_table::list_table;
use super::page_table::StaffPage;
use super::texts::*;
use super::use_staff_title;
use crate::api;
use crate::dates::{days_aside, short_date};
use crate::prefs::use_prefs;

#[component]
pub fn PreExamsPage() -> impl IntoView {
    use_staff_title(|t| t.pre_exams_heading);
    view! {
        <Guard page=StaffPage::PreExams>
            <PreExamQueue/>
        </Guard>
    }
}

/// The filters as the address and the server's query have them (empty: any).
fn query_of(due: &str, status: &str) -> String {
    [("due", due), ("status", status)]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", portal_domain::api::percent_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

#[component]
fn PreExamQueue() -> impl IntoView {
    let prefs = use_prefs();
    let query = use_query_map();
    let navigate = use_navigate();
    let filters = Memo::new(move |_| {
        query.with(|q| {
            (
                q.get("due").unwrap_or_default(),
                q.get("status").unwrap_or_default(),
            )
        })
    });
    // The form's fields, reset from the address when it changes (back/forward, a link).
    let due = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    Effect::new(move |_| {
        let (d, s) = filters.get();
        due.set(d);
        status.set(s);
    });
    let queue = LocalResource::new(move || {
        let (d, s) = filters.get();
        let query = query_of(&d, &s);
        async move { api::staff_pre_exams(&query, prefs.lang.get_untracked()).await }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let query = query_of(&due.get_untracked(), &status.get_untracked());
        let href = if query.is_empty() {
            "/staff/pre-exams".to_owned()
        } else {
            format!("/staff/pre-exams?{query}")
        };
        navigate(&href, Default::default());
    };
    let due_option = move |value: &'static str, label: Tr| {
        view! { <option value=value selected=move || due.get() == value>{tr(label)}</option> }
    };
    view! {
        <div class="container page">
            <h1 tabindex="-1">{tr(|t| t.pre_exams_heading)}</h1>
            <p class="lead">{tr(|t| t.pre_exams_lead)}</p>
            <form class="staff-filters" novalidate on:submit=on_submit aria-label=tr(|t| t.filters)>
                <div class="form-group">
                    <label class="label" for="due">{tr(|t| t.pre_exams_filter_due)}</label>
                    <select id="due" class="input select" prop:value=move || due.get()
                        on:change=move |ev| due.set(event_target_value(&ev))>
                        {due_option("", |t| t.pre_exams_due_any)}
                        {due_option("near", |t| t.pre_exams_due_near)}
                        {due_option("overdue", |t| t.pre_exams_due_overdue)}
                    </select>
                </div>
                <div class="form-group">
                    <label class="label" for="status">{tr(|t| t.filter_status)}</label>
                    <select id="status" class="input select" prop:value=move || status.get()
                        on:change=move |ev| status.set(event_target_value(&ev))>
                        <option value="" selected=move || status.with(String::is_empty)>{tr(|t| t.status_all)}</option>
                        {PreExamStatus::ALL.iter().map(|s| {
                            let code = s.code();
                            view! {
                                <option value=code selected=move || status.get() == code>
                                    {move || s.label(prefs.lang.get())}
                                </option>
                            }
                        }).collect_view()}
                    </select>
                </div>
                <div class="button-row">
                    <button type="submit" class="button">{tr(|t| t.apply_filters)}</button>
                    {move || (filters.get() != Default::default()).then(|| view! {
                        <A href="/staff/pre-exams" attr:class="button button--secondary">{tr(|t| t.clear_filters)}</A>
                    })}
                </div>
            </form>
            {loaded(queue, |list| view! { <Table list=list/> }.into_any())}
        </div>
    }
}

#[component]
fn Table(list: PreExamQueue) -> impl IntoView {
    let prefs = use_prefs();
    if list.items.is_empty() {
        return view! { <p class="empty-state" role="status">{tr(|t| t.pre_exams_empty)}</p> }
            .into_any();
    }
    let rows = list
        .items
        .into_iter()
        .map(|item| {
            let href = format!("/staff/pre-exams/{}", item.id);
            let (due, left) = (item.due_on, item.days_left);
            let overdue = left.is_some_and(|n| n < 0);
            view! {
                <tr>
                    <td><A href=href>{item.reference.unwrap_or_default()}</A></td>
                    <td>{item.firm_name}</td>
                    <td>{item.title.unwrap_or_default()}</td>
                    <td>{move || item.kind.map(|k| k.label(prefs.lang.get()))}</td>
                    <td>{move || item.venue.map(|v| v.label(prefs.lang.get()))}</td>
                    <td>{move || item.status.map(|s| s.label(prefs.lang.get()))}</td>
                    <td>
                        {move || due.map(|d| short_date(d, prefs.lang.get())).unwrap_or_default()}
                        {move || left.map(|n| days_aside(n, prefs.lang.get()))}
                        {overdue.then(|| view! { " " <strong class="overdue-tag">{tr(|t| t.reg_overdue)}</strong> })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    list_table(
        "pre-exams-caption",
        view! { <caption id="pre-exams-caption" class="visually-hidden">{tr(|t| t.pre_exams_caption)}</caption> },
        &[
            |t| t.reg_col_reference,
            |t| t.reg_col_firm,
            |t| t.pre_exam_title,
            |t| t.reg_col_kind,
            |t| t.pre_exam_venue,
            |t| t.reg_col_status,
            |t| t.reg_col_due,
        ],
        rows,
    )
    .into_any()
}
