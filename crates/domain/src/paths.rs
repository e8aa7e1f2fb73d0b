//! Every path of the JSON API, written once. The browser apps build their request URLs from
//! these (`fill`), the server registers its routes with them and its OpenAPI annotations name
//! them, so a path changed here changes everywhere and a path written twice cannot drift.
//!
//! Parameters are written `{name}` (the form axum's router and OpenAPI both use).

/// The prefix of every API path; the server nests its routers below it.
pub const V1: &str = "/api/v1";

pub const HEALTH: &str = "/api/v1/health";
pub const READY: &str = "/api/v1/health/ready";
pub const OPENAPI: &str = "/api/v1/openapi.json";
pub const VENUES: &str = "/api/v1/venues";
pub const NOTICES: &str = "/api/v1/notices";
pub const SITE: &str = "/api/v1/site";

pub const GI_PRODUCTS: &str = "/api/v1/gi/products";
pub const GI_PRODUCTS_CSV: &str = "/api/v1/gi/products.csv";
pub const GI_PRODUCT: &str = "/api/v1/gi/products/{id}";
pub const GI_OFFLINE: &str = "/api/v1/gi/offline";

pub const POLICIES: &str = "/api/v1/policies";
pub const POLICY_SEARCH: &str = "/api/v1/policies/search";
pub const POLICY: &str = "/api/v1/policies/{slug}";

pub const BOOKING_TOPICS: &str = "/api/v1/booking/topics";
pub const BOOKING_VENUES: &str = "/api/v1/booking/venues";
pub const BOOKING_AVAILABILITY: &str = "/api/v1/booking/availability";
pub const BOOKINGS: &str = "/api/v1/bookings";
pub const BOOKING_LOOKUP: &str = "/api/v1/bookings/lookup";
pub const BOOKING_LOOKUP_RESCHEDULE: &str = "/api/v1/bookings/lookup/reschedule";
pub const BOOKING_LOOKUP_CANCEL: &str = "/api/v1/bookings/lookup/cancel";
pub const BOOKING_CHECK_IN: &str = "/api/v1/bookings/check-in";
pub const BOOKING: &str = "/api/v1/bookings/{token}";
pub const BOOKING_RESCHEDULE: &str = "/api/v1/bookings/{token}/reschedule";
pub const BOOKING_CANCEL: &str = "/api/v1/bookings/{token}/cancel";
pub const BOOKING_CALENDAR: &str = "/api/v1/bookings/{token}/calendar.ics";
pub const BOOKING_RATING: &str = "/api/v1/bookings/{token}/rating";
pub const BOOKING_ERASE: &str = "/api/v1/bookings/{token}/erase";

pub const PRIVACY_RETENTION: &str = "/api/v1/privacy/retention";
pub const BOOKING_TOKEN_CHECK_IN: &str = "/api/v1/bookings/{token}/check-in";

pub const ASSISTANCE_DRAFTS: &str = "/api/v1/assistance/drafts";
pub const ASSISTANCE_DRAFT: &str = "/api/v1/assistance/drafts/{token}";
pub const ASSISTANCE_DRAFT_FILES: &str = "/api/v1/assistance/drafts/{token}/files";
pub const ASSISTANCE_DRAFT_FILE: &str = "/api/v1/assistance/drafts/{token}/files/{id}";
pub const ASSISTANCE_DRAFT_SUBMIT: &str = "/api/v1/assistance/drafts/{token}/submit";
pub const ASSISTANCE_LOOKUP: &str = "/api/v1/assistance/requests/lookup";
pub const ASSISTANCE_NEW_LINK: &str = "/api/v1/assistance/requests/new-link";
pub const ASSISTANCE_REQUEST: &str = "/api/v1/assistance/requests/{token}";
pub const ASSISTANCE_WITHDRAW: &str = "/api/v1/assistance/requests/{token}/withdraw";
pub const ASSISTANCE_REQUEST_FILES: &str = "/api/v1/assistance/requests/{token}/files";
pub const ASSISTANCE_REQUEST_FILE: &str = "/api/v1/assistance/requests/{token}/files/{id}";
pub const ASSISTANCE_REPLY: &str = "/api/v1/assistance/requests/{token}/messages/{id}/reply";
pub const ASSISTANCE_RATING: &str = "/api/v1/assistance/requests/{token}/rating";

