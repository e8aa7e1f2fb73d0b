//! `/fast-track/pre-exams/{id}/{section}`: one part's questions (GOV.UK question page: error
//! summary, messages at the fields). The answers are checked by the domain's own code against
//! the venue's fields as the server checks them, so a class the venue does not examine, or an
//! application pre-examination does not take, is refused here in the server's words. What is
//! right is saved as it is typed (`PUT`, the whole draft), so a reload keeps it; "save and
//! continue" saves and goes back to the task list, or shows every problem of the part.

use leptos::prelude::*;
use portal_domain::api::firm::pre_exam::{Exclusion, PreExamAnswers, MAX_SUMMARY_CHARS};
use portal_domain::api::firm::registration::{FieldStatus, FieldVenue, TechField};
use portal_domain::ids::PatentKind;
use portal_domain::{Lang, Localized};

use super::sections::Section;
use super::texts::{pe_text, pick, pre_exam_texts, Tr};
use super::{page_href, use_loaded, Loaded};
use crate::api;
use crate::app_links::use_go;
use crate::components::choices::{choice_options, RadioGroup};
use crate::components::form::{
    error_for, lines, text_of, FormErrorSummary, FormErrors, TextArea, TextField,
};
use crate::components::submit::{refused, Submit};
use crate::prefs::{use_page_title, use_prefs};

/// Room for the most names the server takes, one per line.
const NAMES_CHARS: usize = 2000;
/// The kinds a firm chooses from: PCT applications are not pre-examined (asked as an exclusion).
const KINDS: [PatentKind; 3] = [
    PatentKind::Invention,
    PatentKind::UtilityModel,
    PatentKind::Design,
];

/// Every answer as the form holds it.
#[derive(Clone, Copy)]
struct Draft {
    venue: RwSignal<Option<String>>,
    kind: RwSignal<Option<String>>,
    classification: RwSignal<String>,
    exclusions: [RwSignal<Option<String>>; 5],
    title: RwSignal<String>,
    inventors: RwSignal<String>,
    summary: RwSignal<String>,
    co_applicants: RwSignal<String>,
}

fn yes_no(value: Option<bool>) -> Option<String> {
    value.map(|v| if v { "yes" } else { "no" }.to_owned())
}

fn typed(value: String) -> Option<String> {
    (!value.trim().is_empty()).then_some(value)
}

impl Draft {
    fn new(a: &PreExamAnswers) -> Draft {
        Draft {
            venue: RwSignal::new(a.venue.map(|v| v.code().to_owned())),
            kind: RwSignal::new(a.kind.map(|k| k.code().to_owned())),
            classification: RwSignal::new(text_of(&a.classification)),
            exclusions: Exclusion::ALL.map(|x| RwSignal::new(yes_no(a.exclusion(x)))),
            title: RwSignal::new(text_of(&a.title)),
            inventors: RwSignal::new(a.inventors.join("\n")),
            summary: RwSignal::new(text_of(&a.summary)),
            co_applicants: RwSignal::new(a.co_applicants.join("\n")),
        }
    }

    fn kind(&self) -> Option<PatentKind> {
        self.kind.get().and_then(|k| PatentKind::from_code(&k))
    }

    /// The answers as typed.
    fn answers(&self) -> PreExamAnswers {
        let answer = |x: Exclusion| {
            let i = Exclusion::ALL.iter().position(|e| *e == x).unwrap_or(0);
            self.exclusions[i].get_untracked().map(|v| v == "yes")
        };
        PreExamAnswers {
            venue: self
                .venue
                .get_untracked()
                .and_then(|v| FieldVenue::from_code(&v)),
            kind: self
                .kind
                .get_untracked()
                .and_then(|k| PatentKind::from_code(&k)),
            classification: typed(self.classification.get_untracked()),
            title: typed(self.title.get_untracked()),
            inventors: lines(&self.inventors.get_untracked()),
            summary: typed(self.summary.get_untracked()),
            co_applicants: lines(&self.co_applicants.get_untracked()),
            pct_national_phase: answer(Exclusion::PctNationalPhase),
            divisional: answer(Exclusion::Divisional),
            same_day_filing: answer(Exclusion::SameDayFiling),
            needs_secrecy_examination: answer(Exclusion::SecrecyExamination),
            already_filed: answer(Exclusion::AlreadyFiled),
        }
    }
}

