//! Venue contacts, for administrators (issue #18): `/staff/admin/contacts` lists every venue of
//! the service network (the partners too, not only where consultations are booked) with its
//! address, phone, opening hours and map link, and `/staff/admin/contacts/{id}` is the form that
//! replaces them. Nothing is filled in for the administrator: the citizen pages show what is
//! entered here and nothing otherwise. The shared domain check runs before sending; the server
//! runs it again.

use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use portal_domain::api::admin::{AdminVenueContacts, VenueContactsUpdate, MAX_HOURS_CHARS};
use portal_domain::api::VenueContacts;
use portal_domain::Lang;

use super::admin_form::{in_page_order, parser_errors, request_errors};
use super::auth::use_auth;
use super::guard::{Guard, StaffProblem};
use super::page_table::StaffPage;
use super::texts::*;
use super::use_staff_title;
use crate::api;
use crate::components::focus::focus_next_frame;
use crate::components::form::{error_for, FormErrorSummary, TextArea, TextField};
use crate::components::loading::Loading;
use crate::components::submit::Submit;
use crate::prefs::use_prefs;

/// `/staff/admin/contacts`.
#[component]
pub fn ContactsPage() -> impl IntoView {
    use_staff_title(|t| t.contacts_heading);
    view! {
        <Guard page=StaffPage::Contacts>
            <ContactsList/>
        </Guard>
    }
}

/// `/staff/admin/contacts/{id}`.
#[component]
pub fn ContactPage() -> impl IntoView {
    use_staff_title(|t| t.contacts_heading);
    view! {
        <Guard page=StaffPage::Contacts>
            <ContactEditor/>
        </Guard>
    }
}

fn name(lang: Lang, v: &AdminVenueContacts) -> String {
    lang.pick(&v.name_zh, &v.name_en).to_owned()
}

