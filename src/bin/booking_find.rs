//! A booking found by reference and mobile number: `/booking/find`, `/booking/find/cancel`.

use ip_portal::app::{boot, Shell};
use ip_portal::pages::booking::BookingFindApp;
use leptos::prelude::*;
use portal_domain::apps::App;

fn main() {
    boot(|| {
        view! {
            <Shell app=App::BookingFind>
                <BookingFindApp/>
            </Shell>
        }
    });
}
