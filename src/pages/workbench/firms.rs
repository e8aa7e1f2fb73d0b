//! The fast track's firm accounts, for administrators: `/staff/admin/firms` finds a firm by its
//! 统一社会信用代码 and lists its people. For one who has forgotten their password — once staff
//! have checked at the counter or by phone that the person asking is that person — it makes a
//! one-time link (the server's `PASSWORD_LINK_SECS`) and shows it to hand over: the full address
//! to read out or copy, its expiry, a QR code to scan, and print. Nothing is sent by e-mail or
//! SMS; making another link for the same person ends the earlier one (the server does that).

use leptos::html;
use leptos::prelude::*;
use portal_domain::api::firm::{PasswordLink, Person, StaffFirmView};
use portal_domain::ids::Uscc;
use portal_domain::Localized;

use super::admin_form::request_errors;
use super::auth::use_auth;
use super::firm_quota::FirmQuota;
use super::guard::Guard;
use super::page_table::StaffPage;
use super::texts::*;
use super::use_staff_title;
use crate::api::{self, ApiError};
use crate::components::copy_field::CopyField;
use crate::components::focus::focus_next_frame;
use crate::components::form::{error_for, FormErrorSummary, TextField};
use crate::components::loading::Loading;
use crate::components::qr_code::QrCode;
use crate::components::submit::Submit;
use crate::prefs::use_prefs;

/// `/staff/admin/firms`.
#[component]
pub fn FirmsPage() -> impl IntoView {
    use_staff_title(|t| t.firms_heading);
    view! {
        <Guard page=StaffPage::Firms>
            <Firms/>
        </Guard>
    }
}

/// The lookup form, and the firm it found.
#[component]
fn Firms() -> impl IntoView {
    let auth = use_auth();
    let uscc = RwSignal::new(String::new());
    let found = RwSignal::new(None::<StaffFirmView>);
    let heading = NodeRef::<html::H2>::new();
    let form = Submit::new();
    let (errors, busy) = (form.errors, form.busy());
    let on_submit = form.on_submit(move |lang| {
        // A new search: what an earlier one found (and any link made for it) leaves the page.
        found.set(None);
        let checked = Uscc::parse(&uscc.get_untracked())
            .map(|code| code.to_string())
            .map_err(|e| vec![("uscc".to_owned(), e.message(lang))]);
        form.send(
            checked,
            move |code| async move { api::staff_find_firm(&code, lang).await },
            move |firm| {
                found.set(Some(firm));
                focus_next_frame(heading);
            },
            move |error| {
                auth.form_errors(error, |error| match error {
                    ApiError::NotFound => {
                        vec![(
                            "uscc".to_owned(),
                            pick(lang, |t| t.firm_not_found).to_owned(),
                        )]
                    }
                    error => request_errors(lang, error, "uscc"),
                })
            },
        );
    });
    let error = Signal::derive(move || errors.with(|e| error_for(e, "uscc")));
    view! {
        <div class="container page">
            <FormErrorSummary errors=errors/>
            <h1 tabindex="-1">{tr(|t| t.firms_heading)}</h1>
            <p class="lead no-print">{tr(|t| t.firms_lead)}</p>
            <form class="no-print" novalidate on:submit=on_submit>
                <TextField
                    id="uscc"
                    label=tr(|t| t.firm_uscc)
                    hint=tr(|t| t.firm_uscc_hint)
                    value=uscc
                    error=error
                    autocomplete="off"
                    short=true
                />
                <button type="submit" class="button" disabled=move || busy.get()>{tr(|t| t.find_firm)}</button>
            </form>
            {move || busy.get().then(|| view! { <Loading label=Signal::derive(tr(|t| t.loading))/> })}
            {move || found.get().map(|firm| view! { <FirmPeople firm=firm heading=heading/> })}
        </div>
    }
}

