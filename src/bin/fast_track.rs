//! The enterprise fast track, a firm's side: `/fast-track`, `/fast-track/...`.

use ip_portal::app::{boot, Shell};
use ip_portal::pages::fast_track::FastTrackApp;
use leptos::prelude::*;
use portal_domain::apps::App;

fn main() {
    boot(|| {
        view! {
            <Shell app=App::FastTrack>
                <FastTrackApp/>
            </Shell>
        }
    });
}
