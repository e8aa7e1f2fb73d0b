//! The geographical-indication lookup app: `/gi` and `/gi/{id}`.

use ip_portal::app::{boot, Shell};
use ip_portal::pages::gi::GiApp;
use leptos::prelude::*;
use portal_domain::apps::App;

fn main() {
    boot(|| {
        view! {
            <Shell app=App::Gi>
                <GiApp/>
            </Shell>
        }
    });
}
