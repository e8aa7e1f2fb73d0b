use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use portal_domain::api::assistance::RequestStatus;
use portal_domain::api::staff::{CaseList, CaseSummary};
use portal_domain::Lang;

use super::guard::{Guard, StaffProblem};
use super::list_table::list_table;
use super::page_table::StaffPage;
use super::texts::*;
use super::use_staff_title;
use crate::api;
use crate::components::loading::Loading;
use crate::dates::short_date;
use crate::prefs::use_prefs;

/// The queue's filters, as in the address (`?status=&assignee=&overdue=&reference=&page=`), so a filtered
/// queue can be bookmarked and shared.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QueueFilters {
    /// `open` (empty), `all` or a status code.
    pub status: String,
    /// Empty (anyone), `me`, `none` or a username.
    pub assignee: String,
    pub overdue: bool,
    /// A request's reference as typed (the server reads it forgivingly); empty for any.
    pub reference: String,
    pub page: u32,
}

impl QueueFilters {
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if !self.status.is_empty() {
            parts.push(format!(
                "status={}",
                portal_domain::api::percent_encode(&self.status)
            ));
        }
        if !self.assignee.is_empty() {
            parts.push(format!(
                "assignee={}",
                portal_domain::api::percent_encode(&self.assignee)
            ));
        }
        if self.overdue {
            parts.push("overdue=true".to_owned());
        }
        if !self.reference.trim().is_empty() {
            parts.push(format!(
                "reference={}",
                portal_domain::api::percent_encode(self.reference.trim())
            ));
        }
        if self.page > 1 {
            parts.push(format!("page={}", self.page));
        }
        parts.join("&")
    }

    pub fn href(&self) -> String {
        let query = self.to_query();
        if query.is_empty() {
            "/staff/cases".to_owned()
        } else {
            format!("/staff/cases?{query}")
        }
    }
}

/// `/staff/cases`: the queue of rights-assistance requests.
#[component]
pub fn QueuePage() -> impl IntoView {
    use_staff_title(|t| t.queue_heading);
    view! {
        <Guard page=StaffPage::Cases>
            <Queue/>
        </Guard>
    }
}

