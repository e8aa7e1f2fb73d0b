//! The steps an officer may take on a pre-examination request, those its status allows (the
//! domain's `apply` decides; the server refuses the rest): 受理 / 不予受理; 需修改 with one
//! opinion listing every formal and substantive defect; 预审合格 with the notice's number;
//! 预审不合格; 视为撤回 once the reply is overdue; the 一致性审查 of the reported filing
//! (forward, or return it); the national outcome. Each form checks its text with the domain's
//! `action_problems` before sending and shows the server's refusal at the same field.

use leptos::prelude::*;
use portal_domain::api::firm::pre_exam::{
    action_problems, PreExamAction as A, PreExamStatus as S, StaffPreExam, MAX_AMENDMENT_ROUNDS,
};

use super::auth::{use_auth, Auth};
use super::confirm_form::ConfirmState;
use super::texts::*;
use crate::api;
use crate::components::form::{error_for, lines, FormErrorSummary, TextArea, TextField};
use crate::prefs::use_prefs;

/// Longest text of a reason box (each line is one reason; `apply` caps each line).
const MAX_BOX_CHARS: usize = 10_000;

/// What one step's form is: its texts, its field and how the typed text becomes the action.
#[derive(Clone, Copy)]
struct Step {
    id: &'static str,
    heading: Tr,
    hint: Tr,
    /// The label of the box; none for a one-button step.
    label: Option<Tr>,
    /// A one-line box (a number, a date) rather than a list of lines.
    line: bool,
    button: Tr,
    warning: bool,
    make: fn(&str) -> A,
}

const ACCEPT: Step = Step {
    id: "accept",
    heading: |t| t.pre_exam_accept,
    hint: |t| t.pre_exam_accept_hint,
    label: None,
    line: false,
    button: |t| t.pre_exam_accept,
    warning: false,
    make: |_| A::Accept,
};
const NOT_ACCEPT: Step = Step {
    id: "not-accept-reasons",
    heading: |t| t.pre_exam_not_accept,
    hint: |t| t.pre_exam_lines_hint,
    label: Some(|t| t.pre_exam_reasons_label),
    line: false,
    button: |t| t.pre_exam_not_accept,
    warning: true,
    make: |s| A::NotAccept { reasons: lines(s) },
};
const PASS: Step = Step {
    id: "notice-number",
    heading: |t| t.pre_exam_pass,
    hint: |t| t.pre_exam_pass_hint,
    label: Some(|t| t.pre_exam_notice_number),
    line: true,
    button: |t| t.pre_exam_pass,
    warning: false,
    make: |s| A::Pass {
        notice_number: s.to_owned(),
    },
};
const FAIL: Step = Step {
    id: "fail-reasons",
    heading: |t| t.pre_exam_fail,
    hint: |t| t.pre_exam_fail_hint,
    label: Some(|t| t.pre_exam_reasons_label),
    line: false,
    button: |t| t.pre_exam_fail,
    warning: true,
    make: |s| A::Fail { reasons: lines(s) },
};
const EXPIRE: Step = Step {
    id: "expire",
    heading: |t| t.pre_exam_expire,
    hint: |t| t.pre_exam_expire_hint,
    label: None,
    line: false,
    button: |t| t.pre_exam_expire,
    warning: true,
    make: |_| A::Expire,
};
const CONFIRM: Step = Step {
    id: "confirm-filing",
    heading: |t| t.pre_exam_confirm,
    hint: |t| t.pre_exam_confirm_hint,
    label: None,
    line: false,
    button: |t| t.pre_exam_confirm,
    warning: false,
    make: |_| A::ConfirmFiling,
};
const RETURN: Step = Step {
    id: "return-reasons",
    heading: |t| t.pre_exam_return,
    hint: |t| t.pre_exam_return_hint,
    label: Some(|t| t.pre_exam_reasons_label),
    line: false,
    button: |t| t.pre_exam_return,
    warning: true,
    make: |s| A::ReturnFiling { reasons: lines(s) },
};
const GRANT: Step = Step {
    id: "granted-on",
    heading: |t| t.pre_exam_grant,
    hint: |t| t.pre_exam_date_hint,
    label: Some(|t| t.pre_exam_granted_on),
    line: true,
    button: |t| t.pre_exam_grant,
    warning: false,
    make: |s| A::RecordGrant {
        granted_on: s.to_owned(),
    },
};
const NOT_GRANTED: Step = Step {
    id: "not-granted-reasons",
    heading: |t| t.pre_exam_not_granted,
    hint: |t| t.pre_exam_lines_hint,
    label: Some(|t| t.pre_exam_reasons_label),
    line: false,
    button: |t| t.pre_exam_not_granted,
    warning: true,
    make: |s| A::RecordNotGranted { reasons: lines(s) },
};

