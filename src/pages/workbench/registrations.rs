//! `/staff/registrations`: the fast track's registrations for pre-examination officers, those
//! waiting for the center first and the earliest due first (the server's order), overdue in words.

use leptos::prelude::*;
use leptos_router::components::A;
use portal_domain::api::firm::registration::RegistrationQueue;

use super::guard::{Guard, StaffProblem};
use super::list_table::list_table;
use super::page_table::StaffPage;
use super::texts::*;
use super::use_staff_title;
use crate::api;
use crate::components::loading::Loading;
use crate::dates::{days_aside, short_date};
use crate::prefs::use_prefs;

#[component]
pub fn RegistrationsPage() -> impl IntoView {
    use_staff_title(|t| t.registrations_heading);
    view! {
        <Guard page=StaffPage::Registrations>
            <Queue/>
        </Guard>
    }
}

#[component]
fn Queue() -> impl IntoView {
    let prefs = use_prefs();
    let queue = LocalResource::new(move || api::staff_registrations(prefs.lang.get_untracked()));
    view! {
        <div class="container page">
            <h1 tabindex="-1">{tr(|t| t.registrations_heading)}</h1>
            <p class="lead">{tr(|t| t.registrations_lead)}</p>
            <Transition fallback=move || view! { <Loading label=Signal::derive(tr(|t| t.loading))/> }>
                {move || Suspend::new(async move {
                    match queue.await {
                        Ok(list) => view! { <Table list=list/> }.into_any(),
                        Err(error) => view! { <StaffProblem error=error on_retry=move |_| queue.refetch()/> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

#[component]
fn Table(list: RegistrationQueue) -> impl IntoView {
    let prefs = use_prefs();
    if list.items.is_empty() {
        return view! { <p class="empty-state" role="status">{tr(|t| t.registrations_empty)}</p> }
            .into_any();
    }
    let rows = list
        .items
        .into_iter()
        .map(|item| {
            let href = format!("/staff/registrations/{}", item.id);
            let due = item.due_on;
            view! {
                <tr>
                    <td><A href=href>{item.reference}</A></td>
                    <td>{item.firm_name}</td>
                    <td>{move || item.kind.label(prefs.lang.get())}</td>
                    <td>{move || item.status.label(prefs.lang.get())}</td>
                    <td>
                        {move || due.map(|d| short_date(d, prefs.lang.get())).unwrap_or_default()}
                        {move || item.days_left.map(|n| days_aside(n, prefs.lang.get()))}
                        {item.overdue.then(|| view! { " " <strong class="overdue-tag">{tr(|t| t.reg_overdue)}</strong> })}
                    </td>
                    <td>{match item.assignee {
                        Some(name) => name.into_any(),
                        None => tr(|t| t.reg_unassigned).into_any(),
                    }}</td>
                </tr>
            }
        })
        .collect_view();
    list_table(
        "registrations-caption",
        view! { <caption id="registrations-caption" class="visually-hidden">{tr(|t| t.registrations_caption)}</caption> },
        &[
            |t| t.reg_col_reference,
            |t| t.reg_col_firm,
            |t| t.reg_col_kind,
            |t| t.reg_col_status,
            |t| t.reg_col_due,
            |t| t.reg_col_assignee,
        ],
        rows,
    )
    .into_any()
}
