//! A policy document with its interpretation: `/policies/{slug}`. Its own app because the
//! library, the search and the document together were over the 200 KB budget.

use ip_portal::app::{boot, Shell};
use ip_portal::pages::policies::PolicyDocumentApp;
use leptos::prelude::*;
use portal_domain::apps::App;

fn main() {
    boot(|| {
        view! {
            <Shell app=App::PolicyDocument>
                <PolicyDocumentApp/>
            </Shell>
        }
    });
}
