//! `/staff/pre-exams/{id}`: one pre-examination request in full for an officer of its venue (the
//! server logs the view): where it stands and its deadline, the firm's answers, its documents
//! (each opened through the audited file route), its history, and the steps its status allows
//! (`pre_exam_steps`).

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use portal_domain::api::firm::pre_exam::{Actor, Document, ExamEvent, StaffPreExam};
use portal_domain::Lang;

use super::guard::{load, Guard};
use super::page_table::StaffPage;
use super::pre_exam_steps::Steps;
use super::texts::*;
use super::use_staff_title;
use crate::api;
use crate::components::upload::size_text;
use crate::dates::{days_aside, long_date, short_date};
use crate::prefs::use_prefs;

#[component]
pub fn PreExamPage() -> impl IntoView {
    use_staff_title(|t| t.pre_exams_heading);
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0));
    view! {
        <Guard page=StaffPage::PreExams>
            <div class="container page">
                <A href="/staff/pre-exams" attr:class="back-link">{tr(|t| t.pre_exam_back)}</A>
                {load(move |lang| api::staff_pre_exam(id(), lang), |r| {
                    let data = RwSignal::new(r);
                    view! { <Request data=data/> <Steps data=data/> }.into_any()
                })}
            </div>
        </Guard>
    }
}

/// One row of a summary list.
fn row(term: String, value: impl IntoView) -> AnyView {
    view! { <div class="summary-list__row"><dt>{term}</dt><dd class="summary-list__value">{value}</dd></div> }
        .into_any()
}

/// A list of texts (defects, reasons), or nothing when empty.
fn text_list(heading: &'static str, items: &[String]) -> Option<AnyView> {
    (!items.is_empty()).then(|| {
        view! {
            <h2>{heading}</h2>
            <ol class="list-number">{items.iter().map(|d| view! { <li>{d.clone()}</li> }).collect_view()}</ol>
        }
        .into_any()
    })
}

#[component]
fn Request(data: RwSignal<StaffPreExam>) -> impl IntoView {
    let prefs = use_prefs();
    move || {
        let lang = prefs.lang.get();
        let r = data.get();
        view! {
            <h1 tabindex="-1">{r.request.title.clone()}" · "{r.reference.clone()}</h1>
            {standing(&r, lang)}
            {text_list(pick(lang, |t| t.pre_exam_defects_heading), &r.examination.defects)}
            {text_list(pick(lang, |t| t.pre_exam_reasons_heading), &r.examination.reasons)}
            <h2>{pick(lang, |t| t.reg_answers_heading)}</h2>
            {answers(&r, lang)}
            <h2>{pick(lang, |t| t.reg_files_heading)}</h2>
            <p class="hint">{pick(lang, |t| t.reg_files_hint)}</p>
            {files(&r, lang)}
            <h2>{pick(lang, |t| t.reg_history_heading)}</h2>
            <ol class="list-number">{r.events.iter().map(|e| event(e, lang)).collect_view()}</ol>
        }
    }
}

/// Where the request stands: firm, status, deadline, notice, filing, grant.
fn standing(r: &StaffPreExam, lang: Lang) -> AnyView {
    let p = |text: Tr| pick(lang, text).to_owned();
    let exam = &r.examination;
    let due = exam.due_on.map_or_else(
        || p(|t| t.pre_exam_no_limit),
        |d| {
            let left = r.days_left.map(|n| days_aside(n, lang));
            format!("{}{}", long_date(d, lang), left.unwrap_or_default())
        },
    );
    let notice = exam.notice.as_ref().map(|n| {
        row(
            p(|t| t.pre_exam_notice),
            format!("{} · {}", n.number, long_date(n.issued_on, lang)),
        )
    });
    let filing = exam.filing.as_ref().map(|f| {
        row(
            p(|t| t.pre_exam_filing),
            format!("{} · {}", f.number, long_date(f.filed_on, lang)),
        )
    });
    let granted = exam
        .granted_on
        .map(|d| row(p(|t| t.pre_exam_granted_on), long_date(d, lang)));
    view! {
        <dl class="summary-list">
            {row(p(|t| t.reg_col_firm), format!("{} ({})", r.firm_name, r.uscc))}
            {row(p(|t| t.reg_col_status), exam.status.label(lang))}
            {row(p(|t| t.reg_col_due), due)}
            {row(p(|t| t.pre_exam_submitted_on), long_date(exam.submitted_on, lang))}
            {row(p(|t| t.pre_exam_rounds), pre_exam_rounds(lang, exam.amendment_rounds))}
            {notice}
            {filing}
            {granted}
        </dl>
    }
    .into_any()
}

