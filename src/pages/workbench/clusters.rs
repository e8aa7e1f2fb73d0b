//! `/staff/bookings/clusters`: upcoming bookings that look like one person holding many seats
//! (many from one address, or mobile numbers in a row), and cancelling such a group in one
//! action with a reason its people read (a confirm step, as closing a slot has). The server
//! finds the groups and decides what is cancelled (`crates/server/src/staff/clusters.rs`).

use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use portal_domain::api::booking_clusters::{
    BookingCluster, BulkCancelRequest, ClusterKind, MAX_BULK_CANCEL_REASON_CHARS,
};

use super::auth::use_auth;
use super::confirm_form::{ConfirmReasonForm, ConfirmState};
use super::guard::{Guard, StaffProblem};
use super::page_table::StaffPage;
use super::texts::*;
use super::use_staff_title;
use crate::api;
use crate::components::focus::focus_next_frame;
use crate::components::form::FormErrorSummary;
use crate::components::loading::Loading;
use crate::dates::long_date;
use crate::prefs::use_prefs;

#[component]
pub fn ClustersPage() -> impl IntoView {
    use_staff_title(|t| t.clusters_heading);
    view! {
        <Guard page=StaffPage::Desk>
            <Clusters/>
        </Guard>
    }
}

#[component]
fn Clusters() -> impl IntoView {
    let prefs = use_prefs();
    let list = LocalResource::new(move || async move {
        api::staff_booking_clusters(prefs.lang.get_untracked()).await
    });
    // The group being cancelled, waiting for the reason and a confirmation.
    let pending = RwSignal::new(None::<BookingCluster>);
    let notice = RwSignal::new(None::<String>);
    let notice_ref = NodeRef::<html::P>::new();
    let heading_ref = NodeRef::<html::H1>::new();
    let done = Callback::new(move |(cancelled, skipped): (u32, u32)| {
        pending.set(None);
        notice.set(Some(bulk_cancelled_notice(
            prefs.lang.get_untracked(),
            cancelled,
            skipped,
        )));
        focus_next_frame(notice_ref);
        list.refetch();
    });
    view! {
        <div class="container page">
            <h1 tabindex="-1" node_ref=heading_ref>{tr(|t| t.clusters_heading)}</h1>
            <p class="lead">{tr(|t| t.clusters_lead)}</p>
            <p><A href="/staff/bookings" attr:class="button button--secondary">{tr(|t| t.back_to_desk)}</A></p>
            <p class="notice notice--success" role="status" tabindex="-1" node_ref=notice_ref hidden=move || notice.with(Option::is_none)>
                {move || notice.get()}
            </p>
            {move || pending.get().map(|cluster| view! {
                <ConfirmBulkCancel
                    cluster=cluster
                    on_done=done
                    on_cancel=Callback::new(move |_| {
                        pending.set(None);
                        focus_next_frame(heading_ref);
                    })
                />
            })}
            <div hidden=move || pending.with(Option::is_some)>
                {move || match list.get() {
                    None => view! { <Loading label=Signal::derive(tr(|t| t.loading))/> }.into_any(),
                    Some(Ok(list)) if list.clusters.is_empty() => {
                        view! { <p class="empty-state">{tr(|t| t.clusters_empty)}</p> }.into_any()
                    }
                    Some(Ok(list)) => view! {
                        <ol class="cluster-list">
                            {list.clusters.into_iter().map(|c| view! {
                                <ClusterItem cluster=c ask=Callback::new(move |c| {
                                    notice.set(None);
                                    pending.set(Some(c));
                                })/>
                            }).collect_view()}
                        </ol>
                    }
                    .into_any(),
                    Some(Err(error)) => view! { <StaffProblem error=error on_retry=move |_| list.refetch()/> }.into_any(),
                }}
            </div>
        </div>
    }
}

fn kind_text(kind: ClusterKind) -> Tr {
    match kind {
        ClusterKind::SameAddress => |t| t.cluster_same_address,
        ClusterKind::SequentialMobiles => |t| t.cluster_sequential,
    }
}

#[component]
fn ClusterItem(cluster: BookingCluster, ask: Callback<BookingCluster>) -> impl IntoView {
    let prefs = use_prefs();
    let kind = kind_text(cluster.kind);
    let count = cluster.bookings.len();
    let rows = cluster
        .bookings
        .iter()
        .map(|b| {
            let (date, time) = (b.date, format!("{}–{}", b.start_time, b.end_time));
            let venue = b.venue.clone();
            view! {
                <li>
                    <strong>{b.reference.clone()}</strong>" "
                    {move || long_date(date, prefs.lang.get())}" "{time}" · "
                    {move || if prefs.lang.get() == portal_domain::Lang::Zh { venue.name_zh.clone() } else { venue.name_en.clone() }}
                    " · "{b.name.clone()}" · "{b.mobile.clone()}
                </li>
            }
        })
        .collect_view();
    view! {
        <li class="cluster">
            <h2 class="cluster__title">{move || cluster_title(prefs.lang.get(), kind, count)}</h2>
            <ul class="cluster__bookings">{rows}</ul>
            <button type="button" class="button button--warning" on:click=move |_| ask.run(cluster.clone())>
                {move || workbench_texts(prefs.lang.get()).cancel_cluster_button(count)}
            </button>
        </li>
    }
}

#[component]
fn ConfirmBulkCancel(
    cluster: BookingCluster,
    on_done: Callback<(u32, u32)>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let prefs = use_prefs();
    let auth = use_auth();
    let reason = RwSignal::new(String::new());
    let form = ConfirmState::new("bulk-reason");
    let ConfirmState { errors, busy, .. } = form;
    let heading = NodeRef::<html::H2>::new();
    focus_next_frame(heading);
    let ids: Vec<i64> = cluster.bookings.iter().map(|b| b.id).collect();
    let count = ids.len();
    let on_submit = form.on_submit(move |lang| {
        let request = BulkCancelRequest {
            ids: ids.clone(),
            reason: Some(reason.get_untracked()),
        };
        form.send(
            auth,
            lang,
            request.parse().err(),
            move |csrf| async move { api::staff_bulk_cancel(&request, &csrf, lang).await },
            move |done| on_done.run((done.cancelled, done.skipped)),
        );
    });
    view! {
        <div class="confirm-close">
            <FormErrorSummary errors=errors/>
            <h2 tabindex="-1" node_ref=heading>{move || workbench_texts(prefs.lang.get()).cancel_cluster_button(count)}</h2>
            <p class="confirm-close__what">{tr(|t| t.bulk_cancel_consequence)}</p>
            <ConfirmReasonForm
                id="bulk-reason"
                label=|t| t.bulk_cancel_reason
                hint=|t| t.bulk_cancel_reason_hint
                value=reason
                errors=errors
                max_chars=MAX_BULK_CANCEL_REASON_CHARS
                confirm=|t| t.confirm_bulk_cancel
                busy=busy
                on_submit=on_submit
                on_cancel=on_cancel
            />
        </div>
    }
}
