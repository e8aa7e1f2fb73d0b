//! The workbench's pages in one table: where each is, its label in the navigation, and the roles
//! that may open it. The navigation, the "pages you may use" list and every page's guard read
//! it, so who may open a page is written once.

use portal_domain::api::staff::Role;

use super::texts::Tr;

/// A page of the workbench's navigation; the pages under it (a case, a venue, …) stand behind
/// its guard too.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StaffPage {
    Overview,
    Cases,
    Desk,
    Ratings,
    Audit,
    Accounts,
    Venues,
    Contacts,
    Site,
    Holidays,
    Notices,
    Firms,
    Registrations,
    PreExams,
    PreExamSettings,
    FastTrackSettings,
    Retention,
}

/// One row of [`PAGES`].
pub struct PageEntry {
    pub page: StaffPage,
    pub path: &'static str,
    pub label: Tr,
    pub roles: &'static [Role],
}

/// The pages of the workbench, who may open them, in the navigation's order.
pub const PAGES: [PageEntry; 17] = [
    PageEntry {
        page: StaffPage::Overview,
        path: "/staff",
        label: |t| t.nav_overview,
        roles: &[Role::Administrator, Role::CaseHandler],
    },
    PageEntry {
        page: StaffPage::Cases,
        path: "/staff/cases",
        label: |t| t.nav_cases,
        roles: &[Role::CaseHandler],
    },
    PageEntry {
        page: StaffPage::Desk,
        path: "/staff/bookings",
        label: |t| t.nav_desk,
        roles: &[Role::Reception],
    },
    PageEntry {
        page: StaffPage::Ratings,
        path: "/staff/ratings",
        label: |t| t.nav_ratings,
        // Who follows up bad ratings: every role (the server lets any member of staff in).
        roles: &[Role::Administrator, Role::CaseHandler, Role::Reception],
    },
    PageEntry {
        page: StaffPage::Audit,
        path: "/staff/audit",
        label: |t| t.nav_audit,
        roles: &[Role::Administrator],
    },
    PageEntry {
        page: StaffPage::Accounts,
        path: "/staff/accounts",
        label: |t| t.nav_accounts,
        roles: &[Role::Administrator],
    },
    PageEntry {
        page: StaffPage::Venues,
        path: "/staff/admin/venues",
        label: |t| t.nav_venues,
        roles: &[Role::Administrator],
    },
    PageEntry {
        page: StaffPage::Contacts,
        path: "/staff/admin/contacts",
        label: |t| t.nav_contacts,
        roles: &[Role::Administrator],
    },
    PageEntry {
        page: StaffPage::Site,
        path: "/staff/admin/site",
        label: |t| t.nav_site,
        roles: &[Role::Administrator],
    },
    PageEntry {
        page: StaffPage::Holidays,
        path: "/staff/admin/holidays",
        label: |t| t.nav_holidays,
        roles: &[Role::Administrator],
    },
    PageEntry {
        page: StaffPage::Notices,
        path: "/staff/admin/notices",
        label: |t| t.nav_notices,
        roles: &[Role::Administrator],
    },
    PageEntry {
        page: StaffPage::Firms,
        path: "/staff/admin/firms",
        label: |t| t.nav_firms,
        roles: &[Role::Administrator],
    },
    PageEntry {
        page: StaffPage::FastTrackSettings,
        path: "/staff/admin/fast-track",
        label: |t| t.nav_fast_track,
        roles: &[Role::Administrator],
    },
    PageEntry {
        page: StaffPage::PreExamSettings,
        path: "/staff/admin/pre-exam",
        label: |t| t.nav_pre_exam_settings,
        roles: &[Role::Administrator],
    },
    PageEntry {
        page: StaffPage::Retention,
        path: "/staff/admin/retention",
        label: |t| t.nav_retention,
        roles: &[Role::Administrator],
    },
    PageEntry {
        page: StaffPage::Registrations,
        path: "/staff/registrations",
        label: |t| t.nav_registrations,
        roles: &[Role::PreExamOfficer],
    },
    PageEntry {
        page: StaffPage::PreExams,
        path: "/staff/pre-exams",
        label: |t| t.nav_pre_exams,
        roles: &[Role::PreExamOfficer],
    },
];

impl StaffPage {
    /// The roles that may open this page (and the pages under it).
    pub fn roles(self) -> &'static [Role] {
        PAGES
            .iter()
            .find(|entry| entry.page == self)
            .map_or(&[], |entry| entry.roles)
    }
}

#[cfg(test)]
mod tests {
    use super::{StaffPage, PAGES};

    #[test]
    fn each_page_has_one_row_and_some_roles() {
        for entry in &PAGES {
            let rows = PAGES.iter().filter(|e| e.page == entry.page).count();
            assert_eq!(rows, 1, "{}", entry.path);
            assert!(!entry.page.roles().is_empty(), "{}", entry.path);
        }
        assert_eq!(StaffPage::Ratings.roles().len(), 3);
    }
}
