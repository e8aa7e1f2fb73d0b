//! `/staff/registrations/{id}`: one registration in full for a pre-examination officer (the
//! server logs the view): the firm's answers, what the rules say of them, the defects sent, the
//! history, the firm's other rounds, and the steps its status allows — take it; ask for every
//! amendment at once (one box per section); register; refuse with the reason; re-check (the same
//! boxes) or cancel a registration with a published reason; and internal notes at any time.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use portal_domain::api::firm::registration::{
    ActionKind, CancelReason, Defect, RegistrationStatus, ReviewAction, Section, StaffRegistration,
};

use super::admin_form::request_errors;
use super::auth::use_auth;
use super::guard::{Guard, StaffProblem};
use super::page_table::StaffPage;
use super::texts::*;
use super::use_staff_title;
use crate::api;
use crate::components::form::{error_for, FieldMessage, FormErrorSummary, Radio, TextArea};
use crate::components::loading::Loading;
use crate::components::submit::Submit;
use crate::components::upload::size_text;
use crate::dates::{days_aside, long_date, short_time};
use crate::pages::firm_registration::{answers, labels};
use crate::prefs::use_prefs;

#[component]
pub fn RegistrationPage() -> impl IntoView {
    use_staff_title(|t| t.registrations_heading);
    view! {
        <Guard page=StaffPage::Registrations>
            <Loader/>
        </Guard>
    }
}

