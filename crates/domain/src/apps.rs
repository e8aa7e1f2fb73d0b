//! The browser side of the portal is several small single-page apps, one WASM each, so that a
//! page downloads only the code of its own service (the home route has a 200 KB budget). The
//! server and the apps agree here on which app owns which paths.

use crate::api::firm::registration::Section;

/// One separately built single-page app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum App {
    /// Home, "track a request", and "page not found".
    Portal,
    /// Geographical-indication lookup: `/gi`, `/gi/{id}`.
    Gi,
    /// The policy library (政策解读): `/policies` (the list, "I want to…") and
    /// `/policies/search` (full-text search).
    Policies,
    /// One policy document with its interpretation: `/policies/{slug}` (the text, its contents,
    /// "what it means for you", the key targets, the Q&As). Apart from the library because
    /// together they were 222.9 KB brotli, over the 200 KB budget.
    PolicyDocument,
    /// Consultation booking, making one: `/booking` and its questions up to the time.
    Booking,
    /// Making a booking, second part: `/booking/details` and `/booking/check`.
    BookingDetails,
    /// A booking at its secret link: `/booking/manage/{token}` (also the confirmation).
    BookingManage,
    /// Changing a booking: at its secret link `/booking/manage/{token}/change`, `…/cancel`,
    /// `…/erase`; found by reference and mobile number, `/booking/find/change`.
    BookingChange,
    /// A booking found by reference and mobile number, and cancelled from there:
    /// `/booking/find`, `/booking/find/cancel`.
    BookingFind,
    /// Checking in at the service hall's kiosk: `/booking/check-in`.
    BookingCheckIn,
    /// Applying for rights assistance: `/assistance` (the start page), `/assistance/apply` (the
    /// task list) and `/assistance/apply/check` (check your answers and submit).
    Assistance,
    /// Following a rights-assistance request: `/assistance/requests/{token}` (confirmation,
    /// facts, timeline, the center's messages, the rating once given). Its own app because people come back to
    /// it again and again, often on a phone, and need none of the application form's code (nor
    /// the applicant its code).
    AssistanceTracking,
    /// Finding a rights-assistance request by its reference and mobile number, and getting a new
    /// tracking link: `/assistance/track`; and rating a concluded request's service:
    /// `/assistance/requests/{token}/rating` (apart from the request's page, whose app was over
    /// the 200 KB budget with the rating form; this one had the most room).
    AssistanceLookup,
    /// What an applicant does about a submitted request, each a page under its secret link:
    /// `/assistance/requests/{token}/reply/{message}` (answering the center, with files) and
    /// `/assistance/requests/{token}/withdraw`. Apart from the request's page because all of it
    /// in one app was 268 KB brotli, over the 200 KB budget.
    AssistanceActions,
    /// The staff workbench: `/staff/...` (login, case queue, booking desk, overview, audit log).
    Workbench,
    /// The enterprise fast track, a firm's side: `/fast-track` (what the service is) and
    /// `/fast-track/...` (sign up, sign in, the firm's account).
    FastTrack,
    /// A firm's registration with the center: `/fast-track/registration/...` (the task list,
    /// the documents, check and submit, the certificate). Its own app so that the account pages
    /// stay within the budget and carry none of the form's code.
    FirmRegistration,
    /// The registration's question pages: `/fast-track/registration/{section}` for the five
    /// sections that are questions (the firm, R&D, patents, IP management, the declaration).
    /// Apart from the task list because together they were 223 KB brotli, over the 200 KB
    /// budget: the question forms and their checks are about 40 KB of it.
    RegistrationQuestions,
    /// A registered firm's pre-examination requests (专利预审, issue #15):
    /// `/fast-track/pre-exams/...` (its requests and quota, a draft's task list, its questions
    /// and documents, check and submit, the confirmation). Its own app: the fast-track app was
    /// at 199.5 KB brotli without it.
    PreExam,
    /// A pre-examination request's question pages: a draft's
    /// `/fast-track/pre-exams/{id}/{application,exclusions,details}`, and after passing
    /// `.../filing` (the report of the national application): the pages that carry the domain's
    /// checks and their messages.
    PreExamQuestions,
    /// Following a submitted pre-examination request: `/fast-track/pre-exams/{id}/status` (its
    /// status, history and deadline, the amendment, the filing report), `.../notice` (the
    /// printable pass notice) and `.../documents` (the uploads, which the amendment uses too).
    /// Three apps because all of it in one was 237.7 KB brotli, and in two 228.7 and 204.9 KB,
    /// over the 200 KB budget.
    PreExamTracking,
    /// Asking for extra pre-examination quota (增量额度): `/fast-track/pre-exams/quota` (the form,
    /// its confirmation, the open request). Its own app because the other three pre-examination
    /// apps were within 2.3 KB of the 200 KB budget, with no room for a form.
    PreExamQuota,
    /// What the portal does with personal data and how accessible it is: `/privacy` (the
    /// 个人信息保护 notice) and `/accessibility` (the accessibility statement), linked from every
    /// footer. Their own app so that no other app's first load carries their long texts.
    Privacy,
}

