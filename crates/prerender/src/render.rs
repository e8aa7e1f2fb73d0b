//! Drawing a page's first view to HTML with the apps' own components (`ip_portal`).

use ip_portal::app::Shell;
use ip_portal::first_data::FirstData;
use ip_portal::pages;
use leptos::prelude::*;
use leptos::reactive::diagnostics::SpecialNonReactiveZone;
use leptos_router::location::RequestUrl;
use portal_domain::apps::App;

/// The app's markup for `path` (the `<body>`'s content as the app draws it first), in the
/// default language; drawn from `data` where the page shows data (`ip_portal::first_data`).
pub fn render(path: &str, data: Option<&str>) -> String {
    // Nothing runs later: drop every task the components start (effects, resources).
    let _ = any_spawner::Executor::init_custom_executor(Never);
    // Signals read while drawing to a string are read once, on purpose.
    let _quiet = SpecialNonReactiveZone::enter();
    let owner = Owner::new();
    owner.with(|| {
        provide_context(RequestUrl::new(path));
        if let Some(data) = data {
            provide_context(FirstData(data.to_owned()));
        }
        let app = App::for_path(path);
        match app {
            App::Portal => view! { <Shell app><pages::home::PortalApp/></Shell> }.to_html(),
            App::Gi => view! { <Shell app><pages::gi::GiApp/></Shell> }.to_html(),
            App::Policies => view! { <Shell app><pages::policies::PoliciesApp/></Shell> }.to_html(),
            App::PolicyDocument => {
                view! { <Shell app><pages::policies::PolicyDocumentApp/></Shell> }.to_html()
            }
            App::Booking => view! { <Shell app><pages::booking::BookingApp/></Shell> }.to_html(),
            App::Assistance => {
                view! { <Shell app><pages::assistance::AssistanceApp/></Shell> }.to_html()
            }
            App::AssistanceLookup => {
                view! { <Shell app><pages::assistance::AssistanceLookupApp/></Shell> }.to_html()
            }
            App::FastTrack => {
                view! { <Shell app><pages::fast_track::FastTrackApp/></Shell> }.to_html()
            }
            App::Privacy => view! { <Shell app><pages::privacy::PrivacyApp/></Shell> }.to_html(),
            other => panic!("{path}: no prerendering for the {other:?} app"),
        }
    })
}

/// An executor that never runs what it is given.
struct Never;

impl any_spawner::CustomExecutor for Never {
    fn spawn(&self, _: any_spawner::PinnedFuture<()>) {}
    fn spawn_local(&self, _: any_spawner::PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}