#[component]
fn Loader() -> impl IntoView {
    let prefs = use_prefs();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0));
    let loaded = LocalResource::new(move || {
        let id = id();
        async move { api::staff_registration(id, prefs.lang.get_untracked()).await }
    });
    view! {
        <div class="container page">
            <A href="/staff/registrations" attr:class="back-link">{tr(|t| t.reg_back)}</A>
            <Transition fallback=move || view! { <Loading label=Signal::derive(tr(|t| t.loading))/> }>
                {move || Suspend::new(async move {
                    match loaded.await {
                        Ok(r) => view! { <Registration data=RwSignal::new(r)/> }.into_any(),
                        Err(error) => view! { <StaffProblem error=error on_retry=move |_| loaded.refetch()/> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

#[component]
fn Registration(data: RwSignal<StaffRegistration>) -> impl IntoView {
    let prefs = use_prefs();
    let summary = move || {
        let lang = prefs.lang.get();
        let r = data.get();
        view! {
            <h1 tabindex="-1">{r.firm_name.clone()}" · "{r.reference.clone()}</h1>
            <dl class="summary-list">
                <div class="summary-list__row"><dt>{pick(lang, |t| t.reg_uscc)}</dt><dd><code>{r.uscc.clone()}</code></dd></div>
                <div class="summary-list__row"><dt>{pick(lang, |t| t.reg_col_kind)}</dt><dd>{r.kind.label(lang)}</dd></div>
                <div class="summary-list__row"><dt>{pick(lang, |t| t.reg_col_status)}</dt><dd>{r.status.label(lang)}</dd></div>
                <div class="summary-list__row"><dt>{pick(lang, |t| t.reg_col_due)}</dt><dd>
                    {r.due_on.map(|d| long_date(d, lang)).unwrap_or_default()}
                    {r.days_left.map(|n| days_aside(n, lang))}
                    {r.overdue.then(|| view! { " " <strong class="overdue-tag">{pick(lang, |t| t.reg_overdue)}</strong> })}
                </dd></div>
                {r.cancellation.clone().map(|c| view! {
                    <div class="summary-list__row"><dt>{pick(lang, |t| t.reg_cancelled)}</dt>
                        <dd>{long_date(c.on, lang)}" · "{c.reason.label(lang)}"："{c.text}</dd></div>
                })}
                <div class="summary-list__row"><dt>{pick(lang, |t| t.reg_col_assignee)}</dt>
                    <dd>{r.assignee.clone().unwrap_or_else(|| pick(lang, |t| t.reg_unassigned).to_owned())}</dd></div>
            </dl>
            {(!r.defects.is_empty()).then(|| view! {
                <h2>{pick(lang, |t| t.reg_current_defects)}</h2>
                <ul class="list-bullet">
                    {r.defects.iter().map(|d| view! { <li>{labels::section(d.section, lang)}"："{d.text.clone()}</li> }).collect_view()}
                </ul>
            })}
            <h2>{pick(lang, |t| t.reg_rules_heading)}</h2>
            <ul class="rule-list">
                {r.eligibility.iter().map(|o| view! {
                    <li class="rule-list__item">
                        <span>{labels::rule(o.rule, &r.rules, lang)}</span>
                        <span class="task-tag">{labels::outcome(o.outcome, lang)}</span>
                    </li>
                }).collect_view()}
            </ul>
            <h2>{pick(lang, |t| t.reg_files_heading)}</h2>
            <p class="hint">{pick(lang, |t| t.reg_files_hint)}</p>
            <dl class="summary-list answers">
                {answers::materials(&r.files, &r.materials).into_iter().map(|(m, required, files)| view! {
                    <div class="summary-list__row">
                        <dt>{labels::material(m, lang)}{required.then(|| format!("（{}）", pick(lang, |t| t.reg_required)))}</dt>
                        <dd class="summary-list__value">
                            {if files.is_empty() {
                                pick(lang, |t| t.reg_no_files).into_any()
                            } else {
                                view! { <ul class="file-list">{files.into_iter().map(|f| view! {
                                    <li><a class="file-card__name" href=api::staff_registration_file_href(r.id, f.id)>{f.name.clone()}</a>
                                        " · "{size_text(f.size)}</li>
                                }).collect_view()}</ul> }.into_any()
                            }}
                        </dd>
                    </div>
                }).collect_view()}
            </dl>
            <h2>{pick(lang, |t| t.reg_answers_heading)}</h2>
            {Section::ALL.into_iter().filter(|s| *s != Section::Uploads).map(|section| view! {
                <h3>{labels::section(section, lang)}</h3>
                <dl class="summary-list answers">
                    {answers::rows(section, &r.answers, &r.fields, lang).into_iter().map(|(q, a)| view! {
                        <div class="summary-list__row"><dt>{q}</dt><dd class="summary-list__value">{a.unwrap_or_default()}</dd></div>
                    }).collect_view()}
                </dl>
            }).collect_view()}
            {(!r.rounds.is_empty()).then(|| view! {
                <h2>{pick(lang, |t| t.reg_rounds_heading)}</h2>
                <ul class="list-bullet">
                    {r.rounds.clone().into_iter().map(|round| view! {
                        <li>
                            <A href=format!("/staff/registrations/{}", round.id)>{round.reference.clone()}</A>
                            " · "{round.kind.label(lang)}" · "{round.status.label(lang)}
                        </li>
                    }).collect_view()}
                </ul>
            })}
            <h2>{pick(lang, |t| t.reg_history_heading)}</h2>
            <ol class="list-number">
                {r.events.iter().map(|e| view! {
                    <li>{short_time_of(e.at)}" · "{e.by.clone()}" · "{e.action.clone()}
                        {(!e.detail.is_empty()).then(|| view! { <br/><span class="answers">{e.detail.clone()}</span> })}
                    </li>
                }).collect_view()}
            </ol>
        }
    };
    view! {
        {summary}
        <Steps data=data/>
    }
}

/// Unix seconds as the workbench's short date and time.
fn short_time_of(at: i64) -> String {
    short_time(&portal_domain::time::format_shanghai(at))
}

/// The steps the status allows, and the internal note.
#[component]
fn Steps(data: RwSignal<StaffRegistration>) -> impl IntoView {
    let auth = use_auth();
    let prefs = use_prefs();
    let form = Submit::new();
    let errors = form.errors;
    let busy = form.busy();
    let done = RwSignal::new(false);
    let amend: StoredValue<Vec<(Section, RwSignal<String>)>> = StoredValue::new(
        Section::ALL
            .into_iter()
            .map(|s| (s, RwSignal::new(String::new())))
            .collect(),
    );
    let reason = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let send = move |action: ReviewAction, first: &'static str, clear: Option<RwSignal<String>>| {
        let lang = prefs.lang.get_untracked();
        let id = data.with_untracked(|d| d.id);
        let key = api::new_idempotency_key();
        done.set(false);
        form.send(
            Ok(action),
            move |action| {
                let csrf = auth.csrf();
                async move { api::staff_review_registration(id, &action, &csrf, &key, lang).await }
            },
            move |r| {
                data.set(r);
                done.set(true);
                if let Some(c) = clear {
                    c.set(String::new());
                }
            },
            move |error| auth.form_errors(error, |e| request_errors(lang, e, first)),
        );
    };
    let status = move || data.with(|d| d.status);
    // Asking to amend (under review) and re-checking (registered) send the same boxes.
    let on_defects = move |action: ActionKind| {
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let defects = amend.with_value(|boxes| {
                boxes
                    .iter()
                    .filter(|(_, text)| !text.get_untracked().trim().is_empty())
                    .map(|(section, text)| Defect {
                        section: *section,
                        text: text.get_untracked(),
                    })
                    .collect()
            });
            send(
                ReviewAction {
                    action,
                    defects,
                    text: None,
                    reason: None,
                },
                "defect-firm",
                None,
            );
        }
    };
    let cancel_reason = RwSignal::new(None::<String>);
    let cancel_text = RwSignal::new(String::new());
    let on_cancel = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let reason = cancel_reason
            .get_untracked()
            .and_then(|code| CancelReason::from_code(&code));
        send(
            ReviewAction {
                action: ActionKind::Cancel,
                defects: vec![],
                text: Some(cancel_text.get_untracked()),
                reason,
            },
            "reason",
            Some(cancel_text),
        );
    };
    let on_refuse = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = Some(reason.get_untracked());
        send(
            ReviewAction {
                action: ActionKind::Refuse,
                defects: vec![],
                text,
                reason: None,
            },
            "reason",
            Some(reason),
        );
    };
    let on_note = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = Some(note.get_untracked());
        send(
            ReviewAction {
                action: ActionKind::Note,
                defects: vec![],
                text,
                reason: None,
            },
            "note",
            Some(note),
        );
    };
    let simple = move |action: ActionKind| {
        move |_| {
            send(
                ReviewAction {
                    action,
                    defects: vec![],
                    text: None,
                    reason: None,
                },
                "take",
                None,
            )
        }
    };
    let error = move |id: &'static str| Signal::derive(move || errors.with(|e| error_for(e, id)));
    // A refusal of `defects` is shown at the first section's box.
    let defects_error = Signal::derive(move || errors.with(|e| error_for(e, "defects")));
    let defect_boxes = move || {
        amend
            .get_value()
            .into_iter()
            .map(|(section, text)| {
                let id: &'static str = match section {
                    Section::Firm => "defect-firm",
                    Section::Rnd => "defect-rnd",
                    Section::Patents => "defect-patents",
                    Section::Management => "defect-management",
                    Section::Uploads => "defect-uploads",
                    Section::Declaration => "defect-declaration",
                };
                // The server names the defects as a whole: its message at the first box.
                let error = if section == Section::Firm {
                    defects_error
                } else {
                    Signal::derive(|| None::<String>)
                };
                view! {
                    <TextArea id=id label=Signal::derive(move || labels::section(section, prefs.lang.get()))
                        value=text error=error max_chars=1000/>
                }
            })
            .collect_view()
    };
    let in_force = move || data.with(|d| d.status == RegistrationStatus::Registered);
    view! {
        <FormErrorSummary errors=Signal::derive(move || errors.get().into_iter().map(|(id, m)| {
            (if id == "defects" { "defect-firm".to_owned() } else { id }, m)
        }).collect::<Vec<_>>())/>
        {move || done.get().then(|| view! { <p class="notice notice--success" role="status">{tr(|t| t.reg_done)}</p> })}
        {move || (status() == RegistrationStatus::Submitted).then(|| view! {
            <div class="button-row">
                <button type="button" id="take" class="button" disabled=move || busy.get() on:click=simple(ActionKind::Start)>
                    {tr(|t| t.reg_take)}
                </button>
            </div>
        })}
        <Show when=move || status() == RegistrationStatus::UnderReview>
            <section class="case-panel">
                <h2>{tr(|t| t.reg_amend_heading)}</h2>
                <p class="hint">{tr(|t| t.reg_amend_lead)}</p>
                <form novalidate on:submit=on_defects(ActionKind::Amend)>
                    {defect_boxes()}
                    <button type="submit" class="button" disabled=move || busy.get()>{tr(|t| t.reg_send_amend)}</button>
                </form>
            </section>
            <section class="case-panel">
                <h2>{tr(|t| t.reg_register_heading)}</h2>
                <p class="hint">{tr(|t| t.reg_register_lead)}</p>
                <button type="button" id="register" class="button" disabled=move || busy.get() on:click=simple(ActionKind::Register)>
                    {tr(|t| t.reg_register)}
                </button>
            </section>
            <section class="case-panel">
                <h2>{tr(|t| t.reg_refuse_heading)}</h2>
                <form novalidate on:submit=on_refuse>
                    <TextArea id="reason" label=Signal::derive(tr(|t| t.reg_refuse_reason)) value=reason
                        error=error("text") max_chars=1000/>
                    <button type="submit" class="button button--warning" disabled=move || busy.get()>{tr(|t| t.reg_refuse)}</button>
                </form>
            </section>
        </Show>
        <Show when=in_force>
            <section class="case-panel">
                <h2>{tr(|t| t.reg_recheck_heading)}</h2>
                <p class="hint">{tr(|t| t.reg_recheck_lead)}</p>
                <form novalidate on:submit=on_defects(ActionKind::Recheck)>
                    {defect_boxes()}
                    <button type="submit" class="button" disabled=move || busy.get()>{tr(|t| t.reg_send_recheck)}</button>
                </form>
            </section>
            <section class="case-panel">
                <h2>{tr(|t| t.reg_cancel_heading)}</h2>
                <p class="hint">{tr(|t| t.reg_cancel_lead)}</p>
                <form novalidate on:submit=on_cancel>
                    <fieldset class="fieldset">
                        <legend class="fieldset__legend"><span class="label">{tr(|t| t.reg_cancel_reason)}</span></legend>
                        <FieldMessage id="reason" error=error("reason")/>
                        <div class="choices">{CancelReason::ALL.iter().enumerate().map(|(i, reason)| {
                            let reason = *reason;
                            let id = if i == 0 { "reason".to_owned() } else { format!("reason-{}", reason.code()) };
                            view! {
                                <Radio name="cancel-reason" id=id value=reason.code().to_owned()
                                    label=Signal::derive(move || reason.label(prefs.lang.get()).to_owned())
                                    selected=cancel_reason/>
                            }
                        }).collect_view()}</div>
                    </fieldset>
                    <TextArea id="cancel-text" label=Signal::derive(tr(|t| t.reg_cancel_text)) value=cancel_text
                        error=error("text") max_chars=1000/>
                    <button type="submit" class="button button--warning" disabled=move || busy.get()>{tr(|t| t.reg_cancel)}</button>
                </form>
            </section>
        </Show>
        <section class="case-panel">
            <h2>{tr(|t| t.reg_note_heading)}</h2>
            <form novalidate on:submit=on_note>
                <TextArea id="note" label=Signal::derive(tr(|t| t.reg_note_text)) value=note error=error("text") max_chars=1000/>
                <button type="submit" class="button button--secondary" disabled=move || busy.get()>{tr(|t| t.reg_add_note)}</button>
            </form>
        </section>
    }
}