/// A firm, its people, and the password link made for one of them (if any).
#[component]
fn FirmPeople(firm: StaffFirmView, heading: NodeRef<html::H2>) -> impl IntoView {
    let prefs = use_prefs();
    // Whose link it is (their name) and the link.
    let made = RwSignal::new(None::<(String, PasswordLink)>);
    let panel = NodeRef::<html::Div>::new();
    let form = Submit::new();
    let people = firm
        .people
        .into_iter()
        .map(|person| {
            view! { <PersonCard person=person uscc=firm.uscc.clone() form=form made=made panel=panel/> }
        })
        .collect_view();
    view! {
        <section class="firm-found" aria-labelledby="firm-heading">
            <h2 id="firm-heading" tabindex="-1" node_ref=heading>{firm.name}</h2>
            <dl class="summary-list">
                <div class="summary-list__row">
                    <dt>{tr(|t| t.firm_uscc)}</dt>
                    <dd><code>{firm.uscc.clone()}</code></dd>
                </div>
            </dl>
            <FirmQuota uscc=firm.uscc.clone()/>
            <div class="no-print">
                <h3>{tr(|t| t.firm_people_heading)}</h3>
                <div class="notice notice--info">
                    <p><strong>{tr(|t| t.check_identity_heading)}</strong></p>
                    <ul class="list-bullet">
                        <li>{tr(|t| t.check_identity_counter)}</li>
                        <li>{tr(|t| t.check_identity_phone)}</li>
                    </ul>
                    <p>{tr(|t| t.check_identity_only)}</p>
                </div>
                <FormErrorSummary errors=form.errors/>
                <ul class="firm-people">{people}</ul>
            </div>
            <div class="case-panel firm-link" tabindex="-1" node_ref=panel hidden=move || made.with(Option::is_none)>
                {move || made.get().map(|(name, link)| {
                    let url = format!("{}{}", window().location().origin().unwrap_or_default(), link.path);
                    let expires = short_time(&link.expires_at);
                    view! {
                        <h3>{move || workbench_texts(prefs.lang.get()).link_heading(&name)}</h3>
                        <CopyField
                            id="link-url"
                            label=tr(|t| t.link_url)
                            hint=tr(|t| t.link_url_hint)
                            value=url.clone()
                            described_by="link-expires"
                        />
                        <p id="link-expires"><strong>{move || workbench_texts(prefs.lang.get()).link_expires(&expires)}</strong></p>
                        <p>{tr(|t| t.link_replaces)}</p>
                        <p>{tr(|t| t.check_identity_only)}</p>
                        <QrCode text=url label=tr(|t| t.link_qr)/>
                        <p class="no-print">
                            <button type="button" class="button button--secondary" on:click=|_| { let _ = window().print(); }>
                                {tr(|t| t.print_link)}
                            </button>
                        </p>
                    }
                })}
            </div>
        </section>
    }
}

/// One of the firm's people, with the button that makes their password link.
#[component]
fn PersonCard(
    person: Person,
    uscc: String,
    form: Submit,
    made: RwSignal<Option<(String, PasswordLink)>>,
    panel: NodeRef<html::Div>,
) -> impl IntoView {
    let prefs = use_prefs();
    let auth = use_auth();
    let busy = form.busy();
    let id = person.id;
    let button_id = format!("make-link-{id}");
    let make = {
        let (name, button_id) = (person.name.clone(), button_id.clone());
        move |_| {
            let lang = prefs.lang.get_untracked();
            let (uscc, name, first) = (uscc.clone(), name.clone(), button_id.clone());
            form.send(
                Ok(()),
                move |()| {
                    let csrf = auth.csrf();
                    async move { api::staff_firm_password_link(&uscc, id, &csrf, lang).await }
                },
                move |link| {
                    made.set(Some((name, link)));
                    focus_next_frame(panel);
                },
                move |error| {
                    auth.form_errors(error, |error| match error {
                        ApiError::NotFound => {
                            vec![(first, pick(lang, |t| t.person_gone).to_owned())]
                        }
                        error => request_errors(lang, error, &first),
                    })
                },
            );
        }
    };
    let (first, password_set) = (person.first, person.password_set);
    view! {
        <li class="firm-person">
            <h4>{person.name.clone()}</h4>
            <dl class="firm-person__facts">
                <div>
                    <dt>{tr(|t| t.col_mobile)}</dt>
                    <dd>{person.mobile_masked}</dd>
                </div>
                <div>
                    <dt>{tr(|t| t.col_person_kind)}</dt>
                    <dd>{move || if first { tr(|t| t.person_first)() } else { tr(|t| t.person_colleague)() }}</dd>
                </div>
                <div>
                    <dt>{tr(|t| t.col_password)}</dt>
                    <dd>{move || if password_set { tr(|t| t.password_is_set)() } else { tr(|t| t.password_not_set)() }}</dd>
                </div>
            </dl>
            <button type="button" id=button_id class="button button--secondary" disabled=move || busy.get() on:click=make>
                {tr(|t| t.make_link)}<span class="visually-hidden">" "{person.name}</span>
            </button>
        </li>
    }
}