/// The pages whose first view is drawn at build time into the page the server sends
/// (`crates/prerender`): entry pages whose address has no secret and no query. A page drawn
/// from data (a product, a document) would show only "loading", which the static shell already
/// does.
pub const PRERENDERED: &[&str] = &[
    "/",
    "/track",
    "/gi",
    "/policies",
    "/booking",
    "/assistance",
    "/assistance/track",
    "/fast-track",
    "/privacy",
    "/accessibility",
];

/// The apps whose pages show data the server holds: a GI product (`/gi/GI00829`), a policy
/// document (`/policies/{slug}`) and the policy library's list (`/policies`, unfiltered). The
/// server draws such a page's first view from that data when it is asked for
/// (`crates/server/src/spa.rs`), as the build does for [`PRERENDERED`] pages.
pub const DRAWN: [App; 3] = [App::Gi, App::PolicyDocument, App::Policies];

/// Where the build writes the prerendered page of `path` (one of [`PRERENDERED`]), relative to
/// the `dist` folder: `prerendered/gi.html`, `prerendered/assistance/track.html`, and
/// `prerendered/index.html` for `/`. The build writes it there and the server reads it from there.
pub fn prerendered_file(path: &str) -> String {
    match path.trim_matches('/') {
        "" => "prerendered/index.html".to_owned(),
        name => format!("prerendered/{name}.html"),
    }
}

impl App {
    pub const ALL: [App; 23] = [
        App::Portal,
        App::Gi,
        App::Policies,
        App::PolicyDocument,
        App::Booking,
        App::BookingDetails,
        App::BookingManage,
        App::BookingChange,
        App::BookingFind,
        App::BookingCheckIn,
        App::Assistance,
        App::AssistanceTracking,
        App::AssistanceLookup,
        App::AssistanceActions,
        App::Workbench,
        App::FastTrack,
        App::FirmRegistration,
        App::RegistrationQuestions,
        App::PreExam,
        App::PreExamQuestions,
        App::PreExamTracking,
        App::PreExamQuota,
        App::Privacy,
    ];

    /// The app that serves a page path (no query string).
    pub fn for_path(path: &str) -> App {
        let mut segments = path.trim_start_matches('/').split('/');
        let first = segments.next().unwrap_or("");
        match first {
            "gi" => App::Gi,
            "policies" => match segments.next() {
                None | Some("" | "search") => App::Policies,
                Some(_) => App::PolicyDocument,
            },
            "booking" => match (segments.next(), segments.next(), segments.next()) {
                (Some("details" | "check"), ..) => App::BookingDetails,
                (Some("manage"), _, Some("change" | "cancel" | "erase")) => App::BookingChange,
                (Some("manage"), ..) => App::BookingManage,
                (Some("find"), Some("change"), _) => App::BookingChange,
                (Some("find"), ..) => App::BookingFind,
                (Some("check-in"), ..) => App::BookingCheckIn,
                _ => App::Booking,
            },
            "assistance" => match (segments.next(), segments.next(), segments.next()) {
                (Some("requests"), Some(_), Some("reply" | "withdraw")) => App::AssistanceActions,
                (Some("requests"), Some(_), Some("rating")) => App::AssistanceLookup,
                (Some("requests"), _, _) => App::AssistanceTracking,
                (Some("track"), None | Some(""), _) => App::AssistanceLookup,
                _ => App::Assistance,
            },
            "staff" => App::Workbench,
            "privacy" | "accessibility" => App::Privacy,
            "fast-track" => match segments.next() {
                Some("pre-exams") => match (segments.next(), segments.next()) {
                    (Some(_), Some("status" | "notice" | "documents")) => App::PreExamTracking,
                    (Some("numbers"), None) => App::PreExamTracking,
                    (Some("quota"), None) => App::PreExamQuota,
                    (Some(_), Some("application" | "exclusions" | "details" | "filing")) => {
                        App::PreExamQuestions
                    }
                    _ => App::PreExam,
                },
                Some("registration") => match segments.next().and_then(Section::from_code) {
                    Some(section) if section != Section::Uploads => App::RegistrationQuestions,
                    _ => App::FirmRegistration,
                },
                _ => App::FastTrack,
            },
            _ => App::Portal,
        }
    }

