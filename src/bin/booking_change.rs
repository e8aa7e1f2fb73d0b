//! Changing a booking: `/booking/manage/{token}/change`, `cancel`, `erase`; `/booking/find/change`.

use ip_portal::app::{boot, Shell};
use ip_portal::pages::booking::BookingChangeApp;
use leptos::prelude::*;
use portal_domain::apps::App;

fn main() {
    boot(|| {
        view! {
            <Shell app=App::BookingChange>
                <BookingChangeApp/>
            </Shell>
        }
    });
}
