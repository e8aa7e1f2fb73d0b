//! The privacy app: `/privacy` (the 个人信息保护 notice) and `/accessibility` (the accessibility
//! statement), linked from every footer.

use ip_portal::app::{boot, Shell};
use ip_portal::pages::not_found::NotFound;
use ip_portal::pages::privacy::accessibility::AccessibilityPage;
use ip_portal::pages::privacy::notice::PrivacyNoticePage;
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::StaticSegment;
use portal_domain::apps::App;

fn main() {
    boot(|| {
        view! {
            <Shell app=App::Privacy>
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=StaticSegment("privacy") view=PrivacyNoticePage/>
                    <Route path=StaticSegment("accessibility") view=AccessibilityPage/>
                </Routes>
            </Shell>
        }
    });
}
