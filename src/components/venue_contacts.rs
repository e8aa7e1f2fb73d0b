//! How to reach a venue — address, phone (a `tel:` link), opening hours, map link — each only
//! where an administrator entered it: with nothing entered it shows nothing (the portal never
//! invents contacts). The one piece every page that sends people somewhere uses: the booking
//! pages, the kiosk's check-in result, the home page's service network and the center's
//! "contact us" blocks ([`CenterContacts`], from the site information the frame loads once).

use leptos::prelude::*;
use portal_domain::api::admin::tel_href;
use portal_domain::api::VenueContacts;

use crate::components::site_info::site_center;
use crate::i18n::Strings;
use crate::prefs::{text, use_prefs};

fn row(label: fn(&Strings) -> &'static str, value: impl IntoView) -> impl IntoView {
    view! {
        <div class="summary-list__row">
            <dt>{text(label)}</dt>
            <dd class="summary-list__value">{value}</dd>
        </div>
    }
}

/// The venue's contacts as rows of a summary list; nothing at all while none are entered.
#[component]
pub fn VenueContactList(contacts: VenueContacts) -> impl IntoView {
    let empty = contacts.is_empty();
    let VenueContacts {
        address,
        phone,
        opening_hours,
        map_url,
    } = contacts;
    (!empty).then(|| {
        view! {
            <dl class="summary-list contacts">
                {address.map(|a| row(|s| s.venue_address, a))}
                {phone.map(|p| {
                    let href = tel_href(&p);
                    row(|s| s.venue_phone, view! { <a class="target-link" href=href>{p}</a> })
                })}
                {opening_hours.map(|h| row(|s| s.venue_hours, view! { <span class="contacts__hours">{h}</span> }))}
                {map_url.map(|u| {
                    row(
                        |s| s.venue_map,
                        view! { <a class="target-link" href=u rel="noopener noreferrer">{text(|s| s.venue_map_link)}</a> },
                    )
                })}
            </dl>
        }
    })
}

/// The center's name and contacts, where a page tells people to contact the center; nothing
/// while none are entered (or before they have loaded).
#[component]
pub fn CenterContacts() -> impl IntoView {
    let prefs = use_prefs();
    move || {
        site_center().map(|c| {
            let name = prefs.lang.get().pick(&c.name_zh, &c.name_en).to_owned();
            view! {
                <div class="contacts-block">
                    <p class="contacts-block__name">{name}</p>
                    <VenueContactList contacts=c.contacts/>
                </div>
            }
        })
    }
}