/// The firm's answers, as submitted.
fn answers(r: &StaffPreExam, lang: Lang) -> AnyView {
    let p = |text: Tr| pick(lang, text).to_owned();
    let req = &r.request;
    let names = |list: &[String]| {
        if list.is_empty() {
            p(|t| t.pre_exam_none)
        } else {
            list.join(pick(lang, |t| t.pre_exam_list_separator))
        }
    };
    let rows = vec![
        (p(|t| t.pre_exam_title), req.title.clone()),
        (p(|t| t.reg_col_kind), req.kind.label(lang).to_owned()),
        (p(|t| t.pre_exam_venue), req.venue.label(lang).to_owned()),
        (
            p(|t| t.pre_exam_classification),
            format!("{} · {}", req.classification.as_str(), req.field),
        ),
        (
            p(|t| t.pre_exam_exclusions),
            p(|t| t.pre_exam_exclusions_none),
        ),
        (p(|t| t.pre_exam_inventors), names(&req.inventors)),
        (p(|t| t.pre_exam_summary), req.summary.clone()),
        (p(|t| t.pre_exam_co_applicants), names(&req.co_applicants)),
    ];
    view! {
        <dl class="summary-list answers">{rows.into_iter().map(|(q, a)| row(q, a)).collect_view()}</dl>
    }
    .into_any()
}

/// The documents, each file opened through the audited route.
fn files(r: &StaffPreExam, lang: Lang) -> AnyView {
    let id = r.id;
    let rows = Document::ALL
        .iter()
        .filter_map(|doc| {
            let links: Vec<_> = r
                .files
                .iter()
                .filter(|f| f.document == *doc)
                .map(|f| {
                    view! {
                        <li><a class="file-card__name" href=api::staff_pre_exam_file_href(id, f.id)>{f.name.clone()}</a>
                            " · "{size_text(f.size)}</li>
                    }
                })
                .collect();
            (!links.is_empty()).then(|| {
                row(doc.label(lang).to_owned(), view! { <ul class="file-list">{links}</ul> })
            })
        })
        .collect_view();
    view! { <dl class="summary-list answers">{rows}</dl> }.into_any()
}

/// One entry of the history: when, who, what, and its defects, reasons or numbers.
fn event(e: &ExamEvent, lang: Lang) -> AnyView {
    let by = pick(
        lang,
        match e.by {
            Actor::Firm => |t| t.pre_exam_by_firm,
            Actor::Officer => |t| t.pre_exam_by_officer,
            Actor::System => |t| t.pre_exam_by_system,
        },
    );
    view! {
        <li>{short_date(e.on, lang)}" · "{by}" · "{action_label(lang, &e.action)}
            {(!e.detail.is_empty()).then(|| view! { <br/><span class="answers">{e.detail.join("；")}</span> })}
        </li>
    }
    .into_any()
}

/// The history's name of an action code (`submit` or a `PreExamAction::code`).
fn action_label(lang: Lang, code: &str) -> &'static str {
    pick(
        lang,
        match code {
            "submit" => |t| t.pre_exam_event_submit,
            "accept" => |t| t.pre_exam_accept,
            "not_accept" => |t| t.pre_exam_not_accept,
            "request_amendment" => |t| t.pre_exam_amend,
            "reply" => |t| t.pre_exam_event_reply,
            "pass" => |t| t.pre_exam_pass,
            "fail" => |t| t.pre_exam_fail,
            "expire" => |t| t.pre_exam_expire,
            "report_filing" => |t| t.pre_exam_event_report,
            "confirm_filing" => |t| t.pre_exam_confirm,
            "return_filing" => |t| t.pre_exam_return,
            "record_grant" => |t| t.pre_exam_grant,
            _ => |t| t.pre_exam_not_granted,
        },
    )
}
