//! The portal app: home, "track a request", and "page not found".

use ip_portal::app::{boot, Shell};
use ip_portal::pages::home::PortalApp;
use leptos::prelude::*;
use portal_domain::apps::App;

fn main() {
    boot(|| {
        view! {
            <Shell app=App::Portal>
                <PortalApp/>
            </Shell>
        }
    });
}
