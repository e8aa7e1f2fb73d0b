//! Answering the center and withdrawing a rights-assistance request:
//! `/assistance/requests/{token}/reply/{message}`, `/assistance/requests/{token}/withdraw`.

use ip_portal::app::{boot, Shell};
use ip_portal::pages::assistance::AssistanceActionsApp;
use leptos::prelude::*;
use portal_domain::apps::App;

fn main() {
    boot(|| {
        view! {
            <Shell app=App::AssistanceActions>
                <AssistanceActionsApp/>
            </Shell>
        }
    });
}
