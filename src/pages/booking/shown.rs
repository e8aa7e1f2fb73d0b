//! A booking as its pages show it, whether it was opened by its manage link (everything the
//! holder gave) or found by reference and mobile number (masked, no free text).

use leptos::prelude::*;
use portal_domain::api::booking::{
    center_cancelled_notice, review_cancelled_notice, Booking, BookingStatus, BookingSummary,
    CenterCancellation, NamedRef,
};
use portal_domain::api::rating::RatingView;
use portal_domain::api::VenueContacts;
use portal_domain::calendar::Date;
use portal_domain::Lang;

use super::texts::{booking_manage_text, booking_manage_texts, booking_text, booking_texts};
use crate::components::venue_contacts::VenueContactList;
use crate::dates::{long_date, time_range};
use crate::prefs::use_prefs;

#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub reference: String,
    pub status: BookingStatus,
    pub venue: NamedRef,
    /// How to reach the venue, where entered.
    pub venue_contacts: VenueContacts,
    pub topic: NamedRef,
    pub date: Date,
    pub start_time: String,
    pub end_time: String,
    pub what_to_bring_zh: Vec<String>,
    pub what_to_bring_en: Vec<String>,
    pub name: String,
    pub mobile: String,
    /// Only with the manage link: what the holder typed (USCC masked).
    pub organisation: Option<String>,
    pub uscc: Option<String>,
    pub description: Option<String>,
    /// Wheelchair access, sign-language interpreter, anything else (manage link only).
    pub adjustments: Option<(bool, bool, Option<String>)>,
    pub changeable: bool,
    /// RFC 3339, 2 hours before the start.
    pub change_deadline: String,
    pub defaults_confirmed: bool,
    /// The center cancelled it by closing its slot, for this reason: its holder can choose a
    /// new time for it (rebook).
    pub center_reason: Option<String>,
    /// The center cancelled it after checking bookings made in bulk, for this reason: it cannot
    /// be rebooked, a new booking can be made.
    pub review_reason: Option<String>,
    /// Checked in and not rated yet (好差评).
    pub can_rate: bool,
    pub rating: Option<RatingView>,
    /// Its personal data was erased (retention, or its holder): name and number are empty.
    pub anonymised: bool,
    /// Its holder may erase its personal data now (manage link only).
    pub erasable: bool,
}

/// A `Shown` from a booking view `$b` (a [`Booking`] or a [`BookingSummary`]): the fields both
/// have, moved across, then `$field: $value` for the rest.
macro_rules! shown_from {
    ($b:ident, $($field:ident: $value:expr),* $(,)?) => {
        Shown {
            reference: $b.reference,
            status: $b.status,
            venue: $b.venue,
            venue_contacts: $b.venue_contacts,
            topic: $b.topic,
            date: $b.date,
            start_time: $b.start_time,
            end_time: $b.end_time,
            what_to_bring_zh: $b.what_to_bring_zh,
            what_to_bring_en: $b.what_to_bring_en,
            name: $b.name,
            mobile: $b.mobile,
            changeable: $b.changeable,
            change_deadline: $b.change_deadline,
            defaults_confirmed: $b.defaults_confirmed,
            center_reason: closure_reason(&$b.center_cancellation),
            review_reason: review_reason(&$b.center_cancellation),
            can_rate: $b.can_rate,
            rating: $b.rating,
            $($field: $value,)*
        }
    };
}

impl From<Booking> for Shown {
    fn from(b: Booking) -> Shown {
        shown_from!(b,
            organisation: b.organisation,
            uscc: b.uscc,
            description: b.description,
            adjustments: Some((
                b.wheelchair_access,
                b.sign_language_interpreter,
                b.other_adjustments,
            )),
            anonymised: b.anonymised,
            erasable: b.erasable,
        )
    }
}

impl From<BookingSummary> for Shown {
    fn from(b: BookingSummary) -> Shown {
        shown_from!(b,
            organisation: None,
            uscc: None,
            description: None,
            adjustments: None,
            anonymised: false,
            erasable: false,
        )
    }
}

impl Shown {
    pub fn when(&self, lang: Lang) -> String {
        format!(
            "{} {}",
            long_date(self.date, lang),
            time_range(&self.start_time, &self.end_time)
        )
    }

    /// The change deadline as people read it: "2026年11月24日 星期二 07:00".
    pub fn deadline(&self, lang: Lang) -> String {
        let d = &self.change_deadline;
        match (d.get(..10).map(Date::parse), d.get(11..16)) {
            (Some(Ok(date)), Some(time)) => format!("{} {time}", long_date(date, lang)),
            _ => d.clone(),
        }
    }
}

fn closure_reason(c: &Option<CenterCancellation>) -> Option<String> {
    c.as_ref().filter(|c| !c.review).map(|c| c.reason.clone())
}

fn review_reason(c: &Option<CenterCancellation>) -> Option<String> {
    c.as_ref().filter(|c| c.review).map(|c| c.reason.clone())
}

fn pick(lang: Lang, named: &NamedRef) -> String {
    lang.pick(&named.name_zh, &named.name_en).to_owned()
}

