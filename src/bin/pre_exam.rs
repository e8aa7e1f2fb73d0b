//! A registered firm's pre-examination requests: `/fast-track/pre-exams/...`.

use ip_portal::app::{boot, Shell};
use ip_portal::pages::pre_exam::PreExamApp;
use leptos::prelude::*;
use portal_domain::apps::App;

fn main() {
    boot(|| {
        view! {
            <Shell app=App::PreExam>
                <PreExamApp/>
            </Shell>
        }
    });
}
