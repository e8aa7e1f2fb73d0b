use std::future::Future;

use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use portal_domain::api::assistance::{
    CenterMessage, EvidenceFile, MessageKind, RequestStatus, TimelineEvent,
};
use portal_domain::api::staff::{
    AssignRequest, CaseDetail, CaseNote, MessageRequest, NoteRequest, TransitionRequest,
    MAX_MESSAGE_CHARS, MAX_REASON_CHARS,
};
use portal_domain::calendar::Date;
use portal_domain::Lang;

use super::auth::{use_auth, Auth};
use super::cases::Countdown;
use super::guard::{Guard, StaffProblem};
use super::page_table::StaffPage;
use super::texts::*;
use super::use_staff_title;
use crate::api::{self, ApiError};
use crate::components::focus::focus_next_frame;
use crate::components::form::{
    described_by, error_for, FieldMessage, FormErrorSummary, FormErrors, Radio, TextArea, TextField,
};
use crate::components::loading::Loading;
use crate::components::submit::{checked, refused, Submit};
use crate::dates::{long_date, short_date};
use crate::prefs::use_prefs;

/// `/staff/cases/{id}`: a request in full, what can be done with it, and its history.
#[component]
pub fn CasePage() -> impl IntoView {
    use_staff_title(|t| t.case_heading);
    view! {
        <Guard page=StaffPage::Cases>
            <CaseView/>
        </Guard>
    }
}

