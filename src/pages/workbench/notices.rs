//! `/staff/admin/notices`: administrators publish, change and withdraw the notices (通知公告) the
//! portal's home page shows (`components/service_notices.rs`). One form serves both publishing
//! and changing; the list below it shows each notice's state in words.

use leptos::html;
use leptos::prelude::*;
use portal_domain::api::notices::{
    NoticeInput, NoticeLevel, NoticeState, StaffNotice, MAX_BODY_CHARS,
};

use super::auth::use_auth;
use super::guard::{Guard, StaffProblem};
use super::page_table::StaffPage;
use super::texts::*;
use super::use_staff_title;
use crate::api::{self, ApiError};
use crate::components::choices::{choice_options, RadioGroup};
use crate::components::focus::focus_next_frame;
use crate::components::form::{error_for, FormErrorSummary, FormErrors, TextArea, TextField};
use crate::components::loading::Loading;
use crate::components::submit::{checked, Submit};
use crate::prefs::use_prefs;

#[component]
pub fn NoticesPage() -> impl IntoView {
    use_staff_title(|t| t.notices_heading);
    view! {
        <Guard page=StaffPage::Notices>
            <Notices/>
        </Guard>
    }
}

/// Puts focus on the page's status line once it shows its new text.
fn announce(status: RwSignal<Option<Tr>>, status_ref: NodeRef<html::P>, text: Tr) {
    status.set(Some(text));
    focus_next_frame(status_ref);
}

#[component]
fn Notices() -> impl IntoView {
    let prefs = use_prefs();
    let list = LocalResource::new(move || api::staff_notices(prefs.lang.get_untracked()));
    // The notice being changed; `None`: the form publishes a new one.
    let editing = RwSignal::new(None::<StaffNotice>);
    let status = RwSignal::new(None::<Tr>);
    let status_ref = NodeRef::<html::P>::new();
    let form_heading = NodeRef::<html::H2>::new();
    let saved = Callback::new(move |text: Tr| {
        editing.set(None);
        list.refetch();
        announce(status, status_ref, text);
    });
    let edit = Callback::new(move |notice: StaffNotice| {
        editing.set(Some(notice));
        status.set(None);
        focus_next_frame(form_heading);
    });
    view! {
        <div class="container page">
            <h1 tabindex="-1">{tr(|t| t.notices_heading)}</h1>
            <p class="lead">{tr(|t| t.notices_lead)}</p>
            <p class="notice notice--success" role="status" tabindex="-1" node_ref=status_ref hidden=move || status.with(Option::is_none)>
                {move || status.get().map(|t| pick(prefs.lang.get(), t))}
            </p>
            <section class="case-panel" aria-labelledby="notice-form-heading">
                <h2 id="notice-form-heading" tabindex="-1" node_ref=form_heading>
                    {move || pick(prefs.lang.get(), if editing.with(Option::is_some) { |t| t.edit_notice } else { |t| t.new_notice })}
                </h2>
                // Built anew for each notice taken up, so its fields start from that notice.
                {move || view! { <NoticeForm editing=editing.get() saved=saved cancel=Callback::new(move |()| editing.set(None))/> }}
            </section>
            {move || match list.get() {
                None => view! { <Loading label=Signal::derive(tr(|t| t.loading))/> }.into_any(),
                Some(Ok(l)) if l.items.is_empty() => view! { <p class="empty-state">{tr(|t| t.notices_empty)}</p> }.into_any(),
                Some(Ok(l)) => view! {
                    <ul class="notice-admin-list">
                        {l.items.into_iter().map(|n| view! {
                            <NoticeCard notice=n edit=edit withdrawn=Callback::new(move |()| {
                                list.refetch();
                                announce(status, status_ref, |t| t.notice_withdrawn);
                            })/>
                        }).collect_view()}
                    </ul>
                }.into_any(),
                Some(Err(error)) => view! { <StaffProblem error=error on_retry=move |_| list.refetch()/> }.into_any(),
            }}
        </div>
    }
}

