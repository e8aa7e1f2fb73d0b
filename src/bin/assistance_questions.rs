//! The rights-assistance application's question pages: `/assistance/apply/{section}`.

use ip_portal::app::{boot, Shell};
use ip_portal::pages::assistance::AssistanceQuestionsApp;
use leptos::prelude::*;
use portal_domain::apps::App;

fn main() {
    boot(|| {
        view! {
            <Shell app=App::AssistanceQuestions>
                <AssistanceQuestionsApp/>
            </Shell>
        }
    });
}