    /// Whether search engines may index the app's pages: the portal's public information and
    /// each service's way in. Not the pages at a secret link (a booking's, a request's, the
    /// later steps of a form, which name a person's case), a firm's or the staff's pages behind
    /// their sign-in, nor finding a case by its reference: the server tells crawlers
    /// `X-Robots-Tag: noindex` there, so a link that leaks never lands in search results.
    pub fn indexable(self) -> bool {
        matches!(
            self,
            App::Portal
                | App::Gi
                | App::Policies
                | App::PolicyDocument
                | App::Booking
                | App::Assistance
                | App::FastTrack
                | App::Privacy
        )
    }

    /// Where Trunk puts the app's `index.html`, relative to the `dist` folder.
    pub fn index_file(self) -> &'static str {
        match self {
            App::Portal => "index.html",
            App::Gi => "apps/gi/index.html",
            App::Policies => "apps/policies/index.html",
            App::PolicyDocument => "apps/policy-document/index.html",
            App::Booking => "apps/booking/index.html",
            App::BookingDetails => "apps/booking-details/index.html",
            App::BookingManage => "apps/booking-manage/index.html",
            App::BookingChange => "apps/booking-change/index.html",
            App::BookingFind => "apps/booking-find/index.html",
            App::BookingCheckIn => "apps/booking-check-in/index.html",
            App::Assistance => "apps/assistance/index.html",
            App::AssistanceTracking => "apps/assistance-tracking/index.html",
            App::AssistanceLookup => "apps/assistance-lookup/index.html",
            App::AssistanceActions => "apps/assistance-actions/index.html",
            App::Workbench => "apps/workbench/index.html",
            App::FastTrack => "apps/fast-track/index.html",
            App::FirmRegistration => "apps/firm-registration/index.html",
            App::RegistrationQuestions => "apps/registration-questions/index.html",
            App::PreExam => "apps/pre-exam/index.html",
            App::PreExamQuestions => "apps/pre-exam-questions/index.html",
            App::PreExamTracking => "apps/pre-exam-tracking/index.html",
            App::PreExamQuota => "apps/pre-exam-quota/index.html",
            App::Privacy => "apps/privacy/index.html",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_prerendered_path_names_its_file() {
        assert_eq!(prerendered_file("/"), "prerendered/index.html");
        assert_eq!(prerendered_file("/gi"), "prerendered/gi.html");
        assert_eq!(
            prerendered_file("/assistance/track"),
            "prerendered/assistance/track.html"
        );
    }

    #[test]
    fn paths_map_to_their_app() {
        assert_eq!(App::for_path("/"), App::Portal);
        assert_eq!(App::for_path("/booking"), App::Booking);
        assert_eq!(App::for_path("/booking/topic"), App::Booking);
        assert_eq!(App::for_path("/booking/time"), App::Booking);
        assert_eq!(App::for_path("/booking/details"), App::BookingDetails);
        assert_eq!(App::for_path("/booking/check"), App::BookingDetails);
        assert_eq!(App::for_path("/booking/manage/abc"), App::BookingManage);
        assert_eq!(
            App::for_path("/booking/manage/abc/cancel"),
            App::BookingChange
        );
        assert_eq!(
            App::for_path("/booking/manage/abc/erase"),
            App::BookingChange
        );
        assert_eq!(
            App::for_path("/booking/manage/abc/change"),
            App::BookingChange
        );
        assert_eq!(App::for_path("/booking/find"), App::BookingFind);
        assert_eq!(App::for_path("/booking/find/change"), App::BookingChange);
        assert_eq!(App::for_path("/booking/find/cancel"), App::BookingFind);
        assert_eq!(App::for_path("/booking/check-in"), App::BookingCheckIn);
        assert_eq!(App::for_path("/bookings"), App::Portal);
        assert_eq!(App::for_path("/gi"), App::Gi);
        assert_eq!(App::for_path("/gi/GI00842"), App::Gi);
        assert_eq!(App::for_path("/gift"), App::Portal);
        assert_eq!(App::for_path("/policies"), App::Policies);
        assert_eq!(App::for_path("/policies/"), App::Policies);
        assert_eq!(App::for_path("/policies/search"), App::Policies);
        assert_eq!(
            App::for_path("/policies/nantong-2024-ip-strong-city-plan"),
            App::PolicyDocument
        );
        assert_eq!(App::for_path("/policy"), App::Portal);
        assert_eq!(App::for_path("/assistance"), App::Assistance);
        assert_eq!(App::for_path("/assistance/apply"), App::Assistance);
        assert_eq!(App::for_path("/assistance/apply/"), App::Assistance);
        assert_eq!(App::for_path("/assistance/apply/check"), App::Assistance);
        for section in [
            "applicant",
            "right",
            "other-party",
            "facts",
            "help",
            "evidence",
            "declaration",
        ] {
            assert_eq!(
                App::for_path(&format!("/assistance/apply/{section}")),
                App::Assistance
            );
        }
        assert_eq!(
            App::for_path("/assistance/requests/abc/reply/12"),
            App::AssistanceActions
        );
        assert_eq!(
            App::for_path("/assistance/requests/abc/withdraw"),
            App::AssistanceActions
        );
        assert_eq!(
            App::for_path("/assistance/requests/abc/rating"),
            App::AssistanceLookup
        );
        assert_eq!(
            App::for_path("/assistance/requests/abc/other"),
            App::AssistanceTracking
        );
        assert_eq!(
            App::for_path("/assistance/requests/abc"),
            App::AssistanceTracking
        );
        assert_eq!(App::for_path("/assistance/track"), App::AssistanceLookup);
        assert_eq!(App::for_path("/assistance/track/x"), App::Assistance);
        assert_eq!(App::for_path("/assistance/tracks"), App::Assistance);
        assert_eq!(App::for_path("/assistances"), App::Portal);
        assert_eq!(App::for_path("/no/such/page"), App::Portal);
        assert_eq!(App::for_path("/staff"), App::Workbench);
        assert_eq!(App::for_path("/staff/login"), App::Workbench);
        assert_eq!(App::for_path("/staff/cases/12"), App::Workbench);
        assert_eq!(App::for_path("/staffing"), App::Portal);
        assert_eq!(App::for_path("/privacy"), App::Privacy);
        assert_eq!(App::for_path("/accessibility"), App::Privacy);
        assert_eq!(App::for_path("/privacy-policy"), App::Portal);
        assert_eq!(App::for_path("/fast-track"), App::FastTrack);
        assert_eq!(App::for_path("/fast-track/sign-in"), App::FastTrack);
        assert_eq!(App::for_path("/fast-track/account"), App::FastTrack);
        assert_eq!(App::for_path("/fast-tracks"), App::Portal);
        assert_eq!(
            App::for_path("/fast-track/registration"),
            App::FirmRegistration
        );
        for section in ["firm", "rnd", "patents", "management", "declaration"] {
            assert_eq!(
                App::for_path(&format!("/fast-track/registration/{section}")),
                App::RegistrationQuestions
            );
        }
        assert_eq!(
            App::for_path("/fast-track/pre-exams/numbers"),
            App::PreExamTracking
        );
        for page in ["", "/12", "/12/check", "/12/confirmation"] {
            assert_eq!(
                App::for_path(&format!("/fast-track/pre-exams{page}")),
                App::PreExam
            );
        }
        for page in [
            "/12/application",
            "/12/exclusions",
            "/12/details",
            "/12/filing",
        ] {
            assert_eq!(
                App::for_path(&format!("/fast-track/pre-exams{page}")),
                App::PreExamQuestions
            );
        }
        for page in ["/12/status", "/12/notice", "/12/documents"] {
            assert_eq!(
                App::for_path(&format!("/fast-track/pre-exams{page}")),
                App::PreExamTracking
            );
        }
        assert_eq!(
            App::for_path("/fast-track/pre-exams/quota"),
            App::PreExamQuota
        );
        assert_eq!(App::for_path("/fast-track/pre-exams/quota/x"), App::PreExam);
        assert_eq!(App::for_path("/fast-track/pre-exam"), App::FastTrack);
        for page in ["uploads", "check", "certificate", "nonsense"] {
            assert_eq!(
                App::for_path(&format!("/fast-track/registration/{page}")),
                App::FirmRegistration
            );
        }
    }
}
