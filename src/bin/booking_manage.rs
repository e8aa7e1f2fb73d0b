//! A booking at its secret link: `/booking/manage/{token}` (also the confirmation).

use ip_portal::app::{boot, Shell};
use ip_portal::pages::booking::BookingManageApp;
use leptos::prelude::*;
use portal_domain::apps::App;

fn main() {
    boot(|| {
        view! {
            <Shell app=App::BookingManage>
                <BookingManageApp/>
            </Shell>
        }
    });
}