#[component]
fn Queue() -> impl IntoView {
    let prefs = use_prefs();
    let query = use_query_map();
    let navigate = use_navigate();
    let filters = Memo::new(move |_| {
        query.with(|q| QueueFilters {
            status: q.get("status").unwrap_or_default(),
            assignee: q.get("assignee").unwrap_or_default(),
            overdue: q.get("overdue").is_some_and(|v| v == "true" || v == "1"),
            reference: q.get("reference").unwrap_or_default(),
            page: q
                .get("page")
                .and_then(|p| p.parse().ok())
                .unwrap_or(1)
                .max(1),
        })
    });
    // The form's fields, reset from the address when it changes (back/forward, a link).
    let status = RwSignal::new(String::new());
    let assignee = RwSignal::new(String::new());
    let overdue = RwSignal::new(false);
    let reference = RwSignal::new(String::new());
    Effect::new(move |_| {
        let f = filters.get();
        status.set(f.status);
        assignee.set(f.assignee);
        overdue.set(f.overdue);
        reference.set(f.reference);
    });
    let cases = LocalResource::new(move || {
        let query = filters.get().to_query();
        async move { api::staff_cases(&query, prefs.lang.get_untracked()).await }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let f = QueueFilters {
            status: status.get_untracked(),
            assignee: assignee.get_untracked(),
            overdue: overdue.get_untracked(),
            reference: reference.get_untracked(),
            page: 1,
        };
        navigate(&f.href(), Default::default());
    };

    view! {
        <div class="container page">
            <h1 tabindex="-1">{tr(|t| t.queue_heading)}</h1>
            <p class="lead">{tr(|t| t.queue_lead)}</p>
            <form class="staff-filters" novalidate on:submit=on_submit aria-label=tr(|t| t.filters)>
                <div class="form-group">
                    <label class="label" for="status">{tr(|t| t.filter_status)}</label>
                    <select
                        id="status"
                        class="input select"
                        prop:value=move || status.get()
                        on:change=move |ev| status.set(event_target_value(&ev))
                    >
                        <option value="" selected=move || status.with(String::is_empty)>{tr(|t| t.status_open)}</option>
                        <option value="all" selected=move || status.get() == "all">{tr(|t| t.status_all)}</option>
                        {RequestStatus::ALL
                            .iter()
                            .filter(|s| s.is_case_status())
                            .map(|s| {
                                let code = s.code();
                                view! {
                                    <option value=code selected=move || status.get() == code>
                                        {move || s.label(prefs.lang.get())}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="form-group">
                    <label class="label" for="assignee">{tr(|t| t.filter_assignee)}</label>
                    <select
                        id="assignee"
                        class="input select"
                        prop:value=move || assignee.get()
                        on:change=move |ev| assignee.set(event_target_value(&ev))
                    >
                        <option value="" selected=move || assignee.with(String::is_empty)>{tr(|t| t.assignee_any)}</option>
                        <option value="me" selected=move || assignee.get() == "me">{tr(|t| t.assignee_me)}</option>
                        <option value="none" selected=move || assignee.get() == "none">{tr(|t| t.assignee_none)}</option>
                    </select>
                </div>
                <div class="form-group">
                    <label class="label" for="reference">{tr(|t| t.filter_reference)}</label>
                    <p class="hint" id="reference-hint">{tr(|t| t.filter_reference_hint)}</p>
                    <input
                        id="reference"
                        class="input"
                        type="search"
                        autocomplete="off"
                        spellcheck="false"
                        aria-describedby="reference-hint"
                        prop:value=move || reference.get()
                        on:input=move |ev| reference.set(event_target_value(&ev))
                    />
                </div>
                <div class="form-group">
                    <div class="choice">
                        <input
                            id="overdue"
                            class="choice__input"
                            type="checkbox"
                            prop:checked=move || overdue.get()
                            on:change=move |ev| overdue.set(event_target_checked(&ev))
                        />
                        <label class="choice__label" for="overdue">{tr(|t| t.filter_overdue)}</label>
                    </div>
                </div>
                <div class="button-row">
                    <button type="submit" class="button">{tr(|t| t.apply_filters)}</button>
                    {move || (filters.get() != QueueFilters { page: filters.get().page, ..Default::default() }).then(|| view! {
                        <A href="/staff/cases" attr:class="button button--secondary">{tr(|t| t.clear_filters)}</A>
                    })}
                </div>
            </form>
            <Transition fallback=move || view! { <Loading label=Signal::derive(tr(|t| t.loading))/> }>
                {move || Suspend::new(async move {
                    match cases.await {
                        Ok(list) => view! { <CaseTable list=list filters=filters.get_untracked()/> }.into_any(),
                        Err(error) => view! { <StaffProblem error=error on_retry=move |_| cases.refetch()/> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

#[component]
fn CaseTable(list: CaseList, filters: QueueFilters) -> impl IntoView {
    let prefs = use_prefs();
    let total = list.total;
    let pages = total.div_ceil(list.per_page.max(1)).max(1);
    let page = list.page;
    if list.items.is_empty() {
        return view! { <p class="empty-state" role="status">{tr(|t| t.queue_empty)}</p> }
            .into_any();
    }
    let rows = list
        .items
        .into_iter()
        .map(|c| view! { <CaseRow case=c/> })
        .collect_view();
    let previous = (page > 1).then(|| {
        QueueFilters {
            page: page - 1,
            ..filters.clone()
        }
        .href()
    });
    let next = (page < pages).then(|| {
        QueueFilters {
            page: page + 1,
            ..filters.clone()
        }
        .href()
    });
    view! {
        <p class="staff-total" role="status">{move || workbench_texts(prefs.lang.get()).cases_total(u64::from(total))}</p>
        {list_table(
            "queue-caption",
            view! { <caption id="queue-caption" class="visually-hidden">{tr(|t| t.queue_heading)}</caption> },
            &[
                |t| t.col_reference,
                |t| t.col_status,
                |t| t.col_deadline,
                |t| t.col_assignee,
                |t| t.col_right,
                |t| t.col_submitted,
            ],
            rows,
        )}
        {(pages > 1).then(|| view! {
            <nav class="pagination" aria-label=move || workbench_texts(prefs.lang.get()).page_of(page, pages)>
                {previous.map(|href| view! { <A href=href attr:class="button button--secondary">{tr(|t| t.previous)}</A> })}
                <span>{move || workbench_texts(prefs.lang.get()).page_of(page, pages)}</span>
                {next.map(|href| view! { <A href=href attr:class="button button--secondary">{tr(|t| t.next)}</A> })}
            </nav>
        })}
    }
    .into_any()
}

#[component]
fn CaseRow(case: CaseSummary) -> impl IntoView {
    let prefs = use_prefs();
    let href = format!("/staff/cases/{}", case.id);
    let status = case.status;
    let right = case.right_type;
    let submitted = case.submitted_on;
    // By name; the username where an account has none to show.
    let assignee = case.assignee_name.clone().or_else(|| case.assignee.clone());
    let reference = case.reference.clone();
    let overdue = case.overdue;
    view! {
        <tr class:staff-row--overdue=overdue>
            <th scope="row"><A href=href>{reference}</A></th>
            <td><span class="status-tag">{move || status.label(prefs.lang.get())}</span></td>
            <td><Countdown case=case/></td>
            <td>{match assignee {
                Some(a) => view! { <span>{a}</span> }.into_any(),
                None => view! { <span class="muted">{tr(|t| t.nobody)}</span> }.into_any(),
            }}</td>
            <td>{move || right.label(prefs.lang.get())}</td>
            <td>{move || short_date(submitted, prefs.lang.get())}</td>
        </tr>
    }
}

/// The next deadline, its working-day countdown and, when overdue, the word "overdue" in red
/// (the words carry the meaning; the colour only repeats it).
#[component]
pub fn Countdown(case: CaseSummary) -> impl IntoView {
    let prefs = use_prefs();
    let text = move || {
        let lang: Lang = prefs.lang.get();
        let Some(deadline) = case.next_deadline.as_ref() else {
            return (pick(lang, |t| t.no_deadline).to_owned(), None);
        };
        let step = deadline.step.label(lang);
        let due = match deadline.due {
            Some(date) => due_on(lang, step, date),
            None => step.to_owned(),
        };
        (
            due,
            case.working_days_left.map(|left| countdown(lang, left)),
        )
    };
    let overdue = case.overdue;
    let soon = case.working_days_left.is_some_and(|d| (0..=2).contains(&d));
    view! {
        <span class="deadline">
            <span>{{
                let text = text.clone();
                move || text().0
            }}</span>
            {move || text().1.map(|left| view! {
                <span
                    class="deadline__left"
                    class:deadline__left--overdue=overdue
                    class:deadline__left--soon=soon
                >
                    {overdue.then(|| view! { <strong class="overdue-tag">{tr(|t| t.overdue)}</strong>" "})}
                    {left}
                </span>
            })}
        </span>
    }
}
