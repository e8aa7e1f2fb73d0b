//! Consultation booking (预约咨询), in several apps so that each first load stays within
//! budget (a page of another app is a full page load; see `crate::app_links`):
//! - `BookingApp` (`src/bin/booking.rs`): a start page and one page per question (topic →
//!   venue → date → time);
//! - `BookingDetailsApp` (`booking_details.rs`): your details and "check your answers";
//! - `BookingManageApp` (`booking_manage.rs`): the booking's own page at its secret manage link,
//!   which is the confirmation;
//! - `BookingChangeApp` (`booking_change.rs`): from that link, choosing another time, cancelling
//!   the booking or erasing its personal data; and another time for a booking found by reference
//!   and mobile number;
//! - `BookingFindApp` (`booking_find.rs`): finding a booking by reference and mobile number,
//!   and cancelling it from there;
//! - `BookingCheckInApp` (`booking_check_in.rs`): checking in on the day at the service hall's
//!   kiosk (`check_in.rs`, `scan.rs`).

mod access;
mod are_you_sure;
mod cancel;
mod change;
mod check;
mod check_in;
mod date;
mod details;
pub mod draft;
mod erase;
mod find;
mod manage;
mod scan;
mod shown;
mod slots;
mod start;
pub mod texts;
mod time;
mod topic;
mod venue;

use leptos::prelude::*;
use leptos_router::components::{Route, Routes, A};
use leptos_router::{ParamSegment, StaticSegment};

use self::draft::{provide_draft, use_draft, Step};
use self::texts::{booking_questions_texts, booking_text};
use crate::app_links::{use_go, use_go_replacing};
use crate::pages::not_found::NotFound;
use crate::prefs::use_prefs;

/// Making a booking, first part (`App::Booking`): the start page and the questions up to the
/// time, with the draft they share (kept in session storage, so the next app reads it).
#[component]
pub fn BookingApp() -> impl IntoView {
    provide_draft();
    let b = StaticSegment("booking");
    view! {
        <Routes fallback=|| view! { <NotFound/> }>
            <Route path=b view=start::StartPage/>
            <Route path=(b, StaticSegment("topic")) view=topic::TopicPage/>
            <Route path=(b, StaticSegment("venue")) view=venue::VenuePage/>
            <Route path=(b, StaticSegment("date")) view=date::DatePage/>
            <Route path=(b, StaticSegment("time")) view=time::TimePage/>
        </Routes>
    }
}

/// Making a booking, second part (`App::BookingDetails`): your details and "check your answers",
/// which books and goes to the booking's page.
#[component]
pub fn BookingDetailsApp() -> impl IntoView {
    provide_draft();
    let b = StaticSegment("booking");
    view! {
        <Routes fallback=|| view! { <NotFound/> }>
            <Route path=(b, StaticSegment("details")) view=details::DetailsPage/>
            <Route path=(b, StaticSegment("check")) view=check::CheckPage/>
        </Routes>
    }
}

/// A booking at its secret link (`App::BookingManage`): its page, which is also the confirmation.
#[component]
pub fn BookingManageApp() -> impl IntoView {
    let path = (
        StaticSegment("booking"),
        StaticSegment("manage"),
        ParamSegment("token"),
    );
    view! {
        <Routes fallback=|| view! { <NotFound/> }>
            <Route path=path view=manage::ManagePage/>
        </Routes>
    }
}

/// Changing a booking (`App::BookingChange`): at its secret link another time, cancelling it, or
/// erasing its personal data; found by reference and mobile number, another time.
#[component]
pub fn BookingChangeApp() -> impl IntoView {
    // The found booking of `/booking/find/change` (see `access`).
    provide_context(access::FoundBooking::new());
    let (b, manage, token) = (
        StaticSegment("booking"),
        StaticSegment("manage"),
        ParamSegment("token"),
    );
    view! {
        <Routes fallback=|| view! { <NotFound/> }>
            <Route path=(b, manage, token, StaticSegment("change")) view=change::ChangeByTokenPage/>
            <Route path=(b, manage, token, StaticSegment("cancel")) view=cancel::CancelByTokenPage/>
            <Route path=(b, manage, token, StaticSegment("erase")) view=erase::EraseByTokenPage/>
            <Route path=(b, StaticSegment("find"), StaticSegment("change")) view=change::ChangeFoundPage/>
        </Routes>
    }
}

/// A booking found by reference and mobile number (`App::BookingFind`), and cancelled from there
/// (changing it is `App::BookingChange`: see `access::FoundBooking`).
#[component]
pub fn BookingFindApp() -> impl IntoView {
    provide_context(access::FoundBooking::new());
    let (b, find) = (StaticSegment("booking"), StaticSegment("find"));
    view! {
        <Routes fallback=|| view! { <NotFound/> }>
            <Route path=(b, find) view=find::FindPage/>
            <Route path=(b, find, StaticSegment("cancel")) view=cancel::CancelFoundPage/>
        </Routes>
    }
}

/// Checking in on the day at the service hall's kiosk (`App::BookingCheckIn`).
#[component]
pub fn BookingCheckInApp() -> impl IntoView {
    view! {
        <Routes fallback=|| view! { <NotFound/> }>
            <Route path=(StaticSegment("booking"), StaticSegment("check-in")) view=check_in::CheckInPage/>
        </Routes>
    }
}

/// The back link and "step n of 5" above a question.
#[component]
fn StepHeader(step: Step) -> impl IntoView {
    let prefs = use_prefs();
    let back = step.previous().map(Step::href).unwrap_or("/booking");
    view! {
        <A href=back attr:class="back-link">{booking_text(|t| t.back)}</A>
        {(step != Step::Check).then(|| view! {
            <p class="caption">
                {move || booking_questions_texts(prefs.lang.get()).step_of(step.number(), Step::QUESTIONS)}
            </p>
        })}
    }
}

/// A question page opened before the earlier ones were answered (a bookmark, a new tab) sends
/// the visitor to the first unanswered one instead of asking out of order.
fn use_step_guard(step: Step) {
    let missing = use_draft().get_untracked_first_missing();
    if missing.number() < step.number() {
        let go = use_go_replacing();
        request_animation_frame(move || go(missing.href()));
    }
}

/// After a question is answered: the next unanswered one, or "check your answers" when all are
/// (so a change made from the check page returns there).
fn use_go_next() -> impl Fn() + Clone {
    let draft = use_draft();
    let go = use_go();
    move || go(draft.get_untracked_first_missing().href())
}
