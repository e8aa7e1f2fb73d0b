//! Finding a rights-assistance request by its reference, `/assistance/track`, and rating a
//! concluded request's service, `/assistance/requests/{token}/rating`.

use ip_portal::app::{boot, Shell};
use ip_portal::pages::assistance::AssistanceLookupApp;
use leptos::prelude::*;
use portal_domain::apps::App;

fn main() {
    boot(|| {
        view! {
            <Shell app=App::AssistanceLookup>
                <AssistanceLookupApp/>
            </Shell>
        }
    });
}
