//! Applying for rights assistance: `/assistance`, `/assistance/apply` (the task list) and
//! `/assistance/apply/check`.

use ip_portal::app::{boot, Shell};
use ip_portal::pages::assistance::AssistanceApp;
use leptos::prelude::*;
use portal_domain::apps::App;

fn main() {
    boot(|| {
        view! {
            <Shell app=App::Assistance>
                <AssistanceApp/>
            </Shell>
        }
    });
}
