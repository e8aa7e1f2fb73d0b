//! Asking for extra pre-examination quota (增量额度): `/fast-track/pre-exams/quota`.

use ip_portal::app::{boot, Shell};
use ip_portal::pages::pre_exam::PreExamQuotaApp;
use leptos::prelude::*;
use portal_domain::apps::App;

fn main() {
    boot(|| {
        view! {
            <Shell app=App::PreExamQuota>
                <PreExamQuotaApp/>
            </Shell>
        }
    });
}
