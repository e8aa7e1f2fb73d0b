//! Following a submitted pre-examination request: `/fast-track/pre-exams/{id}/status`, `.../notice`.

use ip_portal::app::{boot, Shell};
use ip_portal::pages::pre_exam::PreExamTrackingApp;
use leptos::prelude::*;
use portal_domain::apps::App;

fn main() {
    boot(|| {
        view! {
            <Shell app=App::PreExamTracking>
                <PreExamTrackingApp/>
            </Shell>
        }
    });
}
