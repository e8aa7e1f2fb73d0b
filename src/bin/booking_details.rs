//! Making a booking, second part: `/booking/details` and `/booking/check`.

use ip_portal::app::{boot, Shell};
use ip_portal::pages::booking::BookingDetailsApp;
use leptos::prelude::*;
use portal_domain::apps::App;

fn main() {
    boot(|| {
        view! {
            <Shell app=App::BookingDetails>
                <BookingDetailsApp/>
            </Shell>
        }
    });
}
