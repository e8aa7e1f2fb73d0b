use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use portal_domain::api::rating::{
    FollowUp, FollowUpItem, FollowUpList, RatingReplyRequest, ServiceKind, MAX_REPLY_CHARS,
};
use portal_domain::api::staff::Role;

use super::auth::use_auth;
use super::guard::{Guard, StaffProblem};
use super::page_table::StaffPage;
use super::texts::*;
use super::use_staff_title;
use crate::api::{self, ApiError};
use crate::components::focus::focus_next_frame;
use crate::components::form::{error_for, refusal_message, FormErrorSummary, TextArea};
use crate::components::loading::Loading;
use crate::components::submit::{checked, Submit};
use crate::prefs::use_prefs;

/// `?follow_up=&page=` as in the address, so a filtered list can be bookmarked.
fn href(follow_up: FollowUp, page: u32) -> String {
    let mut parts = Vec::new();
    if follow_up != FollowUp::Open {
        parts.push(format!("follow_up={}", follow_up.code()));
    }
    if page > 1 {
        parts.push(format!("page={page}"));
    }
    if parts.is_empty() {
        "/staff/ratings".to_owned()
    } else {
        format!("/staff/ratings?{}", parts.join("&"))
    }
}

/// `/staff/ratings`: the bad ratings (不满意, 非常不满意) to follow up, those awaiting a reply
/// first, each with a form to answer it; answered ones show the reply.
#[component]
pub fn RatingsPage() -> impl IntoView {
    use_staff_title(|t| t.nav_ratings);
    view! {
        <Guard page=StaffPage::Ratings>
            <Ratings/>
        </Guard>
    }
}