#[component]
fn CaseView() -> impl IntoView {
    let prefs = use_prefs();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|id| id.parse::<i64>().ok())));
    let case = LocalResource::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => api::staff_case(id, prefs.lang.get_untracked()).await,
                None => Err(ApiError::NotFound),
            }
        }
    });
    // What the last action did, shown above the case (the case below is drawn afresh).
    let notice = RwSignal::new(None::<Tr>);
    let notice_ref = NodeRef::<html::P>::new();
    let updated = Callback::new(move |(detail, done): (CaseDetail, Tr)| {
        case.set(Some(Ok(detail)));
        notice.set(Some(done));
        focus_next_frame(notice_ref);
    });

    view! {
        <div class="container page">
            <A href="/staff/cases" attr:class="back-link">{tr(|t| t.back_to_queue)}</A>
            <p class="notice notice--success" role="status" tabindex="-1" node_ref=notice_ref hidden=move || notice.with(Option::is_none)>
                {move || notice.get().map(|t| pick(prefs.lang.get(), t))}
            </p>
            {move || match case.get() {
                None => view! { <Loading label=Signal::derive(tr(|t| t.loading))/> }.into_any(),
                Some(Err(ApiError::NotFound)) => view! {
                    <h1 tabindex="-1">{tr(|t| t.case_not_found)}</h1>
                    <p>{tr(|t| t.case_not_found_body)}</p>
                }
                .into_any(),
                Some(Err(error)) => view! {
                    <h1 tabindex="-1">{tr(|t| t.case_heading)}</h1>
                    <StaffProblem error=error on_retry=move |_| case.refetch()/>
                }
                .into_any(),
                Some(Ok(detail)) => view! { <CaseBody detail=detail updated=updated/> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn CaseBody(detail: CaseDetail, updated: Callback<(CaseDetail, Tr)>) -> impl IntoView {
    let prefs = use_prefs();
    let id = detail.summary.id;
    let status = detail.summary.status;
    let assignee = detail.summary.assignee.clone();
    let submitted_at = short_time(&detail.summary.submitted_at);
    let right = detail.summary.right_type;
    view! {
        <p class="caption">{tr(|t| t.case_heading)}" · "{move || right.label(prefs.lang.get())}</p>
        <h1 tabindex="-1">{detail.summary.reference.clone()}</h1>
        <dl class="summary-list">
            <div class="summary-list__row">
                <dt>{tr(|t| t.col_status)}</dt>
                <dd><span class="status-tag">{move || status.label(prefs.lang.get())}</span></dd>
            </div>
            <div class="summary-list__row">
                <dt>{tr(|t| t.col_deadline)}</dt>
                <dd><Countdown case=detail.summary.clone()/></dd>
            </div>
            <div class="summary-list__row">
                <dt>{tr(|t| t.assigned_to)}</dt>
                <dd>{detail.summary.assignee_name.clone().or_else(|| assignee.clone()).map(|a| view! { <span>{a}</span> }.into_any())
                    .unwrap_or_else(|| view! { <span>{tr(|t| t.nobody)}</span> }.into_any())}</dd>
            </div>
            <div class="summary-list__row">
                <dt>{tr(|t| t.submitted_at)}</dt>
                <dd>{submitted_at}</dd>
            </div>
        </dl>
        <div class="case-layout">
            <div class="case-actions">
                <AssignForm id=id assignee=assignee updated=updated/>
                <TransitionForm id=id allowed=detail.allowed_transitions.clone() updated=updated/>
                {(!status.is_closed()).then(|| view! { <MessageForm id=id today=detail.today updated=updated/> })}
                <NoteForm id=id updated=updated/>
            </div>
            <div class="case-record">
                <Answers detail=detail.clone()/>
                <Files id=id files=detail.files.clone()/>
                <Timeline events=detail.timeline.clone()/>
                <Messages id=id messages=detail.messages.clone() files=detail.files.clone()/>
                <Notes notes=detail.notes.clone()/>
            </div>
        </div>
    }
}

/// One of the case page's forms: its sending (and messages), the prefix of its fields' ids and
/// the id its refusals that name no field link to.
#[derive(Clone, Copy)]
struct FormState {
    submit: Submit,
    prefix: &'static str,
    first: &'static str,
    /// The `Idempotency-Key` of the form's next action: kept while it is retried, new once it
    /// went through.
    key: RwSignal<String>,
}

impl FormState {
    fn new(prefix: &'static str, first: &'static str) -> FormState {
        FormState {
            submit: Submit::new(),
            prefix,
            first,
            key: RwSignal::new(api::new_idempotency_key()),
        }
    }
}

/// Sends one of the case's changes once `checked` is a request: `call` gets it, the session's
/// CSRF token and the form's `Idempotency-Key`. The server's field messages go to the form's
/// fields (`{prefix}-{field}`), any other refusal (409 …) to `first` so the summary links
/// somewhere.
fn send<R, C, F>(
    form: FormState,
    auth: Auth,
    lang: Lang,
    checked: Result<R, FormErrors>,
    done: Tr,
    updated: Callback<(CaseDetail, Tr)>,
    call: C,
) where
    C: FnOnce(R, String, String) -> F,
    F: Future<Output = Result<CaseDetail, ApiError>> + 'static,
{
    let FormState {
        submit,
        prefix,
        first,
        key,
    } = form;
    submit.send(
        checked,
        move |request| call(request, auth.csrf(), key.get_untracked()),
        move |detail| {
            key.set(api::new_idempotency_key());
            updated.run((detail, done));
        },
        move |error| match error {
            error if auth.handled(&error) => Vec::new(),
            ApiError::NotFound => vec![(
                first.to_owned(),
                pick(lang, |t| t.case_not_found).to_owned(),
            )],
            error => refused(
                error,
                first,
                &|f| format!("{prefix}-{f}"),
                pick(lang, |t| t.not_sent),
            ),
        },
    );
}

#[component]
fn AssignForm(
    id: i64,
    assignee: Option<String>,
    updated: Callback<(CaseDetail, Tr)>,
) -> impl IntoView {
    let prefs = use_prefs();
    let auth = use_auth();
    let form = FormState::new("assign", "assign-username");
    let (errors, busy) = (form.submit.errors, form.submit.busy());
    let username = RwSignal::new(String::new());
    let handlers = LocalResource::new(move || async move {
        // Without the list the select offers nobody; "assign to me" still works.
        api::staff_handlers(prefs.lang.get_untracked())
            .await
            .unwrap_or_default()
    });
    let me = auth.username();
    let mine = assignee.as_deref() == Some(me.as_str());
    let assign = move |to: Result<Option<String>, FormErrors>| {
        let lang = prefs.lang.get_untracked();
        send(
            form,
            auth,
            lang,
            to.map(|username| AssignRequest { username }),
            |t| t.assigned_notice,
            updated,
            move |request, csrf, _| async move { api::staff_assign(id, &request, &csrf, lang).await },
        );
    };
    let on_submit = form.submit.on_submit(move |lang| {
        let name = username.get_untracked().trim().to_owned();
        if name.is_empty() {
            assign(Err(vec![(
                "assign-username".to_owned(),
                workbench_texts(lang).choose_handler.to_owned(),
            )]));
        } else {
            assign(Ok(Some(name)));
        }
    });
    let error = Signal::derive(move || errors.with(|e| error_for(e, "assign-username")));
    view! {
        <section class="case-panel" aria-labelledby="assign-heading">
            <h2 id="assign-heading">{tr(|t| t.assignment)}</h2>
            <FormErrorSummary errors=errors/>
            <div class="button-row">
                {(!mine).then(|| view! {
                    <button type="button" class="button" disabled=move || busy.get() on:click=move |_| assign(Ok(Some(auth.username())))>
                        {tr(|t| t.assign_to_me)}
                    </button>
                })}
                {assignee.is_some().then(|| view! {
                    <button type="button" class="button button--secondary" disabled=move || busy.get() on:click=move |_| assign(Ok(None))>
                        {tr(|t| t.unassign)}
                    </button>
                })}
            </div>
            <form novalidate on:submit=on_submit>
                // Offered by name (the username beside it, as names can repeat).
                <div class="form-group" class:form-group--error=move || error.with(Option::is_some)>
                    <label class="label" for="assign-username">{tr(|t| t.assign_to_someone)}</label>
                    <FieldMessage id="assign-username" error=error/>
                    <select
                        id="assign-username"
                        class="input select"
                        aria-describedby=described_by("assign-username", false, error)
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        prop:value=move || username.get()
                        on:change=move |ev| username.set(event_target_value(&ev))
                    >
                        <option value="">{tr(|t| t.choose_handler)}</option>
                        {move || handlers.get().unwrap_or_default().into_iter().map(|h| {
                            let label = format!("{} ({})", h.display_name, h.username);
                            view! { <option value=h.username>{label}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="button button--secondary" disabled=move || busy.get()>{tr(|t| t.assign)}</button>
            </form>
        </section>
    }
}

#[component]
fn TransitionForm(
    id: i64,
    allowed: Vec<RequestStatus>,
    updated: Callback<(CaseDetail, Tr)>,
) -> impl IntoView {
    let prefs = use_prefs();
    let auth = use_auth();
    let form = FormState::new("transition", "transition-to");
    let (errors, busy) = (form.submit.errors, form.submit.busy());
    let chosen = RwSignal::new(None::<String>);
    let reason = RwSignal::new(String::new());
    let outcome = RwSignal::new(String::new());
    let to = move || chosen.get().as_deref().and_then(RequestStatus::from_code);
    let on_submit = form.submit.on_submit(move |lang| {
        let target = chosen
            .get_untracked()
            .as_deref()
            .and_then(RequestStatus::from_code);
        let text = |s: RwSignal<String>| Some(s.get_untracked()).filter(|t| !t.trim().is_empty());
        let request = TransitionRequest {
            to: target,
            reason: (target == Some(RequestStatus::Rejected))
                .then(|| text(reason))
                .flatten(),
            outcome: (target == Some(RequestStatus::Concluded))
                .then(|| text(outcome))
                .flatten(),
        };
        send(
            form,
            auth,
            lang,
            checked(request, |r| r.parse(), lang, |f| format!("transition-{f}")),
            |t| t.status_changed,
            updated,
            move |request, csrf, _| async move {
                api::staff_transition(id, &request, &csrf, lang).await
            },
        );
    });
    let error = move |id: &'static str| Signal::derive(move || errors.with(|e| error_for(e, id)));
    let to_error = error("transition-to");
    if allowed.is_empty() {
        return view! {
            <section class="case-panel" aria-labelledby="transition-heading">
                <h2 id="transition-heading">{tr(|t| t.status_heading)}</h2>
                <p>{tr(|t| t.no_transitions)}</p>
            </section>
        }
        .into_any();
    }
    let radios = allowed
        .iter()
        .enumerate()
        .map(|(i, status)| {
            let status = *status;
            let radio_id = if i == 0 {
                "transition-to".to_owned()
            } else {
                format!("transition-to-{}", status.code())
            };
            view! {
                <Radio
                    name="transition-to"
                    id=radio_id
                    value=status.code().to_owned()
                    label=Signal::derive(move || status.label(prefs.lang.get()).to_owned())
                    selected=chosen
                />
            }
        })
        .collect_view();
    view! {
        <section class="case-panel" aria-labelledby="transition-heading">
            <h2 id="transition-heading">{tr(|t| t.status_heading)}</h2>
            <FormErrorSummary errors=errors/>
            <form novalidate on:submit=on_submit>
                <div class="form-group" class:form-group--error=move || to_error.with(Option::is_some)>
                    <fieldset aria-describedby=move || to_error.with(Option::is_some).then_some("transition-to-error")>
                        <legend>{tr(|t| t.new_status)}</legend>
                        {move || to_error.get().map(|m| view! { <p class="field-error" id="transition-to-error">{m}</p> })}
                        <div class="choices">{radios}</div>
                    </fieldset>
                </div>
                {move || (to() == Some(RequestStatus::Rejected)).then(|| view! {
                    <TextArea
                        id="transition-reason"
                        label=tr(|t| t.reason)
                        hint=tr(|t| t.reason_hint)
                        value=reason
                        error=error("transition-reason")
                        max_chars=MAX_REASON_CHARS
                    />
                })}
                {move || (to() == Some(RequestStatus::Concluded)).then(|| view! {
                    <TextArea
                        id="transition-outcome"
                        label=tr(|t| t.outcome)
                        hint=tr(|t| t.outcome_hint)
                        value=outcome
                        error=error("transition-outcome")
                        max_chars=MAX_REASON_CHARS
                    />
                })}
                <button type="submit" class="button" disabled=move || busy.get()>{tr(|t| t.change_status)}</button>
            </form>
        </section>
    }
    .into_any()
}

#[component]
fn MessageForm(id: i64, today: Date, updated: Callback<(CaseDetail, Tr)>) -> impl IntoView {
    let prefs = use_prefs();
    let auth = use_auth();
    let form = FormState::new("message", "message-text");
    let (errors, busy) = (form.submit.errors, form.submit.busy());
    let kind = RwSignal::new(Some(MessageKind::MoreMaterialRequested.code().to_owned()));
    let text = RwSignal::new(String::new());
    let reply_by = RwSignal::new(String::new());
    let asks_material =
        move || kind.with(|k| k.as_deref() == Some(MessageKind::MoreMaterialRequested.code()));
    let on_submit = form.submit.on_submit(move |lang| {
        let request = MessageRequest {
            kind: kind
                .get_untracked()
                .as_deref()
                .and_then(MessageKind::from_code),
            text: Some(text.get_untracked()),
            // Only a request for more material has a day (the box is hidden for the others).
            reply_by: asks_material().then(|| reply_by.get_untracked()),
        };
        send(
            form,
            auth,
            lang,
            checked(
                request,
                |r| r.parse(today),
                lang,
                |f| format!("message-{f}"),
            ),
            |t| t.message_sent,
            updated,
            move |request, csrf, key| async move {
                api::staff_message(id, &request, &csrf, &key, lang).await
            },
        );
    });
    let error = move |id: &'static str| Signal::derive(move || errors.with(|e| error_for(e, id)));
    view! {
        <section class="case-panel" aria-labelledby="message-heading">
            <h2 id="message-heading">{tr(|t| t.message_heading)}</h2>
            <FormErrorSummary errors=errors/>
            <form novalidate on:submit=on_submit>
                <fieldset class="form-group">
                    <legend>{tr(|t| t.message_kind)}</legend>
                    <div class="choices">
                        {[MessageKind::MoreMaterialRequested, MessageKind::Info]
                            .into_iter()
                            .enumerate()
                            .map(|(i, k)| view! {
                                <Radio
                                    name="message-kind"
                                    id=if i == 0 { "message-kind".to_owned() } else { format!("message-kind-{}", k.code()) }
                                    value=k.code().to_owned()
                                    label=Signal::derive(move || k.label(prefs.lang.get()).to_owned())
                                    selected=kind
                                />
                            })
                            .collect_view()}
                    </div>
                </fieldset>
                <TextArea
                    id="message-text"
                    label=tr(|t| t.message_text)
                    hint=tr(|t| t.message_hint)
                    value=text
                    error=error("message-text")
                    max_chars=MAX_MESSAGE_CHARS
                />
                <Show when=asks_material>
                    <TextField
                        id="message-reply_by"
                        label=tr(|t| t.reply_by_label)
                        hint=tr(|t| t.reply_by_hint)
                        value=reply_by
                        error=error("message-reply_by")
                        input_type="date"
                        short=true
                    />
                </Show>
                <button type="submit" class="button" disabled=move || busy.get()>{tr(|t| t.send_message)}</button>
            </form>
        </section>
    }
}

#[component]
fn NoteForm(id: i64, updated: Callback<(CaseDetail, Tr)>) -> impl IntoView {
    let auth = use_auth();
    let form = FormState::new("note", "note-text");
    let (errors, busy) = (form.submit.errors, form.submit.busy());
    let text = RwSignal::new(String::new());
    let on_submit = form.submit.on_submit(move |lang| {
        let request = NoteRequest {
            text: Some(text.get_untracked()),
        };
        send(
            form,
            auth,
            lang,
            checked(request, |r| r.parse(), lang, |f| format!("note-{f}")),
            |t| t.note_added,
            updated,
            move |request, csrf, key| async move {
                api::staff_note(id, &request, &csrf, &key, lang).await
            },
        );
    });
    view! {
        <section class="case-panel" aria-labelledby="note-form-heading">
            <h2 id="note-form-heading">{tr(|t| t.note_form_heading)}</h2>
            <FormErrorSummary errors=errors/>
            <form novalidate on:submit=on_submit>
                <TextArea
                    id="note-text"
                    label=tr(|t| t.note_text)
                    hint=tr(|t| t.note_hint)
                    value=text
                    error=Signal::derive(move || errors.with(|e| error_for(e, "note-text")))
                    max_chars=MAX_MESSAGE_CHARS
                />
                <button type="submit" class="button button--secondary" disabled=move || busy.get()>{tr(|t| t.add_note)}</button>
            </form>
        </section>
    }
}

/// One row of a summary list; `None` shows "not given".
fn row(label: Tr, value: Option<String>) -> impl IntoView {
    view! {
        <div class="summary-list__row">
            <dt>{tr(label)}</dt>
            <dd class="pre-line">{match value {
                Some(v) => view! { <span>{v}</span> }.into_any(),
                None => view! { <span class="muted">{tr(|t| t.not_given)}</span> }.into_any(),
            }}</dd>
        </div>
    }
}

/// A row whose value is a label in the interface language.
fn row_label(label: Tr, value: impl Fn(Lang) -> String + Send + Sync + 'static) -> impl IntoView {
    let prefs = use_prefs();
    view! {
        <div class="summary-list__row">
            <dt>{tr(label)}</dt>
            <dd>{move || value(prefs.lang.get())}</dd>
        </div>
    }
}

#[component]
fn Answers(detail: CaseDetail) -> impl IntoView {
    let anonymised = detail.anonymised;
    let a = detail.answers;
    let applicant = a.applicant;
    let right = a.right;
    let party = a.other_party;
    let facts = a.facts;
    let help = a.help;
    let kind = applicant.kind;
    let right_type = right.right_type;
    let legal = right.legal_status;
    let discovered = facts.discovered_on;
    let types = help.types.clone();
    let loss = facts
        .estimated_loss_fen
        .map(|fen| format!("{}.{:02} 元 (CNY)", fen / 100, fen % 100));
    view! {
        <section aria-labelledby="answers-heading">
            <h2 id="answers-heading">{tr(|t| t.answers_heading)}</h2>
            {anonymised.then(|| view! { <p class="inset-text">{tr(|t| t.case_anonymised)}</p> })}
            <h3>{tr(|t| t.applicant)}</h3>
            <dl class="summary-list">
                {row_label(|t| t.applicant_kind, move |l| kind.label(l).to_owned())}
                {row(|t| t.name, Some(applicant.name.clone()))}
                {applicant.resident_id.as_ref().map(|id| row(|t| t.resident_id, Some(id.to_string())))}
                {applicant.uscc.as_ref().map(|id| row(|t| t.uscc, Some(id.to_string())))}
                {applicant.contact_name.clone().map(|n| row(|t| t.contact_name, Some(n)))}
                {applicant.mobile.as_ref().map(|m| row(|t| t.mobile, Some(m.to_string())))}
                {applicant.representative_name.clone().map(|n| row(|t| t.representative, Some(n)))}
            </dl>
            <h3>{tr(|t| t.right)}</h3>
            <dl class="summary-list">
                {row_label(|t| t.right_type, move |l| right_type.label(l).to_owned())}
                {row(|t| t.right_number, right.number.clone())}
                {row(|t| t.right_title, right.title.clone())}
                {row(|t| t.right_holder, Some(right.holder.clone()))}
                {row_label(|t| t.legal_status, move |l| legal.label(l).to_owned())}
            </dl>
            <h3>{tr(|t| t.other_party)}</h3>
            <dl class="summary-list">
                {row(|t| t.name, Some(party.name.clone()))}
                {row(|t| t.address, party.address.clone())}
                {row(|t| t.online_link, party.online_link.clone())}
                {row(|t| t.place, Some(party.place.clone()))}
            </dl>
            <h3>{tr(|t| t.facts)}</h3>
            <dl class="summary-list">
                {row(|t| t.description, Some(facts.description.clone()))}
                {row_label(|t| t.discovered_on, move |l| short_date(discovered, l))}
                {row(|t| t.estimated_loss, loss)}
                {row(|t| t.other_actions, facts.other_actions.clone())}
            </dl>
            <h3>{tr(|t| t.help)}</h3>
            <dl class="summary-list">
                {row_label(|t| t.help, move |l| types.iter().map(|t| t.label(l)).collect::<Vec<_>>().join("；"))}
                {row(|t| t.help_notes, help.notes.clone())}
            </dl>
        </section>
    }
}

fn file_link(id: i64, file: &EvidenceFile) -> impl IntoView {
    let prefs = use_prefs();
    let kind = file.kind;
    let href = api::staff_case_file_href(id, file.id);
    view! {
        // A real page load: the router must not look for this among its pages.
        <a href=href rel="external" class="file-link">{file.name.clone()}</a>
        " "<span class="muted">"("{move || kind.label(prefs.lang.get())}")"</span>
    }
}

#[component]
fn Files(id: i64, files: Vec<EvidenceFile>) -> impl IntoView {
    view! {
        <section aria-labelledby="files-heading">
            <h2 id="files-heading">{tr(|t| t.evidence_heading)}</h2>
            {if files.is_empty() {
                view! { <p>{tr(|t| t.no_files)}</p> }.into_any()
            } else {
                view! {
                    <ul class="list-bullet">
                        {files.iter().map(|f| view! { <li>{file_link(id, f)}</li> }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}

#[component]
fn Timeline(events: Vec<TimelineEvent>) -> impl IntoView {
    let prefs = use_prefs();
    view! {
        <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{tr(|t| t.timeline_heading)}</h2>
            <ol class="timeline">
                {events
                    .into_iter()
                    .map(|e| {
                        let status = e.status;
                        view! {
                            <li class="timeline__item">
                                <strong>{move || status.label(prefs.lang.get())}</strong>
                                " "<span class="muted">{short_time(&e.at)}</span>
                                {e.note.map(|n| view! { <p class="pre-line">{n}</p> })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn Messages(id: i64, messages: Vec<CenterMessage>, files: Vec<EvidenceFile>) -> impl IntoView {
    let prefs = use_prefs();
    let _ = files;
    view! {
        <section aria-labelledby="messages-heading">
            <h2 id="messages-heading">{tr(|t| t.messages_heading)}</h2>
            {if messages.is_empty() {
                view! { <p>{tr(|t| t.no_messages)}</p> }.into_any()
            } else {
                view! {
                    <ol class="messages">
                        {messages
                            .into_iter()
                            .map(|m| {
                                let kind = m.kind;
                                view! {
                                    <li class="message">
                                        <p class="message__meta">
                                            <strong>{move || kind.label(prefs.lang.get())}</strong>
                                            " · "{tr(|t| t.sent_at)}" "{short_time(&m.sent_at)}
                                        </p>
                                        <p class="pre-line">{m.text.clone()}</p>
                                        {m.reply_by.map(|by| view! {
                                            <p>{move || {
                                                let lang = prefs.lang.get();
                                                workbench_texts(lang).reply_by_line(long_date(by, lang))
                                            }}</p>
                                        })}
                                        {match m.reply {
                                            Some(reply) => view! {
                                                <div class="message__reply">
                                                    <p class="message__meta">
                                                        <strong>{tr(|t| t.reply)}</strong>" · "{short_time(&reply.sent_at)}
                                                    </p>
                                                    {reply.text.map(|t| view! { <p class="pre-line">{t}</p> })}
                                                    {(!reply.files.is_empty()).then(|| view! {
                                                        <ul class="list-bullet">
                                                            {reply.files.iter().map(|f| view! { <li>{file_link(id, f)}</li> }).collect_view()}
                                                        </ul>
                                                    })}
                                                </div>
                                            }
                                            .into_any(),
                                            None if m.can_reply => view! { <p class="muted">{tr(|t| t.awaiting_reply)}</p> }.into_any(),
                                            None => ().into_any(),
                                        }}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                }
                .into_any()
            }}
        </section>
    }
}

#[component]
fn Notes(notes: Vec<CaseNote>) -> impl IntoView {
    view! {
        <section aria-labelledby="notes-heading">
            <h2 id="notes-heading">{tr(|t| t.note_heading)}</h2>
            <p class="hint">{tr(|t| t.note_hint)}</p>
            {if notes.is_empty() {
                view! { <p>{tr(|t| t.no_notes)}</p> }.into_any()
            } else {
                view! {
                    <ol class="messages">
                        {notes
                            .into_iter()
                            .map(|n| view! {
                                <li class="message message--note">
                                    <p class="message__meta"><strong>{n.author}</strong>" · "{short_time(&n.at)}</p>
                                    <p class="pre-line">{n.text}</p>
                                </li>
                            })
                            .collect_view()}
                    </ol>
                }
                .into_any()
            }}
        </section>
    }
}
