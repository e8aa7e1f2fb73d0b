//! The policy library app: `/policies` (the list) and `/policies/search`. A document,
//! `/policies/{slug}`, is the policy-document app (`src/bin/policy_document.rs`).

use ip_portal::app::{boot, Shell};
use ip_portal::pages::policies::PoliciesApp;
use leptos::prelude::*;
use portal_domain::apps::App;

fn main() {
    boot(|| {
        view! {
            <Shell app=App::Policies>
                <PoliciesApp/>
            </Shell>
        }
    });
}
