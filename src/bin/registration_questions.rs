//! The question pages of a firm's registration: `/fast-track/registration/{section}`.

use ip_portal::app::{boot, Shell};
use ip_portal::pages::firm_registration::RegistrationQuestionsApp;
use leptos::prelude::*;
use portal_domain::apps::App;

fn main() {
    boot(|| {
        view! {
            <Shell app=App::RegistrationQuestions>
                <RegistrationQuestionsApp/>
            </Shell>
        }
    });
}
