//! The consultation booking app, making a booking: `/booking` and its questions up to the time.

use ip_portal::app::{boot, Shell};
use ip_portal::pages::booking::BookingApp;
use leptos::prelude::*;
use portal_domain::apps::App;

fn main() {
    boot(|| {
        view! {
            <Shell app=App::Booking>
                <BookingApp/>
            </Shell>
        }
    });
}