/// The form's fields as the server names them, for the error summary's links.
const FIELDS: [&str; 6] = [
    "title_zh",
    "title_en",
    "body_zh",
    "body_en",
    "starts_on",
    "ends_on",
];

fn field_id(field: &str) -> String {
    format!("notice-{field}")
}

#[component]
fn NoticeForm(
    editing: Option<StaffNotice>,
    saved: Callback<Tr>,
    cancel: Callback<()>,
) -> impl IntoView {
    let prefs = use_prefs();
    let auth = use_auth();
    let id = editing.as_ref().map(|n| n.notice.id);
    let start = editing.map(|n| n.notice);
    let field = |f: fn(&portal_domain::api::notices::Notice) -> String| {
        RwSignal::new(start.as_ref().map(f).unwrap_or_default())
    };
    let title_zh = field(|n| n.title_zh.clone());
    let title_en = field(|n| n.title_en.clone());
    let body_zh = field(|n| n.body_zh.clone());
    let body_en = field(|n| n.body_en.clone());
    let starts_on = field(|n| n.starts_on.to_string());
    let ends_on = field(|n| n.ends_on.map(|d| d.to_string()).unwrap_or_default());
    let level = RwSignal::new(Some(
        start
            .as_ref()
            .map_or(NoticeLevel::Info, |n| n.level)
            .code()
            .to_owned(),
    ));
    let form = Submit::new();
    let (errors, busy) = (form.errors, form.busy());
    let error =
        move |f: &'static str| Signal::derive(move || errors.with(|e| error_for(e, &field_id(f))));
    let on_submit = form.on_submit(move |lang| {
        let input = NoticeInput {
            level: level
                .get_untracked()
                .as_deref()
                .and_then(NoticeLevel::from_code),
            title_zh: Some(title_zh.get_untracked()),
            title_en: Some(title_en.get_untracked()),
            body_zh: Some(body_zh.get_untracked()),
            body_en: Some(body_en.get_untracked()),
            starts_on: Some(starts_on.get_untracked()),
            ends_on: Some(ends_on.get_untracked()),
        };
        form.send(
            checked(input, |i| i.parse(), lang, field_id),
            move |input| {
                let csrf = auth.csrf();
                async move { api::staff_save_notice(id, &input, &csrf, lang).await }
            },
            move |_| {
                saved.run(if id.is_some() {
                    |t| t.notice_saved
                } else {
                    |t| t.notice_published
                })
            },
            move |error| match error {
                error if auth.handled(&error) => Vec::new(),
                ApiError::Validation(body) => {
                    // The server's field messages by field, in the form's order; any other
                    // refusal on the first field, so the summary links somewhere.
                    let mut list: FormErrors = FIELDS
                        .iter()
                        .filter_map(|f| {
                            body.fields
                                .get(*f)
                                .map(|e| (field_id(f), e.message.clone()))
                        })
                        .collect();
                    if list.is_empty() {
                        list.push((field_id(FIELDS[0]), body.message));
                    }
                    list
                }
                ApiError::NotFound => vec![(
                    field_id(FIELDS[0]),
                    pick(lang, |t| t.case_not_found).to_owned(),
                )],
                _ => vec![(field_id(FIELDS[0]), pick(lang, |t| t.not_sent).to_owned())],
            },
        );
    });
    let levels = choice_options(NoticeLevel::ALL, |l| l.code(), |l, lang| l.label(lang));
    view! {
        <FormErrorSummary errors=errors/>
        <form novalidate on:submit=on_submit>
            <RadioGroup name="notice-level" legend=tr(|t| t.notice_level) options=levels selected=level error=Signal::derive(|| None::<String>)/>
            <TextField id="notice-title_zh" label=tr(|t| t.notice_title_zh) value=title_zh error=error("title_zh")/>
            <TextArea id="notice-body_zh" label=tr(|t| t.notice_body_zh) value=body_zh error=error("body_zh")
                max_chars=MAX_BODY_CHARS/>
            <TextField id="notice-title_en" label=tr(|t| t.notice_title_en) value=title_en error=error("title_en")/>
            <TextArea id="notice-body_en" label=tr(|t| t.notice_body_en) value=body_en error=error("body_en")
                max_chars=MAX_BODY_CHARS/>
            <TextField id="notice-starts_on" label=tr(|t| t.notice_starts) value=starts_on error=error("starts_on") input_type="date" short=true/>
            <TextField id="notice-ends_on" label=tr(|t| t.notice_ends) hint=tr(|t| t.notice_ends_hint) value=ends_on error=error("ends_on") input_type="date" short=true/>
            <div class="button-row">
                <button type="submit" class="button" disabled=move || busy.get()>
                    {move || pick(prefs.lang.get(), if id.is_some() { |t| t.save_changes } else { |t| t.publish })}
                </button>
                {id.is_some().then(|| view! {
                    <button type="button" class="button button--secondary" on:click=move |_| cancel.run(())>{tr(|t| t.cancel_edit)}</button>
                })}
            </div>
        </form>
    }
}