/// What the shared checks find wrong in `answers`, in this part.
fn problems_in(
    loaded: Loaded,
    section: Section,
    answers: &PreExamAnswers,
    lang: Lang,
) -> FormErrors {
    loaded.data.with_untracked(|d| {
        answers
            .problems(&d.fields)
            .into_iter()
            .filter(|(name, _)| section.owns(name))
            .map(|(name, e)| (name, e.message(lang)))
            .collect()
    })
}

/// The id of a part's first question (where a refusal naming no field is shown).
fn first_id(section: Section) -> &'static str {
    match section {
        Section::Exclusions => Exclusion::PctNationalPhase.field(),
        Section::Details => "title",
        _ => "venue",
    }
}

#[component]
pub fn SectionPage(section: Section) -> impl IntoView {
    let prefs = use_prefs();
    let go = use_go();
    let loaded = use_loaded();
    let label = section.label();
    use_page_title(move |lang| pick(lang, label));
    let draft = loaded.data.with_untracked(|d| Draft::new(&d.answers));
    let list = page_href(loaded.id, "");
    let form = Submit::new();
    let errors = form.errors;
    let quiet = Submit::with_errors(RwSignal::new(FormErrors::new()));
    let saved = RwSignal::new(None::<Tr>);
    // Leaving a box: save quietly what is right so far (nothing is shown at the fields; "save
    // and continue" shows it). One save at a time, so an earlier answer never lands after a
    // later one: a change made while a save is on its way is saved after it (`again`).
    let again = RwSignal::new(false);
    let autosave = move || {
        if form.busy().get_untracked() || quiet.busy().get_untracked() {
            again.set(true);
            return;
        }
        let lang = prefs.lang.get_untracked();
        let answers = draft.answers();
        if !problems_in(loaded, section, &answers, lang).is_empty() {
            return;
        }
        saved.set(Some(|t| t.saving));
        let csrf = loaded.csrf.get_value();
        let id = loaded.id;
        quiet.act(
            move || async move { api::firm_save_pre_exam(id, &answers, &csrf, lang).await },
            move |answer| match answer {
                Ok(data) => {
                    loaded.data.set(data);
                    saved.set(Some(|t| t.saved_draft));
                }
                Err(_) => saved.set(Some(|t| t.not_saved)),
            },
        );
    };
    Effect::new(move |_| {
        if again.get() && !quiet.busy().get() && !form.busy().get() {
            again.set(false);
            autosave();
        }
    });
    let on_submit = form.on_submit(move |lang| {
        let go = go.clone();
        let answers = draft.answers();
        let problems = problems_in(loaded, section, &answers, lang);
        let checked = if problems.is_empty() {
            Ok(answers)
        } else {
            Err(problems)
        };
        let csrf = loaded.csrf.get_value();
        let id = loaded.id;
        form.send(
            checked,
            move |answers| async move { api::firm_save_pre_exam(id, &answers, &csrf, lang).await },
            move |data| {
                loaded.data.set(data);
                go(&page_href(id, ""));
            },
            move |error| {
                refused(
                    error,
                    first_id(section),
                    &|f| f.to_owned(),
                    pick(lang, |t| t.not_saved),
                )
            },
        );
    });
    let fields = loaded.data.with_untracked(|d| d.fields.clone());
    let questions = match section {
        Section::Application => {
            view! { <Application draft=draft errors=errors fields=fields/> }.into_any()
        }
        Section::Exclusions => view! { <Exclusions draft=draft errors=errors/> }.into_any(),
        _ => view! { <Details draft=draft errors=errors/> }.into_any(),
    };
    view! {
        <div class="container page narrow">
            <a href=list.clone() class="back-link">{pe_text(|t| t.back_to_request)}</a>
            <FormErrorSummary errors=errors/>
            <h1 tabindex="-1">{pe_text(label)}</h1>
            <form novalidate on:submit=on_submit on:change=move |_| autosave()>
                {questions}
                <p class="hint" role="status">{move || saved.get().map(pe_text).map(|t| t())}</p>
                <button type="submit" class="button" disabled=move || form.busy().get()>
                    {pe_text(|t| t.save_continue)}
                </button>
            </form>
        </div>
    }
}

fn error_at(errors: RwSignal<FormErrors>, id: &'static str) -> Signal<Option<String>> {
    Signal::derive(move || errors.with(|e| error_for(e, id)))
}

fn label(t: Tr) -> Signal<&'static str> {
    Signal::derive(pe_text(t))
}

