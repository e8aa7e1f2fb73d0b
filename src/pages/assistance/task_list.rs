use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use portal_domain::api::assistance::{RightType, Section, SectionStatus};

use super::draft::use_draft;
use super::gi_name::gi_label;
use super::start::gi_from_query;
use super::texts::{assistance_text, assistance_texts};
use super::{section_href, SaveStatus, APPLY};
use crate::components::loading::Loading;
use crate::prefs::{use_page_title, use_prefs};

/// `/assistance/apply`: the seven sections with their statuses (worked out by the same checks
/// the server runs), where to carry on, and the way to check and submit.
///
/// Arriving with `?gi=GI00842` (from a GI product's page) puts the product into the right
/// section, unless that section already names another right.
#[component]
pub fn TaskListPage() -> impl IntoView {
    let prefs = use_prefs();
    let store = use_draft();
    let navigate = use_navigate();
    use_page_title(|lang| assistance_texts(lang).tasks_heading);
    let gi = gi_from_query();
    let carried = RwSignal::new(None::<String>);
    let carried_product = gi_label(Memo::new(move |_| carried.get()));
    Effect::new(move |_| {
        let Some(id) = gi.get() else { return };
        if !store.ready.get() {
            return;
        }
        let gi_code = RightType::GeographicalIndication.code();
        let free = store.draft.with_untracked(|d| {
            d.right.right_type.is_none() || d.right.right_type.as_deref() == Some(gi_code)
        });
        if free {
            store.update(|d| {
                d.right.right_type = Some(gi_code.to_owned());
                d.right.number = Some(id.clone());
            });
            carried.set(Some(id));
        }
        navigate(
            APPLY,
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    });

    let done = move || {
        Section::ALL
            .iter()
            .filter(|s| store.status(**s) == SectionStatus::Completed)
            .count()
    };
    let next = move || {
        Section::ALL
            .iter()
            .copied()
            .find(|s| store.status(*s) != SectionStatus::Completed)
    };

    view! {
        <div class="container page narrow">
            <A href="/assistance" attr:class="back-link">{assistance_text(|t| t.back)}</A>
            <h1 tabindex="-1">{assistance_text(|t| t.tasks_heading)}</h1>
            <SaveStatus/>
            {move || carried_product.get().map(|product| view! {
                <p class="notice notice--success" role="status">
                    {move || assistance_texts(prefs.lang.get()).gi_carried(&product)}
                </p>
            })}
            {move || store.submitted.get().then(|| view! {
                <div class="notice" role="status">
                    <p>{assistance_text(|t| t.already_submitted)}</p>
                    <p><A href="/assistance/apply/check" attr:class="target-link">{assistance_text(|t| t.get_confirmation)}</A></p>
                </div>
            })}
            <Show
                when=move || store.ready.get()
                fallback=|| view! { <Loading label=Signal::derive(assistance_text(|t| t.loading))/> }
            >
                <p class="task-progress">
                    {move || assistance_texts(prefs.lang.get()).tasks_done(done(), Section::ALL.len())}
                </p>
                <p class="hint">{assistance_text(|t| t.tasks_hint)}</p>
                <ul class="task-list">
                    {Section::ALL.iter().map(|&section| {
                        let status_id = format!("task-{}-status", section.code());
                        let status = move || store.status(section);
                        view! {
                            <li class="task-list__item">
                                <A href=section_href(section) attr:class="task-list__link" attr:aria-describedby=status_id.clone()>
                                    {move || section.label(prefs.lang.get())}
                                </A>
                                <span
                                    id=status_id
                                    class="task-tag"
                                    class:task-tag--done=move || status() == SectionStatus::Completed
                                    class:task-tag--problem=move || status() == SectionStatus::Problem
                                    class:task-tag--progress=move || status() == SectionStatus::InProgress
                                >
                                    {move || status().label(prefs.lang.get())}
                                </span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <div class="button-row">
                    {move || match next() {
                        Some(section) => view! {
                            <A href=section_href(section) attr:class="button">{assistance_text(|t| t.continue_where)}</A>
                            <A href="/assistance/apply/check" attr:class="button button--secondary">{assistance_text(|t| t.check_and_submit)}</A>
                        }.into_any(),
                        None => view! {
                            <A href="/assistance/apply/check" attr:class="button">{assistance_text(|t| t.check_and_submit)}</A>
                        }.into_any(),
                    }}
                </div>
                <p class="hint">{assistance_text(|t| t.kept_for)}</p>
            </Show>
        </div>
    }
}
