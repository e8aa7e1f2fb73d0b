use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use portal_domain::api::firm::pre_exam::PreExamStats;
use portal_domain::api::staff::{Overview, Role};

use super::auth::use_auth;
use super::cases::Countdown;
use super::guard::{Guard, StaffProblem};
use super::overview_pre_exams::{bar_cell, PreExamNumbers};
use super::page_table::StaffPage;
use super::texts::*;
use super::use_staff_title;
use crate::api;
use crate::components::loading::Loading;
use crate::dates::short_date;
use crate::prefs::use_prefs;

/// `/staff`: the overview for administrators and case handlers. Reception, whose work is the
/// desk, goes straight there.
#[component]
pub fn OverviewPage() -> impl IntoView {
    use_staff_title(|t| t.overview_heading);
    let auth = use_auth();
    let navigate = use_navigate();
    Effect::new(move |_| {
        let desk_only = auth.state.with(|s| matches!(s, Some(Some(_))))
            && !auth.has_any(&[Role::Administrator, Role::CaseHandler])
            && auth.has_any(&[Role::Reception]);
        if desk_only {
            let navigate = navigate.clone();
            request_animation_frame(move || {
                navigate(
                    "/staff/bookings",
                    NavigateOptions {
                        replace: true,
                        ..Default::default()
                    },
                )
            });
        }
    });
    view! {
        <Guard page=StaffPage::Overview>
            <OverviewView/>
        </Guard>
    }
}