/// Where, what kind, and the main classification, with the chosen venue's fields as a hint.
#[component]
fn Application(
    draft: Draft,
    errors: RwSignal<FormErrors>,
    fields: Vec<TechField>,
) -> impl IntoView {
    let prefs = use_prefs();
    let venues = choice_options(
        FieldVenue::ALL.iter().copied(),
        FieldVenue::code,
        |v, lang| v.label(lang),
    );
    let kinds = choice_options(KINDS, PatentKind::code, |k, lang| k.label(lang));
    // What the chosen venue examines (administrator data): its fields, with their classes.
    let served = move || {
        let venue = draft.venue.get().and_then(|v| FieldVenue::from_code(&v))?;
        let design = draft.kind() == Some(PatentKind::Design);
        let lang = prefs.lang.get();
        let t = pre_exam_texts(lang);
        let list: Vec<String> = fields
            .iter()
            .filter(|f| f.venue == venue)
            .map(|f| {
                let classes = if design {
                    &f.locarno_classes
                } else {
                    &f.ipc_groups
                };
                let extending = if f.status == FieldStatus::Extending {
                    t.field_extending
                } else {
                    ""
                };
                match classes.is_empty() {
                    true => format!("{}{extending}", f.name(lang)),
                    false => format!("{}{extending}（{}）", f.name(lang), classes.join(", ")),
                }
            })
            .collect();
        (!list.is_empty())
            .then(|| view! { <p class="inset-text">{t.venue_fields(list.join("；"))}</p> })
    };
    view! {
        <RadioGroup name="venue" legend=label(|t| t.venue_legend) hint=label(|t| t.venue_hint)
            options=venues selected=draft.venue error=error_at(errors, "venue")/>
        <RadioGroup name="kind" legend=label(|t| t.kind_legend)
            options=kinds selected=draft.kind error=error_at(errors, "kind")/>
        {served}
        <TextField id="classification" label=label(|t| t.classification_label)
            hint=label(|t| t.classification_hint) value=draft.classification
            error=error_at(errors, "classification") short=true/>
    }
}

/// The five applications pre-examination does not take, each a yes/no question (a design is not
/// asked about a same-day filing); "yes" is refused with its reason.
#[component]
fn Exclusions(draft: Draft, errors: RwSignal<FormErrors>) -> impl IntoView {
    let questions = move || {
        let kind = draft.kind();
        Exclusion::ALL
            .into_iter()
            .zip(draft.exclusions)
            .filter(|(x, _)| x.asked(kind))
            .map(|(x, selected)| {
                let options = choice_options(
                    [true, false],
                    |v| if v { "yes" } else { "no" },
                    |v, lang| {
                        let t = pre_exam_texts(lang);
                        if v {
                            t.yes
                        } else {
                            t.no
                        }
                    },
                );
                view! {
                    <RadioGroup name=x.field() legend=label(question(x)) options=options
                        selected=selected error=error_at(errors, x.field())/>
                }
            })
            .collect_view()
    };
    view! {
        <p class="inset-text">{pe_text(|t| t.exclusions_lead)}</p>
        {questions}
    }
}

pub fn question(x: Exclusion) -> Tr {
    match x {
        Exclusion::PctNationalPhase => |t| t.q_pct_national_phase,
        Exclusion::Divisional => |t| t.q_divisional,
        Exclusion::SameDayFiling => |t| t.q_same_day_filing,
        Exclusion::SecrecyExamination => |t| t.q_needs_secrecy_examination,
        Exclusion::AlreadyFiled => |t| t.q_already_filed,
    }
}

#[component]
fn Details(draft: Draft, errors: RwSignal<FormErrors>) -> impl IntoView {
    view! {
        <TextField id="title" label=label(|t| t.title_label) hint=label(|t| t.title_hint)
            value=draft.title error=error_at(errors, "title")/>
        <TextArea id="inventors" label=label(|t| t.inventors_label) hint=label(|t| t.inventors_hint)
            value=draft.inventors error=error_at(errors, "inventors") max_chars=NAMES_CHARS/>
        <TextArea id="summary" label=label(|t| t.summary_label)
            value=draft.summary error=error_at(errors, "summary") max_chars=MAX_SUMMARY_CHARS/>
        <TextArea id="co_applicants" label=label(|t| t.co_applicants_label) hint=label(|t| t.co_applicants_hint)
            value=draft.co_applicants error=error_at(errors, "co_applicants") max_chars=NAMES_CHARS/>
    }
}