#[component]
fn NoticeCard(
    notice: StaffNotice,
    edit: Callback<StaffNotice>,
    withdrawn: Callback<()>,
) -> impl IntoView {
    let prefs = use_prefs();
    let auth = use_auth();
    let sending = Submit::new();
    let busy = sending.busy();
    let failed = RwSignal::new(None::<String>);
    let id = notice.notice.id;
    let state = notice.state;
    let open = matches!(state, NoticeState::Shown | NoticeState::Scheduled);
    let heading_id = format!("notice-{id}-title");
    let withdraw = move |_| {
        let lang = prefs.lang.get_untracked();
        sending.act(
            move || {
                let csrf = auth.csrf();
                failed.set(None);
                async move { api::staff_withdraw_notice(id, &csrf, lang).await }
            },
            move |result| match result {
                Ok(_) => withdrawn.run(()),
                Err(e) if auth.handled(&e) => {}
                Err(ApiError::Validation(body)) => failed.set(Some(body.message)),
                Err(_) => failed.set(Some(pick(lang, |t| t.not_sent).to_owned())),
            },
        );
    };
    let n = notice.notice.clone();
    let (starts, ends) = (n.starts_on, n.ends_on);
    let title = move || n.title(prefs.lang.get()).to_owned();
    // The buttons' accessible names say which notice they act on.
    let title_again = title.clone();
    let changed = format!(
        "{} {}",
        short_time(&notice.updated_at),
        notice.updated_by.clone().unwrap_or_default()
    );
    let important = notice.notice.level == NoticeLevel::Important;
    let level = notice.notice.level;
    view! {
        <li class="notice-admin" aria-labelledby=heading_id.clone()>
            <h3 id=heading_id.clone()>{title}</h3>
            <dl class="notice-admin__facts">
                <div>
                    <dt>{tr(|t| t.notice_state)}</dt>
                    <dd><span class="status-tag">{move || state.label(prefs.lang.get())}</span></dd>
                </div>
                <div>
                    <dt>{tr(|t| t.notice_level)}</dt>
                    <dd class:notice-admin__important=important>{move || level.label(prefs.lang.get())}</dd>
                </div>
                <div>
                    <dt>{tr(|t| t.notice_days)}</dt>
                    <dd>{move || notice_days(prefs.lang.get(), starts, ends)}</dd>
                </div>
                <div><dt>{tr(|t| t.notice_changed_by)}</dt><dd>{changed}</dd></div>
            </dl>
            {move || failed.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            {open.then(|| {
                let notice = notice.clone();
                view! {
                    <div class="button-row">
                        <button type="button" class="button button--secondary" on:click=move |_| edit.run(notice.clone())>
                            {tr(|t| t.change)}<span class="visually-hidden">" "{title_again.clone()}</span>
                        </button>
                        <button type="button" class="button button--warning" disabled=move || busy.get() on:click=withdraw>
                            {tr(|t| t.withdraw_notice)}<span class="visually-hidden">" "{title_again}</span>
                        </button>
                    </div>
                }
            })}
        </li>
    }
}