/// A booking the center cancelled by closing its slot: the center's reason, and the way to
/// choose a new time for the same booking (`rebook`: its change page).
#[component]
pub fn CenterCancelled(reason: String, rebook: String) -> impl IntoView {
    let prefs = use_prefs();
    view! {
        <div class="notice center-cancelled">
            <p>{move || center_cancelled_notice(&reason, prefs.lang.get())}</p>
            <a href=rebook class="button">{booking_manage_text(|t| t.rebook_button)}</a>
        </div>
    }
}

/// A booking the center cancelled after checking bookings made in bulk: the center's reason,
/// and the way to make a new booking (this one cannot be moved).
#[component]
pub fn ReviewCancelled(reason: String) -> impl IntoView {
    let prefs = use_prefs();
    view! {
        <div class="notice center-cancelled">
            <p>{move || review_cancelled_notice(&reason, prefs.lang.get())}</p>
            <a href="/booking" class="button">{booking_text(|t| t.start_button)}</a>
        </div>
    }
}

/// The booking's facts as a summary list, and what to bring.
#[component]
pub fn BookingFacts(booking: Shown) -> impl IntoView {
    let prefs = use_prefs();
    let b = StoredValue::new(booking);
    let t = move || booking_texts(prefs.lang.get());
    let row = move |label: fn(&super::texts::BookingTexts) -> &'static str,
                    value: Box<dyn Fn() -> String + Send + Sync>| {
        view! {
            <div class="summary-list__row">
                <dt>{move || label(t())}</dt>
                <dd class="summary-list__value">{value}</dd>
            </div>
        }
    };
    let status = move || {
        let t = t();
        match b.with_value(|b| b.status) {
            BookingStatus::Confirmed => t.status_confirmed,
            BookingStatus::Cancelled => t.status_cancelled,
        }
        .to_owned()
    };
    let optional_rows = b.with_value(|b| {
        let mut rows = Vec::new();
        if let Some(org) = b.organisation.clone() {
            rows.push(row(|t| t.row_organisation, Box::new(move || org.clone())));
        }
        if let Some(uscc) = b.uscc.clone() {
            rows.push(row(|t| t.row_uscc, Box::new(move || uscc.clone())));
        }
        if let Some(text) = b.description.clone() {
            rows.push(row(|t| t.row_description, Box::new(move || text.clone())));
        }
        if let Some((wheelchair, sign, other)) = b.adjustments.clone() {
            if wheelchair || sign || other.is_some() {
                rows.push(row(
                    |t| t.row_adjustments,
                    Box::new(move || {
                        let t = booking_texts(prefs.lang.get());
                        let mut list = Vec::new();
                        if wheelchair {
                            list.push(t.wheelchair.to_owned());
                        }
                        if sign {
                            list.push(t.sign_language.to_owned());
                        }
                        list.extend(other.clone());
                        list.join("；")
                    }),
                ));
            }
        }
        rows
    });
    let bring = move || {
        let lang = prefs.lang.get();
        b.with_value(|b| match lang {
            Lang::Zh => b.what_to_bring_zh.clone(),
            Lang::En => b.what_to_bring_en.clone(),
        })
        .into_iter()
        .map(|item| view! { <li>{item}</li> })
        .collect_view()
    };
    view! {
        <dl class="summary-list">
            {row(|t| t.row_reference, Box::new(move || b.with_value(|b| b.reference.clone())))}
            {row(|t| t.row_status, Box::new(status))}
            {row(|t| t.row_topic, Box::new(move || b.with_value(|b| pick(prefs.lang.get(), &b.topic))))}
            {row(|t| t.row_venue, Box::new(move || b.with_value(|b| pick(prefs.lang.get(), &b.venue))))}
            {row(|t| t.row_date, Box::new(move || b.with_value(|b| long_date(b.date, prefs.lang.get()))))}
            {row(|t| t.row_time, Box::new(move || b.with_value(|b| time_range(&b.start_time, &b.end_time))))}
            {if b.with_value(|b| b.anonymised) {
                row(|t| t.row_personal, Box::new(move || booking_manage_texts(prefs.lang.get()).personal_erased.to_owned())).into_any()
            } else {
                view! {
                    {row(|t| t.row_name, Box::new(move || b.with_value(|b| b.name.clone())))}
                    {row(|t| t.row_mobile, Box::new(move || b.with_value(|b| b.mobile.clone())))}
                }
                .into_any()
            }}
            {optional_rows}
        </dl>
        // Where to go: the venue's address, phone, hours and map link, once entered.
        {b.with_value(|b| {
            (b.status == BookingStatus::Confirmed && !b.venue_contacts.is_empty()).then(|| {
                let contacts = b.venue_contacts.clone();
                view! {
                    <h2>{booking_manage_text(|t| t.venue_contacts_heading)}</h2>
                    <VenueContactList contacts=contacts/>
                }
            })
        })}
        // (That the hours are defaults is said where the venue is chosen, not on every receipt.)
        {b.with_value(|b| b.status == BookingStatus::Confirmed).then(|| view! {
            <h2>{booking_manage_text(|t| t.what_to_bring)}</h2>
            <ul class="list-bullet">{bring}</ul>
        })}
    }
}
