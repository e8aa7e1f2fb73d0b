//! Changing a booking at its secret link: `/booking/manage/{token}/change`, `cancel`, `erase`.

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
