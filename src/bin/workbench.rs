//! The staff workbench app: `/staff/...`. Its own frame (not the citizen `Shell`): who is signed
//! in, the pages of the account's roles, sign out, the language switch.

use ip_portal::app::boot;
use ip_portal::pages::workbench::WorkbenchApp;
use leptos::prelude::*;

fn main() {
    boot(|| view! { <WorkbenchApp/> });
}
