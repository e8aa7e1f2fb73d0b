//! Generates the domain's message structs from `locales/*/domain_*.toml` (see
//! `portal-texts-build`). One catalog per family of errors, each used only where that family
//! is: a generated struct is a static holding all its texts, and every app that touches it links
//! all of them, so the booking app must not carry the workbench's messages.

use portal_texts_build::{catalog, generate};

fn main() {
    generate(
        std::path::Path::new("../../locales"),
        "crate::Lang",
        &[
            catalog("domain_ids_shared", "SharedIdTexts", "shared_id_texts"),
            catalog(
                "domain_ids_assistance",
                "AssistanceIdTexts",
                "assistance_id_texts",
            ),
            catalog("domain_ids_patent", "PatentIdTexts", "patent_id_texts"),
            catalog("domain_weekdays", "WeekdayTexts", "weekday_texts"),
            catalog("domain_calendar", "CalendarTexts", "calendar_texts"),
            catalog("domain_booking", "BookingErrorTexts", "booking_error_texts"),
            catalog(
                "domain_assistance",
                "AssistanceErrorTexts",
                "assistance_error_texts",
            ),
            catalog("domain_staff", "StaffErrorTexts", "staff_error_texts"),
            catalog("domain_rating", "RatingErrorTexts", "rating_error_texts"),
            catalog("domain_site", "SiteErrorTexts", "site_error_texts"),
            catalog("domain_policies", "PolicyErrorTexts", "policy_error_texts"),
            catalog("domain_gi", "GiErrorTexts", "gi_error_texts"),
            catalog("domain_firm", "FirmErrorTexts", "firm_error_texts"),
            catalog(
                "domain_registration",
                "RegistrationErrorTexts",
                "registration_error_texts",
            ),
            catalog(
                "domain_pre_exam",
                "PreExamErrorTexts",
                "pre_exam_error_texts",
            ),
            catalog(
                "domain_pre_exam_quota",
                "PreExamQuotaErrorTexts",
                "pre_exam_quota_error_texts",
            ),
        ],
    );
}