pub const FIRM_SIGN_UP: &str = "/api/v1/firm/sign-up";
pub const FIRM_SESSION: &str = "/api/v1/firm/session";
pub const FIRM_PEOPLE: &str = "/api/v1/firm/people";
pub const FIRM_PASSWORD: &str = "/api/v1/firm/password/{token}";
pub const FIRM_REGISTRATION: &str = "/api/v1/firm/registration";
pub const FIRM_REGISTRATION_SUBMIT: &str = "/api/v1/firm/registration/submit";
pub const FIRM_REGISTRATION_ROUNDS: &str = "/api/v1/firm/registration/rounds";
pub const FIRM_DASHBOARD: &str = "/api/v1/firm/dashboard";
pub const FIRM_REGISTRATION_FILES: &str = "/api/v1/firm/registration/files";
pub const FIRM_REGISTRATION_FILE: &str = "/api/v1/firm/registration/files/{id}";
pub const FIRM_PRE_EXAMS: &str = "/api/v1/firm/pre-exams";
pub const FIRM_PRE_EXAM: &str = "/api/v1/firm/pre-exams/{id}";
pub const FIRM_PRE_EXAM_NUMBERS: &str = "/api/v1/firm/pre-exam-numbers";
pub const FIRM_PRE_EXAM_QUOTA_REQUEST: &str = "/api/v1/firm/pre-exam-quota-request";
pub const FIRM_PRE_EXAM_SUBMIT: &str = "/api/v1/firm/pre-exams/{id}/submit";
pub const FIRM_PRE_EXAM_REPLY: &str = "/api/v1/firm/pre-exams/{id}/reply";
pub const FIRM_PRE_EXAM_FILING: &str = "/api/v1/firm/pre-exams/{id}/filing";
pub const FIRM_PRE_EXAM_FILES: &str = "/api/v1/firm/pre-exams/{id}/files";
pub const FIRM_PRE_EXAM_FILE: &str = "/api/v1/firm/pre-exams/{id}/files/{file_id}";

pub const STAFF_SESSION: &str = "/api/v1/staff/session";
pub const STAFF_PASSWORD: &str = "/api/v1/staff/session/password";
pub const STAFF_ACCOUNTS: &str = "/api/v1/staff/accounts";
pub const STAFF_FIRMS: &str = "/api/v1/staff/firms";
pub const STAFF_FIRM_PASSWORD_LINK: &str = "/api/v1/staff/firms/{uscc}/people/{id}/password-link";
pub const STAFF_REGISTRATIONS: &str = "/api/v1/staff/registrations";
pub const STAFF_REGISTRATION: &str = "/api/v1/staff/registrations/{id}";
pub const STAFF_REGISTRATION_ACTIONS: &str = "/api/v1/staff/registrations/{id}/actions";
pub const STAFF_REGISTRATION_FILE: &str = "/api/v1/staff/registrations/{id}/files/{file_id}";
pub const STAFF_FAST_TRACK_SETTINGS: &str = "/api/v1/staff/fast-track/settings";
pub const STAFF_PRE_EXAMS: &str = "/api/v1/staff/pre-exams";
pub const STAFF_PRE_EXAM: &str = "/api/v1/staff/pre-exams/{id}";
pub const STAFF_PRE_EXAM_ACTIONS: &str = "/api/v1/staff/pre-exams/{id}/actions";
pub const STAFF_PRE_EXAM_FILE: &str = "/api/v1/staff/pre-exams/{id}/files/{file_id}";
pub const STAFF_PRE_EXAM_SETTINGS: &str = "/api/v1/staff/fast-track/pre-exam-settings";
pub const STAFF_FIRM_PRE_EXAM_QUOTA: &str = "/api/v1/staff/firms/{uscc}/pre-exam-quota";
pub const STAFF_ACCOUNT: &str = "/api/v1/staff/accounts/{username}";
pub const STAFF_AUDIT: &str = "/api/v1/staff/audit";
pub const STAFF_OVERVIEW: &str = "/api/v1/staff/overview";
pub const STAFF_NOTICES: &str = "/api/v1/staff/admin/notices";
pub const STAFF_NOTICE: &str = "/api/v1/staff/admin/notices/{id}";
pub const STAFF_VENUES: &str = "/api/v1/staff/admin/venues";
pub const STAFF_VENUE_BOOKING: &str = "/api/v1/staff/admin/venues/{id}/booking";
pub const STAFF_VENUE_CONTACTS: &str = "/api/v1/staff/admin/venue-contacts";
pub const STAFF_VENUE_CONTACT: &str = "/api/v1/staff/admin/venues/{id}/contacts";
pub const STAFF_SITE: &str = "/api/v1/staff/admin/site";
pub const STAFF_HOLIDAYS: &str = "/api/v1/staff/admin/holidays";
pub const STAFF_HOLIDAY_YEAR: &str = "/api/v1/staff/admin/holidays/{year}";
pub const STAFF_RETENTION: &str = "/api/v1/staff/admin/retention";
pub const STAFF_RETENTION_RUN: &str = "/api/v1/staff/admin/retention/run";
pub const STAFF_CASES: &str = "/api/v1/staff/cases";
pub const STAFF_HANDLERS: &str = "/api/v1/staff/handlers";
pub const STAFF_CASE: &str = "/api/v1/staff/cases/{id}";
pub const STAFF_CASE_FILE: &str = "/api/v1/staff/cases/{id}/files/{file_id}";
pub const STAFF_CASE_ASSIGN: &str = "/api/v1/staff/cases/{id}/assign";
pub const STAFF_CASE_TRANSITION: &str = "/api/v1/staff/cases/{id}/transition";
pub const STAFF_CASE_MESSAGES: &str = "/api/v1/staff/cases/{id}/messages";
pub const STAFF_CASE_NOTES: &str = "/api/v1/staff/cases/{id}/notes";
pub const STAFF_RATINGS: &str = "/api/v1/staff/ratings";
pub const STAFF_RATING_REPLY: &str = "/api/v1/staff/ratings/{id}/reply";
pub const STAFF_BOOKINGS: &str = "/api/v1/staff/bookings";
pub const STAFF_BOOKING_CLUSTERS: &str = "/api/v1/staff/bookings/clusters";
pub const STAFF_BOOKINGS_BULK_CANCEL: &str = "/api/v1/staff/bookings/bulk-cancel";
pub const STAFF_BOOKING_CHECK_IN: &str = "/api/v1/staff/bookings/{id}/check-in";
pub const STAFF_BOOKING_NO_SHOW: &str = "/api/v1/staff/bookings/{id}/no-show";
pub const STAFF_SLOTS: &str = "/api/v1/staff/slots";
pub const STAFF_SLOT_SEATS: &str = "/api/v1/staff/slots/seats";
pub const STAFF_CLOSURES: &str = "/api/v1/staff/closures";
pub const STAFF_CLOSURE: &str = "/api/v1/staff/closures/{id}";

