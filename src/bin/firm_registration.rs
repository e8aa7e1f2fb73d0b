//! A firm's registration with the center: `/fast-track/registration/...`.

use ip_portal::app::{boot, Shell};
use ip_portal::pages::firm_registration::FirmRegistrationApp;
use leptos::prelude::*;
use portal_domain::apps::App;

fn main() {
    boot(|| {
        view! {
            <Shell app=App::FirmRegistration>
                <FirmRegistrationApp/>
            </Shell>
        }
    });
}
