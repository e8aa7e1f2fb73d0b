//! The firm's people on its account page: who can sign in, and — for the person who signed the
//! firm up — adding a colleague, whose one-time password link is then shown to hand over.

use leptos::prelude::*;
use portal_domain::api::firm::{ColleagueAdded, NewColleague};

use super::fields::{error_at, FirmMobileField, FormButton};
use super::texts::{fast_track_texts, ft_text, pick};
use crate::api;
use crate::components::copy_field::CopyField;
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{FormErrorSummary, TextField};
use crate::components::loading::Loading;
use crate::components::submit::{checked, refused, Submit};
use crate::dates::short_time;
use crate::prefs::use_prefs;

#[component]
pub fn People(first: bool, csrf: String) -> impl IntoView {
    let prefs = use_prefs();
    let people = LocalResource::new(move || api::firm_people(prefs.lang.get_untracked()));
    view! {
        <h2>{ft_text(|t| t.people_heading)}</h2>
        {move || match people.get() {
            None => view! { <Loading label=Signal::derive(ft_text(|t| t.loading))/> }.into_any(),
            Some(Err(error)) => view! { <ErrorPanel error=error on_retry=move |_| people.refetch()/> }.into_any(),
            Some(Ok(list)) => view! {
                <ul class="list-bullet" id="people">
                    {list.items.into_iter().map(|person| {
                        let note = match (person.first, person.password_set) {
                            (true, _) => Some(ft_text(|t| t.person_first)),
                            (false, false) => Some(ft_text(|t| t.person_no_password)),
                            (false, true) => None,
                        };
                        view! {
                            <li>
                                {person.name}" · "{person.mobile_masked}
                                {note.map(|note| view! { " · "{note} })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any(),
        }}
        {first.then(|| view! { <AddColleague csrf=csrf on_added=move || people.refetch()/> })}
    }
}

#[component]
fn AddColleague(
    csrf: String,
    on_added: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let prefs = use_prefs();
    let name = RwSignal::new(String::new());
    let mobile = RwSignal::new(String::new());
    let added = RwSignal::new(None::<ColleagueAdded>);
    let form = Submit::new();
    let errors = form.errors;
    let on_submit = form.on_submit(move |lang| {
        let request = NewColleague {
            name: Some(name.get_untracked()),
            mobile: Some(mobile.get_untracked()),
        };
        let csrf = csrf.clone();
        let on_added = on_added.clone();
        form.send(
            checked(request, NewColleague::parse, lang, str::to_owned),
            move |request| async move { api::firm_add_colleague(&request, &csrf, lang).await },
            move |answer| {
                name.set(String::new());
                mobile.set(String::new());
                added.set(Some(answer));
                on_added();
            },
            move |error| refused(error, "name", &str::to_owned, pick(lang, |t| t.not_sent)),
        );
    });
    view! {
        <h3>{ft_text(|t| t.add_colleague_heading)}</h3>
        <p>{ft_text(|t| t.add_colleague_lead)}</p>
        <FormErrorSummary errors=errors/>
        <form novalidate on:submit=on_submit>
            <TextField
                id="name"
                label=ft_text(|t| t.colleague_name_label)
                value=name
                error=error_at(errors, "name")
                autocomplete="off"
            />
            <FirmMobileField value=mobile errors=errors/>
            <FormButton busy=form.busy() label=|t| t.add_colleague_submit busy_label=|t| t.sending/>
        </form>
        {move || added.get().map(|added| {
            let url = format!("{}{}", window().location().origin().unwrap_or_default(), added.link.path);
            let expires = short_time(&added.link.expires_at);
            let who = added.person.name.clone();
            view! {
                <div class="notice notice--success" role="status" id="colleague-link">
                    <p><strong>{move || fast_track_texts(prefs.lang.get()).colleague_added(&who)}</strong></p>
                    <CopyField
                        id="colleague-link-url"
                        label=ft_text(|t| t.colleague_link_label)
                        hint=ft_text(|t| t.colleague_link_hint)
                        value=url
                        described_by="colleague-link-expires"
                    />
                    <p id="colleague-link-expires">
                        {move || fast_track_texts(prefs.lang.get()).colleague_link_expires(&expires)}
                    </p>
                </div>
            }
        })}
    }
}
