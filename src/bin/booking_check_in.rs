//! Checking in at the service hall's kiosk: `/booking/check-in`.

use ip_portal::app::{boot, Shell};
use ip_portal::pages::booking::BookingCheckInApp;
use leptos::prelude::*;
use portal_domain::apps::App;

fn main() {
    boot(|| {
        view! {
            <Shell app=App::BookingCheckIn>
                <BookingCheckInApp/>
            </Shell>
        }
    });
}