#[component]
fn OverviewView() -> impl IntoView {
    let prefs = use_prefs();
    let overview =
        LocalResource::new(
            move || async move { api::staff_overview(prefs.lang.get_untracked()).await },
        );
    view! {
        <div class="container page">
            <h1 tabindex="-1">{tr(|t| t.overview_heading)}</h1>
            {move || match overview.get() {
                None => view! { <Loading label=Signal::derive(tr(|t| t.loading))/> }.into_any(),
                Some(Ok(o)) => view! { <OverviewBody overview=o.overview pre_exams=o.pre_exams/> }.into_any(),
                Some(Err(error)) => view! { <StaffProblem error=error on_retry=move |_| overview.refetch()/> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn OverviewBody(overview: Overview, pre_exams: Option<PreExamStats>) -> impl IntoView {
    let prefs = use_prefs();
    let auth = use_auth();
    let handler = auth.has_any(&[Role::CaseHandler]);
    let max = overview
        .bookings_per_day
        .iter()
        .map(|d| d.bookings)
        .max()
        .unwrap_or(0)
        .max(1);
    let statuses = overview
        .cases_by_status
        .iter()
        .map(|c| {
            let status = c.status;
            let count = c.count;
            let label = move || status.label(prefs.lang.get());
            view! {
                <tr>
                    <th scope="row">{move || {
                        if handler {
                            view! { <A href=format!("/staff/cases?status={}", status.code())>{label}</A> }.into_any()
                        } else {
                            view! { <span>{label}</span> }.into_any()
                        }
                    }}</th>
                    <td class="num">{count}</td>
                </tr>
            }
        })
        .collect_view();
    let at_risk = overview.deadlines_at_risk.clone();
    let ratings = overview.ratings.clone();
    let awaiting = ratings.awaiting_reply;
    let ratings_max = ratings
        .by_level
        .iter()
        .map(|c| c.count)
        .max()
        .unwrap_or(0)
        .max(1);
    let levels = ratings
        .by_level
        .iter()
        .map(|c| {
            let level = c.level;
            let n = c.count;
            view! {
                <tr>
                    <th scope="row">{move || level.label(prefs.lang.get())}</th>
                    {bar_cell(n, ratings_max, level.is_bad())}
                </tr>
            }
        })
        .collect_view();
    let days = overview
        .bookings_per_day
        .iter()
        .map(|d| {
            let date = d.date;
            let n = d.bookings;
            view! {
                <tr>
                    <th scope="row">{move || {
                        let lang = prefs.lang.get();
                        format!("{} {}", short_date(date, lang), date.weekday().name(lang))
                    }}</th>
                    {bar_cell(n, max, false)}
                </tr>
            }
        })
        .collect_view();
    let holidays_due = overview.holidays_due.map(|year| {
        let admin = auth.has_any(&[Role::Administrator]);
        view! {
            <div class="notice notice--warning" role="status">
                <p>{move || workbench_texts(prefs.lang.get()).holidays_due(year.to_string())}</p>
                {admin.then(|| view! {
                    <p><A href="/staff/admin/holidays" attr:class="target-link">{tr(|t| t.holidays_due_link)}</A></p>
                })}
            </div>
        }
    });
    let pre_exams = pre_exams.map(|stats| view! { <PreExamNumbers stats=stats/> });
    let missing = overview.venues_missing_contacts.clone();
    let contacts_due = (!missing.is_empty()).then(|| {
        let admin = auth.has_any(&[Role::Administrator]);
        let count = missing.len() as u64;
        let names = move || {
            let lang = prefs.lang.get();
            missing
                .iter()
                .map(|v| lang.pick(&v.name_zh, &v.name_en))
                .collect::<Vec<_>>()
                .join(crate::i18n::strings(lang).list_separator)
        };
        view! {
            <div class="notice notice--warning" role="status">
                <p>{move || workbench_texts(prefs.lang.get()).contacts_due(count)}</p>
                <p>{names}</p>
                {admin.then(|| view! {
                    <p><A href="/staff/admin/contacts" attr:class="target-link">{tr(|t| t.contacts_due_link)}</A></p>
                })}
            </div>
        }
    });
    view! {
        {holidays_due}
        {contacts_due}
        <div class="overview-grid">
            <section aria-labelledby="by-status-heading">
                <h2 id="by-status-heading">{tr(|t| t.by_status)}</h2>
                <table class="staff-table staff-table--compact">
                    <caption class="visually-hidden">{tr(|t| t.by_status)}</caption>
                    <thead><tr><th scope="col">{tr(|t| t.col_status)}</th><th scope="col" class="num">{tr(|t| t.count)}</th></tr></thead>
                    <tbody>{statuses}</tbody>
                </table>
            </section>
            <section aria-labelledby="bookings-heading">
                <h2 id="bookings-heading">{tr(|t| t.bookings_per_day)}</h2>
                <table class="staff-table staff-table--compact bar-table">
                    <caption>{tr(|t| t.bookings_caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{tr(|t| t.day)}</th>
                            <th scope="col">{tr(|t| t.bookings)}</th>
                        </tr>
                    </thead>
                    <tbody>{days}</tbody>
                </table>
            </section>
        </div>
        <section aria-labelledby="ratings-heading">
            <h2 id="ratings-heading">{tr(|t| t.ratings_chart)}</h2>
            <p><A href="/staff/ratings" attr:class="target-link">{move || workbench_texts(prefs.lang.get()).bad_ratings_awaiting(u64::from(awaiting))}</A></p>
            <table class="staff-table staff-table--compact rating-bars">
                <caption>{tr(|t| t.ratings_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr(|t| t.rating_level)}</th>
                        <th scope="col">{tr(|t| t.ratings)}</th>
                    </tr>
                </thead>
                <tbody>{levels}</tbody>
            </table>
        </section>
        <section aria-labelledby="at-risk-heading">
            <h2 id="at-risk-heading">{tr(|t| t.at_risk)}</h2>
            <p>{tr(|t| t.at_risk_lead)}</p>
            {if at_risk.is_empty() {
                view! { <p class="empty-state">{tr(|t| t.none_at_risk)}</p> }.into_any()
            } else {
                view! {
                    <ul class="risk-list">
                        {at_risk
                            .into_iter()
                            .map(|c| {
                                let status = c.status;
                                let reference = c.reference.clone();
                                let href = format!("/staff/cases/{}", c.id);
                                view! {
                                    <li class="risk-list__item">
                                        {if handler {
                                            view! { <A href=href>{reference}</A> }.into_any()
                                        } else {
                                            view! { <strong>{reference}</strong> }.into_any()
                                        }}
                                        " · "{move || status.label(prefs.lang.get())}" · "
                                        <Countdown case=c/>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
        {pre_exams}
    }
}