/// A path with its `{…}` parameters replaced, in order, by `values`, each percent-encoded as
/// one path segment (a reference or a token may hold characters a URL treats specially).
///
/// `fill(BOOKING_CANCEL, &["AB12"])` is `/api/v1/bookings/AB12/cancel`.
pub fn fill(path: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(path.len() + 16);
    let mut values = values.iter();
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('}').map_or(rest.len(), |c| open + c + 1);
        // A missing value (a caller's bug, caught by the tests) leaves the segment empty: the
        // server answers 404 rather than the app carrying a panic message in its WASM.
        out.push_str(&crate::api::percent_encode(
            values.next().copied().unwrap_or_default(),
        ));
        rest = &rest[close..];
    }
    out.push_str(rest);
    debug_assert!(values.next().is_none(), "more values than path parameters");
    out
}

/// The part of an API path below [`V1`], the form the server's nested routers register.
pub fn below_v1(path: &'static str) -> &'static str {
    path.strip_prefix(V1)
        .expect("every API path starts with /api/v1")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_each_parameter_in_order_and_encodes_it() {
        assert_eq!(
            fill(BOOKING_CANCEL, &["AB12"]),
            "/api/v1/bookings/AB12/cancel"
        );
        assert_eq!(
            fill(ASSISTANCE_REPLY, &["a/b c", "7"]),
            "/api/v1/assistance/requests/a%2Fb%20c/messages/7/reply"
        );
        assert_eq!(fill(VENUES, &[]), VENUES);
    }

    #[test]
    fn pre_exam_paths_fill_their_ids() {
        assert_eq!(
            fill(FIRM_PRE_EXAM_FILE, &["12", "3"]),
            "/api/v1/firm/pre-exams/12/files/3"
        );
        assert_eq!(
            fill(STAFF_FIRM_PRE_EXAM_QUOTA, &["91320600MA1X2Y3Z4W"]),
            "/api/v1/staff/firms/91320600MA1X2Y3Z4W/pre-exam-quota"
        );
    }

    #[test]
    fn below_v1_is_the_nested_form() {
        assert_eq!(below_v1(BOOKINGS), "/bookings");
    }
}
