//! A draft pre-examination request's question pages: `/fast-track/pre-exams/{id}/{section}`.

use ip_portal::app::{boot, Shell};
use ip_portal::pages::pre_exam::PreExamQuestionsApp;
use leptos::prelude::*;
use portal_domain::apps::App;

fn main() {
    boot(|| {
        view! {
            <Shell app=App::PreExamQuestions>
                <PreExamQuestionsApp/>
            </Shell>
        }
    });
}
