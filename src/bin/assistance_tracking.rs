//! Following a rights-assistance request: `/assistance/requests/{token}`.

use ip_portal::app::{boot, Shell};
use ip_portal::pages::assistance::AssistanceTrackingApp;
use leptos::prelude::*;
use portal_domain::apps::App;

fn main() {
    boot(|| {
        view! {
            <Shell app=App::AssistanceTracking>
                <AssistanceTrackingApp/>
            </Shell>
        }
    });
}
