//! The staff workbench (issue #7), its own app (`src/bin/workbench.rs`) under `/staff/...`:
//! login, the case queue and a case, the booking desk, the overview, the follow-up of bad service
//! ratings, the audit log, and the administrator's staff accounts, venue booking settings,
//! holiday calendar, venue contacts, the site footer, home-page notices and retention periods of personal data, the fast track's firm accounts (a password
//! link for someone who forgot theirs) and, for pre-examination officers, firms' registrations and pre-examination requests. It has
//! its own frame (who is signed in, the pages of the account's roles, sign out) and stylesheet
//! (`style/workbench.css`), so none of it reaches the citizen apps. The server decides who may do
//! what (`crates/server/src/staff/`); the pages only hide what an account cannot use.

mod accounts;
mod admin_form;
mod audit;
mod auth;
mod case;
mod cases;
mod clusters;
mod confirm_form;
mod contacts;
mod desk;
mod fast_track_settings;
mod firm_quota;
mod firms;
mod frame;
mod guard;
mod holidays;
mod list_table;
mod login;
mod notices;
mod overview;
mod overview_pre_exams;
mod own_password;
mod page_table;
mod pre_exam;
mod pre_exam_settings;
mod pre_exam_steps;
mod pre_exams;
mod ratings;
mod registration;
mod registrations;
mod retention;
mod site;
mod slots;
pub mod texts;
mod venues;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{ParamSegment, StaticSegment};
use portal_domain::apps::App;

use self::texts::{pick, Tr};
use crate::app::FocusOnNavigation;
use crate::pages::not_found::NotFound;
use crate::prefs::{provide_prefs, use_prefs};

#[component]
pub fn WorkbenchApp() -> impl IntoView {
    provide_prefs();
    provide_context(App::Workbench);
    auth::provide_auth();
    let s = StaticSegment("staff");
    view! {
        <Router>
            <FocusOnNavigation/>
            <frame::StaffHeader/>
            <main id="main" tabindex="-1" class="staff-main">
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=s view=overview::OverviewPage/>
                    <Route path=(s, StaticSegment("login")) view=login::LoginPage/>
                    <Route path=(s, StaticSegment("cases")) view=cases::QueuePage/>
                    <Route path=(s, StaticSegment("cases"), ParamSegment("id")) view=case::CasePage/>
                    <Route path=(s, StaticSegment("bookings")) view=desk::DeskPage/>
                    <Route path=(s, StaticSegment("bookings"), StaticSegment("clusters")) view=clusters::ClustersPage/>
                    <Route path=(s, StaticSegment("audit")) view=audit::AuditPage/>
                    <Route path=(s, StaticSegment("admin"), StaticSegment("notices")) view=notices::NoticesPage/>
                    <Route path=(s, StaticSegment("accounts")) view=accounts::AccountsPage/>
                    <Route path=(s, StaticSegment("accounts"), StaticSegment("change")) view=accounts::AccountPage/>
                    <Route path=(s, StaticSegment("admin"), StaticSegment("venues")) view=venues::VenuesPage/>
                    <Route path=(s, StaticSegment("admin"), StaticSegment("venues"), ParamSegment("id")) view=venues::VenuePage/>
                    <Route path=(s, StaticSegment("admin"), StaticSegment("contacts")) view=contacts::ContactsPage/>
                    <Route path=(s, StaticSegment("admin"), StaticSegment("contacts"), ParamSegment("id")) view=contacts::ContactPage/>
                    <Route path=(s, StaticSegment("admin"), StaticSegment("site")) view=site::SitePage/>
                    <Route path=(s, StaticSegment("admin"), StaticSegment("holidays")) view=holidays::HolidaysPage/>
                    <Route path=(s, StaticSegment("admin"), StaticSegment("firms")) view=firms::FirmsPage/>
                    <Route path=(s, StaticSegment("admin"), StaticSegment("fast-track")) view=fast_track_settings::FastTrackSettingsPage/>
                    <Route path=(s, StaticSegment("admin"), StaticSegment("pre-exam")) view=pre_exam_settings::PreExamSettingsPage/>
                    <Route path=(s, StaticSegment("admin"), StaticSegment("retention")) view=retention::RetentionPage/>
                    <Route path=(s, StaticSegment("ratings")) view=ratings::RatingsPage/>
                    <Route path=(s, StaticSegment("registrations")) view=registrations::RegistrationsPage/>
                    <Route path=(s, StaticSegment("registrations"), ParamSegment("id")) view=registration::RegistrationPage/>
                    <Route path=(s, StaticSegment("pre-exams")) view=pre_exams::PreExamsPage/>
                    <Route path=(s, StaticSegment("pre-exams"), ParamSegment("id")) view=pre_exam::PreExamPage/>
                </Routes>
            </main>
        </Router>
    }
}

/// Sets the document title to "<page> - 工作台".
fn use_staff_title(page: Tr) {
    let prefs = use_prefs();
    Effect::new(move |_| {
        let lang = prefs.lang.get();
        document().set_title(&format!(
            "{} - {}",
            pick(lang, page),
            pick(lang, |t| t.page_title_suffix)
        ));
    });
}
