//! The portal's services: their routes, names and what each one offers (the texts in
//! `locales/*/services.toml`). The home page cards,
//! the navigation and the route table are all built from this one list.

use portal_domain::Lang;

include!(concat!(env!("OUT_DIR"), "/texts_services.rs"));

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    Booking,
    Assistance,
    GiLookup,
    Policies,
    FastTrack,
    Track,
}

impl Service {
    pub const ALL: [Service; 6] = [
        Service::Booking,
        Service::Assistance,
        Service::GiLookup,
        Service::Policies,
        Service::FastTrack,
        Service::Track,
    ];

    /// The route's one path segment.
    pub const fn segment(self) -> &'static str {
        match self {
            Service::Booking => "booking",
            Service::Assistance => "assistance",
            Service::GiLookup => "gi",
            Service::Policies => "policies",
            Service::FastTrack => "fast-track",
            Service::Track => "track",
        }
    }

    pub fn href(self) -> String {
        format!("/{}", self.segment())
    }

    pub fn title(self, lang: Lang) -> &'static str {
        self.texts(lang).0
    }

    pub fn summary(self, lang: Lang) -> &'static str {
        self.texts(lang).1
    }

    /// What the finished service will let people do (shown while it is being built).
    pub fn planned(self, lang: Lang) -> Vec<&'static str> {
        self.texts(lang).2.to_vec()
    }

    fn texts(self, lang: Lang) -> (&'static str, &'static str, &'static [&'static str]) {
        let t = services_texts(lang);
        match self {
            Service::Booking => (t.booking_title, t.booking_summary, &t.booking_planned),
            Service::Assistance => (
                t.assistance_title,
                t.assistance_summary,
                &t.assistance_planned,
            ),
            Service::GiLookup => (t.gi_lookup_title, t.gi_lookup_summary, &t.gi_lookup_planned),
            Service::Policies => (t.policies_title, t.policies_summary, &t.policies_planned),
            Service::FastTrack => (
                t.fast_track_title,
                t.fast_track_summary,
                &t.fast_track_planned,
            ),
            Service::Track => (t.track_title, t.track_summary, &t.track_planned),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_service_has_a_distinct_route_and_texts_in_both_languages() {
        let mut segments: Vec<_> = Service::ALL.iter().map(|s| s.segment()).collect();
        segments.sort();
        segments.dedup();
        assert_eq!(segments.len(), Service::ALL.len());
        for service in Service::ALL {
            for lang in [Lang::Zh, Lang::En] {
                assert!(!service.title(lang).is_empty());
                assert!(!service.summary(lang).is_empty());
                assert!(!service.planned(lang).is_empty());
            }
        }
    }
}
