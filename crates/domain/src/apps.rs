//! The browser side of the portal is several small single-page apps, one WASM each, so that a
//! page downloads only the code of its own service (the home route has a 200 KB budget). The
//! server and the apps agree here on which app owns which paths.

/// One separately built single-page app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum App {
    /// Home, the services not built yet, and "page not found".
    Portal,
    /// Geographical-indication lookup: `/gi`, `/gi/{id}`.
    Gi,
    /// Policy library: `/policies`, `/policies/search`, `/policies/{slug}`.
    Policies,
    /// Consultation booking: `/booking/...` (the question pages, manage and find a booking).
    Booking,
    /// Rights-assistance requests: `/assistance/...` (the task list and its questions, the
    /// request's tracking page, tracking by reference).
    Assistance,
    /// The staff workbench: `/staff/...` (login, case queue, booking desk, overview, audit log).
    Workbench,
}

impl App {
    pub const ALL: [App; 6] = [
        App::Portal,
        App::Gi,
        App::Policies,
        App::Booking,
        App::Assistance,
        App::Workbench,
    ];

    /// The app that serves a page path (no query string).
    pub fn for_path(path: &str) -> App {
        let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
        match first {
            "gi" => App::Gi,
            "policies" => App::Policies,
            "booking" => App::Booking,
            "assistance" => App::Assistance,
            "staff" => App::Workbench,
            _ => App::Portal,
        }
    }

    /// Where Trunk puts the app's `index.html`, relative to the `dist` folder.
    pub fn index_file(self) -> &'static str {
        match self {
            App::Portal => "index.html",
            App::Gi => "apps/gi/index.html",
            App::Policies => "apps/policies/index.html",
            App::Booking => "apps/booking/index.html",
            App::Assistance => "apps/assistance/index.html",
            App::Workbench => "apps/workbench/index.html",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_map_to_their_app() {
        assert_eq!(App::for_path("/"), App::Portal);
        assert_eq!(App::for_path("/booking"), App::Booking);
        assert_eq!(App::for_path("/booking/manage/abc"), App::Booking);
        assert_eq!(App::for_path("/bookings"), App::Portal);
        assert_eq!(App::for_path("/gi"), App::Gi);
        assert_eq!(App::for_path("/gi/GI00842"), App::Gi);
        assert_eq!(App::for_path("/gift"), App::Portal);
        assert_eq!(App::for_path("/policies"), App::Policies);
        assert_eq!(App::for_path("/policies/search"), App::Policies);
        assert_eq!(App::for_path("/assistance"), App::Assistance);
        assert_eq!(App::for_path("/assistance/apply/right"), App::Assistance);
        assert_eq!(App::for_path("/assistances"), App::Portal);
        assert_eq!(App::for_path("/no/such/page"), App::Portal);
        assert_eq!(App::for_path("/staff"), App::Workbench);
        assert_eq!(App::for_path("/staff/login"), App::Workbench);
        assert_eq!(App::for_path("/staff/cases/12"), App::Workbench);
        assert_eq!(App::for_path("/staffing"), App::Portal);
    }
}
