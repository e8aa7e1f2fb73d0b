//! Consultation booking (预约咨询), its own app (`src/bin/booking.rs`): a start page, one page
//! per question (topic → venue → date → time → your details), "check your answers", then the
//! booking's own page at its secret manage link, which is the confirmation and where it is
//! changed or cancelled. A booking can also be found by reference and mobile number, and
//! checked in on its day at the service hall's kiosk (`check_in.rs`, `scan.rs`).

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
use leptos_router::hooks::use_navigate;
use leptos_router::{NavigateOptions, ParamSegment, StaticSegment};

use self::draft::{provide_draft, use_draft, Step};
use self::texts::{booking_text, booking_texts};
use crate::pages::not_found::NotFound;
use crate::prefs::use_prefs;

/// The booking app's routes, with the draft every question page shares.
#[component]
pub fn BookingApp() -> impl IntoView {
    provide_draft();
    provide_context(access::FoundBooking::new());
    let b = StaticSegment("booking");
    view! {
        <Routes fallback=|| view! { <NotFound/> }>
            <Route path=b view=start::StartPage/>
            <Route path=(b, StaticSegment("topic")) view=topic::TopicPage/>
            <Route path=(b, StaticSegment("venue")) view=venue::VenuePage/>
            <Route path=(b, StaticSegment("date")) view=date::DatePage/>
            <Route path=(b, StaticSegment("time")) view=time::TimePage/>
            <Route path=(b, StaticSegment("details")) view=details::DetailsPage/>
            <Route path=(b, StaticSegment("check")) view=check::CheckPage/>
            <Route path=(b, StaticSegment("manage"), ParamSegment("token")) view=manage::ManagePage/>
            <Route
                path=(b, StaticSegment("manage"), ParamSegment("token"), StaticSegment("change"))
                view=change::ChangeByTokenPage
            />
            <Route
                path=(b, StaticSegment("manage"), ParamSegment("token"), StaticSegment("cancel"))
                view=cancel::CancelByTokenPage
            />
            <Route
                path=(b, StaticSegment("manage"), ParamSegment("token"), StaticSegment("erase"))
                view=erase::EraseByTokenPage
            />
            <Route path=(b, StaticSegment("find")) view=find::FindPage/>
            <Route path=(b, StaticSegment("check-in")) view=check_in::CheckInPage/>
            <Route path=(b, StaticSegment("find"), StaticSegment("change")) view=change::ChangeFoundPage/>
            <Route path=(b, StaticSegment("find"), StaticSegment("cancel")) view=cancel::CancelFoundPage/>
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
                {move || booking_texts(prefs.lang.get()).step_of(step.number(), Step::QUESTIONS)}
            </p>
        })}
    }
}

/// A question page opened before the earlier ones were answered (a bookmark, a new tab) sends
/// the visitor to the first unanswered one instead of asking out of order.
fn use_step_guard(step: Step) {
    let missing = use_draft().get_untracked_first_missing();
    if missing.number() < step.number() {
        let navigate = use_navigate();
        request_animation_frame(move || {
            navigate(
                missing.href(),
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            )
        });
    }
}

/// After a question is answered: the next unanswered one, or "check your answers" when all are
/// (so a change made from the check page returns there).
fn use_go_next() -> impl Fn() + Clone {
    let draft = use_draft();
    let navigate = use_navigate();
    move || {
        navigate(
            draft.get_untracked_first_missing().href(),
            Default::default(),
        )
    }
}