#[component]
fn ContactsList() -> impl IntoView {
    let prefs = use_prefs();
    let list = LocalResource::new(move || api::staff_venue_contacts(prefs.lang.get_untracked()));
    view! {
        <div class="container page">
            <h1 tabindex="-1">{tr(|t| t.contacts_heading)}</h1>
            <p class="lead">{tr(|t| t.contacts_lead)}</p>
            {move || match list.get() {
                None => view! { <Loading label=Signal::derive(tr(|t| t.loading))/> }.into_any(),
                Some(Ok(list)) => list
                    .items
                    .into_iter()
                    .map(|v| view! { <ContactCard venue=v/> })
                    .collect_view()
                    .into_any(),
                Some(Err(error)) => view! { <StaffProblem error=error on_retry=move |_| list.refetch()/> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn ContactCard(venue: AdminVenueContacts) -> impl IntoView {
    let prefs = use_prefs();
    let heading_id = format!("contacts-{}", venue.id);
    let labelled_by = heading_id.clone();
    let href = format!(
        "/staff/admin/contacts/{}",
        portal_domain::api::percent_encode(&venue.id)
    );
    let incomplete = venue.contacts.incomplete();
    let v = StoredValue::new(venue);
    let venue_name = move || v.with_value(|v| name(prefs.lang.get(), v));
    let row = move |label: Tr, value: fn(&VenueContacts) -> Option<String>| {
        view! {
            <div class="summary-list__row">
                <dt>{tr(label)}</dt>
                <dd class="summary-list__value contacts__hours">
                    {move || v.with_value(|v| value(&v.contacts)).unwrap_or_else(|| pick(prefs.lang.get(), |t| t.contacts_not_entered).to_owned())}
                </dd>
            </div>
        }
    };
    view! {
        <section class="case-panel" aria-labelledby=labelled_by>
            <h2 id=heading_id>{venue_name}</h2>
            {incomplete.then(|| view! { <p><span class="badge badge--pending">{tr(|t| t.contacts_missing_tag)}</span></p> })}
            <dl class="summary-list">
                {row(|t| t.contacts_address, |c| c.address.clone())}
                {row(|t| t.contacts_phone, |c| c.phone.clone())}
                {row(|t| t.contacts_hours, |c| c.opening_hours.clone())}
                {row(|t| t.contacts_map, |c| c.map_url.clone())}
            </dl>
            <A href=href attr:class="button button--secondary">
                {move || workbench_texts(prefs.lang.get()).change_contacts(venue_name())}
            </A>
        </section>
    }
}

#[component]
fn ContactEditor() -> impl IntoView {
    let prefs = use_prefs();
    let params = use_params_map();
    let wanted = move || params.with(|p| p.get("id").unwrap_or_default());
    let list = LocalResource::new(move || api::staff_venue_contacts(prefs.lang.get_untracked()));
    view! {
        <div class="container page">
            <A href="/staff/admin/contacts" attr:class="back-link">{tr(|t| t.back_to_contacts)}</A>
            {move || match list.get() {
                None => view! { <Loading label=Signal::derive(tr(|t| t.loading))/> }.into_any(),
                Some(Err(error)) => view! {
                    <h1 tabindex="-1">{tr(|t| t.contacts_heading)}</h1>
                    <StaffProblem error=error on_retry=move |_| list.refetch()/>
                }
                .into_any(),
                Some(Ok(list)) => {
                    let wanted = wanted();
                    match list.items.into_iter().find(|v| v.id == wanted) {
                        Some(venue) => view! { <ContactForm venue=venue/> }.into_any(),
                        None => view! { <h1 tabindex="-1">{tr(|t| t.venue_not_found)}</h1> }.into_any(),
                    }
                }
            }}
        </div>
    }
}

const ORDER: [&str; 4] = ["address", "phone", "opening_hours", "map_url"];

#[component]
fn ContactForm(venue: AdminVenueContacts) -> impl IntoView {
    let prefs = use_prefs();
    let auth = use_auth();
    let id = venue.id.clone();
    let title = {
        let v = venue.clone();
        move || workbench_texts(prefs.lang.get()).change_contacts(name(prefs.lang.get(), &v))
    };
    let field = |value: &Option<String>| RwSignal::new(value.clone().unwrap_or_default());
    let c = &venue.contacts;
    let (address, phone, hours, map) = (
        field(&c.address),
        field(&c.phone),
        field(&c.opening_hours),
        field(&c.map_url),
    );
    let form = Submit::new();
    let (errors, busy) = (form.errors, form.busy());
    let saved = RwSignal::new(false);
    let saved_ref = NodeRef::<html::P>::new();
    let order: Vec<String> = ORDER.map(str::to_owned).to_vec();
    let order = StoredValue::new(order);

    let on_submit = form.on_submit(move |lang| {
        saved.set(false);
        let some = |s: RwSignal<String>| Some(s.get_untracked());
        let update = VenueContactsUpdate {
            address: some(address),
            phone: some(phone),
            opening_hours: some(hours),
            map_url: some(map),
        };
        let checked = match update.parse() {
            Ok(_) => Ok(update),
            Err(problems) => {
                Err(order.with_value(|o| in_page_order(parser_errors(lang, &problems), o)))
            }
        };
        let id = id.clone();
        form.send(
            checked,
            move |update| {
                let csrf = auth.csrf();
                async move { api::staff_update_venue_contacts(&id, &update, &csrf, lang).await }
            },
            move |after: AdminVenueContacts| {
                let c = after.contacts;
                address.set(c.address.unwrap_or_default());
                phone.set(c.phone.unwrap_or_default());
                hours.set(c.opening_hours.unwrap_or_default());
                map.set(c.map_url.unwrap_or_default());
                saved.set(true);
                focus_next_frame(saved_ref);
            },
            move |error| {
                auth.form_errors(error, |e| {
                    order.with_value(|o| in_page_order(request_errors(lang, e, "address"), o))
                })
            },
        );
    });
    let error = move |id: &'static str| Signal::derive(move || errors.with(|e| error_for(e, id)));

    view! {
        <FormErrorSummary errors=errors/>
        <span class="caption">{tr(|t| t.contacts_heading)}</span>
        <h1 tabindex="-1">{title}</h1>
        <p class="notice notice--success" role="status" tabindex="-1" node_ref=saved_ref hidden=move || !saved.get()>
            {tr(|t| t.contacts_saved)}
        </p>
        <p>{tr(|t| t.contacts_form_lead)}</p>
        <form novalidate on:submit=on_submit>
            <TextField id="address" label=tr(|t| t.contacts_address) value=address error=error("address") autocomplete="off"/>
            <TextField id="phone" label=tr(|t| t.contacts_phone) hint=tr(|t| t.contacts_phone_hint) value=phone
                error=error("phone") input_type="tel" autocomplete="off"/>
            <TextArea id="opening_hours" label=tr(|t| t.contacts_hours) hint=tr(|t| t.contacts_hours_hint) value=hours
                error=error("opening_hours") max_chars=MAX_HOURS_CHARS/>
            <TextField id="map_url" label=tr(|t| t.contacts_map) hint=tr(|t| t.contacts_map_hint) value=map
                error=error("map_url") input_type="url" autocomplete="off"/>
            <button type="submit" class="button" disabled=move || busy.get()>{tr(|t| t.contacts_save)}</button>
        </form>
    }
}