#[component]
fn Ratings() -> impl IntoView {
    let prefs = use_prefs();
    let query = use_query_map();
    let navigate = use_navigate();
    let filter = Memo::new(move |_| {
        query.with(|q| {
            let follow_up = FollowUp::parse(q.get("follow_up").as_deref()).unwrap_or_default();
            let page = q
                .get("page")
                .and_then(|p| p.parse().ok())
                .unwrap_or(1u32)
                .max(1);
            (follow_up, page)
        })
    });
    let chosen = RwSignal::new(FollowUp::Open.code().to_owned());
    Effect::new(move |_| chosen.set(filter.get().0.code().to_owned()));
    let list = LocalResource::new(move || {
        let (follow_up, page) = filter.get();
        async move {
            let query = format!("follow_up={}&page={page}", follow_up.code());
            api::staff_ratings(&query, prefs.lang.get_untracked()).await
        }
    });
    let notice = RwSignal::new(None::<Tr>);
    let notice_ref = NodeRef::<html::P>::new();
    let replied = Callback::new(move |_: FollowUpItem| {
        notice.set(Some(|t| t.reply_sent));
        list.refetch();
        focus_next_frame(notice_ref);
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let follow_up = FollowUp::parse(Some(&chosen.get_untracked())).unwrap_or_default();
        notice.set(None);
        navigate(&href(follow_up, 1), Default::default());
    };

    view! {
        <div class="container page">
            <h1 tabindex="-1">{tr(|t| t.nav_ratings)}</h1>
            <p class="lead">{tr(|t| t.ratings_lead)}</p>
            <form class="staff-filters" novalidate on:submit=on_submit aria-label=tr(|t| t.filters)>
                <div class="form-group">
                    <label class="label" for="follow-up">{tr(|t| t.follow_up_filter)}</label>
                    <select
                        id="follow-up"
                        class="input select"
                        prop:value=move || chosen.get()
                        on:change=move |ev| chosen.set(event_target_value(&ev))
                    >
                        {FollowUp::ALL
                            .iter()
                            .map(|f| {
                                let code = f.code();
                                view! {
                                    <option value=code selected=move || chosen.get() == code>
                                        {move || f.label(prefs.lang.get())}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="button-row">
                    <button type="submit" class="button">{tr(|t| t.apply_filters)}</button>
                </div>
            </form>
            <p class="notice notice--success" role="status" tabindex="-1" node_ref=notice_ref hidden=move || notice.with(Option::is_none)>
                {move || notice.get().map(|t| pick(prefs.lang.get(), t))}
            </p>
            <Transition fallback=move || view! { <Loading label=Signal::derive(tr(|t| t.loading))/> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(list) => view! { <FollowUpItems list=list replied=replied/> }.into_any(),
                        Err(error) => view! { <StaffProblem error=error on_retry=move |_| list.refetch()/> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

#[component]
fn FollowUpItems(list: FollowUpList, replied: Callback<FollowUpItem>) -> impl IntoView {
    let prefs = use_prefs();
    let awaiting = list.awaiting_reply;
    let follow_up = list.follow_up;
    let page = list.page;
    let pages = list.total.div_ceil(list.per_page.max(1)).max(1);
    let items = list
        .items
        .into_iter()
        .map(|item| view! { <FollowUpCard item=item replied=replied/> })
        .collect_view();
    view! {
        <p class="staff-total" role="status">{move || workbench_texts(prefs.lang.get()).bad_ratings_awaiting(u64::from(awaiting))}</p>
        {if list.total == 0 {
            view! { <p class="empty-state">{tr(|t| t.ratings_empty)}</p> }.into_any()
        } else {
            view! { <ul class="desk-list rating-list">{items}</ul> }.into_any()
        }}
        {(pages > 1).then(|| view! {
            <nav class="pagination" aria-label=move || workbench_texts(prefs.lang.get()).page_of(page, pages)>
                {(page > 1).then(|| view! { <A href=href(follow_up, page - 1) attr:class="button button--secondary">{tr(|t| t.previous)}</A> })}
                <span>{move || workbench_texts(prefs.lang.get()).page_of(page, pages)}</span>
                {(page < pages).then(|| view! { <A href=href(follow_up, page + 1) attr:class="button button--secondary">{tr(|t| t.next)}</A> })}
            </nav>
        })}
    }
}

#[component]
fn FollowUpCard(item: FollowUpItem, replied: Callback<FollowUpItem>) -> impl IntoView {
    let prefs = use_prefs();
    let auth = use_auth();
    let level = item.level;
    let service = item.service;
    // Case handlers open the case; the booking desk lists bookings by day, so a booking's
    // reference is shown as it is.
    let reference = match service {
        ServiceKind::Assistance if auth.has_any(&[Role::CaseHandler]) => {
            let href = format!("/staff/cases/{}", item.target_id);
            view! { <A href=href>{item.reference.clone()}</A> }.into_any()
        }
        _ => view! { <span>{item.reference.clone()}</span> }.into_any(),
    };
    let rated_at = short_time(&item.rated_at);
    let comment = item.comment.clone();
    let answer = item.reply.clone();
    view! {
        <li class="desk-card rating-card">
            <h2 class="desk-card__title">
                <span class="status-tag">{move || level.label(prefs.lang.get())}</span>" "
                {move || service.label(prefs.lang.get())}
            </h2>
            <dl class="desk-card__facts">
                <div><dt>{tr(|t| t.col_reference)}</dt><dd>{reference}</dd></div>
                <div><dt>{tr(|t| t.rated_on)}</dt><dd>{rated_at}</dd></div>
            </dl>
            <h3>{tr(|t| t.rating_comment)}</h3>
            {match comment {
                Some(c) => view! { <p class="pre-line">{c}</p> }.into_any(),
                None => view! { <p class="muted">{tr(|t| t.no_comment)}</p> }.into_any(),
            }}
            {match answer {
                Some(reply) => {
                    let by = reply.replied_by.clone().unwrap_or_default();
                    let at = short_time(&reply.replied_at);
                    view! {
                        <div class="message__reply">
                            <h3>{tr(|t| t.center_reply)}</h3>
                            <p class="pre-line">{reply.text}</p>
                            <p class="hint">{move || workbench_texts(prefs.lang.get()).replied_by(&at, &by)}</p>
                        </div>
                    }
                    .into_any()
                }
                None => view! { <ReplyForm id=item.id replied=replied/> }.into_any(),
            }}
        </li>
    }
}

/// The id of a rating's reply field, unique on the page (`reply-{id}`). The form pieces take
/// `&'static str` ids: each rating's is made once and kept.
fn field_id(id: i64) -> &'static str {
    thread_local! {
        static IDS: std::cell::RefCell<std::collections::BTreeMap<i64, &'static str>> =
            Default::default();
    }
    IDS.with(|ids| {
        *ids.borrow_mut()
            .entry(id)
            .or_insert_with(|| Box::leak(format!("reply-{id}").into_boxed_str()))
    })
}

#[component]
fn ReplyForm(id: i64, replied: Callback<FollowUpItem>) -> impl IntoView {
    let auth = use_auth();
    let text = RwSignal::new(String::new());
    let form = Submit::new();
    let (errors, busy) = (form.errors, form.busy());
    let field = field_id(id);
    let on_submit = form.on_submit(move |lang| {
        let request = RatingReplyRequest {
            text: Some(text.get_untracked()),
        };
        form.send(
            checked(request, |r| r.parse(), lang, |_| field.to_owned()),
            move |request| {
                let csrf = auth.csrf();
                async move { api::staff_rating_reply(id, &request, &csrf, lang).await }
            },
            move |item| replied.run(item),
            move |error| {
                auth.form_errors(error, |error| {
                    let message = match error {
                        ApiError::Validation(body) => refusal_message(body),
                        _ => pick(lang, |t| t.not_sent).to_owned(),
                    };
                    vec![(field.to_owned(), message)]
                })
            },
        );
    });
    view! {
        <FormErrorSummary errors=errors/>
        <form novalidate on:submit=on_submit>
            <TextArea
                id=field
                label=tr(|t| t.rating_reply_label)
                hint=tr(|t| t.rating_reply_hint)
                value=text
                error=Signal::derive(move || errors.with(|e| error_for(e, field)))
                max_chars=MAX_REPLY_CHARS
            />
            <button type="submit" class="button" disabled=move || busy.get()>{tr(|t| t.send_reply)}</button>
        </form>
    }
}
