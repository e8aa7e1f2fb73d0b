//! The privacy app: `/privacy` (the 个人信息保护 notice) and `/accessibility` (the accessibility
//! statement), linked from every footer.

use ip_portal::app::{boot, Shell};
use ip_portal::pages::privacy::PrivacyApp;
use leptos::prelude::*;
use portal_domain::apps::App;

fn main() {
    boot(|| {
        view! {
            <Shell app=App::Privacy>
                <PrivacyApp/>
            </Shell>
        }
    });
}