/// The steps of the request's status (none once it is final), and what the last one did.
#[component]
pub fn Steps(data: RwSignal<StaffPreExam>) -> impl IntoView {
    let done = RwSignal::new(false);
    let status = Memo::new(move |_| data.with(|d| d.examination.status));
    let overdue = move || data.with(|d| d.days_left.is_some_and(|n| n < 0));
    let rounds_left = move || data.with(|d| d.examination.amendment_rounds < MAX_AMENDMENT_ROUNDS);
    let form = move |step: Step| view! { <StepForm step=step data=data done=done/> };
    view! {
        {move || done.get().then(|| view! { <p class="notice notice--success" role="status">{tr(|t| t.pre_exam_done)}</p> })}
        {move || match status.get() {
            S::Submitted => view! { {form(ACCEPT)} {form(NOT_ACCEPT)} }.into_any(),
            S::UnderExamination => view! {
                {if rounds_left() {
                    view! { <Amendment data=data done=done/> }.into_any()
                } else {
                    view! { <p class="notice">{tr(|t| t.pre_exam_rounds_all_used)}</p> }.into_any()
                }}
                {form(PASS)} {form(FAIL)}
            }.into_any(),
            S::NeedsAmendment if overdue() => form(EXPIRE).into_any(),
            S::FilingReported => view! { {form(CONFIRM)} {form(RETURN)} }.into_any(),
            S::Forwarded => view! { {form(GRANT)} {form(NOT_GRANTED)} }.into_any(),
            _ => ().into_any(),
        }}
    }
}

/// Sends `action` as one step: the domain's checks first (at `state`'s field), then the server;
/// its answer replaces the request shown.
fn send_step(
    auth: Auth,
    state: ConfirmState,
    data: RwSignal<StaffPreExam>,
    done: RwSignal<bool>,
    action: A,
    clear: impl FnOnce() + 'static,
    lang: portal_domain::Lang,
) {
    let problems = action_problems(&action);
    let problems = (!problems.is_empty()).then_some(problems);
    let id = data.with_untracked(|d| d.id);
    done.set(false);
    state.send(
        auth,
        lang,
        problems,
        move |csrf| async move { api::staff_act_on_pre_exam(id, &action, &csrf, lang).await },
        move |answer| {
            data.set(answer);
            clear();
            done.set(true);
        },
    );
}

/// One step's form: its error summary, its box (if any) and its button.
#[component]
fn StepForm(step: Step, data: RwSignal<StaffPreExam>, done: RwSignal<bool>) -> impl IntoView {
    let auth = use_auth();
    let state = ConfirmState::new(step.id);
    let value = RwSignal::new(String::new());
    let on_submit = state.on_submit(move |lang| {
        let action = (step.make)(&value.get_untracked());
        send_step(
            auth,
            state,
            data,
            done,
            action,
            move || value.set(String::new()),
            lang,
        );
    });
    let error = Signal::derive(move || state.errors.with(|e| error_for(e, step.id)));
    let field = step.label.map(|label| {
        if step.line {
            view! { <TextField id=step.id label=tr(label) hint=tr(step.hint) value=value error=error short=true/> }.into_any()
        } else {
            view! { <TextArea id=step.id label=tr(label) hint=tr(step.hint) value=value error=error max_chars=MAX_BOX_CHARS/> }.into_any()
        }
    });
    let one_button = step.label.is_none();
    view! {
        <section class="case-panel">
            <h2>{tr(step.heading)}</h2>
            {one_button.then(|| view! { <p class="hint">{tr(step.hint)}</p> })}
            <FormErrorSummary errors=state.errors/>
            <form novalidate on:submit=on_submit>
                {field}
                <button type="submit" id=one_button.then_some(step.id) class="button"
                    class:button--warning=step.warning disabled=move || state.busy.get()>
                    {tr(step.button)}
                </button>
            </form>
        </section>
    }
}

/// 需修改: one opinion with every defect, formal and substantive, one a line in its box; both
/// boxes become the opinion's one list (each defect marked with its kind).
#[component]
fn Amendment(data: RwSignal<StaffPreExam>, done: RwSignal<bool>) -> impl IntoView {
    let auth = use_auth();
    let prefs = use_prefs();
    let state = ConfirmState::new("defects-formal");
    let formal = RwSignal::new(String::new());
    let substantive = RwSignal::new(String::new());
    let on_submit = state.on_submit(move |lang| {
        let mark = |kind: Tr, text: &str| {
            lines(text)
                .into_iter()
                .map(|l| format!("{}{l}", pick(lang, kind)))
                .collect::<Vec<_>>()
        };
        let mut defects = mark(|t| t.pre_exam_formal_mark, &formal.get_untracked());
        defects.extend(mark(
            |t| t.pre_exam_substantive_mark,
            &substantive.get_untracked(),
        ));
        let clear = move || {
            formal.set(String::new());
            substantive.set(String::new());
        };
        send_step(
            auth,
            state,
            data,
            done,
            A::RequestAmendment { defects },
            clear,
            lang,
        );
    });
    let error = Signal::derive(move || state.errors.with(|e| error_for(e, "defects-formal")));
    let rounds =
        move || data.with(|d| pre_exam_rounds(prefs.lang.get(), d.examination.amendment_rounds));
    view! {
        <section class="case-panel">
            <h2>{tr(|t| t.pre_exam_amend)}</h2>
            <p class="hint">{tr(|t| t.pre_exam_amend_lead)}" "{rounds}</p>
            <FormErrorSummary errors=state.errors/>
            <form novalidate on:submit=on_submit>
                <TextArea id="defects-formal" label=tr(|t| t.pre_exam_formal) hint=tr(|t| t.pre_exam_lines_hint)
                    value=formal error=error max_chars=MAX_BOX_CHARS/>
                <TextArea id="defects-substantive" label=tr(|t| t.pre_exam_substantive) hint=tr(|t| t.pre_exam_lines_hint)
                    value=substantive error=Signal::derive(|| None::<String>) max_chars=MAX_BOX_CHARS/>
                <button type="submit" class="button" disabled=move || state.busy.get()>{tr(|t| t.pre_exam_send_amend)}</button>
            </form>
        </section>
    }
}
