//! `/fast-track/registration/{section}`: one section's questions (GOV.UK question page: error
//! summary, messages at the fields). Each answer is saved when the firm leaves its box, if the
//! shared checks find nothing wrong with it; "save and continue" saves and goes back to the task
//! list, or shows every problem of the section.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use portal_domain::api::firm::registration::{RegistrationAnswers, Section};
use portal_domain::{Lang, Localized};

use super::labels;
use super::questions::{first_id, id_of, Draft, Questions};
use super::texts::{pick, reg_text};
use super::{use_loaded, Loaded, LIST};
use crate::api;
use crate::app_links::use_go;
use crate::components::focus::focus_location_hash_next_frame;
use crate::components::form::{FormErrorSummary, FormErrors};
use crate::components::submit::{refused, Submit};
use crate::pages::not_found::NotFound;
use crate::prefs::{use_page_title, use_prefs};

#[component]
pub fn SectionPage() -> impl IntoView {
    let params = use_params_map();
    let section = move || params.with(|p| p.get("section").and_then(|s| Section::from_code(&s)));
    move || match section() {
        // The documents are a page of the task list's app (`super::uploads`).
        Some(Section::Uploads) | None => view! { <NotFound/> }.into_any(),
        Some(section) => view! { <SectionForm section=section/> }.into_any(),
    }
}

/// What the shared checks find wrong in `answers`, in this section, at the form's ids.
fn problems_in(
    loaded: Loaded,
    section: Section,
    answers: &RegistrationAnswers,
    lang: Lang,
) -> FormErrors {
    loaded.data.with_untracked(|d| {
        answers
            .problems(&d.settings.fields, d.today)
            .into_iter()
            .filter(|(name, _)| section.owns(name))
            .map(|(name, e)| (id_of(&name), e.message(lang)))
            .collect()
    })
}

#[derive(Clone, Copy, PartialEq)]
enum Autosave {
    Saving,
    Done,
    Failed,
}

#[component]
fn SectionForm(section: Section) -> impl IntoView {
    let prefs = use_prefs();
    let go = use_go();
    let loaded = use_loaded();
    use_page_title(move |lang| labels::section(section, lang));
    // Arrived by a link to one question (the check page's error summary): that question.
    focus_location_hash_next_frame();
    let (draft, fields, editable) = loaded.data.with_untracked(|d| {
        (
            Draft::new(&d.answers),
            d.settings.fields.clone(),
            d.status.editable(),
        )
    });
    let form = Submit::new();
    let errors = form.errors;
    let saved = RwSignal::new(None::<Autosave>);
    let quiet = Submit::with_errors(RwSignal::new(FormErrors::new()));
    // One save at a time, so an earlier answer never lands after a later one: a change made
    // while a save is on its way is saved after it (`again`), and "save and continue" pressed
    // meanwhile is sent after it (`then_continue`).
    let again = RwSignal::new(false);
    let then_continue = StoredValue::new(None::<Lang>);
    // The task list is another app: leaving for it ends this page, and a save on its way with
    // it. So "back" waits for the save of the box just left (`then_leave`), then goes.
    let then_leave = StoredValue::new(false);
    let leave = {
        let go = go.clone();
        Callback::new(move |()| go(LIST))
    };

    let save_and_continue =
        Callback::new(move |lang: Lang| {
            let go = go.clone();
            let checked = draft.answers(lang).and_then(|answers| {
                let problems = problems_in(loaded, section, &answers, lang);
                if problems.is_empty() {
                    Ok(answers)
                } else {
                    Err(problems)
                }
            });
            let csrf = loaded.csrf.get_value();
            form.send(
            checked,
            move |answers| async move { api::firm_save_registration(&answers, &csrf, lang).await },
            move |data| {
                loaded.data.set(data);
                go(LIST);
            },
            move |error| refused(error, first_id(section), &id_of, pick(lang, |t| t.not_saved)),
        );
        });
    // Leaving a box: save quietly what is right so far (nothing is shown at the fields).
    // Whether a save is on its way after it.
    let autosave = move || {
        if form.busy().get_untracked() {
            return true;
        }
        if quiet.busy().get_untracked() {
            again.set(true);
            return true;
        }
        let lang = prefs.lang.get_untracked();
        let Ok(answers) = draft.answers(lang) else {
            return false;
        };
        if !problems_in(loaded, section, &answers, lang).is_empty() {
            return false;
        }
        saved.set(Some(Autosave::Saving));
        let csrf = loaded.csrf.get_value();
        quiet.act(
            move || async move { api::firm_save_registration(&answers, &csrf, lang).await },
            move |answer| {
                match answer {
                    Ok(data) => {
                        loaded.data.set(data);
                        saved.set(Some(Autosave::Done));
                    }
                    Err(_) => saved.set(Some(Autosave::Failed)),
                }
                if let Some(lang) = then_continue.get_value() {
                    then_continue.set_value(None);
                    save_and_continue.run(lang);
                } else if then_leave.get_value() && !again.get_untracked() {
                    // Not saved: the firm stays, told so, rather than lose the answer.
                    then_leave.set_value(false);
                    if saved.get_untracked() == Some(Autosave::Done) {
                        leave.run(());
                    }
                }
            },
        );
        true
    };
    // A change that came while a save was on its way, once that save is done.
    Effect::new(move |_| {
        if again.get() && !quiet.busy().get() {
            again.set(false);
            if !autosave() && then_leave.get_value() {
                leave.run(());
            }
        }
    });
    // "Back" while the box just left is being saved: after the save (see `then_leave`).
    let on_back = move |ev: web_sys::MouseEvent| {
        if saved.get_untracked() == Some(Autosave::Saving) || again.get_untracked() {
            ev.prevent_default();
            then_leave.set_value(true);
        }
    };
    let on_submit = form.on_submit(move |lang| {
        if quiet.busy().get_untracked() {
            then_continue.set_value(Some(lang));
        } else {
            save_and_continue.run(lang);
        }
    });
    view! {
        <div class="container page narrow">
            <a href=LIST class="back-link" on:click=on_back>{reg_text(|t| t.back_to_list)}</a>
            <FormErrorSummary errors=errors/>
            <h1 tabindex="-1">{move || labels::section(section, prefs.lang.get())}</h1>
            {if editable {
                view! {
                <form novalidate on:submit=on_submit on:change=move |_| {
                    autosave();
                }>
                    <Questions section=section draft=draft errors=errors fields=fields.clone()/>
                    <p class="hint" role="status">{move || saved.get().map(|s| match s {
                        Autosave::Saving => reg_text(|t| t.saving)(),
                        Autosave::Done => reg_text(|t| t.saved_draft)(),
                        Autosave::Failed => reg_text(|t| t.not_saved)(),
                    })}</p>
                    <button type="submit" class="button" disabled=move || form.busy().get()>
                        {reg_text(|t| t.save_continue)}
                    </button>
                </form>
                }.into_any()
            } else {
                view! { <p>{reg_text(|t| t.check_lead)}</p> }.into_any()
            }}
        </div>
    }
}
