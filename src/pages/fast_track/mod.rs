//! The enterprise fast track, a firm's side (issue #14): its own app (`App::FastTrack`), so the
//! citizen pages carry none of its code. A firm registered in 南通 reads what the service is,
//! sets up its account, signs in (a cookie session of the firm realm, with a CSRF token for
//! changes, as the staff workbench does) and sees its account.
//!
//! | page | file |
//! | --- | --- |
//! | `/fast-track` | `start.rs` |
//! | `/fast-track/sign-up` | `sign_up.rs` |
//! | `/fast-track/sign-in` | `sign_in.rs` |
//! | `/fast-track/account` | `account.rs` |
//! | `/fast-track/password/{token}` | `password.rs` (a one-time password link) |
//!
//! The fields the sign-up and sign-in forms share are `fields.rs`; texts `texts.rs`.

mod account;
mod dashboard;
mod fields;
mod password;
mod people;
mod sign_in;
mod sign_up;
mod start;
pub mod texts;

use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::{ParamSegment, StaticSegment};

use crate::pages::not_found::NotFound;

pub const START: &str = "/fast-track";
pub const SIGN_UP: &str = "/fast-track/sign-up";
pub const SIGN_IN: &str = "/fast-track/sign-in";
pub const ACCOUNT: &str = "/fast-track/account";

/// The routes of the fast-track app.
#[component]
pub fn FastTrackApp() -> impl IntoView {
    let f = StaticSegment("fast-track");
    view! {
        <Routes fallback=|| view! { <NotFound/> }>
            <Route path=f view=start::StartPage/>
            <Route path=(f, StaticSegment("sign-up")) view=sign_up::SignUpPage/>
            <Route path=(f, StaticSegment("sign-in")) view=sign_in::SignInPage/>
            <Route path=(f, StaticSegment("account")) view=account::AccountPage/>
            <Route
                path=(f, StaticSegment("password"), ParamSegment("token"))
                view=password::PasswordPage
            />
        </Routes>
    }
}

/// The `<li>`s of a list of texts (`start_steps`, `next_steps` …).
fn items(list: &'static [&'static str]) -> impl IntoView {
    list.iter().map(|s| view! { <li>{*s}</li> }).collect_view()
}
